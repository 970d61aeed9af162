//! Hostile and broken input: every case answers with a clear message and the right exit
//! code (1 for a finding, 2 for what planlint could not read), never a panic or a hang.
//! The timeouts are hang guards, generous on purpose; speed is measured in benches/.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const HANG_GUARD: Duration = Duration::from_secs(120);

fn planlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("planlint").expect("binary builds");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .arg("--isolated")
        .timeout(HANG_GUARD);
    cmd
}

/// The JSON diagnostics of a run over `file` with `extra` arguments, and the exit code.
fn diagnostics(dir: &Path, extra: &[&str], file: &str) -> (Vec<Value>, i32) {
    let out = planlint(dir)
        .args(["--format", "json"])
        .args(extra)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{file} panicked"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{file}: not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let d = v["diagnostics"].as_array().unwrap().clone();
    (d, out.status.code().unwrap_or(-1))
}

/// `(rule, line, column, message)` of every diagnostic, and the exit code.
fn lint_json(dir: &Path, file: &str) -> (Vec<(String, u64, u64, String)>, i32) {
    let (d, code) = diagnostics(dir, &[], file);
    let d = d
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (d, code)
}

fn only(found: &[(String, u64, u64, String)], rule: &str, message_part: &str) {
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, rule, "{found:?}");
    assert!(found[0].3.contains(message_part), "{found:?}");
}

#[test]
fn billion_laughs_hits_the_alias_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    std::fs::write(dir.path().join("bomb.plan.yaml"), text).unwrap();
    let (found, code) = lint_json(dir.path(), "bomb.plan.yaml");
    assert_eq!(code, 1);
    only(&found, "plan/limit", "max_alias_events");
}

#[test]
fn hundred_thousand_levels_of_nesting_flow_and_block() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let flow = format!("a: {}{}\n", "[".repeat(n), "]".repeat(n));
    std::fs::write(dir.path().join("flow.plan.yaml"), flow).unwrap();
    // Block nesting as a sequence of sequences: `- - - - x`, 100,000 levels on one line.
    let block = format!("{}x\n", "- ".repeat(n));
    std::fs::write(dir.path().join("block.plan.yaml"), block).unwrap();
    // And as indented mappings, 3,000 lines deep (100,000 would be 5 GB of indentation).
    let mut indented = String::new();
    for i in 0..3_000 {
        indented.push_str(&" ".repeat(i));
        indented.push_str("k:\n");
    }
    std::fs::write(dir.path().join("indented.plan.yaml"), indented).unwrap();
    for f in ["flow.plan.yaml", "block.plan.yaml"] {
        let (found, code) = lint_json(dir.path(), f);
        assert_eq!(code, 1, "{f}");
        only(&found, "plan/limit", "max_depth");
    }
    let (found, code) = lint_json(dir.path(), "indented.plan.yaml");
    assert_eq!(code, 1);
    only(&found, "plan/limit", "max_depth");
}

#[test]
fn a_100_mb_file_and_a_64_mb_scalar_hit_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.plan.yaml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    let mut scalar = String::from("company:\n  name: ");
    scalar.push_str(&"a".repeat(64 * 1024 * 1024));
    scalar.push('\n');
    std::fs::write(dir.path().join("scalar.plan.yaml"), scalar).unwrap();
    for f in ["big.plan.yaml", "scalar.plan.yaml"] {
        let (found, code) = lint_json(dir.path(), f);
        assert_eq!(code, 1, "{f}");
        only(&found, "plan/limit", "max_file_size");
    }
    // Raised in the config, the 64 MB scalar is read.
    std::fs::write(
        dir.path().join("planlint.toml"),
        "[limits]\nmax_file_size = 100_000_000\n",
    )
    .unwrap();
    let out = Command::cargo_bin("planlint")
        .unwrap()
        .current_dir(dir.path())
        .timeout(HANG_GUARD)
        .args([
            "--format",
            "json",
            "--select",
            "plan/limit",
            "scalar.plan.yaml",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0, "{v}");
}

#[test]
fn nul_bytes_are_a_syntax_finding() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("nul.plan.yaml"),
        b"company:\n  name: a\x00b\n",
    )
    .unwrap();
    let (found, code) = lint_json(dir.path(), "nul.plan.yaml");
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].0.as_str(), found[0].1), ("plan/syntax", 2));
}

#[test]
fn non_utf8_bytes_point_at_the_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gbk.plan.yaml"),
        b"planlint: 1\ncompany:\n  name: \xc1\xaa\n",
    )
    .unwrap();
    let (found, code) = lint_json(dir.path(), "gbk.plan.yaml");
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].0.as_str(), found[0].1, found[0].2),
        ("plan/syntax", 3, 9)
    );
    assert!(found[0].3.contains("not valid UTF-8"));
}

const CHURN: &str = "unit_economics:\n  acv: 5万\n  revenue_churn: 25%\ncurrency: CNY\n";
/// CHURN as a plan the walker picks up: walked files need a top-level `planlint:` key.
const WALKED_CHURN: &str =
    "planlint: 1\nunit_economics:\n  acv: 5万\n  revenue_churn: 25%\ncurrency: CNY\n";

/// `(rule, line, column, length)` of the large-customers findings.
fn positions(dir: &Path, file: &str) -> Vec<(String, u64, u64, u64)> {
    diagnostics(dir, &["--select", "large-customers/"], file)
        .0
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
                d["span"]["length"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_bom_and_crlf_line_endings_give_the_same_lines_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lf.plan.yaml"), CHURN).unwrap();
    std::fs::write(
        dir.path().join("crlf.plan.yaml"),
        CHURN.replace('\n', "\r\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("bom.plan.yaml"), format!("\u{feff}{CHURN}")).unwrap();
    let lf = positions(dir.path(), "lf.plan.yaml");
    assert!(lf.len() >= 2, "{lf:?}");
    assert_eq!(positions(dir.path(), "crlf.plan.yaml"), lf);
    assert_eq!(positions(dir.path(), "bom.plan.yaml"), lf);
}

#[test]
fn empty_and_comment_only_files_hold_no_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.plan.yaml"), "").unwrap();
    std::fs::write(dir.path().join("comments.plan.yaml"), "# draft\n# to do\n").unwrap();
    for f in ["empty.plan.yaml", "comments.plan.yaml"] {
        let (found, code) = lint_json(dir.path(), f);
        assert_eq!(code, 1, "{f}");
        only(&found, "plan/invalid-value", "holds no plan");
    }
}

#[test]
fn tabs_for_indentation_say_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tabs.plan.yaml"),
        "unit_economics:\n\tacv: 5k\n",
    )
    .unwrap();
    planlint(dir.path())
        .arg("tabs.plan.yaml")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("plan/syntax"))
        .stdout(predicate::str::contains("indent with spaces"));
}

#[test]
fn a_root_that_is_a_list_or_a_scalar_is_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("list.plan.yaml"), "- a\n- b\n").unwrap();
    std::fs::write(dir.path().join("scalar.plan.yaml"), "just text\n").unwrap();
    for f in ["list.plan.yaml", "scalar.plan.yaml"] {
        let (found, code) = lint_json(dir.path(), f);
        assert_eq!(code, 1, "{f}");
        only(&found, "plan/invalid-value", "must be a mapping");
    }
}

#[test]
fn a_multi_document_file_lints_each_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("multi.plan.yaml"),
        "unit_economics: {revenue_churn: 25%}\n---\n- not a plan\n---\nunit_economics: {revenue_churn: 30%}\n",
    )
    .unwrap();
    let out = planlint(dir.path())
        .args([
            "--format",
            "json",
            "--select",
            "large-customers/churn-ceiling,plan/invalid-value",
            "multi.plan.yaml",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("large-customers/churn-ceiling".to_string(), 1),
            ("plan/invalid-value".to_string(), 3),
            ("large-customers/churn-ceiling".to_string(), 5),
        ]
    );
}

#[test]
fn a_missing_path_is_exit_2_and_the_others_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.plan.yaml"), CHURN).unwrap();
    planlint(dir.path())
        .args(["nope.plan.yaml", "ok.plan.yaml"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("churn-ceiling"))
        .stderr(predicate::str::contains(
            "nope.plan.yaml: no such file or directory",
        ));
}

#[test]
fn a_directory_named_like_a_plan_is_walked_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("x.plan.yaml");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("inner.plan.yaml"), WALKED_CHURN).unwrap();
    let out = planlint(dir.path())
        .args(["--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["files"],
        serde_json::json!(["x.plan.yaml/inner.plan.yaml"])
    );
    planlint(dir.path()).arg("x.plan.yaml").assert().code(1);
}

#[cfg(unix)]
#[test]
fn symlinks_loops_and_fifos() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("tree/sub")).unwrap();
    std::fs::write(root.join("real.plan.yaml"), WALKED_CHURN).unwrap();
    std::fs::write(root.join("tree/own.plan.yaml"), WALKED_CHURN).unwrap();
    symlink(
        root.join("real.plan.yaml"),
        root.join("tree/link.plan.yaml"),
    )
    .unwrap();
    symlink(root.join("tree"), root.join("tree/sub/loop")).unwrap();
    let fifo = root.join("tree/pipe.plan.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");

    // Walking does not follow links: the tree's own plan is linted, the FIFO skipped.
    let out = planlint(root)
        .args(["--format", "json", "tree"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"], serde_json::json!(["tree/own.plan.yaml"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 symbolic links not followed"), "{stderr}");

    // With --follow, the link out of the tree is reported, not read; the loop too.
    let out = planlint(root)
        .args(["--format", "json", "--follow", "tree"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"], serde_json::json!(["tree/own.plan.yaml"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("leads back to one of its parent directories"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tree/link.plan.yaml: is a symbolic link to"),
        "{stderr}"
    );

    // Named on the command line, the FIFO is refused at once instead of blocking.
    planlint(root)
        .arg("tree/pipe.plan.yaml")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a regular file"));
}

#[test]
fn a_large_tree_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2_000 {
        let sub = dir.path().join(format!("d{}", i % 40));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("p{i}.plan.yaml")), WALKED_CHURN).unwrap();
    }
    let out = planlint(dir.path())
        .args([
            "--format",
            "json",
            "--select",
            "large-customers/churn-ceiling",
            ".",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 2_000);
    assert_eq!(v["summary"]["errors"], 2_000);
}

#[test]
fn bad_arguments_and_bad_config_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.plan.yaml"), CHURN).unwrap();
    for args in [
        &["--threads", "many", "p.plan.yaml"][..],
        &["--select", "no-such-rule", "p.plan.yaml"][..],
        &["--max-warnings", "-3", "p.plan.yaml"][..],
        &["--config", "missing.toml", "p.plan.yaml"][..],
    ] {
        Command::cargo_bin("planlint")
            .unwrap()
            .current_dir(dir.path())
            .timeout(HANG_GUARD)
            .args(args)
            .assert()
            .code(2);
    }
    std::fs::write(
        dir.path().join("planlint.toml"),
        "[limits]\nmax_depth = 100000\n",
    )
    .unwrap();
    Command::cargo_bin("planlint")
        .unwrap()
        .current_dir(dir.path())
        .timeout(HANG_GUARD)
        .arg("p.plan.yaml")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`max_depth` can be at most 512"));
    std::fs::write(dir.path().join("planlint.toml"), "[limits\n").unwrap();
    Command::cargo_bin("planlint")
        .unwrap()
        .current_dir(dir.path())
        .timeout(HANG_GUARD)
        .arg("p.plan.yaml")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid TOML"));
}
