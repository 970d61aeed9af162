//! `customer-focus/`: principle 1, a precise picture of the target customer.
//! A focused niche (few industries, a narrow size band), a killer hidden need, a value
//! chain where upstream, midstream and downstream all gain, and a 10x improvement.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule, differs};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{Better, ChainPosition, Field, Value};

pub const MISSING_PORTRAIT: Rule = Rule {
    id: "customer-focus/missing-portrait",
    severity: Severity::Error,
    summary: "market.niche, market.industries or market.customer_size is missing",
    check: Some(Check::Fn(missing_portrait)),
    inputs: &["market.niche", "market.industries", "market.customer_size"],
    thresholds: &[],
};

pub const BROAD_NICHE: Rule = Rule {
    id: "customer-focus/broad-niche",
    severity: Severity::Warning,
    summary: "too many industries, or an employee range that spans too wide a factor",
    check: Some(Check::Fn(broad_niche)),
    inputs: &["market.industries", "market.customer_size"],
    thresholds: &["max_industries", "max_size_span"],
};

pub const NO_HIDDEN_NEED: Rule = Rule {
    id: "customer-focus/no-hidden-need",
    severity: Severity::Warning,
    summary: "no need is must-have, hidden and backed by evidence",
    check: Some(Check::Fn(no_hidden_need)),
    inputs: &["needs"],
    thresholds: &[],
};

pub const VALUE_CHAIN_GAP: Rule = Rule {
    id: "customer-focus/value-chain-gap",
    severity: Severity::Warning,
    summary: "value_chain does not cover upstream, midstream and downstream",
    check: Some(Check::Fn(value_chain_gap)),
    inputs: &["value_chain"],
    thresholds: &[],
};

pub const VALUE_CHAIN_HARM: Rule = Rule {
    id: "customer-focus/value-chain-harm",
    severity: Severity::Error,
    summary: "a value-chain party loses from adoption (benefit: negative)",
    check: Some(Check::Fn(value_chain_harm)),
    inputs: &["value_chain"],
    thresholds: &[],
};

pub const NOT_10X: Rule = Rule {
    id: "customer-focus/not-10x",
    severity: Severity::Warning,
    summary: "the improvement multiple (stated or computed) is below the minimum",
    check: Some(Check::Fn(not_10x)),
    inputs: &["value.improvement | value.before + value.after + value.better"],
    thresholds: &["min_improvement"],
};

pub const IMPROVEMENT_MISMATCH: Rule = Rule {
    id: "customer-focus/improvement-mismatch",
    severity: Severity::Error,
    summary: "stated improvement disagrees with the one computed from before/after",
    check: Some(Check::Fn(improvement_mismatch)),
    inputs: &["value.improvement | value.before + value.after + value.better"],
    thresholds: &["tolerance"],
};

pub static RULES: &[&Rule] = &[
    &MISSING_PORTRAIT,
    &BROAD_NICHE,
    &NO_HIDDEN_NEED,
    &VALUE_CHAIN_GAP,
    &VALUE_CHAIN_HARM,
    &NOT_10X,
    &IMPROVEMENT_MISMATCH,
];

/// A text field that is absent or blank. `Invalid` is not missing: it was reported already.
fn text_missing(field: &Field<String>) -> bool {
    match field {
        Field::Missing => true,
        Field::Invalid => false,
        Field::Present(v) => v.value.trim().is_empty(),
    }
}

/// Adds a list of at most three words (keys, positions) as data: the count `n` and the
/// words `a`, `b`, `c`, which the message files join in their language (`a, b and c`).
fn with_list(mut message: Message, items: &[&'static str]) -> Message {
    message = message.count("n", items.len());
    for (name, item) in ["a", "b", "c"].into_iter().zip(items) {
        message = message.text(name, *item);
    }
    message
}

/// "no `market` section": one wording for every section of the plan this module reads.
fn no_section(section: &'static str) -> Message {
    Message::new("customer-focus-no-section").text("section", section)
}

/// A headcount, written like an amount in the reader's language: `2,000`, `1.2万`.
fn with_people(message: Message, name: &'static str, n: u64) -> Message {
    message.money(name, n as f64, "")
}

fn missing_portrait(cx: &Context, out: &mut Vec<Finding>) {
    let missing: Vec<&'static str> = match &cx.plan.market {
        Field::Invalid => return,
        Field::Missing => vec!["niche", "industries", "customer_size"],
        Field::Present(market) => {
            let m = &market.value;
            let mut missing = Vec::new();
            if text_missing(&m.niche) {
                missing.push("niche");
            }
            let industries_missing = match &m.industries {
                Field::Missing => true,
                Field::Invalid => false,
                Field::Present(list) => list.value.is_empty(),
            };
            if industries_missing {
                missing.push("industries");
            }
            let size_missing = match &m.customer_size {
                Field::Missing => true,
                Field::Invalid => false,
                Field::Present(size) => {
                    size.value.employees.is_missing() && size.value.annual_revenue.is_missing()
                }
            };
            if size_missing {
                missing.push("customer_size");
            }
            missing
        }
    };
    if missing.is_empty() {
        return;
    }
    let place = cx.plan.place_of(&cx.plan.market);
    let label = if cx.plan.market.is_missing() {
        no_section("market")
    } else {
        with_list(
            Message::new("customer-focus-missing-portrait.label"),
            &missing,
        )
    };
    out.push(
        Finding::new(
            &MISSING_PORTRAIT,
            place,
            with_list(Message::new("customer-focus-missing-portrait"), &missing),
            label,
        )
        .help(Message::new("customer-focus-missing-portrait.help")),
    );
}

fn broad_niche(cx: &Context, out: &mut Vec<Finding>) {
    let Some(market) = cx.plan.market.get() else {
        return;
    };
    let m = &market.value;
    if let Some(industries) = m.industries.get() {
        let max = cx.thresholds.max_industries;
        let count = industries.value.len();
        if (count as f64) > max + EPSILON
            && let Some((index, first_extra)) = industries
                .value
                .iter()
                .enumerate()
                .find(|(i, _)| (*i + 1) as f64 > max + EPSILON)
        {
            let with = |id: &'static str| {
                Message::new(id)
                    .count("count", count)
                    .number("max", max)
                    .count("index", index + 1)
                    // "the 2 industries", "the 1 industry": the threshold may be a fraction.
                    .text("form", if max > 1.0 + EPSILON { "many" } else { "one" })
            };
            let finding = Finding::new(
                &BROAD_NICHE,
                first_extra,
                with("customer-focus-broad-niche-industries"),
                with("customer-focus-broad-niche-industries.label"),
            )
            .label(
                industries,
                Message::new("customer-focus-industry-count").count("count", count),
            )
            .help(with("customer-focus-broad-niche-industries.help"));
            out.push(finding.fix(keep_first(&industries.value, max)));
        }
    }
    if let Some(size) = m.customer_size.get()
        && let Some(employees) = size.value.employees.get()
    {
        let (min, max) = (&employees.value.min, &employees.value.max);
        if min.value > 0 {
            let span = max.value as f64 / min.value as f64;
            let allowed = cx.thresholds.max_size_span;
            if span > allowed + EPSILON {
                let (limit, least) = size_band(min.value, max.value, allowed);
                let with = |id: &'static str| {
                    let m = with_people(Message::new(id), "min", min.value);
                    let m = with_people(m, "max", max.value);
                    let m = with_people(m, "least", least);
                    m.number("span", span).number("allowed", allowed).money(
                        "limit",
                        limit as f64,
                        "",
                    )
                };
                out.push(
                    Finding::new(
                        &BROAD_NICHE,
                        max,
                        with("customer-focus-broad-niche-size"),
                        with("customer-focus-broad-niche-size.label"),
                    )
                    .label(
                        min,
                        with_people(
                            Message::new("customer-focus-min-employees"),
                            "min",
                            min.value,
                        ),
                    )
                    .help(with("customer-focus-broad-niche-size.help"))
                    .fix(Fix::change().set(max, limit as f64, Notation::Number, Round::Down))
                    .alternative(Fix::change().set(
                        min,
                        least as f64,
                        Notation::Number,
                        Round::Up,
                    )),
                );
            }
        }
    }
}

/// Keeps the first `max` industries (the whole part of it, at least one): the text from
/// the end of the last one kept to the end of the list's last item is removed, which
/// works for a flow list (`, dairy, beverages`) and a block list (`\n  - dairy`) alike.
/// `None` when the loader dropped an item (its text would be cut blindly) or when the
/// limit keeps none.
fn keep_first(items: &[crate::model::Val<String>], max: f64) -> Option<Fix> {
    let keep = (max + EPSILON).floor() as usize;
    if keep == 0 || items.len() <= keep {
        return None;
    }
    if items
        .iter()
        .enumerate()
        .any(|(i, v)| v.index.is_some_and(|at| at != i))
    {
        return None;
    }
    let (last_kept, last) = (&items[keep - 1], items.last()?);
    let from = last_kept.span.end();
    let cut = crate::source::Span::new(from, last.span.end().checked_sub(from)?);
    Some(
        Fix::unsafe_(Message::new("fix-keep-first").count("n", keep)).remove_items(
            crate::model::Place {
                span: cut,
                path: last_kept.path.clone(),
            },
        ),
    )
}

/// The two ways to bring an employee band `min`-`max` within a factor of `allowed`: the
/// largest maximum for this minimum, and the smallest minimum for this maximum (whole
/// employees, so the band written passes).
fn size_band(min: u64, max: u64, allowed: f64) -> (u64, u64) {
    let limit = (min as f64 * allowed + EPSILON).floor() as u64;
    let least = if allowed > 0.0 {
        (max as f64 / allowed - EPSILON).ceil() as u64
    } else {
        max
    };
    (limit, least)
}

fn no_hidden_need(cx: &Context, out: &mut Vec<Finding>) {
    let needs: &[crate::model::Val<crate::model::Need>] = match &cx.plan.needs {
        Field::Invalid => return,
        Field::Missing => &[],
        Field::Present(list) => &list.value,
    };
    // A condition holds, fails, or is unknown (its value is invalid, reported already).
    fn state(holds: bool, field_invalid: bool) -> Option<bool> {
        if holds {
            Some(true)
        } else if field_invalid {
            None
        } else {
            Some(false)
        }
    }
    let mut must_have = 0;
    let mut hidden = 0;
    let mut evidenced = 0;
    for need in needs {
        let n = &need.value;
        let conditions = [
            state(n.must_have.is_true(), matches!(n.must_have, Field::Invalid)),
            state(n.hidden.is_true(), matches!(n.hidden, Field::Invalid)),
            state(n.evidence.has_text(), matches!(n.evidence, Field::Invalid)),
        ];
        if conditions.iter().all(|c| *c == Some(true)) {
            return;
        }
        // An entry that could qualify but for an invalid value: do not guess.
        if conditions.iter().all(|c| *c != Some(false)) {
            return;
        }
        must_have += usize::from(conditions[0] == Some(true));
        hidden += usize::from(conditions[1] == Some(true));
        evidenced += usize::from(conditions[2] == Some(true));
    }
    let place = cx.plan.place_of(&cx.plan.needs);
    let (message, label) = if needs.is_empty() {
        (
            Message::new("customer-focus-no-hidden-need-none"),
            if cx.plan.needs.is_missing() {
                no_section("needs")
            } else {
                Message::new("customer-focus-no-hidden-need-none.label")
            },
        )
    } else {
        (
            Message::new("customer-focus-no-hidden-need")
                .count("needs", needs.len())
                .count("must_have", must_have)
                .count("hidden", hidden)
                .count("evidenced", evidenced),
            Message::new("customer-focus-no-hidden-need.label"),
        )
    };
    out.push(
        Finding::new(&NO_HIDDEN_NEED, place, message, label)
            .help(Message::new("customer-focus-no-hidden-need.help")),
    );
}

fn value_chain_gap(cx: &Context, out: &mut Vec<Finding>) {
    let parties: &[crate::model::Val<crate::model::ValueChainParty>] = match &cx.plan.value_chain {
        Field::Invalid => return,
        Field::Missing => &[],
        Field::Present(list) => &list.value,
    };
    // A position that is unreadable might be the one that looks missing: do not guess.
    if parties
        .iter()
        .any(|p| matches!(p.value.position, Field::Invalid))
    {
        return;
    }
    let all = [
        ChainPosition::Upstream,
        ChainPosition::Midstream,
        ChainPosition::Downstream,
    ];
    let missing: Vec<&'static str> = all
        .iter()
        .filter(|pos| {
            !parties
                .iter()
                .any(|p| p.value.position.value() == Some(**pos))
        })
        .map(|pos| pos.word())
        .collect();
    if missing.is_empty() {
        return;
    }
    let place = cx.plan.place_of(&cx.plan.value_chain);
    let with = |id: &'static str| with_list(Message::new(id), &missing);
    let label = if cx.plan.value_chain.is_missing() {
        no_section("value_chain")
    } else {
        with("customer-focus-value-chain-gap.label")
    };
    out.push(
        Finding::new(
            &VALUE_CHAIN_GAP,
            place,
            with("customer-focus-value-chain-gap"),
            label,
        )
        .help(with("customer-focus-value-chain-gap.help")),
    );
}

fn value_chain_harm(cx: &Context, out: &mut Vec<Finding>) {
    let Some(parties) = cx.plan.value_chain.get() else {
        return;
    };
    for party in &parties.value {
        let p = &party.value;
        let Some(benefit) = p.benefit.get() else {
            continue;
        };
        if benefit.value != crate::model::Benefit::Negative {
            continue;
        }
        let who = p.who.get().filter(|w| !w.value.trim().is_empty());
        // Who loses, as far as the plan says: the message files word each case.
        let mut message = Message::new("customer-focus-value-chain-harm");
        message = match (who, p.position.value()) {
            (Some(w), Some(pos)) => message
                .text("kind", "who-position")
                .text("who", w.value.trim())
                .text("position", pos.word()),
            (Some(w), None) => message.text("kind", "who").text("who", w.value.trim()),
            (None, Some(pos)) => message
                .text("kind", "position")
                .text("position", pos.word()),
            (None, None) => message.text("kind", "none"),
        };
        let mut finding = Finding::new(
            &VALUE_CHAIN_HARM,
            benefit,
            message,
            Message::new("customer-focus-value-chain-harm.label"),
        );
        if let Some(w) = who {
            finding = finding.label(
                w,
                Message::new("customer-focus-who").text("who", w.value.trim()),
            );
        }
        out.push(finding.help(Message::new("customer-focus-value-chain-harm.help")));
    }
}

fn value<'a>(cx: &'a Context) -> Option<&'a Value> {
    cx.plan.value.get().map(|v| &v.value)
}

/// Adds how the improvement is computed, as data: `formula` is `lower` (`before 40 /
/// after 3`), `higher` (`after 900 / before 60`), or `none` when it cannot be computed
/// or is not to be shown; with `before` and `after`.
fn with_formula(message: Message, v: &Value, show: bool) -> Message {
    match (v.before.value(), v.after.value(), v.better.value()) {
        (Some(before), Some(after), Some(better)) if show => message
            .text(
                "formula",
                match better {
                    Better::Lower => "lower",
                    Better::Higher => "higher",
                },
            )
            .number("before", before)
            .number("after", after),
        _ => message.text("formula", "none"),
    }
}

fn not_10x(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let min = cx.thresholds.min_improvement;
    // The help is only written when the rule reports.
    let target = ten_x_target(v, min);
    let help = || {
        let mut help = Message::new("customer-focus-not-10x.help").number("min", min);
        help = match v.kpi.get() {
            Some(k) => help.text("has_kpi", "yes").text("kpi", k.value.trim()),
            None => help.text("has_kpi", "no"),
        };
        match (v.before.value(), v.better.value(), target) {
            (Some(before), Some(better), Some((to, _))) => help
                .text(
                    "target",
                    if better == Better::Lower {
                        "lower"
                    } else {
                        "higher"
                    },
                )
                .number("from", before)
                .number("to", to),
            _ => help.text("target", "none"),
        }
    };
    // The `after` that reaches the minimum, and a stated improvement written to match it.
    let fix = || {
        let (to, round) = target?;
        let after = v.after.get()?;
        let mut fix = Fix::change().set(after, to, Notation::Number, round);
        if let Some(stated) = v.improvement.get() {
            fix = fix.set(stated, min, Notation::Multiple, Round::Up);
        }
        Some(fix)
    };
    match &v.improvement {
        Field::Invalid => {}
        Field::Present(stated) => {
            if stated.value >= min - EPSILON {
                return;
            }
            let with = |id: &'static str| {
                with_formula(
                    Message::new(id),
                    v,
                    cx.metrics.improvement_computed.is_some(),
                )
                .number("stated", stated.value)
                .number("min", min)
            };
            let finding = Finding::new(
                &NOT_10X,
                stated,
                with("customer-focus-not-10x"),
                with("customer-focus-not-10x.label"),
            )
            .help(help());
            out.push(finding.fix(fix()));
        }
        Field::Missing => {
            let Some(computed) = cx.metrics.improvement_computed else {
                return;
            };
            if computed >= min - EPSILON {
                return;
            }
            let (Some(before), Some(after)) = (v.before.get(), v.after.get()) else {
                return;
            };
            let finding = Finding::new(
                &NOT_10X,
                after,
                with_formula(Message::new("customer-focus-not-10x-computed"), v, true)
                    .number("computed", computed)
                    .number("min", min),
                Message::new("customer-focus-after").number("after", after.value),
            )
            .label(
                before,
                Message::new("customer-focus-before").number("before", before.value),
            )
            .help(help());
            out.push(finding.fix(fix()));
        }
    }
}

/// The `after` that makes the improvement exactly `min` (`before / min` when lower is
/// better, `before × min` when higher is), and the way to round it so that the written
/// figure still reaches `min`. `None` without `before` and `better`, or when no `after`
/// can (lower is better and `min` is not above zero).
fn ten_x_target(v: &Value, min: f64) -> Option<(f64, Round)> {
    let before = v.before.value()?;
    match v.better.value()? {
        Better::Lower if min > 0.0 && before > 0.0 => Some((before / min, Round::Down)),
        Better::Higher if before > 0.0 => Some((before * min, Round::Up)),
        _ => None,
    }
}

fn improvement_mismatch(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let (Some(stated), Some(computed)) = (v.improvement.get(), cx.metrics.improvement_computed)
    else {
        return;
    };
    let tolerance = cx.thresholds.tolerance;
    if !differs(stated.value, computed, tolerance) {
        return;
    }
    let (Some(before), Some(after), Some(better)) = (v.before.get(), v.after.get(), v.better.get())
    else {
        return;
    };
    let with = |id: &'static str| {
        with_formula(Message::new(id), v, true)
            .number("stated", stated.value)
            .number("computed", computed)
            .percent("tolerance", tolerance)
    };
    out.push(
        Finding::new(
            &IMPROVEMENT_MISMATCH,
            stated,
            with("customer-focus-improvement-mismatch"),
            with("customer-focus-improvement-mismatch.label"),
        )
        .label(
            before,
            Message::new("customer-focus-before").number("before", before.value),
        )
        .label(
            after,
            Message::new("customer-focus-after").number("after", after.value),
        )
        .label(
            better,
            Message::new("customer-focus-better").text("better", better.value.word()),
        )
        .help(with("customer-focus-improvement-mismatch.help"))
        .fix(Fix::computed().set(stated, computed, Notation::Multiple, Round::Nearest)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn both(m: Message) -> (String, String) {
        (m.render(Lang::En), m.render(Lang::Zh))
    }

    #[test]
    fn the_size_band_written_passes_both_ways() {
        // 39 × 50 = 1,950; 2,000 / 50 = 40.
        assert_eq!(size_band(39, 2000, 50.0), (1950, 40));
        // Not whole: the maximum rounds down and the minimum up.
        assert_eq!(size_band(33, 2001, 7.5), (247, 267));
        assert_eq!(size_band(10, 100, 0.0), (0, 100));
    }

    #[test]
    fn the_10x_target_rounds_towards_passing() {
        let value = |before: f64, better: Better| Value {
            before: Field::Present(crate::model::Val::bare(before)),
            better: Field::Present(crate::model::Val::bare(better)),
            ..Value::default()
        };
        assert_eq!(
            ten_x_target(&value(40.0, Better::Lower), 10.0),
            Some((4.0, Round::Down))
        );
        assert_eq!(
            ten_x_target(&value(70.0, Better::Higher), 10.0),
            Some((700.0, Round::Up))
        );
        // Nothing below zero is lower, nothing above zero is a gain on zero.
        assert_eq!(ten_x_target(&value(0.0, Better::Lower), 10.0), None);
        assert_eq!(ten_x_target(&value(0.0, Better::Higher), 10.0), None);
        assert_eq!(ten_x_target(&Value::default(), 10.0), None);
    }

    #[test]
    fn lists_read_naturally_in_both_languages() {
        let gap = |items: &[&'static str]| {
            both(with_list(
                Message::new("customer-focus-value-chain-gap.label"),
                items,
            ))
        };
        assert_eq!(
            gap(&["upstream"]),
            ("no upstream".into(), "没有上游".into())
        );
        assert_eq!(
            gap(&["upstream", "downstream"]),
            ("no upstream or downstream".into(), "没有上游或下游".into())
        );
        assert_eq!(
            gap(&["upstream", "midstream", "downstream"]),
            (
                "no upstream, midstream or downstream".into(),
                "没有上游、中游或下游".into()
            )
        );
        let (en, zh) = both(with_list(
            Message::new("customer-focus-value-chain-gap"),
            &["midstream", "downstream"],
        ));
        assert!(
            en.starts_with(
                "the value chain does not say how midstream and downstream parties gain;"
            ),
            "{en}"
        );
        assert!(zh.starts_with("价值链没有说明中游和下游如何受益；"), "{zh}");
        let portrait = |items: &[&'static str]| {
            with_list(Message::new("customer-focus-missing-portrait"), items).render(Lang::En)
        };
        assert!(portrait(&["niche"]).contains(": `market.niche` is missing;"));
        assert!(
            portrait(&["niche", "industries", "customer_size"]).contains(
                ": `market.niche`, `market.industries` and `market.customer_size` are missing;"
            )
        );
    }

    #[test]
    fn a_harmed_party_is_named_as_far_as_the_plan_says() {
        let harm = |m: Message| both(m).0.split(" worse off").next().map(str::to_string);
        let m = || Message::new("customer-focus-value-chain-harm");
        assert_eq!(
            harm(
                m().text("kind", "who-position")
                    .text("who", "distributors")
                    .text("position", "downstream")
            )
            .as_deref(),
            Some("adoption leaves distributors (downstream)")
        );
        assert_eq!(
            harm(m().text("kind", "position").text("position", "upstream")).as_deref(),
            Some("adoption leaves the upstream party")
        );
        assert_eq!(
            harm(m().text("kind", "none")).as_deref(),
            Some("adoption leaves a value-chain party")
        );
        let zh = m()
            .text("kind", "who-position")
            .text("who", "经销商")
            .text("position", "downstream")
            .render(Lang::Zh);
        assert!(zh.starts_with("引入产品会让“经销商”（下游）受损"), "{zh}");
    }
}
