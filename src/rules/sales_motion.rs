//! `sales-motion/`: principle 4, the sales motion follows the deal size.
//! CAC paid back within 12 months; deals under 10,000 CNY belong to telesales, field
//! sales only works above 50,000 CNY, and conference selling is the most cost-effective
//! motion.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule, differs};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{Channel, Field, LtvBasis, Motion, Place, Range, UnitEconomics, Val};

pub const PAYBACK_TOO_LONG: Rule = Rule {
    id: "sales-motion/payback-too-long",
    severity: Severity::Warning,
    summary: "CAC payback months (stated or computed) exceed the maximum",
    check: Some(Check::Fn(payback_too_long)),
    inputs: &[
        "unit_economics.cac_payback_months | unit_economics.cac + unit_economics.acv + unit_economics.gross_margin",
    ],
    thresholds: &["max_cac_payback_months"],
};

pub const PAYBACK_MISMATCH: Rule = Rule {
    id: "sales-motion/payback-mismatch",
    severity: Severity::Error,
    summary: "stated CAC payback differs from cac / (acv / 12 x gross margin) by more than 1 month",
    check: Some(Check::Fn(payback_mismatch)),
    inputs: &[
        "unit_economics.cac_payback_months | unit_economics.cac + unit_economics.acv + unit_economics.gross_margin",
    ],
    thresholds: &[],
};

pub const FIELD_SALES_SMALL_DEALS: Rule = Rule {
    id: "sales-motion/field-sales-small-deals",
    severity: Severity::Warning,
    summary: "a field-sales channel's deal size starts below the field-sales floor",
    check: Some(Check::Fn(field_sales_small_deals)),
    inputs: &["sales.channels"],
    thresholds: &["field_min_deal"],
};

pub const SMALL_DEALS_NEED_TELESALES: Rule = Rule {
    id: "sales-motion/small-deals-need-telesales",
    severity: Severity::Warning,
    summary: "small deals but no telesales, inside-sales or self-serve channel",
    check: Some(Check::Fn(small_deals_need_telesales)),
    inputs: &["sales.channels"],
    thresholds: &["telesales_max_deal"],
};

pub const NO_CONFERENCE: Rule = Rule {
    id: "sales-motion/no-conference",
    severity: Severity::Info,
    summary: "no conference (event) selling channel",
    check: Some(Check::Fn(no_conference)),
    inputs: &["sales.channels"],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[
    &PAYBACK_TOO_LONG,
    &PAYBACK_MISMATCH,
    &FIELD_SALES_SMALL_DEALS,
    &SMALL_DEALS_NEED_TELESALES,
    &NO_CONFERENCE,
];

/// A stated payback may differ from the computed one by this many months.
const PAYBACK_TOLERANCE_MONTHS: f64 = 1.0;

/// The inputs of the computed payback, when all three are present.
struct PaybackInputs<'a> {
    cac: &'a Val<f64>,
    acv: &'a Val<f64>,
    gm: &'a Val<f64>,
}

impl PaybackInputs<'_> {
    fn of(ue: &UnitEconomics) -> Option<PaybackInputs<'_>> {
        Some(PaybackInputs {
            cac: ue.cac.get()?,
            acv: ue.acv.get()?,
            gm: ue.gross_margin.get()?,
        })
    }

    /// The arguments of `sales-motion-payback-formula`
    /// (`CAC 100,000 CNY / (ACV 50,000 CNY / 12 × 80% gross margin)`).
    fn formula_args(&self, message: Message, cx: &Context) -> Message {
        message
            .money("cac", self.cac.value, cx.currency())
            .money("acv", self.acv.value, cx.currency())
            .percent("gm", self.gm.value)
    }

    /// The ways that would each bring the payback down to `max` months, the other two
    /// inputs unchanged: the one computation behind both the help's figures and the fixes.
    fn remedy(&self, max: f64) -> Remedy {
        let (cac, acv, gm) = (self.cac.value, self.acv.value, self.gm.value);
        // Cutting CAC or raising ACV needs a positive ACV and margin to divide by.
        let cac_acv = acv > 0.0 && gm > 0.0;
        Remedy {
            max_cac: cac_acv.then(|| acv / 12.0 * gm * max),
            min_acv: cac_acv.then(|| cac * 12.0 / (gm * max)),
            // A margin above 100% is no way out.
            min_gm: (acv > 0.0 && cac > 0.0)
                .then(|| cac * 12.0 / (acv * max))
                .filter(|min_gm| *min_gm <= 1.0),
        }
    }
}

/// What would bring the payback down to the maximum, each way on its own: CAC cut to
/// `max_cac`, ACV raised to `min_acv`, or gross margin raised to `min_gm`.
#[derive(Debug, PartialEq)]
struct Remedy {
    max_cac: Option<f64>,
    min_acv: Option<f64>,
    min_gm: Option<f64>,
}

impl Remedy {
    /// The help's arguments: `remedy` says which ways apply (`all`, `cac_acv`, `gm` or
    /// `none`), `max_cac`, `min_acv` and `min_gm` are their figures.
    fn args(&self, message: Message, cx: &Context) -> Message {
        let mut message = message;
        let cac_acv = match (self.max_cac, self.min_acv) {
            (Some(max_cac), Some(min_acv)) => {
                message = message.money("max_cac", max_cac, cx.currency()).money(
                    "min_acv",
                    min_acv,
                    cx.currency(),
                );
                true
            }
            _ => false,
        };
        if let Some(min_gm) = self.min_gm {
            message = message.percent("min_gm", min_gm);
        }
        let remedy = match (cac_acv, self.min_gm.is_some()) {
            (true, true) => "all",
            (true, false) => "cac_acv",
            (false, true) => "gm",
            (false, false) => "none",
        };
        message.text("remedy", remedy)
    }

    /// The help's ways as fixes, in its order: cut CAC, raise ACV, raise the margin. Each
    /// rounds in the safe direction, and carries its knock-on effects: a stated payback
    /// (which the rule judges first) becomes the new computed one, and a stated LTV or ROI
    /// that agreed with the old ACV or margin follows it (or the fix would leave an
    /// `ltv-mismatch` or `roi-mismatch` behind).
    fn fixes(&self, cx: &Context, ue: &UnitEconomics, inputs: &PaybackInputs) -> Vec<Fix> {
        let change = || Fix::change();
        let (cac, acv, gm) = (inputs.cac.value, inputs.acv.value, inputs.gm.value);
        let mut fixes = Vec::new();
        if let Some(max_cac) = self.max_cac {
            let fix = change().set(inputs.cac, max_cac, Notation::Money, Round::Down);
            fixes.push(with_payback(fix, ue, max_cac, acv, gm));
        }
        if let Some(min_acv) = self.min_acv {
            let fix = change().set(inputs.acv, min_acv, Notation::Money, Round::Up);
            let fix = with_payback(fix, ue, cac, min_acv, gm);
            let fix = with_ltv(fix, cx, ue, min_acv, gm);
            fixes.push(with_roi(fix, cx, min_acv));
        }
        if let Some(min_gm) = self.min_gm {
            let fix = change().set(inputs.gm, min_gm, Notation::Percent, Round::Up);
            let fix = with_payback(fix, ue, cac, acv, min_gm);
            fixes.push(with_ltv(fix, cx, ue, acv, min_gm));
        }
        fixes
    }
}

/// `fix` also rewriting a stated payback to the one the new inputs give (rounded down:
/// it must stay within the maximum). The rule judges a stated payback first, so a fix of
/// the inputs alone would leave the finding (and add a `payback-mismatch`).
fn with_payback(fix: Fix, ue: &UnitEconomics, cac: f64, acv: f64, gm: f64) -> Fix {
    let monthly = acv / 12.0 * gm;
    match ue.cac_payback_months.get() {
        Some(stated) if monthly > 0.0 => {
            fix.set(stated, cac / monthly, Notation::Number, Round::Down)
        }
        _ => fix,
    }
}

/// `fix` also rewriting a stated LTV that agreed with the one computed from the inputs
/// to the one computed with ACV `acv` and gross margin `gm` (`Metrics::ltv_computed`).
fn with_ltv(fix: Fix, cx: &Context, ue: &UnitEconomics, acv: f64, gm: f64) -> Fix {
    let (Some(stated), Some(computed), Some(life)) = (
        ue.ltv.get(),
        cx.metrics.ltv_computed,
        ue.lifetime_years.value(),
    ) else {
        return fix;
    };
    if differs(stated.value, computed, cx.thresholds.tolerance) {
        return fix;
    }
    let ltv = match ue.ltv_basis.value().unwrap_or(LtvBasis::Revenue) {
        LtvBasis::Revenue => acv * life,
        LtvBasis::GrossMargin => acv * life * gm,
    };
    if (ltv - computed).abs() <= EPSILON * computed.abs() {
        // The change leaves the LTV as it was (the margin on the revenue basis).
        return fix;
    }
    fix.set(stated, ltv, Notation::Money, Round::Up)
}

/// `fix` also rewriting a stated ROI (annual value per customer / ACV) that agreed with
/// the computed one to the one ACV `acv` gives.
fn with_roi(fix: Fix, cx: &Context, acv: f64) -> Fix {
    let Some(value) = cx.plan.value.get() else {
        return fix;
    };
    let (Some(stated), Some(computed), Some(annual)) = (
        value.value.roi_multiple.get(),
        cx.metrics.roi_computed,
        value.value.annual_value_per_customer.value(),
    ) else {
        return fix;
    };
    if acv <= 0.0 || differs(stated.value, computed, cx.thresholds.tolerance) {
        return fix;
    }
    fix.set(stated, annual / acv, Notation::Multiple, Round::Up)
}

fn payback_too_long(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let max = cx.thresholds.max_cac_payback_months;
    let inputs = PaybackInputs::of(ue);
    let computed = cx.metrics.payback_computed;
    let help = Message::new("sales-motion-payback-too-long.help").number("max", max);
    // The help and the fixes, each from one computation.
    let (help, fixes) = match (&inputs, computed) {
        // The inputs already pay back in time: only the stated figure is off. Writing the
        // computed payback is offered as unsafe: the stated figure may be the true one (the
        // help says so), and when the two are more than the tolerance apart
        // `payback-mismatch` offers the same edit as its safe fix.
        (Some(_), Some(months)) if months <= max + EPSILON => {
            let fix = ue.cac_payback_months.get().map(|stated| {
                Fix::unsafe_(Message::new("fix-computed")).set(
                    stated,
                    months,
                    Notation::Number,
                    Round::Down,
                )
            });
            (
                help.text("remedy", "stated").number("computed", months),
                fix.into_iter().collect(),
            )
        }
        (Some(inputs), _) => {
            let remedy = inputs.remedy(max);
            (remedy.args(help, cx), remedy.fixes(cx, ue, inputs))
        }
        // Without the inputs no figure can be computed: no fix.
        (None, _) => (help.text("remedy", "none"), Vec::new()),
    };
    let finding = match &ue.cac_payback_months {
        Field::Present(stated) => {
            if stated.value <= max + EPSILON {
                return;
            }
            let with = |id: &'static str| {
                Message::new(id)
                    .number("months", stated.value)
                    .number("max", max)
                    .text("source", "stated")
            };
            Finding::new(
                &PAYBACK_TOO_LONG,
                stated,
                with("sales-motion-payback-too-long"),
                with("sales-motion-payback-too-long.label"),
            )
        }
        Field::Invalid => return,
        Field::Missing => {
            let Some(months) = computed else {
                return;
            };
            let Some(inputs) = inputs.as_ref() else {
                return;
            };
            if months <= max + EPSILON {
                return;
            }
            let with = |id: &'static str| {
                inputs
                    .formula_args(Message::new(id), cx)
                    .number("months", months)
                    .number("max", max)
                    .text("source", "computed")
            };
            Finding::new(
                &PAYBACK_TOO_LONG,
                inputs.cac,
                with("sales-motion-payback-too-long"),
                with("sales-motion-payback-too-long.label"),
            )
            .label(
                inputs.acv,
                Message::new("sales-motion-acv").money("acv", inputs.acv.value, cx.currency()),
            )
            .label(
                inputs.gm,
                Message::new("sales-motion-gross-margin").percent("gm", inputs.gm.value),
            )
        }
    };
    out.push(
        fixes
            .into_iter()
            .fold(finding.help(help), |finding, fix| finding.alternative(fix)),
    );
}

fn payback_mismatch(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let (Some(stated), Some(computed)) = (ue.cac_payback_months.get(), cx.metrics.payback_computed)
    else {
        return;
    };
    if (stated.value - computed).abs() <= PAYBACK_TOLERANCE_MONTHS + EPSILON {
        return;
    }
    let Some(inputs) = PaybackInputs::of(ue) else {
        return;
    };
    out.push(
        Finding::new(
            &PAYBACK_MISMATCH,
            stated,
            inputs
                .formula_args(Message::new("sales-motion-payback-mismatch"), cx)
                .number("stated", stated.value)
                .number("computed", computed),
            Message::new("sales-motion-payback-mismatch.label").number("stated", stated.value),
        )
        .label(
            inputs.cac,
            Message::new("sales-motion-payback-mismatch-cac").money(
                "cac",
                inputs.cac.value,
                cx.currency(),
            ),
        )
        .label(
            inputs.acv,
            Message::new("sales-motion-payback-mismatch-acv").money(
                "acv",
                inputs.acv.value,
                cx.currency(),
            ),
        )
        .label(
            inputs.gm,
            Message::new("sales-motion-payback-mismatch-gross-margin")
                .percent("gm", inputs.gm.value),
        )
        .help(
            Message::new("sales-motion-payback-mismatch.help")
                .number("computed", computed)
                .number("tolerance", PAYBACK_TOLERANCE_MONTHS),
        )
        .fix(Fix::computed().set(stated, computed, Notation::Number, Round::Nearest)),
    );
}

/// The plan's channels, when `sales.channels` is present and readable.
fn channels<'a>(cx: &'a Context) -> Option<&'a [Val<Channel>]> {
    let sales = cx.plan.sales.get()?;
    sales.value.channels.get().map(|c| c.value.as_slice())
}

/// The fix that starts a channel's deal size at `target` (rounded up), when its range
/// reaches past the target. `None` when the whole range lies below it (or within the 0.1%
/// a rounded-up start may overshoot): a higher start would reverse the range, and such a
/// channel needs another motion, which the help's other way covers.
fn raise_deal_start(deal: &Range<f64>, target: f64) -> Option<Fix> {
    if !target.is_finite() || deal.max.value < target * (1.0 + 1e-3) {
        return None;
    }
    Some(Fix::change().set(&deal.min, target, Notation::Money, Round::Up))
}

/// `deals from 5,000 CNY`, on a channel's smallest deal.
fn deals_from(cx: &Context, min: f64) -> Message {
    Message::new("sales-motion-deals-from").money("min", min, cx.currency())
}

fn field_sales_small_deals(cx: &Context, out: &mut Vec<Finding>) {
    let Some(channels) = channels(cx) else { return };
    let Some(floor) = cx.money(cx.thresholds.field_min_deal) else {
        return;
    };
    for ch in channels {
        let Some(motion) = ch.value.motion.get().filter(|m| m.value == Motion::Field) else {
            continue;
        };
        let Some(deal) = ch.value.deal_size.get() else {
            continue;
        };
        let min = &deal.value.min;
        if min.value >= floor.amount - EPSILON {
            continue;
        }
        // Starting the channel at the floor only raises a deal size: no channel then
        // takes smaller deals than before, so `small-deals-need-telesales` cannot appear.
        let mut finding = Finding::new(
            &FIELD_SALES_SMALL_DEALS,
            min,
            Message::new("sales-motion-field-sales-small-deals")
                .money("min", min.value, cx.currency())
                .threshold("floor", &floor),
            deals_from(cx, min.value),
        )
        .label(motion, Message::new("sales-motion-field-sales"))
        .help(Message::new("sales-motion-field-sales-small-deals.help").threshold("floor", &floor));
        if let Some(fix) = raise_deal_start(&deal.value, floor.amount) {
            finding = finding.fix(fix);
        }
        out.push(finding);
    }
}

/// True when some channel's motion is one the rules cannot read (already reported as
/// `plan/invalid-value`): a rule about the absence of a motion then stays silent.
fn any_invalid_motion(channels: &[Val<Channel>]) -> bool {
    channels
        .iter()
        .any(|c| matches!(c.value.motion, Field::Invalid))
}

fn has_motion(channels: &[Val<Channel>], motions: &[Motion]) -> bool {
    channels
        .iter()
        .any(|c| c.value.motion.value().is_some_and(|m| motions.contains(&m)))
}

fn small_deals_need_telesales(cx: &Context, out: &mut Vec<Finding>) {
    let Some(channels) = channels(cx) else { return };
    if any_invalid_motion(channels)
        || has_motion(
            channels,
            &[Motion::Telesales, Motion::InsideSales, Motion::SelfServe],
        )
    {
        return;
    }
    let Some(ceiling) = cx.money(cx.thresholds.telesales_max_deal) else {
        return;
    };
    for ch in channels {
        let Some(deal) = ch.value.deal_size.get() else {
            continue;
        };
        let min = &deal.value.min;
        if min.value >= ceiling.amount - EPSILON {
            continue;
        }
        // The channel's motion, or `none` when it states none.
        let motion = ch.value.motion.value();
        // A field channel raised only to the ceiling would still start below the field
        // floor (`field-sales-small-deals`): its deals start at the floor instead.
        let target = match motion {
            Some(Motion::Field) => cx
                .money(cx.thresholds.field_min_deal)
                .filter(|floor| floor.amount > ceiling.amount)
                .unwrap_or_else(|| ceiling.clone()),
            _ => ceiling.clone(),
        };
        let mut finding = Finding::new(
            &SMALL_DEALS_NEED_TELESALES,
            min,
            Message::new("sales-motion-small-deals-need-telesales")
                .text("motion", motion.map_or("none", |m| m.word()))
                .money("min", min.value, cx.currency())
                .threshold("ceiling", &ceiling),
            deals_from(cx, min.value),
        )
        .help(
            Message::new("sales-motion-small-deals-need-telesales.help")
                .threshold("ceiling", &ceiling)
                .threshold("target", &target),
        );
        if let Some(fix) = raise_deal_start(&deal.value, target.amount) {
            finding = finding.fix(fix);
        }
        out.push(finding);
    }
}

fn no_conference(cx: &Context, out: &mut Vec<Finding>) {
    let place: Place = match &cx.plan.sales {
        Field::Invalid => return,
        Field::Missing => cx.plan.document.clone(),
        Field::Present(sales) => match &sales.value.channels {
            Field::Invalid => return,
            Field::Missing => sales.into(),
            Field::Present(channels) => {
                if any_invalid_motion(&channels.value)
                    || has_motion(&channels.value, &[Motion::Conference])
                {
                    return;
                }
                channels.into()
            }
        },
    };
    out.push(
        Finding::new(
            &NO_CONFERENCE,
            place,
            Message::new("sales-motion-no-conference"),
            Message::new("sales-motion-no-conference.label"),
        )
        .help(Message::new("sales-motion-no-conference.help")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Plan, UnitEconomics};
    use crate::thresholds::{FxRates, Thresholds};

    fn val<T>(value: T) -> Field<T> {
        Field::Present(Val::bare(value))
    }

    fn plan(cac: f64, acv: f64, gm: f64, stated: Option<f64>) -> Plan {
        let ue = UnitEconomics {
            cac: val(cac),
            acv: val(acv),
            gross_margin: val(gm),
            cac_payback_months: stated.map_or(Field::Missing, val),
            ..UnitEconomics::default()
        };
        Plan {
            unit_economics: val(ue),
            currency: val("CNY".to_string()),
            ..Plan::default()
        }
    }

    fn run(plan: &Plan, check: fn(&Context, &mut Vec<Finding>)) -> Vec<crate::lint::Diagnostic> {
        let t = Thresholds::article();
        let fx = FxRates::default();
        let cx = Context::new(plan, &t, &fx);
        let mut out = Vec::new();
        check(&cx, &mut out);
        out.iter()
            .map(|f| f.render(crate::i18n::Lang::En))
            .collect()
    }

    #[test]
    fn computed_payback_boundary() {
        // 86,400 / (120,000 / 12 × 72%) = 12 months: passes.
        assert!(run(&plan(86_400.0, 120_000.0, 0.72, None), payback_too_long).is_empty());
        // 90,000 / 7,200 = 12.5 months: fails.
        let f = run(&plan(90_000.0, 120_000.0, 0.72, None), payback_too_long);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("12.5 months"), "{}", f[0].message);
    }

    #[test]
    fn the_issue_example_reads_well() {
        let f = run(&plan(100_000.0, 50_000.0, 0.8, None), payback_too_long);
        assert_eq!(
            f[0].message,
            "CAC payback is 30 months (CAC 100,000 CNY / (ACV 50,000 CNY / 12 × 80% gross margin)); the principle asks for 12 months or fewer"
        );
        let help = f[0].help.as_deref().unwrap_or_default();
        assert!(help.contains("cut CAC to at most 40,000 CNY"), "{help}");
        assert!(help.contains("raise ACV to at least 125,000 CNY"), "{help}");
    }

    #[test]
    fn stated_payback_wins_and_mismatch_tolerates_one_month() {
        // Computed 10 months; stated 11 is exactly one month off.
        let p = plan(72_000.0, 120_000.0, 0.72, Some(11.0));
        assert!(run(&p, payback_mismatch).is_empty());
        assert!(run(&p, payback_too_long).is_empty());
        let p = plan(72_000.0, 120_000.0, 0.72, Some(12.5));
        assert_eq!(run(&p, payback_mismatch).len(), 1);
        assert_eq!(run(&p, payback_too_long).len(), 1);
    }

    #[test]
    fn the_ways_out_are_computed_once_for_the_help_and_the_fixes() {
        let p = plan(90_000.0, 120_000.0, 0.72, None);
        let ue = p.unit_economics.get().map(|u| &u.value);
        let inputs = ue.and_then(PaybackInputs::of);
        let Some(remedy) = inputs.map(|i| i.remedy(12.0)) else {
            panic!("the inputs are all there");
        };
        let close = |got: Option<f64>, want: f64| got.is_some_and(|g| (g - want).abs() < 1e-6);
        assert!(close(remedy.max_cac, 86_400.0), "{remedy:?}");
        assert!(close(remedy.min_acv, 125_000.0), "{remedy:?}");
        assert!(close(remedy.min_gm, 0.75), "{remedy:?}");
    }

    #[test]
    fn a_way_out_that_cannot_be_computed_or_reached_is_not_offered() {
        let remedy = |cac, acv, gm| {
            let p = plan(cac, acv, gm, None);
            let ue = p.unit_economics.get().map(|u| &u.value);
            ue.and_then(PaybackInputs::of).map(|i| i.remedy(12.0))
        };
        // No ACV: nothing to divide by, and no margin makes it pay back.
        assert_eq!(
            remedy(90_000.0, 0.0, 0.72),
            Some(Remedy {
                max_cac: None,
                min_acv: None,
                min_gm: None
            })
        );
        // No margin: only the margin can be raised.
        assert_eq!(
            remedy(90_000.0, 120_000.0, 0.0),
            Some(Remedy {
                max_cac: None,
                min_acv: None,
                min_gm: Some(0.75)
            })
        );
        // A margin of 200% is no way out.
        let r = remedy(80_000.0, 40_000.0, 0.72);
        assert_eq!(r.as_ref().and_then(|r| r.min_gm), None);
        assert_eq!(r.and_then(|r| r.max_cac), Some(28_800.0));
    }

    /// The findings of `rule` in `yaml` (a CNY plan), each fix offered as its title and
    /// the plan it makes.
    fn fixes_of(yaml: &str, rule: &Rule) -> Vec<Vec<(String, String)>> {
        crate::fix::fixes_offered(yaml, rule.id)
    }

    /// `(line, rule)` of the principle's findings in `yaml`.
    fn found(yaml: &str) -> Vec<(usize, &'static str)> {
        crate::engine::findings_with_prefix(yaml, "sales-motion/")
            .into_iter()
            .map(|(line, rule, _)| (line, rule))
            .collect()
    }

    const UE: &str = "currency: CNY\nunit_economics:\n  acv: 86399\n  gross_margin: 100%\n  cac: 90k\n  cac_payback_months: 12.5\n  lifetime_years: 5\n  ltv: 431995\n";

    #[test]
    fn a_cut_cac_is_rounded_down_and_the_stated_payback_follows_it() {
        // 12 months of an 86,399 CNY ACV at 100% margin: CAC at most 86,399. Rounded to
        // the nearest it would be 86.4k, a payback over 12 months.
        let fixes = fixes_of(UE, &PAYBACK_TOO_LONG);
        assert_eq!(fixes.len(), 1);
        let titles: Vec<_> = fixes[0].iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            titles,
            [
                "change `cac: 86.39k`, `cac_payback_months: 12`",
                "change `acv: 90000`, `cac_payback_months: 12`, `ltv: 450000`",
                // The margin cannot go above 100%: no third way.
            ]
        );
        for (title, fixed) in &fixes[0] {
            assert_eq!(found(fixed), [], "{title}:\n{fixed}");
        }
    }

    #[test]
    fn a_stated_ltv_that_disagreed_is_left_alone() {
        let yaml = UE.replace("ltv: 431995", "ltv: 900000");
        let fixes = fixes_of(&yaml, &PAYBACK_TOO_LONG);
        assert_eq!(
            fixes[0][1].0,
            "change `acv: 90000`, `cac_payback_months: 12`"
        );
    }

    #[test]
    fn a_stated_payback_the_inputs_contradict_is_rewritten_unsafely() {
        // The inputs give 11.81 months; the stated 12.5 is within a month of it.
        let yaml = "currency: CNY\nunit_economics:\n  acv: 120k\n  gross_margin: 72%\n  cac: 85k\n  cac_payback_months: 12.5\n";
        let report = crate::engine::lint(
            crate::source::SourceFile::new("t.plan.yaml", yaml.to_string()),
            &crate::lint::Settings::default(),
        );
        let f: Vec<_> = report
            .findings
            .iter()
            .filter(|d| d.rule.starts_with("sales-motion/payback"))
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        let fix = f[0]
            .fix
            .as_ref()
            .map(|f| (f.title.as_str(), f.applicability));
        assert_eq!(
            fix,
            Some((
                "write the computed value `cac_payback_months: 11.8`",
                crate::lint::Applicability::Unsafe
            ))
        );
        assert!(f[0].alternatives.is_empty());
    }

    #[test]
    fn without_the_inputs_a_long_stated_payback_has_no_fix() {
        let yaml = "currency: CNY\nunit_economics:\n  acv: 120k\n  cac_payback_months: 14\n";
        assert_eq!(fixes_of(yaml, &PAYBACK_TOO_LONG), [Vec::new()]);
    }

    const CHANNELS: &str =
        "currency: CNY\nsales:\n  channels:\n    - { motion: conference, deal_size: [20k, 1M] }\n";

    #[test]
    fn a_field_channel_under_the_telesales_ceiling_starts_at_the_field_floor() {
        let yaml = format!("{CHANNELS}    - {{ motion: field, deal_size: [5k, 1M] }}\n");
        let field = fixes_of(&yaml, &FIELD_SALES_SMALL_DEALS);
        let small = fixes_of(&yaml, &SMALL_DEALS_NEED_TELESALES);
        assert_eq!(field[0][0].0, "change `deal_size[0]: 50k`");
        assert_eq!(small[0][0].0, "change `deal_size[0]: 50k`");
        assert_eq!(found(&small[0][0].1), []);
        let help = crate::engine::lint(
            crate::source::SourceFile::new("t.plan.yaml", yaml.clone()),
            &crate::lint::Settings::default(),
        )
        .findings
        .into_iter()
        .find(|d| d.rule == SMALL_DEALS_NEED_TELESALES.id)
        .and_then(|d| d.help)
        .unwrap_or_default();
        assert!(
            help.contains("raise this channel's deal size to 50,000 CNY or more"),
            "{help}"
        );
    }

    #[test]
    fn another_channel_under_the_ceiling_starts_at_the_ceiling() {
        let yaml = format!("{CHANNELS}    - {{ motion: partner, deal_size: [5k, 60k] }}\n");
        let small = fixes_of(&yaml, &SMALL_DEALS_NEED_TELESALES);
        assert_eq!(small[0][0].0, "change `deal_size[0]: 10k`");
        assert_eq!(found(&small[0][0].1), []);
    }

    #[test]
    fn a_range_that_ends_below_the_threshold_gets_no_fix() {
        // Raising the start would reverse the range (or meet its end within the 0.1% a
        // rounded start may overshoot).
        for range in ["[3k, 8k]", "[3k, 10k]"] {
            let yaml = format!("{CHANNELS}    - {{ motion: partner, deal_size: {range} }}\n");
            assert_eq!(
                fixes_of(&yaml, &SMALL_DEALS_NEED_TELESALES),
                [Vec::new()],
                "{range}"
            );
        }
        let yaml = format!("{CHANNELS}    - {{ motion: field, deal_size: [30k, 45k] }}\n");
        assert_eq!(fixes_of(&yaml, &FIELD_SALES_SMALL_DEALS), [Vec::new()]);
        let yaml = format!("{CHANNELS}    - {{ motion: field, deal_size: [30k, 80k] }}\n");
        assert_eq!(
            fixes_of(&yaml, &FIELD_SALES_SMALL_DEALS)[0][0].0,
            "change `deal_size[0]: 50k`"
        );
    }
}
