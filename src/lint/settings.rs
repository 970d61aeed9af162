//! The settings of one lint run: the rules it checks, their severities, the thresholds
//! in force, the limits on reading a file and the language of the report.

use std::collections::BTreeMap;

use super::{Registry, Rule, Severity};
use crate::thresholds::{FxRates, Thresholds};
use crate::yaml;

/// Settings that shape one lint run. `Settings::default()` (a run with no
/// `planlint.toml`: the built-in rules at their default severities) is defined where
/// settings come from, in `crate::config`.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The rules this run checks.
    pub registry: Registry,
    pub thresholds: Thresholds,
    pub fx: FxRates,
    /// Severity overrides by rule id; `None` turns a rule off.
    pub severities: BTreeMap<&'static str, Option<Severity>>,
    /// Ignore `planlint-disable` comments.
    pub no_inline_suppressions: bool,
    /// Safety limits on reading one file.
    pub limits: yaml::Limits,
    /// The language findings are worded in.
    pub lang: crate::i18n::Lang,
}

impl Settings {
    /// The severity a rule runs at, or `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        match self.severities.get(rule.id) {
            Some(s) => *s,
            None => Some(rule.severity),
        }
    }
}
