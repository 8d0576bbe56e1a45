//! Form fields bound to the draft by their path alone: a visible Thai label tied to its
//! input, a hint, a note when the app changed what was typed, and the field's problem
//! announced to screen readers. A field reads its value with `AppState::field`, so it
//! re-renders when that field changes and not on a keystroke elsewhere; typing goes through
//! `AppState::type_into`; leaving a changed field commits it (`AppState::commit`). User
//! text is always text, never HTML.

use super::state::{field_id, AppState};
use crate::model::input::{far_year_note, read_be_year, read_number, NotAValue};
use crate::model::{Draft, FieldPath};
use crate::thai::{BeDate, Digits, MONTHS};
use leptos::prelude::*;

fn state() -> AppState {
    expect_context::<AppState>()
}

/// The field's problem as shown (a memo: its control and its frame both read it).
fn problem_of(path: &FieldPath) -> Memo<Option<String>> {
    let (st, path) = (state(), path.clone());
    Memo::new(move |_| st.feedback.problem_for(&path))
}

/// A field's label, hint, note and problem around its control.
fn frame(
    path: FieldPath,
    label: String,
    hint: Option<&'static str>,
    problem: Memo<Option<String>>,
    control: AnyView,
) -> AnyView {
    let st = state();
    let id = field_id(&path);
    let note = move || st.feedback.notes.with(|n| n.get(&path).cloned());
    view! {
        <div class="field" class:invalid=move || problem.get().is_some()>
            <label for=id.clone()>{label}</label>
            {control}
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {move || note().map(|n| view! { <p class="field-note" role="status">{n}</p> })}
            <p class="field-error" id=format!("{id}-err") aria-live="polite">{move || problem.get()}</p>
        </div>
    }
    .into_any()
}

/// A line of text (rows 0), a text area (rows > 0) or, with `grow`, a line that takes more
/// lines as they are typed or pasted (a text area as tall as its text: names of several
/// units, two periods). Browser suggestions when given (a datalist, on a line) and what an
/// empty line stands for (a placeholder).
#[component]
pub fn TextField(
    path: FieldPath,
    #[prop(into)] label: String,
    #[prop(default = None)] hint: Option<&'static str>,
    #[prop(default = 0)] rows: u32,
    #[prop(default = false)] grow: bool,
    #[prop(default = None)] suggestions: Option<Signal<Vec<String>>>,
    #[prop(default = None)] placeholder: Option<Signal<String>>,
) -> impl IntoView {
    let st = state();
    let problem = problem_of(&path);
    let id = field_id(&path);
    let value = {
        let path = path.clone();
        move || st.field(&path, |d| d.text(&path).unwrap_or_default())
    };
    let input = {
        let path = path.clone();
        move |ev| {
            let v = event_target_value(&ev);
            st.feedback.clear_note(&path);
            st.type_into(&path, |d| {
                d.set_text(&path, v);
            });
        }
    };
    let blur = {
        let path = path.clone();
        move |_| st.feedback.touch(&path)
    };
    let value = Memo::new(move |_| value());
    let control = if rows == 0 && !grow {
        let list_id = format!("{id}-list");
        view! {
            <input
                type="text"
                id=id.clone()
                list=suggestions.map(|_| list_id.clone())
                autocomplete="off"
                placeholder=move || placeholder.map(|p| p.get())
                prop:value=value
                on:input=input
                on:change=move |_| st.commit()
                on:blur=blur
                aria-invalid=move || problem.with(Option::is_some).to_string()
                aria-describedby=format!("{id}-err")
            />
            {suggestions.map(|list| {
                view! {
                    <datalist id=list_id>
                        {move || list.get().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
                    </datalist>
                }
            })}
        }
        .into_any()
    } else {
        // A growing line is as tall as its lines; a text area at least `rows` tall.
        let height = move || value.with(|v| v.lines().count().max(rows.max(1) as usize)) as u32;
        view! {
            <textarea
                id=id.clone()
                class:grow=grow
                rows=height
                prop:value=value
                on:input=input
                on:change=move |_| st.commit()
                on:blur=blur
                aria-describedby=format!("{id}-err")
            ></textarea>
        }
        .into_any()
    };
    frame(path, label, hint, problem, control)
}

/// What a number field holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A score that may be left empty (0–100 is checked by validation).
    Optional,
    /// A number the draft cannot do without (the pass mark).
    Required,
    /// A year พ.ศ.; a ค.ศ. year is converted, with a note.
    Year,
}

impl NumberKind {
    /// The value typed text stands for, and a note when it was converted.
    fn read(self, raw: &str) -> Result<(Option<f32>, Option<String>), NotAValue> {
        match self {
            NumberKind::Year => read_be_year(raw).map(|r| {
                let note = r.note.or_else(|| far_year_note(r.value, super::state::today().year));
                (Some(r.value as f32), note)
            }),
            NumberKind::Required => match read_number(raw) {
                Ok(Some(v)) => Ok((Some(v), None)),
                _ => Err(NotAValue),
            },
            NumberKind::Optional => read_number(raw).map(|v| (v, None)),
        }
    }
}

fn show_number(v: Option<f32>) -> String {
    v.map(|v| format!("{}", (v * 100.0).round() / 100.0)).unwrap_or_default()
}

/// A number field. What is typed stays in the field as typed: text that is not a valid
/// value is kept in the draft (`Draft::unparsed`), reported as a problem of this field,
/// and the value itself is left empty (an optional score) rather than silently kept.
#[component]
pub fn NumberField(path: FieldPath, #[prop(into)] label: String, kind: NumberKind) -> impl IntoView {
    let st = state();
    let problem = problem_of(&path);
    let id = field_id(&path);
    let stored = {
        let path = path.clone();
        move |d: &Draft| (d.unparsed.get(&path).cloned(), d.number(&path).flatten())
    };
    let initial = st.draft.with_untracked(|d| match stored(d) {
        (Some(raw), _) => raw,
        (None, v) => show_number(v),
    });
    let raw = RwSignal::new(initial);
    // Follow the draft when this field changes elsewhere (another draft opened, undo, the
    // assessed year moved with the fiscal year).
    let p = path.clone();
    Effect::new(move |_| {
        let (unparsed, v) = st.field(&p, stored.clone());
        let typed = raw.get_untracked();
        match unparsed {
            Some(u) if u != typed => raw.set(u),
            Some(_) => {}
            None if kind.read(&typed).ok().and_then(|r| r.0) != v => raw.set(show_number(v)),
            None => {}
        }
    });
    let p = path.clone();
    let input = move |ev| {
        let typed = event_target_value(&ev);
        raw.set(typed.clone());
        st.feedback.clear_note(&p);
        match kind.read(&typed) {
            Ok((value, note)) => {
                st.type_into(&p, |d| {
                    d.unparsed.remove(&p);
                    d.set_number(&p, value);
                });
                if let (Some(n), Some(v)) = (note, value) {
                    // A converted year shows as converted; a far one stays as typed.
                    if typed.trim() != show_number(Some(v)) {
                        raw.set(show_number(Some(v)));
                    }
                    st.feedback.note(&p, n);
                }
            }
            Err(NotAValue) => {
                st.type_into(&p, |d| {
                    d.unparsed.insert(p.clone(), typed);
                    // An optional score is left empty, never kept at its old value; a
                    // required one keeps its value while the problem is shown.
                    if kind == NumberKind::Optional {
                        d.set_number(&p, None);
                    }
                });
                // Say so at once, not only when the field is left.
                st.feedback.touch(&p);
            }
        }
    };
    let p = path.clone();
    let control = view! {
        <input
            type="text"
            inputmode="decimal"
            class="number"
            id=id.clone()
            prop:value=move || raw.get()
            on:input=input
            on:change=move |_| st.commit()
            on:blur=move |_| st.feedback.touch(&p)
            aria-invalid=move || problem.with(Option::is_some).to_string()
            aria-describedby=format!("{id}-err")
        />
    }
    .into_any();
    frame(path, label, None, problem, control)
}

/// A choice from a list; the value is the field's text (`Draft::set_text`).
#[component]
pub fn SelectField(path: FieldPath, #[prop(into)] label: String, options: Vec<(String, String)>) -> impl IntoView {
    let st = state();
    let problem = problem_of(&path);
    let current = {
        let path = path.clone();
        Memo::new(move |_| st.field(&path, |d| d.text(&path).unwrap_or_default()))
    };
    let p = path.clone();
    let control = view! {
        <select
            id=field_id(&path)
            // The value as a property: `selected` attributes stop counting once the officer
            // has chosen, and the draft may change the choice (a kind typed in the name).
            prop:value=move || current.get()
            on:change=move |ev| {
                let v = event_target_value(&ev);
                st.type_into(&p, |d| {
                    d.set_text(&p, v);
                });
                st.commit();
            }
        >
            {options
                .into_iter()
                .map(|(value, text)| {
                    let v = value.clone();
                    view! { <option value=value selected=move || current.get() == v>{text}</option> }
                })
                .collect_view()}
        </select>
    }
    .into_any();
    frame(path, label, None, problem, control)
}

/// One option of a radio group: checked while `is` holds for the draft; choosing it applies
/// `pick` (a change that may move other fields, so every field is refreshed).
pub fn radio_choice(
    name: &'static str,
    label: &'static str,
    is: impl Fn(&Draft) -> bool + Send + Sync + 'static,
    pick: impl Fn(&mut Draft) + Send + Sync + Copy + 'static,
) -> AnyView {
    let st = state();
    view! {
        <label class="choice">
            <input type="radio" name=name prop:checked=move || st.shape(|d| is(d)) on:change=move |_| st.edit(pick) />
            {label}
        </label>
    }
    .into_any()
}

/// A Buddhist-era date: day, Thai month name, year พ.ศ. (shown in Thai digits).
#[component]
pub fn DateField(path: FieldPath, #[prop(into)] label: String, years: std::ops::RangeInclusive<u16>) -> impl IntoView {
    let st = state();
    let problem = problem_of(&path);
    let date = {
        let path = path.clone();
        Memo::new(move |_| st.field(&path, |d| d.date(&path).flatten()))
    };
    let last_year = *years.end();
    let p = path.clone();
    let set = move |v: Option<BeDate>| {
        st.type_into(&p, |d| {
            d.set_date(&p, v);
        })
    };
    let update = {
        let set = set.clone();
        move |day: Option<u8>, month: Option<u8>, year: Option<u16>| {
            let old = date.get_untracked().unwrap_or(BeDate { year: last_year, month: 10, day: 1 });
            let (y, m) = (year.unwrap_or(old.year), month.unwrap_or(old.month));
            let max = BeDate { year: y, month: m, day: 1 }.days_in_month();
            let d = day.unwrap_or(old.day).min(max).max(1);
            set(BeDate::new(y, m, d));
        }
    };
    let id = field_id(&path);
    let days = move || {
        let max = date.get().map_or(31, |d| d.days_in_month());
        (1..=max).map(|n| (n, Digits::Thai.number(n))).collect::<Vec<_>>()
    };
    let year_list: Vec<u16> = years.clone().collect();
    let (u1, u2, u3) = (update.clone(), update.clone(), update);
    let control = view! {
        <div class="date" role="group" aria-labelledby=format!("{id}-label")>
            <select
                id=id.clone()
                aria-label="วันที่"
                prop:value=move || date.get().map(|d| d.day.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v.is_empty() {
                        set(None);
                    } else {
                        u1(v.parse().ok(), None, None);
                    }
                }
            >
                <option value="" selected=move || date.get().is_none()>"– วัน –"</option>
                {move || {
                    days()
                        .into_iter()
                        .map(|(n, text)| {
                            view! { <option value=n.to_string() selected=move || date.get().is_some_and(|d| d.day == n)>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <select
                aria-label="เดือน"
                prop:value=move || date.get().map(|d| d.month.to_string()).unwrap_or_default()
                on:change=move |ev| u2(None, event_target_value(&ev).parse().ok(), None)>
                <option value="" disabled=true selected=move || date.get().is_none()>"– เดือน –"</option>
                {MONTHS
                    .iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let n = i as u8 + 1;
                        view! { <option value=n.to_string() selected=move || date.get().is_some_and(|d| d.month == n)>{*m}</option> }
                    })
                    .collect_view()}
            </select>
            <select
                aria-label="ปี พ.ศ."
                prop:value=move || date.get().map(|d| d.year.to_string()).unwrap_or_default()
                on:change=move |ev| u3(None, None, event_target_value(&ev).parse().ok())>
                <option value="" disabled=true selected=move || date.get().is_none()>"– ปี –"</option>
                {year_list
                    .into_iter()
                    .map(|y| {
                        view! { <option value=y.to_string() selected=move || date.get().is_some_and(|d| d.year == y)>{Digits::Thai.number(y)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
    .into_any();
    frame(path, label, None, problem, control)
}

/// Text the app proposes from the data, which the officer may replace. `None` in the draft
/// means "use the proposal"; typing stores the officer's own text; a button goes back. The
/// proposal comes from `AppState::proposals`, which changes only when a proposal does.
#[component]
pub fn ProposedField(path: FieldPath, #[prop(into)] label: String, rows: u32) -> impl IntoView {
    let st = state();
    let problem = problem_of(&path);
    let own = {
        let path = path.clone();
        Memo::new(move |_| st.field(&path, |d| d.own_text(&path).flatten()))
    };
    let proposal = {
        let path = path.clone();
        Memo::new(move |_| st.proposals.with(|p| p.get(&path).cloned().unwrap_or_default()))
    };
    let p = path.clone();
    let back = path.clone();
    let control = view! {
        <textarea
            id=field_id(&path)
            rows=rows
            prop:value=move || own.get().unwrap_or_else(|| proposal.get())
            on:input=move |ev| {
                let v = event_target_value(&ev);
                st.type_into(&p, |d| {
                    d.set_own_text(&p, Some(v));
                });
            }
            on:change=move |_| st.commit()
        ></textarea>
        <div class="proposed">
            {move || {
                if own.with(Option::is_some) {
                    let back = back.clone();
                    view! {
                        <span class="tag own">"ข้อความของท่าน"</span>
                        <button
                            type="button"
                            class="link"
                            on:click=move |_| {
                                st.type_into(&back, |d| {
                                    d.set_own_text(&back, None);
                                })
                            }
                        >
                            "กลับไปใช้ข้อความที่โปรแกรมเสนอ"
                        </button>
                    }
                        .into_any()
                } else {
                    view! { <span class="tag">"ร่างอัตโนมัติจากข้อมูลที่กรอก · แก้ไขได้"</span> }.into_any()
                }
            }}
        </div>
    }
    .into_any();
    frame(path, label, None, problem, control)
}

/// A checkbox for one yes/no option of the document.
pub fn option_box(
    st: AppState,
    id: &'static str,
    label: &'static str,
    option: fn(&mut crate::model::Options) -> &mut bool,
) -> impl IntoView {
    view! {
        <label class="choice" for=id>
            <input
                id=id
                type="checkbox"
                prop:checked=move || {
                    st.shape(|d| {
                        let mut options = d.options.clone();
                        *option(&mut options)
                    })
                }
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    st.edit(|d| *option(&mut d.options) = on);
                }
            />
            {label}
        </label>
    }
}
