//! Step 3: last year's ITA result: overall and per-indicator scores (optionally the current
//! year's too), the chart and the weak indicators shown live, and the analysis text.

use crate::app::fields::{NumberField, NumberKind, ProposedField, TextField};
use crate::app::state::AppState;
use crate::catalog::indicator;
use crate::model::path::{AnalysisField, IndicatorField, ItaField, ScoreYear, SubField, TextField as Text};
use crate::model::{ita_level, FieldPath};
use crate::thai::Digits;
use leptos::prelude::*;

/// The fields the chart and the weak indicators are drawn from.
fn score_paths(count: usize) -> Vec<FieldPath> {
    let mut paths: Vec<FieldPath> = (0..count)
        .flat_map(|i| {
            ScoreYear::ALL
                .iter()
                .map(move |&y| FieldPath::Indicator(i, y))
                .chain([FieldPath::IndicatorText(i, IndicatorField::Name)])
        })
        .collect();
    paths.push(FieldPath::Ita(ItaField::Threshold));
    paths
}

/// The chart of indicator scores, drawn as SVG from the draft (the PDF draws the same).
fn chart(st: AppState, count: Memo<usize>) -> impl IntoView {
    let rows = move || {
        st.fields(&score_paths(count.get()), |d| {
            (0..d.ita.indicators.len())
                .map(|i| {
                    let s = &d.ita.indicators[i];
                    (i + 1, d.ita.indicator_name(i), s.previous, s.current)
                })
                .collect::<Vec<_>>()
        })
    };
    let threshold = move || st.field(&FieldPath::Ita(ItaField::Threshold), |d| d.ita.threshold);
    let (label_w, bar_w, row_h) = (170.0, 230.0, 26.0);
    let x = move |v: f32| label_w + v.clamp(0.0, 100.0) / 100.0 * bar_w;
    let height = move || 30.0 + count.get() as f32 * row_h;
    view! {
        <figure class="chart">
            <svg viewBox=move || format!("0 0 460 {}", height()) role="img" aria-label="แผนภูมิคะแนนรายตัวชี้วัด">
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
                    y2=move || height() - 18.0
                    class="threshold"
                ></line>
                <text x=move || x(threshold()) y=move || height() - 4.0 text-anchor="middle" class="threshold-label">
                    {move || format!("เกณฑ์ {}", Digits::Thai.number(threshold()))}
                </text>
            </svg>
        </figure>
    }
}

/// One indicator's row of scores, its sub-indicators' rows under it.
fn indicator_rows(st: AppState, i: usize, assessed: u16) -> impl IntoView {
    let n = Digits::Thai.number(i + 1);
    let name_path = FieldPath::IndicatorText(i, IndicatorField::Name);
    let tool_path = FieldPath::IndicatorText(i, IndicatorField::Tool);
    let paths = [name_path, tool_path];
    let title = move || {
        st.fields(&paths, |d| {
            let tool = d.ita.indicator_tool(i);
            let tool = if tool.is_empty() { String::new() } else { format!(" ({tool})") };
            format!("{}. {}{tool}", Digits::Thai.number(i + 1), d.ita.indicator_name(i))
        })
    };
    let subs = Memo::new(move |_| st.shape(|d| d.ita.indicators.get(i).map_or(0, |s| s.subs.len())));
    let year = |y: u16| Digits::Thai.number(y);
    view! {
        <div class="ind-row">
            <span class="ind-name">{title}</span>
            <NumberField path=FieldPath::Indicator(i, ScoreYear::Previous) label=format!("ตัวชี้วัดที่ {n} ปี {}", year(assessed)) kind=NumberKind::Optional />
            <NumberField
                path=FieldPath::Indicator(i, ScoreYear::Current)
                label=format!("ตัวชี้วัดที่ {n} ปี {} (ถ้ามี)", year(assessed + 1))
                kind=NumberKind::Optional
            />
        </div>
        {move || {
            (0..subs.get())
                .map(|j| {
                    let m = Digits::Thai.apply(&format!("{}.{}", i + 1, j + 1));
                    view! {
                        <div class="ind-row sub">
                            <div class="sub-name">
                                <span class="sub-number" aria-hidden="true">{m.clone()}</span>
                                <TextField path=FieldPath::Sub(i, j, SubField::Name) label=format!("ชื่อตัวชี้วัดย่อยที่ {m}") />
                                <button type="button" class="link danger" on:click=move |_| st.remove(|d| d.remove_sub_indicator(i, j))>"ลบตัวชี้วัดย่อย"</button>
                            </div>
                            <NumberField path=FieldPath::Sub(i, j, SubField::Previous) label=format!("ตัวชี้วัดย่อยที่ {m} ปี {}", year(assessed)) kind=NumberKind::Optional />
                            <NumberField
                                path=FieldPath::Sub(i, j, SubField::Current)
                                label=format!("ตัวชี้วัดย่อยที่ {m} ปี {} (ถ้ามี)", year(assessed + 1))
                                kind=NumberKind::Optional
                            />
                        </div>
                    }
                })
                .collect_view()
        }}
    }
}

/// The framework of the year: names, tools and sub-indicators the officer may correct when
/// the NACC revises them (the app's ten are the default).
fn framework(st: AppState, count: Memo<usize>) -> impl IntoView {
    let changed = st.draft.with_untracked(|d| {
        // Open when changed, or when a name is missing (a problem's link must find its field).
        d.ita.indicators.len() != 10
            || d.ita.indicators.iter().any(|s| !s.name.is_empty() || !s.tool.is_empty())
            || (0..d.ita.indicators.len()).any(|i| d.ita.indicator_name(i).is_empty())
    });
    view! {
        <details class="framework" open=changed>
            <summary>"ปรับรายชื่อตัวชี้วัดให้ตรงกับกรอบการประเมินของปีนั้น (เมื่อ ป.ป.ช. เปลี่ยนแปลง) หรือเพิ่มตัวชี้วัดย่อย"</summary>
            <p class="hint">"ช่องที่เว้นว่างใช้ชื่อและเครื่องมือตามกรอบการประเมิน ๑๐ ตัวชี้วัดที่โปรแกรมมีให้"</p>
            {move || {
                (0..count.get())
                    .map(|i| {
                        let n = Digits::Thai.number(i + 1);
                        let default = indicator((i + 1) as u8);
                        let name_default = Signal::derive(move || default.map(|x| x.name.to_string()).unwrap_or_default());
                        let tool_default = Signal::derive(move || default.map(|x| x.tool.code().to_string()).unwrap_or_default());
                        view! {
                            <div class="framework-row">
                                <TextField path=FieldPath::IndicatorText(i, IndicatorField::Name) label=format!("ชื่อตัวชี้วัดที่ {n}") placeholder=Some(name_default) />
                                <TextField path=FieldPath::IndicatorText(i, IndicatorField::Tool) label="เครื่องมือ" placeholder=Some(tool_default) suggestions=Some(Signal::derive(|| vec!["IIT".to_string(), "EIT".into(), "OIT".into()])) />
                                <button type="button" on:click=move |_| st.edit(|d| { d.add_sub_indicator(i); })>"+ ตัวชี้วัดย่อย"</button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <div class="row">
                <button
                    type="button"
                    id="add-indicator"
                    disabled=move || { count.get() >= crate::model::path::MAX_INDICATORS }
                    title="เพิ่มได้ถึง ๓๐ ตัวชี้วัด"
                    on:click=move |_| st.edit(|d| { d.add_indicator(); })
                >
                    "+ เพิ่มตัวชี้วัด"
                </button>
                <button type="button" class="danger" disabled=move || { count.get() <= 1 } on:click=move |_| st.remove(|d| d.remove_last_indicator())>
                    "ลบตัวชี้วัดลำดับสุดท้าย"
                </button>
            </div>
        </details>
    }
}

pub fn view(st: AppState) -> AnyView {
    let count = Memo::new(move |_| st.shape(|d| d.ita.indicators.len()));
    let weak = move || {
        st.fields(&score_paths(count.get()), |d| {
            d.ita
                .weak_indicators()
                .into_iter()
                .map(|n| (n, d.ita.indicator_name(n - 1), d.ita.indicators[n - 1].previous))
                .collect::<Vec<_>>()
        })
    };
    let two_years = move || {
        let mut current = score_paths(count.get());
        current.push(FieldPath::Ita(ItaField::CurrentScore));
        st.fields(&current, |d| d.ita.has_current())
    };
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
            {move || (0..count.get()).map(|i| indicator_rows(st, i, assessed)).collect_view()}
        </div>
        {framework(st, count)}
        <div class="ita-live">
            {chart(st, count)}
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
