//! The rule modules: one per principle, plus `plan` for the format itself.
//! Each module declares its rules as `Rule` constants and lists them in `RULES`.

use std::sync::LazyLock;

use crate::engine::Rule;

pub mod large_customers;
pub mod plan;

/// The modules in catalogue order (RULES.md).
const MODULES: &[&[&Rule]] = &[plan::RULES, large_customers::RULES];

/// Every rule, in catalogue order.
pub static ALL: LazyLock<Vec<&'static Rule>> =
    LazyLock::new(|| MODULES.iter().flat_map(|m| m.iter().copied()).collect());
