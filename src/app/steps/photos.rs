//! Step 5: photos per measure, from the camera or files, downscaled in the browser to a
//! JPEG of at most 1600 px before they are stored (IndexedDB), with captions.

use crate::app::fields::TextField;
use crate::app::imaging;
use crate::app::state::AppState;
use crate::model::path::MeasureField;
use crate::model::{FieldPath, Photo};
use crate::thai::Digits;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads the chosen files, prepares and stores each, and adds them to the measure.
async fn add_files(st: AppState, mid: String, files: Vec<web_sys::File>) {
    for file in files {
        let name = file.name();
        let bytes = match imaging::file_bytes(&file).await {
            Ok(b) => b,
            Err(e) => {
                st.toasts.say(e);
                continue;
            }
        };
        let jpeg = match imaging::photo_jpeg(&bytes, &file.type_()).await {
            Ok(j) => j,
            Err(e) => {
                st.toasts.say(format!("\"{name}\": {e}"));
                continue;
            }
        };
        let Some(id) = st.keep_image("img", &jpeg, "image/jpeg").await else { return };
        let mid = mid.clone();
        st.edit(move |d| {
            d.add_photo(&mid, Photo { image: id, caption: String::new() });
        });
    }
}

fn files_of(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
    input.set_value("");
    files
}

fn photo_item(st: AppState, mid: String, index: usize) -> impl IntoView {
    let path = FieldPath::Photo(mid.clone(), index);
    let p1 = path.clone();
    let photo = Memo::new(move |_| st.field(&p1, |d| d.measure(&mid).and_then(|m| m.photos.get(index).cloned())));
    let (m4, m5) = (path.clone(), path.clone());
    let shift = move |delta: isize| {
        let FieldPath::Photo(mid, _) = m4.clone() else { return };
        st.edit(move |d| {
            d.move_photo(&mid, index, delta);
        });
    };
    let shift_up = shift.clone();
    let remove = move |_| {
        if let FieldPath::Photo(mid, _) = &m5 {
            st.remove(|d| d.remove_photo(mid, index));
        }
    };
    view! {
        <li class="photo">
            <img
                src=move || photo.get().map(|p| st.images.url(&p.image)).unwrap_or_default()
                alt=move || photo.get().map(|p| if p.caption.is_empty() { "ภาพประกอบ".to_string() } else { p.caption }).unwrap_or_default()
            />
            <TextField path=path label=format!("คำบรรยายภาพที่ {}", Digits::Thai.number(index + 1)) grow=true />
            <div class="row tools">
                <button type="button" aria-label="เลื่อนภาพขึ้น" on:click=move |_| shift_up(-1)>"▲"</button>
                <button type="button" aria-label="เลื่อนภาพลง" on:click=move |_| shift(1)>"▼"</button>
                <button type="button" class="danger" on:click=remove>"ลบภาพ"</button>
            </div>
        </li>
    }
}

pub fn view(st: AppState) -> AnyView {
    let measures = move || {
        st.shape(|d| d.measures.iter().flat_map(|g| g.measures.iter().map(|m| m.id.clone())).collect::<Vec<_>>())
    };
    view! {
        <p class="lead">
            "เพิ่มภาพถ่ายการดำเนินงานของแต่ละมาตรการ ภาพเก็บไว้ในเครื่องนี้เท่านั้น ไม่ได้อัปโหลดไปที่ใด (โปรแกรมย่อขนาดให้อัตโนมัติ)"
        </p>
        <For each=measures key=|id| id.clone() let:mid>
            {
                let name_path = FieldPath::Measure(mid.clone(), MeasureField::Name);
                let name = move || st.field(&name_path, |d| d.text(&name_path)).unwrap_or_default();
                // A memo: captions typed below must not rebuild the list (and lose focus).
                let count = {
                    let mid = mid.clone();
                    Memo::new(move |_| st.shape(|d| d.measure(&mid).map(|m| m.photos.len()).unwrap_or(0)))
                };
                let (m_cam, m_file, m_list) = (mid.clone(), mid.clone(), mid.clone());
                let input_id = format!("photo-file-{mid}");
                let camera_id = format!("photo-camera-{mid}");
                view! {
                    <section class="card photos">
                        <h2>
                            {move || {
                                let name = name();
                                if name.trim().is_empty() { "(มาตรการที่ยังไม่ได้ตั้งชื่อ)".to_string() } else { name }
                            }}
                        </h2>
                        {move || (count.get() == 0).then(|| view! { <p class="hint">"ยังไม่มีภาพ"</p> })}
                        <ul class="photo-list">
                            {move || (0..count.get()).map(|i| photo_item(st, m_list.clone(), i)).collect_view()}
                        </ul>
                        <div class="row add">
                            <input
                                id=camera_id.clone()
                                class="visually-hidden"
                                type="file"
                                accept="image/*"
                                capture="environment"
                                on:change=move |ev| {
                                    let files = files_of(&ev);
                                    leptos::task::spawn_local(add_files(st, m_cam.clone(), files));
                                }
                            />
                            <label class="button camera" for=camera_id>"+ ถ่ายภาพ"</label>
                            <input
                                id=input_id.clone()
                                class="visually-hidden"
                                type="file"
                                accept="image/*"
                                multiple=true
                                on:change=move |ev| {
                                    let files = files_of(&ev);
                                    leptos::task::spawn_local(add_files(st, m_file.clone(), files));
                                }
                            />
                            <label class="button" for=input_id>"+ เลือกภาพจากเครื่อง"</label>
                        </div>
                    </section>
                }
            }
        </For>
    }
    .into_any()
}
