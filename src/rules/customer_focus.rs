//! `customer-focus/`: principle 1, a precise picture of the target customer.
//! A focused niche (few industries, a narrow size band), a killer hidden need, a value
//! chain where upstream, midstream and downstream all gain, and a 10x improvement.

use crate::engine::{Context, Rule, differs};
use crate::finding::{Finding, Severity};
use crate::model::value::{format_amount, format_number, format_percent};
use crate::model::{Better, ChainPosition, Field, Value};

pub const MISSING_PORTRAIT: Rule = Rule {
    id: "customer-focus/missing-portrait",
    severity: Severity::Error,
    summary: "market.niche, market.industries or market.customer_size is missing",
    check: Some(missing_portrait),
    inputs: &["market.niche", "market.industries", "market.customer_size"],
    thresholds: &[],
};

pub const BROAD_NICHE: Rule = Rule {
    id: "customer-focus/broad-niche",
    severity: Severity::Warning,
    summary: "too many industries, or an employee range that spans too wide a factor",
    check: Some(broad_niche),
    inputs: &["market.industries", "market.customer_size"],
    thresholds: &["max_industries", "max_size_span"],
};

pub const NO_HIDDEN_NEED: Rule = Rule {
    id: "customer-focus/no-hidden-need",
    severity: Severity::Warning,
    summary: "no need is must-have, hidden and backed by evidence",
    check: Some(no_hidden_need),
    inputs: &["needs"],
    thresholds: &[],
};

pub const VALUE_CHAIN_GAP: Rule = Rule {
    id: "customer-focus/value-chain-gap",
    severity: Severity::Warning,
    summary: "value_chain does not cover upstream, midstream and downstream",
    check: Some(value_chain_gap),
    inputs: &["value_chain"],
    thresholds: &[],
};

pub const VALUE_CHAIN_HARM: Rule = Rule {
    id: "customer-focus/value-chain-harm",
    severity: Severity::Error,
    summary: "a value-chain party loses from adoption (benefit: negative)",
    check: Some(value_chain_harm),
    inputs: &["value_chain"],
    thresholds: &[],
};

pub const NOT_10X: Rule = Rule {
    id: "customer-focus/not-10x",
    severity: Severity::Warning,
    summary: "the improvement multiple (stated or computed) is below the minimum",
    check: Some(not_10x),
    inputs: &["value.improvement | value.before + value.after + value.better"],
    thresholds: &["min_improvement"],
};

pub const IMPROVEMENT_MISMATCH: Rule = Rule {
    id: "customer-focus/improvement-mismatch",
    severity: Severity::Error,
    summary: "stated improvement disagrees with the one computed from before/after",
    check: Some(improvement_mismatch),
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

const EPSILON: f64 = 1e-9;

/// A text field that is absent or blank. `Invalid` is not missing: it was reported already.
fn text_missing(field: &Field<String>) -> bool {
    match field {
        Field::Missing => true,
        Field::Invalid => false,
        Field::Present(v) => v.value.trim().is_empty(),
    }
}

fn missing_portrait(cx: &Context, out: &mut Vec<Finding>) {
    let missing: Vec<&str> = match &cx.plan.market {
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
    let names: Vec<String> = missing.iter().map(|f| format!("`market.{f}`")).collect();
    let label = if cx.plan.market.is_missing() {
        "no `market` section".to_string()
    } else {
        format!("missing: {}", missing.join(", "))
    };
    out.push(
        Finding::new(
            &MISSING_PORTRAIT,
            place,
            format!(
                "the customer portrait is incomplete: {} {} missing; the principle asks for a precise niche, its industries and the size of its customers",
                join_and(&names),
                if names.len() == 1 { "is" } else { "are" }
            ),
            label,
        )
        .help(
            "describe the target customer under `market`: `niche:` in one sentence, `industries: [..]` (one or two), and `customer_size: { employees: [min, max] }`",
        ),
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
            out.push(
                Finding::new(
                    &BROAD_NICHE,
                    first_extra,
                    format!(
                        "the plan targets {count} industries; the principle asks for a focused niche of at most {}",
                        format_number(max)
                    ),
                    format!(
                        "industry {} of {count}, beyond the {} allowed",
                        index + 1,
                        format_number(max)
                    ),
                )
                .label(industries, format!("{count} industries"))
                .help(format!(
                    "start with the {} industr{} where the need is sharpest and win there first; add others once the niche is won",
                    format_number(max),
                    if max > 1.0 + EPSILON { "ies" } else { "y" }
                )),
            );
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
                out.push(
                    Finding::new(
                        &BROAD_NICHE,
                        max,
                        format!(
                            "the employee range {}-{} spans a factor of {} (max {} / min {}); the principle asks for a focused size band of at most {}x",
                            count_text(min.value),
                            count_text(max.value),
                            format_number(span),
                            count_text(max.value),
                            count_text(min.value),
                            format_number(allowed)
                        ),
                        format!("max: {} employees", count_text(max.value)),
                    )
                    .label(min, format!("min: {} employees", count_text(min.value)))
                    .help(format!(
                        "narrow `customer_size.employees` so the largest target is at most {}x the smallest: for a minimum of {} employees, a maximum of {} or fewer",
                        format_number(allowed),
                        count_text(min.value),
                        format_amount((min.value as f64 * allowed).floor())
                    )),
                );
            }
        }
    }
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
            "the plan names no customer need; the principle asks for a killer hidden need: must-have, overlooked by competitors, and backed by evidence".to_string(),
            if cx.plan.needs.is_missing() {
                "no `needs` section".to_string()
            } else {
                "no needs listed".to_string()
            },
        )
    } else {
        (
            format!(
                "none of the {} needs is at once must-have, hidden and backed by evidence ({must_have} must-have, {hidden} hidden, {evidenced} with evidence); the principle asks for a killer hidden need",
                needs.len()
            ),
            "no need with `must_have: true`, `hidden: true` and `evidence`".to_string(),
        )
    };
    out.push(Finding::new(&NO_HIDDEN_NEED, place, message, label).help(
        "name the rigid need competitors overlook, with `must_have: true`, `hidden: true` and the `evidence` that it is real (interviews, paid pilots)",
    ));
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
    let missing: Vec<String> = all
        .iter()
        .filter(|pos| {
            !parties
                .iter()
                .any(|p| p.value.position.value() == Some(**pos))
        })
        .map(|pos| pos.word().to_string())
        .collect();
    if missing.is_empty() {
        return;
    }
    let place = cx.plan.place_of(&cx.plan.value_chain);
    let label = if cx.plan.value_chain.is_missing() {
        "no `value_chain` section".to_string()
    } else {
        format!("no {}", join_or(&missing))
    };
    out.push(
        Finding::new(
            &VALUE_CHAIN_GAP,
            place,
            format!(
                "the value chain does not say how {} parties gain; the principle asks that upstream, midstream and downstream all gain from adoption",
                join_and(&missing)
            ),
            label,
        )
        .help(format!(
            "add a `value_chain` entry for {}: `- {{ position: {}, who: ..., benefit: positive, how: ... }}`",
            join_and(&missing),
            missing.first().map_or("upstream", String::as_str)
        )),
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
        let name = match (who, p.position.value()) {
            (Some(w), Some(pos)) => format!("{} ({})", w.value.trim(), pos.word()),
            (Some(w), None) => w.value.trim().to_string(),
            (None, Some(pos)) => format!("the {} party", pos.word()),
            (None, None) => "a value-chain party".to_string(),
        };
        let mut finding = Finding::new(
            &VALUE_CHAIN_HARM,
            benefit,
            format!(
                "adoption leaves {name} worse off (`benefit: negative`); the principle asks that every party in the chain gain, or the product is rejected like a transplanted organ"
            ),
            "negative benefit",
        );
        if let Some(w) = who {
            finding = finding.label(w, format!("who: {}", w.value.trim()));
        }
        out.push(finding.help(
            "change the offer so this party gains too (share the forecast, the savings or the data with them), and say how in `how:`",
        ));
    }
}

fn value<'a>(cx: &'a Context) -> Option<&'a Value> {
    cx.plan.value.get().map(|v| &v.value)
}

fn better_text(better: Option<Better>) -> &'static str {
    match better {
        Some(Better::Lower) => "lower is better",
        Some(Better::Higher) => "higher is better",
        None => "",
    }
}

/// `before 40 / after 3` or `after 900 / before 60`, as the computation goes.
fn formula(v: &Value) -> Option<String> {
    let (before, after) = (v.before.value()?, v.after.value()?);
    Some(match v.better.value()? {
        Better::Lower => format!(
            "before {} / after {}",
            format_number(before),
            format_number(after)
        ),
        Better::Higher => format!(
            "after {} / before {}",
            format_number(after),
            format_number(before)
        ),
    })
}

fn not_10x(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let min = cx.thresholds.min_improvement;
    // The help is only written when the rule reports.
    let help = || {
        let kpi = v.kpi.get().map_or("the value KPI", |k| k.value.trim());
        let target = match (v.before.value(), v.better.value()) {
            (Some(before), Some(Better::Lower)) if min > 0.0 => {
                format!(
                    " (from {} to {} or less)",
                    format_number(before),
                    format_number(before / min)
                )
            }
            (Some(before), Some(Better::Higher)) => {
                format!(
                    " (from {} to {} or more)",
                    format_number(before),
                    format_number(before * min)
                )
            }
            _ => String::new(),
        };
        format!(
            "aim for an order-of-magnitude gain on `{kpi}`: at least {}x{target}; a gain of a few times will not win an enterprise budget, so look for the need where the product changes the order of magnitude",
            format_number(min)
        )
    };
    match &v.improvement {
        Field::Invalid => {}
        Field::Present(stated) => {
            if stated.value >= min - EPSILON {
                return;
            }
            out.push(
                Finding::new(
                    &NOT_10X,
                    stated,
                    format!(
                        "the stated improvement is {}x{}; the principle asks for {}x or more: an optimisation of a few times is not enough",
                        format_number(stated.value),
                        formula(v)
                            .filter(|_| cx.metrics.improvement_computed.is_some())
                            .map_or_else(String::new, |f| format!(" ({f})")),
                        format_number(min)
                    ),
                    format!("improvement {}x", format_number(stated.value)),
                )
                .help(help()),
            );
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
            let how = formula(v).map_or_else(String::new, |f| {
                format!(" ({f}, {})", better_text(v.better.value()))
            });
            out.push(
                Finding::new(
                    &NOT_10X,
                    after,
                    format!(
                        "the improvement is {}x{how}; the principle asks for {}x or more: an optimisation of a few times is not enough",
                        format_number(computed),
                        format_number(min)
                    ),
                    format!("after: {}", format_number(after.value)),
                )
                .label(before, format!("before: {}", format_number(before.value)))
                .help(help()),
            );
        }
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
    let how = formula(v).unwrap_or_default();
    out.push(
        Finding::new(
            &IMPROVEMENT_MISMATCH,
            stated,
            format!(
                "stated improvement {}x differs from {}x computed as {how} ({})",
                format_number(stated.value),
                format_number(computed),
                better_text(Some(better.value))
            ),
            format!("stated: {}x", format_number(stated.value)),
        )
        .label(before, format!("before: {}", format_number(before.value)))
        .label(after, format!("after: {}", format_number(after.value)))
        .label(better, format!("better: {}", better.value.word()))
        .help(format!(
            "write `improvement: {}x` or correct `before`/`after`/`better`; the tolerance is {}",
            format_number(computed),
            format_percent(tolerance)
        )),
    );
}

/// A count of people with thousands separators: `2,000`.
fn count_text(n: u64) -> String {
    format_amount(n as f64)
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    join_with(items, "and")
}

/// `a`, `a or b`, `a, b or c`.
fn join_or(items: &[String]) -> String {
    join_with(items, "or")
}

fn join_with(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_read_naturally() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&v(&[])), "");
        assert_eq!(join_and(&v(&["a"])), "a");
        assert_eq!(join_and(&v(&["a", "b"])), "a and b");
        assert_eq!(join_or(&v(&["a", "b", "c"])), "a, b or c");
    }
}
