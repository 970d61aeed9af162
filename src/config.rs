//! `planlint.toml`: discovery, parsing with spans (so a bad key is shown where it is
//! written, with the nearest valid name), and resolution into per-file `Settings`.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::engine::{self, Settings};
use crate::finding::{Diagnostic, DiagnosticLabel, Severity};
use crate::model::load::nearest;
use crate::model::value::parse_money;
use crate::source::{SourceFile, Span};
use crate::text::{escape_control, escape_line};
use crate::thresholds::{FxRates, THRESHOLD_SPECS, ThresholdSpec, Thresholds, Unit};
use crate::yaml::Limits;

pub const CONFIG_NAMES: &[&str] = &["planlint.toml", ".planlint.toml"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Article,
    UsSaas,
}

impl Preset {
    pub const NAMES: &'static [&'static str] = &["article", "us-saas"];
    pub const ALL: &'static [Preset] = &[Preset::Article, Preset::UsSaas];

    pub fn from_name(s: &str) -> Option<Self> {
        match s {
            "article" => Some(Preset::Article),
            "us-saas" => Some(Preset::UsSaas),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Preset::Article => "article",
            Preset::UsSaas => "us-saas",
        }
    }

    pub fn thresholds(self) -> Thresholds {
        match self {
            Preset::Article => Thresholds::article(),
            Preset::UsSaas => Thresholds::us_saas(),
        }
    }
}

/// The lowest severity that fails the run; `None` is `never`.
pub type FailLevel = Option<Severity>;

/// A config problem: exit 2, shown as a diagnostic into the TOML file.
#[derive(Debug)]
pub struct ConfigError {
    /// The config file, when the problem is inside one.
    pub file: Option<Box<SourceFile>>,
    pub finding: Box<Diagnostic>,
}

/// A config problem as a report shows it (`config` is not a plan rule).
fn config_diagnostic(span: Span, message: String, label: &str, help: String) -> Diagnostic {
    Diagnostic {
        rule: "config",
        severity: Severity::Error,
        message,
        span,
        path: String::new(),
        labels: vec![DiagnosticLabel {
            span,
            message: label.to_string(),
        }],
        help: (!help.is_empty()).then_some(help),
    }
}

impl ConfigError {
    fn at(file: &SourceFile, span: std::ops::Range<usize>, message: String, help: String) -> Self {
        let span = Span::new(span.start, span.end.saturating_sub(span.start));
        Self {
            file: Some(Box::new(SourceFile::new(
                file.name.clone(),
                file.text.clone(),
            ))),
            finding: Box::new(config_diagnostic(span, message, "here", help)),
        }
    }

    /// A problem outside any config file (a bad selector on the command line).
    pub fn plain_error(message: String) -> Self {
        Self::plain(message, String::new())
    }

    fn plain(message: String, help: String) -> Self {
        Self {
            file: None,
            finding: Box::new(config_diagnostic(Span::default(), message, "", help)),
        }
    }
}

/// A threshold as written: its value in `currency` (money) or as a plain number.
#[derive(Clone, Debug)]
struct ThresholdSetting {
    spec: &'static ThresholdSpec,
    value: f64,
    currency: Option<String>,
    span: std::ops::Range<usize>,
}

#[derive(Clone, Debug)]
struct Override {
    globs: GlobSet,
    patterns: Vec<String>,
    rules: Vec<(String, Option<Severity>)>,
}

/// A loaded configuration (possibly the empty default).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it came from; `None` for the defaults.
    pub path: Option<PathBuf>,
    /// The directory its globs are relative to.
    pub dir: PathBuf,
    pub preset: Option<Preset>,
    /// `lang = "zh"`: the language of messages, unless `--lang` says otherwise.
    pub lang: Option<crate::i18n::Lang>,
    pub fail_on: Option<FailLevel>,
    exclude: Option<GlobSet>,
    pub exclude_patterns: Vec<String>,
    rules: Vec<(String, Option<Severity>)>,
    thresholds: Vec<ThresholdSetting>,
    pub fx: FxRates,
    overrides: Vec<Override>,
    /// The config file's name and text, for diagnostics found after parsing.
    source: Option<(String, String)>,
    limits: Option<Limits>,
}

/// Finds the config for a run started in `cwd`: `planlint.toml` or `.planlint.toml` in it
/// or the nearest parent.
pub fn discover(cwd: &Path) -> Option<PathBuf> {
    for dir in cwd.ancestors() {
        for name in CONFIG_NAMES {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        // Regular files only, and at most CONFIG_MAX_BYTES: a FIFO or /dev/zero given to
        // --config must neither block nor fill memory.
        let text = crate::input::read_small_text(path, crate::input::CONFIG_MAX_BYTES).map_err(
            |reason| {
                ConfigError::plain(
                    format!(
                        "cannot read the config file {}: {reason}",
                        crate::input::shown(path)
                    ),
                    "check the path given to --config, or pass --isolated to use no config"
                        .to_string(),
                )
            },
        )?;
        let dir = path
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        Self::parse(&path.display().to_string(), &text, dir).map(|mut c| {
            c.path = Some(path.to_path_buf());
            c
        })
    }

    /// Parses config text; `name` is shown in diagnostics, `dir` anchors its globs.
    pub fn parse(name: &str, text: &str, dir: PathBuf) -> Result<Config, ConfigError> {
        let file = SourceFile::new(name, text.to_string());
        let root = DeTable::parse(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            ConfigError::at(
                &file,
                span,
                format!("invalid TOML: {}", escape_control(e.message().trim())),
                "fix the TOML syntax here".to_string(),
            )
        })?;
        let mut config = Config {
            dir,
            source: Some((name.to_string(), text.to_string())),
            ..Config::default()
        };
        const TOP: &[&str] = &[
            "preset",
            "lang",
            "fail-on",
            "exclude",
            "rules",
            "thresholds",
            "fx",
            "overrides",
            "limits",
        ];
        for (key, value) in root.get_ref() {
            let k = key.get_ref().as_ref();
            match k {
                "preset" => {
                    let s = expect_str(&file, value, "preset", "\"article\"")?;
                    config.preset =
                        Some(Preset::from_name(s).ok_or_else(|| {
                            unknown(&file, value.span(), "preset", s, Preset::NAMES)
                        })?);
                }
                "lang" => {
                    let s = expect_str(&file, value, "lang", "\"zh\"")?;
                    config.lang = Some(match s {
                        "en" => crate::i18n::Lang::En,
                        "zh" => crate::i18n::Lang::Zh,
                        other => {
                            return Err(unknown(&file, value.span(), "lang", other, &["en", "zh"]));
                        }
                    });
                }
                "fail-on" => {
                    let s = expect_str(&file, value, "fail-on", "\"error\"")?;
                    config.fail_on = Some(match s {
                        "never" => None,
                        other => Some(other.parse::<Severity>().map_err(|_| {
                            unknown(
                                &file,
                                value.span(),
                                "fail-on level",
                                other,
                                &["error", "warning", "info", "never"],
                            )
                        })?),
                    });
                }
                "exclude" => {
                    let patterns = string_list(&file, value, "exclude")?;
                    config.exclude = Some(build_globs(&file, &patterns)?);
                    config.exclude_patterns = patterns.into_iter().map(|(p, _)| p).collect();
                }
                "rules" => config.rules = rule_table(&file, value, "rules")?,
                "thresholds" => {
                    let table = expect_table(&file, value, "thresholds")?;
                    for (name, v) in table {
                        config.thresholds.push(threshold(&file, name, v)?);
                    }
                }
                "fx" => {
                    let table = expect_table(&file, value, "fx")?;
                    for (code, v) in table {
                        let c = code.get_ref().as_ref();
                        if !crate::model::value::is_currency_code(c) {
                            return Err(ConfigError::at(
                                &file,
                                code.span(),
                                format!("`{}` is not an ISO 4217 currency code", escape_line(c)),
                                "write a three-letter code in capitals, such as USD".to_string(),
                            ));
                        }
                        config.fx.0.insert(c.to_string(), fx_rate(&file, c, v)?);
                    }
                }
                "overrides" => {
                    let DeValue::Array(items) = value.get_ref() else {
                        return Err(type_error(
                            &file,
                            value,
                            "overrides",
                            "an array of tables: [[overrides]]",
                        ));
                    };
                    for item in items.iter() {
                        config.overrides.push(override_entry(&file, item)?);
                    }
                }
                "limits" => {
                    for (name, v) in expect_table(&file, value, "limits")? {
                        config.limits =
                            Some(limit(&file, name, v, config.limits.unwrap_or_default())?);
                    }
                }
                other => return Err(unknown_key(&file, key, other, TOP, "at the top level")),
            }
        }
        Ok(config)
    }

    /// The settings for one plan file (`None`: standard input), with the preset chosen on
    /// the command line if any.
    pub fn settings_for(
        &self,
        file: Option<&Path>,
        preset: Option<Preset>,
    ) -> Result<Settings, ConfigError> {
        let preset = preset.or(self.preset).unwrap_or(Preset::Article);
        let mut thresholds = preset.thresholds();
        for t in &self.thresholds {
            let value = match (&t.currency, t.spec.unit) {
                (Some(cur), Unit::Money) if *cur != thresholds.currency => {
                    let rate = self.fx.0.get(cur).copied().ok_or_else(|| {
                        let msg = format!(
                            "`{}` is in {cur} but the `{}` preset's thresholds are in {}, and [fx] has no rate for {cur}",
                            t.spec.name,
                            preset.name(),
                            thresholds.currency
                        );
                        match &self.source {
                            Some((name, text)) => ConfigError::at(
                                &SourceFile::new(name.clone(), text.clone()),
                                t.span.clone(),
                                msg,
                                format!("add `[fx]\n{cur} = <{} per {cur}>`, or write the amount in {}", thresholds.currency, thresholds.currency),
                            ),
                            None => ConfigError::plain(msg, String::new()),
                        }
                    })?;
                    // A rate is units of the thresholds' currency per unit of `cur`.
                    let converted = t.value * rate;
                    if converted > MAX_MONEY {
                        let msg = format!(
                            "`{}` is {} {} at {cur} = {}, more than the {} {} a money threshold can be",
                            t.spec.name,
                            human_number(converted),
                            thresholds.currency,
                            human_number(rate),
                            MAX_MONEY_TEXT,
                            thresholds.currency,
                        );
                        let help = format!(
                            "write a smaller amount, or check the rate for {cur} in [fx]: it is {} per {cur}",
                            thresholds.currency
                        );
                        return Err(match &self.source {
                            Some((name, text)) => ConfigError::at(
                                &SourceFile::new(name.clone(), text.clone()),
                                t.span.clone(),
                                msg,
                                help,
                            ),
                            None => ConfigError::plain(msg, help),
                        });
                    }
                    converted
                }
                _ => t.value,
            };
            if let Some(slot) = thresholds.get_mut(t.spec.name) {
                *slot = value;
            }
        }
        let mut settings = Settings {
            thresholds,
            fx: self.fx.clone(),
            limits: self.limits.unwrap_or_default(),
            ..Settings::default()
        };
        apply_rules(&mut settings, &self.rules);
        if let Some(file) = file {
            self.apply_overrides(&mut settings, file);
        }
        Ok(settings)
    }

    /// `path` relative to the config's directory, for glob matching.
    fn relative(&self, path: &Path) -> PathBuf {
        let abs = absolute(path);
        let dir = absolute(&self.dir);
        abs.strip_prefix(&dir)
            .map_or(abs.clone(), Path::to_path_buf)
    }

    /// Applies the `[[overrides]]` whose globs match `file` (they only change severities).
    pub fn apply_overrides(&self, settings: &mut Settings, file: &Path) {
        if self.overrides.is_empty() {
            return;
        }
        let rel = self.relative(file);
        for o in &self.overrides {
            if o.globs.is_match(&rel) {
                apply_rules(settings, &o.rules);
            }
        }
    }

    pub fn has_overrides(&self) -> bool {
        !self.overrides.is_empty()
    }

    /// True when a walked file matches the config's `exclude` globs.
    pub fn is_excluded(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|g| g.is_match(self.relative(path)))
    }

    /// The effective configuration, as TOML a user could paste into planlint.toml.
    pub fn describe(&self, settings: &Settings, preset: Option<Preset>) -> String {
        let preset = preset.or(self.preset).unwrap_or(Preset::Article);
        let mut out = String::new();
        out.push_str(&format!(
            "# effective configuration ({})\n",
            self.path.as_ref().map_or_else(
                || "no config file: defaults".to_string(),
                |p| format!("from {}", escape_line(&p.display().to_string()))
            )
        ));
        out.push_str(&format!("preset = \"{}\"\n", preset.name()));
        let fail = match self.fail_on {
            Some(Some(s)) => s.as_str(),
            Some(None) => "never",
            None => "error",
        };
        out.push_str(&format!("fail-on = \"{fail}\"\n"));
        let ex: Vec<String> = self
            .exclude_patterns
            .iter()
            .map(|p| toml_string(p))
            .collect();
        out.push_str(&format!("exclude = [{}]\n\n[rules]\n", ex.join(", ")));
        for rule in engine::registry() {
            let sev = settings.severity_of(rule).map_or("off", Severity::as_str);
            out.push_str(&format!("\"{}\" = \"{sev}\"\n", rule.id));
        }
        out.push_str(&format!(
            "\n[thresholds]   # money in {}\n",
            settings.thresholds.currency
        ));
        for spec in THRESHOLD_SPECS {
            let v = settings.thresholds.get(spec.name).unwrap_or(spec.article);
            let shown = match spec.unit {
                // A bare number is in the thresholds' currency too; it keeps an extreme
                // amount exact where the money syntax has no exponent.
                Unit::Money => match toml_number(v) {
                    n if n.contains('e') => format!("{n}   # {}", settings.thresholds.currency),
                    n => format!("\"{n} {}\"", settings.thresholds.currency),
                },
                Unit::Percent => percent_toml(v),
                Unit::Number => toml_number(v),
            };
            out.push_str(&format!("{} = {shown}\n", spec.name));
        }
        let l = settings.limits;
        out.push_str(&format!(
            "\n[limits]\nmax_file_size = {}\nmax_depth = {}\nmax_nodes = {}\nmax_alias_events = {}\nmax_documents = {}\n",
            l.max_file_size, l.max_depth, l.max_nodes, l.max_alias_events, l.max_documents
        ));
        out.push_str("\n[fx]\n");
        for (c, r) in &settings.fx.0 {
            out.push_str(&format!("{c} = {}\n", toml_number(*r)));
        }
        for o in &self.overrides {
            let pats: Vec<String> = o.patterns.iter().map(|p| toml_string(p)).collect();
            out.push_str(&format!("\n[[overrides]]\nfiles = [{}]\n", pats.join(", ")));
            let rules: Vec<String> = o
                .rules
                .iter()
                .map(|(id, s)| {
                    format!(
                        "{} = \"{}\"",
                        toml_string(id),
                        s.map_or("off", Severity::as_str)
                    )
                })
                .collect();
            out.push_str(&format!("rules = {{ {} }}\n", rules.join(", ")));
        }
        out
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}

/// Applies `selector = severity` entries: principle prefixes first, then exact ids, so
/// the more specific entry wins whatever the order in the file.
fn apply_rules(settings: &mut Settings, rules: &[(String, Option<Severity>)]) {
    let is_prefix = |s: &str| engine::find_rule(s).is_none();
    for pass_prefix in [true, false] {
        for (selector, sev) in rules {
            if is_prefix(selector) != pass_prefix {
                continue;
            }
            for rule in engine::registry() {
                if engine::selector_matches(selector, rule.id) {
                    settings.severities.insert(rule.id, *sev);
                }
            }
        }
    }
}

type Entry<'a> = (
    &'a Spanned<std::borrow::Cow<'a, str>>,
    &'a Spanned<DeValue<'a>>,
);

fn unknown_key(
    file: &SourceFile,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    name: &str,
    known: &[&str],
    place: &str,
) -> ConfigError {
    let help = match nearest(name, known) {
        Some(s) => format!("did you mean `{s}`? known keys: {}", known.join(", ")),
        None => format!("known keys: {}", known.join(", ")),
    };
    ConfigError::at(
        file,
        key.span(),
        format!("unknown key `{}` {place}", escape_line(name)),
        help,
    )
}

fn unknown(
    file: &SourceFile,
    span: std::ops::Range<usize>,
    what: &str,
    value: &str,
    known: &[&str],
) -> ConfigError {
    let help = match nearest(value, known) {
        Some(s) => format!("did you mean `{s}`? allowed: {}", known.join(", ")),
        None => format!("allowed: {}", known.join(", ")),
    };
    ConfigError::at(
        file,
        span,
        format!("unknown {what} `{}`", escape_line(value)),
        help,
    )
}

fn type_error(
    file: &SourceFile,
    value: &Spanned<DeValue>,
    key: &str,
    expected: &str,
) -> ConfigError {
    ConfigError::at(
        file,
        value.span(),
        format!(
            "`{key}` must be {expected}, found {}",
            a_type(value.get_ref())
        ),
        format!("write `{key}` as {expected}"),
    )
}

fn expect_str<'a>(
    file: &SourceFile,
    value: &'a Spanned<DeValue>,
    key: &str,
    example: &str,
) -> Result<&'a str, ConfigError> {
    value.get_ref().as_str().ok_or_else(|| {
        ConfigError::at(
            file,
            value.span(),
            format!(
                "`{}` must be a string, found {}",
                escape_line(key),
                a_type(value.get_ref())
            ),
            format!("for example `{} = {example}`", escape_line(&toml_key(key))),
        )
    })
}

fn expect_table<'a>(
    file: &SourceFile,
    value: &'a Spanned<DeValue<'a>>,
    key: &str,
) -> Result<Vec<Entry<'a>>, ConfigError> {
    match value.get_ref() {
        DeValue::Table(t) => Ok(t.iter().collect()),
        _ => Err(type_error(file, value, key, "a table")),
    }
}

fn string_list(
    file: &SourceFile,
    value: &Spanned<DeValue>,
    key: &str,
) -> Result<Vec<(String, std::ops::Range<usize>)>, ConfigError> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(type_error(
            file,
            value,
            key,
            "an array of strings, for example [\"archive/**\"]",
        ));
    };
    items
        .iter()
        .map(|item| match item.get_ref().as_str() {
            Some(s) => Ok((s.to_string(), item.span())),
            None => Err(type_error(file, item, key, "a string")),
        })
        .collect()
}

fn build_globs(
    file: &SourceFile,
    patterns: &[(String, std::ops::Range<usize>)],
) -> Result<GlobSet, ConfigError> {
    let mut b = GlobSetBuilder::new();
    for (p, span) in patterns {
        let glob = Glob::new(p).map_err(|e| {
            ConfigError::at(
                file,
                span.clone(),
                format!(
                    "invalid glob `{}`: {}",
                    escape_line(p),
                    escape_line(&e.kind().to_string())
                ),
                "see https://docs.rs/globset for the glob syntax".to_string(),
            )
        })?;
        b.add(glob);
    }
    b.build().map_err(|e| {
        ConfigError::plain(
            format!(
                "invalid globs in {}: {}",
                escape_line(&file.name),
                escape_line(&e.to_string())
            ),
            "simplify the `exclude` and `files` globs; see https://docs.rs/globset for the syntax"
                .to_string(),
        )
    })
}

fn rule_table(
    file: &SourceFile,
    value: &Spanned<DeValue>,
    key: &str,
) -> Result<Vec<(String, Option<Severity>)>, ConfigError> {
    let table = expect_table(file, value, key)?;
    let mut out = Vec::new();
    for (sel, sev) in table {
        let s = sel.get_ref().as_ref();
        if !engine::selector_is_known(s) {
            let help = match engine::suggest_selector(s) {
                Some(n) => format!("did you mean `{n}`? `planlint rules` lists every id"),
                None => {
                    "`planlint rules` lists every id; a principle prefix ends with `/`".to_string()
                }
            };
            return Err(ConfigError::at(
                file,
                sel.span(),
                format!("`{}` names no rule or principle", escape_line(s)),
                help,
            ));
        }
        let word = expect_str(file, sev, s, "\"warning\"")?;
        let level = match word {
            "off" => None,
            w => Some(w.parse::<Severity>().map_err(|_| {
                unknown(
                    file,
                    sev.span(),
                    "severity",
                    w,
                    &["error", "warning", "info", "off"],
                )
            })?),
        };
        out.push((s.to_string(), level));
    }
    Ok(out)
}

/// The largest money threshold, in the thresholds' currency (CNY or USD): a trillion is
/// beyond any real deal, and keeps every amount a rule prints short.
const MAX_MONEY: f64 = 1e12;
const MAX_MONEY_TEXT: &str = "1,000,000,000,000";
/// The largest count, factor, ratio or number of months a threshold can be.
const MAX_NUMBER: f64 = 1e6;
const MAX_NUMBER_TEXT: &str = "1,000,000";
/// The largest percentage threshold, as a fraction (10,000%).
const MAX_FRACTION: f64 = 100.0;
const MAX_PERCENT_TEXT: &str = "10,000%";
/// The range of an exchange rate: wider than any pair of currencies in use, narrow
/// enough that a converted threshold stays a printable amount.
const MIN_RATE: f64 = 1e-9;
const MAX_RATE: f64 = 1e9;
const RATE_RANGE_TEXT: &str = "from 0.000000001 to 1,000,000,000";
/// The ceiling of `max_file_size`, `max_nodes` and `max_alias_events`: far above any
/// plan, and exact as a 64-bit float.
const MAX_LIMIT: u64 = 1_000_000_000_000;
const MAX_LIMIT_TEXT: &str = "1,000,000,000,000";

/// A TOML number as a float; `None` for any other type. Integers may be hexadecimal,
/// octal or binary; floats may be `inf` or `nan`, which callers reject by name.
fn number(v: &DeValue) -> Option<f64> {
    match v {
        DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|n| n as f64)
            .or_else(|| (i.radix() == 10).then(|| i.as_str().parse::<f64>().ok())?),
        DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
        _ => None,
    }
}

/// What a rejected value was, for "…, found X": a number at a readable precision, or
/// the TOML type.
fn found(v: &DeValue) -> String {
    match (v, number(v)) {
        // `1e400` reads as infinity; say what was written instead.
        (DeValue::Float(f), Some(n)) if n.is_infinite() && !f.as_str().contains("inf") => {
            "a number too large for a 64-bit float".to_string()
        }
        (_, Some(n)) => human_number(n),
        (DeValue::Integer(_), None) => "an integer too large to read".to_string(),
        (_, None) => a_type(v).to_string(),
    }
}

/// A TOML value's type with its article: "a string", "an integer".
fn a_type(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// `v` rounded to `digits` significant digits.
fn round_sig(v: f64, digits: usize) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    format!("{:.*e}", digits.saturating_sub(1), v)
        .parse()
        .unwrap_or(v)
}

/// `v` written plainly while that reads well, else in scientific notation.
fn plain_or_scientific(v: f64, plain: std::ops::Range<f64>) -> String {
    if v == 0.0 {
        "0".to_string()
    } else if !v.is_finite() {
        // Rust's `inf`, `-inf` and `NaN`, as TOML writes them.
        v.to_string().to_lowercase()
    } else if plain.contains(&v.abs()) {
        v.to_string()
    } else {
        format!("{v:e}")
    }
}

/// A number for a message: at most six significant digits, `1.5e-7` and `2e20` for the
/// extremes. Never hundreds of digits, whatever was written.
pub fn human_number(v: f64) -> String {
    plain_or_scientific(round_sig(v, 6), 1e-4..1e9)
}

/// A number as TOML that reads back as the same `f64`: plain (`7.1`, `300000`) unless
/// that would take more than fifteen digits, then `1e-300`.
pub fn toml_number(v: f64) -> String {
    plain_or_scientific(v, 1e-6..1e15)
}

/// A fraction as a TOML percentage that reads back as exactly `v`: the shortest `"7%"`
/// whose number divided by 100 is `v` (`0.07 * 100` is `7.000000000000001`), else the
/// fraction itself, which `[thresholds]` also accepts.
fn percent_toml(v: f64) -> String {
    (1..=17)
        .map(|digits| round_sig(v * 100.0, digits))
        .find(|p| p.is_finite() && *p / 100.0 == v)
        .map_or_else(
            || format!("{}   # a fraction: 0.5 is 50%", toml_number(v)),
            |p| format!("\"{}%\"", toml_number(p)),
        )
}

/// `s` as a TOML basic string, with every character a terminal could act on (controls,
/// bidi overrides) written as a `\uXXXX` escape, which TOML reads back as the character.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if crate::text::is_unsafe_char(c) || matches!(c, '\t' | '\n' | '\r') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `k` as a TOML key: bare when TOML allows it, else quoted.
fn toml_key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        toml_string(k)
    }
}

/// An `[fx]` rate: a finite number of units of the thresholds' currency per unit of `code`.
fn fx_rate(file: &SourceFile, code: &str, value: &Spanned<DeValue>) -> Result<f64, ConfigError> {
    let v = value.get_ref();
    match number(v) {
        Some(r) if (MIN_RATE..=MAX_RATE).contains(&r) => Ok(r),
        n => {
            let finite = if n.is_some_and(|r| !r.is_finite()) {
                "a finite number "
            } else {
                "a number "
            };
            Err(ConfigError::at(
                file,
                value.span(),
                format!(
                    "the rate for {code} must be {finite}{RATE_RANGE_TEXT}, found {}",
                    found(v)
                ),
                format!(
                    "write units of the thresholds' currency per {code}, for example `{code} = 7.1`"
                ),
            ))
        }
    }
}

/// A threshold's accepted range, and help with an accepted example.
fn threshold_range(spec: &ThresholdSpec) -> (String, String) {
    let n = spec.name;
    match spec.unit {
        Unit::Money => (
            format!("an amount of money from 0 to {MAX_MONEY_TEXT}"),
            format!(
                "for example `{n} = \"400k CNY\"`; an amount without a currency is in the preset's"
            ),
        ),
        Unit::Percent => (
            format!("a percentage from 0% to {MAX_PERCENT_TEXT}"),
            format!(
                "for example `{n} = \"{}%\"`, the article preset's value",
                toml_number(round_sig(spec.article * 100.0, 12))
            ),
        ),
        Unit::Number => (
            format!("a number from 0 to {MAX_NUMBER_TEXT}"),
            format!(
                "for example `{n} = {}`, the article preset's value",
                toml_number(spec.article)
            ),
        ),
    }
}

/// The number in `"15%"` or `"15 %"`, when it is one; `inf%` is a number here, so that
/// it can be refused as infinite rather than as unreadable.
fn percent_number(s: &str) -> Option<f64> {
    let t = s.trim();
    t.strip_suffix('%')
        .or_else(|| t.strip_suffix('％'))?
        .trim_end()
        .parse()
        .ok()
}

fn threshold(
    file: &SourceFile,
    name: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue>,
) -> Result<ThresholdSetting, ConfigError> {
    let n = name.get_ref().as_ref();
    let names: Vec<&str> = THRESHOLD_SPECS.iter().map(|s| s.name).collect();
    let Some(spec) = ThresholdSpec::find(n) else {
        return Err(unknown_key(file, name, n, &names, "in [thresholds]"));
    };
    let (range, help) = threshold_range(spec);
    let bad = |found: &str| {
        ConfigError::at(
            file,
            value.span(),
            format!("`{n}` must be {range}, found {found}"),
            help.clone(),
        )
    };
    let infinite = |found: &str| {
        ConfigError::at(
            file,
            value.span(),
            format!("`{n}` must be a finite number: {range}, found {found}"),
            help.clone(),
        )
    };
    let raw = value.get_ref();
    let (v, currency) = match (spec.unit, raw) {
        (Unit::Money, DeValue::String(s)) => match parse_money(s) {
            Ok(m) => (m.amount, m.currency.map(str::to_string)),
            Err(_) => {
                // A code the money parser does not know: "400k XYZ".
                let (amount, code) = s.trim().rsplit_once(' ').unwrap_or((s, ""));
                match parse_money(amount) {
                    Ok(m) if crate::model::value::is_currency_code(code) => {
                        (m.amount, Some(code.to_string()))
                    }
                    _ => return Err(bad("text that is not an amount")),
                }
            }
        },
        (Unit::Percent, DeValue::String(s)) => match percent_number(s) {
            Some(p) if !p.is_finite() => return Err(infinite(&format!("{}%", human_number(p)))),
            Some(p) => (p / 100.0, None),
            None => return Err(bad("text that is not a percentage")),
        },
        (_, other) => match number(other) {
            Some(x) if !x.is_finite() => return Err(infinite(&found(other))),
            Some(x) => (x, None),
            None => return Err(bad(&found(other))),
        },
    };
    let max = match spec.unit {
        Unit::Money => MAX_MONEY,
        Unit::Percent => MAX_FRACTION,
        Unit::Number => MAX_NUMBER,
    };
    if !(0.0..=max).contains(&v) {
        let shown = match spec.unit {
            Unit::Percent => format!("{}%", human_number(v * 100.0)),
            _ => human_number(v),
        };
        return Err(bad(&shown));
    }
    Ok(ThresholdSetting {
        spec,
        // `-0` is zero.
        value: v + 0.0,
        currency,
        span: value.span(),
    })
}

fn limit(
    file: &SourceFile,
    name: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue>,
    mut limits: Limits,
) -> Result<Limits, ConfigError> {
    const NAMES: &[&str] = &[
        "max_file_size",
        "max_depth",
        "max_nodes",
        "max_alias_events",
        "max_documents",
    ];
    let n = name.get_ref().as_ref();
    if !NAMES.contains(&n) {
        return Err(unknown_key(file, name, n, NAMES, "in [limits]"));
    }
    let defaults = Limits::default();
    let (max, max_text, default) = match n {
        "max_file_size" => (
            MAX_LIMIT,
            MAX_LIMIT_TEXT.to_string(),
            defaults.max_file_size,
        ),
        "max_depth" => (
            Limits::DEPTH_CEILING as u64,
            Limits::DEPTH_CEILING.to_string(),
            defaults.max_depth as u64,
        ),
        "max_nodes" => (
            MAX_LIMIT,
            MAX_LIMIT_TEXT.to_string(),
            defaults.max_nodes as u64,
        ),
        "max_documents" => (
            MAX_LIMIT,
            MAX_LIMIT_TEXT.to_string(),
            defaults.max_documents as u64,
        ),
        _ => (
            MAX_LIMIT,
            MAX_LIMIT_TEXT.to_string(),
            defaults.max_alias_events as u64,
        ),
    };
    let range = format!("a whole number from 1 to {max_text}");
    let raw = value.get_ref();
    let x = number(raw);
    let accepted = x
        .filter(|v| *v >= 1.0 && v.fract() == 0.0 && *v <= max as f64)
        .map(|v| v as u64);
    let Some(v) = accepted else {
        let (message, why) = match x {
            Some(v) if !v.is_finite() => (
                format!(
                    "`{n}` must be a finite number: {range}, found {}",
                    found(raw)
                ),
                String::new(),
            ),
            Some(v) if n == "max_depth" && v > max as f64 => (
                format!(
                    "`max_depth` can be at most {max_text}: {range}, found {}",
                    found(raw)
                ),
                "no plan nests that deep, and a deeper tree would risk the stack; ".to_string(),
            ),
            _ => (
                format!("`{n}` must be {range}, found {}", found(raw)),
                String::new(),
            ),
        };
        return Err(ConfigError::at(
            file,
            value.span(),
            message,
            format!("{why}the default is `{n} = {default}`"),
        ));
    };
    match n {
        "max_file_size" => limits.max_file_size = v,
        "max_depth" => limits.max_depth = usize::try_from(v).unwrap_or(Limits::DEPTH_CEILING),
        "max_nodes" => limits.max_nodes = usize::try_from(v).unwrap_or(usize::MAX),
        "max_documents" => limits.max_documents = usize::try_from(v).unwrap_or(usize::MAX),
        _ => limits.max_alias_events = usize::try_from(v).unwrap_or(usize::MAX),
    }
    Ok(limits)
}

fn override_entry(file: &SourceFile, item: &Spanned<DeValue>) -> Result<Override, ConfigError> {
    let DeValue::Table(t) = item.get_ref() else {
        return Err(type_error(
            file,
            item,
            "overrides",
            "a table with `files` and `rules`",
        ));
    };
    let mut files = None;
    let mut rules = Vec::new();
    for (key, value) in t.iter() {
        match key.get_ref().as_ref() {
            "files" => files = Some(string_list(file, value, "files")?),
            "rules" => rules = rule_table(file, value, "rules")?,
            other => {
                return Err(unknown_key(
                    file,
                    key,
                    other,
                    &["files", "rules"],
                    "in [[overrides]]",
                ));
            }
        }
    }
    let Some(patterns) = files else {
        return Err(ConfigError::at(
            file,
            item.span(),
            "an [[overrides]] entry has no `files`".to_string(),
            "add `files = [\"legacy/**\"]`: the globs it applies to, relative to this file"
                .to_string(),
        ));
    };
    Ok(Override {
        globs: build_globs(file, &patterns)?,
        patterns: patterns.into_iter().map(|(p, _)| p).collect(),
        rules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse("planlint.toml", text, PathBuf::from("."))
    }

    #[test]
    fn reads_the_interface_example() {
        let c = parse(
            r#"
preset = "article"
fail-on = "error"
exclude = ["archive/**"]

[rules]
"sales-motion/no-conference" = "off"
"large-customers/" = "warning"

[thresholds]
min_ltv = "400k CNY"
max_annual_growth = 2.5
max_revenue_churn = "15%"

[fx]
USD = 7.1

[[overrides]]
files = ["legacy/**"]
rules = { "large-customers/acv-floor" = "info" }
"#,
        )
        .unwrap();
        let s = c.settings_for(None, None).unwrap();
        assert_eq!(s.thresholds.min_ltv, 400_000.0);
        assert_eq!(s.thresholds.max_annual_growth, 2.5);
        assert_eq!(s.thresholds.max_revenue_churn, 0.15);
        assert_eq!(s.fx.0.get("USD"), Some(&7.1));
        let acv = engine::find_rule("large-customers/acv-floor").unwrap();
        assert_eq!(s.severity_of(acv), Some(Severity::Warning));
    }

    #[test]
    fn unknown_names_point_into_the_file_with_a_suggestion() {
        let text = "[thresholds]\nmin_ltvv = 3\n";
        let e = parse(text).unwrap_err();
        assert_eq!(
            &text[e.finding.span.offset..e.finding.span.end()],
            "min_ltvv"
        );
        assert!(e.finding.help.unwrap().contains("did you mean `min_ltv`?"));

        let e = parse("[rules]\n\"large-customer/acv-floor\" = \"off\"\n").unwrap_err();
        assert!(
            e.finding
                .help
                .unwrap()
                .contains("large-customers/acv-floor")
        );

        let e = parse("[rules]\n\"large-customers/\" = \"loud\"\n").unwrap_err();
        assert!(e.finding.message.contains("unknown severity `loud`"));

        let e = parse("presett = \"article\"\n").unwrap_err();
        assert!(e.finding.help.unwrap().contains("did you mean `preset`?"));

        let e = parse("[thresholds]\nmin_ltv = \"lots\"\n").unwrap_err();
        assert!(e.finding.message.contains("must be an amount of money"));
    }

    #[test]
    fn money_threshold_in_another_currency_needs_a_rate() {
        let c = parse("[thresholds]\nmin_ltv = \"50k USD\"\n").unwrap();
        assert!(c.settings_for(None, None).is_err());
        let c = parse("[thresholds]\nmin_ltv = \"50k USD\"\n[fx]\nUSD = 7\n").unwrap();
        assert_eq!(
            c.settings_for(None, None).unwrap().thresholds.min_ltv,
            350_000.0
        );
    }

    #[test]
    fn numbers_for_people_are_short() {
        assert_eq!(human_number(0.0), "0");
        assert_eq!(human_number(-0.0), "0");
        assert_eq!(human_number(7.1), "7.1");
        assert_eq!(human_number(512.0), "512");
        assert_eq!(human_number(1e-300), "1e-300");
        assert_eq!(human_number(1e300), "1e300");
        assert_eq!(human_number(6.39e12), "6.39e12");
        assert_eq!(human_number(2.0 / 3.0), "0.666667");
        assert_eq!(human_number(123_456_789.0), "123457000");
        assert_eq!(human_number(f64::INFINITY), "inf");
        assert_eq!(human_number(f64::NEG_INFINITY), "-inf");
        assert_eq!(human_number(f64::NAN), "nan");
        assert_eq!(toml_number(300_000.0), "300000");
        assert_eq!(toml_number(7.123456789), "7.123456789");
        assert_eq!(toml_number(1e-9), "1e-9");
        assert_eq!(round_sig(0.07 * 100.0, 12), 7.0);
        assert_eq!(percent_toml(0.07), "\"7%\"");
        assert_eq!(percent_toml(0.15), "\"15%\"");
        assert_eq!(percent_toml(1e-12), "\"1e-10%\"");
    }

    #[test]
    fn a_rule_selector_is_a_quoted_key() {
        assert_eq!(toml_key("max_depth"), "max_depth");
        assert_eq!(toml_key("large-customers/"), "\"large-customers/\"");
        assert_eq!(toml_key(""), "\"\"");
    }

    proptest::proptest! {
        #[test]
        fn toml_numbers_read_back_exactly_and_stay_short(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits);
            proptest::prop_assume!(v.is_finite());
            let text = toml_number(v);
            proptest::prop_assert!(text.len() <= 40, "{}", text);
            let doc = format!("x = {text}\n");
            let root = DeTable::parse(&doc).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let back = root.get_ref().get("x").and_then(|x| number(x.get_ref()));
            proptest::prop_assert_eq!(back, Some(v + 0.0));
            proptest::prop_assert!(human_number(v).len() <= 13, "{}", human_number(v));
        }

        #[test]
        fn percentages_read_back_exactly(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits).abs();
            proptest::prop_assume!(v.is_finite() && v <= MAX_FRACTION);
            let text = percent_toml(v);
            let back = match text.strip_prefix('"') {
                Some(quoted) => percent_number(quoted.trim_end_matches('"')).map(|p| p / 100.0),
                None => text.split(' ').next().and_then(|n| n.parse::<f64>().ok()),
            };
            proptest::prop_assert_eq!(back, Some(v + 0.0), "{}", text);
        }

        #[test]
        fn toml_strings_read_back_exactly_with_no_raw_controls(s in "\\PC*|[\\x00-\\x1f\\x7f\\u{202e}\\u{2028}\"\\\\a]*") {
            let text = toml_string(&s);
            proptest::prop_assert!(!text.chars().any(|c| crate::text::is_unsafe_char(c) || c == '\n'));
            let doc = format!("x = {text}\n");
            let root = DeTable::parse(&doc).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let back = root.get_ref().get("x").and_then(|x| x.get_ref().as_str().map(str::to_string));
            proptest::prop_assert_eq!(back, Some(s));
        }
    }

    #[test]
    fn exact_ids_beat_prefixes_whatever_the_order() {
        let c = parse(
            "[rules]\n\"large-customers/acv-floor\" = \"info\"\n\"large-customers/\" = \"off\"\n",
        )
        .unwrap();
        let s = c.settings_for(None, None).unwrap();
        let acv = engine::find_rule("large-customers/acv-floor").unwrap();
        let ltv = engine::find_rule("large-customers/ltv-floor").unwrap();
        assert_eq!(s.severity_of(acv), Some(Severity::Info));
        assert_eq!(s.severity_of(ltv), None);
    }
}
