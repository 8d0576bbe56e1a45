//! Step 3: last year's ITA result: overall and per-indicator scores (optionally the current
//! year's too), the chart and the weak indicators shown live, and the analysis text.

use crate::app::fields::{NumberField, NumberKind, ProposedField, TextField};
use crate::app::state::AppState;
use crate::catalog::INDICATORS;
use crate::model::path::{AnalysisField, ItaField, ScoreYear, TextField as Text};
use crate::model::{ita_level, FieldPath};
use crate::thai::Digits;
use leptos::prelude::*;

/// The fields the chart and the weak indicators are drawn from.
fn score_paths() -> Vec<FieldPath> {
    let mut paths: Vec<FieldPath> =
        (0..10).flat_map(|i| ScoreYear::ALL.iter().map(move |&y| FieldPath::Indicator(i, y))).collect();
    paths.push(FieldPath::Ita(ItaField::Threshold));
    paths
}

/// The chart of indicator scores, drawn as SVG from the draft (the PDF draws the same).
fn chart(st: AppState) -> impl IntoView {
    let rows = move || {
        st.fields(&score_paths(), |d| {
            INDICATORS
                .iter()
                .map(|ind| {
                    let s = d.ita.indicators.get(ind.number as usize - 1).copied().unwrap_or_default();
                    (ind.number, ind.name, s.previous, s.current)
                })
                .collect::<Vec<_>>()
        })
    };
    let threshold = move || st.field(&FieldPath::Ita(ItaField::Threshold), |d| d.ita.threshold);
    let (label_w, bar_w, row_h) = (170.0, 230.0, 26.0);
    let x = move |v: f32| label_w + v.clamp(0.0, 100.0) / 100.0 * bar_w;
    view! {
        <figure class="chart">
            <svg viewBox="0 0 460 290" role="img" aria-label="แผนภูมิคะแนนรายตัวชี้วัด">
                {move || {
                    rows()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (n, name, prev, cur))| {
                            let y = 10.0 + i as f32 * row_h;
                            let weak = prev.is_some_and(|v| v < threshold());
                            view! {
                                <text x=label_w - 6.0 y=y + 13.0 text-anchor="end" class="label">
                                    {format!("{} {}", Digits::Thai.number(n), name)}
                                </text>
                                {prev.map(|v| view! {
                                    <rect x=label_w y=y + 2.0 width=x(v) - label_w height=if cur.is_some() { 9.0 } else { 16.0 } class:bar=true class:weak=weak></rect>
                                    <text x=x(v) + 4.0 y=y + 12.0 class="value">{Digits::Thai.apply(&format!("{v:.2}"))}</text>
                                })}
                                {cur.map(|v| view! {
                                    <rect x=label_w y=y + 12.0 width=x(v) - label_w height=9.0 class="bar current"></rect>
                                })}
                            }
                        })
                        .collect_view()
                }}
                <line
                    x1=move || x(threshold())
                    x2=move || x(threshold())
                    y1="4"
                    y2="272"
                    class="threshold"
                ></line>
                <text x=move || x(threshold()) y="286" text-anchor="middle" class="threshold-label">
                    {move || format!("เกณฑ์ {}", Digits::Thai.number(threshold()))}
                </text>
            </svg>
        </figure>
    }
}

pub fn view(st: AppState) -> AnyView {
    let weak = move || {
        st.fields(&score_paths(), |d| {
            d.ita
                .weak_indicators()
                .into_iter()
                .filter_map(|n| {
                    crate::catalog::indicator(n as u8).map(|i| (n, i.name, d.ita.indicators[n - 1].previous))
                })
                .collect::<Vec<_>>()
        })
    };
    let mut current = score_paths();
    current.push(FieldPath::Ita(ItaField::CurrentScore));
    let two_years = move || st.fields(&current, |d| d.ita.has_current());
    let ita = FieldPath::Ita;
    let year = move || st.field(&ita(ItaField::AssessedYear), |d| d.ita.assessed_year);
    let assessed = st.draft.with_untracked(|d| d.ita.assessed_year);
    let level_hint = Some("เว้นว่างได้: คำนวณจากคะแนน (AA\u{a0}≥\u{a0}๙๕, A\u{a0}≥\u{a0}๘๕, B\u{a0}≥\u{a0}๗๕)");
    // An empty level is derived from the score: the field shows which.
    let derived_level = Signal::derive(move || {
        st.field(&ita(ItaField::Score), |d| d.ita.score.map(ita_level).unwrap_or_default().to_string())
    });
    let lines_hint = Some("พิมพ์ข้อละหนึ่งบรรทัด โปรแกรมใส่เลขข้อให้เอง");
    let analysis = FieldPath::Analysis;
    view! {
        <p class="lead">"กรอกผลการประเมิน ITA ของปีที่ผ่านมา แผนภูมิและตัวชี้วัดที่ต่ำกว่าเกณฑ์ (ด้านล่าง) แสดงทันทีที่กรอกคะแนน"</p>
        <div class="grid three">
            <NumberField path=ita(ItaField::AssessedYear) label="ปีที่ประเมิน (พ.ศ.)" kind=NumberKind::Year />
            <NumberField path=ita(ItaField::Score) label="คะแนนรวม" kind=NumberKind::Optional />
            <TextField path=ita(ItaField::Level) label="ระดับผลการประเมิน" hint=level_hint placeholder=Some(derived_level) />
            <NumberField path=ita(ItaField::CurrentScore) label="คะแนนรวมปีถัดไป (ถ้าประกาศแล้ว)" kind=NumberKind::Optional />
            <NumberField path=ita(ItaField::Threshold) label="เกณฑ์คะแนนที่ถือว่าผ่าน" kind=NumberKind::Required />
        </div>
        <h2>"คะแนนรายตัวชี้วัด"</h2>
        <div class="indicators">
            <div class="ind-row head" aria-hidden="true">
                <span>"ตัวชี้วัด"</span>
                <span>{move || format!("ปี {}", Digits::Thai.number(year()))}</span>
                <span>{move || format!("ปี {} (ถ้ามี)", Digits::Thai.number(year() + 1))}</span>
            </div>
            {INDICATORS
                .iter()
                .map(|ind| {
                    let i = ind.number as usize - 1;
                    let title = format!("{}. {} ({})", Digits::Thai.number(ind.number), ind.name, ind.tool.code());
                    let n = Digits::Thai.number(ind.number);
                    view! {
                        <div class="ind-row">
                            <span class="ind-name">{title.clone()}</span>
                            <NumberField
                                path=FieldPath::Indicator(i, ScoreYear::Previous)
                                label=format!("ตัวชี้วัดที่ {n} ปี {}", Digits::Thai.number(assessed))
                                kind=NumberKind::Optional
                            />
                            <NumberField
                                path=FieldPath::Indicator(i, ScoreYear::Current)
                                label=format!("ตัวชี้วัดที่ {n} ปี {} (ถ้ามี)", Digits::Thai.number(assessed + 1))
                                kind=NumberKind::Optional
                            />
                        </div>
                    }
                })
                .collect_view()}
        </div>
        <div class="ita-live">
            {chart(st)}
            <div class="weak" aria-live="polite">
                <h3>"ตัวชี้วัดที่ต่ำกว่าเกณฑ์"</h3>
                {move || {
                    let w = weak();
                    if w.is_empty() {
                        view! { <p>"ไม่มี (หรือยังไม่ได้กรอกคะแนน)"</p> }.into_any()
                    } else {
                        view! {
                            <ol>
                                {w.into_iter()
                                    .map(|(n, name, v)| view! {
                                        <li>{format!("ตัวชี้วัดที่ {} {} {} คะแนน", Digits::Thai.number(n), name, v.map(|v| Digits::Thai.apply(&format!("{v:.2}"))).unwrap_or_default())}</li>
                                    })
                                    .collect_view()}
                            </ol>
                        }
                        .into_any()
                    }
                }}
                {move || two_years().then(|| view! { <p class="hint">"แผนภูมิแสดงสองปี: สีเข้ม = ปีที่ประเมิน สีอ่อน = ปีถัดไป"</p> })}
            </div>
        </div>
        <h2>"การวิเคราะห์ผลการประเมิน"</h2>
        <ProposedField path=FieldPath::Text(Text::AnalysisSummary) label="สรุปผลการวิเคราะห์" rows=6 />
        <TextField path=analysis(AnalysisField::Weaknesses) label="ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขเร่งด่วน" hint=lines_hint rows=4 />
        <TextField path=analysis(AnalysisField::Improvements) label="ประเด็นที่ต้องพัฒนาให้ดีขึ้น" hint=lines_hint rows=4 />
        <TextField path=analysis(AnalysisField::Approach) label="แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ" hint=lines_hint rows=4 />
    }
    .into_any()
}
