//! Applying fixes: choosing fixes whose edits do not overlap, writing their edits into the
//! text (every byte outside them kept: comments, key order, quoting, line endings, a
//! byte-order mark), linting again and repeating until nothing changes, and the unified
//! diff of what would change (`--diff`).

use crate::engine::{self, FileReport};
use crate::lint::{Applicability, Diagnostic, DiagnosticFix, Settings, TextEdit};
use crate::source::SourceFile;

/// The most rounds of fix, lint again: a fix may reveal another (a renamed key whose
/// value is then read and found wrong); more rounds than this means fixes undo each other.
pub const MAX_ROUNDS: usize = 4;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Safe fixes only (`--fix`).
    Safe,
    /// Safe and unsafe ones (`--fix --unsafe-fixes`).
    All,
}

impl Which {
    pub fn admits(self, fix: &DiagnosticFix) -> bool {
        self == Which::All || fix.applicability == Applicability::Safe
    }
}

/// A fix applied: the rule whose finding it resolved and its title.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub rule: &'static str,
    pub title: String,
}

/// What fixing a text gave.
#[derive(Debug)]
pub struct Fixed {
    /// The text after every round.
    pub text: String,
    /// The fixes applied, in order.
    pub applied: Vec<Applied>,
    /// The lint of the final text: what is left.
    pub report: FileReport,
}

/// The fixes of `findings` that `which` admits and whose edits overlap no fix chosen
/// before them (in the order of the findings, safe fixes first).
pub fn choose(findings: &[Diagnostic], which: Which) -> Vec<&Diagnostic> {
    let mut candidates: Vec<&Diagnostic> = findings
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| which.admits(f)))
        .collect();
    // Safe first, then in file order (the findings are sorted by offset).
    candidates.sort_by_key(|d| {
        d.fix
            .as_ref()
            .map(|f| f.applicability != Applicability::Safe)
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut chosen = Vec::new();
    for d in candidates {
        let Some(fix) = &d.fix else { continue };
        let clashes = fix.edits.iter().any(|e| {
            taken.iter().any(|&(s, t)| {
                let (a, b) = (e.span.offset, e.span.end());
                // Overlapping, or two insertions at one place (their order is unknown).
                (a < t && s < b) || (a == s && (a == b || s == t))
            })
        });
        if clashes {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| (e.span.offset, e.span.end())));
        chosen.push(d);
    }
    chosen
}

/// `text` with `edits` applied (they must not overlap); `None` when an edit falls outside
/// the text or inside a character.
pub fn apply_edits(text: &str, edits: &[&TextEdit]) -> Option<String> {
    let mut edits: Vec<&TextEdit> = edits.to_vec();
    edits.sort_by_key(|e| (e.span.offset, e.span.len));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        let (start, end) = (e.span.offset, e.span.end());
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return None;
        }
        out.push_str(&text[at..start]);
        out.push_str(&e.text);
        at = end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// Lints `text`, applies the fixes `which` admits, and repeats until nothing changes (at
/// most [`MAX_ROUNDS`] rounds).
pub fn fix_text(name: &str, text: String, settings: &Settings, which: Which) -> Fixed {
    let mut text = text;
    let mut applied = Vec::new();
    let mut report = engine::lint(SourceFile::new(name, text.clone()), settings);
    for _ in 0..MAX_ROUNDS {
        let chosen = choose(&report.findings, which);
        if chosen.is_empty() {
            break;
        }
        let edits: Vec<&TextEdit> = chosen
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .flat_map(|f| f.edits.iter())
            .collect();
        let Some(next) = apply_edits(&text, &edits) else {
            break;
        };
        if next == text {
            break;
        }
        applied.extend(chosen.iter().map(|d| Applied {
            rule: d.rule,
            title: d.fix.as_ref().map(|f| f.title.clone()).unwrap_or_default(),
        }));
        text = next;
        report = engine::lint(SourceFile::new(name, text.clone()), settings);
    }
    Fixed {
        text,
        applied,
        report,
    }
}

/// The unified diff from `old` to `new` of the file `name` (`--- a/name`, `+++ b/name`),
/// empty when they are equal.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let name = crate::text::escape_line(name);
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// For the rule modules' unit tests: for each finding of `rule` in `yaml` (default
/// settings), its fix and then its alternatives, each as its title and the text it makes.
#[cfg(test)]
pub fn fixes_offered(yaml: &str, rule: &str) -> Vec<Vec<(String, String)>> {
    let report = crate::engine::lint(
        SourceFile::new("t.plan.yaml", yaml.to_string()),
        &Settings::default(),
    );
    report
        .findings
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| {
            d.fix
                .iter()
                .chain(&d.alternatives)
                .map(|f| {
                    let edits: Vec<_> = f.edits.iter().collect();
                    let fixed = apply_edits(yaml, &edits).unwrap_or_default();
                    (f.title.clone(), fixed)
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn edits_keep_every_other_byte() {
        let text = "\u{feff}a: 1\r\n# note\r\nb: \"72\"\r\n";
        let at = text.find("72").unwrap();
        let e = TextEdit {
            span: Span::new(at, 2),
            text: "72%".into(),
        };
        let out = apply_edits(text, &[&e]).unwrap();
        assert_eq!(out, "\u{feff}a: 1\r\n# note\r\nb: \"72%\"\r\n");
        let bad = TextEdit {
            span: Span::new(text.len(), 1),
            text: String::new(),
        };
        assert!(apply_edits(text, &[&bad]).is_none());
    }

    #[test]
    fn the_diff_names_the_file_and_the_lines() {
        let d = unified_diff("p.plan.yaml", "a: 1\nb: 2\n", "a: 1\nb: 3\n");
        assert!(
            d.starts_with("--- a/p.plan.yaml\n+++ b/p.plan.yaml\n"),
            "{d}"
        );
        assert!(d.contains("-b: 2\n+b: 3\n"), "{d}");
        assert!(unified_diff("p", "x", "x").is_empty());
    }
}
