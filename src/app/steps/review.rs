//! Step 7: every problem listed (each a link to its field), options, a preview of the pages
//! and the download, with progress while a long document is made.

use crate::app::download::{object_url, save_file};
use crate::app::engine::engine;
use crate::app::state::{field_id, AppState};
use crate::app::wizard::{go, STEPS};
use crate::app::{idb, next_frame};
use crate::catalog::wording;
use crate::document::{layout, DocError, Images};
use crate::model::Draft;
use crate::pdf::{write_pdf, PdfOptions};
use crate::thai::Digits;
use crate::typeset::vector::Segment;
use crate::typeset::{Document, Item, Weight};
use leptos::prelude::*;

/// Loads the images the draft uses from IndexedDB; a missing one is reported by name.
async fn load_images(d: &Draft) -> Result<Images, String> {
    let mut images = Images::new();
    for id in d.image_ids() {
        match idb::get(&id).await {
            Ok(Some(bytes)) => images.insert(id, bytes).map_err(|e| e.thai())?,
            Ok(None) => return Err(DocError::MissingImage(id).thai()),
            Err(e) => return Err(idb::thai_error(&e)),
        }
    }
    Ok(images)
}

/// Lays out the current draft (fetching the engine and images first).
async fn laid_out(st: AppState, busy: RwSignal<Option<String>>) -> Result<(Draft, Document), String> {
    st.flush();
    let d = st.draft.get_untracked();
    busy.set(Some("กำลังโหลดแบบอักษรและพจนานุกรม…".into()));
    next_frame().await;
    let engine = engine().await.map_err(|e| format!("โหลดแบบอักษรไม่สำเร็จ ({e}) กรุณาตรวจการเชื่อมต่อแล้วลองใหม่"))?;
    let images = load_images(&d).await?;
    busy.set(Some("กำลังจัดหน้าเอกสาร…".into()));
    next_frame().await;
    mark("prongsai:pdf:start");
    let doc = layout(&d, &images, engine).map_err(|e| e.thai())?;
    Ok((d, doc))
}

fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

fn measure(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
    }
}

fn download(st: AppState, busy: RwSignal<Option<String>>, error: RwSignal<String>) {
    error.set(String::new());
    leptos::task::spawn_local(async move {
        let result = async {
            let (d, doc) = laid_out(st, busy).await?;
            busy.set(Some(format!("กำลังสร้าง PDF ({} หน้า)…", Digits::Thai.number(doc.pages.len()))));
            next_frame().await;
            let engine = engine().await?;
            let bytes = write_pdf(&doc, &engine.fonts, PdfOptions { pdfa: d.options.pdfa })
                .map_err(|e| DocError::Pdf(e).thai())?;
            measure("prongsai:pdf", "prongsai:pdf:start");
            save_file(&bytes, &wording::pdf_file_name(&d), "application/pdf");
            Ok::<_, String>(())
        }
        .await;
        if let Err(e) = result {
            error.set(e);
        }
        busy.set(None);
    });
}

/// One page as SVG, from the same layout the PDF is written from.
fn page_svg(page: &crate::typeset::Page, urls: &mut Vec<String>) -> AnyView {
    let items = page
        .items
        .iter()
        .map(|item| match item {
            Item::Text(t) => view! {
                <text
                    x=t.x
                    y=t.y
                    font-size=t.size
                    font-weight=if t.weight == Weight::Bold { "700" } else { "400" }
                    fill=format!("rgb({},{},{})", t.color.0, t.color.1, t.color.2)
                    textLength=t.width()
                    lengthAdjust="spacingAndGlyphs"
                >
                    {t.text.clone()}
                </text>
            }
            .into_any(),
            Item::Line { from, to, stroke } => view! {
                <line
                    x1=from.0
                    y1=from.1
                    x2=to.0
                    y2=to.1
                    stroke="#000"
                    stroke-width=stroke.width
                    stroke-dasharray=stroke.dash.map(|(a, b)| format!("{a} {b}")).unwrap_or_default()
                ></line>
            }
            .into_any(),
            Item::Rect { rect, fill, stroke } => view! {
                <rect
                    x=rect.x
                    y=rect.y
                    width=rect.w
                    height=rect.h
                    fill=fill.map(|c| format!("rgb({},{},{})", c.0, c.1, c.2)).unwrap_or_else(|| "none".into())
                    stroke=if stroke.is_some() { "#000" } else { "none" }
                    stroke-width=stroke.map(|s| s.width).unwrap_or(0.0)
                ></rect>
            }
            .into_any(),
            Item::Image { rect, image } => {
                let url = object_url(&image.bytes, if image.kind == crate::typeset::ImageKind::Png { "image/png" } else { "image/jpeg" });
                urls.push(url.clone());
                view! { <image href=url x=rect.x y=rect.y width=rect.w height=rect.h preserveAspectRatio="none"></image> }.into_any()
            }
            Item::Vector { rect, graphic } => {
                let b = graphic.bounds;
                let (sx, sy) = (rect.w / b.w.max(0.01), rect.h / b.h.max(0.01));
                let transform = format!("matrix({sx} 0 0 {sy} {} {})", rect.x - b.x * sx, rect.y - b.y * sy);
                let d: String = graphic
                    .paths
                    .iter()
                    .flat_map(|p| &p.segments)
                    .map(|s| match *s {
                        Segment::MoveTo(x, y) => format!("M{x} {y}"),
                        Segment::LineTo(x, y) => format!("L{x} {y}"),
                        Segment::CubicTo(a, b, c, d, x, y) => format!("C{a} {b} {c} {d} {x} {y}"),
                        Segment::QuadTo(a, b, x, y) => format!("Q{a} {b} {x} {y}"),
                        Segment::Close => "Z".into(),
                    })
                    .collect();
                view! { <path d=d transform=transform fill="#000"></path> }.into_any()
            }
        })
        .collect_view();
    view! {
        <svg class="page" viewBox=format!("0 0 {} {}", page.width, page.height) role="img" aria-label="หน้าตัวอย่าง">
            <rect width=page.width height=page.height fill="#fff"></rect>
            {items}
        </svg>
    }
    .into_any()
}

pub fn view(st: AppState) -> AnyView {
    let busy = RwSignal::new(None::<String>);
    let error = RwSignal::new(String::new());
    let preview = RwSignal::new(None::<std::sync::Arc<Document>>);
    let preview_urls = StoredValue::new(Vec::<String>::new());
    let show_preview = move |_| {
        error.set(String::new());
        leptos::task::spawn_local(async move {
            match laid_out(st, busy).await {
                Ok((_, doc)) => preview.set(Some(std::sync::Arc::new(doc))),
                Err(e) => error.set(e),
            }
            busy.set(None);
        });
    };
    let problems = move || st.problems.get();
    view! {
        <p class="lead">"ตรวจรายการที่ยังขาด ดูตัวอย่างเอกสาร แล้วดาวน์โหลดเป็น PDF"</p>
        <section class=move || if problems().is_empty() { "card ok" } else { "card" }>
            <h2>
                {move || {
                    let n = problems().len();
                    if n == 0 { "ข้อมูลครบถ้วน พร้อมดาวน์โหลด".to_string() } else { format!("ยังมี {} รายการที่ควรแก้ไข", Digits::Thai.number(n)) }
                }}
            </h2>
            <ul class="problems">
                {move || {
                    problems()
                        .into_iter()
                        .map(|p| {
                            let step = p.step();
                            let field = p.field.clone();
                            view! {
                                <li>
                                    <a
                                        href=format!("#{}", field_id(&field))
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            st.show_all.set(true);
                                            go(st, step);
                                            let id = field_id(&field);
                                            request_animation_frame(move || {
                                                if let Some(el) = document().get_element_by_id(&id) {
                                                    el.scroll_into_view();
                                                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                                                        let _ = el.focus();
                                                    }
                                                }
                                            });
                                        }
                                    >
                                        {format!("ขั้นตอนที่ {} {}: ", Digits::Thai.number(step), STEPS[(step - 1) as usize])}
                                        {p.message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || (!problems().is_empty()).then(|| view! { <p class="hint">"ดาวน์โหลดได้แม้ยังไม่ครบ ช่องที่ว่างจะเว้นไว้ในเอกสาร"</p> })}
        </section>
        <section class="card">
            <h2>"ตัวเลือกเอกสาร"</h2>
            <fieldset class="field">
                <legend>"ตัวเลขในเอกสาร"</legend>
                <label class="choice">
                    <input
                        type="radio"
                        name="digits"
                        prop:checked=move || st.draft.with(|d| d.options.digits == Digits::Thai)
                        on:change=move |_| st.edit(|d| d.options.digits = Digits::Thai)
                    />
                    "เลขไทย (๑ ๒ ๓)"
                </label>
                <label class="choice">
                    <input
                        type="radio"
                        name="digits"
                        prop:checked=move || st.draft.with(|d| d.options.digits == Digits::Arabic)
                        on:change=move |_| st.edit(|d| d.options.digits = Digits::Arabic)
                    />
                    "เลขอารบิก (1 2 3)"
                </label>
            </fieldset>
            <label class="choice" for="opt-pdfa">
                <input
                    id="opt-pdfa"
                    type="checkbox"
                    prop:checked=move || st.draft.with(|d| d.options.pdfa)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        st.edit(|d| d.options.pdfa = on);
                    }
                />
                "PDF/A – รูปแบบสำหรับเก็บเอกสารระยะยาว (เลือกเมื่อหน่วยงานกำหนด)"
            </label>
            <p class="file-name">"ชื่อไฟล์: " <strong>{move || st.draft.with(wording::pdf_file_name)}</strong></p>
            <div class="row">
                <button type="button" class="big" id="show-preview" disabled=move || busy.get().is_some() on:click=show_preview>"ดูตัวอย่างเอกสาร"</button>
                <button type="button" class="primary big" id="download-pdf" disabled=move || busy.get().is_some() on:click=move |_| download(st, busy, error)>
                    "ดาวน์โหลด PDF"
                </button>
            </div>
            <p class="busy" role="status" aria-live="polite">{move || busy.get()}</p>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
        {move || {
            preview.get().map(|doc| {
                // Image URLs of the previous preview are released first.
                for url in preview_urls.get_value() {
                    let _ = web_sys::Url::revoke_object_url(&url);
                }
                let mut urls = Vec::new();
                let pages = doc.pages.iter().map(|p| page_svg(p, &mut urls)).collect_view();
                preview_urls.set_value(urls);
                view! {
                    <section class="preview" aria-label="ตัวอย่างเอกสาร">
                        <h2>{format!("ตัวอย่างเอกสาร ({} หน้า)", Digits::Thai.number(doc.pages.len()))}</h2>
                        <div class="pages">{pages}</div>
                    </section>
                }
            })
        }}
    }
    .into_any()
}
