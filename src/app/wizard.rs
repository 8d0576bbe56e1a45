//! The wizard's frame: top bar with the save state, the progress bar over the seven steps
//! (where the officer is, what is missing), the current step, and Back / Next.

use super::state::{AppState, SaveStatus, Screen};
use super::steps;
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

/// Goes to `step` and scrolls to the top (the new step starts there).
pub fn go(st: AppState, step: u8) {
    st.flush();
    st.toast.set(None);
    st.step.set(step.clamp(1, 7));
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

#[component]
pub fn TopBar() -> impl IntoView {
    let st = expect_context::<AppState>();
    let status = move || match st.save.get() {
        SaveStatus::Saved => ("saved", "บันทึกแล้ว".to_string()),
        SaveStatus::Pending => ("pending", "กำลังบันทึก…".to_string()),
        SaveStatus::Failed(_) => ("failed", "บันทึกไม่สำเร็จ".to_string()),
        SaveStatus::Conflict => ("failed", "ยังไม่บันทึก (มีการแก้ไขในแท็บอื่น)".to_string()),
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"✓"</span>
                <span class="name">"โปร่งใส"</span>
            </div>
            <div class="draft-name" title="ร่างที่กำลังแก้ไข">{move || st.draft_name.get()}</div>
            <div class=move || format!("save-state {}", status().0) role="status" aria-live="polite">
                {move || status().1}
            </div>
            <nav class="top-actions">
                <button
                    type="button"
                    id="to-drafts"
                    class:active=move || st.screen.get() == Screen::Drafts
                    on:click=move |_| {
                        st.flush();
                        st.screen.set(if st.screen.get_untracked() == Screen::Drafts { Screen::Wizard } else { Screen::Drafts });
                    }
                >
                    {move || if st.screen.get() == Screen::Drafts { "กลับไปแก้ไขร่าง" } else { "รายการร่าง" }}
                </button>
            </nav>
        </header>
    }
}

/// Storage problems and conflicts, with what the officer can do about them.
#[component]
pub fn Banners() -> impl IntoView {
    let st = expect_context::<AppState>();
    move || match st.save.get() {
        SaveStatus::Conflict => view! {
            <div class="banner warn" role="alert">
                <p>
                    <strong>"ร่างนี้ถูกแก้ไขในแท็บหรือหน้าต่างอื่น"</strong>
                    " จึงยังไม่บันทึกทับ เพื่อไม่ให้ข้อมูลของอีกแท็บหาย เลือกวิธีดำเนินการ:"
                </p>
                <div class="row">
                    <button type="button" on:click=move |_| st.save_as_copy()>"บันทึกฉบับในแท็บนี้เป็นร่างใหม่"</button>
                    <button type="button" on:click=move |_| st.reload_latest()>"โหลดฉบับล่าสุด (ทิ้งการแก้ไขในแท็บนี้)"</button>
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
                    <button type="button" on:click=move |_| st.save_now()>"ลองบันทึกอีกครั้ง"</button>
                </div>
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

#[component]
pub fn Progress() -> impl IntoView {
    let st = expect_context::<AppState>();
    let missing = move |step: u8| st.problems.with(|ps| ps.iter().filter(|p| p.step() == step).count());
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
                            if m > 0 { format!("{title} (ขาด {})", crate::thai::Digits::Thai.number(m)) } else { title.to_string() }
                        };
                        view! {
                            <li class=move || {
                                let state = if missing(n) > 0 { "todo" } else { "done" };
                                if st.step.get() == n { format!("{state} current") } else { state.to_string() }
                            }>
                                <button
                                    type="button"
                                    aria-current=move || (st.step.get() == n).then_some("step")
                                    aria-label=label
                                    on:click=move |_| go(st, n)
                                >
                                    <span class="num">{crate::thai::Digits::Thai.number(n)}</span>
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
                <div class=move || format!("fill at{}", st.step.get())></div>
            </div>
        </nav>
    }
}

#[component]
pub fn Wizard() -> impl IntoView {
    let st = expect_context::<AppState>();
    let step = move || st.step.get();
    view! {
        <Progress />
        <main class="step" id="main">
            <h1>
                <span class="step-no">{move || format!("ขั้นตอนที่ {} จาก ๗", crate::thai::Digits::Thai.number(step()))}</span>
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
        st.toast.get().map(|t| {
            let undo = t.undo;
            view! {
                <div class="toast" role="status" aria-live="polite">
                    <span>{t.text}</span>
                    {undo.map(|u| {
                        view! {
                            <button
                                type="button"
                                on:click=move |_| {
                                    u.run(());
                                    st.toast.set(None);
                                }
                            >
                                "เลิกทำ"
                            </button>
                        }
                    })}
                    <button type="button" class="close" aria-label="ปิดข้อความ" on:click=move |_| st.toast.set(None)>
                        "×"
                    </button>
                </div>
            }
        })
    }
}
