//! The pending undo: what the destructive actions since the toast appeared took, kept (in
//! the browser's session storage) while the toast is up, so a reload does not lose the
//! chance to undo them. Several deletes in a row (a double click, two quick clicks) are
//! undone together, newest first: nothing taken is ever left without its undo.

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
    /// Oldest first; undone newest first.
    pub actions: Vec<UndoAction>,
    /// Offered until this time (ms since the epoch).
    pub until_ms: f64,
}

/// Adds `action` to the pending undo (a new one when none is offered any more) and keeps
/// it until `until_ms`; returns what the toast should say. A store that refuses only loses
/// the reload case: the toast still works from memory.
pub fn add(kv: &impl KeyValue, message: String, action: UndoAction, now_ms: f64, until_ms: f64) -> PendingUndo {
    let mut undo = pending(kv, now_ms).unwrap_or(PendingUndo { message: String::new(), actions: Vec::new(), until_ms });
    undo.actions.push(action);
    undo.until_ms = until_ms;
    undo.message = match undo.actions.len() {
        1 => message,
        n => format!("{message} (เลิกทำได้ทั้ง {} รายการ)", crate::thai::Digits::Thai.number(n)),
    };
    if let Ok(json) = serde_json::to_string(&undo) {
        let _ = kv.set(KEY, &json);
    }
    undo
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

    fn action(image: &str) -> UndoAction {
        UndoAction::Edit {
            draft_id: "d".into(),
            removed: Box::new(Removed::Signature { role: crate::model::draft::SignerRole::Clerk, image: image.into() }),
        }
    }

    #[test]
    fn an_undo_is_offered_until_it_expires() {
        let kv = MemoryStore::default();
        let undo = add(&kv, "ลบลายมือชื่อแล้ว".into(), action("sig-1"), 0.0, 100.0);
        assert_eq!(undo.message, "ลบลายมือชื่อแล้ว");
        assert_eq!(pending(&kv, 50.0), Some(undo));
        assert_eq!(pending(&kv, 150.0), None);
        assert_eq!(pending(&kv, 50.0), None, "expired undo is forgotten");
    }

    #[test]
    fn quick_deletes_are_undone_together() {
        let kv = MemoryStore::default();
        add(&kv, "ลบ ก แล้ว".into(), action("sig-1"), 0.0, 100.0);
        let both = add(&kv, "ลบ ข แล้ว".into(), action("sig-2"), 10.0, 110.0);
        assert_eq!(both.actions, vec![action("sig-1"), action("sig-2")]);
        assert!(both.message.contains("๒ รายการ"));
        // Once the first has expired, a new delete starts afresh.
        let later = add(&kv, "ลบ ค แล้ว".into(), action("sig-3"), 200.0, 300.0);
        assert_eq!(later.actions, vec![action("sig-3")]);
    }
}
