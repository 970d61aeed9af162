//! `--format html`: one self-contained page for review boards, for one plan or a tree.
//!
//! CSS and SVG are inline: the page makes no request and runs no script, so it reads
//! the same from a mail attachment or a CI artifact. With several plans a portfolio
//! overview comes first (a row per plan: the scorecard's cells, the key figures, a link
//! to the plan's section); then per plan its scorecard, key figures, charts
//! ([`charts`]) and findings, each with its source excerpt and every labelled value
//! marked, as the human report shows them.
//!
//! Every text that comes from a plan or a file name goes through [`esc`]: control
//! characters made visible (as in the human report), then HTML-escaped; no plan can add
//! markup or script. The page's language follows `--lang`.

pub mod charts;

use std::fmt::Write;

use super::markdown::{Counts, Verdict, scorecard_principles, scorecard_row};
use super::{RunInfo, Summary, ci_path, not_checked};
use crate::engine::FileReport;
use crate::figures::Figures;
use crate::i18n::{Lang, Message};
use crate::lint::Settings;
use crate::lint::{Diagnostic, NotChecked};
use crate::model::value::{format_number, format_percent};
use crate::source::SourceFile;
use crate::text::{escape_control, escape_line};

/// `--format html`, judging figures against `settings`' thresholds (the run's).
#[derive(Default)]
pub struct Html {
    pub settings: Settings,
}

impl super::Reporter for Html {
    fn render(&self, reports: &[FileReport], info: &RunInfo) -> String {
        render(reports, info, &self.settings)
    }

    /// Findings show their lines, and the figures are read from each plan's text.
    fn quotes_source(&self) -> bool {
        true
    }

    fn reads_plans(&self) -> bool {
        true
    }
}

/// Text from a plan or a file name, for the page: control characters made visible,
/// then escaped for HTML text and quoted attribute values alike.
pub fn esc(s: &str) -> String {
    html_escape::encode_safe(&escape_control(s)).into_owned()
}

/// [`esc`] on one line: line breaks made visible too (file names, labels).
pub fn esc_line(s: &str) -> String {
    html_escape::encode_safe(&escape_line(s)).into_owned()
}

fn word(id: &'static str, lang: Lang) -> String {
    Message::new(id).render(lang)
}

/// The page's CSS: a system font stack with CJK glyphs, print-friendly colours.
const CSS: &str = r#"
:root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --pass: #16a34a; --warn: #d97706;
  --fail: #dc2626; --nc: #6b7280; --bg: #ffffff; --soft: #f9fafb; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1160px; padding: 24px; color: var(--ink); background: var(--bg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  line-height: 1.45; }
svg text { font-family: system-ui, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
  "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.35em; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 40px; }
h3 { font-size: 1.1em; margin: 22px 0 8px; }
.muted, .legend { color: var(--muted); font-size: 0.9em; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.92em; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.cell { text-align: center; white-space: nowrap; font-weight: 600; }
.v-pass { color: var(--pass); } .v-warn { color: var(--warn); } .v-fail { color: var(--fail); }
.v-not-checked { color: var(--nc); }
.summary { font-size: 1.05em; }
.scroll { overflow-x: auto; }
table.overview { font-size: 0.86em; } table.overview th, table.overview td { padding: 3px 5px; }
table.overview th.p { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  vertical-align: bottom; font-weight: 600; padding: 6px 4px; }
.chart { margin: 8px 0 16px; } .chart svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--nc); border-radius: 4px;
  padding: 8px 12px; margin: 10px 0; background: var(--bg); }
.finding.sev-error { border-left-color: var(--fail); }
.finding.sev-warning { border-left-color: var(--warn); }
.finding.sev-info { border-left-color: #2563eb; }
.finding header { font-weight: 600; }
.finding .rule { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-weight: 400; color: var(--muted); }
.sev { text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.04em; margin-right: 6px; }
.sev-error .sev { color: var(--fail); } .sev-warning .sev { color: var(--warn); }
.loc { color: var(--muted); font-size: 0.88em; }
table.excerpt { border: none; margin: 6px 0; font-family: ui-monospace, "SFMono-Regular", Menlo,
  Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 0.85em; width: 100%; }
table.excerpt td { border: none; padding: 0 6px; white-space: pre-wrap; word-break: break-all; }
table.excerpt td.ln { color: var(--muted); text-align: right; width: 3.5em; user-select: none;
  border-right: 1px solid var(--line); }
table.excerpt tr.gap td { color: var(--muted); }
table.excerpt tr.label td.src { color: #7c2d12; }
mark { background: #fde68a; color: inherit; border-bottom: 2px solid var(--warn); padding: 0 1px; }
mark.primary { background: #fecaca; border-bottom-color: var(--fail); }
.help { margin: 4px 0 0; }
.changed-up { color: var(--fail); } .changed-down { color: var(--pass); }
.diff-new { border-left-color: var(--fail) !important; background: #fef2f2; }
.diff-fixed { opacity: 0.75; } .diff-fixed header { text-decoration: line-through; }
.tag { display: inline-block; font-size: 0.75em; padding: 0 6px; border-radius: 8px;
  background: var(--soft); border: 1px solid var(--line); margin-right: 6px; }
@media print { body { max-width: none; } .finding, .chart { break-inside: avoid; } }
"#;

/// The page up to and including `<body>`'s header: `title` and the lines under it
/// (already HTML).
pub fn page_start(out: &mut String, lang: Lang, title: &str, under: &[String]) {
    let code = match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"planlint\">\n<title>{title}</title>\n\
         <style>{CSS}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n"
    );
    for line in under {
        let _ = writeln!(out, "<p class=\"summary\">{line}</p>");
    }
    out.push_str("</header>\n");
}

pub fn page_end(out: &mut String) {
    out.push_str("</body>\n</html>\n");
}

/// The whole report.
pub fn render(reports: &[FileReport], info: &RunInfo, settings: &Settings) -> String {
    let lang = info.lang;
    let unchecked: Vec<Vec<NotChecked>> = reports
        .iter()
        .map(|r| not_checked(r, &info.enabled))
        .collect();
    let mut summary = Summary::of(reports);
    summary.not_fully_checked = unchecked.iter().filter(|n| !n.is_empty()).count();
    let principles = scorecard_principles(info);
    let mut out = String::with_capacity(16 * 1024 + reports.len() * 8 * 1024);
    let generated = Message::new("html-generated")
        .text("version", info.version)
        .render(lang);
    page_start(
        &mut out,
        lang,
        &esc(&word("html-title", lang)),
        &[
            esc(&summary.line_in(lang)),
            format!("<span class=\"muted\">{}</span>", esc(&generated)),
        ],
    );
    // Each plan's figures and section, one plan at a time: the page grows with the plans,
    // never more than one plan's figures are held beyond its overview row.
    let mut rows = String::new();
    let mut sections = String::new();
    for (i, (report, nc)) in reports.iter().zip(&unchecked).enumerate() {
        let figures = Figures::of(&report.file, settings);
        let cells = scorecard_row(report, nc, &principles, info);
        let anchor = format!("plan-{}", i + 1);
        overview_row(&mut rows, report, &anchor, &cells, figures.as_ref(), lang);
        plan_section(
            &mut sections,
            &PlanView {
                report,
                not_checked: nc,
                anchor: &anchor,
                principles: &principles,
                cells: &cells,
                figures: figures.as_ref(),
            },
            lang,
        );
    }
    if reports.len() > 1 {
        overview(&mut out, &principles, &rows, lang);
    }
    out.push_str(&sections);
    page_end(&mut out);
    out
}

/// The overview table around its rows.
fn overview(out: &mut String, principles: &[&str], rows: &str, lang: Lang) {
    let _ = write!(
        out,
        "<section id=\"overview\">\n<h2>{}</h2>\n<div class=\"scroll\"><table class=\"overview\">\n<thead><tr><th>{}</th>",
        esc(&word("html-overview", lang)),
        esc(&word("html-plan", lang))
    );
    for p in principles {
        let _ = write!(out, "<th class=\"p\">{}</th>", esc(p));
    }
    for id in OVERVIEW_FIGURES {
        let _ = write!(out, "<th>{}</th>", esc(&word(id, lang)));
    }
    let _ = write!(
        out,
        "</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</div>\n<p class=\"legend\">{}</p>\n</section>\n",
        esc(&word("html-legend", lang))
    );
}

/// The key figures the portfolio overview shows, as their column headings' message ids.
const OVERVIEW_FIGURES: [&str; 6] = [
    "html-acv",
    "html-ltv",
    "html-ltv-cac",
    "html-churn",
    "html-payback",
    "html-cash-out",
];

fn overview_row(
    out: &mut String,
    report: &FileReport,
    anchor: &str,
    cells: &[Counts],
    figures: Option<&Figures>,
    lang: Lang,
) {
    let _ = write!(
        out,
        "<tr><td><a href=\"#{anchor}\">{}</a></td>",
        esc_line(&ci_path(&report.file.name))
    );
    for c in cells {
        out.push_str(&cell(*c, lang));
    }
    let key = key_figures(figures, lang, true);
    for (_, value) in key.iter().filter(|(id, _)| OVERVIEW_FIGURES.contains(id)) {
        let _ = write!(out, "<td class=\"num\">{}</td>", esc(value));
    }
    out.push_str("</tr>\n");
}

/// A scorecard cell: `✓`, `⚠ N`, `✗ N` or `—`, its verdict in words as its title.
pub fn cell(c: Counts, lang: Lang) -> String {
    let verdict = c.verdict();
    let n = c.findings();
    let mark = match verdict {
        Verdict::Pass => "✓".to_string(),
        Verdict::Warn => format!("⚠ {n}"),
        Verdict::Fail => format!("✗ {n}"),
        Verdict::NotChecked => "—".to_string(),
    };
    let mut title = Message::new("html-verdict")
        .text("verdict", verdict.word())
        .render(lang);
    if c.not_checked && verdict != Verdict::NotChecked {
        title = format!("{title}; {}", word("html-partly", lang));
    }
    let partly = if c.not_checked && verdict != Verdict::NotChecked {
        " …"
    } else {
        ""
    };
    format!(
        "<td class=\"cell v-{}\" title=\"{}\">{mark}{partly}</td>",
        verdict.word(),
        esc(&title)
    )
}

/// The key figures as `(message id, value shown)`, `—` where the plan has none.
pub fn key_figures(f: Option<&Figures>, lang: Lang, short: bool) -> Vec<(&'static str, String)> {
    let none = || word("html-not-stated", lang);
    let Some(f) = f else {
        return [
            "html-acv",
            "html-ltv",
            "html-ltv-cac",
            "html-churn",
            "html-payback",
            "html-roi",
            "html-cash-out",
        ]
        .into_iter()
        .map(|id| (id, none()))
        .collect();
    };
    // Short amounts (`180k CNY`) in the overview, whose table is wide.
    let money = |v: Option<f64>| {
        v.map_or_else(none, |v| {
            if short {
                format!("{} {}", charts::compact(v, lang), f.currency)
                    .trim_end()
                    .to_string()
            } else {
                crate::i18n::money(v, &f.currency, lang)
            }
        })
    };
    let times = |v: Option<f64>| {
        v.map_or_else(none, |v| {
            Message::new("html-times")
                .text("n", format_number(v))
                .render(lang)
        })
    };
    vec![
        ("html-acv", money(f.acv)),
        ("html-ltv", money(f.ltv)),
        ("html-ltv-cac", times(f.ltv_cac)),
        (
            "html-churn",
            f.revenue_churn.map_or_else(none, format_percent),
        ),
        (
            "html-payback",
            f.payback().map_or_else(none, |v| {
                Message::new("html-months")
                    .text("n", format_number(v))
                    .render(lang)
            }),
        ),
        ("html-roi", times(f.roi())),
        (
            "html-cash-out",
            match (
                f.cash_out_year,
                f.years.iter().any(|y| y.cash_end.is_some()),
            ) {
                (Some(y), _) => y.to_string(),
                (None, true) => word("html-none", lang),
                (None, false) => none(),
            },
        ),
    ]
}

/// What one plan's section shows.
struct PlanView<'a> {
    report: &'a FileReport,
    not_checked: &'a [NotChecked],
    anchor: &'a str,
    principles: &'a [&'a str],
    cells: &'a [Counts],
    figures: Option<&'a Figures>,
}

fn plan_section(out: &mut String, v: &PlanView, lang: Lang) {
    let name = esc_line(&ci_path(&v.report.file.name));
    let company = v
        .figures
        .and_then(|f| f.company.as_deref())
        .map(|c| format!(" <span class=\"muted\">{}</span>", esc_line(c)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<section class=\"plan\" id=\"{}\">\n<h2>{name}{company}</h2>",
        v.anchor
    );
    scorecard_table(out, v.principles, v.cells, lang);
    match v.figures {
        Some(f) => {
            figures_table(out, f, lang);
            charts_of(out, f, None, lang);
        }
        None => {
            let _ = writeln!(
                out,
                "<p class=\"muted\">{}</p>",
                esc(&word("html-unparsed", lang))
            );
        }
    }
    let _ = writeln!(out, "<h3>{}</h3>", esc(&word("html-findings", lang)));
    if v.report.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&word("html-no-findings", lang)));
    }
    for f in &v.report.findings {
        finding(out, &v.report.file, f, "", None, lang);
    }
    not_checked_line(out, v.not_checked, lang);
    out.push_str("</section>\n");
}

/// The line naming the rules that did not run on a plan, if any.
pub fn not_checked_line(out: &mut String, list: &[NotChecked], lang: Lang) {
    if list.is_empty() {
        return;
    }
    let summary = super::not_checked_summary_in(list, lang);
    let _ = writeln!(
        out,
        "<p class=\"muted\">{}</p>",
        esc(&Message::new("html-not-checked")
            .text("summary", summary)
            .render(lang))
    );
}

/// One plan's scorecard: a principle per column.
pub fn scorecard_table(out: &mut String, principles: &[&str], cells: &[Counts], lang: Lang) {
    if principles.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h3>{}</h3>\n<table class=\"scorecard\"><thead><tr>",
        esc(&word("html-scorecard", lang))
    );
    for p in principles {
        let _ = write!(out, "<th>{}</th>", esc(p));
    }
    out.push_str("</tr></thead><tbody><tr>");
    for c in cells {
        out.push_str(&cell(*c, lang));
    }
    out.push_str("</tr></tbody></table>\n");
}

fn figures_table(out: &mut String, f: &Figures, lang: Lang) {
    let _ = write!(
        out,
        "<h3>{}</h3>\n<table class=\"figures\"><tbody>",
        esc(&word("html-figures", lang))
    );
    for (id, value) in key_figures(Some(f), lang, false) {
        let _ = write!(
            out,
            "<tr><th>{}</th><td class=\"num\">{}</td></tr>",
            esc(&word(id, lang)),
            esc(&value)
        );
    }
    out.push_str("</tbody></table>\n");
}

/// The three charts of a plan (with `old`, the old version's projections dashed).
pub fn charts_of(out: &mut String, f: &Figures, old: Option<&Figures>, lang: Lang) {
    let _ = writeln!(out, "<h3>{}</h3>", esc(&word("html-charts", lang)));
    for (id, chart) in [
        ("html-chart-projections", charts::projections(f, old, lang)),
        ("html-chart-unit", charts::unit_economics(f, lang)),
        ("html-chart-pricing", charts::pricing(f, lang)),
    ] {
        let _ = write!(
            out,
            "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n",
            esc(&word(id, lang))
        );
        match chart {
            Some(svg) => out.push_str(&svg),
            None => {
                let _ = write!(
                    out,
                    "<p class=\"muted\">{}</p>",
                    esc(&word("html-chart-no-data", lang))
                );
            }
        }
        out.push_str("</figure>\n");
    }
}

/// Lines of context around a label, and how near two labels' contexts must be to share
/// one excerpt: as in the human report.
const CONTEXT: usize = 1;
const MERGE_GAP: usize = 3;
/// A labelled line longer than this is not shown (as in the human report).
const MAX_LINE: usize = 500;

/// One finding: severity, rule, message, place, its excerpt with every labelled value
/// marked, and the help. `class` is added to the element's classes; `note` (HTML) is
/// put after the place (`moved from line 3`).
pub fn finding(
    out: &mut String,
    file: &SourceFile,
    f: &Diagnostic,
    class: &str,
    note: Option<&str>,
    lang: Lang,
) {
    let loc = file.location(f.span);
    let sev = f.severity.as_str();
    let _ = write!(
        out,
        "<article class=\"finding sev-{sev} {class}\">\n<header><span class=\"sev\">{}</span>{} \
         <span class=\"rule\">[{}]</span></header>\n<div class=\"loc\">{}:{}:{}{}</div>\n",
        esc(&Message::new("html-severity")
            .text("severity", sev)
            .render(lang)),
        esc(&f.message),
        esc(f.rule),
        esc_line(&ci_path(&file.name)),
        loc.line,
        loc.column,
        note.map(|n| format!(" · {n}")).unwrap_or_default(),
    );
    excerpt(out, file, f, lang);
    if let Some(help) = &f.help {
        let _ = writeln!(
            out,
            "<p class=\"help\">{}</p>",
            esc(&Message::new("html-help").text("help", help).render(lang))
        );
    }
    out.push_str("</article>\n");
}

/// The byte range of line `line` (1-based) without its line break.
fn line_range(file: &SourceFile, line: usize) -> (usize, usize) {
    let start = file.offset_of(line, 1);
    let rest = &file.text[start..];
    let end = start + rest.find('\n').unwrap_or(rest.len());
    let end = if file.text[start..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    (start, end)
}

/// The source lines a finding's labels point at, each labelled value in a `<mark>`, the
/// label under its line. Nothing when the file's text is gone or a line is too long.
fn excerpt(out: &mut String, file: &SourceFile, f: &Diagnostic, lang: Lang) {
    if file.text.is_empty() || f.labels.is_empty() {
        return;
    }
    let last_line = file.line_col(file.text.len()).0;
    // (start, end) offsets of each label, clamped to the file.
    let spans: Vec<(usize, usize)> = f
        .labels
        .iter()
        .map(|l| {
            let s = file.clamp(l.span.offset);
            (s, file.clamp(l.span.end()).max(s))
        })
        .collect();
    let mut ranges: Vec<(usize, usize)> = spans
        .iter()
        .map(|(s, e)| {
            let first = file.line_col(*s).0;
            let end_line = file.line_col(if e > s { e - 1 } else { *s }).0;
            (
                first.saturating_sub(CONTEXT).max(1),
                (end_line + CONTEXT).min(last_line),
            )
        })
        .collect();
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(m) if r.0 <= m.1 + MERGE_GAP => m.1 = m.1.max(r.1),
            _ => merged.push(r),
        }
    }
    let too_long = spans.iter().any(|(s, _)| {
        let (a, b) = line_range(file, file.line_col(*s).0);
        b - a > MAX_LINE
    });
    if too_long {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{}</p>",
            esc(&word("html-long-line", lang))
        );
        return;
    }
    out.push_str("<table class=\"excerpt\">\n");
    for (i, (from, to)) in merged.iter().enumerate() {
        if i > 0 {
            out.push_str("<tr class=\"gap\"><td class=\"ln\">⋮</td><td></td></tr>\n");
        }
        for line in *from..=*to {
            let (a, b) = line_range(file, line);
            let _ = write!(out, "<tr><td class=\"ln\">{line}</td><td class=\"src\">");
            // The labelled pieces of this line, in order, without overlaps.
            let mut pieces: Vec<(usize, usize, usize)> = spans
                .iter()
                .enumerate()
                .filter_map(|(k, (s, e))| {
                    let (ps, pe) = ((*s).max(a), (*e).min(b));
                    (ps < pe || (s == e && *s >= a && *s <= b)).then_some((ps, pe, k))
                })
                .collect();
            pieces.sort();
            let mut at = a;
            for (ps, pe, k) in pieces {
                if ps < at {
                    continue;
                }
                out.push_str(&esc(&file.text[at..ps]));
                let class = if k == 0 { " class=\"primary\"" } else { "" };
                let _ = write!(
                    out,
                    "<mark{class} title=\"{}\">{}</mark>",
                    esc_line(&f.labels[k].message),
                    esc(&file.text[ps..pe])
                );
                at = pe;
            }
            out.push_str(&esc(&file.text[at..b]));
            out.push_str("</td></tr>\n");
            // The labels that start on this line, under it.
            for (k, (s, _)) in spans.iter().enumerate() {
                if *s >= a && *s <= b && file.line_col(*s).0 == line {
                    let col = file.text[a..*s].chars().count();
                    let _ = writeln!(
                        out,
                        "<tr class=\"label\"><td class=\"ln\"></td><td class=\"src\">{}╰ {}</td></tr>",
                        " ".repeat(col),
                        esc_line(&f.labels[k].message)
                    );
                }
            }
        }
    }
    out.push_str("</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{DiagnosticLabel, Severity};
    use crate::source::Span;

    #[test]
    fn plan_text_is_escaped_and_controls_are_visible() {
        assert_eq!(
            esc("<script>alert('x')</script>&\u{1b}"),
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt;&amp;\\u{1b}"
        );
        assert_eq!(esc_line("a\nb\""), "a\\u{a}b&quot;");
    }

    #[test]
    fn excerpts_mark_every_label_and_merge_near_ones() {
        let mut text = String::from("a: 1\nacv: <b>5</b>\nlife: 2\n");
        for i in 0..20 {
            text.push_str(&format!("k{i}: {i}\n"));
        }
        text.push_str("far: 9\n");
        let file = SourceFile::new("t.plan.yaml", text.clone());
        let at = |needle: &str| {
            let o = text.find(needle).unwrap();
            Span::new(o, needle.len())
        };
        let f = Diagnostic {
            rule: "large-customers/acv-floor",
            severity: Severity::Error,
            message: "ACV <too> low".into(),
            span: at("<b>5</b>"),
            path: "acv".into(),
            labels: vec![
                DiagnosticLabel {
                    span: at("<b>5</b>"),
                    message: "ACV \"5\"".into(),
                },
                DiagnosticLabel {
                    span: at("2"),
                    message: "lifetime".into(),
                },
                DiagnosticLabel {
                    span: Span::new(text.rfind('9').unwrap(), 1),
                    message: "far".into(),
                },
            ],
            help: Some("raise <it>".into()),
            fix: None,
            alternatives: Vec::new(),
        };
        let mut out = String::new();
        finding(&mut out, &file, &f, "", None, Lang::En);
        assert!(
            out.contains(
                "<mark class=\"primary\" title=\"ACV &quot;5&quot;\">&lt;b&gt;5&lt;&#x2F;b&gt;</mark>"
            ),
            "{out}"
        );
        assert!(out.contains("<mark title=\"lifetime\">2</mark>"), "{out}");
        assert!(out.contains("far: <mark title=\"far\">9</mark>"), "{out}");
        // Two excerpts: lines 1-4 and the far label's, with a gap between.
        assert_eq!(out.matches("class=\"gap\"").count(), 1, "{out}");
        assert!(!out.contains(">k10: 10<"), "{out}");
        assert!(out.contains("Help: raise &lt;it&gt;"), "{out}");
        assert!(out.contains("t.plan.yaml:2:6"), "{out}");
        assert!(!out.contains("<it>") && !out.contains("<too>"), "{out}");
    }
}
