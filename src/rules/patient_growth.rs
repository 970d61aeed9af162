//! `patient-growth/`: principle 10, the enterprise market is slow, patient work.
//! 2-3× growth a year is already a good pace; expect 3-5 years of accumulation before real
//! scale, and enough cash to last through them.

use std::collections::BTreeSet;

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{Field, Projection, Stage, Val};

mod cash;
use cash::{Amount, Change, Col, Kind, Limits, Row, Shift, Table, Way};

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
        let fix = cuts.iter().fold(Fix::change(), |fix, (_, revenue, most)| {
            fix.set(*revenue, *most, Notation::Money, Round::Down)
        });
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

/// The projections' cash figures, with the verdicts of the cash rules (`cash-out`,
/// `short-runway`, `burn-multiple`, `cash-bridge`): the checks report from it, and every
/// fix they offer is tried on it first.
fn cash_table(cx: &Context, entries: &[Val<Projection>]) -> Table {
    // Whether a year's burn is judged against its revenue: every year of a company past
    // its early rounds (`series_b`, `growth`, `public`), and the planned years after the
    // first two, when the principles' 3-5 years of accumulation should have made the
    // revenue carry more of the cost. A young company's early years, reported or
    // planned, burn more than they earn by design.
    let late_stage = cx.plan.company.get().is_some_and(|c| {
        matches!(
            c.value.stage.value(),
            Some(Stage::SeriesB | Stage::Growth | Stage::Public)
        )
    });
    let money = |f: &Field<f64>| f.value().map(Amount::exact);
    let mut planned_before = 0;
    let mut rows = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let actual = is_actual(entry);
        let judged = late_stage || (!actual && planned_before >= 2);
        planned_before += usize::from(!actual);
        // As `consecutive` pairs them.
        let linked = i.checked_sub(1).and_then(|p| entries.get(p)).is_some_and(
            |prev| matches!((prev.index, entry.index), (Some(a), Some(b)) if b == a + 1),
        );
        rows.push(Row {
            revenue: entry.value.revenue.value(),
            burn: money(&entry.value.net_burn),
            raised: money(&entry.value.raised),
            cash: money(&entry.value.cash_end),
            judged,
            linked,
        });
    }
    Table::new(
        rows,
        Limits {
            max_burn_multiple: cx.thresholds.max_burn_multiple,
            runway_months: cx.thresholds.min_runway_months,
            tolerance: cx.thresholds.tolerance,
        },
    )
}

/// An amount a help proposes, and the values its fix writes: `None` when the plan
/// states no value to write it over, or when the written values would not pass.
struct Proposal {
    amount: f64,
    changes: Option<Vec<Change>>,
}

/// The least amount of `way` at `row`, from `least` on, and the more it takes so that no
/// year it carries cash into is newly out of cash or short of runway; its changes when
/// they resolve `target` and add no finding of the cash rules.
fn propose(table: &Table, row: usize, way: Way, least: f64, target: (Kind, usize)) -> Proposal {
    let amount = table.smallest(&[], row, way, least);
    let shift = [Shift { row, way, amount }];
    Proposal {
        amount,
        changes: table
            .changes(&shift, Round::Up)
            .filter(|c| table.resolves(c, target)),
    }
}

/// True when `a` is more than `b`, beyond the noise of float arithmetic.
fn beyond(a: f64, b: f64) -> bool {
    a - b > 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The fix writing `changes` over the entries' values; `None` when one is not in the plan.
fn fix_of(fix: Fix, entries: &[Val<Projection>], changes: &[Change]) -> Option<Fix> {
    changes.iter().try_fold(fix, |fix, c| {
        let e = &entries.get(c.row)?.value;
        let field = match c.col {
            Col::Burn => &e.net_burn,
            Col::Raised => &e.raised,
            Col::Cash => &e.cash_end,
        };
        Some(fix.set(field.get()?, c.value, Notation::Money, c.round))
    })
}

/// An unsafe fix of `changes`, unless the year they change is reported: a reported year
/// (`actual: true`) is a fact, and no fix rewrites what was raised or burnt in it.
fn business_fix(
    entries: &[Val<Projection>],
    entry: &Val<Projection>,
    changes: Option<Vec<Change>>,
) -> Option<Fix> {
    if is_actual(entry) {
        return None;
    }
    fix_of(Fix::change(), entries, &changes?)
}

fn burn_multiple(cx: &Context, out: &mut Vec<Finding>) {
    let max = cx.thresholds.max_burn_multiple;
    let months = cx.thresholds.min_runway_months;
    let entries = projections(cx);
    let table = cash_table(cx, entries);
    for (i, entry) in entries.iter().enumerate() {
        if !table.flags(i).burn_multiple {
            continue;
        }
        let (Some(burn), Some(revenue)) = (entry.value.net_burn.get(), entry.value.revenue.get())
        else {
            continue;
        };
        let multiple = burn.value / revenue.value;
        let limit = revenue.value * max;
        // The cut to the limit, or more when the cash it keeps would leave a year that
        // ran out ending with less than the runway the principle asks for. A cut past
        // the whole burn is no cut: the limit is said, and no fix offered.
        let cut = propose(
            &table,
            i,
            Way::Cut,
            burn.value - limit,
            (Kind::BurnMultiple, i),
        );
        let (most, fix) = if beyond(cut.amount, burn.value) {
            (limit, None)
        } else {
            (
                burn.value - cut.amount,
                business_fix(entries, entry, cut.changes),
            )
        };
        let with = |id: &'static str| {
            let m = Message::new(id)
                .money("burn", burn.value, cx.currency())
                .money("revenue", revenue.value, cx.currency())
                .number("multiple", multiple)
                .money("most", most, cx.currency())
                .money("limit", limit, cx.currency())
                .text(
                    "why",
                    if beyond(limit, most) {
                        "runway"
                    } else {
                        "multiple"
                    },
                )
                .number("months", months)
                .number("max", max)
                .text("reported", if is_actual(entry) { "yes" } else { "no" });
            named(m, YEAR, entry)
        };
        let finding = Finding::new(
            &BURN_MULTIPLE,
            burn,
            with("patient-growth-burn-multiple"),
            with("patient-growth-burn-multiple.label"),
        )
        .label(revenue, with("patient-growth-burn-multiple-revenue"))
        .help(with("patient-growth-burn-multiple.help"));
        out.push(finding.fix(fix));
    }
}

fn short_runway(cx: &Context, out: &mut Vec<Finding>) {
    let months = cx.thresholds.min_runway_months;
    let entries = projections(cx);
    let table = cash_table(cx, entries);
    for (i, entry) in entries.iter().enumerate() {
        if !table.flags(i).short_runway {
            continue;
        }
        let (Some(burn), Some(cash)) = (entry.value.net_burn.get(), entry.value.cash_end.get())
        else {
            continue;
        };
        let runway = cash.value / burn.value * 12.0;
        let target = (Kind::ShortRunway, i);
        // Raise what the runway lacks; or burn less, which also lowers the cash the
        // runway needs: cash + d = (burn - d) × months / 12.
        let raise = propose(
            &table,
            i,
            Way::Raise,
            burn.value * months / 12.0 - cash.value,
            target,
        );
        let cut = propose(
            &table,
            i,
            Way::Cut,
            (months * burn.value - 12.0 * cash.value) / (12.0 + months),
            target,
        );
        let cut = (!beyond(cut.amount, burn.value)).then_some(cut);
        let with = |id: &'static str| {
            let m = Message::new(id)
                .money("cash", cash.value, cx.currency())
                .number("runway", runway)
                .money("burn", burn.value, cx.currency())
                .number("months", months)
                .money("least", cash.value + raise.amount, cx.currency())
                .money("short", raise.amount, cx.currency())
                .text("cut_kind", if cut.is_some() { "cut" } else { "none" })
                .money("cut", cut.as_ref().map_or(0.0, |c| c.amount), cx.currency());
            named(m, YEAR, entry)
        };
        let finding = Finding::new(
            &SHORT_RUNWAY,
            cash,
            with("patient-growth-short-runway"),
            with("patient-growth-short-runway.label"),
        )
        .label(burn, with("patient-growth-short-runway-burn"))
        .help(with("patient-growth-short-runway.help"));
        let finding = finding.fix(business_fix(entries, entry, raise.changes));
        let cut = cut.and_then(|c| business_fix(entries, entry, c.changes));
        out.push(finding.alternative(cut));
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
    let months = cx.thresholds.min_runway_months;
    let entries = projections(cx);
    let table = cash_table(cx, entries);
    for (i, entry) in entries.iter().enumerate() {
        if !table.flags(i).cash_out {
            continue;
        }
        let Some(cash) = entry.value.cash_end.get() else {
            continue;
        };
        let target = (Kind::CashOut, i);
        // Back to zero is not enough when the year burns: it would then be short of
        // runway, a finding of its own. The least that passes both is what the year
        // needs: raised, or cut from a burn it lowers too.
        let raise = propose(&table, i, Way::Raise, -cash.value, target);
        let cut = entry
            .value
            .net_burn
            .value()
            .filter(|b| *b > 0.0)
            .map(|burn| (burn, propose(&table, i, Way::Cut, -cash.value, target)))
            .filter(|(burn, cut)| !beyond(cut.amount, *burn))
            .map(|(_, cut)| cut);
        let with = |id: &'static str| {
            let m = Message::new(id)
                .money("cash", cash.value, cx.currency())
                .money("short", raise.amount, cx.currency())
                .text("cut_kind", if cut.is_some() { "cut" } else { "none" })
                .money("cut", cut.as_ref().map_or(0.0, |c| c.amount), cx.currency())
                .text(
                    "runway",
                    if beyond(raise.amount, -cash.value) {
                        "yes"
                    } else {
                        "no"
                    },
                )
                .number("months", months);
            named(m, YEAR, entry)
        };
        let finding = Finding::new(
            &CASH_OUT,
            cash,
            with("patient-growth-cash-out"),
            with("patient-growth-cash-out.label"),
        )
        .help(with("patient-growth-cash-out.help"));
        let finding = finding.fix(business_fix(entries, entry, raise.changes));
        let cut = cut.and_then(|c| business_fix(entries, entry, c.changes));
        out.push(finding.alternative(cut));
    }
}

/// What the help of a broken cash bridge proposes.
enum BridgeWay {
    /// Write the computed cash (carried into the later years whose bridge held): a safe
    /// fix, or none when rounding alone keeps it from passing.
    Write(Option<Fix>),
    /// The computed cash leaves year `later` out of cash or short of runway: write it and
    /// raise `amount` more in that year (carried on), an unsafe fix.
    Raise { later: Later, amount: f64, fix: Fix },
    /// The computed cash leaves year `later` out of cash or short of runway, and no
    /// raise can be written there (it states no `raised`, or it is a reported year):
    /// the help says so and proposes no number.
    Short { later: Later },
}

/// The year a broken bridge's correction leaves short.
struct Later {
    row: usize,
    /// It needs runway, not only cash at or above zero: a raise past what brings it to
    /// zero, or (with no raise) a year left with some cash, but too little.
    runway: bool,
}

/// How to resolve the broken bridge of row `i`, whose stated cash is `delta` off the
/// computed: write the computed cash (carried into the later years whose bridge held
/// from the old figure); when that leaves a year out of cash or short of runway, also
/// raise in the first such year what it then needs.
fn bridge_way(table: &Table, entries: &[Val<Projection>], i: usize, delta: f64) -> BridgeWay {
    let target = (Kind::CashBridge, i);
    let restate = Shift {
        row: i,
        way: Way::Restate,
        amount: delta,
    };
    // The computed value to the nearest; rounded up if that is what keeps a year's
    // runway (it is still the computed value, as precisely as the plan writes it).
    let safe = [Round::Nearest, Round::Up].into_iter().find_map(|round| {
        table
            .changes(&[restate], round)
            .filter(|c| table.resolves(c, target))
    });
    if let Some(changes) = safe {
        return BridgeWay::Write(fix_of(Fix::computed(), entries, &changes));
    }
    let Some(row) = table
        .changes(&[restate], Round::Up)
        .and_then(|c| table.first_new(&c, target))
    else {
        return BridgeWay::Write(None);
    };
    let amount = table.smallest(&[restate], row, Way::Raise, 0.0);
    let Some(cash) = table.cash_after(&[restate], row).filter(|_| amount > 0.0) else {
        // Nothing is short: rounding alone keeps the computed value from passing.
        return BridgeWay::Write(None);
    };
    let raise = Shift {
        row,
        way: Way::Raise,
        amount,
    };
    let fix = entries.get(row).and_then(|entry| {
        let changes = table
            .changes(&[restate, raise], Round::Up)
            .filter(|c| table.resolves(c, target));
        business_fix(entries, entry, changes)
    });
    match fix {
        Some(fix) => BridgeWay::Raise {
            later: Later {
                row,
                runway: beyond(amount, -cash),
            },
            amount,
            fix,
        },
        None => BridgeWay::Short {
            later: Later {
                row,
                runway: cash >= 0.0,
            },
        },
    }
}

fn cash_bridge(cx: &Context, out: &mut Vec<Finding>) {
    let tolerance = cx.thresholds.tolerance;
    let months = cx.thresholds.min_runway_months;
    let entries = projections(cx);
    let table = cash_table(cx, entries);
    for (i, next) in entries.iter().enumerate() {
        if !table.flags(i).cash_bridge {
            continue;
        }
        let Some(prev) = i.checked_sub(1).and_then(|p| entries.get(p)) else {
            continue;
        };
        let (Some(before), Some(raised), Some(burn), Some(stated)) = (
            prev.value.cash_end.get(),
            next.value.raised.get(),
            next.value.net_burn.get(),
            next.value.cash_end.get(),
        ) else {
            continue;
        };
        let computed = before.value + raised.value - burn.value;
        let way = bridge_way(&table, entries, i, computed - stated.value);
        // What the help proposes, and in which year.
        let (kind, later, amount) = match &way {
            BridgeWay::Write(_) => ("write", None, 0.0),
            BridgeWay::Raise { later, amount, .. } => ("raise", Some(later), *amount),
            BridgeWay::Short { later } => ("short", Some(later), 0.0),
        };
        let runway = later.is_some_and(|l| l.runway);
        // A raise in the year itself also raises the cash it computes.
        let write = computed
            + if later.is_some_and(|l| l.row == i) {
                amount
            } else {
                0.0
            };
        let with = |id: &'static str| {
            let m = Message::new(id)
                .money("stated", stated.value, cx.currency())
                .money("computed", computed, cx.currency())
                .money("before", before.value, cx.currency())
                .money("raised", raised.value, cx.currency())
                .money("burn", burn.value, cx.currency())
                .number("write", write)
                .percent("tolerance", tolerance)
                .text("way", kind)
                .money("raise", amount, cx.currency())
                .text("runway", if runway { "yes" } else { "no" })
                .number("months", months);
            let m = match later.and_then(|l| entries.get(l.row)) {
                Some(entry) => named(m, LATER, entry),
                None => m.text("later_kind", "unknown").text("later_year", ""),
            };
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
        out.push(match way {
            BridgeWay::Write(fix) => finding.fix(fix),
            BridgeWay::Raise { fix, .. } => finding.fix(fix),
            BridgeWay::Short { .. } => finding,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::differs;

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
