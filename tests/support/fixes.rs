//! Fixes as planlint's JSON report gives them: linting a text, reading each finding's
//! fix and alternatives, applying one, and every fixture linted once per test binary (the
//! fix tests walk the same reports several times).

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use super::expect::{fixtures_dir, plan_files, relative};
use super::planlint;

pub const HANG_GUARD: Duration = Duration::from_secs(60);

/// The JSON report of `text` linted as `name`.
pub fn lint_json(name: &str, text: &str, extra: &[&str]) -> Value {
    let out = planlint()
        .args(["--format", "json", "--stdin-filename", name])
        .args(extra)
        .arg("-")
        .write_stdin(text.to_string())
        .timeout(HANG_GUARD)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub fn diagnostics(v: &Value) -> Vec<Value> {
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

/// The fix of a JSON diagnostic, then its alternatives.
pub fn fixes_of(d: &Value) -> impl Iterator<Item = &Value> {
    d.get("fix")
        .into_iter()
        .chain(d["alternatives"].as_array().into_iter().flatten())
}

/// `text` with the edits of a JSON `fix` applied.
pub fn apply(text: &str, fix: &Value) -> String {
    let mut edits: Vec<(usize, usize, &str)> = fix["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["span"]["offset"].as_u64().unwrap() as usize,
                e["span"]["length"].as_u64().unwrap() as usize,
                e["replacement"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort();
    let mut out = String::new();
    let mut at = 0;
    for (offset, len, new) in edits {
        assert!(offset >= at, "overlapping edits in {fix}");
        out.push_str(&text[at..offset]);
        out.push_str(new);
        at = offset + len;
    }
    out.push_str(&text[at..]);
    out
}

/// (rule, path) → how many findings, for the rules `keep` accepts.
pub fn counts(diags: &[Value], keep: impl Fn(&str) -> bool) -> BTreeMap<(String, String), usize> {
    let mut m = BTreeMap::new();
    for d in diags {
        let rule = d["rule"].as_str().unwrap_or_default();
        if keep(rule) {
            *m.entry((
                rule.to_string(),
                d["path"].as_str().unwrap_or_default().to_string(),
            ))
            .or_default() += 1;
        }
    }
    m
}

/// A fixture as linted with the built-in rules and no options.
pub struct Linted {
    /// Relative to the repository: `fixtures/large-customers/acv-floor.plan.yaml`.
    pub name: String,
    pub text: String,
    pub diagnostics: Vec<Value>,
}

/// Every fixture plan that is UTF-8 text (those of `fixtures/real` too), linted once.
pub fn linted_fixtures() -> &'static [Linted] {
    static LINTED: OnceLock<Vec<Linted>> = OnceLock::new();
    LINTED.get_or_init(|| {
        plan_files(&fixtures_dir(), &[])
            .iter()
            .filter_map(|file| {
                let name = relative(file);
                let text = std::fs::read_to_string(file)
                    .ok()
                    .filter(|t| !t.is_empty())?;
                let diagnostics = diagnostics(&lint_json(&name, &text, &[]));
                Some(Linted {
                    name,
                    text,
                    diagnostics,
                })
            })
            .collect()
    })
}

/// The titles of the fix and alternatives of the one finding of `rule` in `fixture`
/// (relative to `fixtures/`).
pub fn titles(fixture: &str, rule: &str) -> Vec<String> {
    let name = format!("fixtures/{fixture}");
    let linted = linted_fixtures()
        .iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("no fixture {name}"));
    let found: Vec<_> = linted
        .diagnostics
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect();
    assert_eq!(found.len(), 1, "{fixture}: {:?}", linted.diagnostics);
    fixes_of(found[0])
        .map(|f| f["title"].as_str().unwrap_or_default().to_string())
        .collect()
}
