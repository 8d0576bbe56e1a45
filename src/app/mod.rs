//! The browser UI (Leptos, client-side rendered). The draft lives in one signal; components
//! receive the signals they edit; storage and PDF generation are called from here.

mod download;
pub mod engine;

use crate::catalog::example::example_draft;
use crate::document::{render_pdf, Images};
use crate::model::Draft;
use crate::storage::local::Local;
use crate::storage::DraftStore;
use leptos::prelude::*;
use std::time::Duration;

pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(el) = document().get_element_by_id("loading") {
        el.remove();
    }
    leptos::mount::mount_to_body(App);
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SaveState {
    Saved,
    Pending,
    Failed,
}

#[component]
fn App() -> impl IntoView {
    let store = DraftStore::new(Local);
    let (id, loaded) = match store.list().first() {
        Some(meta) => (meta.id.clone(), store.load(&meta.id).ok()),
        None => (format!("d{}", now_ms() as u64), None),
    };
    let (initial, rev) = match loaded {
        Some(l) => (l.draft, l.rev),
        None => (example_draft(), 0),
    };
    let draft = RwSignal::new(initial);
    let rev = StoredValue::new(rev);
    let save_state = RwSignal::new(SaveState::Saved);
    let message = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let id = StoredValue::new(id);

    // Autosave, debounced: typing only schedules it.
    let save_now = move || {
        let store = DraftStore::new(Local);
        let name = draft.with_untracked(|d| d.agency.full_name());
        match draft.with_untracked(|d| store.save(&id.get_value(), &name, d, rev.get_value(), now_ms())) {
            Ok(r) => {
                rev.set_value(r);
                save_state.set(SaveState::Saved);
            }
            Err(e) => {
                save_state.set(SaveState::Failed);
                message.set(e.thai());
            }
        }
    };
    let schedule_save = move || {
        save_state.set(SaveState::Pending);
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(set_timeout_with_handle(save_now, Duration::from_millis(600)).ok());
    };
    if rev.get_value() == 0 {
        save_now();
    }

    let busy = RwSignal::new(false);
    let download = move |_| {
        busy.set(true);
        message.set(String::new());
        let d: Draft = draft.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match engine::engine().await {
                Ok(engine) => render_pdf(&d, &Images::new(), engine).map_err(|e| e.thai()),
                Err(e) => Err(format!("โหลดแบบอักษรไม่สำเร็จ: {e}")),
            };
            match result {
                Ok(bytes) => {
                    download::save_file(&bytes, &crate::catalog::wording::pdf_file_name(&d), "application/pdf")
                }
                Err(e) => message.set(e),
            }
            busy.set(false);
        });
    };

    view! {
        <main class="shell">
            <header class="top">
                <h1>"โปร่งใส"</h1>
                <p class="sub">"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"</p>
            </header>
            <section class="card">
                <label for="agency-name">"ชื่อหน่วยงาน"</label>
                <input
                    id="agency-name"
                    type="text"
                    prop:value=move || draft.with(|d| d.agency.name.clone())
                    on:input=move |ev| {
                        draft.update(|d| d.agency.name = event_target_value(&ev));
                        schedule_save();
                    }
                />
                <p class="save-state" aria-live="polite">
                    {move || match save_state.get() {
                        SaveState::Saved => "บันทึกแล้ว",
                        SaveState::Pending => "กำลังบันทึก…",
                        SaveState::Failed => "บันทึกไม่สำเร็จ",
                    }}
                </p>
                <button class="primary" on:click=download disabled=move || busy.get()>
                    {move || if busy.get() { "กำลังสร้าง PDF…" } else { "ดาวน์โหลด PDF" }}
                </button>
                <p class="error" role="alert">{move || message.get()}</p>
            </section>
        </main>
    }
}
