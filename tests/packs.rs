//! Rule packs (docs/packs.md): the example pack against the fixtures, in every
//! report format and through every way a rule is configured; `planlint pack test`; and
//! every bad or hostile pack refused at its place in the pack with the fix.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

mod support;
use support::expect::{assert_expectations, fixtures_dir, plan_files};
use support::{planlint, planlint_in, write_file};

const ACME: &str = "fixtures/packs/acme-ic.planlint.yaml";
const CHECKS: &str = "fixtures/packs/checks.planlint.yaml";
const ACME_PLAN: &str = "fixtures/packs/lianheng-acme.plan.yaml";
const HANG_GUARD: Duration = Duration::from_secs(60);

fn pack_plans(names: &[&str]) -> Vec<PathBuf> {
    plan_files(&fixtures_dir().join("packs"), &[])
        .into_iter()
        .filter(|p| names.iter().any(|n| p.ends_with(n)))
        .collect()
}

#[test]
fn the_example_pack_finds_what_the_fixtures_expect() {
    assert_expectations(
        &pack_plans(&["lianheng-acme.plan.yaml", "lianheng-small-deals.plan.yaml"]),
        &["--pack", ACME],
    );
    assert_expectations(
        &pack_plans(&["lianheng-checks.plan.yaml"]),
        &["--pack", CHECKS],
    );
}

fn json_of(args: &[&str]) -> (Value, i32) {
    let out = planlint().args(args).output().unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code().unwrap_or(-1))
}

fn ids(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_clean_fixtures_stay_clean_without_the_pack_and_the_clean_plan_passes_it() {
    let (v, code) = json_of(&[
        "--format",
        "json",
        "fixtures/clean/lianheng.plan.yaml",
        "--pack",
        ACME,
    ]);
    assert_eq!(code, 0, "{v}");
    assert!(ids(&v).is_empty(), "{v}");
    let (v, code) = json_of(&["--format", "json", ACME_PLAN]);
    assert_eq!(code, 0, "without the pack the plan passes: {v}");
}

#[test]
fn every_report_format_shows_pack_findings() {
    for format in [
        "human", "json", "sarif", "github", "junit", "gitlab", "markdown",
    ] {
        let out = planlint()
            .args(["--format", format, "--pack", ACME, ACME_PLAN])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{format}: {text}");
        assert!(
            text.contains("acme-ic/min-gross-margin"),
            "{format}: {text}"
        );
        if format != "markdown" {
            assert!(text.contains("acme-ic/headcount-cap"), "{format}: {text}");
        }
    }
    let (sarif, _) = json_of(&["--format", "sarif", "--pack", ACME, ACME_PLAN]);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let rule = rules
        .iter()
        .find(|r| r["id"] == "acme-ic/min-gross-margin")
        .expect("SARIF lists the pack rule");
    assert_eq!(
        rule["shortDescription"]["text"],
        "gross margin is below 70%"
    );
    assert!(
        rule.to_string()
            .contains("raise prices or cut delivery cost"),
        "SARIF carries the pack rule's help: {rule}"
    );
}

#[test]
fn messages_are_the_pack_authors_words_with_values_formatted_for_the_reader() {
    let (v, _) = json_of(&["--format", "json", "--pack", ACME, ACME_PLAN]);
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains(&"gross margin 65% is below the committee's 70%"),
        "{messages:?}"
    );
    assert!(messages.contains(&"600 people in 2027"), "{messages:?}");
    let (v, _) = json_of(&[
        "--format",
        "json",
        "--pack",
        ACME,
        "fixtures/packs/lianheng-small-deals.plan.yaml",
    ]);
    assert_eq!(
        v["diagnostics"][0]["message"],
        "ACV 70,000 CNY is below 80,000 CNY"
    );
    // In Chinese the pack's words stay as written; the amounts and planlint's own words
    // are the reader's.
    let out = planlint()
        .args(["--lang", "zh", "--format", "json", "--pack", ACME])
        .arg("fixtures/packs/lianheng-small-deals.plan.yaml")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["diagnostics"][0]["message"],
        "ACV 7万 CNY is below 8万 CNY"
    );
}

#[test]
fn pack_rules_are_listed_and_explained() {
    let out = planlint().args(["rules", "--pack", ACME]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "acme-ic/min-gross-margin                 error    gross margin is below 70%"
        ),
        "{text}"
    );
    let out = planlint()
        .args(["explain", "acme-ic/min-gross-margin", "--pack", ACME])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text,
        "acme-ic/min-gross-margin  (acme-ic · default error)\n\ngross margin is below 70%\n\n**Help:** raise prices or cut delivery cost\n"
    );
    let out = planlint()
        .args(["config", "--pack", ACME])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("packs = [\"fixtures/packs/acme-ic.planlint.yaml\"]\n"),
        "{text}"
    );
    assert!(
        text.contains("\"acme-ic/min-acv\" = \"warning\"\n"),
        "{text}"
    );
    let out = planlint()
        .args(["explain", "acme-ic/min-gross-margin"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "without the pack there is no such rule"
    );
}

/// A project whose planlint.toml names the pack.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = support::manifest_dir();
    write_file(
        dir.path(),
        "policies/acme-ic.planlint.yaml",
        &std::fs::read_to_string(root.join(ACME)).unwrap(),
    );
    write_file(
        dir.path(),
        "plans/lianheng.plan.yaml",
        &std::fs::read_to_string(root.join(ACME_PLAN)).unwrap(),
    );
    write_file(dir.path(), "planlint.toml", config);
    dir
}

fn project_ids(dir: &std::path::Path, args: &[&str]) -> (Vec<String>, i32) {
    let out = planlint_in(dir, HANG_GUARD)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let mut ids = ids(&v);
    ids.sort();
    (ids, out.status.code().unwrap_or(-1))
}

#[test]
fn the_config_names_packs_and_configures_their_rules_like_built_in_ones() {
    let dir = project("packs = [\"policies/acme-ic.planlint.yaml\"]\n");
    let (ids, code) = project_ids(dir.path(), &["plans"]);
    assert_eq!(code, 1);
    assert_eq!(
        ids,
        [
            "acme-ic/headcount-cap",
            "acme-ic/min-gross-margin",
            "acme-ic/quantified-needs"
        ]
    );
    let (ids, _) = project_ids(dir.path(), &["plans", "--select", "acme-ic/headcount-cap"]);
    assert_eq!(ids, ["acme-ic/headcount-cap"]);
    let (ids, _) = project_ids(dir.path(), &["plans", "--ignore", "acme-ic/"]);
    assert!(ids.is_empty(), "{ids:?}");

    let dir = project(
        "packs = [\"policies/acme-ic.planlint.yaml\"]\n[rules]\n\"acme-ic/min-gross-margin\" = \"off\"\n\"acme-ic/\" = \"info\"\n",
    );
    let (ids, code) = project_ids(dir.path(), &["plans"]);
    assert_eq!(code, 0, "info findings do not fail the run");
    assert_eq!(ids, ["acme-ic/headcount-cap", "acme-ic/quantified-needs"]);

    let dir = project(
        "packs = [\"policies/acme-ic.planlint.yaml\"]\n[[overrides]]\nfiles = [\"plans/**\"]\nrules = { \"acme-ic/\" = \"off\" }\n",
    );
    let (ids, code) = project_ids(dir.path(), &["plans"]);
    assert_eq!((ids.len(), code), (0, 0), "{ids:?}");

    // A pack rule the config names is unknown without the pack.
    let dir = project("[rules]\n\"acme-ic/min-gross-margin\" = \"off\"\n");
    let out = planlint_in(dir.path(), HANG_GUARD)
        .arg("plans")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // ...and known when --pack adds it.
    let (ids, _) = project_ids(
        dir.path(),
        &["plans", "--pack", "policies/acme-ic.planlint.yaml"],
    );
    assert_eq!(ids, ["acme-ic/headcount-cap", "acme-ic/quantified-needs"]);
}

#[test]
fn pack_findings_are_suppressed_inline_and_baselined() {
    let dir = project("packs = [\"policies/acme-ic.planlint.yaml\"]\n");
    let plan = dir.path().join("plans/lianheng.plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap().replace(
        "  gross_margin: 65%",
        "  gross_margin: 65%  # planlint-disable-line acme-ic/min-gross-margin -- agreed with the IC",
    );
    std::fs::write(&plan, text).unwrap();
    let (ids, _) = project_ids(dir.path(), &["plans"]);
    assert_eq!(ids, ["acme-ic/headcount-cap", "acme-ic/quantified-needs"]);

    let out = planlint_in(dir.path(), HANG_GUARD)
        .args(["plans", "--write-baseline", "baseline.json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert!(baseline.contains("acme-ic/headcount-cap"), "{baseline}");
    let (ids, code) = project_ids(dir.path(), &["plans", "--baseline", "baseline.json"]);
    assert_eq!((ids.len(), code), (0, 0), "{ids:?}");
}

#[test]
fn a_missing_value_is_not_checked_and_money_needs_a_rate() {
    let (v, _) = json_of(&[
        "--format",
        "json",
        "--pack",
        CHECKS,
        "fixtures/packs/lianheng-checks.plan.yaml",
    ]);
    let nc = &v["not_checked"]["fixtures/packs/lianheng-checks.plan.yaml"];
    assert!(
        nc.as_array()
            .unwrap()
            .iter()
            .any(|n| n["rule"] == "checks/min-price-usd" && n["reason"] == "no-fx-rate"),
        "{nc}"
    );
    // With a rate the rule runs.
    let dir = tempfile::tempdir().unwrap();
    let root = support::manifest_dir();
    write_file(
        dir.path(),
        "checks.planlint.yaml",
        &std::fs::read_to_string(root.join(CHECKS)).unwrap(),
    );
    write_file(
        dir.path(),
        "p.plan.yaml",
        &std::fs::read_to_string(root.join("fixtures/packs/lianheng-checks.plan.yaml")).unwrap(),
    );
    write_file(
        dir.path(),
        "planlint.toml",
        "packs = [\"checks.planlint.yaml\"]\n[fx]\nUSD = 7.1\n",
    );
    let out = planlint_in(dir.path(), HANG_GUARD)
        .args([
            "--format",
            "json",
            "p.plan.yaml",
            "--select",
            "checks/min-price-usd",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["diagnostics"][0]["message"],
        "Starter costs 36,000 CNY, less than 71,000 CNY"
    );
    // A plan without the value: the rule is not checked, and says why.
    write_file(
        dir.path(),
        "bare.plan.yaml",
        "planlint: 1\ncompany: { name: Bare }\n",
    );
    let out = planlint_in(dir.path(), HANG_GUARD)
        .args(["--format", "json", "bare.plan.yaml", "--select", "checks/"])
        .output()
        .unwrap();
    // ...but a required one is a finding where the value belongs.
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&v), ["checks/case-study"], "{v}");
    assert_eq!(v["diagnostics"][0]["span"]["line"], 1, "{v}");
    let nc = &v["not_checked"]["bare.plan.yaml"];
    assert!(
        nc.as_array()
            .unwrap()
            .iter()
            .any(|n| n["rule"] == "checks/churn-ceiling"
                && n["reason"] == "missing-input"
                && n["paths"][0] == "unit_economics.*"),
        "{nc}"
    );
}

#[test]
fn pack_test_passes_on_the_examples_and_fails_on_a_wrong_one() {
    for pack in [ACME, "packs/us-saas-investor.planlint.yaml"] {
        let out = planlint().args(["pack", "test", pack]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{pack}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains("all as expected"), "{text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let broken = std::fs::read_to_string(support::manifest_dir().join(ACME))
        .unwrap()
        .replace("临期损耗占销售额 3-6%", "临期损耗很严重");
    write_file(dir.path(), "acme-ic.planlint.yaml", &broken);
    let out = planlint_in(dir.path(), HANG_GUARD)
        .args(["pack", "test", "acme-ic.planlint.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("acme-ic.planlint.yaml:27:14"),
        "points at the example: {text}"
    );
    assert!(
        text.contains("a `pass` example of `acme-ic/quantified-needs` produced a `acme-ic/quantified-needs` finding"),
        "{text}"
    );
    assert!(
        text.contains("1 of 2 examples are not as expected"),
        "{text}"
    );
}

/// `(what, pack text)`: each must be refused with exit 2 at its place.
const BAD_PACKS: &[(&str, &str)] = &[
    ("yaml", "pack: acme\nrules: [\n"),
    (
        "unknown field",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.acv\n    when: value < 1\n    mesage: x\n",
    ),
    (
        "missing field",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.acv\n    when: value < 1\n",
    ),
    (
        "id outside the prefix",
        "pack: acme\nrules:\n  - id: other/a\n    given: unit_economics.acv\n    when: value < 1\n    message: x\n",
    ),
    (
        "id clashing with another",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.acv\n    when: value < 1\n    message: x\n  - id: acme/a\n    given: unit_economics.cac\n    when: value < 1\n    message: y\n",
    ),
    ("built-in principle as name", "pack: plan\nrules: []\n"),
    (
        "unknown given path",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.gros_margin\n    when: value < 1\n    message: x\n",
    ),
    (
        "CEL syntax",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.acv\n    when: value < < 1\n    message: x\n",
    ),
    (
        "CEL type",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.acv\n    when: value < 'a lot'\n    message: x\n",
    ),
    (
        "CEL unknown field",
        "pack: acme\nrules:\n  - id: acme/a\n    given: projections[*].headcount\n    when: item.yaer > 2027\n    message: x\n",
    ),
    (
        "not a condition",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.acv\n    when: value + 1\n    message: x\n",
    ),
    (
        "regex",
        "pack: acme\nrules:\n  - id: acme/a\n    given: needs[*].statement\n    when: \"value.matches('([0-9]')\"\n    message: x\n",
    ),
    (
        "money",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.acv\n    when: value < money('lots')\n    message: x\n",
    ),
    (
        "interpolation",
        "pack: acme\nrules:\n  - id: acme/a\n    given: unit_economics.acv\n    when: value < 1\n    message: \"ACV {value is low\"\n",
    ),
    (
        "severity",
        "pack: acme\nrules:\n  - id: acme/a\n    severity: fatal\n    given: unit_economics.acv\n    when: value < 1\n    message: x\n",
    ),
    (
        "nested macros",
        "pack: acme\nrules:\n  - id: acme/a\n    given: needs\n    when: \"plan.needs.all(a, plan.needs.all(b, plan.needs.all(c, plan.needs.all(d, true))))\"\n    message: x\n",
    ),
    (
        "control characters",
        "pack: acme\nrules:\n  - id: \"acme/\\e[31mred\"\n    given: unit_economics.acv\n    when: value < 1\n    message: x\n",
    ),
];

#[test]
fn every_bad_pack_is_refused_at_its_place_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let mut shown = String::new();
    for (what, text) in BAD_PACKS {
        write_file(dir.path(), "bad.planlint.yaml", text);
        let out = planlint_in(dir.path(), HANG_GUARD)
            .args([
                "--pack",
                "bad.planlint.yaml",
                "--color",
                "never",
                "x.plan.yaml",
            ])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            !err.contains('\u{1b}'),
            "{what}: a control character reached stderr: {err:?}"
        );
        assert!(err.contains("bad.planlint.yaml:"), "{what}: {err}");
        assert!(err.contains("help:"), "{what}: the fix is named: {err}");
        shown.push_str(&format!("=== {what}\n{err}\n"));
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn hostile_packs_are_refused_or_bounded() {
    let dir = tempfile::tempdir().unwrap();
    // Larger than any pack.
    write_file(
        dir.path(),
        "huge.planlint.yaml",
        &format!("pack: a\n# {}\n", "x".repeat(2 << 20)),
    );
    // Nested past the YAML limits.
    write_file(
        dir.path(),
        "deep.planlint.yaml",
        &format!(
            "pack: a\nrules: {}{}\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    for name in [
        "huge.planlint.yaml",
        "deep.planlint.yaml",
        "missing.planlint.yaml",
    ] {
        let out = planlint_in(dir.path(), HANG_GUARD)
            .args(["--pack", name, "x.plan.yaml"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("help:"),
            "{name}"
        );
    }
    // Two nested macros over a plan with a long list: refused for that plan as a
    // plan/rule-error, not a hang.
    write_file(
        dir.path(),
        "slow.planlint.yaml",
        "pack: slow\nrules:\n  - id: slow/pairs\n    given: needs\n    when: \"plan.needs.all(a, plan.needs.all(b, plan.needs.all(c, a == b || b == c)))\"\n    message: pairs\n",
    );
    let needs: String = (0..3000)
        .map(|i| format!("  - {{ statement: need {i} }}\n"))
        .collect();
    write_file(
        dir.path(),
        "long.plan.yaml",
        &format!("planlint: 1\nneeds:\n{needs}"),
    );
    let out = planlint_in(dir.path(), HANG_GUARD)
        .args([
            "--pack",
            "slow.planlint.yaml",
            "--format",
            "json",
            "--select",
            "slow/,plan/rule-error",
            "long.plan.yaml",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "plan/rule-error", "{v}");
    assert!(d["message"].as_str().unwrap().contains("budget"), "{d}");
    // Control characters a pack writes into its messages are escaped.
    write_file(
        dir.path(),
        "ctl.planlint.yaml",
        "pack: ctl\nrules:\n  - id: ctl/a\n    given: needs[*].statement\n    when: \"true\"\n    message: \"bad \\e[31m{value}\\u202e\"\n",
    );
    write_file(
        dir.path(),
        "n.plan.yaml",
        "planlint: 1\nneeds:\n  - { statement: \"x\\e[2J\" }\n",
    );
    let out = planlint_in(dir.path(), HANG_GUARD)
        .args([
            "--pack",
            "ctl.planlint.yaml",
            "--select",
            "ctl/",
            "n.plan.yaml",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("bad \\u{1b}[31mx\\u{1b}[2J"), "{text}");
}
