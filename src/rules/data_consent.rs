//! `data-consent/`: principle 9, big data and AI with the customer's consent.
//! Accumulated data is an advantage competitors cannot copy, but the data belongs to the
//! customer: deep use of it requires the customer's authorisation, under the rule that
//! the customer's own data serves the customer.

use crate::i18n::Message;
use crate::lint::{Check, Context, Rule};
use crate::lint::{Finding, Severity};
use crate::model::{Consent, CrossCustomerUse, Data, DataAdvantage, Field};

pub const NO_CONSENT: Rule = Rule {
    id: "data-consent/no-consent",
    severity: Severity::Error,
    summary: "customer data is used without opt-in consent",
    check: Some(Check::Fn(no_consent)),
    inputs: &["data.uses_customer_data"],
    thresholds: &[],
};

pub const CROSS_CUSTOMER_USE: Rule = Rule {
    id: "data-consent/cross-customer-use",
    severity: Severity::Error,
    summary: "one customer's data serves others by default",
    check: Some(Check::Fn(cross_customer_use)),
    inputs: &["data.uses_customer_data"],
    thresholds: &[],
};

pub const NO_EXIT_TERMS: Rule = Rule {
    id: "data-consent/no-exit-terms",
    severity: Severity::Warning,
    summary: "customer data is used but deletion on exit or residency is not stated",
    check: Some(Check::Fn(no_exit_terms)),
    inputs: &["data.uses_customer_data"],
    thresholds: &[],
};

pub const UNEXPLAINED_NETWORK_EFFECT: Rule = Rule {
    id: "data-consent/unexplained-network-effect",
    severity: Severity::Info,
    summary: "a network-effect data advantage is claimed without a mechanism",
    check: Some(Check::Fn(unexplained_network_effect)),
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
            Message::new("data-consent-no-consent").text("consent", c.value.word()),
            Message::new("data-consent-no-consent.label").text("consent", c.value.word()),
        ),
        Field::Missing => Finding::new(
            &NO_CONSENT,
            cx.plan.place_of(&cx.plan.data),
            Message::new("data-consent-no-consent-missing"),
            Message::new("data-consent-no-consent-missing.label"),
        ),
    };
    out.push(
        finding
            .label(uses, Message::new("data-consent-uses-customer-data"))
            .help(Message::new("data-consent-no-consent.help")),
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
            Message::new("data-consent-cross-customer-use"),
            Message::new("data-consent-cross-customer-use.label"),
        )
        .help(Message::new("data-consent-cross-customer-use.help")),
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
    // Which terms are missing selects the wording in the message files.
    let missing = match (deletion_missing, residency_missing) {
        (true, true) => "both",
        (true, false) => "deletion",
        (false, true) => "residency",
        (false, false) => return,
    };
    let with = |id: &'static str| Message::new(id).text("missing", missing);
    out.push(
        Finding::new(
            &NO_EXIT_TERMS,
            cx.plan.place_of(&cx.plan.data),
            with("data-consent-no-exit-terms"),
            with("data-consent-no-exit-terms.label"),
        )
        .label(uses, Message::new("data-consent-uses-customer-data"))
        .help(with("data-consent-no-exit-terms.help")),
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
            Message::new("data-consent-unexplained-network-effect"),
            Message::new("data-consent-unexplained-network-effect.label"),
        )
        .help(Message::new("data-consent-unexplained-network-effect.help")),
    );
}
