//! What the app knows about the report before the officer types anything: the ten ITA
//! indicators, preset measures for each, and proposed wording generated from the data.

pub mod example;
pub mod indicators;
pub mod presets;
pub mod wording;

pub use indicators::{indicator, Indicator, Tool, INDICATORS};
