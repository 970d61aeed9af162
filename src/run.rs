//! One lint run: settings from arguments, inputs, linting, the report, the exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::baseline;
use crate::cli::{ColorChoice, ConfigArgs, FailOn, Format, LintArgs, PresetArg};
use crate::config::{self, Config, ConfigError, Preset};
use crate::engine::{self, FileReport, Settings};
use crate::finding::Severity;
use crate::i18n::{Lang, Message};
use crate::input::{self, Input, InputError};
use crate::report::{self, RuleInfo, RunInfo, Summary};

/// Files linted together before their reports are handed on in order.
const CHUNK: usize = 256;

/// Exit codes of docs/interface.md.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

/// A problem that stops the run before any linting: exit 2.
#[derive(Debug)]
pub struct UsageError(pub Message);

/// An error worded late, in the run's language: the message and its help line.
pub type Problem = (Message, Option<Message>);

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
        if rule.id == crate::rules::plan::SYNTAX.id {
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
    let suggestion = engine::suggest_selector(selector);
    Err(UsageError(
        Message::new("cli-unknown-selector")
            .text("selector", crate::text::escape_line(selector).into_owned())
            .text("suggested", if suggestion.is_some() { "yes" } else { "no" })
            .text("suggestion", suggestion.unwrap_or_default()),
    ))
}

/// The data machine reports carry about the rules.
pub fn run_info(settings: &Settings) -> RunInfo {
    let registry = engine::registry();
    RunInfo {
        lang: settings.lang,
        version: env!("CARGO_PKG_VERSION"),
        rules: registry
            .iter()
            .map(|r| RuleInfo {
                id: r.id,
                principle: r.principle(),
                default_severity: r.severity,
                summary: r.summary,
                help_markdown: crate::docs::section(r.id, crate::i18n::Lang::En).unwrap_or(""),
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

/// Prints a config problem in `lang` as a diagnostic into the TOML file.
pub fn print_config_error(e: &ConfigError, color: ColorChoice, lang: Lang) {
    let finding = e.diagnostic(lang);
    match &e.file {
        Some(file) => {
            let text = report::human::render_one(file, &finding, use_color_stderr(color), lang);
            say_raw(&text);
        }
        None => {
            let help = finding.help.as_deref().unwrap_or("");
            say_error_text(lang, &finding.message, help);
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
    settings.lang = lang_with(&args.source, config);
    Ok(settings)
}

/// The language of a run: `--lang`, else the config's `lang`, else the environment's.
pub fn lang_with(source: &ConfigArgs, config: &Config) -> crate::i18n::Lang {
    match source.lang {
        Some(crate::cli::LangArg::En) => crate::i18n::Lang::En,
        Some(crate::cli::LangArg::Zh) => crate::i18n::Lang::Zh,
        None => config.lang.unwrap_or_else(crate::i18n::Lang::from_env),
    }
}

/// The language of a command whose config could not be read: `--lang`, else the
/// environment's.
pub fn lang_before_config(source: &ConfigArgs) -> Lang {
    lang_with(source, &Config::default())
}

/// The language of a command: `--lang`, else the discovered config's `lang` (a config
/// that cannot be read is reported by the command that needs it), else the environment's.
pub fn lang_of(source: &ConfigArgs) -> crate::i18n::Lang {
    let config = load_config(source).unwrap_or_default();
    lang_with(source, &config)
}

/// The stack of every thread that lints: enough for the deepest nesting a config may
/// allow (`max_depth` = 512), measured on a debug build, which needs the most (about 20
/// MiB at 512 levels, flow and block style), with room to spare. Only the pages used are
/// ever committed.
pub const LINT_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Writes a message and a line feed to stderr. A closed or full stderr is ignored: there
/// is nowhere left to say so, and planlint must not panic for it.
pub fn say(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Writes text as it is to stderr, ignoring a closed or full stderr (see [`say`]).
fn say_raw(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// `planlint: error: MESSAGE` and, when there is one, `  help: HELP` on stderr, in `lang`
/// (`planlint：错误：`, `  建议：`).
pub fn say_error_text(lang: Lang, message: &str, help: &str) {
    say(Message::new("cli-error")
        .text("message", message)
        .render(lang));
    if !help.is_empty() {
        say_help_text(lang, help);
    }
}

/// `  help: HELP` on stderr, in `lang`.
fn say_help_text(lang: Lang, help: &str) {
    say(format_args!(
        "  {}",
        Message::new("cli-help").text("help", help).render(lang)
    ));
}

/// An error and its help line on stderr, worded in `lang`.
pub fn say_error(lang: Lang, (message, help): &Problem) {
    let help = help.as_ref().map(|h| h.render(lang)).unwrap_or_default();
    say_error_text(lang, &message.render(lang), &help);
}

/// A message and its `.help` attribute, as a [`Problem`].
fn problem(id: &'static str, help: &'static str) -> Problem {
    (Message::new(id), Some(Message::new(help)))
}

/// What linting one input gave.
enum Linted {
    Report {
        report: FileReport,
        hidden: baseline::Outcome,
        /// The file's findings as baseline entries, for `--write-baseline`.
        entries: Vec<baseline::Entry>,
    },
    /// A walked file without a top-level `planlint:` key.
    Skipped,
    Failed(InputError),
}

/// The report's destination: standard output (no `-o`, or `-o -`) or a file.
fn report_file(args: &LintArgs) -> Option<&Path> {
    args.output.as_deref().filter(|p| p.as_os_str() != "-")
}

/// Lints what `args` names and writes the report; returns the exit code.
pub fn lint(args: &LintArgs) -> u8 {
    let config = match load_config(&args.source) {
        Ok(c) => c,
        Err(e) => {
            print_config_error(&e, args.color, lang_before_config(&args.source));
            return EXIT_TROUBLE;
        }
    };
    let lang = lang_with(&args.source, &config);
    let base = match base_settings(&config, args) {
        Ok(s) => s,
        Err(e) => {
            print_config_error(&e, args.color, lang);
            return EXIT_TROUBLE;
        }
    };
    let baseline = match &args.baseline {
        Some(p) => match baseline::load(p) {
            Ok(b) => Some(b),
            Err(message) => {
                say_error(
                    lang,
                    &(message, Some(Message::new("cli-baseline-load-help"))),
                );
                return EXIT_TROUBLE;
            }
        },
        None => None,
    };
    // The directory the written baseline keys its files from.
    let write_dir = match &args.write_baseline {
        Some(p) if p.as_os_str() == "-" => {
            say_error(
                lang,
                &problem(
                    "cli-write-baseline-stdout",
                    "cli-write-baseline-stdout.help",
                ),
            );
            return EXIT_TROUBLE;
        }
        Some(p) => match baseline::dir_of(p) {
            Ok(d) => Some(d),
            Err(e) => {
                let message = input::with_io(
                    Message::new("cli-baseline-dir").text("path", input::shown(p)),
                    &e,
                );
                say_error(
                    lang,
                    &(message, Some(Message::new("cli-baseline-dir.help"))),
                );
                return EXIT_TROUBLE;
            }
        },
        None => None,
    };
    let found = input::discover(&args.paths, args.follow, &|p| config.is_excluded(p));
    if let Err(p) = check_outputs(args, &found, config.path.as_deref()) {
        say_error(lang, &p);
        return EXIT_TROUBLE;
    }
    let links_not_followed = found.links_not_followed;
    let mut errors = found.errors;
    // The language the config and flags chose, found once (base_settings did).
    let human_opts = human_options(args, base.lang);
    let quotes_source = args.format.reporter(human_opts).quotes_source();
    let lint_one = |inp: &Input| -> Linted {
        // Overrides only change severities: apply them to the base settings, then the
        // command line's selection again, which always has the last word.
        let settings = match inp {
            Input::File { path, .. } if config.has_overrides() => {
                let mut s = base.clone();
                config.apply_overrides(&mut s, path);
                // The selectors were checked when the base settings were made.
                let _ = apply_selection(&mut s, &args.select, &args.ignore);
                s
            }
            _ => base.clone(),
        };
        let read = match input::read(inp, &args.stdin_filename, settings.limits.max_file_size) {
            Ok(r) => r,
            Err(e) => return Linted::Failed(e),
        };
        if matches!(inp, Input::File { walked: true, .. }) && !read.has_plan_key {
            return Linted::Skipped;
        }
        let mut report = engine::lint_read(read, &settings);
        let path = match inp {
            Input::File { path, .. } => Some(path.as_path()),
            Input::Stdin => None,
        };
        // The baseline to write records every finding, before any baseline hides some.
        let entries = match &write_dir {
            Some(dir) => {
                let key = path.map_or_else(|| report.file.name.clone(), |p| baseline::key(p, dir));
                let entries = baseline::entries_of(&key, &report);
                // Written to the baseline, they are no longer reported.
                report.findings.clear();
                entries
            }
            None => Vec::new(),
        };
        let hidden = match &baseline {
            Some(b) => {
                let key = path.map_or_else(
                    || report.file.name.clone(),
                    |p| b.key_for(p, &report.file.name),
                );
                b.apply_file(&key, &mut report)
            }
            None => baseline::Outcome::default(),
        };
        // Keep only what the report needs, so memory follows findings, not files.
        match args.format {
            Format::Human => {
                report.rendered = Some(report::human::render_file(&report, human_opts));
                report.compact(false);
            }
            _ => report.compact(quotes_source),
        }
        Linted::Report {
            report,
            hidden,
            entries,
        }
    };
    let threads = args
        .threads
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .min(crate::cli::MAX_THREADS);
    let pool = (threads > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .stack_size(LINT_STACK_BYTES)
                .build()
                .ok()
        })
        .flatten();
    // Reports come out sorted by file name: sort the inputs, then lint them in
    // order-keeping chunks, in parallel within each chunk.
    let mut inputs = found.inputs;
    inputs.sort_by_cached_key(|i| i.name(&args.stdin_filename));
    let mut skipped = 0usize;
    let mut hidden = baseline::Outcome::default();
    let mut entries: Vec<baseline::Entry> = Vec::new();
    let mut each_report = |sink: &mut dyn FnMut(FileReport)| {
        for chunk in inputs.chunks(CHUNK) {
            let results: Vec<Linted> = match &pool {
                Some(pool) if chunk.len() > 1 => {
                    pool.install(|| chunk.par_iter().map(lint_one).collect())
                }
                _ => chunk.iter().map(lint_one).collect(),
            };
            for r in results {
                match r {
                    Linted::Report {
                        report,
                        hidden: h,
                        entries: e,
                    } => {
                        hidden.add(h);
                        entries.extend(e);
                        sink(report);
                    }
                    Linted::Skipped => skipped += 1,
                    Linted::Failed(e) => errors.push(e),
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

    let summary;
    let written;
    if args.format == Format::Human && args.write_baseline.is_none() {
        // The human report needs nothing from other files: write each file's part as
        // soon as it is ready, so memory stays flat however many files and findings.
        let mut counted = Summary::default();
        written = stream_human(args, base.lang, |sink| {
            each_report(&mut |report| {
                counted.add(&report);
                sink(report);
            })
        })
        .and_then(|mut w| w.finish(&counted));
        summary = counted;
    } else if let Some(stream) = args.format.reporter(human_opts).stream(&run_info(&base)) {
        // A machine report that can be written file by file (issue 15): nothing is kept
        // from a file once its part is written or spilled.
        let mut counted = Summary::default();
        written = stream_report(args, stream, |sink| {
            each_report(&mut |report| {
                counted.add(&report);
                sink(report);
            })
        });
        summary = counted;
    } else {
        let mut reports: Vec<FileReport> = Vec::with_capacity(inputs.len());
        each_report(&mut |report| reports.push(report));
        reports.sort_by(|a, b| a.file.name.cmp(&b.file.name));
        summary = Summary::of(&reports);
        // `--write-baseline` alone prints one summary line, not a report.
        let print = !(args.format == Format::Human
            && args.write_baseline.is_some()
            && report_file(args).is_none());
        written = if print {
            let text = render(&reports, args, &base);
            match report_file(args) {
                Some(path) => write_output(path, &text, Output::Report),
                None => print_out(&text),
            }
        } else {
            Ok(())
        };
    }

    let mut code = exit_code(&summary, fail_at, args.max_warnings, args.exit_zero);
    let written_ok = written.is_ok();
    if let Err(p) = written {
        say_error(lang, &p);
        code = EXIT_TROUBLE;
    }
    if !args.quiet {
        if skipped > 0 {
            say(Message::new("cli-skipped").count("n", skipped).render(lang));
        }
        if links_not_followed > 0 {
            say(Message::new("cli-links-not-followed")
                .count("n", links_not_followed)
                .render(lang));
        }
        if baseline.is_some() && (hidden.hidden > 0 || hidden.stale > 0) {
            say(Message::new("cli-baseline-hidden")
                .count("hidden", hidden.hidden)
                .count("stale", hidden.stale)
                .render(lang));
        }
    }
    for e in &errors {
        print_input_error(e, lang);
    }
    if !errors.is_empty() {
        code = EXIT_TROUBLE;
    }
    // Nothing was linted when the report could not even be opened: that is said above.
    let no_plans = summary.files == 0 && written_ok;
    if no_plans && errors.is_empty() {
        let paths: Vec<String> = args.paths.iter().map(|p| input::shown(p)).collect();
        say_error(
            lang,
            &(
                Message::new("cli-no-plans").text("paths", paths.join(", ")),
                Some(Message::new("cli-no-plans.help")),
            ),
        );
        code = EXIT_TROUBLE;
    }
    if let Some(path) = &args.write_baseline {
        let files = summary.files;
        let cause = if !errors.is_empty() {
            Some("unreadable")
        } else if no_plans {
            Some("no-plans")
        } else {
            None
        };
        match cause {
            Some(cause) => {
                let message = Message::new("cli-baseline-not-written")
                    .text("path", input::shown(path))
                    .text("cause", cause)
                    .count("n", errors.len());
                say_error(
                    lang,
                    &(message, Some(Message::new("cli-baseline-not-written.help"))),
                );
                code = EXIT_TROUBLE;
            }
            None => {
                let n = entries.len();
                match write_output(path, &baseline::to_json(entries), Output::Baseline) {
                    Ok(()) => {
                        if !args.quiet {
                            say(Message::new("cli-baseline-wrote")
                                .count("n", n)
                                .count("files", files)
                                .text("path", input::shown(path))
                                .render(lang));
                        }
                    }
                    Err(p) => {
                        say_error(lang, &p);
                        code = EXIT_TROUBLE;
                    }
                }
            }
        }
    }
    code
}

/// Refuses an output (`-o`, `--write-baseline`) that is the same file as an input (named
/// or found by walking), the config, the other output, or (for `-o`) the baseline read:
/// writing it would replace what planlint reads. Files are compared by device and inode,
/// outputs that do not exist yet by their canonical path, so `./a` and `a` are the same.
fn check_outputs(
    args: &LintArgs,
    found: &input::Discovered,
    config: Option<&Path>,
) -> Result<(), Problem> {
    let id_of = |p: &Path| std::fs::metadata(p).ok().and_then(|m| input::file_id(&m));
    let config_id = config.and_then(id_of);
    let baseline_id = args.baseline.as_deref().and_then(id_of);
    let report = report_file(args).map(|p| ("-o", p, OutputTarget::resolve(p)));
    let base = args
        .write_baseline
        .as_deref()
        .map(|p| ("--write-baseline", p, OutputTarget::resolve(p)));
    let outputs: Vec<_> = report.iter().chain(base.iter()).collect();
    for (flag, user, target) in &outputs {
        let Ok(target) = target else { continue };
        // Writing to a device or a FIFO replaces nothing.
        let Some(id) = target.regular_id() else {
            continue;
        };
        let clash = if found.ids.contains(&id) {
            Some("input")
        } else if Some(id) == config_id {
            Some("config")
        } else if *flag == "-o" && Some(id) == baseline_id {
            Some("baseline")
        } else {
            None
        };
        if let Some(clash) = clash {
            return Err((
                Message::new("cli-output-clash")
                    .text("flag", *flag)
                    .text("path", input::shown(user))
                    .text("clash", clash),
                Some(Message::new("cli-output-clash.help").text("flag", *flag)),
            ));
        }
    }
    if let (Some((_, a, Ok(ta))), Some((_, b, Ok(tb)))) = (&report, &base) {
        let same_id = ta.regular_id().is_some() && ta.regular_id() == tb.regular_id();
        let same_path = ta.canonical().is_some() && ta.canonical() == tb.canonical();
        if same_id || same_path {
            return Err((
                Message::new("cli-output-same")
                    .text("report", input::shown(a))
                    .text("baseline", input::shown(b)),
                Some(Message::new("cli-output-same.help")),
            ));
        }
    }
    Ok(())
}

/// The file an output path names, through symbolic links: planlint writes there
/// (replacing the target, keeping the link).
struct OutputTarget {
    /// The final target (the path itself when it is no link).
    resolved: PathBuf,
    /// The target's metadata, when it exists.
    existing: Option<std::fs::Metadata>,
}

impl OutputTarget {
    fn resolve(path: &Path) -> std::io::Result<Self> {
        let mut p = path.to_path_buf();
        // As many links as Linux follows (ELOOP past 40).
        for _ in 0..40 {
            match std::fs::symlink_metadata(&p) {
                Ok(m) if m.file_type().is_symlink() => {
                    let to = std::fs::read_link(&p)?;
                    p = match p.parent() {
                        Some(dir) if to.is_relative() => dir.join(to),
                        _ => to,
                    };
                }
                Ok(m) => {
                    return Ok(OutputTarget {
                        resolved: p,
                        existing: Some(m),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(OutputTarget {
                        resolved: p,
                        existing: None,
                    });
                }
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "too many levels of symbolic links",
        ))
    }

    /// Device and inode of an existing regular file.
    fn regular_id(&self) -> Option<input::FileId> {
        self.existing
            .as_ref()
            .filter(|m| m.is_file())
            .and_then(input::file_id)
    }

    /// The target's canonical path (its directory canonical, then its name).
    fn canonical(&self) -> Option<PathBuf> {
        let dir = match self.resolved.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Some(
            std::fs::canonicalize(dir)
                .ok()?
                .join(self.resolved.file_name()?),
        )
    }
}

/// The message and help for an output that could not be written: they name the path the
/// user gave (never a temporary file's) and say what to do.
/// What planlint writes to a file.
#[derive(Clone, Copy)]
enum Output {
    Report,
    Baseline,
    Starter,
}

impl Output {
    /// The word `cli-cannot-write` selects on.
    fn code(self) -> &'static str {
        match self {
            Output::Report => "report",
            Output::Baseline => "baseline",
            Output::Starter => "starter",
        }
    }
}

fn output_error(what: Output, user: &Path, e: &std::io::Error) -> Problem {
    use std::io::ErrorKind as K;
    let shown = input::shown(user);
    let dir = user
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| ".".to_string(), input::shown);
    let kind = match e.kind() {
        K::NotFound | K::NotADirectory => "no-dir",
        K::PermissionDenied | K::ReadOnlyFilesystem => "permission",
        K::IsADirectory => "directory",
        K::StorageFull => "full",
        _ => "other",
    };
    (
        input::with_io(
            Message::new("cli-cannot-write")
                .text("what", what.code())
                .text("path", shown.clone()),
            e,
        ),
        Some(
            Message::new("cli-cannot-write-help")
                .text("kind", kind)
                .text("dir", dir)
                .text("path", shown),
        ),
    )
}

/// Writes `text` atomically to the output `path` (see [`OutputFile`]); the error is a
/// message and a help line.
fn write_output(path: &Path, text: &str, what: Output) -> Result<(), Problem> {
    write_atomically(path, text).map_err(|e| output_error(what, path, &e))
}

/// Where the streamed human report goes: standard output or `-o FILE`.
enum HumanOut {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(std::io::BufWriter<OutputFile>, PathBuf),
}

struct HumanWriter {
    lang: crate::i18n::Lang,
    out: HumanOut,
    wrote: bool,
    summary: bool,
    /// A write to standard output failed because the reader went away (`| head`).
    closed: bool,
}

impl HumanWriter {
    fn part(&mut self, text: &str) -> Result<(), std::io::Error> {
        if text.is_empty() || self.closed {
            return Ok(());
        }
        let sep: &[u8] = if self.wrote { b"\n" } else { b"" };
        self.wrote = true;
        let w: &mut dyn Write = match &mut self.out {
            HumanOut::Stdout(w) => w,
            HumanOut::File(w, _) => w,
        };
        match w.write_all(sep).and_then(|()| w.write_all(text.as_bytes())) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    fn error(&self, e: &std::io::Error) -> Problem {
        match &self.out {
            HumanOut::File(_, path) => output_error(Output::Report, path, e),
            HumanOut::Stdout(_) => stdout_error(e),
        }
    }

    fn finish(&mut self, summary: &Summary) -> Result<(), Problem> {
        // No summary line when no file was linted: "no findings in 0 files" would read
        // like a pass; the run says instead that it found no plan.
        if self.summary && summary.files > 0 {
            let line = format!("{}\n", summary.line_in(self.lang));
            self.part(&line).map_err(|e| self.error(&e))?;
        }
        let out = std::mem::replace(
            &mut self.out,
            HumanOut::Stdout(std::io::BufWriter::new(std::io::stdout())),
        );
        match out {
            HumanOut::Stdout(mut w) => match w.flush() {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(stdout_error(&e)),
            },
            HumanOut::File(w, path) => w
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(OutputFile::commit)
                .map_err(|e| output_error(Output::Report, &path, &e)),
        }
    }
}

fn stdout_error(e: &std::io::Error) -> Problem {
    (
        input::with_io(Message::new("cli-stdout"), e),
        Some(Message::new("cli-stdout.help")),
    )
}

/// Streams the human report: `produce` hands each file's report, in order, to the sink.
fn stream_human(
    args: &LintArgs,
    lang: Lang,
    produce: impl FnOnce(&mut dyn FnMut(FileReport)),
) -> Result<HumanWriter, Problem> {
    let out = match report_file(args) {
        None => HumanOut::Stdout(std::io::BufWriter::new(std::io::stdout())),
        Some(path) => HumanOut::File(
            std::io::BufWriter::new(
                OutputFile::create(path).map_err(|e| output_error(Output::Report, path, &e))?,
            ),
            path.to_path_buf(),
        ),
    };
    let mut writer = HumanWriter {
        out,
        wrote: false,
        lang,
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
            failure = Some(writer.error(&e));
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(writer),
    }
}

/// Writes a streamed report to standard output or `-o FILE`: `produce` hands each
/// file's report, in order, to the sink.
fn stream_report(
    args: &LintArgs,
    mut stream: Box<dyn report::stream::Stream>,
    produce: impl FnOnce(&mut dyn FnMut(FileReport)),
) -> Result<(), Problem> {
    let mut out = match report_file(args) {
        None => HumanOut::Stdout(std::io::BufWriter::new(std::io::stdout())),
        Some(path) => HumanOut::File(
            std::io::BufWriter::new(
                OutputFile::create(path).map_err(|e| output_error(Output::Report, path, &e))?,
            ),
            path.to_path_buf(),
        ),
    };
    let mut failure = None;
    {
        let w: &mut dyn Write = match &mut out {
            HumanOut::Stdout(w) => w,
            HumanOut::File(w, _) => w,
        };
        produce(&mut |report: FileReport| {
            if failure.is_none()
                && let Err(e) = stream.file(&report, w)
            {
                failure = Some(e);
            }
        });
        if failure.is_none()
            && let Err(e) = stream.finish(w)
        {
            failure = Some(e);
        }
    }
    match out {
        HumanOut::Stdout(mut w) => match failure.map_or_else(|| w.flush(), Err) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(stdout_error(&e)),
            _ => Ok(()),
        },
        HumanOut::File(w, path) => match failure {
            Some(e) => Err(output_error(Output::Report, &path, &e)),
            None => w
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(OutputFile::commit)
                .map_err(|e| output_error(Output::Report, &path, &e)),
        },
    }
}

fn human_options(args: &LintArgs, lang: Lang) -> report::human::HumanOptions {
    report::human::HumanOptions {
        color: report_file(args).is_none() && use_color(args.color),
        width: 100,
        summary: !args.quiet,
        lang,
    }
}

fn render(reports: &[FileReport], args: &LintArgs, settings: &Settings) -> String {
    let mut human = human_options(args, settings.lang);
    // No "no findings in 0 files" (see HumanWriter::finish).
    human.summary &= !reports.is_empty();
    args.format
        .reporter(human)
        .render(reports, &run_info(settings))
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

fn print_input_error(e: &InputError, lang: Lang) {
    say_error_text(lang, &e.message_in(lang), &e.help.render(lang));
}

/// Writes to stdout; a closed pipe (`planlint … | head`) is not an error.
pub fn print_out(text: &str) -> Result<(), Problem> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(stdout_error(&e)),
    }
}

/// Writes `text` to `path` through a temporary file beside its target and a rename, so
/// a reader never sees half a file and a failed write leaves the old file intact.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let mut out = OutputFile::create(path)?;
    out.write_all(text.as_bytes())?;
    out.commit()
}

/// An output file: a temporary file beside the target, renamed over it on `commit` so a
/// reader never sees half a report; or, for `-o /dev/null`, a FIFO or `/dev/stdout`,
/// the target itself, since a rename would replace the device or pipe.
///
/// Through a symbolic link, the link's target is replaced and the link kept. A new file
/// gets the usual mode (0666 less the umask), a replaced one keeps its mode.
enum OutputFile {
    Temp(tempfile::NamedTempFile, PathBuf),
    Direct(std::fs::File),
}

impl OutputFile {
    fn create(path: &Path) -> std::io::Result<Self> {
        let target = OutputTarget::resolve(path)?;
        if let Some(meta) = &target.existing {
            if meta.is_dir() {
                return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
            }
            if !meta.is_file() {
                return Ok(OutputFile::Direct(
                    std::fs::OpenOptions::new()
                        .write(true)
                        .open(&target.resolved)?,
                ));
            }
        }
        let dir = match target.resolved.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let tmp = new_temp_file(dir, target.existing.as_ref())?;
        Ok(OutputFile::Temp(tmp, target.resolved))
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

/// A temporary file in `dir` with the mode the final file should have: `existing`'s, or
/// for a new file 0666 less the umask (the open applies it), as any editor would create.
fn new_temp_file(
    dir: &Path,
    existing: Option<&std::fs::Metadata>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".planlint-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir)?;
    if let Some(meta) = existing {
        // Exactly the old mode, which the umask could have narrowed at the open.
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(tmp)
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

/// The configuration a subcommand runs with and the language it speaks; a config that
/// cannot be read is reported (in the language of the flag or the environment) as exit 2.
fn config_and_lang(source: &ConfigArgs) -> Result<(Config, Lang), u8> {
    match load_config(source) {
        Ok(config) => {
            let lang = lang_with(source, &config);
            Ok((config, lang))
        }
        Err(e) => {
            print_config_error(&e, ColorChoice::Auto, lang_before_config(source));
            Err(EXIT_TROUBLE)
        }
    }
}

/// `planlint explain QUERY`: the documentation with the thresholds of the
/// configuration and preset in force.
pub fn explain(query: &str, source: &ConfigArgs) -> u8 {
    let (config, lang) = match config_and_lang(source) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let preset = preset_of(source)
        .or(config.preset)
        .unwrap_or(Preset::Article);
    let settings = match config.settings_for(None, Some(preset)) {
        Ok(s) => s,
        Err(e) => {
            print_config_error(&e, ColorChoice::Auto, lang);
            return EXIT_TROUBLE;
        }
    };
    let in_force = crate::docs::InForce {
        thresholds: &settings.thresholds,
        preset: preset.name(),
    };
    let text = match crate::docs::explain(query, &in_force, lang) {
        Ok(t) => t,
        Err(e) => {
            say_error_text(lang, &e.message, &e.help);
            return EXIT_TROUBLE;
        }
    };
    match print_out(&text) {
        Ok(()) => EXIT_CLEAN,
        Err(p) => {
            say_error(lang, &p);
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
    // `init` has no `--lang`: the discovered config's language, else the environment's.
    let lang = lang_of(&ConfigArgs::default());
    let currency = currency.map(str::to_ascii_uppercase);
    if let Some(c) = &currency
        && !crate::model::value::is_currency_code(c)
    {
        say_error(
            lang,
            &(
                Message::new("cli-init-bad-currency")
                    .text("code", crate::text::escape_line(c).into_owned()),
                Some(Message::new("cli-init-bad-currency.help")),
            ),
        );
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
    let shown = input::shown(path);
    if std::fs::symlink_metadata(path).is_ok() {
        say_error(
            lang,
            &(
                Message::new("cli-init-exists").text("path", shown.clone()),
                Some(Message::new("cli-init-exists.help")),
            ),
        );
        return EXIT_TROUBLE;
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let result = new_temp_file(dir, None).and_then(|mut tmp| {
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().sync_all()?;
        // persist_noclobber fails rather than replace a file created meanwhile.
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
        Ok(())
    });
    match result {
        Ok(()) => {
            let how = if preset == Preset::Article {
                String::new()
            } else {
                format!(" --preset {}", preset.name())
            };
            say(Message::new("cli-init-wrote")
                .text("currency", currency.clone())
                .text("path", shown.clone())
                .text("how", how)
                .render(lang));
            if preset != Preset::Article {
                say_help_text(
                    lang,
                    &Message::new("cli-init-preset-help")
                        .text("preset", preset.name())
                        .render(lang),
                );
            }
            if currency != preset.thresholds().currency {
                say_help_text(
                    lang,
                    &Message::new("cli-init-fx-help")
                        .text("preset", preset.name())
                        .text("preset_currency", preset.thresholds().currency)
                        .text("currency", currency.clone())
                        .render(lang),
                );
            }
            EXIT_CLEAN
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            say_error(
                lang,
                &(
                    Message::new("cli-init-raced").text("path", shown.clone()),
                    Some(Message::new("cli-init-raced.help")),
                ),
            );
            EXIT_TROUBLE
        }
        Err(e) => {
            say_error(lang, &output_error(Output::Starter, path, &e));
            EXIT_TROUBLE
        }
    }
}

/// `planlint config [FILE]`: the effective configuration.
pub fn show_config(file: Option<&Path>, source: &ConfigArgs) -> u8 {
    let (config, lang) = match config_and_lang(source) {
        Ok(found) => found,
        Err(code) => return code,
    };
    match config.settings_for(file, preset_of(source)) {
        Ok(settings) => match print_out(&config.describe(&settings, preset_of(source))) {
            Ok(()) => EXIT_CLEAN,
            Err(p) => {
                say_error(lang, &p);
                EXIT_TROUBLE
            }
        },
        Err(e) => {
            print_config_error(&e, ColorChoice::Auto, lang);
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
        let text = err.0.render(Lang::En);
        assert!(text.contains("did you mean `large-customers/`?"), "{text}");
        let zh = err.0.render(Lang::Zh);
        assert!(zh.contains("`large-customers/`？"), "{zh}");
    }
}
