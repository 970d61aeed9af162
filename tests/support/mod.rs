//! Helpers shared by the integration tests that drive real consumer tools.

#![allow(dead_code)]

pub mod expect;
pub mod fixes;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The real binary, run from the repository root with colours off.
pub fn planlint() -> Command {
    let mut cmd = Command::cargo_bin("planlint").expect("binary builds");
    cmd.current_dir(manifest_dir())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "0");
    cmd
}

/// True when running in CI (`CI` set, as CI services and `.ci/run`'s caller do).
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// Whether a test that needs an external tool may run. Outside CI a missing tool skips
/// the test with a note; in CI it fails, since `.ci/run` installs every such tool.
pub fn tool_available(tool: &str, found: bool, install: &str) -> bool {
    if found {
        return true;
    }
    assert!(
        !in_ci(),
        "{tool} is required when CI is set; install it with: {install}"
    );
    eprintln!("SKIPPED: {tool} not found; install it with: {install}");
    false
}

/// The first of `candidates` that exists.
pub fn first_existing(candidates: impl IntoIterator<Item = PathBuf>) -> Option<PathBuf> {
    candidates.into_iter().find(|p| p.exists())
}

/// True when `program args...` runs and exits 0.
pub fn runs(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The real binary run in `dir`, colours off, killed after `hang_guard` (a hang, not a
/// slow run, is what that catches).
pub fn planlint_in(dir: &Path, hang_guard: std::time::Duration) -> Command {
    let mut cmd = Command::cargo_bin("planlint").expect("binary builds");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .timeout(hang_guard);
    cmd
}

/// Writes `text` to `dir/name`, creating the folders on the way.
pub fn write_file(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}
