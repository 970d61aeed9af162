//! The thresholds of docs/rules.md, their presets, and money conversion between the
//! thresholds' currency and a plan's.

use std::collections::BTreeMap;

use crate::model::value::{format_money, format_number, format_percent};

/// How a threshold is written and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// An amount in the thresholds' currency.
    Money,
    /// A fraction shown as a percentage.
    Percent,
    /// A plain number (count, months, factor).
    Number,
}

#[derive(Clone, Copy, Debug)]
pub struct ThresholdSpec {
    pub name: &'static str,
    pub unit: Unit,
    pub article: f64,
    pub us_saas: f64,
}

macro_rules! thresholds {
    ($($name:ident : $unit:ident = $article:expr $(, us_saas = $us:expr)? ;)+) => {
        /// Every threshold of docs/rules.md. Money values are in `currency`.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Thresholds {
            /// The currency money thresholds are written in.
            pub currency: String,
            /// Small deals sold through a declared self-serve, inside-sales or
            /// telesales channel are a recognised model (`us-saas`), not a warning.
            pub low_touch_small_deals: bool,
            $(pub $name: f64,)+
        }

        pub const THRESHOLD_SPECS: &[ThresholdSpec] = &[
            $(ThresholdSpec {
                name: stringify!($name),
                unit: Unit::$unit,
                article: $article,
                us_saas: thresholds!(@us $article $(, $us)?),
            },)+
        ];

        impl Thresholds {
            /// `article`: the principles' own figures, in CNY.
            pub fn article() -> Self {
                Self { currency: "CNY".to_string(), low_touch_small_deals: false, $($name: $article,)+ }
            }

            /// `us-saas`: public SaaS benchmarks, in USD.
            pub fn us_saas() -> Self {
                Self { currency: "USD".to_string(), low_touch_small_deals: true, $($name: thresholds!(@us $article $(, $us)?),)+ }
            }

            pub fn get(&self, name: &str) -> Option<f64> {
                match name {
                    $(stringify!($name) => Some(self.$name),)+
                    _ => None,
                }
            }

            pub fn get_mut(&mut self, name: &str) -> Option<&mut f64> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)+
                    _ => None,
                }
            }
        }
    };
    (@us $article:expr) => { $article };
    (@us $article:expr, $us:expr) => { $us };
}

thresholds! {
    max_industries: Number = 2.0;
    max_size_span: Number = 50.0;
    min_improvement: Number = 10.0;
    tolerance: Percent = 0.05;
    min_trust_sources: Number = 3.0;
    min_roadmap_years: Number = 3.0;
    min_ltv: Money = 300_000.0, us_saas = 50_000.0;
    max_revenue_churn: Percent = 0.20, us_saas = 0.15;
    min_ltv_cac: Number = 3.0;
    telesales_max_deal: Money = 10_000.0, us_saas = 5_000.0;
    max_cac_payback_months: Number = 12.0, us_saas = 18.0;
    field_min_deal: Money = 50_000.0, us_saas = 25_000.0;
    max_services_share: Percent = 0.20;
    min_tier_span: Number = 10.0;
    min_roi: Number = 3.0;
    max_annual_growth: Number = 3.0;
    min_horizon_years: Number = 3.0;
    max_burn_multiple: Number = 1.0;
    min_runway_months: Number = 12.0;
    min_net_revenue_retention: Percent = 1.0;
    max_revenue_decline: Percent = 0.01;
}

impl Default for Thresholds {
    fn default() -> Self {
        Self::article()
    }
}

impl ThresholdSpec {
    pub fn find(name: &str) -> Option<&'static ThresholdSpec> {
        THRESHOLD_SPECS.iter().find(|s| s.name == name)
    }

    /// The value as a user writes and reads it.
    pub fn display(&self, value: f64, currency: &str) -> String {
        match self.unit {
            Unit::Money => format_money(value, currency),
            Unit::Percent => format_percent(value),
            Unit::Number => format_number(value),
        }
    }
}

/// Exchange rates: units of the thresholds' currency per unit of another currency.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FxRates(pub BTreeMap<String, f64>);

/// A money threshold expressed in a plan's currency. Its text is only built when a rule
/// reports: most checks pass and never show it.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyThreshold<'a> {
    /// The amount in the plan's currency.
    pub amount: f64,
    /// The threshold as configured, in `threshold_currency`.
    pub threshold: f64,
    pub plan_currency: &'a str,
    pub threshold_currency: &'a str,
}

impl MoneyThreshold<'_> {
    /// For messages: `300,000 CNY`, or `42,253.52 USD (300,000 CNY)` after conversion.
    pub fn text(&self) -> String {
        if self.plan_currency == self.threshold_currency {
            format_money(self.amount, self.plan_currency)
        } else {
            format!(
                "{} ({})",
                format_money(self.amount, self.plan_currency),
                format_money(self.threshold, self.threshold_currency)
            )
        }
    }
}

impl Thresholds {
    /// Converts a money threshold into `plan_currency`. `None` when the currencies differ
    /// and `fx` has no rate: the money rules then stay silent (and `plan/no-fx-rate` says why).
    pub fn money_in<'a>(
        &'a self,
        value: f64,
        plan_currency: &'a str,
        fx: &FxRates,
    ) -> Option<MoneyThreshold<'a>> {
        let amount = if plan_currency == self.currency {
            value
        } else {
            let rate = *fx.0.get(plan_currency)?;
            if !(rate.is_finite() && rate > 0.0) {
                return None;
            }
            value / rate
        };
        Some(MoneyThreshold {
            amount,
            threshold: value,
            plan_currency,
            threshold_currency: &self.currency,
        })
    }
}

/// The deal-size ladder of a preset, lowest rung first: below the telesales ceiling deals
/// go through telesales, inside sales or self-serve; from the field-sales floor up a field
/// team pays for itself; the ACV floor (`min_ltv` over the principles' 5 years) is what a
/// customer must pay a year to be worth an enterprise sale.
pub fn ladder(t: &Thresholds) -> [(&'static str, f64); 3] {
    [
        (
            "telesales ceiling (`telesales_max_deal`)",
            t.telesales_max_deal,
        ),
        ("field-sales floor (`field_min_deal`)", t.field_min_deal),
        ("ACV floor (`min_ltv` / 5 years)", t.min_ltv / 5.0),
    ]
}

/// A named set of thresholds (`preset = "us-saas"` in planlint.toml).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Article,
    UsSaas,
}

impl Preset {
    pub const NAMES: &'static [&'static str] = &["article", "us-saas"];
    pub const ALL: &'static [Preset] = &[Preset::Article, Preset::UsSaas];

    pub fn from_name(s: &str) -> Option<Self> {
        match s {
            "article" => Some(Preset::Article),
            "us-saas" => Some(Preset::UsSaas),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Preset::Article => "article",
            Preset::UsSaas => "us-saas",
        }
    }

    pub fn thresholds(self) -> Thresholds {
        match self {
            Preset::Article => Thresholds::article(),
            Preset::UsSaas => Thresholds::us_saas(),
        }
    }
}

// Declared here rather than in `i18n` so that the message layer knows nothing of
// thresholds.
impl crate::i18n::Message {
    /// A money threshold in the plan's currency, with the configured figure beside it
    /// when it was converted: `42,253.52 USD (300,000 CNY)`.
    pub fn threshold(self, name: &'static str, t: &MoneyThreshold) -> Self {
        self.arg(
            name,
            crate::i18n::Arg::Converted {
                amount: t.amount,
                currency: t.plan_currency.to_string(),
                original: t.threshold,
                original_currency: t.threshold_currency.to_string(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_presets_ladder_starts_at_the_telesales_ceiling() {
        for t in [Thresholds::article(), Thresholds::us_saas()] {
            let rungs = ladder(&t);
            let ceiling = rungs[0].1;
            assert!(
                rungs[1..].iter().all(|(_, v)| *v > ceiling),
                "{}: {rungs:?}",
                t.currency
            );
        }
    }

    #[test]
    fn presets_differ_only_where_rules_md_says() {
        let a = Thresholds::article();
        let u = Thresholds::us_saas();
        assert_eq!(a.min_ltv, 300_000.0);
        assert_eq!(u.min_ltv, 50_000.0);
        assert_eq!(u.max_cac_payback_months, 18.0);
        assert_eq!(u.min_ltv_cac, a.min_ltv_cac);
        assert_eq!(u.currency, "USD");
    }

    #[test]
    fn converts_with_a_rate_and_is_silent_without() {
        let t = Thresholds::article();
        let mut fx = FxRates::default();
        assert!(t.money_in(300_000.0, "USD", &fx).is_none());
        fx.0.insert("USD".into(), 7.5);
        let m = t.money_in(300_000.0, "USD", &fx).unwrap();
        assert_eq!(m.amount, 40_000.0);
        assert_eq!(m.text(), "40,000 USD (300,000 CNY)");
        let same = t.money_in(300_000.0, "CNY", &fx).unwrap();
        assert_eq!(same.text(), "300,000 CNY");
    }
}
