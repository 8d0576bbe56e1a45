//! Form fields bound to the draft: a visible Thai label tied to its input, a hint, a note
//! when the app changed what was typed, and the field's problem announced to screen
//! readers. Values are read from and written to the one draft signal through small
//! getter/setter closures; user text is always text, never HTML. Typing edits the draft;
//! leaving a changed field commits it (`AppState::commit`).

use super::state::{field_id, AppState};
use crate::model::input::{far_year_note, read_be_year, read_number, NotAValue};
use crate::model::Draft;
use crate::thai::{BeDate, Digits, MONTHS};
use leptos::prelude::*;

/// Marks the field as visited. A focused field also loses focus when its step is taken
/// away (Back, a new draft): its signals may be gone by then, so this never assumes them.
fn touch(st: AppState, path: Signal<String>) {
    if let Some(p) = path.try_get_untracked() {
        st.touch(&p);
    }
}

/// A field's label, hint, note and problem around its control.
fn frame(st: AppState, path: Signal<String>, label: String, hint: Option<String>, control: AnyView) -> AnyView {
    let problem = move || path.with(|p| st.problem_for(p));
    let note = move || path.with(|p| st.notes.with(|n| n.get(p).cloned()));
    let err_id = move || format!("{}-err", field_id(&path.get()));
    view! {
        <div class="field" class:invalid=move || problem().is_some()>
            <label for=move || field_id(&path.get())>{label}</label>
            {control}
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {move || note().map(|n| view! { <p class="field-note" role="status">{n}</p> })}
            <p class="field-error" id=err_id aria-live="polite">{problem}</p>
        </div>
    }
    .into_any()
}

pub fn text_field(
    st: AppState,
    path: impl Into<Signal<String>>,
    label: &str,
    hint: Option<&str>,
    get: impl Fn(&Draft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Draft, String) + Send + Sync + 'static,
) -> AnyView {
    suggest_field(st, path, label, hint, None, get, set)
}

/// A text field with suggestions the browser offers as the officer types (a datalist).
pub fn suggest_field(
    st: AppState,
    path: impl Into<Signal<String>>,
    label: &str,
    hint: Option<&str>,
    suggestions: Option<Signal<Vec<String>>>,
    get: impl Fn(&Draft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Draft, String) + Send + Sync + 'static,
) -> AnyView {
    let path: Signal<String> = path.into();
    let list_id = move || format!("{}-list", field_id(&path.get()));
    let control = view! {
        <input
            type="text"
            id=move || field_id(&path.get())
            list=move || suggestions.map(|_| list_id())
            autocomplete="off"
            prop:value=move || st.draft.with(&get)
            on:input=move |ev| {
                let v = event_target_value(&ev);
                if let Some(p) = path.try_get_untracked() {
                    st.clear_note(&p);
                }
                st.type_in(|d| set(d, v));
            }
            on:change=move |_| st.commit()
            on:blur=move |_| touch(st, path)
            aria-invalid=move || path.with(|p| st.problem_for(p)).is_some().to_string()
            aria-describedby=move || format!("{}-err", field_id(&path.get()))
        />
        {suggestions.map(|list| {
            view! {
                <datalist id=list_id>
                    {move || list.get().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
                </datalist>
            }
        })}
    }
    .into_any();
    frame(st, path, label.to_string(), hint.map(String::from), control)
}

pub fn textarea_field(
    st: AppState,
    path: impl Into<Signal<String>>,
    label: &str,
    hint: Option<&str>,
    rows: u32,
    get: impl Fn(&Draft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Draft, String) + Send + Sync + 'static,
) -> AnyView {
    let path: Signal<String> = path.into();
    let control = view! {
        <textarea
            id=move || field_id(&path.get())
            rows=rows
            prop:value=move || st.draft.with(&get)
            on:input=move |ev| {
                let v = event_target_value(&ev);
                st.type_in(|d| set(d, v));
            }
            on:change=move |_| st.commit()
            on:blur=move |_| touch(st, path)
            aria-describedby=move || format!("{}-err", field_id(&path.get()))
        ></textarea>
    }
    .into_any();
    frame(st, path, label.to_string(), hint.map(String::from), control)
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

/// A number field. What is typed stays in the field as typed: text that is not a valid
/// value is kept in the draft (`Draft::unparsed`), reported as a problem of this field,
/// and the value itself is left empty (an optional score) rather than silently kept.
pub fn number_field(
    st: AppState,
    path: &str,
    label: &str,
    kind: NumberKind,
    get: impl Fn(&Draft) -> Option<f32> + Send + Sync + Copy + 'static,
    set: impl Fn(&mut Draft, Option<f32>) + Send + Sync + Copy + 'static,
) -> AnyView {
    let key = path.to_string();
    let path: Signal<String> = Signal::stored(key.clone());
    let show = move |v: Option<f32>| v.map(|v| format!("{}", (v * 100.0).round() / 100.0)).unwrap_or_default();
    let read = move |raw: &str| -> Result<(Option<f32>, Option<String>), NotAValue> {
        match kind {
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
    };
    let stored = {
        let key = key.clone();
        move |d: &Draft| (d.unparsed.get(&key).cloned(), get(d))
    };
    let initial = st.draft.with_untracked(|d| match stored(d) {
        (Some(raw), _) => raw,
        (None, v) => show(v),
    });
    let raw = RwSignal::new(initial);
    // Follow the draft when it changes elsewhere (another draft opened, undo, year moved).
    Effect::new(move |_| {
        let (unparsed, v) = st.draft.with(|d| stored(d));
        let typed = raw.get_untracked();
        match unparsed {
            Some(u) if u != typed => raw.set(u),
            Some(_) => {}
            None if read(&typed).ok().and_then(|r| r.0) != v => raw.set(show(v)),
            None => {}
        }
    });
    let k2 = key.clone();
    let control = view! {
        <input
            type="text"
            inputmode="decimal"
            class="number"
            id=field_id(&key)
            prop:value=move || raw.get()
            on:input=move |ev| {
                let typed = event_target_value(&ev);
                raw.set(typed.clone());
                st.clear_note(&k2);
                let key = k2.clone();
                match read(&typed) {
                    Ok((value, note)) => {
                        st.type_in(|d| {
                            d.unparsed.remove(&key);
                            set(d, value);
                        });
                        if let (Some(n), Some(v)) = (note, value) {
                            // A converted year shows as converted; a far one stays as typed.
                            if typed.trim() != show(Some(v)) {
                                raw.set(show(Some(v)));
                            }
                            st.note(&key, n);
                        }
                    }
                    Err(NotAValue) => {
                        st.type_in(|d| {
                            d.unparsed.insert(key.clone(), typed);
                            // An optional score is left empty, never kept at its old value;
                            // a required one keeps its value while the problem is shown.
                            if kind == NumberKind::Optional {
                                set(d, None);
                            }
                        });
                        // Say so at once, not only when the field is left.
                        st.touch(&key);
                    }
                }
            }
            on:change=move |_| st.commit()
            on:blur=move |_| touch(st, path)
            aria-invalid=move || path.with(|p| st.problem_for(p)).is_some().to_string()
            aria-describedby=format!("{}-err", field_id(&key))
        />
    }
    .into_any();
    frame(st, path, label.to_string(), None, control)
}

pub fn select_field(
    st: AppState,
    path: impl Into<Signal<String>>,
    label: &str,
    options: Vec<(String, String)>,
    get: impl Fn(&Draft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Draft, String) + Send + Sync + 'static,
) -> AnyView {
    let path: Signal<String> = path.into();
    let current = Memo::new(move |_| st.draft.with(&get));
    let control = view! {
        <select
            id=move || field_id(&path.get())
            on:change=move |ev| {
                let v = event_target_value(&ev);
                st.type_in(|d| set(d, v));
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
    frame(st, path, label.to_string(), None, control)
}

/// One option of a radio group: checked while `is` holds for the draft; choosing it applies
/// `pick`.
pub fn radio_choice(
    st: AppState,
    name: &'static str,
    label: &'static str,
    is: impl Fn(&Draft) -> bool + Send + Sync + 'static,
    pick: impl Fn(&mut Draft) + Send + Sync + Copy + 'static,
) -> AnyView {
    view! {
        <label class="choice">
            <input type="radio" name=name prop:checked=move || st.draft.with(|d| is(d)) on:change=move |_| st.edit(pick) />
            {label}
        </label>
    }
    .into_any()
}

/// A Buddhist-era date: day, Thai month name, year พ.ศ. (shown in Thai digits).
pub fn date_field(
    st: AppState,
    path: impl Into<Signal<String>>,
    label: &str,
    years: std::ops::RangeInclusive<u16>,
    get: impl Fn(&Draft) -> Option<BeDate> + Send + Sync + Copy + 'static,
    set: impl Fn(&mut Draft, Option<BeDate>) + Send + Sync + Copy + 'static,
) -> AnyView {
    let path: Signal<String> = path.into();
    let date = Memo::new(move |_| st.draft.with(|d| get(d)));
    let last_year = *years.end();
    let update = move |day: Option<u8>, month: Option<u8>, year: Option<u16>| {
        let old = date.get_untracked().unwrap_or(BeDate { year: last_year, month: 10, day: 1 });
        let (y, m) = (year.unwrap_or(old.year), month.unwrap_or(old.month));
        let max = BeDate { year: y, month: m, day: 1 }.days_in_month();
        let d = day.unwrap_or(old.day).min(max).max(1);
        st.edit(|dr| set(dr, BeDate::new(y, m, d)));
    };
    let id = move || field_id(&path.get());
    let days = move || {
        let max = date.get().map_or(31, |d| d.days_in_month());
        (1..=max).map(|n| (n, Digits::Thai.number(n))).collect::<Vec<_>>()
    };
    let year_list: Vec<u16> = years.clone().collect();
    let control = view! {
        <div class="date" role="group" aria-labelledby=move || format!("{}-label", id())>
            <select
                id=id
                aria-label="วันที่"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v.is_empty() {
                        st.edit(|d| set(d, None));
                    } else {
                        update(v.parse().ok(), None, None);
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
            <select aria-label="เดือน" on:change=move |ev| update(None, event_target_value(&ev).parse().ok(), None)>
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
            <select aria-label="ปี พ.ศ." on:change=move |ev| update(None, None, event_target_value(&ev).parse().ok())>
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
    frame(st, path, label.to_string(), None, control)
}

/// Text the app proposes from the data, which the officer may replace. `None` in the draft
/// means "use the proposal"; typing stores the officer's own text; a button goes back.
pub fn proposed_field(
    st: AppState,
    path: impl Into<Signal<String>>,
    label: &str,
    rows: u32,
    proposal: impl Fn(&Draft) -> String + Send + Sync + Copy + 'static,
    get: impl Fn(&Draft) -> Option<String> + Send + Sync + Copy + 'static,
    set: impl Fn(&mut Draft, Option<String>) + Send + Sync + Copy + 'static,
) -> AnyView {
    let path: Signal<String> = path.into();
    let own = Memo::new(move |_| st.draft.with(|d| get(d).is_some()));
    let control = view! {
        <textarea
            id=move || field_id(&path.get())
            rows=rows
            prop:value=move || st.draft.with(|d| get(d).unwrap_or_else(|| proposal(d)))
            on:input=move |ev| {
                let v = event_target_value(&ev);
                st.edit(|d| set(d, Some(v)));
            }
            on:change=move |_| st.commit()
        ></textarea>
        <div class="proposed">
            {move || {
                if own.get() {
                    view! {
                        <span class="tag own">"ข้อความของท่าน"</span>
                        <button type="button" class="link" on:click=move |_| st.edit(|d| set(d, None))>
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
    frame(st, path, label.to_string(), None, control)
}
