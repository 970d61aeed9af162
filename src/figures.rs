//! A plan's key figures, computed the way the rules compute them, for the reports that
//! show a plan's numbers rather than its findings: the HTML report's overview and charts,
//! and `planlint diff`. Nothing here judges a plan; the formulas are the rules' own
//! ([`Metrics`](crate::engine::Metrics), `large_customers::judged_ltv`,
//! `patient_growth::Growth`).

use serde::Serialize;

use crate::lint::{Context, Settings};
use crate::model::Field;
use crate::rules::{large_customers, patient_growth};
use crate::source::SourceFile;
use crate::yaml;

/// The figures of one plan (the first document of its file that is a plan).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// `company.name`, as written.
    pub company: Option<String>,
    /// The plan's currency code; empty when it names none.
    pub currency: String,
    pub acv: Option<f64>,
    /// `unit_economics.ltv`, as stated.
    pub ltv_stated: Option<f64>,
    /// acv × lifetime_years (× gross_margin on that basis).
    pub ltv_computed: Option<f64>,
    /// The LTV the rules judge: stated, else computed.
    pub ltv: Option<f64>,
    pub cac: Option<f64>,
    /// The judged LTV over CAC.
    pub ltv_cac: Option<f64>,
    /// Annual gross revenue churn, a fraction.
    pub revenue_churn: Option<f64>,
    /// `unit_economics.cac_payback_months`, as stated.
    pub payback_stated: Option<f64>,
    /// cac / (acv / 12 × gross_margin).
    pub payback_computed: Option<f64>,
    /// `value.roi_multiple`, as stated.
    pub roi_stated: Option<f64>,
    /// annual_value_per_customer / acv.
    pub roi_computed: Option<f64>,
    /// The projection years, in the plan's order.
    pub years: Vec<Year>,
    /// The first projection year that ends with negative cash.
    pub cash_out_year: Option<i64>,
    /// The pricing tiers, in the plan's order.
    pub tiers: Vec<Tier>,
    /// `market.customer_size.annual_revenue`.
    pub customer_revenue: Option<(f64, f64)>,
    /// The thresholds the rules judge these figures against.
    pub limits: Limits,
}

/// One projection year.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Year {
    pub year: Option<i64>,
    /// A past year, as reported.
    pub actual: bool,
    pub revenue: Option<f64>,
    pub net_burn: Option<f64>,
    pub cash_end: Option<f64>,
    /// Revenue growth a year from the previous entry (over a gap of years, the yearly
    /// rate), when it can be measured.
    pub growth: Option<f64>,
    /// The growth is a planned year's and above `max_annual_growth`.
    pub above_ceiling: bool,
}

/// One pricing tier.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tier {
    pub name: Option<String>,
    pub price: Option<f64>,
    pub customer_revenue: Option<(f64, f64)>,
}

/// The thresholds in force, in the plan's currency where they are money.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Limits {
    /// `min_ltv` in the plan's currency; `None` without an exchange rate.
    pub min_ltv: Option<f64>,
    pub max_revenue_churn: f64,
    pub min_ltv_cac: f64,
    pub max_cac_payback_months: f64,
    pub max_annual_growth: f64,
}

impl Figures {
    /// The payback the plan shows: stated, else computed.
    pub fn payback(&self) -> Option<f64> {
        self.payback_stated.or(self.payback_computed)
    }

    /// The ROI the plan shows: stated, else computed.
    pub fn roi(&self) -> Option<f64> {
        self.roi_stated.or(self.roi_computed)
    }

    /// The figures of the first plan in `file`, read with `settings`' limits and judged
    /// against its thresholds; `None` when no document of it loads as a plan (a file that
    /// does not parse, or whose text was dropped).
    pub fn of(file: &SourceFile, settings: &Settings) -> Option<Figures> {
        let docs = yaml::parse(file, &settings.limits).ok()?;
        let mut ignored = Vec::new();
        let plan = docs
            .iter()
            .find_map(|doc| crate::load::load_plan(file, doc, &mut ignored))?;
        let cx = Context::new(&plan, &settings.thresholds, &settings.fx);
        Some(Self::from_context(&cx))
    }

    fn from_context(cx: &Context) -> Figures {
        let plan = cx.plan;
        let t = cx.thresholds;
        let ue = cx.unit_economics();
        let f64_of = |f: Option<&Field<f64>>| f.and_then(Field::value);
        let mut out = Figures {
            company: plan
                .company
                .get()
                .and_then(|c| c.value.name.get().map(|n| n.value.clone())),
            currency: cx.currency().to_string(),
            acv: f64_of(ue.map(|u| &u.acv)),
            ltv_stated: f64_of(ue.map(|u| &u.ltv)),
            ltv_computed: cx.metrics.ltv_computed,
            ltv: large_customers::judged_ltv(cx),
            cac: f64_of(ue.map(|u| &u.cac)),
            ltv_cac: large_customers::ltv_cac(cx),
            revenue_churn: f64_of(ue.map(|u| &u.revenue_churn)),
            payback_stated: f64_of(ue.map(|u| &u.cac_payback_months)),
            payback_computed: cx.metrics.payback_computed,
            roi_stated: plan.value.get().and_then(|v| v.value.roi_multiple.value()),
            roi_computed: cx.metrics.roi_computed,
            limits: Limits {
                min_ltv: cx.money(t.min_ltv).map(|m| m.amount),
                max_revenue_churn: t.max_revenue_churn,
                min_ltv_cac: t.min_ltv_cac,
                max_cac_payback_months: t.max_cac_payback_months,
                max_annual_growth: t.max_annual_growth,
            },
            ..Figures::default()
        };
        let entries = plan
            .projections
            .get()
            .map_or(&[][..], |v| v.value.as_slice());
        for entry in entries {
            let p = &entry.value;
            out.years.push(Year {
                year: p.year.value(),
                actual: patient_growth::is_actual(entry),
                revenue: p.revenue.value(),
                net_burn: p.net_burn.value(),
                cash_end: p.cash_end.value(),
                growth: None,
                above_ceiling: false,
            });
        }
        // Growth is measured between consecutive entries only (as the rule does).
        for (prev, next) in patient_growth::consecutive(entries) {
            let Some(i) = entries.iter().position(|e| std::ptr::eq(e, next)) else {
                continue;
            };
            if let Some(g) = patient_growth::Growth::between(prev, next) {
                out.years[i].growth = Some(g.ratio);
                out.years[i].above_ceiling =
                    !patient_growth::is_actual(next) && g.above(t.max_annual_growth);
            }
        }
        out.cash_out_year = out
            .years
            .iter()
            .find(|y| y.cash_end.is_some_and(|c| c < 0.0))
            .and_then(|y| y.year);
        if let Some(pricing) = plan.pricing.get()
            && let Some(tiers) = pricing.value.tiers.get()
        {
            for tier in &tiers.value {
                out.tiers.push(Tier {
                    name: tier.value.name.get().map(|n| n.value.clone()),
                    price: tier.value.price.value(),
                    customer_revenue: tier
                        .value
                        .customer_revenue
                        .get()
                        .map(|r| (r.value.min.value, r.value.max.value)),
                });
            }
        }
        out.customer_revenue = plan
            .market
            .get()
            .and_then(|m| m.value.customer_size.get())
            .and_then(|c| c.value.annual_revenue.get())
            .map(|r| (r.value.min.value, r.value.max.value));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(yaml: &str) -> Figures {
        Figures::of(
            &SourceFile::new("t.plan.yaml", yaml.to_string()),
            &Settings::default(),
        )
        .expect("a plan")
    }

    #[test]
    fn computed_figures_follow_the_rules_formulas() {
        let f = figures(
            "planlint: 1\ncurrency: CNY\nunit_economics:\n  acv: 100k\n  gross_margin: 80%\n  \
             lifetime_years: 4\n  cac: 200k\n  revenue_churn: 10%\nvalue:\n  \
             annual_value_per_customer: 500k\n",
        );
        assert_eq!(f.acv, Some(100_000.0));
        assert_eq!(f.ltv_stated, None);
        assert_eq!(f.ltv_computed, Some(400_000.0));
        assert_eq!(f.ltv, Some(400_000.0));
        assert_eq!(f.ltv_cac, Some(2.0));
        let payback = f.payback().expect("computed payback");
        assert!((payback - 30.0).abs() < 1e-9, "{payback}");
        assert_eq!(f.payback(), f.payback_computed);
        assert_eq!(f.roi(), Some(5.0));
        assert_eq!(f.revenue_churn, Some(0.1));
        assert_eq!(f.limits.min_ltv, Some(300_000.0));
    }

    #[test]
    fn growth_cash_out_and_tiers() {
        let f = figures(
            "planlint: 1\nprojections:\n  - { year: 2025, revenue: 1M, cash_end: 5M, actual: true }\n  \
             - { year: 2026, revenue: 5M, cash_end: 1M }\n  - { year: 2028, revenue: 20M, cash_end: -2M }\n\
             pricing:\n  tiers:\n    - { name: \"<b>S</b>\", price: 10k, customer_revenue: [1M, 10M] }\n",
        );
        let growth: Vec<Option<f64>> = f.years.iter().map(|y| y.growth).collect();
        assert_eq!(growth, [None, Some(5.0), Some(2.0)]);
        let above: Vec<bool> = f.years.iter().map(|y| y.above_ceiling).collect();
        assert_eq!(above, [false, true, false]);
        assert_eq!(f.cash_out_year, Some(2028));
        assert_eq!(f.tiers[0].name.as_deref(), Some("<b>S</b>"));
        assert_eq!(f.tiers[0].customer_revenue, Some((1e6, 1e7)));
    }

    #[test]
    fn a_file_that_does_not_parse_has_no_figures() {
        let file = SourceFile::new("t.plan.yaml", "a: [\n".to_string());
        assert_eq!(Figures::of(&file, &Settings::default()), None);
    }
}
