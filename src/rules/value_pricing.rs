//! `value-pricing/`: principle 6, the business model should grow with the customer's own
//! results. A customer's ability to pay is proportional to its size, so the price must
//! follow a value metric and climb with the customer: the worst model is the customer
//! growing 100x and still paying the same few thousand.

use crate::engine::{Context, Rule};
use crate::finding::{Finding, Severity};
use crate::model::value::format_number;
use crate::model::{Field, Pricing, PricingModel, Tier, Val};

pub const FLAT_PRICING: Rule = Rule {
    id: "value-pricing/flat-pricing",
    severity: Severity::Error,
    summary: "pricing is flat: a customer that grows still pays the same",
    check: Some(flat_pricing),
    inputs: &["pricing.model"],
    thresholds: &[],
};

pub const NARROW_TIER_SPAN: Rule = Rule {
    id: "value-pricing/narrow-tier-span",
    severity: Severity::Warning,
    summary: "highest tier price / lowest tier price is below the minimum span",
    check: Some(narrow_tier_span),
    inputs: &["pricing.tiers"],
    thresholds: &["min_tier_span"],
};

pub const PRICE_INVERSION: Rule = Rule {
    id: "value-pricing/price-inversion",
    severity: Severity::Error,
    summary: "a tier for larger customers costs less than the tier before it",
    check: Some(price_inversion),
    inputs: &["pricing.tiers"],
    thresholds: &[],
};

pub const NO_VALUE_METRIC: Rule = Rule {
    id: "value-pricing/no-value-metric",
    severity: Severity::Warning,
    summary: "a tiered, usage or per-seat model names no value metric the price grows with",
    check: Some(no_value_metric),
    inputs: &["pricing.model"],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[
    &FLAT_PRICING,
    &NARROW_TIER_SPAN,
    &PRICE_INVERSION,
    &NO_VALUE_METRIC,
];

/// Tolerance for float comparisons, so a span of exactly 10 is not flaky.
const EPSILON: f64 = 1e-9;

fn pricing<'a>(cx: &'a Context) -> Option<&'a Pricing> {
    cx.plan.pricing.get().map(|v| &v.value)
}

/// A tier whose price could be read.
struct Priced<'a> {
    /// `the Growth tier`, or `tier 2` when it has no name.
    name: String,
    price: &'a Val<f64>,
}

/// The tiers whose price could be read, in plan order.
fn priced_tiers(pricing: &Pricing) -> Vec<Priced<'_>> {
    let Some(tiers) = pricing.tiers.get() else {
        return Vec::new();
    };
    tiers
        .value
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            t.value.price.get().map(|price| Priced {
                name: tier_name(i, t),
                price,
            })
        })
        .collect()
}

fn tier_name(index: usize, tier: &Val<Tier>) -> String {
    match tier.value.name.get().map(|n| n.value.trim()) {
        Some(name) if !name.is_empty() => format!("the {name} tier"),
        _ => format!("tier {}", index + 1),
    }
}

fn flat_pricing(cx: &Context, out: &mut Vec<Finding>) {
    let Some(pricing) = pricing(cx) else { return };
    if let Some(model) = pricing.model.get()
        && model.value == PricingModel::Flat
    {
        out.push(
            Finding::new(
                &FLAT_PRICING,
                model,
                "pricing is flat: a customer that grows 100x still pays the same, a revenue ceiling the principle calls the worst model",
                "flat pricing",
            )
            .help(
                "price on a value metric that grows with the customer: `model: tiered`, `usage`, `revenue_share` or `platform_plus_usage`",
            ),
        );
    }
}

/// A model other than flat whose price rises with something: the plan should say what.
fn no_value_metric(cx: &Context, out: &mut Vec<Finding>) {
    let Some(pricing) = pricing(cx) else { return };
    let Some(model) = pricing.model.get() else {
        return;
    };
    if model.value == PricingModel::Flat {
        // flat-pricing says what matters for a flat model.
        return;
    }
    let (place, message, label) = match &pricing.value_metric {
        Field::Missing => (
            crate::model::Place::from(model),
            format!(
                "`pricing` is `{}` but names no `value_metric`: the plan does not say what the price grows with",
                model.value.word()
            ),
            "no `value_metric` for this model".to_string(),
        ),
        Field::Present(metric) if metric.value.trim().is_empty() => (
            crate::model::Place::from(metric),
            "`value_metric` is blank: the plan does not say what the price grows with".to_string(),
            "blank `value_metric`".to_string(),
        ),
        _ => return,
    };
    out.push(
        Finding::new(&NO_VALUE_METRIC, place, message, label).help(
            "add `value_metric:` naming what the price scales with, e.g. `annual sell-in value under management`, so a reviewer can see the price grow with the customer",
        ),
    );
}

fn narrow_tier_span(cx: &Context, out: &mut Vec<Finding>) {
    let Some(pricing) = pricing(cx) else { return };
    let tiers = priced_tiers(pricing);
    // The first cheapest tier and the last dearest one, so equal prices still compare
    // two different tiers.
    let Some(low_tier) = tiers
        .iter()
        .reduce(|a, b| if b.price.value < a.price.value { b } else { a })
    else {
        return;
    };
    let Some(high_tier) = tiers
        .iter()
        .reduce(|a, b| if b.price.value >= a.price.value { b } else { a })
    else {
        return;
    };
    let (low, high) = (low_tier.price, high_tier.price);
    if low.value <= 0.0 {
        // A free entry tier: the span is unbounded.
        return;
    }
    let span = high.value / low.value;
    let min = cx.thresholds.min_tier_span;
    if span >= min - EPSILON {
        return;
    }
    let finding = if tiers.len() == 1 {
        Finding::new(
            &NARROW_TIER_SPAN,
            high,
            format!(
                "{} is the only price tier, at {}: every customer pays the same whatever its size; the principle asks the top price to be at least {}x the lowest",
                high_tier.name,
                cx.fmt_money(high.value),
                format_number(min)
            ),
            format!("the only tier: {}", cx.fmt_money(high.value)),
        )
    } else {
        Finding::new(
            &NARROW_TIER_SPAN,
            high,
            format!(
                "tier prices span only {}x (highest {} for {} / lowest {} for {}); the principle asks for at least {}x so the price grows with the customer",
                format_number(span),
                cx.fmt_money(high.value),
                high_tier.name,
                cx.fmt_money(low.value),
                low_tier.name,
                format_number(min)
            ),
            format!("highest: {}", cx.fmt_money(high.value)),
        )
        .label(low, format!("lowest: {}", cx.fmt_money(low.value)))
    };
    out.push(finding.help(format!(
        "add tiers for larger customers so the top price reaches at least {} ({}x the lowest {}); a customer 100x larger can pay far more",
        cx.fmt_money(low.value * min),
        format_number(min),
        cx.fmt_money(low.value)
    )));
}

fn price_inversion(cx: &Context, out: &mut Vec<Finding>) {
    let Some(pricing) = pricing(cx) else { return };
    let tiers = priced_tiers(pricing);
    for pair in tiers.windows(2) {
        let [before_tier, after_tier] = pair else {
            continue;
        };
        let (before, after) = (before_tier.price, after_tier.price);
        if after.value >= before.value - EPSILON {
            continue;
        }
        out.push(
            Finding::new(
                &PRICE_INVERSION,
                after,
                format!(
                    "{} costs {}, less than the {} of {} before it, for smaller customers",
                    after_tier.name,
                    cx.fmt_money(after.value),
                    cx.fmt_money(before.value),
                    before_tier.name
                ),
                format!("after: {}", cx.fmt_money(after.value)),
            )
            .label(before, format!("before: {}", cx.fmt_money(before.value)))
            .help(format!(
                "order `tiers` from the smallest customer to the largest and price each tier at least as high as the one before it (here at least {})",
                cx.fmt_money(before.value)
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    /// `(line, rule, message)` of this principle's findings.
    fn findings(yaml: &str) -> Vec<(usize, &'static str, String)> {
        crate::engine::findings_with_prefix(yaml, "value-pricing/")
    }

    #[test]
    fn a_free_entry_tier_is_an_unbounded_span() {
        let got = findings(
            "pricing:\n  model: tiered\n  value_metric: seats\n  tiers:\n    - { price: 0 }\n    - { price: 20k }\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn unnamed_tiers_are_numbered_and_unreadable_prices_skipped() {
        let got = findings(
            "pricing:\n  model: tiered\n  value_metric: seats\n  tiers:\n    - { price: 100k }\n    - { price: lots }\n    - { price: 50k }\n",
        );
        let rules: Vec<_> = got.iter().map(|g| (g.0, g.1)).collect();
        assert_eq!(
            rules,
            vec![
                (5, "value-pricing/narrow-tier-span"),
                (7, "value-pricing/price-inversion")
            ]
        );
        assert!(
            got[1].2.starts_with("tier 3 costs 50,000 CNY"),
            "{}",
            got[1].2
        );
        assert!(got[1].2.contains("of tier 1 before it"), "{}", got[1].2);
    }

    #[test]
    fn an_invalid_model_or_section_is_not_reported_again() {
        assert!(findings("pricing:\n  model: bespoke\n  value_metric: seats\n").is_empty());
        assert!(findings("pricing: [flat]\n").is_empty());
    }

    #[test]
    fn a_blank_value_metric_counts_as_missing() {
        let got = findings("pricing:\n  model: usage\n  value_metric: \"  \"\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (3, "value-pricing/no-value-metric"));
    }
}
