//! What a rule is: its id, default severity, summary, the inputs and thresholds it
//! reads, and its check, declared once as a constant in its principle's module.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::{Context, Finding, NotCheckedReason};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            other => Err(format!(
                "unknown severity `{other}`; expected error, warning or info"
            )),
        }
    }
}

/// A rule's check over a whole plan; it pushes its findings.
#[derive(Clone, Copy)]
pub enum Check {
    /// A built-in rule's check, declared with the rule.
    Fn(fn(&Context, &mut Vec<Finding>)),
    /// A rule made at run time (a rule pack's): its check and its documentation.
    Runtime(&'static dyn RuntimeRule),
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Check::Fn(_) => f.write_str("Check::Fn"),
            Check::Runtime(_) => f.write_str("Check::Runtime"),
        }
    }
}

/// Why a run-time rule did not run on a plan (it is then listed as not checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    pub reason: NotCheckedReason,
    /// The YAML paths that were missing or invalid.
    pub paths: Vec<String>,
}

/// A rule made at run time, such as a rule pack's: the engine runs it like a built-in
/// rule, and its documentation comes with it rather than from `rules/`.
pub trait RuntimeRule: Send + Sync {
    /// Checks one plan as `rule` (the rule this is the check of). `Err` when the rule
    /// could not run on it: it is not checked, which is never a pass.
    fn check(&self, rule: &'static Rule, cx: &Context, out: &mut Vec<Finding>) -> Result<(), Skip>;
    /// The rule's documentation in Markdown (its description and help, as written),
    /// for `planlint explain` and the reports that carry rule help.
    fn doc(&self) -> &str;
    /// The one-line help the rule's author wrote, if any.
    fn help(&self) -> Option<&str>;
}

/// One rule: its stable id (`principle/rule`), default severity, one-line summary and
/// check. The long documentation is the rule's section in `rules/<principle>.md`.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// `None` for the format rules that the loader reports while reading the plan.
    pub check: Option<Check>,
    /// The plan values the rule needs, as YAML paths. Each entry must be satisfied; an
    /// entry may offer alternatives (`a | b + c`: `a`, or both `b` and `c`), and `[*]`
    /// means "in at least one list item". A rule whose inputs are absent does not run:
    /// `plan/missing-input` reports the gap once for its principle.
    pub inputs: &'static [&'static str],
    /// The `[thresholds]` keys the rule reads.
    pub thresholds: &'static [&'static str],
}

// A rule is its id: two declarations with one id are one rule (the id is the contract).
impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

impl Rule {
    /// The rule's run-time definition, for a rule made at run time (a pack's).
    pub fn runtime(&self) -> Option<&'static dyn RuntimeRule> {
        match self.check {
            Some(Check::Runtime(r)) => Some(r),
            _ => None,
        }
    }

    /// The principle slug: the part of the id before the `/`.
    pub fn principle(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }
}
