//! What a rule sees when it runs: the plan, the thresholds in force and the figures
//! several rules derive from the plan, computed once.

use crate::model::{self, LtvBasis, Plan};
use crate::thresholds::{FxRates, MoneyThreshold, Thresholds};

/// What a rule sees: the plan, the thresholds, and values derived once for all rules.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub thresholds: &'a Thresholds,
    pub fx: &'a FxRates,
    pub metrics: Metrics,
    /// What run-time rules derive from the plan once for all of them (a pack's view of
    /// the plan), made by the first that needs it.
    pub memo: std::cell::OnceCell<Box<dyn std::any::Any>>,
}

impl<'a> Context<'a> {
    pub fn new(plan: &'a Plan, thresholds: &'a Thresholds, fx: &'a FxRates) -> Self {
        Self {
            plan,
            thresholds,
            fx,
            metrics: Metrics::of(plan),
            memo: std::cell::OnceCell::new(),
        }
    }

    /// The plan's unit economics, when it states them.
    pub fn unit_economics(&self) -> Option<&'a model::UnitEconomics> {
        self.plan.unit_economics.get().map(|v| &v.value)
    }

    /// The plan's currency code.
    pub fn currency(&self) -> &str {
        self.plan.currency_code()
    }

    /// A money threshold in the plan's currency; `None` (the rule stays silent) when the
    /// plan's currency differs and no rate is configured.
    pub fn money(&self, threshold: f64) -> Option<MoneyThreshold<'_>> {
        self.thresholds
            .money_in(threshold, self.currency(), self.fx)
    }

    /// `50,000 CNY` in the plan's currency.
    pub fn fmt_money(&self, amount: f64) -> String {
        model::value::format_money(amount, self.currency())
    }
}

/// Values several rules derive from the plan, computed once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    /// acv × lifetime_years (× gross_margin on the `gross_margin` basis).
    pub ltv_computed: Option<f64>,
    /// cac / (acv / 12 × gross_margin), in months.
    pub payback_computed: Option<f64>,
    /// annual_value_per_customer / acv.
    pub roi_computed: Option<f64>,
    /// before / after (lower is better) or after / before (higher is better).
    pub improvement_computed: Option<f64>,
}

impl Metrics {
    pub fn of(plan: &Plan) -> Self {
        let mut m = Metrics::default();
        if let Some(ue) = plan.unit_economics.get() {
            let ue = &ue.value;
            let basis = ue.ltv_basis.value().unwrap_or(LtvBasis::Revenue);
            if let (Some(acv), Some(life)) = (ue.acv.value(), ue.lifetime_years.value()) {
                m.ltv_computed = match basis {
                    LtvBasis::Revenue => Some(acv * life),
                    LtvBasis::GrossMargin => ue.gross_margin.value().map(|gm| acv * life * gm),
                };
            }
            if let (Some(cac), Some(acv), Some(gm)) =
                (ue.cac.value(), ue.acv.value(), ue.gross_margin.value())
            {
                let monthly = acv / 12.0 * gm;
                if monthly > 0.0 {
                    m.payback_computed = Some(cac / monthly);
                }
            }
            if let Some(acv) = ue.acv.value().filter(|a| *a > 0.0)
                && let Some(v) = plan.value.get()
                && let Some(annual) = v.value.annual_value_per_customer.value()
            {
                m.roi_computed = Some(annual / acv);
            }
        }
        if let Some(v) = plan.value.get() {
            let v = &v.value;
            if let (Some(before), Some(after)) = (v.before.value(), v.after.value()) {
                m.improvement_computed = match v.better.value() {
                    Some(model::Better::Lower) if after > 0.0 => Some(before / after),
                    Some(model::Better::Higher) if before > 0.0 => Some(after / before),
                    _ => None,
                };
            }
        }
        m
    }
}

/// The slack of every float comparison of values read from a plan with a threshold or
/// with each other: values that differ by less are equal (rounding in the plan's
/// decimal numbers, or in the computation, is not a finding).
pub const EPSILON: f64 = 1e-9;

/// True when `stated` differs from `computed` by more than `tolerance` (a fraction of
/// the computed value).
pub fn differs(stated: f64, computed: f64, tolerance: f64) -> bool {
    if computed == 0.0 {
        return stated != 0.0;
    }
    ((stated - computed) / computed).abs() > tolerance + EPSILON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differs_respects_tolerance() {
        assert!(!differs(105.0, 100.0, 0.05));
        assert!(differs(105.1, 100.0, 0.05));
        assert!(differs(1.0, 0.0, 0.05));
    }
}
