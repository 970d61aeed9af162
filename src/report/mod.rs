//! Reporters: turn finished file reports into text. They know nothing of rules beyond
//! the fields of a `Finding`.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use crate::engine::FileReport;
use crate::finding::Severity;

/// Counts over a whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for f in reports.iter().flat_map(|r| &r.findings) {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// `2 errors, 1 warning in 3 files`, or `no findings in 1 file`.
    pub fn line(&self) -> String {
        fn plural(n: usize, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(plural(self.errors, "error", "errors"));
        }
        if self.warnings > 0 {
            parts.push(plural(self.warnings, "warning", "warnings"));
        }
        if self.infos > 0 {
            parts.push(plural(self.infos, "info", "infos"));
        }
        let what = if parts.is_empty() {
            "no findings".to_string()
        } else {
            parts.join(", ")
        };
        format!("{what} in {}", plural(self.files, "file", "files"))
    }
}

/// What a machine report may say about the run beyond the findings: the tool version
/// and the rules (as data; reporters never call into the engine).
#[derive(Clone, Debug)]
pub struct RunInfo {
    pub version: &'static str,
    /// Every registered rule, in catalogue order.
    pub rules: Vec<RuleInfo>,
    /// The ids of the rules that ran (enabled by selection and configuration).
    pub enabled: Vec<&'static str>,
}

#[derive(Clone, Debug)]
pub struct RuleInfo {
    pub id: &'static str,
    pub principle: &'static str,
    pub default_severity: Severity,
    pub summary: &'static str,
    /// The rule's documentation section (Markdown), empty if it has none.
    pub help_markdown: &'static str,
}
