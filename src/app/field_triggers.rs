//! One change trigger per field path, so a field's view re-runs when that field changes and
//! not on a keystroke elsewhere in the draft (the draft itself is one signal, which only the
//! app-wide memos — problems, stale texts, the name — follow). Changes to the draft's shape
//! (a measure added or moved, another draft opened, an undo) notify every field at once.
//!
//! Each tracked read is counted per path (`runs`), so a test can see which fields' closures
//! ran while the officer typed.

use crate::model::FieldPath;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

thread_local! {
    static RUNS: RefCell<BTreeMap<String, u32>> = const { RefCell::new(BTreeMap::new()) };
}

/// What ran since the last `take_runs`: tracked reads by path ("(shape)" for the shape).
pub fn take_runs() -> BTreeMap<String, u32> {
    RUNS.with(|r| std::mem::take(&mut *r.borrow_mut()))
}

fn count(what: impl FnOnce() -> String) {
    RUNS.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            *r.entry(what()).or_default() += 1;
        }
    });
}

#[derive(Clone, Copy)]
pub struct FieldTriggers {
    by_path: StoredValue<HashMap<FieldPath, ArcTrigger>>,
    shape: Trigger,
}

impl FieldTriggers {
    pub fn new() -> Self {
        FieldTriggers { by_path: StoredValue::new(HashMap::new()), shape: Trigger::new() }
    }

    /// Subscribes the running closure to `path` and to shape changes.
    pub fn track(&self, path: &FieldPath) {
        self.shape.track();
        let trigger = self.by_path.try_update_value(|m| m.entry(path.clone()).or_insert_with(ArcTrigger::new).clone());
        if let Some(t) = trigger {
            t.track();
        }
        count(|| path.to_string());
    }

    /// Subscribes the running closure to shape changes only (ids, counts, who signs).
    pub fn track_shape(&self) {
        self.shape.track();
        count(|| "(shape)".into());
    }

    /// One field changed.
    pub fn changed(&self, path: &FieldPath) {
        if let Some(t) = self.by_path.try_with_value(|m| m.get(path).cloned()).flatten() {
            t.notify();
        }
    }

    /// Anything may have changed: every field reads again. Triggers of fields that are
    /// gone are dropped (those still shown subscribe again as they re-run).
    pub fn changed_all(&self) {
        self.by_path.update_value(HashMap::clear);
        self.shape.notify();
    }
}
