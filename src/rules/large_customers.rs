//! `large-customers/`: principle 3, large customers are the best targets.
//! LTV above 300,000 CNY, revenue churn below 20%, LTV:CAC of at least 3, and an ACV
//! above 60,000 CNY at a 5-year lifetime; only platform giants can live on small deals.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule, differs};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{LtvBasis, Motion, Place, UnitEconomics, Val};

pub const LTV_FLOOR: Rule = Rule {
    id: "large-customers/ltv-floor",
    severity: Severity::Error,
    summary: "customer lifetime value (stated or computed) is below the floor",
    check: Some(Check::Fn(ltv_floor)),
    inputs: &["unit_economics.ltv | unit_economics.acv + unit_economics.lifetime_years"],
    thresholds: &["min_ltv"],
};

pub const ACV_FLOOR: Rule = Rule {
    id: "large-customers/acv-floor",
    severity: Severity::Error,
    summary: "annual contract value is below min_ltv / lifetime_years",
    check: Some(Check::Fn(acv_floor)),
    inputs: &["unit_economics.acv"],
    thresholds: &["min_ltv"],
};

pub const CHURN_CEILING: Rule = Rule {
    id: "large-customers/churn-ceiling",
    severity: Severity::Error,
    summary: "annual revenue churn is at or above the ceiling",
    check: Some(Check::Fn(churn_ceiling)),
    inputs: &["unit_economics.revenue_churn | unit_economics.logo_churn"],
    thresholds: &["max_revenue_churn"],
};

pub const LTV_CAC_RATIO: Rule = Rule {
    id: "large-customers/ltv-cac-ratio",
    severity: Severity::Error,
    summary: "LTV / CAC is below the minimum",
    check: Some(Check::Fn(ltv_cac_ratio)),
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
    check: Some(Check::Fn(ltv_mismatch)),
    inputs: &["unit_economics.ltv | unit_economics.acv + unit_economics.lifetime_years"],
    thresholds: &["tolerance"],
};

pub const LIFETIME_VS_CHURN: Rule = Rule {
    id: "large-customers/lifetime-vs-churn",
    severity: Severity::Warning,
    summary: "lifetime_years is longer than churn allows (1 / churn)",
    check: Some(Check::Fn(lifetime_vs_churn)),
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
    check: Some(Check::Fn(small_deals)),
    inputs: &["unit_economics.acv"],
    thresholds: &["telesales_max_deal"],
};

pub const NET_SHRINK: Rule = Rule {
    id: "large-customers/net-shrink",
    severity: Severity::Warning,
    summary: "net revenue retention is below 100%: the installed base shrinks",
    check: Some(Check::Fn(net_shrink)),
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

fn ltv_floor(cx: &Context, out: &mut Vec<Finding>) {
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
    out.push(finding.help(with("large-customers-ltv-floor.help")));
}

fn acv_floor(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some(acv) = ue.acv.get() else { return };
    let (years, life_place) = match &ue.lifetime_years {
        crate::model::Field::Present(v) => (v.value, Some(v)),
        crate::model::Field::Missing => (DEFAULT_LIFETIME_YEARS, None),
        crate::model::Field::Invalid => return,
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
    // Raising the ACV raises the LTV it gives: a stated LTV that agreed with the old
    // ACV is rewritten with it, or the fix would leave an `ltv-mismatch` behind.
    let mut fix =
        Fix::unsafe_(Message::new("fix-change")).set(acv, floor.amount, Notation::Money, Round::Up);
    if let (Some(stated), Some(computed)) = (ue.ltv.get(), cx.metrics.ltv_computed)
        && acv.value > 0.0
        && !differs(stated.value, computed, cx.thresholds.tolerance)
    {
        fix = fix.set(
            stated,
            computed * floor.amount / acv.value,
            Notation::Money,
            Round::Up,
        );
    }
    out.push(
        finding
            .help(with("large-customers-acv-floor.help"))
            .fix(fix),
    );
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

fn churn_ceiling(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    // Revenue churn, or logo churn when the plan states only that (and says so): a
    // customer lost takes its revenue with it.
    let (churn, kind) = match (
        ue.revenue_churn.get(),
        &ue.revenue_churn,
        ue.logo_churn.get(),
    ) {
        (Some(c), _, _) => (c, "revenue"),
        (None, crate::model::Field::Missing, Some(c)) => (c, "logo"),
        _ => return,
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
    out.push(
        Finding::new(
            &CHURN_CEILING,
            churn,
            with("large-customers-churn-ceiling").text("kind", kind),
            with("large-customers-churn-ceiling.label"),
        )
        .help(with("large-customers-churn-ceiling.help")),
    );
}

fn ltv_cac_ratio(cx: &Context, out: &mut Vec<Finding>) {
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
    out.push(
        finding
            .help(
                Message::new("large-customers-ltv-cac-ratio.help")
                    .number("min", min)
                    .money("max_cac", ltv.value / min, cx.currency()),
            )
            .fix(Fix::unsafe_(Message::new("fix-change")).set(
                cac,
                ltv.value / min,
                Notation::Money,
                Round::Down,
            )),
    );
}

fn ltv_mismatch(cx: &Context, out: &mut Vec<Finding>) {
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
            .fix(Fix::safe(Message::new("fix-computed")).set(
                stated,
                computed,
                Notation::Money,
                Round::Nearest,
            )),
    );
}

fn lifetime_vs_churn(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let Some(life) = ue.lifetime_years.get() else {
        return;
    };
    let (churn, kind) = match (ue.logo_churn.get(), &ue.logo_churn) {
        (Some(c), _) => (c, "logo"),
        (None, crate::model::Field::Missing) => match ue.revenue_churn.get() {
            Some(c) => (c, "revenue"),
            None => return,
        },
        (None, _) => return,
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
            .text("kind", kind)
    };
    out.push(
        Finding::new(
            &LIFETIME_VS_CHURN,
            life,
            churn_of("large-customers-lifetime-vs-churn")
                .number("years", life.value)
                .number("max", max_life),
            lifetime_label(life.value),
        )
        .label(churn, churn_of("large-customers-lifetime-vs-churn-churn"))
        .help(Message::new("large-customers-lifetime-vs-churn.help").number("max", max_life)),
    );
}

fn small_deals(cx: &Context, out: &mut Vec<Finding>) {
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

fn net_shrink(cx: &Context, out: &mut Vec<Finding>) {
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
    out.push(
        Finding::new(
            &NET_SHRINK,
            nrr,
            with("large-customers-net-shrink"),
            with("large-customers-net-shrink.label"),
        )
        .help(with("large-customers-net-shrink.help")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Channel, Field, Plan, Sales};
    use crate::source::Span;
    use crate::thresholds::{FxRates, Thresholds};

    fn val<T>(value: T) -> Val<T> {
        Val {
            value,
            span: Span::new(0, 0),
            path: String::new(),
            index: None,
        }
    }

    /// A USD plan with an ACV of 1,000 and no stated lifetime, sold through `motion`.
    fn plan(motion: Motion) -> Plan {
        let ue = UnitEconomics {
            acv: Field::Present(val(1_000.0)),
            ..UnitEconomics::default()
        };
        let channel = Channel {
            motion: Field::Present(val(motion)),
            ..Channel::default()
        };
        Plan {
            unit_economics: Field::Present(val(ue)),
            sales: Field::Present(val(Sales {
                channels: Field::Present(val(vec![val(channel)])),
            })),
            currency: Field::Present(val("USD".to_string())),
            ..Plan::default()
        }
    }

    fn run(plan: &Plan, check: fn(&Context, &mut Vec<Finding>)) -> Vec<Finding> {
        let t = Thresholds::us_saas();
        let fx = FxRates::default();
        let cx = Context::new(plan, &t, &fx);
        let mut out = Vec::new();
        check(&cx, &mut out);
        out
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
