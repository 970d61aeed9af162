//! `sales-motion/`: principle 4, the sales motion follows the deal size.
//! CAC paid back within 12 months; deals under 10,000 CNY belong to telesales, field
//! sales only works above 50,000 CNY, and conference selling is the most cost-effective
//! motion.

use crate::engine::{Context, Rule};
use crate::finding::{Finding, Severity};
use crate::model::value::{format_number, format_percent};
use crate::model::{Channel, Field, Motion, Place, UnitEconomics, Val};

pub const PAYBACK_TOO_LONG: Rule = Rule {
    id: "sales-motion/payback-too-long",
    severity: Severity::Warning,
    summary: "CAC payback months (stated or computed) exceed the maximum",
    check: Some(payback_too_long),
    inputs: &[
        "unit_economics.cac_payback_months | unit_economics.cac + unit_economics.acv + unit_economics.gross_margin",
    ],
    thresholds: &["max_cac_payback_months"],
};

pub const PAYBACK_MISMATCH: Rule = Rule {
    id: "sales-motion/payback-mismatch",
    severity: Severity::Error,
    summary: "stated CAC payback differs from cac / (acv / 12 x gross margin) by more than 1 month",
    check: Some(payback_mismatch),
    inputs: &[
        "unit_economics.cac_payback_months | unit_economics.cac + unit_economics.acv + unit_economics.gross_margin",
    ],
    thresholds: &[],
};

pub const FIELD_SALES_SMALL_DEALS: Rule = Rule {
    id: "sales-motion/field-sales-small-deals",
    severity: Severity::Warning,
    summary: "a field-sales channel's deal size starts below the field-sales floor",
    check: Some(field_sales_small_deals),
    inputs: &["sales.channels"],
    thresholds: &["field_min_deal"],
};

pub const SMALL_DEALS_NEED_TELESALES: Rule = Rule {
    id: "sales-motion/small-deals-need-telesales",
    severity: Severity::Warning,
    summary: "small deals but no telesales, inside-sales or self-serve channel",
    check: Some(small_deals_need_telesales),
    inputs: &["sales.channels"],
    thresholds: &["telesales_max_deal"],
};

pub const NO_CONFERENCE: Rule = Rule {
    id: "sales-motion/no-conference",
    severity: Severity::Info,
    summary: "no conference (event) selling channel",
    check: Some(no_conference),
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

/// Float comparisons of values read from a plan.
const EPS: f64 = 1e-9;

fn unit_economics<'a>(cx: &'a Context) -> Option<&'a UnitEconomics> {
    cx.plan.unit_economics.get().map(|v| &v.value)
}

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

    /// `CAC 100,000 CNY / (ACV 50,000 CNY / 12 × 80% gross margin)`.
    fn formula(&self, cx: &Context) -> String {
        format!(
            "CAC {} / (ACV {} / 12 × {} gross margin)",
            cx.fmt_money(self.cac.value),
            cx.fmt_money(self.acv.value),
            format_percent(self.gm.value)
        )
    }

    /// What would bring the payback down to `max` months, for the help text.
    fn remedy(&self, cx: &Context, max: f64) -> String {
        let gm = self.gm.value;
        let mut ways = Vec::new();
        if self.acv.value > 0.0 && gm > 0.0 {
            let max_cac = self.acv.value / 12.0 * gm * max;
            ways.push(format!("cut CAC to at most {}", cx.fmt_money(max_cac)));
            let min_acv = self.cac.value * 12.0 / (gm * max);
            ways.push(format!("raise ACV to at least {}", cx.fmt_money(min_acv)));
        }
        if self.acv.value > 0.0 && self.cac.value > 0.0 {
            let min_gm = self.cac.value * 12.0 / (self.acv.value * max);
            if min_gm <= 1.0 {
                ways.push(format!(
                    "raise gross margin to at least {}",
                    format_percent(min_gm)
                ));
            }
        }
        match ways.as_slice() {
            [] => String::new(),
            [one] => format!(": {one}"),
            [init @ .., last] => format!(": {}, or {last}", init.join(", ")),
        }
    }
}

fn payback_too_long(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
    let max = cx.thresholds.max_cac_payback_months;
    let inputs = PaybackInputs::of(ue);
    let computed = cx.metrics.payback_computed;
    let help = match (&inputs, computed) {
        // The inputs already pay back in time: only the stated figure is off.
        (Some(_), Some(months)) if months <= max + EPS => format!(
            "CAC, ACV and gross margin give {} months: correct `cac_payback_months`, or the inputs if the stated figure is the true one",
            format_number(months)
        ),
        _ => format!(
            "bring CAC payback to {} months or fewer{}; deal size decides the motion, so a cheaper motion (telesales, inside sales, conferences) also shortens payback",
            format_number(max),
            inputs
                .as_ref()
                .map_or_else(String::new, |i| i.remedy(cx, max))
        ),
    };
    let finding = match &ue.cac_payback_months {
        Field::Present(stated) => {
            if stated.value <= max + EPS {
                return;
            }
            Finding::new(
                &PAYBACK_TOO_LONG,
                stated,
                format!(
                    "CAC payback is {} months (stated); the principle asks for {} months or fewer",
                    format_number(stated.value),
                    format_number(max)
                ),
                format!("payback {} months", format_number(stated.value)),
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
            if months <= max + EPS {
                return;
            }
            Finding::new(
                &PAYBACK_TOO_LONG,
                inputs.cac,
                format!(
                    "CAC payback is {} months ({}); the principle asks for {} months or fewer",
                    format_number(months),
                    inputs.formula(cx),
                    format_number(max)
                ),
                format!("CAC {}", cx.fmt_money(inputs.cac.value)),
            )
            .label(
                inputs.acv,
                format!("ACV {}", cx.fmt_money(inputs.acv.value)),
            )
            .label(
                inputs.gm,
                format!("gross margin {}", format_percent(inputs.gm.value)),
            )
        }
    };
    out.push(finding.help(help));
}

fn payback_mismatch(cx: &Context, out: &mut Vec<Finding>) {
    let Some(ue) = unit_economics(cx) else { return };
    let (Some(stated), Some(computed)) = (ue.cac_payback_months.get(), cx.metrics.payback_computed)
    else {
        return;
    };
    if (stated.value - computed).abs() <= PAYBACK_TOLERANCE_MONTHS + EPS {
        return;
    }
    let Some(inputs) = PaybackInputs::of(ue) else {
        return;
    };
    out.push(
        Finding::new(
            &PAYBACK_MISMATCH,
            stated,
            format!(
                "stated CAC payback of {} months differs from the {} months computed as {}",
                format_number(stated.value),
                format_number(computed),
                inputs.formula(cx)
            ),
            format!("stated: {} months", format_number(stated.value)),
        )
        .label(inputs.cac, format!("CAC: {}", cx.fmt_money(inputs.cac.value)))
        .label(inputs.acv, format!("ACV: {}", cx.fmt_money(inputs.acv.value)))
        .label(
            inputs.gm,
            format!("gross margin: {}", format_percent(inputs.gm.value)),
        )
        .help(format!(
            "write `cac_payback_months: {}` or correct CAC, ACV or gross margin; the tolerance is {} month",
            format_number(computed),
            format_number(PAYBACK_TOLERANCE_MONTHS)
        )),
    );
}

/// The plan's channels, when `sales.channels` is present and readable.
fn channels<'a>(cx: &'a Context) -> Option<&'a [Val<Channel>]> {
    let sales = cx.plan.sales.get()?;
    sales.value.channels.get().map(|c| c.value.as_slice())
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
        if min.value >= floor.amount - EPS {
            continue;
        }
        out.push(
            Finding::new(
                &FIELD_SALES_SMALL_DEALS,
                min,
                format!(
                    "the field-sales channel takes deals from {}, below the {} where field sales pays for itself",
                    cx.fmt_money(min.value),
                    floor.text()
                ),
                format!("deals from {}", cx.fmt_money(min.value)),
            )
            .label(motion, "field sales")
            .help(format!(
                "start the field channel's deal size at {} or more and leave smaller deals to inside sales or telesales",
                floor.text()
            )),
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
        if min.value >= ceiling.amount - EPS {
            continue;
        }
        let motion = ch
            .value
            .motion
            .value()
            .map_or_else(|| "a".to_string(), |m| format!("the {}", m.word()));
        out.push(
            Finding::new(
                &SMALL_DEALS_NEED_TELESALES,
                min,
                format!(
                    "{motion} channel takes deals from {}, below the {} telesales ceiling, but no channel is telesales, inside_sales or self_serve",
                    cx.fmt_money(min.value),
                    ceiling.text()
                ),
                format!("deals from {}", cx.fmt_money(min.value)),
            )
            .help(format!(
                "add a `telesales`, `inside_sales` or `self_serve` channel for deals under {}, or raise this channel's deal size to {} or more",
                ceiling.text(), ceiling.text()
            )),
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
            "no conference channel: the principle calls conference (event) selling the most cost-effective motion",
            "no `conference` channel",
        )
        .help(
            "add a channel such as `{ motion: conference, deal_size: [\"20k\", \"1M\"], share: 15% }`: group demos, case sharing and customers on stage build trust and reach the decision makers at once",
        ),
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

    fn run(plan: &Plan, check: fn(&Context, &mut Vec<Finding>)) -> Vec<crate::finding::Diagnostic> {
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
