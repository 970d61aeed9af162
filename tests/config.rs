//! Configuration, presets and currencies, inline suppressions, baselines, `init`,
//! `schema` and `completions`, each through the real binary.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn planlint_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("planlint").expect("binary builds");
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn clean_plan() -> String {
    std::fs::read_to_string(manifest().join("fixtures/clean/lianheng.plan.yaml")).unwrap()
}

/// `(rule, line, severity)` of a JSON run in `dir`.
fn run_json(dir: &Path, args: &[&str]) -> (Vec<(String, u64, String)>, i32, String) {
    let out = planlint_in(dir)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON: {e}; stderr: {stderr}"));
    let found = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (found, out.status.code().unwrap_or(-1), stderr)
}

fn rules(found: &[(String, u64, String)]) -> Vec<&str> {
    found.iter().map(|f| f.0.as_str()).collect()
}

fn usd_plan(ltv: &str) -> String {
    format!(
        "currency: USD\nunit_economics:\n  acv: 20000\n  lifetime_years: 5\n  ltv: {ltv}\n  cac: 5000\n"
    )
}

#[test]
fn usd_plan_with_a_rate_fires_ltv_floor_exactly_below_300k_cny() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("planlint.toml"), "[fx]\nUSD = 7.1\n").unwrap();
    // 42,253 × 7.1 = 299,996.3 CNY: below the floor. 42,254 × 7.1 = 300,003.4: above.
    std::fs::write(dir.path().join("below.plan.yaml"), usd_plan("42253")).unwrap();
    std::fs::write(dir.path().join("above.plan.yaml"), usd_plan("42254")).unwrap();
    let (below, _, _) = run_json(dir.path(), &["below.plan.yaml"]);
    assert!(
        rules(&below).contains(&"large-customers/ltv-floor"),
        "{below:?}"
    );
    assert!(!rules(&below).contains(&"plan/no-fx-rate"), "{below:?}");
    let (above, _, _) = run_json(dir.path(), &["above.plan.yaml"]);
    assert!(
        !rules(&above).contains(&"large-customers/ltv-floor"),
        "{above:?}"
    );

    // The message shows both currencies.
    let out = planlint_in(dir.path())
        .arg("below.plan.yaml")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("42,253.52 USD (300,000 CNY)"),
        "both currencies in: {text}"
    );
}

#[test]
fn without_a_rate_the_usd_plan_gets_no_fx_rate() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.plan.yaml"), usd_plan("1000")).unwrap();
    let (found, code, _) = run_json(dir.path(), &["--isolated", "p.plan.yaml"]);
    assert_eq!(code, 1);
    assert!(rules(&found).contains(&"plan/no-fx-rate"));
    assert!(!rules(&found).contains(&"large-customers/ltv-floor"));
    // The us-saas preset is in USD: no rate needed, and its 50,000 USD floor applies.
    let (found, _, _) = run_json(dir.path(), &["--preset", "us-saas", "p.plan.yaml"]);
    assert!(!rules(&found).contains(&"plan/no-fx-rate"), "{found:?}");
    assert!(
        rules(&found).contains(&"large-customers/ltv-floor"),
        "{found:?}"
    );
}

const CHURN_AND_ACV: &str = "unit_economics:\n  acv: 5万\n  revenue_churn: 25%\ncurrency: CNY\n";

#[test]
fn a_suppression_silences_its_one_finding_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let plan = CHURN_AND_ACV.replace(
        "25%\ncurrency",
        "25%   # planlint-disable-line large-customers/churn-ceiling -- pilot cohort only\ncurrency",
    );
    std::fs::write(dir.path().join("p.plan.yaml"), &plan).unwrap();
    let (found, _, _) = run_json(dir.path(), &["--select", "large-customers/", "p.plan.yaml"]);
    let r = rules(&found);
    assert!(!r.contains(&"large-customers/churn-ceiling"), "{found:?}");
    assert!(r.contains(&"large-customers/acv-floor"), "{found:?}");
    assert!(!r.contains(&"plan/unused-suppression"), "{found:?}");

    // --no-inline-suppressions brings it back.
    let (found, _, _) = run_json(
        dir.path(),
        &[
            "--select",
            "large-customers/",
            "--no-inline-suppressions",
            "p.plan.yaml",
        ],
    );
    assert!(rules(&found).contains(&"large-customers/churn-ceiling"));
}

#[test]
fn next_line_and_file_suppressions_and_prefixes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "# planlint-disable-file large-customers/acv-floor\nunit_economics:\n  acv: 5万\n  # planlint-disable-next-line large-customers/\n  revenue_churn: 25%\ncurrency: CNY\n";
    std::fs::write(dir.path().join("p.plan.yaml"), plan).unwrap();
    let (found, _, _) = run_json(
        dir.path(),
        &[
            "--select",
            "large-customers/,plan/unused-suppression",
            "p.plan.yaml",
        ],
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_unused_or_misspelt_suppression_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "unit_economics:\n  acv: 120k   # planlint-disable-line large-customers/acv-floor\n  revenue_churn: 8%   # planlint-disable-line large-customers/churn-cieling\ncurrency: CNY\n";
    std::fs::write(dir.path().join("p.plan.yaml"), plan).unwrap();
    let out = planlint_in(dir.path())
        .args([
            "--format",
            "json",
            "--select",
            "large-customers/,plan/unused-suppression",
            "p.plan.yaml",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d: Vec<&Value> = v["diagnostics"].as_array().unwrap().iter().collect();
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(d.iter().all(|d| d["rule"] == "plan/unused-suppression"));
    assert_eq!(d[0]["span"]["line"], 2);
    assert_eq!(d[1]["span"]["line"], 3);
    assert!(
        d[1]["help"]
            .as_str()
            .unwrap()
            .contains("large-customers/churn-ceiling")
    );
}

#[test]
fn baseline_hides_todays_findings_after_lines_are_inserted_and_new_ones_still_fail() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("p.plan.yaml");
    std::fs::write(&plan_path, CHURN_AND_ACV).unwrap();
    let args = ["--select", "large-customers/", "p.plan.yaml"];
    planlint_in(dir.path())
        .args(["--write-baseline", "baseline.json"])
        .args(args)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "wrote 2 findings in 1 file to the baseline",
        ));

    // Two lines inserted at the top: every finding moves, and stays hidden.
    std::fs::write(&plan_path, format!("# Acme\n# draft 2\n{CHURN_AND_ACV}")).unwrap();
    let (found, code, stderr) = run_json(
        dir.path(),
        &[&["--baseline", "baseline.json"][..], &args[..]].concat(),
    );
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);
    assert!(
        stderr.contains("2 findings hidden by the baseline; 0 baseline entries no longer match"),
        "{stderr}"
    );

    // A new finding still fails the run; a fixed one makes its entry stale.
    std::fs::write(
        &plan_path,
        "# Acme\n# draft 3\nunit_economics:\n  acv: 5万\n  revenue_churn: 25%\n  ltv: 100k\ncurrency: CNY\n",
    )
    .unwrap();
    let (found, code, _) = run_json(
        dir.path(),
        &[&["--baseline", "baseline.json"][..], &args[..]].concat(),
    );
    assert_eq!(code, 1);
    assert!(
        rules(&found).contains(&"large-customers/ltv-floor"),
        "{found:?}"
    );

    std::fs::write(
        &plan_path,
        "unit_economics:\n  acv: 120k\n  revenue_churn: 25%\ncurrency: CNY\n",
    )
    .unwrap();
    let (_, _, stderr) = run_json(
        dir.path(),
        &[&["--baseline", "baseline.json"][..], &args[..]].concat(),
    );
    assert!(
        stderr.contains("1 baseline entry no longer matches (stale)"),
        "{stderr}"
    );
}

#[test]
fn a_missing_baseline_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.plan.yaml"), CHURN_AND_ACV).unwrap();
    planlint_in(dir.path())
        .args(["--baseline", "nope.json", "p.plan.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read the baseline nope.json",
        ));
}

#[test]
fn config_is_discovered_in_parents_and_shapes_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("planlint.toml"),
        "[rules]\n\"large-customers/\" = \"warning\"\n\"large-customers/acv-floor\" = \"off\"\n[thresholds]\nmax_revenue_churn = \"30%\"\n",
    )
    .unwrap();
    let sub = dir.path().join("plans/2026");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        sub.join("p.plan.yaml"),
        "unit_economics:\n  acv: 5万\n  revenue_churn: 25%\n  lifetime_years: 4\ncurrency: CNY\n",
    )
    .unwrap();
    let (found, code, _) = run_json(&sub, &["--select", "large-customers/", "p.plan.yaml"]);
    // acv-floor is off; churn 25% is under the configured 30%; ltv-floor is a warning.
    assert_eq!(
        found,
        vec![(
            "large-customers/ltv-floor".to_string(),
            2,
            "warning".to_string()
        )]
    );
    assert_eq!(code, 0, "warnings do not fail by default");

    // --isolated ignores it.
    let (found, _, _) = run_json(
        &sub,
        &["--isolated", "--select", "large-customers/", "p.plan.yaml"],
    );
    assert!(rules(&found).contains(&"large-customers/acv-floor"));
    assert!(rules(&found).contains(&"large-customers/churn-ceiling"));
}

#[test]
fn config_fail_on_exclude_and_overrides_relative_to_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("conf");
    std::fs::create_dir_all(conf.join("legacy")).unwrap();
    std::fs::create_dir_all(conf.join("archive")).unwrap();
    std::fs::write(
        conf.join("board.toml"),
        "fail-on = \"warning\"\nexclude = [\"archive/**\"]\n[[overrides]]\nfiles = [\"legacy/**\"]\nrules = { \"large-customers/churn-ceiling\" = \"info\" }\n",
    )
    .unwrap();
    // Walked files are plans only with a top-level `planlint:` key.
    let bad = "planlint: 1\nunit_economics:\n  revenue_churn: 25%\n";
    std::fs::write(conf.join("legacy/old.plan.yaml"), bad).unwrap();
    std::fs::write(conf.join("archive/gone.plan.yaml"), "broken: [").unwrap();
    std::fs::write(conf.join("new.plan.yaml"), bad).unwrap();
    let out = planlint_in(dir.path())
        .args([
            "--format",
            "json",
            "--config",
            "conf/board.toml",
            "--select",
            "large-customers/churn-ceiling",
            "conf",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(files.iter().all(|f| !f.contains("archive")), "{files:?}");
    let sev: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().replace('\\', "/"),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        sev,
        vec![
            ("conf/legacy/old.plan.yaml".to_string(), "info".to_string()),
            ("conf/new.plan.yaml".to_string(), "error".to_string())
        ]
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_config_is_exit_2_pointing_into_the_toml_with_the_nearest_name() {
    let cases = [
        (
            "[thresholds]\nmin_ltvv = \"400k CNY\"\n",
            "planlint.toml:2:1",
            "did you mean `min_ltv`?",
        ),
        (
            "[rules]\n\"large-customers/acv-flor\" = \"off\"\n",
            "planlint.toml:2:1",
            "did you mean `large-customers/acv-floor`?",
        ),
        (
            "[rules]\n\"large-customers/\" = \"loud\"\n",
            "planlint.toml:2:22",
            "allowed: error, warning, info, off",
        ),
        (
            "[thresholds]\nmin_ltv = \"four hundred k\"\n",
            "planlint.toml:2:11",
            "\"400k CNY\"",
        ),
        (
            "fail_on = \"error\"\n",
            "planlint.toml:1:1",
            "did you mean `fail-on`?",
        ),
        (
            "preset = \"article\"\npreset = \"us-saas\"\n",
            "planlint.toml:2:1",
            "TOML",
        ),
    ];
    for (toml, place, help) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("planlint.toml"), toml).unwrap();
        std::fs::write(dir.path().join("p.plan.yaml"), clean_plan()).unwrap();
        planlint_in(dir.path())
            .arg("p.plan.yaml")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(place))
            .stderr(predicate::str::contains(help));
    }
}

#[test]
fn config_command_prints_the_effective_configuration() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("planlint.toml"),
        "preset = \"us-saas\"\n[thresholds]\nmin_ltv = \"60k USD\"\n",
    )
    .unwrap();
    planlint_in(dir.path())
        .arg("config")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("preset = \"us-saas\""))
        .stdout(predicate::str::contains("min_ltv = \"60000 USD\""))
        .stdout(predicate::str::contains("max_cac_payback_months = 18"))
        .stdout(predicate::str::contains(
            "\"sales-motion/no-conference\" = \"info\"",
        ));
}

#[test]
fn init_writes_a_clean_plan_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    planlint_in(dir.path())
        .args(["init", "acme.plan.yaml"])
        .assert()
        .code(0);
    planlint_in(dir.path())
        .args(["--isolated", "acme.plan.yaml"])
        .assert()
        .code(0)
        .stdout("no findings in 1 file\n");
    let written = std::fs::read_to_string(dir.path().join("acme.plan.yaml")).unwrap();
    assert!(
        written.lines().filter(|l| l.contains('#')).count() > 40,
        "commented"
    );

    std::fs::write(dir.path().join("mine.plan.yaml"), "my own plan\n").unwrap();
    planlint_in(dir.path())
        .args(["init", "mine.plan.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.plan.yaml")).unwrap(),
        "my own plan\n"
    );
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = planlint_in(Path::new("."))
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("planlint") && text.contains("fail-on"),
            "{shell}"
        );
    }
}

/// Validates YAML files against the schema with Python's `jsonschema` (a real validator).
/// Returns `None` when the validator is not installed outside CI.
fn validate(schema: &Path, files: &[PathBuf]) -> Option<Vec<(String, bool)>> {
    let script = r#"
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for f in sys.argv[2:]:
    errors = list(v.iter_errors(yaml.safe_load(open(f, encoding="utf-8"))))
    print(f + "\t" + ("ok" if not errors else "invalid: " + errors[0].message))
"#;
    let probe = StdCommand::new("python3")
        .args(["-c", "import jsonschema, yaml"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have python3 with jsonschema and pyyaml (see .ci/run)"
        );
        eprintln!("skipping: python3 jsonschema/pyyaml not installed");
        return None;
    }
    let out = StdCommand::new("python3")
        .arg("-c")
        .arg(script)
        .arg(schema)
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let (f, r) = l.split_once('\t').unwrap();
                (f.to_string(), r == "ok")
            })
            .collect(),
    )
}

#[test]
fn schema_accepts_the_clean_plans_and_init_and_rejects_a_wrong_type() {
    let dir = tempfile::tempdir().unwrap();
    let out = planlint_in(dir.path()).arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let schema_path = dir.path().join("plan.schema.json");
    std::fs::write(&schema_path, &out.stdout).unwrap();

    planlint_in(dir.path())
        .args(["init", "starter.plan.yaml"])
        .assert()
        .code(0);
    let mut files: Vec<PathBuf> = std::fs::read_dir(manifest().join("fixtures/clean"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(dir.path().join("starter.plan.yaml"));
    let wrong = dir.path().join("wrong.plan.yaml");
    std::fs::write(
        &wrong,
        clean_plan().replace("headcount: 4\n", "headcount: many\n"),
    )
    .unwrap();
    files.push(wrong.clone());

    let Some(results) = validate(&schema_path, &files) else {
        return;
    };
    for (f, ok) in &results {
        if Path::new(f) == wrong {
            assert!(!ok, "the schema must reject `headcount: many`");
        } else {
            assert!(ok, "{f} must validate against the schema");
        }
    }
    assert_eq!(results.len(), files.len());
}
