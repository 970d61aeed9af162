//! `--fix`, `--unsafe-fixes` and `--diff`: each plan's fixes applied (in rounds, see
//! [`crate::fix::fix_text`]) and written back atomically, or shown as a unified diff;
//! then the report of what is left.

use std::path::Path;

use super::output::{Output, output_error, write_output};
use super::{Exit, Run, RunError, Tally, fail, print_out, render, report_file, say, verdict};
use crate::engine::{self, FileReport};
use crate::fix::{self, Which};
use crate::i18n::Message;
use crate::input::{self, Input};
use crate::report::Summary;

/// What fixing the inputs gave.
#[derive(Default)]
struct Fixing {
    reports: Vec<FileReport>,
    diffs: String,
    /// Fixes applied (or, with `--diff`, that would be).
    fixed: usize,
    /// Files changed (or that would be).
    files: usize,
    /// Fixes left that only `--unsafe-fixes` applies.
    unsafe_left: usize,
    /// Fixed text of standard input, for standard output.
    stdin_text: Option<String>,
}

/// Runs `--fix` or `--diff` over `inputs`; returns how the run ends.
pub(super) fn run(run: &Run, inputs: &[Input], mut tally: Tally) -> Exit {
    let args = run.args;
    let lang = run.base.lang;
    let which = if args.unsafe_fixes {
        Which::All
    } else {
        Which::Safe
    };
    let tree = std::env::current_dir().and_then(std::fs::canonicalize).ok();
    let mut done = Fixing::default();
    let mut problems: Vec<RunError> = tally.errors.drain(..).map(RunError::Input).collect();
    for inp in inputs {
        let settings = run.settings_for(inp);
        let read = match input::read(inp, &args.stdin_filename, settings.limits.max_file_size) {
            Ok(r) => r,
            Err(e) => {
                problems.push(RunError::Input(e));
                continue;
            }
        };
        if matches!(inp, Input::File { walked: true, .. }) && !read.has_plan_key {
            tally.skipped += 1;
            continue;
        }
        if read.encoding_finding.is_some() {
            // Not UTF-8 (or too large): what a fix would write is not the file's text.
            done.reports.push(engine::lint_read(read, &settings));
            continue;
        }
        let name = read.file.name.clone();
        let original = read.file.text;
        let fixed = fix::fix_text(&name, original.clone(), &settings, which);
        done.unsafe_left += fixed
            .report
            .findings
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| !Which::Safe.admits(f)))
            .count();
        let changed = fixed.text != original;
        if changed {
            done.files += 1;
            done.fixed += fixed.applied.len();
        }
        if args.diff {
            done.diffs
                .push_str(&fix::unified_diff(&name, &original, &fixed.text));
            done.reports.push(fixed.report);
            continue;
        }
        match inp {
            Input::Stdin => {
                done.stdin_text = Some(fixed.text);
                done.reports.push(fixed.report);
            }
            Input::File { path, .. } if changed => {
                match write_fixed(path, &original, &fixed.text, tree.as_deref()) {
                    Ok(()) => {
                        if !args.quiet {
                            say(Message::new("cli-fixed")
                                .count("n", fixed.applied.len())
                                .text("path", input::shown(path))
                                .render(lang));
                        }
                        done.reports.push(fixed.report);
                    }
                    Err(p) => {
                        problems.push(RunError::Usage(p));
                        // Not written: what is left is what the file still says.
                        done.reports.push(engine::lint(
                            crate::source::SourceFile::new(name, original),
                            &settings,
                        ));
                    }
                }
            }
            Input::File { .. } => done.reports.push(fixed.report),
        }
    }
    done.reports.sort_by(|a, b| a.file.name.cmp(&b.file.name));
    let summary = Summary::of(&done.reports);
    let mut exit = if args.diff {
        if done.files > 0 {
            Exit::Findings
        } else {
            Exit::Clean
        }
    } else {
        verdict(&summary, run.fail_at(), args.max_warnings, args.exit_zero)
    };
    let written = if args.diff {
        print_out(&done.diffs)
    } else if let Some(text) = &done.stdin_text {
        // Standard output carries the fixed plan; the report of what is left goes to
        // stderr (or -o).
        let report = render(&done.reports, args, &run.base);
        match report_file(args) {
            Some(path) => write_output(path, &report, Output::Report),
            None => {
                super::say_raw_report(&report);
                Ok(())
            }
        }
        .and_then(|()| print_out(text))
    } else {
        let report = render(&done.reports, args, &run.base);
        match report_file(args) {
            Some(path) => write_output(path, &report, Output::Report),
            None => print_out(&report),
        }
    };
    if let Err(p) = written {
        exit = exit.max(fail(p.into(), lang, args.color));
    }
    if !args.quiet {
        run.say_notes(&tally, 0);
        let id = if args.diff {
            "cli-would-fix"
        } else {
            "cli-fix-summary"
        };
        say(Message::new(id)
            .count("fixed", done.fixed)
            .count("files", done.files)
            .count(
                "remaining",
                summary.errors + summary.warnings + summary.infos,
            )
            .count("unsafe", done.unsafe_left)
            .render(lang));
    }
    if done.reports.is_empty() && problems.is_empty() {
        let paths: Vec<String> = args.paths.iter().map(|p| input::shown(p)).collect();
        problems.push(RunError::Usage((
            Message::new("cli-no-plans").text("paths", paths.join(", ")),
            Some(Message::new("cli-no-plans.help")),
        )));
    }
    for p in problems {
        exit = exit.max(fail(p, lang, args.color));
    }
    exit
}

/// Writes the fixed text of the plan at `path`, atomically, unless the file changed
/// since it was read, or it is a symbolic link to a file outside `tree` (the working
/// directory): a link in a pull request must not make `--fix` write elsewhere.
fn write_fixed(
    path: &Path,
    original: &str,
    fixed: &str,
    tree: Option<&Path>,
) -> Result<(), super::Problem> {
    let shown = input::shown(path);
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        let target = std::fs::canonicalize(path).ok();
        let inside = match (&target, tree) {
            (Some(t), Some(tree)) => t.starts_with(tree),
            _ => false,
        };
        if !inside {
            return Err((
                Message::new("cli-fix-link-outside").text("path", shown),
                Some(Message::new("cli-fix-link-outside.help")),
            ));
        }
    }
    let now = input::read_capped(path, original.len() as u64).ok();
    if now.as_deref() != Some(original.as_bytes()) {
        return Err((
            Message::new("cli-fix-changed").text("path", shown),
            Some(Message::new("cli-fix-changed.help")),
        ));
    }
    super::write_atomically(path, fixed).map_err(|e| output_error(Output::Plan, path, &e))
}
