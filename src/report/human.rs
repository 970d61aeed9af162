//! The human report: miette's graphical diagnostics, the rule id as the code, every
//! compared value labelled, the help line; then one summary line.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::Summary;
use crate::engine::FileReport;
use crate::finding::{Finding, Severity};
use crate::source::SourceFile;

/// How the human report looks.
#[derive(Clone, Copy, Debug)]
pub struct HumanOptions {
    pub color: bool,
    /// Terminal width to wrap at.
    pub width: usize,
    /// Print the summary line.
    pub summary: bool,
}

fn handler(opts: HumanOptions) -> GraphicalReportHandler {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false)
        .with_context_lines(1)
        .with_wrap_lines(false)
}

/// The diagnostics of one file, separated by blank lines; empty when it has none.
pub fn render_file(report: &FileReport, opts: HumanOptions) -> String {
    let handler = handler(opts);
    let mut out = String::new();
    for f in &report.findings {
        let diag = FindingDiagnostic::new(f, &report.file);
        if !out.is_empty() {
            out.push('\n');
        }
        if handler.render_report(&mut out, &diag).is_err() {
            // Rendering into a String only fails if a span is out of bounds; fall back
            // to a one-line form so that nothing is lost.
            let loc = report.file.location(f.span);
            out.push_str(&format!(
                "{}:{}:{}: {} [{}] {}\n",
                report.file.name, loc.line, loc.column, f.severity, f.rule, f.message
            ));
        }
    }
    out
}

/// The whole human report: every file's diagnostics (rendered already, or now), then
/// the summary line.
pub fn render(reports: &[FileReport], opts: HumanOptions) -> String {
    let mut out = String::new();
    for r in reports {
        let part = match &r.rendered {
            Some(text) => std::borrow::Cow::Borrowed(text.as_str()),
            None => std::borrow::Cow::Owned(render_file(r, opts)),
        };
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&part);
    }
    if opts.summary {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&Summary::of(reports).line());
        out.push('\n');
    }
    out
}

/// One diagnostic into any source file (a config file, say), rendered like a finding.
pub fn render_one(file: &SourceFile, finding: &Finding, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_context_lines(1)
        .with_wrap_lines(false);
    let diag = FindingDiagnostic::new(finding, file);
    let mut out = String::new();
    if handler.render_report(&mut out, &diag).is_err() {
        out = format!("{}: {}\n", file.name, finding.message);
    }
    out
}

/// A source file as miette reads it: its name shown in the snippet header.
struct NamedFile<'a>(&'a SourceFile);

impl SourceCode for NamedFile<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.0.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: NamedFile<'a>,
    /// The message, with the place added when the snippet is left out.
    message: String,
    /// False when a labelled line is too long to show (a minified or hostile file).
    show_source: bool,
}

/// Lines longer than this are not printed as snippets.
const MAX_SNIPPET_LINE: usize = 500;

impl<'a> FindingDiagnostic<'a> {
    fn new(finding: &'a Finding, file: &'a SourceFile) -> Self {
        let long_line = finding.labels.iter().any(|l| {
            let start = file.line_start_of(l.span.offset);
            let rest = &file.text[start..];
            rest.find('\n').unwrap_or(rest.len()) > MAX_SNIPPET_LINE
        });
        let message = if long_line {
            let loc = file.location(finding.span);
            format!(
                "{} (at {}:{}:{}; the line is too long to show)",
                finding.message, file.name, loc.line, loc.column
            )
        } else {
            finding.message.clone()
        };
        Self {
            finding,
            source: NamedFile(file),
            message,
            show_source: !long_line,
        }
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("rule", &self.finding.rule)
            .finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.show_source.then_some(&self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.show_source {
            return None;
        }
        let file = self.source.0;
        let labels = self.finding.labels.iter().enumerate().map(move |(i, l)| {
            let start = file.clamp(l.span.offset);
            let end = file.clamp(l.span.end()).max(start);
            let span = SourceSpan::new(start.into(), end - start);
            if i == 0 {
                LabeledSpan::new_primary_with_span(Some(l.message.clone()), span)
            } else {
                LabeledSpan::new_with_span(Some(l.message.clone()), span)
            }
        });
        Some(Box::new(labels))
    }
}
