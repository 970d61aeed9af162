//! Wording, rendered late and in the reader's language.
//!
//! A finding carries a [`Message`]: a message id and its arguments as data (an amount and
//! its currency, a percentage, a count, a key the plan wrote). The words live in Project
//! Fluent files, `locales/<lang>/<module>.ftl`, embedded at build time; numbers are
//! written the way a reader of that language writes them (`50,000 CNY`, `5万 CNY`) before
//! they reach the sentence. Rules, the loader and the command line build messages; only
//! reports render them.

use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::numfmt::{format_amount, format_number, format_percent};

/// The languages planlint speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// `en` or `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// `en`, `zh`, or a locale such as `zh_CN.UTF-8`, `zh-Hans`, `en_US`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") || s == "c" || s == "posix" || s.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty; Chinese when it starts with `zh`, else English.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.trim().is_empty())
            .map_or(Lang::En, |v| {
                if v.trim().to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                }
            })
    }
}

/// One argument of a message, as data; written out in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// An amount in a currency: `50,000 CNY`, `5万 CNY`.
    Money { amount: f64, currency: String },
    /// A money threshold converted into the plan's currency: `42,253.52 USD (300,000 CNY)`.
    Converted {
        amount: f64,
        currency: String,
        original: f64,
        original_currency: String,
    },
    /// A fraction shown as a percentage: `0.25` → `25%`.
    Percent(f64),
    /// A plain number at a human precision: `13.9`.
    Number(f64),
    /// A whole count, which messages may select plural forms on: `3`.
    Count(i64),
    /// Text as written (a key, a rule id, a value the plan wrote): never translated.
    Text(String),
}

impl Arg {
    /// The argument written out for `lang`.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Arg::Money { amount, currency } => money(*amount, currency, lang),
            Arg::Converted {
                amount,
                currency,
                original,
                original_currency,
            } => {
                if currency == original_currency {
                    money(*amount, currency, lang)
                } else {
                    match lang {
                        Lang::En => format!(
                            "{} ({})",
                            money(*amount, currency, lang),
                            money(*original, original_currency, lang)
                        ),
                        Lang::Zh => format!(
                            "{}（{}）",
                            money(*amount, currency, lang),
                            money(*original, original_currency, lang)
                        ),
                    }
                }
            }
            Arg::Percent(v) => format_percent(*v),
            Arg::Number(v) => format_number(*v),
            Arg::Count(n) => n.to_string(),
            Arg::Text(s) => s.clone(),
        }
    }
}

/// An amount the way a reader of `lang` writes it. Chinese counts in 万 (10⁴) and 亿
/// (10⁸): `50,000 CNY` is `5万 CNY`, `120,000,000` is `1.2亿`.
pub fn money(amount: f64, currency: &str, lang: Lang) -> String {
    let number = match lang {
        Lang::En => format_amount(amount),
        Lang::Zh => zh_amount(amount),
    };
    if currency.is_empty() {
        number
    } else {
        format!("{number} {currency}")
    }
}

/// `5万`, `1.2亿`, `8,000`, `-700万`.
pub fn zh_amount(amount: f64) -> String {
    let abs = amount.abs();
    let sign = if amount < 0.0 { "-" } else { "" };
    if !abs.is_finite() || abs >= 1e16 {
        return format_amount(amount);
    }
    if abs >= 1e8 {
        format!("{sign}{}亿", format_number(round_to(abs / 1e8, 2)))
    } else if abs >= 1e4 {
        format!("{sign}{}万", format_number(round_to(abs / 1e4, 2)))
    } else {
        format_amount(amount)
    }
}

fn round_to(v: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

/// What a finding, a label or a help line says: a message id and its arguments, or
/// (while a module's wording is still being moved into message files) literal text.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    body: Body,
}

#[derive(Clone, Debug, PartialEq)]
enum Body {
    Id {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// English text built where the finding was made: rendered as is in every language.
    Literal(String),
    /// Words someone else wrote (a rule pack's message), shown as written in every
    /// language, with the values they interpolate written out for the reader.
    Written(Vec<Part>),
}

/// A piece of [`Message::written`] text.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Words as their author wrote them.
    Text(String),
    /// A value, written the way planlint writes its type in the reader's language.
    Arg(Arg),
}

impl Message {
    /// The message `id` of the message files, with no arguments yet.
    pub fn new(id: &'static str) -> Self {
        Self {
            body: Body::Id {
                id,
                args: Vec::new(),
            },
        }
    }

    /// Text its author wrote (a rule pack's message or help) with the values it
    /// interpolates: never translated, its values formatted for the reader.
    pub fn written(parts: Vec<Part>) -> Self {
        Self {
            body: Body::Written(parts),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Self {
        if let Body::Id { args, .. } = &mut self.body {
            args.push((name, value));
        }
        self
    }

    pub fn money(self, name: &'static str, amount: f64, currency: &str) -> Self {
        self.arg(
            name,
            Arg::Money {
                amount,
                currency: currency.to_string(),
            },
        )
    }

    pub fn percent(self, name: &'static str, v: f64) -> Self {
        self.arg(name, Arg::Percent(v))
    }

    pub fn number(self, name: &'static str, v: f64) -> Self {
        self.arg(name, Arg::Number(v))
    }

    pub fn count(self, name: &'static str, n: impl TryInto<i64>) -> Self {
        self.arg(name, Arg::Count(n.try_into().unwrap_or(i64::MAX)))
    }

    pub fn text(self, name: &'static str, s: impl Into<String>) -> Self {
        self.arg(name, Arg::Text(s.into()))
    }

    /// The message id, `None` for literal text.
    pub fn id(&self) -> Option<&'static str> {
        match &self.body {
            Body::Id { id, .. } => Some(id),
            Body::Literal(_) | Body::Written(_) => None,
        }
    }

    /// The arguments, by name.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        match &self.body {
            Body::Id { args, .. } => args,
            Body::Literal(_) | Body::Written(_) => &[],
        }
    }

    /// True for literal text, which no message file translates.
    pub fn is_literal(&self) -> bool {
        matches!(self.body, Body::Literal(_))
    }

    /// True for text someone else wrote ([`Message::written`]).
    pub fn is_written(&self) -> bool {
        matches!(self.body, Body::Written(_))
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match &self.body {
            Body::Literal(s) => s.clone(),
            Body::Id { id, args } => render(id, args, lang),
            Body::Written(parts) => parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) => t.clone(),
                    Part::Arg(a) => a.display(lang),
                })
                .collect(),
        }
    }
}

impl From<String> for Message {
    fn from(s: String) -> Self {
        Self {
            body: Body::Literal(s),
        }
    }
}

impl From<&str> for Message {
    fn from(s: &str) -> Self {
        Self {
            body: Body::Literal(s.to_string()),
        }
    }
}

/// `(file stem, Fluent source)` of every message file, per language.
static SOURCES_EN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/locales_en.rs"));
static SOURCES_ZH: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/locales_zh.rs"));

pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => SOURCES_EN,
        Lang::Zh => SOURCES_ZH,
    }
}

type Bundle = FluentBundle<FluentResource>;

/// A bundle of some of `lang`'s message files, in the order given.
fn bundle(lang: Lang, files: &[(&'static str, &'static str)]) -> Bundle {
    let langid: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // No Unicode isolation marks around arguments: they would reach terminals and logs
    // as invisible bidi controls.
    bundle.set_use_isolating(false);
    for (_, source) in files {
        // A file that does not parse is caught by the tests; what parses is still used.
        let resource = match FluentResource::try_new((*source).to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// One language's messages, parsed lazily, file by file: ids are prefixed by their
/// file's name (`plan-…` lives in `plan.ftl`), so a message is looked up in its own
/// file with `common.ftl`, and a run parses only the files whose messages it words
/// (parsing every English file was 40% of a one-plan run's instructions). A message
/// that is not in its file, or that refers to another file's message, is worded by
/// the bundle of all the files, exactly as before.
struct Catalogue {
    lang: Lang,
    /// Per message file (in `sources` order): that file and `common.ftl`.
    files: Vec<OnceLock<Bundle>>,
    /// Every file of the language.
    all: OnceLock<Bundle>,
}

impl Catalogue {
    fn new(lang: Lang) -> Self {
        Self {
            lang,
            files: sources(lang).iter().map(|_| OnceLock::new()).collect(),
            all: OnceLock::new(),
        }
    }

    fn all(&self) -> &Bundle {
        self.all
            .get_or_init(|| bundle(self.lang, sources(self.lang)))
    }

    /// The bundle of the file that declares message `name` (by its prefix, the longest
    /// file name that is one), else of `common.ftl`; `None` when there is neither.
    fn file_of(&self, name: &str) -> Option<&Bundle> {
        let files = sources(self.lang);
        let owner = files
            .iter()
            .enumerate()
            .filter(|(_, (stem, _))| {
                name.strip_prefix(*stem)
                    .is_some_and(|rest| rest.starts_with('-'))
            })
            .max_by_key(|(_, (stem, _))| stem.len())
            .or_else(|| {
                files
                    .iter()
                    .enumerate()
                    .find(|(_, (stem, _))| *stem == "common")
            })?;
        let (i, file) = owner;
        let common = files.iter().find(|(stem, _)| *stem == "common");
        Some(self.files.get(i)?.get_or_init(|| {
            let mut parts = vec![*file];
            parts.extend(common.filter(|c| c.0 != file.0).copied());
            bundle(self.lang, &parts)
        }))
    }
}

/// Each language's messages, parsed the first time they are used: a run in English
/// never parses the Chinese files.
static EN: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::new(Lang::En));
static ZH: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::new(Lang::Zh));

fn catalogue_of(lang: Lang) -> &'static Catalogue {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// Renders message `id` (or `id.attribute`) in `lang`, falling back to English, then to
/// the id itself (the tests fail on a message missing from either language).
fn render(id: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    for l in [lang, Lang::En] {
        if let Some(text) = format_in(l, id, args) {
            return text;
        }
    }
    id.to_string()
}

fn format_in(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> Option<String> {
    let catalogue = catalogue_of(lang);
    let (name, attribute) = match id.split_once('.') {
        Some((n, a)) => (n, Some(a)),
        None => (id, None),
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        let value = match v {
            // Counts stay numbers so that messages can choose plural forms on them.
            Arg::Count(n) => FluentValue::from(*n),
            other => FluentValue::from(other.display(lang)),
        };
        fluent_args.set(*k, value);
    }
    // In the message's own file first; in all the files when it is not there or refers
    // to a message of another file (an error there), which then words it as before.
    if let Some(bundle) = catalogue.file_of(name)
        && let Some(text) = format_with(bundle, name, attribute, &fluent_args, true)
    {
        return Some(text);
    }
    format_with(catalogue.all(), name, attribute, &fluent_args, false)
}

/// Message `name` (or its `attribute`) worded by `bundle`; `None` when the bundle does
/// not have it, or when `strict` and wording it met an error.
fn format_with(
    bundle: &Bundle,
    name: &str,
    attribute: Option<&str>,
    args: &FluentArgs,
    strict: bool,
) -> Option<String> {
    let message = bundle.get_message(name)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    if strict && !errors.is_empty() {
        return None;
    }
    Some(text.into_owned())
}

/// Message `id`, which takes no arguments, in `lang` only (no English fallback): for
/// texts looked up by a computed id, such as the command line's help.
pub fn text_in(lang: Lang, id: &str) -> Option<String> {
    format_in(lang, id, &[])
}

/// True when message `id` (or `id.attribute`) exists in `lang`'s files.
pub fn has_message(lang: Lang, id: &str) -> bool {
    let catalogue = catalogue_of(lang);
    let (name, attribute) = match id.split_once('.') {
        Some((n, a)) => (n, Some(a)),
        None => (id, None),
    };
    let has = |bundle: &Bundle| match (bundle.get_message(name), attribute) {
        (Some(m), Some(a)) => m.get_attribute(a).is_some(),
        (Some(m), None) => m.value().is_some(),
        (None, _) => false,
    };
    catalogue.file_of(name).is_some_and(has) || has(catalogue.all())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_come_from_names_and_locales() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("klingon"), None);
    }

    #[test]
    fn chinese_amounts_count_in_wan_and_yi() {
        assert_eq!(money(50_000.0, "CNY", Lang::Zh), "5万 CNY");
        assert_eq!(money(120_000_000.0, "CNY", Lang::Zh), "1.2亿 CNY");
        assert_eq!(money(8_000.0, "USD", Lang::Zh), "8,000 USD");
        assert_eq!(money(-7_000_000.0, "CNY", Lang::Zh), "-700万 CNY");
        assert_eq!(money(42_253.52, "USD", Lang::Zh), "4.23万 USD");
        assert_eq!(money(50_000.0, "CNY", Lang::En), "50,000 CNY");
    }

    #[test]
    fn written_text_stays_as_written_and_its_values_follow_the_reader() {
        let m = Message::written(vec![
            Part::Text("ACV ".into()),
            Part::Arg(Arg::Money {
                amount: 50_000.0,
                currency: "CNY".into(),
            }),
            Part::Text(" is low".into()),
        ]);
        assert!(m.is_written());
        assert_eq!(m.render(Lang::En), "ACV 50,000 CNY is low");
        assert_eq!(m.render(Lang::Zh), "ACV 5万 CNY is low");
    }

    #[test]
    fn literal_text_renders_as_is() {
        let m = Message::from("plain words");
        assert!(m.is_literal());
        assert_eq!(m.render(Lang::Zh), "plain words");
    }

    /// `(id or id.attribute) -> the variables it uses`, over all of a language's files.
    fn catalogue(
        lang: Lang,
    ) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn vars(p: &Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
            fn inline(e: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
                match e {
                    InlineExpression::VariableReference { id } => {
                        out.insert(id.name.to_string());
                    }
                    InlineExpression::Placeable { expression } => expr(expression, out),
                    _ => {}
                }
            }
            fn expr(e: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
                match e {
                    Expression::Inline(i) => inline(i, out),
                    Expression::Select { selector, variants } => {
                        inline(selector, out);
                        for v in variants {
                            vars(&v.value, out);
                        }
                    }
                }
            }
            for el in &p.elements {
                if let PatternElement::Placeable { expression } = el {
                    expr(expression, out);
                }
            }
        }
        let mut map = std::collections::BTreeMap::new();
        for (file, source) in sources(lang) {
            let resource = fluent_syntax::parser::parse(*source)
                .unwrap_or_else(|(_, e)| panic!("locales/{}/{file}.ftl: {e:?}", lang.code()));
            for entry in resource.body {
                if let Entry::Message(m) = entry {
                    let id = m.id.name.to_string();
                    if let Some(v) = &m.value {
                        let mut set = std::collections::BTreeSet::new();
                        vars(v, &mut set);
                        assert!(
                            map.insert(id.clone(), set).is_none(),
                            "{}: `{id}` is declared twice",
                            lang.code()
                        );
                    }
                    for a in &m.attributes {
                        let mut set = std::collections::BTreeSet::new();
                        vars(&a.value, &mut set);
                        map.insert(format!("{id}.{}", a.id.name), set);
                    }
                }
            }
        }
        map
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        let en = catalogue(Lang::En);
        let zh = catalogue(Lang::Zh);
        let mut problems = Vec::new();
        for (id, vars) in &en {
            match zh.get(id) {
                None => problems.push(format!("`{id}` is in English, not in Chinese")),
                Some(z) if z != vars => problems.push(format!(
                    "`{id}` uses {vars:?} in English and {z:?} in Chinese"
                )),
                Some(_) => {}
            }
        }
        for id in zh.keys() {
            if !en.contains_key(id) {
                problems.push(format!("`{id}` is in Chinese, not in English"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_files_messages_start_with_its_name() {
        // `locales/en/data-consent.ftl` holds `data-consent-…` ids only, so that two
        // modules never declare one id.
        for lang in Lang::ALL {
            for (file, id) in catalogue_by_file(lang) {
                assert!(
                    file == "common" || id.starts_with(&format!("{file}-")),
                    "locales/{}/{file}.ftl declares `{id}`",
                    lang.code()
                );
            }
        }
    }

    fn catalogue_by_file(lang: Lang) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (file, source) in sources(lang) {
            if let Ok(resource) = fluent_syntax::parser::parse(*source) {
                for entry in resource.body {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        out.push((*file, m.id.name.to_string()));
                    }
                }
            }
        }
        out
    }

    /// Wording a message from its own file (parsed lazily) gives the text the bundle of
    /// all the files gives, for every message and attribute, in both languages: also
    /// for a message that refers to another file's message (`config-…` to
    /// `cli-reason`), or whose arguments are missing.
    #[test]
    fn a_message_from_its_own_file_reads_as_from_all_files() {
        for lang in Lang::ALL {
            let cat = catalogue_of(lang);
            for id in catalogue(lang).keys() {
                let (name, attribute) = match id.split_once('.') {
                    Some((n, a)) => (n, Some(a)),
                    None => (id.as_str(), None),
                };
                let args = FluentArgs::new();
                let all = format_with(cat.all(), name, attribute, &args, false);
                assert!(all.is_some(), "{}: `{id}` not worded", lang.code());
                assert_eq!(format_in(lang, id, &[]), all, "{}: `{id}`", lang.code());
                assert!(has_message(lang, id), "{}: `{id}`", lang.code());
            }
        }
    }

    #[test]
    fn every_message_file_parses_in_both_languages() {
        for lang in Lang::ALL {
            for (name, source) in sources(lang) {
                if let Err((_, errors)) = FluentResource::try_new((*source).to_string()) {
                    panic!("locales/{}/{name}.ftl: {errors:?}", lang.code());
                }
            }
        }
    }
}
