//! Values read as their authors meant them (issue 10): commas only group thousands,
//! full-width digits and `倍` are read, and infinite or absurd numbers are findings at the
//! value. No message prints `inf`, `NaN` or a number of hundreds of digits.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// One diagnostic: rule, line, column, message, help.
#[derive(Debug, Clone)]
struct Diag {
    rule: String,
    line: u64,
    column: u64,
    message: String,
    help: String,
}

fn planlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("planlint").expect("binary builds");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .arg("--isolated")
        .timeout(Duration::from_secs(120));
    cmd
}

/// The diagnostics of `yaml` linted as a plan, with `extra` arguments.
fn lint(yaml: &str, extra: &[&str]) -> Vec<Diag> {
    let dir = tempfile::tempdir().unwrap();
    // The snippets are in CNY; the line goes last so that line numbers stay the snippet's.
    let yaml = if yaml.contains("currency:") {
        yaml.to_string()
    } else {
        format!("{yaml}currency: CNY\n")
    };
    std::fs::write(dir.path().join("p.plan.yaml"), yaml).unwrap();
    let out = planlint(dir.path())
        .args(["--format", "json"])
        .args(extra)
        .arg("p.plan.yaml")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Diag {
            rule: d["rule"].as_str().unwrap().to_string(),
            line: d["span"]["line"].as_u64().unwrap(),
            column: d["span"]["column"].as_u64().unwrap(),
            message: d["message"].as_str().unwrap().to_string(),
            help: d["help"].as_str().unwrap_or_default().to_string(),
        })
        .collect()
}

/// The `plan/` findings of a one-section plan `section:\n  {line}`, whose value starts at
/// line 2.
fn plan_findings(section: &str, line: &str) -> Vec<Diag> {
    lint(&format!("{section}:\n  {line}\n"), &["--select", "plan/"])
}

/// Every text a finding shows, for checks that no number leaks as `inf`, `NaN` or digits.
fn all_text(diags: &[Diag]) -> String {
    diags
        .iter()
        .map(|d| format!("{} {}\n", d.message, d.help))
        .collect()
}

/// True when `text` prints a float the way Rust does and a person should never see:
/// `inf`, `NaN`, or a run of more than 16 digits.
fn leaks_a_raw_float(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = lower.split(|c: char| !c.is_alphanumeric());
    let mut digits = 0;
    let mut long_run = false;
    for c in text.chars() {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        long_run |= digits > 16;
    }
    long_run
        || words
            .clone()
            .any(|w| w == "inf" || w == "nan" || w == "infinity")
}

#[test]
fn a_decimal_comma_is_an_invalid_value_with_the_point_written_in() {
    let cases = [
        ("unit_economics", "acv: 5,5k", "5.5k"),
        ("unit_economics", "ltv: 1,5M", "1.5M"),
        ("unit_economics", "cac: \"1.234,56\"", "1234.56"),
        ("unit_economics", "gross_margin: 7,5%", "7.5%"),
        ("unit_economics", "lifetime_years: \"2,5\"", "2.5"),
        ("value", "improvement: 1,5x", "1.5x"),
        ("value", "roi_multiple: 3,5倍", "3.5倍"),
        ("customer_success", "headcount: \"1,2\"", "1.2"),
        (
            "projections",
            "- { year: 2026, revenue: \"¥1,5万\" }",
            "¥1.5万",
        ),
        ("market", "accounts: { tam: \"12,34,567\" }", "1234567"),
    ];
    for (section, line, fix) in cases {
        let found = plan_findings(section, line);
        assert_eq!(found.len(), 1, "{line}: {found:?}");
        let d = &found[0];
        assert_eq!(
            (d.rule.as_str(), d.line),
            ("plan/invalid-value", 2),
            "{line}"
        );
        assert!(
            d.message.contains("comma") && d.message.contains("thousands"),
            "{line}: {d:?}"
        );
        assert_eq!(
            d.help,
            format!("write {fix}: a point marks decimals, commas only group thousands"),
            "{line}"
        );
    }
}

#[test]
fn the_finding_points_at_the_value() {
    let found = plan_findings("unit_economics", "acv: 5,5k");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].line, found[0].column), (2, 8), "{found:?}");
}

#[test]
fn commas_that_group_thousands_are_read() {
    for (acv, shown) in [
        ("\"12,000\"", "12,000 CNY"),
        ("\"¥12,000\"", "12,000 CNY"),
        ("\"1,234.5\"", "1,234.50 CNY"),
        ("\"１２，０００\"", "12,000 CNY"),
    ] {
        let found = lint(
            &format!("unit_economics:\n  acv: {acv}\n"),
            &["--select", "plan/,large-customers/acv-floor"],
        );
        assert_eq!(found.len(), 1, "{acv}: {found:?}");
        assert_eq!(found[0].rule, "large-customers/acv-floor", "{acv}");
        assert!(
            found[0].message.contains(&format!("ACV is {shown}")),
            "{acv}: {found:?}"
        );
    }
    // `1,234,567` is read whole: far above the floor, so nothing to report.
    let found = lint(
        "unit_economics:\n  acv: 1,234,567\n",
        &["--select", "plan/,large-customers/acv-floor"],
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn full_width_digits_percent_and_bei_are_read() {
    // Each is accepted (no `plan/`), and read as written: 25% churn is at the ceiling.
    for churn in ["２５％", "25％", "２５%"] {
        let found = lint(
            &format!("unit_economics:\n  acv: 5万\n  revenue_churn: {churn}\n"),
            &["--select", "plan/,large-customers/churn-ceiling"],
        );
        assert_eq!(found.len(), 1, "{churn}: {found:?}");
        assert_eq!(found[0].rule, "large-customers/churn-ceiling", "{churn}");
        assert!(found[0].message.contains("25%"), "{churn}: {found:?}");
    }
    for improvement in ["16倍", "１６倍", "１６x", "16 倍"] {
        let found = lint(
            &format!(
                "value:\n  before: 40\n  after: 3\n  better: lower\n  improvement: {improvement}\n"
            ),
            &["--select", "plan/,customer-focus/improvement-mismatch"],
        );
        assert_eq!(found.len(), 1, "{improvement}: {found:?}");
        assert_eq!(
            found[0].rule, "customer-focus/improvement-mismatch",
            "{improvement}"
        );
        assert!(
            found[0].message.contains("stated improvement 16x"),
            "{improvement}: {found:?}"
        );
    }
    // A full-width comma is a comma like any other.
    let found = plan_findings("unit_economics", "acv: ５，５k");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].help,
        "write 5.5k: a point marks decimals, commas only group thousands"
    );
}

#[test]
fn infinite_and_absurd_numbers_are_invalid_values_at_the_value() {
    let digits400 = "9".repeat(400);
    let cases = [
        ("unit_economics", "acv: .nan".to_string(), 8),
        ("unit_economics", "acv: .inf".to_string(), 8),
        ("unit_economics", "lifetime_years: -.inf".to_string(), 19),
        ("unit_economics", format!("acv: {digits400}"), 8),
        ("unit_economics", "acv: 1e308".to_string(), 8),
        ("unit_economics", "acv: 1e-320".to_string(), 8),
        ("unit_economics", "cac: \"1e400\"".to_string(), 8),
        ("unit_economics", "gross_margin: 1e-320".to_string(), 17),
        (
            "unit_economics",
            "net_revenue_retention: 1e300".to_string(),
            26,
        ),
        ("value", "improvement: 1e308".to_string(), 16),
        ("value", "before: .inf".to_string(), 11),
        ("customer_success", format!("headcount: {digits400}"), 14),
        ("projections", "- { year: .nan }".to_string(), 13),
    ];
    for (section, line, column) in &cases {
        let found = plan_findings(section, line);
        let short = &line[..line.len().min(40)];
        assert_eq!(found.len(), 1, "{short}: {found:?}");
        let d = &found[0];
        assert_eq!(
            (d.rule.as_str(), d.line, d.column),
            ("plan/invalid-value", 2, *column),
            "{short}: {d:?}"
        );
        assert!(d.help.starts_with("write "), "{short}: {d:?}");
        // The message may quote what was written (`.inf`), never a float as Rust prints it.
        let text = all_text(&found).replace(".inf", "").replace(".nan", "");
        assert!(!leaks_a_raw_float(&text), "{short}: {d:?}");
    }
}

#[test]
fn money_is_accepted_from_a_millionth_to_ten_to_the_fifteen() {
    for ok in ["0", "0.000001", "1e15", "-1e15"] {
        let found = plan_findings("projections", &format!("- {{ cash_end: {ok} }}"));
        assert!(found.is_empty(), "{ok}: {found:?}");
    }
    for bad in ["0.0000001", "1.1e15", "-2e15"] {
        let found = plan_findings("projections", &format!("- {{ cash_end: {bad} }}"));
        assert_eq!(found.len(), 1, "{bad}: {found:?}");
        assert!(
            found[0].message.contains("not a plausible amount"),
            "{bad}: {found:?}"
        );
    }
}

#[test]
fn computed_values_are_shown_at_a_human_precision() {
    // Revenue from a millionth to 10^15: the growth is 10^21, which rules print.
    let yaml =
        "projections:\n  - { year: 2026, revenue: 0.000001 }\n  - { year: 2027, revenue: 1e15 }\n";
    let found = lint(yaml, &["--select", "patient-growth/hypergrowth"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("1e21×"), "{found:?}");
    assert!(!leaks_a_raw_float(&all_text(&found)), "{found:?}");
}

#[test]
fn no_finding_prints_a_raw_float_whatever_the_numbers() {
    // Extreme but plausible values everywhere a rule divides or multiplies.
    let yaml = "\
unit_economics:
  acv: 0.000001
  gross_margin: 0.000000001
  lifetime_years: 1e15
  ltv: 1e15
  cac: 1e15
  cac_payback_months: 0.000000001
  revenue_churn: 0.000000001
value:
  before: 1e15
  after: 0.000000001
  better: lower
  improvement: 0.000001
  annual_value_per_customer: 1e15
  roi_multiple: 1000000
pricing:
  tiers:
    - { name: A, customer_revenue: [0.000001, 1e15], price: 0.000001 }
    - { name: B, customer_revenue: [1, 1e15], price: 1e15 }
customer_success:
  headcount: 999999999999999
  accounts_per_csm: 999999999999999
projections:
  - { year: 2026, revenue: 0.000001, customers: 999999999999999, net_burn: 1e15, raised: 0, cash_end: -1e15 }
  - { year: 2027, revenue: 1e15, customers: 1, net_burn: -1e15, raised: 1e15, cash_end: 1e15 }
";
    let found = lint(yaml, &[]);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|d| d.rule != "plan/invalid-value"),
        "{found:?}"
    );
    let text = all_text(&found);
    assert!(!leaks_a_raw_float(&text), "{text}");
}
