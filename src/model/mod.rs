//! The report model: plain serde data, versioned, with migration and validation.

pub mod access;
pub mod bundle;
pub mod draft;
pub mod edit;
pub mod input;
pub mod migrate;
pub mod path;
pub mod rounds;
pub mod rows;
pub mod stale;
pub mod texts;
pub mod validate;

pub use bundle::Bundle;
pub use draft::*;
pub use edit::{Removed, RestoreError};
pub use migrate::{load_draft, LoadError};
pub use path::{FieldPath, Section};
pub use rounds::{RoundPeriod, RoundResults};
pub use stale::{split_kind, Fact, Facts, Stale};
pub use validate::{validate, Problem};
