//! The draft's images on screen: object URLs for the bytes kept in IndexedDB
//! (`storage::images`), made when an image is stored or a draft opened, revoked when the
//! draft no longer shows them; and the removal of stored images no draft refers to.

use super::clock::{id_time, new_id, now_ms};
use super::download::object_url;
use crate::storage::images as stored;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashSet};

/// How long an unreferenced image is kept: time to undo, and never racing another tab that
/// has just stored an image its draft will refer to in a moment.
const KEEP_UNUSED_MS: f64 = 24.0 * 3600.0 * 1000.0;

/// The MIME type of stored image bytes.
pub fn mime_of(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        "image/png"
    } else {
        "image/jpeg"
    }
}

#[derive(Clone, Copy)]
pub struct Images {
    /// Image id → object URL for display (thumbnails, signatures, preview).
    pub urls: RwSignal<BTreeMap<String, String>>,
}

impl Images {
    pub fn new() -> Self {
        Images { urls: RwSignal::new(BTreeMap::new()) }
    }

    /// The object URL of an image shown now ("" while it loads).
    pub fn url(&self, id: &str) -> String {
        self.urls.with(|u| u.get(id).cloned().unwrap_or_default())
    }

    /// Stores image bytes under a new id and shows them; the Thai reason when the browser
    /// refuses (full, private mode).
    pub async fn keep(&self, prefix: &str, bytes: &[u8], mime: &str) -> Result<String, String> {
        let id = new_id(prefix);
        stored::put(&id, bytes).await.map_err(|e| stored::thai_error(&e))?;
        self.urls.update(|u| {
            u.insert(id.clone(), object_url(bytes, mime));
        });
        Ok(id)
    }

    /// Shows exactly the images `ids` (a draft opened or changed): URLs of the others are
    /// revoked.
    pub fn show(&self, ids: Vec<String>) {
        let urls_now = self.urls;
        leptos::task::spawn_local(async move {
            let mut urls = BTreeMap::new();
            for id in ids {
                if let Some(url) = urls_now.with_untracked(|u| u.get(&id).cloned()) {
                    urls.insert(id, url);
                } else if let Ok(Some(bytes)) = stored::get(&id).await {
                    urls.insert(id, object_url(&bytes, mime_of(&bytes)));
                }
            }
            urls_now.update(|old| {
                for (id, url) in old.iter() {
                    if !urls.contains_key(id) {
                        let _ = web_sys::Url::revoke_object_url(url);
                    }
                }
                *old = urls;
            });
        });
    }
}

/// Deletes stored images that none of the drafts `in_use` lists refers to, once they are a
/// day old. `in_use` is `None` when a draft could not be read (it might refer to any).
pub async fn collect_garbage(in_use: Option<HashSet<String>>) {
    let Some(used) = in_use else { return };
    let Ok(keys) = stored::keys().await else { return };
    for id in keys {
        if !used.contains(&id) && id_time(&id).is_some_and(|t| now_ms() - t > KEEP_UNUSED_MS) {
            let _ = stored::delete(&id).await;
        }
    }
}
