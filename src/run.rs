//! One lint run: settings from arguments, inputs, linting, the report, the exit code.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::{ColorChoice, FailOn, Format, LintArgs};
use crate::engine::{self, FileReport, Settings};
use crate::finding::Severity;
use crate::input::{self, InputError};
use crate::report::{self, RuleInfo, RunInfo, Summary};

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

/// True when `selector` (an id, `principle/` or `principle`) names `rule_id`.
pub fn selector_matches(selector: &str, rule_id: &str) -> bool {
    let s = selector.trim();
    if s == rule_id {
        return true;
    }
    let prefix = s.trim_end_matches('/');
    rule_id
        .split_once('/')
        .is_some_and(|(principle, _)| principle == prefix)
}

fn check_selector(selector: &str) -> Result<(), UsageError> {
    if engine::registry()
        .iter()
        .any(|r| selector_matches(selector, r.id))
    {
        return Ok(());
    }
    let mut candidates: Vec<String> = engine::registry()
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    candidates.extend(engine::principles().iter().map(|p| format!("{p}/")));
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    let hint = match crate::model::load::nearest(selector, &refs) {
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

/// Lints what `args` names and writes the report; returns the exit code.
pub fn lint(args: &LintArgs) -> u8 {
    let mut settings = Settings::default();
    if let Err(UsageError(message)) = apply_selection(&mut settings, &args.select, &args.ignore) {
        eprintln!("planlint: error: {message}");
        return EXIT_TROUBLE;
    }
    let (inputs, mut errors) = input::discover(&args.paths);
    let mut reports: Vec<FileReport> = Vec::with_capacity(inputs.len());
    for inp in &inputs {
        match input::read(inp, &args.stdin_filename) {
            Ok(read) => reports.push(engine::lint_read(read, &settings)),
            Err(e) => errors.push(e),
        }
    }
    reports.sort_by(|a, b| a.file.name.cmp(&b.file.name));

    let text = render(&reports, args, &settings);
    let mut code = exit_code(&reports, args);
    let written = match &args.output {
        Some(path) => write_atomically(path, &text)
            .map_err(|e| format!("cannot write the report to {}: {e}", path.display())),
        None => print_out(&text),
    };
    if let Err(message) = written {
        eprintln!("planlint: error: {message}");
        code = EXIT_TROUBLE;
    }
    for e in &errors {
        print_input_error(e);
    }
    if !errors.is_empty() {
        code = EXIT_TROUBLE;
    }
    code
}

fn render(reports: &[FileReport], args: &LintArgs, settings: &Settings) -> String {
    let info = run_info(settings);
    match args.format {
        Format::Human => report::human::render(
            reports,
            report::human::HumanOptions {
                color: args.output.is_none() && use_color(args.color),
                width: 100,
                summary: !args.quiet,
            },
        ),
        Format::Json => report::json::render(reports),
        Format::Sarif => report::sarif::render(reports, &info),
        Format::Github => report::github::render(reports, &info),
        Format::Junit => report::junit::render(reports, &info),
        Format::Gitlab => report::gitlab::render(reports, &info),
        Format::Markdown => report::markdown::render(reports, &info),
    }
}

/// The exit code for these findings, the same whatever the output format.
pub fn exit_code(reports: &[FileReport], args: &LintArgs) -> u8 {
    if args.exit_zero {
        return EXIT_CLEAN;
    }
    let fail_at = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let findings = || reports.iter().flat_map(|r| &r.findings);
    let failed = fail_at.is_some_and(|level| findings().any(|f| f.severity >= level));
    let too_many_warnings = args
        .max_warnings
        .is_some_and(|max| Summary::of(reports).warnings > max);
    if failed || too_many_warnings {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
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
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
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
