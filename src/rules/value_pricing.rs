//! `value-pricing/`: principle 6, the business model should grow with the customer's own
//! results. A customer's ability to pay is proportional to its size, so the price must
//! follow a value metric and climb with the customer: the worst model is the customer
//! growing 100x and still paying the same few thousand.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule};
use crate::lint::{Finding, Severity};
use crate::model::{Field, Pricing, PricingModel, Tier, Val};

pub const FLAT_PRICING: Rule = Rule {
    id: "value-pricing/flat-pricing",
    severity: Severity::Error,
    summary: "pricing is flat: a customer that grows still pays the same",
    check: Some(Check::Fn(flat_pricing)),
    inputs: &["pricing.model"],
    thresholds: &[],
};

pub const NARROW_TIER_SPAN: Rule = Rule {
    id: "value-pricing/narrow-tier-span",
    severity: Severity::Warning,
    summary: "highest tier price / lowest tier price is below the minimum span",
    check: Some(Check::Fn(narrow_tier_span)),
    inputs: &["pricing.tiers"],
    thresholds: &["min_tier_span"],
};

pub const PRICE_INVERSION: Rule = Rule {
    id: "value-pricing/price-inversion",
    severity: Severity::Error,
    summary: "a tier for larger customers costs less than the tier before it",
    check: Some(Check::Fn(price_inversion)),
    inputs: &["pricing.tiers"],
    thresholds: &[],
};

pub const NO_VALUE_METRIC: Rule = Rule {
    id: "value-pricing/no-value-metric",
    severity: Severity::Warning,
    summary: "a tiered, usage or per-seat model names no value metric the price grows with",
    check: Some(Check::Fn(no_value_metric)),
    inputs: &["pricing.model"],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[
    &FLAT_PRICING,
    &NARROW_TIER_SPAN,
    &PRICE_INVERSION,
    &NO_VALUE_METRIC,
];

fn pricing<'a>(cx: &'a Context) -> Option<&'a Pricing> {
    cx.plan.pricing.get().map(|v| &v.value)
}

/// A tier whose price could be read.
struct Priced<'a> {
    /// The tier's name, `None` when it has none (it is then called by its number).
    name: Option<&'a str>,
    /// Its position in `tiers`, from 1.
    number: usize,
    price: &'a Val<f64>,
}

impl Priced<'_> {
    /// Adds the arguments that name the tier (`the Growth tier`, `tier 2`): `<kind>` is
    /// `named` or `numbered`, `<name>` the name or the number.
    fn args(&self, message: Message, kind: &'static str, name: &'static str) -> Message {
        match self.name {
            Some(n) => message.text(kind, "named").text(name, n),
            None => message.text(kind, "numbered").count(name, self.number),
        }
    }
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
                name: tier_name(t),
                number: i + 1,
                price,
            })
        })
        .collect()
}

fn tier_name(tier: &Val<Tier>) -> Option<&str> {
    tier.value
        .name
        .get()
        .map(|n| n.value.trim())
        .filter(|n| !n.is_empty())
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
                Message::new("value-pricing-flat-pricing"),
                Message::new("value-pricing-flat-pricing.label"),
            )
            .help(Message::new("value-pricing-flat-pricing.help")),
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
            Message::new("value-pricing-no-value-metric").text("model", model.value.word()),
            Message::new("value-pricing-no-value-metric.label"),
        ),
        Field::Present(metric) if metric.value.trim().is_empty() => (
            crate::model::Place::from(metric),
            Message::new("value-pricing-no-value-metric-blank"),
            Message::new("value-pricing-no-value-metric-blank.label"),
        ),
        _ => return,
    };
    out.push(
        Finding::new(&NO_VALUE_METRIC, place, message, label)
            .help(Message::new("value-pricing-no-value-metric.help")),
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
    let currency = cx.currency();
    let finding = if tiers.len() == 1 {
        Finding::new(
            &NARROW_TIER_SPAN,
            high,
            high_tier
                .args(
                    Message::new("value-pricing-narrow-tier-span-single"),
                    "tier_kind",
                    "tier",
                )
                .money("price", high.value, currency)
                .number("min", min),
            Message::new("value-pricing-narrow-tier-span-single.label")
                .money("price", high.value, currency),
        )
    } else {
        let message = Message::new("value-pricing-narrow-tier-span")
            .number("span", span)
            .money("high", high.value, currency)
            .money("low", low.value, currency)
            .number("min", min);
        let message = high_tier.args(message, "high_kind", "high_tier");
        let message = low_tier.args(message, "low_kind", "low_tier");
        Finding::new(
            &NARROW_TIER_SPAN,
            high,
            message,
            Message::new("value-pricing-narrow-tier-span.label")
                .money("high", high.value, currency),
        )
        .label(
            low,
            Message::new("value-pricing-narrow-tier-span-lowest").money("low", low.value, currency),
        )
    };
    out.push(
        finding.help(
            Message::new("value-pricing-narrow-tier-span.help")
                .money("target", low.value * min, currency)
                .number("min", min)
                .money("low", low.value, currency),
        ),
    );
}

fn price_inversion(cx: &Context, out: &mut Vec<Finding>) {
    let Some(pricing) = pricing(cx) else { return };
    let tiers = priced_tiers(pricing);
    let currency = cx.currency();
    for pair in tiers.windows(2) {
        let [before_tier, after_tier] = pair else {
            continue;
        };
        let (before, after) = (before_tier.price, after_tier.price);
        if after.value >= before.value - EPSILON {
            continue;
        }
        let message = Message::new("value-pricing-price-inversion")
            .money("after", after.value, currency)
            .money("before", before.value, currency);
        let message = after_tier.args(message, "after_kind", "after_tier");
        let message = before_tier.args(message, "before_kind", "before_tier");
        out.push(
            Finding::new(
                &PRICE_INVERSION,
                after,
                message,
                Message::new("value-pricing-price-inversion.label").money(
                    "after",
                    after.value,
                    currency,
                ),
            )
            .label(
                before,
                Message::new("value-pricing-price-inversion-before").money(
                    "before",
                    before.value,
                    currency,
                ),
            )
            .help(Message::new("value-pricing-price-inversion.help").money(
                "before",
                before.value,
                currency,
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
    fn unnamed_tiers_are_numbered_in_chinese_too() {
        let settings = crate::lint::Settings {
            lang: crate::i18n::Lang::Zh,
            ..crate::lint::Settings::default()
        };
        let yaml = "currency: CNY\npricing:\n  model: tiered\n  value_metric: seats\n  tiers:\n    - { price: 100k }\n    - { name: Growth, price: 50k }\n";
        let report = crate::engine::lint(
            crate::source::SourceFile::new("t.plan.yaml", yaml.to_string()),
            &settings,
        );
        let got: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("value-pricing/"))
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            got,
            vec![
                "各档价格最高只差 2 倍（最高是第 1 档的 10万 CNY，最低是「Growth」档的 5万 CNY）；原则要求至少差 10 倍，价格才能随客户一起增长",
                "「Growth」档定价 5万 CNY，反而低于它前面面向更小客户的第 1 档（10万 CNY）",
            ]
        );
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
