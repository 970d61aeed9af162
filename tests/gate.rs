//! The gate: a plan must not pass by omission, by a misspelt key or by a missing
//! currency line. Each test runs the real binary on a plan written for it.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn clean_plan() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clean/lianheng.plan.yaml");
    std::fs::read_to_string(path).expect("the clean fixture is readable")
}

/// Lints `plan` as `p.plan.yaml` in a fresh directory with no configuration (or with
/// `config` as planlint.toml); returns the diagnostics, the exit code and the report.
fn lint(plan: &str, config: Option<&str>, args: &[&str]) -> (Vec<Value>, i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.plan.yaml"), plan).unwrap();
    if let Some(c) = config {
        std::fs::write(dir.path().join("planlint.toml"), c).unwrap();
    }
    let out = Command::cargo_bin("planlint")
        .unwrap()
        .current_dir(dir.path())
        .args(["--format", "json"])
        .args(args)
        .arg("p.plan.yaml")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let d = v["diagnostics"].as_array().cloned().unwrap_or_default();
    (d, out.status.code().unwrap_or(-1), v)
}

fn of_rule<'a>(d: &'a [Value], rule: &str) -> Vec<&'a Value> {
    d.iter().filter(|x| x["rule"] == rule).collect()
}

fn message(d: &Value) -> &str {
    d["message"].as_str().unwrap_or_default()
}

#[test]
fn a_plan_of_two_lines_fails_once_per_principle() {
    let (d, code, _) = lint("planlint: 1\ncurrency: CNY\n", None, &[]);
    assert_eq!(code, 1, "{d:?}");
    let gaps = of_rule(&d, "plan/missing-input");
    assert_eq!(gaps.len(), 10, "one per principle: {d:?}");
    for principle in [
        "customer-focus",
        "trust-vision",
        "large-customers",
        "sales-motion",
        "product-cycle",
        "value-pricing",
        "quantified-value",
        "customer-success",
        "data-consent",
        "patient-growth",
    ] {
        assert!(
            gaps.iter()
                .any(|g| message(g).starts_with(&format!("`{principle}` cannot be fully checked"))),
            "{principle}: {gaps:?}"
        );
    }
    // Each points at the plan's first line, since no section exists.
    assert!(gaps.iter().all(|g| g["span"]["line"] == 1), "{gaps:?}");
    // Nothing else fires for what is absent.
    assert_eq!(d.len(), 10, "{d:?}");
}

#[test]
fn deleting_unit_economics_fails_the_gate() {
    let plan = clean_plan();
    let start = plan.find("\nunit_economics:").unwrap() + 1;
    let end = start + plan[start..].find("\n\n").unwrap();
    let without = format!("{}{}", &plan[..start], &plan[end + 2..]);
    let (d, code, _) = lint(&without, None, &[]);
    assert_eq!(code, 1, "{d:?}");
    let large = of_rule(&d, "plan/missing-input")
        .into_iter()
        .find(|g| message(g).starts_with("`large-customers`"))
        .unwrap_or_else(|| panic!("{d:?}"));
    assert!(
        message(large).contains("`unit_economics` is missing, so none of its 7 rules ran"),
        "{}",
        message(large)
    );
    assert_eq!(large["span"]["line"], 2, "the plan's first key");
}

#[test]
fn an_empty_value_is_missing_and_points_at_its_section() {
    let plan = clean_plan().replace("  acv: 120k", "  acv: ~");
    let (d, code, _) = lint(&plan, None, &[]);
    assert_eq!(code, 1, "{d:?}");
    let gaps = of_rule(&d, "plan/missing-input");
    let large = gaps
        .iter()
        .find(|g| message(g).starts_with("`large-customers`"))
        .unwrap_or_else(|| panic!("{d:?}"));
    assert!(message(large).contains("`unit_economics.acv`"), "{large}");
    assert!(
        message(large).contains("(acv-floor, small-deals)"),
        "only the rules that need the ACV: {large}"
    );
    // At the empty value itself.
    assert_eq!(large["path"], "unit_economics.acv");
    let line = clean_plan()
        .lines()
        .position(|l| l == "  acv: 120k")
        .unwrap()
        + 1;
    assert_eq!(large["span"]["line"], line);
}

#[test]
fn an_invalid_value_has_one_finding_not_two() {
    let plan = clean_plan().replace("  acv: 120k", "  acv: lots");
    let (d, code, _) = lint(&plan, None, &[]);
    assert_eq!(code, 1);
    assert_eq!(of_rule(&d, "plan/invalid-value").len(), 1, "{d:?}");
    assert!(of_rule(&d, "plan/missing-input").is_empty(), "{d:?}");
}

#[test]
fn a_draft_can_make_missing_input_a_warning() {
    let config = "[rules]\n\"plan/missing-input\" = \"warning\"\n";
    let (d, code, _) = lint("planlint: 1\ncurrency: CNY\n", Some(config), &[]);
    assert_eq!(code, 0, "{d:?}");
    assert!(d.iter().all(|x| x["severity"] == "warning"), "{d:?}");
}

#[test]
fn a_misspelt_key_is_an_error_and_not_also_a_missing_input() {
    let plan = clean_plan().replace("  revenue_churn: 8%", "  revenu_churn: 35%");
    let (d, code, _) = lint(&plan, None, &[]);
    assert_eq!(code, 1, "{d:?}");
    let unknown = of_rule(&d, "plan/unknown-key");
    assert_eq!(unknown.len(), 1, "{d:?}");
    assert_eq!(unknown[0]["severity"], "error");
    assert!(of_rule(&d, "plan/missing-input").is_empty(), "{d:?}");
}

#[test]
fn no_currency_and_no_named_one_is_one_error_not_dozens() {
    // The clean plan's amounts name no currency; without `currency:` none is known.
    let plan = clean_plan().replace("currency: CNY\n", "");
    let (d, code, _) = lint(&plan, None, &[]);
    assert_eq!(code, 1);
    let ids: Vec<&str> = d.iter().filter_map(|x| x["rule"].as_str()).collect();
    assert_eq!(ids, vec!["plan/missing-currency"], "{d:?}");
    assert_eq!(d[0]["span"]["line"], 2);

    // A USD plan written with dollar amounts and no `currency:` would, before, have
    // been read as CNY and failed every money threshold.
    let usd = clean_plan()
        .replace("currency: CNY\n", "")
        .replace("  acv: 120k", "  acv: $120k")
        .replace("  cac: 80k", "  cac: US$80k");
    let (d, code, _) = lint(&usd, None, &["--preset", "us-saas"]);
    assert_eq!(code, 0, "{d:?}");
    let ids: Vec<&str> = d.iter().filter_map(|x| x["rule"].as_str()).collect();
    assert_eq!(ids, vec!["plan/inferred-currency"], "{d:?}");
    assert!(message(&d[0]).contains("USD is taken as the plan's currency"));
}

#[test]
fn mixed_currencies_without_a_currency_line_are_missing_currency_with_both_labelled() {
    let plan = clean_plan()
        .replace("currency: CNY\n", "")
        .replace("  acv: 120k", "  acv: ¥120,000")
        .replace("  cac: 80k", "  cac: $80k");
    let (d, _, v) = lint(&plan, None, &[]);
    let missing = of_rule(&d, "plan/missing-currency");
    assert_eq!(missing.len(), 1, "{d:?}");
    assert!(
        message(missing[0]).contains("(CNY, USD)"),
        "{}",
        message(missing[0])
    );
    assert_eq!(missing[0]["labels"].as_array().unwrap().len(), 3);
    // The money rules were not checked, and the report says so.
    let not_checked = v["files"][0]["not_checked"].as_array().cloned();
    if let Some(list) = not_checked {
        assert!(
            list.iter()
                .any(|n| n["rule"] == "large-customers/ltv-floor"
                    && n["reason"] == "missing-currency"),
            "{list:?}"
        );
    }
}

#[test]
fn the_fx_help_proposes_the_preset_in_the_plans_currency_on_one_line() {
    let plan = clean_plan().replace("currency: CNY", "currency: USD");
    let (d, code, _) = lint(&plan, None, &[]);
    assert_eq!(code, 1);
    let fx = of_rule(&d, "plan/no-fx-rate");
    assert_eq!(fx.len(), 1, "{d:?}");
    let help = fx[0]["help"].as_str().unwrap();
    assert!(
        help.starts_with("set `preset = \"us-saas\"` in planlint.toml"),
        "{help}"
    );
    assert!(!help.contains('\n'), "one line: {help}");
}

#[test]
fn help_and_explain_show_the_thresholds_in_force() {
    let plan = clean_plan()
        .replace("currency: CNY", "currency: USD")
        .replace("  ltv: 600k", "  ltv: 40k")
        .replace("  acv: 120k", "  acv: 8k")
        .replace("  cac: 80k", "  cac: 5k")
        .replace("  cac_payback_months: 11.1", "  cac_payback_months: 10.4");
    let (d, _, _) = lint(&plan, None, &["--preset", "us-saas"]);
    let ltv = of_rule(&d, "large-customers/ltv-floor");
    assert_eq!(ltv.len(), 1, "{d:?}");
    let help = ltv[0]["help"].as_str().unwrap();
    assert!(help.contains("50,000 USD"), "{help}");
    assert!(!help.contains("CNY"), "{help}");

    let out = Command::cargo_bin("planlint")
        .unwrap()
        .args([
            "explain",
            "sales-motion/payback-too-long",
            "--preset",
            "us-saas",
            "--isolated",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("`max_cac_payback_months` = 18 (preset `us-saas`"),
        "{text}"
    );
    let out = Command::cargo_bin("planlint")
        .unwrap()
        .args(["explain", "sales-motion/payback-too-long", "--isolated"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("`max_cac_payback_months` = 12 (preset `article`"),
        "{text}"
    );
}

#[test]
fn explain_suggests_the_principle_a_word_belongs_to() {
    Command::cargo_bin("planlint")
        .unwrap()
        .args(["explain", "focus"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `customer-focus`?"));
    // A rule's own name is enough when only one rule has it.
    Command::cargo_bin("planlint")
        .unwrap()
        .args(["explain", "acv-floor", "--isolated"])
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with("large-customers/acv-floor"));
}

#[test]
fn init_writes_a_starter_in_the_presets_currency_that_passes_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::cargo_bin("planlint")
            .unwrap()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        run(&["init", "--preset", "us-saas", "a.plan.yaml"])
            .status
            .success()
    );
    let text = std::fs::read_to_string(dir.path().join("a.plan.yaml")).unwrap();
    assert!(text.contains("\ncurrency: USD "), "{text}");
    assert!(text.contains("above 50,000 USD"), "{text}");
    let lint = run(&["--isolated", "--preset", "us-saas", "a.plan.yaml"]);
    assert_eq!(
        lint.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&lint.stdout)
    );

    assert!(
        run(&["init", "--currency", "usd", "b.plan.yaml"])
            .status
            .success()
    );
    let b = std::fs::read_to_string(dir.path().join("b.plan.yaml")).unwrap();
    assert_eq!(b, text, "--currency USD picks the preset kept in USD");

    let bad = run(&["init", "--currency", "dollars", "c.plan.yaml"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(!dir.path().join("c.plan.yaml").exists());
}
