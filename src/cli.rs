//! Command-line definitions (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lint::Settings;
use crate::report::{self, Reporter, human::HumanOptions};

#[derive(Parser, Debug)]
#[command(
    name = "planlint",
    version,
    about = "Lint B2B business plans kept as YAML against ten principles of what makes a B2B business work",
    after_help = "Examples:\n  planlint plans/acme.plan.yaml\n  planlint .                      lint every *.plan.yaml below here\n  planlint --format json plan.yaml\n  planlint explain large-customers/acv-floor\n\nWalking a directory lints the *.plan.yaml, *.plan.yml, plan.yaml and plan.yml files whose\ntop level has a `planlint:` key (a line starting with `planlint:`); other files are skipped\nand counted on stderr. A file named on the command line is linted whatever it holds.\nSymbolic links are not followed when walking unless --follow.\n\nExit codes: 0 no finding at the fail level, 1 findings, 2 planlint could not do its job\n(bad usage, an unreadable input or config, no plan found, a report it could not write).\nWhen standard output is closed early (`planlint . | head`), the report stops quietly and\nthe exit code is that of the findings.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub lint: LintArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List every rule: id, principle, default severity, summary
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
        #[command(flatten)]
        source: ConfigArgs,
    },
    /// Test rule packs: `planlint pack test FILE...` runs their rules' examples
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    /// Explain a rule (its id) or a whole principle (its slug)
    Explain {
        /// A rule id such as `large-customers/acv-floor`, or a principle such as `large-customers`
        rule: String,
        /// Show the thresholds of this configuration and preset
        #[command(flatten)]
        source: ConfigArgs,
    },
    /// Write a starter plan that passes every rule; never overwrites
    Init {
        /// Where to write it
        #[arg(default_value = "plan.yaml")]
        file: PathBuf,
        /// Write a plan that passes under this preset (in its currency)
        #[arg(long, value_enum)]
        preset: Option<PresetArg>,
        /// The plan's currency (ISO 4217); by default the preset's
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
    },
    /// Print the JSON Schema (2020-12) of the plan format
    Schema,
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Compare two versions of a plan: key figures, findings new, fixed, unchanged
    Diff(DiffArgs),
    /// Run the language server (LSP over standard input and output) for editors
    Server,
    /// Print the effective configuration (for a plan file, with its overrides applied)
    Config {
        /// A plan file whose [[overrides]] to apply
        file: Option<PathBuf>,
        #[command(flatten)]
        source: ConfigArgs,
    },
}

/// `planlint diff OLD NEW` or `planlint diff --git REV PATH...`.
#[derive(Args, Debug)]
pub struct DiffArgs {
    /// OLD and NEW plan files; with --git, the plan files or directories to compare with
    /// their versions at REV
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Take each old version from this git revision (`git show REV:PATH`); a plan that
    /// does not exist there is all new
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// Write the report to FILE instead of standard output (atomically; `-` is standard
    /// output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Lowest severity of a new finding that makes the exit code 1 [default: error, or
    /// the config's fail-on]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,

    #[command(flatten)]
    pub source: ConfigArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
    Markdown,
    Html,
}

#[derive(Subcommand, Debug)]
pub enum PackCommand {
    /// Run every rule's `examples` (each merged into a plan that passes every built-in
    /// rule): a `fail` example must produce the rule's finding, a `pass` example must not
    Test {
        /// The pack files to test
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        source: ConfigArgs,
    },
}

/// Where the configuration comes from.
#[derive(Args, Debug, Clone, Default)]
pub struct ConfigArgs {
    /// Use this config file instead of discovering planlint.toml
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Use no config file
    #[arg(long)]
    pub isolated: bool,

    /// Threshold preset (overrides the config's)
    #[arg(long, value_enum)]
    pub preset: Option<PresetArg>,

    /// Language of messages and pages (default: the config's `lang`, else the
    /// environment's: LC_ALL, LC_MESSAGES or LANG starting with `zh` is Chinese)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// Load the rules of this rule pack (repeatable), besides the config's `packs`
    #[arg(long = "pack", value_name = "FILE")]
    pub packs: Vec<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English
    En,
    /// 中文
    Zh,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum PresetArg {
    Article,
    UsSaas,
}

#[derive(Args, Debug)]
pub struct LintArgs {
    /// Plan files or directories to lint; `-` reads standard input
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Write the report to FILE instead of standard output (atomically; through a symbolic
    /// link to its target; `-` is standard output). FILE may not be an input, the config
    /// or the baseline
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Lowest severity that makes the exit code 1 [default: error, or the config's fail-on]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,

    /// Exit 1 when there are more than N warnings
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,

    /// Rules to run: ids or principle prefixes such as `large-customers/`
    #[arg(long, value_name = "ID_OR_PREFIX", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Rules to skip: ids or principle prefixes
    #[arg(long, value_name = "ID_OR_PREFIX", value_delimiter = ',')]
    pub ignore: Vec<String>,

    #[command(flatten)]
    pub source: ConfigArgs,

    /// Hide the findings listed in this baseline file
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Write the current findings to this baseline file (only when every input was read);
    /// prints a one-line summary instead of the findings
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Ignore planlint-disable comments (for a central CI policy)
    #[arg(long)]
    pub no_inline_suppressions: bool,

    /// Always exit 0 unless planlint itself failed
    #[arg(long)]
    pub exit_zero: bool,

    /// When to use colours (NO_COLOR is honoured)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only findings and errors, no summary line
    #[arg(short, long)]
    pub quiet: bool,

    /// Lint with N threads, 1 to 256 (a larger N is refused); 0 means the default
    /// [default: the number of cores]
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,

    /// Follow symbolic links when walking directories; a link whose target lies outside
    /// the walked directory is then reported and not read
    #[arg(long)]
    pub follow: bool,

    /// Name for standard input in the output
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,

    /// Apply the safe fixes to the plan files (in place, atomically; standard input's fixed
    /// text goes to standard output), then report what is left
    #[arg(long, conflicts_with_all = ["baseline", "write_baseline"])]
    pub fix: bool,

    /// With --fix or --diff, apply the unsafe fixes too (changes to the business the plan
    /// describes, values shared through YAML anchors)
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff and write nothing; exit 1 when something would
    /// change
    #[arg(long, conflicts_with_all = ["baseline", "write_baseline"])]
    pub diff: bool,
}

/// The most threads `-j` accepts: more would only cost memory and start-up time.
pub const MAX_THREADS: usize = 256;

fn parse_threads(s: &str) -> Result<usize, String> {
    let n: usize = s.parse().map_err(|_| {
        format!(
            "`{}` is not a number of threads",
            crate::text::escape_line(s)
        )
    })?;
    if n > MAX_THREADS {
        return Err(format!(
            "{n} threads is more than the maximum of {MAX_THREADS}; pass -j {MAX_THREADS} or fewer"
        ));
    }
    Ok(n)
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    Gitlab,
    Markdown,
    /// One self-contained HTML page with charts, for review boards
    Html,
}

impl Format {
    /// The reporter that writes this format (`human` with these options; the HTML report
    /// draws the thresholds of `settings`): the one place a format is tied to its
    /// reporter.
    pub fn reporter(self, human: HumanOptions, settings: &Settings) -> Box<dyn Reporter> {
        match self {
            Format::Human => Box::new(report::Human(human)),
            Format::Json => Box::new(report::Json),
            Format::Sarif => Box::new(report::Sarif),
            Format::Github => Box::new(report::Github),
            Format::Junit => Box::new(report::Junit),
            Format::Gitlab => Box::new(report::Gitlab),
            Format::Markdown => Box::new(report::Markdown),
            Format::Html => Box::new(report::Html {
                settings: settings.clone(),
            }),
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour what goes to `stream`: `auto` colours a terminal unless
    /// `NO_COLOR` is set (and not empty).
    pub fn colors(self, stream: impl std::io::IsTerminal) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && stream.is_terminal()
            }
        }
    }
}

/// The command line in `lang`: clap's own (English, from the doc comments above) or,
/// in Chinese, every about, help line, heading and the usage line from
/// `locales/zh/help.ftl`. clap's error messages stay English: clap has no way to word
/// them otherwise.
pub fn command(lang: crate::i18n::Lang) -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    match lang {
        crate::i18n::Lang::En => cmd,
        crate::i18n::Lang::Zh => {
            cmd = localize(cmd, "planlint", lang);
            // Built, so that clap's `help` subcommand exists to be worded too.
            cmd.build();
            cmd.mut_subcommand("help", |s| {
                s.about(crate::i18n::text_in(lang, "help-subcommand-help").unwrap_or_default())
            })
        }
    }
}

/// The message id of a help text: `help-planlint-about`, `help-explain-rule`, …
fn help_id(command: &str, item: &str) -> String {
    format!("help-{command}-{}", item.replace('_', "-"))
}

/// Every help text clap shows, by message id, in English: what `locales/en/help.ftl`
/// holds (a test keeps the two equal).
pub fn help_texts() -> Vec<(String, String)> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    collect_help(&Cli::command(), "planlint", &mut out);
    out
}

fn collect_help(cmd: &clap::Command, name: &str, out: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        out.push((help_id(name, "about"), about.to_string()));
    }
    if let Some(after) = cmd.get_after_help() {
        out.push((help_id(name, "after"), after.to_string()));
    }
    for arg in cmd.get_arguments() {
        if let Some(help) = arg.get_help() {
            out.push((help_id(name, arg.get_id().as_str()), help.to_string()));
        }
    }
    for sub in cmd.get_subcommands() {
        collect_help(sub, sub.get_name(), out);
    }
}

/// `cmd` with its texts in `lang`; a text with no message keeps clap's.
fn localize(cmd: clap::Command, name: &str, lang: crate::i18n::Lang) -> clap::Command {
    let say = |id: String| crate::i18n::text_in(lang, &id);
    let mut cmd = cmd
        .help_template(say("help-template".into()).unwrap_or_default())
        .subcommand_help_heading(say("help-heading-commands".into()).unwrap_or_default())
        // clap's own `-h`/`--help` (and `-V`/`--version`) exist only once the command
        // is built; these are the same flags, worded.
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(say("help-flag-help".into()).unwrap_or_default())
                .help_heading(say("help-heading-options".into()).unwrap_or_default())
                .display_order(usize::MAX - 1),
        );
    if name == "planlint" {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(say("help-flag-version".into()).unwrap_or_default())
                .help_heading(say("help-heading-options".into()).unwrap_or_default())
                .display_order(usize::MAX),
        );
    }
    if let Some(about) = say(help_id(name, "about")) {
        cmd = cmd.about(about);
    }
    if let Some(after) = say(help_id(name, "after")) {
        cmd = cmd.after_help(after);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let help = say(help_id(name, &id));
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, help, lang));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|s| s != "help")
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| localize(s, &sub, lang));
    }
    cmd
}

/// One argument in `lang`: its help (`help`, else clap's), its heading, and its default
/// and possible values said in the help, since clap writes those in English.
fn localize_arg(a: clap::Arg, help: Option<String>, lang: crate::i18n::Lang) -> clap::Arg {
    let say = |id: &str| crate::i18n::text_in(lang, id).unwrap_or_default();
    let heading = if a.is_positional() {
        "help-heading-arguments"
    } else {
        "help-heading-options"
    };
    let a = a.help_heading(say(heading));
    // clap writes `[default: …]` and `[possible values: …]` in English: hide
    // them and say them in the help text instead.
    let mut text = help.or_else(|| a.get_help().map(|h| h.to_string()));
    let takes_values =
        a.get_num_args().is_some_and(|n| n.takes_values()) || a.get_action().takes_values();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let values: Vec<String> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect()
    };
    if let Some(t) = text.as_mut().filter(|_| takes_values) {
        if !defaults.is_empty() {
            let line = crate::i18n::Message::new("help-default")
                .text("value", defaults.join(", "))
                .render(lang);
            t.push_str(&format!("\n{line}"));
        }
        if !values.is_empty() {
            let line = crate::i18n::Message::new("help-possible-values")
                .text("values", values.join(", "))
                .render(lang);
            t.push_str(&format!("\n{line}"));
        }
    }
    let a = if takes_values {
        a.hide_default_value(true).hide_possible_values(true)
    } else {
        a
    };
    match text {
        Some(h) => a.help(h),
        None => a,
    }
}

/// Texts of clap's own, for the Chinese help: its template (the usage line), the
/// headings and the `--help`/`--version` lines. `locales/en/help.ftl` carries clap's
/// English for them so that both languages hold the same messages.
const CLAP_TEXTS: &[(&str, &str)] = &[
    (
        "help-template",
        "{before-help}{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}",
    ),
    ("help-heading-arguments", "Arguments"),
    ("help-heading-options", "Options"),
    ("help-heading-commands", "Commands"),
    ("help-flag-help", "Print help"),
    ("help-flag-version", "Print version"),
    (
        "help-subcommand-help",
        "Print this message or the help of the given subcommand(s)",
    ),
];

/// clap's words that take arguments, as Fluent patterns.
const CLAP_PATTERNS: &[(&str, &str)] = &[
    ("help-default", "[default: { $value }]"),
    ("help-possible-values", "[possible values: { $values }]"),
];

/// `locales/en/help.ftl` as it must read: every help text clap shows, then clap's own.
pub fn english_help_file() -> String {
    let mut out = String::from(
        "# Generated from the clap definitions in src/cli.rs (the English source) by\n\
         # `PLANLINT_WRITE_HELP=1 cargo test --lib cli`; a test fails when it drifts.\n\
         # locales/zh/help.ftl holds the Chinese.\n\n",
    );
    let texts = help_texts();
    let own = CLAP_TEXTS
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()));
    for (id, text) in texts.into_iter().chain(own) {
        out.push_str(&fluent_entry(&id, &text));
    }
    for (id, pattern) in CLAP_PATTERNS {
        out.push_str(&format!("{id} = {pattern}\n"));
    }
    out
}

/// `id = text` in Fluent syntax: braces as string literals, several lines indented.
fn fluent_entry(id: &str, text: &str) -> String {
    let escaped = text
        .replace('{', "\u{1}")
        .replace('}', "{\"}\"}")
        .replace('\u{1}', "{\"{\"}");
    if !escaped.contains('\n') {
        return format!("{id} = {escaped}\n");
    }
    let mut out = format!("{id} =\n");
    for line in escaped.lines() {
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        out.push_str("    ");
        // `[`, `*` and `.` open a variant or an attribute at the start of a line.
        match line.chars().next() {
            Some(c @ ('[' | '*' | '.')) => {
                out.push_str(&format!("{{\"{c}\"}}"));
                out.push_str(&line[1..]);
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_help_file_is_clap_s_text() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/help.ftl");
        let want = english_help_file();
        if std::env::var_os("PLANLINT_WRITE_HELP").is_some() {
            std::fs::write(path, &want).expect("locales/en/help.ftl is writable");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            have, want,
            "locales/en/help.ftl differs from the clap definitions: run PLANLINT_WRITE_HELP=1 cargo test --lib cli"
        );
    }

    #[test]
    fn every_english_help_text_renders_back_from_its_message() {
        for (id, text) in help_texts()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain(CLAP_TEXTS.iter().copied())
        {
            assert_eq!(
                crate::i18n::text_in(crate::i18n::Lang::En, id).as_deref(),
                Some(text),
                "{id}"
            );
        }
    }

    #[test]
    fn every_help_text_has_a_chinese_one() {
        let zh = command(crate::i18n::Lang::Zh);
        let _ = zh.clone().render_long_help();
        for (id, _) in help_texts()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain(CLAP_TEXTS.iter().copied())
        {
            let text = crate::i18n::text_in(crate::i18n::Lang::Zh, id);
            assert!(
                text.as_deref().is_some_and(|t| t
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    || id == "help-template"),
                "{id}: {text:?}"
            );
        }
        for (id, _) in CLAP_PATTERNS {
            assert!(crate::i18n::has_message(crate::i18n::Lang::Zh, id), "{id}");
        }
    }
}
