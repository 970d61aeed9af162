//! Fixes: every fix of every fixture is verified by applying it and linting again, and
//! `planlint --fix` / `--diff` / `--unsafe-fixes` rewrite plans byte for byte outside the
//! edits, only where they may.

use std::collections::BTreeMap;

use serde_json::Value;

mod support;
use support::expect::{fixtures_dir, plan_files, relative};
use support::fixes::{
    HANG_GUARD, apply, counts, diagnostics, fixes_of, lint_json, linted_fixtures, titles,
};
use support::{planlint, planlint_in, write_file};

/// Principles whose fixes also carry every knock-on into the other principles (a raised
/// ACV rewrites a stated LTV and ROI, or `ltv-mismatch` and `roi-mismatch` would follow):
/// their fixes may add no finding of any principle.
const CLEAN_ACROSS_PRINCIPLES: &[&str] = &["sales-motion", "value-pricing"];

#[test]
fn every_fix_of_every_fixture_removes_its_finding_and_adds_none_of_its_principle() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for linted in linted_fixtures()
        .iter()
        .filter(|l| !l.name.starts_with("fixtures/real/"))
    {
        let (name, before) = (&linted.name, &linted.diagnostics);
        for d in before {
            let rule = d["rule"].as_str().unwrap();
            let path = d["path"].as_str().unwrap();
            let principle = rule.split('/').next().unwrap();
            let judged = |r: &str| {
                CLEAN_ACROSS_PRINCIPLES.contains(&principle)
                    || r.split('/').next() == Some(principle)
            };
            let was = counts(before, judged);
            for fix in fixes_of(d) {
                let after = diagnostics(&lint_json(name, &apply(&linted.text, fix), &[]));
                checked += 1;
                let now = counts(&after, judged);
                let key = (rule.to_string(), path.to_string());
                if now.get(&key).copied().unwrap_or(0) >= was.get(&key).copied().unwrap_or(0) {
                    failures.push(format!(
                        "{name}: fix of {rule} at `{path}` leaves it: {fix}"
                    ));
                }
                for (k, n) in &now {
                    if *n > was.get(k).copied().unwrap_or(0) {
                        failures.push(format!(
                            "{name}: fix of {rule} at `{path}` ({}) adds {} at `{}`",
                            fix["title"], k.0, k.1
                        ));
                    }
                }
            }
        }
    }
    assert!(
        checked >= 100,
        "only {checked} fixes were found in the fixtures"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What `--fix` should make of `text`: its safe fixes applied as planlint chooses them
/// (in file order, none overlapping one taken before), linted again, until none is left.
fn expected_fix(name: &str, text: &str) -> String {
    let mut text = text.to_string();
    for _ in 0..4 {
        let diags = diagnostics(&lint_json(name, &text, &[]));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut edits: Vec<Value> = Vec::new();
        for d in diags.iter().filter(|d| d["fix"]["applicability"] == "safe") {
            let spans: Vec<(usize, usize)> = d["fix"]["edits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let o = e["span"]["offset"].as_u64().unwrap() as usize;
                    (o, o + e["span"]["length"].as_u64().unwrap() as usize)
                })
                .collect();
            let clash = spans.iter().any(|&(a, b)| {
                taken
                    .iter()
                    .any(|&(s, t)| (a < t && s < b) || (a == s && (a == b || s == t)))
            });
            if !clash {
                taken.extend(spans);
                edits.extend(d["fix"]["edits"].as_array().unwrap().iter().cloned());
            }
        }
        if edits.is_empty() {
            break;
        }
        text = apply(&text, &serde_json::json!({ "edits": edits }));
    }
    text
}

#[test]
fn fix_makes_every_fixable_finding_disappear_and_keeps_the_rest_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut originals = BTreeMap::new();
    for file in plan_files(&fixtures_dir(), &[]) {
        let rel = relative(&file);
        let bytes = std::fs::read(&file).unwrap();
        let dest = dir.path().join(&rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::write(&dest, &bytes).unwrap();
        originals.insert(rel, bytes);
    }
    let out = planlint_in(dir.path(), HANG_GUARD)
        .args(["--fix", "--format", "json", "fixtures"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("fixed"), "{stderr}");
    let left: Value = serde_json::from_slice(&out.stdout).unwrap();
    let still_safe: Vec<String> = diagnostics(&left)
        .iter()
        .filter(|d| d["fix"]["applicability"] == "safe")
        .map(|d| format!("{} {}", d["file"], d["rule"]))
        .collect();
    assert!(still_safe.is_empty(), "safe fixes left: {still_safe:?}");
    let mut changed = 0;
    for (rel, old) in &originals {
        let new = std::fs::read(dir.path().join(rel)).unwrap();
        let Ok(old_text) = std::str::from_utf8(old) else {
            assert_eq!(&new, old, "{rel} is not UTF-8 and must not change");
            continue;
        };
        let expected = expected_fix(rel, old_text);
        assert_eq!(
            String::from_utf8_lossy(&new),
            expected,
            "{rel}: --fix must write exactly its fixes"
        );
        changed += usize::from(&new != old);
    }
    assert!(changed >= 8, "only {changed} fixtures were fixed");
    // A second run finds nothing more to fix.
    planlint_in(dir.path(), HANG_GUARD)
        .args(["--diff", "fixtures"])
        .assert()
        .code(0);
}

const PLAN: &str = "\u{feff}# A plan with a byte-order mark and CRLF line endings.\r\nplanlint: 1\r\ncurrency: CNY\r\nunit_economics:\r\n  acv: \"12万\"      # twelve\r\n  lifetime_years: 5\r\n  gross_margin: 72\r\n  ltv_basis: revenue\r\n  ltv: '90万'   # stated\r\n";

#[test]
fn fix_keeps_bom_crlf_comments_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "a.plan.yaml", PLAN);
    planlint_in(dir.path(), HANG_GUARD)
        .args([
            "--fix",
            "--select",
            "plan/,large-customers/ltv-mismatch",
            "a.plan.yaml",
        ])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join("a.plan.yaml")).unwrap();
    assert_eq!(
        fixed,
        PLAN.replace("gross_margin: 72\r", "gross_margin: 72%\r")
            .replace("ltv: '90万'", "ltv: '60万'")
    );
}

#[test]
fn diff_prints_a_unified_diff_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "a.plan.yaml", PLAN);
    let out = planlint_in(dir.path(), HANG_GUARD)
        .args(["--diff", "--select", "plan/", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.starts_with("--- a/a.plan.yaml\n+++ b/a.plan.yaml\n"),
        "{diff}"
    );
    assert!(
        diff.contains("-  gross_margin: 72\r\n+  gross_margin: 72%\r\n"),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.plan.yaml")).unwrap(),
        PLAN
    );
    // Nothing to fix: exit 0, no diff.
    write_file(dir.path(), "b.plan.yaml", "planlint: 1\ncurrency: CNY\n");
    let out = planlint_in(dir.path(), HANG_GUARD)
        .args(["--diff", "--select", "plan/", "b.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

const GROWTH: &str = "planlint: 1\ncurrency: CNY\nprojections:\n  - { year: 2026, revenue: 5M }\n  - { year: 2027, revenue: 20M }\n  - { year: 2028, revenue: 50M }\n";

#[test]
fn unsafe_fixes_need_the_flag_and_cut_the_whole_series() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "g.plan.yaml", GROWTH);
    let sel = ["--select", "patient-growth/hypergrowth"];
    let out = planlint_in(dir.path(), HANG_GUARD)
        .arg("--fix")
        .args(sel)
        .arg("g.plan.yaml")
        .output()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("g.plan.yaml")).unwrap(),
        GROWTH
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 more fix is available with --unsafe-fixes"),
        "{stderr}"
    );
    planlint_in(dir.path(), HANG_GUARD)
        .args(["--fix", "--unsafe-fixes"])
        .args(sel)
        .arg("g.plan.yaml")
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join("g.plan.yaml")).unwrap();
    assert!(fixed.contains("revenue: 15M }"), "{fixed}");
    assert!(fixed.contains("revenue: 44.95M }"), "{fixed}");
}

#[test]
fn an_aliased_value_is_fixed_at_its_anchor_and_only_as_unsafe() {
    let text = "planlint: 1\ncurrency: CNY\nshared: &life 5\nunit_economics:\n  acv: 12万\n  lifetime_years: *life\n  ltv_basis: revenue\n  ltv: &ltv 90万\nother: *ltv\n";
    let v = lint_json(
        "a.plan.yaml",
        text,
        &["--select", "large-customers/ltv-mismatch"],
    );
    let d = &diagnostics(&v)[0];
    assert_eq!(d["fix"]["applicability"], "safe", "{d}");
    let text = "planlint: 1\ncurrency: CNY\nbase: &ue\n  acv: 12万\n  ltv: 90万\nunit_economics:\n  <<: *ue\n  lifetime_years: 5\n  ltv_basis: revenue\n";
    let v = lint_json(
        "m.plan.yaml",
        text,
        &["--select", "large-customers/ltv-mismatch,plan/"],
    );
    let d = diagnostics(&v)
        .into_iter()
        .find(|d| d["rule"] == "large-customers/ltv-mismatch")
        .unwrap();
    assert_eq!(d["fix"]["applicability"], "unsafe", "{d}");
    assert!(d["fix"]["note"].as_str().unwrap().contains("line 5"), "{d}");
    let edit = &d["fix"]["edits"][0];
    assert_eq!(
        edit["span"]["line"], 5,
        "the anchor's `ltv: 90万`, not the merge: {d}"
    );
    assert_eq!(edit["replacement"], "60万");
}

#[cfg(unix)]
#[test]
fn fix_never_writes_through_a_link_out_of_the_tree() {
    let outside = tempfile::tempdir().unwrap();
    let tree = tempfile::tempdir().unwrap();
    write_file(outside.path(), "t.plan.yaml", PLAN);
    std::os::unix::fs::symlink(
        outside.path().join("t.plan.yaml"),
        tree.path().join("l.plan.yaml"),
    )
    .unwrap();
    let out = planlint_in(tree.path(), HANG_GUARD)
        .args(["--fix", "--select", "plan/", "l.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("outside this directory tree"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(outside.path().join("t.plan.yaml")).unwrap(),
        PLAN
    );
    // Walking does not follow the link either: nothing is written.
    planlint_in(tree.path(), HANG_GUARD)
        .args(["--fix", "."])
        .output()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(outside.path().join("t.plan.yaml")).unwrap(),
        PLAN
    );
}

#[test]
fn fix_writes_no_walked_yaml_that_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    // Named like a plan, but without the `planlint:` key: walking skips it.
    let not_plan = "unit_economics:\n  gross_margin: 72\n";
    write_file(dir.path(), "x.plan.yaml", not_plan);
    write_file(dir.path(), "p.plan.yaml", PLAN);
    planlint_in(dir.path(), HANG_GUARD)
        .args(["--fix", "--select", "plan/", "."])
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.plan.yaml")).unwrap(),
        not_plan
    );
    assert_ne!(
        std::fs::read_to_string(dir.path().join("p.plan.yaml")).unwrap(),
        PLAN
    );
}

#[test]
fn fix_of_standard_input_prints_the_fixed_plan() {
    let out = planlint()
        .args(["--fix", "--select", "plan/", "-"])
        .write_stdin(PLAN)
        .timeout(HANG_GUARD)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        PLAN.replace("gross_margin: 72\r", "gross_margin: 72%\r")
    );
}

const UNDER_COVERED: &str = "planlint: 1\ncurrency: CNY\ncustomer_success:\n  team: true\n  separate_from_support: true\n  outcome_metrics: [write-off rate]\n  headcount: 4\n  accounts_per_csm: 18\nprojections:\n  - { year: 2026, customers: 73 }\n";

#[test]
fn alternatives_are_in_json_and_sarif_and_never_applied_by_fix() {
    let select = ["--select", "customer-success/under-covered"];
    let v = lint_json("u.plan.yaml", UNDER_COVERED, &select);
    let d = &diagnostics(&v)[0];
    assert_eq!(d["fix"]["title"], "change `headcount: 5`", "{d}");
    let alternatives = d["alternatives"].as_array().unwrap();
    assert_eq!(alternatives.len(), 1, "{d}");
    assert_eq!(alternatives[0]["applicability"], "unsafe");
    assert_eq!(alternatives[0]["edits"][0]["replacement"], "19");
    let out = planlint()
        .args(["--format", "sarif", "--stdin-filename", "u.plan.yaml"])
        .args(select)
        .arg("-")
        .write_stdin(UNDER_COVERED)
        .timeout(HANG_GUARD)
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fixes = sarif["runs"][0]["results"][0]["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 2, "{fixes:#?}");
    assert!(
        fixes[1]["description"]["text"]
            .as_str()
            .unwrap()
            .ends_with("(unsafe)")
    );
    // --unsafe-fixes applies the fix, not its alternatives.
    let out = planlint()
        .args(["--fix", "--unsafe-fixes"])
        .args(select)
        .arg("-")
        .write_stdin(UNDER_COVERED)
        .timeout(HANG_GUARD)
        .output()
        .unwrap();
    let fixed = String::from_utf8_lossy(&out.stdout);
    assert!(fixed.contains("headcount: 5\n"), "{fixed}");
    assert!(fixed.contains("accounts_per_csm: 18\n"), "{fixed}");
}

/// Rules whose help gives numbers only as an example of what to write (`deletion_on_exit_days:
/// 30`, `- { year: 2028, theme: ... }`): there is nothing to compute, so nothing to fix.
const EXAMPLE_HELPS: &[&str] = &[
    "data-consent/no-exit-terms",
    "patient-growth/short-horizon",
    "product-cycle/no-cycle",
    "quantified-value/unquantified",
    "quantified-value/vague-claim",
    "sales-motion/no-conference",
    "trust-vision/no-vision",
];

/// (fixture, rule) whose help states a target that no edit of a value can reach, and why.
const NO_FIX: &[(&str, &str, &str)] = &[
    (
        "fixtures/patient-growth/burn-multiple.plan.yaml",
        "patient-growth/burn-multiple",
        "2025 is reported (`actual: true`): its burn is a fact, the help speaks of the years ahead",
    ),
    (
        "fixtures/value-pricing/single-tier.plan.yaml",
        "value-pricing/narrow-tier-span",
        "one tier spans 1x whatever its price: only a new tier helps",
    ),
    (
        "fixtures/sales-motion/small-deals-whole-range-below.plan.yaml",
        "sales-motion/small-deals-need-telesales",
        "the whole range is below the target: raising its start would reverse it",
    ),
    (
        "fixtures/sales-motion/small-deals-whole-range-below.plan.yaml",
        "sales-motion/field-sales-small-deals",
        "the whole range is below the floor: raising its start would reverse it",
    ),
];

/// Every figure a help proposes is offered as a fix (and so verified by the test above):
/// a finding whose help (before its pointer to `planlint explain`) has a number carries a
/// fix, unless its rule only gives examples or the case is listed with its reason.
#[test]
fn every_figure_a_help_proposes_is_offered_as_a_fix() {
    let mut missing = Vec::new();
    let mut exceptions_seen = 0;
    for linted in linted_fixtures()
        .iter()
        .filter(|l| !l.name.starts_with("fixtures/real/"))
    {
        let name = &linted.name;
        for d in &linted.diagnostics {
            let rule = d["rule"].as_str().unwrap();
            let help = d["help"].as_str().unwrap_or_default();
            let own = help.split("; see `planlint explain").next().unwrap_or(help);
            if rule.starts_with("plan/")
                || d.get("fix").is_some()
                || !own.chars().any(|c| c.is_ascii_digit())
                || EXAMPLE_HELPS.contains(&rule)
            {
                continue;
            }
            if NO_FIX.iter().any(|(f, r, _)| *f == name && *r == rule) {
                exceptions_seen += 1;
                continue;
            }
            missing.push(format!("{name}: {rule}: {own}"));
        }
    }
    assert_eq!(
        exceptions_seen,
        NO_FIX.len(),
        "a listed exception no longer happens: remove it from NO_FIX"
    );
    assert!(
        missing.is_empty(),
        "helps that propose a figure without a fix:\n{}",
        missing.join("\n")
    );
}

/// The rows of the `## Fixes` table of docs/rules.md: rule → (fix, alternatives cell).
fn documented_fixes() -> BTreeMap<String, (String, String)> {
    let md = std::fs::read_to_string(support::manifest_dir().join("docs/rules.md")).unwrap();
    let section = md
        .split("\n## Fixes\n")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/rules.md has a `## Fixes` section");
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 4, "a row of four cells: {l}");
            (
                cells[0].trim_matches('`').to_string(),
                (cells[1].to_string(), cells[3].to_string()),
            )
        })
        .collect()
}

#[test]
fn the_fixes_table_of_the_rule_catalogue_is_what_the_fixtures_offer() {
    let docs = documented_fixes();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, bool> = BTreeMap::new();
    for linted in linted_fixtures() {
        let name = &linted.name;
        for d in &linted.diagnostics {
            let Some(fix) = d.get("fix") else { continue };
            let rule = d["rule"].as_str().unwrap().to_string();
            let has_alternatives = d.get("alternatives").is_some();
            *seen.entry(rule.clone()).or_default() |= has_alternatives;
            match docs.get(&rule) {
                None => problems.push(format!(
                    "{name}: {rule} offers a fix docs/rules.md does not list"
                )),
                // A safe fix becomes unsafe through an anchor (or a safe rule's unsafe case, which
                // its row describes); an unsafe one never becomes safe.
                Some((kind, _)) if kind == "unsafe" && fix["applicability"] == "safe" => problems
                    .push(format!(
                        "{name}: {rule} is documented unsafe but offers a safe fix"
                    )),
                Some((_, alternatives)) if has_alternatives && alternatives.is_empty() => problems
                    .push(format!(
                        "{name}: {rule} offers alternatives its row does not name"
                    )),
                Some(_) => {}
            }
        }
    }
    for (rule, (_, alternatives)) in &docs {
        match seen.get(rule) {
            None => problems.push(format!("{rule} is listed, but no fixture gets its fix")),
            Some(false) if !alternatives.is_empty() => {
                problems.push(format!("{rule} names alternatives no fixture gets"))
            }
            Some(_) => {}
        }
    }
    assert!(
        problems.is_empty(),
        "docs/rules.md ## Fixes:\n{}",
        problems.join("\n")
    );
}

/// The values the knock-on fixtures get: a stated payback, LTV and ROI move with a changed
/// CAC, ACV or margin; later tiers with a raised one; no fix where none can pass.
#[test]
fn the_knock_on_cases_change_what_they_must() {
    assert_eq!(
        titles(
            "sales-motion/payback-too-long-and-mismatch.plan.yaml",
            "sales-motion/payback-too-long"
        ),
        [
            "change `cac: 86.4k`, `cac_payback_months: 12`",
            "change `acv: 139k`, `cac_payback_months: 12`, `ltv: 695k`, `roi_multiple: 13.68x`",
            "change `gross_margin: 83.4%`, `cac_payback_months: 12`",
        ]
    );
    assert_eq!(
        titles(
            "sales-motion/payback-too-long-gross-margin-ltv.plan.yaml",
            "sales-motion/payback-too-long"
        ),
        [
            "change `cac: 86.4k`, `cac_payback_months: 12`",
            "change `acv: 125k`, `cac_payback_months: 12`, `ltv: 450k`, `roi_multiple: 15.2x`",
            "change `gross_margin: 75%`, `cac_payback_months: 12`, `ltv: 450k`",
        ]
    );
    // The margin would have to pass 100%: two ways only.
    assert_eq!(
        titles("diff/old.plan.yaml", "sales-motion/payback-too-long"),
        [
            "change `cac: 28.8k`",
            "change `acv: 111.2k`, `roi_multiple: 17.1x`"
        ]
    );
    for rule in [
        "sales-motion/field-sales-small-deals",
        "sales-motion/small-deals-need-telesales",
    ] {
        assert_eq!(
            titles(
                "sales-motion/small-deals-through-field-sales.plan.yaml",
                rule
            ),
            ["change `deal_size[0]: \"5万\"`"],
            "{rule}"
        );
    }
    assert_eq!(
        titles(
            "value-pricing/price-inversions-later-tiers.plan.yaml",
            "value-pricing/price-inversion"
        ),
        ["change `price: 480k`, `price: 480k`"]
    );
    assert_eq!(
        titles(
            "value-pricing/price-inversions-of-the-cheapest-tier.plan.yaml",
            "value-pricing/price-inversion"
        ),
        ["change `price: 50k`, `price: 500k`"]
    );
    assert_eq!(
        titles(
            "value-pricing/tier-span-in-wan.plan.yaml",
            "value-pricing/narrow-tier-span"
        ),
        ["change `price: 36万`"]
    );
    // No fix can widen a single tier's span, or start a range past its own end.
    assert_eq!(
        titles(
            "value-pricing/single-tier.plan.yaml",
            "value-pricing/narrow-tier-span"
        ),
        Vec::<String>::new()
    );
    for rule in [
        "sales-motion/field-sales-small-deals",
        "sales-motion/small-deals-need-telesales",
    ] {
        assert_eq!(
            titles("sales-motion/small-deals-whole-range-below.plan.yaml", rule),
            Vec::<String>::new(),
            "{rule}"
        );
    }
}
