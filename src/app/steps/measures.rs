//! Step 4: measures, grouped by indicator or issue. Groups and measures are keyed by id and
//! their fields bound by path, so typing in one measure re-renders nothing but that field,
//! even with a hundred measures.

use crate::app::fields::{SelectField, TextField};
use crate::app::state::{new_id, AppState};
use crate::catalog::presets::PRESETS;
use crate::model::path::{GroupField, MeasureField};
use crate::model::{FieldPath, Measure, MeasureGroup};
use crate::thai::Digits;
use leptos::prelude::*;

fn measure_card(st: AppState, mid: String) -> impl IntoView {
    let m1 = mid.clone();
    // Where the measure is: changes only when measures are added, moved or removed.
    let place =
        Memo::new(move |_| st.shape(|d| d.measure_position(&m1).map(|(g, m)| (m, d.measures[g].measures.len()))));
    let (m2, m3) = (mid.clone(), mid.clone());
    let shift = move |delta: isize| {
        let m = m2.clone();
        st.edit(move |d| {
            d.move_measure(&m, delta);
        });
    };
    let shift_up = shift.clone();
    let at_start = move || place.get().is_none_or(|(m, _)| m == 0);
    let at_end = move || place.get().is_none_or(|(m, len)| m + 1 >= len);
    let remove = move |_| st.remove(|d| d.remove_measure(&m3));
    // Another group to move to: the groups, by their titles, but this measure's own. Read
    // when the list is opened (titles change as headings are typed; the cards need not).
    let m5 = mid.clone();
    let others = move || {
        st.draft.with_untracked(|d| {
            let own = d.measure_position(&m5).map(|(g, _)| g);
            d.measures
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != own)
                .map(|(i, g)| (g.id.clone(), group_label(i, &crate::document::group_title(d, g))))
                .collect::<Vec<_>>()
        })
    };
    let m6 = mid.clone();
    let move_to = move |ev: leptos::ev::Event| {
        let group = event_target_value(&ev);
        if group.is_empty() {
            return;
        }
        let m = m6.clone();
        st.edit(move |d| {
            d.move_measure_to(&m, &group);
        });
        st.toasts.say("ย้ายมาตรการไปยังกลุ่มที่เลือกแล้ว (ต่อท้ายกลุ่ม)".into());
    };
    let m7 = mid.clone();
    let open = Memo::new(move |_| st.outline.is_open(&m7));
    let m8 = mid.clone();
    let toggle = move |_| st.outline.set(&m8, !open.get_untracked());
    let summary_id = mid.clone();
    let fields_id = mid.clone();
    view! {
        <article class="measure" class:folded=move || !open.get() id=format!("measure-{mid}")>
            <div class="measure-head">
                <h3>{move || place.get().map(|(m, _)| format!("มาตรการที่ {}", Digits::Thai.number(m + 1))).unwrap_or_default()}</h3>
                {move || (!open.get()).then(|| measure_summary(st, summary_id.clone()))}
                <div class="row tools">
                    <button type="button" class="fold" aria-expanded=move || open.get().to_string() on:click=toggle>
                        {move || if open.get() { "ย่อ" } else { "แสดงรายละเอียด" }}
                    </button>
                    <button type="button" title="เลื่อนขึ้น" aria-label="เลื่อนมาตรการขึ้น" disabled=at_start on:click=move |_| shift_up(-1)>"▲"</button>
                    <button type="button" title="เลื่อนลง" aria-label="เลื่อนมาตรการลง" disabled=at_end on:click=move |_| shift(1)>"▼"</button>
                    <button type="button" class="danger" on:click=remove>"ลบมาตรการ"</button>
                    {move || {
                        let (others, move_to) = (others.clone(), move_to.clone());
                        // Offered while there is another group (a change of shape).
                        st.shape(|d| d.measures.len() > 1).then(move || {
                            let choices = RwSignal::new(others());
                            let refresh = move || choices.set(others());
                            let refresh_too = refresh.clone();
                            view! {
                                <select
                                    class="move-to"
                                    aria-label="ย้ายมาตรการไปกลุ่มอื่น"
                                    prop:value=""
                                    on:focus=move |_| refresh()
                                    on:pointerdown=move |_| refresh_too()
                                    on:change=move_to
                                >
                                    <option value="">"ย้ายไปกลุ่มอื่น…"</option>
                                    {move || choices.get().into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                                </select>
                            }
                        })
                    }}
                </div>
            </div>
            {move || open.get().then(|| measure_fields(st, fields_id.clone()))}
        </article>
    }
}

/// A folded card's one line: the measure's name and what it still lacks.
fn measure_summary(st: AppState, mid: String) -> impl IntoView {
    let line = measure_line(st, mid);
    view! {
        <p class="measure-summary">
            {move || {
                let (name, missing) = line();
                view! {
                    <span class="name">{name}</span>
                    {completeness(&missing)}
                }
            }}
        </p>
    }
}

/// A measure's line in a folded card and the overview: the first line of its name (or that
/// it has none) and what it lacks; re-run only by the fields it shows.
fn measure_line(st: AppState, mid: String) -> impl Fn() -> (String, Vec<MeasureField>) + Clone + 'static {
    let paths: Vec<FieldPath> = SUMMARY_FIELDS.iter().map(|&f| FieldPath::Measure(mid.clone(), f)).collect();
    move || {
        let (name, missing) = st
            .fields(&paths, |d| {
                d.measure(&mid).map(|m| (m.name.trim().lines().next().unwrap_or_default().to_string(), m.missing()))
            })
            .unwrap_or_default();
        (if name.is_empty() { "(ยังไม่มีชื่อ)".to_string() } else { name }, missing)
    }
}

/// A group's title as printed, re-run only by its heading and indicator.
fn group_title_of(st: AppState, gid: String) -> impl Fn() -> String + Clone + 'static {
    let paths =
        [FieldPath::Group(gid.clone(), GroupField::Heading), FieldPath::Group(gid.clone(), GroupField::Indicator)];
    move || {
        st.fields(&paths, |d| {
            d.measures.iter().find(|g| g.id == gid).map(|g| crate::document::group_title(d, g)).unwrap_or_default()
        })
    }
}

/// "กลุ่มที่ ๓: title" for the group at index `i` (the number alone without a title).
fn group_label(i: usize, title: &str) -> String {
    let n = Digits::Thai.number(i + 1);
    if title.is_empty() {
        format!("กลุ่มที่ {n}")
    } else {
        format!("กลุ่มที่ {n}: {title}")
    }
}

/// The fields a folded line and the overview read.
const SUMMARY_FIELDS: [MeasureField; 6] = [
    MeasureField::Name,
    MeasureField::Responsible,
    MeasureField::Period,
    MeasureField::Output,
    MeasureField::Outcome,
    MeasureField::Result,
];

/// "ครบ" or "ยังขาด: …" for what a measure lacks.
fn completeness(missing: &[MeasureField]) -> impl IntoView {
    if missing.is_empty() {
        return view! { <span class="tag ok">"ครบ"</span> }.into_any();
    }
    let names: Vec<&str> = missing
        .iter()
        .map(|f| match f {
            MeasureField::Name => "ชื่อมาตรการ",
            MeasureField::Responsible => "ผู้รับผิดชอบ",
            MeasureField::Period => "ระยะเวลา",
            _ => "ผลการดำเนินการ",
        })
        .collect();
    view! { <span class="tag missing">{format!("ยังขาด: {}", names.join(", "))}</span> }.into_any()
}

/// An open card's fields.
fn measure_fields(st: AppState, mid: String) -> impl IntoView {
    let field = |f: MeasureField| FieldPath::Measure(mid.clone(), f);
    let steps_hint = Some("พิมพ์ขั้นตอนละหนึ่งบรรทัด โปรแกรมใส่เลข ๑. ๒. ให้เอง");
    // The extra columns are open when the measure uses one (checked when the card is made).
    let extra = [MeasureField::Issue, MeasureField::Approach, MeasureField::Monitoring, MeasureField::Result];
    let more_open = st
        .draft
        .with_untracked(|d| d.measure(&mid).is_some_and(|m| extra.iter().any(|&f| !m.text(f).trim().is_empty())));
    view! {
            <TextField path=field(MeasureField::Name) label="มาตรการ/กิจกรรม" grow=true />
            <TextField path=field(MeasureField::Steps) label="ขั้นตอน/วิธีการปฏิบัติ" hint=steps_hint rows=3 />
            <div class="grid two">
                <TextField path=field(MeasureField::Responsible) label="ผู้รับผิดชอบ" grow=true />
                <TextField path=field(MeasureField::Period) label="ระยะเวลาดำเนินการ" hint=Some("เช่น ตุลาคม ๒๕๖๗ – กันยายน ๒๕๖๘") grow=true />
            </div>
            <TextField path=field(MeasureField::Output) label="ผลการดำเนินการ (ผลผลิต)" rows=3 />
            <TextField path=field(MeasureField::Outcome) label="ผลลัพธ์" rows=3 />
            <TextField path=field(MeasureField::Note) label="หมายเหตุ (ถ้ามี)" grow=true />
            <details class="more-columns" open=more_open>
                <summary>"คอลัมน์เพิ่มเติม (กรอกเฉพาะที่รายงานของหน่วยงานใช้ คอลัมน์ที่ว่างทุกแถวจะไม่พิมพ์)"</summary>
                <TextField path=field(MeasureField::Issue) label="ประเด็นที่ต้องปรับปรุง / ข้อคำถามที่ได้คะแนนต่ำ" grow=true />
                <TextField path=field(MeasureField::Approach) label="แนวทางการปฏิบัติ" rows=2 />
                <TextField path=field(MeasureField::Monitoring) label="การกำกับติดตาม / การรายงานผล" rows=2 />
                <TextField path=field(MeasureField::Result) label="ผลการดำเนินการ (บรรยาย)" rows=3 />
            </details>
    }
}

fn group_card(st: AppState, gid: String) -> impl IntoView {
    let g1 = gid.clone();
    // Where the group is, and its measures: change only with the draft's shape.
    let place = Memo::new(move |_| st.shape(|d| d.group_index(&g1).map(|g| (g, d.measures.len()))));
    let g2 = gid.clone();
    let measure_ids = move || {
        st.shape(|d| {
            d.measures.iter().find(|g| g.id == g2).map(|g| g.measures.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
        })
        .unwrap_or_default()
    };
    let mut options = vec![(String::new(), "หัวข้ออื่น (กรอกหัวข้อเอง)".to_string())];
    // The draft's indicators, as step ๓ names them.
    options.extend(st.draft.with_untracked(|d| {
        (0..d.ita.indicators.len())
            .map(|i| ((i + 1).to_string(), Digits::Thai.apply(&d.ita.indicator_title(i))))
            .collect::<Vec<_>>()
    }));
    let heading = FieldPath::Group(gid.clone(), GroupField::Heading);
    let indicator = FieldPath::Group(gid.clone(), GroupField::Indicator);
    let group_title = group_title_of(st, gid.clone());
    let title = move || place.get().map(|(g, _)| group_label(g, &group_title())).unwrap_or_default();
    let ind = indicator.clone();
    let indicator_of = move || st.field(&ind, |d| d.text(&ind)).and_then(|t| t.parse::<u8>().ok());
    let (ga, gp, gm, gr) = (gid.clone(), gid.clone(), gid.clone(), gid.clone());
    let add_measure = move |_| {
        let measure = Measure { id: new_id("m"), ..Default::default() };
        st.outline.set(&measure.id, true);
        st.edit(|d| {
            d.add_measure(&ga, measure);
        });
        st.commit();
    };
    let chosen = RwSignal::new(String::new());
    let add_preset = move |_| {
        let Some(p) = chosen.get_untracked().parse::<usize>().ok().and_then(|i| PRESETS.get(i)) else { return };
        let measure = p.to_measure(new_id("m"));
        st.outline.set(&measure.id, true);
        st.edit(|d| {
            d.add_measure(&gp, measure);
        });
        st.commit();
        chosen.set(String::new());
        st.toasts.say(format!("เพิ่ม \"{}\" แล้ว แก้ไขรายละเอียดให้ตรงกับที่ทำจริง", p.name));
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
    let preset_id = move || format!("preset-{}", place.get().map_or(0, |(g, _)| g));
    view! {
        <section class="group card">
            <div class="group-head">
                <h2>{title}</h2>
                <div class="row tools">
                    <button type="button" title="เลื่อนกลุ่มขึ้น" aria-label="เลื่อนกลุ่มขึ้น" disabled=move || place.get().is_none_or(|(g, _)| g == 0) on:click=move |_| move_up(-1)>"▲"</button>
                    <button
                        type="button"
                        title="เลื่อนกลุ่มลง"
                        aria-label="เลื่อนกลุ่มลง"
                        disabled=move || place.get().is_none_or(|(g, len)| g + 1 >= len)
                        on:click=move |_| move_group(1)
                    >
                        "▼"
                    </button>
                    <button type="button" class="danger" on:click=remove_group>"ลบกลุ่ม"</button>
                </div>
            </div>
            <TextField
                path=FieldPath::Group(gid.clone(), GroupField::Section)
                label="ส่วนของรายงาน (ถ้ามี)"
                hint=Some("เช่น IIT หรือ ประเด็นที่ ๑ พิมพ์ครั้งเดียวเหนือกลุ่มที่อยู่ในส่วนเดียวกันที่เรียงติดกัน")
            />
            <div class="grid two">
                <SelectField path=indicator label="ตัวชี้วัด ITA ที่เกี่ยวข้อง" options=options />
                <TextField path=heading label="หัวข้อกลุ่ม" hint=Some("เว้นว่างได้เมื่อเลือกตัวชี้วัด (ใช้ชื่อตัวชี้วัดเป็นหัวข้อ)") grow=true />
            </div>
            <For each=measure_ids key=|id| id.clone() let:mid>
                {measure_card(st, mid)}
            </For>
            <div class="row add">
                <button type="button" on:click=add_measure>"+ เพิ่มมาตรการ (ว่าง)"</button>
            </div>
            {crate::app::paste::paste_box(st, gid.clone())}
            <div class="preset">
                <label for=preset_id>"หรือเพิ่มจากมาตรการสำเร็จรูป"</label>
                <div class="row">
                    <select id=preset_id prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">"— เลือกมาตรการสำเร็จรูป —"</option>
                        {move || presets().into_iter().map(|(i, label)| view! { <option value=i.to_string()>{label}</option> }).collect_view()}
                    </select>
                    <button type="button" disabled=move || chosen.get().is_empty() on:click=add_preset>"เพิ่ม"</button>
                </div>
            </div>
        </section>
    }
}

/// Above a long list: open or fold every card, and an overview of every measure with what
/// it lacks, each a link to its card.
fn overview(st: AppState) -> impl IntoView {
    let count = Memo::new(move |_| st.shape(|d| d.measure_count()));
    let ids = move || {
        st.draft
            .with_untracked(|d| d.measures.iter().flat_map(|g| &g.measures).map(|m| m.id.clone()).collect::<Vec<_>>())
    };
    let shown = RwSignal::new(false);
    let groups = move || {
        st.shape(|d| {
            d.measures
                .iter()
                .map(|g| (g.id.clone(), g.measures.iter().map(|m| m.id.clone()).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        })
    };
    let rows = move || {
        let mut n = 0;
        groups()
            .into_iter()
            .enumerate()
            .map(|(gi, (gid, mids))| {
                let group_title = group_title_of(st, gid);
                let title = move || group_label(gi, &group_title());
                let items = mids
                    .into_iter()
                    .map(|mid| {
                        n += 1;
                        let number = Digits::Thai.number(n);
                        let line = measure_line(st, mid.clone());
                        let go_to = move |_| {
                            st.outline.set(&mid, true);
                            crate::app::route::focus_field(&crate::app::state::field_id(&FieldPath::Measure(mid.clone(), MeasureField::Name)));
                        };
                        view! {
                            <li>
                                {move || {
                                    let (name, missing) = line();
                                    view! {
                                        <button type="button" class="link" on:click=go_to.clone()>{format!("{number}. {name}")}</button>
                                        " "
                                        {completeness(&missing)}
                                    }
                                }}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li>
                        <strong>{title}</strong>
                        <ul>{items}</ul>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        {move || {
            (count.get() >= 2)
                .then(|| {
                    view! {
                        <div class="row measures-tools">
                            <button type="button" id="open-all" on:click=move |_| st.outline.set_all(ids(), true)>"แสดงรายละเอียดทุกมาตรการ"</button>
                            <button type="button" id="fold-all" on:click=move |_| st.outline.set_all(ids(), false)>"ย่อทุกมาตรการ"</button>
                            <button type="button" id="show-overview" aria-expanded=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s)>
                                {move || if shown.get() { "ซ่อนภาพรวม" } else { "ภาพรวมมาตรการทั้งหมด" }}
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            shown.get().then(|| {
                view! {
                    <section class="card overview" aria-label="ภาพรวมมาตรการทั้งหมด">
                        <h2>{move || format!("ภาพรวมมาตรการทั้งหมด ({} มาตรการ)", Digits::Thai.number(count.get()))}</h2>
                        <p class="hint">"คลิกชื่อมาตรการเพื่อไปกรอกรายละเอียด \"ยังขาด\" คือช่องที่ตารางในรายงานจะเว้นว่าง"</p>
                        <ul class="overview-list">{rows}</ul>
                    </section>
                }
            })
        }}
    }
}

pub fn view(st: AppState) -> AnyView {
    st.outline.start(st.draft.with_untracked(|d| d.measure_count()));
    let group_ids = move || st.shape(|d| d.measures.iter().map(|g| g.id.clone()).collect::<Vec<_>>());
    let add_group = move |_| {
        let group = MeasureGroup {
            id: new_id("g"),
            measures: vec![Measure { id: new_id("m"), ..Default::default() }],
            ..Default::default()
        };
        st.edit(|d| d.measures.push(group));
        st.commit();
    };
    view! {
        <p class="lead">
            "จัดมาตรการเป็นกลุ่มตามตัวชี้วัดหรือประเด็น แต่ละมาตรการกรอกขั้นตอน ผู้รับผิดชอบ ระยะเวลา และผลการดำเนินการ หรือเริ่มจากมาตรการสำเร็จรูปแล้วแก้ไขให้ตรงกับที่ทำจริง"
        </p>
        <p class="hint round-note">
            {move || {
                let round = st.shape(|d| d.report.round);
                match round.label() {
                    "" => "ผลการดำเนินการที่กรอกในขั้นนี้เป็นของรายงานที่ไม่ระบุรอบ (เปลี่ยนรอบได้ที่ขั้นตอนที่ ๒ ผลของแต่ละรอบเก็บแยกกัน)".to_string(),
                    label => format!("ผลการดำเนินการที่กรอกในขั้นนี้เป็นของ{} (เปลี่ยนรอบได้ที่ขั้นตอนที่ ๒ ผลของแต่ละรอบเก็บแยกกัน)", Digits::Thai.apply(label)),
                }
            }}
        </p>
        <div id="f-measures" tabindex="-1">
            {move || st.feedback.problem_for(&FieldPath::Measures).map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        </div>
        {overview(st)}
        <For each=group_ids key=|id| id.clone() let:gid>
            {group_card(st, gid)}
        </For>
        <button type="button" class="wide" on:click=add_group>"+ เพิ่มกลุ่มมาตรการ"</button>
        <h2>"สรุปผลและข้อเสนอแนะ"</h2>
        <TextField path=FieldPath::Recommendations label="ข้อเสนอแนะ (พิมพ์ข้อละหนึ่งบรรทัด โปรแกรมใส่เลขข้อให้เอง)" rows=4 />
    }
    .into_any()
}
