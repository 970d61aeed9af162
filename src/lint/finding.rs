//! What a rule reports: a `Finding` with one primary span, labelled spans and a help text.

use serde::Serialize;

use super::{Rule, Severity};
use crate::i18n::{Lang, Message};
use crate::model::Place;
use crate::source::Span;

/// A labelled span, as data: its words are rendered late, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: Message,
}

/// What a rule found, as data: the rule, where, and messages carrying the values it
/// compared. Reports render it in the chosen language (see [`Finding::render`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule, as declared.
    pub rule: &'static Rule,
    /// Filled in by the engine from the rule's default (or configured) severity.
    pub severity: Severity,
    pub message: Message,
    /// The primary span: the value that breaks the rule.
    pub span: Span,
    /// The YAML path of the primary value (`unit_economics.acv`), empty for the document.
    pub path: String,
    /// Every labelled span, the primary one first.
    pub labels: Vec<Label>,
    pub help: Option<Message>,
    /// The most severe this finding may be, whatever its rule's severity: a rule that
    /// reports on an assumption rather than a stated value says so with a milder level.
    pub max_severity: Option<Severity>,
}

impl Finding {
    /// A finding of `rule` at `place` whose primary label says `label`.
    pub fn new(
        rule: &'static Rule,
        place: impl Into<Place>,
        message: impl Into<Message>,
        label: impl Into<Message>,
    ) -> Self {
        let place = place.into();
        Self {
            rule,
            severity: rule.severity,
            message: message.into(),
            span: place.span,
            path: place.path,
            labels: vec![Label {
                span: place.span,
                message: label.into(),
            }],
            help: None,
            max_severity: None,
        }
    }

    /// The rule's id, `principle/rule`.
    pub fn id(&self) -> &'static str {
        self.rule.id
    }

    /// True when the finding is of `rule`.
    pub fn is(&self, rule: &Rule) -> bool {
        self.rule.id == rule.id
    }

    /// Adds a secondary label on another value the rule compared.
    pub fn label(mut self, place: impl Into<Place>, message: impl Into<Message>) -> Self {
        let place = place.into();
        self.labels.push(Label {
            span: place.span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Caps the finding's severity (see `max_severity`).
    pub fn at_most(mut self, severity: Severity) -> Self {
        self.max_severity = Some(severity);
        self
    }

    /// The finding worded in `lang`. A principle's finding ends its help by pointing at
    /// the rule's documentation.
    pub fn render(&self, lang: Lang) -> Diagnostic {
        let mut help = self.help.as_ref().map(|h| h.render(lang));
        if self.rule.principle() != "plan" {
            let see = Message::new("see-explain")
                .text("id", self.rule.id)
                .render(lang);
            help = Some(match help {
                Some(h) => match lang {
                    Lang::En => format!("{h}; {see}"),
                    Lang::Zh => format!("{h}；{see}"),
                },
                None => see,
            });
        }
        Diagnostic {
            rule: self.rule.id,
            severity: self.severity,
            message: self.message.render(lang),
            span: self.span,
            path: self.path.clone(),
            labels: self
                .labels
                .iter()
                .map(|l| DiagnosticLabel {
                    span: l.span,
                    message: l.message.render(lang),
                })
                .collect(),
            help,
        }
    }
}

/// A labelled span of a [`Diagnostic`], worded.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticLabel {
    pub span: Span,
    pub message: String,
}

/// A finding worded in one language: what reports show. Reporters know nothing of rules
/// beyond the id.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The rule id, `principle/rule`.
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub path: String,
    /// Every labelled span, the primary one first.
    pub labels: Vec<DiagnosticLabel>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic written out directly (reports' own tests, config problems).
    pub fn new(
        rule: &'static str,
        place: impl Into<Place>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        let place = place.into();
        Self {
            rule,
            severity: Severity::Error,
            message: message.into(),
            span: place.span,
            path: place.path,
            labels: vec![DiagnosticLabel {
                span: place.span,
                message: label.into(),
            }],
            help: None,
        }
    }

    pub fn label(mut self, place: impl Into<Place>, message: impl Into<String>) -> Self {
        let place = place.into();
        self.labels.push(DiagnosticLabel {
            span: place.span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Why a rule did not run on a file. A rule that did not run is never a pass: every
/// report lists these (JSON `not_checked`, JUnit `<skipped>`, the scorecard's "not
/// checked", SARIF notifications).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotCheckedReason {
    /// An input the rule reads is absent from the plan.
    MissingInput,
    /// An input the rule reads is present but could not be read (it has its own
    /// `plan/invalid-value` finding).
    InvalidValue,
    /// The rule compares money with a threshold in another currency and no rate is set.
    NoFxRate,
    /// The plan names no currency and its amounts do not agree on one.
    MissingCurrency,
    /// The file did not parse (or hit a safety limit), so no rule could run.
    NotParsed,
}

impl NotCheckedReason {
    pub fn as_str(self) -> &'static str {
        match self {
            NotCheckedReason::MissingInput => "missing-input",
            NotCheckedReason::InvalidValue => "invalid-value",
            NotCheckedReason::NoFxRate => "no-fx-rate",
            NotCheckedReason::MissingCurrency => "missing-currency",
            NotCheckedReason::NotParsed => "not-parsed",
        }
    }

    /// A short English phrase for reports: `missing input`.
    pub fn describe(self) -> &'static str {
        match self {
            NotCheckedReason::MissingInput => "missing input",
            NotCheckedReason::InvalidValue => "invalid value",
            NotCheckedReason::NoFxRate => "no exchange rate for the thresholds' currency",
            NotCheckedReason::MissingCurrency => "the plan names no currency",
            NotCheckedReason::NotParsed => "the file could not be parsed",
        }
    }
}

/// A rule that did not run on a file, why, and the YAML paths it lacked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NotChecked {
    pub rule: &'static str,
    pub reason: NotCheckedReason,
    /// The YAML paths that were missing or invalid (`unit_economics.acv`); empty when the
    /// reason concerns the whole file.
    pub paths: Vec<String>,
}
