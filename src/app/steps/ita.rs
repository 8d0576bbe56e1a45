//! Step 3: last year's ITA result: overall and per-indicator scores (optionally the current
//! year's too), the chart and the weak indicators shown live, and the analysis text.

use crate::app::fields::{number_field, proposed_field, text_field, textarea_field, NumberKind};
use crate::app::state::AppState;
use crate::catalog::{wording, INDICATORS};
use crate::model::ita_level;
use crate::thai::Digits;
use leptos::prelude::*;

/// The chart of indicator scores, drawn as SVG from the draft (the PDF draws the same).
fn chart(st: AppState) -> impl IntoView {
    let rows = move || {
        st.draft.with(|d| {
            INDICATORS
                .iter()
                .map(|ind| {
                    let s = d.ita.indicators.get(ind.number as usize - 1).copied().unwrap_or_default();
                    (ind.number, ind.name, s.previous, s.current)
                })
                .collect::<Vec<_>>()
        })
    };
    let threshold = move || st.draft.with(|d| d.ita.threshold);
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
        st.draft.with(|d| {
            d.ita
                .weak_indicators()
                .into_iter()
                .filter_map(|n| {
                    crate::catalog::indicator(n as u8).map(|i| (n, i.name, d.ita.indicators[n - 1].previous))
                })
                .collect::<Vec<_>>()
        })
    };
    let two_years = move || st.draft.with(|d| d.ita.has_current());
    let year = move || st.draft.with(|d| d.ita.assessed_year);
    let assessed = st.draft.with_untracked(|d| d.ita.assessed_year);
    view! {
        <p class="lead">"กรอกผลการประเมิน ITA ของปีที่ผ่านมา แผนภูมิและตัวชี้วัดที่ต่ำกว่าเกณฑ์ (ด้านล่าง) แสดงทันทีที่กรอกคะแนน"</p>
        <div class="grid three">
            {number_field(st, "ita.assessed_year", "ปีที่ประเมิน (พ.ศ.)", NumberKind::Year, |d| Some(d.ita.assessed_year as f32), |d, v| {
                if let Some(y) = v {
                    d.ita.assessed_year = y as u16;
                }
            })}
            {number_field(st, "ita.score", "คะแนนรวม", NumberKind::Optional, |d| d.ita.score, |d, v| d.ita.score = v)}
            {text_field(
                st,
                "ita.level".to_string(),
                "ระดับผลการประเมิน",
                Some("เว้นว่างได้: คำนวณจากคะแนน (AA\u{a0}≥\u{a0}๙๕, A\u{a0}≥\u{a0}๘๕, B\u{a0}≥\u{a0}๗๕)"),
                |d| if d.ita.level.is_empty() { d.ita.score.map(|s| ita_level(s).to_string()).unwrap_or_default() } else { d.ita.level.clone() },
                |d, v| d.ita.level = v,
            )}
            {number_field(st, "ita.current_score", "คะแนนรวมปีถัดไป (ถ้าประกาศแล้ว)", NumberKind::Optional, |d| d.ita.current_score, |d, v| d.ita.current_score = v)}
            {number_field(st, "ita.threshold", "เกณฑ์คะแนนที่ถือว่าผ่าน", NumberKind::Required, |d| Some(d.ita.threshold), |d, v| {
                if let Some(t) = v {
                    d.ita.threshold = t;
                }
            })}
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
                    view! {
                        <div class="ind-row">
                            <span class="ind-name">{title.clone()}</span>
                            {number_field(
                                st,
                                &format!("ita.indicators.{i}.previous"),
                                &format!("ตัวชี้วัดที่ {} ปี {}", Digits::Thai.number(ind.number), Digits::Thai.number(assessed)),
                                NumberKind::Optional,
                                move |d| d.ita.indicators.get(i).and_then(|s| s.previous),
                                move |d, v| {
                                    d.ita.indicators.resize(10, Default::default());
                                    d.ita.indicators[i].previous = v;
                                },
                            )}
                            {number_field(
                                st,
                                &format!("ita.indicators.{i}.current"),
                                &format!("ตัวชี้วัดที่ {} ปี {} (ถ้ามี)", Digits::Thai.number(ind.number), Digits::Thai.number(assessed + 1)),
                                NumberKind::Optional,
                                move |d| d.ita.indicators.get(i).and_then(|s| s.current),
                                move |d, v| {
                                    d.ita.indicators.resize(10, Default::default());
                                    d.ita.indicators[i].current = v;
                                },
                            )}
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
        {proposed_field(
            st,
            "texts.analysis_summary".to_string(),
            "สรุปผลการวิเคราะห์",
            6,
            wording::analysis_summary,
            |d| d.texts.analysis_summary.clone(),
            |d, v| d.texts.analysis_summary = v,
        )}
        {textarea_field(
            st,
            "analysis.weaknesses".to_string(),
            "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขเร่งด่วน",
            Some("พิมพ์ข้อละหนึ่งบรรทัด โปรแกรมใส่เลขข้อให้เอง"),
            4,
            |d| d.analysis.weaknesses.clone(),
            |d, v| d.analysis.weaknesses = v,
        )}
        {textarea_field(
            st,
            "analysis.improvements".to_string(),
            "ประเด็นที่ต้องพัฒนาให้ดีขึ้น",
            Some("พิมพ์ข้อละหนึ่งบรรทัด โปรแกรมใส่เลขข้อให้เอง"),
            4,
            |d| d.analysis.improvements.clone(),
            |d, v| d.analysis.improvements = v,
        )}
        {textarea_field(
            st,
            "analysis.approach".to_string(),
            "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
            Some("พิมพ์ข้อละหนึ่งบรรทัด โปรแกรมใส่เลขข้อให้เอง"),
            4,
            |d| d.analysis.approach.clone(),
            |d, v| d.analysis.approach = v,
        )}
    }
    .into_any()
}
