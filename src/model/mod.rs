//! The typed plan model and its value types. Reading a plan into it is `crate::load`'s job.

pub mod describe;
pub mod plan;
pub mod value;

pub use plan::*;
pub use value::{Field, Place, Range, Val};
