//! Pasting rows from Excel, Google Sheets or a Word table into a group of measures: the
//! clipboard's HTML table (Word, Sheets) or tab-separated text (Excel) is read into rows,
//! shown as a preview with what each column becomes (the officer may change it), and added
//! only when the officer confirms (`model::rows`).

use super::clock::new_id;
use super::state::AppState;
use crate::model::path::MeasureField;
use crate::model::rows::{grid_row, read_tsv, Covered, Plan};
use crate::thai::Digits;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The rows of the first table in clipboard HTML, each cell's text with its line breaks
/// (paragraphs and `<br>`); `None` when the HTML holds no table. Merged cells keep the
/// columns in place (a cell spanning rows or columns leaves the slots it covers empty); a
/// row that is one cell across the table (a group's heading) stays a single cell. Rows of
/// tables nested in a cell are that cell's text, not rows.
fn html_rows(html: &str) -> Option<Vec<Vec<String>>> {
    let doc = web_sys::DomParser::new().ok()?.parse_from_string(html, web_sys::SupportedType::TextHtml).ok()?;
    let table = doc.query_selector("table").ok()??;
    let rows = table.query_selector_all("tr").ok()?;
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut covered = Covered::new();
    let span = |c: &web_sys::Element, name: &str| -> usize {
        c.get_attribute(name).and_then(|v| v.trim().parse().ok()).unwrap_or(1).clamp(1, 64)
    };
    for i in 0..rows.length() {
        let Some(tr) = rows.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        if tr.closest("table").ok().flatten().is_none_or(|t| !t.is_same_node(Some(&table))) {
            continue;
        }
        let mut cells: Vec<(String, usize, usize)> = Vec::new();
        let mut cell = tr.first_element_child();
        while let Some(c) = cell {
            if matches!(c.tag_name().to_ascii_lowercase().as_str(), "td" | "th") {
                let mut text = String::new();
                cell_text(&c, &mut text);
                let text = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
                cells.push((text, span(&c, "colspan"), span(&c, "rowspan")));
            }
            cell = c.next_element_sibling();
        }
        if let [(text, colspan, _)] = cells.as_slice() {
            if *colspan > 1 {
                out.push(vec![text.clone()]);
                continue;
            }
        }
        out.push(grid_row(&mut covered, cells));
    }
    Some(out)
}

/// A cell's text: runs of white space as one space (Word wraps its HTML source), a line
/// break for `<br>` and around paragraphs and list items.
fn cell_text(node: &web_sys::Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_type() {
            web_sys::Node::TEXT_NODE => {
                let text = child.text_content().unwrap_or_default();
                if text.starts_with(char::is_whitespace) && !out.ends_with([' ', '\n']) && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
                if text.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
            }
            web_sys::Node::ELEMENT_NODE => {
                let tag = child.node_name().to_ascii_lowercase();
                let block = matches!(tag.as_str(), "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4");
                if tag == "br" || block {
                    out.push('\n');
                }
                cell_text(&child, out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// The rows on the clipboard of a paste event: a table in its HTML, else its text.
pub fn pasted_rows(ev: &web_sys::ClipboardEvent) -> Vec<Vec<String>> {
    let Some(data) = ev.clipboard_data() else { return Vec::new() };
    if let Some(rows) = data.get_data("text/html").ok().filter(|h| !h.is_empty()).and_then(|h| html_rows(&h)) {
        return rows;
    }
    read_tsv(&data.get_data("text/plain").unwrap_or_default())
}

/// Thai names of what a column may become, for the preview's choices.
fn field_name(f: MeasureField) -> &'static str {
    match f {
        MeasureField::Issue => "ประเด็นที่ต้องปรับปรุง",
        MeasureField::Name => "มาตรการ/กิจกรรม",
        MeasureField::Approach => "แนวทางการปฏิบัติ",
        MeasureField::Steps => "ขั้นตอน/วิธีการปฏิบัติ",
        MeasureField::Responsible => "ผู้รับผิดชอบ",
        MeasureField::Period => "ระยะเวลาดำเนินการ",
        MeasureField::Monitoring => "การกำกับติดตาม",
        MeasureField::Result => "ผลการดำเนินการ (บรรยาย)",
        MeasureField::Output => "ผลผลิต",
        MeasureField::Outcome => "ผลลัพธ์",
        MeasureField::Note => "หมายเหตุ",
    }
}

/// The paste box of group `gid`: paste, check the preview, add.
pub fn paste_box(st: AppState, gid: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let plan: RwSignal<Option<Plan>> = RwSignal::new(None);
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        ev.prevent_default();
        let p = Plan::new(pasted_rows(&ev));
        if p.body().is_empty() {
            plan.set(None);
            st.toasts.say("ไม่พบแถวในสิ่งที่วาง กรุณาคัดลอกแถวจากตาราง Excel, Google Sheets หรือ Word แล้ววางอีกครั้ง".into());
            return;
        }
        plan.set(Some(p));
    };
    let add = move |_| {
        let Some(p) = plan.get_untracked() else { return };
        let (first, groups) = p.groups(new_id);
        let (n, g) = (first.len() + groups.iter().map(|g| g.measures.len()).sum::<usize>(), groups.len());
        let gid = gid.clone();
        st.edit(|d| {
            for m in first {
                d.add_measure(&gid, m);
            }
            let at = d.group_index(&gid).map_or(d.measures.len(), |i| i + 1);
            for (k, group) in groups.into_iter().enumerate() {
                d.measures.insert(at + k, group);
            }
        });
        st.commit();
        plan.set(None);
        open.set(false);
        let groups = if g > 0 {
            format!(" ใน {} กลุ่มใหม่", Digits::Thai.number(g))
        } else {
            String::new()
        };
        st.toasts.say(format!("เพิ่ม {} มาตรการ{groups}แล้ว ตรวจและแก้ไขได้ตามต้องการ", Digits::Thai.number(n)));
    };
    let choose = move |col: usize, value: String| {
        plan.update(|p| {
            if let Some(p) = p {
                p.columns[col] = MeasureField::ALL.iter().copied().find(|f| f.key() == value);
            }
        });
    };
    // The officer decides whether the first rows are headings or data.
    let toggle_header = move |on: bool| {
        plan.update(|p| {
            if let Some(p) = p {
                let rows = std::mem::take(&mut p.rows);
                *p = if on { Plan::new(rows) } else { Plan::by_position(rows) };
            }
        });
    };
    let preview = move || {
        plan.get().map(|p| {
            let count = p.body().len();
            // What will be added, said before it is: measures here, and new groups.
            let (first, groups) = p.groups(|_| String::new());
            let measures = first.len() + groups.iter().map(|g| g.measures.len()).sum::<usize>();
            let into = if groups.is_empty() {
                "ในกลุ่มนี้".to_string()
            } else {
                format!("โดยสร้างกลุ่มใหม่ {} กลุ่มตามแถวหัวข้อ", Digits::Thai.number(groups.len()))
            };
            let summary = format!(
                "พบ {} แถว จะเพิ่ม {} มาตรการ{into} ตรวจว่าแต่ละคอลัมน์จะเป็นช่องใด แล้วกดเพิ่ม",
                Digits::Thai.number(count),
                Digits::Thai.number(measures)
            );
            let left_out = p.left_out().len();
            let header_rows: Vec<Vec<String>> = p.rows[..p.header.min(p.rows.len())].to_vec();
            let has_header = p.header > 0;
            let shown: Vec<Vec<String>> = p.body().iter().take(5).cloned().collect();
            let columns = p.columns.clone();
            view! {
                <div class="paste-preview">
                    <p>{summary}</p>
                    <div class="table-scroll">
                        <table>
                            <thead>
                                <tr>
                                    {columns
                                        .iter()
                                        .enumerate()
                                        .map(|(i, c)| {
                                            let current = c.map(|f| f.key()).unwrap_or("");
                                            view! {
                                                <th>
                                                    <select aria-label=format!("คอลัมน์ที่ {}", Digits::Thai.number(i + 1)) on:change=move |ev| choose(i, event_target_value(&ev))>
                                                        <option value="" selected=current.is_empty()>"ไม่นำเข้า"</option>
                                                        {MeasureField::ALL
                                                            .iter()
                                                            .map(|f| view! { <option value=f.key() selected=current == f.key()>{field_name(*f)}</option> })
                                                            .collect_view()}
                                                    </select>
                                                </th>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {header_rows
                                    .into_iter()
                                    .map(|row| view! { <tr class="header-row">{row.into_iter().map(|c| view! { <th>{c}</th> }).collect_view()}</tr> })
                                    .collect_view()}
                                {shown
                                    .into_iter()
                                    .map(|row| view! { <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <label class="choice">
                        <input type="checkbox" prop:checked=has_header on:change=move |ev| toggle_header(event_target_checked(&ev)) />
                        "แถวแรกเป็นหัวตาราง (ไม่ใช่มาตรการ)"
                    </label>
                    {(left_out > 0)
                        .then(|| {
                            view! {
                                <p class="field-error" role="status">
                                    {format!("มี {} คอลัมน์ที่ไม่ได้เลือกช่อง ข้อความในคอลัมน์นั้นจะไม่ถูกนำเข้า", Digits::Thai.number(left_out))}
                                </p>
                            }
                        })}
                    <div class="row">
                        <button type="button" class="primary" on:click=add.clone()>{format!("เพิ่ม {} มาตรการ", Digits::Thai.number(measures))}</button>
                        <button type="button" on:click=move |_| plan.set(None)>"ยกเลิก"</button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <div class="paste">
            {move || {
                if open.get() {
                    let target = NodeRef::<leptos::html::Textarea>::new();
                    // Ready for Ctrl+V as soon as it opens.
                    Effect::new(move |_| {
                        if let Some(t) = target.get() {
                            let _ = t.focus();
                        }
                    });
                    view! {
                        <label>"วางแถวที่คัดลอกจาก Excel, Google Sheets หรือตารางใน Word (Ctrl+V)"</label>
                        <textarea class="paste-target" rows="2" placeholder="คลิกที่นี่แล้วกด Ctrl+V" node_ref=target on:paste=on_paste></textarea>
                        <button
                            type="button"
                            on:click=move |_| {
                                plan.set(None);
                                open.set(false);
                            }
                        >
                            "ปิด"
                        </button>
                    }
                        .into_any()
                } else {
                    view! { <button type="button" on:click=move |_| open.set(true)>"วางแถวจาก Excel / Word"</button> }.into_any()
                }
            }}
            {preview}
        </div>
    }
}
