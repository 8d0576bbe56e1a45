//! Drafts in a key-value store (the browser's local storage), crash-safe and multi-tab safe.
//!
//! Each draft has two slots and a head that names the current one. Saving writes the new
//! version into the other slot, then switches the head: a crash or reload in the middle
//! leaves the previous version whole. Every version carries a revision; a save names the
//! revision it started from and is refused when another tab saved since (a conflict is
//! shown to the officer, never silently overwritten).
//!
//! The logic is generic over `KeyValue`, so it is tested natively with an in-memory store
//! that can fail on purpose; the browser uses local storage through web-sys (`local`).

use crate::model::{migrate::draft_from_value, Draft, LoadError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Why the store refused a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full.
    QuotaExceeded,
    /// Storage is switched off (private mode, policy) or failed otherwise.
    Unavailable(String),
}

impl StoreError {
    pub fn thai(&self) -> String {
        match self {
            StoreError::QuotaExceeded => {
                "พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็ม บันทึกร่างไม่ได้ กรุณาส่งออกร่างเป็นไฟล์เก็บไว้ก่อน แล้วลบร่างที่ไม่ใช้".into()
            }
            StoreError::Unavailable(_) => {
                "เบราว์เซอร์ไม่อนุญาตให้บันทึกข้อมูล (อาจเปิดในโหมดส่วนตัว) กรุณาส่งออกร่างเป็นไฟล์เพื่อไม่ให้ข้อมูลหาย".into()
            }
        }
    }
}

/// A string key-value store.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// One line of the draft list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftMeta {
    pub id: String,
    pub name: String,
    /// Milliseconds since the epoch.
    pub updated_ms: f64,
    pub rev: u64,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    rev: u64,
    saved_ms: f64,
    name: String,
    draft: Value,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
struct Head {
    slot: u8,
    rev: u64,
}

/// A draft as loaded, with the revision a later save must name.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub draft: Draft,
    pub name: String,
    pub rev: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Another tab (or window) saved revision `theirs` since we loaded `ours`.
    Conflict {
        ours: u64,
        theirs: u64,
    },
    Store(StoreError),
}

impl SaveError {
    pub fn thai(&self) -> String {
        match self {
            SaveError::Conflict { .. } => {
                "ร่างนี้ถูกแก้ไขในแท็บหรือหน้าต่างอื่น จึงยังไม่บันทึกทับ เลือก \"โหลดฉบับล่าสุด\" หรือ \"บันทึกเป็นร่างใหม่\"".into()
            }
            SaveError::Store(e) => e.thai(),
        }
    }
}

const PREFIX: &str = "prongsai.";
const INDEX: &str = "prongsai.index";

/// The key whose change (a `storage` event) means another tab saved draft `id`.
pub fn head_key(id: &str) -> String {
    format!("{PREFIX}draft.{id}.head")
}
fn slot_key(id: &str, slot: u8) -> String {
    format!("{PREFIX}draft.{id}.{}", if slot == 0 { 'a' } else { 'b' })
}

pub struct DraftStore<S: KeyValue> {
    pub kv: S,
}

impl<S: KeyValue> DraftStore<S> {
    pub fn new(kv: S) -> Self {
        DraftStore { kv }
    }

    /// The drafts, newest first. Rebuilt from the drafts themselves if the index is lost.
    pub fn list(&self) -> Vec<DraftMeta> {
        let mut list: Vec<DraftMeta> =
            self.kv.get(INDEX).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_else(|| self.rebuild_index());
        list.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
        list
    }

    fn rebuild_index(&self) -> Vec<DraftMeta> {
        self.kv
            .keys()
            .iter()
            .filter_map(|k| {
                k.strip_prefix(&format!("{PREFIX}draft.")).and_then(|r| r.strip_suffix(".head")).map(String::from)
            })
            .filter_map(|id| {
                let (stored, _) = self.read_current(&id)?;
                Some(DraftMeta { id, name: stored.name, updated_ms: stored.saved_ms, rev: stored.rev })
            })
            .collect()
    }

    fn write_index(&self, list: &[DraftMeta]) -> Result<(), StoreError> {
        self.kv.set(INDEX, &serde_json::to_string(list).unwrap_or_else(|_| "[]".into()))
    }

    fn head(&self, id: &str) -> Option<Head> {
        self.kv.get(&head_key(id)).and_then(|s| serde_json::from_str(&s).ok())
    }

    /// The current version; falls back to the other slot if the current one is unreadable.
    fn read_current(&self, id: &str) -> Option<(Stored, u8)> {
        let head = self.head(id)?;
        let read = |slot: u8| -> Option<Stored> { serde_json::from_str(&self.kv.get(&slot_key(id, slot))?).ok() };
        read(head.slot).map(|s| (s, head.slot)).or_else(|| read(1 - head.slot).map(|s| (s, 1 - head.slot)))
    }

    /// The revision currently stored for `id`.
    pub fn current_rev(&self, id: &str) -> Option<u64> {
        self.head(id).map(|h| h.rev)
    }

    pub fn load(&self, id: &str) -> Result<Loaded, LoadError> {
        let (stored, _) = self.read_current(id).ok_or(LoadError::NotADraft)?;
        let schema = stored.draft.get("schema").and_then(Value::as_u64).unwrap_or(0);
        let mut draft = draft_from_value(stored.draft)?;
        // Before schema 3 every name was chosen (or made up) at creation: keep it as is.
        if schema < 3 && draft.title.is_none() && !stored.name.trim().is_empty() {
            draft.title = Some(stored.name.clone());
        }
        // The head's revision: if the current slot was damaged, the next save replaces it.
        Ok(Loaded { draft, name: stored.name, rev: self.current_rev(id).unwrap_or(stored.rev) })
    }

    /// Saves `draft` as the next revision after `base_rev` (0 for a new draft).
    pub fn save(&self, id: &str, name: &str, draft: &Draft, base_rev: u64, now_ms: f64) -> Result<u64, SaveError> {
        let head = self.head(id);
        let current = head.map_or(0, |h| h.rev);
        if current != base_rev {
            return Err(SaveError::Conflict { ours: base_rev, theirs: current });
        }
        let rev = current + 1;
        let slot = head.map_or(0, |h| 1 - h.slot);
        let stored = Stored {
            rev,
            saved_ms: now_ms,
            name: name.to_string(),
            draft: serde_json::to_value(draft).unwrap_or(Value::Null),
        };
        let json = serde_json::to_string(&stored).unwrap_or_default();
        // Write the new version, then switch to it.
        self.kv.set(&slot_key(id, slot), &json).map_err(SaveError::Store)?;
        let head_json = serde_json::to_string(&Head { slot, rev }).unwrap_or_default();
        self.kv.set(&head_key(id), &head_json).map_err(SaveError::Store)?;
        let mut list = self.list();
        list.retain(|m| m.id != id);
        list.push(DraftMeta { id: id.to_string(), name: name.to_string(), updated_ms: now_ms, rev });
        self.write_index(&list).map_err(SaveError::Store)?;
        Ok(rev)
    }

    /// Changes stored draft `id` with `f` (a draft not open in this tab: renamed in the list,
    /// an undo after moving on) and saves it under its name, which may have changed. Errors
    /// are the officer's Thai messages.
    pub fn update(
        &self,
        id: &str,
        now_ms: f64,
        f: impl FnOnce(&mut Draft) -> Result<(), String>,
    ) -> Result<u64, String> {
        let mut loaded = self.load(id).map_err(|e| e.thai())?;
        f(&mut loaded.draft)?;
        self.save(id, &loaded.draft.display_name(), &loaded.draft, loaded.rev, now_ms).map_err(|e| e.thai())
    }

    /// Removes a draft; returns what is needed to undo it.
    pub fn delete(&self, id: &str) -> Option<Loaded> {
        let loaded = self.load(id).ok();
        self.kv.remove(&head_key(id));
        self.kv.remove(&slot_key(id, 0));
        self.kv.remove(&slot_key(id, 1));
        let mut list = self.list();
        list.retain(|m| m.id != id);
        let _ = self.write_index(&list);
        loaded
    }
}

/// An in-memory store for tests, able to fail on purpose.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub mod memory {
    use super::{KeyValue, StoreError};
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    #[derive(Default)]
    pub struct MemoryStore {
        pub map: RefCell<BTreeMap<String, String>>,
        /// Total bytes allowed (0: no limit).
        pub quota: Cell<usize>,
        /// Fail every write after this many more (simulates a crash mid-save).
        pub writes_left: Cell<Option<usize>>,
    }

    impl KeyValue for MemoryStore {
        fn get(&self, key: &str) -> Option<String> {
            self.map.borrow().get(key).cloned()
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            if let Some(n) = self.writes_left.get() {
                if n == 0 {
                    return Err(StoreError::Unavailable("crashed".into()));
                }
                self.writes_left.set(Some(n - 1));
            }
            let used: usize = self.map.borrow().iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
            if self.quota.get() > 0 && used + key.len() + value.len() > self.quota.get() {
                return Err(StoreError::QuotaExceeded);
            }
            self.map.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) {
            self.map.borrow_mut().remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.map.borrow().keys().cloned().collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::memory::MemoryStore;
    use super::*;

    fn draft(name: &str) -> Draft {
        let mut d = Draft::default();
        d.agency.name = name.into();
        d
    }

    #[test]
    fn saves_loads_lists_and_deletes() {
        let store = DraftStore::new(MemoryStore::default());
        let r1 = store.save("x", "ร่างแรก", &draft("หนองไฮ"), 0, 1.0).unwrap();
        let r2 = store.save("x", "ร่างแรก", &draft("หนองไฮ ๒"), r1, 2.0).unwrap();
        assert_eq!((r1, r2), (1, 2));
        assert_eq!(store.load("x").unwrap().draft.agency.name, "หนองไฮ ๒");
        store.save("y", "ร่างสอง", &draft("เขาสมอคอน"), 0, 3.0).unwrap();
        let names: Vec<String> = store.list().into_iter().map(|m| m.name).collect();
        assert_eq!(names, vec!["ร่างสอง", "ร่างแรก"]);
        let undo = store.delete("x").unwrap();
        assert_eq!(undo.draft.agency.name, "หนองไฮ ๒");
        assert!(store.load("x").is_err());
        assert_eq!(store.list().len(), 1);
    }

    #[test]
    fn refuses_to_overwrite_another_tabs_save() {
        let store = DraftStore::new(MemoryStore::default());
        let r1 = store.save("x", "n", &draft("a"), 0, 1.0).unwrap();
        // Tab B saves on top of r1.
        store.save("x", "n", &draft("from tab B"), r1, 2.0).unwrap();
        // Tab A still thinks it has r1.
        let err = store.save("x", "n", &draft("from tab A"), r1, 3.0).unwrap_err();
        assert_eq!(err, SaveError::Conflict { ours: 1, theirs: 2 });
        assert_eq!(store.load("x").unwrap().draft.agency.name, "from tab B");
        assert!(err.thai().contains("แท็บ"));
    }

    #[test]
    fn a_crash_mid_save_leaves_the_previous_version() {
        let store = DraftStore::new(MemoryStore::default());
        let r1 = store.save("x", "n", &draft("version 1"), 0, 1.0).unwrap();
        // The slot write succeeds, then everything fails (the page died before the switch).
        store.kv.writes_left.set(Some(1));
        assert!(store.save("x", "n", &draft("version 2"), r1, 2.0).is_err());
        store.kv.writes_left.set(None);
        let loaded = store.load("x").unwrap();
        assert_eq!(loaded.draft.agency.name, "version 1");
        assert_eq!(loaded.rev, r1);
        // A damaged current slot falls back to the other one.
        store.save("x", "n", &draft("version 2"), r1, 3.0).unwrap();
        let head = store.head("x").unwrap();
        store.kv.map.borrow_mut().insert(slot_key("x", head.slot), "{broken".into());
        assert_eq!(store.load("x").unwrap().draft.agency.name, "version 1");
    }

    #[test]
    fn full_storage_is_reported_and_keeps_the_old_version() {
        let store = DraftStore::new(MemoryStore::default());
        store.save("x", "n", &draft("small"), 0, 1.0).unwrap();
        store.kv.quota.set(store.kv.map.borrow().iter().map(|(k, v)| k.len() + v.len()).sum::<usize>() + 10);
        let big = draft(&"ก".repeat(10_000));
        assert_eq!(store.save("x", "n", &big, 1, 2.0), Err(SaveError::Store(StoreError::QuotaExceeded)));
        assert_eq!(store.load("x").unwrap().draft.agency.name, "small");
    }

    #[test]
    fn names_of_drafts_saved_before_schema_3_are_kept() {
        let store = DraftStore::new(MemoryStore::default());
        let mut v2 = serde_json::to_value(draft("หนองไฮ")).unwrap();
        v2["schema"] = 2.into();
        let stored = serde_json::json!({ "rev": 1, "saved_ms": 1.0, "name": "ร่างใหม่ ๑ ต.ค.", "draft": v2 });
        store.kv.set(&slot_key("x", 0), &stored.to_string()).unwrap();
        store.kv.set(&head_key("x"), r#"{"slot":0,"rev":1}"#).unwrap();
        let loaded = store.load("x").unwrap();
        assert_eq!(loaded.draft.title.as_deref(), Some("ร่างใหม่ ๑ ต.ค."));
        assert_eq!(loaded.draft.display_name(), "ร่างใหม่ ๑ ต.ค.");
    }

    #[test]
    fn a_stored_draft_is_updated_under_its_new_name() {
        let store = DraftStore::new(MemoryStore::default());
        store.save("x", "n", &draft("หนองไฮ"), 0, 1.0).unwrap();
        let rev = store
            .update("x", 2.0, |d| {
                d.title = Some("ร่างของฉัน".into());
                Ok(())
            })
            .unwrap();
        assert_eq!(rev, 2);
        assert_eq!(store.list()[0].name, "ร่างของฉัน");
        assert_eq!(store.update("x", 3.0, |_| Err("ไม่ได้".into())), Err("ไม่ได้".into()));
        assert_eq!(store.current_rev("x"), Some(2), "a failed change saves nothing");
        assert!(store.update("nope", 4.0, |_| Ok(())).is_err());
    }

    #[test]
    fn the_list_survives_a_lost_index() {
        let store = DraftStore::new(MemoryStore::default());
        store.save("x", "หนึ่ง", &draft("a"), 0, 1.0).unwrap();
        store.kv.remove(INDEX);
        assert_eq!(store.list()[0].name, "หนึ่ง");
    }
}
