//! Baselines: the findings a team has accepted for now, keyed by file, rule, YAML path
//! and occurrence (not line), so that edits elsewhere in a plan keep them hidden.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::FileReport;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub file: String,
    pub rule: String,
    pub path: String,
    /// Which of the findings with the same file, rule and path (in file order).
    #[serde(default)]
    pub occurrence: usize,
    /// For people reading the file; not part of the key.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl Entry {
    fn key(&self) -> (&str, &str, &str, usize) {
        (&self.file, &self.rule, &self.path, self.occurrence)
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// What applying a baseline did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub hidden: usize,
    /// Entries for the files of this run that matched no finding.
    pub stale: usize,
}

/// The baseline entries of these reports, in file order.
pub fn entries(reports: &[FileReport]) -> Vec<Entry> {
    let mut out = Vec::new();
    for r in reports {
        let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for f in &r.findings {
            let n = seen.entry((f.rule, f.path.as_str())).or_insert(0);
            out.push(Entry {
                file: r.file.name.clone(),
                rule: f.rule.to_string(),
                path: f.path.clone(),
                occurrence: *n,
                message: f.message.clone(),
            });
            *n += 1;
        }
    }
    out
}

pub fn to_json(reports: &[FileReport]) -> String {
    let b = Baseline {
        version: 1,
        entries: entries(reports),
    };
    let mut s = serde_json::to_string_pretty(&b).unwrap_or_default();
    s.push('\n');
    s
}

pub fn load(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: not a planlint baseline: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    if b.version != 1 {
        return Err(format!(
            "{}: baseline version {} is not supported; rewrite it with --write-baseline",
            path.display(),
            b.version
        ));
    }
    Ok(b)
}

/// Hides the findings the baseline lists; counts the entries that matched nothing.
pub fn apply(baseline: &Baseline, reports: &mut [FileReport]) -> Outcome {
    let keys: BTreeSet<_> = baseline.entries.iter().map(Entry::key).collect();
    let current = entries(reports);
    let mut matched = BTreeSet::new();
    let mut outcome = Outcome::default();
    let mut i = 0;
    for r in reports.iter_mut() {
        r.findings.retain(|_| {
            let e = current.get(i);
            i += 1;
            let Some(e) = e else { return true };
            if keys.contains(&e.key()) {
                matched.insert(e.key());
                outcome.hidden += 1;
                false
            } else {
                true
            }
        });
    }
    let files: BTreeSet<&str> = reports.iter().map(|r| r.file.name.as_str()).collect();
    outcome.stale = baseline
        .entries
        .iter()
        .filter(|e| files.contains(e.file.as_str()) && !matched.contains(&e.key()))
        .count();
    outcome
}
