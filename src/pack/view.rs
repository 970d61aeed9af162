//! A plan as a pack's expressions see it: the typed plan (money a number in the plan's
//! currency, percent a fraction, enums their words) as CEL values, each value keeping its
//! span so that a finding points at it.

use std::collections::HashMap;
use std::sync::Arc;

use cel::Value;
use cel::objects::{Key, Map};
use serde_json::Value as Json;

use super::shape::{Seg, join};
use crate::lint::Context;
use crate::model::Plan;
use crate::source::Span;

/// A value of the plan with its span.
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: Kind,
    pub span: Option<Span>,
}

#[derive(Clone, Debug)]
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
        let json = serde_json::to_value(plan).unwrap_or(Json::Null);
        let mut root = from_json(&json, None);
        root.span = Some(plan.document.span);
        root
    }

    fn field(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, n)| n),
            _ => None,
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

/// serde's shape of `Val` (`{"$v", "$o", "$l"}`) and `Field::Invalid`
/// (`{"$invalid": true}`), see `model::value`.
fn from_json(json: &Json, span: Option<Span>) -> Node {
    let kind = match json {
        Json::Null => Kind::Null,
        Json::Bool(b) => Kind::Bool(*b),
        Json::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Kind::Int(i),
            (None, Some(u)) => Kind::Int(i64::try_from(u).unwrap_or(i64::MAX)),
            _ => Kind::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Json::String(s) => Kind::Str(s.clone()),
        Json::Array(items) => Kind::List(items.iter().map(|i| from_json(i, None)).collect()),
        Json::Object(o) => {
            if o.contains_key("$invalid") {
                Kind::Invalid
            } else if let Some(v) = o.get("$v") {
                let at = |k: &str| o.get(k).and_then(Json::as_u64).unwrap_or(0) as usize;
                return from_json(v, Some(Span::new(at("$o"), at("$l"))));
            } else {
                Kind::Map(
                    o.iter()
                        .filter(|(_, v)| !v.is_null())
                        .map(|(k, v)| (k.clone(), from_json(v, None)))
                        .collect(),
                )
            }
        }
    };
    // serde_json orders object keys alphabetically; the format's order is the
    // schema's, which is the same sort (both come from serde_json maps).
    Node { kind, span }
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
    step(root, root, segs, String::new(), &mut out);
    out
}

fn step<'a>(node: &'a Node, item: &'a Node, segs: &[Seg], path: String, out: &mut Walk<'a>) {
    let Some((seg, rest)) = segs.split_first() else {
        match node.kind {
            Kind::Invalid => out.invalid.push(path),
            Kind::Null => out.missing.push((item, path)),
            _ => out.found.push(Found {
                value: node,
                item,
                path,
            }),
        }
        return;
    };
    // The mapping that holds what comes next.
    let holder = if node.is_map() { node } else { item };
    match (&node.kind, seg) {
        (Kind::Invalid, _) => out.invalid.push(path),
        (Kind::Map(_), Seg::Key(k)) => match node.field(k) {
            Some(child) => step(child, holder, rest, join(&path, k), out),
            None => out.missing.push((node, join(&path, k))),
        },
        (Kind::Map(fields), Seg::Each) => {
            for (k, child) in fields {
                step(child, holder, rest, join(&path, k), out);
            }
        }
        (Kind::List(items), Seg::Each) => {
            for (i, child) in items.iter().enumerate() {
                let child_path = format!("{path}[{i}]");
                step(child, holder, rest, child_path, out);
            }
        }
        _ => out.missing.push((holder, path)),
    }
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
