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

    fn stream(&self, _info: &super::RunInfo) -> Option<Box<dyn super::stream::Stream>> {
        Some(Box::new(GitlabStream { issues: 0 }))
    }
}

pub fn render(reports: &[FileReport], _info: &RunInfo) -> String {
    let issues: Vec<Issue> = reports.iter().flat_map(issues_of).collect();
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_default();
    out.push('\n');
    out
}

/// The issues of one file.
fn issues_of(r: &FileReport) -> Vec<Issue<'_>> {
    let path = ci_path(&r.file.name);
    r.findings
        .iter()
        .zip(fingerprints(r))
        .map(|(f, fingerprint)| {
            let loc = r.file.location(f.span);
            Issue {
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
            }
        })
        .collect()
}

/// `--format gitlab`, file by file: one JSON array, each file's issues written as soon
/// as it is linted.
struct GitlabStream {
    issues: usize,
}

impl super::stream::Stream for GitlabStream {
    fn file(&mut self, report: &FileReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        for issue in issues_of(report) {
            let sep: &[u8] = if self.issues == 0 { b"[\n  " } else { b",\n  " };
            self.issues += 1;
            out.write_all(sep)?;
            out.write_all(super::stream::pretty_at(&issue, 1).as_bytes())?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(if self.issues == 0 { b"[]\n" } else { b"\n]\n" })
    }
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
