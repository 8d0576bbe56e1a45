//! The app's state: the draft being edited (one signal), where the officer is, and saving.
//!
//! Edits go through `AppState::edit`, which updates the draft and schedules a debounced
//! save: typing never writes to storage on the keystroke path. Saves name the revision they
//! started from, so a save from another tab is detected and shown, never overwritten.

use super::idb;
use crate::model::{validate, Draft, Problem};
use crate::storage::local::Local;
use crate::storage::{DraftStore, SaveError};
use leptos::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

/// How long typing must pause before the draft is saved.
const SAVE_DELAY: Duration = Duration::from_millis(700);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// Storage refused (full, private mode): the message, with an export button shown.
    Failed(String),
    /// Another tab saved this draft since we loaded it.
    Conflict,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Drafts,
    Wizard,
}

/// A short message at the bottom of the screen, optionally with an undo.
#[derive(Clone)]
pub struct Toast {
    pub text: String,
    pub undo: Option<Callback<()>>,
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A fresh id for a draft, a group, a measure or an image: prefix-time-random.
pub fn new_id(prefix: &str) -> String {
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{prefix}-{:x}-{r:x}", now_ms() as u64)
}

/// When an id made by `new_id` was made (ms since the epoch).
fn id_time(id: &str) -> Option<f64> {
    let mut parts = id.split('-');
    parts.next()?;
    u64::from_str_radix(parts.next()?, 16).ok().map(|t| t as f64)
}

/// Deletes stored images no draft refers to any more (deleted drafts, removed photos),
/// once they are a day old: a day leaves time to undo, and never races another tab that
/// has just stored an image its draft will refer to in a moment.
pub fn collect_garbage_images() {
    leptos::task::spawn_local(async {
        let Ok(keys) = idb::keys().await else { return };
        let store = DraftStore::new(Local);
        let mut used = HashSet::new();
        for meta in store.list() {
            match store.load(&meta.id) {
                Ok(l) => used.extend(l.draft.image_ids()),
                // A draft that cannot be read might still refer to images: keep everything.
                Err(_) => return,
            }
        }
        let day = 24.0 * 3600.0 * 1000.0;
        for id in keys {
            if !used.contains(&id) && id_time(&id).is_some_and(|t| now_ms() - t > day) {
                let _ = idb::delete(&id).await;
            }
        }
    });
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub draft: RwSignal<Draft>,
    pub draft_id: RwSignal<String>,
    pub draft_name: RwSignal<String>,
    rev: StoredValue<u64>,
    pub save: RwSignal<SaveStatus>,
    pub screen: RwSignal<Screen>,
    pub step: RwSignal<u8>,
    pub toast: RwSignal<Option<Toast>>,
    toast_serial: StoredValue<u64>,
    /// Fields the officer has left: their problems are shown inline.
    pub touched: RwSignal<HashSet<String>>,
    /// Show every field's problem (after following a link from the review step).
    pub show_all: RwSignal<bool>,
    pub problems: Memo<Vec<Problem>>,
    /// Image id → object URL for display (thumbnails, signatures, preview).
    pub image_urls: RwSignal<BTreeMap<String, String>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    pub fn new() -> Self {
        let draft = RwSignal::new(Draft::default());
        let st = AppState {
            draft,
            draft_id: RwSignal::new(String::new()),
            draft_name: RwSignal::new(String::new()),
            rev: StoredValue::new(0),
            save: RwSignal::new(SaveStatus::Saved),
            screen: RwSignal::new(Screen::Wizard),
            step: RwSignal::new(1),
            toast: RwSignal::new(None),
            toast_serial: StoredValue::new(0),
            touched: RwSignal::new(HashSet::new()),
            show_all: RwSignal::new(false),
            problems: Memo::new(move |_| draft.with(validate)),
            image_urls: RwSignal::new(BTreeMap::new()),
            timer: StoredValue::new(None),
        };
        st.open_latest();
        st.watch_other_tabs();
        collect_garbage_images();
        st
    }

    fn store() -> DraftStore<Local> {
        DraftStore::new(Local)
    }

    /// Opens the most recent draft, or starts on the example report.
    fn open_latest(&self) {
        let latest = Self::store().list().into_iter().find_map(|m| Self::store().load(&m.id).ok().map(|l| (m.id, l)));
        match latest {
            Some((id, loaded)) => self.show(id, loaded.name, loaded.draft, loaded.rev),
            None => {
                let d = crate::catalog::example::example_draft();
                self.create(d, "ตัวอย่าง: อบต.เขาสมอคอน".into());
            }
        }
    }

    fn show(&self, id: String, name: String, draft: Draft, rev: u64) {
        self.draft_id.set(id);
        self.draft_name.set(name);
        self.draft.set(draft);
        self.rev.set_value(rev);
        self.save.set(SaveStatus::Saved);
        self.touched.set(HashSet::new());
        self.show_all.set(false);
        self.load_image_urls();
    }

    /// Starts a new draft from `draft` and saves it at once.
    pub fn create(&self, draft: Draft, name: String) {
        self.cancel_timer();
        self.show(new_id("d"), name, draft, 0);
        self.save_now();
    }

    pub fn open(&self, id: &str) {
        self.flush();
        match Self::store().load(id) {
            Ok(l) => {
                self.show(id.to_string(), l.name, l.draft, l.rev);
                self.screen.set(Screen::Wizard);
            }
            Err(e) => self.say(e.thai()),
        }
    }

    /// Changes the draft and schedules a save.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
        self.schedule_save();
    }

    pub fn schedule_save(&self) {
        if self.save.get_untracked() == SaveStatus::Conflict {
            return;
        }
        self.save.set(SaveStatus::Pending);
        self.cancel_timer();
        let st = *self;
        self.timer.set_value(set_timeout_with_handle(move || st.save_now(), SAVE_DELAY).ok());
    }

    fn cancel_timer(&self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        self.timer.set_value(None);
    }

    /// Saves a pending change now (before switching drafts, exporting, leaving).
    pub fn flush(&self) {
        if self.save.get_untracked() == SaveStatus::Pending {
            self.cancel_timer();
            self.save_now();
        }
    }

    pub fn save_now(&self) {
        let id = self.draft_id.get_untracked();
        let name = self.draft_name.get_untracked();
        let result = self.draft.with_untracked(|d| Self::store().save(&id, &name, d, self.rev.get_value(), now_ms()));
        match result {
            Ok(rev) => {
                self.rev.set_value(rev);
                self.save.set(SaveStatus::Saved);
            }
            Err(SaveError::Conflict { .. }) => self.save.set(SaveStatus::Conflict),
            Err(e @ SaveError::Store(_)) => self.save.set(SaveStatus::Failed(e.thai())),
        }
    }

    /// Another tab saving this draft puts us in conflict at once (not only at our next save).
    fn watch_other_tabs(&self) {
        let st = *self;
        let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            let id = st.draft_id.get_untracked();
            if e.key().is_some_and(|k| k == format!("prongsai.draft.{id}.head"))
                && Self::store().current_rev(&id).is_some_and(|r| r != st.rev.get_value())
            {
                st.cancel_timer();
                st.save.set(SaveStatus::Conflict);
            }
        });
        // The listener lives as long as the page.
        std::mem::forget(handle);
    }

    /// Conflict resolution: take the other tab's version.
    pub fn reload_latest(&self) {
        let id = self.draft_id.get_untracked();
        if let Ok(l) = Self::store().load(&id) {
            self.show(id, l.name, l.draft, l.rev);
        }
    }

    /// Conflict resolution: keep this tab's version as a new draft.
    pub fn save_as_copy(&self) {
        let d = self.draft.get_untracked();
        let name = format!("{} (สำเนาจากแท็บนี้)", self.draft_name.get_untracked());
        self.create(d, name);
        self.say("บันทึกฉบับในแท็บนี้เป็นร่างใหม่แล้ว".into());
    }

    pub fn say(&self, text: String) {
        self.show_toast(Toast { text, undo: None }, Duration::from_secs(5));
    }

    /// A message with an undo button, for long enough to change one's mind.
    pub fn say_with_undo(&self, text: String, undo: Callback<()>) {
        self.show_toast(Toast { text, undo: Some(undo) }, Duration::from_secs(10));
    }

    fn show_toast(&self, toast: Toast, for_how_long: Duration) {
        let serial = self.toast_serial.get_value() + 1;
        self.toast_serial.set_value(serial);
        self.toast.set(Some(toast));
        let st = *self;
        // Only the newest message is dismissed by its own timer.
        set_timeout(
            move || {
                if st.toast_serial.get_value() == serial {
                    st.toast.set(None);
                }
            },
            for_how_long,
        );
    }

    /// Stores image bytes (IndexedDB) under a new id and shows them; when the browser refuses,
    /// says why in Thai and gives `None`.
    pub async fn keep_image(&self, prefix: &str, bytes: &[u8], mime: &str) -> Option<String> {
        let id = new_id(prefix);
        if let Err(e) = idb::put(&id, bytes).await {
            self.say(idb::thai_error(&e));
            return None;
        }
        self.image_urls.update(|u| {
            u.insert(id.clone(), super::download::object_url(bytes, mime));
        });
        Some(id)
    }

    /// Object URLs for the draft's images, for thumbnails and the preview.
    pub fn load_image_urls(&self) {
        let st = *self;
        let ids = self.draft.with_untracked(Draft::image_ids);
        leptos::task::spawn_local(async move {
            let mut urls = BTreeMap::new();
            for id in ids {
                if let Some(url) = st.image_urls.with_untracked(|u| u.get(&id).cloned()) {
                    urls.insert(id, url);
                } else if let Ok(Some(bytes)) = idb::get(&id).await {
                    urls.insert(id, super::download::object_url(&bytes, super::steps::photos::mime_of(&bytes)));
                }
            }
            st.image_urls.set(urls);
        });
    }

    /// The problems for one field (shown once it was touched, or after the review step).
    pub fn problem_for(&self, field: &str) -> Option<String> {
        let visible = self.show_all.get() || self.touched.with(|t| t.contains(field));
        if !visible {
            return None;
        }
        self.problems.with(|ps| ps.iter().find(|p| p.field == field).map(|p| p.message.clone()))
    }

    pub fn touch(&self, field: &str) {
        if !self.touched.with_untracked(|t| t.contains(field)) {
            self.touched.update(|t| {
                t.insert(field.to_string());
            });
        }
    }
}

/// The HTML id of the input for a model field (`agency.name` → `f-agency-name`).
pub fn field_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}
