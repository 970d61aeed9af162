//! `--format sarif`: SARIF 2.1.0 for code-scanning services (GitHub's `upload-sarif`,
//! Azure DevOps, IDE viewers).
//!
//! One run; `tool.driver.rules` lists every registered rule (not only those that ran) so
//! that a `ruleIndex` is stable whatever `--select` says. Columns count Unicode code
//! points (`columnKind: unicodeCodePoints`), as planlint's columns do; the offsets are
//! given as `byteOffset`/`byteLength`, which is what planlint's spans count (SARIF's
//! `charOffset` would count characters). Our own serde structs: the subset we write is
//! small, and a generated types crate would bring a builder dependency tree for it.
//!
//! The rules that did not run on a file ([`super::not_checked`]) are tool execution
//! notifications of the run's one invocation: level `note`, `descriptor.id` and
//! `associatedRule` the rule, the reason as the message, the file as the location.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::stream::{Spill, Stream, pretty_at};
use super::{RuleInfo, RunInfo, ci_path, fingerprints, not_checked, not_checked_reason};
use crate::engine::FileReport;
use crate::lint::Severity;
use crate::source::{SourceFile, Span};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/planlint/planlint";
/// The key of planlint's fingerprint in `partialFingerprints`; the version changes if
/// the way fingerprints are computed ever does.
const FINGERPRINT_KEY: &str = "planlint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    descriptor: DescriptorReference,
    associated_rule: DescriptorReference,
    level: &'static str,
    message: Text,
    locations: Vec<NotificationLocation>,
}

#[derive(Serialize)]
struct DescriptorReference {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: FileOnly,
}

/// A physical location naming only the file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileOnly {
    artifact_location: ArtifactLocation,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'a str,
    semantic_version: &'a str,
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact {
    location: ArtifactLocation,
    source_language: &'static str,
    length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

/// A proposed fix (SARIF §3.55): its edits as replacements of byte regions.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: ByteRegion,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ByteRegion {
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
    context_region: ContextRegion,
}

/// The whole lines of the region, for viewers without the file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ContextRegion {
    start_line: usize,
    end_line: usize,
    snippet: Text,
}

#[derive(Serialize, Clone)]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    fully_qualified_name: String,
}

/// `--format sarif`.
pub struct Sarif;

impl super::Reporter for Sarif {
    fn render(&self, reports: &[FileReport], info: &super::RunInfo) -> String {
        render(reports, info)
    }

    /// Results carry the lines they point at as snippets.
    fn quotes_source(&self) -> bool {
        true
    }

    fn stream(&self, info: &RunInfo) -> Option<Box<dyn Stream>> {
        Some(Box::new(SarifStream {
            info: info.clone(),
            files: 0,
            notifications: Spill::new(),
            artifacts: Spill::new(),
            results: Spill::new(),
        }))
    }
}

pub fn render(reports: &[FileReport], info: &RunInfo) -> String {
    let mut artifacts = Vec::with_capacity(reports.len());
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for (index, report) in reports.iter().enumerate() {
        let part = file_part(report, index, info);
        artifacts.push(part.artifact);
        notifications.extend(part.notifications);
        results.extend(part.results);
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: tool(info),
            invocations: vec![Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            artifacts,
            results,
            column_kind: COLUMN_KIND,
        }],
    };
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

const COLUMN_KIND: &str = "unicodeCodePoints";

fn tool(info: &RunInfo) -> Tool<'_> {
    Tool {
        driver: Driver {
            name: "planlint",
            version: info.version,
            semantic_version: info.version,
            information_uri: INFORMATION_URI,
            rules: info.rules.iter().map(rule).collect(),
        },
    }
}

/// What one file adds to the run: its artifact, the rules that did not run on it and
/// its results.
struct FilePart<'a> {
    artifact: Artifact,
    notifications: Vec<Notification>,
    results: Vec<SarifResult<'a>>,
}

/// The file `report`, the `index`-th of the run.
fn file_part<'a>(report: &'a FileReport, index: usize, info: &RunInfo) -> FilePart<'a> {
    let artifact = ArtifactLocation {
        uri: uri_of(&report.file.name),
        index: Some(index),
    };
    let entry = Artifact {
        location: ArtifactLocation {
            uri: artifact.uri.clone(),
            index: None,
        },
        source_language: "yaml",
        length: report.file.len(),
    };
    let mut notifications = Vec::new();
    for n in not_checked(report, &info.enabled) {
        let rule_index = info.rules.iter().position(|r| r.id == n.rule);
        notifications.push(Notification {
            descriptor: DescriptorReference {
                id: n.rule.to_string(),
                index: None,
            },
            associated_rule: DescriptorReference {
                id: n.rule.to_string(),
                index: rule_index,
            },
            level: "note",
            message: Text {
                text: format!("{} not checked: {}", n.rule, not_checked_reason(&n)),
            },
            locations: vec![NotificationLocation {
                physical_location: FileOnly {
                    artifact_location: artifact.clone(),
                },
            }],
        });
    }
    let mut results = Vec::new();
    let prints = fingerprints(report);
    for (f, print) in report.findings.iter().zip(prints) {
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let logical = if f.path.is_empty() {
            Vec::new()
        } else {
            vec![LogicalLocation {
                fully_qualified_name: f.path.clone(),
            }]
        };
        results.push(SarifResult {
            rule_id: f.rule,
            rule_index: info.rules.iter().position(|r| r.id == f.rule),
            level: level(f.severity),
            message: Text { text: message },
            locations: vec![Location {
                id: None,
                physical_location: physical(&report.file, f.span, &artifact),
                logical_locations: logical,
                message: None,
            }],
            related_locations: f
                .labels
                .iter()
                .skip(1)
                .enumerate()
                .map(|(i, l)| Location {
                    id: Some(i + 1),
                    physical_location: physical(&report.file, l.span, &artifact),
                    logical_locations: Vec::new(),
                    message: Some(Text {
                        text: l.message.clone(),
                    }),
                })
                .collect(),
            partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, print)]),
            fixes: f
                .fix
                .iter()
                .chain(&f.alternatives)
                .map(|fix| SarifFix {
                    description: Text {
                        text: match fix.applicability {
                            crate::lint::Applicability::Safe => fix.title.clone(),
                            crate::lint::Applicability::Unsafe => {
                                format!("{} (unsafe)", fix.title)
                            }
                        },
                    },
                    artifact_changes: vec![ArtifactChange {
                        artifact_location: artifact.clone(),
                        replacements: fix
                            .edits
                            .iter()
                            .map(|e| Replacement {
                                deleted_region: ByteRegion {
                                    byte_offset: e.span.offset,
                                    byte_length: e.span.len,
                                },
                                inserted_content: Text {
                                    text: e.text.clone(),
                                },
                            })
                            .collect(),
                    }],
                })
                .collect(),
        });
    }
    FilePart {
        artifact: entry,
        notifications,
        results,
    }
}

/// `--format sarif`, file by file: notifications, artifacts and results are spilled as
/// they come, and the log is written around them after the last file.
struct SarifStream {
    info: RunInfo,
    files: usize,
    notifications: Spill,
    artifacts: Spill,
    results: Spill,
}

impl Stream for SarifStream {
    fn file(&mut self, report: &FileReport, _out: &mut dyn Write) -> std::io::Result<()> {
        let part = file_part(report, self.files, &self.info);
        self.files += 1;
        // Log > runs[] > run > invocations[] > invocation > notifications[]: 6 levels.
        for n in &part.notifications {
            self.notifications.item(n, 6)?;
        }
        self.artifacts.item(&part.artifact, 4)?;
        for r in &part.results {
            self.results.item(r, 4)?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, out: &mut dyn Write) -> std::io::Result<()> {
        let this = *self;
        let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
        write!(
            out,
            "{{\n  \"$schema\": {},\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"invocations\": [\n        {{\n          \"executionSuccessful\": true",
            string(SCHEMA),
            pretty_at(&tool(&this.info), 3)
        )?;
        if !this.notifications.is_empty() {
            out.write_all(b",\n          \"toolExecutionNotifications\": ")?;
            this.notifications.array_to(out, 6)?;
        }
        out.write_all(b"\n        }\n      ],\n      \"artifacts\": ")?;
        this.artifacts.array_to(out, 4)?;
        out.write_all(b",\n      \"results\": ")?;
        this.results.array_to(out, 4)?;
        write!(
            out,
            ",\n      \"columnKind\": {}\n    }}\n  ]\n}}\n",
            string(COLUMN_KIND)
        )
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn physical(file: &SourceFile, span: Span, artifact: &ArtifactLocation) -> PhysicalLocation {
    let loc = file.location(span);
    PhysicalLocation {
        artifact_location: artifact.clone(),
        region: Region {
            start_line: loc.line,
            start_column: loc.column,
            end_line: loc.end_line,
            end_column: loc.end_column,
            byte_offset: loc.offset,
            byte_length: loc.length,
            snippet: Text {
                text: file.slice(span).to_string(),
            },
        },
        context_region: ContextRegion {
            start_line: loc.line,
            end_line: loc.end_line,
            snippet: Text {
                text: whole_lines(file, span).to_string(),
            },
        },
    }
}

/// The text of the lines a span touches, without the last line break.
fn whole_lines(file: &SourceFile, span: Span) -> &str {
    let start = file.clamp(span.offset);
    let end = file.clamp(span.end()).max(start);
    let from = file.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = file.text[end..]
        .find('\n')
        .map_or(file.text.len(), |i| end + i);
    file.text[from..to].trim_end_matches('\r')
}

fn rule(r: &RuleInfo) -> Rule<'_> {
    let help = help_body(r.help_markdown);
    let help = if help.is_empty() {
        r.summary.to_string()
    } else {
        help
    };
    Rule {
        id: r.id,
        name: rule_name(r.id),
        short_description: Text {
            text: r.summary.to_string(),
        },
        full_description: Text {
            text: full_description(r),
        },
        help: Help {
            text: help.clone(),
            markdown: help,
        },
        default_configuration: Configuration {
            level: level(r.default_severity),
        },
        properties: RuleProperties {
            tags: vec![r.principle],
        },
    }
}

/// `large-customers/acv-floor` → `AcvFloor`.
pub fn rule_name(id: &str) -> String {
    let tail = id.rsplit('/').next().unwrap_or(id);
    let name: String = tail
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first.to_uppercase().chain(cs).collect::<String>(),
                None => String::new(),
            }
        })
        .collect();
    if name.is_empty() {
        id.to_string()
    } else {
        name
    }
}

/// The rule's documentation section without its `## id` heading (SARIF viewers show
/// the id already).
fn help_body(markdown: &str) -> String {
    let body = match markdown.strip_prefix("## ") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, body)| body),
        None => markdown,
    };
    body.trim().to_string()
}

/// The section's "What it checks" paragraph as one line of text, else the summary.
fn full_description(r: &RuleInfo) -> String {
    let mut lines = r
        .help_markdown
        .lines()
        .skip_while(|l| l.trim() != "### What it checks")
        .skip(1)
        .take_while(|l| !l.starts_with('#'));
    let text = lines
        .by_ref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        r.summary.to_string()
    } else {
        text
    }
}

/// A file name as a SARIF `uri`: a relative reference for a relative name (so that
/// code scanning resolves it against the checkout), a `file:` URI for an absolute one;
/// everything outside RFC 3986's unreserved characters and `/` percent-encoded.
pub fn uri_of(name: &str) -> String {
    let path = ci_path(name);
    let bytes = path.as_bytes();
    let (prefix, rest) = if path.starts_with('/') {
        ("file://", path.as_str())
    } else if bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && bytes[2] == b'/'
    {
        // `C:/plans/x.plan.yaml` (a Windows name with its backslashes turned).
        return format!("file:///{}:{}", &path[..1], encode(&path[2..]));
    } else {
        ("", path.as_str())
    };
    format!("{prefix}{}", encode(rest))
}

fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_not_checked_are_tool_execution_notifications() {
        use crate::lint::{NotChecked, NotCheckedReason};
        let rule = |id: &'static str| RuleInfo {
            id,
            principle: "p",
            default_severity: Severity::Error,
            summary: "s",
            help_markdown: "",
        };
        let info = RunInfo {
            lang: crate::i18n::Lang::En,
            version: "0",
            rules: vec![rule("p/a"), rule("p/b")],
            enabled: vec!["p/a", "p/b"],
        };
        let report = FileReport {
            file: SourceFile::new("x y.plan.yaml", "a: 1\n".to_string()),
            findings: Vec::new(),
            rendered: None,
            parsed: true,
            not_checked: vec![NotChecked {
                rule: "p/b",
                reason: NotCheckedReason::MissingInput,
                paths: vec!["unit_economics.acv".into()],
            }],
        };
        let v: serde_json::Value = serde_json::from_str(&render(&[report], &info)).unwrap();
        let invocation = &v["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], true);
        assert_eq!(
            invocation["toolExecutionNotifications"],
            serde_json::json!([{
                "descriptor": { "id": "p/b" },
                "associatedRule": { "id": "p/b", "index": 1 },
                "level": "note",
                "message": { "text": "p/b not checked: missing input unit_economics.acv" },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": "x%20y.plan.yaml", "index": 0 }
                    }
                }]
            }])
        );
    }

    #[test]
    fn levels() {
        assert_eq!(level(Severity::Error), "error");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Info), "note");
    }

    #[test]
    fn rule_names_are_upper_camel_case() {
        assert_eq!(rule_name("large-customers/acv-floor"), "AcvFloor");
        assert_eq!(rule_name("plan/no-fx-rate"), "NoFxRate");
        assert_eq!(rule_name("plan/syntax"), "Syntax");
    }

    #[test]
    fn uris_are_encoded_references() {
        assert_eq!(uri_of("plans/acme.plan.yaml"), "plans/acme.plan.yaml");
        assert_eq!(uri_of(".\\plans\\a b.plan.yaml"), "plans/a%20b.plan.yaml");
        assert_eq!(uri_of("/tmp/x.plan.yaml"), "file:///tmp/x.plan.yaml");
        assert_eq!(uri_of("C:\\p\\x.plan.yaml"), "file:///C:/p/x.plan.yaml");
        assert_eq!(uri_of("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri_of("联.plan.yaml"), "%E8%81%94.plan.yaml");
        assert_eq!(uri_of("a:b.plan.yaml"), "a%3Ab.plan.yaml");
    }

    #[test]
    fn help_drops_the_heading_and_full_description_takes_what_it_checks() {
        let r = RuleInfo {
            id: "p/r",
            principle: "p",
            default_severity: Severity::Warning,
            summary: "short",
            help_markdown: "## p/r\n\n**Default**\n\n### What it checks\nOne\ntwo.\n\n### Why\nx",
        };
        assert!(help_body(r.help_markdown).starts_with("**Default**"));
        assert_eq!(full_description(&r), "One two.");
        let bare = RuleInfo {
            help_markdown: "",
            ..r
        };
        assert_eq!(full_description(&bare), "short");
        assert_eq!(help_body(bare.help_markdown), "");
    }
}
