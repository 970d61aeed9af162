//! UI tests in the manner of clippy's: every plan under `fixtures/` says, with comments
//! such as `# expect: large-customers/acv-floor`, which findings must point at that line.
//! One run of the real binary over the whole tree; any missing, misplaced or extra
//! finding fails with a readable list.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

mod support;
use support::expect::{assert_expectations, expectations, fixtures_dir, plan_files, relative};

/// Every fixture but the real companies' plans, which `tests/real.rs` runs with the preset
/// of their currency, and the plans checked with rule packs (`tests/packs.rs`).
fn fixture_files() -> Vec<PathBuf> {
    plan_files(&fixtures_dir(), &["fixtures/real", "fixtures/packs"])
}

#[test]
fn every_fixture_reports_exactly_its_expected_findings() {
    assert_expectations(&fixture_files(), &[]);
}

#[test]
fn clean_fixtures_expect_nothing() {
    for f in fixture_files() {
        if relative(&f).starts_with("fixtures/clean/") {
            assert!(
                expectations(&f).is_empty(),
                "{} is a clean plan and must expect no findings",
                relative(&f)
            );
        }
    }
}

/// Rules that cannot have a fixture yet, each with the reason.
/// Rules that cannot have a fixture, each with the reason. Empty: every rule has one.
const NOT_YET_TRIGGERABLE: &[(&str, &str)] = &[];

#[test]
fn every_rule_has_a_triggering_fixture() {
    let output = Command::cargo_bin("planlint")
        .expect("binary builds")
        .args(["rules", "--format", "json"])
        .output()
        .expect("planlint runs");
    let rules: Value = serde_json::from_slice(&output.stdout).expect("rules JSON");
    // The plans checked with rule packs trigger `plan/rule-error`.
    let triggered: BTreeSet<String> = plan_files(&fixtures_dir(), &["fixtures/real"])
        .iter()
        .flat_map(|f| expectations(f))
        .map(|e| e.2)
        .collect();
    let mut missing = BTreeMap::new();
    for r in rules.as_array().expect("array") {
        let id = r["id"].as_str().unwrap_or_default().to_string();
        if !triggered.contains(&id) && !NOT_YET_TRIGGERABLE.iter().any(|(n, _)| *n == id) {
            missing.insert(id, ());
        }
    }
    assert!(
        missing.is_empty(),
        "rules without a fixture that triggers them: {:?}",
        missing.keys().collect::<Vec<_>>()
    );
}
