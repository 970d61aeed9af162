//! What a rule is: its id, default severity, summary, the inputs and thresholds it
//! reads, and its check, declared once as a constant in its principle's module.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::{Context, Finding};

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

/// A check over a whole plan; it pushes its findings.
pub type Check = fn(&Context, &mut Vec<Finding>);

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
    /// The principle slug: the part of the id before the `/`.
    pub fn principle(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }
}
