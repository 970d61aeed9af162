//! `product-cycle/`: principle 5, standardise, customise, standardise again.
//! The plan's product cycle must have both kinds of phase, every module built for a
//! customer must later become standard, and services must stay a small share of revenue.

use crate::engine::{Context, Rule};
use crate::finding::{Finding, Severity};
use crate::model::value::format_percent;
use crate::model::{CyclePhase, Field, Phase, Place, Val};

pub const NO_CYCLE: Rule = Rule {
    id: "product-cycle/no-cycle",
    severity: Severity::Warning,
    summary: "product.cycle lacks a standardize or a customize phase",
    check: Some(no_cycle),
    inputs: &["product.cycle"],
    thresholds: &[],
};

pub const CUSTOM_NOT_PRODUCTIZED: Rule = Rule {
    id: "product-cycle/custom-not-productized",
    severity: Severity::Warning,
    summary: "a customize phase's module never appears in a later standardize phase",
    check: Some(custom_not_productized),
    inputs: &["product.cycle"],
    thresholds: &[],
};

pub const SERVICES_HEAVY: Rule = Rule {
    id: "product-cycle/services-heavy",
    severity: Severity::Warning,
    summary: "services revenue is above the maximum share of subscription revenue",
    check: Some(services_heavy),
    inputs: &["product.services_share"],
    thresholds: &["max_services_share"],
};

pub static RULES: &[&Rule] = &[&NO_CYCLE, &CUSTOM_NOT_PRODUCTIZED, &SERVICES_HEAVY];

const EPS: f64 = 1e-9;

const PRINCIPLE: &str = "the principle asks to standardise, customise for the fast-growing customers, then standardise the custom modules again";

const CYCLE_HELP: &str = "describe the cycle in order, e.g. `- { phase: standardize, period: 2025, scope: core }`, `- { phase: customize, period: 2026H1, modules: [m], for_customers: [A] }`, `- { phase: standardize, period: 2026H2, modules: [m] }`";

fn no_cycle(cx: &Context, out: &mut Vec<Finding>) {
    let (place, message, label): (Place, String, &str) = match &cx.plan.product {
        Field::Invalid => return,
        Field::Missing => (
            cx.plan.document.clone(),
            format!("the plan has no `product.cycle`: {PRINCIPLE}"),
            "no `product` section",
        ),
        Field::Present(product) => match &product.value.cycle {
            Field::Invalid => return,
            Field::Missing => (
                product.into(),
                format!("`product` has no `cycle`: {PRINCIPLE}"),
                "no `cycle`",
            ),
            Field::Present(cycle) => {
                let phases = &cycle.value;
                if phases
                    .iter()
                    .any(|p| matches!(p.value.phase, Field::Invalid))
                {
                    return;
                }
                let has = |want: Phase| phases.iter().any(|p| p.value.phase.value() == Some(want));
                let (what, label) = match (has(Phase::Standardize), has(Phase::Customize)) {
                    (true, true) => return,
                    (false, true) => ("no `standardize` phase", "no `standardize` phase"),
                    (true, false) => ("no `customize` phase", "no `customize` phase"),
                    (false, false) => (
                        "neither a `standardize` nor a `customize` phase",
                        "no `standardize` or `customize` phase",
                    ),
                };
                (
                    cycle.into(),
                    format!("`product.cycle` has {what}: {PRINCIPLE}"),
                    label,
                )
            }
        },
    };
    out.push(Finding::new(&NO_CYCLE, place, message, label).help(CYCLE_HELP));
}

/// A module name as compared between phases.
fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn custom_not_productized(cx: &Context, out: &mut Vec<Finding>) {
    let Some(product) = cx.plan.product.get() else {
        return;
    };
    let Some(cycle) = product.value.cycle.get() else {
        return;
    };
    let phases: &[Val<CyclePhase>] = &cycle.value;
    for (i, phase) in phases.iter().enumerate() {
        let Some(kind) = phase.value.phase.get() else {
            continue;
        };
        if kind.value != Phase::Customize {
            continue;
        }
        let Some(modules) = phase.value.modules.get() else {
            continue;
        };
        let later = phases.get(i + 1..).unwrap_or_default();
        // A later phase the rules cannot read might be the one that standardises it.
        let unreadable = later.iter().any(|p| {
            matches!(p.value.phase, Field::Invalid)
                || (p.value.phase.value() == Some(Phase::Standardize)
                    && matches!(p.value.modules, Field::Invalid))
        });
        if unreadable {
            continue;
        }
        let standardized: Vec<String> = later
            .iter()
            .filter(|p| p.value.phase.value() == Some(Phase::Standardize))
            .filter_map(|p| p.value.modules.get())
            .flat_map(|m| m.value.iter().map(|v| key(&v.value)))
            .collect();
        let period = phase
            .value
            .period
            .get()
            .map_or_else(String::new, |p| format!(" ({})", p.value));
        for module in &modules.value {
            if key(&module.value).is_empty() || standardized.contains(&key(&module.value)) {
                continue;
            }
            out.push(
                Finding::new(
                    &CUSTOM_NOT_PRODUCTIZED,
                    module,
                    format!(
                        "module `{}`, built in the customize phase{period}, never appears in a later standardize phase",
                        module.value
                    ),
                    "customised, never standardised",
                )
                .label(kind, format!("customize phase{period}"))
                .help(format!(
                    "add a later `{{ phase: standardize, period: ..., modules: [{}] }}` that turns it into a standard module for the long tail, or drop it from the customize phase",
                    module.value
                )),
            );
        }
    }
}

fn services_heavy(cx: &Context, out: &mut Vec<Finding>) {
    let Some(product) = cx.plan.product.get() else {
        return;
    };
    let Some(share) = product.value.services_share.get() else {
        return;
    };
    let max = cx.thresholds.max_services_share;
    if share.value <= max + EPS {
        return;
    }
    out.push(
        Finding::new(
            &SERVICES_HEAVY,
            share,
            format!(
                "services revenue is {} of subscription revenue, above the {} maximum: custom work is not being turned into product",
                format_percent(share.value),
                format_percent(max)
            ),
            format!("services {}", format_percent(share.value)),
        )
        .help(format!(
            "bring services to {} or less of subscription revenue: standardise the modules customers keep asking for (a `standardize` phase) and charge the rest as one-off projects outside the plan's core",
            format_percent(max)
        )),
    );
}
