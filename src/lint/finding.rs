//! What a rule reports: a `Finding` with one primary span, labelled spans and a help text.

use serde::Serialize;

use super::{Rule, Severity};
use crate::i18n::{Lang, Message};
use crate::model::Place;
pub use crate::model::value::{Notation, Round};
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
    /// A change to the plan that resolves the finding, when one can be made mechanically.
    pub fix: Option<Fix>,
    /// Other changes that each resolve the finding on their own, when the help proposes
    /// several (cut CAC, or raise ACV, or raise the margin): always unsafe, offered to
    /// the reader and the editor, never applied by `--fix`.
    pub alternatives: Vec<Fix>,
}

/// Whether `planlint --fix` applies a fix on its own (`Safe`: it only writes what the
/// plan already says, in its own notation) or only with `--unsafe-fixes` (`Unsafe`: it
/// changes the business the plan describes, or a value several places share).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Unsafe,
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// The text an edit writes.
#[derive(Clone, Debug, PartialEq)]
pub enum Replacement {
    /// This text, as is.
    Text(String),
    /// A new number for the value at the edit's span, written in the notation the plan
    /// uses there (the engine reads the span's text to write it).
    Value {
        value: f64,
        notation: Notation,
        round: Round,
    },
    /// Nothing: the items of a list at the edit's span are removed. In a flow list the
    /// span goes (`, dairy, beverages`); in a block list whole lines go, with their
    /// comments, from the end of the line the span starts on to the end of the line it
    /// ends on (the comments of the items kept stay with them).
    RemoveItems,
}

/// One change: the bytes of `span` replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub span: Span,
    pub replacement: Replacement,
    /// The YAML path of the value edited (`unit_economics.ltv`), for the fix's title.
    pub path: String,
}

/// A fix, as data: its title (worded late; the engine adds the argument `changes`, the
/// edits as written, e.g. "`ltv: 60万`"), whether it is safe, and its edits (none of them
/// overlapping).
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub title: Message,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
    /// A note on where the value is really defined (an anchor several places share).
    pub note: Option<Message>,
}

impl Fix {
    /// A fix that only writes what the plan already says.
    pub fn safe(title: impl Into<Message>) -> Self {
        Self {
            title: title.into(),
            applicability: Applicability::Safe,
            edits: Vec::new(),
            note: None,
        }
    }

    /// A fix that changes the business the plan describes: offered, never applied by
    /// `--fix` alone.
    pub fn unsafe_(title: impl Into<Message>) -> Self {
        Self {
            applicability: Applicability::Unsafe,
            ..Self::safe(title)
        }
    }

    /// A change to the business the plan describes (unsafe), titled by its edits:
    /// "change `acv: 60k`".
    pub fn change() -> Self {
        Self::unsafe_(Message::new("fix-change"))
    }

    /// A derived figure rewritten to the value its inputs give (safe), titled by its
    /// edits: "write the computed value `ltv: 600k`".
    pub fn computed() -> Self {
        Self::safe(Message::new("fix-computed"))
    }

    /// Replaces the bytes of `place` with `text`.
    pub fn replace(mut self, place: impl Into<Place>, text: impl Into<String>) -> Self {
        let place = place.into();
        self.edits.push(Edit {
            span: place.span,
            replacement: Replacement::Text(text.into()),
            path: place.path,
        });
        self
    }

    /// Removes the list items written at `place` (see [`Replacement::RemoveItems`]).
    pub fn remove_items(mut self, place: impl Into<Place>) -> Self {
        let place = place.into();
        self.edits.push(Edit {
            span: place.span,
            replacement: Replacement::RemoveItems,
            path: place.path,
        });
        self
    }

    /// Writes `value` at `place` in the notation the plan uses there.
    pub fn set(
        mut self,
        place: impl Into<Place>,
        value: f64,
        notation: Notation,
        round: Round,
    ) -> Self {
        let place = place.into();
        self.edits.push(Edit {
            span: place.span,
            replacement: Replacement::Value {
                value,
                notation,
                round,
            },
            path: place.path,
        });
        self
    }
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
            fix: None,
            alternatives: Vec::new(),
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

    /// Offers a fix; `None` (a rule found no change that passes) offers nothing.
    pub fn fix(mut self, fix: impl Into<Option<Fix>>) -> Self {
        if let Some(fix) = fix.into() {
            self.fix = Some(fix);
        }
        self
    }

    /// Offers another way to resolve the finding, besides its fix (or the first way, when
    /// there is no fix yet): unsafe whatever `fix` says. `None` offers nothing.
    pub fn alternative(mut self, fix: impl Into<Option<Fix>>) -> Self {
        let Some(fix) = fix.into() else {
            return self;
        };
        let fix = Fix {
            applicability: Applicability::Unsafe,
            ..fix
        };
        if self.fix.is_none() {
            self.fix = Some(fix);
        } else {
            self.alternatives.push(fix);
        }
        self
    }

    /// The fix and its alternatives.
    pub fn fixes(&self) -> impl Iterator<Item = &Fix> {
        self.fix.iter().chain(&self.alternatives)
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
            fix: self.fix.as_ref().and_then(|f| f.render(lang)),
            alternatives: self
                .alternatives
                .iter()
                .filter_map(|f| f.render(lang))
                .collect(),
        }
    }
}

impl Fix {
    /// The fix worded in `lang`, when its edits are plain text (the engine resolves them
    /// before rendering; a fix left with a value to write is not offered).
    pub fn render(&self, lang: Lang) -> Option<DiagnosticFix> {
        let edits = self
            .edits
            .iter()
            .map(|e| match &e.replacement {
                Replacement::Text(t) => Some(TextEdit {
                    span: e.span,
                    text: t.clone(),
                }),
                Replacement::Value { .. } | Replacement::RemoveItems => None,
            })
            .collect::<Option<Vec<_>>>()?;
        if edits.is_empty() {
            return None;
        }
        Some(DiagnosticFix {
            title: self.title.render(lang),
            applicability: self.applicability,
            edits,
            note: self.note.as_ref().map(|n| n.render(lang)),
        })
    }
}

/// An edit of a [`DiagnosticFix`]: the bytes of `span` become `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub text: String,
}

/// A fix worded in one language, with its edits as text: what reports and `--fix` read.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticFix {
    pub title: String,
    pub applicability: Applicability,
    /// Sorted by offset, none overlapping.
    pub edits: Vec<TextEdit>,
    pub note: Option<String>,
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
    /// The fix offered, if any.
    pub fix: Option<DiagnosticFix>,
    /// Other fixes, each resolving the finding on its own (all unsafe).
    pub alternatives: Vec<DiagnosticFix>,
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
            fix: None,
            alternatives: Vec::new(),
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
