//! `--format github`: GitHub Actions workflow commands, one a finding, which the runner
//! turns into annotations on the run and on the pull request's diff:
//!
//! ```text
//! ::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
//! ```
//!
//! `warning` and `notice` for the other severities. The message is the finding's
//! message, then the help on the next line. Data is escaped as the runner unescapes it
//! (`%` `\r` `\n`), property values also `:` and `,`; every other control, bidi or
//! line-separator character (NUL, ESC, NEL, U+2028, U+202E, …) is made visible as
//! `\u{1b}`, so that nothing from a plan can end a command early, start another or
//! reach the log raw. GitHub takes columns only for a span on one line, so
//! `col`/`endColumn` are left out when a span crosses lines.
//!
//! A file on which some enabled rules did not run gets one `::notice` naming them and
//! why (`title=planlint: not checked`), at its first line.

use std::fmt::Write;

use super::{RunInfo, ci_path, not_checked, not_checked_summary};
use crate::engine::FileReport;
use crate::lint::Severity;
use crate::text::{escape_control, escape_line};

/// `--format github`.
pub struct Github;

impl super::Reporter for Github {
    fn render(&self, reports: &[FileReport], info: &super::RunInfo) -> String {
        render(reports, info)
    }

    fn stream(&self, info: &super::RunInfo) -> Option<Box<dyn super::stream::Stream>> {
        Some(Box::new(GithubStream(info.clone())))
    }
}

/// `--format github`, file by file: each file's commands as soon as it is linted.
struct GithubStream(RunInfo);

impl super::stream::Stream for GithubStream {
    fn file(&mut self, report: &FileReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(render(std::slice::from_ref(report), &self.0).as_bytes())
    }

    fn finish(self: Box<Self>, _out: &mut dyn std::io::Write) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn render(reports: &[FileReport], info: &RunInfo) -> String {
    let mut out = String::new();
    for r in reports {
        let file = ci_path(&r.file.name);
        for f in &r.findings {
            let loc = r.file.location(f.span);
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = format!("file={},line={}", property(&file), loc.line);
            if loc.line == loc.end_line {
                let _ = write!(props, ",col={}", loc.column);
            }
            let _ = write!(props, ",endLine={}", loc.end_line);
            if loc.line == loc.end_line {
                let _ = write!(props, ",endColumn={}", loc.end_column);
            }
            let _ = write!(props, ",title={}", property(f.rule));
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let _ = writeln!(out, "::{command} {props}::{}", data(&message));
        }
        let skipped = not_checked(r, &info.enabled);
        if !skipped.is_empty() {
            let _ = writeln!(
                out,
                "::notice file={},line=1,title={}::{}",
                property(&file),
                property("planlint: not checked"),
                data(&format!("not checked: {}", not_checked_summary(&skipped)))
            );
        }
    }
    out
}

/// Escapes a command's data (the message) as the Actions runner expects, and makes
/// every other control character visible.
pub fn data(s: &str) -> String {
    let encoded = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    escape_control(&encoded).into_owned()
}

/// Escapes a property value: as data, and `:` and `,`, which end a value; a tab too.
pub fn property(s: &str) -> String {
    escape_line(&data(s))
        .replace(':', "%3A")
        .replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::lint::Diagnostic;
    use crate::model::Place;
    use crate::source::{SourceFile, Span};

    fn finding(severity: Severity, span: Span) -> Diagnostic {
        let mut f = Diagnostic::new(
            "p/r",
            Place {
                span,
                path: "a".into(),
            },
            "msg",
            "label",
        );
        f.severity = severity;
        f
    }

    fn info() -> RunInfo {
        RunInfo {
            lang: crate::i18n::Lang::En,
            version: "0",
            rules: Vec::new(),
            enabled: Vec::new(),
        }
    }

    #[test]
    fn severities_and_multi_line_spans() {
        let file = SourceFile::new("x.plan.yaml", "a: 1\nb: 22\n".to_string());
        let report = FileReport {
            file,
            findings: vec![
                finding(Severity::Info, Span::new(3, 1)),
                finding(Severity::Warning, Span::new(3, 1)),
                finding(Severity::Error, Span::new(3, 7)),
            ],
            rendered: None,
            parsed: true,
            not_checked: Vec::new(),
        };
        let out = render(&[report], &info());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "::notice file=x.plan.yaml,line=1,col=4,endLine=1,endColumn=5,title=p/r::msg",
                "::warning file=x.plan.yaml,line=1,col=4,endLine=1,endColumn=5,title=p/r::msg",
                // Across lines: no columns.
                "::error file=x.plan.yaml,line=1,endLine=2,title=p/r::msg",
            ]
        );
    }

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(data("50% off\r\nnext: a, b"), "50%25 off%0D%0Anext: a, b");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn control_bidi_and_line_separators_are_made_visible() {
        let hostile = "a\0b\u{1b}[31mc\u{85}d\u{2028}e\u{2029}f\u{202e}g\u{7f}h\u{9b}i\tj";
        assert_eq!(
            data(hostile),
            "a\\u{0}b\\u{1b}[31mc\\u{85}d\\u{2028}e\\u{2029}f\\u{202e}g\\u{7f}h\\u{9b}i\tj"
        );
        assert_eq!(
            property(hostile),
            "a\\u{0}b\\u{1b}[31mc\\u{85}d\\u{2028}e\\u{2029}f\\u{202e}g\\u{7f}h\\u{9b}i\\u{9}j"
        );
        for out in [data(hostile), property(hostile)] {
            assert!(
                !out.chars()
                    .any(|c| crate::text::is_unsafe_char(c) || c == '\n' || c == '\r'),
                "{out:?}"
            );
        }
    }

    #[test]
    fn a_file_with_rules_not_checked_gets_a_notice() {
        use crate::lint::{NotChecked, NotCheckedReason};
        let report = FileReport {
            file: SourceFile::new("a,b.plan.yaml", "a: 1\n".to_string()),
            findings: Vec::new(),
            rendered: None,
            parsed: true,
            not_checked: vec![NotChecked {
                rule: "large-customers/acv-floor",
                reason: NotCheckedReason::MissingInput,
                paths: vec!["unit_economics.acv".into()],
            }],
        };
        assert_eq!(
            render(&[report], &info()),
            "::notice file=a%2Cb.plan.yaml,line=1,title=planlint%3A not checked::not checked: \
             1 rule (missing input unit_economics.acv: large-customers/acv-floor)\n"
        );
    }
}
