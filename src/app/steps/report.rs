//! Step 2: fiscal year, round, period.

use crate::app::fields::{radio_choice, DateField, NumberField, NumberKind, TextField};
use crate::app::state::AppState;
use crate::model::path::ReportField;
use crate::model::{FieldPath, Round};
use crate::thai::Digits;
use leptos::prelude::*;

pub fn view(st: AppState) -> AnyView {
    let r = FieldPath::Report;
    let year = Memo::new(move |_| st.field(&r(ReportField::FiscalYear), |d| d.report.fiscal_year));
    let round_choice = move |round: Round, label: &'static str| {
        radio_choice(
            "round",
            label,
            move |d| d.report.round == round,
            // Each round keeps its own results and period (`model::rounds`).
            move |d| d.set_round(round),
        )
    };
    let why = crate::model::ReportInfo::due_explanation(crate::app::state::today());
    let period = [r(ReportField::FiscalYear), r(ReportField::PeriodStart), r(ReportField::PeriodEnd)];
    let in_document = move || {
        st.fields(&period, |d| {
            format!(
                "ประจำปีงบประมาณ พ.ศ. {} {}",
                Digits::Thai.number(d.report.fiscal_year),
                crate::catalog::wording::round_text(d)
            )
        })
    };
    view! {
        <p class="lead">"ปีงบประมาณเริ่ม ๑ ต.ค. ของปีก่อนหน้า · รอบ ๖ เดือน: ๑ ต.ค. – ๓๑ มี.ค. · รอบ ๑๒ เดือน: ๑ ต.ค. – ๓๐ ก.ย."</p>
        <p class="hint">{why}</p>
        <div class="grid two">
            <NumberField path=r(ReportField::FiscalYear) label="ปีงบประมาณ พ.ศ." kind=NumberKind::Year />
            <fieldset class="field">
                <legend>"รอบรายงาน"</legend>
                {round_choice(Round::SixMonths, "รอบ ๖ เดือน (ตุลาคม – มีนาคม)")}
                {round_choice(Round::TwelveMonths, "รอบ ๑๒ เดือน (ทั้งปีงบประมาณ)")}
                {round_choice(Round::Unspecified, "ไม่ระบุรอบ (เอกสารไม่พิมพ์รอบและช่วงเวลา)")}
            </fieldset>
        </div>
        <p class="hint">
            "เปลี่ยนรอบได้ตลอด: ผลการดำเนินการและช่วงเวลาของแต่ละรอบเก็บแยกกัน รายงานรอบ ๑๒ เดือนที่เริ่มหลังรอบ ๖ เดือนจะตั้งต้นจากผลของรอบ ๖ เดือน โดยรายงานรอบ ๖ เดือนยังอยู่ครบ"
        </p>
        <TextField
            path=r(ReportField::OitItem)
            label="ข้อ OIT ที่เอกสารนี้ตอบ (ถ้ามี)"
            hint=Some("เช่น O36 ตามกรอบการประเมินของปีนั้น พิมพ์ไว้มุมบนของหน้าปกและหน้าชื่อไฟล์")
        />
        <div class="grid two">
            {move || {
                let y = year.get();
                st.shape(|d| d.report.round.has_period()).then(|| view! {
                    <DateField path=r(ReportField::PeriodStart) label="วันเริ่มต้นของรอบรายงาน" years=(y - 2)..=(y + 1) />
                    <DateField path=r(ReportField::PeriodEnd) label="วันสิ้นสุดของรอบรายงาน" years=(y - 2)..=(y + 1) />
                })
            }}
        </div>
        <p class="preview-line">
            "ในเอกสาร: "
            <strong>{in_document}</strong>
        </p>
    }
    .into_any()
}
