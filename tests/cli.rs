//! Integration tests: the real binary on fixtures and scratch plans, checking exit
//! codes, what is reported where, and the exact human and JSON output (insta).

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn planlint() -> Command {
    let mut cmd = Command::cargo_bin("planlint").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "0");
    cmd
}

fn json_of(args: &[&str]) -> (Value, i32) {
    let out = planlint()
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap_or(-1))
}

fn rules_and_lines(v: &Value) -> Vec<(String, u64)> {
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["span"]["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write scratch plan");
    p.display().to_string()
}

#[test]
fn clean_plan_exits_zero_with_a_summary() {
    planlint()
        .args(["--color", "never", "fixtures/clean/lianheng.plan.yaml"])
        .assert()
        .code(0)
        .stdout("no findings in 1 file\n");
}

#[test]
fn acv_and_churn_are_underlined_exactly() {
    let (v, code) = json_of(&["fixtures/large-customers/acv-floor.plan.yaml"]);
    assert_eq!(code, 1);
    let text = std::fs::read_to_string("fixtures/large-customers/acv-floor.plan.yaml").unwrap();
    let find = |rule: &str| {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == rule)
            .unwrap_or_else(|| panic!("{rule} not reported"))
            .clone()
    };
    for (rule, value) in [
        ("large-customers/acv-floor", "5万"),
        ("large-customers/churn-ceiling", "25%"),
    ] {
        let d = find(rule);
        let off = d["span"]["offset"].as_u64().unwrap() as usize;
        let len = d["span"]["length"].as_u64().unwrap() as usize;
        assert_eq!(&text[off..off + len], value, "{rule} underlines its value");
    }
    let acv = find("large-customers/acv-floor");
    assert_eq!(acv["path"], "unit_economics.acv");
    assert!(acv["message"].as_str().unwrap().contains("50,000 CNY"));
}

#[test]
fn misspelt_key_bad_money_and_bad_enum_in_one_run() {
    let (v, code) = json_of(&["fixtures/plan/misspelt-key-bad-money-bad-enum.plan.yaml"]);
    assert_eq!(code, 1);
    let got = rules_and_lines(&v);
    for expected in [
        ("plan/invalid-value", 7),
        ("plan/invalid-value", 77),
        ("plan/unknown-key", 78),
        ("large-customers/acv-floor", 72),
    ] {
        assert!(
            got.contains(&(expected.0.to_string(), expected.1)),
            "{expected:?} missing from {got:?}"
        );
    }
    let unknown = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "plan/unknown-key")
        .unwrap();
    assert_eq!(unknown["help"], "did you mean `revenue_churn`?");
}

#[test]
fn columns_count_characters_after_chinese_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "zh.plan.yaml",
        "company: {name: 联恒需求云, stage: 种子轮}\n",
    );
    let (v, _) = json_of(&[&p]);
    let d = &v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "plan/invalid-value")
        .unwrap()["span"];
    // `company: {name: 联恒需求云, stage: ` is 30 characters but 40 bytes.
    assert_eq!(d["offset"], 40);
    assert_eq!(d["length"], 9);
    assert_eq!(d["column"], 31);
    assert_eq!(d["end_column"], 34);
}

#[test]
fn duplicate_key_labels_both_places() {
    let (v, _) = json_of(&["fixtures/plan/duplicate-key.plan.yaml"]);
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "plan/duplicate-key");
    let lines: Vec<u64> = d["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["span"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![73, 72]);
}

#[test]
fn missing_path_is_exit_2_and_other_paths_are_still_linted() {
    planlint()
        .args([
            "--color",
            "never",
            "no/such/plan.yaml",
            "fixtures/large-customers/churn-ceiling.plan.yaml",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("large-customers/churn-ceiling"))
        .stderr(predicate::str::contains(
            "no/such/plan.yaml: no such file or directory",
        ));
}

#[test]
fn syntax_error_is_a_finding_not_exit_2() {
    let (v, code) = json_of(&["fixtures/plan/syntax.plan.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(rules_and_lines(&v), vec![("plan/syntax".to_string(), 6)]);
}

#[test]
fn fail_on_and_exit_zero() {
    let warn_only = "fixtures/large-customers/lifetime-vs-churn.plan.yaml";
    planlint().arg(warn_only).assert().code(0);
    planlint()
        .args(["--fail-on", "warning", warn_only])
        .assert()
        .code(1);
    planlint()
        .args(["--fail-on", "info", warn_only])
        .assert()
        .code(1);
    let error = "fixtures/large-customers/churn-ceiling.plan.yaml";
    planlint()
        .args(["--fail-on", "never", error])
        .assert()
        .code(0);
    planlint().args(["--exit-zero", error]).assert().code(0);
    planlint().arg(error).assert().code(1);
}

#[test]
fn bad_usage_is_exit_2() {
    planlint().args(["--format", "yaml", "x"]).assert().code(2);
    planlint()
        .args(["--fail-on", "sometimes", "x"])
        .assert()
        .code(2);
}

#[test]
fn stdin_is_linted_under_its_given_name() {
    let text = std::fs::read_to_string("fixtures/large-customers/churn-ceiling.plan.yaml").unwrap();
    let out = planlint()
        .args([
            "--format",
            "json",
            "--stdin-filename",
            "board/acme.plan.yaml",
            "-",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0], "board/acme.plan.yaml");
    assert_eq!(v["diagnostics"][0]["file"], "board/acme.plan.yaml");
}

#[test]
fn directories_are_walked_for_plan_files_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let clean = std::fs::read_to_string("fixtures/clean/lianheng.plan.yaml").unwrap();
    std::fs::create_dir_all(dir.path().join("b")).unwrap();
    std::fs::create_dir_all(dir.path().join(".hidden")).unwrap();
    std::fs::create_dir_all(dir.path().join("node_modules")).unwrap();
    write(dir.path(), "b/plan.yaml", &clean);
    write(dir.path(), "a.plan.yml", &clean);
    write(dir.path(), "notes.yaml", "not: a plan");
    write(dir.path(), ".hidden/x.plan.yaml", "bad: [");
    write(dir.path(), "node_modules/y.plan.yaml", "bad: [");
    let out = planlint()
        .args(["--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().replace('\\', "/"))
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].ends_with("/a.plan.yml"), "{files:?}");
    assert!(files[1].ends_with("/b/plan.yaml"), "{files:?}");
}

#[test]
fn a_plan_in_another_currency_gets_no_fx_rate_and_money_rules_stay_silent() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "usd.plan.yaml",
        "currency: USD\nunit_economics:\n  acv: 5k\n  lifetime_years: 5\n  revenue_churn: 25%\n",
    );
    let (v, code) = json_of(&[&p]);
    assert_eq!(code, 1);
    let got = rules_and_lines(&v);
    assert!(got.contains(&("plan/no-fx-rate".to_string(), 1)), "{got:?}");
    // The churn ceiling has no money threshold: it still runs.
    assert!(
        got.contains(&("large-customers/churn-ceiling".to_string(), 5)),
        "{got:?}"
    );
    for silent in [
        "large-customers/acv-floor",
        "large-customers/ltv-floor",
        "large-customers/small-deals",
    ] {
        assert!(
            !got.iter().any(|(r, _)| r == silent),
            "{silent} must stay silent: {got:?}"
        );
    }
}

#[test]
fn every_document_of_a_multi_document_file_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "two.plan.yaml",
        "unit_economics: {revenue_churn: 25%}\n---\nunit_economics: {revenue_churn: 30%}\n",
    );
    let (v, _) = json_of(&[&p]);
    let churn: Vec<u64> = rules_and_lines(&v)
        .into_iter()
        .filter(|(r, _)| r == "large-customers/churn-ceiling")
        .map(|(_, l)| l)
        .collect();
    assert_eq!(churn, vec![1, 3]);
}

#[test]
fn anchors_aliases_and_merge_keys_work() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "anchors.plan.yaml",
        "defaults: &ue\n  acv: 5万\n  lifetime_years: 5\nunit_economics:\n  <<: *ue\n  revenue_churn: 8%\ncurrency: CNY\n",
    );
    let (v, _) = json_of(&[&p]);
    let got = rules_and_lines(&v);
    assert!(
        got.contains(&("plan/unknown-key".to_string(), 1)),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(r, _)| r == "large-customers/acv-floor"),
        "the merged ACV is checked: {got:?}"
    );
}

#[test]
fn no_color_and_color_never_have_no_escape_codes() {
    let f = "fixtures/large-customers/acv-floor.plan.yaml";
    let a = planlint().args(["--color", "never", f]).output().unwrap();
    let b = planlint().env("NO_COLOR", "1").arg(f).output().unwrap();
    let c = planlint().args(["--color", "always", f]).output().unwrap();
    assert!(!a.stdout.contains(&0x1b));
    assert!(!b.stdout.contains(&0x1b));
    assert!(c.stdout.contains(&0x1b), "--color always colours");
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn quiet_drops_the_summary() {
    planlint()
        .args([
            "--quiet",
            "--color",
            "never",
            "fixtures/clean/lianheng.plan.yaml",
        ])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn snapshot_human_output() {
    let out = planlint()
        .args([
            "--color",
            "never",
            "fixtures/large-customers/acv-floor.plan.yaml",
            "fixtures/plan/misspelt-key-bad-money-bad-enum.plan.yaml",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn snapshot_json_output() {
    let out = planlint()
        .args([
            "--format",
            "json",
            "fixtures/large-customers/ltv-mismatch.plan.yaml",
            "fixtures/plan/duplicate-key.plan.yaml",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn rules_lists_every_rule_and_explain_prints_its_section() {
    let out = planlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"large-customers/acv-floor"));
    assert!(ids.contains(&"plan/unknown-key"));
    for r in rules.as_array().unwrap() {
        for key in ["id", "principle", "severity", "summary"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
    }
    planlint()
        .args(["explain", "large-customers/acv-floor"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## large-customers/acv-floor"))
        .stdout(predicate::str::contains("### Fix"))
        .stdout(predicate::str::contains("## large-customers/churn-ceiling").not());
    planlint()
        .args(["explain", "large-customers"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## large-customers/churn-ceiling"));
    planlint()
        .args(["explain", "large-customers/acv-flor"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `large-customers/acv-floor`?",
        ));
}

#[test]
fn parallel_output_is_identical_to_one_thread() {
    let one = planlint()
        .args(["--format", "json", "-j", "1", "fixtures"])
        .output()
        .unwrap();
    let many = planlint()
        .args(["--format", "json", "--threads", "4", "fixtures"])
        .output()
        .unwrap();
    assert_eq!(one.status.code(), many.status.code());
    assert!(one.stdout.len() > 10_000, "the fixtures produce findings");
    assert_eq!(one.stdout, many.stdout);
}

#[cfg(unix)]
#[test]
fn output_into_a_fifo_writes_into_it_instead_of_replacing_it() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::fs::File::open(reader_path)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    });
    planlint()
        .args(["--format", "json", "-o"])
        .arg(&fifo)
        .arg("fixtures/large-customers/churn-ceiling.plan.yaml")
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stdout("");
    let text = reader.join().unwrap();
    assert!(text.contains("large-customers/churn-ceiling"), "{text}");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO is still a FIFO");
}

#[test]
fn streamed_human_report_is_identical_across_threads_and_into_a_file() {
    let one = planlint()
        .args(["--color", "never", "-j", "1", "fixtures"])
        .output()
        .unwrap();
    let many = planlint()
        .args(["--color", "never", "-j", "4", "fixtures"])
        .output()
        .unwrap();
    assert_eq!(one.stdout, many.stdout);
    let last = String::from_utf8_lossy(&one.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(last.contains(" files"), "{last}");
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    planlint()
        .args(["--color", "never", "-j", "2", "-o"])
        .arg(&report)
        .arg("fixtures")
        .assert()
        .code(1)
        .stdout("");
    assert_eq!(std::fs::read(&report).unwrap(), one.stdout);
}
