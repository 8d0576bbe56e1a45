//! Saving the open draft: which draft this tab has open, a debounced save (typing never
//! writes to storage on the keystroke path), the revision a save starts from (a save from
//! another tab is detected and shown, never overwritten), and the copy the panic hook saves.

use super::clock::now_ms;
use crate::model::Draft;
use crate::storage::local::{Local, Session};
use crate::storage::{DraftStore, KeyValue, SaveError};
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;

/// How long typing must pause before the draft is saved.
const SAVE_DELAY: Duration = Duration::from_millis(700);
/// This tab's open draft (session storage: survives a reload, not shared with other tabs).
const TAB_DRAFT: &str = "prongsai.tab.draft";

pub fn store() -> DraftStore<Local> {
    DraftStore::new(Local)
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// Storage refused (full, private mode): the message, with an export button shown.
    Failed(String),
    /// Another tab saved this draft since we loaded it.
    Conflict,
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
pub struct Saving {
    draft: RwSignal<Draft>,
    pub draft_id: RwSignal<String>,
    rev: StoredValue<u64>,
    pub status: RwSignal<SaveStatus>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Saving {
    pub fn new(draft: RwSignal<Draft>) -> Self {
        Saving {
            draft,
            draft_id: RwSignal::new(String::new()),
            rev: StoredValue::new(0),
            status: RwSignal::new(SaveStatus::Saved),
            timer: StoredValue::new(None),
        }
    }

    /// The draft this tab had open before a reload.
    pub fn tab_draft() -> Option<String> {
        Session.get(TAB_DRAFT)
    }

    /// A draft was opened at revision `rev` (0: new, not stored yet).
    pub fn opened(&self, id: &str, rev: u64) {
        self.cancel_timer();
        let _ = Session.set(TAB_DRAFT, id);
        self.draft_id.set(id.to_string());
        keep_rescue(None);
        self.rev.set_value(rev);
        self.status.set(SaveStatus::Saved);
    }

    /// The draft changed: keep it for the panic hook and save it once typing pauses.
    pub fn changed(&self) {
        let (id, rev) = (self.draft_id.get_untracked(), self.rev.get_value());
        self.draft.with_untracked(|d| keep_rescue(Some(Rescue { id, rev, draft: d.clone() })));
        match self.status.get_untracked() {
            SaveStatus::Conflict => return,
            // The storage message (with its export button) stays up while the officer types;
            // the next save retries.
            SaveStatus::Failed(_) => {}
            _ => self.status.set(SaveStatus::Pending),
        }
        self.cancel_timer();
        let s = *self;
        self.timer.set_value(set_timeout_with_handle(move || s.save_now(), SAVE_DELAY).ok());
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
                self.status.set(SaveStatus::Saved);
                keep_rescue(None);
            }
            Err(SaveError::Conflict { .. }) => self.status.set(SaveStatus::Conflict),
            Err(e @ SaveError::Store(_)) => self.status.set(SaveStatus::Failed(e.thai())),
        }
    }

    /// Another tab saving this draft puts us in conflict at once (not only at our next
    /// save). With nothing unsaved here, `follow` is called: this tab shows the other's
    /// version.
    pub fn watch_other_tabs(&self, follow: impl Fn() + 'static) {
        let s = *self;
        let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            let id = s.draft_id.get_untracked();
            if e.key().is_some_and(|k| k == crate::storage::drafts::head_key(&id))
                && store().current_rev(&id).is_some_and(|r| r != s.rev.get_value())
            {
                let unsaved = s.timer.get_value().is_some() || s.status.get_untracked() != SaveStatus::Saved;
                if unsaved {
                    s.cancel_timer();
                    s.status.set(SaveStatus::Conflict);
                } else {
                    follow();
                }
            }
        });
        // The listener lives as long as the page.
        std::mem::forget(handle);
    }
}
