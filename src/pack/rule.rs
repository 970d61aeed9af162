//! One pack rule as the engine runs it: its `given` path walked over the plan, its
//! `when` evaluated on every value found, its message and help interpolated.

use std::sync::Arc;

use cel::Value;

use super::expr::{self, CompileError, Compiled, Money};
use super::shape::{self, Leaf, Seg, Shape};
use super::view::{self, Node};
use crate::i18n::{Arg, Message, Part};
use crate::lint::{Context, Finding, NotCheckedReason, RuntimeRule, Skip};
use crate::model::Place;
use crate::model::value::{format_number, shorten};
use crate::rules::plan;
use crate::source::Span;

/// Text with `{expression}` in it.
#[derive(Debug)]
pub struct Interpolated {
    pub parts: Vec<Piece>,
}

#[derive(Debug)]
pub enum Piece {
    Text(String),
    /// An expression, and the shape of its value when it names a field of the plan
    /// (`value`, `item.year`, `plan.unit_economics.acv`), money for `money(…)`.
    Expr(Compiled, Option<Shape>),
}

/// Splits `text` at `{…}` (`{{` and `}}` are literal braces) and compiles each
/// expression. An error is `(byte offset, None)` for a brace left open.
pub fn interpolate(
    text: &str,
    given: &[Seg],
) -> Result<Interpolated, (usize, Option<CompileError>)> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = text.char_indices().peekable();
    while let Some((i, c)) = rest.next() {
        match c {
            '{' if rest.peek().is_some_and(|(_, n)| *n == '{') => {
                rest.next();
                literal.push('{');
            }
            '}' if rest.peek().is_some_and(|(_, n)| *n == '}') => {
                rest.next();
                literal.push('}');
            }
            '{' => {
                // The matching brace, past nested braces and quoted strings.
                let mut depth = 1;
                let mut quote: Option<char> = None;
                let mut end = None;
                for (j, d) in rest.by_ref() {
                    match (quote, d) {
                        (Some(q), d) if d == q => quote = None,
                        (Some(_), _) => {}
                        (None, '\'' | '"') => quote = Some(d),
                        (None, '{') => depth += 1,
                        (None, '}') => {
                            depth -= 1;
                            if depth == 0 {
                                end = Some(j);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let Some(end) = end else {
                    return Err((i, None));
                };
                let source = &text[i + 1..end];
                let compiled = expr::compile(source).map_err(|e| {
                    let shift = |at: usize| at + i + 1;
                    let e = match e {
                        CompileError::Syntax { at, detail } => CompileError::Syntax {
                            at: shift(at),
                            detail,
                        },
                        CompileError::Regex {
                            at,
                            pattern,
                            detail,
                        } => CompileError::Regex {
                            at: shift(at),
                            pattern,
                            detail,
                        },
                        CompileError::MoneyArgument { at } => {
                            CompileError::MoneyArgument { at: shift(at) }
                        }
                        CompileError::Money { at, text } => CompileError::Money {
                            at: shift(at),
                            text,
                        },
                        other => other,
                    };
                    (i, Some(e))
                })?;
                if !literal.is_empty() {
                    parts.push(Piece::Text(std::mem::take(&mut literal)));
                }
                let hint = shape_of(source.trim(), given);
                parts.push(Piece::Expr(compiled, hint));
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        parts.push(Piece::Text(literal));
    }
    Ok(Interpolated { parts })
}

/// The shape of what an interpolated expression names, when it is a plain reference.
fn shape_of(source: &str, given: &[Seg]) -> Option<Shape> {
    if source.starts_with("money(") && source.ends_with(')') {
        return Some(Shape::Leaf(Leaf::Money));
    }
    let mut words = source.split('.');
    let head = words.next()?;
    let keys: Vec<Seg> = words
        .map(|w| {
            let w = w.trim();
            (!w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                .then(|| Seg::Key(w.to_string()))
        })
        .collect::<Option<_>>()?;
    match head {
        "value" => shape::PLAN.at(given)?.at(&keys).cloned(),
        "plan" => shape::PLAN.at(&keys).cloned(),
        "metrics" => match keys.as_slice() {
            [Seg::Key(k)] => view::metric_leaf(k).map(Shape::Leaf),
            _ => None,
        },
        "item" => holder_shape(given)?.at(&keys).cloned(),
        _ => None,
    }
}

/// The segments of a path found in a plan (`projections[2].revenue`), list indexes
/// read as `[*]`.
fn concrete_segs(path: &str) -> Option<Vec<Seg>> {
    let mut general = String::with_capacity(path.len());
    let mut in_index = false;
    for ch in path.chars() {
        match ch {
            '[' => {
                in_index = true;
                general.push_str("[*]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            c => general.push(c),
        }
    }
    crate::pack::shape::parse_path(&general)
}

/// The shape of the mapping that holds the value a path names.
fn holder_shape(given: &[Seg]) -> Option<&'static Shape> {
    let mut here: &Shape = &shape::PLAN;
    let mut holder: &Shape = here;
    for seg in given.iter().take(given.len().saturating_sub(1)) {
        here = here.at(std::slice::from_ref(seg))?;
        if matches!(here, Shape::Section(_)) {
            holder = here;
        }
    }
    Some(holder)
}

/// Which of a rule's texts an error is in.
pub enum Which {
    When,
    Message,
    Help,
}

/// A rule of a pack.
pub struct PackRule {
    pub id: String,
    pub given: String,
    pub segs: Vec<Seg>,
    pub required: bool,
    pub when: Compiled,
    pub message: Interpolated,
    pub help: Option<Interpolated>,
    pub help_text: Option<String>,
    pub doc: String,
}

/// What every pack rule derives from one plan, once: the plan as values with spans, the
/// CEL context with `plan`, `metrics` and `money()`.
struct PlanView {
    tree: Node,
    metrics: Node,
    longest: usize,
    money: Arc<Money>,
}

impl PlanView {
    fn new(cx: &Context) -> Self {
        let tree = Node::of_plan(cx.plan);
        let money = Money {
            plan_currency: cx.currency().to_string(),
            base: cx.thresholds.currency.clone(),
            fx: cx.fx.clone(),
        };
        let longest = tree.longest_list();
        PlanView {
            tree,
            metrics: Node::value(view::metrics(cx)),
            longest,
            money: Arc::new(money),
        }
    }

    /// A plan that has every field of the format, with typical values: what a rule's
    /// expressions are type-checked against.
    fn sample() -> Self {
        let tree = sample(&shape::PLAN);
        let money = Money {
            plan_currency: "CNY".to_string(),
            base: "CNY".to_string(),
            fx: crate::thresholds::FxRates::default(),
        };
        let metrics = view::map_of(
            ["ltv", "payback_months", "roi", "improvement", "ltv_cac"]
                .into_iter()
                .map(|k| (k, Value::Float(2.0)))
                .chain([
                    ("cash_out_year", Value::Int(2028)),
                    (
                        "growth",
                        Value::List(Arc::new(vec![view::map_of(vec![
                            ("year", Value::Int(2027)),
                            ("rate", Value::Float(0.5)),
                        ])])),
                    ),
                ])
                .collect(),
        );
        PlanView {
            longest: 2,
            tree,
            metrics: Node::value(metrics),
            money: Arc::new(money),
        }
    }
}

fn sample(shape: &Shape) -> Node {
    use view::Kind;
    let kind = match shape {
        Shape::Section(fields) => {
            Kind::Map(fields.iter().map(|(k, s)| (k.clone(), sample(s))).collect())
        }
        Shape::List(inner) => Kind::List(vec![sample(inner), sample(inner)]),
        Shape::Range(inner) => Kind::List(vec![sample(inner), sample(inner)]),
        Shape::Leaf(leaf) => match leaf {
            Leaf::Money => Kind::Float(100_000.0),
            Leaf::Percent => Kind::Float(0.5),
            Leaf::Multiple | Leaf::Number => Kind::Float(5.0),
            Leaf::Count => Kind::Int(10),
            Leaf::Year => Kind::Int(2027),
            Leaf::Text | Leaf::Enum => Kind::Str("sample 3%".to_string()),
            Leaf::Bool => Kind::Bool(true),
        },
    };
    Node::new(kind, Some(Span::default()))
}

impl PlanView {
    /// Evaluates `c` on one value the rule's path found.
    fn eval(&self, c: &Compiled, found: &view::Found<'_>) -> Result<Value, cel::ExecutionError> {
        let plan = || self.tree.val();
        let metrics = || self.metrics.val();
        let value = || found.value.val();
        let item = || found.item.val();
        let bindings = expr::Bindings {
            value: &value,
            item: &item,
            plan: &plan,
            metrics: &metrics,
        };
        c.eval(&bindings, &self.money)
    }
}

impl PackRule {
    fn exprs(&self) -> impl Iterator<Item = &Compiled> {
        std::iter::once(&self.when).chain(
            self.message
                .parts
                .iter()
                .chain(self.help.iter().flat_map(|h| h.parts.iter()))
                .filter_map(|p| match p {
                    Piece::Expr(c, _) => Some(c),
                    Piece::Text(_) => None,
                }),
        )
    }

    /// Evaluates the rule's expressions on a plan that has every field: an error that
    /// does not depend on values is a type error of the pack.
    pub fn type_check(&self) -> Result<(), (Which, String)> {
        let view = PlanView::sample();
        let walk = view::walk(&view.tree, &self.segs);
        for found in &walk.found {
            match view.eval(&self.when, found) {
                Ok(Value::Bool(_)) => {}
                Ok(other) => {
                    return Err((
                        Which::When,
                        format!("`when` gives {}, not true or false", type_name(&other)),
                    ));
                }
                Err(e) if expr::is_type_error(&e) => return Err((Which::When, e.to_string())),
                Err(_) => {}
            }
            for (which, text) in [
                (Which::Message, Some(&self.message)),
                (Which::Help, self.help.as_ref()),
            ] {
                for piece in text.iter().flat_map(|t| t.parts.iter()) {
                    if let Piece::Expr(c, _) = piece
                        && let Err(e) = view.eval(c, found)
                        && expr::is_type_error(&e)
                    {
                        return Err((which, format!("{{{}}}: {e}", c.source)));
                    }
                }
            }
        }
        Ok(())
    }

    fn words(
        &self,
        text: &Interpolated,
        view: &PlanView,
        found: &view::Found<'_>,
    ) -> Result<Vec<Part>, String> {
        let mut parts = Vec::new();
        for piece in &text.parts {
            match piece {
                Piece::Text(t) => parts.push(Part::Text(crate::text::escape_line(t).into_owned())),
                Piece::Expr(c, hint) => {
                    let v = view
                        .eval(c, found)
                        .map_err(|e| format!("{{{}}}: {e}", c.source))?;
                    // `*` over a mapping names fields of several types: the type of this
                    // one comes from the path it was found at.
                    let here = match hint {
                        Some(_) => None,
                        None => concrete_segs(&found.path)
                            .and_then(|segs| shape_of(c.source.trim(), &segs)),
                    };
                    let hint = hint.as_ref().or(here.as_ref());
                    format_value(&v, hint, &view.money.plan_currency, &mut parts);
                }
            }
        }
        Ok(parts)
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Int(_) | Value::UInt(_) => "an int",
        Value::Float(_) => "a double",
        Value::String(_) => "a string",
        Value::List(_) => "a list",
        Value::Map(_) => "a map",
        Value::Null => "null",
        _ => "a value",
    }
}

/// A value written the way planlint writes its type: `80,000 CNY`, `72%`, `15.8x`.
fn format_value(v: &Value, shape: Option<&Shape>, currency: &str, out: &mut Vec<Part>) {
    let number = match v {
        Value::Int(i) => Some(*i as f64),
        Value::UInt(u) => Some(*u as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    };
    let leaf = match shape {
        Some(Shape::Leaf(l)) => Some(*l),
        _ => None,
    };
    if let Some(n) = number {
        out.push(Part::Arg(match leaf {
            Some(Leaf::Money) => Arg::Money {
                amount: n,
                currency: currency.to_string(),
            },
            Some(Leaf::Percent) => Arg::Percent(n),
            Some(Leaf::Multiple) => Arg::Text(format!("{}x", format_number(n))),
            Some(Leaf::Year) => Arg::Text(format!("{n}")),
            _ => match v {
                Value::Int(i) => Arg::Count(*i),
                _ => Arg::Number(n),
            },
        }));
        return;
    }
    match v {
        Value::String(s) => out.push(Part::Text(shorten(s))),
        Value::Bool(b) => out.push(Part::Text(b.to_string())),
        Value::List(items) => {
            let inner = match shape {
                Some(Shape::List(i) | Shape::Range(i)) => Some(i.as_ref()),
                _ => None,
            };
            out.push(Part::Text("[".to_string()));
            for (i, item) in items.iter().take(20).enumerate() {
                if i > 0 {
                    out.push(Part::Text(", ".to_string()));
                }
                format_value(item, inner, currency, out);
            }
            if items.len() > 20 {
                out.push(Part::Text(", …".to_string()));
            }
            out.push(Part::Text("]".to_string()));
        }
        Value::Map(_) => out.push(Part::Text("{…}".to_string())),
        Value::Null => out.push(Part::Text("null".to_string())),
        _ => out.push(Part::Text("…".to_string())),
    }
}

impl RuntimeRule for PackRule {
    fn check(
        &self,
        rule: &'static crate::lint::Rule,
        cx: &Context,
        out: &mut Vec<Finding>,
    ) -> Result<(), Skip> {
        let Some(view) = cx
            .memo
            .get_or_init(|| Box::new(PlanView::new(cx)))
            .downcast_ref::<PlanView>()
        else {
            return Ok(());
        };
        // A rule comparing money it names with the plan's needs the plan's currency and
        // a rate: without them it is not checked, as the built-in money rules are.
        for lit in self.exprs().flat_map(|c| c.money.iter()) {
            if view.money.plan_currency.is_empty() {
                return Err(Skip {
                    reason: NotCheckedReason::MissingCurrency,
                    paths: vec!["currency".to_string()],
                });
            }
            if view
                .money
                .convert(lit.amount, lit.currency.as_deref())
                .is_none()
            {
                return Err(Skip {
                    reason: NotCheckedReason::NoFxRate,
                    paths: Vec::new(),
                });
            }
        }
        let walk = view::walk(&view.tree, &self.segs);
        if self.required {
            for (holder, path) in &walk.missing {
                let place = Place {
                    span: holder.span.unwrap_or(cx.plan.document.span),
                    path: path.clone(),
                };
                out.push(
                    Finding::new(
                        rule,
                        place,
                        Message::new("pack-required-missing")
                            .text("path", path.clone())
                            .text("given", self.given.clone()),
                        Message::new("pack-required-missing.label").text("path", path.clone()),
                    )
                    .help(
                        Message::new("pack-required-missing.help")
                            .text("given", self.given.clone()),
                    ),
                );
            }
        }
        if walk.found.is_empty() {
            if self.required && !walk.missing.is_empty() {
                return Ok(());
            }
            return Err(if walk.invalid.is_empty() {
                Skip {
                    reason: NotCheckedReason::MissingInput,
                    paths: vec![self.given.clone()],
                }
            } else {
                Skip {
                    reason: NotCheckedReason::InvalidValue,
                    paths: walk.invalid,
                }
            });
        }
        let cost = self
            .exprs()
            .map(|c| c.cost(view.longest))
            .max()
            .unwrap_or(0);
        for found in &walk.found {
            let place = Place {
                span: found
                    .value
                    .span
                    .or(found.item.span)
                    .unwrap_or(cx.plan.document.span),
                path: found.path.clone(),
            };
            if cost.saturating_mul(walk.found.len() as u128) > expr::EVALUATION_BUDGET {
                out.push(plan::rule_error_finding(
                    place,
                    &self.id,
                    "the expression would cost more than the evaluation budget on this plan (its lists are too long for its nested macros)",
                ));
                return Ok(());
            }
            match view.eval(&self.when, found) {
                Ok(Value::Bool(false)) => {}
                Ok(Value::Bool(true)) => {
                    let message = self.words(&self.message, view, found);
                    let help = self.help.as_ref().map(|h| self.words(h, view, found));
                    match (message, help.transpose()) {
                        (Ok(m), Ok(h)) => {
                            let mut f = Finding::new(
                                rule,
                                place,
                                Message::written(m.clone()),
                                Message::written(m),
                            );
                            if let Some(h) = h {
                                f = f.help(Message::written(h));
                            }
                            out.push(f);
                        }
                        (Err(e), _) | (_, Err(e)) => {
                            out.push(plan::rule_error_finding(place, &self.id, &e));
                        }
                    }
                }
                Ok(other) => out.push(plan::rule_error_finding(
                    place,
                    &self.id,
                    &format!("`when` gave {}, not true or false", type_name(&other)),
                )),
                Err(e) => out.push(plan::rule_error_finding(place, &self.id, &e.to_string())),
            }
        }
        Ok(())
    }

    fn doc(&self) -> &str {
        &self.doc
    }

    fn help(&self) -> Option<&str> {
        self.help_text.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_found_through_a_wildcard_is_written_as_its_own_type() {
        let segs = concrete_segs("unit_economics.logo_churn").expect("a path");
        assert_eq!(shape_of("value", &segs), Some(Shape::Leaf(Leaf::Percent)));
        let segs = concrete_segs("projections[12].revenue").expect("a path");
        assert_eq!(shape_of("value", &segs), Some(Shape::Leaf(Leaf::Money)));
        assert_eq!(concrete_segs("a[").map(|s| s.len()), Some(2));
    }
}
