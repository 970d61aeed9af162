//! `planlint`: arguments → run → exit code.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser};

use planlint::cli::{Cli, Command, ConfigArgs, ListFormat, PackCommand};
use planlint::docs;
use planlint::run::{self, Exit, LINT_STACK_BYTES};

/// mimalloc instead of glibc's malloc: a lint allocates a string per YAML key and value,
/// and glibc's malloc and free were 16% of the instructions of a 1,000-plan run
/// (BENCHMARKS.md, issue 15).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_arena_eager_commit` of mimalloc v3's `mimalloc.h` (the bindings name only
/// the options both versions share).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

fn main() -> ExitCode {
    // One plan in a pre-commit hook should not pay for committing whole arenas up front
    // (about 1.5 ms of system time at start-up); memory is committed as it is used.
    // SAFETY: sets an option of the allocator, before any thread is started.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
    }
    // Parsing and linting recurse as deep as the nesting a config allows: run them on a
    // thread whose stack is known to be enough (the main thread's depends on `ulimit -s`).
    let worker = std::thread::Builder::new()
        .name("planlint".to_string())
        .stack_size(LINT_STACK_BYTES)
        .spawn(real_main);
    let code = match worker {
        Ok(handle) => handle.join().map_or(101, Exit::code),
        // No thread to be had: run here, with the stack there is.
        Err(_) => real_main().code(),
    };
    ExitCode::from(code)
}

fn real_main() -> Exit {
    // Parsed with clap's English words first: a run that parses needs no words, and
    // finding their language means reading the config, which the run does anyway.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help, the version and usage errors: the same parse, worded in the language
            // of `--lang`, the config or the environment.
            let e = match planlint::cli::command(help_lang())
                .try_get_matches()
                .and_then(|m| Cli::from_arg_matches(&m))
            {
                Err(worded) => worded,
                Ok(_) => e,
            };
            // --help and --version print to stdout and succeed; usage errors are exit 2.
            let exit = if e.use_stderr() {
                Exit::Trouble
            } else {
                Exit::Clean
            };
            // A closed or full stream is not worth a panic.
            let _ = e.print();
            return exit;
        }
    };
    match &cli.command {
        Some(Command::Rules { format, source }) => {
            let lang = run::lang_before_config(source);
            let config = match run::load_config(source) {
                Ok(c) => c,
                Err(e) => return run::fail(e.into(), lang, planlint::cli::ColorChoice::Auto),
            };
            let lang = run::lang_with(source, &config);
            let registry = config.registry();
            emit(
                match format {
                    ListFormat::Human => docs::rules_table(&registry, lang),
                    ListFormat::Json => docs::rules_json(&registry, lang),
                },
                lang,
            )
        }
        Some(Command::Pack {
            command: PackCommand::Test { files, source },
        }) => run::pack_test(files, source, planlint::cli::ColorChoice::Auto),
        Some(Command::Explain { rule, source }) => run::explain(rule, source),
        Some(Command::Init {
            file,
            preset,
            currency,
        }) => run::init(file, *preset, currency.as_deref()),
        Some(Command::Schema) => emit(
            planlint::schema::json_schema(),
            run::lang_of(&ConfigArgs::default()),
        ),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "planlint", &mut out);
            emit(
                String::from_utf8_lossy(&out).into_owned(),
                run::lang_of(&ConfigArgs::default()),
            )
        }
        Some(Command::Config { file, source }) => run::show_config(file.as_deref(), source),
        Some(Command::Diff(args)) => planlint::diff::run(args),
        Some(Command::Server) => planlint::server::run(),
        None => run::lint(&cli.lint),
    }
}

/// Prints a command's output; a failed write is said in `lang`.
fn emit(text: String, lang: planlint::i18n::Lang) -> Exit {
    match run::print_out(&text) {
        Ok(()) => Exit::Clean,
        Err(problem) => run::fail(problem.into(), lang, planlint::cli::ColorChoice::Auto),
    }
}

/// The language of `--help`, known before the arguments are parsed: `--lang` if given,
/// else the discovered config's `lang`, else the environment's.
fn help_lang() -> planlint::i18n::Lang {
    let mut args = std::env::args_os().skip(1);
    let mut flag = None;
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--lang") => args.next(),
            Some(a) if a.starts_with("--lang=") => Some(a["--lang=".len()..].into()),
            Some("--") => break,
            _ => continue,
        };
        flag = match value.as_ref().and_then(|v| v.to_str()) {
            Some("zh") => Some(planlint::cli::LangArg::Zh),
            Some("en") => Some(planlint::cli::LangArg::En),
            _ => flag,
        };
    }
    run::lang_of(&ConfigArgs {
        lang: flag,
        ..ConfigArgs::default()
    })
}
