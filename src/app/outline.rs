//! Which measure cards of step ๔ show their fields. A long list (real reports have 30 and
//! more measures) starts folded to one line per measure, so the step reads as an overview;
//! a short one starts open. Decided when the step is shown, so cards never fold under the
//! officer's hands as measures are added; the officer's own choice per card is kept while
//! the tab lives.

use crate::model::FieldPath;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// From this many measures, cards start folded.
pub const FOLD_FROM: usize = 20;

#[derive(Clone, Copy)]
pub struct Outline {
    /// Cards the officer opened (true) or folded (false); others follow `FOLD_FROM`.
    chosen: RwSignal<BTreeMap<String, bool>>,
    /// Whether cards nobody chose for are open: decided by `start`.
    open_by_default: RwSignal<bool>,
}

impl Outline {
    pub fn new() -> Self {
        Outline { chosen: RwSignal::new(BTreeMap::new()), open_by_default: RwSignal::new(true) }
    }

    /// The step is shown with `count` measures: a long list starts folded.
    pub fn start(&self, count: usize) {
        self.open_by_default.set(count < FOLD_FROM);
    }

    /// Whether the card of measure `id` is open (tracked).
    pub fn is_open(&self, id: &str) -> bool {
        self.chosen.with(|c| c.get(id).copied()).unwrap_or_else(|| self.open_by_default.get())
    }

    pub fn set(&self, id: &str, open: bool) {
        self.chosen.update(|c| {
            c.insert(id.to_string(), open);
        });
    }

    pub fn set_all(&self, ids: impl IntoIterator<Item = String>, open: bool) {
        self.chosen.update(|c| c.extend(ids.into_iter().map(|id| (id, open))));
    }

    /// Opens the card that holds `path`, so a link to the field finds it.
    pub fn reveal(&self, path: &FieldPath) {
        if let FieldPath::Measure(id, _) = path {
            self.set(id, true);
        }
    }
}
