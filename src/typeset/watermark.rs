//! The "ร่าง" watermark: a word set large and light across the page, drawn as outlines (a
//! decoration, not text), so text extraction, search and copy never pick it up.

use super::engine::Engine;
use super::fonts::Weight;
use super::frame::{Item, Page, Rect};
use super::outline::Collect;
use super::shape::shape;
use super::style::Rgb;
use super::vector::{bounds_of, Artifact, VectorGraphic, VectorKind, VectorPath};
use rustybuzz::ttf_parser::GlyphId;
use std::sync::Arc;

/// Drawn over everything (table cells and photos would hide it otherwise), see-through: on
/// white it is a light grey (about 230 of 255), and text under it stays black.
const GREY: Rgb = Rgb(140, 140, 140);
const OPACITY: f32 = 0.22;
/// Rising to the right, as rubber stamps are put.
const ANGLE_DEGREES: f32 = 35.0;

/// `text` centred on a `width` × `height` page, turned, as one vector graphic.
pub fn watermark(engine: &Engine, text: &str, width: f32, height: f32) -> Option<VectorGraphic> {
    let face = engine.fonts.face(Weight::Bold);
    let shaped = shape(face, text);
    // As wide as about half the page's diagonal.
    let size = (width.hypot(height) * 0.45 / shaped.advance.max(0.1)).min(220.0);
    let scale = size / face.upem;
    let (sin, cos) = ANGLE_DEGREES.to_radians().sin_cos();
    let (cx, cy) = (width / 2.0, height / 2.0);
    let half = shaped.advance * size / 2.0;
    let mut paths = Vec::new();
    let mut pen = 0.0;
    for g in &shaped.glyphs {
        let (gx, gy) = (pen + g.dx * size, g.dy * size);
        // Text space: u along the baseline from the word's centre, v down from the middle of
        // Thai letters' height; then turned about the page's centre (page y points down).
        let to_page = move |x: f32, y: f32| {
            let u = gx + x * scale - half;
            let v = -(gy + y * scale) + 0.28 * size;
            (cx + u * cos + v * sin, cy - u * sin + v * cos)
        };
        let mut collect = Collect { segments: Vec::new(), to_page: &to_page };
        if face.face.outline_glyph(GlyphId(g.id), &mut collect).is_some() {
            paths.push(VectorPath { segments: collect.segments, fill: GREY, opacity: OPACITY });
        }
        pen += g.advance * size;
    }
    if paths.is_empty() {
        return None;
    }
    Some(VectorGraphic { bounds: bounds_of(&paths), paths, kind: VectorKind::Artifact(Artifact::Watermark) })
}

/// Puts the watermark over every page.
pub fn stamp(engine: &Engine, pages: &mut [Page], text: &str) {
    for page in pages {
        if let Some(g) = watermark(engine, text, page.width, page.height) {
            let rect: Rect = g.bounds;
            page.items.push(Item::Vector { rect, graphic: Arc::new(g), node: None });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watermark_is_centred_turned_and_not_text() {
        let engine = Engine::embedded();
        let g = watermark(engine, "ร่าง", 595.0, 842.0).unwrap();
        let b = g.bounds;
        assert!((b.x + b.w / 2.0 - 297.5).abs() < 40.0 && (b.y + b.h / 2.0 - 421.0).abs() < 60.0, "{b:?}");
        assert!(b.w > 250.0 && b.h > 150.0, "large and turned: {b:?}");
        assert_eq!(g.kind, VectorKind::Artifact(Artifact::Watermark));
        let mut pages = vec![Page { width: 595.0, height: 842.0, items: Vec::new() }; 2];
        stamp(engine, &mut pages, "ร่าง");
        assert!(pages.iter().all(|p| matches!(p.items.last(), Some(Item::Vector { .. })) && p.plain_text().is_empty()));
    }
}
