//! Drafts kept in the browser: the draft JSON in local storage (`drafts`), the pending
//! undo in session storage (`undo`). Images live in IndexedDB (`app::idb`, browser only:
//! local storage's ~5 MB cannot hold photos).

pub mod drafts;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod undo;

pub use drafts::{DraftMeta, DraftStore, KeyValue, Loaded, SaveError, StoreError};
