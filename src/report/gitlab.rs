//! `--format gitlab`: GitLab Code Quality (the Code Climate subset GitLab reads), for
//! `artifacts: reports: codequality`.
//!
//! Severity mapping (GitLab's scale is info, minor, major, critical, blocker):
//! `error` → `major`, `warning` → `minor`, `info` → `info`. `critical` and `blocker`
//! are left for what GitLab's own scanners mean by them (security and breaking issues);
//! whether a plan finding blocks a merge is planlint's exit code's business.
//!
//! The fingerprint is [`super::fingerprints`]: a hash of file, rule, YAML path and
//! occurrence, never the line, so GitLab sees the same finding as the same issue after
//! edits elsewhere in the plan and shows only new and resolved ones in a merge request.

use serde::Serialize;

use super::{RunInfo, ci_path, fingerprints};
use crate::engine::FileReport;
use crate::lint::Severity;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
    /// Code Climate's place for a longer explanation; GitLab ignores it.
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<Content<'a>>,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

#[derive(Serialize)]
struct Content<'a> {
    body: &'a str,
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// `--format gitlab`.
pub struct Gitlab;

impl super::Reporter for Gitlab {
    fn render(&self, reports: &[FileReport], info: &super::RunInfo) -> String {
        render(reports, info)
    }
}

pub fn render(reports: &[FileReport], _info: &RunInfo) -> String {
    let mut issues = Vec::new();
    for r in reports {
        let path = ci_path(&r.file.name);
        for (f, fingerprint) in r.findings.iter().zip(fingerprints(r)) {
            let loc = r.file.location(f.span);
            issues.push(Issue {
                description: &f.message,
                check_name: f.rule,
                fingerprint,
                severity: severity(f.severity),
                location: Location {
                    path: path.clone(),
                    lines: Lines {
                        begin: loc.line,
                        end: loc.end_line,
                    },
                },
                content: f.help.as_deref().map(|body| Content { body }),
            });
        }
    }
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_mapping() {
        assert_eq!(severity(Severity::Error), "major");
        assert_eq!(severity(Severity::Warning), "minor");
        assert_eq!(severity(Severity::Info), "info");
    }
}
