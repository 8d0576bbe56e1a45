//! The browser UI (Leptos, client-side rendered).
//!
//! The draft lives in one signal inside `AppState` (provided as context); components get
//! the state and edit the draft through it; storage and PDF generation are called from
//! here. Nothing the officer types is ever rendered as HTML: Leptos inserts it as text.

mod clock;
mod download;
mod drafts;
pub mod engine;
mod feedback;
mod field_triggers;
mod fields;
mod images;
mod imaging;
mod outline;
mod paste;
mod rescue;
mod route;
mod saving;
mod state;
mod steps;
mod toasts;
mod wizard;

use leptos::prelude::*;
use route::Route;
use state::AppState;

pub fn start() {
    rescue::install();
    // A worker or other context without a document has no UI to mount.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(el) = document.get_element_by_id("loading") {
        el.remove();
    }
    expose_field_runs();
    leptos::mount::mount_to_body(App);
}

/// `window.__prongsaiFieldRuns()`: which fields' closures ran since it was last called (JSON,
/// path → runs), for the end-to-end test that typing re-renders only the field typed in.
fn expose_field_runs() {
    use wasm_bindgen::prelude::*;
    let take =
        Closure::<dyn Fn() -> String>::new(|| serde_json::to_string(&field_triggers::take_runs()).unwrap_or_default());
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &JsValue::from_str("__prongsaiFieldRuns"), take.as_ref());
    }
    take.forget();
}

/// Resolves after the browser has had a chance to paint (progress messages show).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[component]
fn App() -> impl IntoView {
    let st = AppState::new();
    provide_context(st);
    route::follow_history(st.route);
    // Save what is pending when the page is hidden or closed.
    let hide = window_event_listener(leptos::ev::pagehide, move |_| st.saving.flush());
    std::mem::forget(hide);
    view! {
        <a class="skip" href="#main">"ข้ามไปยังเนื้อหา"</a>
        <wizard::TopBar />
        <wizard::Banners />
        {move || match st.route.get() {
            Route::Drafts => view! { <drafts::Drafts /> }.into_any(),
            Route::Step(_) => view! { <wizard::Wizard /> }.into_any(),
        }}
        <wizard::ToastView />
    }
}
