//! Tables: column widths, header rows with colspan/rowspan, group rows spanning all
//! columns, cells of several paragraphs. The header repeats on every page and a row taller
//! than the space left is split between lines, its borders closed on both pages.

mod pages;

pub use pages::{Regions, TablePart};

use super::engine::Typesetter;
use super::fonts::Weight;
use super::frame::{Item, Rect, Stroke, TextRun};
use super::inline::{layout_paragraph, Paragraph};
use super::outline::run_outlines;
use super::structure::{NodeId, Role};
use super::style::Rgb;
use super::vector::Artifact;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VAlign {
    #[default]
    Top,
    Middle,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub content: Vec<Paragraph>,
    pub colspan: usize,
    /// Only honoured in header rows.
    pub rowspan: usize,
    pub fill: Option<Rgb>,
    pub valign: VAlign,
}

impl Cell {
    pub fn new(content: Vec<Paragraph>) -> Self {
        Cell { content, colspan: 1, rowspan: 1, fill: None, valign: VAlign::Top }
    }
    pub fn span(mut self, colspan: usize, rowspan: usize) -> Self {
        self.colspan = colspan.max(1);
        self.rowspan = rowspan.max(1);
        self
    }
    pub fn fill(mut self, fill: Rgb) -> Self {
        self.fill = Some(fill);
        self
    }
    pub fn middle(mut self) -> Self {
        self.valign = VAlign::Middle;
        self
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Cells(Vec<Cell>),
    /// One cell across every column (a group heading); kept with the row after it.
    Group(Cell),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Relative column widths.
    pub columns: Vec<f32>,
    pub header: Vec<Vec<Cell>>,
    pub rows: Vec<Row>,
    pub padding_x: f32,
    pub padding_y: f32,
    pub border: f32,
    pub space_after: f32,
    /// What marks a row continued from the page before, at the top of its first cell
    /// ("(ต่อ)"); drawn as outlines, so it never comes between the two parts of a cell's text.
    pub continued: Option<Paragraph>,
}

impl Table {
    pub fn new(columns: Vec<f32>) -> Self {
        Table {
            columns,
            header: Vec::new(),
            rows: Vec::new(),
            padding_x: 4.0,
            padding_y: 3.0,
            border: 0.6,
            space_after: 8.0,
            continued: None,
        }
    }
}

/// Lines of a cell kept together at each side of a page break, when the cell has them.
const MIN_SPLIT_LINES: usize = 2;

/// A cell's content as lines: (top offset, height, items relative to the content box).
#[derive(Clone, Debug, Default)]
pub struct CellLines {
    pub lines: Vec<(f32, f32, Vec<Item>)>,
    pub height: f32,
    /// Which lines begin a paragraph (a list item), for breaking a cell across pages.
    pub starts: Vec<bool>,
}

impl CellLines {
    /// How many lines, from `from`, fit in `avail` points.
    fn fit(&self, from: usize, avail: f32) -> usize {
        let Some(first) = self.lines.get(from) else { return 0 };
        let top = first.0;
        self.lines[from..].iter().take_while(|(y, h, _)| y + h - top <= avail + 0.01).count()
    }
    /// Where to end the lines from `from` on this page, given that `n` fit: not after a
    /// paragraph's first line (it would stand alone at the foot) nor before its last (alone
    /// at the head of the next page), when moving lines down still leaves one here.
    fn page_end(&self, from: usize, n: usize) -> usize {
        let starts = |i: usize| self.starts.get(i).copied().unwrap_or(true);
        let mut to = from + n;
        if to >= self.lines.len() {
            return n;
        }
        // A paragraph's last line alone on the next page: take one more line with it.
        if starts(to + 1) && !starts(to) && to - 1 > from {
            to -= 1;
        }
        // A paragraph's first line alone at the foot: it goes down too.
        if starts(to - 1) && !starts(to) && to - 1 > from {
            to -= 1;
        }
        to - from
    }

    fn height_of(&self, from: usize, to: usize) -> f32 {
        if from >= to {
            return 0.0;
        }
        self.lines[to - 1].0 + self.lines[to - 1].1 - self.lines[from].0
    }
}

/// Lays out a cell's paragraphs; with a structure element, they become its content.
fn layout_cell(ts: &mut Typesetter, cell: &Cell, width: f32, node: Option<NodeId>) -> CellLines {
    let mut out = CellLines::default();
    let mut y = 0.0;
    for (i, p) in cell.content.iter().enumerate() {
        let mut laid = layout_paragraph(ts, p, width);
        if node.is_some() {
            ts.structure.tag_paragraph(node, p, &mut laid);
        }
        if i > 0 {
            y += laid.space_before;
        }
        for (k, line) in laid.lines.into_iter().enumerate() {
            let items = line.runs.into_iter().map(Item::Text).collect();
            out.lines.push((y, line.height, items));
            out.starts.push(k == 0);
            y += line.height;
        }
        y += laid.space_after;
    }
    // Trailing paragraph spacing does not count.
    out.height = out.lines.last().map_or(0.0, |(y, h, _)| y + h);
    // An empty cell keeps its place in the structure (so a row's cells stay under their
    // headers): an empty run, of no height, is its content.
    if let (true, Some(node)) = (out.lines.is_empty(), node) {
        let mark = TextRun {
            x: 0.0,
            y: 0.0,
            weight: Weight::Regular,
            size: 1.0,
            color: Rgb::BLACK,
            text: String::new(),
            glyphs: Vec::new(),
            node: Some(node),
        };
        out.lines.push((0.0, 0.0, vec![Item::Text(mark)]));
        out.starts.push(true);
    }
    out
}

/// A laid-out cell in the grid: columns [col, col + colspan).
#[derive(Clone, Debug)]
pub struct LaidCell {
    pub col: usize,
    pub colspan: usize,
    pub fill: Option<Rgb>,
    pub valign: VAlign,
    pub lines: CellLines,
}

#[derive(Clone, Debug)]
pub struct LaidRow {
    pub cells: Vec<LaidCell>,
    pub group: bool,
}

/// The header drawn once, ready to be repeated: items relative to its top-left.
#[derive(Clone, Debug, Default)]
pub struct LaidHeader {
    pub height: f32,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug)]
pub struct LaidTable {
    pub col_x: Vec<f32>,
    pub width: f32,
    pub header: LaidHeader,
    pub rows: Vec<LaidRow>,
    pub padding_x: f32,
    pub padding_y: f32,
    pub border: f32,
    pub space_after: f32,
    /// The continuation mark as outlines (relative to its top-left), and its height.
    pub continued: Option<(f32, Vec<Item>)>,
}

impl LaidTable {
    fn cell_x(&self, col: usize, span: usize) -> (f32, f32) {
        let x0 = self.col_x[col.min(self.col_x.len() - 1)];
        let x1 = self.col_x[(col + span).min(self.col_x.len() - 1)];
        (x0, x1 - x0)
    }

    /// Natural height of row `r` from the given line offsets on.
    pub fn row_height(&self, r: usize, from: &[usize]) -> f32 {
        let mark = self.mark_height(from);
        self.rows[r]
            .cells
            .iter()
            .zip(from)
            .enumerate()
            .map(|(i, (c, &f))| c.lines.height_of(f, c.lines.lines.len()) + if i == 0 { mark } else { 0.0 })
            .fold(0.0, f32::max)
            + 2.0 * self.padding_y
    }

    /// Height of the continuation mark a row fragment starting at `from` carries.
    fn mark_height(&self, from: &[usize]) -> f32 {
        match &self.continued {
            Some((h, _)) if from.iter().any(|&f| f > 0) => *h,
            _ => 0.0,
        }
    }

    /// Height row `r` needs to start on a page: all of it, or, to be split, every cell but
    /// the tallest whole and two lines of the tallest. Text readers read a page's cells one
    /// after another, so only a row whose other cells end on this page may go on to the
    /// next: the one continuing cell is drawn last here and first there (see `draw_row`)
    /// and reads whole across the break. A group heading brings the row after it.
    pub fn row_start(&self, r: usize, from: &[usize]) -> f32 {
        let row = &self.rows[r];
        let natural = self.row_height(r, from);
        if row.group {
            let next = self.rows.get(r + 1).map_or(0.0, |n| self.row_start(r + 1, &vec![0; n.cells.len()]));
            return natural + next;
        }
        let mark = self.mark_height(from);
        let heights: Vec<f32> = row
            .cells
            .iter()
            .zip(from)
            .enumerate()
            .map(|(i, (c, &f))| c.lines.height_of(f, c.lines.lines.len()) + if i == 0 { mark } else { 0.0 })
            .collect();
        let Some(tallest) = (0..heights.len()).max_by(|&a, &b| heights[a].total_cmp(&heights[b])) else {
            return natural;
        };
        let cell = &row.cells[tallest];
        let f = from[tallest];
        // Two lines here and two there, or the cell stays whole.
        if cell.lines.lines.len() < f + 2 * MIN_SPLIT_LINES {
            return natural;
        }
        let two_lines = cell.lines.height_of(f, f + MIN_SPLIT_LINES);
        let others = heights.iter().enumerate().filter(|&(i, _)| i != tallest).map(|(_, h)| *h).fold(0.0, f32::max);
        natural.min(others.max(two_lines) + 2.0 * self.padding_y)
    }

    /// Height the table needs to start on a page: its header and its first row's start.
    pub fn start(&self) -> f32 {
        self.header.height + self.rows.first().map_or(0.0, |row| self.row_start(0, &vec![0; row.cells.len()]))
    }

    /// Smallest fragment of row `r` worth starting on a page: two lines of every cell (a
    /// lone line at the foot of a page reads as a mistake).
    pub fn row_min_height(&self, r: usize, from: &[usize]) -> f32 {
        self.rows[r]
            .cells
            .iter()
            .zip(from)
            .map(|(c, &f)| c.lines.height_of(f, (f + MIN_SPLIT_LINES).min(c.lines.lines.len())))
            .fold(0.0, f32::max)
            + 2.0 * self.padding_y
            + self.mark_height(from)
    }

    /// Draws the part of row `r` that fits in `avail` (lines from `from` on), at `top`.
    /// Returns the height used and the new line offsets; all lines placed when they equal
    /// the line counts.
    ///
    /// Readers without structure read a page's cells in drawing order, so a split row draws
    /// the cells that go on to the next page last, and on that page draws them first (in
    /// the reverse order): one continuing cell then reads whole across the page break (the
    /// header above it is drawn as outlines, see `flow`).
    pub fn draw_row(&self, r: usize, from: &[usize], avail: f32, top: f32, items: &mut Vec<Item>) -> (f32, Vec<usize>) {
        let row = &self.rows[r];
        let mark = self.mark_height(from);
        let inner = avail - 2.0 * self.padding_y;
        let natural = self.row_height(r, from);
        let complete = natural <= avail + 0.01;
        let mut next = Vec::with_capacity(row.cells.len());
        let mut used = 0.0f32;
        let mut parts = Vec::with_capacity(row.cells.len());
        for (i, (cell, &f)) in row.cells.iter().zip(from).enumerate() {
            let left = cell.lines.lines.len() - f.min(cell.lines.lines.len());
            let shift = if i == 0 { mark } else { 0.0 };
            let n = if complete {
                left
            } else {
                // Never leave a single line of a cell to go on alone on the next page, nor a
                // paragraph's single line on either side.
                let n = cell.lines.fit(f, inner - shift);
                let n = if n < left && left - n < MIN_SPLIT_LINES && n > MIN_SPLIT_LINES {
                    n - (MIN_SPLIT_LINES - (left - n))
                } else {
                    n
                };
                if n > 0 && n < left {
                    cell.lines.page_end(f, n)
                } else {
                    n
                }
            };
            let to = f + n;
            used = used.max(cell.lines.height_of(f, to) + shift);
            parts.push((f, to, shift));
            next.push(to);
        }
        // A split row fills the rest of the page, so its borders meet the page's end.
        let height = if complete { used + 2.0 * self.padding_y } else { avail };
        let goes_on = |i: usize| next[i] < row.cells[i].lines.lines.len();
        let came_from = |i: usize| from[i] > 0 && parts[i].0 < parts[i].1;
        let mut order: Vec<usize> = (0..row.cells.len()).filter(|&i| came_from(i) && !goes_on(i)).rev().collect();
        order.extend((0..row.cells.len()).filter(|&i| !came_from(i) && !goes_on(i)));
        order.extend((0..row.cells.len()).filter(|&i| goes_on(i)));
        for i in order {
            let (cell, (f, to, shift)) = (&row.cells[i], parts[i]);
            let (x, w) = self.cell_x(cell.col, cell.colspan);
            let frame = CellFrame { rect: Rect::new(x, top, w, height), fill: cell.fill, border: self.border };
            frame.fill(items);
            let content_h = cell.lines.height_of(f, to);
            let dy = match cell.valign {
                VAlign::Middle if complete => (height - 2.0 * self.padding_y - content_h) / 2.0,
                _ => 0.0,
            } + shift;
            let base = cell.lines.lines.get(f).map_or(0.0, |l| l.0);
            place_lines(items, &cell.lines.lines[f..to], (x + self.padding_x, top + self.padding_y + dy), base);
            if let (Some((_, mark_items)), true) = (&self.continued, i == 0 && shift > 0.0) {
                let mut mark_items = mark_items.clone();
                super::frame::Page::translate(&mut mark_items, x + self.padding_x, top + self.padding_y);
                items.extend(mark_items);
            }
            frame.border(items);
        }
        (height, next)
    }
}

/// A cell's box: its fill under the content, its border over it.
struct CellFrame {
    rect: Rect,
    fill: Option<Rgb>,
    border: f32,
}

impl CellFrame {
    fn fill(&self, items: &mut Vec<Item>) {
        if let Some(fill) = self.fill {
            items.push(Item::Rect { rect: self.rect, fill: Some(fill), stroke: None });
        }
    }
    fn border(&self, items: &mut Vec<Item>) {
        items.push(Item::Rect { rect: self.rect, fill: None, stroke: Some(Stroke::solid(self.border)) });
    }
}

/// A cell's lines placed with their top-left at `at`; `base` is the top of the first line
/// within the cell (a fragment of a split row starts below 0).
fn place_lines(items: &mut Vec<Item>, lines: &[(f32, f32, Vec<Item>)], at: (f32, f32), base: f32) {
    for (ly, _, line_items) in lines {
        let mut line_items = line_items.clone();
        super::frame::Page::translate(&mut line_items, at.0, at.1 + ly - base);
        items.extend(line_items);
    }
}

/// Lays out `table` at `width` points.
pub fn layout_table(ts: &mut Typesetter, table: &Table, width: f32) -> LaidTable {
    let total: f32 = table.columns.iter().sum::<f32>().max(f32::EPSILON);
    let mut col_x = vec![0.0];
    for c in &table.columns {
        col_x.push(col_x.last().copied().unwrap_or(0.0) + c / total * width);
    }
    let ncols = table.columns.len().max(1);
    let (px, py) = (table.padding_x, table.padding_y);
    let inner_width = |col: usize, span: usize| {
        let x0 = col_x[col.min(ncols)];
        let x1 = col_x[(col + span).min(ncols)];
        (x1 - x0 - 2.0 * px).max(1.0)
    };

    // Structure: Table > THead > TR > TH, then TBody > TR > TD, each cell's paragraphs inside.
    let node = ts.structure.add(ts.parent, Role::Table);
    let header = layout_header(ts, table, &col_x, &inner_width, node);
    let body = ts.structure.add(Some(node), Role::TBody);
    let cell_in = |ts: &mut Typesetter, tr: NodeId, cell: &Cell, span: usize, width: f32| {
        let td = ts.structure.add(Some(tr), Role::TD { cols: span as u32 });
        layout_cell(ts, cell, width, Some(td))
    };
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let tr = ts.structure.add(Some(body), Role::TR);
            match row {
                Row::Group(cell) => LaidRow {
                    cells: vec![LaidCell {
                        col: 0,
                        colspan: ncols,
                        fill: cell.fill,
                        valign: cell.valign,
                        lines: cell_in(ts, tr, cell, ncols, inner_width(0, ncols)),
                    }],
                    group: true,
                },
                Row::Cells(cells) => {
                    let mut col = 0;
                    let mut laid = Vec::with_capacity(cells.len());
                    for cell in cells {
                        if col >= ncols {
                            break;
                        }
                        let span = cell.colspan.min(ncols - col);
                        laid.push(LaidCell {
                            col,
                            colspan: span,
                            fill: cell.fill,
                            valign: cell.valign,
                            lines: cell_in(ts, tr, cell, span, inner_width(col, span)),
                        });
                        col += span;
                    }
                    LaidRow { cells: laid, group: false }
                }
            }
        })
        .collect();
    let continued = table.continued.as_ref().map(|p| continuation_mark(ts, p, inner_width(0, 1)));
    LaidTable {
        col_x,
        width,
        header,
        rows,
        padding_x: px,
        padding_y: py,
        border: table.border,
        space_after: table.space_after,
        continued,
    }
}

/// The continuation mark laid out and turned into outlines.
fn continuation_mark(ts: &mut Typesetter, p: &Paragraph, width: f32) -> (f32, Vec<Item>) {
    let laid = layout_cell(ts, &Cell::new(vec![p.clone()]), width, None);
    let items = laid
        .lines
        .into_iter()
        .flat_map(|(y, _, items)| {
            items.into_iter().filter_map(move |item| match item {
                Item::Text(mut run) => {
                    run.y += y;
                    Some(run)
                }
                _ => None,
            })
        })
        .filter_map(|run| run_outlines(ts.engine, &run, Artifact::Continued))
        .collect();
    (laid.height, items)
}

fn layout_header(
    ts: &mut Typesetter,
    table: &Table,
    col_x: &[f32],
    inner_width: &dyn Fn(usize, usize) -> f32,
    node: NodeId,
) -> LaidHeader {
    let ncols = table.columns.len().max(1);
    let nrows = table.header.len();
    if nrows == 0 {
        return LaidHeader::default();
    }
    let head = ts.structure.add(Some(node), Role::THead);
    // Place cells on the grid, skipping slots taken by row spans from above.
    let mut taken = vec![vec![false; ncols]; nrows];
    let mut placed = Vec::new(); // (row, col, rowspan, colspan, lines, cell)
    for (r, cells) in table.header.iter().enumerate() {
        let tr = ts.structure.add(Some(head), Role::TR);
        let mut col = 0;
        for cell in cells {
            while col < ncols && taken[r][col] {
                col += 1;
            }
            if col >= ncols {
                break;
            }
            let cs = cell.colspan.min(ncols - col);
            let rs = cell.rowspan.min(nrows - r);
            for row in taken.iter_mut().skip(r).take(rs) {
                for slot in row.iter_mut().skip(col).take(cs) {
                    *slot = true;
                }
            }
            let th = ts.structure.add(Some(tr), Role::TH { rows: rs as u32, cols: cs as u32 });
            let lines = layout_cell(ts, cell, inner_width(col, cs), Some(th));
            placed.push((r, col, rs, cs, lines, cell));
            col += cs;
        }
    }
    // Row heights: single-row cells first, then stretch the last row a span covers.
    let pad = 2.0 * table.padding_y;
    let mut heights = vec![0.0f32; nrows];
    for (r, _, rs, _, lines, _) in &placed {
        if *rs == 1 {
            heights[*r] = heights[*r].max(lines.height + pad);
        }
    }
    for (r, _, rs, _, lines, _) in &placed {
        if *rs > 1 {
            let have: f32 = heights[*r..r + rs].iter().sum();
            let need = lines.height + pad;
            if need > have {
                heights[r + rs - 1] += need - have;
            }
        }
    }
    let mut row_y = vec![0.0];
    for h in &heights {
        row_y.push(row_y.last().copied().unwrap_or(0.0) + h);
    }
    let mut items = Vec::new();
    for (r, col, rs, cs, lines, cell) in placed {
        let x = col_x[col];
        let w = col_x[col + cs] - x;
        let y = row_y[r];
        let h = row_y[r + rs] - y;
        let frame = CellFrame { rect: Rect::new(x, y, w, h), fill: cell.fill, border: table.border };
        frame.fill(&mut items);
        let dy = match cell.valign {
            VAlign::Middle => (h - pad - lines.height) / 2.0,
            VAlign::Top => 0.0,
        };
        place_lines(&mut items, &lines.lines, (x + table.padding_x, y + table.padding_y + dy), 0.0);
        frame.border(&mut items);
    }
    LaidHeader { height: row_y[nrows], items }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(paragraph_lines: &[usize]) -> CellLines {
        let mut c = CellLines::default();
        for &n in paragraph_lines {
            for k in 0..n {
                c.lines.push((c.lines.len() as f32 * 10.0, 10.0, Vec::new()));
                c.starts.push(k == 0);
            }
        }
        c
    }

    #[test]
    fn a_split_cell_leaves_no_paragraph_line_alone() {
        // Paragraphs of 3 and 4 lines: 0 1 2 | 3 4 5 6.
        let c = cell(&[3, 4]);
        assert_eq!(c.page_end(0, 2), 1, "a last line alone over the page: one more goes with it");
        assert_eq!(c.page_end(0, 4), 3, "a first line alone at the foot goes down");
        assert_eq!(c.page_end(0, 3), 3, "between paragraphs: as it fits");
        assert_eq!(c.page_end(0, 5), 5, "two and two");
        assert_eq!(cell(&[1, 1, 1]).page_end(0, 1), 1, "one-line paragraphs split anywhere");
        assert_eq!(cell(&[2]).page_end(0, 1), 1, "a line stays on the page rather than none");
    }
}
