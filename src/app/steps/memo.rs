//! Step 6: the memo's fields (with proposed wording) and the signers, each with a signature
//! drawn on a pad (finger, pen or mouse) or uploaded as an image. A drawn signature is
//! kept as soon as the pen lifts (briefly debounced), so leaving the step never loses it.

use crate::app::fields::{option_box, DateField, ProposedField, TextField};
use crate::app::imaging;
use crate::app::state::AppState;
use crate::model::path::{AgencyField, MemoField, ReportField, SignerField};
use crate::model::{FieldPath, Signer, SignerRole as Who};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A signer's key as a part of element ids (`reviewers.0` → `reviewers-0`, as `field_id`).
fn element_key(who: Who) -> String {
    who.key().replace('.', "-")
}

/// Stores signature PNG bytes and points the signer at them.
async fn set_signature(st: AppState, who: Who, png: Vec<u8>, say: bool) {
    let Some(id) = st.keep_image("sig", &png, "image/png").await else { return };
    st.edit(|d| {
        if let Some(s) = d.signers.get_mut(who) {
            s.signature = Some(id);
        }
    });
    if say {
        st.toasts.say("บันทึกลายมือชื่อแล้ว".into());
    }
}

/// How long after the pen lifts a drawing is kept (a signature is often several strokes).
const KEEP_DRAWING_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

/// A canvas to sign on with finger, pen or mouse (pointer events), plus upload.
fn signature_pad(st: AppState, who: Who) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let drawing = StoredValue::new(false);
    let last = StoredValue::new((0.0f64, 0.0f64));
    let ctx =
        move || -> Option<web_sys::CanvasRenderingContext2d> { canvas.get()?.get_context("2d").ok()??.dyn_into().ok() };
    let point = move |ev: &web_sys::PointerEvent| -> (f64, f64) {
        let Some(c) = canvas.get() else { return (0.0, 0.0) };
        let r = c.get_bounding_client_rect();
        let sx = c.width() as f64 / r.width().max(1.0);
        let sy = c.height() as f64 / r.height().max(1.0);
        ((ev.client_x() as f64 - r.left()) * sx, (ev.client_y() as f64 - r.top()) * sy)
    };
    let down = move |ev: web_sys::PointerEvent| {
        ev.prevent_default();
        if let Some(c) = canvas.get() {
            let _ = c.set_pointer_capture(ev.pointer_id());
        }
        drawing.set_value(true);
        last.set_value(point(&ev));
    };
    let moved = move |ev: web_sys::PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        ev.prevent_default();
        let (x, y) = point(&ev);
        let (lx, ly) = last.get_value();
        if let Some(c) = ctx() {
            // Pens report pressure; mouse and finger report 0.5.
            let pressure = if ev.pressure() > 0.0 { ev.pressure() as f64 } else { 0.5 };
            c.set_line_width(2.0 + 3.0 * pressure);
            c.set_line_cap("round");
            c.set_line_join("round");
            c.set_stroke_style_str("#1a237e");
            c.begin_path();
            c.move_to(lx, ly);
            c.line_to(x, y);
            c.stroke();
        }
        last.set_value((x, y));
    };
    // Each stroke schedules a save of the whole pad; only the newest one runs. The timer
    // and the save hold the canvas element itself, so they finish after the step is left.
    let serial = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let up = {
        let serial = serial.clone();
        move |_ev: web_sys::PointerEvent| {
            // pointerleave also comes when the pad is taken away with the step.
            if drawing.try_get_value() != Some(true) {
                return;
            }
            drawing.set_value(false);
            let Some(el) = canvas.get_untracked() else { return };
            let el: web_sys::HtmlCanvasElement = el;
            let n = serial.get() + 1;
            serial.set(n);
            let serial = serial.clone();
            set_timeout(
                move || {
                    if serial.get() != n {
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        match imaging::signature_from_canvas(&el).await {
                            Ok(png) => set_signature(st, who, png, false).await,
                            Err(e) => st.toasts.say(e),
                        }
                    });
                },
                KEEP_DRAWING_AFTER,
            );
        }
    };
    let up_cancel = up.clone();
    let up_leave = up.clone();
    let clear = move |_| {
        if let (Some(c), Some(el)) = (ctx(), canvas.get()) {
            c.clear_rect(0.0, 0.0, el.width() as f64, el.height() as f64);
        }
    };
    let keep = move |_| {
        let Some(el) = canvas.get() else { return };
        let el: web_sys::HtmlCanvasElement = el;
        leptos::task::spawn_local(async move {
            match imaging::signature_from_canvas(&el).await {
                Ok(png) => set_signature(st, who, png, true).await,
                Err(e) => st.toasts.say(e),
            }
        });
    };
    let upload_id = format!("sig-upload-{}", element_key(who));
    let upload = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let result = match imaging::file_bytes(&file).await {
                Ok(bytes) => imaging::signature_from_image(&bytes, &file.type_()).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(png) => set_signature(st, who, png, true).await,
                Err(e) => st.toasts.say(e),
            }
        });
    };
    let current = move || st.shape(|d| d.signers.get(who).and_then(|s| s.signature.clone()));
    view! {
        <div class="signature">
            <p class="label" id=format!("sig-label-{}", element_key(who))>"ลายมือชื่อ"</p>
            {move || {
                current()
                    .map(|id| {
                        view! {
                            <div class="sig-current">
                                <img src=move || st.images.url(&id) alt="ลายมือชื่อที่บันทึกไว้" />
                                <button type="button" class="danger" on:click=move |_| st.remove(|d| d.remove_signature(who))>"ลบ"</button>
                            </div>
                        }
                    })
            }}
            <p class="hint">{move || if current().is_some() { "เซ็นใหม่ในกรอบนี้เพื่อแทนที่ (ใช้นิ้ว ปากกา หรือเมาส์) โปรแกรมบันทึกให้ทันทีที่ยกนิ้วหรือปากกา" } else { "เซ็นในกรอบนี้ (ใช้นิ้ว ปากกา หรือเมาส์) โปรแกรมบันทึกให้ทันทีที่ยกนิ้วหรือปากกา" }}</p>
            <canvas
                class="pad"
                width="600"
                height="200"
                node_ref=canvas
                aria-label="ช่องลงลายมือชื่อ ใช้นิ้ว ปากกา หรือเมาส์"
                on:pointerdown=down
                on:pointermove=moved
                on:pointerup=up
                on:pointercancel=up_cancel
                on:pointerleave=up_leave
            ></canvas>
            <div class="row pad-actions">
                <button type="button" on:click=keep>"บันทึกลายมือชื่อ"</button>
                <button type="button" on:click=clear>"ล้างกรอบ"</button>
                <input id=upload_id.clone() class="visually-hidden" type="file" accept="image/*" on:change=upload />
                <label class="button" for=upload_id>"อัปโหลดภาพลายมือชื่อ"</label>
            </div>
            <p class="hint">"ภาพที่อัปโหลด โปรแกรมจะลบพื้นหลังสีขาวให้เอง"</p>
        </div>
    }
}

/// One signer's fields; `actions` sit beside the heading (a reviewer's move and remove).
fn signer_fields(
    st: AppState,
    who: Who,
    title: Signal<String>,
    with_comment: bool,
    actions: Option<AnyView>,
) -> impl IntoView {
    let field = move |f: SignerField| FieldPath::Signer(who, f);
    let acting_hint = if who == Who::Reporter {
        "เช่น รักษาราชการแทน หัวหน้าสำนักปลัด"
    } else {
        "เว้นว่างได้"
    };
    // The word after the signing line: always printed under the report for its reporters,
    // in the memo only with signing lines.
    let reports = matches!(who, Who::Reporter | Who::Second);
    let sign_lines = Memo::new(move |_| st.shape(|d| d.options.sign_lines));
    let label_shown = move || reports || sign_lines.get();
    view! {
        <section class="card signer" id=format!("signer-{}", element_key(who))>
            <div class="card-head">
                <h2>{move || title.get()}</h2>
                {actions}
            </div>
            <div class="grid two">
                <TextField
                    path=field(SignerField::Name)
                    label="ชื่อ-นามสกุล (พร้อมคำนำหน้า)"
                    hint=(who == Who::Reporter).then_some("เช่น นางสาวอัมภพร อยู่เจริญ")
                    grow=true
                />
                <TextField path=field(SignerField::Position) label="ตำแหน่ง" grow=true />
            </div>
            <TextField path=field(SignerField::Acting) label="รักษาราชการแทน / ปฏิบัติหน้าที่ (ถ้ามี)" hint=Some(acting_hint) />
            <TextField
                path=field(SignerField::Rank)
                label="ยศหรือคำนำหน้าพิเศษ (ถ้ามี)"
                hint=Some("พิมพ์ไว้หน้าชื่อ เช่น พ.จ.ต. หรือ ว่าที่ร้อยตรี")
            />
            {move || {
                label_shown()
                    .then(|| view! { <ProposedField path=field(SignerField::Label) label="คำท้ายเส้นลงชื่อ (เช่น ผู้รายงาน)" rows=1 /> })
            }}
            {with_comment
                .then(|| {
                    view! {
                        <ProposedField path=field(SignerField::Heading) label="หัวข้อความเห็น" rows=1 />
                        <TextField
                            path=field(SignerField::Comment)
                            label="ความเห็น / คำสั่ง"
                            hint=Some("เว้นว่างได้ เอกสารจะเว้นเส้นประไว้ให้เขียนด้วยมือ")
                            rows=2
                        />
                    }
                })}
            {signature_pad(st, who)}
        </section>
    }
}

pub fn view(st: AppState) -> AnyView {
    let year = Memo::new(move |_| st.field(&FieldPath::Report(ReportField::FiscalYear), |d| d.report.fiscal_year));
    let has_second = Memo::new(move |_| st.shape(|d| d.signers.second.is_some()));
    let reviewers = Memo::new(move |_| st.shape(|d| d.signers.reviewers.len()));
    let agency = [FieldPath::Agency(AgencyField::Kind), FieldPath::Agency(AgencyField::Name)];
    let (a1, a2) = (agency.clone(), agency);
    let clerk = Memo::new(move |_| st.fields(&a1, |d| format!("{} (ความเห็น)", d.agency.clerk_title())));
    let chief = Memo::new(move |_| st.fields(&a2, |d| format!("{} (ความเห็น / คำสั่ง)", d.agency.chief_title())));
    let memo = FieldPath::Memo;
    view! {
        <p class="lead">"ข้อความที่โปรแกรมเสนอปรับตามข้อมูลที่กรอกโดยอัตโนมัติ แก้ไขได้ทุกช่อง"</p>
        <div class="grid two">
            <TextField path=memo(MemoField::Number) label="เลขที่หนังสือ (ตัวเลขหลังเครื่องหมาย /)" hint=Some("เว้นว่างได้ เพื่อเขียนด้วยมือภายหลัง") />
            {move || {
                let y = year.get();
                view! { <DateField path=memo(MemoField::Date) label="วันที่ของบันทึกข้อความ" years=(y - 1)..=(y + 1) /> }
            }}
        </div>
        <ProposedField path=memo(MemoField::Department) label="ส่วนราชการ" rows=1 />
        <ProposedField path=memo(MemoField::Subject) label="เรื่อง" rows=2 />
        <ProposedField path=memo(MemoField::Addressee) label="เรียน" rows=1 />
        <ProposedField path=memo(MemoField::Body) label="ข้อความ (เว้นบรรทัดว่างระหว่างย่อหน้า)" rows=10 />
        {signer_fields(st, Who::Reporter, Signal::derive(|| "ผู้รายงาน (ลงนามในบันทึกข้อความ)".to_string()), false, None)}
        <div class="field">
            <label class="choice" for="f-signers-second">
                <input
                    id="f-signers-second"
                    type="checkbox"
                    prop:checked=move || has_second.get()
                    on:change=move |ev| {
                        if event_target_checked(&ev) {
                            st.edit(|d| d.signers.second = Some(Signer::default()));
                        } else {
                            // What was typed for the second signer comes back with เลิกทำ.
                            st.remove(|d| d.remove_second_signer());
                        }
                    }
                />
                "มีผู้ลงนามคนที่สอง (เช่น หัวหน้าสำนักปลัด)"
            </label>
        </div>
        {move || has_second.get().then(|| signer_fields(st, Who::Second, Signal::derive(|| "ผู้ลงนามคนที่สอง".to_string()), false, None))}
        <h2>"ผู้ผ่านงานและความเห็น"</h2>
        <p class="hint">"บันทึกข้อความผ่านใครบ้างก่อนถึงปลัดและนายก (เช่น หัวหน้าสำนักปลัด รองปลัด) เพิ่มได้ไม่จำกัด แต่ละคนมีความเห็นและลายมือชื่อของตน"</p>
        {move || {
            (0..reviewers.get())
                .map(|i| {
                    let who = Who::Reviewer(i);
                    let actions = view! {
                        <div class="row">
                            <button type="button" disabled=i == 0 aria-label="เลื่อนขึ้น" on:click=move |_| st.edit(|d| { d.move_reviewer(i, -1); })>"▲"</button>
                            <button type="button" disabled=move || { i + 1 >= reviewers.get() } aria-label="เลื่อนลง" on:click=move |_| st.edit(|d| { d.move_reviewer(i, 1); })>"▼"</button>
                            <button type="button" class="danger" on:click=move |_| st.remove(|d| d.remove_reviewer(i))>"ลบผู้ผ่านงาน"</button>
                        </div>
                    }
                    .into_any();
                    let title = Signal::derive(move || {
                        let position = st.field(&FieldPath::Signer(who, SignerField::Position), |d| {
                            d.signers.get(who).map(|s| s.position.trim().lines().next().unwrap_or_default().to_string())
                        });
                        match position.filter(|p| !p.is_empty()) {
                            Some(p) => format!("{} ({p})", who.thai()),
                            None => who.thai(),
                        }
                    });
                    signer_fields(st, who, title, true, Some(actions))
                })
                .collect_view()
        }}
        <div class="row">
            <button type="button" id="add-reviewer" on:click=move |_| st.edit(|d| { d.add_reviewer(); })>"+ เพิ่มผู้ผ่านงาน"</button>
        </div>
        {signer_fields(st, Who::Clerk, clerk.into(), true, None)}
        {signer_fields(st, Who::Executive, chief.into(), true, None)}
        <section class="card">
            <h2>"รูปแบบการลงนาม"</h2>
            {option_box(st, "opt-sign-lines", "พิมพ์เส้น \"ลงชื่อ ……\" ใต้ความเห็นและลายมือชื่อทุกคนในบันทึกข้อความ", |o| &mut o.sign_lines)}
            <p class="hint">"รายงานท้ายเล่มมีเส้นลงชื่อ \"ลงชื่อ …… ผู้รายงาน\" เสมอ คำท้ายเส้นแก้ได้ที่ช่อง \"คำท้ายเส้นลงชื่อ\" ของแต่ละคน"</p>
        </section>
    }
    .into_any()
}
