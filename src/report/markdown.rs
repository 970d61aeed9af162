//! `--format markdown`: a scorecard for a pull-request comment or `$GITHUB_STEP_SUMMARY`
//! (GitHub-flavoured Markdown).
//!
//! A heading and the summary line; a table with a row per plan and a column per
//! principle (those with a rule running, in catalogue order), a legend; then every
//! finding as `file:line:col`, severity, rule, message; then the rules that did not run
//! on each plan and why.
//!
//! A cell: `❌ N` when the principle has an error in that plan, `⚠️ N` when it has
//! warnings only (N counts its findings of every severity), `✅` when every rule of it
//! ran and found no error or warning, `— not checked` when one of its rules did not run
//! (a missing input, no exchange rate, a file that did not parse) and it found
//! nothing; with findings and a rule that did not run, the finding's mark and
//! `(partly not checked)`. A principle is never `✅` unless all its rules ran.
//!
//! Everything that comes from a plan or a file name is shown in a code span, whose
//! fence is longer than any run of backticks in it: inside one, CommonMark and GitHub
//! make no link, image, HTML, autolink, emphasis, mention or emoji; in a table cell `|`
//! is escaped as `\|`; line breaks and control characters are made visible
//! (`\u{a}`), as in the human report.
//!
//! The report stays under [`MAX_BYTES`] (GitHub refuses a comment over 65,536
//! characters): the findings and not-checked lists are cut first, with a line saying how
//! many were left out; the table is cut (by rows, with a count) only if it alone is too
//! big.

use std::fmt::Write;

use super::{RunInfo, Summary, ci_path, not_checked, not_checked_groups};
use crate::engine::FileReport;
use crate::i18n::{Lang, Message};
use crate::lint::{NotChecked, NotCheckedReason, Severity};
use crate::text::escape_line;

/// The most the report may take, in bytes (never fewer than characters): under
/// GitHub's 65,536-character limit for a comment, with room for a line or two a
/// workflow adds around it.
pub const MAX_BYTES: usize = 64_000;

/// Room kept for the line that says what was left out.
const RESERVE: usize = 400;

/// One cell of the scorecard: a principle's findings in one plan, and whether one of
/// its rules did not run there. The HTML report draws the same cells.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// A rule of the principle did not run on the plan.
    pub not_checked: bool,
}

/// What a cell says, as the legend words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
    NotChecked,
}

impl Verdict {
    /// `pass`, `warn`, `fail`, `not-checked`.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
            Verdict::NotChecked => "not-checked",
        }
    }
}

impl Counts {
    /// Every finding of the principle, whatever its severity.
    pub fn findings(self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// `fail` with an error, `warn` with warnings only, else `not checked` when a rule
    /// did not run, else `pass`: never a pass unless every rule ran.
    pub fn verdict(self) -> Verdict {
        if self.errors > 0 {
            Verdict::Fail
        } else if self.warnings > 0 {
            Verdict::Warn
        } else if self.not_checked {
            Verdict::NotChecked
        } else {
            Verdict::Pass
        }
    }

    fn cell(self, lang: Lang) -> String {
        let n = self.findings();
        let mark = match self.verdict() {
            Verdict::Fail => format!("❌ {n}"),
            Verdict::Warn => format!("⚠️ {n}"),
            Verdict::NotChecked => {
                return format!("— {}", Message::new("report-md-not-checked").render(lang));
            }
            Verdict::Pass => return "✅".to_string(),
        };
        if self.not_checked {
            format!("{mark} {}", Message::new("report-md-partly").render(lang))
        } else {
            mark
        }
    }
}

/// `--format markdown`.
pub struct Markdown;

impl super::Reporter for Markdown {
    fn render(&self, reports: &[FileReport], info: &super::RunInfo) -> String {
        render(reports, info)
    }

    fn stream(&self, info: &RunInfo) -> Option<Box<dyn super::stream::Stream>> {
        Some(Box::new(MarkdownStream {
            pieces: Pieces::new(info, MAX_BYTES),
            info: info.clone(),
        }))
    }
}

pub fn render(reports: &[FileReport], info: &RunInfo) -> String {
    render_capped(reports, info, MAX_BYTES)
}

/// The report, at most `max` bytes long (unless the heading and one table row alone are
/// longer).
pub fn render_capped(reports: &[FileReport], info: &RunInfo, max: usize) -> String {
    let mut pieces = Pieces::new(info, max);
    for r in reports {
        pieces.add(r, info);
    }
    pieces.assemble(info)
}

/// `--format markdown`, file by file: a file's row, and its findings and notes while
/// they can still fit under the cap, are kept; the rest is only counted. Memory then
/// follows the number of plans (one short row each), not their findings.
struct MarkdownStream {
    pieces: Pieces,
    info: RunInfo,
}

impl super::stream::Stream for MarkdownStream {
    fn file(&mut self, report: &FileReport, _out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.pieces.add(report, &self.info);
        Ok(())
    }

    fn finish(self: Box<Self>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(self.pieces.assemble(&self.info).as_bytes())
    }
}

/// Items of a list that is cut at the cap: the first ones that fit together in `cap`
/// bytes (no later one can be shown once one does not fit), and how many there were.
struct Kept {
    items: Vec<String>,
    bytes: usize,
    total: usize,
    full: bool,
    cap: usize,
}

impl Kept {
    fn new(cap: usize) -> Self {
        Kept {
            items: Vec::new(),
            bytes: 0,
            total: 0,
            full: false,
            cap,
        }
    }

    fn push(&mut self, item: String) {
        self.total += 1;
        if !self.full && self.bytes + item.len() <= self.cap {
            self.bytes += item.len();
            self.items.push(item);
        } else {
            self.full = true;
        }
    }
}

/// What the report is made of, gathered file by file.
struct Pieces {
    max: usize,
    principles: Vec<&'static str>,
    summary: Summary,
    files: usize,
    rows: Vec<String>,
    findings: Kept,
    notes: Kept,
}

impl Pieces {
    fn new(info: &RunInfo, max: usize) -> Self {
        Pieces {
            max,
            principles: scorecard_principles(info),
            summary: Summary::default(),
            files: 0,
            rows: Vec::new(),
            findings: Kept::new(max),
            notes: Kept::new(max),
        }
    }

    fn add(&mut self, r: &FileReport, info: &RunInfo) {
        let lang = info.lang;
        let nc = not_checked(r, &info.enabled);
        // The file counts as not fully checked by the report's own list (which also
        // derives the rules of a file that did not parse), not by the engine's alone.
        let engine_counted = !r.not_checked.is_empty();
        self.summary.add(r);
        if engine_counted {
            self.summary.not_fully_checked -= 1;
        }
        if !nc.is_empty() {
            self.summary.not_fully_checked += 1;
        }
        self.files += 1;
        let file = ci_path(&r.file.name);
        let mut row = format!("| {} |", table_code(&file));
        for c in scorecard_row(r, &nc, &self.principles, info) {
            let _ = write!(row, " {} |", c.cell(lang));
        }
        row.push('\n');
        self.rows.push(row);
        for f in &r.findings {
            let loc = r.file.location(f.span);
            self.findings.push(format!(
                "- {} **{}** {}: {}\n",
                code(&format!("{file}:{}:{}", loc.line, loc.column)),
                f.severity,
                code(f.rule),
                code(&f.message)
            ));
        }
        if !nc.is_empty() {
            self.notes.push(not_checked_item(&file, &nc, lang));
        }
    }

    fn assemble(self, info: &RunInfo) -> String {
        let Pieces {
            max,
            principles,
            mut summary,
            files,
            rows,
            findings,
            notes,
        } = self;
        summary.files = files;
        let lang = info.lang;
        let word = |id: &'static str| Message::new(id).render(lang);
        let mut out = format!("## {}\n\n", word("report-md-title"));
        let mark = if summary.errors > 0 {
            "❌"
        } else if summary.warnings > 0 {
            "⚠️"
        } else if summary.not_fully_checked > 0 {
            "—"
        } else {
            "✅"
        };
        let _ = writeln!(out, "{mark} {}\n", summary.line_in(lang));

        let mut table = String::new();
        if files > 0 && !principles.is_empty() {
            let mut head = format!("| {} |", word("report-md-plan"));
            let mut rule = String::from("|---|");
            for p in &principles {
                let _ = write!(head, " {p} |");
                rule.push_str(":---:|");
            }
            let _ = writeln!(table, "{head}\n{rule}");
            let legend = format!("\n{}\n\n", word("report-md-legend"));
            let legend = legend.as_str();
            // Rows that fit, leaving room for the legend, the headings below and the line
            // saying what was left out.
            let fixed = out.len() + table.len() + legend.len() + RESERVE;
            let mut used = fixed;
            let mut shown = 0;
            for row in &rows {
                if used + row.len() > max && shown > 0 {
                    break;
                }
                used += row.len();
                table.push_str(row);
                shown += 1;
            }
            if shown < rows.len() {
                let _ = writeln!(
                    table,
                    "\n_{}_",
                    Message::new("report-md-rows-left-out")
                        .count("n", rows.len() - shown)
                        .count("max", MAX_BYTES)
                        .render(lang)
                );
            }
            table.push_str(legend);
        }
        out.push_str(&table);

        // The findings, then the rules that did not run: as many items as fit.
        let _ = write!(out, "### {}\n\n", word("report-md-findings"));
        if findings.total == 0 {
            let _ = writeln!(out, "{}", word("report-md-no-findings"));
        }
        let mut budget = max.saturating_sub(out.len() + RESERVE);
        let notes_heading = format!("\n### {}\n\n", word("report-md-not-checked-heading"));
        let notes_heading = notes_heading.as_str();
        if notes.total > 0 {
            budget = budget.saturating_sub(notes_heading.len());
        }
        let mut shown_findings = 0;
        for item in &findings.items {
            if item.len() > budget {
                break;
            }
            budget -= item.len();
            out.push_str(item);
            shown_findings += 1;
        }
        let left_findings = findings.total - shown_findings;
        let mut left_notes = 0;
        if notes.total > 0 {
            out.push_str(notes_heading);
            let mut shown_notes = 0;
            for item in &notes.items {
                if item.len() > budget {
                    break;
                }
                budget -= item.len();
                out.push_str(item);
                shown_notes += 1;
            }
            left_notes = notes.total - shown_notes;
        }
        if left_findings > 0 || left_notes > 0 {
            let _ = writeln!(
                out,
                "\n_{}_",
                Message::new("report-md-left-out")
                    .count("findings", left_findings)
                    .count("notes", left_notes)
                    .count("max", MAX_BYTES)
                    .render(lang)
            );
        }
        out
    }
}

/// The scorecard's columns: the principles with a rule running, in catalogue order.
pub fn scorecard_principles(info: &RunInfo) -> Vec<&'static str> {
    info.principles()
        .into_iter()
        .filter(|p| {
            info.rules
                .iter()
                .any(|r| r.principle == *p && info.enabled.contains(&r.id))
        })
        .collect()
}

/// One plan's row of the scorecard: a cell per principle of `principles`, from its
/// findings and `not_checked` (the report's [`not_checked`] list).
pub fn scorecard_row(
    report: &FileReport,
    not_checked: &[NotChecked],
    principles: &[&str],
    info: &RunInfo,
) -> Vec<Counts> {
    let principle_of = |rule: &str| info.rule(rule).map(|r| r.principle);
    principles
        .iter()
        .map(|p| {
            let mut c = Counts::default();
            for f in &report.findings {
                if principle_of(f.rule) == Some(*p) {
                    match f.severity {
                        Severity::Error => c.errors += 1,
                        Severity::Warning => c.warnings += 1,
                        Severity::Info => c.infos += 1,
                    }
                }
            }
            c.not_checked = not_checked.iter().any(|n| principle_of(n.rule) == Some(*p));
            c
        })
        .collect()
}

/// `- `plan.yaml`: 2 rules — missing input `unit_economics.acv`: `a/b`, `a/c``.
fn not_checked_item(file: &str, list: &[NotChecked], lang: Lang) -> String {
    let groups: Vec<String> = not_checked_groups(list)
        .into_iter()
        .map(|(reason, paths, rules)| {
            let mut part = Message::new("report-reason")
                .text("reason", reason.as_str())
                .render(lang);
            if !paths.is_empty() {
                let paths: Vec<String> = paths.iter().map(|p| code(p)).collect();
                let _ = write!(part, " {}", paths.join(", "));
            }
            if reason != NotCheckedReason::NotParsed {
                let rules: Vec<String> = rules.iter().map(|r| code(r)).collect();
                let _ = write!(part, ": {}", rules.join(", "));
            }
            part
        })
        .collect();
    format!(
        "- {}: {} — {}\n",
        code(file),
        super::rules_count_in(list.len(), lang),
        groups.join("; ")
    )
}

/// A code span that shows `s` as written, whatever it holds: control characters and
/// line breaks made visible, a fence longer than any run of backticks in it, and a
/// space inside the fence where CommonMark would otherwise strip or join one.
pub fn code(s: &str) -> String {
    let s = escape_line(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let spaced = s.starts_with(' ') && s.ends_with(' ') && !s.chars().all(|c| c == ' ');
    let pad = if s.is_empty() || s.starts_with('`') || s.ends_with('`') || spaced {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// A code span in a table cell: [`code`] with `|` escaped, which GitHub-flavoured
/// Markdown requires even inside a code span.
pub fn table_code(s: &str) -> String {
    code(s).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    use super::*;
    use crate::lint::Diagnostic;
    use crate::model::Place;
    use crate::report::RuleInfo;
    use crate::source::{SourceFile, Span};

    fn info() -> RunInfo {
        let rule = |id: &'static str, principle: &'static str| RuleInfo {
            id,
            principle,
            default_severity: Severity::Error,
            summary: "s",
            help_markdown: "",
        };
        let rules = vec![
            rule("plan/syntax", "plan"),
            rule("plan/unknown-key", "plan"),
            rule("large-customers/acv-floor", "large-customers"),
            rule("large-customers/ltv-floor", "large-customers"),
            rule("sales-motion/no-conference", "sales-motion"),
        ];
        RunInfo {
            lang: crate::i18n::Lang::En,
            version: "0",
            enabled: rules.iter().map(|r| r.id).collect(),
            rules,
        }
    }

    fn finding(rule: &'static str, severity: Severity, message: &str) -> Diagnostic {
        let mut f = Diagnostic::new(
            rule,
            Place {
                span: Span::new(0, 1),
                path: "a".into(),
            },
            message,
            "label",
        );
        f.severity = severity;
        f
    }

    fn report(name: &str, findings: Vec<Diagnostic>, not_checked: Vec<NotChecked>) -> FileReport {
        FileReport {
            file: SourceFile::new(name, "a: 1\n".to_string()),
            // A file whose test data has a syntax finding stands for one that did not parse.
            parsed: !findings.iter().any(|f| f.rule == "plan/syntax"),
            findings,
            rendered: None,
            not_checked,
        }
    }

    fn missing(rule: &'static str, path: &str) -> NotChecked {
        NotChecked {
            rule,
            reason: NotCheckedReason::MissingInput,
            paths: vec![path.to_string()],
        }
    }

    /// The rendered document as CommonMark with GitHub's tables sees it: its events.
    fn events(md: &str) -> Vec<Event<'_>> {
        Parser::new_ext(md, Options::ENABLE_TABLES).collect()
    }

    /// The table's body rows, each as the text of its cells.
    fn table_rows(md: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row: Option<Vec<String>> = None;
        let mut in_head = false;
        for e in events(md) {
            match e {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) if !in_head => row = Some(Vec::new()),
                Event::End(TagEnd::TableRow) => rows.extend(row.take()),
                Event::Start(Tag::TableCell) => {
                    if let Some(r) = row.as_mut() {
                        r.push(String::new());
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(cell) = row.as_mut().and_then(|r| r.last_mut()) {
                        cell.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        rows
    }

    #[test]
    fn code_spans() {
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(code("plan.yaml"), "`plan.yaml`");
        assert_eq!(code(" a "), "`  a  `");
        assert_eq!(code("a\nb\u{1b}"), "`a\\u{a}b\\u{1b}`");
        assert_eq!(table_code("a|b"), "`a\\|b`");
    }

    #[test]
    fn plan_text_makes_no_markup_and_shows_as_written() {
        let key = "g` [click](https://evil.example) ![t](https://evil.example/t.png) `";
        let message = format!(
            "unknown key `{key}` <img src=x onerror=alert(1)> **b** &lt; @team www.evil.example \
             ```x``` a|b \\| c\nnew line\u{202e}"
        );
        let name = "p|q\\|r`<b>[x](https://e.example)*i*.plan.yaml";
        let reports = [report(
            name,
            vec![finding("plan/unknown-key", Severity::Warning, &message)],
            vec![missing(
                "large-customers/acv-floor",
                "`x` [l](https://e.example)|y",
            )],
        )];
        let md = render(&reports, &info());
        let mut codes = Vec::new();
        let mut strong = Vec::new();
        let mut in_strong = false;
        for e in events(&md) {
            match &e {
                Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::HtmlBlock)
                | Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Start(Tag::Emphasis) => panic!("markup from plan text: {e:?}\n{md}"),
                Event::Start(Tag::Strong) => in_strong = true,
                Event::End(TagEnd::Strong) => in_strong = false,
                Event::Text(t) if in_strong => strong.push(t.to_string()),
                Event::Code(c) => codes.push(c.to_string()),
                _ => {}
            }
        }
        // The only bold text is planlint's own severity.
        assert_eq!(strong, ["warning"], "{md}");
        // The text as written (line breaks and bidi controls made visible), nothing
        // HTML-escaped inside code.
        let shown_message = escape_line(&message).into_owned();
        assert!(codes.contains(&shown_message), "{codes:#?}\n{md}");
        // (CI paths have forward slashes.)
        let name = ci_path(name);
        assert!(codes.contains(&name), "{codes:#?}");
        assert!(codes.contains(&format!("{name}:1:1")), "{codes:#?}");
        assert!(codes.contains(&"`x` [l](https://e.example)|y".to_string()));
        // The table keeps its shape: a row with the plan and one cell a principle.
        let rows = table_rows(&md);
        assert_eq!(rows.len(), 1, "{md}");
        assert_eq!(rows[0].len(), 4, "{rows:?}");
        assert_eq!(rows[0][0], name);
        assert!(!md.contains('\u{202e}'));
    }

    #[test]
    fn cells_never_pass_a_principle_whose_rules_did_not_run() {
        let info = info();
        let reports = [
            report("clean.plan.yaml", Vec::new(), Vec::new()),
            report(
                "missing.plan.yaml",
                vec![finding("plan/unknown-key", Severity::Info, "m")],
                vec![missing("large-customers/acv-floor", "unit_economics.acv")],
            ),
            report(
                "partly.plan.yaml",
                vec![
                    finding("large-customers/ltv-floor", Severity::Error, "m"),
                    finding("large-customers/ltv-floor", Severity::Warning, "m"),
                    finding("sales-motion/no-conference", Severity::Warning, "m"),
                ],
                vec![missing("large-customers/acv-floor", "unit_economics.acv")],
            ),
            report(
                "broken.plan.yaml",
                vec![finding("plan/syntax", Severity::Error, "invalid YAML")],
                Vec::new(),
            ),
        ];
        let md = render(&reports, &info);
        let rows = table_rows(&md);
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.trim()).collect())
            .collect();
        assert_eq!(
            cells,
            [
                vec!["clean.plan.yaml", "✅", "✅", "✅"],
                vec!["missing.plan.yaml", "✅", "— not checked", "✅"],
                vec![
                    "partly.plan.yaml",
                    "✅",
                    "❌ 2 (partly not checked)",
                    "⚠️ 1"
                ],
                // A file that did not parse: nothing ran but the parse.
                vec![
                    "broken.plan.yaml",
                    "❌ 1 (partly not checked)",
                    "— not checked",
                    "— not checked"
                ],
            ],
            "{md}"
        );
        assert!(
            md.contains("❌ 2 errors, 2 warnings, 1 info in 4 files; 3 files not fully checked"),
            "{md}"
        );
        assert!(md.contains(
            "\n### Not checked\n\n- `missing.plan.yaml`: 1 rule — missing input \
             `unit_economics.acv`: `large-customers/acv-floor`\n"
        ));
        assert!(md.contains("- `broken.plan.yaml`: 4 rules — the file could not be parsed\n"));
    }

    #[test]
    fn two_hundred_plans_fit_a_pull_request_comment() {
        let info = info();
        let long = "a message long enough that a few hundred of them fill a comment: ".repeat(3);
        let reports: Vec<FileReport> = (0..200)
            .map(|i| {
                let findings = (0..40)
                    .map(|_| finding("large-customers/ltv-floor", Severity::Error, &long))
                    .collect();
                let nc = if i % 3 == 0 {
                    vec![missing("sales-motion/no-conference", "sales.channels")]
                } else {
                    Vec::new()
                };
                report(&format!("plans/team-{i:03}/plan.plan.yaml"), findings, nc)
            })
            .collect();
        let md = render(&reports, &info);
        assert!(md.len() <= MAX_BYTES, "{} bytes", md.len());
        assert!(md.chars().count() < 65_536);
        // The whole table.
        assert_eq!(table_rows(&md).len(), 200);
        // The findings that fit, and a line counting the rest.
        let listed = md.lines().filter(|l| l.starts_with("- `plans/")).count();
        assert!(listed > 0 && listed < 8000, "{listed}");
        let notes = md.matches(" — missing input ").count();
        let left_findings = 8000 - (listed - notes);
        let left_notes = 67 - notes;
        let expected = if left_notes > 0 {
            format!("_{left_findings} findings and {left_notes} not-checked plans left out")
        } else {
            format!("_{left_findings} findings left out")
        };
        assert!(
            md.contains(&expected),
            "{expected}\n{}",
            &md[md.len() - 600..]
        );
    }

    #[test]
    fn a_table_too_big_alone_is_cut_by_rows_with_a_count() {
        let info = info();
        let reports: Vec<FileReport> = (0..50)
            .map(|i| report(&format!("plan-{i:02}.plan.yaml"), Vec::new(), Vec::new()))
            .collect();
        let md = render_capped(&reports, &info, 2000);
        assert!(md.len() <= 2000, "{} bytes\n{md}", md.len());
        let rows = table_rows(&md).len();
        assert!(rows > 0 && rows < 50, "{rows}");
        assert!(
            md.contains(&format!("_{} more plans are not in the table", 50 - rows)),
            "{md}"
        );
        assert!(md.contains("No findings."));
    }
}
