//! Step 4: measures, grouped by indicator or issue. Groups and measures are keyed by id, so
//! typing in one measure re-renders nothing but that field, even with a hundred measures.

use crate::app::fields::{select_field, text_field, textarea_field};
use crate::app::state::{new_id, AppState};
use crate::catalog::presets::PRESETS;
use crate::catalog::INDICATORS;
use crate::model::{Draft, Measure, MeasureGroup};
use crate::thai::Digits;
use leptos::prelude::*;

fn measure_index(d: &Draft, gid: &str, mid: &str) -> Option<(usize, usize)> {
    d.measure_position(mid).filter(|(g, _)| d.measures[*g].id == gid)
}

/// Applies `f` to a measure found by ids (a no-op if it was removed meanwhile).
fn with_measure(d: &mut Draft, mid: &str, f: impl FnOnce(&mut Measure)) {
    if let Some(m) = d.measure_mut(mid) {
        f(m);
    }
}

fn measure_card(st: AppState, gid: String, mid: String) -> impl IntoView {
    let (g2, m2) = (gid.clone(), mid.clone());
    let index = Memo::new(move |_| st.draft.with(|d| measure_index(d, &g2, &m2)));
    let path = move |field: &'static str| {
        Signal::derive(move || {
            index.get().map(|(g, m)| format!("measures.{g}.measures.{m}.{field}")).unwrap_or_default()
        })
    };
    // One field of this measure: a line (rows 0) or a text area (rows > 0).
    let field = |field: &'static str,
                 label: &'static str,
                 hint: Option<&'static str>,
                 rows: u32,
                 get: fn(&Measure) -> &String,
                 set: fn(&mut Measure, String)| {
        let (g1, m1, m2) = (gid.clone(), mid.clone(), mid.clone());
        let read = move |d: &crate::model::Draft| {
            measure_index(d, &g1, &m1).map(|(g, m)| get(&d.measures[g].measures[m]).clone()).unwrap_or_default()
        };
        let write = move |d: &mut crate::model::Draft, v: String| with_measure(d, &m2, |m| set(m, v));
        if rows == 0 {
            text_field(st, path(field), label, hint, read, write)
        } else {
            textarea_field(st, path(field), label, hint, rows, read, write)
        }
    };
    let text = |f, label, hint, get, set| field(f, label, hint, 0, get, set);
    let area = |f, label, hint, get, set| field(f, label, hint, 3, get, set);
    let mm = mid.clone();
    let shift = move |delta: isize| {
        let m = mm.clone();
        st.edit(move |d| {
            d.move_measure(&m, delta);
        });
    };
    let shift_up = shift.clone();
    let at_start = move || index.get().is_none_or(|(_, m)| m == 0);
    let ge = gid.clone();
    let at_end = move || {
        index.get().is_none_or(|(g, m)| {
            st.draft.with(|d| {
                d.measures.get(g).is_none_or(|grp| m + 1 >= grp.measures.len()) || d.group_index(&ge) != Some(g)
            })
        })
    };
    let mr = mid.clone();
    let remove = move |_| st.remove(|d| d.remove_measure(&mr));
    view! {
        <article class="measure">
            <div class="measure-head">
                <h3>{move || index.get().map(|(_, m)| format!("มาตรการที่ {}", Digits::Thai.number(m + 1))).unwrap_or_default()}</h3>
                <div class="row tools">
                    <button type="button" title="เลื่อนขึ้น" aria-label="เลื่อนมาตรการขึ้น" disabled=at_start on:click=move |_| shift_up(-1)>"▲"</button>
                    <button type="button" title="เลื่อนลง" aria-label="เลื่อนมาตรการลง" disabled=at_end on:click=move |_| shift(1)>"▼"</button>
                    <button type="button" class="danger" on:click=remove>"ลบมาตรการ"</button>
                </div>
            </div>
            {text("name", "มาตรการ/กิจกรรม", None, |m| &m.name, |m, v| m.name = v)}
            {area("steps", "ขั้นตอน/วิธีการปฏิบัติ", Some("พิมพ์ขั้นตอนละหนึ่งบรรทัด โปรแกรมใส่เลข ๑. ๒. ให้เอง"), |m| &m.steps, |m, v| m.steps = v)}
            <div class="grid two">
                {text("responsible", "ผู้รับผิดชอบ", None, |m| &m.responsible, |m, v| m.responsible = v)}
                {text("period", "ระยะเวลาดำเนินการ", Some("เช่น ตุลาคม ๒๕๖๗ – กันยายน ๒๕๖๘"), |m| &m.period, |m, v| m.period = v)}
            </div>
            {area("output", "ผลการดำเนินการ (ผลผลิต)", None, |m| &m.output, |m, v| m.output = v)}
            {area("outcome", "ผลลัพธ์", None, |m| &m.outcome, |m, v| m.outcome = v)}
            {text("note", "หมายเหตุ (ถ้ามี)", None, |m| &m.note, |m, v| m.note = v)}
        </article>
    }
}

fn group_card(st: AppState, gid: String) -> impl IntoView {
    let g1 = gid.clone();
    let index = Memo::new(move |_| st.draft.with(|d| d.group_index(&g1)));
    let g2 = gid.clone();
    let measure_ids = move || {
        st.draft.with(|d| {
            d.group_index(&g2)
                .map(|g| d.measures[g].measures.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let mut options = vec![(String::new(), "หัวข้ออื่น (กรอกหัวข้อเอง)".to_string())];
    options.extend(INDICATORS.iter().map(|i| {
        (i.number.to_string(), format!("ตัวชี้วัดที่ {} {} ({})", Digits::Thai.number(i.number), i.name, i.tool.code()))
    }));
    let (gi1, gi2, gh1, gh2) = (gid.clone(), gid.clone(), gid.clone(), gid.clone());
    let gx = gid.clone();
    let indicator_of = move || st.draft.with(|d| d.group_index(&gx).and_then(|g| d.measures[g].indicator));
    let (ga, gp, gm, gr, gc) = (gid.clone(), gid.clone(), gid.clone(), gid.clone(), gid.clone());
    let add_measure = move |_| {
        let id = new_id("m");
        st.edit(|d| {
            if let Some(g) = d.group_index(&ga) {
                d.measures[g].measures.push(Measure { id, ..Default::default() });
            }
        });
        st.commit();
    };
    let chosen = RwSignal::new(String::new());
    let add_preset = move |_| {
        let Some(p) = chosen.get_untracked().parse::<usize>().ok().and_then(|i| PRESETS.get(i)) else { return };
        let measure = p.to_measure(new_id("m"));
        let name = p.name;
        st.edit(|d| {
            if let Some(g) = d.group_index(&gp) {
                d.measures[g].measures.push(measure);
            }
        });
        st.commit();
        chosen.set(String::new());
        st.say(format!("เพิ่ม \"{name}\" แล้ว แก้ไขรายละเอียดให้ตรงกับที่ทำจริง"));
    };
    let move_group = move |delta: isize| {
        let g = gm.clone();
        st.edit(move |d| {
            d.move_group(&g, delta);
        });
    };
    let move_up = move_group.clone();
    let remove_group = move |_| st.remove(|d| d.remove_group(&gr));
    let presets = move || {
        let ind = indicator_of();
        PRESETS
            .iter()
            .enumerate()
            .filter(|(_, p)| ind.is_none_or(|i| p.indicator == i))
            .map(|(i, p)| (i, format!("[{}] {}", Digits::Thai.number(p.indicator), p.name)))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="group card">
            <div class="group-head">
                <h2>
                    {move || {
                        let heading = st.draft.with(|d| index.get().and_then(|g| d.measures.get(g)).map(crate::document::group_title).unwrap_or_default());
                        let n = index.get().map(|g| Digits::Thai.number(g + 1)).unwrap_or_default();
                        if heading.is_empty() { format!("กลุ่มที่ {n}") } else { format!("กลุ่มที่ {n}: {heading}") }
                    }}
                </h2>
                <div class="row tools">
                    <button type="button" title="เลื่อนกลุ่มขึ้น" aria-label="เลื่อนกลุ่มขึ้น" disabled=move || index.get() == Some(0) on:click=move |_| move_up(-1)>"▲"</button>
                    <button
                        type="button"
                        title="เลื่อนกลุ่มลง"
                        aria-label="เลื่อนกลุ่มลง"
                        disabled=move || index.get().is_none_or(|g| st.draft.with(|d| g + 1 >= d.measures.len()))
                        on:click=move |_| move_group(1)
                    >
                        "▼"
                    </button>
                    <button type="button" class="danger" on:click=remove_group>"ลบกลุ่ม"</button>
                </div>
            </div>
            <div class="grid two">
                {select_field(
                    st,
                    Signal::derive(move || index.get().map(|g| format!("measures.{g}.indicator")).unwrap_or_default()),
                    "ตัวชี้วัด ITA ที่เกี่ยวข้อง",
                    options,
                    move |d| d.group_index(&gi2).and_then(|g| d.measures[g].indicator).map(|i| i.to_string()).unwrap_or_default(),
                    move |d, v| {
                        if let Some(g) = d.group_index(&gi1) {
                            d.measures[g].indicator = v.parse().ok();
                        }
                    },
                )}
                {text_field(
                    st,
                    Signal::derive(move || index.get().map(|g| format!("measures.{g}.heading")).unwrap_or_default()),
                    "หัวข้อกลุ่ม",
                    Some("เว้นว่างได้เมื่อเลือกตัวชี้วัด (ใช้ชื่อตัวชี้วัดเป็นหัวข้อ)"),
                    move |d| d.group_index(&gh1).map(|g| d.measures[g].heading.clone()).unwrap_or_default(),
                    move |d, v| {
                        if let Some(g) = d.group_index(&gh2) {
                            d.measures[g].heading = v;
                        }
                    },
                )}
            </div>
            <For each=measure_ids key=|id| id.clone() let:mid>
                {measure_card(st, gc.clone(), mid)}
            </For>
            <div class="row add">
                <button type="button" on:click=add_measure>"+ เพิ่มมาตรการ (ว่าง)"</button>
            </div>
            <div class="preset">
                <label for=move || format!("preset-{}", index.get().unwrap_or(0))>"หรือเพิ่มจากมาตรการสำเร็จรูป"</label>
                <div class="row">
                    <select
                        id=move || format!("preset-{}", index.get().unwrap_or(0))
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="">"— เลือกมาตรการสำเร็จรูป —"</option>
                        {move || presets().into_iter().map(|(i, label)| view! { <option value=i.to_string()>{label}</option> }).collect_view()}
                    </select>
                    <button type="button" disabled=move || chosen.get().is_empty() on:click=add_preset>"เพิ่ม"</button>
                </div>
            </div>
        </section>
    }
}

pub fn view(st: AppState) -> AnyView {
    let group_ids = move || st.draft.with(|d| d.measures.iter().map(|g| g.id.clone()).collect::<Vec<_>>());
    let add_group = move |_| {
        let id = new_id("g");
        let mid = new_id("m");
        st.edit(|d| {
            d.measures.push(MeasureGroup {
                id,
                measures: vec![Measure { id: mid, ..Default::default() }],
                ..Default::default()
            });
        });
        st.commit();
    };
    view! {
        <p class="lead">
            "จัดมาตรการเป็นกลุ่มตามตัวชี้วัดหรือประเด็น แต่ละมาตรการกรอกขั้นตอน ผู้รับผิดชอบ ระยะเวลา และผลการดำเนินการ หรือเริ่มจากมาตรการสำเร็จรูปแล้วแก้ไขให้ตรงกับที่ทำจริง"
        </p>
        <div id="f-measures" tabindex="-1">
            {move || st.problem_for("measures").map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        </div>
        <For each=group_ids key=|id| id.clone() let:gid>
            {group_card(st, gid)}
        </For>
        <button type="button" class="wide" on:click=add_group>"+ เพิ่มกลุ่มมาตรการ"</button>
        <h2>"สรุปผลและข้อเสนอแนะ"</h2>
        {textarea_field(
            st,
            "recommendations".to_string(),
            "ข้อเสนอแนะ (พิมพ์ข้อละหนึ่งบรรทัด โปรแกรมใส่เลขข้อให้เอง)",
            None,
            4,
            |d| d.recommendations.join("\n"),
            |d, v| d.recommendations = v.lines().map(String::from).collect(),
        )}
    }
    .into_any()
}
