//! A plan as a pack's expressions see it: the typed plan (money a number in the plan's
//! currency, percent a fraction, enums their words) as CEL values, each value keeping its
//! span so that a finding points at it.

use std::collections::HashMap;
use std::sync::Arc;

use std::sync::OnceLock;

use cel::Value;
use cel::common::value::Val;
use cel::objects::{Key, Map};

use super::shape::Seg;
use crate::lint::Context;
use crate::model::Plan;
use crate::source::Span;

/// A value of the plan with its span.
#[derive(Debug)]
pub struct Node {
    pub kind: Kind,
    pub span: Option<Span>,
    /// The value as expressions see it, converted the first time one does.
    val: OnceLock<Box<dyn Val>>,
}

#[derive(Debug)]
pub enum Kind {
    /// Present but unreadable: it has its own `plan/invalid-value` finding.
    Invalid,
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Node>),
    /// Fields in the format's order; absent fields are left out.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// The typed plan as a tree (absent fields left out).
    pub fn of_plan(plan: &Plan) -> Node {
        use serde::Serialize;
        let mut root = plan
            .serialize(ser::To)
            .unwrap_or_else(|_| Node::new(Kind::Null, None));
        root.span = Some(plan.document.span);
        root
    }

    fn field(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, n)| n),
            _ => None,
        }
    }

    pub fn new(kind: Kind, span: Option<Span>) -> Node {
        Node {
            kind,
            span,
            val: OnceLock::new(),
        }
    }

    /// A node for a value computed rather than read (`metrics`).
    pub fn value(v: Value) -> Node {
        let node = Node::new(Kind::Null, None);
        let _ = node.val.set(super::expr::to_val(v));
        node
    }

    /// The value as expressions see it (converted once).
    pub fn val(&self) -> &dyn Val {
        self.val.get_or_init(|| self.to_box()).as_ref()
    }

    /// The value built straight as the interpreter's values (no `Value` in between).
    fn to_box(&self) -> Box<dyn Val> {
        use cel::common::types::{
            CelBool, CelDouble, CelInt, CelList, CelMap, CelMapKey, CelNull, CelString,
        };
        match &self.kind {
            Kind::Invalid | Kind::Null => Box::new(CelNull),
            Kind::Bool(b) => Box::new(CelBool::from(*b)),
            Kind::Int(i) => Box::new(CelInt::from(*i)),
            Kind::Float(f) => Box::new(CelDouble::from(*f)),
            Kind::Str(s) => Box::new(CelString::from(s.clone())),
            Kind::List(items) => Box::new(CelList::from(
                items.iter().map(Node::to_box).collect::<Vec<_>>(),
            )),
            Kind::Map(fields) => Box::new(CelMap::from(
                fields
                    .iter()
                    .filter(|(_, n)| !matches!(n.kind, Kind::Invalid))
                    .map(|(k, n)| (CelMapKey::from(k.clone()), n.to_box()))
                    .collect::<HashMap<_, _>>(),
            )),
        }
    }

    pub fn is_map(&self) -> bool {
        matches!(self.kind, Kind::Map(_))
    }

    /// The CEL value (an unreadable field is left out of its mapping, as if absent).
    pub fn to_cel(&self) -> Value {
        match &self.kind {
            Kind::Invalid | Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Int(i) => Value::Int(*i),
            Kind::Float(f) => Value::Float(*f),
            Kind::Str(s) => Value::String(Arc::new(s.clone())),
            Kind::List(items) => Value::List(Arc::new(items.iter().map(Node::to_cel).collect())),
            Kind::Map(fields) => {
                let map: HashMap<Key, Value> = fields
                    .iter()
                    .filter(|(_, n)| !matches!(n.kind, Kind::Invalid))
                    .map(|(k, n)| (Key::String(Arc::new(k.clone())), n.to_cel()))
                    .collect();
                Value::Map(Map { map: Arc::new(map) })
            }
        }
    }

    /// The longest list in the tree, for the evaluation budget.
    pub fn longest_list(&self) -> usize {
        match &self.kind {
            Kind::List(items) => items
                .iter()
                .map(Node::longest_list)
                .max()
                .unwrap_or(0)
                .max(items.len()),
            Kind::Map(fields) => fields
                .iter()
                .map(|(_, n)| n.longest_list())
                .max()
                .unwrap_or(0),
            _ => 0,
        }
    }
}

/// A value a `given` path found: it, the mapping that holds it, and its path.
pub struct Found<'a> {
    pub value: &'a Node,
    pub item: &'a Node,
    pub path: String,
}

/// What walking a `given` path over a plan gave.
#[derive(Default)]
pub struct Walk<'a> {
    pub found: Vec<Found<'a>>,
    /// Where the path stopped for lack of a value: the deepest node reached (its span
    /// is where a `required` finding points) and the path up to it.
    pub missing: Vec<(&'a Node, String)>,
    pub invalid: Vec<String>,
}

/// Walks `segs` from the plan's root.
pub fn walk<'a>(root: &'a Node, segs: &[Seg]) -> Walk<'a> {
    let mut out = Walk::default();
    step(root, root, segs, &mut String::new(), &mut out);
    out
}

fn step<'a>(node: &'a Node, item: &'a Node, segs: &[Seg], path: &mut String, out: &mut Walk<'a>) {
    let Some((seg, rest)) = segs.split_first() else {
        match node.kind {
            Kind::Invalid => out.invalid.push(path.clone()),
            Kind::Null => out.missing.push((item, path.clone())),
            _ => out.found.push(Found {
                value: node,
                item,
                path: path.clone(),
            }),
        }
        return;
    };
    // The mapping that holds what comes next.
    let holder = if node.is_map() { node } else { item };
    let at = path.len();
    let push_key = |path: &mut String, k: &str| {
        if at > 0 {
            path.push('.');
        }
        path.push_str(k);
    };
    match (&node.kind, seg) {
        (Kind::Invalid, _) => out.invalid.push(path.clone()),
        (Kind::Map(_), Seg::Key(k)) => {
            push_key(path, k);
            match node.field(k) {
                Some(child) => step(child, holder, rest, path, out),
                None => out.missing.push((node, path.clone())),
            }
        }
        (Kind::Map(fields), Seg::Each) => {
            for (k, child) in fields {
                push_key(path, k);
                step(child, holder, rest, path, out);
                path.truncate(at);
            }
        }
        (Kind::List(items), Seg::Each) => {
            for (i, child) in items.iter().enumerate() {
                use std::fmt::Write;
                let _ = write!(path, "[{i}]");
                step(child, holder, rest, path, out);
                path.truncate(at);
            }
        }
        _ => out.missing.push((holder, path.clone())),
    }
    path.truncate(at);
}

/// The derived values the built-in rules use, as `metrics`: `ltv` (computed),
/// `payback_months` (computed), `ltv_cac`, `roi` (computed), `improvement` (computed),
/// `growth` (one `{year, rate}` per planned year with revenue after another), and
/// `cash_out_year` (the first year whose `cash_end` is below zero). Absent when the plan
/// does not give what they are computed from (test with `has(metrics.roi)`).
pub fn metrics(cx: &Context) -> Value {
    let m = &cx.metrics;
    let mut out: Vec<(&str, Value)> = Vec::new();
    let mut num = |k, v: Option<f64>| {
        if let Some(v) = v.filter(|v| v.is_finite()) {
            out.push((k, Value::Float(v)));
        }
    };
    num("ltv", m.ltv_computed);
    num("payback_months", m.payback_computed);
    num("roi", m.roi_computed);
    num("improvement", m.improvement_computed);
    let ue = cx.unit_economics();
    let ltv = ue.and_then(|u| u.ltv.value()).or(m.ltv_computed);
    let cac = ue.and_then(|u| u.cac.value()).filter(|c| *c > 0.0);
    num("ltv_cac", ltv.zip(cac).map(|(l, c)| l / c));
    let rows: Vec<(Option<i64>, Option<f64>, Option<f64>)> = cx
        .plan
        .projections
        .get()
        .map(|p| {
            p.value
                .iter()
                .map(|r| {
                    (
                        r.value.year.value(),
                        r.value.revenue.value(),
                        r.value.cash_end.value(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let mut growth = Vec::new();
    for pair in rows.windows(2) {
        if let [(_, Some(before), _), (Some(year), Some(after), _)] = pair
            && *before > 0.0
        {
            growth.push(map_of(vec![
                ("year", Value::Int(*year)),
                ("rate", Value::Float(after / before - 1.0)),
            ]));
        }
    }
    if let Some(year) = rows
        .iter()
        .find(|(_, _, cash)| cash.is_some_and(|c| c < 0.0))
        .and_then(|(y, _, _)| *y)
    {
        out.push(("cash_out_year", Value::Int(year)));
    }
    out.push(("growth", Value::List(Arc::new(growth))));
    map_of(out)
}

pub fn map_of(entries: Vec<(&str, Value)>) -> Value {
    let map: HashMap<Key, Value> = entries
        .into_iter()
        .map(|(k, v)| (Key::String(Arc::new(k.to_string())), v))
        .collect();
    Value::Map(Map { map: Arc::new(map) })
}

/// The shape of a `metrics` field, for `{metrics.ltv}` in a message.
pub fn metric_leaf(name: &str) -> Option<super::shape::Leaf> {
    use super::shape::Leaf;
    Some(match name {
        "ltv" => Leaf::Money,
        "payback_months" => Leaf::Number,
        "roi" | "improvement" | "ltv_cac" => Leaf::Multiple,
        "cash_out_year" => Leaf::Year,
        _ => return None,
    })
}

/// Serializes the typed plan straight into [`Node`]s: `Val` (its `$v`, `$o`, `$l`) keeps
/// its span, `Field::Invalid` (`{"$invalid": true}`) is [`Kind::Invalid`], absent fields
/// are left out. No intermediate JSON: this runs once per plan.
mod ser {
    use serde::ser::{self, Serialize};

    use super::{Kind, Node};
    use crate::source::Span;

    #[derive(Debug)]
    pub struct Error(String);

    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Error {}

    impl ser::Error for Error {
        fn custom<T: std::fmt::Display>(msg: T) -> Self {
            Error(msg.to_string())
        }
    }

    pub struct To;

    fn leaf(kind: Kind) -> Result<Node, Error> {
        Ok(Node::new(kind, None))
    }

    impl ser::Serializer for To {
        type Ok = Node;
        type Error = Error;
        type SerializeSeq = Seq;
        type SerializeTuple = Seq;
        type SerializeTupleStruct = Seq;
        type SerializeTupleVariant = ser::Impossible<Node, Error>;
        type SerializeMap = Invalid;
        type SerializeStruct = Struct;
        type SerializeStructVariant = ser::Impossible<Node, Error>;

        fn serialize_bool(self, v: bool) -> Result<Node, Error> {
            leaf(Kind::Bool(v))
        }
        fn serialize_i8(self, v: i8) -> Result<Node, Error> {
            leaf(Kind::Int(v.into()))
        }
        fn serialize_i16(self, v: i16) -> Result<Node, Error> {
            leaf(Kind::Int(v.into()))
        }
        fn serialize_i32(self, v: i32) -> Result<Node, Error> {
            leaf(Kind::Int(v.into()))
        }
        fn serialize_i64(self, v: i64) -> Result<Node, Error> {
            leaf(Kind::Int(v))
        }
        fn serialize_u8(self, v: u8) -> Result<Node, Error> {
            leaf(Kind::Int(v.into()))
        }
        fn serialize_u16(self, v: u16) -> Result<Node, Error> {
            leaf(Kind::Int(v.into()))
        }
        fn serialize_u32(self, v: u32) -> Result<Node, Error> {
            leaf(Kind::Int(v.into()))
        }
        fn serialize_u64(self, v: u64) -> Result<Node, Error> {
            leaf(Kind::Int(i64::try_from(v).unwrap_or(i64::MAX)))
        }
        fn serialize_f32(self, v: f32) -> Result<Node, Error> {
            leaf(Kind::Float(v.into()))
        }
        fn serialize_f64(self, v: f64) -> Result<Node, Error> {
            leaf(Kind::Float(v))
        }
        fn serialize_char(self, v: char) -> Result<Node, Error> {
            leaf(Kind::Str(v.to_string()))
        }
        fn serialize_str(self, v: &str) -> Result<Node, Error> {
            leaf(Kind::Str(v.to_string()))
        }
        fn serialize_bytes(self, _: &[u8]) -> Result<Node, Error> {
            leaf(Kind::Null)
        }
        fn serialize_none(self) -> Result<Node, Error> {
            leaf(Kind::Null)
        }
        fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<Node, Error> {
            v.serialize(self)
        }
        fn serialize_unit(self) -> Result<Node, Error> {
            leaf(Kind::Null)
        }
        fn serialize_unit_struct(self, _: &'static str) -> Result<Node, Error> {
            leaf(Kind::Null)
        }
        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
        ) -> Result<Node, Error> {
            leaf(Kind::Str(variant.to_string()))
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            v: &T,
        ) -> Result<Node, Error> {
            v.serialize(self)
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            v: &T,
        ) -> Result<Node, Error> {
            v.serialize(self)
        }
        fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
            Ok(Seq(Vec::with_capacity(len.unwrap_or(0))))
        }
        fn serialize_tuple(self, len: usize) -> Result<Seq, Error> {
            Ok(Seq(Vec::with_capacity(len)))
        }
        fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq, Error> {
            Ok(Seq(Vec::with_capacity(len)))
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Error> {
            Err(ser::Error::custom("not in a plan"))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Invalid, Error> {
            Ok(Invalid)
        }
        fn serialize_struct(self, name: &'static str, len: usize) -> Result<Struct, Error> {
            Ok(Struct {
                val: name == "Val",
                fields: Vec::with_capacity(len),
                value: None,
                offset: 0,
                len: 0,
            })
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Error> {
            Err(ser::Error::custom("not in a plan"))
        }
    }

    pub struct Seq(Vec<Node>);

    impl ser::SerializeSeq for Seq {
        type Ok = Node;
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
            self.0.push(v.serialize(To)?);
            Ok(())
        }
        fn end(self) -> Result<Node, Error> {
            leaf(Kind::List(self.0))
        }
    }

    impl ser::SerializeTuple for Seq {
        type Ok = Node;
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
            ser::SerializeSeq::serialize_element(self, v)
        }
        fn end(self) -> Result<Node, Error> {
            ser::SerializeSeq::end(self)
        }
    }

    impl ser::SerializeTupleStruct for Seq {
        type Ok = Node;
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
            ser::SerializeSeq::serialize_element(self, v)
        }
        fn end(self) -> Result<Node, Error> {
            ser::SerializeSeq::end(self)
        }
    }

    /// The one map a plan serializes: `Field::Invalid`'s `{"$invalid": true}`.
    pub struct Invalid;

    impl ser::SerializeMap for Invalid {
        type Ok = Node;
        type Error = Error;
        fn serialize_key<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), Error> {
            Ok(())
        }
        fn serialize_value<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), Error> {
            Ok(())
        }
        fn end(self) -> Result<Node, Error> {
            leaf(Kind::Invalid)
        }
    }

    pub struct Struct {
        /// A `Val`: its value and span, not a mapping.
        val: bool,
        fields: Vec<(String, Node)>,
        value: Option<Node>,
        offset: usize,
        len: usize,
    }

    impl ser::SerializeStruct for Struct {
        type Ok = Node;
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(
            &mut self,
            key: &'static str,
            v: &T,
        ) -> Result<(), Error> {
            let node = v.serialize(To)?;
            if self.val {
                let n = match node.kind {
                    Kind::Int(i) => usize::try_from(i).unwrap_or(0),
                    _ => 0,
                };
                match key {
                    "$o" => self.offset = n,
                    "$l" => self.len = n,
                    _ => self.value = Some(node),
                }
            } else if !matches!(node.kind, Kind::Null) {
                self.fields.push((key.to_string(), node));
            }
            Ok(())
        }
        fn end(self) -> Result<Node, Error> {
            if self.val {
                let mut node = self.value.unwrap_or_else(|| Node::new(Kind::Null, None));
                node.span = Some(Span::new(self.offset, self.len));
                return Ok(node);
            }
            leaf(Kind::Map(self.fields))
        }
    }
}
