//! The pre-commit hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit through
//! `pre-commit try-repo` on this repository (the hook file must be committed, as it must
//! be for users), in a scratch git repository holding a failing and a clean plan.
//!
//! `planlint-system` runs the binary cargo built for these tests (put on PATH). The
//! `planlint-rust` hook (`language: rust`) makes pre-commit `cargo install` this
//! repository, about a minute on a small machine: it runs when `CI` is set, or locally
//! with `PLANLINT_TEST_RUST_HOOK=1`. The `planlint` hook (`language: python`, in
//! `planlint-pre-commit/`, which is published as a repository of its own) is run from a
//! git repository made of that folder, with pip limited to the wheel `.ci/run` built
//! (`PLANLINT_WHEEL_DIR`) and no cargo on `PATH`. Without pre-commit (or the wheel) the
//! tests are skipped unless `CI` is set.

mod support;
#[path = "support/wheel.rs"]
mod wheel;

use std::ffi::OsString;
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
    commit_all(root);
    dir
}

/// `git init` and commit everything in `root`.
fn commit_all(root: &Path) {
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

/// Where a hook comes from and what it runs with.
struct HookRepo {
    /// The git repository holding `.pre-commit-hooks.yaml`.
    path: PathBuf,
    /// `PATH` for pre-commit and the hook.
    path_var: OsString,
    /// More environment (pip's settings for the python hook).
    env: Vec<(&'static str, OsString)>,
}

impl HookRepo {
    /// This repository, with the binary cargo built for the tests first on PATH.
    fn this_one() -> Self {
        let bin_dir: PathBuf = Path::new(env!("CARGO_BIN_EXE_planlint"))
            .parent()
            .unwrap()
            .to_path_buf();
        let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .unwrap();
        HookRepo {
            path: manifest_dir().to_path_buf(),
            path_var: path,
            env: Vec::new(),
        }
    }
}

/// `pre-commit try-repo <hook repository> HOOK --files FILES...` in `repo`, with
/// pre-commit's cache in `home`.
fn try_repo(hooks: &HookRepo, repo: &Path, home: &Path, hook: &str, files: &[&str]) -> Output {
    // `python3 -m pre_commit`: the interpreter pip installed it for, whatever PATH's
    // script shims say.
    Command::new("python3")
        .args(["-m", "pre_commit", "try-repo"])
        .arg(&hooks.path)
        .arg(hook)
        .arg("--files")
        .args(files)
        .current_dir(repo)
        .env("PATH", &hooks.path_var)
        .envs(hooks.env.iter().map(|(k, v)| (k, v)))
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
fn check_hook(hooks: &HookRepo, hook: &str) {
    let repo = scratch_repo();
    let home = tempfile::tempdir().unwrap();

    let bad = try_repo(hooks, repo.path(), home.path(), hook, &["bad.plan.yaml"]);
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
        hooks,
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
    let none = try_repo(hooks, repo.path(), home.path(), hook, &["notes.yaml"]);
    let out = text(&none);
    assert_eq!(none.status.code(), Some(0), "{out}");
    assert!(out.contains("(no files to check)Skipped"), "{out}");
}

#[test]
fn planlint_system_hook_fails_bad_plans_and_passes_clean_ones() {
    if !pre_commit_available() {
        return;
    }
    check_hook(&HookRepo::this_one(), "planlint-system");
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
    check_hook(&HookRepo::this_one(), "planlint-rust");
}

/// The Rust-free hook: pre-commit makes a virtualenv and runs `pip install .` in
/// `planlint-pre-commit/` (a git repository of its own, as it is published), which pulls
/// in the planlint wheel. pip may use only the local wheel directory and may not build
/// planlint from source, and there is no cargo on PATH: what a user without Rust has.
#[test]
fn planlint_python_hook_installs_the_wheel_and_lints() {
    if !pre_commit_available() {
        return;
    }
    let Some((wheel_dir, _)) = wheel::wheel() else {
        return;
    };
    // The hook package is built by pip with setuptools, which pip would fetch from the
    // index; offline it must be in the wheel directory too.
    if !tool_available(
        "a setuptools wheel in PLANLINT_WHEEL_DIR",
        wheel::has_wheel_of(&wheel_dir, "setuptools"),
        "python3 -m pip download --dest \"$PLANLINT_WHEEL_DIR\" setuptools",
    ) {
        return;
    }
    let hook_repo = tempfile::tempdir().unwrap();
    for name in ["pyproject.toml", ".pre-commit-hooks.yaml", "README.md"] {
        std::fs::copy(
            manifest_dir().join("planlint-pre-commit").join(name),
            hook_repo.path().join(name),
        )
        .unwrap();
    }
    commit_all(hook_repo.path());

    let path_var = wheel::path_without_rust();
    // What the hook can find without a Rust toolchain: no cargo, no cargo-built planlint.
    assert!(
        std::env::split_paths(&path_var)
            .all(|d| !d.join("cargo").exists() && !d.join("planlint").exists()),
        "PATH still reaches cargo or a planlint: {path_var:?}"
    );
    let hooks = HookRepo {
        path: hook_repo.path().to_path_buf(),
        path_var,
        env: wheel::offline_pip_env(&wheel_dir).into(),
    };
    check_hook(&hooks, "planlint");
}

/// The hook package installs the planlint of this checkout's version: a release that
/// bumps Cargo.toml without it would pin the hook to the old planlint.
#[test]
fn python_hook_package_pins_this_version() {
    let text =
        std::fs::read_to_string(manifest_dir().join("planlint-pre-commit/pyproject.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let project = doc["project"].as_table().unwrap();
    let version = wheel::version();
    assert_eq!(project["version"].as_str(), Some(version), "{text}");
    let deps: Vec<&str> = project["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert_eq!(deps, [format!("planlint=={version}")], "{text}");
    // Nothing to compile: no build backend that needs Rust.
    assert_eq!(
        doc["build-system"]["build-backend"].as_str(),
        Some("setuptools.build_meta"),
        "{text}"
    );
}

#[test]
fn hook_file_matches_the_interface() {
    let text = std::fs::read_to_string(manifest_dir().join(".pre-commit-hooks.yaml")).unwrap();
    for needle in [
        "- id: planlint-rust\n",
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

    let python =
        std::fs::read_to_string(manifest_dir().join("planlint-pre-commit/.pre-commit-hooks.yaml"))
            .unwrap();
    for needle in [
        "- id: planlint\n",
        "language: python\n",
        "entry: planlint\n",
        "files: '(^|/)(plan|[^/]+\\.plan)\\.ya?ml$'\n",
    ] {
        assert!(python.contains(needle), "{needle:?} missing:\n{python}");
    }
}
