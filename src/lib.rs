//! planlint: a rules-engine linter for B2B business plans kept as YAML.
//!
//! The data flows one way: [`source`] (text, spans) → [`yaml`] (spanned nodes) →
//! [`load`] (typed [`model::Plan`], collecting format findings) → [`rules`] via
//! [`engine`] → [`lint::Finding`]s → [`report`]. [`lint`] is the vocabulary every stage
//! shares (rule, finding, context, settings, registry); no module depends on one above
//! it (`tests/architecture.rs` checks that the modules form no cycle).

pub mod baseline;
pub mod cli;
pub mod config;
pub mod diff;
pub mod docs;
pub mod engine;
pub mod figures;
pub mod fix;
pub mod i18n;
pub mod input;
pub mod lint;
pub mod load;
pub mod model;
pub mod needs;
pub mod numfmt;
pub mod pack;
pub mod report;
pub mod rules;
pub mod run;
pub mod schema;
pub mod server;
pub mod source;
pub mod suppress;
pub mod text;
pub mod thresholds;
pub mod yaml;
