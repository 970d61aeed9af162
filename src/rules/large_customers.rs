//! `large-customers/`: principle 3, large customers are the best targets.
//! LTV above 300,000 CNY, revenue churn below 20%, LTV:CAC of at least 3, and an ACV
//! above 60,000 CNY at a 5-year lifetime; only platform giants can live on small deals.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Metrics, Rule, differs};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{Field, LtvBasis, Motion, Place, Plan, UnitEconomics, Val};

pub const LTV_FLOOR: Rule = Rule {
    id: "large-customers/ltv-floor",
    severity: Severity::Error,
    summary: "customer lifetime value (stated or computed) is below the floor",
    check: Some(Check::Fn(|cx, out| ltv_floor(cx, out, Mode::Offer))),
    inputs: &["unit_economics.ltv | unit_economics.acv + unit_economics.lifetime_years"],
    thresholds: &["min_ltv"],
};

pub const ACV_FLOOR: Rule = Rule {
    id: "large-customers/acv-floor",
    severity: Severity::Error,
    summary: "annual contract value is below min_ltv / lifetime_years",
    check: Some(Check::Fn(|cx, out| acv_floor(cx, out, Mode::Offer))),
    inputs: &["unit_economics.acv"],
    thresholds: &["min_ltv"],
};

pub const CHURN_CEILING: Rule = Rule {
    id: "large-customers/churn-ceiling",
    severity: Severity::Error,
    summary: "annual revenue churn is at or above the ceiling",
    check: Some(Check::Fn(|cx, out| churn_ceiling(cx, out, Mode::Offer))),
    inputs: &["unit_economics.revenue_churn | unit_economics.logo_churn"],
    thresholds: &["max_revenue_churn"],
};

pub const LTV_CAC_RATIO: Rule = Rule {
    id: "large-customers/ltv-cac-ratio",
    severity: Severity::Error,
    summary: "LTV / CAC is below the minimum",
    check: Some(Check::Fn(|cx, out| ltv_cac_ratio(cx, out, Mode::Offer))),
    inputs: &[
        "unit_economics.ltv | unit_economics.acv + unit_economics.lifetime_years",
        "unit_economics.cac",
    ],
    thresholds: &["min_ltv_cac"],
};

pub const LTV_MISMATCH: Rule = Rule {
    id: "large-customers/ltv-mismatch",
    severity: Severity::Error,
    summary: "stated LTV disagrees with acv x lifetime (x gross margin)",
    check: Some(Check::Fn(|cx, out| ltv_mismatch(cx, out, Mode::Offer))),
    inputs: &["unit_economics.ltv | unit_economics.acv + unit_economics.lifetime_years"],
    thresholds: &["tolerance"],
};

pub const LIFETIME_VS_CHURN: Rule = Rule {
    id: "large-customers/lifetime-vs-churn",
    severity: Severity::Warning,
    summary: "lifetime_years is longer than churn allows (1 / churn)",
    check: Some(Check::Fn(|cx, out| lifetime_vs_churn(cx, out, Mode::Offer))),
    inputs: &[
        "unit_economics.lifetime_years",
        "unit_economics.logo_churn | unit_economics.revenue_churn",
    ],
    thresholds: &[],
};

pub const SMALL_DEALS: Rule = Rule {
    id: "large-customers/small-deals",
    severity: Severity::Warning,
    summary: "ACV is in telesales territory and the company is no platform giant",
    check: Some(Check::Fn(|cx, out| small_deals(cx, out, Mode::Offer))),
    inputs: &["unit_economics.acv"],
    thresholds: &["telesales_max_deal"],
};

pub const NET_SHRINK: Rule = Rule {
    id: "large-customers/net-shrink",
    severity: Severity::Warning,
    summary: "net revenue retention is below 100%: the installed base shrinks",
    check: Some(Check::Fn(|cx, out| net_shrink(cx, out, Mode::Offer))),
    inputs: &["unit_economics.net_revenue_retention"],
    thresholds: &["min_net_revenue_retention"],
};

pub static RULES: &[&Rule] = &[
    &LTV_FLOOR,
    &ACV_FLOOR,
    &CHURN_CEILING,
    &LTV_CAC_RATIO,
    &LTV_MISMATCH,
    &LIFETIME_VS_CHURN,
    &SMALL_DEALS,
    &NET_SHRINK,
];

/// The lifetime the principles assume when a plan states none.
const DEFAULT_LIFETIME_YEARS: f64 = 5.0;

fn basis(ue: &UnitEconomics) -> LtvBasis {
    ue.ltv_basis.value().unwrap_or(LtvBasis::Revenue)
}

/// What an LTV is per year of ACV: 1 on the revenue basis, the gross margin on the
/// gross-margin basis (`None` when the plan states no margin), as `Metrics` computes it.
fn ltv_factor(ue: &UnitEconomics) -> Option<f64> {
    match basis(ue) {
        LtvBasis::Revenue => Some(1.0),
        LtvBasis::GrossMargin => ue.gross_margin.value(),
    }
}

/// True when the LTV the rules judge follows the inputs: none is stated (the computed
/// one is judged), or the stated one agrees with them (a change of the inputs rewrites
/// it, see [`Proposal`]).
fn ltv_follows_inputs(cx: &Context, ue: &UnitEconomics) -> bool {
    match &ue.ltv {
        Field::Missing => true,
        Field::Present(stated) => cx
            .metrics
            .ltv_computed
            .is_some_and(|c| !differs(stated.value, c, cx.thresholds.tolerance)),
        Field::Invalid => false,
    }
}

/// Whether a check offers fixes (a lint) or only judges (a what-if run on a copy of the
/// plan with a fix made, see [`Proposal::verify`]; proposing fixes there would recurse).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Offer,
    Judge,
}

type CheckIn = fn(&Context, &mut Vec<Finding>, Mode);

/// Every check of this principle: what a proposal's copy of the plan is judged by.
const CHECKS: &[(&Rule, CheckIn)] = &[
    (&LTV_FLOOR, ltv_floor),
    (&ACV_FLOOR, acv_floor),
    (&CHURN_CEILING, churn_ceiling),
    (&LTV_CAC_RATIO, ltv_cac_ratio),
    (&LTV_MISMATCH, ltv_mismatch),
    (&LIFETIME_VS_CHURN, lifetime_vs_churn),
    (&SMALL_DEALS, small_deals),
    (&NET_SHRINK, net_shrink),
];

/// The findings of this principle on `plan` (rule id and path), under the thresholds of
/// `cx`; no fixes proposed.
fn judge(plan: &Plan, cx: &Context) -> Vec<(&'static str, String)> {
    let cx = Context::new(plan, cx.thresholds, cx.fx);
    let mut out = Vec::new();
    for (_, check) in CHECKS {
        check(&cx, &mut out, Mode::Judge);
    }
    out.into_iter().map(|f| (f.rule.id, f.path)).collect()
}

/// A change a fix proposes: its edits, and a copy of the plan with the same values
/// written, which this principle's rules judge before the fix is offered (numbers are
/// verified, not guessed). The knock-ons are made with it: a stated LTV that agreed with
/// the inputs is rewritten as the new inputs give it (or `ltv-mismatch` would follow),
/// and a stated payback and ROI move as their computed values do (other principles'
/// mismatch rules compare them).
struct Proposal<'c> {
    cx: &'c Context<'c>,
    plan: Plan,
    fix: Fix,
    /// The proposal writes the stated LTV itself: no knock-on rewrites it.
    ltv_written: bool,
    /// Rules that must pass after the change even if they fire now: the value the
    /// proposal writes is what they judge (a lifetime lengthened must be one the churn
    /// allows, not merely no worse a finding than before).
    must_pass: Vec<&'static str>,
}

impl<'c> Proposal<'c> {
    fn new(cx: &'c Context<'c>) -> Self {
        Self {
            cx,
            plan: cx.plan.clone(),
            fix: Fix::change(),
            ltv_written: false,
            must_pass: Vec::new(),
        }
    }

    /// Asks `rule` to pass after the change, whether or not it fires now.
    fn must_pass(mut self, rule: &Rule) -> Self {
        self.must_pass.push(rule.id);
        self
    }

    /// Writes `value` into the unit-economics field `field` picks, when the plan states
    /// it (else nothing changes, and the proposal fails its verification).
    fn set(
        mut self,
        field: fn(&mut UnitEconomics) -> &mut Field<f64>,
        value: f64,
        notation: Notation,
        round: Round,
    ) -> Self {
        if let Field::Present(ue) = &mut self.plan.unit_economics
            && let Field::Present(v) = field(&mut ue.value)
        {
            self.fix = self.fix.set(&*v, value, notation, round);
            v.value = value;
        }
        self
    }

    /// Writes the stated LTV, when the plan states one: at least `value` (a floor).
    fn stated_ltv(mut self, value: f64) -> Self {
        self.ltv_written = true;
        self.set(|u| &mut u.ltv, value, Notation::Money, Round::Up)
    }

    /// Makes the knock-ons of the changes so far (see [`Proposal`]).
    fn with_knock_ons(mut self) -> Self {
        let cx = self.cx;
        let Some(old) = cx.unit_economics() else {
            return self;
        };
        let was = &cx.metrics;
        let now = Metrics::of(&self.plan);
        if !self.ltv_written
            && let (Some(stated), Some(before), Some(after)) =
                (old.ltv.get(), was.ltv_computed, now.ltv_computed)
            && after != before
            && !differs(stated.value, before, cx.thresholds.tolerance)
        {
            self = self.set(|u| &mut u.ltv, after, Notation::Money, Round::Up);
        }
        // A stated payback or ROI moves in proportion with its computed value: one that
        // agreed with its inputs keeps agreeing (the gap shrinks or keeps its ratio),
        // and their rules' tolerances need not be known here.
        if let (Some(stated), Some(before), Some(after)) = (
            old.cac_payback_months.get(),
            was.payback_computed,
            now.payback_computed,
        ) && before > 0.0
            && after != before
        {
            self = self.set(
                |u| &mut u.cac_payback_months,
                stated.value * after / before,
                Notation::Number,
                Round::Down,
            );
        }
        if let (Some(before), Some(after)) = (was.roi_computed, now.roi_computed)
            && before > 0.0
            && after != before
            && let Field::Present(value) = &mut self.plan.value
            && let Field::Present(roi) = &mut value.value.roi_multiple
        {
            let scaled = roi.value * after / before;
            self.fix = self.fix.set(&*roi, scaled, Notation::Multiple, Round::Up);
            roi.value = scaled;
        }
        self
    }

    /// The fix, when this principle's rules find the changed plan free of the finding
    /// of `rule` at `path`, of every finding the plan does not have now and of the
    /// findings of `must_pass`; else the ids of the rules that still or newly fire.
    fn verify(self, rule: &Rule, path: &str) -> Result<Fix, Vec<&'static str>> {
        let proposal = self.with_knock_ons();
        if proposal.fix.edits.is_empty() {
            return Err(Vec::new());
        }
        let before = judge(proposal.cx.plan, proposal.cx);
        let failing: Vec<&'static str> = judge(&proposal.plan, proposal.cx)
            .into_iter()
            .filter(|k| {
                (k.0 == rule.id && k.1 == path)
                    || !before.contains(k)
                    || proposal.must_pass.contains(&k.0)
            })
            .map(|k| k.0)
            .collect();
        if failing.is_empty() {
            Ok(proposal.fix)
        } else {
            Err(failing)
        }
    }
}

/// `value` as a fix writes it and its help shows it: rounded (`Up` for a minimum,
/// `Down` for a maximum) to the coarsest power-of-ten step within 0.1% of it, as
/// `write_like` rounds, and never finer than what messages show (two decimals of a
/// number or a percentage; money to the cent, and above 10,000 to the 0.01万 or 0.01亿
/// Chinese shows it). Repeated until it holds still, so that writing the result in any
/// notation of the plan (`万`, `k`, plain) gives the same number back. Values that are
/// not positive and finite are returned as they are.
fn tidy(value: f64, notation: Notation, round: Round) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return value;
    }
    let finest = match notation {
        Notation::Money if value >= 1e8 => 6,
        Notation::Money if value >= 1e4 => 2,
        Notation::Money | Notation::Number | Notation::Multiple => -2,
        Notation::Percent => -4,
    };
    let mut v = value;
    // Each round either holds still or moves to a coarser step: a few at most.
    for _ in 0..32 {
        let next = tidy_once(v, finest, round);
        if next == v || next <= 0.0 {
            break;
        }
        v = next;
    }
    v
}

/// `v` at the coarsest step `10^e` (`e` at least `finest`) that keeps it within 0.1%, or
/// at the finest step when none does.
fn tidy_once(v: f64, finest: i32, round: Round) -> f64 {
    // The magnitude's first digit, at most 10^15 (the largest amount shown in full).
    let top = (v.log10().floor() as i32 + 1).clamp(finest, 16);
    let mut at = v;
    for e in (finest..=top).rev() {
        at = round_at(v, e, round);
        if at > 0.0 && ((at - v) / v).abs() <= 1e-3 {
            return at;
        }
    }
    at
}

/// `v` rounded to a multiple of `10^e`; a decimal step is divided out (`k / 100`), so
/// that the result is the float nearest the decimal written.
fn round_at(v: f64, e: i32, round: Round) -> f64 {
    let step = 10f64.powi(e.abs());
    let n = if e >= 0 { v / step } else { v * step };
    // The slack of `write_like`: a value a float's width off a step is on it.
    let k = match round {
        Round::Up => (n - 1e-9).ceil(),
        Round::Down => (n + 1e-9).floor(),
        Round::Nearest => n.round(),
    };
    if e >= 0 { k * step } else { k / step }
}

/// The LTV a rule compares: the stated one, or the one computed from its inputs
/// (`Metrics::ltv_computed`). Its labels and formula are only written out when a rule
/// reports: several rules ask for the LTV and most plans pass them.
struct Ltv<'a> {
    value: f64,
    source: LtvSource<'a>,
}

enum LtvSource<'a> {
    Stated(&'a Val<f64>),
    Computed {
        acv: &'a Val<f64>,
        life: &'a Val<f64>,
        /// On the gross-margin basis.
        gm: Option<&'a Val<f64>>,
    },
}

impl Ltv<'_> {
    fn primary(&self) -> Place {
        match &self.source {
            LtvSource::Stated(v) => Place::from(*v),
            LtvSource::Computed { acv, .. } => Place::from(*acv),
        }
    }

    /// Adds what messages say about this LTV: its value (`ltv`) and `basis`, `stated` or,
    /// when computed, the inputs `large-customers-ltv-formula` writes out.
    fn args(&self, message: Message, cx: &Context) -> Message {
        let message = message.money("ltv", self.value, cx.currency());
        match &self.source {
            LtvSource::Stated(_) => message.text("basis", "stated"),
            LtvSource::Computed { acv, life, gm } => formula_args(message, cx, acv, life, *gm),
        }
    }

    /// `LTV 600,000 CNY`, or `ACV 50,000 CNY` when computed.
    fn primary_label(&self, cx: &Context) -> Message {
        self.args(Message::new("large-customers-ltv-source"), cx)
    }

    /// The labels on the inputs it was computed from.
    fn inputs(&self) -> Vec<(Place, Message)> {
        let LtvSource::Computed { life, gm, .. } = &self.source else {
            return Vec::new();
        };
        let mut inputs = vec![(Place::from(*life), lifetime_label(life.value))];
        if let Some(gm) = gm {
            inputs.push((
                Place::from(*gm),
                Message::new("large-customers-gross-margin").percent("gm", gm.value),
            ));
        }
        inputs
    }
}

/// The arguments of `large-customers-ltv-formula` (`ACV 50,000 CNY × 5 years`, and
/// `× 80% gross margin` on the gross-margin basis): `acv`, `years`, `basis` and `gm`.
fn formula_args(
    message: Message,
    cx: &Context,
    acv: &Val<f64>,
    life: &Val<f64>,
    gm: Option<&Val<f64>>,
) -> Message {
    let message = message
        .money("acv", acv.value, cx.currency())
        .number("years", life.value);
    match gm {
        Some(gm) => message
            .text("basis", "gross_margin")
            .percent("gm", gm.value),
        None => message.text("basis", "revenue"),
    }
}

/// `lifetime 5 years`.
fn lifetime_label(years: f64) -> Message {
    Message::new("large-customers-lifetime").number("years", years)
}

/// `ACV 50,000 CNY`.
fn acv_label(cx: &Context, acv: f64) -> Message {
    Message::new("large-customers-acv").money("acv", acv, cx.currency())
}

fn ltv<'a>(cx: &Context, ue: &'a UnitEconomics) -> Option<Ltv<'a>> {
    if let Some(stated) = ue.ltv.get() {
        return Some(Ltv {
            value: stated.value,
            source: LtvSource::Stated(stated),
        });
    }
    if !ue.ltv.is_missing() {
        return None;
    }
    let value = cx.metrics.ltv_computed?;
    let acv = ue.acv.get()?;
    let life = ue.lifetime_years.get()?;
    let gm = match basis(ue) {
        LtvBasis::GrossMargin => ue.gross_margin.get(),
        LtvBasis::Revenue => None,
    };
    Some(Ltv {
        value,
        source: LtvSource::Computed { acv, life, gm },
    })
}

/// The LTV the rules judge: the stated one, else the one computed from its inputs
/// (for reports that show a plan's figures).
pub fn judged_ltv(cx: &Context) -> Option<f64> {
    ltv(cx, cx.unit_economics()?).map(|l| l.value)
}

/// LTV:CAC as `ltv-cac-ratio` judges it: the judged LTV over a positive CAC.
pub fn ltv_cac(cx: &Context) -> Option<f64> {
    let ue = cx.unit_economics()?;
    let cac = ue.cac.get().filter(|c| c.value > 0.0)?;
    Some(ltv(cx, ue)?.value / cac.value)
}

fn ltv_floor(cx: &Context, out: &mut Vec<Finding>, mode: Mode) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some(floor) = cx.money(cx.thresholds.min_ltv) else {
        return;
    };
    let Some(ltv) = ltv(cx, ue) else { return };
    if ltv.value >= floor.amount {
        return;
    }
    let with = |id: &'static str| ltv.args(Message::new(id), cx).threshold("floor", &floor);
    let mut finding = Finding::new(
        &LTV_FLOOR,
        ltv.primary(),
        with("large-customers-ltv-floor"),
        ltv.primary_label(cx),
    );
    for (place, label) in ltv.inputs() {
        finding = finding.label(place, label);
    }
    if mode == Mode::Judge {
        out.push(finding);
        return;
    }
    let ways = ltv_floor_ways(cx, ue, floor.amount, &finding.path);
    let help = with("large-customers-ltv-floor.help")
        .text("way", ways.way)
        .money("acv", ways.acv, cx.currency())
        .number("years", ways.years)
        .money("computed", ways.computed, cx.currency());
    out.push(
        ways.fixes
            .into_iter()
            .fold(finding.help(help), Finding::alternative),
    );
}

/// The ways out of `ltv-floor` its help proposes, each a fix this principle's rules
/// passed: `way` says which (`both`: a larger ACV or a longer lifetime; `acv` or
/// `acv_churn` when the lifetime it would take is more than churn allows; `lifetime`;
/// `restate` when the inputs already reach the floor and only the stated LTV falls
/// short; `none`), `acv` and `years` the values the fixes write.
struct LtvFloorWays {
    way: &'static str,
    acv: f64,
    years: f64,
    computed: f64,
    fixes: Vec<Fix>,
}

fn ltv_floor_ways(cx: &Context, ue: &UnitEconomics, floor: f64, path: &str) -> LtvFloorWays {
    let none = LtvFloorWays {
        way: "none",
        acv: 0.0,
        years: 0.0,
        computed: 0.0,
        fixes: Vec::new(),
    };
    // Without the ACV, the lifetime and (on the gross-margin basis) the margin, no
    // change to the business can be computed: a stated LTV alone says nothing of what
    // would raise it, and writing a larger one would only be a guess.
    let (Some(acv), Some(life), Some(g)) =
        (ue.acv.value(), ue.lifetime_years.value(), ltv_factor(ue))
    else {
        return none;
    };
    if !(acv > 0.0 && life > 0.0 && g > 0.0) {
        return none;
    }
    let computed = acv * life * g;
    if computed >= floor {
        // Only the stated LTV falls short of the floor its own inputs reach: it is
        // written as they give it.
        let restated = Proposal::new(cx)
            .stated_ltv(computed)
            .verify(&LTV_FLOOR, path);
        return match restated {
            Ok(fix) => LtvFloorWays {
                way: "restate",
                computed,
                fixes: vec![fix],
                ..none
            },
            Err(_) => none,
        };
    }
    // A larger ACV, or customers kept longer: either brings the computed LTV to the
    // floor, and a stated LTV is written as the new inputs give it.
    let acv_to = tidy(floor / (life * g), Notation::Money, Round::Up);
    let by_acv = Proposal::new(cx)
        .set(|u| &mut u.acv, acv_to, Notation::Money, Round::Up)
        .stated_ltv(acv_to * life * g)
        .verify(&LTV_FLOOR, path);
    let years_to = tidy(floor / (acv * g), Notation::Number, Round::Up);
    let by_life = Proposal::new(cx)
        .set(
            |u| &mut u.lifetime_years,
            years_to,
            Notation::Number,
            Round::Up,
        )
        .stated_ltv(acv * years_to * g)
        .must_pass(&LIFETIME_VS_CHURN)
        .verify(&LTV_FLOOR, path);
    let way = match (&by_acv, &by_life) {
        (Ok(_), Ok(_)) => "both",
        (Ok(_), Err(rules)) if rules.contains(&LIFETIME_VS_CHURN.id) => "acv_churn",
        (Ok(_), Err(_)) => "acv",
        (Err(_), Ok(_)) => "lifetime",
        (Err(_), Err(_)) => return none,
    };
    LtvFloorWays {
        way,
        acv: acv_to,
        years: years_to,
        computed,
        fixes: [by_acv, by_life]
            .into_iter()
            .filter_map(Result::ok)
            .collect(),
    }
}

fn acv_floor(cx: &Context, out: &mut Vec<Finding>, mode: Mode) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some(acv) = ue.acv.get() else { return };
    let (years, life_place) = match &ue.lifetime_years {
        Field::Present(v) => (v.value, Some(v)),
        Field::Missing => (DEFAULT_LIFETIME_YEARS, None),
        Field::Invalid => return,
    };
    let (Some(floor), Some(min_ltv)) = (
        cx.money(cx.thresholds.min_ltv / years),
        cx.money(cx.thresholds.min_ltv),
    ) else {
        return;
    };
    if acv.value >= floor.amount {
        return;
    }
    // Whether the lifetime is the plan's or the principles' default, and the low-touch
    // channel small deals are sold through (`none`), select the wording.
    let lifetime = if life_place.is_some() {
        "stated"
    } else {
        "assumed"
    };
    let channel = low_touch_channel(cx).unwrap_or("none");
    let with = |id: &'static str| {
        Message::new(id)
            .threshold("floor", &floor)
            .text("lifetime", lifetime)
    };
    let mut finding = Finding::new(
        &ACV_FLOOR,
        acv,
        with("large-customers-acv-floor")
            .money("acv", acv.value, cx.currency())
            .threshold("ltv", &min_ltv)
            .number("years", years)
            .text("channel", channel),
        acv_label(cx, acv.value),
    );
    if let Some(life) = life_place {
        finding = finding.label(life, lifetime_label(years));
    } else {
        // Judged on an assumed lifetime, not a stated one: a warning at most.
        finding = finding.at_most(Severity::Warning);
    }
    let finding = finding.help(with("large-customers-acv-floor.help"));
    if mode == Mode::Judge {
        out.push(finding);
        return;
    }
    // Raising the ACV raises the LTV it gives: a stated LTV that agreed with the old
    // ACV is rewritten with it (the proposal's knock-ons), or the fix would leave an
    // `ltv-mismatch` behind.
    let fix = Proposal::new(cx)
        .set(|u| &mut u.acv, floor.amount, Notation::Money, Round::Up)
        .verify(&ACV_FLOOR, &finding.path);
    out.push(finding.fix(fix.ok()));
}

/// The low-touch channel (self-serve, inside sales, telesales) the plan declares, when the
/// thresholds in force recognise small deals sold that way (`us-saas`).
fn low_touch_channel(cx: &Context) -> Option<&'static str> {
    if !cx.thresholds.low_touch_small_deals {
        return None;
    }
    let sales = cx.plan.sales.get()?;
    let channels = sales.value.channels.get()?;
    channels
        .value
        .iter()
        .find_map(|c| match c.value.motion.value() {
            Some(m @ (Motion::SelfServe | Motion::InsideSales | Motion::Telesales)) => {
                Some(m.word())
            }
            _ => None,
        })
}

fn churn_ceiling(cx: &Context, out: &mut Vec<Finding>, mode: Mode) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some((churn, kind)) = ceiling_churn(ue) else {
        return;
    };
    let ceiling = cx.thresholds.max_revenue_churn;
    if churn.value < ceiling - EPSILON {
        return;
    }
    let with = |id: &'static str| {
        Message::new(id)
            .percent("churn", churn.value)
            .percent("ceiling", ceiling)
    };
    let finding = Finding::new(
        &CHURN_CEILING,
        churn,
        with("large-customers-churn-ceiling").text("kind", kind.word()),
        with("large-customers-churn-ceiling.label"),
    );
    if mode == Mode::Judge {
        out.push(finding);
        return;
    }
    // The churn the ceiling asks for: a tenth of a point below it (the rule fires at
    // the ceiling itself). Lowering the churn only lengthens the lifetime it allows, so
    // `lifetime-vs-churn` can only pass more easily; the proposal's judges check it.
    // A ceiling of a tenth of a point or less leaves no churn to propose but a
    // negative one: no fix then.
    let target = churn_ceiling_target(ceiling);
    let fix = (target >= 0.0)
        .then(|| {
            Proposal::new(cx)
                .set(kind.field(), target, Notation::Percent, Round::Down)
                .verify(&CHURN_CEILING, &finding.path)
                .ok()
        })
        .flatten();
    let help = with("large-customers-churn-ceiling.help")
        .text("way", if fix.is_some() { "fix" } else { "none" })
        .text("kind", kind.word())
        .percent("target", target);
    out.push(finding.help(help).fix(fix));
}

/// The churn `churn-ceiling` reads: revenue churn, or logo churn when the plan states
/// only that (and says so): a customer lost takes its revenue with it.
fn ceiling_churn(ue: &UnitEconomics) -> Option<(&Val<f64>, ChurnKind)> {
    match (&ue.revenue_churn, ue.logo_churn.get()) {
        (Field::Present(c), _) => Some((c, ChurnKind::Revenue)),
        (Field::Missing, Some(c)) => Some((c, ChurnKind::Logo)),
        _ => None,
    }
}

/// The churn `lifetime-vs-churn` reads: logo churn (how long a customer stays), or
/// revenue churn when the plan states only that.
fn lifetime_churn(ue: &UnitEconomics) -> Option<(&Val<f64>, ChurnKind)> {
    match (&ue.logo_churn, ue.revenue_churn.get()) {
        (Field::Present(c), _) => Some((c, ChurnKind::Logo)),
        (Field::Missing, Some(c)) => Some((c, ChurnKind::Revenue)),
        _ => None,
    }
}

/// How far below `max_revenue_churn` its fix brings the churn: a tenth of a point.
const CHURN_STEP: f64 = 0.001;

/// The churn `churn-ceiling`'s fix and help propose: a tenth of a point below the
/// ceiling, as written (`19.9%` for `20%`).
fn churn_ceiling_target(ceiling: f64) -> f64 {
    tidy(ceiling - CHURN_STEP, Notation::Percent, Round::Down)
}

/// Which churn a rule reads: revenue churn, or logo churn (a customer lost takes its
/// revenue with it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChurnKind {
    Revenue,
    Logo,
}

impl ChurnKind {
    fn word(self) -> &'static str {
        match self {
            ChurnKind::Revenue => "revenue",
            ChurnKind::Logo => "logo",
        }
    }

    fn field(self) -> fn(&mut UnitEconomics) -> &mut Field<f64> {
        match self {
            ChurnKind::Revenue => |u| &mut u.revenue_churn,
            ChurnKind::Logo => |u| &mut u.logo_churn,
        }
    }
}

fn ltv_cac_ratio(cx: &Context, out: &mut Vec<Finding>, mode: Mode) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some(cac) = ue.cac.get().filter(|c| c.value > 0.0) else {
        return;
    };
    let (Some(ltv), Some(ratio)) = (ltv(cx, ue), ltv_cac(cx)) else {
        return;
    };
    let min = cx.thresholds.min_ltv_cac;
    if ratio >= min - EPSILON {
        return;
    }
    let mut finding = Finding::new(
        &LTV_CAC_RATIO,
        cac,
        ltv.args(Message::new("large-customers-ltv-cac-ratio"), cx)
            .number("ratio", ratio)
            .money("cac", cac.value, cx.currency())
            .number("min", min),
        Message::new("large-customers-ltv-cac-ratio.label").money("cac", cac.value, cx.currency()),
    )
    .label(ltv.primary(), ltv.primary_label(cx));
    for (place, label) in ltv.inputs() {
        finding = finding.label(place, label);
    }
    // The CAC the help names is the one the fix writes.
    let max_cac = tidy(ltv.value / min, Notation::Money, Round::Down);
    let finding = finding.help(
        Message::new("large-customers-ltv-cac-ratio.help")
            .number("min", min)
            .money("max_cac", max_cac, cx.currency()),
    );
    if mode == Mode::Judge {
        out.push(finding);
        return;
    }
    // A lower CAC also shortens the payback: a stated payback follows it.
    let fix = Proposal::new(cx)
        .set(|u| &mut u.cac, max_cac, Notation::Money, Round::Down)
        .verify(&LTV_CAC_RATIO, &finding.path);
    out.push(finding.fix(fix.ok()));
}

/// Its fix only writes what the plan says (safe): no proposal to judge, the same in
/// either mode.
fn ltv_mismatch(cx: &Context, out: &mut Vec<Finding>, _mode: Mode) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let (Some(stated), Some(computed)) = (ue.ltv.get(), cx.metrics.ltv_computed) else {
        return;
    };
    let tolerance = cx.thresholds.tolerance;
    if !differs(stated.value, computed, tolerance) {
        return;
    }
    let (Some(acv), Some(life)) = (ue.acv.get(), ue.lifetime_years.get()) else {
        return;
    };
    let gm: Option<&Val<f64>> = match basis(ue) {
        LtvBasis::GrossMargin => ue.gross_margin.get(),
        LtvBasis::Revenue => None,
    };
    let stated_label = Message::new("large-customers-ltv-mismatch.label").money(
        "stated",
        stated.value,
        cx.currency(),
    );
    let mut finding = Finding::new(
        &LTV_MISMATCH,
        stated,
        formula_args(
            Message::new("large-customers-ltv-mismatch"),
            cx,
            acv,
            life,
            gm,
        )
        .money("stated", stated.value, cx.currency())
        .money("computed", computed, cx.currency()),
        stated_label,
    )
    .label(
        acv,
        Message::new("large-customers-ltv-mismatch-acv").money("acv", acv.value, cx.currency()),
    )
    .label(
        life,
        Message::new("large-customers-ltv-mismatch-lifetime").number("years", life.value),
    );
    if let Some(gm) = gm {
        finding = finding.label(
            gm,
            Message::new("large-customers-ltv-mismatch-gross-margin").percent("gm", gm.value),
        );
    }
    let ltv_basis = match basis(ue) {
        LtvBasis::Revenue => "revenue",
        LtvBasis::GrossMargin => "gross_margin",
    };
    out.push(
        finding
            .help(
                Message::new("large-customers-ltv-mismatch.help")
                    .number("computed", computed)
                    .percent("tolerance", tolerance)
                    .text("ltv_basis", ltv_basis),
            )
            .fix(Fix::computed().set(stated, computed, Notation::Money, Round::Nearest)),
    );
}

fn lifetime_vs_churn(cx: &Context, out: &mut Vec<Finding>, mode: Mode) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some(life) = ue.lifetime_years.get() else {
        return;
    };
    let Some((churn, kind)) = lifetime_churn(ue) else {
        return;
    };
    if churn.value <= 0.0 {
        return;
    }
    let max_life = 1.0 / churn.value;
    if life.value <= max_life + EPSILON {
        return;
    }
    let churn_of = |id: &'static str| {
        Message::new(id)
            .percent("churn", churn.value)
            .text("kind", kind.word())
    };
    let finding = Finding::new(
        &LIFETIME_VS_CHURN,
        life,
        churn_of("large-customers-lifetime-vs-churn")
            .number("years", life.value)
            .number("max", max_life),
        lifetime_label(life.value),
    )
    .label(churn, churn_of("large-customers-lifetime-vs-churn-churn"));
    if mode == Mode::Judge {
        out.push(finding);
        return;
    }
    let ways = lifetime_ways(cx, ue, life.value, churn.value, kind, &finding.path);
    let help = churn_of("large-customers-lifetime-vs-churn.help")
        .text("way", ways.way)
        .number("max", ways.max)
        .text("raise", if ways.acv.is_some() { "yes" } else { "no" })
        .money("acv", ways.acv.unwrap_or(0.0), cx.currency())
        .percent("target", ways.churn);
    out.push(
        ways.fixes
            .into_iter()
            .fold(finding.help(help), Finding::alternative),
    );
}

/// The ways out of `lifetime-vs-churn` its help proposes, each a fix this principle's
/// rules passed: `way` says which (`both`, `lifetime`, `churn`, `none`); `max` is the
/// lifetime the churn allows, `acv` the ACV the shorter lifetime needs (when the plan
/// passes a floor now that it would fail at `max` years), `churn` the churn the stated
/// lifetime needs.
struct LifetimeWays {
    way: &'static str,
    max: f64,
    acv: Option<f64>,
    churn: f64,
    fixes: Vec<Fix>,
}

fn lifetime_ways(
    cx: &Context,
    ue: &UnitEconomics,
    life: f64,
    churn: f64,
    kind: ChurnKind,
    path: &str,
) -> LifetimeWays {
    // The lifetime the churn allows, at most 1 / churn, as written.
    let max = tidy(1.0 / churn, Notation::Number, Round::Down);
    // A shorter life lowers the LTV: the floors the plan passes now may need a larger
    // ACV at `max` years (the ones it fails already have findings and fixes of their own).
    let before = judge(cx.plan, cx);
    let fired = |rule: &Rule| before.iter().any(|(id, _)| *id == rule.id);
    let acv = match (ue.acv.value(), acv_needed(cx, ue, max, &fired)) {
        (Some(acv), Some(need)) if need > acv => Some(tidy(need, Notation::Money, Round::Up)),
        _ => None,
    };
    let mut shorter = Proposal::new(cx).set(
        |u| &mut u.lifetime_years,
        max,
        Notation::Number,
        Round::Down,
    );
    if let Some(acv) = acv {
        shorter = shorter.set(|u| &mut u.acv, acv, Notation::Money, Round::Up);
    }
    let by_life = shorter.verify(&LIFETIME_VS_CHURN, path).ok();
    // Or the churn falls to what the stated lifetime needs, at most 1 / lifetime. When
    // `churn-ceiling` reads the same churn, the churn proposed is one it accepts too
    // (writing a churn the principle still rejects would be no way out); a lower churn
    // can only pass it more easily either way.
    let mut target = tidy(1.0 / life, Notation::Percent, Round::Down);
    let ceiling = churn_ceiling_target(cx.thresholds.max_revenue_churn);
    if ceiling >= 0.0 && ceiling_churn(ue).is_some_and(|(_, k)| k == kind) {
        target = target.min(ceiling);
    }
    let by_churn = Proposal::new(cx)
        .set(kind.field(), target, Notation::Percent, Round::Down)
        .verify(&LIFETIME_VS_CHURN, path)
        .ok();
    let way = match (&by_life, &by_churn) {
        (Some(_), Some(_)) => "both",
        (Some(_), None) => "lifetime",
        (None, Some(_)) => "churn",
        (None, None) => "none",
    };
    LifetimeWays {
        way,
        max: if by_life.is_some() { max } else { 1.0 / churn },
        acv,
        churn: target,
        fixes: [by_life, by_churn].into_iter().flatten().collect(),
    }
}

/// The ACV the plan needs at a lifetime of `life` years to keep passing the floors of
/// this principle it passes now (`fired` says which rules fire now): `acv-floor`, and,
/// when the judged LTV follows the inputs, `ltv-floor` and `ltv-cac-ratio`. `None`
/// when none of them asks for anything.
fn acv_needed(
    cx: &Context,
    ue: &UnitEconomics,
    life: f64,
    fired: &dyn Fn(&Rule) -> bool,
) -> Option<f64> {
    if life <= 0.0 {
        return None;
    }
    let min_ltv = cx.money(cx.thresholds.min_ltv).map(|m| m.amount);
    let mut needs = Vec::new();
    if !fired(&ACV_FLOOR)
        && let Some(min_ltv) = min_ltv
    {
        needs.push(min_ltv / life);
    }
    if ltv_follows_inputs(cx, ue)
        && let Some(g) = ltv_factor(ue).filter(|g| *g > 0.0)
    {
        if !fired(&LTV_FLOOR)
            && let Some(floor) = min_ltv
        {
            needs.push(floor / (life * g));
        }
        if !fired(&LTV_CAC_RATIO)
            && let Some(cac) = ue.cac.value().filter(|c| *c > 0.0)
        {
            needs.push(cx.thresholds.min_ltv_cac * cac / (life * g));
        }
    }
    needs.into_iter().reduce(f64::max)
}

fn small_deals(cx: &Context, out: &mut Vec<Finding>, _mode: Mode) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some(acv) = ue.acv.get() else { return };
    let giant = cx
        .plan
        .company
        .get()
        .is_some_and(|c| c.value.platform_giant.is_true());
    if giant {
        return;
    }
    let Some(ceiling) = cx.money(cx.thresholds.telesales_max_deal) else {
        return;
    };
    if acv.value >= ceiling.amount {
        return;
    }
    // Small deals sold through a low-touch channel the thresholds recognise are a model
    // of their own, not a warning: `channel` selects that wording (`none` otherwise).
    let low_touch = low_touch_channel(cx);
    let channel = low_touch.unwrap_or("none");
    let mut finding = Finding::new(
        &SMALL_DEALS,
        acv,
        Message::new("large-customers-small-deals")
            .money("acv", acv.value, cx.currency())
            .threshold("ceiling", &ceiling)
            .text("channel", channel),
        acv_label(cx, acv.value),
    )
    .help(Message::new("large-customers-small-deals.help").text("channel", channel));
    if low_touch.is_some() {
        finding = finding.at_most(Severity::Info);
    }
    out.push(finding);
}

fn net_shrink(cx: &Context, out: &mut Vec<Finding>, mode: Mode) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some(nrr) = ue.net_revenue_retention.get() else {
        return;
    };
    let min = cx.thresholds.min_net_revenue_retention;
    if nrr.value >= min - EPSILON {
        return;
    }
    let with = |id: &'static str| {
        Message::new(id)
            .percent("nrr", nrr.value)
            .percent("min", min)
    };
    let finding = Finding::new(
        &NET_SHRINK,
        nrr,
        with("large-customers-net-shrink"),
        with("large-customers-net-shrink.label"),
    );
    if mode == Mode::Judge {
        out.push(finding);
        return;
    }
    // Net retention at the minimum, as written: no other rule of this principle reads
    // it, and the proposal's judges confirm that.
    let target = tidy(min, Notation::Percent, Round::Up);
    let fix = Proposal::new(cx)
        .set(
            |u| &mut u.net_revenue_retention,
            target,
            Notation::Percent,
            Round::Up,
        )
        .verify(&NET_SHRINK, &finding.path);
    let help = Message::new("large-customers-net-shrink.help")
        .percent("nrr", nrr.value)
        .percent("min", target);
    out.push(finding.help(help).fix(fix.ok()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Channel, Field, Plan, Sales};
    use crate::thresholds::{FxRates, Thresholds};

    /// A USD plan with an ACV of 1,000 and no stated lifetime, sold through `motion`.
    fn plan(motion: Motion) -> Plan {
        let ue = UnitEconomics {
            acv: Field::Present(Val::bare(1_000.0)),
            ..UnitEconomics::default()
        };
        let channel = Channel {
            motion: Field::Present(Val::bare(motion)),
            ..Channel::default()
        };
        Plan {
            unit_economics: Field::Present(Val::bare(ue)),
            sales: Field::Present(Val::bare(Sales {
                channels: Field::Present(Val::bare(vec![Val::bare(channel)])),
            })),
            currency: Field::Present(Val::bare("USD".to_string())),
            ..Plan::default()
        }
    }

    fn run(plan: &Plan, check: CheckIn) -> Vec<Finding> {
        let t = Thresholds::us_saas();
        let fx = FxRates::default();
        let cx = Context::new(plan, &t, &fx);
        let mut out = Vec::new();
        check(&cx, &mut out, Mode::Offer);
        out
    }

    /// `value` at `unit_economics.<key>`.
    fn at(key: &str, value: f64) -> Field<f64> {
        Field::Present(Val {
            path: format!("unit_economics.{key}"),
            ..Val::bare(value)
        })
    }

    /// A CNY plan with these unit economics, judged under the article's thresholds.
    fn plan_of(ue: UnitEconomics) -> Plan {
        Plan {
            unit_economics: Field::Present(Val::bare(ue)),
            currency: Field::Present(Val::bare("CNY".to_string())),
            ..Plan::default()
        }
    }

    /// The findings of `check` on `plan` under the article's thresholds, fixes offered.
    fn offered(plan: &Plan, check: CheckIn) -> Vec<Finding> {
        let t = Thresholds::article();
        let fx = FxRates::default();
        let cx = Context::new(plan, &t, &fx);
        let mut out = Vec::new();
        check(&cx, &mut out, Mode::Offer);
        out
    }

    /// What each edit of `fix` writes, by leaf key: `("acv", 75000.0)`.
    fn writes(fix: &Fix) -> Vec<(String, f64)> {
        fix.edits
            .iter()
            .map(|e| {
                let key = e.path.rsplit('.').next().unwrap_or_default().to_string();
                match e.replacement {
                    crate::lint::Replacement::Value { value, .. } => (key, value),
                    crate::lint::Replacement::Text(_) | crate::lint::Replacement::RemoveItems => {
                        (key, f64::NAN)
                    }
                }
            })
            .collect()
    }

    /// The article's 25%-churn plan: ACV 70k for 5 years (LTV 350k, stated), CAC 40k.
    fn churning() -> UnitEconomics {
        UnitEconomics {
            acv: at("acv", 70_000.0),
            gross_margin: at("gross_margin", 0.72),
            lifetime_years: at("lifetime_years", 5.0),
            ltv: at("ltv", 350_000.0),
            cac: at("cac", 40_000.0),
            logo_churn: at("logo_churn", 0.25),
            revenue_churn: at("revenue_churn", 0.08),
            ..UnitEconomics::default()
        }
    }

    #[test]
    fn every_rule_of_the_principle_judges_a_proposal() {
        let judged: Vec<&str> = CHECKS.iter().map(|(r, _)| r.id).collect();
        let declared: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(judged, declared);
    }

    #[test]
    fn tidy_rounds_to_what_messages_show_in_the_safe_direction() {
        let t = |v: f64, n: Notation, r: Round| tidy(v, n, r);
        assert_eq!(t(300_000.0 / 2.25, Notation::Money, Round::Up), 133_400.0);
        assert_eq!(t(200_000.0 / 3.0, Notation::Money, Round::Down), 66_600.0);
        assert_eq!(t(75_000.0, Notation::Money, Round::Up), 75_000.0);
        assert_eq!(t(5_000.004, Notation::Money, Round::Up), 5_001.0);
        assert_eq!(t(1.0 / 0.3, Notation::Number, Round::Down), 3.33);
        assert_eq!(t(1.0 / 0.15, Notation::Number, Round::Down), 6.66);
        assert_eq!(t(300_000.0 / 65_000.0, Notation::Number, Round::Up), 4.62);
        assert_eq!(t(1.0 / 3.0, Notation::Percent, Round::Down), 0.333);
        assert_eq!(t(0.2 - CHURN_STEP, Notation::Percent, Round::Down), 0.199);
        assert_eq!(t(1.0, Notation::Percent, Round::Up), 1.0);
        // Nothing to round: zero, negative and undefined values are left as they are.
        assert_eq!(t(0.0, Notation::Money, Round::Up), 0.0);
        assert_eq!(t(-0.001, Notation::Percent, Round::Down), -0.001);
        assert!(t(f64::NAN, Notation::Number, Round::Up).is_nan());
        assert_eq!(t(f64::INFINITY, Notation::Money, Round::Up), f64::INFINITY);
    }

    #[test]
    fn a_tidy_amount_is_written_back_exactly_in_every_notation() {
        use crate::model::value::{parse_money, write_like};
        let mut v = 1_234.567_f64;
        while v < 1e12 {
            for round in [Round::Up, Round::Down] {
                let tidied = tidy(v, Notation::Money, round);
                match round {
                    Round::Up => assert!(tidied >= v * (1.0 - 1e-12), "{v} → {tidied}"),
                    _ => assert!(tidied <= v * (1.0 + 1e-12), "{v} → {tidied}"),
                }
                assert!(((tidied - v) / v).abs() < 0.011, "{v} → {tidied}");
                assert_eq!(tidy(tidied, Notation::Money, round), tidied);
                for raw in ["60万", "120k", "84000", "1.2M", "¥1,200,000", "1.2亿"] {
                    // `write_like` writes six decimals at most: 0.000012亿 is 1,200.
                    if v < 1e4 && (raw.ends_with('M') || raw.ends_with('亿')) {
                        continue;
                    }
                    let text = write_like(raw, tidied, Notation::Money, round);
                    // The same decimal (read back as `0.817 × 10^4`, a float's width off).
                    let back = text.as_deref().and_then(|t| parse_money(t).ok());
                    assert!(
                        back.is_some_and(|m| ((m.amount - tidied) / tidied).abs() < 1e-12),
                        "{raw}: {tidied} written {text:?}"
                    );
                }
            }
            v *= 1.37;
        }
    }

    #[test]
    fn a_shorter_lifetime_raises_the_acv_to_the_floors_the_plan_passes_now() {
        let plan = plan_of(churning());
        let found = offered(&plan, lifetime_vs_churn);
        assert_eq!(found.len(), 1);
        let fixes: Vec<_> = found[0].fixes().map(writes).collect();
        // 4 years at 70k is 280k: ACV to 300,000 / 4, and the stated LTV follows.
        assert_eq!(
            fixes,
            [
                vec![
                    ("lifetime_years".into(), 4.0),
                    ("acv".into(), 75_000.0),
                    ("ltv".into(), 300_000.0)
                ],
                vec![("logo_churn".into(), 0.2)],
            ]
        );
        let help = found[0].help.as_ref().map(|h| h.render(Lang::En));
        assert_eq!(
            help.as_deref(),
            Some(
                "lower `lifetime_years` to at most 4 and raise ACV to 75,000 CNY (the shorter lifetime needs it to keep this principle's LTV minimums), or show how logo churn will fall to 20% or less"
            )
        );
    }

    #[test]
    fn a_floor_the_plan_already_fails_is_left_to_its_own_finding() {
        // ACV 50k fails the floors already: the shorter lifetime raises nothing, and a
        // stated LTV that disagreed with the inputs is left alone.
        let plan = plan_of(UnitEconomics {
            acv: at("acv", 50_000.0),
            ltv: at("ltv", 400_000.0),
            ..churning()
        });
        let found = offered(&plan, lifetime_vs_churn);
        let first = found[0].fix.as_ref().map(writes);
        assert_eq!(first, Some(vec![("lifetime_years".into(), 4.0)]));
    }

    #[test]
    fn a_lifetime_of_a_thirty_percent_churn_is_rounded_down_and_written_as_shown() {
        let plan = plan_of(UnitEconomics {
            acv: at("acv", 200_000.0),
            ltv: Field::Missing,
            logo_churn: at("logo_churn", 0.3),
            ..churning()
        });
        let found = offered(&plan, lifetime_vs_churn);
        let fixes: Vec<_> = found[0].fixes().map(writes).collect();
        assert_eq!(fixes[0], vec![("lifetime_years".to_string(), 3.33)]);
        let help = found[0].help.as_ref().map(|h| h.render(Lang::En));
        assert!(help.is_some_and(|h| h.starts_with("lower `lifetime_years` to at most 3.33,")));
    }

    #[test]
    fn the_ltv_floor_offers_a_larger_acv_or_a_lifetime_the_churn_allows() {
        // 65k for 4 years is 260k: ACV 75k, or 4.62 years (churn 15% allows 6.66).
        let plan = plan_of(UnitEconomics {
            acv: at("acv", 65_000.0),
            lifetime_years: at("lifetime_years", 4.0),
            ltv: Field::Missing,
            logo_churn: at("logo_churn", 0.15),
            ..churning()
        });
        let found = offered(&plan, ltv_floor);
        let fixes: Vec<_> = found[0].fixes().map(writes).collect();
        assert_eq!(
            fixes,
            [
                vec![("acv".to_string(), 75_000.0)],
                vec![("lifetime_years".to_string(), 4.62)]
            ]
        );
        // At 40% churn (2.5 years at most) only the ACV is offered, and the help says why.
        let plan = plan_of(UnitEconomics {
            acv: at("acv", 65_000.0),
            lifetime_years: at("lifetime_years", 2.0),
            ltv: Field::Missing,
            logo_churn: at("logo_churn", 0.4),
            ..churning()
        });
        let found = offered(&plan, ltv_floor);
        assert_eq!(found[0].fixes().count(), 1);
        let help = found[0].help.as_ref().map(|h| h.render(Lang::En));
        assert_eq!(
            help.as_deref(),
            Some(
                "aim at larger customers, with an ACV of at least 150,000 CNY, to an LTV of at least 300,000 CNY: keeping them longer would take 4.62 years, more than churn allows"
            )
        );
    }

    #[test]
    fn a_stated_ltv_without_the_inputs_behind_it_gets_no_fix() {
        let plan = plan_of(UnitEconomics {
            lifetime_years: Field::Missing,
            ltv: at("ltv", 200_000.0),
            ..churning()
        });
        let found = offered(&plan, ltv_floor);
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
        let help = found[0].help.as_ref().map(|h| h.render(Lang::En));
        assert_eq!(
            help.as_deref(),
            Some(
                "aim at larger customers (a higher ACV) or keep them longer, to an LTV of at least 300,000 CNY"
            )
        );
    }

    #[test]
    fn churn_at_the_ceiling_is_brought_a_tenth_of_a_point_below_it() {
        let plan = plan_of(UnitEconomics {
            revenue_churn: at("revenue_churn", 0.2),
            ..churning()
        });
        let found = offered(&plan, churn_ceiling);
        let fix = found[0].fix.as_ref().map(writes);
        assert_eq!(fix, Some(vec![("revenue_churn".into(), 0.199)]));
    }

    #[test]
    fn a_ceiling_too_low_for_a_churn_below_it_gets_no_fix() {
        let plan = plan_of(churning());
        let t = Thresholds {
            max_revenue_churn: 0.0005,
            ..Thresholds::article()
        };
        let fx = FxRates::default();
        let cx = Context::new(&plan, &t, &fx);
        let mut out = Vec::new();
        churn_ceiling(&cx, &mut out, Mode::Offer);
        assert_eq!(out.len(), 1);
        assert!(out[0].fix.is_none());
        let help = out[0].help.as_ref().map(|h| h.render(Lang::En));
        assert!(help.is_some_and(|h| h.starts_with("bring revenue churn below 0.05%:")));
    }

    #[test]
    fn net_retention_is_raised_to_the_minimum() {
        let plan = plan_of(UnitEconomics {
            net_revenue_retention: at("net_revenue_retention", 0.97),
            ..churning()
        });
        let found = offered(&plan, net_shrink);
        let fix = found[0].fix.as_ref().map(writes);
        assert_eq!(fix, Some(vec![("net_revenue_retention".into(), 1.0)]));
    }

    #[test]
    fn a_raised_acv_moves_the_stated_payback_and_roi_with_it() {
        let mut plan = plan_of(UnitEconomics {
            acv: at("acv", 50_000.0),
            cac_payback_months: at("cac_payback_months", 10.0),
            cac: at("cac", 30_000.0),
            ltv: at("ltv", 250_000.0),
            logo_churn: at("logo_churn", 0.15),
            ..churning()
        });
        plan.value = Field::Present(Val::bare(crate::model::Value {
            annual_value_per_customer: Field::Present(Val::bare(800_000.0)),
            roi_multiple: Field::Present(Val {
                path: "value.roi_multiple".into(),
                ..Val::bare(16.0)
            }),
            ..crate::model::Value::default()
        }));
        let found = offered(&plan, acv_floor);
        let fix = found[0].fix.as_ref().map(writes).unwrap_or_default();
        let get = |k: &str| fix.iter().find(|(key, _)| key == k).map(|(_, v)| *v);
        assert_eq!(get("acv"), Some(60_000.0));
        assert_eq!(get("ltv"), Some(300_000.0));
        assert!(get("cac_payback_months").is_some_and(|m| (m - 25.0 / 3.0).abs() < 1e-9));
        assert!(get("roi_multiple").is_some_and(|r| (r - 40.0 / 3.0).abs() < 1e-9));
    }

    #[test]
    fn the_low_touch_channel_is_an_argument_of_the_acv_floor_message() {
        let found = run(&plan(Motion::SelfServe), acv_floor);
        assert_eq!(found.len(), 1);
        let message = &found[0].message;
        // A message of the files with the channel as data, not English re-wrapped as text.
        assert!(!message.is_literal());
        assert_eq!(message.id(), Some("large-customers-acv-floor"));
        assert!(
            message
                .args()
                .iter()
                .any(|(k, v)| *k == "channel" && *v == crate::i18n::Arg::Text("self_serve".into()))
        );
        assert_eq!(
            message.render(Lang::En),
            "ACV is 1,000 USD, below the 10,000 USD needed for an LTV of 50,000 USD over 5 years (assuming the principles' 5-year lifetime: the plan states none); the plan sells small deals through its `self_serve` channel, a recognised model under these thresholds"
        );
        let zh = message.render(Lang::Zh);
        assert!(zh.contains("`self_serve` 渠道"), "{zh}");
        assert!(zh.contains("5 年估算"), "{zh}");
        assert!(!zh.contains("recognised"), "{zh}");
    }

    #[test]
    fn without_a_low_touch_channel_the_acv_floor_message_says_nothing_of_one() {
        let found = run(&plan(Motion::Field), acv_floor);
        assert_eq!(found.len(), 1);
        let en = found[0].message.render(Lang::En);
        assert!(en.ends_with("the plan states none)"), "{en}");
        let zh = found[0].message.render(Lang::Zh);
        assert!(!zh.contains("渠道"), "{zh}");
    }

    #[test]
    fn small_deals_through_a_low_touch_channel_read_as_a_model_in_both_languages() {
        let found = run(&plan(Motion::Telesales), small_deals);
        assert_eq!(found.len(), 1);
        let en = found[0].message.render(Lang::En);
        assert!(
            en.contains("sold through the plan's `telesales` channel"),
            "{en}"
        );
        let zh = found[0].message.render(Lang::Zh);
        assert!(zh.contains("`telesales` 渠道"), "{zh}");
        let help = found[0].help.as_ref().map(|h| h.render(Lang::Zh));
        assert!(help.is_some_and(|h| h.contains("三分之一")));
    }
}
