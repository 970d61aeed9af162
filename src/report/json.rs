//! `--format json`, exactly as docs/interface.md shows it.

use serde::Serialize;

use super::Summary;
use crate::engine::FileReport;
use crate::source::Location;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<&'a str>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    file: &'a str,
    path: &'a str,
    span: Location,
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    span: Location,
}

pub fn render(reports: &[FileReport]) -> String {
    let mut diagnostics = Vec::new();
    for r in reports {
        for f in &r.findings {
            diagnostics.push(JsonDiagnostic {
                rule: f.rule,
                severity: f.severity.as_str(),
                message: &f.message,
                file: &r.file.name,
                path: &f.path,
                span: r.file.location(f.span),
                labels: f
                    .labels
                    .iter()
                    .map(|l| JsonLabel {
                        message: &l.message,
                        span: r.file.location(l.span),
                    })
                    .collect(),
                help: f.help.as_deref(),
            });
        }
    }
    let report = JsonReport {
        version: 1,
        files: reports.iter().map(|r| r.file.name.as_str()).collect(),
        diagnostics,
        summary: Summary::of(reports),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}
