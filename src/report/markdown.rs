//! `--format markdown`: a scorecard for a pull-request comment or `$GITHUB_STEP_SUMMARY`
//! (GitHub-flavoured Markdown).
//!
//! A heading and the summary line; a table with a row per principle per file, in
//! catalogue order, for the principles that had a rule running: `fail` when the
//! principle has an error there, `warn` when it has a warning, `pass` otherwise (infos
//! are counted but pass), and `not checked` for the principles that could not look at
//! a file that did not parse (`plan/syntax`); then every finding as `file:line:col`, severity, rule,
//! message. Table cells escape `|`; text from the plan escapes `<`, `>` and `&` so that
//! GitHub does not take it for HTML.

use std::fmt::Write;

use super::{RunInfo, Summary, ci_path};
use crate::engine::FileReport;
use crate::finding::Severity;

#[derive(Default, Clone, Copy)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub fn render(reports: &[FileReport], info: &RunInfo) -> String {
    let summary = Summary::of(reports);
    let mut out = String::from("## planlint scorecard\n\n");
    let mark = if summary.errors > 0 {
        "❌"
    } else if summary.warnings > 0 {
        "⚠️"
    } else {
        "✅"
    };
    let _ = writeln!(out, "{mark} {}\n", summary.line());

    let principles: Vec<&str> = info
        .principles()
        .into_iter()
        .filter(|p| {
            info.rules
                .iter()
                .any(|r| r.principle == *p && info.enabled.contains(&r.id))
        })
        .collect();
    if !reports.is_empty() && !principles.is_empty() {
        out.push_str("| File | Principle | Status | Errors | Warnings | Infos |\n");
        out.push_str("|---|---|---|---:|---:|---:|\n");
        for r in reports {
            let file = code(&cell(&ci_path(&r.file.name)));
            let unparsable = r.findings.iter().any(|f| f.rule == "plan/syntax");
            for p in &principles {
                let mut c = Counts::default();
                for f in &r.findings {
                    if info.rule(f.rule).is_some_and(|rule| rule.principle == *p) {
                        match f.severity {
                            Severity::Error => c.errors += 1,
                            Severity::Warning => c.warnings += 1,
                            Severity::Info => c.infos += 1,
                        }
                    }
                }
                let status = if c.errors > 0 {
                    "❌ fail"
                } else if c.warnings > 0 {
                    "⚠️ warn"
                } else if unparsable {
                    "➖ not checked"
                } else {
                    "✅ pass"
                };
                let _ = writeln!(
                    out,
                    "| {file} | {} | {status} | {} | {} | {} |",
                    cell(p),
                    c.errors,
                    c.warnings,
                    c.infos
                );
            }
        }
        out.push('\n');
    }

    out.push_str("### Findings\n\n");
    let mut any = false;
    for r in reports {
        let file = ci_path(&r.file.name);
        for f in &r.findings {
            any = true;
            let loc = r.file.location(f.span);
            let _ = writeln!(
                out,
                "- {} **{}** {}: {}",
                code(&format!("{file}:{}:{}", loc.line, loc.column)),
                f.severity,
                code(f.rule),
                inline(&f.message)
            );
        }
    }
    if !any {
        out.push_str("No findings.\n");
    }
    out
}

/// A table cell: `|` escaped, line breaks as spaces.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// Text in a list item: on one line, no HTML.
fn inline(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace(['\r', '\n'], " ")
}

/// A code span that holds `s` whatever backticks it contains.
fn code(s: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    let s = s.replace(['\r', '\n'], " ");
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(inline("<b> & x"), "&lt;b&gt; &amp; x");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(code("plan.yaml"), "`plan.yaml`");
    }
}
