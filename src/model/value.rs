//! The plan format's value types and their textual forms: money (`"30万"`, `"1.2M"`,
//! `"¥120,000"`), percent (`72%`, `0.72`), multiple (`"12x"`).

use std::borrow::Cow;
use std::fmt;

use crate::i18n::{Lang, Message};
pub use crate::numfmt::{format_amount, format_money, format_number, format_percent};
use crate::source::Span;

/// A value read from the plan, with its span and YAML path (`unit_economics.acv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Val<T> {
    pub value: T,
    pub span: Span,
    pub path: String,
    /// For an item of a list, its position in the list as written (`2` for
    /// `projections[2]`), counting items the loader dropped; `None` otherwise.
    pub index: Option<usize>,
}

impl<T> Val<T> {
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Val<U> {
        Val {
            value: f(&self.value),
            span: self.span,
            path: self.path.clone(),
            index: self.index,
        }
    }
}

#[cfg(test)]
impl<T> Val<T> {
    /// A value read from nowhere (an empty span at the start, no path), for unit tests
    /// that build a plan in code.
    pub fn bare(value: T) -> Self {
        Val {
            value,
            span: Span::new(0, 0),
            path: String::new(),
            index: None,
        }
    }
}

impl<T: Copy> Val<T> {
    pub fn get(&self) -> T {
        self.value
    }
}

/// What a rule pack sees of a value: `{"$v": value, "$o": offset, "$l": length}`, its
/// span kept so that a pack's finding points at it (`crate::pack` reads this shape).
impl<T: serde::Serialize> serde::Serialize for Val<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Val", 3)?;
        st.serialize_field("$v", &self.value)?;
        st.serialize_field("$o", &self.span.offset)?;
        st.serialize_field("$l", &self.span.len)?;
        st.end()
    }
}

/// Absent is `null`; unreadable (already reported) is `{"$invalid": true}`.
impl<T: serde::Serialize> serde::Serialize for Field<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Field::Missing => s.serialize_none(),
            Field::Invalid => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("$invalid", &true)?;
                m.end()
            }
            Field::Present(v) => v.serialize(s),
        }
    }
}

/// A range is the two-element list `[min, max]`.
impl<T: serde::Serialize> serde::Serialize for Range<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.min, &self.max).serialize(s)
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

/// How a new number is rounded to the precision it is written with: to the nearest
/// (a figure recomputed from its inputs), or away from a limit it must respect (`Up`
/// for "at least", `Down` for "at most").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    Nearest,
    Up,
    Down,
}

/// What a value is, for writing a new number in the plan's own notation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notation {
    /// Money: `60万`, `1.2M`, `¥120,000`, `84000`.
    Money,
    /// A percentage: `72%` (a fraction given), or a bare fraction `0.72`.
    Percent,
    /// A multiple: `12x`, `16倍`, `12`.
    Multiple,
    /// A plain number or a count.
    Number,
}

/// Money as written: the amount in units of `currency` (or of the plan's currency when
/// the text names none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoneyText<'a> {
    pub amount: f64,
    pub currency: Option<&'a str>,
}

/// Why a money text could not be read, as data: the words are in the message files
/// (`plan-money-error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing but blanks.
    Empty,
    /// Not an amount; the text as written.
    NotAnAmount(String),
    /// Two different currencies in one amount (`$5k CNY`).
    TwoCurrencies(&'static str, &'static str),
    /// A comma that does not group thousands; the text as it should be written.
    Comma(CommaFix),
    /// Too many digits to be read as a number; the text as written.
    TooLarge(String),
}

impl MoneyError {
    /// `message` with the arguments that `plan-money-error` reads.
    pub fn args(&self, message: Message) -> Message {
        let (problem, m) = match self {
            MoneyError::Empty => ("empty", with_found(message, &Shown::Kind("text"))),
            MoneyError::NotAnAmount(t) => ("not-amount", with_found(message, &Shown::quoted(t))),
            MoneyError::TwoCurrencies(..) => {
                ("two-currencies", with_found(message, &Shown::Kind("text")))
            }
            MoneyError::Comma(fix) => ("comma", fix.args(message)),
            MoneyError::TooLarge(t) => ("too-large", with_found(message, &Shown::quoted(t))),
        };
        let (first, second) = match self {
            MoneyError::TwoCurrencies(a, b) => (*a, *b),
            _ => ("", ""),
        };
        m.text("problem", problem)
            .text("first", first)
            .text("second", second)
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.args(Message::new("plan-money-error")).render(Lang::En))
    }
}

/// A value as a message shows it (`plan-found` in the message files): the text written,
/// quoted and cut short when long, or what kind of YAML value it is (`list`, `empty`, ...)
/// when nothing was written to quote.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// Quoted text (`` `5,5k` ``), with the length of the text when it was cut short.
    Written { quoted: String, len: usize },
    /// A kind word of `plan-found`: `empty`, `bool`, `number`, `text`, `list`, `mapping`,
    /// `empty-key`; `list-of` with the list's length.
    Kind(&'static str),
    /// A list of this many items.
    ListOf(usize),
    /// An argument written out in the reader's language (an amount, a percentage).
    Arg(crate::i18n::Arg),
}

impl Shown {
    /// Text from the plan, quoted: `` `5,5k` ``, or for long text its first characters
    /// and its length, with control characters escaped.
    pub fn quoted(text: &str) -> Shown {
        let count = text.chars().count();
        Shown::Written {
            quoted: format!("`{}`", shorten(text)),
            len: if count > QUOTED_IN_FULL { count } else { 0 },
        }
    }
}

/// `message` with the arguments `found` and `found_len` that `plan-found` reads.
pub fn with_found(message: Message, shown: &Shown) -> Message {
    match shown {
        Shown::Written { quoted, len } => message
            .text("found", quoted.clone())
            .count("found_len", *len),
        Shown::Kind(k) => message.text("found", *k).count("found_len", 0),
        Shown::ListOf(n) => message.text("found", "list-of").count("found_len", *n),
        Shown::Arg(a) => message.arg("found", a.clone()).count("found_len", 0),
    }
}

/// A number whose commas do not group thousands (`5,5k`, `1.234,56`, `12,34,567`), and
/// how to write it (`5.5k`, `1234.56`, `1234567`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommaFix {
    pub written: String,
    pub fix: String,
}

impl CommaFix {
    /// `message` with the arguments of `plan-comma-what`: "the comma in `5,5k` is not a
    /// thousands separator".
    pub fn args(&self, message: Message) -> Message {
        let commas = if self.written.matches(',').count() > 1 {
            "many"
        } else {
            "one"
        };
        with_found(message, &Shown::quoted(&self.written)).text("commas", commas)
    }

    /// "write 5.5k: a point marks decimals, commas only group thousands".
    pub fn help(&self) -> Message {
        Message::new("plan-comma-help").text("fix", shorten(&self.fix))
    }
}

/// Why a number written as text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all.
    NotANumber,
    /// Commas that do not group thousands.
    Comma(CommaFix),
    /// Too large to be read as a number at all (`1e999`).
    NotFinite,
}

/// The full-width forms an input method writes (`１２，０００`, `７２％`, `１６倍` is
/// already CJK) as their ASCII forms: digits, point, comma, percent and plus/minus signs,
/// `ｘ`, `＄`. Borrowed when there are none.
pub fn ascii_width(text: &str) -> Cow<'_, str> {
    fn narrow(c: char) -> Option<char> {
        match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10),
            '．' => Some('.'),
            '，' => Some(','),
            '％' => Some('%'),
            '－' | '−' => Some('-'),
            '＋' => Some('+'),
            'ｘ' => Some('x'),
            'Ｘ' => Some('X'),
            '＄' => Some('$'),
            '\u{3000}' => Some(' '),
            _ => None,
        }
    }
    if !text.chars().any(|c| narrow(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| narrow(c).unwrap_or(c)).collect())
}

const QUOTED_IN_FULL: usize = 24;

/// Text from the plan in a message, cut to its first characters when long, with control
/// characters escaped.
pub fn shorten(text: &str) -> String {
    let cut: Cow<str> = if text.chars().count() > QUOTED_IN_FULL {
        let head: String = text.chars().take(16).collect();
        Cow::Owned(format!("{head}…"))
    } else {
        Cow::Borrowed(text)
    };
    crate::text::escape_line(&cut).into_owned()
}

/// Reads a decimal number written as text (after [`ascii_width`]): an optional sign,
/// digits with an optional fraction and exponent, `_` between digits, and commas only
/// as thousands separators (`1,234,567.5`): `1,5` and `1.234,56` are [`NumberError::Comma`].
/// `inf` and `nan` are not numbers.
pub fn parse_decimal(text: &str) -> Result<f64, NumberError> {
    let normalized = ascii_width(text);
    let t = normalized.trim();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let v = parse_unsigned(body, true).map_err(|e| match e {
        // The fix is of the whole text: keep the sign.
        NumberError::Comma(c) => NumberError::Comma(CommaFix {
            written: t.to_string(),
            fix: format!("{}{}", &t[..t.len() - body.len()], c.fix),
        }),
        other => other,
    })?;
    Ok(if negative { -v } else { v })
}

/// Digits with optional thousands commas, `_`, a fraction and (when `exponent`) an
/// exponent; no sign. A comma error's fix is of `body` alone.
fn parse_unsigned(body: &str, exponent: bool) -> Result<f64, NumberError> {
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) if exponent => (&body[..i], Some(&body[i + 1..])),
        _ => (body, None),
    };
    let plain: Cow<str> = if mantissa.contains(',') {
        match thousands(mantissa) {
            Ok(p) => Cow::Owned(p),
            // Only a fix that reads as a number is worth offering.
            Err(fixed) if is_plain_decimal(&fixed.replace('_', "")) => {
                return Err(NumberError::Comma(CommaFix {
                    written: body.to_string(),
                    fix: format!("{fixed}{}", &body[mantissa.len()..]),
                }));
            }
            Err(_) => return Err(NumberError::NotANumber),
        }
    } else {
        Cow::Borrowed(mantissa)
    };
    let plain: Cow<str> = if plain.contains('_') {
        Cow::Owned(plain.replace('_', ""))
    } else {
        plain
    };
    if !is_plain_decimal(&plain) {
        return Err(NumberError::NotANumber);
    }
    let v: f64 = match exp {
        None => plain.parse().map_err(|_| NumberError::NotANumber)?,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(NumberError::NotANumber);
            }
            format!("{plain}e{e}")
                .parse()
                .map_err(|_| NumberError::NotANumber)?
        }
    };
    if v.is_finite() {
        Ok(v)
    } else {
        Err(NumberError::NotFinite)
    }
}

/// `12`, `12.5`, `.5`: ASCII digits with at most one point, at least one digit.
fn is_plain_decimal(s: &str) -> bool {
    let mut digits = 0;
    let mut points = 0;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'.' => points += 1,
            _ => return false,
        }
    }
    digits > 0 && points <= 1
}

/// `1,234,567.5` -> `1234567.5`. Anything else with a comma is an error holding the
/// number as it should be written: a last comma followed by other than three digits (or
/// preceded by a point) is a decimal comma (`5,5` -> `5.5`, `1.234,56` -> `1234.56`);
/// otherwise the commas are badly placed thousands separators (`12,34,567` -> `1234567`).
fn thousands(m: &str) -> Result<String, String> {
    let Some(last) = m.rfind(',') else {
        return Ok(m.to_string());
    };
    let after = &m[last + 1..];
    let point = m.rfind('.');
    if let Some(p) = point.filter(|p| *p > last) {
        // English style: `1,234.5`.
        let (int, frac) = (&m[..p], &m[p + 1..]);
        if grouped(int) && frac.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
            return Ok(m.replace(',', ""));
        }
        return Err(m.replace(',', ""));
    }
    let three_digits = after.len() == 3 && after.bytes().all(|b| b.is_ascii_digit());
    if three_digits && point.is_none() {
        if grouped(m) {
            return Ok(m.replace(',', ""));
        }
        return Err(m.replace(',', ""));
    }
    // A decimal comma: the separators before it group thousands.
    if after.is_empty() || !after.bytes().all(|b| b.is_ascii_digit()) {
        return Err(String::new());
    }
    let int: String = m[..last]
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | '_' | ' ' | '\''))
        .collect();
    let int = if int.is_empty() { "0".to_string() } else { int };
    Err(format!("{int}.{after}"))
}

/// `1`, `12`, `123`, `1,234`, `12,345,678`: a first group of 1-3 digits, then groups of
/// exactly three.
fn grouped(int: &str) -> bool {
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&first.len()) && digits(first) && groups.all(|g| g.len() == 3 && digits(g))
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
    let normalized = ascii_width(text);
    let whole = normalized.trim();
    let mut s = whole;
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    let mut currency: Option<&'static str> = None;
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-') {
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
    if !negative && let Some(rest) = s.strip_prefix('-') {
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
    let number = match parse_unsigned(s, false) {
        Ok(v) => v,
        Err(NumberError::Comma(c)) => {
            return Err(MoneyError::Comma(CommaFix {
                written: whole.to_string(),
                fix: splice(whole, s, &c.fix),
            }));
        }
        Err(NumberError::NotFinite) => {
            return Err(MoneyError::TooLarge(whole.to_string()));
        }
        Err(NumberError::NotANumber) => {
            return Err(MoneyError::NotAnAmount(whole.to_string()));
        }
    };
    let amount = number * multiplier;
    if !amount.is_finite() {
        return Err(MoneyError::TooLarge(whole.to_string()));
    }
    Ok(MoneyText {
        amount: if negative { -amount } else { amount },
        currency,
    })
}

/// `whole` with its sub-slice `part` replaced by `with`.
fn splice(whole: &str, part: &str, with: &str) -> String {
    let start = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    match whole.get(..start).zip(whole.get(start + part.len()..)) {
        Some((before, after)) if start <= whole.len() => format!("{before}{with}{after}"),
        _ => with.to_string(),
    }
}

fn merge_currency(
    current: Option<&'static str>,
    code: &'static str,
) -> Result<Option<&'static str>, MoneyError> {
    match current {
        Some(c) if c != code => Err(MoneyError::TwoCurrencies(c, code)),
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

/// Reads a percentage written as text: `72%`, `7.5 %`, `７２％` as a fraction with
/// `bare` false, or a bare number (`0.72`) as itself with `bare` true.
pub fn read_percent(text: &str) -> Result<(f64, bool), NumberError> {
    let normalized = ascii_width(text);
    let whole = normalized.trim();
    let Some(number) = whole.strip_suffix('%') else {
        return parse_decimal(whole).map(|v| (v, true));
    };
    let number = number.trim_end();
    match parse_decimal(number) {
        Ok(v) => Ok((v / 100.0, false)),
        Err(NumberError::Comma(c)) => Err(NumberError::Comma(CommaFix {
            written: whole.to_string(),
            fix: splice(whole, number, &c.fix),
        })),
        Err(e) => Err(e),
    }
}

/// Parses `72%` or `7.5 %` into a fraction; `None` for anything else, a bare number
/// included.
pub fn parse_percent_text(text: &str) -> Option<f64> {
    match read_percent(text) {
        Ok((v, false)) => Some(v),
        _ => None,
    }
}

/// Reads a multiple written as text: `12`, `12x`, `12×`, `12X`, `13.3 x`, `16倍`, `１６倍`.
pub fn read_multiple(text: &str) -> Result<f64, NumberError> {
    let normalized = ascii_width(text);
    let whole = normalized.trim();
    let number = ['x', 'X', '×', '倍']
        .iter()
        .find_map(|s| whole.strip_suffix(*s))
        .unwrap_or(whole)
        .trim_end();
    parse_decimal(number).map_err(|e| match e {
        NumberError::Comma(c) => NumberError::Comma(CommaFix {
            written: whole.to_string(),
            fix: splice(whole, number, &c.fix),
        }),
        other => other,
    })
}

/// Parses a multiple into a ratio; `None` when it cannot be read.
pub fn parse_multiple_text(text: &str) -> Option<f64> {
    read_multiple(text).ok()
}

/// The magnitudes a plan's numbers can plausibly have. Beyond them a value is a typo (or
/// a test of the tool), and arithmetic on it would overflow or lose all precision.
#[derive(Debug, Clone, Copy)]
pub struct Plausible {
    /// The largest magnitude accepted.
    pub max: f64,
    /// The smallest magnitude accepted, apart from 0.
    pub min: f64,
    /// Which kind of value, as the message files select on it (`plan-plausible-noun`,
    /// `plan-plausible-accepted`): `money`, `number`, `count`, `multiple`, `percent`.
    pub key: &'static str,
}

impl Plausible {
    pub const MONEY: Plausible = Plausible {
        max: 1e15,
        min: 1e-6,
        key: "money",
    };
    pub const NUMBER: Plausible = Plausible {
        max: 1e15,
        min: 1e-9,
        key: "number",
    };
    pub const COUNT: Plausible = Plausible {
        max: 1e15,
        min: 1.0,
        key: "count",
    };
    pub const MULTIPLE: Plausible = Plausible {
        max: 1e6,
        min: 1e-9,
        key: "multiple",
    };
    pub const PERCENT: Plausible = Plausible {
        max: 1e3,
        min: 1e-9,
        key: "percent",
    };

    /// True for 0 and for magnitudes within `[min, max]`.
    pub fn accepts(&self, v: f64) -> bool {
        v == 0.0 || (self.min..=self.max).contains(&v.abs())
    }
}

/// `value` written the way `raw` (the text of a value in the file, quotes included)
/// writes its number: the same quotes, currency symbol or code, unit (`万`, `M`, `k`,
/// `%`, `x`, `倍`) and thousands commas, with as few decimals as keep it within 0.1% of
/// `value` (rounded in the direction `round` asks). `None` when `raw` holds no number to
/// replace (a list, an alias).
pub fn write_like(raw: &str, value: f64, notation: Notation, round: Round) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let (open, inner, close) = match raw.as_bytes() {
        [q @ (b'"' | b'\''), .., last] if q == last && raw.len() >= 2 => {
            (&raw[..1], &raw[1..raw.len() - 1], &raw[raw.len() - 1..])
        }
        _ => ("", raw, ""),
    };
    let body = inner.trim();
    if body.starts_with(['*', '&', '[', '{']) {
        return None;
    }
    let (lead, body, trail) = split_number(body);
    let (prefix, unit_suffix) = (lead, trail);
    let unit = match notation {
        Notation::Money => SUFFIXES
            .iter()
            .find(|(s, _)| unit_suffix.trim_start().starts_with(s))
            .map_or(1.0, |(_, m)| *m),
        Notation::Percent if unit_suffix.contains(['%', '％']) => 0.01,
        _ => 1.0,
    };
    // A plain YAML number with an exponent (`1e6`) is written out in full.
    let commas = body.contains([',', '，']);
    let negative = value < 0.0;
    let mut prefix = prefix.replace('-', "");
    let n = (value / unit).abs();
    let round = if negative {
        // Rounding the magnitude: up and down swap.
        match round {
            Round::Up => Round::Down,
            Round::Down => Round::Up,
            Round::Nearest => Round::Nearest,
        }
    } else {
        round
    };
    let number = rounded_text(n, round, commas);
    if negative {
        // The sign goes where a plan writes it: before the symbol (`-¥700万`).
        prefix.insert(0, '-');
    }
    Some(format!("{open}{prefix}{number}{unit_suffix}{close}"))
}

/// `¥1,200万元` → (`¥`, `1,200`, `万元`): the text before the number, the number (ASCII
/// or full-width digits, points, commas, `_`), and the text after it. A number with an
/// exponent is all number.
fn split_number(text: &str) -> (&str, &str, &str) {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let Some(start) = text.find(|c: char| is_digit(c) || c == '.' || c == '．') else {
        return (text, "", "");
    };
    let mut end = start;
    for (i, c) in text[start..].char_indices() {
        if is_digit(c) || matches!(c, '.' | '．' | ',' | '，' | '_') {
            end = start + i + c.len_utf8();
        } else if matches!(c, 'e' | 'E')
            && text[start + i + 1..]
                .starts_with(|d: char| d.is_ascii_digit() || d == '-' || d == '+')
        {
            // An exponent: the rest is the number.
            return (&text[..start], &text[start..], "");
        } else {
            break;
        }
    }
    // A trailing comma or point is not part of the number.
    let number = text[start..end].trim_end_matches([',', '，']);
    let end = start + number.len();
    (&text[..start], &text[start..end], &text[end..])
}

/// `n` (not negative) with the fewest decimals (up to 6) that keep it within 0.1%,
/// rounded as asked; thousands grouped with commas when `commas`.
fn rounded_text(n: f64, round: Round, commas: bool) -> String {
    let mut chosen = n;
    let mut digits = 6;
    for d in 0..=6 {
        let f = 10f64.powi(d);
        let r = match round {
            Round::Nearest => (n * f).round() / f,
            Round::Up => (n * f - 1e-9).ceil() / f,
            Round::Down => (n * f + 1e-9).floor() / f,
        };
        let close = if n == 0.0 {
            r == 0.0
        } else {
            ((r - n) / n).abs() <= 1e-3
        };
        if close {
            chosen = r;
            digits = d;
            break;
        }
    }
    // `+ 0.0` turns a negative zero (`(0 - 1e-9).ceil()`) into zero: never write `-0`.
    let chosen = chosen + 0.0;
    let text = format!("{chosen:.prec$}", prec = digits as usize);
    if !commas {
        return text;
    }
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_values_keep_the_plans_notation() {
        let w = |raw: &str, v: f64, n: Notation| write_like(raw, v, n, Round::Nearest).unwrap();
        assert_eq!(w("60万", 480_000.0, Notation::Money), "48万");
        assert_eq!(w("\"1.2M\"", 1_500_000.0, Notation::Money), "\"1.5M\"");
        assert_eq!(w("¥120,000", 1_234_000.0, Notation::Money), "¥1,234,000");
        assert_eq!(w("84000", 90_000.0, Notation::Money), "90000");
        assert_eq!(w("'30万元'", 333_333.0, Notation::Money), "'33.3万元'");
        assert_eq!(w("USD 50k", 62_500.0, Notation::Money), "USD 62.5k");
        assert_eq!(w("-700万", -650e4, Notation::Money), "-650万");
        assert_eq!(w("72%", 0.8, Notation::Percent), "80%");
        assert_eq!(w("0.72", 0.8, Notation::Percent), "0.8");
        assert_eq!(w("12x", 13.333, Notation::Multiple), "13.33x");
        assert_eq!(w("16倍", 20.0, Notation::Multiple), "20倍");
        assert_eq!(w("18", 20.57, Notation::Number), "20.57");
        assert_eq!(w("1e6", 2e6, Notation::Money), "2000000");
        assert_eq!(
            write_like("*acv", 1.0, Notation::Money, Round::Nearest),
            None
        );
        // Limits are respected: at most stays at most, at least at least.
        assert_eq!(
            write_like("1.2亿", 123_456_789.0, Notation::Money, Round::Down).unwrap(),
            "1.234亿"
        );
        assert_eq!(
            write_like("60万", 600_001.0, Notation::Money, Round::Up).unwrap(),
            "60.01万"
        );
    }

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

    fn comma_fix(e: Result<f64, NumberError>) -> String {
        match e {
            Err(NumberError::Comma(c)) => c.fix,
            other => panic!("not a comma error: {other:?}"),
        }
    }

    #[test]
    fn commas_only_group_thousands() {
        assert_eq!(amount("1,234,567"), 1_234_567.0);
        assert_eq!(amount("12,000"), 12_000.0);
        assert_eq!(amount("¥120,000"), 120_000.0);
        assert_eq!(amount("1,234.5k"), 1_234_500.0);
        for (bad, fix) in [
            ("5,5k", "5.5k"),
            ("1,5M", "1.5M"),
            ("1.234,56", "1234.56"),
            ("12,34,567", "1234567"),
            ("¥1,5万", "¥1.5万"),
            ("1234,567", "1234567"),
        ] {
            match parse_money(bad) {
                Err(MoneyError::Comma(c)) => assert_eq!(c.fix, fix, "{bad}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
        assert_eq!(parse_decimal("1,234"), Ok(1234.0));
        assert_eq!(comma_fix(parse_decimal("1,2")), "1.2");
        assert_eq!(comma_fix(parse_decimal("-0,5")), "-0.5");
        assert_eq!(comma_fix(read_percent("7,5%").map(|p| p.0)), "7.5%");
        assert_eq!(comma_fix(read_multiple("1,5x")), "1.5x");
        assert_eq!(parse_decimal(",,"), Err(NumberError::NotANumber));
    }

    #[test]
    fn full_width_forms() {
        assert_eq!(read_multiple("16倍"), Ok(16.0));
        assert_eq!(read_multiple("１６倍"), Ok(16.0));
        assert_eq!(read_multiple("１２ｘ"), Ok(12.0));
        assert_eq!(read_percent("７２％"), Ok((0.72, false)));
        assert_eq!(read_percent("７．５%"), Ok((0.075, false)));
        assert_eq!(amount("１２，０００"), 12_000.0);
        assert_eq!(amount("３０万"), 300_000.0);
        assert_eq!(parse_decimal("１．５"), Ok(1.5));
        match parse_money("５，５万") {
            Err(MoneyError::Comma(c)) => assert_eq!(
                c.help().render(Lang::En),
                "write 5.5万: a point marks decimals, commas only group thousands"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn words_for_infinity_are_not_numbers() {
        for bad in [
            "inf", "NaN", "infinity", "-inf", "1e", "e5", "+-1", ".", "1.2.3",
        ] {
            assert!(parse_decimal(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_decimal("1e999"), Err(NumberError::NotFinite));
        assert_eq!(parse_decimal(&"9".repeat(400)), Err(NumberError::NotFinite));
        assert!(parse_money(&"9".repeat(400)).is_err());
        let long = format!("{}", parse_money(&"9".repeat(400)).unwrap_err());
        assert!(long.len() < 80, "{long}");
    }

    #[test]
    fn formatting_never_prints_inf_nan_or_300_digits() {
        for v in [
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            1e308,
            -1e300,
            1e21,
            f64::MAX,
        ] {
            for s in [
                format_number(v),
                format_amount(v),
                format_percent(v),
                format_money(v, "CNY"),
            ] {
                assert!(!s.contains("inf") && !s.contains("NaN"), "{v}: {s}");
                assert!(s.len() < 24, "{v}: {s}");
            }
        }
        assert_eq!(format_number(1.2e21), "1.2e21");
        assert_eq!(format_amount(1e21), "1e21");
        assert_eq!(format_amount(1e15), "1,000,000,000,000,000");
        assert_eq!(format_number(f64::INFINITY), "∞");
        assert_eq!(format_number(1e-320), "0");
    }

    #[test]
    fn a_long_value_is_shown_cut_short_with_its_length_in_both_languages() {
        let e = parse_money(&"9".repeat(400)).unwrap_err();
        let m = e.args(Message::new("plan-money-error"));
        assert_eq!(
            m.render(Lang::En),
            "`9999999999999999…` (400 characters) is too large to be an amount"
        );
        assert_eq!(
            m.render(Lang::Zh),
            "`9999999999999999…`（共 400 个字符） 太大，不可能是一笔金额"
        );
        let short = parse_money("lots").unwrap_err();
        assert_eq!(
            short
                .args(Message::new("plan-money-error"))
                .render(Lang::Zh),
            "`lots` 不是一笔金额"
        );
        assert_eq!(
            parse_money("$5k CNY").unwrap_err().to_string(),
            "the amount names two currencies, USD and CNY"
        );
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

    #[test]
    fn zero_rounded_up_is_written_without_a_sign() {
        for round in [Round::Up, Round::Down, Round::Nearest] {
            assert_eq!(
                write_like("5M", 0.0, Notation::Money, round).as_deref(),
                Some("0M")
            );
            assert_eq!(
                write_like("12", 0.0, Notation::Number, round).as_deref(),
                Some("0")
            );
        }
    }
}
