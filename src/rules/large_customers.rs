//! `large-customers/`: principle 3, large customers are the best targets.
//! LTV above 300,000 CNY, revenue churn below 20%, LTV:CAC of at least 3, and an ACV
//! above 60,000 CNY at a 5-year lifetime; only platform giants can live on small deals.

use crate::engine::{Context, Rule, differs};
use crate::finding::{Finding, Severity};
use crate::model::value::{format_number, format_percent};
use crate::model::{LtvBasis, Motion, Place, UnitEconomics, Val};

pub const LTV_FLOOR: Rule = Rule {
    id: "large-customers/ltv-floor",
    severity: Severity::Error,
    summary: "customer lifetime value (stated or computed) is below the floor",
    check: Some(ltv_floor),
    inputs: &["unit_economics.ltv | unit_economics.acv + unit_economics.lifetime_years"],
    thresholds: &["min_ltv"],
};

pub const ACV_FLOOR: Rule = Rule {
    id: "large-customers/acv-floor",
    severity: Severity::Error,
    summary: "annual contract value is below min_ltv / lifetime_years",
    check: Some(acv_floor),
    inputs: &["unit_economics.acv"],
    thresholds: &["min_ltv"],
};

pub const CHURN_CEILING: Rule = Rule {
    id: "large-customers/churn-ceiling",
    severity: Severity::Error,
    summary: "annual revenue churn is at or above the ceiling",
    check: Some(churn_ceiling),
    inputs: &["unit_economics.revenue_churn | unit_economics.logo_churn"],
    thresholds: &["max_revenue_churn"],
};

pub const LTV_CAC_RATIO: Rule = Rule {
    id: "large-customers/ltv-cac-ratio",
    severity: Severity::Error,
    summary: "LTV / CAC is below the minimum",
    check: Some(ltv_cac_ratio),
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
    check: Some(ltv_mismatch),
    inputs: &["unit_economics.ltv | unit_economics.acv + unit_economics.lifetime_years"],
    thresholds: &["tolerance"],
};

pub const LIFETIME_VS_CHURN: Rule = Rule {
    id: "large-customers/lifetime-vs-churn",
    severity: Severity::Warning,
    summary: "lifetime_years is longer than churn allows (1 / churn)",
    check: Some(lifetime_vs_churn),
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
    check: Some(small_deals),
    inputs: &["unit_economics.acv"],
    thresholds: &["telesales_max_deal"],
};

pub const NET_SHRINK: Rule = Rule {
    id: "large-customers/net-shrink",
    severity: Severity::Warning,
    summary: "net revenue retention is below 100%: the installed base shrinks",
    check: Some(net_shrink),
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

fn unit_economics<'a>(cx: &'a Context) -> Option<&'a UnitEconomics> {
    cx.plan.unit_economics.get().map(|v| &v.value)
}

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

    fn primary_label(&self, cx: &Context) -> String {
        match &self.source {
            LtvSource::Stated(v) => format!("LTV {}", cx.fmt_money(v.value)),
            LtvSource::Computed { acv, .. } => format!("ACV {}", cx.fmt_money(acv.value)),
        }
    }

    /// How it was computed, for messages: `ACV 50,000 CNY × 5 years`.
    fn formula(&self, cx: &Context) -> Option<String> {
        let LtvSource::Computed { acv, life, gm } = &self.source else {
            return None;
        };
        let mut formula = format!(
            "ACV {} × {} years",
            cx.fmt_money(acv.value),
            format_number(life.value)
        );
        if let Some(gm) = gm {
            formula.push_str(&format!(" × {} gross margin", format_percent(gm.value)));
        }
        Some(formula)
    }

    /// The labels on the inputs it was computed from.
    fn inputs(&self) -> Vec<(Place, String)> {
        let LtvSource::Computed { life, gm, .. } = &self.source else {
            return Vec::new();
        };
        let mut inputs = vec![(
            Place::from(*life),
            format!("lifetime {} years", format_number(life.value)),
        )];
        if let Some(gm) = gm {
            inputs.push((
                Place::from(*gm),
                format!("gross margin {}", format_percent(gm.value)),
            ));
        }
        inputs
    }
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

fn ltv_floor(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
    let Some(floor) = cx.money(cx.thresholds.min_ltv) else {
        return;
    };
    let Some(ltv) = ltv(cx, ue) else { return };
    if ltv.value >= floor.amount {
        return;
    }
    let how = ltv
        .formula(cx)
        .map_or_else(String::new, |f| format!(" ({f})"));
    let mut finding = Finding::new(
        &LTV_FLOOR,
        ltv.primary(),
        format!(
            "LTV is {}{how}, below the {} floor",
            cx.fmt_money(ltv.value),
            floor.text()
        ),
        ltv.primary_label(cx),
    );
    for (place, label) in ltv.inputs() {
        finding = finding.label(place, label);
    }
    out.push(finding.help(format!(
        "aim at larger customers (a higher ACV) or keep them longer, to an LTV of at least {}",
        floor.text()
    )));
}

fn acv_floor(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
    let Some(acv) = ue.acv.get() else { return };
    let (years, life_place) = match &ue.lifetime_years {
        crate::model::Field::Present(v) => (v.value, Some(v)),
        crate::model::Field::Missing => (DEFAULT_LIFETIME_YEARS, None),
        crate::model::Field::Invalid => return,
    };
    let Some(floor) = cx.money(cx.thresholds.min_ltv / years) else {
        return;
    };
    if acv.value >= floor.amount {
        return;
    }
    let assumed = if life_place.is_none() {
        " (assuming the principles' 5-year lifetime: the plan states none)"
    } else {
        ""
    };
    let low_touch = low_touch_channel(cx);
    let mut finding = Finding::new(
        &ACV_FLOOR,
        acv,
        format!(
            "ACV is {}, below the {} needed for an LTV of {} over {} years{assumed}",
            cx.fmt_money(acv.value),
            floor.text(),
            cx.money(cx.thresholds.min_ltv)
                .map_or_else(String::new, |m| m.text()),
            format_number(years)
        ),
        format!("ACV {}", cx.fmt_money(acv.value)),
    );
    if let Some(life) = life_place {
        finding = finding.label(life, format!("lifetime {} years", format_number(years)));
    } else {
        // Judged on an assumed lifetime, not a stated one: a warning at most.
        finding = finding.at_most(Severity::Warning);
    }
    if let Some(motion) = low_touch {
        let mut text = finding.message.render(crate::i18n::Lang::En);
        text.push_str(&format!(
            "; the plan sells small deals through its `{motion}` channel, a recognised model under these thresholds"
        ));
        finding.message = text.into();
    }
    let help = if life_place.is_none() {
        format!(
            "state `lifetime_years` (how long customers stay), or sell to larger customers so the ACV reaches {}",
            floor.text()
        )
    } else {
        format!(
            "sell to larger customers or a larger scope so the ACV reaches {}",
            floor.text()
        )
    };
    out.push(finding.help(help));
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
    let Some(ue) = unit_economics(cx) else { return };
    // Revenue churn, or logo churn when the plan states only that (and says so): a
    // customer lost takes its revenue with it.
    let (churn, what) = match (
        ue.revenue_churn.get(),
        &ue.revenue_churn,
        ue.logo_churn.get(),
    ) {
        (Some(c), _, _) => (c, "annual revenue churn"),
        (None, crate::model::Field::Missing, Some(c)) => {
            (c, "annual logo churn (the plan states no revenue churn)")
        }
        _ => return,
    };
    let ceiling = cx.thresholds.max_revenue_churn;
    if churn.value < ceiling - 1e-12 {
        return;
    }
    out.push(
        Finding::new(
            &CHURN_CEILING,
            churn,
            format!(
                "{what} is {}, at or above the {} ceiling",
                format_percent(churn.value),
                format_percent(ceiling)
            ),
            format!("churn {}", format_percent(churn.value)),
        )
        .help(format!(
            "bring revenue churn below {}: re-check who this cohort was sold to and invest in customer success; the ideal is 0% or negative",
            format_percent(ceiling)
        )),
    );
}

fn ltv_cac_ratio(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
    let Some(cac) = ue.cac.get().filter(|c| c.value > 0.0) else {
        return;
    };
    let Some(ltv) = ltv(cx, ue) else { return };
    let ratio = ltv.value / cac.value;
    let min = cx.thresholds.min_ltv_cac;
    if ratio >= min - 1e-9 {
        return;
    }
    let how = ltv
        .formula(cx)
        .map_or_else(String::new, |f| format!(" ({f})"));
    let mut finding = Finding::new(
        &LTV_CAC_RATIO,
        cac,
        format!(
            "LTV / CAC is {} (LTV {}{how} / CAC {}); the principle asks for at least {}",
            format_number(ratio),
            cx.fmt_money(ltv.value),
            cx.fmt_money(cac.value),
            format_number(min)
        ),
        format!("CAC {}", cx.fmt_money(cac.value)),
    )
    .label(ltv.primary(), ltv.primary_label(cx));
    for (place, label) in ltv.inputs() {
        finding = finding.label(place, label);
    }
    out.push(finding.help(format!(
        "keep CAC under 1/{} of LTV: at most {}",
        format_number(min),
        cx.fmt_money(ltv.value / min)
    )));
}

fn ltv_mismatch(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
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
    let formula = match gm {
        Some(gm) => format!(
            "ACV {} × {} years × {} gross margin",
            cx.fmt_money(acv.value),
            format_number(life.value),
            format_percent(gm.value)
        ),
        None => format!(
            "ACV {} × {} years",
            cx.fmt_money(acv.value),
            format_number(life.value)
        ),
    };
    let mut finding = Finding::new(
        &LTV_MISMATCH,
        stated,
        format!(
            "stated LTV {} differs from {} computed as {formula}",
            cx.fmt_money(stated.value),
            cx.fmt_money(computed)
        ),
        format!("stated: {}", cx.fmt_money(stated.value)),
    )
    .label(acv, format!("ACV: {}", cx.fmt_money(acv.value)))
    .label(
        life,
        format!("lifetime: {} years", format_number(life.value)),
    );
    if let Some(gm) = gm {
        finding = finding.label(gm, format!("gross margin: {}", format_percent(gm.value)));
    }
    let basis_hint = match basis(ue) {
        LtvBasis::Revenue => {
            " (on the revenue basis; set `ltv_basis: gross_margin` if your LTV counts margin)"
        }
        LtvBasis::GrossMargin => "",
    };
    out.push(finding.help(format!(
        "write `ltv: {}` or correct the inputs; the tolerance is {}{basis_hint}",
        format_number(computed),
        format_percent(tolerance)
    )));
}

fn lifetime_vs_churn(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
    let Some(life) = ue.lifetime_years.get() else {
        return;
    };
    let (churn, what) = match (ue.logo_churn.get(), &ue.logo_churn) {
        (Some(c), _) => (c, "logo churn"),
        (None, crate::model::Field::Missing) => match ue.revenue_churn.get() {
            Some(c) => (c, "revenue churn"),
            None => return,
        },
        (None, _) => return,
    };
    if churn.value <= 0.0 {
        return;
    }
    let max_life = 1.0 / churn.value;
    if life.value <= max_life + 1e-9 {
        return;
    }
    out.push(
        Finding::new(
            &LIFETIME_VS_CHURN,
            life,
            format!(
                "a {}-year customer lifetime is longer than {} annual {what} allows (1 / {} = {} years)",
                format_number(life.value),
                format_percent(churn.value),
                format_percent(churn.value),
                format_number(max_life)
            ),
            format!("lifetime {} years", format_number(life.value)),
        )
        .label(churn, format!("{what} {}", format_percent(churn.value)))
        .help(format!(
            "lower `lifetime_years` to at most {} or show how churn will fall",
            format_number(max_life)
        )),
    );
}

fn small_deals(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
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
    if let Some(motion) = low_touch_channel(cx) {
        out.push(
            Finding::new(
                &SMALL_DEALS,
                acv,
                format!(
                    "ACV is {}, below the {} telesales ceiling, sold through the plan's `{motion}` channel: a recognised model under these thresholds, if that channel's cost stays low",
                    cx.fmt_money(acv.value),
                    ceiling.text()
                ),
                format!("ACV {}", cx.fmt_money(acv.value)),
            )
            .at_most(Severity::Info)
            .help("keep the cost of acquiring these customers low: CAC well under a third of their LTV"),
        );
        return;
    }
    out.push(
        Finding::new(
            &SMALL_DEALS,
            acv,
            format!(
                "ACV is {}, below the {} telesales ceiling: only platform giants can acquire customers this small at scale",
                cx.fmt_money(acv.value),
                ceiling.text()
            ),
            format!("ACV {}", cx.fmt_money(acv.value)),
        )
        .help(
            "move up-market to larger customers, or set `company.platform_giant: true` if you truly are a platform-scale company",
        ),
    );
}

fn net_shrink(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
    let Some(nrr) = ue.net_revenue_retention.get() else {
        return;
    };
    let min = cx.thresholds.min_net_revenue_retention;
    if nrr.value >= min - 1e-12 {
        return;
    }
    out.push(
        Finding::new(
            &NET_SHRINK,
            nrr,
            format!(
                "net revenue retention is {}: the customers who stay spend less than those who leave took away, so revenue from the installed base shrinks; the principle asks for net churn of 0% or below (retention of at least {})",
                format_percent(nrr.value),
                format_percent(min)
            ),
            format!("net retention {}", format_percent(nrr.value)),
        )
        .help(format!(
            "grow the accounts you keep (upsell with the customer's growth, pricing that scales with their size) until net retention is at least {}",
            format_percent(min)
        )),
    );
}
