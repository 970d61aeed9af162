//! `data-consent/`: principle 9, big data and AI with the customer's consent.
//! Accumulated data is an advantage competitors cannot copy, but the data belongs to the
//! customer: deep use of it requires the customer's authorisation, under the rule that
//! the customer's own data serves the customer.

use crate::engine::{Context, Rule};
use crate::finding::{Finding, Severity};
use crate::model::{Consent, CrossCustomerUse, Data, DataAdvantage, Field};

pub const NO_CONSENT: Rule = Rule {
    id: "data-consent/no-consent",
    severity: Severity::Error,
    summary: "customer data is used without opt-in consent",
    check: Some(no_consent),
    inputs: &["data.uses_customer_data"],
    thresholds: &[],
};

pub const CROSS_CUSTOMER_USE: Rule = Rule {
    id: "data-consent/cross-customer-use",
    severity: Severity::Error,
    summary: "one customer's data serves others by default",
    check: Some(cross_customer_use),
    inputs: &["data.uses_customer_data"],
    thresholds: &[],
};

pub const NO_EXIT_TERMS: Rule = Rule {
    id: "data-consent/no-exit-terms",
    severity: Severity::Warning,
    summary: "customer data is used but deletion on exit or residency is not stated",
    check: Some(no_exit_terms),
    inputs: &["data.uses_customer_data"],
    thresholds: &[],
};

pub const UNEXPLAINED_NETWORK_EFFECT: Rule = Rule {
    id: "data-consent/unexplained-network-effect",
    severity: Severity::Info,
    summary: "a network-effect data advantage is claimed without a mechanism",
    check: Some(unexplained_network_effect),
    inputs: &["data.uses_customer_data"],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[
    &NO_CONSENT,
    &CROSS_CUSTOMER_USE,
    &NO_EXIT_TERMS,
    &UNEXPLAINED_NETWORK_EFFECT,
];

fn data<'a>(cx: &'a Context) -> Option<&'a Data> {
    cx.plan.data.get().map(|v| &v.value)
}

fn no_consent(cx: &Context, out: &mut Vec<Finding>) {
    let Some(data) = data(cx) else { return };
    let Some(uses) = data.uses_customer_data.get().filter(|u| u.value) else {
        return;
    };
    let finding = match &data.consent {
        Field::Invalid => return,
        Field::Present(c) if c.value == Consent::OptIn => return,
        Field::Present(c) => Finding::new(
            &NO_CONSENT,
            c,
            format!(
                "the plan uses customer data with consent `{}`; the principle requires the customer's authorisation (`opt_in`) before its data is used",
                c.value.word()
            ),
            format!("consent: {}", c.value.word()),
        ),
        Field::Missing => Finding::new(
            &NO_CONSENT,
            cx.plan.place_of(&cx.plan.data),
            "the plan uses customer data but states no `consent`; the principle requires the customer's authorisation (`opt_in`) before its data is used",
            "no `consent` here",
        ),
    };
    out.push(
        finding
            .label(uses, "uses customer data")
            .help("set `data.consent: opt_in` and ask each customer to authorise the use of its data (in the contract or at onboarding); without it, do not use the data"),
    );
}

fn cross_customer_use(cx: &Context, out: &mut Vec<Finding>) {
    let Some(data) = data(cx) else { return };
    let Some(cross) = data.cross_customer_use.get() else {
        return;
    };
    if cross.value != CrossCustomerUse::DefaultOn {
        return;
    }
    out.push(
        Finding::new(
            &CROSS_CUSTOMER_USE,
            cross,
            "one customer's data is used for other customers by default (`default_on`); the principle says the customer's own data serves the customer",
            "cross_customer_use: default_on",
        )
        .help("set `data.cross_customer_use: opt_in_anonymized` (only customers who opt in, with anonymised data) or `none`"),
    );
}

fn no_exit_terms(cx: &Context, out: &mut Vec<Finding>) {
    let Some(data) = data(cx) else { return };
    let Some(uses) = data.uses_customer_data.get().filter(|u| u.value) else {
        return;
    };
    let residency_missing = match &data.residency {
        Field::Missing => true,
        Field::Invalid => false,
        Field::Present(_) => !data.residency.has_text(),
    };
    let deletion_missing = data.deletion_on_exit_days.is_missing();
    let (what, why, fix) = match (deletion_missing, residency_missing) {
        (true, true) => (
            "neither `deletion_on_exit_days` nor `residency`",
            "where its data is stored or when it is deleted after it leaves",
            "`deletion_on_exit_days: 30` (days until a leaving customer's data is deleted) and `residency: CN` (where the data is stored)",
        ),
        (true, false) => (
            "no `deletion_on_exit_days`",
            "when its data is deleted after it leaves",
            "`deletion_on_exit_days: 30` (days until a leaving customer's data is deleted)",
        ),
        (false, true) => (
            "no `residency`",
            "where its data is stored",
            "`residency: CN` (where the data is stored)",
        ),
        (false, false) => return,
    };
    out.push(
        Finding::new(
            &NO_EXIT_TERMS,
            cx.plan.place_of(&cx.plan.data),
            format!(
                "the plan uses customer data but states {what}: a customer cannot see {why}"
            ),
            format!("{what} here"),
        )
        .label(uses, "uses customer data")
        .help(format!(
            "state the exit terms under `data`, e.g. {fix}; the customer's data stays the customer's"
        )),
    );
}

fn unexplained_network_effect(cx: &Context, out: &mut Vec<Finding>) {
    let Some(data) = data(cx) else { return };
    let Some(advantage) = data
        .advantage
        .get()
        .filter(|a| a.value == DataAdvantage::NetworkEffect)
    else {
        return;
    };
    let unexplained = match &data.mechanism {
        Field::Missing => true,
        Field::Invalid => false,
        Field::Present(_) => !data.mechanism.has_text(),
    };
    if !unexplained {
        return;
    }
    out.push(
        Finding::new(
            &UNEXPLAINED_NETWORK_EFFECT,
            advantage,
            "the plan claims a network-effect data advantage but gives no `mechanism`: how does one more customer make the product better for the others?",
            "advantage: network_effect",
        )
        .help(
            "add `data.mechanism` with one sentence on how more customers make the engine smarter (e.g. `more SKUs seen improve cold-start forecasts`), or claim `advantage: scale`",
        ),
    );
}
