//! Step 7: every problem listed (each a link to its field), options, a preview of the pages
//! and the download, with progress while a long document is made.

use crate::app::download::save_file;
use crate::app::engine;
use crate::app::fields::{option_box, radio_choice};
use crate::app::next_frame;
use crate::app::state::{field_id, AppState};
use crate::app::wizard::{go, step_of, STEPS};
use crate::catalog::wording;
use crate::document::DocError;
use crate::model::{DocumentKind, Draft, Round};
use crate::storage::images as stored;
use crate::thai::Digits;
use crate::worker_api::{Preview, PreviewItem, PreviewPage};
use leptos::prelude::*;

/// The images the draft uses, from IndexedDB; a missing one is reported by name.
async fn load_images(d: &Draft) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut images = Vec::new();
    for id in d.image_ids() {
        match stored::get(&id).await {
            Ok(Some(bytes)) => images.push((id, bytes)),
            Ok(None) => return Err(DocError::MissingImage(id).thai()),
            Err(e) => return Err(stored::thai_error(&e)),
        }
    }
    Ok(images)
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

/// Why there is nothing to print, if so (every part of the document left out).
fn nothing_to_print(d: &Draft) -> Option<String> {
    (!d.options.parts.any())
        .then(|| "ยังไม่ได้เลือกส่วนของเอกสารที่จะพิมพ์ กรุณาเลือกอย่างน้อย ๑ ส่วนในหัวข้อ \"ส่วนของเอกสารที่พิมพ์\" ด้านบน".into())
}

/// Makes and saves the PDF of the draft as `prepare` turns it into one of the year's
/// documents (this round's report, another round's, the measures).
fn download(
    st: AppState,
    busy: RwSignal<Option<String>>,
    error: RwSignal<String>,
    prepare: impl FnOnce(Draft) -> Draft + 'static,
) {
    make_file(st, busy, error, prepare, Format::Pdf)
}

/// What file to make.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Pdf,
    /// A Word file of the same document, for edits outside the app.
    Word,
}

fn make_file(
    st: AppState,
    busy: RwSignal<Option<String>>,
    error: RwSignal<String>,
    prepare: impl FnOnce(Draft) -> Draft + 'static,
    format: Format,
) {
    error.set(String::new());
    st.saving.flush();
    let d = prepare(st.draft.get_untracked());
    if let Some(why) = nothing_to_print(&d) {
        error.set(why);
        return;
    }
    // The officer may leave the step while the PDF is made: this step's signals are then
    // gone, so they are only ever written with `try_set`.
    leptos::task::spawn_local(async move {
        busy.try_set(Some(
            if format == Format::Pdf {
                "กำลังสร้าง PDF…"
            } else {
                "กำลังสร้างไฟล์ Word…"
            }
            .into(),
        ));
        next_frame().await;
        let result = async {
            let images = load_images(&d).await?;
            if format == Format::Word {
                let bytes = engine::docx(&d, images).await?;
                let name = wording::pdf_file_name(&d).replace(".pdf", ".docx");
                save_file(&bytes, &name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                return Ok(());
            }
            // Measured from the request to the bytes (the engine works in its own thread).
            mark("prongsai:pdf:start");
            let bytes = engine::pdf(&d, images).await?;
            measure("prongsai:pdf", "prongsai:pdf:start");
            save_file(&bytes, &wording::pdf_file_name(&d), "application/pdf");
            Ok::<_, String>(())
        }
        .await;
        if let Err(e) = result {
            if error.try_set(e.clone()).is_some() {
                // The step is gone: say it where the officer is now.
                st.toasts.say(e);
            }
        }
        busy.try_set(None);
    });
}

/// The year's other documents from this draft: the other rounds' reports (when results
/// were kept for them), the measures published at the start of the year, and the next
/// year's draft.
fn year_documents(st: AppState, busy: RwSignal<Option<String>>, error: RwSignal<String>) -> impl IntoView {
    let others =
        move || st.shape(|d| d.rounds_with_results().into_iter().filter(|r| *r != d.report.round).collect::<Vec<_>>());
    let next_year = move |_| {
        st.saving.flush();
        let next = st.draft.with_untracked(Draft::next_year);
        let year = Digits::Thai.number(next.report.fiscal_year);
        st.create(next);
        go(st, 1);
        st.toasts.say(format!(
            "เริ่มร่างปีงบประมาณ {year} จากร่างเดิมแล้ว (มาตรการและผู้ลงนามคัดลอกมา ผลการดำเนินการว่าง) ร่างเดิมยังอยู่ครบในรายการร่าง"
        ));
    };
    view! {
        <h3>"เอกสารอื่นของปีนี้จากร่างเดียวกัน"</h3>
        <div class="row">
            {move || {
                others()
                    .into_iter()
                    .map(|round| {
                        let label = format!("ดาวน์โหลดรายงาน{}", Digits::Thai.apply(round.label()));
                        view! {
                            <button type="button" id=format!("download-round-{}", round_key(round)) disabled=move || busy.get().is_some() on:click=move |_| download(st, busy, error, move |d| d.for_round(round))>
                                {label}
                            </button>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" id="download-docx" disabled=move || busy.get().is_some() on:click=move |_| make_file(st, busy, error, |d| d, Format::Word)>
                "ดาวน์โหลดไฟล์ Word (.docx)"
            </button>
            <button type="button" id="download-measures" disabled=move || busy.get().is_some() on:click=move |_| download(st, busy, error, |d| d.for_document(DocumentKind::Measures))>
                "ดาวน์โหลดมาตรการ (ประกาศต้นปีงบประมาณ)"
            </button>
        </div>
        <p class="hint">"ไฟล์ Word: เนื้อหาและลำดับเดียวกับ PDF ใช้แบบอักษร TH SarabunIT๙ ๑๖ พอยต์ สำหรับแก้ไขขั้นสุดท้ายนอกโปรแกรม (เช่น ถ้อยคำของผู้บริหาร หรือระบบสารบรรณอิเล็กทรอนิกส์ที่ต้องการไฟล์ Word) แผนภูมิไม่รวมอยู่ในไฟล์ Word (ตัวเลขอยู่ในตารางแล้ว)"</p>
        <p class="hint">"มาตรการ: บันทึกขอความเห็นชอบ ผลการวิเคราะห์ ITA ประกาศของหน่วยงาน และตารางมาตรการโดยไม่มีผลการดำเนินการ สำหรับเผยแพร่ต้นปี"</p>
        <div class="row">
            <button type="button" id="start-next-year" on:click=next_year>"เริ่มปีงบประมาณถัดไปจากร่างนี้"</button>
        </div>
        <p class="hint">"สร้างร่างใหม่: คัดลอกหน่วยงาน ผู้ลงนาม และมาตรการ (ล้างผลการดำเนินการ ภาพ และวันที่) เลื่อนปี และย้ายคะแนน ITA ปีล่าสุดไปเป็นปีที่ประเมิน ร่างนี้ไม่เปลี่ยนแปลง"</p>
    }
}

/// A round's key in element ids.
fn round_key(round: Round) -> &'static str {
    match round {
        Round::SixMonths => "six",
        Round::TwelveMonths => "twelve",
        Round::Unspecified => "none",
    }
}

/// One page as SVG, from the same layout the PDF is written from.
fn page_svg(st: AppState, page: &PreviewPage) -> AnyView {
    let items = page
        .items
        .iter()
        .map(|item| match item.clone() {
            PreviewItem::Text { x, y, size, bold, color, w, text } => view! {
                <text
                    x=x
                    y=y
                    font-size=size
                    font-weight=if bold { "700" } else { "400" }
                    fill=color
                    textLength=w
                    lengthAdjust="spacingAndGlyphs"
                >
                    {text}
                </text>
            }
            .into_any(),
            PreviewItem::Line { x1, y1, x2, y2, width, color, dash } => view! {
                <line
                    x1=x1
                    y1=y1
                    x2=x2
                    y2=y2
                    stroke=color
                    stroke-width=width
                    stroke-dasharray=dash.map(|(a, b)| format!("{a} {b}")).unwrap_or_default()
                ></line>
            }
            .into_any(),
            PreviewItem::Rect { x, y, w, h, fill, stroke } => view! {
                <rect
                    x=x
                    y=y
                    width=w
                    height=h
                    fill=fill.unwrap_or_else(|| "none".into())
                    stroke=if stroke.is_some() { "#000" } else { "none" }
                    stroke-width=stroke.unwrap_or(0.0)
                ></rect>
            }
            .into_any(),
            PreviewItem::Image { x, y, w, h, id } => view! {
                <image
                    href=move || st.images.url(&id)
                    x=x
                    y=y
                    width=w
                    height=h
                    preserveAspectRatio="none"
                ></image>
            }
            .into_any(),
            PreviewItem::Path { d, fill, opacity } => {
                view! { <path d=d fill=fill fill-opacity=opacity></path> }.into_any()
            }
            PreviewItem::Emblem { x, y, w, h } => {
                view! { <image href="garuda.svg" x=x y=y width=w height=h preserveAspectRatio="xMidYMid meet"></image> }
                    .into_any()
            }
        })
        .collect_view();
    view! {
        <svg class="page" viewBox=format!("0 0 {} {}", page.w, page.h) role="img" aria-label="หน้าตัวอย่าง">
            <rect width=page.w height=page.h fill="#fff"></rect>
            {items}
        </svg>
    }
    .into_any()
}

pub fn view(st: AppState) -> AnyView {
    let busy = RwSignal::new(None::<String>);
    let error = RwSignal::new(String::new());
    let preview = RwSignal::new(None::<Preview>);
    engine::warm_up();
    let show_preview = move |_| {
        error.set(String::new());
        st.saving.flush();
        let d = st.draft.get_untracked();
        if let Some(why) = nothing_to_print(&d) {
            error.set(why);
            return;
        }
        leptos::task::spawn_local(async move {
            busy.try_set(Some("กำลังจัดหน้าตัวอย่าง…".into()));
            let result = async { engine::preview(&d, load_images(&d).await?).await }.await;
            match result {
                Ok(p) => {
                    preview.try_set(Some(p));
                }
                Err(e) => {
                    error.try_set(e);
                }
            }
            busy.try_set(None);
        });
    };
    let problems = move || st.feedback.problems.get();
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
                            let step = step_of(&p.field);
                            let field = p.field.clone();
                            view! {
                                <li>
                                    <a
                                        href=format!("#{}", field_id(&field))
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            st.feedback.show_all.set(true);
                                            go(st, step);
                                            st.outline.reveal(&field);
                                            crate::app::route::focus_field(&field_id(&field));
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
            {move || {
                (!problems().is_empty())
                    .then(|| {
                        view! {
                            <p class="hint">
                                "ดาวน์โหลดได้แม้ยังไม่ครบ ช่องที่ว่างจะเว้นไว้ในเอกสาร และทุกหน้าจะมีคำว่า \"ร่าง\" จาง ๆ จนกว่าจะแก้ครบ"
                            </p>
                            <label class="choice" for="opt-no-watermark">
                                <input
                                    id="opt-no-watermark"
                                    type="checkbox"
                                    prop:checked=move || st.shape(|d| !d.options.watermark)
                                    on:change=move |ev| {
                                        let off = event_target_checked(&ev);
                                        st.edit(|d| d.options.watermark = !off);
                                    }
                                />
                                "ไม่พิมพ์คำว่า \"ร่าง\" (ข้าพเจ้าทราบว่ายังมีรายการที่ควรแก้ไข)"
                            </label>
                        }
                    })
            }}
        </section>
        <section class="card">
            <h2>"ตัวเลือกเอกสาร"</h2>
            <fieldset class="field">
                <legend>"ตัวเลขในเอกสาร"</legend>
                {[(Digits::Thai, "เลขไทย (๑ ๒ ๓)"), (Digits::Arabic, "เลขอารบิก (1 2 3)")]
                    .into_iter()
                    .map(|(digits, label)| {
                        radio_choice("digits", label, move |d| d.options.digits == digits, move |d| d.options.digits = digits)
                    })
                    .collect_view()}
            </fieldset>
            {option_box(st, "opt-pdfa", "PDF/A – รูปแบบสำหรับเก็บเอกสารระยะยาว (เลือกเมื่อหน่วยงานกำหนด)", |o| &mut o.pdfa)}
            <fieldset class="field" id="f-options-parts" tabindex="-1">
                <legend>"ส่วนของเอกสารที่พิมพ์"</legend>
                {option_box(st, "opt-part-memo", "บันทึกข้อความ", |o| &mut o.parts.memo)}
                {option_box(st, "opt-part-cover", "หน้าปกและคำนำ", |o| &mut o.parts.cover)}
                {option_box(st, "opt-part-analysis", "ผลการประเมิน ITA และการวิเคราะห์", |o| &mut o.parts.analysis)}
                {option_box(st, "opt-part-measures", "ตารางมาตรการและผลการดำเนินการ", |o| &mut o.parts.measures)}
                {option_box(st, "opt-part-photos", "ภาพประกอบ", |o| &mut o.parts.photos)}
                {option_box(st, "opt-part-recommendations", "สรุปผลและข้อเสนอแนะ", |o| &mut o.parts.recommendations)}
                {move || st.feedback.problem_for(&crate::model::FieldPath::Parts).map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            </fieldset>
            {option_box(st, "opt-number-measures", "ใส่เลขลำดับมาตรการ (๑. ๒. …) ในตาราง", |o| &mut o.number_measures)}
            <p class="file-name">"ชื่อไฟล์: " <strong>{move || st.draft.with(wording::pdf_file_name)}</strong></p>
            <div class="row">
                <button type="button" class="big" id="show-preview" disabled=move || busy.get().is_some() on:click=show_preview>"ดูตัวอย่างเอกสาร"</button>
                <button type="button" class="primary big" id="download-pdf" disabled=move || busy.get().is_some() on:click=move |_| download(st, busy, error, |d| d)>
                    "ดาวน์โหลด PDF"
                </button>
            </div>
            {year_documents(st, busy, error)}
            <p class="busy" role="status" aria-live="polite">{move || busy.get()}</p>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
        {move || {
            preview.get().map(|doc| {
                let pages = doc.pages.iter().map(|p| page_svg(st, p)).collect_view();
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
