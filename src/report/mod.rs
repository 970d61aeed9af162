//! Reporters: turn finished file reports into text. They know nothing of rules beyond
//! the fields of a `Finding` and the rule data in [`RunInfo`].

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use std::collections::HashMap;

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
        let mut s = Summary::default();
        for r in reports {
            s.add(r);
        }
        s
    }

    /// Counts one more file and its findings.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        for f in &report.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// The most severe finding counted, if any.
    pub fn worst(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else if self.infos > 0 {
            Some(Severity::Info)
        } else {
            None
        }
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

impl RunInfo {
    /// The rule's data, if it is registered.
    pub fn rule(&self, id: &str) -> Option<&RuleInfo> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The principle slugs, in catalogue order.
    pub fn principles(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for r in &self.rules {
            if !out.contains(&r.principle) {
                out.push(r.principle);
            }
        }
        out
    }
}

/// A file name as CI tools want it: forward slashes and no leading `./`, otherwise
/// exactly as given (a relative name stays relative to where planlint ran).
pub fn ci_path(name: &str) -> String {
    let mut p = name.replace('\\', "/");
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/').to_string();
    }
    p
}

/// One fingerprint per finding of `report`, in order: the hex FNV-1a 128 hash of the
/// file ([`ci_path`]), the rule id, the YAML path and the occurrence index of that
/// triple in the file. No line or column goes in, so the fingerprint of a finding
/// survives edits elsewhere in the file; the occurrence index keeps two findings of one
/// rule on one path (in two documents, say) apart. Used by GitLab and SARIF.
pub fn fingerprints(report: &FileReport) -> Vec<String> {
    let file = ci_path(&report.file.name);
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    report
        .findings
        .iter()
        .map(|f| {
            let n = seen.entry((f.rule, f.path.as_str())).or_insert(0);
            let occurrence = *n;
            *n += 1;
            let key = format!(
                "planlint-fingerprint-v1\0{file}\0{}\0{}\0{occurrence}",
                f.rule, f.path
            );
            format!("{:032x}", fnv1a_128(key.as_bytes()))
        })
        .collect()
}

/// FNV-1a, 128 bits: small, specified, and the same on every platform and Rust release
/// (unlike `std`'s `DefaultHasher`).
pub fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u128::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_128_matches_the_reference_vectors() {
        assert_eq!(fnv1a_128(b""), 0x6c62272e07bb014262b821756295c58d);
        assert_eq!(fnv1a_128(b"a"), 0xd228cb696f1a8caf78912b704e4a8964);
    }

    #[test]
    fn ci_path_uses_forward_slashes_and_drops_dot_slash() {
        assert_eq!(ci_path("plans\\acme.plan.yaml"), "plans/acme.plan.yaml");
        assert_eq!(ci_path("./plans/acme.plan.yaml"), "plans/acme.plan.yaml");
        assert_eq!(ci_path(".//a.plan.yaml"), "a.plan.yaml");
        assert_eq!(ci_path("/abs/plan.yaml"), "/abs/plan.yaml");
        assert_eq!(ci_path("../up/plan.yaml"), "../up/plan.yaml");
    }
}
