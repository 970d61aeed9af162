//! `patient-growth/`: principle 10, the enterprise market is slow, patient work.
//! 2-3× growth a year is already a good pace; expect 3-5 years of accumulation before real
//! scale, and enough cash to last through them.

use std::collections::BTreeSet;

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule, differs};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{Field, Projection, Stage, Val};

pub const HYPERGROWTH: Rule = Rule {
    id: "patient-growth/hypergrowth",
    severity: Severity::Warning,
    summary: "revenue grows more than the maximum from one projection year to the next",
    check: Some(Check::Fn(hypergrowth)),
    inputs: &["projections[*].revenue"],
    thresholds: &["max_annual_growth"],
};

pub const SHORT_HORIZON: Rule = Rule {
    id: "patient-growth/short-horizon",
    severity: Severity::Warning,
    summary: "projections cover fewer years than the minimum",
    check: Some(Check::Fn(short_horizon)),
    inputs: &["projections[*].year"],
    thresholds: &["min_horizon_years"],
};

pub const CASH_OUT: Rule = Rule {
    id: "patient-growth/cash-out",
    severity: Severity::Error,
    summary: "a projection year ends with negative cash",
    check: Some(Check::Fn(cash_out)),
    inputs: &["projections[*].cash_end"],
    thresholds: &[],
};

pub const CASH_BRIDGE: Rule = Rule {
    id: "patient-growth/cash-bridge",
    severity: Severity::Error,
    summary: "cash_end disagrees with previous cash_end + raised - net_burn",
    check: Some(Check::Fn(cash_bridge)),
    inputs: &["projections[*].cash_end", "projections[*].net_burn"],
    thresholds: &["tolerance"],
};

pub const REVENUE_DECLINE: Rule = Rule {
    id: "patient-growth/revenue-decline",
    severity: Severity::Warning,
    summary: "revenue falls from one year to the next by more than the allowance",
    check: Some(Check::Fn(revenue_decline)),
    inputs: &["projections[*].revenue"],
    thresholds: &["max_revenue_decline"],
};

pub const BURN_MULTIPLE: Rule = Rule {
    id: "patient-growth/burn-multiple",
    severity: Severity::Warning,
    summary: "a year's net burn is larger than its revenue (past the early years)",
    check: Some(Check::Fn(burn_multiple)),
    inputs: &["projections[*].revenue", "projections[*].net_burn"],
    thresholds: &["max_burn_multiple"],
};

pub const SHORT_RUNWAY: Rule = Rule {
    id: "patient-growth/short-runway",
    severity: Severity::Warning,
    summary: "cash at year end covers less than the minimum months of that year's net burn",
    check: Some(Check::Fn(short_runway)),
    inputs: &["projections[*].cash_end", "projections[*].net_burn"],
    thresholds: &["min_runway_months"],
};

pub static RULES: &[&Rule] = &[
    &HYPERGROWTH,
    &SHORT_HORIZON,
    &CASH_OUT,
    &CASH_BRIDGE,
    &REVENUE_DECLINE,
    &BURN_MULTIPLE,
    &SHORT_RUNWAY,
];

fn projections<'a>(cx: &'a Context) -> &'a [Val<Projection>] {
    cx.plan
        .projections
        .get()
        .map_or(&[], |v| v.value.as_slice())
}

/// Consecutive entries of the plan, as written: a pair around a dropped (invalid) entry is
/// not consecutive, and the rules comparing years stay silent on it. The loader drops an
/// entry that is not a mapping (after reporting it), so the positions it records
/// (`Val::index`) can skip.
pub fn consecutive(
    entries: &[Val<Projection>],
) -> impl Iterator<Item = (&Val<Projection>, &Val<Projection>)> {
    entries.windows(2).filter_map(|pair| match pair {
        [prev, next] => match (prev.index, next.index) {
            (Some(a), Some(b)) if b == a + 1 => Some((prev, next)),
            _ => None,
        },
        _ => None,
    })
}

/// The arguments naming an entry in a message: `(kind, value)`. The message files word
/// the name (`patient-growth-year-name`, `-prev-name`, `-next-name`): its year, or its
/// position when it states none.
type NameArgs = (&'static str, &'static str);
/// The one entry a finding is about.
const YEAR: NameArgs = ("year_kind", "year");
/// The earlier and the later entry of a pair.
const PREV: NameArgs = ("prev_kind", "prev");
const NEXT: NameArgs = ("next_kind", "next");
/// The first later entry a cut pushes over the limit.
const LATER: NameArgs = ("later_kind", "later_year");

fn named(message: Message, (kind, value): NameArgs, entry: &Val<Projection>) -> Message {
    match (entry.value.year.value(), entry.index) {
        (Some(y), _) => message.text(kind, "year").text(value, y.to_string()),
        (None, Some(i)) => message.text(kind, "position").count(value, i + 1),
        (None, None) => message.text(kind, "unknown").text(value, ""),
    }
}

/// `later / earlier`, or `None` when the growth cannot be measured (no earlier revenue).
fn growth(earlier: f64, later: f64) -> Option<f64> {
    (earlier > 0.0).then(|| later / earlier)
}

/// Years between two entries, when both state their year and the later one is later;
/// 1 otherwise (consecutive entries are a year apart unless they say otherwise).
fn years_between(prev: &Val<Projection>, next: &Val<Projection>) -> f64 {
    match (prev.value.year.value(), next.value.year.value()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64,
        _ => 1.0,
    }
}

pub fn is_actual(entry: &Val<Projection>) -> bool {
    entry.value.actual.is_true()
}

/// Revenue growth from one entry to the next, as `hypergrowth` judges it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Growth {
    /// `later / earlier`.
    pub total: f64,
    /// Years between the two entries.
    pub years: f64,
    /// The growth a year: `total` over `years` years.
    pub ratio: f64,
}

impl Growth {
    /// The growth between two entries, when both state revenue and the earlier one has some.
    pub fn between(prev: &Val<Projection>, next: &Val<Projection>) -> Option<Growth> {
        let total = growth(prev.value.revenue.value()?, next.value.revenue.value()?)?;
        let years = years_between(prev, next);
        Some(Growth {
            total,
            years,
            ratio: total.powf(1.0 / years),
        })
    }

    /// True when the growth a year is above the ceiling `max` (`max_annual_growth`).
    pub fn above(&self, max: f64) -> bool {
        self.ratio > max + EPSILON
    }
}

fn hypergrowth(cx: &Context, out: &mut Vec<Finding>) {
    let max = cx.thresholds.max_annual_growth;
    let entries = projections(cx);
    for (prev, next) in consecutive(entries) {
        // Past years are facts: growth that happened is not a plan to judge.
        if is_actual(next) {
            continue;
        }
        let (Some(before), Some(after)) = (prev.value.revenue.get(), next.value.revenue.get())
        else {
            continue;
        };
        // Over a gap of several years, the growth a year (2017 → 2019 is two years).
        let Some(g) = Growth::between(prev, next) else {
            continue;
        };
        if !g.above(max) {
            continue;
        }
        let Growth {
            total,
            years,
            ratio,
        } = g;
        let cuts = growth_cuts(entries, next, max);
        let later = &cuts[1.min(cuts.len())..];
        // Over a gap of years, the total growth and the growth a year are both said.
        let with = |id: &'static str| {
            let m = Message::new(id)
                .text("gap", if years > 1.0 { "years" } else { "one-year" })
                .number("total", total)
                .number("years", years)
                .number("ratio", ratio)
                .money("before", before.value, cx.currency())
                .money("after", after.value, cx.currency())
                .money("most", before.value * max.powf(years), cx.currency())
                .number("max", max)
                .count("later", later.len());
            let m = match later.first() {
                Some((entry, _, most)) => {
                    named(m, LATER, entry).money("later_most", *most, cx.currency())
                }
                None => m
                    .text("later_kind", "unknown")
                    .text("later_year", "")
                    .money("later_most", 0.0, cx.currency()),
            };
            named(named(m, PREV, prev), NEXT, next)
        };
        let fix = cuts.iter().fold(
            Fix::unsafe_(Message::new("fix-change")),
            |fix, (_, revenue, most)| fix.set(*revenue, *most, Notation::Money, Round::Down),
        );
        out.push(
            Finding::new(
                &HYPERGROWTH,
                after,
                with("patient-growth-hypergrowth"),
                with("patient-growth-hypergrowth.label"),
            )
            .label(before, with("patient-growth-prev-revenue"))
            .help(with("patient-growth-hypergrowth.help"))
            .fix(fix),
        );
    }
}

/// Writes the computed `cash_end` of `entry`, and carries the difference into the later
/// years whose bridge held from the old figure (each starts from the cash the year
/// before ended with, so it would break otherwise). `None` when the corrected cash would
/// run out or fall short of the runway the principle asks for: the figures then need
/// more than arithmetic (the help says what to write).
fn bridge_fix(
    cx: &Context,
    entries: &[Val<Projection>],
    entry: &Val<Projection>,
    computed: f64,
) -> Option<Fix> {
    let tolerance = cx.thresholds.tolerance;
    let stated = entry.value.cash_end.get()?;
    let delta = computed - stated.value;
    let mut fix = Fix::safe(Message::new("fix-computed")).set(
        stated,
        computed,
        Notation::Money,
        Round::Nearest,
    );
    let mut changed = vec![(entry, computed)];
    let mut from = entry;
    for (prev, next) in consecutive(entries) {
        if !std::ptr::eq(prev, from) {
            continue;
        }
        let (Some(before), Some(raised), Some(burn), Some(cash)) = (
            prev.value.cash_end.get(),
            next.value.raised.get(),
            next.value.net_burn.get(),
            next.value.cash_end.get(),
        ) else {
            break;
        };
        if differs(
            cash.value,
            before.value + raised.value - burn.value,
            tolerance,
        ) {
            break;
        }
        fix = fix.set(cash, cash.value + delta, Notation::Money, Round::Nearest);
        changed.push((next, cash.value + delta));
        from = next;
    }
    let months = cx.thresholds.min_runway_months;
    let worse = changed.iter().any(|(e, cash)| {
        let burn = e.value.net_burn.value().unwrap_or(0.0);
        let was = e.value.cash_end.value().unwrap_or(0.0);
        let short = |c: f64| burn > 0.0 && c >= 0.0 && c / burn * 12.0 < months - EPSILON;
        (*cash < 0.0 && was >= 0.0) || (short(*cash) && !short(was))
    });
    (!worse).then_some(fix)
}

/// The smallest cuts of revenue that bring the growth into `entry` within `max` a year
/// and keep every later year within it too: a cut year is a lower base for the next one,
/// which may then grow too fast in turn. Each cut is the entry, its revenue and the most
/// it may plan, from `entry` on; the first is `entry`'s own.
fn growth_cuts<'a>(
    entries: &'a [Val<Projection>],
    entry: &'a Val<Projection>,
    max: f64,
) -> Vec<(&'a Val<Projection>, &'a Val<f64>, f64)> {
    let mut cuts = Vec::new();
    // The revenue of the entry before, as it will be written (a cut is written rounded
    // down, to within 0.1%: the next year is judged against the lowest it may be).
    let mut base: Option<f64> = None;
    let mut started = false;
    for (prev, next) in consecutive(entries) {
        if std::ptr::eq(next, entry) {
            started = true;
        }
        if !started {
            continue;
        }
        let (Some(before), Some(after)) = (prev.value.revenue.get(), next.value.revenue.get())
        else {
            break;
        };
        let before = base.unwrap_or(before.value);
        if is_actual(next) || before <= 0.0 {
            break;
        }
        let most = before * max.powf(years_between(prev, next));
        if after.value <= most + EPSILON {
            if !cuts.is_empty() {
                // The series passes from here on.
                break;
            }
            base = Some(after.value);
            continue;
        }
        cuts.push((next, after, most));
        base = Some(most * (1.0 - 1e-3));
    }
    cuts
}

fn revenue_decline(cx: &Context, out: &mut Vec<Finding>) {
    // A dip within the allowance is a flat year, not a decline.
    let allowed = cx.thresholds.max_revenue_decline;
    for (prev, next) in consecutive(projections(cx)) {
        let (Some(before), Some(after)) = (prev.value.revenue.get(), next.value.revenue.get())
        else {
            continue;
        };
        if before.value <= 0.0 || after.value >= before.value {
            continue;
        }
        let fall = 1.0 - after.value / before.value;
        if fall <= allowed + EPSILON {
            continue;
        }
        // A reported year fell; a planned one falls.
        let with = |id: &'static str| {
            let m = Message::new(id)
                .text("tense", if is_actual(next) { "past" } else { "planned" })
                .percent("fall", fall)
                .money("before", before.value, cx.currency())
                .money("after", after.value, cx.currency());
            named(named(m, PREV, prev), NEXT, next)
        };
        out.push(
            Finding::new(
                &REVENUE_DECLINE,
                after,
                with("patient-growth-revenue-decline"),
                with("patient-growth-revenue-decline.label"),
            )
            .label(before, with("patient-growth-prev-revenue"))
            .help(Message::new("patient-growth-revenue-decline.help")),
        );
    }
}

/// Whether a year's burn is judged against its revenue: every year of a company past its
/// early rounds (`series_b`, `growth`, `public`), and the planned years after the first
/// two, when the principles' 3-5 years of accumulation should have made the revenue carry
/// more of the cost. A young company's early years, reported or planned, burn more than
/// they earn by design.
fn burn_is_judged(cx: &Context, entries: &[Val<Projection>], index: usize) -> bool {
    let Some(entry) = entries.get(index) else {
        return false;
    };
    let late_stage = cx.plan.company.get().is_some_and(|c| {
        matches!(
            c.value.stage.value(),
            Some(Stage::SeriesB | Stage::Growth | Stage::Public)
        )
    });
    if late_stage {
        return true;
    }
    if is_actual(entry) {
        return false;
    }
    let planned_before = entries[..index].iter().filter(|e| !is_actual(e)).count();
    planned_before >= 2
}

fn burn_multiple(cx: &Context, out: &mut Vec<Finding>) {
    let max = cx.thresholds.max_burn_multiple;
    let entries = projections(cx);
    for (i, entry) in entries.iter().enumerate() {
        let (Some(burn), Some(revenue)) = (entry.value.net_burn.get(), entry.value.revenue.get())
        else {
            continue;
        };
        if burn.value <= 0.0 || revenue.value <= 0.0 || !burn_is_judged(cx, entries, i) {
            continue;
        }
        let multiple = burn.value / revenue.value;
        if multiple <= max + EPSILON {
            continue;
        }
        let with = |id: &'static str| {
            let m = Message::new(id)
                .money("burn", burn.value, cx.currency())
                .money("revenue", revenue.value, cx.currency())
                .number("multiple", multiple)
                .money("most", revenue.value * max, cx.currency())
                .number("max", max);
            named(m, YEAR, entry)
        };
        out.push(
            Finding::new(
                &BURN_MULTIPLE,
                burn,
                with("patient-growth-burn-multiple"),
                with("patient-growth-burn-multiple.label"),
            )
            .label(revenue, with("patient-growth-burn-multiple-revenue"))
            .help(with("patient-growth-burn-multiple.help")),
        );
    }
}

fn short_runway(cx: &Context, out: &mut Vec<Finding>) {
    let months = cx.thresholds.min_runway_months;
    for entry in projections(cx) {
        let (Some(burn), Some(cash)) = (entry.value.net_burn.get(), entry.value.cash_end.get())
        else {
            continue;
        };
        if burn.value <= 0.0 || cash.value < 0.0 {
            // No burn, or already out of cash (cash-out says so).
            continue;
        }
        let runway = cash.value / burn.value * 12.0;
        if runway >= months - EPSILON {
            continue;
        }
        let with = |id: &'static str| {
            let m = Message::new(id)
                .money("cash", cash.value, cx.currency())
                .number("runway", runway)
                .money("burn", burn.value, cx.currency())
                .number("months", months)
                .money("least", burn.value * months / 12.0, cx.currency());
            named(m, YEAR, entry)
        };
        out.push(
            Finding::new(
                &SHORT_RUNWAY,
                cash,
                with("patient-growth-short-runway"),
                with("patient-growth-short-runway.label"),
            )
            .label(burn, with("patient-growth-short-runway-burn"))
            .help(with("patient-growth-short-runway.help")),
        );
    }
}

fn short_horizon(cx: &Context, out: &mut Vec<Finding>) {
    let min = cx.thresholds.min_horizon_years;
    let (years, place) = match &cx.plan.projections {
        Field::Invalid => return,
        Field::Missing => (BTreeSet::new(), cx.plan.document.clone()),
        Field::Present(list) => {
            // An entry that could not be read, or whose year could not, may cover a year
            // of its own: plan/invalid-value reported it, and this rule does not guess.
            let unreadable = list
                .value
                .iter()
                .enumerate()
                .any(|(i, e)| e.index != Some(i) || matches!(e.value.year, Field::Invalid));
            if unreadable {
                return;
            }
            (
                list.value
                    .iter()
                    .filter_map(|e| e.value.year.value())
                    .collect::<BTreeSet<i64>>(),
                list.into(),
            )
        }
    };
    let count = years.len() as f64;
    if count >= min - EPSILON {
        return;
    }
    // The years covered, as written (`2026, 2027`), and the years to cover from the
    // first one.
    let list: Vec<String> = years.iter().map(i64::to_string).collect();
    let first = years.iter().next().copied();
    let kind = if cx.plan.projections.is_missing() {
        "missing"
    } else {
        "listed"
    };
    let with = |id: &'static str| {
        Message::new(id)
            .text("kind", kind)
            .count("count", years.len())
            .text("years", list.join(", "))
            .number("min", min)
            .text("first", first.map(|y| y.to_string()).unwrap_or_default())
            .text(
                "last",
                first
                    .map(|y| (y + min.ceil() as i64 - 1).to_string())
                    .unwrap_or_default(),
            )
    };
    out.push(
        Finding::new(
            &SHORT_HORIZON,
            place,
            with("patient-growth-short-horizon"),
            with("patient-growth-short-horizon.label"),
        )
        .help(with("patient-growth-short-horizon.help")),
    );
}

fn cash_out(cx: &Context, out: &mut Vec<Finding>) {
    for entry in projections(cx) {
        let Some(cash) = entry.value.cash_end.get() else {
            continue;
        };
        if cash.value >= 0.0 {
            continue;
        }
        let with = |id: &'static str| {
            let m = Message::new(id)
                .money("cash", cash.value, cx.currency())
                .money("short", -cash.value, cx.currency());
            named(m, YEAR, entry)
        };
        out.push(
            Finding::new(
                &CASH_OUT,
                cash,
                with("patient-growth-cash-out"),
                with("patient-growth-cash-out.label"),
            )
            .help(with("patient-growth-cash-out.help")),
        );
    }
}

fn cash_bridge(cx: &Context, out: &mut Vec<Finding>) {
    let tolerance = cx.thresholds.tolerance;
    let entries = projections(cx);
    for (prev, next) in consecutive(entries) {
        let (Some(before), Some(raised), Some(burn), Some(stated)) = (
            prev.value.cash_end.get(),
            next.value.raised.get(),
            next.value.net_burn.get(),
            next.value.cash_end.get(),
        ) else {
            continue;
        };
        let computed = before.value + raised.value - burn.value;
        if !differs(stated.value, computed, tolerance) {
            continue;
        }
        let with = |id: &'static str| {
            let m = Message::new(id)
                .money("stated", stated.value, cx.currency())
                .money("computed", computed, cx.currency())
                .money("before", before.value, cx.currency())
                .money("raised", raised.value, cx.currency())
                .money("burn", burn.value, cx.currency())
                .number("write", computed)
                .percent("tolerance", tolerance);
            named(named(m, PREV, prev), NEXT, next)
        };
        let finding = Finding::new(
            &CASH_BRIDGE,
            stated,
            with("patient-growth-cash-bridge"),
            with("patient-growth-cash-bridge.label"),
        )
        .label(before, with("patient-growth-cash-bridge-before"))
        .label(raised, with("patient-growth-cash-bridge-raised"))
        .label(burn, with("patient-growth-cash-bridge-burn"))
        .help(with("patient-growth-cash-bridge.help"));
        out.push(match bridge_fix(cx, entries, next, computed) {
            Some(fix) => finding.fix(fix),
            None => finding,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(index: usize) -> Val<Projection> {
        Val {
            value: Projection::default(),
            span: crate::source::Span::new(0, 0),
            path: format!("projections[{index}]"),
            index: Some(index),
        }
    }

    #[test]
    fn gaps_in_positions_break_pairs() {
        let entries = [entry(0), entry(1), entry(3)];
        let pairs: Vec<_> = consecutive(&entries)
            .map(|(a, b)| (a.path.as_str(), b.path.as_str()))
            .collect();
        assert_eq!(pairs, [("projections[0]", "projections[1]")]);
    }

    #[test]
    fn growth_is_later_over_earlier() {
        assert_eq!(growth(5.0, 15.0), Some(3.0));
        assert_eq!(growth(0.0, 15.0), None);
    }

    #[test]
    fn cash_bridge_of_the_clean_plan_holds() {
        // 2027: 12M + 45M - 18M = 39M; 2028: 39M + 0 - 26M = 13M.
        assert!(!differs(39e6, 12e6 + 45e6 - 18e6, 0.05));
        assert!(!differs(13e6, 39e6 + 0.0 - 26e6, 0.05));
        // 5% of the computed value passes, a little more fails.
        assert!(!differs(40.95e6, 39e6, 0.05));
        assert!(differs(41.0e6, 39e6, 0.05));
    }
}
