//! Rules of this principle are added by the principle-modules work (issue 3).

use crate::engine::Rule;

pub static RULES: &[&Rule] = &[];
