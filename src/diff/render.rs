//! `planlint diff`'s four formats: human, json (the contract of docs/interface.md),
//! markdown (a pull-request comment) and html (the HTML report with the changes
//! highlighted).

use std::fmt::Write;

use serde_json::{Value, json};

use super::{Diff, PlanDiff};
use crate::figures::Figures;
use crate::i18n::{Lang, Message};
use crate::lint::Diagnostic;
use crate::model::value::{format_number, format_percent};
use crate::report::ci_path;
use crate::report::html::{self as page, esc, esc_line};
use crate::report::markdown::{MAX_BYTES, code, table_code};
use crate::source::SourceFile;
use crate::text::escape_line;

/// How a figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Money,
    Percent,
    Times,
    Months,
    Year,
}

/// One figure compared: its stable key (JSON), its label, both values.
pub struct FigureRow {
    pub key: String,
    pub label: String,
    pub kind: Kind,
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// `Some(true)` when a higher value is better, `Some(false)` when lower is,
    /// `None` when neither.
    pub higher_is_better: Option<bool>,
    /// Whether each version has what the figure is read from, so that an absent value
    /// means "none" (no year runs out of cash) rather than "not stated".
    pub none_if_absent: (bool, bool),
}

impl FigureRow {
    /// new − old, when both exist.
    pub fn change(&self) -> Option<f64> {
        Some(self.new? - self.old?)
    }

    /// True when both are absent or equal.
    pub fn same(&self) -> bool {
        match (self.old, self.new) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
            (None, None) => true,
            _ => false,
        }
    }

    /// `better`, `worse` or `changed` (or `same`), for colouring.
    pub fn direction(&self) -> &'static str {
        if self.same() {
            return "same";
        }
        match (self.change(), self.higher_is_better) {
            (Some(c), Some(higher)) if (c > 0.0) == higher => "better",
            (Some(_), Some(_)) => "worse",
            _ => "changed",
        }
    }
}

/// The figures compared, in the order the issue lists them: ACV, LTV stated and
/// computed, LTV:CAC, churn, payback, ROI, growth a year, cash-out year.
pub fn figure_rows(old: Option<&Figures>, new: Option<&Figures>, lang: Lang) -> Vec<FigureRow> {
    let word = |id: &'static str| Message::new(id).render(lang);
    let pick = |f: fn(&Figures) -> Option<f64>| (old.and_then(f), new.and_then(f));
    let mut rows = Vec::new();
    let mut push = |key: &str, id: &'static str, kind, v: (Option<f64>, Option<f64>), better| {
        rows.push(FigureRow {
            key: key.to_string(),
            label: word(id),
            kind,
            old: v.0,
            new: v.1,
            higher_is_better: better,
            none_if_absent: (false, false),
        });
    };
    // Money is compared only in one currency.
    let same_currency = match (old, new) {
        (Some(o), Some(n)) => o.currency == n.currency,
        _ => true,
    };
    let money = |v: (Option<f64>, Option<f64>)| if same_currency { v } else { (None, v.1) };
    push(
        "acv",
        "html-acv",
        Kind::Money,
        money(pick(|f| f.acv)),
        Some(true),
    );
    push(
        "ltv_stated",
        "html-ltv-stated",
        Kind::Money,
        money(pick(|f| f.ltv_stated)),
        Some(true),
    );
    push(
        "ltv_computed",
        "html-ltv-computed",
        Kind::Money,
        money(pick(|f| f.ltv_computed)),
        Some(true),
    );
    push(
        "ltv_cac",
        "html-ltv-cac",
        Kind::Times,
        pick(|f| f.ltv_cac),
        Some(true),
    );
    push(
        "revenue_churn",
        "html-churn",
        Kind::Percent,
        pick(|f| f.revenue_churn),
        Some(false),
    );
    push(
        "payback_months",
        "html-payback",
        Kind::Months,
        pick(Figures::payback),
        Some(false),
    );
    push(
        "roi",
        "html-roi",
        Kind::Times,
        pick(Figures::roi),
        Some(true),
    );
    // Growth a year, by the years either version projects (as written, in order).
    let mut years: Vec<i64> = Vec::new();
    for f in [old, new].into_iter().flatten() {
        for y in &f.years {
            if let (Some(year), Some(_)) = (y.year, y.growth)
                && !years.contains(&year)
            {
                years.push(year);
            }
        }
    }
    years.sort_unstable();
    let growth = |f: Option<&Figures>, year: i64| {
        f.and_then(|f| f.years.iter().find(|y| y.year == Some(year)))
            .and_then(|y| y.growth)
    };
    for year in years {
        rows.push(FigureRow {
            key: format!("growth_{year}"),
            label: Message::new("html-growth")
                .text("year", year.to_string())
                .render(lang),
            kind: Kind::Times,
            old: growth(old, year),
            new: growth(new, year),
            higher_is_better: None,
            none_if_absent: (false, false),
        });
    }
    let has_cash =
        |f: Option<&Figures>| f.is_some_and(|f| f.years.iter().any(|y| y.cash_end.is_some()));
    rows.push(FigureRow {
        key: "cash_out_year".into(),
        label: word("html-cash-out"),
        kind: Kind::Year,
        old: old.and_then(|f| f.cash_out_year).map(|y| y as f64),
        new: new.and_then(|f| f.cash_out_year).map(|y| y as f64),
        higher_is_better: Some(true),
        none_if_absent: (has_cash(old), has_cash(new)),
    });
    rows
}

/// A value of a figure as shown, `—` when absent.
fn shown(v: Option<f64>, kind: Kind, currency: &str, lang: Lang) -> String {
    let Some(v) = v else {
        return Message::new("html-not-stated").render(lang);
    };
    match kind {
        Kind::Money => crate::i18n::money(v, currency, lang),
        Kind::Percent => format_percent(v),
        Kind::Times => Message::new("html-times")
            .text("n", format_number(v))
            .render(lang),
        Kind::Months => Message::new("html-months")
            .text("n", format_number(v))
            .render(lang),
        Kind::Year => format!("{v:.0}"),
    }
}

/// The old and the new value of a row as shown.
fn values_shown(row: &FigureRow, currency: &str, lang: Lang) -> (String, String) {
    let one = |v: Option<f64>, none: bool| match v {
        None if none => Message::new("html-none").render(lang),
        v => shown(v, row.kind, currency, lang),
    };
    (
        one(row.old, row.none_if_absent.0),
        one(row.new, row.none_if_absent.1),
    )
}

/// The change as shown: `+50,000 CNY`, `-3 pts` (a percentage's change is in
/// percentage points, not a percentage of it), `=` when the same, empty when it cannot
/// be computed.
fn change_shown(row: &FigureRow, currency: &str, lang: Lang) -> String {
    if row.same() {
        return Message::new("diff-unchanged-figure").render(lang);
    }
    let Some(c) = row.change() else {
        return String::new();
    };
    let sign = if c > 0.0 { "+" } else { "" };
    let body = match row.kind {
        Kind::Year => format!("{c:.0}"),
        Kind::Percent => Message::new("diff-points")
            .text("n", format_number(c * 100.0))
            .render(lang),
        kind => shown(Some(c), kind, currency, lang),
    };
    format!("{sign}{body}")
}

fn currency_of(p: &PlanDiff) -> &str {
    p.new_figures
        .as_ref()
        .or(p.old_figures.as_ref())
        .map_or("", |f| f.currency.as_str())
}

/// The heading of a plan: `new (was old)`, or `new (not at REV: …)`. Raw text.
fn plan_heading(d: &Diff, p: &PlanDiff) -> String {
    let file = ci_path(&p.new.file.name);
    match (&p.old, &d.rev) {
        (None, Some(rev)) => Message::new("diff-plan-new")
            .text("file", file)
            .text("rev", rev.clone())
            .render(d.lang),
        _ => Message::new("diff-plan")
            .text("file", file)
            .text("old", p.old_name.clone())
            .render(d.lang),
    }
}

fn location(file: &SourceFile, f: &Diagnostic) -> (usize, usize) {
    let l = file.location(f.span);
    (l.line, l.column)
}

/// The three lists of a plan: `(message id, [(file, finding, old line if moved)])`.
type Listed<'a> = Vec<(
    &'static str,
    Vec<(&'a SourceFile, &'a Diagnostic, Option<usize>)>,
)>;

fn lists(p: &PlanDiff) -> Listed<'_> {
    let new = &p.new;
    let added = p
        .added
        .iter()
        .map(|i| (&new.file, &new.findings[*i], None))
        .collect();
    let (fixed, unchanged) = match &p.old {
        Some(old) => (
            p.fixed
                .iter()
                .map(|i| (&old.file, &old.findings[*i], None))
                .collect(),
            p.unchanged
                .iter()
                .map(|(o, n)| {
                    let was = location(&old.file, &old.findings[*o]).0;
                    let now = location(&new.file, &new.findings[*n]).0;
                    (&new.file, &new.findings[*n], (was != now).then_some(was))
                })
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    vec![
        ("diff-new-findings", added),
        ("diff-fixed-findings", fixed),
        ("diff-unchanged-findings", unchanged),
    ]
}

// ---------------------------------------------------------------------------------------
// human
// ---------------------------------------------------------------------------------------

/// The human report: per plan, the figures old → new and the three lists of findings;
/// then the summary and what the gate counts. Text from plans is escaped.
pub fn human(d: &Diff) -> String {
    let lang = d.lang;
    let word = |id: &'static str| Message::new(id).render(lang);
    let mut out = String::new();
    for p in &d.plans {
        let _ = writeln!(out, "{}", escape_line(&plan_heading(d, p)));
        let currency = currency_of(p);
        let rows: Vec<[String; 4]> =
            figure_rows(p.old_figures.as_ref(), p.new_figures.as_ref(), lang)
                .iter()
                .filter(|r| r.old.is_some() || r.new.is_some())
                .map(|r| {
                    let (o, n) = values_shown(r, currency, lang);
                    [r.label.clone(), o, n, change_shown(r, currency, lang)]
                })
                .collect();
        if !rows.is_empty() {
            let head = [
                word("diff-figure"),
                word("diff-old"),
                word("diff-new"),
                word("diff-change"),
            ];
            let width = |k: usize| {
                rows.iter()
                    .chain(std::iter::once(&head))
                    .map(|r| display_width(&r[k]))
                    .max()
                    .unwrap_or(0)
            };
            let widths = [width(0), width(1), width(2)];
            for r in std::iter::once(&head).chain(&rows) {
                let mut line = String::from("  ");
                for (k, cell) in r.iter().enumerate() {
                    line.push_str(cell);
                    if k < 3 {
                        let pad = widths[k] - display_width(cell) + 2;
                        line.push_str(&" ".repeat(pad));
                    }
                }
                let _ = writeln!(out, "{}", line.trim_end());
            }
        }
        for (id, items) in lists(p) {
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "  {}:",
                Message::new(id).count("n", items.len()).render(lang)
            );
            for (file, f, moved) in items {
                let (line, col) = location(file, f);
                let name = if id == "diff-fixed-findings" {
                    &p.old_name
                } else {
                    &p.new.file.name
                };
                let mut place = format!("{}:{line}:{col}", escape_line(name));
                if let Some(from) = moved {
                    place = format!(
                        "{place} ({})",
                        Message::new("diff-moved").count("from", from).render(lang)
                    );
                }
                let _ = writeln!(
                    out,
                    "    {} [{}] {place}: {}",
                    f.severity,
                    f.rule,
                    escape_line(&f.message)
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", d.summary_line());
    let _ = writeln!(out, "{}", d.gate_line());
    out
}

/// Columns a string takes in a terminal: two for CJK and other wide characters.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            if (0x1100..=0x115f).contains(&u)
                || (0x2e80..=0xa4cf).contains(&u)
                || (0xac00..=0xd7a3).contains(&u)
                || (0xf900..=0xfaff).contains(&u)
                || (0xfe30..=0xfe4f).contains(&u)
                || (0xff00..=0xff60).contains(&u)
                || (0xffe0..=0xffe6).contains(&u)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

// ---------------------------------------------------------------------------------------
// json
// ---------------------------------------------------------------------------------------

fn finding_json(
    fingerprint: &str,
    f: &Diagnostic,
    file: &SourceFile,
    old_place: Option<(usize, usize)>,
) -> Value {
    let (line, column) = location(file, f);
    let mut v = json!({
        "fingerprint": fingerprint,
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "path": f.path,
        "line": line,
        "column": column,
    });
    if let (Some((l, c)), Some(obj)) = (old_place, v.as_object_mut()) {
        obj.insert("old_line".into(), json!(l));
        obj.insert("old_column".into(), json!(c));
    }
    v
}

/// The JSON report (docs/interface.md, "planlint diff"): stable keys, numbers as
/// numbers, the findings' words in the run's language.
pub fn json(d: &Diff) -> String {
    let (added, fixed, unchanged) = d.counts();
    let plans: Vec<Value> = d
        .plans
        .iter()
        .map(|p| {
            let figures: Vec<Value> =
                figure_rows(p.old_figures.as_ref(), p.new_figures.as_ref(), d.lang)
                    .iter()
                    .map(|r| {
                        // Years are whole numbers.
                        let n = |v: Option<f64>| match r.kind {
                            Kind::Year => json!(v.map(|v| v.round() as i64)),
                            _ => json!(v),
                        };
                        json!({
                            "figure": r.key,
                            "old": n(r.old),
                            "new": n(r.new),
                            "change": n(r.change()),
                        })
                    })
                    .collect();
            let new = &p.new;
            let added: Vec<Value> = p
                .added
                .iter()
                .map(|i| finding_json(&p.new_prints[*i], &new.findings[*i], &new.file, None))
                .collect();
            let (fixed, unchanged): (Vec<Value>, Vec<Value>) = match &p.old {
                Some(old) => (
                    p.fixed
                        .iter()
                        .map(|i| {
                            finding_json(&p.old_prints[*i], &old.findings[*i], &old.file, None)
                        })
                        .collect(),
                    p.unchanged
                        .iter()
                        .map(|(o, n)| {
                            finding_json(
                                &p.new_prints[*n],
                                &new.findings[*n],
                                &new.file,
                                Some(location(&old.file, &old.findings[*o])),
                            )
                        })
                        .collect(),
                ),
                None => (Vec::new(), Vec::new()),
            };
            json!({
                "file": ci_path(&new.file.name),
                "old": p.old.as_ref().map(|_| p.old_name.clone()),
                "status": if p.old.is_some() { "changed" } else { "new" },
                "currency": {
                    "old": p.old_figures.as_ref().map(|f| f.currency.clone()),
                    "new": p.new_figures.as_ref().map(|f| f.currency.clone()),
                },
                "figures": figures,
                "findings": {
                    "new": added,
                    "fixed": fixed,
                    "unchanged": unchanged,
                },
            })
        })
        .collect();
    let doc = json!({
        "version": d.version,
        "rev": d.rev,
        "summary": {
            "plans": d.plans.len(),
            "new": added,
            "fixed": fixed,
            "unchanged": unchanged,
            "fail_on": d.fail_at.map_or("never", |s| s.as_str()),
            "new_at_fail_level": d.added_at_fail_level(),
        },
        "plans": plans,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------
// markdown
// ---------------------------------------------------------------------------------------

/// The Markdown report, for a pull-request comment: per plan the figures that changed
/// and the new and fixed findings (unchanged ones counted in a collapsed list); plan
/// text in code spans; under the comment size limit.
pub fn markdown(d: &Diff) -> String {
    let lang = d.lang;
    let word = |id: &'static str| Message::new(id).render(lang);
    let mark = if d.added_at_fail_level() > 0 {
        "❌"
    } else {
        "✅"
    };
    let mut out = format!(
        "## {}\n\n{mark} {}; {}\n\n",
        word("diff-title"),
        d.summary_line(),
        d.gate_line()
    );
    let mut items: Vec<String> = Vec::new();
    for p in &d.plans {
        let mut block = format!("### {}\n\n", code(&plan_heading(d, p)));
        let currency = currency_of(p);
        let rows: Vec<FigureRow> =
            figure_rows(p.old_figures.as_ref(), p.new_figures.as_ref(), lang)
                .into_iter()
                .filter(|r| r.old.is_some() || r.new.is_some())
                .collect();
        if !rows.is_empty() {
            let _ = writeln!(
                block,
                "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
                word("diff-figure"),
                word("diff-old"),
                word("diff-new"),
                word("diff-change")
            );
            for r in &rows {
                let change = change_shown(r, currency, lang);
                let change = match r.direction() {
                    "better" => format!("🟢 {change}"),
                    "worse" => format!("🔴 {change}"),
                    _ => change,
                };
                let (o, n) = values_shown(r, currency, lang);
                let _ = writeln!(
                    block,
                    "| {} | {} | {} | {} |",
                    r.label,
                    table_code(&o),
                    table_code(&n),
                    change
                );
            }
            block.push('\n');
        }
        items.push(block);
        for (id, list) in lists(p) {
            if list.is_empty() {
                continue;
            }
            let title = Message::new(id).count("n", list.len()).render(lang);
            let (open, close) = if id == "diff-unchanged-findings" {
                (
                    format!("<details><summary>{title}</summary>\n\n"),
                    "\n</details>\n\n".to_string(),
                )
            } else {
                (format!("**{title}**\n\n"), "\n".to_string())
            };
            items.push(open);
            for (file, f, moved) in list {
                let (line, col) = location(file, f);
                let icon = match id {
                    "diff-new-findings" => "🆕",
                    "diff-fixed-findings" => "✅",
                    _ => "·",
                };
                let name = if id == "diff-fixed-findings" {
                    p.old_name.clone()
                } else {
                    ci_path(&p.new.file.name)
                };
                let mut place = code(&format!("{name}:{line}:{col}"));
                if let Some(from) = moved {
                    place = format!(
                        "{place} ({})",
                        Message::new("diff-moved").count("from", from).render(lang)
                    );
                }
                items.push(format!(
                    "- {icon} {place} **{}** {}: {}\n",
                    f.severity,
                    code(f.rule),
                    code(&f.message)
                ));
            }
            items.push(close);
        }
    }
    // As many items as fit under the comment size limit.
    let reserve = 400;
    let mut left = 0;
    for item in items {
        if left == 0 && out.len() + item.len() + reserve <= MAX_BYTES {
            out.push_str(&item);
        } else if item.starts_with("- ") {
            left += 1;
        }
    }
    if left > 0 {
        let _ = writeln!(
            out,
            "\n_{}_",
            Message::new("diff-left-out")
                .count("n", left)
                .count("max", MAX_BYTES)
                .render(lang)
        );
    }
    out
}

// ---------------------------------------------------------------------------------------
// html
// ---------------------------------------------------------------------------------------

/// The HTML report with the changes highlighted: per plan the figures old → new
/// (better in green, worse in red), the charts of the new version with the old one's
/// projections dashed, and the new, fixed and unchanged findings.
pub fn html(d: &Diff) -> String {
    let lang = d.lang;
    let word = |id: &'static str| Message::new(id).render(lang);
    let mut out = String::new();
    page::page_start(
        &mut out,
        lang,
        &esc(&word("diff-title")),
        &[esc(&d.summary_line()), esc(&d.gate_line())],
    );
    for (n, p) in d.plans.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"plan\" id=\"plan-{}\">\n<h2>{}</h2>",
            n + 1,
            esc_line(&plan_heading(d, p))
        );
        let currency = currency_of(p);
        let rows = figure_rows(p.old_figures.as_ref(), p.new_figures.as_ref(), lang);
        if p.new_figures.is_none() && p.old_figures.is_none() {
            let _ = writeln!(
                out,
                "<p class=\"muted\">{}</p>",
                esc(&word("diff-no-figures"))
            );
        } else {
            let _ = write!(
                out,
                "<h3>{}</h3>\n<table class=\"figures\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                esc(&word("html-figures")),
                esc(&word("diff-figure")),
                esc(&word("diff-old")),
                esc(&word("diff-new")),
                esc(&word("diff-change"))
            );
            for r in rows.iter().filter(|r| r.old.is_some() || r.new.is_some()) {
                let class = match r.direction() {
                    "better" => " changed-down",
                    "worse" => " changed-up",
                    _ => "",
                };
                let (o, n) = values_shown(r, currency, lang);
                let _ = write!(
                    out,
                    "<tr class=\"fig-{}\"><th>{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num{class}\">{}</td></tr>",
                    r.direction(),
                    esc(&r.label),
                    esc(&o),
                    esc(&n),
                    esc(&change_shown(r, currency, lang))
                );
            }
            out.push_str("</tbody></table>\n");
        }
        if let Some(f) = &p.new_figures {
            page::charts_of(&mut out, f, p.old_figures.as_ref(), lang);
        }
        let old_named = p
            .old
            .as_ref()
            .map(|o| SourceFile::new(p.old_name.clone(), o.file.text.clone()));
        for (id, list) in lists(p) {
            let _ = writeln!(
                out,
                "<h3>{}</h3>",
                esc(&Message::new(id).count("n", list.len()).render(lang))
            );
            let class = match id {
                "diff-new-findings" => "diff-new",
                "diff-fixed-findings" => "diff-fixed",
                _ => "diff-unchanged",
            };
            for (file, f, moved) in list {
                // A fixed finding is shown in the old version, under its name.
                let file = match (&old_named, id) {
                    (Some(named), "diff-fixed-findings") => named,
                    _ => file,
                };
                let note = match (id, moved) {
                    ("diff-fixed-findings", _) => Some(esc(&word("diff-old-place"))),
                    (_, Some(from)) => Some(esc(&Message::new("diff-moved")
                        .count("from", from)
                        .render(lang))),
                    _ => None,
                };
                page::finding(&mut out, file, f, class, note.as_deref(), lang);
            }
        }
        out.push_str("</section>\n");
    }
    page::page_end(&mut out);
    out
}
