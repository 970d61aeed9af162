//! How a run ends: the typed errors that stop it or spoil it, how they are told on
//! stderr in the run's language, and the one place exit codes become numbers.

use std::io::Write;

use crate::cli::ColorChoice;
use crate::config::ConfigError;
use crate::i18n::{Lang, Message};
use crate::input::InputError;

/// How a run ends (docs/interface.md, "Exit codes").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Nothing at or above the fail level.
    Clean,
    /// Findings at or above the fail level, or more warnings than `--max-warnings`.
    Findings,
    /// planlint could not do what it was asked (a [`RunError`]).
    Trouble,
}

impl Exit {
    /// The process exit code: the only place these numbers are written.
    pub const fn code(self) -> u8 {
        match self {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Trouble => 2,
        }
    }
}

pub const EXIT_CLEAN: u8 = Exit::Clean.code();
pub const EXIT_FINDINGS: u8 = Exit::Findings.code();
pub const EXIT_TROUBLE: u8 = Exit::Trouble.code();

/// An error worded late, in the run's language: the message and its help line.
pub type Problem = (Message, Option<Message>);

/// Why planlint could not do what it was asked. Every one ends the run with
/// [`Exit::Trouble`]; one bad file does not stop the others from being linted.
#[derive(Debug)]
pub enum RunError {
    /// `planlint.toml` (or `--config`) cannot be read or says something impossible.
    Config(ConfigError),
    /// A plan named or found cannot be read.
    Input(InputError),
    /// A flag that cannot work, a baseline that cannot be read, an output that cannot be
    /// written, paths that hold no plan.
    Usage(Problem),
    /// Already worded (`planlint explain` found nothing by that name).
    Worded { message: String, help: String },
}

impl RunError {
    /// A message and its `.help` attribute.
    pub fn usage(id: &'static str, help: &'static str) -> Self {
        RunError::Usage((Message::new(id), Some(Message::new(help))))
    }

    /// How a run with this error ends.
    pub fn exit(&self) -> Exit {
        Exit::Trouble
    }

    /// Tells the error on stderr in `lang`: a config problem as a diagnostic into the
    /// TOML file, the others as `planlint: error: …` and `  help: …`.
    pub fn print(&self, lang: Lang, color: ColorChoice) {
        match self {
            RunError::Config(e) => {
                let finding = e.diagnostic(lang);
                match &e.file {
                    Some(file) => say_raw(&crate::report::human::render_one(
                        file,
                        &finding,
                        color.colors(std::io::stderr()),
                        lang,
                    )),
                    None => say_error_text(
                        lang,
                        &finding.message,
                        finding.help.as_deref().unwrap_or(""),
                    ),
                }
            }
            RunError::Input(e) => say_error_text(lang, &e.message_in(lang), &e.help.render(lang)),
            RunError::Usage((message, help)) => {
                let help = help.as_ref().map(|h| h.render(lang)).unwrap_or_default();
                say_error_text(lang, &message.render(lang), &help);
            }
            RunError::Worded { message, help } => say_error_text(lang, message, help),
        }
    }
}

/// Prints `error` in `lang` and gives the exit it ends the run with.
pub fn fail(error: RunError, lang: Lang, color: ColorChoice) -> Exit {
    error.print(lang, color);
    error.exit()
}

/// The error in English, on one line per part.
impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Config(e) => e.fmt(f),
            RunError::Input(e) => e.fmt(f),
            RunError::Usage((message, help)) => {
                f.write_str(&message.render(Lang::En))?;
                match help {
                    Some(h) => write!(f, "\n  help: {}", h.render(Lang::En)),
                    None => Ok(()),
                }
            }
            RunError::Worded { message, help } => write!(f, "{message}\n  help: {help}"),
        }
    }
}

impl std::error::Error for RunError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RunError::Config(e) => Some(e),
            RunError::Input(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ConfigError> for RunError {
    fn from(e: ConfigError) -> Self {
        RunError::Config(e)
    }
}

impl From<InputError> for RunError {
    fn from(e: InputError) -> Self {
        RunError::Input(e)
    }
}

impl From<Problem> for RunError {
    fn from(p: Problem) -> Self {
        RunError::Usage(p)
    }
}

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
pub fn say_help_text(lang: Lang, help: &str) {
    say(format_args!(
        "  {}",
        Message::new("cli-help").text("help", help).render(lang)
    ));
}

/// An error and its help line on stderr, worded in `lang`.
pub fn say_error(lang: Lang, problem: &Problem) {
    RunError::Usage(problem.clone()).print(lang, ColorChoice::Never);
}
