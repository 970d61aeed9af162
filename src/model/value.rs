//! The plan format's value types and their textual forms: money (`"30万"`, `"1.2M"`,
//! `"¥120,000"`), percent (`72%`, `0.72`), multiple (`"12x"`).

use std::fmt;

use crate::source::Span;

/// A value read from the plan, with its span and YAML path (`unit_economics.acv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Val<T> {
    pub value: T,
    pub span: Span,
    pub path: String,
}

impl<T> Val<T> {
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Val<U> {
        Val {
            value: f(&self.value),
            span: self.span,
            path: self.path.clone(),
        }
    }
}

impl<T: Copy> Val<T> {
    pub fn get(&self) -> T {
        self.value
    }
}

/// A place in the plan (a section key or the document) that findings can point at.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    pub span: Span,
    pub path: String,
}

impl<T> From<&Val<T>> for Place {
    fn from(v: &Val<T>) -> Self {
        Place {
            span: v.span,
            path: v.path.clone(),
        }
    }
}

impl From<&Place> for Place {
    fn from(p: &Place) -> Self {
        p.clone()
    }
}

/// A plan field: absent, present but unreadable (already reported as
/// `plan/invalid-value`), or present with a typed value. Rules stay silent on `Invalid`.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Field<T> {
    #[default]
    Missing,
    Invalid,
    Present(Val<T>),
}

impl<T> Field<T> {
    pub fn get(&self) -> Option<&Val<T>> {
        match self {
            Field::Present(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_missing(&self) -> bool {
        matches!(self, Field::Missing)
    }

    pub fn is_present(&self) -> bool {
        matches!(self, Field::Present(_))
    }
}

impl<T: Copy> Field<T> {
    /// The plain value, when present and valid.
    pub fn value(&self) -> Option<T> {
        self.get().map(|v| v.value)
    }
}

impl Field<String> {
    /// True when the text is present and not blank.
    pub fn has_text(&self) -> bool {
        self.get().is_some_and(|v| !v.value.trim().is_empty())
    }
}

impl Field<bool> {
    pub fn is_true(&self) -> bool {
        self.value() == Some(true)
    }
}

/// An inclusive range `[min, max]` of a field's type.
#[derive(Debug, Clone, PartialEq)]
pub struct Range<T> {
    pub min: Val<T>,
    pub max: Val<T>,
}

/// Money as written: the amount in units of `currency` (or of the plan's currency when
/// the text names none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoneyText<'a> {
    pub amount: f64,
    pub currency: Option<&'a str>,
}

/// Why a money text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyError(pub String);

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const SYMBOLS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("RMB", "CNY"),
];

const SUFFIXES: &[(&str, f64)] = &[
    ("bn", 1e9),
    ("k", 1e3),
    ("K", 1e3),
    ("M", 1e6),
    ("B", 1e9),
    ("万", 1e4),
    ("亿", 1e8),
];

/// Parses the textual money forms of the plan format:
/// `120000`, `120000.50`, `120k`, `1.2M`, `2B`, `2bn`, `12万`, `1.2亿`, `¥120,000`,
/// `120,000 CNY`, `US$1.2M`, `30万元`, `-700万`.
pub fn parse_money(text: &str) -> Result<MoneyText<'static>, MoneyError> {
    let mut s = text.trim();
    if s.is_empty() {
        return Err(MoneyError("the amount is empty".into()));
    }
    let mut currency: Option<&'static str> = None;
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        negative = true;
        s = rest.trim_start();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.trim_start();
    }
    // Leading symbol or ISO code: "¥120,000", "USD 1.2M".
    for (sym, code) in SYMBOLS {
        if let Some(rest) = s.strip_prefix(sym) {
            currency = Some(code);
            s = rest.trim_start();
            break;
        }
    }
    if currency.is_none()
        && let Some(code) = leading_code(s)
    {
        currency = Some(code);
        s = s[3..].trim_start();
    }
    // A sign may also follow the symbol: "¥-700万".
    if !negative && let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        negative = true;
        s = rest.trim_start();
    }
    // Trailing currency: "120,000 CNY", "30万元".
    if let Some(rest) = s.strip_suffix('元') {
        currency = merge_currency(currency, "CNY")?;
        s = rest.trim_end();
    } else if let Some(code) = trailing_code(s) {
        currency = merge_currency(currency, code)?;
        s = s[..s.len() - 3].trim_end();
    } else if let Some(rest) = s.strip_suffix("RMB") {
        currency = merge_currency(currency, "CNY")?;
        s = rest.trim_end();
    }
    let mut multiplier = 1.0;
    for (suffix, m) in SUFFIXES {
        if let Some(rest) = s.strip_suffix(suffix) {
            multiplier = *m;
            s = rest.trim_end();
            break;
        }
    }
    // Most amounts have no separators: borrow them rather than copy.
    let digits: std::borrow::Cow<str> = if s.contains([',', '_']) {
        s.chars().filter(|c| *c != ',' && *c != '_').collect()
    } else {
        s.into()
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(MoneyError(format!(
            "`{}` is not an amount of money",
            text.trim()
        )));
    }
    let number: f64 = digits
        .parse()
        .map_err(|_| MoneyError(format!("`{}` is not an amount of money", text.trim())))?;
    let amount = number * multiplier;
    if !amount.is_finite() {
        return Err(MoneyError(format!("`{}` is too large", text.trim())));
    }
    Ok(MoneyText {
        amount: if negative { -amount } else { amount },
        currency,
    })
}

fn merge_currency(
    current: Option<&'static str>,
    code: &'static str,
) -> Result<Option<&'static str>, MoneyError> {
    match current {
        Some(c) if c != code => Err(MoneyError(format!(
            "the amount names two currencies, {c} and {code}"
        ))),
        _ => Ok(Some(code)),
    }
}

fn leading_code(s: &str) -> Option<&'static str> {
    let head = s.get(..3)?;
    let next = s[3..].chars().next();
    if next.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    known_code(head)
}

fn trailing_code(s: &str) -> Option<&'static str> {
    if s.len() < 3 || !s.is_char_boundary(s.len() - 3) {
        return None;
    }
    let tail = &s[s.len() - 3..];
    let before = s[..s.len() - 3].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    known_code(tail)
}

/// ISO 4217 codes that plans commonly use. Any other three-letter code is still a valid
/// `currency:` value; it just cannot be written inside an amount.
pub const CURRENCY_CODES: &[&str] = &[
    "CNY", "USD", "EUR", "GBP", "JPY", "HKD", "SGD", "KRW", "INR", "AUD", "CAD", "CHF", "TWD",
    "SEK", "NOK", "DKK", "BRL", "MXN", "IDR", "MYR", "THB", "VND", "PHP", "AED", "SAR", "ZAR",
    "NZD", "RUB", "TRY", "PLN", "ILS",
];

fn known_code(s: &str) -> Option<&'static str> {
    CURRENCY_CODES.iter().copied().find(|c| *c == s)
}

/// True for a three-letter upper-case code, the shape of ISO 4217.
pub fn is_currency_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Parses `72%` or `7.5 %` into a fraction.
pub fn parse_percent_text(text: &str) -> Option<f64> {
    let t = text.trim();
    let number = t
        .strip_suffix('%')
        .or_else(|| t.strip_suffix('％'))?
        .trim_end();
    let v: f64 = number.parse().ok()?;
    v.is_finite().then_some(v / 100.0)
}

/// Parses `12`, `12x`, `12×`, `12X`, `13.3 x` into a ratio.
pub fn parse_multiple_text(text: &str) -> Option<f64> {
    let t = text.trim();
    let number = t
        .strip_suffix('x')
        .or_else(|| t.strip_suffix('X'))
        .or_else(|| t.strip_suffix('×'))
        .unwrap_or(t)
        .trim_end();
    let v: f64 = number.parse().ok()?;
    v.is_finite().then_some(v)
}

/// Formats an amount with thousands separators and at most two decimals:
/// `300000` -> `300,000`, `1234.5` -> `1,234.50`.
pub fn format_amount(amount: f64) -> String {
    let negative = amount < 0.0;
    let abs = amount.abs();
    let rounded = (abs * 100.0).round() / 100.0;
    let whole = rounded.trunc();
    let cents = ((rounded - whole) * 100.0).round() as u64;
    let digits = format!("{whole:.0}");
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if cents > 0 {
        out.push_str(&format!(".{cents:02}"));
    }
    if negative && (whole > 0.0 || cents > 0) {
        format!("-{out}")
    } else {
        out
    }
}

/// `300,000 CNY`.
pub fn format_money(amount: f64, currency: &str) -> String {
    if currency.is_empty() {
        // A plan with no known currency: the bare amount.
        return format_amount(amount);
    }
    format!("{} {currency}", format_amount(amount))
}

/// `25%`, `12.5%`.
pub fn format_percent(fraction: f64) -> String {
    format!("{}%", format_number(fraction * 100.0))
}

/// A number with at most two decimals and no trailing zeros: `12`, `12.5`, `13.33`.
pub fn format_number(v: f64) -> String {
    let s = format!("{:.2}", (v * 100.0).round() / 100.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str) -> f64 {
        parse_money(s).unwrap().amount
    }

    #[test]
    fn money_forms() {
        assert_eq!(amount("120000"), 120_000.0);
        assert_eq!(amount("120000.50"), 120_000.5);
        assert_eq!(amount("120k"), 120_000.0);
        assert_eq!(amount("1.2M"), 1_200_000.0);
        assert_eq!(amount("2B"), 2e9);
        assert_eq!(amount("2bn"), 2e9);
        assert_eq!(amount("12万"), 120_000.0);
        assert_eq!(amount("1.2亿"), 120_000_000.0);
        assert_eq!(amount("¥120,000"), 120_000.0);
        assert_eq!(amount("120,000 CNY"), 120_000.0);
        assert_eq!(amount("30万元"), 300_000.0);
        assert_eq!(amount("-700万"), -7_000_000.0);
        assert_eq!(amount("US$1.2M"), 1_200_000.0);
        assert_eq!(amount("USD 50k"), 50_000.0);
        assert_eq!(parse_money("¥120,000").unwrap().currency, Some("CNY"));
        assert_eq!(parse_money("$5k").unwrap().currency, Some("USD"));
        assert_eq!(parse_money("5k").unwrap().currency, None);
    }

    #[test]
    fn money_rejects_garbage() {
        for bad in ["", "lots", "12 apples", "1.2.3M", "k", "¥", "$5k CNY"] {
            assert!(parse_money(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn percent_and_multiple() {
        assert_eq!(parse_percent_text("72%"), Some(0.72));
        assert_eq!(parse_percent_text("7.5 %"), Some(0.075));
        assert_eq!(parse_percent_text("72"), None);
        assert_eq!(parse_multiple_text("13.3x"), Some(13.3));
        assert_eq!(parse_multiple_text("12×"), Some(12.0));
        assert_eq!(parse_multiple_text("12"), Some(12.0));
        assert_eq!(parse_multiple_text("twelve"), None);
    }

    #[test]
    fn formatting() {
        assert_eq!(format_amount(300_000.0), "300,000");
        assert_eq!(format_amount(1234.5), "1,234.50");
        assert_eq!(format_amount(-7_000_000.0), "-7,000,000");
        assert_eq!(format_money(50_000.0, "CNY"), "50,000 CNY");
        assert_eq!(format_percent(0.25), "25%");
        assert_eq!(format_number(13.333), "13.33");
        assert_eq!(format_number(12.0), "12");
    }
}
