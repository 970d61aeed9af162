//! The value types of the plan format as descriptors: each reads a YAML node (through
//! the loader, which reports bad values) and describes itself in JSON Schema. The loader
//! and `planlint schema` share them, so the schema cannot drift from what is accepted.

use std::marker::PhantomData;

use serde_json::{Value, json};

use super::{Loader, PercentBounds, PlanEnum};
use crate::model::value::Range as PlanRange;
use crate::yaml::Node;

pub trait Kind {
    type Out;
    fn read(&self, ld: &mut Loader, n: &Node, path: &str) -> Option<Self::Out>;
    fn schema(&self) -> Value;
}

/// Any scalar, read as its text.
pub struct Text;
impl Kind for Text {
    type Out = String;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<String> {
        ld.text(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": ["string", "number", "boolean"] })
    }
}

pub struct TextList;
impl Kind for TextList {
    type Out = crate::model::plan::TextList;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<Self::Out> {
        ld.text_list(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": "array", "items": Text.schema() })
    }
}

pub struct Bool;
impl Kind for Bool {
    type Out = bool;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<bool> {
        ld.boolean(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": "boolean" })
    }
}

/// A whole number of 0 or more.
pub struct Count;
impl Kind for Count {
    type Out = u64;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<u64> {
        ld.count(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": "integer", "minimum": 0 })
    }
}

pub struct Year;
impl Kind for Year {
    type Out = i64;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<i64> {
        ld.year(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": "integer", "minimum": 1800, "maximum": 2300 })
    }
}

pub struct Number;
impl Kind for Number {
    type Out = f64;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<f64> {
        ld.number(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": "number" })
    }
}

pub struct PositiveNumber;
impl Kind for PositiveNumber {
    type Out = f64;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<f64> {
        ld.positive_number(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": "number", "exclusiveMinimum": 0 })
    }
}

/// A number as the loader reads it in text: ASCII or full-width digits, commas only in
/// groups of three, an optional fraction.
macro_rules! number_pattern {
    () => {
        "([0-9０-９]{1,3}([,，][0-9０-９]{3})+|[0-9０-９][0-9０-９_]*)([.．][0-9０-９]+)?"
    };
}

/// `12`, `12x`, `12×`, `16倍`.
pub struct Multiple;
impl Kind for Multiple {
    type Out = f64;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<f64> {
        ld.multiple(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "anyOf": [
            { "type": "number", "minimum": 0, "maximum": 1e6 },
            { "type": "string", "pattern": concat!("^\\s*", number_pattern!(), "\\s*[xX×ｘＸ倍]?\\s*$") }
        ] })
    }
}

/// `72%` or a fraction `0.72`.
pub struct Percent(pub PercentBounds);
impl Kind for Percent {
    type Out = f64;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<f64> {
        ld.percent(n, p, self.0)
    }
    fn schema(&self) -> Value {
        let mut number = json!({ "type": "number", "maximum": 1e3 });
        if self.0.max_100 {
            number["maximum"] = json!(1);
        }
        if !self.0.allow_negative {
            number["minimum"] = json!(0);
        }
        json!({ "anyOf": [
            number,
            { "type": "string", "pattern": concat!("^\\s*[-－]?", number_pattern!(), "\\s*[%％]\\s*$") }
        ] })
    }
}

/// An amount in the plan's currency.
pub struct Money<'c> {
    pub currency: &'c str,
    pub negative: bool,
}

impl<'c> Money<'c> {
    pub fn positive(currency: &'c str) -> Self {
        Self {
            currency,
            negative: false,
        }
    }
    pub fn signed(currency: &'c str) -> Self {
        Self {
            currency,
            negative: true,
        }
    }
}

/// The textual money forms: an optional sign and currency symbol or code, a number with
/// optional thousands separators, an optional k/K/M/B/bn/万/亿 suffix and currency.
pub const MONEY_PATTERN: &str = concat!(
    "^\\s*[-+−－＋]?\\s*(US\\$|HK\\$|S\\$|¥|￥|\\$|＄|€|£|RMB|[A-Z]{3})?\\s*[-−－]?",
    number_pattern!(),
    "\\s*(k|K|M|B|bn|万|亿)?\\s*(元|RMB|[A-Z]{3})?\\s*$"
);

impl Kind for Money<'_> {
    type Out = f64;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<f64> {
        ld.money(n, p, self.currency, self.negative)
    }
    fn schema(&self) -> Value {
        // Amounts beyond 10^15 are not plausible (`Plausible::MONEY`).
        let mut number = json!({ "type": "number", "maximum": 1e15, "minimum": -1e15 });
        if !self.negative {
            number["minimum"] = json!(0);
        }
        json!({ "anyOf": [number, { "type": "string", "pattern": MONEY_PATTERN }] })
    }
}

pub struct Enum<E>(PhantomData<E>);
impl<E> Enum<E> {
    pub const NEW: Self = Enum(PhantomData);
}
impl<E: PlanEnum> Kind for Enum<E> {
    type Out = E;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<E> {
        ld.enumeration::<E>(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": "string", "enum": E::words() })
    }
}

/// `[min, max]` of an inner kind.
pub struct Range<K>(pub K);
impl<K: Kind> Kind for Range<K>
where
    K::Out: Copy + PartialOrd,
{
    type Out = PlanRange<K::Out>;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<Self::Out> {
        ld.range(n, p, |ld, n, p| self.0.read(ld, n, p))
    }
    fn schema(&self) -> Value {
        let inner = self.0.schema();
        json!({ "type": "array", "prefixItems": [inner, inner], "items": false, "minItems": 2, "maxItems": 2 })
    }
}

/// `planlint: 1`, the format version.
pub struct Version;
impl Kind for Version {
    type Out = i64;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<i64> {
        ld.version(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "const": super::FORMAT_VERSION })
    }
}

/// An ISO 4217 code.
pub struct Currency;
impl Kind for Currency {
    type Out = String;
    fn read(&self, ld: &mut Loader, n: &Node, p: &str) -> Option<String> {
        ld.currency(n, p)
    }
    fn schema(&self) -> Value {
        json!({ "type": "string", "pattern": "^[A-Z]{3}$" })
    }
}
