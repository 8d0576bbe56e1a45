//! The drafts screen: list, open, rename, duplicate, delete (with undo), new, import and
//! export. An export file holds the draft and its images; importing validates and migrates
//! it and always makes a new draft, never overwriting one.

use super::download::save_file;
use super::idb;
use super::state::{new_id, now_ms, AppState, Screen};
use crate::model::{Bundle, Draft};
use crate::storage::local::Local;
use crate::storage::{DraftMeta, DraftStore};
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

fn store() -> DraftStore<Local> {
    DraftStore::new(Local)
}

/// "๒๓ พ.ย. ๑๔:๐๕"-style time of a save, in local time.
fn when(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let be = crate::thai::BeDate {
        year: d.get_full_year() as u16 + 543,
        month: d.get_month() as u8 + 1,
        day: d.get_date() as u8,
    };
    crate::thai::Digits::Thai.apply(&format!(
        "{} {:02}:{:02}",
        be.long(crate::thai::Digits::Arabic),
        d.get_hours(),
        d.get_minutes()
    ))
}

/// The export file name: the draft's name, safe for file systems.
fn export_name(name: &str) -> String {
    let clean: String =
        name.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c }).collect();
    format!("ร่างรายงาน-{}.json", clean.trim())
}

/// Saves the current draft, with its images, as one file.
pub fn export_current(st: AppState) {
    st.flush();
    let draft = st.draft.get_untracked();
    let name = st.draft_name.get_untracked();
    leptos::task::spawn_local(async move {
        let mut images = BTreeMap::new();
        for id in draft.image_ids() {
            if let Ok(Some(bytes)) = idb::get(&id).await {
                images.insert(id, bytes);
            }
        }
        let file = Bundle { name: name.clone(), draft, images }.to_json();
        save_file(file.as_bytes(), &export_name(&name), "application/json");
    });
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
        idb::put(&id, bytes).await.map_err(|e| idb::thai_error(&e))?;
        renamed.insert(old.clone(), id);
    }
    rename_images(&mut draft, &renamed);
    let base = if bundle.name.trim().is_empty() { draft.agency.full_name() } else { bundle.name };
    let existing: Vec<String> = store().list().into_iter().map(|m| m.name).collect();
    let name = if existing.contains(&base) { format!("{base} (นำเข้า)") } else { base };
    st.create(draft, name.clone());
    Ok(name)
}

fn rename_images(d: &mut Draft, map: &BTreeMap<String, String>) {
    let swap = |id: &mut String| {
        if let Some(new) = map.get(id) {
            *id = new.clone();
        }
    };
    if let Some(l) = d.agency.logo.as_mut() {
        swap(l);
    }
    for m in d.measures.iter_mut().flat_map(|g| g.measures.iter_mut()) {
        for p in &mut m.photos {
            swap(&mut p.image);
        }
    }
    let s = &mut d.signers;
    for signer in
        [Some(&mut s.reporter), s.second.as_mut(), Some(&mut s.clerk), Some(&mut s.executive)].into_iter().flatten()
    {
        if let Some(id) = signer.signature.as_mut() {
            swap(id);
        }
    }
}

#[component]
pub fn Drafts() -> impl IntoView {
    let st = expect_context::<AppState>();
    let version = RwSignal::new(0u32);
    let list = move || {
        version.track();
        st.save.track();
        store().list()
    };
    let refresh = move || version.update(|v| *v += 1);
    let file_input = NodeRef::<leptos::html::Input>::new();

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
                    st.say(format!("นำเข้า \"{name}\" เป็นร่างใหม่แล้ว"));
                    st.screen.set(Screen::Wizard);
                    st.step.set(1);
                }
                Err(e) => st.say(format!("นำเข้าไม่สำเร็จ: {e}")),
            }
            refresh();
        });
    };

    let delete = move |meta: DraftMeta| {
        let is_current = meta.id == st.draft_id.get_untracked();
        if !web_sys::window()
            .and_then(|w| w.confirm_with_message(&format!("ลบร่าง \"{}\" ?", meta.name)).ok())
            .unwrap_or(false)
        {
            return;
        }
        let Some(removed) = store().delete(&meta.id) else { return };
        refresh();
        let id = meta.id.clone();
        let name = meta.name.clone();
        let undo = Callback::new(move |_| {
            let _ = store().save(&id, &name, &removed.draft, 0, now_ms());
            version.update(|v| *v += 1);
        });
        st.say_with_undo(format!("ลบร่าง \"{}\" แล้ว", meta.name), undo);
        if is_current {
            match store().list().first() {
                Some(m) => st.open(&m.id),
                None => st.create(crate::catalog::example::example_draft(), "ตัวอย่าง: อบต.เขาสมอคอน".into()),
            }
            st.screen.set(Screen::Drafts);
        }
    };

    view! {
        <main class="drafts" id="main">
            <h1>"ร่างรายงานทั้งหมด"</h1>
            <p class="lead">"ร่างทุกฉบับเก็บไว้ในเบราว์เซอร์เครื่องนี้เท่านั้น หากต้องการย้ายไปเครื่องอื่น ให้ส่งออกเป็นไฟล์แล้วนำเข้าที่เครื่องปลายทาง"</p>
            <div class="row actions">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        st.create(Draft::default(), format!("ร่างใหม่ {}", when(now_ms())));
                        st.screen.set(Screen::Wizard);
                        st.step.set(1);
                    }
                >
                    "เริ่มร่างใหม่ (ว่าง)"
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        st.create(crate::catalog::example::example_draft(), "ตัวอย่าง: อบต.เขาสมอคอน".into());
                        st.screen.set(Screen::Wizard);
                        st.step.set(1);
                    }
                >
                    "เริ่มจากตัวอย่าง"
                </button>
                <label class="button" for="import-file">"นำเข้าไฟล์ร่าง"</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" node_ref=file_input on:change=on_file />
            </div>
            <ul class="draft-list">
                <For each=list key=|m: &DraftMeta| (m.id.clone(), m.rev, m.name.clone()) let:meta>
                    {
                        let id = meta.id.clone();
                        let current = id == st.draft_id.get_untracked();
                        let m_open = meta.clone();
                        let m_rename = meta.clone();
                        let m_dup = meta.clone();
                        let m_del = meta.clone();
                        let m_exp = meta.clone();
                        view! {
                            <li class:current=current>
                                <div class="info">
                                    <strong>{meta.name.clone()}</strong>
                                    <span class="when">{format!("แก้ไขล่าสุด {}", when(meta.updated_ms))}</span>
                                    {current.then(|| view! { <span class="tag">"กำลังแก้ไข"</span> })}
                                </div>
                                <div class="row">
                                    <button type="button" class="primary" on:click=move |_| st.open(&m_open.id)>"เปิด"</button>
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            let Some(name) = web_sys::window()
                                                .and_then(|w| w.prompt_with_message_and_default("ชื่อร่าง", &m_rename.name).ok().flatten())
                                            else {
                                                return;
                                            };
                                            let name = name.trim().to_string();
                                            if name.is_empty() {
                                                return;
                                            }
                                            if m_rename.id == st.draft_id.get_untracked() {
                                                st.flush();
                                            }
                                            match store().rename(&m_rename.id, &name, now_ms()) {
                                                Ok(_) => {
                                                    if m_rename.id == st.draft_id.get_untracked() {
                                                        st.open(&m_rename.id);
                                                        st.screen.set(Screen::Drafts);
                                                    }
                                                    refresh();
                                                }
                                                Err(e) => st.say(e.thai()),
                                            }
                                        }
                                    >
                                        "เปลี่ยนชื่อ"
                                    </button>
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            st.flush();
                                            if let Ok(l) = store().load(&m_dup.id) {
                                                let name = format!("{} (สำเนา)", l.name);
                                                match store().save(&new_id("d"), &name, &l.draft, 0, now_ms()) {
                                                    Ok(_) => st.say(format!("ทำสำเนาเป็น \"{name}\" แล้ว")),
                                                    Err(e) => st.say(e.thai()),
                                                }
                                                refresh();
                                            }
                                        }
                                    >
                                        "ทำสำเนา"
                                    </button>
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            if m_exp.id != st.draft_id.get_untracked() {
                                                st.open(&m_exp.id);
                                            }
                                            export_current(st);
                                        }
                                    >
                                        "ส่งออกไฟล์"
                                    </button>
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
