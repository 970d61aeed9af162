//! Baselines: the findings a team has accepted for now, keyed by file, rule, YAML path
//! and occurrence (not line), so that edits elsewhere in a plan keep them hidden.
//!
//! Version 2 (written since) keys files by their path relative to the baseline file's
//! own directory, so a baseline matches whatever directory planlint runs from. Version 1
//! keyed them by the name the run gave them (relative to where it ran); such baselines
//! are still read, and match when planlint runs from the same directory as when they
//! were written.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::engine::FileReport;
use crate::i18n::Message;
use crate::input::{self, BASELINE_MAX_BYTES, display_path, shown};

/// The version `--write-baseline` writes.
pub const VERSION: u32 = 2;

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

#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// What applying a baseline did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub hidden: usize,
    /// Entries for the files of this run that matched no finding.
    pub stale: usize,
}

impl Outcome {
    pub fn add(&mut self, other: Outcome) {
        self.hidden += other.hidden;
        self.stale += other.stale;
    }
}

/// A baseline read from disk, indexed by file so it can be applied file by file.
#[derive(Debug)]
pub struct Loaded {
    pub version: u32,
    /// The baseline file's directory (canonical), which version 2 keys are relative to.
    pub dir: PathBuf,
    by_file: HashMap<String, HashSet<(String, String, usize)>>,
}

/// The entries of one file's findings, in file order, under the file key `key`.
pub fn entries_of(key: &str, report: &FileReport) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in &report.findings {
        let n = seen.entry((f.rule, f.path.as_str())).or_insert(0);
        out.push(Entry {
            file: key.to_string(),
            rule: f.rule.to_string(),
            path: f.path.clone(),
            occurrence: *n,
            message: f.message.clone(),
        });
        *n += 1;
    }
    out
}

/// The baseline file holding `entries`.
pub fn to_json(entries: Vec<Entry>) -> String {
    let b = Baseline {
        version: VERSION,
        entries,
    };
    let mut s = serde_json::to_string_pretty(&b).unwrap_or_default();
    s.push('\n');
    s
}

/// The directory a baseline file at `path` keys its files from: its own, canonical.
pub fn dir_of(path: &Path) -> std::io::Result<PathBuf> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent)
}

/// The key of the plan file `file` in a baseline keyed from `dir` (canonical): its path
/// relative to `dir`, with `..` when it lies outside, every byte of the name kept.
pub fn key(file: &Path, dir: &Path) -> String {
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let abs = match (std::fs::canonicalize(parent), file.file_name()) {
        (Ok(p), Some(name)) => p.join(name),
        _ => return display_path(file),
    };
    display_path(&relative(&abs, dir))
}

fn relative(target: &Path, base: &Path) -> PathBuf {
    let t: Vec<Component> = target.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c);
    }
    out
}

/// Reads a baseline; the error is a message naming the file.
pub fn load(path: &Path) -> Result<Loaded, Message> {
    let unreadable = || Message::new("cli-baseline-unreadable").text("path", shown(path));
    let text = input::read_small_text(path, BASELINE_MAX_BYTES)
        .map_err(|problem| problem.reason(unreadable()))?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        Message::new("cli-baseline-not-json")
            .text("path", shown(path))
            .text("line", e.line().to_string())
            .text("column", e.column().to_string())
            .text(
                "error",
                crate::text::escape_line(&e.to_string()).into_owned(),
            )
    })?;
    if b.version != 1 && b.version != VERSION {
        return Err(Message::new("cli-baseline-version")
            .text("path", shown(path))
            .text("version", b.version.to_string()));
    }
    let dir = dir_of(path).map_err(|e| input::with_io(unreadable(), &e))?;
    let mut by_file: HashMap<String, HashSet<(String, String, usize)>> = HashMap::new();
    for e in b.entries {
        by_file
            .entry(e.file)
            .or_default()
            .insert((e.rule, e.path, e.occurrence));
    }
    Ok(Loaded {
        version: b.version,
        dir,
        by_file,
    })
}

impl Loaded {
    /// The key of a plan file in this baseline: relative to the baseline's directory
    /// (version 2), or the name the run gives it (version 1).
    pub fn key_for(&self, file: &Path, report_name: &str) -> String {
        if self.version == 1 {
            report_name.to_string()
        } else {
            key(file, &self.dir)
        }
    }

    /// Hides the findings of one file that the baseline lists under `key`; counts that
    /// file's entries that matched nothing.
    pub fn apply_file(&self, key: &str, report: &mut FileReport) -> Outcome {
        let Some(keys) = self.by_file.get(key) else {
            return Outcome::default();
        };
        let current = entries_of(key, report);
        let mut matched = HashSet::new();
        let mut i = 0;
        report.findings.retain(|_| {
            let e = current.get(i);
            i += 1;
            let Some(e) = e else { return true };
            let k = (e.rule.clone(), e.path.clone(), e.occurrence);
            if keys.contains(&k) {
                matched.insert(k);
                false
            } else {
                true
            }
        });
        Outcome {
            hidden: matched.len(),
            stale: keys.len() - matched.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_out_of_the_base() {
        assert_eq!(
            relative(Path::new("/a/b/c.yaml"), Path::new("/a")),
            PathBuf::from("b/c.yaml")
        );
        assert_eq!(
            relative(Path::new("/a/b/c.yaml"), Path::new("/a/x/y")),
            PathBuf::from("../../b/c.yaml")
        );
    }
}
