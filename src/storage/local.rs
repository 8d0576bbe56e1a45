//! The browser's local storage (drafts) and session storage (this tab's state: the draft it
//! has open, a pending undo) as `KeyValue` stores.
//!
//! Through web-sys rather than gloo-storage: gloo's `LocalStorage::raw()` panics when the
//! browser refuses storage (some private modes, blocked cookies), and a refused storage
//! must become a Thai message with an export button, not a crash.

use super::drafts::{KeyValue, StoreError};

/// Local storage: shared by the origin's tabs, kept across sessions.
pub struct Local;

/// Session storage: this tab only, kept across reloads.
pub struct Session;

fn local() -> Option<web_sys::Storage> {
    // None in some private modes and when storage is disabled by policy.
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn get(s: Option<web_sys::Storage>, key: &str) -> Option<String> {
    s?.get_item(key).ok().flatten()
}

fn set(s: Option<web_sys::Storage>, key: &str, value: &str) -> Result<(), StoreError> {
    let s = s.ok_or_else(|| StoreError::Unavailable("no storage".into()))?;
    s.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        if name.contains("Quota") {
            StoreError::QuotaExceeded
        } else {
            StoreError::Unavailable(name)
        }
    })
}

fn remove(s: Option<web_sys::Storage>, key: &str) {
    if let Some(s) = s {
        let _ = s.remove_item(key);
    }
}

fn keys(s: Option<web_sys::Storage>) -> Vec<String> {
    let Some(s) = s else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

impl KeyValue for Local {
    fn get(&self, key: &str) -> Option<String> {
        get(local(), key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        set(local(), key, value)
    }
    fn remove(&self, key: &str) {
        remove(local(), key)
    }
    fn keys(&self) -> Vec<String> {
        keys(local())
    }
}

thread_local! {
    /// Where session values live when the browser refuses session storage: this tab's state
    /// then lasts until a reload instead of not at all (an undo still works).
    static SESSION_FALLBACK: std::cell::RefCell<std::collections::BTreeMap<String, String>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

impl KeyValue for Session {
    fn get(&self, key: &str) -> Option<String> {
        get(session(), key).or_else(|| SESSION_FALLBACK.with(|m| m.borrow().get(key).cloned()))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let result = set(session(), key, value);
        SESSION_FALLBACK.with(|m| {
            let mut m = m.borrow_mut();
            if result.is_err() {
                m.insert(key.to_string(), value.to_string());
            } else {
                m.remove(key);
            }
        });
        result
    }
    fn remove(&self, key: &str) {
        SESSION_FALLBACK.with(|m| m.borrow_mut().remove(key));
        remove(session(), key)
    }
    fn keys(&self) -> Vec<String> {
        keys(session())
    }
}
