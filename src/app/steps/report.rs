//! Step 2: fiscal year, round, period.

use crate::app::fields::{date_field, number_field, radio_choice, NumberKind};
use crate::app::state::AppState;
use crate::model::Round;
use crate::thai::Digits;
use leptos::prelude::*;

pub fn view(st: AppState) -> AnyView {
    let year = Memo::new(move |_| st.draft.with(|d| d.report.fiscal_year));
    let round_choice = move |round: Round, label: &'static str| {
        radio_choice(
            st,
            "round",
            label,
            move |d| d.report.round == round,
            move |d| {
                d.report.round = round;
                d.report.period_end = None;
            },
        )
    };
    let why = crate::model::ReportInfo::due_explanation(crate::app::state::today());
    view! {
        <p class="lead">"ปีงบประมาณเริ่ม ๑ ต.ค. ของปีก่อนหน้า · รอบ ๖ เดือน: ๑ ต.ค. – ๓๑ มี.ค. · รอบ ๑๒ เดือน: ๑ ต.ค. – ๓๐ ก.ย."</p>
        <p class="hint">{why}</p>
        <div class="grid two">
            {number_field(
                st,
                "report.fiscal_year",
                "ปีงบประมาณ พ.ศ.",
                NumberKind::Year,
                |d| Some(d.report.fiscal_year as f32),
                |d, v| {
                    if let Some(y) = v {
                        d.set_fiscal_year(y as u16);
                    }
                },
            )}
            <fieldset class="field">
                <legend>"รอบรายงาน"</legend>
                {round_choice(Round::SixMonths, "รอบ ๖ เดือน (ตุลาคม – มีนาคม)")}
                {round_choice(Round::TwelveMonths, "รอบ ๑๒ เดือน (ทั้งปีงบประมาณ)")}
            </fieldset>
        </div>
        <div class="grid two">
            {move || {
                let y = year.get();
                date_field(
                    st,
                    "report.period_start".to_string(),
                    "วันเริ่มต้นของรอบรายงาน",
                    (y - 2)..=(y + 1),
                    |d| Some(d.report.period().0),
                    |d, v| d.report.period_start = v,
                )
            }}
            {move || {
                let y = year.get();
                date_field(
                    st,
                    "report.period_end".to_string(),
                    "วันสิ้นสุดของรอบรายงาน",
                    (y - 2)..=(y + 1),
                    |d| Some(d.report.period().1),
                    |d, v| d.report.period_end = v,
                )
            }}
        </div>
        <p class="preview-line">
            "ในเอกสาร: "
            <strong>{move || st.draft.with(|d| format!("ประจำปีงบประมาณ พ.ศ. {} {}", Digits::Thai.number(d.report.fiscal_year), crate::catalog::wording::round_text(d)))}</strong>
        </p>
    }
    .into_any()
}
