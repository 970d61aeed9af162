//! Reporters: turn finished file reports into text. They know nothing of rules beyond
//! the fields of a `Diagnostic`, the rule data in [`RunInfo`] and the ids of the `plan/`
//! rules that mean a file did not parse ([`unparsed`]).

pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod stream;

use std::collections::HashMap;

use crate::engine::FileReport;
use crate::i18n::{Lang, Message};
use crate::lint::{NotChecked, NotCheckedReason, Severity};

pub use github::Github;
pub use gitlab::Gitlab;
pub use html::Html;
pub use human::Human;
pub use json::Json;
pub use junit::Junit;
pub use markdown::Markdown;
pub use sarif::Sarif;

/// One output format. Adding a format: a module here with a type implementing this
/// trait, and a variant of `cli::Format` mapped to it in `cli::Format::reporter`.
pub trait Reporter {
    /// The whole run's report, ready to write.
    fn render(&self, reports: &[FileReport], info: &RunInfo) -> String;

    /// True when the report quotes the source of a file with findings, so that the
    /// file's text must be kept until the report is rendered (see
    /// [`FileReport::compact`]).
    fn quotes_source(&self) -> bool {
        false
    }

    /// True when the report reads every plan's whole text (the HTML report draws each
    /// plan's figures), so that no file's text may be dropped before it is rendered.
    fn reads_plans(&self) -> bool {
        false
    }

    /// The report written file by file, for a reporter that can: its output is then
    /// byte for byte `render`'s, and memory does not grow with the files.
    fn stream(&self, _info: &RunInfo) -> Option<Box<dyn stream::Stream>> {
        None
    }
}

/// Counts over a whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files on which at least one enabled rule did not run (not in the JSON summary,
    /// whose shape is fixed; JSON lists them under `not_checked`).
    #[serde(skip)]
    pub not_fully_checked: usize,
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
        if !report.not_checked.is_empty() {
            self.not_fully_checked += 1;
        }
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

    /// `2 errors, 1 warning in 3 files`, or `no findings in 1 file`; then, when rules
    /// did not run somewhere, `; 1 file not fully checked`. In English.
    pub fn line(&self) -> String {
        self.line_in(Lang::En)
    }

    /// The summary line in `lang`: `2 个错误、1 个警告，共 3 个文件`.
    pub fn line_in(&self, lang: Lang) -> String {
        let count = |id: &'static str, n: usize| Message::new(id).count("n", n).render(lang);
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(count("report-errors", self.errors));
        }
        if self.warnings > 0 {
            parts.push(count("report-warnings", self.warnings));
        }
        if self.infos > 0 {
            parts.push(count("report-infos", self.infos));
        }
        let what = if parts.is_empty() {
            Message::new("report-no-findings").render(lang)
        } else {
            parts.join(&Message::new("report-list-separator").render(lang))
        };
        let mut line = Message::new("report-summary")
            .text("what", what)
            .count("files", self.files)
            .render(lang);
        if self.not_fully_checked > 0 {
            line.push_str(
                &Message::new("report-not-fully-checked")
                    .count("n", self.not_fully_checked)
                    .render(lang),
            );
        }
        line
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
    /// The language of the reports' own words.
    pub lang: Lang,
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

/// True when the file did not parse (or hit a safety limit before it did), so that no
/// rule could look at it.
pub fn unparsed(report: &FileReport) -> bool {
    !report.parsed
}

/// The rules that did not run on a file, each once, in the order of `enabled` (then
/// any others): the engine's `not_checked`, two entries of one rule (from two
/// documents, say) merged with their paths; and when the file did not parse, every
/// other enabled rule without a finding there, as `not-parsed`. The engine lists those
/// too; deriving them as well keeps a report right whichever fills them, and a rule
/// is never counted twice.
pub fn not_checked(report: &FileReport, enabled: &[&'static str]) -> Vec<NotChecked> {
    let mut out: Vec<NotChecked> = Vec::new();
    for n in &report.not_checked {
        match out.iter_mut().find(|o| o.rule == n.rule) {
            Some(o) => {
                for p in &n.paths {
                    if !o.paths.contains(p) {
                        o.paths.push(p.clone());
                    }
                }
            }
            None => out.push(n.clone()),
        }
    }
    if unparsed(report) {
        for &rule in enabled {
            if !out.iter().any(|o| o.rule == rule)
                && !report.findings.iter().any(|f| f.rule == rule)
            {
                out.push(NotChecked {
                    rule,
                    reason: NotCheckedReason::NotParsed,
                    paths: Vec::new(),
                });
            }
        }
    }
    let rank = |rule: &str| {
        enabled
            .iter()
            .position(|r| *r == rule)
            .unwrap_or(usize::MAX)
    };
    out.sort_by_key(|n| rank(n.rule));
    out
}

/// Why one rule did not run, in a few words: `missing input unit_economics.acv`.
/// Raw plan text (paths): escape it for the medium.
pub fn not_checked_reason(n: &NotChecked) -> String {
    if n.paths.is_empty() {
        n.reason.describe().to_string()
    } else {
        format!("{} {}", n.reason.describe(), n.paths.join(", "))
    }
}

/// The rules that did not run, grouped by why (in the order of the reasons): the
/// reason, the paths it concerns and the rules.
pub fn not_checked_groups(list: &[NotChecked]) -> Vec<(NotCheckedReason, Vec<&str>, Vec<&str>)> {
    let mut reasons: Vec<NotCheckedReason> = list.iter().map(|n| n.reason).collect();
    reasons.sort();
    reasons.dedup();
    reasons
        .into_iter()
        .map(|reason| {
            let mut paths: Vec<&str> = Vec::new();
            let mut rules: Vec<&str> = Vec::new();
            for n in list.iter().filter(|n| n.reason == reason) {
                rules.push(n.rule);
                for p in &n.paths {
                    if !paths.contains(&p.as_str()) {
                        paths.push(p);
                    }
                }
            }
            (reason, paths, rules)
        })
        .collect()
}

/// The rules that did not run, grouped by why: `3 rules (missing input
/// unit_economics.acv: large-customers/acv-floor, large-customers/ltv-floor; the file
/// could not be parsed: 12 rules)`. Raw plan text (paths): escape it for the medium.
pub fn not_checked_summary(list: &[NotChecked]) -> String {
    not_checked_summary_in(list, Lang::En)
}

/// [`not_checked_summary`] in `lang`.
pub fn not_checked_summary_in(list: &[NotChecked], lang: Lang) -> String {
    let groups: Vec<String> = not_checked_groups(list)
        .into_iter()
        .map(|(reason, paths, rules)| {
            let mut head = Message::new("report-reason")
                .text("reason", reason.as_str())
                .render(lang);
            // A long list reads better by principle: a plan that lacks whole sections
            // would otherwise name dozens of paths and rules on one line (the JSON report
            // keeps every one).
            if paths.len() > LONG_LIST {
                head = format!(
                    "{head} {}",
                    Message::new("report-paths")
                        .count("n", paths.len())
                        .render(lang)
                );
            } else if !paths.is_empty() {
                head = format!("{head} {}", paths.join(", "));
            }
            let list = if reason == NotCheckedReason::NotParsed {
                rules_count_in(rules.len(), lang)
            } else if rules.len() > LONG_LIST {
                by_principle(&rules, lang)
            } else {
                rules.join(", ")
            };
            Message::new("report-reason-rules")
                .text("reason", head)
                .text("rules", list)
                .render(lang)
        })
        .collect();
    Message::new("report-not-checked-rules")
        .text("count", rules_count_in(list.len(), lang))
        .text(
            "groups",
            groups.join(&Message::new("report-group-separator").render(lang)),
        )
        .render(lang)
}

/// Past this many paths or rules, a not-checked group is summed up by principle.
const LONG_LIST: usize = 6;

/// `customer-focus (7 rules), trust-vision (3 rules)`, in order of first appearance.
fn by_principle(rules: &[&str], lang: Lang) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for r in rules {
        let p = r.split_once('/').map_or(*r, |(p, _)| p);
        match counts.iter_mut().find(|(q, _)| *q == p) {
            Some((_, n)) => *n += 1,
            None => counts.push((p, 1)),
        }
    }
    counts
        .iter()
        .map(|(p, n)| format!("{p} ({})", rules_count_in(*n, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn rules_count(n: usize) -> String {
    rules_count_in(n, Lang::En)
}

/// `3 rules`, `3 条规则`.
pub fn rules_count_in(n: usize, lang: Lang) -> String {
    Message::new("report-rules").count("n", n).render(lang)
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
