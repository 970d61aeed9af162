//! `planlint diff`: two versions of a plan compared, for reviews and pull requests.
//!
//! Both versions are linted with the same settings; their findings are matched by the
//! fingerprints the GitLab and SARIF reports carry ([`report::fingerprints`]: file,
//! rule, YAML path and occurrence, no line), computed for both versions under the new
//! version's name. A finding that only moved lines is unchanged; one only in the old
//! version is fixed; one only in the new version is new. The key figures
//! ([`Figures`]) are compared old → new.
//!
//! `--git REV PATH…` takes each old version from git (`git cat-file blob`, the object
//! `git show REV:PATH` shows), run with an argument list, never a shell; each path must
//! lie inside the repository, and a plan that does not exist at REV is all new. The
//! exit code is 1 only when a new finding is at or above the fail level.

pub mod render;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cli::{DiffArgs, DiffFormat};
use crate::config::Config;
use crate::engine::{self, FileReport};
use crate::figures::Figures;
use crate::i18n::{Lang, Message};
use crate::input::{self, Input};
use crate::lint::Settings;
use crate::lint::Severity;
use crate::report::{self, ci_path};
use crate::run::{self, Exit, Problem, RunError};

/// One plan's two versions compared.
pub struct PlanDiff {
    /// The old version's report (its findings, its text), named as the new version is;
    /// `None` when the plan did not exist at the revision.
    pub old: Option<FileReport>,
    pub new: FileReport,
    /// What the old version was: a file name, or `REV:PATH`.
    pub old_name: String,
    pub old_figures: Option<Figures>,
    pub new_figures: Option<Figures>,
    /// Indices into `new.findings` of the findings the old version did not have.
    pub added: Vec<usize>,
    /// Indices into `old.findings` of the findings the new version no longer has.
    pub fixed: Vec<usize>,
    /// `(old index, new index)` of the findings both versions have.
    pub unchanged: Vec<(usize, usize)>,
    /// The fingerprint of each new finding, in `new.findings` order.
    pub new_prints: Vec<String>,
    /// The fingerprint of each old finding, in `old.findings` order.
    pub old_prints: Vec<String>,
}

impl PlanDiff {
    /// Lints both versions with `settings` and matches their findings. `old` is the old
    /// version's text, when it exists; the old report is renamed after the new file so
    /// that the fingerprints of the same finding agree.
    pub fn new(
        old: Option<input::ReadInput>,
        new: input::ReadInput,
        old_name: String,
        settings: &Settings,
    ) -> PlanDiff {
        let new = engine::lint_read(new, settings);
        let old = old.map(|mut read| {
            read.file = crate::source::SourceFile::new(new.file.name.clone(), read.file.text);
            engine::lint_read(read, settings)
        });
        let new_prints = report::fingerprints(&new);
        let old_prints = old.as_ref().map(report::fingerprints).unwrap_or_default();
        let old_index: std::collections::HashMap<&str, usize> = old_prints
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), i))
            .collect();
        let mut added = Vec::new();
        let mut unchanged = Vec::new();
        let mut matched = vec![false; old_prints.len()];
        for (i, p) in new_prints.iter().enumerate() {
            match old_index.get(p.as_str()) {
                Some(&o) => {
                    matched[o] = true;
                    unchanged.push((o, i));
                }
                None => added.push(i),
            }
        }
        let fixed = (0..old_prints.len()).filter(|o| !matched[*o]).collect();
        let new_figures = Figures::of(&new.file, settings);
        let old_figures = old.as_ref().and_then(|o| Figures::of(&o.file, settings));
        PlanDiff {
            old,
            new,
            old_name,
            old_figures,
            new_figures,
            added,
            fixed,
            unchanged,
            new_prints,
            old_prints,
        }
    }

    /// The new findings at or above `level`.
    pub fn added_at(&self, level: Option<Severity>) -> usize {
        let Some(level) = level else { return 0 };
        self.added
            .iter()
            .filter(|i| self.new.findings[**i].severity >= level)
            .count()
    }
}

/// What a whole diff run compared.
pub struct Diff {
    pub plans: Vec<PlanDiff>,
    /// The revision of `--git`.
    pub rev: Option<String>,
    /// The fail level: new findings at or above it fail the gate.
    pub fail_at: Option<Severity>,
    pub lang: Lang,
    pub version: &'static str,
}

impl Diff {
    pub fn counts(&self) -> (usize, usize, usize) {
        self.plans.iter().fold((0, 0, 0), |(a, f, u), p| {
            (a + p.added.len(), f + p.fixed.len(), u + p.unchanged.len())
        })
    }

    pub fn added_at_fail_level(&self) -> usize {
        self.plans.iter().map(|p| p.added_at(self.fail_at)).sum()
    }

    /// `2 new findings, 1 fixed, 3 unchanged in 1 plan`.
    pub fn summary_line(&self) -> String {
        let (added, fixed, unchanged) = self.counts();
        Message::new("diff-summary")
            .count("new", added)
            .count("fixed", fixed)
            .count("unchanged", unchanged)
            .count("plans", self.plans.len())
            .render(self.lang)
    }

    /// `1 new finding at the fail level (error)`.
    pub fn gate_line(&self) -> String {
        Message::new("diff-gate")
            .count("n", self.added_at_fail_level())
            .text("level", self.fail_at.map_or("never", |s| s.as_str()))
            .render(self.lang)
    }
}

/// `planlint diff`: compares, writes the report, returns how the run ends.
pub fn run(args: &DiffArgs) -> Exit {
    let color = crate::cli::ColorChoice::Auto;
    let (config, lang) = match run::config_and_lang(&args.source, color) {
        Ok(found) => found,
        Err(exit) => return exit,
    };
    match compare(args, &config, lang) {
        Ok(exit) => exit,
        Err(e) => run::fail(e, lang, color),
    }
}

fn compare(args: &DiffArgs, config: &Config, lang: Lang) -> Result<Exit, RunError> {
    let plans = match &args.git {
        Some(rev) => from_git(rev, &args.paths, config, args, lang),
        None => from_files(&args.paths, config, args, lang),
    }?;
    let diff = Diff {
        plans,
        rev: args.git.clone(),
        fail_at: run::fail_level(args.fail_on, config),
        lang,
        version: env!("CARGO_PKG_VERSION"),
    };
    let text = match args.format {
        DiffFormat::Human => render::human(&diff),
        DiffFormat::Json => render::json(&diff),
        DiffFormat::Markdown => render::markdown(&diff),
        DiffFormat::Html => render::html(&diff),
    };
    match args.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => run::write_output(path, &text, run::Output::Report)?,
        None => run::print_out(&text)?,
    }
    Ok(if diff.added_at_fail_level() > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

/// The settings a plan is linted with: the config's (its `[[overrides]]` for `path`
/// applied), the preset and language of the command line.
fn settings_for(
    config: &Config,
    path: &Path,
    args: &DiffArgs,
    lang: Lang,
) -> Result<Settings, Problem> {
    let mut s = config
        .settings_for(Some(path), run::preset_of(&args.source))
        .map_err(|e| {
            let d = e.diagnostic(lang);
            (Message::from(d.message), d.help.map(Message::from))
        })?;
    s.lang = lang;
    Ok(s)
}

/// Reads a file named on the command line.
fn read_file(path: &Path, settings: &Settings, lang: Lang) -> Result<input::ReadInput, Problem> {
    let inp = Input::File {
        path: path.to_path_buf(),
        walked: false,
    };
    input::read(&inp, "-", settings.limits.max_file_size)
        .map_err(|e| (Message::from(e.message_in(lang)), Some(e.help)))
}

/// `planlint diff OLD NEW`.
fn from_files(
    paths: &[PathBuf],
    config: &Config,
    args: &DiffArgs,
    _lang: Lang,
) -> Result<Vec<PlanDiff>, Problem> {
    let lang = _lang;
    let [old, new] = paths else {
        return Err((
            Message::new("diff-usage").count("n", paths.len()),
            Some(Message::new("diff-usage.help")),
        ));
    };
    for p in [old, new] {
        if p.is_dir() {
            return Err((
                Message::new("diff-not-a-file").text("path", input::shown(p)),
                Some(Message::new("diff-not-a-file.help").text("path", input::shown(p))),
            ));
        }
    }
    let settings = settings_for(config, new, args, lang)?;
    let old_read = read_file(old, &settings, lang)?;
    let new_read = read_file(new, &settings, lang)?;
    Ok(vec![PlanDiff::new(
        Some(old_read),
        new_read,
        ci_path(&input::display_path(old)),
        &settings,
    )])
}

/// Runs git with `args` in `dir`: its standard output, or its standard error as text.
fn git(dir: &Path, args: &[&std::ffi::OsStr]) -> Result<Result<Vec<u8>, String>, std::io::Error> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()?;
    if out.status.success() {
        Ok(Ok(out.stdout))
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Ok(Err(crate::text::escape_line(err.trim()).into_owned()))
    }
}

fn no_git(e: &std::io::Error) -> Problem {
    (
        Message::new("diff-no-git").text("error", input::io_reason(e)),
        Some(Message::new("diff-no-git.help")),
    )
}

/// `planlint diff --git REV PATH…`: the plans under the paths, each against its version
/// at REV.
fn from_git(
    rev: &str,
    paths: &[PathBuf],
    config: &Config,
    args: &DiffArgs,
    lang: Lang,
) -> Result<Vec<PlanDiff>, Problem> {
    use std::ffi::OsStr;
    let cwd = std::env::current_dir().map_err(|e| no_git(&e))?;
    let root = match git(
        &cwd,
        &[OsStr::new("rev-parse"), OsStr::new("--show-toplevel")],
    )
    .map_err(|e| no_git(&e))?
    {
        Ok(out) => PathBuf::from(String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r'])),
        Err(error) => {
            return Err((
                Message::new("diff-not-a-repo")
                    .text("path", input::shown(&cwd))
                    .text("error", error),
                Some(Message::new("diff-not-a-repo.help")),
            ));
        }
    };
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    // The revision, resolved once to a commit id; `--end-of-options` keeps a revision
    // that starts with `-` from being read as an option.
    let spec = format!("{rev}^{{commit}}");
    let commit = match git(
        &root,
        &[
            OsStr::new("rev-parse"),
            OsStr::new("--verify"),
            OsStr::new("--quiet"),
            OsStr::new("--end-of-options"),
            OsStr::new(&spec),
        ],
    )
    .map_err(|e| no_git(&e))?
    {
        Ok(out) => String::from_utf8_lossy(&out).trim().to_string(),
        Err(_) => String::new(),
    };
    if commit.is_empty() || !commit.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err((
            Message::new("diff-bad-rev").text("rev", crate::text::escape_line(rev).into_owned()),
            Some(Message::new("diff-bad-rev.help")),
        ));
    }
    let found = input::discover(paths, false, &|p| config.is_excluded(p));
    if let Some(e) = found.errors.first() {
        return Err((Message::from(e.message_in(lang)), Some(e.help.clone())));
    }
    let mut plans = Vec::new();
    let mut inputs = found.inputs;
    inputs.sort_by_cached_key(|i| i.name("-"));
    for inp in &inputs {
        let Input::File { path, walked } = inp else {
            continue;
        };
        let settings = settings_for(config, path, args, lang)?;
        let new_read = read_file(path, &settings, lang)?;
        if *walked && !new_read.has_plan_key {
            continue;
        }
        let rel = repo_relative(path, &root)?;
        let rel_text = rel.to_string_lossy().replace('\\', "/");
        let object = format!("{commit}:{rel_text}");
        let shown_old = format!("{rev}:{rel_text}");
        let exists = git(
            &root,
            &[
                OsStr::new("cat-file"),
                OsStr::new("-e"),
                OsStr::new(&object),
            ],
        )
        .map_err(|e| no_git(&e))?
        .is_ok();
        let old_read = if exists {
            match git(
                &root,
                &[
                    OsStr::new("cat-file"),
                    OsStr::new("blob"),
                    OsStr::new(&object),
                ],
            )
            .map_err(|e| no_git(&e))?
            {
                Ok(bytes) => Some(decode_capped(
                    new_read.file.name.clone(),
                    bytes,
                    settings.limits.max_file_size,
                )),
                Err(error) => {
                    return Err((
                        Message::new("diff-git-failed")
                            .text("rev", crate::text::escape_line(rev).into_owned())
                            .text("path", crate::text::escape_line(&rel_text).into_owned())
                            .text("error", error),
                        Some(Message::new("diff-git-failed.help")),
                    ));
                }
            }
        } else {
            None
        };
        plans.push(PlanDiff::new(
            old_read,
            new_read,
            ci_path(&shown_old),
            &settings,
        ));
    }
    Ok(plans)
}

/// `path` relative to the repository `root`, which it must lie inside (after resolving
/// links and `..`).
fn repo_relative(path: &Path, root: &Path) -> Result<PathBuf, Problem> {
    let outside = || {
        (
            Message::new("diff-outside-repo")
                .text("path", input::shown(path))
                .text("root", input::shown(root)),
            Some(Message::new("diff-outside-repo.help")),
        )
    };
    let abs = std::fs::canonicalize(path).map_err(|_| outside())?;
    abs.strip_prefix(root)
        .map(Path::to_path_buf)
        .map_err(|_| outside())
}

/// An old version read from git, as `input::read` reads a file: past `max_size` bytes,
/// not read on but reported as `plan/limit`.
fn decode_capped(name: String, bytes: Vec<u8>, max_size: u64) -> input::ReadInput {
    if bytes.len() as u64 > max_size {
        return input::ReadInput {
            file: crate::source::SourceFile::new(name, String::new()),
            encoding_finding: Some(crate::rules::plan::limit_finding(
                crate::source::Span::new(0, 0),
                "max_file_size",
                max_size,
                "file-size",
                crate::i18n::Arg::Text(max_size.to_string()),
            )),
            has_plan_key: input::has_plan_key(&bytes),
        };
    }
    input::decode(name, bytes)
}
