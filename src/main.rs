//! `planlint`: arguments → run → exit code.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use planlint::cli::{Cli, Command, ListFormat};
use planlint::docs;
use planlint::run::{self, EXIT_CLEAN, EXIT_TROUBLE};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print to stdout and succeed; usage errors are exit 2.
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
        Some(Command::Rules { format }) => emit(Ok(match format {
            ListFormat::Human => docs::rules_table(),
            ListFormat::Json => docs::rules_json(),
        })),
        Some(Command::Explain { rule, source }) => run::explain(rule, source),
        Some(Command::Init {
            file,
            preset,
            currency,
        }) => run::init(file, *preset, currency.as_deref()),
        Some(Command::Schema) => emit(Ok(planlint::schema::json_schema())),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "planlint", &mut out);
            emit(Ok(String::from_utf8_lossy(&out).into_owned()))
        }
        Some(Command::Config { file, source }) => run::show_config(file.as_deref(), source),
        None => run::lint(&cli.lint),
    };
    ExitCode::from(code)
}

fn emit(text: Result<String, String>) -> u8 {
    match text.and_then(|t| run::print_out(&t)) {
        Ok(()) => EXIT_CLEAN,
        Err(message) => {
            eprintln!("planlint: error: {message}");
            EXIT_TROUBLE
        }
    }
}
