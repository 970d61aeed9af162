//! The rule modules: one per principle, plus `plan` for the format itself.
//! Each module declares its rules as `Rule` constants and lists them in `RULES`.

use std::sync::LazyLock;

use crate::lint::{Registry, Rule};

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

/// The built-in rules, in catalogue order.
static BUILTIN: LazyLock<Registry> = LazyLock::new(|| {
    let mut registry = Registry::default();
    for rule in MODULES.iter().flat_map(|m| m.iter().copied()) {
        // A duplicate id cannot be added; `ids_are_unique_and_well_formed` keeps the
        // built-in declarations free of them.
        let _ = registry.add(rule);
    }
    registry
});

/// The built-in rules as a registry, in catalogue order: what a run checks unless rules
/// are added to it.
pub fn builtin() -> Registry {
    BUILTIN.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let rules: Vec<&Rule> = MODULES.iter().flat_map(|m| m.iter().copied()).collect();
        let registry = Registry::new(rules.iter().copied()).expect("no duplicate id");
        assert_eq!(registry.rules().len(), rules.len());
        for r in registry.iter() {
            let (p, name) = r.id.split_once('/').expect("id has a principle");
            assert!(!p.is_empty() && !name.is_empty(), "{}", r.id);
        }
    }
}
