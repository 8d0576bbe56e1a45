//! The app's state: the draft being edited (one signal), where the officer is, saving,
//! messages and the pending undo.
//!
//! Edits go through `AppState::edit`, which updates the draft and schedules a debounced
//! save: typing never writes to storage on the keystroke path. Saves name the revision they
//! started from, so a save from another tab is detected and shown, never overwritten.
//!
//! Everything here is owned by the app's root, so closures that outlive a step's view
//! (toasts, timers, async work) may use it; a step's own signals must not be touched from
//! such closures.

use super::field_triggers::FieldTriggers;
use super::idb;
use super::route::Route;
use crate::model::{validate, Draft, FieldPath, Problem, Removed, Stale};
use crate::storage::local::{Local, Session};
use crate::storage::undo::{self, UndoAction};
use crate::storage::{DraftStore, KeyValue, SaveError};
use crate::thai::BeDate;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

/// How long typing must pause before the draft is saved.
const SAVE_DELAY: Duration = Duration::from_millis(700);
/// How long an undo is offered.
const UNDO_FOR: Duration = Duration::from_secs(10);
/// This tab's open draft (session storage: survives a reload, not shared with other tabs).
const TAB_DRAFT: &str = "prongsai.tab.draft";

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// Storage refused (full, private mode): the message, with an export button shown.
    Failed(String),
    /// Another tab saved this draft since we loaded it.
    Conflict,
}

/// A short message at the bottom of the screen; `undo` shows เลิกทำ for the pending undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub undo: bool,
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's date in the Buddhist era (the browser's local time).
pub fn today() -> BeDate {
    let d = js_sys::Date::new_0();
    BeDate { year: d.get_full_year() as u16 + 543, month: d.get_month() as u8 + 1, day: d.get_date() as u8 }
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

pub fn store() -> DraftStore<Local> {
    DraftStore::new(Local)
}

/// Deletes stored images no draft refers to any more (deleted drafts, removed photos),
/// once they are a day old: a day leaves time to undo, and never races another tab that
/// has just stored an image its draft will refer to in a moment.
pub fn collect_garbage_images() {
    leptos::task::spawn_local(async {
        let Ok(keys) = idb::keys().await else { return };
        let store = store();
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

/// The latest edited draft, outside the reactive system, for the panic hook to save even
/// when the panic happened inside a signal update.
pub struct Rescue {
    pub id: String,
    pub rev: u64,
    pub draft: Draft,
}

thread_local! {
    pub static RESCUE: RefCell<Option<Rescue>> = const { RefCell::new(None) };
}

/// Replaces what the panic hook would save (never blocks: a hook mid-read wins).
fn keep_rescue(rescue: Option<Rescue>) {
    RESCUE.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            *r = rescue;
        }
    });
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The draft. Fields do not follow it as a whole: they read through `field`, which
    /// re-runs them only when their own path changes.
    pub draft: RwSignal<Draft>,
    fields: FieldTriggers,
    pub draft_id: RwSignal<String>,
    rev: StoredValue<u64>,
    pub save: RwSignal<SaveStatus>,
    pub route: RwSignal<Route>,
    pub toast: RwSignal<Option<Toast>>,
    toast_serial: StoredValue<u64>,
    /// Fields the officer has left: their problems are shown inline.
    pub touched: RwSignal<HashSet<FieldPath>>,
    /// Show every field's problem (after following a link from the review step).
    pub show_all: RwSignal<bool>,
    pub problems: Memo<Vec<Problem>>,
    /// Fields holding typed text that is not a value (a memo: it changes far less often
    /// than the draft, and every field's problem display reads it).
    unparsed: Memo<HashSet<FieldPath>>,
    pub stale: Memo<Vec<Stale>>,
    pub name: Memo<String>,
    /// The wording the app proposes for each proposed field (recomputed only while such a
    /// field is shown; a field re-renders only when its own proposal changes).
    pub proposals: Memo<BTreeMap<FieldPath, String>>,
    /// A short note under a field after the app changed what was typed (a ค.ศ. year).
    pub notes: RwSignal<BTreeMap<FieldPath, String>>,
    /// A fact (agency name, year…) is being typed: stale wording waits until it is committed,
    /// rather than offering to write in a half-typed name.
    pub typing_fact: RwSignal<bool>,
    /// Image id → object URL for display (thumbnails, signatures, preview).
    pub image_urls: RwSignal<BTreeMap<String, String>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    pub fn new() -> Self {
        let draft = RwSignal::new(Draft::default());
        let st = AppState {
            draft,
            fields: FieldTriggers::new(),
            draft_id: RwSignal::new(String::new()),
            rev: StoredValue::new(0),
            save: RwSignal::new(SaveStatus::Saved),
            route: RwSignal::new(Route::current()),
            toast: RwSignal::new(None),
            toast_serial: StoredValue::new(0),
            touched: RwSignal::new(HashSet::new()),
            show_all: RwSignal::new(false),
            problems: Memo::new(move |_| draft.with(validate)),
            unparsed: Memo::new(move |_| draft.with(|d| d.unparsed.keys().cloned().collect())),
            stale: Memo::new(move |_| draft.with(Draft::stale)),
            name: Memo::new(move |_| draft.with(Draft::display_name)),
            proposals: Memo::new(move |_| draft.with(crate::catalog::wording::proposals)),
            notes: RwSignal::new(BTreeMap::new()),
            typing_fact: RwSignal::new(false),
            image_urls: RwSignal::new(BTreeMap::new()),
            timer: StoredValue::new(None),
        };
        st.open_first();
        st.watch_other_tabs();
        st.offer_pending_undo();
        collect_garbage_images();
        st
    }

    /// Opens this tab's draft (after a reload), else the most recent one, else the example.
    fn open_first(&self) {
        let mine = Session.get(TAB_DRAFT).and_then(|id| store().load(&id).ok().map(|l| (id, l)));
        let latest = || store().list().into_iter().find_map(|m| store().load(&m.id).ok().map(|l| (m.id, l)));
        match mine.or_else(latest) {
            Some((id, loaded)) => self.show(id, loaded.draft, loaded.rev),
            None => self.create(crate::catalog::example::example_draft()),
        }
    }

    fn show(&self, id: String, mut draft: Draft, rev: u64) {
        draft.settle();
        let _ = Session.set(TAB_DRAFT, &id);
        self.draft_id.set(id.clone());
        keep_rescue(None);
        self.draft.set(draft);
        self.fields.changed_all();
        self.rev.set_value(rev);
        self.save.set(SaveStatus::Saved);
        self.touched.set(HashSet::new());
        self.notes.set(BTreeMap::new());
        self.show_all.set(false);
        self.load_image_urls();
    }

    /// Starts a new draft from `draft` and saves it at once.
    pub fn create(&self, draft: Draft) {
        self.cancel_timer();
        self.show(new_id("d"), draft, 0);
        self.save_now();
    }

    pub fn open(&self, id: &str) {
        self.flush();
        match store().load(id) {
            Ok(l) => self.show(id.to_string(), l.draft, l.rev),
            Err(e) => self.say(e.thai()),
        }
    }

    /// Reads a field; the calling closure re-runs when that field (or the draft's shape)
    /// changes, not when another field does.
    pub fn field<R>(&self, path: &FieldPath, f: impl FnOnce(&Draft) -> R) -> R {
        self.fields.track(path);
        self.draft.with_untracked(f)
    }

    /// Reads several fields (a line that shows what they add up to).
    pub fn fields<R>(&self, paths: &[FieldPath], f: impl FnOnce(&Draft) -> R) -> R {
        paths.iter().for_each(|p| self.fields.track(p));
        self.draft.with_untracked(f)
    }

    /// Reads what only a change of the draft's shape alters (ids, counts, who signs).
    pub fn shape<R>(&self, f: impl FnOnce(&Draft) -> R) -> R {
        self.fields.track_shape();
        self.draft.with_untracked(f)
    }

    /// Changes the draft and schedules a save; the app-wide memos follow, fields do not.
    fn apply(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
        let (id, rev) = (self.draft_id.get_untracked(), self.rev.get_value());
        self.draft.with_untracked(|d| keep_rescue(Some(Rescue { id, rev, draft: d.clone() })));
        self.schedule_save();
    }

    /// Changes anything in the draft (a measure added, moved, restored): every field reads
    /// again.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.apply(f);
        self.fields.changed_all();
    }

    /// A keystroke in the field at `path`: only that field re-renders (every field when the
    /// path moves others too). When it changes a fact (the agency's name, a year…) stale
    /// wording is held back until the field is committed.
    pub fn type_into(&self, path: &FieldPath, f: impl FnOnce(&mut Draft)) {
        let mut fact_changed = false;
        self.apply(|d| {
            let before = d.facts();
            f(d);
            fact_changed = d.facts() != before;
        });
        if path.writes_others() {
            self.fields.changed_all();
        } else {
            self.fields.changed(path);
        }
        if fact_changed && !self.typing_fact.get_untracked() {
            self.typing_fact.set(true);
        }
    }

    /// A finished change (a field left, a button pressed): the agency name is tidied and
    /// the facts the officer's texts are checked against move on where nothing mentions
    /// the old value.
    pub fn commit(&self) {
        if self.typing_fact.get_untracked() {
            self.typing_fact.set(false);
        }
        let needed = self.draft.with_untracked(Draft::needs_commit);
        if !needed {
            return;
        }
        let mut note = None;
        self.edit(|d| {
            note = d.tidy_agency_name();
            d.settle();
        });
        if let Some(n) = note {
            self.note(&FieldPath::Agency(crate::model::path::AgencyField::Name), n);
        }
    }

    /// Shows `text` under the field at `path` until it is next edited.
    pub fn note(&self, path: &FieldPath, text: String) {
        self.notes.update(|n| {
            n.insert(path.clone(), text);
        });
    }

    pub fn clear_note(&self, path: &FieldPath) {
        if self.notes.with_untracked(|n| n.contains_key(path)) {
            self.notes.update(|n| {
                n.remove(path);
            });
        }
    }

    /// Takes something out of the draft with `f` and offers to undo it.
    pub fn remove(&self, f: impl FnOnce(&mut Draft) -> Option<Removed>) {
        let mut removed = None;
        self.edit(|d| {
            removed = f(d);
            d.settle();
        });
        if let Some(removed) = removed {
            let message = removed.thai();
            let draft_id = self.draft_id.get_untracked();
            self.offer_undo(message, UndoAction::Edit { draft_id, removed: Box::new(removed) });
        }
    }

    /// Adds `action` to the pending undo (also kept across a reload) and says what was done.
    pub fn offer_undo(&self, message: String, action: UndoAction) {
        let pending = undo::add(&Session, message, action, now_ms(), now_ms() + UNDO_FOR.as_millis() as f64);
        self.show_toast(Toast { text: pending.message, undo: true }, UNDO_FOR);
    }

    /// After a reload: the undo that was on screen is offered again for the time it had left.
    fn offer_pending_undo(&self) {
        if let Some(p) = undo::pending(&Session, now_ms()) {
            let left = Duration::from_millis((p.until_ms - now_ms()).max(1000.0) as u64);
            self.show_toast(Toast { text: p.message, undo: true }, left);
        }
    }

    /// Puts back what the pending undo names.
    pub fn undo(&self) {
        let Some(p) = undo::pending(&Session, now_ms()) else {
            self.say("หมดเวลาเลิกทำแล้ว".into());
            return;
        };
        undo::forget(&Session);
        self.toast.set(None);
        // Newest first, so positions recorded by later removals are still right.
        let mut result = Ok(());
        for action in p.actions.into_iter().rev() {
            if let Err(e) = self.undo_one(action) {
                result = Err(e);
            }
        }
        match result {
            Ok(()) => {
                // The drafts list reads storage: let it know.
                self.save.notify();
                self.say("เลิกทำแล้ว".into());
            }
            Err(e) => self.say(e),
        }
    }

    fn undo_one(&self, action: UndoAction) -> Result<(), String> {
        match action {
            UndoAction::Edit { draft_id, removed } if draft_id == self.draft_id.get_untracked() => {
                let mut result = Ok(());
                self.edit(|d| {
                    result = d.restore(*removed).map_err(|e| e.thai());
                    d.settle();
                });
                result
            }
            UndoAction::Edit { draft_id, removed } => {
                // The draft is no longer open here: put it back in storage.
                self.flush();
                store().update(&draft_id, now_ms(), |d| d.restore(*removed).map_err(|e| e.thai())).map(|_| ())
            }
            UndoAction::Draft { draft_id, name, draft } => {
                store().save(&draft_id, &name, &draft, 0, now_ms()).map(|_| ()).map_err(|e| e.thai())
            }
        }
    }

    pub fn schedule_save(&self) {
        match self.save.get_untracked() {
            SaveStatus::Conflict => return,
            // The storage message (with its export button) stays up while the officer types;
            // the next save retries.
            SaveStatus::Failed(_) => {}
            _ => self.save.set(SaveStatus::Pending),
        }
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
        if self.timer.get_value().is_some() {
            self.cancel_timer();
            self.save_now();
        }
    }

    pub fn save_now(&self) {
        self.cancel_timer();
        let id = self.draft_id.get_untracked();
        let result =
            self.draft.with_untracked(|d| store().save(&id, &d.display_name(), d, self.rev.get_value(), now_ms()));
        match result {
            Ok(rev) => {
                self.rev.set_value(rev);
                self.save.set(SaveStatus::Saved);
                keep_rescue(None);
            }
            Err(SaveError::Conflict { .. }) => self.save.set(SaveStatus::Conflict),
            Err(e @ SaveError::Store(_)) => self.save.set(SaveStatus::Failed(e.thai())),
        }
    }

    /// Another tab saving this draft puts us in conflict at once (not only at our next save).
    /// With nothing unsaved here, this tab simply follows: it shows the other tab's version.
    fn watch_other_tabs(&self) {
        let st = *self;
        let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            let id = st.draft_id.get_untracked();
            if e.key().is_some_and(|k| k == crate::storage::drafts::head_key(&id))
                && store().current_rev(&id).is_some_and(|r| r != st.rev.get_value())
            {
                let unsaved = st.timer.get_value().is_some() || st.save.get_untracked() != SaveStatus::Saved;
                if unsaved {
                    st.cancel_timer();
                    st.save.set(SaveStatus::Conflict);
                } else {
                    st.reload_latest();
                    st.say("แสดงฉบับล่าสุดที่แก้ไขจากแท็บอื่นแล้ว".into());
                }
            }
        });
        // The listener lives as long as the page.
        std::mem::forget(handle);
    }

    /// Conflict resolution: take the other tab's version.
    pub fn reload_latest(&self) {
        let id = self.draft_id.get_untracked();
        if let Ok(l) = store().load(&id) {
            self.show(id, l.draft, l.rev);
        }
    }

    /// Conflict resolution: keep this tab's version as a new draft.
    pub fn save_as_copy(&self) {
        let mut d = self.draft.get_untracked();
        d.title = Some(format!("{} (สำเนาจากแท็บนี้)", d.display_name()));
        self.create(d);
        self.say("บันทึกฉบับในแท็บนี้เป็นร่างใหม่แล้ว".into());
    }

    pub fn say(&self, text: String) {
        self.show_toast(Toast { text, undo: false }, Duration::from_secs(5));
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

    /// Object URLs for the draft's images, for thumbnails and the preview. URLs of images
    /// the draft no longer shows are revoked.
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
            st.image_urls.update(|old| {
                for (id, url) in old.iter() {
                    if !urls.contains_key(id) {
                        let _ = web_sys::Url::revoke_object_url(url);
                    }
                }
                *old = urls;
            });
        });
    }

    /// The problems for one field (shown once it was touched, or after the review step).
    pub fn problem_for(&self, field: &FieldPath) -> Option<String> {
        // Text the officer typed that is not a value is flagged at once, also after a reload.
        let visible = self.show_all.get()
            || self.touched.with(|t| t.contains(field))
            || self.unparsed.with(|u| u.contains(field));
        if !visible {
            return None;
        }
        self.problems.with(|ps| ps.iter().find(|p| p.field == *field).map(|p| p.message.clone()))
    }

    pub fn touch(&self, field: &FieldPath) {
        if !self.touched.with_untracked(|t| t.contains(field)) {
            self.touched.update(|t| {
                t.insert(field.clone());
            });
        }
    }

    /// Goes to a step or the drafts list, as a new browser history entry.
    pub fn go(&self, to: Route) {
        self.flush();
        self.toast.update(|t| {
            // A pending undo stays on screen; other messages belong to the step left.
            if t.as_ref().is_some_and(|t| !t.undo) {
                *t = None;
            }
        });
        if self.route.get_untracked() != to {
            to.push();
            self.route.set(to);
        }
        super::route::top_and_focus();
    }
}

/// The HTML id of the input for a model field (`agency.name` → `f-agency-name`).
pub fn field_id(path: &FieldPath) -> String {
    format!("f-{}", path.to_string().replace('.', "-"))
}
