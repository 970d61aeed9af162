//! One lint run: settings from arguments, inputs, linting, the report, the exit code.

use std::io::{IsTerminal, Write};
use std::path::Path;

use rayon::prelude::*;

use crate::baseline;
use crate::cli::{ColorChoice, ConfigArgs, FailOn, Format, LintArgs, PresetArg};
use crate::config::{self, Config, ConfigError, Preset};
use crate::engine::{self, FileReport, Settings};
use crate::finding::Severity;
use crate::input::{self, Input, InputError};
use crate::report::{self, RuleInfo, RunInfo, Summary};

/// Files linted together before their reports are handed on in order.
const CHUNK: usize = 256;

/// Exit codes of INTERFACE.md.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

/// A problem that stops the run before any linting: exit 2.
#[derive(Debug)]
pub struct UsageError(pub String);

/// Applies `--select` and `--ignore` to the settings. Selectors are rule ids or
/// principle prefixes (`large-customers/` or `large-customers`).
pub fn apply_selection(
    settings: &mut Settings,
    select: &[String],
    ignore: &[String],
) -> Result<(), UsageError> {
    let registry = engine::registry();
    for sel in select.iter().chain(ignore) {
        check_selector(sel)?;
    }
    for rule in registry {
        // plan/syntax is never deselected: nothing else can be checked without it.
        if rule.id == "plan/syntax" {
            continue;
        }
        let selected = select.is_empty() || select.iter().any(|s| selector_matches(s, rule.id));
        let ignored = ignore.iter().any(|s| selector_matches(s, rule.id));
        if !selected || ignored {
            settings.severities.insert(rule.id, None);
        }
    }
    Ok(())
}

pub use crate::engine::selector_matches;

fn check_selector(selector: &str) -> Result<(), UsageError> {
    if engine::selector_is_known(selector) {
        return Ok(());
    }
    let hint = match engine::suggest_selector(selector) {
        Some(s) => format!("did you mean `{s}`?"),
        None => "run `planlint rules` to list the rule ids".to_string(),
    };
    Err(UsageError(format!(
        "`{selector}` names no rule or principle; {hint}"
    )))
}

/// The data machine reports carry about the rules.
pub fn run_info(settings: &Settings) -> RunInfo {
    let registry = engine::registry();
    RunInfo {
        version: env!("CARGO_PKG_VERSION"),
        rules: registry
            .iter()
            .map(|r| RuleInfo {
                id: r.id,
                principle: r.principle(),
                default_severity: r.severity,
                summary: r.summary,
                help_markdown: crate::docs::section(r.id).unwrap_or(""),
            })
            .collect(),
        enabled: registry
            .iter()
            .filter(|r| settings.severity_of(r).is_some())
            .map(|r| r.id)
            .collect(),
    }
}

/// Loads the configuration the arguments ask for: `--isolated` none, `--config FILE`
/// that file, otherwise `planlint.toml` or `.planlint.toml` here or in a parent.
pub fn load_config(source: &ConfigArgs) -> Result<Config, ConfigError> {
    if source.isolated {
        return Ok(Config::default());
    }
    let path = match &source.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| config::discover(&cwd)),
    };
    match path {
        Some(p) => Config::load(&p),
        None => Ok(Config::default()),
    }
}

pub fn preset_of(source: &ConfigArgs) -> Option<Preset> {
    source.preset.map(|p| match p {
        PresetArg::Article => Preset::Article,
        PresetArg::UsSaas => Preset::UsSaas,
    })
}

/// Prints a config problem as a diagnostic into the TOML file.
pub fn print_config_error(e: &ConfigError, color: ColorChoice) {
    match &e.file {
        Some(file) => {
            let text = report::human::render_one(file, &e.finding, use_color_stderr(color));
            eprint!("{text}");
        }
        None => {
            eprintln!("planlint: error: {}", e.finding.message);
            if let Some(h) = &e.finding.help {
                eprintln!("  help: {h}");
            }
        }
    }
}

/// The run's base settings: the config's, then the command line's selection. A file
/// matched by `[[overrides]]` gets them applied on top (see `lint`).
fn base_settings(config: &Config, args: &LintArgs) -> Result<Settings, ConfigError> {
    let mut settings = config.settings_for(None, preset_of(&args.source))?;
    apply_selection(&mut settings, &args.select, &args.ignore)
        .map_err(|UsageError(m)| ConfigError::plain_error(m))?;
    settings.no_inline_suppressions = args.no_inline_suppressions;
    Ok(settings)
}

/// Lints what `args` names and writes the report; returns the exit code.
pub fn lint(args: &LintArgs) -> u8 {
    let config = match load_config(&args.source) {
        Ok(c) => c,
        Err(e) => {
            print_config_error(&e, args.color);
            return EXIT_TROUBLE;
        }
    };
    let base = match base_settings(&config, args) {
        Ok(s) => s,
        Err(e) => {
            print_config_error(&e, args.color);
            return EXIT_TROUBLE;
        }
    };
    let baseline = match &args.baseline {
        Some(p) => match baseline::load(p) {
            Ok(b) => Some(b),
            Err(message) => {
                eprintln!("planlint: error: {message}");
                eprintln!("  help: write one with --write-baseline FILE");
                return EXIT_TROUBLE;
            }
        },
        None => None,
    };
    let (inputs, mut errors) = input::discover(&args.paths, &|p| config.is_excluded(p));
    let human_opts = human_options(args);
    let lint_one = |inp: &Input| -> Result<FileReport, InputError> {
        // Overrides only change severities: apply them to the base settings, then the
        // command line's selection again, which always has the last word.
        let settings = match inp {
            Input::File(path) if config.has_overrides() => {
                let mut s = base.clone();
                config.apply_overrides(&mut s, path);
                // The selectors were checked when the base settings were made.
                let _ = apply_selection(&mut s, &args.select, &args.ignore);
                s
            }
            _ => base.clone(),
        };
        input::read(inp, &args.stdin_filename, settings.limits.max_file_size).map(|read| {
            let mut report = engine::lint_read(read, &settings);
            // Keep only what the report needs, so memory follows findings, not files.
            match args.format {
                Format::Human => {
                    report.rendered = Some(report::human::render_file(&report, human_opts));
                    report.compact(false);
                }
                Format::Sarif => report.compact(true),
                _ => report.compact(false),
            }
            report
        })
    };
    let threads = args
        .threads
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let pool = (threads > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .ok()
        })
        .flatten();
    // Reports come out sorted by file name: sort the inputs, then lint them in
    // order-keeping chunks, in parallel within each chunk.
    let mut inputs = inputs;
    inputs.sort_by_cached_key(|i| i.name(&args.stdin_filename));
    let mut each_report = |sink: &mut dyn FnMut(FileReport)| {
        for chunk in inputs.chunks(CHUNK) {
            let results: Vec<Result<FileReport, InputError>> = match &pool {
                Some(pool) if chunk.len() > 1 => {
                    pool.install(|| chunk.par_iter().map(lint_one).collect())
                }
                _ => chunk.iter().map(lint_one).collect(),
            };
            for r in results {
                match r {
                    Ok(report) => sink(report),
                    Err(e) => errors.push(e),
                }
            }
        }
    };
    let fail_on = args.fail_on.map(|f| match f {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    });
    let fail_at = fail_on.or(config.fail_on).unwrap_or(Some(Severity::Error));

    // The human report needs nothing from other files: write each file's part as soon
    // as it is ready, so memory stays flat however many files and findings there are.
    if args.format == Format::Human && args.baseline.is_none() && args.write_baseline.is_none() {
        let mut summary = Summary::default();
        let written = stream_human(args, |sink| {
            each_report(&mut |report| {
                summary.add(&report);
                sink(report);
            })
        });
        let code = exit_code(&summary, fail_at, args.max_warnings, args.exit_zero);
        return conclude(code, written.and_then(|mut w| w.finish(&summary)), &errors);
    }

    let mut reports: Vec<FileReport> = Vec::with_capacity(inputs.len());
    each_report(&mut |report| reports.push(report));
    reports.sort_by(|a, b| a.file.name.cmp(&b.file.name));

    let mut code = EXIT_CLEAN;
    if let Some(path) = &args.write_baseline {
        let n: usize = reports.iter().map(|r| r.findings.len()).sum();
        match write_atomically(path, &baseline::to_json(&reports)) {
            Ok(()) => {
                eprintln!(
                    "planlint: wrote {n} finding{} to the baseline {}",
                    if n == 1 { "" } else { "s" },
                    path.display()
                );
                for r in &mut reports {
                    r.findings.clear();
                }
            }
            Err(e) => {
                eprintln!(
                    "planlint: error: cannot write the baseline {}: {e}",
                    path.display()
                );
                code = EXIT_TROUBLE;
            }
        }
    }
    if let Some(b) = &baseline {
        let outcome = baseline::apply(b, &mut reports);
        if !args.quiet && (outcome.hidden > 0 || outcome.stale > 0) {
            eprintln!(
                "planlint: {} finding{} hidden by the baseline; {} baseline entr{} no longer match{} (stale){}",
                outcome.hidden,
                if outcome.hidden == 1 { "" } else { "s" },
                outcome.stale,
                if outcome.stale == 1 { "y" } else { "ies" },
                if outcome.stale == 1 { "es" } else { "" },
                if outcome.stale > 0 {
                    ": rewrite it with --write-baseline to shrink it"
                } else {
                    ""
                },
            );
        }
    }

    let text = render(&reports, args, &base);
    code = code.max(exit_code(
        &Summary::of(&reports),
        fail_at,
        args.max_warnings,
        args.exit_zero,
    ));
    let written = match &args.output {
        Some(path) => write_atomically(path, &text)
            .map_err(|e| format!("cannot write the report to {}: {e}", path.display())),
        None => print_out(&text),
    };
    conclude(code, written, &errors)
}

/// The run's exit code once the report is out: trouble writing it, or an input that
/// could not be read, is exit 2 whatever the findings; the unreadable inputs are listed.
fn conclude(code: u8, written: Result<(), String>, errors: &[InputError]) -> u8 {
    let mut code = code;
    if let Err(message) = written {
        eprintln!("planlint: error: {message}");
        code = EXIT_TROUBLE;
    }
    for e in errors {
        print_input_error(e);
    }
    if !errors.is_empty() {
        code = EXIT_TROUBLE;
    }
    code
}

/// Where the streamed human report goes: standard output or `-o FILE`.
enum HumanOut {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(std::io::BufWriter<OutputFile>),
}

struct HumanWriter {
    out: HumanOut,
    wrote: bool,
    summary: bool,
    /// A write to standard output failed because the reader went away (`| head`).
    closed: bool,
}

impl HumanWriter {
    fn part(&mut self, text: &str) -> Result<(), String> {
        if text.is_empty() || self.closed {
            return Ok(());
        }
        let sep: &[u8] = if self.wrote { b"\n" } else { b"" };
        self.wrote = true;
        let w: &mut dyn Write = match &mut self.out {
            HumanOut::Stdout(w) => w,
            HumanOut::File(w) => w,
        };
        match w.write_all(sep).and_then(|()| w.write_all(text.as_bytes())) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(format!("cannot write the report: {e}")),
        }
    }

    fn finish(&mut self, summary: &Summary) -> Result<(), String> {
        if self.summary {
            let line = format!("{}\n", summary.line());
            self.part(&line)?;
        }
        let out = std::mem::replace(
            &mut self.out,
            HumanOut::Stdout(std::io::BufWriter::new(std::io::stdout())),
        );
        let flushed = match out {
            HumanOut::Stdout(mut w) => w.flush().or_else(|e| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    Ok(())
                } else {
                    Err(e)
                }
            }),
            HumanOut::File(w) => w
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(OutputFile::commit),
        };
        flushed.map_err(|e| format!("cannot write the report: {e}"))
    }
}

/// Streams the human report: `produce` hands each file's report, in order, to the sink.
fn stream_human(
    args: &LintArgs,
    produce: impl FnOnce(&mut dyn FnMut(FileReport)),
) -> Result<HumanWriter, String> {
    let out = match &args.output {
        None => HumanOut::Stdout(std::io::BufWriter::new(std::io::stdout())),
        Some(path) => HumanOut::File(std::io::BufWriter::new(
            OutputFile::create(path)
                .map_err(|e| format!("cannot write the report to {}: {e}", path.display()))?,
        )),
    };
    let mut writer = HumanWriter {
        out,
        wrote: false,
        summary: !args.quiet,
        closed: false,
    };
    let mut failure = None;
    produce(&mut |report: FileReport| {
        if failure.is_some() {
            return;
        }
        let part = report.rendered.unwrap_or_default();
        if let Err(e) = writer.part(&part) {
            failure = Some(e);
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(writer),
    }
}

fn human_options(args: &LintArgs) -> report::human::HumanOptions {
    report::human::HumanOptions {
        color: args.output.is_none() && use_color(args.color),
        width: 100,
        summary: !args.quiet,
    }
}

fn render(reports: &[FileReport], args: &LintArgs, settings: &Settings) -> String {
    // The rule data (with each rule's documentation) only for the formats that carry it.
    let info = || run_info(settings);
    match args.format {
        Format::Human => report::human::render(reports, human_options(args)),
        Format::Json => report::json::render(reports),
        Format::Sarif => report::sarif::render(reports, &info()),
        Format::Github => report::github::render(reports, &info()),
        Format::Junit => report::junit::render(reports, &info()),
        Format::Gitlab => report::gitlab::render(reports, &info()),
        Format::Markdown => report::markdown::render(reports, &info()),
    }
}

/// The exit code for these findings, the same whatever the output format.
pub fn exit_code(
    summary: &Summary,
    fail_at: Option<Severity>,
    max_warnings: Option<usize>,
    exit_zero: bool,
) -> u8 {
    if exit_zero {
        return EXIT_CLEAN;
    }
    let failed = fail_at.is_some_and(|level| summary.worst().is_some_and(|w| w >= level));
    let too_many_warnings = max_warnings.is_some_and(|max| summary.warnings > max);
    if failed || too_many_warnings {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn use_color_stderr(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn print_input_error(e: &InputError) {
    eprintln!("planlint: error: {}: {}", e.path, e.message);
    eprintln!("  help: {}", e.help);
}

/// Writes to stdout; a closed pipe (`planlint … | head`) is not an error.
pub fn print_out(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

/// Writes `text` to `path` through a temporary file in the same directory and a rename,
/// so a reader never sees half a report and a failed write leaves the old file intact.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let mut out = OutputFile::create(path)?;
    out.write_all(text.as_bytes())?;
    out.commit()
}

/// A report file: a temporary file beside the target, renamed over it on `commit` so a
/// reader never sees half a report; or, for `-o /dev/null`, a FIFO or `/dev/stdout`,
/// the target itself, since a rename would replace the device or pipe.
enum OutputFile {
    Temp(tempfile::NamedTempFile, std::path::PathBuf),
    Direct(std::fs::File),
}

impl OutputFile {
    fn create(path: &Path) -> std::io::Result<Self> {
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
            && !meta.is_dir()
        {
            return Ok(OutputFile::Direct(
                std::fs::OpenOptions::new().write(true).open(path)?,
            ));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Ok(OutputFile::Temp(
            tempfile::NamedTempFile::new_in(dir)?,
            path.to_path_buf(),
        ))
    }

    fn commit(self) -> std::io::Result<()> {
        match self {
            OutputFile::Direct(mut f) => f.flush(),
            OutputFile::Temp(tmp, path) => {
                tmp.as_file().sync_all()?;
                tmp.persist(path).map(|_| ()).map_err(|e| e.error)
            }
        }
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            OutputFile::Temp(f, _) => f.write(buf),
            OutputFile::Direct(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            OutputFile::Temp(f, _) => f.flush(),
            OutputFile::Direct(f) => f.flush(),
        }
    }
}

/// The starter plan `planlint init` writes.
pub const STARTER_PLAN: &str = include_str!("../templates/starter.plan.yaml");

/// `planlint init FILE`: writes the starter plan; never overwrites an existing file.
/// `planlint explain QUERY`: the documentation with the thresholds of the
/// configuration and preset in force.
pub fn explain(query: &str, source: &ConfigArgs) -> u8 {
    let config = match load_config(source) {
        Ok(c) => c,
        Err(e) => {
            print_config_error(&e, ColorChoice::Auto);
            return EXIT_TROUBLE;
        }
    };
    let preset = preset_of(source)
        .or(config.preset)
        .unwrap_or(Preset::Article);
    let settings = match config.settings_for(None, Some(preset)) {
        Ok(s) => s,
        Err(e) => {
            print_config_error(&e, ColorChoice::Auto);
            return EXIT_TROUBLE;
        }
    };
    let in_force = crate::docs::InForce {
        thresholds: &settings.thresholds,
        preset: preset.name(),
    };
    match crate::docs::explain(query, &in_force).and_then(|t| print_out(&t)) {
        Ok(()) => EXIT_CLEAN,
        Err(message) => {
            eprintln!("planlint: error: {message}");
            EXIT_TROUBLE
        }
    }
}

/// The starter plan in `currency`, its comments giving the thresholds of `preset`.
pub fn starter_plan(preset: Preset, currency: &str) -> String {
    use crate::model::value::{format_money, format_number, format_percent};
    let t = preset.thresholds();
    let money = |v: f64| format_money(v, &t.currency);
    STARTER_PLAN
        .replace("currency: CNY  ", &format!("currency: {currency:<5}"))
        .replace(
            "60,000 CNY at 5 years",
            &format!("{} at 5 years", money(t.min_ltv / 5.0)),
        )
        .replace("above 300,000 CNY", &format!("above {}", money(t.min_ltv)))
        .replace(
            "field sales above 50,000 CNY",
            &format!("field sales above {}", money(t.field_min_deal)),
        )
        .replace(
            "; 12 or fewer",
            &format!("; {} or fewer", format_number(t.max_cac_payback_months)),
        )
        .replace(
            "churn; below 20%",
            &format!("churn; below {}", format_percent(t.max_revenue_churn)),
        )
}

/// `planlint init FILE`: writes the starter plan, never over an existing file.
pub fn init(path: &Path, preset: Option<PresetArg>, currency: Option<&str>) -> u8 {
    let currency = currency.map(str::to_ascii_uppercase);
    if let Some(c) = &currency
        && !crate::model::value::is_currency_code(c)
    {
        eprintln!(
            "planlint: error: `{}` is not an ISO 4217 currency code",
            crate::text::escape_line(c)
        );
        eprintln!("  help: write a three-letter code such as CNY, USD or EUR");
        return EXIT_TROUBLE;
    }
    // A preset named, else the one kept in the currency asked for, else the default.
    let preset = match (preset, &currency) {
        (Some(PresetArg::Article), _) => Preset::Article,
        (Some(PresetArg::UsSaas), _) => Preset::UsSaas,
        (None, Some(c)) => Preset::ALL
            .iter()
            .copied()
            .find(|p| p.thresholds().currency == *c)
            .unwrap_or(Preset::Article),
        (None, None) => Preset::Article,
    };
    let currency = currency.unwrap_or_else(|| preset.thresholds().currency);
    let text = starter_plan(preset, &currency);
    if path.exists() {
        eprintln!(
            "planlint: error: {} already exists; planlint init never overwrites a file",
            path.display()
        );
        eprintln!("  help: choose another name: `planlint init new.plan.yaml`");
        return EXIT_TROUBLE;
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let result = tempfile::NamedTempFile::new_in(dir).and_then(|mut tmp| {
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().sync_all()?;
        // persist_noclobber fails rather than replace a file created meanwhile.
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
        Ok(())
    });
    match result {
        Ok(()) => {
            let shown = crate::text::escape_line(&path.to_string_lossy()).into_owned();
            let how = if preset == Preset::Article {
                String::new()
            } else {
                format!(" --preset {}", preset.name())
            };
            eprintln!(
                "planlint: wrote a starter plan in {currency} to {shown}; fill it in, then run `planlint{how} {shown}`"
            );
            if preset != Preset::Article {
                eprintln!(
                    "  help: to make `{}` the default, put `preset = \"{}\"` in planlint.toml",
                    preset.name(),
                    preset.name()
                );
            }
            if currency != preset.thresholds().currency {
                eprintln!(
                    "  help: the `{}` thresholds are in {}: add a rate for {currency} under `[fx]` in planlint.toml",
                    preset.name(),
                    preset.thresholds().currency
                );
            }
            EXIT_CLEAN
        }
        Err(e) => {
            eprintln!("planlint: error: cannot write {}: {e}", path.display());
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                eprintln!("  help: planlint init never overwrites a file; choose another name");
            }
            EXIT_TROUBLE
        }
    }
}

/// `planlint config [FILE]`: the effective configuration.
pub fn show_config(file: Option<&Path>, source: &ConfigArgs) -> u8 {
    let config = match load_config(source) {
        Ok(c) => c,
        Err(e) => {
            print_config_error(&e, ColorChoice::Auto);
            return EXIT_TROUBLE;
        }
    };
    match config.settings_for(file, preset_of(source)) {
        Ok(settings) => match print_out(&config.describe(&settings, preset_of(source))) {
            Ok(()) => EXIT_CLEAN,
            Err(m) => {
                eprintln!("planlint: error: {m}");
                EXIT_TROUBLE
            }
        },
        Err(e) => {
            print_config_error(&e, ColorChoice::Auto);
            EXIT_TROUBLE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors() {
        assert!(selector_matches(
            "large-customers/",
            "large-customers/acv-floor"
        ));
        assert!(selector_matches(
            "large-customers",
            "large-customers/acv-floor"
        ));
        assert!(selector_matches(
            "large-customers/acv-floor",
            "large-customers/acv-floor"
        ));
        assert!(!selector_matches(
            "large-customers/acv",
            "large-customers/acv-floor"
        ));
        assert!(!selector_matches("large", "large-customers/acv-floor"));
    }

    #[test]
    fn unknown_selector_suggests() {
        let mut s = Settings::default();
        let err = apply_selection(&mut s, &["large-customer/".into()], &[]).unwrap_err();
        assert!(
            err.0.contains("did you mean `large-customers/`?"),
            "{}",
            err.0
        );
    }
}
