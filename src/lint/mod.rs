//! The linter's core vocabulary, which every rule module depends on and which depends on
//! no rule: what a [`Rule`] is, the [`Finding`] it reports (data, worded late in the
//! reader's language), the [`Context`] it reads, the [`Settings`] of a run and the
//! [`Registry`] of rules a run checks, with selectors and "did you mean" suggestions.

mod context;
mod finding;
mod registry;
mod rule;
mod settings;

pub use context::{Context, EPSILON, Metrics, differs};
pub use finding::{Diagnostic, DiagnosticLabel, Finding, Label, NotChecked, NotCheckedReason};
pub use registry::{DuplicateRule, Registry, nearest, selector_matches};
pub use rule::{Check, Rule, RuntimeRule, Severity, Skip};
pub use settings::Settings;
