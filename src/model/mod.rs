//! The report model: plain serde data, versioned, with migration and validation.

pub mod bundle;
pub mod draft;
pub mod migrate;
pub mod validate;

pub use bundle::Bundle;
pub use draft::*;
pub use migrate::{load_draft, LoadError};
pub use validate::{validate, Problem};
