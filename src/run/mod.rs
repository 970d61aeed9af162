//! One lint run, in small steps: the settings from the config and the arguments, the
//! baseline to apply or write, the inputs, linting them (in parallel, reports in file
//! order), the report, and how the run ends. Errors are typed ([`RunError`]) and become
//! an exit code in one place ([`Exit::code`]).

mod commands;
mod error;
mod fix;
mod output;
mod pack;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use commands::{STARTER_PLAN, explain, init, show_config, starter_plan};
pub use error::{
    EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, Exit, Problem, RunError, fail, say, say_error,
    say_error_text, say_help_text,
};
pub use output::{print_out, write_atomically};
pub use pack::pack_test;

use crate::baseline;
use crate::cli::{ColorChoice, ConfigArgs, FailOn, Format, LintArgs, PresetArg};
use crate::config::{self, Config, ConfigError, Preset};
use crate::engine::{self, FileReport};
use crate::i18n::{Lang, Message};
use crate::input::{self, Input, InputError};
use crate::lint::{Settings, Severity, selector_matches};
use crate::report::{self, RuleInfo, RunInfo, Summary};
pub(crate) use output::{Output, write_output};
use output::{check_outputs, stream_human, stream_report};

/// Files linted together before their reports are handed on in order.
const CHUNK: usize = 256;

/// The stack of every thread that lints: enough for the deepest nesting a config may
/// allow (`max_depth` = 512), measured on a debug build, which needs the most (about 20
/// MiB at 512 levels, flow and block style), with room to spare. Only the pages used are
/// ever committed.
pub const LINT_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Applies `--select` and `--ignore` to the settings. Selectors are rule ids or
/// principle prefixes (`large-customers/` or `large-customers`).
pub fn apply_selection(
    settings: &mut Settings,
    select: &[String],
    ignore: &[String],
) -> Result<(), RunError> {
    for sel in select.iter().chain(ignore) {
        check_selector(settings, sel)?;
    }
    let registry = settings.registry.clone();
    for rule in registry.iter() {
        // plan/syntax is never deselected: nothing else can be checked without it.
        if rule == &crate::rules::plan::SYNTAX {
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

fn check_selector(settings: &Settings, selector: &str) -> Result<(), RunError> {
    if settings.registry.selector_is_known(selector) {
        return Ok(());
    }
    let suggestion = settings.registry.suggest_selector(selector);
    Err(RunError::Usage((
        Message::new("cli-unknown-selector")
            .text("selector", crate::text::escape_line(selector).into_owned())
            .text("suggested", if suggestion.is_some() { "yes" } else { "no" })
            .text("suggestion", suggestion.unwrap_or_default()),
        None,
    )))
}

/// The data machine reports carry about the rules.
pub fn run_info(settings: &Settings) -> RunInfo {
    let registry = &settings.registry;
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
                help_markdown: crate::docs::rule_doc(r, crate::i18n::Lang::En).unwrap_or(""),
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
        return Config::with_packs(&source.packs);
    }
    let path = match &source.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| config::discover(&cwd)),
    };
    match path {
        Some(p) => Config::load_with(&p, &source.packs),
        None => Config::with_packs(&source.packs),
    }
}

pub fn preset_of(source: &ConfigArgs) -> Option<Preset> {
    source.preset.map(|p| match p {
        PresetArg::Article => Preset::Article,
        PresetArg::UsSaas => Preset::UsSaas,
    })
}

/// The lowest severity that fails a run: `--fail-on`, else the config's, else `error`;
/// `None` is `never`.
pub fn fail_level(flag: Option<FailOn>, config: &Config) -> Option<Severity> {
    let flag = flag.map(|f| match f {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    });
    flag.or(config.fail_on).unwrap_or(Some(Severity::Error))
}

/// The configuration a command runs with and the language it speaks. A config that
/// cannot be read is told (in the language of the flag or the environment) here.
pub fn config_and_lang(source: &ConfigArgs, color: ColorChoice) -> Result<(Config, Lang), Exit> {
    match load_config(source) {
        Ok(config) => {
            let lang = lang_with(source, &config);
            Ok((config, lang))
        }
        Err(e) => Err(fail(e.into(), lang_before_config(source), color)),
    }
}

/// The run's base settings: the config's, then the command line's selection. A file
/// matched by `[[overrides]]` gets them applied on top (see [`Run::settings_for`]).
fn base_settings(config: &Config, args: &LintArgs) -> Result<Settings, RunError> {
    let mut settings = config.settings_for(None, preset_of(&args.source))?;
    apply_selection(&mut settings, &args.select, &args.ignore)?;
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

/// Everything a lint run settles before it reads a plan.
struct Run<'a> {
    args: &'a LintArgs,
    config: Config,
    base: Settings,
    /// The baseline whose findings are hidden (`--baseline`).
    baseline: Option<baseline::Loaded>,
    /// The directory the written baseline keys its files from (`--write-baseline`).
    write_dir: Option<PathBuf>,
    human: report::human::HumanOptions,
    /// The report quotes the source of files with findings (their text is kept).
    quotes_source: bool,
    /// The report reads every plan again (its text is kept, findings or not).
    reads_plans: bool,
}

/// What linting every input gave, besides the reports handed to the sink.
#[derive(Default)]
struct Tally {
    skipped: usize,
    hidden: baseline::Outcome,
    entries: Vec<baseline::Entry>,
    errors: Vec<InputError>,
}

/// Lints what `args` names and writes the report; returns how the run ends.
pub fn lint(args: &LintArgs) -> Exit {
    let (config, lang) = match config_and_lang(&args.source, args.color) {
        Ok(found) => found,
        Err(exit) => return exit,
    };
    let run = match Run::new(args, config) {
        Ok(run) => run,
        Err(e) => return fail(e, lang, args.color),
    };
    let found = input::discover(&args.paths, args.follow, &|p| run.config.is_excluded(p));
    if let Err(p) = check_outputs(args, &found, run.config.path.as_deref()) {
        return fail(p.into(), lang, args.color);
    }
    let mut inputs = found.inputs;
    // Reports come out sorted by file name.
    inputs.sort_by_cached_key(|i| i.name(&args.stdin_filename));
    let mut tally = Tally {
        errors: found.errors,
        ..Tally::default()
    };
    if args.fix || args.diff {
        return fix::run(&run, &inputs, tally);
    }
    let (summary, written) = run.report(&inputs, &mut tally);
    let mut exit = verdict(&summary, run.fail_at(), args.max_warnings, args.exit_zero);
    let written_ok = written.is_ok();
    if let Err(p) = written {
        exit = exit.max(fail(p.into(), lang, args.color));
    }
    if !args.quiet {
        run.say_notes(&tally, found.links_not_followed);
    }
    let mut problems: Vec<RunError> = tally.errors.drain(..).map(RunError::Input).collect();
    // Nothing was linted when the report could not even be opened: that is said above.
    let no_plans = summary.files == 0 && written_ok;
    if no_plans && problems.is_empty() {
        let paths: Vec<String> = args.paths.iter().map(|p| input::shown(p)).collect();
        problems.push(RunError::Usage((
            Message::new("cli-no-plans").text("paths", paths.join(", ")),
            Some(Message::new("cli-no-plans.help")),
        )));
    }
    if let Some(path) = &args.write_baseline {
        let unreadable = problems
            .iter()
            .filter(|p| matches!(p, RunError::Input(_)))
            .count();
        if let Err(e) = run.write_baseline(path, tally.entries, summary.files, unreadable, no_plans)
        {
            problems.push(e);
        }
    }
    for p in problems {
        exit = exit.max(fail(p, lang, args.color));
    }
    exit
}

impl<'a> Run<'a> {
    fn new(args: &'a LintArgs, config: Config) -> Result<Self, RunError> {
        let base = base_settings(&config, args)?;
        let baseline = match &args.baseline {
            Some(p) => Some(baseline::load(p).map_err(|message| {
                RunError::Usage((message, Some(Message::new("cli-baseline-load-help"))))
            })?),
            None => None,
        };
        let write_dir = match &args.write_baseline {
            Some(p) if p.as_os_str() == "-" => {
                return Err(RunError::usage(
                    "cli-write-baseline-stdout",
                    "cli-write-baseline-stdout.help",
                ));
            }
            Some(p) => Some(baseline::dir_of(p).map_err(|e| {
                RunError::Usage((
                    input::with_io(
                        Message::new("cli-baseline-dir").text("path", input::shown(p)),
                        &e,
                    ),
                    Some(Message::new("cli-baseline-dir.help")),
                ))
            })?),
            None => None,
        };
        // The language the config and flags chose, found once (base_settings did).
        let human = human_options(args, base.lang);
        let reporter = args.format.reporter(human, &base);
        let (quotes_source, reads_plans) = (reporter.quotes_source(), reporter.reads_plans());
        Ok(Run {
            args,
            config,
            base,
            baseline,
            write_dir,
            human,
            quotes_source,
            reads_plans,
        })
    }

    /// The lowest severity that fails the run: `--fail-on`, else the config's.
    fn fail_at(&self) -> Option<Severity> {
        let flag = self.args.fail_on.map(|f| match f {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        });
        flag.or(self.config.fail_on)
            .unwrap_or(Some(Severity::Error))
    }

    /// The settings for one input: overrides only change severities, so they are applied
    /// to the base settings, then the command line's selection again, which always has
    /// the last word.
    fn settings_for(&self, inp: &Input) -> Settings {
        match inp {
            Input::File { path, .. } if self.config.has_overrides() => {
                let mut s = self.base.clone();
                self.config.apply_overrides(&mut s, path);
                // The selectors were checked when the base settings were made.
                let _ = apply_selection(&mut s, &self.args.select, &self.args.ignore);
                s
            }
            _ => self.base.clone(),
        }
    }

    /// Reads and lints one input, applies the baseline, records the entries of the
    /// baseline to write, and keeps only what the report needs.
    fn lint_one(&self, inp: &Input) -> Linted {
        let settings = self.settings_for(inp);
        let args = self.args;
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
        let entries = match &self.write_dir {
            Some(dir) => {
                let key = path.map_or_else(|| report.file.name.clone(), |p| baseline::key(p, dir));
                let entries = baseline::entries_of(&key, &report);
                // Written to the baseline, they are no longer reported.
                report.findings.clear();
                entries
            }
            None => Vec::new(),
        };
        let hidden = match &self.baseline {
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
                report.rendered = Some(report::human::render_file(&report, self.human));
                report.compact(false);
            }
            _ if self.reads_plans => {}
            _ => report.compact(self.quotes_source),
        }
        Linted::Report {
            report,
            hidden,
            entries,
        }
    }

    /// Lints `inputs` in order-keeping chunks, in parallel within each chunk, handing
    /// each file's report to `sink` in order and the rest to `tally`.
    fn lint_all(&self, inputs: &[Input], tally: &mut Tally, sink: &mut dyn FnMut(FileReport)) {
        // One file needs no pool: starting its threads would cost more than it saves.
        let pool = if inputs.len() > 1 { self.pool() } else { None };
        for chunk in inputs.chunks(CHUNK) {
            let results: Vec<Linted> = match &pool {
                Some(pool) if chunk.len() > 1 => {
                    pool.install(|| chunk.par_iter().map(|i| self.lint_one(i)).collect())
                }
                _ => chunk.iter().map(|i| self.lint_one(i)).collect(),
            };
            for r in results {
                match r {
                    Linted::Report {
                        report,
                        hidden,
                        entries,
                    } => {
                        tally.hidden.add(hidden);
                        tally.entries.extend(entries);
                        sink(report);
                    }
                    Linted::Skipped => tally.skipped += 1,
                    Linted::Failed(e) => tally.errors.push(e),
                }
            }
        }
    }

    /// The thread pool of `-j N` (none for one thread).
    fn pool(&self) -> Option<rayon::ThreadPool> {
        let threads = self
            .args
            .threads
            .filter(|n| *n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
            .min(crate::cli::MAX_THREADS);
        if threads <= 1 {
            return None;
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .stack_size(LINT_STACK_BYTES)
            .build()
            .ok()
    }

    /// Lints `inputs` and writes the report: the human one streamed file by file (its
    /// memory stays flat however many files and findings), the others once every file
    /// is linted.
    fn report(&self, inputs: &[Input], tally: &mut Tally) -> (Summary, Result<(), Problem>) {
        let args = self.args;
        if args.format == Format::Human && args.write_baseline.is_none() {
            let mut counted = Summary::default();
            let written = stream_human(args, self.base.lang, |sink| {
                self.lint_all(inputs, tally, &mut |report| {
                    counted.add(&report);
                    sink(report);
                })
            })
            .and_then(|mut w| w.finish(&counted));
            return (counted, written);
        }
        let reporter = args.format.reporter(self.human, &self.base);
        if let Some(stream) = reporter.stream(&run_info(&self.base)) {
            let mut counted = Summary::default();
            let written = stream_report(args, stream, |sink| {
                self.lint_all(inputs, tally, &mut |report| {
                    counted.add(&report);
                    sink(report);
                })
            });
            return (counted, written);
        }
        let mut reports: Vec<FileReport> = Vec::with_capacity(inputs.len());
        self.lint_all(inputs, tally, &mut |report| reports.push(report));
        reports.sort_by(|a, b| a.file.name.cmp(&b.file.name));
        let summary = Summary::of(&reports);
        // `--write-baseline` alone prints one summary line, not a report.
        let print = !(args.format == Format::Human
            && args.write_baseline.is_some()
            && report_file(args).is_none());
        if !print {
            return (summary, Ok(()));
        }
        let text = render(&reports, args, &self.base);
        let written = match report_file(args) {
            Some(path) => write_output(path, &text, Output::Report),
            None => print_out(&text),
        };
        (summary, written)
    }

    /// The run's notes on stderr: files skipped, links not followed, findings the
    /// baseline hid.
    fn say_notes(&self, tally: &Tally, links_not_followed: usize) {
        let lang = self.base.lang;
        if tally.skipped > 0 {
            say(Message::new("cli-skipped")
                .count("n", tally.skipped)
                .render(lang));
        }
        if links_not_followed > 0 {
            say(Message::new("cli-links-not-followed")
                .count("n", links_not_followed)
                .render(lang));
        }
        let hidden = &tally.hidden;
        if self.baseline.is_some() && (hidden.hidden > 0 || hidden.stale > 0) {
            say(Message::new("cli-baseline-hidden")
                .count("hidden", hidden.hidden)
                .count("stale", hidden.stale)
                .render(lang));
        }
    }

    /// Writes `--write-baseline`, unless a file could not be read or no plan was found
    /// (a baseline of part of the tree would hide nothing of the rest).
    fn write_baseline(
        &self,
        path: &Path,
        entries: Vec<baseline::Entry>,
        files: usize,
        unreadable: usize,
        no_plans: bool,
    ) -> Result<(), RunError> {
        let cause = if unreadable > 0 {
            Some("unreadable")
        } else if no_plans {
            Some("no-plans")
        } else {
            None
        };
        if let Some(cause) = cause {
            let message = Message::new("cli-baseline-not-written")
                .text("path", input::shown(path))
                .text("cause", cause)
                .count("n", unreadable);
            return Err(RunError::Usage((
                message,
                Some(Message::new("cli-baseline-not-written.help")),
            )));
        }
        let n = entries.len();
        write_output(path, &baseline::to_json(entries), Output::Baseline)?;
        if !self.args.quiet {
            say(Message::new("cli-baseline-wrote")
                .count("n", n)
                .count("files", files)
                .text("path", input::shown(path))
                .render(self.base.lang));
        }
        Ok(())
    }
}

fn human_options(args: &LintArgs, lang: Lang) -> report::human::HumanOptions {
    report::human::HumanOptions {
        color: report_file(args).is_none() && args.color.colors(std::io::stdout()),
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
        .reporter(human, settings)
        .render(reports, &run_info(settings))
}

/// Writes a report on stderr (the report of `planlint --fix -`, whose standard output is
/// the fixed plan).
fn say_raw_report(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
}

/// How these findings end the run, the same whatever the output format.
pub fn verdict(
    summary: &Summary,
    fail_at: Option<Severity>,
    max_warnings: Option<usize>,
    exit_zero: bool,
) -> Exit {
    if exit_zero {
        return Exit::Clean;
    }
    let failed = fail_at.is_some_and(|level| summary.worst().is_some_and(|w| w >= level));
    let too_many_warnings = max_warnings.is_some_and(|max| summary.warnings > max);
    if failed || too_many_warnings {
        Exit::Findings
    } else {
        Exit::Clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_selector_suggests() {
        let mut s = Settings::default();
        let err = apply_selection(&mut s, &["large-customer/".into()], &[]).unwrap_err();
        let RunError::Usage((message, _)) = err else {
            panic!("a usage error")
        };
        let text = message.render(Lang::En);
        assert!(text.contains("did you mean `large-customers/`?"), "{text}");
        let zh = message.render(Lang::Zh);
        assert!(zh.contains("`large-customers/`？"), "{zh}");
    }
}
