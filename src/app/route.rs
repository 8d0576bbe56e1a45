//! Where the officer is, in the URL: `#/step/3`, `#/drafts`. Each move is a browser history
//! entry, so Back and Forward move between steps; a reload stays on the step and its
//! scroll position (kept in session storage when the page is hidden).

use crate::storage::local::Session;
use crate::storage::KeyValue;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const SCROLL: &str = "prongsai.scroll";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Step(u8),
    Drafts,
}

impl Route {
    pub fn hash(self) -> String {
        match self {
            Route::Step(n) => format!("#/step/{n}"),
            Route::Drafts => "#/drafts".into(),
        }
    }

    pub fn parse(hash: &str) -> Option<Route> {
        let rest = hash.trim_start_matches('#').trim_start_matches('/');
        if rest == "drafts" {
            return Some(Route::Drafts);
        }
        let n: u8 = rest.strip_prefix("step/")?.parse().ok()?;
        (1..=7).contains(&n).then_some(Route::Step(n))
    }

    /// The route in the address bar, if it names one.
    pub fn in_address_bar() -> Option<Route> {
        web_sys::window().and_then(|w| w.location().hash().ok()).and_then(|h| Route::parse(&h))
    }

    /// The route in the address bar (step 1 when there is none).
    pub fn current() -> Route {
        Route::in_address_bar().unwrap_or(Route::Step(1))
    }

    /// A new history entry for this route.
    pub fn push(self) {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&self.hash()));
        }
    }

    /// Names the route in the address bar without a new history entry (the first screen).
    pub fn replace(self) {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&self.hash()));
        }
    }

    pub fn step(self) -> u8 {
        match self {
            Route::Step(n) => n,
            Route::Drafts => 0,
        }
    }
}

/// Follows Back and Forward; keeps the scroll position for a reload.
pub fn follow_history(route: RwSignal<Route>) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        // Our own restore runs once the step is drawn; the browser's would run too early.
        let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    route.get_untracked().replace();
    // In-page anchors (the skip link's #main) change the hash too: only routes move.
    let pop = window_event_listener(leptos::ev::popstate, move |_| {
        if let Some(to) = Route::in_address_bar() {
            if to != route.get_untracked() {
                route.set(to);
                top_and_focus();
            }
        }
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| {
        let y = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
        let _ = Session.set(SCROLL, &format!("{}|{y}", Route::current().hash()));
    });
    // Both live as long as the page.
    std::mem::forget(pop);
    std::mem::forget(hide);
    // After a reload: back to where the page was, once the step is drawn.
    if let Some((hash, y)) = Session.get(SCROLL).and_then(|s| {
        let (h, y) = s.split_once('|')?;
        Some((h.to_string(), y.parse::<f64>().ok()?))
    }) {
        Session.remove(SCROLL);
        if hash == Route::current().hash() {
            set_timeout(
                move || {
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, y);
                    }
                },
                std::time::Duration::from_millis(60),
            );
        }
    }
}

/// A new screen starts at the top, with keyboard focus on its heading (so a screen reader
/// reads it and Tab continues from there, not from the button that was pressed).
pub fn top_and_focus() {
    request_animation_frame(|| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if let Some(h) = document().query_selector("main h1").ok().flatten() {
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = h.focus_with_options(&options);
            }
        }
    });
}

/// Brings a field into view below the sticky bars and focuses it.
pub fn focus_field(id: &str) {
    let id = id.to_string();
    request_animation_frame(move || {
        let Some(el) = document().get_element_by_id(&id) else { return };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let focus = web_sys::FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = el.focus_with_options(&focus);
        }
    });
}
