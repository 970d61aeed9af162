//! The rule modules: one per principle, plus `plan` for the format itself.
//! Each module declares its rules as `Rule` constants and lists them in `RULES`.

use std::sync::LazyLock;

use crate::engine::Rule;

pub mod customer_focus;
pub mod customer_success;
pub mod data_consent;
pub mod large_customers;
pub mod patient_growth;
pub mod plan;
pub mod product_cycle;
pub mod quantified_value;
pub mod sales_motion;
pub mod trust_vision;
pub mod value_pricing;

/// The modules in catalogue order (docs/rules.md).
const MODULES: &[&[&Rule]] = &[
    plan::RULES,
    customer_focus::RULES,
    trust_vision::RULES,
    large_customers::RULES,
    sales_motion::RULES,
    product_cycle::RULES,
    value_pricing::RULES,
    quantified_value::RULES,
    customer_success::RULES,
    data_consent::RULES,
    patient_growth::RULES,
];

/// Every rule, in catalogue order.
pub static ALL: LazyLock<Vec<&'static Rule>> =
    LazyLock::new(|| MODULES.iter().flat_map(|m| m.iter().copied()).collect());
