//! `plan/`: the format itself. Most of these are reported by the loader while it reads
//! the plan (`model::load`); they are registered here so that they can be listed,
//! explained, configured and suppressed like every other rule.

use crate::engine::{Context, Rule};
use crate::finding::{Finding, Severity};
use crate::i18n::Message;

pub const SYNTAX: Rule = Rule {
    id: "plan/syntax",
    severity: Severity::Error,
    summary: "the file is not valid YAML",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const INVALID_VALUE: Rule = Rule {
    id: "plan/invalid-value",
    severity: Severity::Error,
    summary: "a value has the wrong type, an unknown enum word, an unparseable amount or a reversed range",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const UNKNOWN_KEY: Rule = Rule {
    id: "plan/unknown-key",
    // An error: a misspelt key hides its value from every rule that would read it.
    severity: Severity::Error,
    summary: "a key the plan format does not define",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const DUPLICATE_KEY: Rule = Rule {
    id: "plan/duplicate-key",
    severity: Severity::Error,
    summary: "a key appears twice in one mapping",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const UNUSED_SUPPRESSION: Rule = Rule {
    id: "plan/unused-suppression",
    severity: Severity::Warning,
    summary: "a suppression comment that suppressed nothing",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const NO_FX_RATE: Rule = Rule {
    id: "plan/no-fx-rate",
    severity: Severity::Error,
    summary: "the plan's currency differs from the thresholds' and no exchange rate is configured",
    check: Some(no_fx_rate),
    inputs: &[],
    thresholds: &[],
};

pub const LIMIT: Rule = Rule {
    id: "plan/limit",
    severity: Severity::Error,
    summary: "the file exceeds a safety limit (size, nesting depth, nodes or alias expansion)",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const MISSING_INPUT: Rule = Rule {
    id: "plan/missing-input",
    severity: Severity::Error,
    summary: "a principle cannot be fully checked: values its rules need are missing",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const MISSING_CURRENCY: Rule = Rule {
    id: "plan/missing-currency",
    severity: Severity::Error,
    summary: "the plan names no currency and its amounts do not agree on one",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const INFERRED_CURRENCY: Rule = Rule {
    id: "plan/inferred-currency",
    severity: Severity::Info,
    summary: "the plan names no currency; the one its amounts name is used",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[
    &SYNTAX,
    &INVALID_VALUE,
    &UNKNOWN_KEY,
    &DUPLICATE_KEY,
    &UNUSED_SUPPRESSION,
    &NO_FX_RATE,
    &LIMIT,
    &MISSING_INPUT,
    &MISSING_CURRENCY,
    &INFERRED_CURRENCY,
];

fn no_fx_rate(cx: &Context, out: &mut Vec<Finding>) {
    let plan_currency = cx.currency();
    let threshold_currency = cx.thresholds.currency.as_str();
    // An unknown currency is `plan/missing-currency`'s to report.
    if plan_currency.is_empty()
        || plan_currency == threshold_currency
        || cx.fx.0.contains_key(plan_currency)
    {
        return;
    }
    let place = match cx.plan.currency.get() {
        Some(v) => v.into(),
        None => cx.plan.document.clone(),
    };
    out.push(
        Finding::new(
            &NO_FX_RATE,
            place,
            Message::new("plan-no-fx-rate")
                .text("plan_currency", plan_currency)
                .text("threshold_currency", threshold_currency),
            Message::new("plan-no-fx-rate.label").text("plan_currency", plan_currency),
        )
        .help(fx_help(plan_currency, threshold_currency)),
    );
}

/// How to give the money rules thresholds in the plan's currency: a preset in that
/// currency first, when there is one, else a rate. One line: TOML is quoted inline.
fn fx_help(plan_currency: &str, threshold_currency: &str) -> Message {
    let preset = crate::config::Preset::ALL
        .iter()
        .find(|p| p.thresholds().currency == plan_currency);
    let help = match preset {
        Some(p) => Message::new("plan-no-fx-rate-preset").text("preset", p.name()),
        None => Message::new("plan-no-fx-rate.help"),
    };
    help.text("plan_currency", plan_currency)
        .text("threshold_currency", threshold_currency)
}
