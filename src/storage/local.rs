//! The browser's local storage as a `KeyValue` store.
//!
//! Through web-sys rather than gloo-storage: gloo's `LocalStorage::raw()` panics when the
//! browser refuses storage (some private modes, blocked cookies), and a refused storage
//! must become a Thai message with an export button, not a crash.

use super::drafts::{KeyValue, StoreError};

pub struct Local;

fn storage() -> Option<web_sys::Storage> {
    // None in some private modes and when storage is disabled by policy.
    web_sys::window()?.local_storage().ok().flatten()
}

impl KeyValue for Local {
    fn get(&self, key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let s = storage().ok_or_else(|| StoreError::Unavailable("no localStorage".into()))?;
        s.set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
            if name.contains("Quota") {
                StoreError::QuotaExceeded
            } else {
                StoreError::Unavailable(name)
            }
        })
    }

    fn remove(&self, key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(s) = storage() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
}
