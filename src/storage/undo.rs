//! The pending undo: what the last destructive action took, kept (in the browser's session
//! storage) while its toast is up, so a reload does not lose the chance to undo it.

use super::drafts::KeyValue;
use crate::model::{Draft, Removed};
use serde::{Deserialize, Serialize};

const KEY: &str = "prongsai.undo";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UndoAction {
    /// Something taken out of draft `draft_id`.
    Edit { draft_id: String, removed: Box<Removed> },
    /// A whole draft deleted: it comes back under the same id.
    Draft { draft_id: String, name: String, draft: Box<Draft> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingUndo {
    /// What the toast says ("ลบมาตรการ … แล้ว").
    pub message: String,
    pub action: UndoAction,
    /// Offered until this time (ms since the epoch).
    pub until_ms: f64,
}

/// Keeps `undo` as the one pending undo (a newer action replaces an older one, as the
/// toast does). A store that refuses only loses the reload case: the toast still works.
pub fn keep(kv: &impl KeyValue, undo: &PendingUndo) {
    if let Ok(json) = serde_json::to_string(undo) {
        let _ = kv.set(KEY, &json);
    }
}

/// The pending undo, if it is still offered at `now_ms`.
pub fn pending(kv: &impl KeyValue, now_ms: f64) -> Option<PendingUndo> {
    let undo: PendingUndo = serde_json::from_str(&kv.get(KEY)?).ok()?;
    if undo.until_ms > now_ms {
        Some(undo)
    } else {
        kv.remove(KEY);
        None
    }
}

pub fn forget(kv: &impl KeyValue) {
    kv.remove(KEY);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::drafts::memory::MemoryStore;

    #[test]
    fn an_undo_is_offered_until_it_expires() {
        let kv = MemoryStore::default();
        let undo = PendingUndo {
            message: "ลบมาตรการแล้ว".into(),
            action: UndoAction::Edit {
                draft_id: "d".into(),
                removed: Box::new(Removed::Signature {
                    role: crate::model::draft::SignerRole::Clerk,
                    image: "sig-1".into(),
                }),
            },
            until_ms: 100.0,
        };
        keep(&kv, &undo);
        assert_eq!(pending(&kv, 50.0), Some(undo));
        assert_eq!(pending(&kv, 150.0), None);
        assert_eq!(pending(&kv, 50.0), None, "expired undo is forgotten");
    }
}
