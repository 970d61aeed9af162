//! The pre-commit hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit through
//! `pre-commit try-repo` on this repository (the hook file must be committed, as it must
//! be for users), in a scratch git repository holding a failing and a clean plan.
//!
//! `planlint-system` runs the binary cargo built for these tests (put on PATH). The
//! `planlint` hook (`language: rust`) makes pre-commit `cargo install` this repository,
//! about a minute on a small machine: it runs when `CI` is set, or locally with
//! `PLANLINT_TEST_RUST_HOOK=1`. Without pre-commit the tests are skipped unless `CI` is set.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::{in_ci, manifest_dir, tool_available};

const BAD: &str = "fixtures/large-customers/churn-ceiling.plan.yaml";
const CLEAN: &str = "fixtures/clean/lianheng.plan.yaml";

fn pre_commit_available() -> bool {
    tool_available(
        "pre-commit",
        support::runs("python3", &["-m", "pre_commit", "--version"]),
        "python3 -m pip install pre-commit",
    )
}

/// A scratch git repository with `bad.plan.yaml`, `plans/plan.yaml` (clean) and
/// `notes.yaml` (not a plan, not valid YAML), committed.
fn scratch_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("plans")).unwrap();
    std::fs::copy(manifest_dir().join(BAD), root.join("bad.plan.yaml")).unwrap();
    std::fs::copy(manifest_dir().join(CLEAN), root.join("plans/plan.yaml")).unwrap();
    std::fs::write(root.join("notes.yaml"), "not: [a plan\n").unwrap();
    git(root, &["init", "-q", "."]);
    git(root, &["add", "."]);
    git(
        root,
        &[
            "-c",
            "user.name=planlint tests",
            "-c",
            "user.email=tests@planlint.invalid",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-q",
            "-m",
            "plans",
        ],
    );
    dir
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `pre-commit try-repo <this repository> HOOK --files FILES...` in `repo`, with the
/// test binary first on PATH and pre-commit's cache in `home`.
fn try_repo(repo: &Path, home: &Path, hook: &str, files: &[&str]) -> Output {
    let bin_dir: PathBuf = Path::new(env!("CARGO_BIN_EXE_planlint"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    // `python3 -m pre_commit`: the interpreter pip installed it for, whatever PATH's
    // script shims say.
    Command::new("python3")
        .args(["-m", "pre_commit", "try-repo"])
        .arg(manifest_dir())
        .arg(hook)
        .arg("--files")
        .args(files)
        .current_dir(repo)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", home)
        .env("NO_COLOR", "1")
        .env_remove("PRE_COMMIT_COLOR")
        .output()
        .expect("pre-commit runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Fails on the bad plan, passes on the clean one, skips what is not a plan.
fn check_hook(hook: &str) {
    let repo = scratch_repo();
    let home = tempfile::tempdir().unwrap();

    let bad = try_repo(repo.path(), home.path(), hook, &["bad.plan.yaml"]);
    let out = text(&bad);
    assert_eq!(
        bad.status.code(),
        Some(1),
        "{hook} must fail on a bad plan:\n{out}"
    );
    assert!(out.contains("Failed"), "{out}");
    assert!(out.contains("large-customers/churn-ceiling"), "{out}");
    assert!(out.contains("bad.plan.yaml:78:18"), "{out}");

    let clean = try_repo(
        repo.path(),
        home.path(),
        hook,
        &["plans/plan.yaml", "notes.yaml"],
    );
    let out = text(&clean);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{hook} must pass a clean plan:\n{out}"
    );
    assert!(out.contains("Passed"), "{out}");

    // `files` keeps non-plan YAML away from planlint.
    let none = try_repo(repo.path(), home.path(), hook, &["notes.yaml"]);
    let out = text(&none);
    assert_eq!(none.status.code(), Some(0), "{out}");
    assert!(out.contains("(no files to check)Skipped"), "{out}");
}

#[test]
fn planlint_system_hook_fails_bad_plans_and_passes_clean_ones() {
    if !pre_commit_available() {
        return;
    }
    check_hook("planlint-system");
}

#[test]
fn planlint_rust_hook_builds_and_lints() {
    let wanted = in_ci() || std::env::var_os("PLANLINT_TEST_RUST_HOOK").is_some();
    if !wanted {
        eprintln!(
            "SKIPPED: the rust hook builds planlint (about a minute); set PLANLINT_TEST_RUST_HOOK=1 or CI"
        );
        return;
    }
    if !pre_commit_available() {
        return;
    }
    check_hook("planlint");
}

#[test]
fn hook_file_matches_the_interface() {
    let text = std::fs::read_to_string(manifest_dir().join(".pre-commit-hooks.yaml")).unwrap();
    for needle in [
        "- id: planlint\n",
        "- id: planlint-system\n",
        "language: rust",
        "language: system",
        "entry: planlint",
    ] {
        assert!(text.contains(needle), "{needle:?} missing:\n{text}");
    }
    assert_eq!(
        text.matches(r"files: '(^|/)(plan|[^/]+\.plan)\.ya?ml$'")
            .count(),
        2
    );
}
