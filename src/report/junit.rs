//! `--format junit`: JUnit XML for CI test-report views (GitLab's `artifacts:reports:junit`,
//! Jenkins, Azure DevOps, the test-report actions of GitHub).
//!
//! A `<testsuite>` per file; in it a `<testcase>` per rule that ran (`RunInfo.enabled`,
//! catalogue order), with a `<failure>` per finding of that rule, whatever its severity.
//! `failures` counts `<failure>` elements, as junitparser and most readers count them.
//! A rule that did not run on the file (a missing input, no exchange rate, a file that
//! did not parse: [`super::not_checked`]) and found nothing there is `<skipped
//! message="not checked: missing input unit_economics.acv"/>` rather than passed.
//! Written by hand: the format is a few elements, and the escaping below is all it
//! needs.

use std::fmt::Write;

use super::{RunInfo, ci_path, not_checked, not_checked_reason};
use crate::engine::FileReport;
use crate::lint::Diagnostic;

/// A testcase of one file: a rule and the findings it made there.
struct Case<'a> {
    rule: &'a str,
    findings: Vec<&'a Diagnostic>,
    /// Why the rule did not run, when it did not.
    skipped: Option<String>,
}

/// `--format junit`.
pub struct Junit;

impl super::Reporter for Junit {
    fn render(&self, reports: &[FileReport], info: &super::RunInfo) -> String {
        render(reports, info)
    }

    fn stream(&self, info: &super::RunInfo) -> Option<Box<dyn super::stream::Stream>> {
        Some(Box::new(JunitStream {
            info: info.clone(),
            totals: Totals::default(),
            suites: super::stream::Spill::new(),
        }))
    }
}

pub fn render(reports: &[FileReport], info: &RunInfo) -> String {
    let mut suites = String::new();
    let mut totals = Totals::default();
    for r in reports {
        suites.push_str(&suite(r, info, &mut totals));
    }
    format!("{}{suites}</testsuites>\n", totals.head())
}

/// Counts over every test suite, for the `<testsuites>` element.
#[derive(Default)]
struct Totals {
    tests: usize,
    failures: usize,
    skipped: usize,
}

impl Totals {
    fn head(&self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <testsuites name=\"planlint\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n",
            self.tests, self.failures, self.skipped
        )
    }
}

/// One file's `<testsuite>`, counted into `totals`.
fn suite(r: &FileReport, info: &RunInfo, totals: &mut Totals) -> String {
    let mut suites = String::new();
    let file = ci_path(&r.file.name);
    let mut cases: Vec<Case> = info
        .enabled
        .iter()
        .map(|&rule| Case {
            rule,
            findings: Vec::new(),
            skipped: None,
        })
        .collect();
    // A finding, or a rule not checked, of a rule that is not in the list still
    // gets its testcase.
    for n in not_checked(r, &info.enabled) {
        let reason = Some(not_checked_reason(&n));
        match cases.iter_mut().find(|c| c.rule == n.rule) {
            Some(c) => c.skipped = reason,
            None => cases.push(Case {
                rule: n.rule,
                findings: Vec::new(),
                skipped: reason,
            }),
        }
    }
    for f in &r.findings {
        match cases.iter_mut().find(|c| c.rule == f.rule) {
            Some(c) => c.findings.push(f),
            None => cases.push(Case {
                rule: f.rule,
                findings: vec![f],
                skipped: None,
            }),
        }
    }
    let tests = cases.len();
    let failures: usize = cases.iter().map(|c| c.findings.len()).sum();
    let skipped = cases
        .iter()
        .filter(|c| c.skipped.is_some() && c.findings.is_empty())
        .count();
    totals.tests += tests;
    totals.failures += failures;
    totals.skipped += skipped;
    let _ = writeln!(
        suites,
        r#"  <testsuite name="{}" tests="{tests}" failures="{failures}" errors="0" skipped="{skipped}">"#,
        attr(&file)
    );
    for c in &cases {
        let open = format!(
            r#"    <testcase name="{}" classname="{}""#,
            attr(c.rule),
            attr(&file)
        );
        if c.findings.is_empty() && c.skipped.is_none() {
            let _ = writeln!(suites, "{open}/>");
            continue;
        }
        let _ = writeln!(suites, "{open}>");
        // A rule with findings failed, even if it could not look at everything.
        if let (true, Some(why)) = (c.findings.is_empty(), &c.skipped) {
            let _ = writeln!(
                suites,
                r#"      <skipped message="{}"/>"#,
                attr(&format!("not checked: {why}"))
            );
        }
        for f in &c.findings {
            let _ = writeln!(
                suites,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                attr(&f.message),
                attr(f.rule),
                text(&failure_text(r, &file, f))
            );
        }
        let _ = writeln!(suites, "    </testcase>");
    }
    let _ = writeln!(suites, "  </testsuite>");
    suites
}

/// `--format junit`, file by file: the suites are spilled as they come and written
/// after the `<testsuites>` element, whose counts are known at the end.
struct JunitStream {
    info: RunInfo,
    totals: Totals,
    suites: super::stream::Spill,
}

impl super::stream::Stream for JunitStream {
    fn file(&mut self, report: &FileReport, _out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let suite = suite(report, &self.info, &mut self.totals);
        self.suites.write(&suite)
    }

    fn finish(self: Box<Self>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(self.totals.head().as_bytes())?;
        self.suites.copy_to(out)?;
        out.write_all(b"</testsuites>\n")
    }
}

/// `file:line:col: severity: message`, the help, then the other labelled places.
fn failure_text(r: &FileReport, file: &str, f: &Diagnostic) -> String {
    let loc = r.file.location(f.span);
    let mut out = format!(
        "{file}:{}:{}: {}: {}",
        loc.line, loc.column, f.severity, f.message
    );
    if let Some(help) = &f.help {
        let _ = write!(out, "\nhelp: {help}");
    }
    for l in f.labels.iter().skip(1) {
        let at = r.file.location(l.span);
        let _ = write!(out, "\n  {file}:{}:{}: {}", at.line, at.column, l.message);
    }
    out
}

/// Escapes element text; characters XML 1.0 cannot carry become U+FFFD.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(xml_char(c)),
        }
    }
    out
}

/// Escapes an attribute value (double-quoted); line breaks and tabs as character
/// references so that attribute normalization keeps them.
fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(xml_char(c)),
        }
    }
    out
}

/// `c`, or U+FFFD when XML 1.0 does not allow it.
fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}' => c,
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{NotChecked, NotCheckedReason, Severity};
    use crate::model::Place;
    use crate::report::RuleInfo;
    use crate::source::{SourceFile, Span};

    fn info(ids: &[&'static str]) -> RunInfo {
        let rules: Vec<RuleInfo> = ids
            .iter()
            .map(|&id| RuleInfo {
                id,
                principle: id.split('/').next().unwrap_or(id),
                default_severity: Severity::Error,
                summary: "s",
                help_markdown: "",
            })
            .collect();
        RunInfo {
            lang: crate::i18n::Lang::En,
            version: "0",
            enabled: ids.to_vec(),
            rules,
        }
    }

    fn finding(rule: &'static str) -> Diagnostic {
        Diagnostic::new(
            rule,
            Place {
                span: Span::new(0, 1),
                path: String::new(),
            },
            "m",
            "l",
        )
    }

    fn report(findings: Vec<Diagnostic>, not_checked: Vec<NotChecked>) -> FileReport {
        FileReport {
            file: SourceFile::new("p.plan.yaml", "a: 1\n".to_string()),
            // A file whose test data has a syntax finding stands for one that did not parse.
            parsed: !findings.iter().any(|f| f.rule == "plan/syntax"),
            findings,
            rendered: None,
            not_checked,
        }
    }

    fn nc(rule: &'static str, reason: NotCheckedReason, paths: &[&str]) -> NotChecked {
        NotChecked {
            rule,
            reason,
            paths: paths.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn rules_not_checked_are_skipped_with_the_reason() {
        let info = info(&["plan/syntax", "a/one", "a/two", "a/three"]);
        let r = report(
            vec![finding("a/two")],
            vec![
                nc(
                    "a/one",
                    NotCheckedReason::MissingInput,
                    &["unit_economics.acv", "x<\"&>"],
                ),
                // Not checked on part of the file, but it found something: a failure.
                nc("a/two", NotCheckedReason::NoFxRate, &[]),
            ],
        );
        let xml = render(&[r], &info);
        assert!(
            xml.contains(r#"tests="4" failures="1" errors="0" skipped="1">"#),
            "{xml}"
        );
        assert!(
            xml.contains(
                "<testcase name=\"a/one\" classname=\"p.plan.yaml\">\n      <skipped message=\"not \
             checked: missing input unit_economics.acv, x&lt;&quot;&amp;&gt;\"/>\n    </testcase>"
            ),
            "{xml}"
        );
        assert!(!xml.contains("no exchange rate"), "{xml}");
        assert!(xml.contains(r#"<testcase name="a/three" classname="p.plan.yaml"/>"#));
    }

    #[test]
    fn a_file_that_did_not_parse_skips_each_rule_once() {
        let info = info(&["plan/syntax", "a/one", "a/two", "a/three"]);
        // The engine's entries and the ones derived from `plan/syntax` agree: one
        // `<skipped>` a rule, whichever says so.
        for listed in [
            Vec::new(),
            vec![
                nc("a/one", NotCheckedReason::NotParsed, &[]),
                nc("a/two", NotCheckedReason::NotParsed, &[]),
                nc("a/three", NotCheckedReason::NotParsed, &[]),
            ],
            vec![nc("a/two", NotCheckedReason::NotParsed, &[])],
        ] {
            let xml = render(&[report(vec![finding("plan/syntax")], listed)], &info);
            assert!(
                xml.contains(r#"tests="4" failures="1" errors="0" skipped="3">"#),
                "{xml}"
            );
            assert_eq!(
                xml.matches(r#"<skipped message="not checked: the file could not be parsed"/>"#)
                    .count(),
                3,
                "{xml}"
            );
        }
    }

    #[test]
    fn escapes_markup_quotes_and_control_characters() {
        assert_eq!(
            attr("a<b & \"c\"\n'd'"),
            "a&lt;b &amp; &quot;c&quot;&#10;&apos;d&apos;"
        );
        assert_eq!(text("x < y\u{1}\n"), "x &lt; y\u{FFFD}\n");
    }
}
