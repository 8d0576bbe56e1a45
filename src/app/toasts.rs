//! Short messages at the bottom of the screen, and the pending undo they offer.

use super::clock::now_ms;
use crate::storage::local::Session;
use crate::storage::undo::{self, UndoAction};
use leptos::prelude::*;
use std::time::Duration;

/// How long an undo is offered.
const UNDO_FOR: Duration = Duration::from_secs(10);

/// A message; `undo` shows เลิกทำ for the pending undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub undo: bool,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    pub current: RwSignal<Option<Toast>>,
    serial: StoredValue<u64>,
}

impl Toasts {
    /// Also offers again, for the time it had left, an undo that was on screen before a
    /// reload.
    pub fn new() -> Self {
        let t = Toasts { current: RwSignal::new(None), serial: StoredValue::new(0) };
        if let Some(p) = undo::pending(&Session, now_ms()) {
            let left = Duration::from_millis((p.until_ms - now_ms()).max(1000.0) as u64);
            t.show(Toast { text: p.message, undo: true }, left);
        }
        t
    }

    pub fn say(&self, text: String) {
        self.show(Toast { text, undo: false }, Duration::from_secs(5));
    }

    /// Adds `action` to the pending undo (also kept across a reload) and says what was done.
    pub fn offer_undo(&self, message: String, action: UndoAction) {
        let pending = undo::add(&Session, message, action, now_ms(), now_ms() + UNDO_FOR.as_millis() as f64);
        self.show(Toast { text: pending.message, undo: true }, UNDO_FOR);
    }

    /// Takes the message away unless it offers an undo (it belongs to the screen left).
    pub fn leave(&self) {
        self.current.update(|t| {
            if t.as_ref().is_some_and(|t| !t.undo) {
                *t = None;
            }
        });
    }

    fn show(&self, toast: Toast, for_how_long: Duration) {
        let serial = self.serial.get_value() + 1;
        self.serial.set_value(serial);
        self.current.set(Some(toast));
        let t = *self;
        // Only the newest message is dismissed by its own timer.
        set_timeout(
            move || {
                if t.serial.get_value() == serial {
                    t.current.set(None);
                }
            },
            for_how_long,
        );
    }
}
