//! `planlint diff` through the real binary: the two-version example of fixtures/diff in
//! every format, the gate's exit code, and `--git` against a real repository.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use scraper::{Html, Selector};
use serde_json::Value;
use support::{planlint, planlint_in, write_file};

const OLD: &str = "fixtures/diff/old.plan.yaml";
const NEW: &str = "fixtures/diff/new.plan.yaml";

fn diff(args: &[&str]) -> (String, String, Option<i32>) {
    let out = planlint()
        .arg("diff")
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

#[test]
fn snapshot_human() {
    let (out, _, code) = diff(&[OLD, NEW]);
    assert_eq!(code, Some(1), "a new error");
    insta::assert_snapshot!(out);
}

#[test]
fn snapshot_markdown() {
    let (out, _, _) = diff(&["--format", "markdown", OLD, NEW]);
    insta::assert_snapshot!(out);
}

#[test]
fn snapshot_json() {
    let (out, _, code) = diff(&["--format", "json", OLD, NEW]);
    assert_eq!(code, Some(1));
    let version = env!("CARGO_PKG_VERSION");
    insta::assert_snapshot!(out.replace(&format!("\"{version}\""), "\"[version]\""));
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&diff(&all).0).unwrap()
}

fn rules(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect()
}

#[test]
fn findings_are_matched_by_fingerprint_not_by_line() {
    let d = json(&[OLD, NEW]);
    let plan = &d["plans"][0];
    let f = &plan["findings"];
    assert_eq!(rules(&f["new"]), ["large-customers/churn-ceiling"]);
    assert_eq!(
        rules(&f["fixed"]),
        [
            "large-customers/acv-floor",
            "large-customers/ltv-floor",
            "large-customers/ltv-cac-ratio",
            "sales-motion/payback-too-long",
            "patient-growth/burn-multiple",
            "patient-growth/cash-out",
        ]
    );
    // The hypergrowth warning moved down four lines: unchanged, with both places.
    let moved = &f["unchanged"][0];
    assert_eq!(moved["rule"], "patient-growth/hypergrowth");
    assert_eq!(moved["line"], 128);
    assert_eq!(moved["old_line"], 124);
    // The same fingerprint the GitLab report gives the finding in the new file.
    let gitlab = planlint()
        .args(["--format", "gitlab", NEW])
        .output()
        .unwrap();
    let gitlab: Value = serde_json::from_slice(&gitlab.stdout).unwrap();
    let print = gitlab
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["check_name"] == "patient-growth/hypergrowth")
        .map(|i| i["fingerprint"].clone())
        .unwrap();
    assert_eq!(moved["fingerprint"], print);
    // The figures changed: ACV up, cash no longer runs out.
    let figure = |name: &str| {
        plan["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["figure"] == name)
            .cloned()
            .unwrap()
    };
    assert_eq!(figure("acv")["old"], 40000.0);
    assert_eq!(figure("acv")["new"], 120000.0);
    assert_eq!(figure("acv")["change"], 80000.0);
    assert_eq!(figure("cash_out_year")["old"], 2028);
    assert_eq!(figure("cash_out_year")["new"], Value::Null);
    assert_eq!(figure("growth_2027")["change"], 0.0);
    assert_eq!(d["summary"]["new_at_fail_level"], 1);
}

#[test]
fn the_gate_fails_only_on_new_findings_at_the_fail_level() {
    // The new version has an error, but compared with itself nothing is new.
    let (_, _, code) = diff(&[NEW, NEW]);
    assert_eq!(code, Some(0));
    // Backwards, the old version's errors are new.
    let (_, _, code) = diff(&[NEW, OLD]);
    assert_eq!(code, Some(1));
    // Old to new adds an error; at --fail-on never nothing fails.
    let (_, _, code) = diff(&["--fail-on", "never", OLD, NEW]);
    assert_eq!(code, Some(0));
    let d = json(&["--fail-on", "warning", NEW, OLD]);
    assert_eq!(d["summary"]["fail_on"], "warning");
    assert_eq!(d["summary"]["new_at_fail_level"], 6);
}

#[test]
fn html_highlights_the_changes_and_stays_self_contained() {
    let (out, _, code) = diff(&["--format", "html", OLD, NEW]);
    assert_eq!(code, Some(1));
    let doc = Html::parse_document(&out);
    let sel = |css: &str| {
        let s = Selector::parse(css).unwrap();
        doc.select(&s).count()
    };
    assert_eq!(sel("script"), 0);
    assert_eq!(sel("[src]"), 0);
    assert_eq!(sel("a[href^=http]"), 0);
    assert_eq!(sel("article.diff-new"), 1);
    assert_eq!(sel("article.diff-fixed"), 6);
    assert_eq!(sel("article.diff-unchanged"), 1);
    assert_eq!(sel("figure.chart svg"), 3);
    assert!(sel("td.changed-down") >= 3, "better figures in green");
    assert!(sel("td.changed-up") >= 1, "worse figures in red");
    let text: String = doc.root_element().text().collect();
    assert!(
        text.contains("fixtures/diff/old.plan.yaml:125:123"),
        "fixed, in the old file"
    );
    assert!(text.contains("moved from line 124"));
}

#[test]
fn usage_errors_exit_2_and_say_the_fix() {
    let (_, err, code) = diff(&[NEW]);
    assert_eq!(code, Some(2));
    assert!(err.contains("takes two plan files"), "{err}");
    assert!(
        err.contains("help: run `planlint diff old.plan.yaml new.plan.yaml`"),
        "{err}"
    );
    let (_, err, code) = diff(&["fixtures/diff", NEW]);
    assert_eq!(code, Some(2));
    assert!(err.contains("is a directory"), "{err}");
    let (_, err, code) = diff(&["fixtures/diff/none.plan.yaml", NEW]);
    assert_eq!(code, Some(2));
    assert!(err.contains("none.plan.yaml"), "{err}");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(support::manifest_dir().join(name)).unwrap()
}

/// A repository whose HEAD has the old version of `plans/acme.plan.yaml`; the working
/// tree has the new one and a plan HEAD does not have.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    write_file(dir.path(), "plans/acme.plan.yaml", &fixture(OLD));
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "old"]);
    write_file(dir.path(), "plans/acme.plan.yaml", &fixture(NEW));
    write_file(dir.path(), "plans/added.plan.yaml", &fixture(OLD));
    dir
}

#[test]
fn git_takes_the_old_versions_from_a_revision() {
    let dir = repo();
    let out = planlint_in(dir.path(), Duration::from_secs(120))
        .args(["diff", "--git", "main", "--format", "json", "plans/"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    let plans = d["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    let acme = &plans[0];
    assert_eq!(acme["file"], "plans/acme.plan.yaml");
    assert_eq!(acme["old"], "main:plans/acme.plan.yaml");
    assert_eq!(acme["status"], "changed");
    assert_eq!(acme["findings"]["new"].as_array().unwrap().len(), 1);
    assert_eq!(acme["findings"]["fixed"].as_array().unwrap().len(), 6);
    // Not at the revision: every finding is new.
    let added = &plans[1];
    assert_eq!(added["file"], "plans/added.plan.yaml");
    assert_eq!(added["status"], "new");
    assert_eq!(added["old"], Value::Null);
    assert_eq!(added["findings"]["new"].as_array().unwrap().len(), 7);
    assert_eq!(d["rev"], "main");

    // From a subdirectory, a file path works the same.
    let out = planlint_in(&dir.path().join("plans"), Duration::from_secs(120))
        .args(["diff", "--git", "HEAD", "acme.plan.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(was HEAD:plans/acme.plan.yaml)"), "{text}");
}

#[test]
fn git_refuses_bad_revisions_and_paths_outside_the_repository() {
    let dir = repo();
    let outside = tempfile::tempdir().unwrap();
    write_file(outside.path(), "x.plan.yaml", &fixture(NEW));
    let run = |args: &[&str]| {
        let out = planlint_in(dir.path(), Duration::from_secs(120))
            .arg("diff")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(&["--git", "no-such-branch", "plans"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("`no-such-branch` is not a revision"), "{err}");
    // A revision that looks like an option is not passed to git as one.
    let (code, err) = run(&["--git=--output=/tmp/planlint-pwned", "plans"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("is not a revision"), "{err}");
    assert!(!Path::new("/tmp/planlint-pwned").exists());
    let x = outside.path().join("x.plan.yaml");
    let (code, err) = run(&["--git", "HEAD", x.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("is outside the git repository"), "{err}");
    // A link inside the repository to a file outside it is outside too.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&x, dir.path().join("plans/link.plan.yaml")).unwrap();
        let (code, err) = run(&["--git", "HEAD", "plans/link.plan.yaml"]);
        assert_eq!(code, Some(2));
        assert!(err.contains("is outside the git repository"), "{err}");
    }
}
