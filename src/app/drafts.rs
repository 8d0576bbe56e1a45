//! The drafts screen: list (name, agency, year, round, last edit, completeness), open,
//! rename in place, duplicate, delete (with undo), new, import and export. An export file
//! holds the draft and its images; importing validates and migrates it and always makes a
//! new draft, never overwriting one.

use super::download::save_file;
use super::route::Route;
use super::saving::store;
use super::state::{new_id, now_ms, AppState};
use super::wizard::start_own;
use crate::model::{validate, Bundle, Draft};
use crate::storage::images as stored;
use crate::storage::undo::UndoAction;
use crate::storage::DraftMeta;
use crate::thai::Digits;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// "๒๓ พ.ย. ๒๕๖๘ ๑๔:๐๕"-style time of a save, in local time.
fn when(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let be = crate::thai::BeDate {
        year: d.get_full_year() as u16 + 543,
        month: d.get_month() as u8 + 1,
        day: d.get_date() as u8,
    };
    Digits::Thai.apply(&format!("{} {:02}:{:02}", be.long(Digits::Arabic), d.get_hours(), d.get_minutes()))
}

/// The export file name: the draft's name, safe for file systems.
fn export_name(name: &str) -> String {
    let clean: String =
        name.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c }).collect();
    format!("ร่างรายงาน-{}.json", clean.trim())
}

/// Saves a draft, with its images, as one file.
fn export(draft: Draft) {
    leptos::task::spawn_local(async move {
        let mut images = BTreeMap::new();
        for id in draft.image_ids() {
            if let Ok(Some(bytes)) = stored::get(&id).await {
                images.insert(id, bytes);
            }
        }
        let name = draft.display_name();
        let file = Bundle { name: name.clone(), draft, images }.to_json();
        save_file(file.as_bytes(), &export_name(&name), "application/json");
    });
}

/// Saves the current draft (what is on screen, saved or not) as a file.
pub fn export_current(st: AppState) {
    st.saving.flush();
    export(st.draft.get_untracked());
}

/// Saves draft `id` as a file, without opening it.
fn export_stored(st: AppState, id: &str) {
    if id == st.saving.draft_id.get_untracked() {
        return export_current(st);
    }
    match store().load(id) {
        Ok(l) => export(l.draft),
        Err(e) => st.toasts.say(e.thai()),
    }
}

/// Reads an export file into a new draft (images get fresh ids, so nothing is replaced).
async fn import(st: AppState, text: String) -> Result<String, String> {
    let bundle = Bundle::from_json(&text).map_err(|e| e.thai())?;
    let mut draft = bundle.draft;
    let mut renamed = BTreeMap::new();
    for (old, bytes) in &bundle.images {
        crate::typeset::ImageData::from_bytes(bytes.clone())
            .map_err(|_| format!("ภาพ \"{old}\" ในไฟล์เสียหายหรือไม่ใช่ JPEG/PNG จึงไม่นำเข้าไฟล์นี้"))?;
        let id = new_id("img");
        stored::put(&id, bytes).await.map_err(|e| stored::thai_error(&e))?;
        renamed.insert(old.clone(), id);
    }
    draft.rename_images(&renamed);
    // A name chosen in the file (older exports, renamed drafts) stays; a name that follows
    // the agency keeps following it.
    if draft.title.is_none() && !bundle.name.trim().is_empty() && bundle.name != draft.display_name() {
        draft.title = Some(bundle.name.clone());
    }
    let existing: Vec<String> = store().list().into_iter().map(|m| m.name).collect();
    if existing.contains(&draft.display_name()) {
        draft.title = Some(format!("{} (นำเข้า)", draft.display_name()));
    }
    let name = draft.display_name();
    st.create(draft);
    Ok(name)
}

/// Gives draft `id` the officer's own name (empty: back to the automatic name).
fn rename(st: AppState, id: &str, name: &str) {
    let title = Some(name.trim().to_string()).filter(|n| !n.is_empty());
    if id == st.saving.draft_id.get_untracked() {
        st.edit(|d| d.title = title);
        st.saving.save_now();
        return;
    }
    let result = store().update(id, now_ms(), |d| {
        d.title = title;
        Ok(())
    });
    match result {
        Ok(_) => st.saving.status.notify(),
        Err(e) => st.toasts.say(e),
    }
}

/// What the list says of a draft besides its name.
fn summary(meta: &DraftMeta) -> (String, String) {
    match store().load(&meta.id) {
        Ok(l) => {
            let d = &l.draft;
            let agency = if d.agency.name.trim().is_empty() {
                "ยังไม่ระบุหน่วยงาน".to_string()
            } else {
                d.agency.full_name()
            };
            let line = format!(
                "{agency} · ปีงบประมาณ {} · {}",
                Digits::Thai.number(d.report.fiscal_year),
                Digits::Thai.apply(d.report.round.label())
            );
            let n = validate(d).len();
            let complete = if n == 0 {
                "ครบถ้วน".to_string()
            } else {
                format!("ยังขาด {} รายการ", Digits::Thai.number(n))
            };
            (line, complete)
        }
        Err(e) => (e.thai(), String::new()),
    }
}

#[component]
pub fn Drafts() -> impl IntoView {
    let st = expect_context::<AppState>();
    let version = RwSignal::new(0u32);
    let list = move || {
        version.track();
        st.saving.status.track();
        store().list()
    };
    let refresh = move || version.update(|v| *v += 1);
    let renaming = RwSignal::new(None::<String>);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            let result = match text {
                Some(t) => import(st, t).await,
                None => Err("อ่านไฟล์ไม่ได้".into()),
            };
            match result {
                Ok(name) => {
                    st.go(Route::Step(1));
                    st.toasts.say(format!("นำเข้า \"{name}\" เป็นร่างใหม่แล้ว"));
                }
                Err(e) => st.toasts.say(format!("นำเข้าไม่สำเร็จ: {e}")),
            }
            // This screen may be gone by now.
            version.try_update(|v| *v += 1);
        });
    };

    // No question first: the toast offers เลิกทำ, which brings the draft back whole.
    let delete = move |meta: DraftMeta| {
        let is_current = meta.id == st.saving.draft_id.get_untracked();
        if is_current {
            st.saving.flush();
        }
        let Some(removed) = store().delete(&meta.id) else { return };
        refresh();
        let message = format!("ลบร่าง \"{}\" แล้ว", meta.name);
        st.toasts.offer_undo(
            message,
            UndoAction::Draft { draft_id: meta.id.clone(), name: removed.name, draft: Box::new(removed.draft) },
        );
        if is_current {
            match store().list().first() {
                Some(m) => st.open(&m.id),
                None => st.create(crate::catalog::example::example_draft()),
            }
        }
    };

    view! {
        <main class="drafts" id="main">
            <h1 tabindex="-1">"ร่างรายงานทั้งหมด"</h1>
            <p class="lead">"ร่างทุกฉบับเก็บไว้ในเบราว์เซอร์เครื่องนี้เท่านั้น หากต้องการย้ายไปเครื่องอื่น ให้ส่งออกเป็นไฟล์แล้วนำเข้าที่เครื่องปลายทาง"</p>
            <div class="row actions">
                <button type="button" class="primary" on:click=move |_| start_own(st)>
                    "เริ่มร่างใหม่ (ว่าง)"
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        st.saving.flush();
                        st.create(crate::catalog::example::example_draft());
                        st.go(Route::Step(1));
                    }
                >
                    "เปิดร่างตัวอย่างใหม่"
                </button>
                <label class="button" for="import-file">"นำเข้าไฟล์ร่าง"</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_file />
            </div>
            <ul class="draft-list">
                <For each=list key=|m: &DraftMeta| (m.id.clone(), m.rev, m.name.clone()) let:meta>
                    {
                        let id = meta.id.clone();
                        let current = id == st.saving.draft_id.get_untracked();
                        let (line, complete) = summary(&meta);
                        let (m_open, m_ren, m_dup, m_del, m_exp) = (meta.clone(), meta.clone(), meta.clone(), meta.clone(), meta.clone());
                        let editing = {
                            let id = id.clone();
                            move || renaming.get().as_deref() == Some(id.as_str())
                        };
                        let name = meta.name.clone();
                        view! {
                            <li class:current=current>
                                <div class="info">
                                    {move || {
                                        if editing() {
                                            let (id_enter, id_blur) = (m_ren.id.clone(), m_ren.id.clone());
                                            view! {
                                                <input
                                                    class="rename"
                                                    type="text"
                                                    aria-label="ชื่อร่าง (เว้นว่างเพื่อใช้ชื่อตามหน่วยงานและปี)"
                                                    value=m_ren.name.clone()
                                                    autofocus=true
                                                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                                        match ev.key().as_str() {
                                                            "Enter" => {
                                                                rename(st, &id_enter, &event_target_value(&ev));
                                                                renaming.set(None);
                                                            }
                                                            "Escape" => renaming.set(None),
                                                            _ => {}
                                                        }
                                                    }
                                                    on:blur=move |ev| {
                                                        // Also fired when the list goes away (Back):
                                                        // the list's own signal may be gone.
                                                        if renaming.try_get_untracked().flatten().as_deref() == Some(id_blur.as_str()) {
                                                            rename(st, &id_blur, &event_target_value(&ev));
                                                            renaming.try_set(None);
                                                        }
                                                    }
                                                />
                                            }
                                                .into_any()
                                        } else {
                                            view! { <strong>{name.clone()}</strong> }.into_any()
                                        }
                                    }}
                                    <span class="summary">{line}</span>
                                    <span class="when">{format!("แก้ไขล่าสุด {}", when(meta.updated_ms))}</span>
                                    <span class="completeness">{complete}</span>
                                    {current.then(|| view! { <span class="tag">"กำลังแก้ไข"</span> })}
                                </div>
                                <div class="row">
                                    <button
                                        type="button"
                                        class="primary"
                                        on:click=move |_| {
                                            st.open(&m_open.id);
                                            st.go(Route::Step(1));
                                        }
                                    >
                                        "เปิด"
                                    </button>
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            renaming.set(Some(id.clone()));
                                            request_animation_frame(|| {
                                                if let Some(el) = document().query_selector("input.rename").ok().flatten() {
                                                    if let Ok(el) = el.dyn_into::<web_sys::HtmlInputElement>() {
                                                        let _ = el.focus();
                                                        el.select();
                                                    }
                                                }
                                            });
                                        }
                                    >
                                        "เปลี่ยนชื่อ"
                                    </button>
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            st.saving.flush();
                                            if let Ok(mut l) = store().load(&m_dup.id) {
                                                l.draft.title = Some(format!("{} (สำเนา)", l.draft.display_name()));
                                                let name = l.draft.display_name();
                                                match store().save(&new_id("d"), &name, &l.draft, 0, now_ms()) {
                                                    Ok(_) => st.toasts.say(format!("ทำสำเนาเป็น \"{name}\" แล้ว")),
                                                    Err(e) => st.toasts.say(e.thai()),
                                                }
                                                refresh();
                                            }
                                        }
                                    >
                                        "ทำสำเนา"
                                    </button>
                                    <button type="button" on:click=move |_| export_stored(st, &m_exp.id)>"ส่งออกไฟล์"</button>
                                    <button type="button" class="danger" on:click=move |_| delete(m_del.clone())>"ลบ"</button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </main>
    }
}
