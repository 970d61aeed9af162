//! YAML errors that point where the author must look and say what to do (issues 10 and
//! 11): a full-width colon, a tab, a merge key of the wrong kind, complex keys, and every
//! safety limit named by its `[limits]` key, in words, and raisable.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

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
        .timeout(Duration::from_secs(120));
    cmd
}

/// The `plan/` diagnostics of `p.plan.yaml` holding `yaml`, in a directory that holds
/// `config` as `planlint.toml` when given (else the run is `--isolated`).
fn lint_with(yaml: &str, config: Option<&str>) -> Vec<Diag> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.plan.yaml"), yaml).unwrap();
    let mut cmd = planlint(dir.path());
    match config {
        Some(c) => std::fs::write(dir.path().join("planlint.toml"), c).unwrap(),
        None => {
            cmd.arg("--isolated");
        }
    }
    let out = cmd
        // The snippets name no currency: that finding is not what these tests are about.
        .args(["--format", "json", "--select", "plan/"])
        .args(["--ignore", "plan/missing-currency", "p.plan.yaml"])
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

fn lint(yaml: &str) -> Vec<Diag> {
    lint_with(yaml, None)
}

/// The one finding of `found`, checked for its rule and place.
fn only<'a>(found: &'a [Diag], rule: &str, line: u64, column: u64) -> &'a Diag {
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!(
        (d.rule.as_str(), d.line, d.column),
        (rule, line, column),
        "{d:?}"
    );
    d
}

const COLON: &str =
    "a full-width colon `：` is not a YAML key separator: write `:` followed by a space";

#[test]
fn a_full_width_colon_is_pointed_at_and_explained() {
    // The parser stops at the next line; the finding points at the `：` itself.
    let d = lint("unit_economics:\n  acv：$84,000\n  cac: 5k\n");
    let d = only(&d, "plan/syntax", 2, 6);
    assert!(d.message.contains(COLON), "{d:?}");
    // Several lines down, after a value with a full-width colon in its text.
    let d = lint(
        "company:\n  name: 联恒：需求云\nunit_economics:\n  cac: 5k\n  acv：$84,000\n  ltv: 1M\n",
    );
    let d = only(&d, "plan/syntax", 5, 6);
    assert!(d.message.contains(COLON), "{d:?}");
    // Valid YAML that reads the line as one text where a mapping belongs.
    let d = lint("unit_economics:\n  acv：$84,000\n");
    let d = only(&d, "plan/invalid-value", 2, 6);
    assert!(d.message.contains(COLON), "{d:?}");
    // A full-width colon inside a value is text, not a mistake.
    assert!(lint("company:\n  name: 联恒：需求云\n").is_empty());
}

#[test]
fn a_tab_that_indents_is_one_finding_at_the_tab() {
    for (yaml, line) in [
        ("unit_economics:\n\tacv: 5k\n", 2),
        ("unit_economics:\n  acv: 5k\n\tcac: 5k\n", 3),
        ("market:\n  regions:\n    - a\n\t- b\n", 4),
        ("company:\n  name: |\n\tLianheng\n", 3),
    ] {
        let found = lint(yaml);
        let d = only(&found, "plan/syntax", line, 1);
        assert!(d.help.contains("indent with spaces"), "{yaml:?}: {d:?}");
        // The position is shown once, by the report, not again inside the message.
        assert!(
            !d.message.contains(" at line ") && !d.message.contains("column"),
            "{yaml:?}: {d:?}"
        );
    }
}

#[test]
fn a_merge_of_a_non_mapping_is_reported_at_the_merge() {
    for (yaml, line, column) in [
        // A scalar through an alias: the old report pointed at the anchor on line 1.
        ("base: &b 5\nunit_economics:\n  acv: 5k\n  <<: *b\n", 4, 7),
        (
            "base: &b [1, 2]\nunit_economics:\n  acv: 5k\n  <<: *b\n",
            4,
            7,
        ),
        (
            "a: &x {p: 1}\nb: &y 5\nunit_economics:\n  acv: 5k\n  <<: [*x, *y]\n",
            5,
            12,
        ),
        ("unit_economics:\n  acv: 5k\n  <<: 5\n", 3, 7),
    ] {
        let found = lint(yaml);
        let d = only(&found, "plan/syntax", line, column);
        assert!(
            d.message
                .contains("a merge key `<<` takes a mapping or a list of mappings"),
            "{yaml:?}: {d:?}"
        );
    }
    // A merge of mappings still works.
    let found = lint("base: &b {acv: 5k}\nunit_economics:\n  <<: *b\n  cac: 1k\n");
    assert!(found.iter().all(|d| d.line == 1), "{found:?}");
}

#[test]
fn complex_keys_are_invalid_keys_at_their_place_not_duplicates() {
    let found = lint("unit_economics:\n  ? [a, b]\n  : 1\n  ? {x: 1}\n  : 2\n  acv: 120k\n");
    assert_eq!(found.len(), 2, "{found:?}");
    for (d, (line, what)) in found.iter().zip([(2, "a list"), (4, "a mapping")]) {
        assert_eq!(
            (d.rule.as_str(), d.line, d.column),
            ("plan/invalid-value", line, 5),
            "{d:?}"
        );
        assert!(d.message.contains(what), "{d:?}");
        assert!(!d.message.contains("``"), "{d:?}");
    }
}

/// A plan/limit finding names `key`, in words, with no Debug text.
fn names_limit(found: &[Diag], key: &str) {
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!(d.rule, "plan/limit", "{d:?}");
    assert!(d.message.contains(&format!("`{key}`")), "{d:?}");
    assert!(d.help.contains(&format!("{key} = ")), "{d:?}");
    for debug in ["{", "}", "Documents", "ScalarBytes", "Nodes", "Aliases"] {
        assert!(!d.message.contains(debug), "{debug}: {d:?}");
    }
}

#[test]
fn every_limit_is_named_by_its_key_and_can_be_raised() {
    let documents = "a: 1\n---\n".repeat(1_025);
    let long = "x".repeat(100_000);
    let aliased_text = format!("a: &a {long}\nb: [{}]\n", vec!["*a"; 200].join(", "));
    let aliases = format!("a: &a 1\nb: [{}]\n", vec!["*a"; 150_000].join(", "));
    let nodes = format!("a: [{}]\n", vec!["0"; 300_000].join(", "));
    for (yaml, key, raised) in [
        (&documents, "max_documents", "2000"),
        (&aliased_text, "max_file_size", "30000000"),
        (&aliases, "max_alias_events", "200000"),
        (&nodes, "max_nodes", "400000"),
    ] {
        names_limit(&lint(yaml), key);
        let config = format!("[limits]\n{key} = {raised}\n");
        let found = lint_with(yaml, Some(&config));
        assert!(
            found.iter().all(|d| d.rule != "plan/limit"),
            "{key} = {raised}: {found:?}"
        );
    }
}

#[test]
fn the_documents_limit_is_in_the_shown_config() {
    let dir = tempfile::tempdir().unwrap();
    let out = planlint(dir.path())
        .args(["config", "--isolated"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\nmax_documents = 1024\n"), "{text}");
}
