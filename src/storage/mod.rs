//! Drafts kept in the browser: the draft JSON in local storage (`drafts`), images in
//! IndexedDB (`images`, browser only: local storage's ~5 MB cannot hold photos).

pub mod drafts;
#[cfg(target_arch = "wasm32")]
pub mod local;

pub use drafts::{DraftMeta, DraftStore, KeyValue, Loaded, SaveError, StoreError};
