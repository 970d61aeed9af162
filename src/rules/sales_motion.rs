//! `sales-motion/`: principle 4, the sales motion follows the deal size.
//! CAC paid back within 12 months; deals under 10,000 CNY belong to telesales, field
//! sales only works above 50,000 CNY, and conference selling is the most cost-effective
//! motion.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{Channel, Field, Motion, Place, UnitEconomics, Val};

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

    /// What would bring the payback down to `max` months, for the help text: `remedy`
    /// says which ways apply (`all`, `cac_acv`, `gm` or `none`), `max_cac`, `min_acv`
    /// and `min_gm` are their figures.
    fn remedy(&self, message: Message, cx: &Context, max: f64) -> Message {
        let gm = self.gm.value;
        let mut message = message;
        let cac_acv = self.acv.value > 0.0 && gm > 0.0;
        if cac_acv {
            let max_cac = self.acv.value / 12.0 * gm * max;
            let min_acv = self.cac.value * 12.0 / (gm * max);
            message = message.money("max_cac", max_cac, cx.currency()).money(
                "min_acv",
                min_acv,
                cx.currency(),
            );
        }
        let min_gm = (self.acv.value > 0.0 && self.cac.value > 0.0)
            .then(|| self.cac.value * 12.0 / (self.acv.value * max))
            .filter(|min_gm| *min_gm <= 1.0);
        if let Some(min_gm) = min_gm {
            message = message.percent("min_gm", min_gm);
        }
        let remedy = match (cac_acv, min_gm.is_some()) {
            (true, true) => "all",
            (true, false) => "cac_acv",
            (false, true) => "gm",
            (false, false) => "none",
        };
        message.text("remedy", remedy)
    }
}

fn payback_too_long(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = cx.unit_economics() else {
        return;
    };
    let max = cx.thresholds.max_cac_payback_months;
    let inputs = PaybackInputs::of(ue);
    let computed = cx.metrics.payback_computed;
    let help = Message::new("sales-motion-payback-too-long.help").number("max", max);
    let help = match (&inputs, computed) {
        // The inputs already pay back in time: only the stated figure is off.
        (Some(_), Some(months)) if months <= max + EPSILON => {
            help.text("remedy", "stated").number("computed", months)
        }
        (Some(inputs), _) => inputs.remedy(help, cx, max),
        (None, _) => help.text("remedy", "none"),
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
    out.push(finding.help(help));
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
        .fix(Fix::safe(Message::new("fix-computed")).set(
            stated,
            computed,
            Notation::Number,
            Round::Nearest,
        )),
    );
}

/// The plan's channels, when `sales.channels` is present and readable.
fn channels<'a>(cx: &'a Context) -> Option<&'a [Val<Channel>]> {
    let sales = cx.plan.sales.get()?;
    sales.value.channels.get().map(|c| c.value.as_slice())
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
        out.push(
            Finding::new(
                &FIELD_SALES_SMALL_DEALS,
                min,
                Message::new("sales-motion-field-sales-small-deals")
                    .money("min", min.value, cx.currency())
                    .threshold("floor", &floor),
                deals_from(cx, min.value),
            )
            .label(motion, Message::new("sales-motion-field-sales"))
            .help(
                Message::new("sales-motion-field-sales-small-deals.help")
                    .threshold("floor", &floor),
            ),
        );
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
        let motion = ch.value.motion.value().map_or("none", |m| m.word());
        out.push(
            Finding::new(
                &SMALL_DEALS_NEED_TELESALES,
                min,
                Message::new("sales-motion-small-deals-need-telesales")
                    .text("motion", motion)
                    .money("min", min.value, cx.currency())
                    .threshold("ceiling", &ceiling),
                deals_from(cx, min.value),
            )
            .help(
                Message::new("sales-motion-small-deals-need-telesales.help")
                    .threshold("ceiling", &ceiling),
            ),
        );
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
    use crate::source::Span;
    use crate::thresholds::{FxRates, Thresholds};

    fn val<T>(value: T) -> Field<T> {
        Field::Present(Val {
            value,
            span: Span::new(0, 0),
            path: String::new(),
            index: None,
        })
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
}
