//! UI-test expectations in the manner of clippy's: a plan says, with comments such as
//! `# expect: large-customers/acv-floor`, which findings must point at that line. One run
//! of the real binary over a set of plans; any missing, misplaced or extra finding fails
//! with a readable list.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// `(file, line, rule)`.
pub type Expectation = (String, usize, String);

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The `*.plan.yaml` files below `root`, sorted, leaving out the folders in `skip`
/// (paths relative to the repository).
pub fn plan_files(root: &Path, skip: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixtures/ is readable") {
            let path = entry.expect("fixture entry").path();
            if path.is_dir() {
                if !skip.iter().any(|s| relative(&path) == *s) {
                    stack.push(path);
                }
            } else if path.to_string_lossy().ends_with(".plan.yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

pub fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The `# expect: a, b` comments of a file, by line. A file that is not UTF-8 is read
/// lossily: its expectations are on valid lines.
pub fn expectations(path: &Path) -> Vec<Expectation> {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let text = String::from_utf8_lossy(&bytes);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(idx) = line.find("# expect:") {
            for id in line[idx + "# expect:".len()..].split(',') {
                let id = id.trim();
                if !id.is_empty() {
                    out.push((relative(path), i + 1, id.to_string()));
                }
            }
        }
    }
    out
}

/// The findings planlint reports for `files`, run with `args`, as expectations.
pub fn actual(files: &[PathBuf], args: &[&str]) -> Vec<Expectation> {
    let output = Command::cargo_bin("planlint")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--format", "json"])
        .args(args)
        .args(files.iter().map(|f| relative(f)))
        .output()
        .expect("planlint runs");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "planlint exited with {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    json["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["span"]["line"].as_u64().unwrap_or_default() as usize,
                d["rule"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Fails with a list of the missing, misplaced and extra findings when planlint's
/// findings for `files` (run with `args`) are not exactly their expectations.
pub fn assert_expectations(files: &[PathBuf], args: &[&str]) {
    assert!(!files.is_empty(), "no fixtures found");
    let mut expected: Vec<Expectation> = files.iter().flat_map(|f| expectations(f)).collect();
    let mut got = actual(files, args);
    expected.sort();
    got.sort();
    if expected == got {
        return;
    }
    let mut report = String::new();
    let mut remaining = got.clone();
    for e in &expected {
        if let Some(i) = remaining.iter().position(|g| g == e) {
            remaining.remove(i);
        } else {
            let same_rule: Vec<_> = got
                .iter()
                .filter(|g| g.0 == e.0 && g.2 == e.2)
                .map(|g| g.1.to_string())
                .collect();
            if same_rule.is_empty() {
                report.push_str(&format!("missing:  {}:{} {}\n", e.0, e.1, e.2));
            } else {
                report.push_str(&format!(
                    "misplaced: {}:{} {} (reported on line {})\n",
                    e.0,
                    e.1,
                    e.2,
                    same_rule.join(", ")
                ));
            }
        }
    }
    for g in remaining {
        if !expected.contains(&g) {
            report.push_str(&format!("extra:    {}:{} {}\n", g.0, g.1, g.2));
        }
    }
    panic!("fixtures disagree with planlint:\n{report}");
}
