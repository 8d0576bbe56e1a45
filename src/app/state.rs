//! The app's state: the draft being edited and the small parts around it — which draft is
//! open and its saving (`saving`), what fields show about themselves (`feedback`), messages
//! and the pending undo (`toasts`), images on screen (`images`), per-field change triggers
//! (`field_triggers`) — and the editing operations that tie them together.
//!
//! Edits go through `type_into` (a keystroke in one field: only that field re-renders) or
//! `edit` (anything else: every field reads again); both schedule a debounced save.
//!
//! Everything here is owned by the app's root, so closures that outlive a step's view
//! (toasts, timers, async work) may use it; a step's own signals must not be touched from
//! such closures.

use super::feedback::Feedback;
use super::field_triggers::FieldTriggers;
use super::images::{self, Images};
use super::route::Route;
use super::saving::{store, Saving};
use super::toasts::Toasts;
use crate::model::path::AgencyField;
use crate::model::{Draft, FieldPath, Removed, Stale};
use crate::storage::local::Session;
use crate::storage::undo::{self, UndoAction};
use leptos::prelude::*;
use std::collections::{BTreeMap, HashSet};

pub use super::clock::{new_id, now_ms, today};

#[derive(Clone, Copy)]
pub struct AppState {
    /// The draft. Fields do not follow it as a whole: they read through `field`, which
    /// re-runs them only when their own path changes.
    pub draft: RwSignal<Draft>,
    fields: FieldTriggers,
    pub saving: Saving,
    pub feedback: Feedback,
    pub toasts: Toasts,
    pub images: Images,
    pub route: RwSignal<Route>,
    pub stale: Memo<Vec<Stale>>,
    pub name: Memo<String>,
    /// The wording the app proposes for each proposed field (recomputed only while such a
    /// field is shown; a field re-renders only when its own proposal changes).
    pub proposals: Memo<BTreeMap<FieldPath, String>>,
    /// Which measure cards are open in step ๔.
    pub outline: super::outline::Outline,
    /// A fact (agency name, year…) is being typed: stale wording waits until it is committed,
    /// rather than offering to write in a half-typed name.
    pub typing_fact: RwSignal<bool>,
}

impl AppState {
    pub fn new() -> Self {
        let draft = RwSignal::new(Draft::default());
        let st = AppState {
            draft,
            fields: FieldTriggers::new(),
            saving: Saving::new(draft),
            feedback: Feedback::new(draft),
            toasts: Toasts::new(),
            images: Images::new(),
            route: RwSignal::new(Route::current()),
            stale: Memo::new(move |_| draft.with(Draft::stale)),
            name: Memo::new(move |_| draft.with(Draft::display_name)),
            proposals: Memo::new(move |_| draft.with(crate::catalog::wording::proposals)),
            typing_fact: RwSignal::new(false),
            outline: super::outline::Outline::new(),
        };
        st.open_first();
        st.saving.watch_other_tabs(move || {
            st.reload_latest();
            st.toasts.say("แสดงฉบับล่าสุดที่แก้ไขจากแท็บอื่นแล้ว".into());
        });
        // After the first paint: it reads every stored draft.
        leptos::task::spawn_local(async { images::collect_garbage(images_in_use()).await });
        st
    }

    /// Opens this tab's draft (after a reload), else the most recent one, else the example.
    fn open_first(&self) {
        let mine = Saving::tab_draft().and_then(|id| store().load(&id).ok().map(|l| (id, l)));
        let latest = || store().list().into_iter().find_map(|m| store().load(&m.id).ok().map(|l| (m.id, l)));
        match mine.or_else(latest) {
            Some((id, loaded)) => self.show(id, loaded.draft, loaded.rev),
            None => self.create(crate::catalog::example::example_draft()),
        }
    }

    fn show(&self, id: String, mut draft: Draft, rev: u64) {
        draft.settle();
        self.saving.opened(&id, rev);
        self.images.show(draft.image_ids());
        self.draft.set(draft);
        self.fields.changed_all();
        self.feedback.reset();
    }

    /// Starts a new draft from `draft` and saves it at once.
    pub fn create(&self, draft: Draft) {
        self.show(new_id("d"), draft, 0);
        self.saving.save_now();
    }

    pub fn open(&self, id: &str) {
        self.saving.flush();
        match store().load(id) {
            Ok(l) => self.show(id.to_string(), l.draft, l.rev),
            Err(e) => self.toasts.say(e.thai()),
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
        self.saving.changed();
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
            self.feedback.note(&FieldPath::Agency(AgencyField::Name), n);
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
            let draft_id = self.saving.draft_id.get_untracked();
            self.toasts.offer_undo(message, UndoAction::Edit { draft_id, removed: Box::new(removed) });
        }
    }

    /// Stores image bytes and shows them; says why in Thai and gives `None` when the
    /// browser refuses.
    pub async fn keep_image(&self, prefix: &str, bytes: &[u8], mime: &str) -> Option<String> {
        match self.images.keep(prefix, bytes, mime).await {
            Ok(id) => Some(id),
            Err(e) => {
                self.toasts.say(e);
                None
            }
        }
    }

    /// Puts back what the pending undo names.
    pub fn undo(&self) {
        let Some(p) = undo::pending(&Session, now_ms()) else {
            self.toasts.say("หมดเวลาเลิกทำแล้ว".into());
            return;
        };
        undo::forget(&Session);
        self.toasts.current.set(None);
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
                self.saving.status.notify();
                self.toasts.say("เลิกทำแล้ว".into());
            }
            Err(e) => self.toasts.say(e),
        }
    }

    fn undo_one(&self, action: UndoAction) -> Result<(), String> {
        match action {
            UndoAction::Edit { draft_id, removed } if draft_id == self.saving.draft_id.get_untracked() => {
                let mut result = Ok(());
                self.edit(|d| {
                    result = d.restore(*removed).map_err(|e| e.thai());
                    d.settle();
                });
                result
            }
            UndoAction::Edit { draft_id, removed } => {
                // The draft is no longer open here: put it back in storage.
                self.saving.flush();
                store().update(&draft_id, now_ms(), |d| d.restore(*removed).map_err(|e| e.thai())).map(|_| ())
            }
            UndoAction::Draft { draft_id, name, draft } => {
                store().save(&draft_id, &name, &draft, 0, now_ms()).map(|_| ()).map_err(|e| e.thai())
            }
        }
    }

    /// Conflict resolution: take the other tab's version.
    pub fn reload_latest(&self) {
        let id = self.saving.draft_id.get_untracked();
        if let Ok(l) = store().load(&id) {
            self.show(id, l.draft, l.rev);
        }
    }

    /// Conflict resolution: keep this tab's version as a new draft.
    pub fn save_as_copy(&self) {
        let mut d = self.draft.get_untracked();
        d.title = Some(format!("{} (สำเนาจากแท็บนี้)", d.display_name()));
        self.create(d);
        self.toasts.say("บันทึกฉบับในแท็บนี้เป็นร่างใหม่แล้ว".into());
    }

    /// Goes to a step or the drafts list, as a new browser history entry.
    pub fn go(&self, to: Route) {
        self.saving.flush();
        self.toasts.leave();
        if self.route.get_untracked() != to {
            to.push();
            self.route.set(to);
        }
        super::route::top_and_focus();
    }
}

/// The images every stored draft refers to; `None` when a draft cannot be read (it might
/// refer to any).
fn images_in_use() -> Option<HashSet<String>> {
    let store = store();
    let mut used = HashSet::new();
    for meta in store.list() {
        used.extend(store.load(&meta.id).ok()?.draft.image_ids());
    }
    Some(used)
}

/// The HTML id of the input for a model field (`agency.name` → `f-agency-name`).
pub fn field_id(path: &FieldPath) -> String {
    format!("f-{}", path.to_string().replace('.', "-"))
}
