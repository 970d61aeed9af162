//! `plan/`: the format itself. Most of these are reported by the loader while it reads
//! the plan (`model::load`); they are registered here so that they can be listed,
//! explained, configured and suppressed like every other rule.

use crate::engine::{Context, Rule};
use crate::finding::{Finding, Severity};

pub const SYNTAX: Rule = Rule {
    id: "plan/syntax",
    severity: Severity::Error,
    summary: "the file is not valid YAML",
    check: None,
};

pub const INVALID_VALUE: Rule = Rule {
    id: "plan/invalid-value",
    severity: Severity::Error,
    summary: "a value has the wrong type, an unknown enum word, an unparseable amount or a reversed range",
    check: None,
};

pub const UNKNOWN_KEY: Rule = Rule {
    id: "plan/unknown-key",
    severity: Severity::Warning,
    summary: "a key the plan format does not define",
    check: None,
};

pub const DUPLICATE_KEY: Rule = Rule {
    id: "plan/duplicate-key",
    severity: Severity::Error,
    summary: "a key appears twice in one mapping",
    check: None,
};

pub const UNUSED_SUPPRESSION: Rule = Rule {
    id: "plan/unused-suppression",
    severity: Severity::Warning,
    summary: "a suppression comment that suppressed nothing",
    check: None,
};

pub const NO_FX_RATE: Rule = Rule {
    id: "plan/no-fx-rate",
    severity: Severity::Error,
    summary: "the plan's currency differs from the thresholds' and no exchange rate is configured",
    check: Some(no_fx_rate),
};

pub const LIMIT: Rule = Rule {
    id: "plan/limit",
    severity: Severity::Error,
    summary: "the file exceeds a safety limit (size, nesting depth, nodes or alias expansion)",
    check: None,
};

pub static RULES: &[&Rule] = &[
    &SYNTAX,
    &INVALID_VALUE,
    &UNKNOWN_KEY,
    &DUPLICATE_KEY,
    &UNUSED_SUPPRESSION,
    &NO_FX_RATE,
    &LIMIT,
];

fn no_fx_rate(cx: &Context, out: &mut Vec<Finding>) {
    let plan_currency = cx.currency();
    let threshold_currency = cx.thresholds.currency.as_str();
    if plan_currency == threshold_currency || cx.fx.0.contains_key(plan_currency) {
        return;
    }
    let place = match cx.plan.currency.get() {
        Some(v) => v.into(),
        None => cx.plan.document.clone(),
    };
    out.push(
        Finding::new(
            NO_FX_RATE.id,
            place,
            format!(
                "the plan is in {plan_currency} but the thresholds are in {threshold_currency}, and no exchange rate is configured"
            ),
            format!("{plan_currency} has no rate"),
        )
        .help(format!(
            "add `[fx]\n{plan_currency} = <{threshold_currency} per {plan_currency}>` to planlint.toml, or choose a preset in {plan_currency}; until then the rules with money thresholds are skipped for this file"
        )),
    );
}
