//! Command-line definitions (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Print the effective configuration (for a plan file, with its overrides applied)
    Config {
        /// A plan file whose [[overrides]] to apply
        file: Option<PathBuf>,
        #[command(flatten)]
        source: ConfigArgs,
    },
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
}

impl Format {
    /// The reporter that writes this format (`human` with these options): the one place
    /// a format is tied to its reporter.
    pub fn reporter(self, human: HumanOptions) -> Box<dyn Reporter> {
        match self {
            Format::Human => Box::new(report::Human(human)),
            Format::Json => Box::new(report::Json),
            Format::Sarif => Box::new(report::Sarif),
            Format::Github => Box::new(report::Github),
            Format::Junit => Box::new(report::Junit),
            Format::Gitlab => Box::new(report::Gitlab),
            Format::Markdown => Box::new(report::Markdown),
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
