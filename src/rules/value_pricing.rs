//! `value-pricing/`: principle 6, the business model should grow with the customer's own
//! results. A customer's ability to pay is proportional to its size, so the price must
//! follow a value metric and climb with the customer: the worst model is the customer
//! growing 100x and still paying the same few thousand.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
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

/// What `narrow-tier-span` finds in a list of tier prices.
#[derive(Debug, PartialEq)]
struct Narrow {
    /// The first cheapest tier and the last dearest one (so equal prices still compare
    /// two different tiers), as indexes into the prices.
    low: usize,
    high: usize,
    /// highest / lowest.
    span: f64,
    /// The top price the minimum span asks for: the lowest × the minimum.
    target: f64,
}

/// The narrow span of `prices`, when the highest is below `min` times the lowest (a free
/// entry tier makes the span unbounded).
fn narrow(prices: &[f64], min: f64) -> Option<Narrow> {
    let mut ends: Option<(usize, usize)> = None;
    for (i, &p) in prices.iter().enumerate() {
        ends = Some(match ends {
            None => (i, i),
            Some((low, high)) => (
                if p < prices[low] { i } else { low },
                if p >= prices[high] { i } else { high },
            ),
        });
    }
    let (low, high) = ends?;
    if prices[low] <= 0.0 {
        return None;
    }
    let span = prices[high] / prices[low];
    (span < min - EPSILON).then(|| Narrow {
        low,
        high,
        span,
        target: prices[low] * min,
    })
}

/// The indexes of the tiers `price-inversion` reports: each priced below the one before.
fn inverted(prices: &[f64]) -> Vec<usize> {
    (1..prices.len())
        .filter(|&i| prices[i] < prices[i - 1] - EPSILON)
        .collect()
}

/// `price` rounded up to three significant digits: a price every notation writes exactly
/// (`481k`, `48.1万`, `0.481M`), so tiers raised to it in different notations stay equal.
fn round_price(price: f64) -> f64 {
    if !(price.is_finite() && price > 0.0) {
        return price;
    }
    let digits = 2 - price.log10().floor() as i32;
    let scale = 10f64.powi(digits.abs());
    if digits >= 0 {
        (price * scale - 1e-9).ceil() / scale
    } else {
        (price / scale - 1e-9).ceil() * scale
    }
}

/// The changed prices of `new` against `old` as (index, price), when they add no finding
/// of the tier rules: no tier inverted that was not, and a narrow span reported (if at
/// all) at the same tier as before. `None` otherwise: no fix rather than a wrong one.
fn verified(old: &[f64], new: &[f64], min: f64) -> Option<Vec<(usize, f64)>> {
    let was = inverted(old);
    if inverted(new).iter().any(|i| !was.contains(i)) {
        return None;
    }
    if let Some(now) = narrow(new, min)
        && narrow(old, min).is_none_or(|before| before.high != now.high)
    {
        return None;
    }
    let changes: Vec<_> = old
        .iter()
        .zip(new)
        .enumerate()
        .filter(|(_, (o, n))| o != n)
        .map(|(i, (_, n))| (i, *n))
        .collect();
    (!changes.is_empty()).then_some(changes)
}

/// The prices that resolve the inversion of tier `i`: it is raised to the price before
/// it, and so is every later tier the raise leaves below it, up to the first that is not
/// (the smallest change that keeps the whole series in order). A raised price is
/// rounded up to three significant digits (`round_price`), so every raised tier is
/// written the same. When the raise narrows the span (the cheapest tier was raised) or
/// moves the dearest tier, the top price is raised to the span's minimum too.
fn inversion_fix(prices: &[f64], i: usize, min: f64) -> Option<Vec<(usize, f64)>> {
    let before = *prices.get(i.checked_sub(1)?)?;
    let target = round_price(before);
    let mut new = prices.to_vec();
    for price in new.iter_mut().skip(i) {
        if *price >= target - EPSILON {
            break;
        }
        *price = target;
    }
    if let Some(now) = narrow(&new, min)
        && narrow(prices, min).is_none_or(|was| was.high != now.high)
    {
        new[now.high] = new[now.high].max(now.target);
    }
    verified(prices, &new, min)
}

/// The prices that resolve a narrow span: the dearest tier raised to the minimum span
/// over the cheapest. `None` for a single tier, whose span stays 1x whatever its price:
/// the help then asks for tiers the plan does not have, which no edit of a value writes.
fn span_fix(prices: &[f64], min: f64) -> Option<Vec<(usize, f64)>> {
    let n = narrow(prices, min)?;
    if n.low == n.high {
        return None;
    }
    let mut new = prices.to_vec();
    new[n.high] = n.target;
    verified(prices, &new, min)
}

/// A fix writing `changes` (indexes into `tiers`), each rounded up: every change raises
/// a price to at least what a rule asks.
fn price_fix(tiers: &[Priced], changes: &[(usize, f64)]) -> Option<Fix> {
    let mut fix = Fix::change();
    for &(i, price) in changes {
        fix = fix.set(tiers.get(i)?.price, price, Notation::Money, Round::Up);
    }
    Some(fix)
}

fn prices(tiers: &[Priced]) -> Vec<f64> {
    tiers.iter().map(|t| t.price.value).collect()
}

fn narrow_tier_span(cx: &Context, out: &mut Vec<Finding>) {
    let Some(pricing) = pricing(cx) else { return };
    let tiers = priced_tiers(pricing);
    let prices = prices(&tiers);
    let min = cx.thresholds.min_tier_span;
    let Some(found) = narrow(&prices, min) else {
        return;
    };
    let (Some(low_tier), Some(high_tier)) = (tiers.get(found.low), tiers.get(found.high)) else {
        return;
    };
    let (low, high) = (low_tier.price, high_tier.price);
    let span = found.span;
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
    let finding = finding.help(
        Message::new("value-pricing-narrow-tier-span.help")
            .text("tiers", if tiers.len() == 1 { "one" } else { "several" })
            .money("target", found.target, currency)
            .number("min", min)
            .money("low", low.value, currency),
    );
    let fix = span_fix(&prices, min).and_then(|changes| price_fix(&tiers, &changes));
    out.push(finding.fix(fix));
}

fn price_inversion(cx: &Context, out: &mut Vec<Finding>) {
    let Some(pricing) = pricing(cx) else { return };
    let tiers = priced_tiers(pricing);
    let prices = prices(&tiers);
    let min = cx.thresholds.min_tier_span;
    let currency = cx.currency();
    for i in inverted(&prices) {
        let (Some(before_tier), Some(after_tier)) = (tiers.get(i - 1), tiers.get(i)) else {
            continue;
        };
        let (before, after) = (before_tier.price, after_tier.price);
        let message = Message::new("value-pricing-price-inversion")
            .money("after", after.value, currency)
            .money("before", before.value, currency);
        let message = after_tier.args(message, "after_kind", "after_tier");
        let message = before_tier.args(message, "before_kind", "before_tier");
        let finding = Finding::new(
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
        ));
        let fix = inversion_fix(&prices, i, min).and_then(|changes| price_fix(&tiers, &changes));
        out.push(finding.fix(fix));
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

    use super::{inversion_fix, inverted, narrow, round_price, span_fix};

    #[test]
    fn a_raised_price_has_three_significant_digits_at_most() {
        assert_eq!(round_price(480_000.0), 480_000.0);
        assert_eq!(round_price(333_333.0), 334_000.0);
        assert_eq!(round_price(999_500.0), 1_000_000.0);
        assert_eq!(round_price(12.345), 12.4);
        assert_eq!(round_price(0.0), 0.0);
        assert_eq!(round_price(1.0), 1.0);
    }

    #[test]
    fn the_tier_rules_read_a_price_list() {
        assert_eq!(inverted(&[36.0, 480.0, 400.0, 450.0, 300.0]), [2, 4]);
        assert_eq!(inverted(&[36.0, 36.0]), Vec::<usize>::new());
        // The first cheapest and the last dearest.
        let n = narrow(&[50.0, 100.0, 50.0, 100.0], 10.0);
        assert_eq!(n.map(|n| (n.low, n.high, n.target)), Some((0, 3, 500.0)));
        assert!(narrow(&[0.0, 100.0], 10.0).is_none());
        assert!(narrow(&[36.0, 360.0], 10.0).is_none());
        assert!(narrow(&[], 10.0).is_none());
    }

    #[test]
    fn an_inversion_fix_raises_the_later_tiers_it_would_invert() {
        // 400 up to 480 would leave 450 below it; 600 is not.
        assert_eq!(
            inversion_fix(&[36.0, 480.0, 400.0, 450.0, 600.0], 2, 10.0),
            Some(vec![(2, 480.0), (3, 480.0)])
        );
        // A price that is not round is raised to three significant digits, and so is the
        // next tier it would otherwise leave below.
        assert_eq!(
            inversion_fix(&[30_000.0, 333_333.0, 300_000.0, 333_500.0], 2, 10.0),
            Some(vec![(2, 334_000.0), (3, 334_000.0)])
        );
        assert_eq!(inversion_fix(&[36.0, 480.0], 0, 10.0), None);
    }

    #[test]
    fn an_inversion_fix_keeps_the_span_wide() {
        // The cheapest tier raised: 400 / 50 is 8x, so the top goes to 500.
        assert_eq!(
            inversion_fix(&[50.0, 5.0, 400.0], 1, 10.0),
            Some(vec![(1, 50.0), (2, 500.0)])
        );
        // A narrow span reported at Growth would move to Enterprise: raised to 10x.
        assert_eq!(
            inversion_fix(&[100.0, 480.0, 400.0], 2, 10.0),
            Some(vec![(2, 1000.0)])
        );
    }

    #[test]
    fn a_span_fix_raises_the_dearest_tier() {
        assert_eq!(
            span_fix(&[36.0, 120.0, 300.0], 10.0),
            Some(vec![(2, 360.0)])
        );
        assert_eq!(span_fix(&[100.0, 100.0], 10.0), Some(vec![(1, 1000.0)]));
        // The tier after the dearest was inverted already.
        assert_eq!(
            span_fix(&[100.0, 480.0, 400.0], 10.0),
            Some(vec![(1, 1000.0)])
        );
        // One tier spans 1x whatever its price.
        assert_eq!(span_fix(&[120.0], 10.0), None);
        assert_eq!(span_fix(&[36.0, 360.0], 10.0), None);
    }

    /// `yaml` with the fix of each finding of `rule` applied, with the fix's title.
    fn fixed(yaml: &str, rule: &str) -> Vec<(String, String)> {
        crate::fix::fixes_offered(yaml, rule)
            .into_iter()
            .filter_map(|ways| ways.into_iter().next())
            .collect()
    }

    #[test]
    fn tiers_raised_in_different_notations_stay_in_order() {
        // 333,333 rounded up is 333.4k in k but 333333 in plain digits, which would leave
        // the later tier below the earlier: raised to 334,000 both are written the same.
        let yaml = "currency: CNY\npricing:\n  model: tiered\n  value_metric: seats\n  tiers:\n    - { price: 30k }\n    - { price: \"¥333,333\" }\n    - { price: 300k }\n    - { price: 333000 }\n    - { price: 400万 }\n";
        let fixes = fixed(yaml, "value-pricing/price-inversion");
        assert_eq!(fixes.len(), 1, "{fixes:?}");
        assert_eq!(fixes[0].0, "change `price: 334k`, `price: 334000`");
        assert_eq!(findings(&fixes[0].1), []);
    }

    #[test]
    fn a_single_tier_gets_the_help_to_add_tiers_and_no_fix() {
        let yaml =
            "pricing:\n  model: tiered\n  value_metric: seats\n  tiers:\n    - { price: 120k }\n";
        assert_eq!(fixed(yaml, "value-pricing/narrow-tier-span"), []);
        let report = crate::engine::lint(
            crate::source::SourceFile::new("t.plan.yaml", format!("{yaml}currency: CNY\n")),
            &crate::lint::Settings::default(),
        );
        let help = report
            .findings
            .iter()
            .find(|d| d.rule == "value-pricing/narrow-tier-span")
            .and_then(|d| d.help.clone());
        assert!(
            help.as_deref().is_some_and(|h| h.starts_with(
                "add tiers for larger customers so the top price reaches at least 1,200,000 CNY"
            )),
            "{help:?}"
        );
    }
}
