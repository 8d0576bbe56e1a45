//! The wizard's frame: top bar with the draft's name and save state, banners (storage,
//! conflicts, the example, stale wording), the progress bar over the seven steps (where
//! the officer is, what is missing), the current step, and Back / Next.

use super::route::Route;
use super::saving::SaveStatus;
use super::state::{today, AppState};
use super::steps;
use crate::model::{Draft, FieldPath, Section};
use crate::thai::Digits;
use leptos::prelude::*;

/// Short names for the progress bar.
const SHORT: [&str; 7] = ["หน่วยงาน", "ปีและรอบ", "ผล ITA", "มาตรการ", "ภาพประกอบ", "บันทึกข้อความ", "ตรวจทาน"];

pub const STEPS: [&str; 7] = [
    "ข้อมูลหน่วยงาน",
    "ปีงบประมาณและรอบรายงาน",
    "ผลการประเมิน ITA",
    "มาตรการและผลการดำเนินการ",
    "ภาพประกอบ",
    "บันทึกข้อความและผู้ลงนาม",
    "ตรวจทานและดาวน์โหลด",
];

/// The step where a field is edited.
pub fn step_of(path: &FieldPath) -> u8 {
    match path.section() {
        Section::Agency => 1,
        Section::Report => 2,
        Section::Ita => 3,
        Section::Measures => 4,
        Section::Photos => 5,
        Section::Memo => 6,
        Section::Options => 7,
    }
}

/// Goes to `step` (a history entry; the new step starts at the top with focus on its title).
pub fn go(st: AppState, step: u8) {
    st.go(Route::Step(step.clamp(1, 7)));
}

/// Starts the officer's own report: a blank draft with this year's defaults.
pub fn start_own(st: AppState) {
    st.saving.flush();
    st.create(Draft::new_on(today()));
    go(st, 1);
}

#[component]
pub fn TopBar() -> impl IntoView {
    let st = expect_context::<AppState>();
    let status = move || match st.saving.status.get() {
        SaveStatus::Saved => ("saved", "บันทึกแล้ว".to_string()),
        SaveStatus::Pending => ("pending", "กำลังบันทึก…".to_string()),
        SaveStatus::Failed(_) => ("failed", "บันทึกไม่สำเร็จ".to_string()),
        SaveStatus::Conflict => ("failed", "ยังไม่บันทึก (มีการแก้ไขในแท็บอื่น)".to_string()),
    };
    let on_drafts = move || st.route.get() == Route::Drafts;
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"✓"</span>
                <span class="name">"โปร่งใส"</span>
            </div>
            <div class="draft-name" class:example=move || st.shape(|d| d.example) title="ร่างที่กำลังแก้ไข">
                {move || st.name.get()}
            </div>
            <div class=move || format!("save-state {}", status().0) role="status" aria-live="polite">
                {move || status().1}
            </div>
            <nav class="top-actions">
                <button
                    type="button"
                    id="to-drafts"
                    class:active=on_drafts
                    on:click=move |_| {
                        if on_drafts() {
                            go(st, 1);
                        } else {
                            st.go(Route::Drafts);
                        }
                    }
                >
                    {move || if on_drafts() { "กลับไปแก้ไขร่าง" } else { "รายการร่าง" }}
                </button>
            </nav>
        </header>
    }
}

/// Storage problems and conflicts, with what the officer can do about them.
#[component]
pub fn Banners() -> impl IntoView {
    let st = expect_context::<AppState>();
    move || match st.saving.status.get() {
        SaveStatus::Conflict => view! {
            <div class="banner warn conflict" role="alert">
                <p>
                    <strong>"ร่างนี้ถูกแก้ไขในแท็บหรือหน้าต่างอื่น"</strong>
                    " จึงยังไม่บันทึกทับ เพื่อไม่ให้ข้อมูลของอีกแท็บหาย เลือกวิธีดำเนินการ:"
                </p>
                <div class="row">
                    <button type="button" on:click=move |_| st.save_as_copy()>"บันทึกฉบับในแท็บนี้เป็นร่างใหม่"</button>
                    <button
                        type="button"
                        on:click=move |_| {
                            let sure = web_sys::window()
                                .and_then(|w| w.confirm_with_message("ทิ้งการแก้ไขในแท็บนี้ แล้วโหลดฉบับที่บันทึกจากแท็บอื่น?").ok())
                                .unwrap_or(false);
                            if sure {
                                st.reload_latest();
                            }
                        }
                    >
                        "โหลดฉบับล่าสุด (ทิ้งการแก้ไขในแท็บนี้)"
                    </button>
                </div>
            </div>
        }
        .into_any(),
        SaveStatus::Failed(msg) => view! {
            <div class="banner error" role="alert">
                <p>{msg}</p>
                <div class="row">
                    <button type="button" class="primary" on:click=move |_| super::drafts::export_current(st)>
                        "ส่งออกร่างเป็นไฟล์"
                    </button>
                    <button type="button" on:click=move |_| st.saving.save_now()>"ลองบันทึกอีกครั้ง"</button>
                </div>
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// On an example draft: says so, and offers the officer's own report as the main action.
#[component]
fn ExampleBanner() -> impl IntoView {
    let st = expect_context::<AppState>();
    move || {
        st.shape(|d| d.example).then(|| {
            view! {
                <div class="banner example-banner" role="note">
                    <p>
                        <strong>"นี่คือร่างตัวอย่าง"</strong>
                        " จากรายงานจริงของ อบต.เขาสมอคอน เพื่อให้เห็นว่ารายงานที่สมบูรณ์เป็นอย่างไร ลองแก้ไขหรือดาวน์โหลดได้"
                    </p>
                    <div class="row">
                        <button type="button" class="primary" id="start-own" on:click=move |_| start_own(st)>
                            "เริ่มรายงานของหน่วยงานของท่าน"
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// When the agency, a place, a year or the number of measures changed but the officer's
/// own wording still says the old value: where, and one button to update it all.
#[component]
fn StaleBanner() -> impl IntoView {
    let st = expect_context::<AppState>();
    // Replacing is undoable like a removal: the texts as they were come back.
    let update = move |_| st.remove(Draft::update_stale);
    let keep = move |_| st.edit(Draft::keep_stale);
    move || {
        let stale = st.stale.get();
        (!stale.is_empty() && !st.typing_fact.get()).then(|| {
            let total: usize = stale.iter().filter(|s| s.replaceable()).map(|s| s.count).sum();
            let can_replace = total > 0;
            let items = stale
                .iter()
                .map(|s| {
                    let places = {
                        let mut labels: Vec<String> = st.draft.with_untracked(|d| s.fields.iter().map(|f| d.field_label(f)).collect());
                        labels.dedup();
                        // A long list says how many more, not all of them.
                        let more = labels.len().saturating_sub(4);
                        labels.truncate(4);
                        if more > 0 {
                            labels.push(format!("และอีก {} ช่อง", Digits::Thai.number(more)));
                        }
                        labels.join(", ")
                    };
                    view! {
                        <li>
                            {format!(
                                "{}: ยังเขียนว่า \"{}\" ({} แห่ง) ข้อมูลปัจจุบันคือ {} — ใน{}",
                                s.fact.thai(),
                                s.old,
                                Digits::Thai.number(s.count),
                                s.new_shown(),
                                places
                            )}
                        </li>
                    }
                })
                .collect_view();
            let label = if stale.len() == 1 {
                format!(
                    "แทนที่ \"{}\" ด้วย \"{}\" ทั้ง {} แห่ง",
                    stale[0].old,
                    stale[0].new,
                    Digits::Thai.number(stale[0].count)
                )
            } else {
                format!("แทนที่ด้วยข้อมูลปัจจุบันทั้ง {} แห่ง", Digits::Thai.number(total))
            };
            view! {
                <div class="banner warn stale" role="status">
                    <p><strong>"ข้อความที่ท่านพิมพ์เองยังใช้ข้อมูลเดิม"</strong></p>
                    <ul>{items}</ul>
                    <div class="row">
                        {can_replace.then(|| view! {
                            <button type="button" class="primary" id="stale-replace" on:click=update>{label.clone()}</button>
                        })}
                        <button type="button" id="stale-keep" on:click=keep>"คงข้อความเดิมไว้"</button>
                    </div>
                </div>
            }
        })
    }
}

#[component]
pub fn Progress() -> impl IntoView {
    let st = expect_context::<AppState>();
    let missing =
        move |step: u8| st.feedback.problems.with(|ps| ps.iter().filter(|p| step_of(&p.field) == step).count());
    let current = move || st.route.get().step();
    view! {
        <nav class="progress" aria-label="ขั้นตอน">
            <ol>
                {STEPS
                    .iter()
                    .enumerate()
                    .map(|(i, title)| {
                        let n = i as u8 + 1;
                        let label = move || {
                            let m = missing(n);
                            if m > 0 { format!("{title} (ขาด {})", Digits::Thai.number(m)) } else { title.to_string() }
                        };
                        view! {
                            <li class=move || {
                                let state = if missing(n) > 0 { "todo" } else { "done" };
                                if current() == n { format!("{state} current") } else { state.to_string() }
                            }>
                                <button
                                    type="button"
                                    aria-current=move || (current() == n).then_some("step")
                                    aria-label=label
                                    on:click=move |_| go(st, n)
                                >
                                    <span class="num">{Digits::Thai.number(n)}</span>
                                    <span class="title">{SHORT[i]}</span>
                                    <span class="mark" aria-hidden="true">
                                        {move || if missing(n) > 0 { "!" } else { "✓" }}
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <div class="bar" aria-hidden="true">
                <div class=move || format!("fill at{}", current())></div>
            </div>
        </nav>
    }
}

#[component]
pub fn Wizard() -> impl IntoView {
    let st = expect_context::<AppState>();
    let step = move || st.route.get().step().max(1);
    view! {
        <ExampleBanner />
        <Progress />
        <StaleBanner />
        <main class="step" id="main">
            <h1 tabindex="-1">
                <span class="step-no">{move || format!("ขั้นตอนที่ {} จาก ๗", Digits::Thai.number(step()))}</span>
                {move || STEPS[(step() - 1) as usize]}
            </h1>
            {move || match step() {
                1 => steps::agency::view(st),
                2 => steps::report::view(st),
                3 => steps::ita::view(st),
                4 => steps::measures::view(st),
                5 => steps::photos::view(st),
                6 => steps::memo::view(st),
                _ => steps::review::view(st),
            }}
            <div class="step-nav">
                <button type="button" disabled=move || step() == 1 on:click=move |_| go(st, step() - 1)>
                    "‹ ย้อนกลับ"
                </button>
                {move || {
                    (step() < 7)
                        .then(|| {
                            view! {
                                <button type="button" class="primary" on:click=move |_| go(st, step() + 1)>
                                    "ถัดไป ›"
                                </button>
                            }
                        })
                }}
            </div>
        </main>
    }
}

#[component]
pub fn ToastView() -> impl IntoView {
    let st = expect_context::<AppState>();
    move || {
        st.toasts.current.get().map(|t| {
            view! {
                <div class="toast" role="status" aria-live="polite">
                    <span>{t.text}</span>
                    {t.undo.then(|| view! {
                        <button type="button" class="undo" on:click=move |_| st.undo()>"เลิกทำ"</button>
                    })}
                    <button type="button" class="close" aria-label="ปิดข้อความ" on:click=move |_| st.toasts.current.set(None)>
                        "×"
                    </button>
                </div>
            }
        })
    }
}
