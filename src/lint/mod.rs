//! The linter's core vocabulary, which every rule module depends on and which depends on
//! no rule: what a [`Rule`] is, the [`Finding`] it reports (data, worded late in the
//! reader's language), the [`Context`] it reads, the [`Settings`] of a run and the
//! [`Registry`] of rules a run checks, with selectors and "did you mean" suggestions.

mod context;
mod finding;
mod registry;
mod resolve;
mod rule;
mod settings;

pub use context::{Context, EPSILON, Metrics, differs};
pub use finding::{
    Applicability, Diagnostic, DiagnosticFix, DiagnosticLabel, Edit, Finding, Fix, Label,
    NotChecked, NotCheckedReason, Notation, Replacement, Round, TextEdit,
};
pub use registry::{DuplicateRule, Registry, nearest, nearest_unique, selector_matches};
pub use resolve::resolve_fixes;
pub use rule::{Check, Rule, RuntimeRule, Severity, Skip};
pub use settings::Settings;
