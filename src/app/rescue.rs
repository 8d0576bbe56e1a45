//! The last line of defence: a panic saves the draft being edited, then the page says so
//! in Thai with a reload button and an export (`public/boot.js` draws that message, since
//! the UI's wasm cannot run after a panic).

use super::clock::now_ms;
use super::saving::{store, RESCUE};
use crate::model::Bundle;
use wasm_bindgen::{JsCast, JsValue};

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let json = save_rescue();
        tell_the_page(&json);
    }));
    listen_for_test_panic();
}

/// Saves the latest edited draft (if a save was still pending) and returns it as an export
/// file without images (the images stay in the browser).
fn save_rescue() -> String {
    RESCUE.with(|r| {
        let Ok(r) = r.try_borrow() else { return String::new() };
        let Some(r) = r.as_ref() else { return String::new() };
        let name = r.draft.display_name();
        let s = store();
        if s.save(&r.id, &name, &r.draft, r.rev, now_ms()).is_err() {
            // Another tab saved meanwhile: keep ours beside it, never over it.
            let mut copy = r.draft.clone();
            copy.title = Some(format!("{name} (กู้คืน)"));
            let _ = s.save(&super::clock::new_id("d"), &copy.display_name(), &copy, 0, now_ms());
        }
        Bundle { name, draft: r.draft.clone(), images: Default::default() }.to_json()
    })
}

fn tell_the_page(json: &str) {
    let Some(w) = web_sys::window() else { return };
    if let Ok(f) = js_sys::Reflect::get(&w, &"prongsaiCrashed".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call1(&JsValue::NULL, &JsValue::from_str(json));
        }
    }
}

/// The e2e tests prove the above by dispatching `prongsai-test-panic` on the document.
fn listen_for_test_panic() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| panic!("test panic requested by prongsai-test-panic"));
    let _ = doc.add_event_listener_with_callback("prongsai-test-panic", cb.as_ref().unchecked_ref());
    cb.forget();
}
