//! The typed plan model and its value types.

pub mod currency;
pub mod describe;
pub mod kind;
pub mod load;
pub mod plan;
pub mod value;

pub use load::load_plan;
pub use plan::*;
pub use value::{Field, Place, Range, Val};
