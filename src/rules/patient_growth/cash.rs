//! The cash rules' arithmetic, year by year, as one table: whether a year runs out of
//! cash, falls short of runway, burns too much of its revenue, or breaks its cash bridge.
//! The checks read their verdicts from it, and a fix is tried on it before it is offered:
//! the finding must go and no other finding of these rules may appear, with every number
//! as the fix will write it (in the plan's notation, up to 0.1% off in the direction the
//! fix rounds). The revenue rules (hypergrowth, revenue-decline, short-horizon) read no
//! cash figure, so a change of cash, burn or money raised cannot touch them.

use std::ops::Range;

use crate::lint::{EPSILON, Round, differs};

/// How far a number a fix writes may be from the one asked for: `write_like` keeps the
/// fewest decimals within 0.1%, rounded as asked.
const WRITTEN: f64 = 1e-3;

/// A value as the plan states it: exact when read, or the range a fix's rounding may
/// write (`lo..=hi`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    pub lo: f64,
    pub hi: f64,
}

impl Amount {
    pub fn exact(v: f64) -> Self {
        Self { lo: v, hi: v }
    }

    /// What a fix may write for `v`, rounded as `round` asks: exactly `v` when it is a
    /// round number (see [`round_number`]), else within 0.1% of it.
    pub fn written(v: f64, round: Round) -> Self {
        if let Some(exact) = round_number(v) {
            return Self::exact(exact);
        }
        let slack = v.abs() * WRITTEN;
        match round {
            Round::Up => Self {
                lo: v,
                hi: v + slack,
            },
            Round::Down => Self {
                lo: v - slack,
                hi: v,
            },
            Round::Nearest => Self {
                lo: v - slack,
                hi: v + slack,
            },
        }
    }
}

/// `v` as a round number, when it is one but for the noise of float arithmetic: at most
/// three significant digits, a whole number of thousands (`19.5M`, `600万`, `51,000`).
/// Every unit a plan writes money in is a power of ten up to 1e9 (`B`), so such a number
/// is written exactly in any of them with at most six decimals, and `write_like` writes
/// it so whichever way it rounds: no coarser rounding comes within 0.1% of it.
fn round_number(v: f64) -> Option<f64> {
    if v == 0.0 {
        return Some(0.0);
    }
    let thousands = v.abs() / 1e3;
    if !thousands.is_finite() || thousands < 1.0 - 1e-13 {
        return None;
    }
    let scale = 10f64.powi((thousands.log10().floor() as i32 - 2).max(0));
    let digits = (thousands / scale).round();
    ((thousands / scale - digits).abs() <= 1e-13 * digits)
        .then(|| (digits * scale * 1e3).copysign(v))
}

/// The most years a change carries cash into. A plan projects a handful of years; a
/// longer run of years whose bridges all hold would make every fix of every year rewrite
/// all the years after it (work and output growing with the square of the years). A
/// change that would carry further gets no fix ([`Table::changes`] is `None`), and the
/// amount its help proposes is worked out over the first this many years.
pub const MAX_CARRIED: usize = 50;

/// The thresholds the cash rules use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// `max_burn_multiple`.
    pub max_burn_multiple: f64,
    /// `min_runway_months`.
    pub runway_months: f64,
    /// `tolerance` (of the cash bridge).
    pub tolerance: f64,
}

/// One projection entry's cash figures, `None` where the plan states none (or none that
/// could be read).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Row {
    pub revenue: Option<f64>,
    pub burn: Option<Amount>,
    pub raised: Option<Amount>,
    pub cash: Option<Amount>,
    /// Its burn is judged against its revenue (see `cash_table` in the rule module).
    pub judged: bool,
    /// It follows the entry before it directly (see `consecutive`): its bridge starts
    /// from that entry's cash.
    pub linked: bool,
}

/// The cash rules, as the table names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    CashOut,
    ShortRunway,
    BurnMultiple,
    CashBridge,
}

/// Which cash rules a row breaks (with amounts that are ranges: may break).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub cash_out: bool,
    pub short_runway: bool,
    pub burn_multiple: bool,
    pub cash_bridge: bool,
}

impl Flags {
    pub fn has(self, kind: Kind) -> bool {
        match kind {
            Kind::CashOut => self.cash_out,
            Kind::ShortRunway => self.short_runway,
            Kind::BurnMultiple => self.burn_multiple,
            Kind::CashBridge => self.cash_bridge,
        }
    }

    /// True when `self` has a flag `before` did not: a new finding.
    fn adds_to(self, before: Flags) -> bool {
        (self.cash_out && !before.cash_out)
            || (self.short_runway && !before.short_runway)
            || (self.burn_multiple && !before.burn_multiple)
            || (self.cash_bridge && !before.cash_bridge)
    }
}

/// `cash` lasts fewer than `months` of `burn` (`short-runway`); not when there is no
/// burn, nor when the cash has run out (`cash-out` says so).
fn short_of_runway(cash: Amount, burn: Amount, months: f64) -> bool {
    // The fewest months: the least cash (not below zero) over the largest burn.
    burn.hi > 0.0 && cash.hi >= 0.0 && cash.lo.max(0.0) / burn.hi * 12.0 < months - EPSILON
}

/// `burn` is more than `max` times `revenue` (`burn-multiple`).
fn burns_too_much(burn: Amount, revenue: f64, max: f64) -> bool {
    burn.hi > 0.0 && revenue > 0.0 && burn.hi / revenue > max + EPSILON
}

/// `stated` differs from `before + raised - burn` by more than `tolerance` (`cash-bridge`).
fn bridge_breaks(
    before: Amount,
    raised: Amount,
    burn: Amount,
    stated: Amount,
    tolerance: f64,
) -> bool {
    let lo = before.lo + raised.lo - burn.hi;
    let hi = before.hi + raised.hi - burn.lo;
    if lo == hi && stated.lo == stated.hi {
        // Figures as read: the rule itself.
        return differs(stated.lo, lo, tolerance);
    }
    if lo <= 0.0 && hi >= 0.0 {
        // The computed cash may be zero, which only an exact zero matches.
        return true;
    }
    let off = (stated.hi - lo).abs().max((stated.lo - hi).abs());
    off / lo.abs().min(hi.abs()) > tolerance + EPSILON
}

impl Row {
    /// The rules this row breaks, after `prev` (the row before it in the table).
    pub fn flags(&self, prev: Option<&Row>, limits: &Limits) -> Flags {
        Flags {
            cash_out: self.cash.is_some_and(|c| c.lo < 0.0),
            short_runway: match (self.cash, self.burn) {
                (Some(c), Some(b)) => short_of_runway(c, b, limits.runway_months),
                _ => false,
            },
            burn_multiple: self.judged
                && match (self.burn, self.revenue) {
                    (Some(b), Some(r)) => burns_too_much(b, r, limits.max_burn_multiple),
                    _ => false,
                },
            cash_bridge: match self.bridge(prev) {
                Some((p, r, b, c)) => bridge_breaks(p, r, b, c, limits.tolerance),
                None => false,
            },
        }
    }

    /// The figures of this row's cash bridge (the cash before, raised, burn, cash), when
    /// it can be checked.
    fn bridge(&self, prev: Option<&Row>) -> Option<(Amount, Amount, Amount, Amount)> {
        if !self.linked {
            return None;
        }
        Some((prev?.cash?, self.raised?, self.burn?, self.cash?))
    }
}

/// What a change does to the plan, at one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// `raised` grows by the amount, and the year-end cash with it.
    Raise,
    /// `net_burn` shrinks by the amount; the year-end cash grows by it.
    Cut,
    /// Only the year-end cash moves, by the amount (less when negative): a corrected
    /// `cash_end`.
    Restate,
}

/// One change: `way` at `row`, by `amount`. The cash it moves is carried into the later
/// years whose bridge held (see [`Table::carried`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shift {
    pub row: usize,
    pub way: Way,
    pub amount: f64,
}

/// A column a change writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Col {
    Burn,
    Raised,
    Cash,
}

/// One value a fix writes: `value` in `col` of `row`, rounded as `round` asks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub row: usize,
    pub col: Col,
    pub value: f64,
    pub round: Round,
}

/// The projection entries' cash figures, with the rules each breaks as written.
#[derive(Clone, Debug)]
pub struct Table {
    rows: Vec<Row>,
    limits: Limits,
    flags: Vec<Flags>,
    /// For each row, the last row its cash is carried into (see [`Table::carried`]).
    chain_end: Vec<usize>,
}

impl Table {
    pub fn new(rows: Vec<Row>, limits: Limits) -> Self {
        let flags: Vec<Flags> = (0..rows.len())
            .map(|i| rows[i].flags(i.checked_sub(1).and_then(|p| rows.get(p)), &limits))
            .collect();
        // A row's cash is carried into the next when the next one's bridge is checked
        // and holds; back to front, each row ends where the next one does.
        let mut chain_end = vec![0; rows.len()];
        for i in (0..rows.len()).rev() {
            let holds = i + 1 < rows.len()
                && rows[i + 1].bridge(Some(&rows[i])).is_some()
                && !flags[i + 1].cash_bridge;
            chain_end[i] = if holds { chain_end[i + 1] } else { i };
        }
        Self {
            rows,
            limits,
            flags,
            chain_end,
        }
    }

    /// The rules row `i` breaks as written.
    pub fn flags(&self, i: usize) -> Flags {
        self.flags.get(i).copied().unwrap_or_default()
    }

    /// The rows whose year-end cash moves with row `from`'s: `from` itself and the later
    /// years whose bridge held (each starts from the cash the year before ended with, so
    /// it would break otherwise), at most [`MAX_CARRIED`] of them. Empty when `from`
    /// states no cash.
    pub fn carried(&self, from: usize) -> Range<usize> {
        match (self.rows.get(from), self.chain_end.get(from)) {
            (Some(row), Some(&end)) if row.cash.is_some() => {
                from..(end + 1).min(from.saturating_add(MAX_CARRIED))
            }
            _ => from..from,
        }
    }

    /// The cash of row `j` after `shifts` (as asked, before rounding).
    pub fn cash_after(&self, shifts: &[Shift], j: usize) -> Option<f64> {
        let cash = self.rows.get(j)?.cash?.lo;
        Some(
            cash + shifts
                .iter()
                .filter(|s| self.carried(s.row).contains(&j))
                .map(|s| s.amount)
                .sum::<f64>(),
        )
    }

    /// The values `shifts` write, with the cash rounded as `cash_round` asks (`raised`
    /// is rounded up, `net_burn` down: the way that keeps each at or past what is
    /// asked). `None` when a shift's own value is not in the plan (there is nothing to
    /// write it over).
    pub fn changes(&self, shifts: &[Shift], cash_round: Round) -> Option<Vec<Change>> {
        let mut out = Vec::new();
        for s in shifts {
            let row = self.rows.get(s.row)?;
            if self.chain_end.get(s.row)? - s.row >= MAX_CARRIED {
                return None;
            }
            match s.way {
                Way::Raise => out.push(Change {
                    row: s.row,
                    col: Col::Raised,
                    value: row.raised?.lo + s.amount,
                    round: Round::Up,
                }),
                Way::Cut => out.push(Change {
                    row: s.row,
                    col: Col::Burn,
                    value: row.burn?.lo - s.amount,
                    round: Round::Down,
                }),
                Way::Restate => {}
            }
        }
        let first = shifts.iter().map(|s| s.row).min()?;
        let last = shifts
            .iter()
            .map(|s| self.carried(s.row).end)
            .max()
            .unwrap_or(first);
        for j in first..last {
            let moved = shifts.iter().any(|s| self.carried(s.row).contains(&j));
            let was = self.rows.get(j).and_then(|r| r.cash).map(|c| c.lo);
            if let (true, Some(value), Some(was)) = (moved, self.cash_after(shifts, j), was) {
                if (value - was).abs() <= 1e-9 * value.abs().max(1.0) {
                    // Moved and moved back (a raise in the year whose cash was
                    // corrected): as it is.
                    continue;
                }
                out.push(Change {
                    row: j,
                    col: Col::Cash,
                    value,
                    round: cash_round,
                });
            }
        }
        for c in &mut out {
            if c.value == 0.0 {
                // Zero is written exactly whichever way it rounds, but `write_like`
                // rounding it up writes `-0`.
                c.round = Round::Nearest;
            }
        }
        // In the order the plan writes them.
        out.sort_by_key(|c| (c.row, c.col));
        Some(out)
    }

    /// The rows `changes` touch, from the first to the one after the last (a changed
    /// cash moves the next year's bridge), as they would read after them.
    fn after(&self, changes: &[Change]) -> Option<(usize, Vec<Row>)> {
        let first = changes.iter().map(|c| c.row).min()?;
        let last = changes.iter().map(|c| c.row).max()?;
        let last = (last + 1).min(self.rows.len().checked_sub(1)?);
        let mut rows = self.rows.get(first..=last)?.to_vec();
        for c in changes {
            let row = rows.get_mut(c.row - first)?;
            let value = Some(Amount::written(c.value, c.round));
            match c.col {
                Col::Burn => row.burn = value,
                Col::Raised => row.raised = value,
                Col::Cash => row.cash = value,
            }
        }
        Some((first, rows))
    }

    /// Which rows would newly break a rule after `changes`, and whether row `target.1`
    /// still breaks rule `target.0`: `None` when the change resolves the target and
    /// adds nothing, else the first row that breaks a rule it did not (or the target's).
    pub fn first_new(&self, changes: &[Change], target: (Kind, usize)) -> Option<usize> {
        let Some((first, rows)) = self.after(changes) else {
            return Some(target.1);
        };
        if !(first..first + rows.len()).contains(&target.1) {
            return Some(target.1);
        }
        for (k, row) in rows.iter().enumerate() {
            let i = first + k;
            let prev = match k.checked_sub(1) {
                Some(p) => rows.get(p),
                None => i.checked_sub(1).and_then(|p| self.rows.get(p)),
            };
            let flags = row.flags(prev, &self.limits);
            if (i == target.1 && flags.has(target.0)) || flags.adds_to(self.flags(i)) {
                return Some(i);
            }
        }
        None
    }

    /// True when `changes` resolve `target` and add no finding of these rules.
    pub fn resolves(&self, changes: &[Change], target: (Kind, usize)) -> bool {
        self.first_new(changes, target).is_none()
    }

    /// The least amount, from `least` on, of one more shift `way` at `row` (after
    /// `base`) that leaves no year it carries cash into newly out of cash or short of
    /// runway. Each such year is out of cash below one amount and short of runway from
    /// there up to another (unless it already was); the amount steps over each window
    /// it falls in, in order. (A cut of `net_burn` also lowers the runway its own year
    /// needs.) Cash only rises or the burn falls, so no other rule can newly break but
    /// through rounding, which [`Table::resolves`] checks.
    pub fn smallest(&self, base: &[Shift], row: usize, way: Way, least: f64) -> f64 {
        let months = self.limits.runway_months;
        let mut windows: Vec<(f64, f64)> = Vec::new();
        for j in self.carried(row) {
            let (Some(r), Some(cash)) = (self.rows.get(j), self.cash_after(base, j)) else {
                continue;
            };
            let flags = self.flags(j);
            if !flags.cash_out {
                windows.push((f64::NEG_INFINITY, -cash));
            }
            let burn = r.burn.map(|b| {
                b.lo - base
                    .iter()
                    .filter(|s| s.row == j && s.way == Way::Cut)
                    .map(|s| s.amount)
                    .sum::<f64>()
            });
            if let (false, Some(burn)) = (flags.short_runway, burn.filter(|b| *b > 0.0)) {
                let end = if way == Way::Cut && j == row {
                    // cash + d ≥ (burn - d) × months / 12, while some burn is left.
                    ((months * burn - 12.0 * cash) / (12.0 + months)).min(burn)
                } else {
                    burn * months / 12.0 - cash
                };
                windows.push((-cash, end));
            }
        }
        windows.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut amount = least;
        for (start, end) in windows {
            if start <= amount && amount < end {
                amount = end;
            }
        }
        amount
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_burn_multiple: 1.0,
        runway_months: 12.0,
        tolerance: 0.05,
    };

    /// A planned, judged year: revenue, burn, raised, cash (in millions).
    fn row(revenue: f64, burn: f64, raised: f64, cash: f64) -> Row {
        Row {
            revenue: Some(revenue * 1e6),
            burn: Some(Amount::exact(burn * 1e6)),
            raised: Some(Amount::exact(raised * 1e6)),
            cash: Some(Amount::exact(cash * 1e6)),
            judged: true,
            linked: true,
        }
    }

    fn table(rows: &[Row]) -> Table {
        let mut rows = rows.to_vec();
        if let Some(first) = rows.first_mut() {
            first.linked = false;
        }
        Table::new(rows, LIMITS)
    }

    #[test]
    fn flags_follow_the_rules() {
        let t = table(&[
            row(5.0, 9.0, 0.0, 12.0),
            row(14.0, 18.0, 45.0, 41.0),
            row(33.0, 45.0, 0.0, -6.0),
        ]);
        assert_eq!(
            t.flags(0),
            Flags {
                burn_multiple: true,
                short_runway: false,
                ..Flags::default()
            }
        );
        // 41 against 12 + 45 - 18 = 39: 5.1% off.
        assert!(t.flags(1).cash_bridge && t.flags(1).burn_multiple);
        // Out of cash is not also short of runway.
        assert!(t.flags(2).cash_out && !t.flags(2).short_runway);
        // 2027's bridge is broken: its cash is carried into no later year, 2026's only
        // into itself, 2028 into itself.
        assert_eq!(t.carried(0), 0..1);
        assert_eq!(t.carried(1), 1..2);
    }

    #[test]
    fn carried_stops_at_a_missing_input_or_a_broken_bridge() {
        let mut rows = vec![
            row(5.0, 9.0, 0.0, 12.0),
            row(14.0, 18.0, 45.0, 39.0),
            row(33.0, 26.0, 15.0, 28.0),
        ];
        assert_eq!(table(&rows).carried(0), 0..3);
        rows[2].raised = None;
        assert_eq!(table(&rows).carried(0), 0..2);
        rows[1].cash = None;
        assert_eq!(table(&rows).carried(1), 1..1);
        assert_eq!(table(&rows).carried(0), 0..1);
    }

    #[test]
    fn a_change_carried_too_far_gets_no_fix() {
        // Years whose bridges all hold: a change in the first would rewrite every one.
        let mut rows = vec![row(1.0, 2.0, 0.0, 1000.0)];
        for i in 1..=MAX_CARRIED {
            rows.push(row(1.0, 2.0, 0.0, 1000.0 - 2.0 * i as f64));
        }
        let t = table(&rows);
        assert_eq!(t.carried(0), 0..MAX_CARRIED);
        let cut = |row| {
            [Shift {
                row,
                way: Way::Cut,
                amount: 1e6,
            }]
        };
        assert_eq!(t.changes(&cut(0), Round::Up), None);
        let changes = t.changes(&cut(1), Round::Up).unwrap();
        assert_eq!(changes.len(), 1 + MAX_CARRIED);
        assert!(t.resolves(&changes, (Kind::BurnMultiple, 1)));
    }

    #[test]
    fn written_amounts_are_rounded_the_safe_way() {
        let up = Amount::written(24.1234e6, Round::Up);
        assert_eq!(up.lo, 24.1234e6);
        assert!((up.hi - 24.1234e6 * 1.001).abs() < 1e-6);
        let down = Amount::written(-6.0001e6, Round::Down);
        assert!((down.lo + 6.0001e6 * 1.001).abs() < 1e-6);
        assert_eq!(down.hi, -6.0001e6);
        // Round numbers are written as they are.
        assert_eq!(Amount::written(0.0, Round::Nearest), Amount::exact(0.0));
        assert_eq!(Amount::written(24e6, Round::Up), Amount::exact(24e6));
        assert_eq!(
            Amount::written(19.5e6 - 1e-9, Round::Down),
            Amount::exact(19.5e6)
        );
        assert_eq!(Amount::written(-6e6, Round::Down), Amount::exact(-6e6));
        assert_eq!(Amount::written(51_000.0, Round::Up), Amount::exact(51e3));
        // Four significant digits, or less than a thousand: may be rounded.
        assert_ne!(Amount::written(1_234e3, Round::Up), Amount::exact(1_234e3));
        assert_ne!(Amount::written(150.0, Round::Up), Amount::exact(150.0));
    }

    #[test]
    fn a_raise_out_of_cash_also_covers_the_runway() {
        // 2028 ends at -6M burning 45M: 6M more leaves it at zero, short of runway; 51M
        // more leaves 45M, twelve months.
        let t = table(&[row(14.0, 18.0, 45.0, 39.0), row(33.0, 45.0, 0.0, -6.0)]);
        let d = t.smallest(&[], 1, Way::Raise, 6e6);
        assert_eq!(d, 51e6);
        let shift = [Shift {
            row: 1,
            way: Way::Raise,
            amount: d,
        }];
        let changes = t.changes(&shift, Round::Up).unwrap();
        assert!(t.resolves(&changes, (Kind::CashOut, 1)));
        // The bare shortfall would add a short runway.
        let bare = [Shift {
            amount: 6e6,
            ..shift[0]
        }];
        let changes = t.changes(&bare, Round::Up).unwrap();
        assert_eq!(t.first_new(&changes, (Kind::CashOut, 1)), Some(1));
    }

    #[test]
    fn a_cut_lowers_the_runway_its_year_needs() {
        // -6M at 45M of burn: a cut of d leaves -6 + d of cash for 45 - d of burn,
        // twelve months at d = 25.5M.
        let t = table(&[row(14.0, 18.0, 45.0, 39.0), row(33.0, 45.0, 0.0, -6.0)]);
        assert_eq!(t.smallest(&[], 1, Way::Cut, 6e6), 25.5e6);
        // 11 months (22M at 24M): a cut of 1M leaves 23M for 23M.
        let t = table(&[row(14.0, 18.0, 45.0, 39.0), row(33.0, 24.0, 7.0, 22.0)]);
        assert!(t.flags(1).short_runway);
        assert_eq!(t.smallest(&[], 1, Way::Cut, 1e6), 1e6);
    }

    #[test]
    fn a_cut_carried_into_a_year_out_of_cash_clears_its_runway_too() {
        // Cutting 2027 to 14M carries 4M into 2028 (-3M), which would then end with 1M
        // against 20M of burn: the cut grows until 2028 holds 20M.
        let t = table(&[
            row(14.0, 18.0, 45.0, 39.0),
            row(33.0, 20.0, 0.0, 19.0),
            row(60.0, 22.0, 0.0, -3.0),
        ]);
        assert!(t.flags(0).burn_multiple && t.flags(2).cash_out);
        assert_eq!(t.smallest(&[], 0, Way::Cut, 4e6), 25e6);
        // No runway asked for: the least cut stays.
        let t = Table::new(
            t.rows.clone(),
            Limits {
                runway_months: 0.0,
                ..LIMITS
            },
        );
        assert_eq!(t.smallest(&[], 0, Way::Cut, 4e6), 4e6);
    }

    #[test]
    fn a_year_already_short_needs_nothing_more() {
        // 2028 is already short of runway (0 at 39M): a cut of its burn carried into it
        // does not add a finding, whatever it leaves.
        let t = table(&[row(14.0, 18.0, 45.0, 39.0), row(33.0, 39.0, 0.0, 0.0)]);
        assert!(t.flags(1).short_runway);
        assert_eq!(t.smallest(&[], 1, Way::Cut, 6e6), 6e6);
    }

    #[test]
    fn a_missing_value_cannot_be_written() {
        let mut rows = vec![row(14.0, 18.0, 45.0, 39.0), row(33.0, 45.0, 0.0, -6.0)];
        rows[1].raised = None;
        let t = table(&rows);
        let shift = [Shift {
            row: 1,
            way: Way::Raise,
            amount: 51e6,
        }];
        assert_eq!(t.changes(&shift, Round::Up), None);
        // A cut still can be.
        let cut = [Shift {
            row: 1,
            way: Way::Cut,
            amount: 25.5e6,
        }];
        let changes = t.changes(&cut, Round::Up).unwrap();
        assert_eq!(changes.len(), 2);
        assert!(t.resolves(&changes, (Kind::CashOut, 1)));
    }

    #[test]
    fn rounding_that_could_break_a_bridge_is_refused() {
        // Cash raised to exactly zero: the bridge holds only with an exact zero, and a
        // raise that is not a round number may be written rounded.
        let t = Table::new(
            vec![
                Row {
                    linked: false,
                    ..row(14.0, 18.0, 45.0, 39.0)
                },
                row(33.0, 45.0001, 0.0, -6.0001),
            ],
            Limits {
                runway_months: 0.0,
                ..LIMITS
            },
        );
        let shift = [Shift {
            row: 1,
            way: Way::Raise,
            amount: 6.0001e6,
        }];
        let changes = t.changes(&shift, Round::Up).unwrap();
        assert_eq!(t.first_new(&changes, (Kind::CashOut, 1)), Some(1));
        // A round one is written exactly.
        let t = Table::new(vec![t.rows[0], row(33.0, 45.0, 0.0, -6.0)], t.limits);
        let shift = [Shift {
            amount: 6e6,
            ..shift[0]
        }];
        let changes = t.changes(&shift, Round::Up).unwrap();
        assert!(t.resolves(&changes, (Kind::CashOut, 1)));
    }
}
