//! `--format json`, as docs/interface.md shows it, and after `summary` the rules that did
//! not run on each file: `"not_checked": { "<file>": [ { "rule": "…", "reason":
//! "missing-input", "paths": ["unit_economics.acv"] } ] }`, every file of `files` a key
//! (its list possibly empty), in the same order.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;
use serde::ser::SerializeMap;

use super::Summary;
use super::stream::{Spill, Stream, pretty_at};
use crate::engine::FileReport;
use crate::lint::{DiagnosticFix, NotChecked};
use crate::source::Location;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<&'a str>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
    not_checked: NotCheckedByFile<'a>,
}

/// File name → the rules that did not run on it, in the order of the files.
struct NotCheckedByFile<'a>(Vec<(&'a str, Vec<NotChecked>)>);

impl Serialize for NotCheckedByFile<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (file, list) in &self.0 {
            map.serialize_entry(file, list)?;
        }
        map.end()
    }
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
    /// Present only when a fix is offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
    /// Other fixes, each resolving the finding on its own (all unsafe); present only when
    /// there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: crate::lint::Applicability,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    span: Location,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    span: Location,
}

/// `--format json`.
pub struct Json;

impl super::Reporter for Json {
    fn render(&self, reports: &[FileReport], _info: &super::RunInfo) -> String {
        render(reports)
    }

    fn stream(&self, _info: &super::RunInfo) -> Option<Box<dyn Stream>> {
        Some(Box::new(JsonStream {
            files: Spill::new(),
            diagnostics: Spill::new(),
            not_checked: Spill::new(),
            pending: None,
            summary: Summary::default(),
        }))
    }
}

/// The diagnostics of one file.
fn diagnostics_of(r: &FileReport) -> impl Iterator<Item = JsonDiagnostic<'_>> {
    r.findings.iter().map(move |f| JsonDiagnostic {
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
        fix: f.fix.as_ref().map(|fix| json_fix(r, fix)),
        alternatives: f.alternatives.iter().map(|fix| json_fix(r, fix)).collect(),
    })
}

fn json_fix<'a>(r: &'a FileReport, fix: &'a DiagnosticFix) -> JsonFix<'a> {
    JsonFix {
        title: &fix.title,
        applicability: fix.applicability,
        note: fix.note.as_deref(),
        edits: fix
            .edits
            .iter()
            .map(|e| JsonEdit {
                span: r.file.location(e.span),
                replacement: &e.text,
            })
            .collect(),
    }
}

/// `--format json`, file by file: `files`, `diagnostics` and `not_checked` are spilled
/// as they come and written after the last file.
struct JsonStream {
    files: Spill,
    diagnostics: Spill,
    not_checked: Spill,
    /// The last file's not-checked rules, until a file of another name comes: a name
    /// given twice is one key (the reports come sorted by name).
    pending: Option<(String, Vec<NotChecked>)>,
    summary: Summary,
}

impl JsonStream {
    fn flush_pending(&mut self) -> std::io::Result<()> {
        match self.pending.take() {
            Some((name, list)) => self.not_checked.entry(&name, &list, 2),
            None => Ok(()),
        }
    }
}

impl Stream for JsonStream {
    fn file(&mut self, r: &FileReport, _out: &mut dyn Write) -> std::io::Result<()> {
        self.summary.add(r);
        self.files.item(&r.file.name, 2)?;
        for d in diagnostics_of(r) {
            self.diagnostics.item(&d, 2)?;
        }
        let list = super::not_checked(r, &[]);
        match &mut self.pending {
            Some((name, have)) if *name == r.file.name => {
                for n in list {
                    if !have.contains(&n) {
                        have.push(n);
                    }
                }
            }
            _ => {
                self.flush_pending()?;
                self.pending = Some((r.file.name.clone(), list));
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, out: &mut dyn Write) -> std::io::Result<()> {
        self.flush_pending()?;
        let this = *self;
        out.write_all(b"{\n  \"version\": 1,\n  \"files\": ")?;
        this.files.array_to(out, 2)?;
        out.write_all(b",\n  \"diagnostics\": ")?;
        this.diagnostics.array_to(out, 2)?;
        write!(out, ",\n  \"summary\": {}", pretty_at(&this.summary, 1))?;
        out.write_all(b",\n  \"not_checked\": ")?;
        this.not_checked.object_to(out, 2)?;
        out.write_all(b"\n}\n")
    }
}

pub fn render(reports: &[FileReport]) -> String {
    let diagnostics: Vec<JsonDiagnostic> = reports.iter().flat_map(diagnostics_of).collect();
    // One key a file name: a name given twice (the same file named twice) gets the
    // rules of both, each once.
    let mut not_checked: Vec<(&str, Vec<NotChecked>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for r in reports {
        let list = super::not_checked(r, &[]);
        match index
            .get(r.file.name.as_str())
            .and_then(|&i| not_checked.get_mut(i))
        {
            Some((_, have)) => {
                for n in list {
                    if !have.contains(&n) {
                        have.push(n);
                    }
                }
            }
            None => {
                index.insert(&r.file.name, not_checked.len());
                not_checked.push((&r.file.name, list));
            }
        }
    }
    let report = JsonReport {
        version: 1,
        files: reports.iter().map(|r| r.file.name.as_str()).collect(),
        diagnostics,
        summary: Summary::of(reports),
        not_checked: NotCheckedByFile(not_checked),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::NotCheckedReason;
    use crate::source::SourceFile;

    fn report(name: &str, not_checked: Vec<NotChecked>) -> FileReport {
        FileReport {
            file: SourceFile::new(name, String::new()),
            findings: Vec::new(),
            rendered: None,
            parsed: true,
            not_checked,
        }
    }

    #[test]
    fn every_file_has_its_not_checked_list() {
        let missing = NotChecked {
            rule: "large-customers/acv-floor",
            reason: NotCheckedReason::MissingInput,
            paths: vec!["unit_economics.acv".into()],
        };
        let fx = NotChecked {
            rule: "large-customers/ltv-floor",
            reason: NotCheckedReason::NoFxRate,
            paths: Vec::new(),
        };
        let out = render(&[
            report("b.plan.yaml", vec![missing.clone()]),
            report("a.plan.yaml", Vec::new()),
            // The same name twice: one key, each rule once.
            report("b.plan.yaml", vec![missing, fx]),
        ]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["not_checked"],
            serde_json::json!({
                "b.plan.yaml": [
                    { "rule": "large-customers/acv-floor", "reason": "missing-input",
                      "paths": ["unit_economics.acv"] },
                    { "rule": "large-customers/ltv-floor", "reason": "no-fx-rate", "paths": [] }
                ],
                "a.plan.yaml": []
            })
        );
        // In the order of the files; after the summary, whose shape is unchanged.
        assert!(out.find("\"b.plan.yaml\": [").unwrap() < out.find("\"a.plan.yaml\": []").unwrap());
        assert!(out.find("\"summary\"").unwrap() < out.find("\"not_checked\"").unwrap());
        assert_eq!(
            v["summary"],
            serde_json::json!({ "files": 3, "errors": 0, "warnings": 0, "infos": 0 })
        );
    }
}
