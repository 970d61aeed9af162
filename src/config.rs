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
                format!("invalid TOML: {}", e.message().trim()),
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
            "fail-on",
            "exclude",
            "rules",
            "thresholds",
            "fx",
            "overrides",
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
                                format!("`{c}` is not an ISO 4217 currency code"),
                                "write a three-letter code in capitals, such as USD".to_string(),
                            ));
                        }
                        let rate = number(v.get_ref()).filter(|r| *r > 0.0 && r.is_finite()).ok_or_else(|| {
                            ConfigError::at(
                                &file,
                                v.span(),
                                format!("the rate for {c} must be a positive number"),
                                format!("write units of the thresholds' currency per {c}, for example `{c} = 7.1`"),
                            )
                        })?;
                        config.fx.0.insert(c.to_string(), rate);
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
                    t.value * rate
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
                |p| format!("from {}", p.display())
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
            .map(|p| format!("{p:?}"))
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
                Unit::Money => format!(
                    "\"{}\"",
                    crate::model::value::format_money(v, &settings.thresholds.currency)
                        .replace(',', "")
                ),
                Unit::Percent => format!("\"{}\"", crate::model::value::format_percent(v)),
                Unit::Number => crate::model::value::format_number(v),
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
            out.push_str(&format!("{c} = {r}\n"));
        }
        for o in &self.overrides {
            let pats: Vec<String> = o.patterns.iter().map(|p| format!("{p:?}")).collect();
            out.push_str(&format!("\n[[overrides]]\nfiles = [{}]\n", pats.join(", ")));
            let rules: Vec<String> = o
                .rules
                .iter()
                .map(|(id, s)| format!("{id:?} = \"{}\"", s.map_or("off", Severity::as_str)))
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
        format!("unknown key `{name}` {place}"),
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
    ConfigError::at(file, span, format!("unknown {what} `{value}`"), help)
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
            value.get_ref().type_str()
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
                "`{key}` must be a string, found {}",
                value.get_ref().type_str()
            ),
            format!("for example `{key} = {example}`"),
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
                format!("invalid glob `{p}`: {}", e.kind()),
                "see https://docs.rs/globset for the glob syntax".to_string(),
            )
        })?;
        b.add(glob);
    }
    b.build()
        .map_err(|e| ConfigError::plain(format!("invalid globs: {e}"), String::new()))
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
                format!("`{s}` names no rule or principle"),
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

fn number(v: &DeValue) -> Option<f64> {
    match v {
        DeValue::Integer(i) => i.as_str().replace('_', "").parse::<f64>().ok(),
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
        _ => None,
    }
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
    let bad = |expected: &str, example: &str| {
        ConfigError::at(
            file,
            value.span(),
            format!("`{n}` must be {expected}"),
            format!("for example `{n} = {example}`"),
        )
    };
    let (v, currency) = match spec.unit {
        Unit::Money => match value.get_ref() {
            DeValue::String(s) => match parse_money(s) {
                Ok(m) => (m.amount, m.currency.map(str::to_string)),
                Err(_) => {
                    // A code the money parser does not know: "400k XYZ".
                    let (amount, code) = s.trim().rsplit_once(' ').unwrap_or((s, ""));
                    match parse_money(amount) {
                        Ok(m) if crate::model::value::is_currency_code(code) => {
                            (m.amount, Some(code.to_string()))
                        }
                        _ => return Err(bad("an amount of money", "\"400k CNY\"")),
                    }
                }
            },
            other => (
                number(other).ok_or_else(|| bad("an amount of money", "\"400k CNY\""))?,
                None,
            ),
        },
        Unit::Percent => match value.get_ref() {
            DeValue::String(s) => (
                crate::model::value::parse_percent_text(s)
                    .ok_or_else(|| bad("a percentage", "\"15%\""))?,
                None,
            ),
            other => (
                number(other).ok_or_else(|| bad("a percentage", "\"15%\""))?,
                None,
            ),
        },
        Unit::Number => (
            number(value.get_ref()).ok_or_else(|| bad("a number", "3"))?,
            None,
        ),
    };
    if !v.is_finite() || v < 0.0 {
        return Err(bad("zero or more", "3"));
    }
    Ok(ThresholdSetting {
        spec,
        value: v,
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
    let v = number(value.get_ref())
        .filter(|v| *v >= 1.0 && v.fract() == 0.0 && *v < 1e15)
        .ok_or_else(|| {
            ConfigError::at(
                file,
                value.span(),
                format!("`{n}` must be a whole number of 1 or more"),
                format!("for example `{n} = 100000`"),
            )
        })? as u64;
    match n {
        "max_file_size" => limits.max_file_size = v,
        "max_depth" => {
            if v as usize > Limits::DEPTH_CEILING {
                return Err(ConfigError::at(
                    file,
                    value.span(),
                    format!("`max_depth` can be at most {}", Limits::DEPTH_CEILING),
                    "no plan nests that deep; a deeper tree would risk the stack".to_string(),
                ));
            }
            limits.max_depth = v as usize;
        }
        "max_nodes" => limits.max_nodes = v as usize,
        "max_documents" => limits.max_documents = v as usize,
        _ => limits.max_alias_events = v as usize,
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
