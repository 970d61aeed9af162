//! `product-cycle/`: principle 5, standardise, customise, standardise again.
//! The plan's product cycle must have both kinds of phase, every module built for a
//! customer must later become standard, and services must stay a small share of revenue.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{CyclePhase, Field, Phase, Place, Val};

pub const NO_CYCLE: Rule = Rule {
    id: "product-cycle/no-cycle",
    severity: Severity::Warning,
    summary: "product.cycle lacks a standardize or a customize phase",
    check: Some(Check::Fn(no_cycle)),
    inputs: &["product.cycle"],
    thresholds: &[],
};

pub const CUSTOM_NOT_PRODUCTIZED: Rule = Rule {
    id: "product-cycle/custom-not-productized",
    severity: Severity::Warning,
    summary: "a customize phase's module never appears in a later standardize phase",
    check: Some(Check::Fn(custom_not_productized)),
    inputs: &["product.cycle"],
    thresholds: &[],
};

pub const SERVICES_HEAVY: Rule = Rule {
    id: "product-cycle/services-heavy",
    severity: Severity::Warning,
    summary: "services revenue is above the maximum share of subscription revenue",
    check: Some(Check::Fn(services_heavy)),
    inputs: &["product.services_share"],
    thresholds: &["max_services_share"],
};

pub static RULES: &[&Rule] = &[&NO_CYCLE, &CUSTOM_NOT_PRODUCTIZED, &SERVICES_HEAVY];

fn no_cycle(cx: &Context, out: &mut Vec<Finding>) {
    // What is missing selects the wording in the message files.
    let (place, missing): (Place, &str) = match &cx.plan.product {
        Field::Invalid => return,
        Field::Missing => (cx.plan.document.clone(), "product"),
        Field::Present(product) => match &product.value.cycle {
            Field::Invalid => return,
            Field::Missing => (product.into(), "cycle"),
            Field::Present(cycle) => {
                let phases = &cycle.value;
                if phases
                    .iter()
                    .any(|p| matches!(p.value.phase, Field::Invalid))
                {
                    return;
                }
                let has = |want: Phase| phases.iter().any(|p| p.value.phase.value() == Some(want));
                let missing = match (has(Phase::Standardize), has(Phase::Customize)) {
                    (true, true) => return,
                    (false, true) => "standardize",
                    (true, false) => "customize",
                    (false, false) => "both",
                };
                (cycle.into(), missing)
            }
        },
    };
    let with = |id: &'static str| Message::new(id).text("missing", missing);
    out.push(
        Finding::new(
            &NO_CYCLE,
            place,
            with("product-cycle-no-cycle"),
            with("product-cycle-no-cycle.label"),
        )
        .help(Message::new("product-cycle-no-cycle.help")),
    );
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
        // The phase's period, when it has one, is shown beside it: `customize phase (2026H1)`.
        let period = phase.value.period.get().map(|p| p.value.to_string());
        let with_period = |id: &'static str| {
            Message::new(id)
                .text("dated", if period.is_some() { "yes" } else { "no" })
                .text("period", period.clone().unwrap_or_default())
        };
        for module in &modules.value {
            if key(&module.value).is_empty() || standardized.contains(&key(&module.value)) {
                continue;
            }
            let with_module = |id: &'static str| with_period(id).text("module", &*module.value);
            out.push(
                Finding::new(
                    &CUSTOM_NOT_PRODUCTIZED,
                    module,
                    with_module("product-cycle-custom-not-productized"),
                    Message::new("product-cycle-custom-not-productized.label"),
                )
                .label(kind, with_period("product-cycle-customize-phase"))
                .help(
                    Message::new("product-cycle-custom-not-productized.help")
                        .text("module", &*module.value),
                ),
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
    if share.value <= max + EPSILON {
        return;
    }
    out.push(
        Finding::new(
            &SERVICES_HEAVY,
            share,
            Message::new("product-cycle-services-heavy")
                .percent("share", share.value)
                .percent("max", max),
            Message::new("product-cycle-services-heavy.label").percent("share", share.value),
        )
        .help(Message::new("product-cycle-services-heavy.help").percent("max", max))
        .fix(Fix::change().set(share, max, Notation::Percent, Round::Down)),
    );
}

#[cfg(test)]
mod tests {
    use crate::engine::lint;
    use crate::i18n::Lang;
    use crate::lint::Settings;
    use crate::source::SourceFile;

    /// Message, labels and help of this principle's findings, worded in `lang`.
    fn worded(yaml: &str, lang: Lang) -> Vec<String> {
        let settings = Settings {
            lang,
            ..Settings::default()
        };
        let report = lint(
            SourceFile::new("t.plan.yaml", format!("{yaml}currency: CNY\n")),
            &settings,
        );
        report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("product-cycle/"))
            .map(|f| {
                let mut parts = vec![f.message.clone()];
                parts.extend(f.labels.iter().map(|l| l.message.clone()));
                parts.extend(f.help.clone());
                parts.join(" | ")
            })
            .collect()
    }

    #[test]
    fn a_customize_phase_without_a_period_is_named_without_one() {
        let yaml = "product:\n  cycle:\n    - { phase: standardize, scope: core }\n    - { phase: customize, modules: [m1] }\n";
        assert_eq!(
            worded(yaml, Lang::En),
            vec![
                "module `m1`, built in the customize phase, never appears in a later standardize phase | customised, never standardised | customize phase | add a later `{ phase: standardize, period: ..., modules: [m1] }` that turns it into a standard module for the long tail, or drop it from the customize phase; see `planlint explain product-cycle/custom-not-productized`"
            ]
        );
        let zh = worded(yaml, Lang::Zh);
        assert_eq!(zh.len(), 1, "{zh:?}");
        assert!(
            zh[0].starts_with("模块 `m1` 是在定制化阶段为客户定制的"),
            "{}",
            zh[0]
        );
        assert!(!zh[0].contains("（"), "{}", zh[0]);
    }

    #[test]
    fn an_empty_cycle_lacks_both_kinds_of_phase_in_both_languages() {
        let yaml = "product:\n  cycle: []\n";
        let en = worded(yaml, Lang::En);
        assert_eq!(en.len(), 1, "{en:?}");
        assert!(
            en[0].starts_with("`product.cycle` has neither a `standardize` nor a `customize` phase: the principle asks to standardise, customise for the fast-growing customers, then standardise the custom modules again | no `standardize` or `customize` phase | describe the cycle in order, e.g. `- { phase: standardize, period: 2025, scope: core }`"),
            "{}",
            en[0]
        );
        let zh = worded(yaml, Lang::Zh);
        assert!(
            zh[0].starts_with("`product.cycle` 里既没有标准化（`standardize`）阶段，也没有定制化（`customize`）阶段"),
            "{}",
            zh[0]
        );
        assert!(
            zh[0].contains("| 缺 `standardize` 和 `customize` 阶段 |"),
            "{}",
            zh[0]
        );
    }
}
