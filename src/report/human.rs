//! The human report: miette's graphical diagnostics, the rule id as the code, every
//! compared value labelled, the help line; after a file's findings one line naming the
//! rules that did not run on it; then one summary line.
//!
//! Everything from a file or a file name (snippet lines, message, labels, help, the
//! name) is shown with control, bidi and line-separator characters made visible
//! (`\u{1b}`, see [`crate::text`]): colours come only from planlint. The labels are
//! moved onto the escaped text, so they still underline the right characters, and the
//! header keeps the original line and column. miette reads each snippet through the
//! file's line index ([`Shown`]), so the report is linear in findings and file size.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::Summary;
use crate::engine::FileReport;
use crate::i18n::Lang;
use crate::lint::{Diagnostic as Finding, Severity};
use crate::source::{SourceFile, Span};
use crate::text::{escape_control, escape_line, is_unsafe_char};

/// How the human report looks.
#[derive(Clone, Copy, Debug)]
pub struct HumanOptions {
    pub color: bool,
    /// Terminal width to wrap at.
    pub width: usize,
    /// Print the summary line.
    pub summary: bool,
    /// The language of the report's own words.
    pub lang: crate::i18n::Lang,
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

/// The diagnostics of one file, separated by blank lines, then a line naming the rules
/// that did not run on it; empty when it has neither.
pub fn render_file(report: &FileReport, opts: HumanOptions) -> String {
    let handler = handler(opts);
    let shown = Shown::new(&report.file);
    let mut out = String::new();
    for f in &report.findings {
        if !out.is_empty() {
            out.push('\n');
        }
        render_finding(&handler, &shown, f, opts.lang, &mut out);
    }
    let not_checked = super::not_checked(report, &[]);
    if !not_checked.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(
            &crate::i18n::Message::new("report-not-checked")
                .text("file", shown.name.to_string())
                .text(
                    "summary",
                    escape_line(&super::not_checked_summary_in(&not_checked, opts.lang)),
                )
                .render(opts.lang),
        );
        out.push('\n');
    }
    out
}

/// One finding into `out`; a one-line form if miette cannot render it.
fn render_finding(
    handler: &GraphicalReportHandler,
    shown: &Shown,
    f: &Finding,
    lang: Lang,
    out: &mut String,
) {
    let mut diag = FindingDiagnostic::new(f, shown);
    // miette writes `help:` in English: in another language the help line is planlint's.
    let own_help = match lang {
        Lang::En => None,
        _ => diag.help.take(),
    };
    let mut text = String::new();
    if handler.render_report(&mut text, &diag).is_ok() {
        out.push_str(&text);
        if let Some(help) = own_help {
            out.push_str("  ");
            out.push_str(
                &crate::i18n::Message::new("report-help")
                    .text("help", help)
                    .render(lang),
            );
            out.push('\n');
        }
    } else {
        // Rendering into a String only fails if a span is out of bounds; fall back
        // to a one-line form so that nothing is lost.
        let loc = shown.original.location(f.span);
        out.push_str(&format!(
            "{}:{}:{}: {} [{}] {}\n",
            shown.name,
            loc.line,
            loc.column,
            f.severity,
            f.rule,
            escape_control(&f.message)
        ));
    }
}

/// `--format human` for a whole run, with its options. The run streams it instead,
/// file by file, with [`render_file`].
pub struct Human(pub HumanOptions);

impl super::Reporter for Human {
    fn render(&self, reports: &[FileReport], _info: &super::RunInfo) -> String {
        render(reports, self.0)
    }

    /// Each finding shows the lines it points at (the run renders each file before it
    /// drops the text).
    fn quotes_source(&self) -> bool {
        true
    }
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
        out.push_str(&Summary::of(reports).line_in(opts.lang));
        out.push('\n');
    }
    out
}

/// One diagnostic into any source file (a config file, say), rendered like a finding.
pub fn render_one(file: &SourceFile, finding: &Finding, color: bool, lang: Lang) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_context_lines(1)
        .with_wrap_lines(false);
    let mut out = String::new();
    render_finding(&handler, &Shown::new(file), finding, lang, &mut out);
    out
}

/// Contexts of two labels this many lines apart or closer are shown as one snippet
/// (with the lines between); farther apart, as two.
const MERGE_GAP: usize = 3;

/// A file as the human report shows it: its name and text with every control and bidi
/// character made visible (`\u{1b}`), so that only planlint chooses colours, and a
/// map from the file's offsets to the shown text's. It reads a span's lines through
/// the file's line index: miette's own `SourceCode` for `str` scans from the start of
/// the text for every label, which made the report quadratic in findings × offset.
struct Shown<'a> {
    /// The file name, on one line, escaped.
    name: String,
    original: &'a SourceFile,
    /// The escaped copy, when the text has anything to escape.
    escaped: Option<Escaped>,
}

struct Escaped {
    file: SourceFile,
    /// For every escaped character: the offset after it in the original and in the
    /// shown text, ascending.
    map: Vec<(usize, usize)>,
}

impl<'a> Shown<'a> {
    fn new(file: &'a SourceFile) -> Self {
        Self {
            name: escape_line(&file.name).into_owned(),
            original: file,
            escaped: Escaped::of(&file.text),
        }
    }

    /// The text miette reads.
    fn file(&self) -> &SourceFile {
        self.escaped.as_ref().map_or(self.original, |e| &e.file)
    }

    /// Where an offset of the original text is in the shown text.
    fn shown_offset(&self, offset: usize) -> usize {
        let Some(e) = &self.escaped else {
            return offset;
        };
        let i = e.map.partition_point(|&(o, _)| o <= offset);
        match i.checked_sub(1).and_then(|i| e.map.get(i)) {
            Some(&(o, s)) => s + (offset - o),
            None => offset,
        }
    }

    /// Where an offset of the shown text (one that `shown_offset` gave) is in the
    /// original.
    fn original_offset(&self, shown: usize) -> usize {
        let Some(e) = &self.escaped else {
            return shown;
        };
        let i = e.map.partition_point(|&(_, s)| s <= shown);
        match i.checked_sub(1).and_then(|i| e.map.get(i)) {
            Some(&(o, s)) => o + (shown - s),
            None => shown,
        }
    }

    /// A span of the original text as a span of the shown text.
    fn shown_span(&self, span: Span) -> SourceSpan {
        let start = self.original.clamp(span.offset);
        let end = self.original.clamp(span.end()).max(start);
        let (start, end) = (self.shown_offset(start), self.shown_offset(end));
        SourceSpan::new(start.into(), end - start)
    }
}

impl Escaped {
    /// The escaped text and its offset map; `None` when nothing needs escaping. A line
    /// break stays a line break (`\r\n` too), and so does a byte-order mark at the very
    /// start, which no editor shows.
    fn of(text: &str) -> Option<Self> {
        let needs = |i: usize, c: char| {
            is_unsafe_char(c)
                && !(c == '\r' && text[i + 1..].starts_with('\n'))
                && !(c == '\u{feff}' && i == 0)
        };
        if !text.char_indices().any(|(i, c)| needs(i, c)) {
            return None;
        }
        let mut out = String::with_capacity(text.len() + 64);
        let mut map = Vec::new();
        for (i, c) in text.char_indices() {
            if needs(i, c) {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
                map.push((i + c.len_utf8(), out.len()));
            } else {
                out.push(c);
            }
        }
        Some(Self {
            file: SourceFile::new(String::new(), out),
            map,
        })
    }
}

/// The offset after the line break of the line holding `offset` (or the end).
fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| offset + i + 1)
}

impl SourceCode for Shown<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let file = self.file();
        let text = file.text.as_str();
        if span.offset() + span.len() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let start = file.clamp(span.offset());
        let end = file.clamp(span.offset() + span.len()).max(start);
        let last = file.clamp(if end > start { end - 1 } else { start });
        let mut from = file.line_start_of(start);
        for _ in 0..before {
            if from == 0 {
                break;
            }
            from = file.line_start_of(from - 1);
        }
        let mut to = line_end(text, last);
        for _ in 0..after {
            if to >= text.len() {
                break;
            }
            to = line_end(text, to);
        }
        let data = &text[from..to];
        let (line, _) = file.line_col(from);
        // The place named in the snippet's header is the original file's: columns
        // count the characters an editor shows, not the escapes.
        let column = if before == 0 {
            let (_, column) = self.original.line_col(self.original_offset(start));
            column - 1
        } else {
            0
        };
        let lines = data.matches('\n').count() + usize::from(!data.ends_with('\n'));
        // miette merges the contexts of two labels when the first one's lines reach
        // the second's: count a few lines more so that near labels share a snippet.
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            SourceSpan::new(from.into(), data.len()),
            line - 1,
            column,
            lines + MERGE_GAP,
        )))
    }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: &'a Shown<'a>,
    /// The message, escaped, with the place added when the snippet is left out.
    message: String,
    help: Option<String>,
    /// The labels, escaped, with their spans in the shown text.
    labels: Vec<(SourceSpan, String)>,
    /// False when a labelled line is too long to show (a minified or hostile file).
    show_source: bool,
}

/// Lines longer than this are not printed as snippets.
const MAX_SNIPPET_LINE: usize = 500;

impl<'a> FindingDiagnostic<'a> {
    fn new(finding: &'a Finding, shown: &'a Shown<'a>) -> Self {
        let labels: Vec<(SourceSpan, String)> = finding
            .labels
            .iter()
            .map(|l| {
                (
                    shown.shown_span(l.span),
                    escape_line(&l.message).into_owned(),
                )
            })
            .collect();
        let file = shown.file();
        let long_line = labels.iter().any(|(span, _)| {
            let start = file.line_start_of(span.offset());
            let rest = &file.text[start..];
            rest.find('\n').unwrap_or(rest.len()) > MAX_SNIPPET_LINE
        });
        let message = escape_control(&finding.message);
        let message = if long_line {
            let loc = shown.original.location(finding.span);
            format!(
                "{message} (at {}:{}:{}; the line is too long to show)",
                shown.name, loc.line, loc.column
            )
        } else {
            message.into_owned()
        };
        Self {
            finding,
            source: shown,
            message,
            help: finding
                .help
                .as_deref()
                .map(|h| escape_control(h).into_owned()),
            labels,
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
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.show_source.then_some(self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.show_source {
            return None;
        }
        let labels = self.labels.iter().enumerate().map(|(i, (span, message))| {
            if i == 0 {
                LabeledSpan::new_primary_with_span(Some(message.clone()), *span)
            } else {
                LabeledSpan::new_with_span(Some(message.clone()), *span)
            }
        });
        Some(Box::new(labels))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{NotChecked, NotCheckedReason};
    use crate::model::Place;

    const PLAIN: HumanOptions = HumanOptions {
        color: false,
        width: 100,
        summary: false,
        lang: crate::i18n::Lang::En,
    };

    fn finding_at(text: &str, needle: &str, message: &str) -> Finding {
        let offset = text.find(needle).unwrap();
        Finding::new(
            "plan/unknown-key",
            Place {
                span: Span::new(offset, needle.len()),
                path: String::new(),
            },
            message,
            "not a key",
        )
    }

    fn report(name: &str, text: &str, findings: Vec<Finding>) -> FileReport {
        FileReport {
            file: SourceFile::new(name, text.to_string()),
            findings,
            rendered: None,
            parsed: true,
            not_checked: Vec::new(),
        }
    }

    /// The character column where `needle` starts in `line`.
    fn column(line: &str, needle: &str) -> usize {
        line[..line.find(needle).unwrap()].chars().count()
    }

    fn assert_safe(out: &str) {
        assert!(
            !out.chars()
                .any(|c| is_unsafe_char(c) && c != '\u{feff}' || c == '\r'),
            "{out:?}"
        );
    }

    #[test]
    fn escaped_snippets_keep_labels_under_their_characters() {
        let text = "a: 1\n# \u{1b}]0;x\u{7} note\nk\u{1b}[2J\u{202e}: 2\nz: 3\n";
        let key = "k\u{1b}[2J\u{202e}";
        let f = finding_at(text, key, "unknown key `k\u{1b}[2J\u{202e}`").help("drop \u{9b}it");
        let out = render_file(&report("x\u{1b}[31m.plan.yaml", text, vec![f]), PLAIN);
        assert_safe(&out);
        let lines: Vec<&str> = out.lines().collect();
        // The header names the original place: line 3, column 1.
        assert!(out.contains("[x\\u{1b}[31m.plan.yaml:3:1]"), "{out}");
        assert!(out.contains("unknown key `k\\u{1b}[2J\\u{202e}`"), "{out}");
        assert!(out.contains("help: drop \\u{9b}it"), "{out}");
        assert!(out.contains("2 │ # \\u{1b}]0;x\\u{7} note"), "{out}");
        // The underline spans exactly the escaped key.
        let shown = "k\\u{1b}[2J\\u{202e}";
        let at = lines
            .iter()
            .position(|l| l.ends_with(&format!("3 │ {shown}: 2")))
            .unwrap();
        let key_col = column(lines[at], shown);
        let under = lines[at + 1];
        let start = column(under, "─");
        let width = under.chars().filter(|c| matches!(c, '─' | '┬')).count();
        assert_eq!(start, key_col, "{out}");
        assert_eq!(width, shown.chars().count(), "{out}");
    }

    #[test]
    fn columns_after_escapes_and_crlf_stay_right() {
        // A label after an escaped character on its line, in a CRLF file.
        let text = "a: 1\r\nb\u{1b}: x\u{7f}yz\r\nc: 3\r\n";
        let f = finding_at(text, "yz", "m");
        let out = render_file(&report("t.plan.yaml", text, vec![f]), PLAIN);
        assert_safe(&out);
        // Column 7 of line 2 in the original (b, ESC, :, space, x, DEL, y).
        assert!(out.contains("[t.plan.yaml:2:7]"), "{out}");
        let lines: Vec<&str> = out.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("b\\u{1b}: x\\u{7f}yz"))
            .unwrap();
        assert_eq!(column(lines[at + 1], "─"), column(lines[at], "yz"), "{out}");
        // No line of the snippet keeps its carriage return.
        assert!(!out.contains("\\u{d}"), "{out}");
    }

    #[test]
    fn far_apart_labels_get_their_own_snippets_near_ones_share_one() {
        let mut text = String::from("first: 1\n");
        for i in 0..50 {
            text.push_str(&format!("k{i}: {i}\n"));
        }
        text.push_str("last: 2\n");
        let mut f = finding_at(&text, "first", "m");
        let last = text.find("last").unwrap();
        f = f.label(
            Place {
                span: Span::new(last, 4),
                path: String::new(),
            },
            "far",
        );
        let near = text.find("k2:").unwrap();
        f = f.label(
            Place {
                span: Span::new(near, 2),
                path: String::new(),
            },
            "near",
        );
        let out = render_file(&report("t.plan.yaml", &text, vec![f]), PLAIN);
        // Lines 1-5 (first … k2 and a line of context), then 51-53: never the 50 lines
        // between.
        assert!(out.contains(" 4 │ k2: 2"), "{out}");
        assert!(!out.contains("k20: 20"), "{out}");
        assert!(out.contains("52 │ last: 2"), "{out}");
        assert_eq!(out.matches("╭─").count(), 2, "{out}");
    }

    #[test]
    fn offsets_map_both_ways() {
        let file = SourceFile::new("t", "a\u{1b}b\u{202e}c\r\nd\re".to_string());
        let shown = Shown::new(&file);
        assert_eq!(shown.file().text, "a\\u{1b}b\\u{202e}c\r\nd\\u{d}e");
        for (orig, want) in [(0, 0), (1, 1), (2, 7), (3, 8), (6, 16), (9, 19), (11, 25)] {
            assert_eq!(shown.shown_offset(orig), want, "{orig}");
            assert_eq!(shown.original_offset(want), orig, "{want}");
        }
        // Nothing to escape: the file itself.
        let plain = SourceFile::new("t", "a: 1\r\n".to_string());
        assert!(Shown::new(&plain).escaped.is_none());
        let bom = SourceFile::new("t", "\u{feff}a: 1\n".to_string());
        assert!(Shown::new(&bom).escaped.is_none());
    }

    #[test]
    fn rules_not_checked_are_one_line_after_the_findings() {
        let text = "a: 1\n";
        let mut r = report("p\u{1b}.plan.yaml", text, vec![finding_at(text, "a", "m")]);
        r.not_checked = vec![
            NotChecked {
                rule: "large-customers/acv-floor",
                reason: NotCheckedReason::MissingInput,
                paths: vec!["unit_economics.acv".into()],
            },
            NotChecked {
                rule: "large-customers/ltv-floor",
                reason: NotCheckedReason::MissingInput,
                paths: vec!["unit_economics.acv".into(), "x\u{1b}[2J".into()],
            },
            NotChecked {
                rule: "large-customers/ltv-floor",
                reason: NotCheckedReason::MissingInput,
                paths: vec!["unit_economics.acv".into()],
            },
            NotChecked {
                rule: "value-pricing/price-floor",
                reason: NotCheckedReason::NoFxRate,
                paths: Vec::new(),
            },
        ];
        let out = render_file(&r, PLAIN);
        assert_safe(&out);
        assert!(
            out.ends_with(
                "╰────\n\np\\u{1b}.plan.yaml: not checked: 3 rules (missing input \
                 unit_economics.acv, x\\u{1b}[2J: large-customers/acv-floor, \
                 large-customers/ltv-floor; no exchange rate for the thresholds' currency: \
                 value-pricing/price-floor)\n"
            ),
            "{out}"
        );
        // A file with nothing but rules not checked still says so; the summary counts it.
        r.findings.clear();
        let out = render(
            std::slice::from_ref(&r),
            HumanOptions {
                summary: true,
                ..PLAIN
            },
        );
        assert!(
            out.starts_with("p\\u{1b}.plan.yaml: not checked: 3 rules"),
            "{out}"
        );
        assert!(
            out.ends_with("\nno findings in 1 file; 1 file not fully checked\n"),
            "{out}"
        );
    }

    #[test]
    fn colour_comes_only_from_planlint() {
        let text = "k\u{1b}[2J\u{1b}]0;t\u{7}: 1\n";
        let f = finding_at(text, "k", "unknown key `k\u{1b}[31m`");
        let out = render_file(
            &report("n\u{1b}[1m.plan.yaml", text, vec![f]),
            HumanOptions {
                color: true,
                ..PLAIN
            },
        );
        // Every ESC starts an SGR sequence (`ESC [ digits/; m`), none comes from the file.
        let mut rest = out.as_str();
        let mut escapes = 0;
        while let Some(i) = rest.find('\u{1b}') {
            rest = &rest[i + 1..];
            let body = rest.strip_prefix('[').expect("CSI");
            let end = body
                .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                .unwrap();
            assert_eq!(&body[end..end + 1], "m", "{out:?}");
            escapes += 1;
        }
        assert!(escapes > 0);
        assert!(!out.contains('\u{7}'));
    }
}
