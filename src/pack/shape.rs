//! The plan format as a rule pack sees it: every field and the type of its value, read
//! from the loader's own schema (so that it cannot drift from what is accepted), and
//! the `given` paths that walk it (`projections[*].headcount`, `unit_economics.*`).

use std::sync::LazyLock;

use serde_json::Value as Json;

/// What a value of the plan format is, as a pack's expressions see it.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A mapping with its fields, in schema order.
    Section(Vec<(String, Shape)>),
    /// A list of values of one shape (a list of mappings, a list of texts).
    List(Box<Shape>),
    /// `[min, max]` of one shape.
    Range(Box<Shape>),
    Leaf(Leaf),
}

/// A scalar field's type: how it is bound (money a number in the plan's currency,
/// percent a fraction...) and how `{…}` writes it in a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leaf {
    Money,
    Percent,
    Multiple,
    Number,
    Count,
    Year,
    Text,
    Enum,
    Bool,
}

impl Leaf {
    /// The word docs/packs.md uses for this type.
    pub fn word(self) -> &'static str {
        match self {
            Leaf::Money => "money",
            Leaf::Percent => "percent",
            Leaf::Multiple => "multiple",
            Leaf::Number => "number",
            Leaf::Count => "count",
            Leaf::Year => "year",
            Leaf::Text => "text",
            Leaf::Enum => "enum",
            Leaf::Bool => "bool",
        }
    }
}

/// One step of a `given` path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    /// `[*]` or `*`: every item of a list, every field of a mapping.
    Each,
}

/// The plan format's shape, from the loader's schema.
pub static PLAN: LazyLock<Shape> = LazyLock::new(|| shape_of(&crate::load::plan_schema()));

fn shape_of(schema: &Json) -> Shape {
    if let Some(Json::Object(props)) = schema.get("properties") {
        return Shape::Section(
            props
                .iter()
                .map(|(k, v)| (k.clone(), shape_of(v)))
                .collect(),
        );
    }
    if let Some(Json::Array(prefix)) = schema.get("prefixItems") {
        return Shape::Range(Box::new(
            prefix.first().map_or(Shape::Leaf(Leaf::Text), shape_of),
        ));
    }
    if let Some(items) = schema.get("items").filter(|i| i.is_object()) {
        return Shape::List(Box::new(shape_of(items)));
    }
    Shape::Leaf(leaf_of(schema))
}

/// The scalar type a schema describes (see `load::kind`): patterns tell money (its
/// pattern), percent (`%`) and multiple (`倍`) apart, bounds tell a year from a count.
fn leaf_of(schema: &Json) -> Leaf {
    if let Some(Json::Array(any)) = schema.get("anyOf") {
        let pattern = any
            .iter()
            .filter_map(|a| a.get("pattern").and_then(Json::as_str))
            .next()
            .unwrap_or("");
        return if pattern == crate::load::kind::MONEY_PATTERN {
            Leaf::Money
        } else if pattern.contains('%') {
            Leaf::Percent
        } else {
            Leaf::Multiple
        };
    }
    if schema.get("enum").is_some() {
        return Leaf::Enum;
    }
    if schema.get("const").is_some() {
        return Leaf::Count;
    }
    match schema.get("type").and_then(Json::as_str) {
        Some("boolean") => Leaf::Bool,
        Some("integer") if schema.get("maximum").is_some() => Leaf::Year,
        Some("integer") => Leaf::Count,
        Some("number") => Leaf::Number,
        _ => Leaf::Text,
    }
}

impl Shape {
    /// The fields of a section.
    pub fn fields(&self) -> &[(String, Shape)] {
        match self {
            Shape::Section(f) => f,
            _ => &[],
        }
    }

    fn field(&self, key: &str) -> Option<&Shape> {
        self.fields().iter().find(|(k, _)| k == key).map(|(_, s)| s)
    }

    /// The shape a path leads to; with `*` over a section's fields of different types,
    /// `None` for "any".
    pub fn at(&self, segs: &[Seg]) -> Option<&Shape> {
        let Some((first, rest)) = segs.split_first() else {
            return Some(self);
        };
        match (first, self) {
            (Seg::Key(k), Shape::Section(_)) => self.field(k)?.at(rest),
            (Seg::Each, Shape::List(inner) | Shape::Range(inner)) => inner.at(rest),
            _ => None,
        }
    }
}

/// Why a `given` path names nothing in the plan format: the segment (its index) and
/// the names that were possible there.
#[derive(Debug, PartialEq)]
pub struct PathError {
    pub at: usize,
    pub written: String,
    pub known: Vec<String>,
    /// `[*]` after a value that is not a list, or a key after one that is not a mapping.
    pub not_container: bool,
}

/// Parses a `given` path: keys separated by `.`, `[*]` after a list, `*` for every field.
pub fn parse_path(text: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    if text.trim().is_empty() {
        return None;
    }
    for part in text.trim().split('.') {
        let mut rest = part;
        let mut key_seen = false;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("[*]") {
                segs.push(Seg::Each);
                rest = r;
            } else if let Some(r) = rest.strip_prefix('*') {
                if key_seen {
                    return None;
                }
                segs.push(Seg::Each);
                key_seen = true;
                rest = r;
            } else {
                if key_seen {
                    return None;
                }
                let end = rest.find('[').unwrap_or(rest.len());
                let key = &rest[..end];
                if key.is_empty()
                    || !key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    return None;
                }
                segs.push(Seg::Key(key.to_string()));
                key_seen = true;
                rest = &rest[end..];
            }
        }
        if !key_seen && !matches!(segs.last(), Some(Seg::Each)) {
            return None;
        }
    }
    Some(segs)
}

/// Checks a path against the plan format.
pub fn check_path(segs: &[Seg]) -> Result<(), PathError> {
    let mut here: Vec<&Shape> = vec![&PLAN];
    for (i, seg) in segs.iter().enumerate() {
        let mut next = Vec::new();
        for shape in &here {
            match (seg, shape) {
                (Seg::Key(k), Shape::Section(_)) => match shape.field(k) {
                    Some(s) => next.push(s),
                    None => {
                        return Err(PathError {
                            at: i,
                            written: k.clone(),
                            known: shape.fields().iter().map(|(k, _)| k.clone()).collect(),
                            not_container: false,
                        });
                    }
                },
                (Seg::Each, Shape::Section(f)) => next.extend(f.iter().map(|(_, s)| s)),
                (Seg::Each, Shape::List(inner) | Shape::Range(inner)) => next.push(inner),
                _ => {
                    return Err(PathError {
                        at: i,
                        written: match seg {
                            Seg::Key(k) => k.clone(),
                            Seg::Each => "*".to_string(),
                        },
                        known: Vec::new(),
                        not_container: true,
                    });
                }
            }
        }
        here = next;
    }
    Ok(())
}

/// The path written back (`projections[*].headcount`), with `[i]` for the items found.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_format_has_a_type() {
        fn leaves(s: &Shape, path: String, out: &mut Vec<(String, Leaf)>) {
            match s {
                Shape::Section(f) => {
                    for (k, v) in f {
                        leaves(v, join(&path, k), out);
                    }
                }
                Shape::List(i) | Shape::Range(i) => leaves(i, format!("{path}[*]"), out),
                Shape::Leaf(l) => out.push((path, *l)),
            }
        }
        let mut out = Vec::new();
        leaves(&PLAN, String::new(), &mut out);
        let of = |p: &str| out.iter().find(|(q, _)| q == p).map(|(_, l)| *l);
        assert_eq!(of("unit_economics.acv"), Some(Leaf::Money));
        assert_eq!(of("unit_economics.gross_margin"), Some(Leaf::Percent));
        assert_eq!(of("value.roi_multiple"), Some(Leaf::Multiple));
        assert_eq!(of("projections[*].headcount"), Some(Leaf::Count));
        assert_eq!(of("projections[*].year"), Some(Leaf::Year));
        assert_eq!(of("projections[*].net_burn"), Some(Leaf::Money));
        assert_eq!(
            of("market.customer_size.annual_revenue[*]"),
            Some(Leaf::Money)
        );
        assert_eq!(of("market.industries[*]"), Some(Leaf::Text));
        assert_eq!(of("company.stage"), Some(Leaf::Enum));
        assert_eq!(of("needs[*].must_have"), Some(Leaf::Bool));
        assert_eq!(of("value.before"), Some(Leaf::Number));
        assert!(out.len() > 90, "{}", out.len());
    }

    #[test]
    fn paths_parse_and_check() {
        let p = parse_path("projections[*].headcount").unwrap();
        assert_eq!(
            p,
            vec![
                Seg::Key("projections".into()),
                Seg::Each,
                Seg::Key("headcount".into())
            ]
        );
        assert!(check_path(&p).is_ok());
        assert!(check_path(&parse_path("unit_economics.*").unwrap()).is_ok());
        let e = check_path(&parse_path("unit_economics.gros_margin").unwrap()).unwrap_err();
        assert_eq!((e.at, e.written.as_str()), (1, "gros_margin"));
        assert!(e.known.contains(&"gross_margin".to_string()));
        assert!(check_path(&parse_path("unit_economics.acv[*]").unwrap()).is_err());
        for bad in ["", "a..b", "a[*]b", "a b", "[0]"] {
            assert_eq!(parse_path(bad), None, "{bad}");
        }
    }
}
