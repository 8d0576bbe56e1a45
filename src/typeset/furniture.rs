//! The memo's furniture, each laid out whole: fields over dotted leaders (ส่วนราชการ …,
//! เรื่อง …) and signature blocks. `flow` places them like any other whole block.

use super::blocks::{Field, Signature};
use super::engine::Typesetter;
use super::frame::{Item, Page, Rect, Stroke};
use super::inline::{layout_paragraph, Paragraph};
use super::structure::Role;
use super::style::{Align, Span};

/// Label + value over a dotted leader; several fields share the line.
pub fn fields_line(ts: &mut Typesetter, fields: &[(Field, f32)], width: f32) -> (f32, Vec<Item>) {
    let total: f32 = fields.iter().map(|(_, s)| s).sum::<f32>().max(f32::EPSILON);
    let mut x = 0.0;
    let mut height = 0.0f32;
    let mut items = Vec::new();
    for (field, share) in fields {
        let w = share / total * width;
        let (h, it) = field_block(ts, field, w);
        // A field (label and value) reads as one paragraph.
        let node = ts.structure.add(ts.parent, Role::P);
        let mut it: Vec<Item> = it.into_iter().map(|i| i.tagged(node)).collect();
        Page::translate(&mut it, x, 0.0);
        items.extend(it);
        height = height.max(h);
        x += w;
    }
    (height, items)
}

/// A field: the label, then the value over a dotted leader; wrapped lines of the value
/// start under its first letter (a hanging indent), as memos are typed.
fn field_block(ts: &mut Typesetter, field: &Field, width: f32) -> (f32, Vec<Item>) {
    let label_w = ts.width(&field.label.text, field.label.style.weight, field.label.style.size);
    let gap = 0.4 * field.label.style.size;
    let indent = label_w + gap;
    let mut value = field.value.clone();
    if value.iter().all(|s| s.text.trim().is_empty()) {
        // An empty value still gets its line (and the label).
        value = vec![Span::new(" ", field.label.style)];
    }
    let p = Paragraph::new(value).left_indent(indent).label(vec![field.label.clone()], 0.0);
    let laid = layout_paragraph(ts, &p, width - 2.0);
    let mut items = Vec::new();
    let mut y = 0.0;
    for (i, line) in laid.lines.into_iter().enumerate() {
        let baseline = line.runs.last().map_or(line.height * 0.7, |r| r.y);
        let from = if i == 0 { indent - gap * 0.5 } else { indent };
        let ly = y + baseline + 0.3 * field.label.style.size;
        items.push(Item::Line { from: (from, ly), to: (width, ly), stroke: Stroke::dotted(0.7) });
        for mut run in line.runs {
            run.y += y;
            items.push(Item::Text(run));
        }
        y += line.height;
    }
    (y, items)
}

pub fn signature(ts: &mut Typesetter, sig: &Signature, width: f32) -> (f32, Vec<Item>) {
    let mut items = Vec::new();
    // Where the signing area ends: a dotted line with words around it, or blank space.
    let (mut y, sign_left, sign_right) = match &sig.sign_line {
        Some((before, after)) => {
            let size = before.style.size;
            let wb = ts.width(&before.text, before.style.weight, size);
            let wa = ts.width(&after.text, after.style.weight, size);
            let baseline = sig.sign_height;
            // "ลงชื่อ … ผู้รายงาน" reads as one paragraph.
            let node = ts.structure.add(ts.parent, Role::P);
            for (span, x) in [(before, 0.0), (after, width - wa)] {
                let laid = layout_paragraph(ts, &Paragraph::new(vec![span.clone()]), width);
                if let Some(line) = laid.lines.into_iter().next() {
                    let base = line.runs.first().map_or(0.0, |r| r.y);
                    for mut run in line.runs {
                        run.x += x;
                        run.y += baseline - base;
                        run.node = Some(node);
                        items.push(Item::Text(run));
                    }
                }
            }
            let from = wb + 0.3 * size;
            let to = width - wa - 0.3 * size;
            items.push(Item::Line {
                from: (from, baseline + 1.5),
                to: (to, baseline + 1.5),
                stroke: Stroke::dotted(0.7),
            });
            (baseline + 0.5 * size, from, to)
        }
        None => (sig.sign_height, 0.0, width),
    };
    if let Some(image) = &sig.image {
        let area = sign_right - sign_left;
        let (w, h) = image.fit(area.min(width * 0.6), sig.sign_height);
        let rect = Rect::new(sign_left + (area - w) / 2.0, sig.sign_height - h, w, h);
        let node = Some(ts.structure.add(ts.parent, Role::Figure(sig.image_alt.clone())));
        items.push(Item::Image { rect, image: image.clone(), node });
    }
    for p in &sig.lines {
        let mut laid = layout_paragraph(ts, &p.clone().align(Align::Center), width);
        ts.structure.tag_paragraph(ts.parent, p, &mut laid);
        y += laid.space_before;
        for line in laid.lines {
            for mut run in line.runs {
                run.y += y;
                items.push(Item::Text(run));
            }
            y += line.height;
        }
        y += laid.space_after;
    }
    (y, items)
}
