//! A real editor as the client: a headless Neovim (Debian's `neovim` package, with its
//! built-in LSP client) opens a plan, shows planlint's diagnostics at the right columns
//! after Chinese text and an emoji, and applies a fix through a code action.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

mod support;
use support::{manifest_dir, runs, tool_available, write_file};

const PLAN: &str = "planlint: 1\ncurrency: CNY\ncompany: { name: \"联恒云 🚀\", stage: seriesA }\nunit_economics:\n  acv: 12万\n  lifetime_years: 5\n  ltv_basis: revenue\n  ltv: 90万\n";

#[test]
fn neovim_shows_the_diagnostics_and_applies_a_fix() {
    let found = runs("nvim", &["--version"]);
    if !tool_available("Neovim", found, "apt-get install neovim") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "p.plan.yaml", PLAN);
    let out = dir.path().join("seen.json");
    let bin: PathBuf = assert_cmd::cargo::cargo_bin("planlint");
    let script = manifest_dir().join("tests/neovim/client.lua");
    let status = std::process::Command::new("nvim")
        .args(["--headless", "--clean", "-u", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("PLANLINT_BIN", &bin)
        .env("PLAN", dir.path().join("p.plan.yaml"))
        .env("OUT", &out)
        .env("RULE", "plan/invalid-value")
        .env("LANG", "C")
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            // A hang guard, not a timing: Neovim quits on its own when done.
            for _ in 0..1200 {
                if let Some(s) = child.try_wait()? {
                    return Ok(s);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            child.kill()?;
            child.wait()
        })
        .unwrap();
    assert!(status.success(), "nvim: {status}");
    let seen: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(seen["got_diagnostics"], true, "{seen:#}");
    let line = PLAN.lines().nth(2).unwrap();
    let col = line.find("seriesA").unwrap();
    let stage = seen["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "plan/invalid-value")
        .unwrap_or_else(|| panic!("{seen:#}"));
    // Neovim's columns are bytes: the finding sits on `seriesA`, after 联恒云 and 🚀.
    assert_eq!(
        (stage["lnum"].as_u64(), stage["col"].as_u64()),
        (Some(2), Some(col as u64)),
        "{seen:#}"
    );
    assert_eq!(
        stage["end_col"].as_u64(),
        Some((col + "seriesA".len()) as u64)
    );
    assert!(
        seen["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "large-customers/ltv-mismatch"),
        "{seen:#}"
    );
    assert_eq!(
        seen["applied"], "replace `seriesA` with `series_a`",
        "{seen:#}"
    );
    assert_eq!(
        seen["lines"][2], "company: { name: \"联恒云 🚀\", stage: series_a }",
        "{seen:#}"
    );
    assert_eq!(seen["cleared"], true, "{seen:#}");
}
