//! Pagination: blocks → pages. Paragraphs split between lines (never leaving a single line
//! alone at the foot or head of a page), headings stay with what follows, kept blocks move
//! whole to the next page; a table splits itself into page parts (`table/pages.rs`, which
//! repeats the header) and the flow places them.

use super::blocks::{Block, DocSpec, PageSpec, Section};
use super::chart::layout_chart;
use super::engine::{Engine, Typesetter};
use super::frame::{Document, Item, Page, Rect, Stroke};
use super::inline::{layout_paragraph, Paragraph};
use super::outline::run_outlines;
use super::structure::Role;
use super::style::{Align, TextStyle};
use super::table::{layout_table, LaidTable, Regions};
use super::vector::Artifact;
use crate::thai::to_thai_digits;

/// A slice of a block that is placed whole: a line, an image, a signature.
#[derive(Clone, Debug, Default)]
struct Unit {
    space_before: f32,
    height: f32,
    space_after: f32,
    /// Relative to the unit's top-left (content box left).
    items: Vec<Item>,
}

enum Laid {
    Units {
        units: Vec<Unit>,
        /// Move the whole block to a new page rather than split it (when it fits a page).
        keep: bool,
        keep_with_next: bool,
        /// Paragraph lines: at least two lines at the foot and at the head of a page.
        widows: bool,
    },
    Table(Box<LaidTable>),
    PageBreak,
}

impl Laid {
    fn height(&self) -> f32 {
        match self {
            Laid::Units { units, .. } => units.iter().map(|u| u.space_before + u.height + u.space_after).sum(),
            Laid::Table(t) => {
                t.header.height
                    + (0..t.rows.len()).map(|r| t.row_height(r, &vec![0; t.rows[r].cells.len()])).sum::<f32>()
            }
            Laid::PageBreak => 0.0,
        }
    }

    /// Height of the start of this block that must share a page with a heading before it.
    fn lead_height(&self) -> f32 {
        match self {
            Laid::Units { units, .. } => units.iter().take(2).map(|u| u.space_before + u.height).sum(),
            Laid::Table(t) => t.start(),
            Laid::PageBreak => 0.0,
        }
    }
}

struct Flow<'a, 'e> {
    ts: &'a mut Typesetter<'e>,
    pages: Vec<(Page, bool)>,
    spec: PageSpec,
    y: f32,
    open: bool,
    numbered_from: usize,
    run_start: usize,
    /// Index of the current section's first page.
    section_start: usize,
}

impl Flow<'_, '_> {
    fn content(&self) -> Rect {
        let (w, h) = self.spec.size();
        let m = self.spec.margins;
        let top = if self.pages.len() == self.section_start + 1 { self.spec.first_top.unwrap_or(m.top) } else { m.top };
        Rect::new(m.left, top, w - m.left - m.right, h - top - m.bottom)
    }

    /// The content box of the pages after the current one (only a section's first page
    /// may start lower).
    fn later_content(&self) -> Rect {
        let (w, h) = self.spec.size();
        let m = self.spec.margins;
        Rect::new(m.left, m.top, w - m.left - m.right, h - m.top - m.bottom)
    }

    fn new_page(&mut self) {
        let (w, h) = self.spec.size();
        let index_in_run = self.pages.len() - self.run_start + 1;
        self.pages.push((Page { width: w, height: h, items: Vec::new() }, index_in_run >= self.numbered_from));
        self.y = self.content().y;
        self.open = true;
    }

    fn ensure_page(&mut self) {
        if !self.open {
            self.new_page();
        }
    }

    fn at_page_top(&self) -> bool {
        (self.y - self.content().y).abs() < 0.01
    }

    fn remaining(&self) -> f32 {
        self.content().bottom() - self.y
    }

    fn push(&mut self, mut items: Vec<Item>, dx: f32, dy: f32) {
        Page::translate(&mut items, dx, dy);
        if let Some((page, _)) = self.pages.last_mut() {
            page.items.extend(items);
        }
    }

    fn place_units(&mut self, units: Vec<Unit>, keep: bool, widows: bool, total: f32) {
        self.ensure_page();
        let full = self.content().h;
        if keep && total > self.remaining() + 0.01 && total <= full && !self.at_page_top() {
            self.new_page();
        }
        let n = units.len();
        let mut i = 0;
        while i < n {
            // How many units fit from i.
            let mut y = 0.0;
            let mut fit = 0;
            for (k, u) in units[i..].iter().enumerate() {
                let before = if k == 0 && self.at_page_top() { 0.0 } else { u.space_before };
                if y + before + u.height > self.remaining() + 0.01 {
                    break;
                }
                y += before + u.height + u.space_after;
                fit += 1;
            }
            let left = n - i;
            if fit < left && widows && left >= 2 {
                if fit == 1 {
                    fit = 0;
                } else if left - fit == 1 {
                    fit -= 1;
                }
                if fit == 1 && left >= 3 {
                    fit = 0;
                }
            }
            if fit == 0 {
                if self.at_page_top() {
                    fit = 1; // taller than a page: place it anyway
                } else {
                    self.new_page();
                    continue;
                }
            }
            let x = self.content().x;
            for (k, u) in units[i..i + fit].iter().enumerate() {
                if !(k == 0 && self.at_page_top()) {
                    self.y += u.space_before;
                }
                let top = self.y;
                self.push(u.items.clone(), x, top);
                self.y += u.height + u.space_after;
            }
            i += fit;
            if i < n {
                self.new_page();
            }
        }
    }

    fn place_table(&mut self, t: &LaidTable) {
        self.ensure_page();
        let x = self.content().x;
        if t.start() > self.remaining() && !self.at_page_top() {
            self.new_page();
        }
        let here = self.content();
        let later = self.later_content();
        let regions =
            Regions { top: here.y, y: self.y, bottom: here.bottom(), next_top: later.y, next_bottom: later.bottom() };
        for (i, part) in t.pages(self.ts.engine, regions).into_iter().enumerate() {
            if i > 0 {
                self.new_page();
            }
            for (top, items) in part.pieces {
                self.push(items, x, top);
            }
            self.y = part.end;
        }
        self.y += t.space_after;
    }
}

/// Lays out a block at `width`.
fn lay(ts: &mut Typesetter, block: &Block, width: f32) -> Laid {
    match block {
        Block::Para(p) => paragraph_units(ts, p, width),
        Block::Space(h) => Laid::Units {
            units: vec![Unit { space_before: *h, ..Unit::default() }],
            keep: false,
            keep_with_next: false,
            widows: false,
        },
        Block::Table(t) => Laid::Table(Box::new(layout_table(ts, t, width))),
        Block::PageBreak => Laid::PageBreak,
        Block::Keep(blocks) => {
            let mut units = Vec::new();
            for b in blocks {
                if let Laid::Units { units: u, .. } = lay(ts, b, width) {
                    units.extend(u);
                }
            }
            Laid::Units { units, keep: true, keep_with_next: false, widows: false }
        }
        other => {
            let (height, items) = atomic(ts, other, width);
            Laid::Units {
                units: vec![Unit { height, items, ..Unit::default() }],
                keep: true,
                keep_with_next: false,
                widows: false,
            }
        }
    }
}

fn paragraph_units(ts: &mut Typesetter, p: &Paragraph, width: f32) -> Laid {
    let mut laid = layout_paragraph(ts, p, width);
    ts.structure.tag_paragraph(ts.parent, p, &mut laid);
    let n = laid.lines.len();
    let units = laid
        .lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| Unit {
            space_before: if i == 0 { laid.space_before } else { 0.0 },
            height: line.height,
            space_after: if i + 1 == n { laid.space_after } else { 0.0 },
            items: line.runs.into_iter().map(Item::Text).collect(),
        })
        .collect();
    Laid::Units { units, keep: false, keep_with_next: laid.keep_with_next, widows: true }
}

/// Blocks that are placed whole: (height, items relative to the top-left).
fn atomic(ts: &mut Typesetter, block: &Block, width: f32) -> (f32, Vec<Item>) {
    match block {
        Block::Para(_) | Block::Space(_) | Block::Table(_) | Block::Keep(_) | Block::PageBreak => {
            stacked(ts, std::slice::from_ref(block), width)
        }
        Block::Image { image, max_w, max_h, align, alt } => {
            let (w, h) = image.fit(max_w.min(width), *max_h);
            let rect = Rect::new(aligned(*align, w, width), 0.0, w, h);
            let node = Some(ts.structure.add(ts.parent, Role::Figure(alt.clone())));
            (h, vec![Item::Image { rect, image: image.clone(), node }])
        }
        Block::Graphic { graphic, height, align, alt } => {
            let b = graphic.bounds;
            let w = if b.h > 0.0 { height * b.w / b.h } else { *height };
            let rect = Rect::new(aligned(*align, w, width), 0.0, w, *height);
            let node = Some(ts.structure.add(ts.parent, Role::Figure(alt.clone())));
            (*height, vec![Item::Vector { rect, graphic: graphic.clone(), node }])
        }
        Block::Chart(chart) => {
            // One figure: its alternative text gives the values; bars and lines are its drawing.
            let figure = ts.structure.add(ts.parent, Role::Figure(chart.alt_text()));
            let (h, items) = layout_chart(ts, chart, width);
            (h, items.into_iter().map(|i| i.tagged(figure)).collect())
        }
        Block::Fields(fields) => super::furniture::fields_line(ts, fields, width),
        Block::DottedLines { count, indent } => {
            let pitch = flow_body_size(ts) * super::inline::DEFAULT_LEADING;
            let items = (0..*count)
                .map(|i| {
                    let y = pitch * (i as f32 + 1.0) - 4.0;
                    Item::Line { from: (*indent, y), to: (width, y), stroke: Stroke::dotted(0.8) }
                })
                .collect();
            (pitch * *count as f32, items)
        }
        Block::Signature(sig) => super::furniture::signature(ts, sig, width),
        Block::Layers(layers) => {
            let mut h = 0.0f32;
            let mut items = Vec::new();
            for b in layers {
                let (bh, bi) = atomic(ts, b, width);
                h = h.max(bh);
                items.extend(bi);
            }
            (h, items)
        }
        Block::Columns(cols) => columns(ts, cols, width, false),
        Block::SignedColumns(cols) => columns(ts, cols, width, true),
    }
}

/// Columns side by side; with `level_last`, each column's last block starts at the height
/// where the lowest of them would.
fn columns(ts: &mut Typesetter, cols: &[(f32, Vec<Block>)], width: f32, level_last: bool) -> (f32, Vec<Item>) {
    let total: f32 = cols.iter().map(|(s, _)| s).sum::<f32>().max(f32::EPSILON);
    let split = |blocks: &[Block]| -> usize {
        if level_last {
            blocks.len().saturating_sub(1)
        } else {
            blocks.len()
        }
    };
    let mut laid = Vec::new();
    for (share, blocks) in cols {
        let w = share / total * width;
        let (head_h, head) = stacked(ts, &blocks[..split(blocks)], w);
        let (last_h, last) = stacked(ts, &blocks[split(blocks)..], w);
        laid.push((w, head_h, head, last_h, last));
    }
    let level = laid.iter().map(|l| l.1).fold(0.0f32, f32::max);
    let (mut x, mut h, mut items) = (0.0, 0.0f32, Vec::new());
    for (w, head_h, mut head, last_h, mut last) in laid {
        let top = if level_last { level } else { head_h };
        Page::translate(&mut head, x, 0.0);
        Page::translate(&mut last, x, top);
        items.extend(head);
        items.extend(last);
        h = h.max(top + last_h);
        x += w;
    }
    (h, items)
}

/// Blocks one under another, as one piece.
fn stacked(ts: &mut Typesetter, blocks: &[Block], width: f32) -> (f32, Vec<Item>) {
    let mut y = 0.0;
    let mut items = Vec::new();
    for b in blocks {
        match lay(ts, b, width) {
            Laid::Units { units, .. } => {
                for u in units {
                    y += u.space_before;
                    let mut it = u.items;
                    Page::translate(&mut it, 0.0, y);
                    items.extend(it);
                    y += u.height + u.space_after;
                }
            }
            Laid::Table(t) => {
                let mut it = t.header.items.clone();
                Page::translate(&mut it, 0.0, y);
                items.extend(it);
                y += t.header.height;
                for r in 0..t.rows.len() {
                    let from = vec![0; t.rows[r].cells.len()];
                    let h = t.row_height(r, &from);
                    let (used, _) = t.draw_row(r, &from, h, y, &mut items);
                    y += used;
                }
            }
            Laid::PageBreak => {}
        }
    }
    (y, items)
}

fn aligned(align: Align, w: f32, width: f32) -> f32 {
    match align {
        Align::Left | Align::Justify => 0.0,
        Align::Center => (width - w) / 2.0,
        Align::Right => width - w,
    }
}

fn page_number_items(ts: &mut Typesetter, page: &Page, n: usize, thai: bool) -> Vec<Item> {
    let label = format!("- {n} -");
    let label = if thai { to_thai_digits(&label) } else { label };
    let p = Paragraph::text(label, TextStyle::regular(flow_body_size(ts))).align(Align::Center);
    let laid = layout_paragraph(ts, &p, page.width);
    let mut items = Vec::new();
    if let Some(line) = laid.lines.into_iter().next() {
        for mut run in line.runs {
            run.y += 1.2 * super::style::CM - line.height / 2.0;
            items.extend(run_outlines(ts.engine, &run, Artifact::PageNumber));
        }
    }
    items
}

/// The document's body size, kept on the typesetter for blocks that follow it.
fn flow_body_size(ts: &Typesetter) -> f32 {
    ts.body_size
}

/// Lays out a whole document.
pub fn layout_document(engine: &Engine, doc: &DocSpec) -> Document {
    let mut ts = Typesetter::new(engine).with_names(&doc.names);
    ts.body_size = doc.body_size;
    let mut flow = Flow {
        ts: &mut ts,
        pages: Vec::new(),
        spec: PageSpec::default(),
        y: 0.0,
        open: false,
        numbered_from: 2,
        run_start: 0,
        section_start: 0,
    };
    let mut numbers = Vec::new(); // page number within its run, per page
    for Section { page, numbering, blocks } in &doc.sections {
        flow.spec = *page;
        flow.open = false;
        flow.section_start = flow.pages.len();
        if numbering.restart || flow.pages.is_empty() {
            flow.run_start = flow.pages.len();
        }
        flow.numbered_from = numbering.from;
        let width = page.content_width();
        let laid: Vec<Laid> = blocks.iter().map(|b| lay(flow.ts, b, width)).collect();
        let mut i = 0;
        while i < laid.len() {
            match &laid[i] {
                Laid::PageBreak => {
                    flow.open = false;
                }
                Laid::Table(t) => flow.place_table(t),
                Laid::Units { units, keep, keep_with_next, widows } => {
                    let total = laid[i].height();
                    let mut keep = *keep;
                    if *keep_with_next {
                        // A heading moves with the start of what follows it.
                        flow.ensure_page();
                        let next = laid.get(i + 1).map_or(0.0, Laid::lead_height);
                        if total + next > flow.remaining() && total + next <= flow.content().h && !flow.at_page_top() {
                            flow.new_page();
                        }
                        keep = true;
                    }
                    flow.place_units(units.clone(), keep, *widows, total);
                }
            }
            i += 1;
        }
        flow.ensure_page();
        while numbers.len() < flow.pages.len() {
            numbers.push(numbers.len() - flow.run_start + 1);
        }
    }
    let thai = doc.thai_page_numbers;
    let mut pages = Vec::with_capacity(flow.pages.len());
    let taken: Vec<(Page, bool)> = std::mem::take(&mut flow.pages);
    for ((mut page, numbered), n) in taken.into_iter().zip(numbers) {
        if numbered {
            let items = page_number_items(flow.ts, &page, n, thai);
            page.items.extend(items);
        }
        pages.push(page);
    }
    if let Some(text) = &doc.watermark {
        super::watermark::stamp(flow.ts.engine, &mut pages, text);
    }
    let structure = std::mem::take(&mut flow.ts.structure);
    Document { pages, metadata: doc.metadata.clone(), structure }
}
