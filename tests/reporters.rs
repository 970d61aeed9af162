//! Every reporter on one shared set of findings: several files, every severity, a
//! multi-line span, several labels, help, rules that did not run, a file that did not
//! parse, a clean file, and plan text that each medium must escape. Each format's whole
//! output is a snapshot, so a change to any reporter shows up here against the same
//! input as every other; a new `cli::Format` gets its snapshot from the loop over
//! `Format::value_variants()` (insta fails on a snapshot it has not seen).

use clap::ValueEnum;
use planlint::cli::Format;
use planlint::engine::FileReport;
use planlint::i18n::Lang;
use planlint::lint::{Diagnostic, NotChecked, NotCheckedReason, Severity};
use planlint::model::value::Place;
use planlint::report::human::HumanOptions;
use planlint::report::{RuleInfo, RunInfo};
use planlint::source::{SourceFile, Span};

const ACME: &str = "\
planlint: 1
company:
  name: Acme <Tools> & \"Sons\"
unit_economics:
  acv: 5000
  ltv: 9000
  cac: 12000
projections:
  - year: 2025
    revenue: 100000
  - year: 2026
    revenue: 900000
";

const BROKEN: &str = "planlint: 1\ncompany: [unclosed\n";

const CLEAN: &str = "planlint: 1\ncompany:\n  name: Clean\n";

/// The place of the `nth` (0-based) occurrence of `needle` in `text`, with `path`.
fn place(text: &str, needle: &str, nth: usize, path: &str) -> Place {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} is in the test plan"));
    Place {
        span: Span::new(offset, needle.len()),
        path: path.to_string(),
    }
}

fn with(mut d: Diagnostic, severity: Severity) -> Diagnostic {
    d.severity = severity;
    d
}

/// The shared findings, in the order a run reports files.
fn reports() -> Vec<FileReport> {
    let acme = vec![
        with(
            Diagnostic::new(
                "large-customers/acv-floor",
                place(ACME, "5000", 0, "unit_economics.acv"),
                "ACV of 5000 is below the floor of 25000 for a field sales motion",
                "ACV stated here",
            )
            .help("raise the price, or sell self-serve"),
            Severity::Error,
        ),
        with(
            Diagnostic::new(
                "large-customers/ltv-floor",
                place(ACME, "9000", 0, "unit_economics.ltv"),
                "LTV:CAC is 0.75 < 3 (\"ltv\" 9000 / \"cac\" 12000)",
                "LTV",
            )
            .label(place(ACME, "12000", 0, "unit_economics.cac"), "CAC")
            .help("lower acquisition cost or raise retention"),
            Severity::Warning,
        ),
        with(
            Diagnostic::new(
                "patient-growth/hockey-stick",
                place(
                    ACME,
                    "- year: 2025\n    revenue: 100000\n  - year: 2026\n    revenue: 900000",
                    0,
                    "projections",
                ),
                "revenue grows 9x in one year (100000 -> 900000)\nsecond line of the message",
                "these years",
            )
            .label(
                place(ACME, "900000", 0, "projections[1].revenue"),
                "the jump",
            ),
            Severity::Info,
        ),
        with(
            Diagnostic::new(
                "plan/unknown-key",
                place(ACME, "name: Acme <Tools> & \"Sons\"", 0, "company.name"),
                "text with markup: <b>bold</b> & `code` | pipe %0A \u{1b}[31mred",
                "here",
            ),
            Severity::Warning,
        ),
    ];
    let broken = vec![
        Diagnostic::new(
            "plan/syntax",
            place(BROKEN, "[unclosed\n", 0, ""),
            "the YAML does not parse: a flow sequence is not closed",
            "opened here",
        )
        .help("close the list with `]`"),
    ];
    vec![
        FileReport {
            file: SourceFile::new("./plans/acme.plan.yaml", ACME.to_string()),
            findings: acme,
            rendered: None,
            parsed: true,
            not_checked: vec![NotChecked {
                rule: "sales-motion/no-conference",
                reason: NotCheckedReason::NoFxRate,
                paths: Vec::new(),
            }],
        },
        FileReport {
            file: SourceFile::new("plans\\broken.plan.yaml", BROKEN.to_string()),
            findings: broken,
            rendered: None,
            parsed: false,
            not_checked: Vec::new(),
        },
        FileReport {
            file: SourceFile::new("clean.plan.yaml", CLEAN.to_string()),
            findings: Vec::new(),
            rendered: None,
            parsed: true,
            not_checked: vec![
                NotChecked {
                    rule: "large-customers/acv-floor",
                    reason: NotCheckedReason::MissingInput,
                    paths: vec!["unit_economics.acv".to_string()],
                },
                NotChecked {
                    rule: "large-customers/ltv-floor",
                    reason: NotCheckedReason::MissingInput,
                    paths: vec![
                        "unit_economics.ltv".to_string(),
                        "unit_economics.cac".to_string(),
                    ],
                },
                NotChecked {
                    rule: "patient-growth/hockey-stick",
                    reason: NotCheckedReason::InvalidValue,
                    paths: vec!["projections[0].revenue".to_string()],
                },
            ],
        },
    ]
}

fn info() -> RunInfo {
    let rule = |id: &'static str, principle: &'static str, severity: Severity| RuleInfo {
        id,
        principle,
        default_severity: severity,
        summary: "what the rule checks",
        help_markdown: "## rule\n\nWhy it matters, in *Markdown*.\n",
    };
    let rules = vec![
        rule("plan/syntax", "plan", Severity::Error),
        rule("plan/unknown-key", "plan", Severity::Warning),
        rule(
            "large-customers/acv-floor",
            "large-customers",
            Severity::Error,
        ),
        rule(
            "large-customers/ltv-floor",
            "large-customers",
            Severity::Warning,
        ),
        rule(
            "sales-motion/no-conference",
            "sales-motion",
            Severity::Warning,
        ),
        rule(
            "patient-growth/hockey-stick",
            "patient-growth",
            Severity::Info,
        ),
        rule("trust-vision/not-enabled", "trust-vision", Severity::Info),
    ];
    RunInfo {
        version: "0.0.0-test",
        enabled: rules
            .iter()
            .map(|r| r.id)
            .filter(|id| *id != "trust-vision/not-enabled")
            .collect(),
        rules,
        lang: Lang::En,
    }
}

fn human() -> HumanOptions {
    HumanOptions {
        color: false,
        width: 100,
        summary: true,
        lang: Lang::En,
    }
}

fn name(format: Format) -> String {
    format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_else(|| format!("{format:?}"))
}

#[test]
fn every_format_on_the_shared_findings() {
    let reports = reports();
    let info = info();
    for &format in Format::value_variants() {
        let out = format
            .reporter(human(), &planlint::lint::Settings::default())
            .render(&reports, &info);
        insta::assert_snapshot!(name(format), out);
    }
}

/// The human format streams: each file rendered as it is linted, then put together. The
/// result is the whole-run rendering, byte for byte.
#[test]
fn human_streamed_equals_human_whole() {
    let whole = Format::Human
        .reporter(human(), &planlint::lint::Settings::default())
        .render(&reports(), &info());
    let mut streamed = reports();
    for r in &mut streamed {
        r.rendered = Some(planlint::report::human::render_file(r, human()));
        r.compact(false);
    }
    assert_eq!(
        Format::Human
            .reporter(human(), &planlint::lint::Settings::default())
            .render(&streamed, &info()),
        whole
    );
}

/// A report that quotes the source keeps it for files with findings; the others can
/// drop it, and say the same once it is dropped. (A report that reads whole plans, the
/// HTML report, keeps every file's text: the run never compacts for it.)
#[test]
fn compacted_reports_render_the_same() {
    let info = info();
    for &format in Format::value_variants() {
        let reporter = format.reporter(human(), &planlint::lint::Settings::default());
        if reporter.reads_plans() {
            continue;
        }
        let whole = reporter.render(&reports(), &info);
        let mut compacted = reports();
        for r in &mut compacted {
            r.compact(reporter.quotes_source());
        }
        assert_eq!(
            reporter.render(&compacted, &info),
            whole,
            "{}",
            name(format)
        );
    }
}
