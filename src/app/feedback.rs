//! What the officer is told about fields: problems (shown once a field was left, at once for
//! typed text that is not a value, everywhere after following a link from the review step)
//! and notes under a field after the app changed what was typed.

use crate::model::{validate, Draft, FieldPath, Problem};
use leptos::prelude::*;
use std::collections::{BTreeMap, HashSet};

#[derive(Clone, Copy)]
pub struct Feedback {
    pub problems: Memo<Vec<Problem>>,
    /// Fields holding typed text that is not a value (a memo: it changes far less often
    /// than the draft, and every field's problem display reads it).
    unparsed: Memo<HashSet<FieldPath>>,
    /// Fields the officer has left: their problems are shown inline.
    touched: RwSignal<HashSet<FieldPath>>,
    /// Show every field's problem (after following a link from the review step).
    pub show_all: RwSignal<bool>,
    /// A short note under a field after the app changed what was typed (a ค.ศ. year).
    pub notes: RwSignal<BTreeMap<FieldPath, String>>,
}

impl Feedback {
    pub fn new(draft: RwSignal<Draft>) -> Self {
        Feedback {
            problems: Memo::new(move |_| draft.with(validate)),
            unparsed: Memo::new(move |_| draft.with(|d| d.unparsed.keys().cloned().collect())),
            touched: RwSignal::new(HashSet::new()),
            show_all: RwSignal::new(false),
            notes: RwSignal::new(BTreeMap::new()),
        }
    }

    /// Another draft is shown: nothing was visited or noted in it yet.
    pub fn reset(&self) {
        self.touched.set(HashSet::new());
        self.notes.set(BTreeMap::new());
        self.show_all.set(false);
    }

    /// The problem of one field, when it is to be shown.
    pub fn problem_for(&self, field: &FieldPath) -> Option<String> {
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
}
