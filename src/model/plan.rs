//! The typed plan of docs/plan-format.md. Every value is a `Field` that remembers its span and
//! YAML path; sections are `Field`s too, spanned at their key, so a rule can point at
//! the parent of a missing field.

use super::value::{Field, Place, Range, Val};

macro_rules! plan_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        // A rule pack sees an enum as its word.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.word())
            }
        }

        impl $name {
            /// The words the plan format accepts, in the order the format lists them.
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            pub fn from_word(word: &str) -> Option<Self> {
                match word {
                    $($word => Some(Self::$variant),)+
                    _ => None,
                }
            }

            pub fn word(self) -> &'static str {
                match self {
                    $(Self::$variant => $word),+
                }
            }
        }
    };
}

plan_enum!(Stage {
    Idea = "idea",
    PreSeed = "pre_seed",
    Seed = "seed",
    SeriesA = "series_a",
    SeriesB = "series_b",
    Growth = "growth",
    Public = "public",
});

plan_enum!(ChainPosition {
    Upstream = "upstream",
    Midstream = "midstream",
    Downstream = "downstream",
});

plan_enum!(Benefit {
    Positive = "positive",
    Neutral = "neutral",
    Negative = "negative",
});

plan_enum!(ValueKind {
    Revenue = "revenue",
    Cost = "cost",
    Both = "both",
});

plan_enum!(
    /// Which direction of the value KPI is an improvement.
    Better {
        Lower = "lower",
        Higher = "higher",
    }
);

plan_enum!(RoadmapValueKind {
    Revenue = "revenue",
    Cost = "cost",
});

plan_enum!(LtvBasis {
    Revenue = "revenue",
    GrossMargin = "gross_margin",
});

plan_enum!(Motion {
    Telesales = "telesales",
    InsideSales = "inside_sales",
    SelfServe = "self_serve",
    Field = "field",
    Conference = "conference",
    Partner = "partner",
});

plan_enum!(Phase {
    Standardize = "standardize",
    Customize = "customize",
});

plan_enum!(PricingModel {
    Flat = "flat",
    PerSeat = "per_seat",
    Tiered = "tiered",
    Usage = "usage",
    RevenueShare = "revenue_share",
    PlatformPlusUsage = "platform_plus_usage",
});

plan_enum!(DataAdvantage {
    None = "none",
    Scale = "scale",
    NetworkEffect = "network_effect",
});

plan_enum!(Consent {
    None = "none",
    OptOut = "opt_out",
    OptIn = "opt_in",
});

plan_enum!(CrossCustomerUse {
    None = "none",
    OptInAnonymized = "opt_in_anonymized",
    DefaultOn = "default_on",
});

/// A list of text values (`industries`, `certifications`, ...).
pub type TextList = Vec<Val<String>>;
/// A list of entries, each spanned at its item.
pub type List<T> = Vec<Val<T>>;

/// One YAML document of a plan file.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Plan {
    /// The start of the document: where findings about a missing section point.
    #[serde(skip)]
    pub document: Place,
    pub planlint: Field<i64>,
    pub company: Field<Company>,
    /// The plan's ISO 4217 currency code; `CNY` when absent.
    pub currency: Field<String>,
    /// With no `currency`, the one currency that every amount naming one names.
    #[serde(skip)]
    pub currency_inferred: Option<String>,
    pub market: Field<Market>,
    pub needs: Field<List<Need>>,
    pub value_chain: Field<List<ValueChainParty>>,
    pub value: Field<Value>,
    pub trust: Field<Trust>,
    pub vision: Field<Vision>,
    pub unit_economics: Field<UnitEconomics>,
    pub sales: Field<Sales>,
    pub product: Field<Product>,
    pub pricing: Field<Pricing>,
    pub customer_success: Field<CustomerSuccess>,
    pub data: Field<Data>,
    pub projections: Field<List<Projection>>,
}

impl Plan {
    /// The currency amounts in this plan are in.
    /// The plan's currency: the stated `currency`, else the one every amount names;
    /// empty when neither is known (the money rules then do not run).
    pub fn currency_code(&self) -> &str {
        match (&self.currency, &self.currency_inferred) {
            (Field::Present(c), _) => c.value.as_str(),
            (Field::Missing, Some(c)) => c.as_str(),
            _ => "",
        }
    }

    /// Where a finding about a missing field of `section` points: the section's key, or
    /// the document start when the section itself is missing.
    pub fn place_of<T>(&self, section: &Field<T>) -> Place {
        section
            .get()
            .map_or_else(|| self.document.clone(), Place::from)
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Company {
    pub name: Field<String>,
    pub founded: Field<i64>,
    pub stage: Field<Stage>,
    pub platform_giant: Field<bool>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Market {
    pub category: Field<String>,
    pub new_category: Field<bool>,
    pub niche: Field<String>,
    pub industries: Field<TextList>,
    pub regions: Field<TextList>,
    pub customer_size: Field<CustomerSize>,
    pub accounts: Field<Accounts>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CustomerSize {
    pub employees: Field<Range<u64>>,
    /// Money range.
    pub annual_revenue: Field<Range<f64>>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Accounts {
    pub tam: Field<u64>,
    pub sam: Field<u64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Need {
    pub statement: Field<String>,
    pub must_have: Field<bool>,
    pub hidden: Field<bool>,
    pub evidence: Field<String>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ValueChainParty {
    pub position: Field<ChainPosition>,
    pub who: Field<String>,
    pub benefit: Field<Benefit>,
    pub how: Field<String>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Value {
    pub kind: Field<ValueKind>,
    pub kpi: Field<String>,
    pub before: Field<f64>,
    pub after: Field<f64>,
    pub better: Field<Better>,
    /// Multiple.
    pub improvement: Field<f64>,
    /// Money.
    pub annual_value_per_customer: Field<f64>,
    /// Multiple.
    pub roi_multiple: Field<f64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Trust {
    pub decision_chain: Field<List<DecisionMaker>>,
    pub expertise: Field<String>,
    pub staying_power: Field<String>,
    pub reference_customers: Field<List<ReferenceCustomer>>,
    pub certifications: Field<TextList>,
    pub analyst_reports: Field<TextList>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DecisionMaker {
    pub role: Field<String>,
    pub cares_about: Field<String>,
    pub budget_owner: Field<bool>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ReferenceCustomer {
    pub name: Field<String>,
    pub public: Field<bool>,
    pub in_segment: Field<bool>,
    pub case_study: Field<bool>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Vision {
    pub industry_future: Field<String>,
    pub partnership: Field<String>,
    pub roadmap: Field<List<RoadmapItem>>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RoadmapItem {
    pub year: Field<i64>,
    pub theme: Field<String>,
    pub value_kind: Field<RoadmapValueKind>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct UnitEconomics {
    /// Money: annual contract value.
    pub acv: Field<f64>,
    /// Percent, as a fraction.
    pub gross_margin: Field<f64>,
    pub lifetime_years: Field<f64>,
    pub ltv_basis: Field<LtvBasis>,
    /// Money.
    pub ltv: Field<f64>,
    /// Money.
    pub cac: Field<f64>,
    pub cac_payback_months: Field<f64>,
    /// Percent: annual gross revenue churn.
    pub revenue_churn: Field<f64>,
    /// Percent; may exceed 100%.
    pub net_revenue_retention: Field<f64>,
    /// Percent: annual share of customers lost.
    pub logo_churn: Field<f64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Sales {
    pub channels: Field<List<Channel>>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Channel {
    pub motion: Field<Motion>,
    /// Money range.
    pub deal_size: Field<Range<f64>>,
    /// Percent.
    pub share: Field<f64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Product {
    pub cycle: Field<List<CyclePhase>>,
    /// Percent.
    pub services_share: Field<f64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CyclePhase {
    pub phase: Field<Phase>,
    pub period: Field<String>,
    pub scope: Field<String>,
    pub modules: Field<TextList>,
    pub for_customers: Field<TextList>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Pricing {
    pub model: Field<PricingModel>,
    pub value_metric: Field<String>,
    pub tiers: Field<List<Tier>>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Tier {
    pub name: Field<String>,
    /// Money range.
    pub customer_revenue: Field<Range<f64>>,
    /// Money.
    pub price: Field<f64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CustomerSuccess {
    pub team: Field<bool>,
    pub separate_from_support: Field<bool>,
    pub headcount: Field<u64>,
    pub accounts_per_csm: Field<u64>,
    pub practices: Field<TextList>,
    pub outcome_metrics: Field<TextList>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Data {
    pub uses_customer_data: Field<bool>,
    pub ai_features: Field<TextList>,
    pub advantage: Field<DataAdvantage>,
    pub mechanism: Field<String>,
    pub consent: Field<Consent>,
    pub cross_customer_use: Field<CrossCustomerUse>,
    pub principle: Field<String>,
    pub residency: Field<String>,
    pub deletion_on_exit_days: Field<u64>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Projection {
    pub year: Field<i64>,
    /// A past year, as reported: a fact, not a plan. Growth rules judge the plan's future.
    pub actual: Field<bool>,
    /// Money.
    pub revenue: Field<f64>,
    pub customers: Field<u64>,
    pub new_customers: Field<u64>,
    pub headcount: Field<u64>,
    /// Money; may be negative.
    pub net_burn: Field<f64>,
    /// Money.
    pub raised: Field<f64>,
    /// Money; may be negative.
    pub cash_end: Field<f64>,
}
