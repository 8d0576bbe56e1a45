//! What the browser keeps: the draft JSON in local storage (`drafts`), the pending undo in
//! session storage (`undo`), image bytes in IndexedDB (`images`, browser only: local
//! storage's ~5 MB cannot hold photos).

pub mod drafts;
#[cfg(target_arch = "wasm32")]
pub mod images;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod undo;

pub use drafts::{DraftMeta, DraftStore, KeyValue, Loaded, SaveError, StoreError};
