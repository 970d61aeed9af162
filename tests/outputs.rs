//! What planlint writes: `-o` and `--write-baseline` never replace what it reads, are
//! written only when they should be, with the usual file mode, through symbolic links,
//! with errors that name the user's path; baselines show only what they leave and match
//! from any directory.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const HANG_GUARD: Duration = Duration::from_secs(120);

/// A plan with two errors the selection below keeps: churn and ACV.
const PLAN: &str =
    "planlint: 1\nunit_economics:\n  acv: 5万\n  revenue_churn: 25%\ncurrency: CNY\n";
const SELECT: [&str; 2] = ["--select", "large-customers/"];

mod support;
use support::write_file as write;

fn planlint(dir: &Path) -> Command {
    support::planlint_in(dir, HANG_GUARD)
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn an_output_is_never_an_input_or_the_other_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.plan.yaml", PLAN);
    write(root, "plans/b.plan.yaml", PLAN);
    write(root, "planlint.toml", "preset = \"article\"\n");
    std::fs::hard_link(root.join("a.plan.yaml"), root.join("hard.txt")).unwrap();
    planlint(root)
        .args(["--write-baseline", "base.json", "a.plan.yaml"])
        .assert()
        .code(0);
    let base = read(root, "base.json");
    for args in [
        &["-o", "a.plan.yaml", "a.plan.yaml"][..],
        &["-o", "./a.plan.yaml", "a.plan.yaml"],
        &["-o", "hard.txt", "a.plan.yaml"],
        &["-o", "plans/b.plan.yaml", "plans"],
        &["--write-baseline", "a.plan.yaml", "a.plan.yaml"],
        &["--write-baseline", "plans/./b.plan.yaml", "."],
        &["-o", "planlint.toml", "a.plan.yaml"],
        &["--write-baseline", "planlint.toml", "a.plan.yaml"],
        &["-o", "base.json", "--baseline", "base.json", "a.plan.yaml"],
        &[
            "--write-baseline",
            "new.json",
            "-o",
            "./new.json",
            "a.plan.yaml",
        ],
        &[
            "--write-baseline",
            "base.json",
            "-o",
            "base.json",
            "a.plan.yaml",
        ],
    ] {
        planlint(root).args(args).assert().code(2).stderr(
            predicate::str::contains("would replace").and(predicate::str::contains("help: ")),
        );
        assert_eq!(read(root, "a.plan.yaml"), PLAN, "{args:?}");
        assert_eq!(read(root, "plans/b.plan.yaml"), PLAN, "{args:?}");
        assert_eq!(
            read(root, "planlint.toml"),
            "preset = \"article\"\n",
            "{args:?}"
        );
        assert_eq!(read(root, "base.json"), base, "{args:?}");
        assert!(!root.join("new.json").exists(), "{args:?}");
    }
    // Refreshing the baseline read is what --write-baseline is for.
    planlint(root)
        .args([
            "--baseline",
            "base.json",
            "--write-baseline",
            "base.json",
            "a.plan.yaml",
        ])
        .assert()
        .code(0);
}

#[test]
fn the_baseline_is_written_only_when_every_input_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.plan.yaml", PLAN);
    write(root, "b.json", "{\"version\": 2, \"entries\": []}\n");
    planlint(root)
        .args([
            "--isolated",
            "--write-baseline",
            "b.json",
            "a.plan.yaml",
            "nope.plan.yaml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the baseline b.json was not written: 1 input could not be read",
        ));
    assert_eq!(read(root, "b.json"), "{\"version\": 2, \"entries\": []}\n");
}

#[test]
fn output_errors_name_the_users_path_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.plan.yaml", PLAN);
    std::fs::create_dir_all(root.join("reports")).unwrap();
    for (args, says, help) in [
        (
            &["-o", "nope/sub/r.txt"][..],
            "cannot write the report to nope/sub/r.txt: no such file or directory",
            "create the directory nope/sub first",
        ),
        (
            &["--format", "json", "-o", "nope/sub/r.json"],
            "cannot write the report to nope/sub/r.json: no such file or directory",
            "create the directory nope/sub first",
        ),
        (
            &["-o", "reports"],
            "cannot write the report to reports: is a directory",
            "name a file, e.g. reports/",
        ),
        (
            &["--write-baseline", "nope/b.json"],
            "cannot write the baseline nope/b.json",
            "create the directory first",
        ),
    ] {
        let out = planlint(root)
            .arg("--isolated")
            .args(args)
            .arg("a.plan.yaml")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stderr.contains(help), "{args:?}: {stderr}");
        assert!(!stderr.contains(".tmp"), "{stderr}");
        assert!(!stderr.contains("no plans found"), "{stderr}");
    }
}

/// `format`'s report of a run with `--baseline b.json`, and whether it shows a finding.
fn shows_a_finding(root: &Path, format: &str) -> (bool, String) {
    let out = planlint(root)
        .args(["--isolated", "--format", format, "--baseline", "b.json"])
        .args(SELECT)
        .arg("a.plan.yaml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{format}");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let shown = match format {
        "json" => {
            let v: Value = serde_json::from_str(&text).unwrap();
            !v["diagnostics"].as_array().unwrap().is_empty()
        }
        "sarif" => {
            let v: Value = serde_json::from_str(&text).unwrap();
            !v["runs"][0]["results"].as_array().unwrap().is_empty()
        }
        "gitlab" => {
            let v: Value = serde_json::from_str(&text).unwrap();
            !v.as_array().unwrap().is_empty()
        }
        "junit" => text.contains("<failure"),
        "github" => text.contains("::error"),
        _ => text.contains("revenue churn is 25%") || text.contains("churn-ceiling"),
    };
    (shown, text)
}

#[test]
fn a_baseline_leaves_nothing_in_any_format_and_writing_one_prints_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.plan.yaml", PLAN);
    let out = planlint(root)
        .args(["--isolated", "--write-baseline", "b.json"])
        .args(SELECT)
        .arg("a.plan.yaml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "planlint: wrote 2 findings in 1 file to the baseline b.json\n"
    );
    for format in [
        "human", "json", "sarif", "github", "junit", "gitlab", "markdown",
    ] {
        let (shown, text) = shows_a_finding(root, format);
        assert!(
            !shown,
            "{format} shows a finding the baseline hides:\n{text}"
        );
    }
    // What the baseline leaves: no finding; the rules that did not run are still said.
    let (_, human) = shows_a_finding(root, "human");
    assert!(
        human.ends_with("\nno findings in 1 file; 1 file not fully checked\n"),
        "{human}"
    );
    assert!(human.starts_with("a.plan.yaml: not checked: "), "{human}");
}

#[test]
fn a_baseline_matches_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "repo/plans/a.plan.yaml", PLAN);
    let repo = root.join("repo");
    std::fs::create_dir_all(repo.join("ci")).unwrap();
    planlint(&repo)
        .args(["--isolated", "--write-baseline", "ci/baseline.json"])
        .args(SELECT)
        .arg("plans")
        .assert()
        .code(0);
    assert!(read(&repo, "ci/baseline.json").contains("\"file\": \"../plans/a.plan.yaml\""));
    for (cwd, baseline, plans) in [
        (repo.clone(), "ci/baseline.json", "plans"),
        (repo.join("plans"), "../ci/baseline.json", "a.plan.yaml"),
        (root.to_path_buf(), "repo/ci/baseline.json", "repo/plans"),
    ] {
        planlint(&cwd)
            .args(["--isolated", "--baseline", baseline])
            .args(SELECT)
            .arg(plans)
            .assert()
            .code(0)
            .stderr(predicate::str::contains(
                "2 findings hidden by the baseline; 0 baseline entries no longer match",
            ));
    }
    // Stale entries are still counted.
    write(
        root,
        "repo/plans/a.plan.yaml",
        "planlint: 1\nunit_economics:\n  acv: 5万\n  revenue_churn: 5%\ncurrency: CNY\n",
    );
    planlint(&repo.join("plans"))
        .args(["--isolated", "--baseline", "../ci/baseline.json"])
        .args(SELECT)
        .arg("a.plan.yaml")
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "1 baseline entry no longer matches (stale)",
        ));

    // A version 1 baseline (keys relative to where it was written) still works there.
    write(
        root,
        "repo/v1.json",
        "{\"version\": 1, \"entries\": [{\"file\": \"plans/a.plan.yaml\", \"rule\": \"large-customers/acv-floor\", \"path\": \"unit_economics.acv\", \"occurrence\": 0}]}\n",
    );
    planlint(&repo)
        .args(["--isolated", "--baseline", "v1.json"])
        .args(SELECT)
        .arg("plans")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("1 finding hidden by the baseline"));
}

#[test]
fn dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.plan.yaml", PLAN);
    planlint(dir.path())
        .args(["--isolated", "--format", "json", "-o", "-", "a.plan.yaml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"diagnostics\""));
    assert!(!dir.path().join("-").exists());
}

#[cfg(unix)]
#[test]
fn reports_get_the_usual_mode_and_go_through_links() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.plan.yaml", PLAN);
    let mode = |name: &str| {
        std::fs::metadata(root.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o7777
    };
    let run = |args: &str| {
        let status = std::process::Command::new("sh")
            .current_dir(root)
            .args([
                "-c",
                &format!("umask 022; exec \"$0\" --isolated {args} a.plan.yaml"),
                env!("CARGO_BIN_EXE_planlint"),
            ])
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(0), "{args}");
    };
    run("--exit-zero -o new.txt");
    assert_eq!(mode("new.txt"), 0o644);
    run("--write-baseline new.json");
    assert_eq!(mode("new.json"), 0o644);

    // A replaced file keeps its mode, even one the umask would narrow.
    write(root, "kept.txt", "old");
    std::fs::set_permissions(
        root.join("kept.txt"),
        std::fs::Permissions::from_mode(0o666),
    )
    .unwrap();
    run("--exit-zero -o kept.txt");
    assert_eq!(mode("kept.txt"), 0o666);
    assert!(read(root, "kept.txt").contains("churn"));

    // Through a symbolic link: the target is written, the link stays.
    std::fs::create_dir_all(root.join("real")).unwrap();
    symlink("real/report.txt", root.join("link.txt")).unwrap();
    run("--exit-zero -o link.txt");
    assert!(
        std::fs::symlink_metadata(root.join("link.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(read(root, "real/report.txt").contains("churn"));
    symlink("real/b.json", root.join("b.json")).unwrap();
    run("--write-baseline b.json");
    assert!(
        std::fs::symlink_metadata(root.join("b.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(read(root, "real/b.json").contains("\"entries\""));
}
