//! planlint: a rules-engine linter for B2B business plans kept as YAML.
//!
//! The data flows one way: [`source`] (text, spans) → [`yaml`] (spanned nodes) →
//! [`model`] (typed `Plan`, collecting format findings) → [`rules`] via [`engine`] →
//! [`finding::Finding`]s → [`report`].

pub mod baseline;
pub mod cli;
pub mod config;
pub mod diff;
pub mod docs;
pub mod engine;
pub mod figures;
pub mod finding;
pub mod i18n;
pub mod input;
pub mod model;
pub mod needs;
pub mod report;
pub mod rules;
pub mod run;
pub mod schema;
pub mod source;
pub mod suppress;
pub mod text;
pub mod thresholds;
pub mod yaml;
