//! A laid-out table split into one part per page: the header on every page (content on the
//! first, an artifact after), rows kept whole unless `LaidTable::row_start` allows a split,
//! and a split row's continuing cell drawn last on one page and first on the next. The
//! flow only places the parts.

use super::LaidTable;
use crate::typeset::engine::Engine;
use crate::typeset::frame::Item;
use crate::typeset::outline::run_outlines;
use crate::typeset::vector::Artifact;

/// Where a table goes: the rest of the current page, then whole pages.
#[derive(Clone, Copy, Debug)]
pub struct Regions {
    /// The current page's content top, where the table starts (`y`) and its content bottom.
    pub top: f32,
    pub y: f32,
    pub bottom: f32,
    /// The content top and bottom of every following page.
    pub next_top: f32,
    pub next_bottom: f32,
}

/// One page's part of a table: items placed at their top (page coordinates, relative to
/// the content box's left), and where the page's content goes on below the table.
#[derive(Debug, Default)]
pub struct TablePart {
    pub pieces: Vec<(f32, Vec<Item>)>,
    pub end: f32,
}

/// The parts being built, page by page (the arithmetic is the flow's: each top is the sum
/// of the heights above it, so positions are exactly those the flow placed before).
struct Parts {
    done: Vec<TablePart>,
    current: TablePart,
    top: f32,
    y: f32,
    bottom: f32,
}

impl Parts {
    fn remaining(&self) -> f32 {
        self.bottom - self.y
    }

    fn push(&mut self, top: f32, items: Vec<Item>) {
        self.current.pieces.push((top, items));
    }

    fn new_page(&mut self, r: &Regions) {
        self.current.end = self.y;
        self.done.push(std::mem::take(&mut self.current));
        (self.top, self.y, self.bottom) = (r.next_top, r.next_top, r.next_bottom);
    }
}

impl LaidTable {
    /// The table's parts, one per page from the current one on.
    pub fn pages(&self, engine: &Engine, regions: Regions) -> Vec<TablePart> {
        let mut p = Parts {
            done: Vec::new(),
            current: TablePart::default(),
            top: regions.top,
            y: regions.y,
            bottom: regions.bottom,
        };
        let mut header_here = false;
        // The header is content once; repeated on later pages it is an artifact.
        let mut header_placed = false;
        // On a page that starts with a continued row, where its header goes: it is drawn
        // after the page's rows, so the continued cell's text reads on from the page before
        // (as outlines if this page's last row goes on too).
        let mut header_later: Option<f32> = None;
        let mut r = 0;
        let mut from: Vec<usize> = self.rows.first().map_or(Vec::new(), |row| vec![0; row.cells.len()]);
        while r < self.rows.len() {
            if !header_here {
                let top = p.y;
                if from.iter().any(|&f| f > 0) {
                    header_later = Some(top);
                } else if header_placed {
                    p.push(top, self.header.items.iter().cloned().map(Item::into_artifact).collect());
                } else {
                    p.push(top, self.header.items.clone());
                }
                header_placed = true;
                p.y += self.header.height;
                header_here = true;
            }
            let natural = self.row_height(r, &from);
            // A row is kept whole unless it may be split here (see `LaidTable::row_start`).
            let need = self.row_start(r, &from);
            let fresh = (p.y - p.top - self.header.height).abs() < 0.01;
            if need > p.remaining() + 0.01 && !fresh {
                self.repeat_header(engine, &mut p, header_later.take(), false);
                p.new_page(&regions);
                header_here = false;
                continue;
            }
            let min = self.row_min_height(r, &from);
            let avail = if natural <= p.remaining() + 0.01 { natural } else { p.remaining().max(min) };
            let mut items = Vec::new();
            let (h, next) = self.draw_row(r, &from, avail, 0.0, &mut items);
            let top = p.y;
            p.push(top, items);
            p.y += h;
            let done = next.iter().zip(&self.rows[r].cells).all(|(n, c)| *n >= c.lines.lines.len());
            if done {
                r += 1;
                from = self.rows.get(r).map_or(Vec::new(), |row| vec![0; row.cells.len()]);
            } else {
                // A fragment always takes a line (`row_min_height` fits): should none have, the
                // unfinished cells move on by a line rather than loop.
                from = if next == from {
                    from.iter().zip(&self.rows[r].cells).map(|(f, c)| (*f + 1).min(c.lines.lines.len())).collect()
                } else {
                    next
                };
                self.repeat_header(engine, &mut p, header_later.take(), true);
                p.new_page(&regions);
                header_here = false;
            }
        }
        self.repeat_header(engine, &mut p, header_later.take(), false);
        p.current.end = p.y;
        p.done.push(p.current);
        p.done
    }

    /// Draws a repeated header held back to the end of its page (at `top`), as text marked
    /// as an artifact, or as outlines when the page ends with a row going on to the next.
    fn repeat_header(&self, engine: &Engine, p: &mut Parts, top: Option<f32>, outlined: bool) {
        let Some(top) = top else { return };
        let items = self.header.items.iter().cloned().map(Item::into_artifact).map(|item| match item {
            Item::Text(run) if outlined => run_outlines(engine, &run, Artifact::TableHeader).unwrap_or(Item::Text(run)),
            other => other,
        });
        p.push(top, items.collect());
    }
}
