use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use planlint::cli::{Cli, ColorChoice, Command, FailOn, Format, LintArgs, ListFormat};
use planlint::docs;
use planlint::engine::{self, FileReport, Settings};
use planlint::finding::Severity;
use planlint::input::{self, InputError};
use planlint::report;

/// Exit codes of INTERFACE.md.
const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_TROUBLE
            } else {
                EXIT_CLEAN
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match &cli.command {
        Some(Command::Rules { format }) => list_rules(*format),
        Some(Command::Explain { rule }) => explain(rule),
        None => lint(&cli.lint),
    };
    ExitCode::from(code)
}

fn list_rules(format: ListFormat) -> u8 {
    let text = match format {
        ListFormat::Human => docs::rules_table(),
        ListFormat::Json => docs::rules_json(),
    };
    print_out(&text)
}

fn explain(query: &str) -> u8 {
    match docs::explain(query) {
        Ok(text) => print_out(&text),
        Err(message) => {
            eprintln!("planlint: error: {message}");
            EXIT_TROUBLE
        }
    }
}

fn lint(args: &LintArgs) -> u8 {
    let settings = Settings::default();
    let (inputs, mut errors) = input::discover(&args.paths);
    let mut reports: Vec<FileReport> = Vec::with_capacity(inputs.len());
    for inp in &inputs {
        match input::read(inp, &args.stdin_filename) {
            Ok(read) => {
                reports.push(engine::lint_read(read, &settings));
            }
            Err(e) => errors.push(e),
        }
    }
    reports.sort_by(|a, b| a.file.name.cmp(&b.file.name));

    let color = use_color(args.color);
    let text = match args.format {
        Format::Human => report::human::render(
            &reports,
            report::human::HumanOptions {
                color,
                width: 100,
                summary: !args.quiet,
            },
        ),
        Format::Json => report::json::render(&reports),
    };
    let mut code = exit_code(&reports, args);
    if print_out(&text) != EXIT_CLEAN {
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

fn exit_code(reports: &[FileReport], args: &LintArgs) -> u8 {
    if args.exit_zero {
        return EXIT_CLEAN;
    }
    let fail_at = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failed = fail_at.is_some_and(|level| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity >= level)
    });
    if failed { EXIT_FINDINGS } else { EXIT_CLEAN }
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

/// Writes to stdout; a closed pipe (`planlint … | head`) is not an error worth a panic.
fn print_out(text: &str) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_CLEAN,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            eprintln!("planlint: error: cannot write the report: {e}");
            EXIT_TROUBLE
        }
    }
}
