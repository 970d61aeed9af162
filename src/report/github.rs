//! `--format github`: GitHub Actions workflow commands, one a finding, which the runner
//! turns into annotations on the run and on the pull request's diff:
//!
//! ```text
//! ::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
//! ```
//!
//! `warning` and `notice` for the other severities. The message is the finding's
//! message, then the help on the next line. Data is escaped as the runner unescapes it
//! (`%` `\r` `\n`), property values also `:` and `,`. GitHub takes columns only for a
//! span on one line, so `col`/`endColumn` are left out when a span crosses lines.

use std::fmt::Write;

use super::{RunInfo, ci_path};
use crate::engine::FileReport;
use crate::finding::Severity;

pub fn render(reports: &[FileReport], _info: &RunInfo) -> String {
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
    }
    out
}

/// Escapes a command's data (the message) as the Actions runner expects.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as data, and `:` and `,`, which end a value.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::finding::Finding;
    use crate::model::Place;
    use crate::source::{SourceFile, Span};

    fn finding(severity: Severity, span: Span) -> Finding {
        let mut f = Finding::new(
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
}
