//! Text drawn as outlines: words that are on the page for the eye but are not part of the
//! document's text (page numbers, the "ร่าง" watermark, the "(ต่อ)" of a continued table
//! row). Text extraction, search and copy never see them, so they never come between the
//! end of one page's text and the start of the next.

use super::engine::Engine;
use super::frame::{Item, TextRun};
use super::vector::{bounds_of, Artifact, Segment, VectorGraphic, VectorKind, VectorPath};
use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use std::sync::Arc;

/// Collects a glyph's outline, mapped through `to_page` (font units → page points).
pub struct Collect<'a> {
    pub segments: Vec<Segment>,
    pub to_page: &'a dyn Fn(f32, f32) -> (f32, f32),
}

impl OutlineBuilder for Collect<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = (self.to_page)(x, y);
        self.segments.push(Segment::MoveTo(x, y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = (self.to_page)(x, y);
        self.segments.push(Segment::LineTo(x, y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let ((x1, y1), (x, y)) = ((self.to_page)(x1, y1), (self.to_page)(x, y));
        self.segments.push(Segment::QuadTo(x1, y1, x, y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let ((x1, y1), (x2, y2), (x, y)) = ((self.to_page)(x1, y1), (self.to_page)(x2, y2), (self.to_page)(x, y));
        self.segments.push(Segment::CubicTo(x1, y1, x2, y2, x, y));
    }
    fn close(&mut self) {
        self.segments.push(Segment::Close);
    }
}

/// A laid-out run as outlines in page coordinates, marked as `what`.
pub fn run_outlines(engine: &Engine, run: &TextRun, what: Artifact) -> Option<Item> {
    let face = engine.fonts.face(run.weight);
    let scale = run.size / face.upem;
    let mut paths = Vec::new();
    let mut pen = run.x;
    for g in &run.glyphs {
        let (gx, gy) = (pen + g.dx * run.size, run.y - g.dy * run.size);
        let to_page = move |x: f32, y: f32| (gx + x * scale, gy - y * scale);
        let mut collect = Collect { segments: Vec::new(), to_page: &to_page };
        if face.face.outline_glyph(GlyphId(g.id), &mut collect).is_some() {
            paths.push(VectorPath { segments: collect.segments, fill: run.color, opacity: 1.0 });
        }
        pen += g.advance * run.size;
    }
    if paths.is_empty() {
        return None;
    }
    let bounds = bounds_of(&paths);
    let graphic = VectorGraphic { bounds, paths, kind: VectorKind::Artifact(what) };
    Some(Item::Vector { rect: bounds, graphic: Arc::new(graphic), node: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::engine::Typesetter;
    use crate::typeset::inline::{layout_paragraph, Paragraph};
    use crate::typeset::style::TextStyle;

    #[test]
    fn a_run_becomes_outlines_where_it_was_drawn() {
        let engine = Engine::embedded();
        let mut ts = Typesetter::new(engine);
        let laid = layout_paragraph(&mut ts, &Paragraph::text("- ๑๒ -", TextStyle::regular(12.0)), 500.0);
        let mut run = laid.lines[0].runs[0].clone();
        run.x = 100.0;
        run.y = 50.0;
        let Some(Item::Vector { rect, graphic, .. }) = run_outlines(engine, &run, Artifact::PageNumber) else {
            panic!("no outlines")
        };
        assert_eq!(graphic.kind, VectorKind::Artifact(Artifact::PageNumber));
        assert!(rect.x >= 100.0 && rect.x < 104.0 && rect.right() <= 100.0 + run.width() + 0.5, "{rect:?}");
        assert!(rect.bottom() <= 50.5 && rect.y > 40.0, "digits sit on the baseline: {rect:?}");
    }
}
