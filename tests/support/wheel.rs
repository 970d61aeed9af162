//! The planlint wheel that `.ci/run` builds with maturin, for the tests that install
//! planlint the way a user without Rust does (`pip install`, the python pre-commit hook,
//! the GitHub Action). Building it takes minutes, so the tests do not: `.ci/run` builds
//! it once and names its directory in `PLANLINT_WHEEL_DIR`. Include with
//! `#[path = "support/wheel.rs"] mod wheel;` next to `mod support;`.

#![allow(dead_code)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::support::tool_available;

/// Names the directory holding the wheel (and the wheels pip may need besides it).
pub const ENV: &str = "PLANLINT_WHEEL_DIR";

const BUILD: &str = "python3 -m pip install maturin && maturin build --release --locked --out target/wheels && \
python3 -m pip download --dest target/wheels setuptools, then set PLANLINT_WHEEL_DIR=$PWD/target/wheels";

/// The version of this checkout, which the wheel must carry.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The wheel directory and the planlint wheel of this version in it. `None` (the test
/// skips) when `PLANLINT_WHEEL_DIR` is unset outside CI; in CI that fails, and a
/// directory without the wheel fails everywhere.
pub fn wheel() -> Option<(PathBuf, PathBuf)> {
    let Some(dir) = std::env::var_os(ENV).filter(|d| !d.is_empty()) else {
        tool_available("the planlint wheel (PLANLINT_WHEEL_DIR)", false, BUILD);
        return None;
    };
    let dir = PathBuf::from(dir);
    let prefix = format!("planlint-{}-", version());
    let wheel = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{ENV}={}: {e}; build it with: {BUILD}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".whl"))
        })
        .unwrap_or_else(|| {
            panic!(
                "{ENV}={} holds no {prefix}*.whl; build it with: {BUILD}",
                dir.display()
            )
        });
    Some((dir, wheel))
}

/// Whether `dir` holds a wheel of `package` (for pip's offline installs).
pub fn has_wheel_of(dir: &Path, package: &str) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&format!("{package}-")) && n.ends_with(".whl"))
        })
    })
}

/// `PATH` without the directories holding cargo or rustc: what a user without Rust has.
pub fn path_without_rust() -> OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let kept: Vec<PathBuf> = std::env::split_paths(&path)
        .filter(|d| !d.join("cargo").exists() && !d.join("rustc").exists())
        .collect();
    std::env::join_paths(kept).expect("PATH entries were split from PATH")
}

/// Environment that limits pip to `dir`: no index, and planlint only as a wheel, so a
/// source build (which would need Rust) cannot happen.
pub fn offline_pip_env(dir: &Path) -> [(&'static str, OsString); 4] {
    [
        ("PIP_NO_INDEX", "1".into()),
        ("PIP_FIND_LINKS", dir.as_os_str().to_owned()),
        ("PIP_ONLY_BINARY", "planlint".into()),
        ("PIP_DISABLE_PIP_VERSION_CHECK", "1".into()),
    ]
}
