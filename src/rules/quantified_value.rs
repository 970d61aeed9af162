//! `quantified-value/`: principle 7, the strongest reason to pay is a quantifiable
//! business opportunity. The plan must name the KPI it moves and what that is worth to a
//! customer each year, the return must be a clear multiple of the price, and a product
//! that only cuts cost should plan its way into revenue.

use crate::engine::{Context, Rule, differs};
use crate::finding::{Finding, Severity};
use crate::model::value::{format_number, format_percent};
use crate::model::{Field, Place, RoadmapValueKind, Val, Value, ValueKind};

pub const UNQUANTIFIED: Rule = Rule {
    id: "quantified-value/unquantified",
    severity: Severity::Warning,
    summary: "the value names no KPI or no annual value per customer",
    check: Some(unquantified),
    inputs: &["value.kpi", "value.annual_value_per_customer"],
    thresholds: &[],
};

pub const ROI_MISMATCH: Rule = Rule {
    id: "quantified-value/roi-mismatch",
    severity: Severity::Error,
    summary: "stated roi_multiple disagrees with annual_value_per_customer / acv",
    check: Some(roi_mismatch),
    inputs: &["value.roi_multiple | value.annual_value_per_customer + unit_economics.acv"],
    thresholds: &["tolerance"],
};

pub const LOW_ROI: Rule = Rule {
    id: "quantified-value/low-roi",
    severity: Severity::Warning,
    summary: "the customer's ROI multiple (stated or computed) is below the minimum",
    check: Some(low_roi),
    inputs: &["value.roi_multiple | value.annual_value_per_customer + unit_economics.acv"],
    thresholds: &["min_roi"],
};

pub const COST_ONLY: Rule = Rule {
    id: "quantified-value/cost-only",
    severity: Severity::Warning,
    summary: "the value is cost reduction only and no roadmap item moves into revenue",
    check: Some(cost_only),
    inputs: &["value.kind"],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[&UNQUANTIFIED, &ROI_MISMATCH, &LOW_ROI, &COST_ONLY];

/// Tolerance for float comparisons, so an ROI of exactly 3 is not flaky.
const EPSILON: f64 = 1e-9;

fn value<'a>(cx: &'a Context) -> Option<&'a Value> {
    cx.plan.value.get().map(|v| &v.value)
}

fn acv<'a>(cx: &'a Context) -> Option<&'a Val<f64>> {
    cx.plan
        .unit_economics
        .get()
        .and_then(|ue| ue.value.acv.get())
}

/// `12x`, `15.83x`.
fn multiple(v: f64) -> String {
    format!("{}x", format_number(v))
}

fn unquantified(cx: &Context, out: &mut Vec<Finding>) {
    let (kpi_missing, annual_missing) = match &cx.plan.value {
        Field::Invalid => return,
        Field::Missing => (true, true),
        Field::Present(v) => (
            // A blank KPI names nothing; Invalid was reported already and is not missing.
            match &v.value.kpi {
                Field::Missing => true,
                Field::Present(k) => k.value.trim().is_empty(),
                Field::Invalid => false,
            },
            v.value.annual_value_per_customer.is_missing(),
        ),
    };
    let what = match (kpi_missing, annual_missing) {
        (true, true) => "neither `kpi` nor `annual_value_per_customer`",
        (true, false) => "no `kpi`",
        (false, true) => "no `annual_value_per_customer`",
        (false, false) => return,
    };
    let (message, label) = if cx.plan.value.is_missing() {
        (
            "the plan has no `value` section: the value to the customer is not quantified"
                .to_string(),
            "no `value` section".to_string(),
        )
    } else {
        (
            format!("`value` states {what}: the value to the customer is not quantified"),
            format!("{what} here"),
        )
    };
    out.push(
        Finding::new(
            &UNQUANTIFIED,
            cx.plan.place_of(&cx.plan.value),
            message,
            label,
        )
        .help(
            "name the KPI the product moves (`kpi: planner hours per 100 SKUs per week`) and what that is worth to one customer each year (`annual_value_per_customer: 1.9M`); an unquantified opportunity is hard to budget for",
        ),
    );
}

fn roi_mismatch(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let (Some(stated), Some(computed)) = (v.roi_multiple.get(), cx.metrics.roi_computed) else {
        return;
    };
    let tolerance = cx.thresholds.tolerance;
    if !differs(stated.value, computed, tolerance) {
        return;
    }
    let (Some(annual), Some(acv)) = (v.annual_value_per_customer.get(), acv(cx)) else {
        return;
    };
    out.push(
        Finding::new(
            &ROI_MISMATCH,
            stated,
            format!(
                "stated ROI {} differs from {} computed as annual value per customer {} / ACV {}",
                multiple(stated.value),
                multiple(computed),
                cx.fmt_money(annual.value),
                cx.fmt_money(acv.value)
            ),
            format!("stated: {}", multiple(stated.value)),
        )
        .label(
            annual,
            format!("annual value per customer: {}", cx.fmt_money(annual.value)),
        )
        .label(acv, format!("ACV: {}", cx.fmt_money(acv.value)))
        .help(format!(
            "write `roi_multiple: {}` or correct the inputs; the tolerance is {}",
            multiple(computed),
            format_percent(tolerance)
        )),
    );
}

fn low_roi(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let min = cx.thresholds.min_roi;
    let help = format!(
        "a customer should get at least {} its price back each year: raise the value delivered (and quantify it) or price lower",
        multiple(min)
    );
    match &v.roi_multiple {
        Field::Present(stated) => {
            if stated.value >= min - EPSILON {
                return;
            }
            out.push(
                Finding::new(
                    &LOW_ROI,
                    stated,
                    format!(
                        "the customer's ROI is {}; the principle asks for at least {} so the purchase is an easy budget decision",
                        multiple(stated.value),
                        multiple(min)
                    ),
                    format!("ROI {}", multiple(stated.value)),
                )
                .help(help),
            );
        }
        Field::Invalid => {}
        Field::Missing => {
            let Some(roi) = cx.metrics.roi_computed else {
                return;
            };
            if roi >= min - EPSILON {
                return;
            }
            let (Some(annual), Some(acv)) = (v.annual_value_per_customer.get(), acv(cx)) else {
                return;
            };
            out.push(
                Finding::new(
                    &LOW_ROI,
                    annual,
                    format!(
                        "the customer's ROI is {} (annual value per customer {} / ACV {}); the principle asks for at least {} so the purchase is an easy budget decision",
                        multiple(roi),
                        cx.fmt_money(annual.value),
                        cx.fmt_money(acv.value),
                        multiple(min)
                    ),
                    format!("annual value per customer {}", cx.fmt_money(annual.value)),
                )
                .label(acv, format!("ACV {}", cx.fmt_money(acv.value)))
                .help(help),
            );
        }
    }
}

fn cost_only(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let Some(kind) = v.kind.get().filter(|k| k.value == ValueKind::Cost) else {
        return;
    };
    // The roadmap, when it can be read: a vision or roadmap that was reported invalid,
    // or an item whose value_kind was, might hold the revenue item, so stay silent.
    let roadmap = match &cx.plan.vision {
        Field::Invalid => return,
        Field::Missing => None,
        Field::Present(vision) => match &vision.value.roadmap {
            Field::Invalid => return,
            Field::Missing => None,
            Field::Present(r) => Some(r),
        },
    };
    if let Some(roadmap) = roadmap {
        let mut revenue = false;
        for item in &roadmap.value {
            match &item.value.value_kind {
                Field::Invalid => return,
                Field::Present(k) if k.value == RoadmapValueKind::Revenue => revenue = true,
                _ => {}
            }
        }
        if revenue {
            return;
        }
    }
    let mut finding = Finding::new(
        &COST_ONLY,
        kind,
        match roadmap {
            Some(_) => {
                "the product only cuts cost, and no roadmap item moves into revenue (`value_kind: revenue`); the strongest budget is for revenue"
            }
            None => {
                "the product only cuts cost, and there is no roadmap that moves into revenue; the strongest budget is for revenue"
            }
        },
        "cost only",
    );
    if let Some(roadmap) = roadmap {
        finding = finding.label(Place::from(roadmap), "no item with `value_kind: revenue`");
    }
    out.push(finding.help(
        "plan the step from efficiency into revenue (as Salesforce did): add a `vision.roadmap` item with `value_kind: revenue`, or set `value.kind: both` if the product already grows revenue",
    ));
}

#[cfg(test)]
mod tests {
    /// `(line, rule, message)` of this principle's findings.
    fn findings(yaml: &str) -> Vec<(usize, &'static str, String)> {
        crate::engine::findings_with_prefix(yaml, "quantified-value/")
    }

    #[test]
    fn a_missing_value_section_is_reported_once_by_missing_input() {
        let yaml = "planlint: 1\ncompany: { name: A }\n";
        assert!(findings(yaml).is_empty());
        let gaps = crate::engine::findings_with_prefix(yaml, "plan/missing-input");
        let ours: Vec<_> = gaps
            .iter()
            .filter(|(_, _, m)| m.starts_with("`quantified-value` cannot be fully checked"))
            .collect();
        assert_eq!(ours.len(), 1, "{gaps:?}");
        assert_eq!(ours[0].0, 1);
        assert!(ours[0].2.contains("`value` is missing"), "{}", ours[0].2);
    }

    #[test]
    fn an_invalid_kpi_or_annual_value_is_not_missing() {
        let got = findings("value:\n  kpi: [a, b]\n  annual_value_per_customer: lots\n");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn cost_only_without_a_roadmap_fires_and_an_unreadable_item_silences_it() {
        let base = "value:\n  kind: cost\n  kpi: hours\n  annual_value_per_customer: 1M\n";
        let got = findings(base);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (2, "quantified-value/cost-only"));
        let unreadable =
            format!("{base}vision:\n  roadmap:\n    - {{ year: 2027, value_kind: sales }}\n");
        assert!(findings(&unreadable).is_empty());
    }

    #[test]
    fn an_invalid_stated_roi_does_not_fall_back_to_the_computed_one() {
        let got = findings(
            "value:\n  kpi: hours\n  annual_value_per_customer: 100k\n  roi_multiple: many\nunit_economics:\n  acv: 120k\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
