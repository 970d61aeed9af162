//! `planlint.toml`: discovery, parsing with spans (so a bad key is shown where it is
//! written, with the nearest valid name), and resolution into per-file `Settings`.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::i18n::{Lang, Message};
use crate::lint::{Diagnostic, DiagnosticLabel, Settings, Severity, nearest, selector_matches};
use crate::model::value::parse_money;
use crate::source::{SourceFile, Span};
use crate::text::{escape_control, escape_line};
pub use crate::thresholds::Preset;
use crate::thresholds::{FxRates, THRESHOLD_SPECS, ThresholdSpec, Thresholds, Unit};
use crate::yaml::Limits;

pub const CONFIG_NAMES: &[&str] = &["planlint.toml", ".planlint.toml"];

/// The lowest severity that fails the run; `None` is `never`.
pub type FailLevel = Option<Severity>;

/// A config problem: exit 2, shown as a diagnostic into the TOML file. Its words are
/// data, worded when printed ([`ConfigError::diagnostic`]) in the run's language.
#[derive(Debug)]
pub struct ConfigError {
    /// The config file, when the problem is inside one.
    pub file: Option<Box<SourceFile>>,
    span: Span,
    pub message: Message,
    pub help: Option<Message>,
    /// What the problem is in: `config`, or `pack` for a rule pack.
    pub what: &'static str,
}

/// A rule pack that cannot be used is a problem of the run's configuration, shown in
/// the pack file.
impl From<crate::pack::PackError> for ConfigError {
    fn from(e: crate::pack::PackError) -> Self {
        Self {
            file: e.file,
            span: e.span,
            message: e.message,
            help: Some(e.help),
            what: "pack",
        }
    }
}

impl ConfigError {
    fn at(
        file: &SourceFile,
        span: std::ops::Range<usize>,
        message: Message,
        help: Message,
    ) -> Self {
        let span = Span::new(span.start, span.end.saturating_sub(span.start));
        Self {
            file: Some(Box::new(file.clone())),
            span,
            message,
            help: Some(help),
            what: "config",
        }
    }

    /// A problem outside any config file (a bad selector on the command line).
    pub fn plain_error(message: Message) -> Self {
        Self::plain(message, None)
    }

    fn plain(message: Message, help: Option<Message>) -> Self {
        Self {
            file: None,
            span: Span::default(),
            message,
            help,
            what: "config",
        }
    }

    /// The problem as a report shows it (`config` is not a plan rule), in `lang`.
    pub fn diagnostic(&self, lang: Lang) -> Diagnostic {
        let label = if self.file.is_some() {
            Message::new("config-here").render(lang)
        } else {
            String::new()
        };
        Diagnostic {
            rule: self.what,
            severity: Severity::Error,
            message: self.message.render(lang),
            span: self.span,
            path: String::new(),
            labels: vec![DiagnosticLabel {
                span: self.span,
                message: label,
            }],
            help: self
                .help
                .as_ref()
                .map(|h| h.render(lang))
                .filter(|h| !h.is_empty()),
            fix: None,
            alternatives: Vec::new(),
        }
    }
}

/// The problem in English, `file:line:column: message` when it is inside a file.
impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(file) = &self.file {
            let at = file.location(self.span);
            write!(f, "{}:{}:{}: ", escape_line(&file.name), at.line, at.column)?;
        }
        f.write_str(&self.message.render(Lang::En))
    }
}

impl std::error::Error for ConfigError {}

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
    /// The rules a run checks: the built-in ones and those of the rule packs (`packs`
    /// and `--pack`); `None` for the built-in ones alone.
    registry: Option<crate::lint::Registry>,
    /// The rule packs loaded, in order.
    pub packs: Vec<crate::pack::Pack>,
}

/// The settings of a run with no `planlint.toml`: the built-in rules at their default
/// severities, the `article` thresholds, the default limits, English. Defined here, where
/// settings come from, so that `lint` (which declares `Settings`) depends on no rule.
impl Default for Settings {
    fn default() -> Self {
        Settings {
            registry: crate::rules::builtin(),
            thresholds: Thresholds::default(),
            fx: FxRates::default(),
            severities: Default::default(),
            no_inline_suppressions: false,
            limits: Limits::default(),
            lang: Lang::default(),
        }
    }
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
        Self::load_with(path, &[])
    }

    /// Loads the config at `path` with the extra rule packs `--pack` names.
    pub fn load_with(path: &Path, extra_packs: &[PathBuf]) -> Result<Config, ConfigError> {
        // Regular files only, and at most CONFIG_MAX_BYTES: a FIFO or /dev/zero given to
        // --config must neither block nor fill memory.
        let text = crate::input::read_small_text(path, crate::input::CONFIG_MAX_BYTES).map_err(
            |problem| {
                ConfigError::plain(
                    problem.reason(
                        Message::new("config-unreadable").text("path", crate::input::shown(path)),
                    ),
                    Some(Message::new("config-unreadable.help")),
                )
            },
        )?;
        let dir = path
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        Self::parse_with(&path.display().to_string(), &text, dir, extra_packs).map(|mut c| {
            c.path = Some(path.to_path_buf());
            c
        })
    }

    /// Parses config text; `name` is shown in diagnostics, `dir` anchors its globs.
    pub fn parse(name: &str, text: &str, dir: PathBuf) -> Result<Config, ConfigError> {
        Self::parse_with(name, text, dir, &[])
    }

    /// Parses config text and loads its rule packs and `extra_packs` (`--pack`, relative
    /// to the working directory) before the rules it configures are read, so that
    /// `[rules]` may name pack rules.
    pub fn parse_with(
        name: &str,
        text: &str,
        dir: PathBuf,
        extra_packs: &[PathBuf],
    ) -> Result<Config, ConfigError> {
        let file = SourceFile::new(name, text.to_string());
        let root = parse_toml(&file)?;
        let mut config = Config {
            dir,
            source: Some((name.to_string(), text.to_string())),
            ..Config::default()
        };
        if let Some((_, value)) = root.get_ref().iter().find(|(k, _)| k.get_ref() == "packs") {
            for (path, span) in string_list(&file, value, "packs")? {
                let full = config.dir.join(&path);
                config.check_pack_path(&file, &full, &path, span)?;
                config.add_pack(&full)?;
            }
        }
        for p in extra_packs {
            config.add_pack(p)?;
        }
        for (key, value) in root.get_ref() {
            config.read_key(&file, key, value)?;
        }
        Ok(config)
    }

    /// The default configuration with the rule packs at `paths` (`--isolated --pack`).
    pub fn with_packs(paths: &[PathBuf]) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        for p in paths {
            config.add_pack(p)?;
        }
        Ok(config)
    }

    /// The rules a run with this configuration checks.
    pub fn registry(&self) -> crate::lint::Registry {
        self.registry.clone().unwrap_or_else(crate::rules::builtin)
    }

    fn add_pack(&mut self, path: &Path) -> Result<(), ConfigError> {
        let mut registry = self.registry();
        let pack = crate::pack::load(path, &registry)?;
        for rule in &pack.rules {
            // `load` refused any id the registry holds.
            let _ = registry.add(rule);
        }
        self.registry = Some(registry);
        self.packs.push(pack);
        Ok(())
    }

    /// A pack the config names must lie in the config's directory tree: a symbolic link
    /// out of it is refused, as links out of a walked tree are.
    fn check_pack_path(
        &self,
        file: &SourceFile,
        full: &Path,
        written: &str,
        span: std::ops::Range<usize>,
    ) -> Result<(), ConfigError> {
        let (Ok(target), Ok(root)) = (
            std::fs::canonicalize(full),
            std::fs::canonicalize(&self.dir),
        ) else {
            // A missing file is told by the pack loader, with the reason.
            return Ok(());
        };
        if target.starts_with(&root) {
            return Ok(());
        }
        Err(ConfigError::at(
            file,
            span,
            Message::new("config-pack-outside").text("path", escape_line(written).into_owned()),
            Message::new("config-pack-outside.help"),
        ))
    }

    /// Reads one top-level key into the config.
    fn read_key(
        &mut self,
        file: &SourceFile,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue<'_>>,
    ) -> Result<(), ConfigError> {
        const TOP: &[&str] = &[
            "packs",
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
        let registry = self.registry();
        match key.get_ref().as_ref() {
            // Read first, in `parse_with`.
            "packs" => {}
            "preset" => self.preset = Some(read_preset(file, value)?),
            "lang" => self.lang = Some(read_lang(file, value)?),
            "fail-on" => self.fail_on = Some(read_fail_on(file, value)?),
            "exclude" => {
                let patterns = string_list(file, value, "exclude")?;
                self.exclude = Some(build_globs(file, &patterns)?);
                self.exclude_patterns = patterns.into_iter().map(|(p, _)| p).collect();
            }
            "rules" => self.rules = rule_table(file, value, "rules", &registry)?,
            "thresholds" => self.thresholds = read_thresholds(file, value)?,
            "fx" => self.fx = read_fx(file, value)?,
            "overrides" => self.overrides = read_overrides(file, value, &registry)?,
            "limits" => self.limits = Some(read_limits(file, value)?),
            other => return Err(unknown_key(file, key, other, TOP, "top")),
        }
        Ok(())
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
                        let msg = Message::new("config-no-rate")
                            .text("name", t.spec.name)
                            .text("cur", cur.clone())
                            .text("preset", preset.name())
                            .text("currency", thresholds.currency.clone());
                        match &self.source {
                            Some((name, text)) => ConfigError::at(
                                &SourceFile::new(name.clone(), text.clone()),
                                t.span.clone(),
                                msg,
                                Message::new("config-no-rate.help")
                                    .text("cur", cur.clone())
                                    .text("currency", thresholds.currency.clone()),
                            ),
                            None => ConfigError::plain(msg, None),
                        }
                    })?;
                    // A rate is units of the thresholds' currency per unit of `cur`.
                    let converted = t.value * rate;
                    if converted > MAX_MONEY {
                        let msg = Message::new("config-converted-too-large")
                            .text("name", t.spec.name)
                            .text("converted", human_number(converted))
                            .text("currency", thresholds.currency.clone())
                            .text("cur", cur.clone())
                            .text("rate", human_number(rate))
                            .text("max", MAX_MONEY_TEXT);
                        let help = Message::new("config-converted-too-large.help")
                            .text("cur", cur.clone())
                            .text("currency", thresholds.currency.clone());
                        return Err(match &self.source {
                            Some((name, text)) => ConfigError::at(
                                &SourceFile::new(name.clone(), text.clone()),
                                t.span.clone(),
                                msg,
                                help,
                            ),
                            None => ConfigError::plain(msg, Some(help)),
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
            registry: self.registry(),
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
        if !self.packs.is_empty() {
            // As read (relative to the working directory); a config pasted elsewhere
            // names them relative to itself.
            let names: Vec<String> = self
                .packs
                .iter()
                .map(|p| toml_string(&p.file.name))
                .collect();
            out.push_str(&format!("packs = [{}]\n", names.join(", ")));
        }
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
        for rule in settings.registry.iter() {
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

/// The config's TOML, with spans; a syntax error points at its place.
fn parse_toml(file: &SourceFile) -> Result<Spanned<DeTable<'_>>, ConfigError> {
    DeTable::parse(&file.text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        ConfigError::at(
            file,
            span,
            Message::new("config-invalid-toml")
                .text("error", escape_control(e.message().trim()).into_owned()),
            Message::new("config-invalid-toml.help"),
        )
    })
}

fn read_preset(file: &SourceFile, value: &Spanned<DeValue>) -> Result<Preset, ConfigError> {
    let s = expect_str(file, value, "preset", "\"article\"")?;
    Preset::from_name(s).ok_or_else(|| unknown(file, value.span(), "preset", s, Preset::NAMES))
}

fn read_lang(file: &SourceFile, value: &Spanned<DeValue>) -> Result<Lang, ConfigError> {
    match expect_str(file, value, "lang", "\"zh\"")? {
        "en" => Ok(Lang::En),
        "zh" => Ok(Lang::Zh),
        other => Err(unknown(file, value.span(), "lang", other, &["en", "zh"])),
    }
}

fn read_fail_on(file: &SourceFile, value: &Spanned<DeValue>) -> Result<FailLevel, ConfigError> {
    match expect_str(file, value, "fail-on", "\"error\"")? {
        "never" => Ok(None),
        other => other.parse::<Severity>().map(Some).map_err(|_| {
            unknown(
                file,
                value.span(),
                "fail-on",
                other,
                &["error", "warning", "info", "never"],
            )
        }),
    }
}

fn read_thresholds(
    file: &SourceFile,
    value: &Spanned<DeValue>,
) -> Result<Vec<ThresholdSetting>, ConfigError> {
    expect_table(file, value, "thresholds")?
        .iter()
        .map(|(name, v)| threshold(file, name, v))
        .collect()
}

fn read_fx(file: &SourceFile, value: &Spanned<DeValue>) -> Result<FxRates, ConfigError> {
    let mut fx = FxRates::default();
    for (code, v) in expect_table(file, value, "fx")? {
        let c = code.get_ref().as_ref();
        if !crate::model::value::is_currency_code(c) {
            return Err(ConfigError::at(
                file,
                code.span(),
                Message::new("config-bad-currency").text("code", escape_line(c).into_owned()),
                Message::new("config-bad-currency.help"),
            ));
        }
        fx.0.insert(c.to_string(), fx_rate(file, c, v)?);
    }
    Ok(fx)
}

fn read_overrides(
    file: &SourceFile,
    value: &Spanned<DeValue>,
    registry: &crate::lint::Registry,
) -> Result<Vec<Override>, ConfigError> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(type_error(file, value, "overrides", "overrides"));
    };
    items
        .iter()
        .map(|item| override_entry(file, item, registry))
        .collect()
}

fn read_limits(file: &SourceFile, value: &Spanned<DeValue>) -> Result<Limits, ConfigError> {
    let mut limits = Limits::default();
    for (name, v) in expect_table(file, value, "limits")? {
        limits = limit(file, name, v, limits)?;
    }
    Ok(limits)
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
    let registry = settings.registry.clone();
    let is_prefix = |s: &str| registry.find(s).is_none();
    for pass_prefix in [true, false] {
        for (selector, sev) in rules {
            if is_prefix(selector) != pass_prefix {
                continue;
            }
            for rule in registry.iter() {
                if selector_matches(selector, rule.id) {
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
    place: &'static str,
) -> ConfigError {
    ConfigError::at(
        file,
        key.span(),
        Message::new("config-unknown-key")
            .text("key", escape_line(name).into_owned())
            .text("place", place),
        suggested(
            Message::new("config-unknown-key.help").text("known", known.join(", ")),
            nearest(name, known),
        ),
    )
}

/// `m` with `suggested` (`yes` or `no`) and the `suggestion`.
fn suggested(m: Message, suggestion: Option<impl Into<String>>) -> Message {
    match suggestion {
        Some(s) => m.text("suggested", "yes").text("suggestion", s),
        None => m.text("suggested", "no").text("suggestion", ""),
    }
}

fn unknown(
    file: &SourceFile,
    span: std::ops::Range<usize>,
    what: &'static str,
    value: &str,
    known: &[&str],
) -> ConfigError {
    ConfigError::at(
        file,
        span,
        Message::new("config-unknown-value")
            .text("what", what)
            .text("value", escape_line(value).into_owned()),
        suggested(
            Message::new("config-unknown-value.help").text("known", known.join(", ")),
            nearest(value, known),
        ),
    )
}

/// `expected` is what `config-expected` selects on: `overrides`, `table`, `strings`,
/// `string` or `override-entry`.
fn type_error(
    file: &SourceFile,
    value: &Spanned<DeValue>,
    key: &str,
    expected: &'static str,
) -> ConfigError {
    ConfigError::at(
        file,
        value.span(),
        Message::new("config-wrong-type")
            .text("key", key.to_string())
            .text("expected", expected)
            .text("type", a_type(value.get_ref())),
        Message::new("config-wrong-type.help")
            .text("key", key.to_string())
            .text("expected", expected),
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
            Message::new("config-not-string")
                .text("key", escape_line(key).into_owned())
                .text("type", a_type(value.get_ref())),
            Message::new("config-not-string.help")
                .text("toml_key", escape_line(&toml_key(key)).into_owned())
                .text("example", example.to_string()),
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
        _ => Err(type_error(file, value, key, "table")),
    }
}

fn string_list(
    file: &SourceFile,
    value: &Spanned<DeValue>,
    key: &str,
) -> Result<Vec<(String, std::ops::Range<usize>)>, ConfigError> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(type_error(file, value, key, "strings"));
    };
    items
        .iter()
        .map(|item| match item.get_ref().as_str() {
            Some(s) => Ok((s.to_string(), item.span())),
            None => Err(type_error(file, item, key, "string")),
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
                Message::new("config-bad-glob")
                    .text("glob", escape_line(p).into_owned())
                    .text("error", escape_line(&e.kind().to_string()).into_owned()),
                Message::new("config-bad-glob.help"),
            )
        })?;
        b.add(glob);
    }
    b.build().map_err(|e| {
        ConfigError::plain(
            Message::new("config-bad-globs")
                .text("file", escape_line(&file.name).into_owned())
                .text("error", escape_line(&e.to_string()).into_owned()),
            Some(Message::new("config-bad-globs.help")),
        )
    })
}

fn rule_table(
    file: &SourceFile,
    value: &Spanned<DeValue>,
    key: &str,
    registry: &crate::lint::Registry,
) -> Result<Vec<(String, Option<Severity>)>, ConfigError> {
    let table = expect_table(file, value, key)?;
    let mut out = Vec::new();
    for (sel, sev) in table {
        let s = sel.get_ref().as_ref();
        // The rules a config can name: the built-in ones and its packs'.
        if !registry.selector_is_known(s) {
            return Err(ConfigError::at(
                file,
                sel.span(),
                Message::new("config-unknown-rule").text("selector", escape_line(s).into_owned()),
                suggested(
                    Message::new("config-unknown-rule.help"),
                    registry.suggest_selector(s),
                ),
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
const MIN_RATE_TEXT: &str = "0.000000001";
const MAX_RATE_TEXT: &str = "1,000,000,000";
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

/// What a rejected value was, for "…, found X" (`config-found`): a number at a readable
/// precision, or the TOML type.
fn found(m: Message, v: &DeValue) -> Message {
    let (kind, number_text) = match (v, number(v)) {
        // `1e400` reads as infinity; say what was written instead.
        (DeValue::Float(f), Some(n)) if n.is_infinite() && !f.as_str().contains("inf") => {
            ("float-overflow", String::new())
        }
        (_, Some(n)) => ("number", human_number(n)),
        (DeValue::Integer(_), None) => ("int-overflow", String::new()),
        (_, None) => ("type", String::new()),
    };
    found_as(m, kind, number_text).text("type", a_type(v))
}

/// `m` with `config-found`'s arguments but `type`: `kind` and the number shown.
fn found_as(m: Message, kind: &'static str, number_text: String) -> Message {
    m.text("found_kind", kind).text("found", number_text)
}

/// A TOML value's type, as `config-a-type` selects on it.
fn a_type(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
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
                "yes"
            } else {
                "no"
            };
            Err(ConfigError::at(
                file,
                value.span(),
                found(
                    Message::new("config-bad-rate")
                        .text("code", code.to_string())
                        .text("finite", finite)
                        .text("min", MIN_RATE_TEXT)
                        .text("max", MAX_RATE_TEXT),
                    v,
                ),
                Message::new("config-bad-rate.help").text("code", code.to_string()),
            ))
        }
    }
}

/// `m` with a threshold's accepted range (`config-range`: `unit`, `max`), and with the
/// arguments of the help with an accepted example (`name`, `example`).
fn threshold_range(m: Message, spec: &ThresholdSpec) -> Message {
    let (unit, max, example) = match spec.unit {
        Unit::Money => ("money", MAX_MONEY_TEXT, String::new()),
        Unit::Percent => (
            "percent",
            MAX_PERCENT_TEXT,
            toml_number(round_sig(spec.article * 100.0, 12)),
        ),
        Unit::Number => ("number", MAX_NUMBER_TEXT, toml_number(spec.article)),
    };
    m.text("name", spec.name)
        .text("unit", unit)
        .text("max", max)
        .text("example", example)
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
        return Err(unknown_key(file, name, n, &names, "thresholds"));
    };
    let help = threshold_range(Message::new("config-bad-threshold.help"), spec);
    // `found`: `config-found`'s arguments.
    let error = |finite: &'static str, found: &dyn Fn(Message) -> Message| {
        ConfigError::at(
            file,
            value.span(),
            found(threshold_range(
                Message::new("config-bad-threshold").text("finite", finite),
                spec,
            )),
            help.clone(),
        )
    };
    let bad_as = |kind: &'static str, shown: String| {
        error("no", &|m| found_as(m, kind, shown.clone()).text("type", ""))
    };
    let bad = |v: &DeValue| error("no", &|m| found(m, v));
    let infinite = |v: &DeValue| error("yes", &|m| found(m, v));
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
                    _ => return Err(bad_as("not-amount", String::new())),
                }
            }
        },
        (Unit::Percent, DeValue::String(s)) => match percent_number(s) {
            Some(p) if !p.is_finite() => {
                let shown = format!("{}%", human_number(p));
                return Err(error("yes", &|m| {
                    found_as(m, "number", shown.clone()).text("type", "")
                }));
            }
            Some(p) => (p / 100.0, None),
            None => return Err(bad_as("not-percent", String::new())),
        },
        (_, other) => match number(other) {
            Some(x) if !x.is_finite() => return Err(infinite(other)),
            Some(x) => (x, None),
            None => return Err(bad(other)),
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
        return Err(bad_as("number", shown));
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
        return Err(unknown_key(file, name, n, NAMES, "limits"));
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
    let raw = value.get_ref();
    let x = number(raw);
    let accepted = x
        .filter(|v| *v >= 1.0 && v.fract() == 0.0 && *v <= max as f64)
        .map(|v| v as u64);
    let Some(v) = accepted else {
        let why = match x {
            Some(v) if !v.is_finite() => "infinite",
            Some(v) if n == "max_depth" && v > max as f64 => "depth",
            _ => "range",
        };
        return Err(ConfigError::at(
            file,
            value.span(),
            found(
                Message::new("config-bad-limit")
                    .text("why", why)
                    .text("name", n.to_string())
                    .text("max", max_text),
                raw,
            ),
            Message::new("config-bad-limit.help")
                .text("why", why)
                .text("name", n.to_string())
                .text("default", default.to_string()),
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

fn override_entry(
    file: &SourceFile,
    item: &Spanned<DeValue>,
    registry: &crate::lint::Registry,
) -> Result<Override, ConfigError> {
    let DeValue::Table(t) = item.get_ref() else {
        return Err(type_error(file, item, "overrides", "override-entry"));
    };
    let mut files = None;
    let mut rules = Vec::new();
    for (key, value) in t.iter() {
        match key.get_ref().as_ref() {
            "files" => files = Some(string_list(file, value, "files")?),
            "rules" => rules = rule_table(file, value, "rules", registry)?,
            other => {
                return Err(unknown_key(
                    file,
                    key,
                    other,
                    &["files", "rules"],
                    "overrides",
                ));
            }
        }
    }
    let Some(patterns) = files else {
        return Err(ConfigError::at(
            file,
            item.span(),
            Message::new("config-override-no-files"),
            Message::new("config-override-no-files.help"),
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
        let acv = crate::rules::builtin()
            .find("large-customers/acv-floor")
            .unwrap();
        assert_eq!(s.severity_of(acv), Some(Severity::Warning));
    }

    #[test]
    fn unknown_names_point_into_the_file_with_a_suggestion() {
        let text = "[thresholds]\nmin_ltvv = 3\n";
        let e = parse(text).unwrap_err();
        assert_eq!(
            &text[e.diagnostic(Lang::En).span.offset..e.diagnostic(Lang::En).span.end()],
            "min_ltvv"
        );
        assert!(
            e.diagnostic(Lang::En)
                .help
                .unwrap()
                .contains("did you mean `min_ltv`?")
        );

        let e = parse("[rules]\n\"large-customer/acv-floor\" = \"off\"\n").unwrap_err();
        assert!(
            e.diagnostic(Lang::En)
                .help
                .unwrap()
                .contains("large-customers/acv-floor")
        );

        let e = parse("[rules]\n\"large-customers/\" = \"loud\"\n").unwrap_err();
        assert!(
            e.diagnostic(Lang::En)
                .message
                .contains("unknown severity `loud`")
        );

        let e = parse("presett = \"article\"\n").unwrap_err();
        assert!(
            e.diagnostic(Lang::En)
                .help
                .unwrap()
                .contains("did you mean `preset`?")
        );

        let e = parse("[thresholds]\nmin_ltv = \"lots\"\n").unwrap_err();
        assert!(
            e.diagnostic(Lang::En)
                .message
                .contains("must be an amount of money")
        );
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
        let acv = crate::rules::builtin()
            .find("large-customers/acv-floor")
            .unwrap();
        let ltv = crate::rules::builtin()
            .find("large-customers/ltv-floor")
            .unwrap();
        assert_eq!(s.severity_of(acv), Some(Severity::Info));
        assert_eq!(s.severity_of(ltv), None);
    }
}
