//! Laid-out document → PDF bytes, with krilla.
//!
//! krilla subsets the fonts, writes ToUnicode maps and ActualText where one glyph stands for
//! several characters (sara am, น้ำ), passes JPEG data through unchanged and can check
//! PDF/A-2b conformance. Nothing here decides where anything goes: positions come from
//! `typeset`.

use crate::typeset::fonts::{Fonts, Weight};
use crate::typeset::frame::{Document, Item, Metadata, Page, Stroke, TextRun};
use crate::typeset::image::{ImageData, ImageKind};
use crate::typeset::segment::cluster_boundaries;
use crate::typeset::style::Rgb;
use crate::typeset::vector::{Segment, VectorGraphic};
use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata as PdfMetadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document as PdfDocument, SerializeSettings};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Write PDF/A-2b (archival): krilla validates and embeds what it requires.
    pub pdfa: bool,
}

/// Why a PDF could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// An image's data could not be decoded.
    Image(String),
    /// krilla refused the document (e.g. a PDF/A rule), with its explanation.
    Krilla(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Image(e) => write!(f, "image could not be read: {e}"),
            PdfError::Krilla(e) => write!(f, "PDF could not be written: {e}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// Writes `doc` as a PDF.
pub fn write_pdf(doc: &Document, fonts: &Fonts, options: PdfOptions) -> Result<Vec<u8>, PdfError> {
    let mut settings = SerializeSettings { enable_tagging: false, ..SerializeSettings::default() };
    if options.pdfa {
        settings.configuration = ConfigurationBuilder::new()
            .set_validator(Validator::A(Archival::A2_B))
            .finish()
            .map_err(|e| PdfError::Krilla(format!("{e:?}")))?;
    }
    let mut pdf = PdfDocument::new_with(settings);
    pdf.set_metadata(metadata(&doc.metadata));
    let regular = Font::new(fonts.regular.data.into(), 0).ok_or(PdfError::Krilla("regular font".into()))?;
    let bold = Font::new(fonts.bold.data.into(), 0).ok_or(PdfError::Krilla("bold font".into()))?;
    let mut images = ImageCache { interpolate: !options.pdfa, ..ImageCache::default() };
    for page in &doc.pages {
        let settings = PageSettings::from_wh(page.width, page.height).ok_or(PdfError::Krilla("page size".into()))?;
        let mut p = pdf.start_page_with(settings);
        let mut surface = p.surface();
        draw_page(&mut surface, page, fonts, &regular, &bold, &mut images)?;
        surface.finish();
        p.finish();
    }
    pdf.finish().map_err(|e| PdfError::Krilla(format!("{e:?}")))
}

fn metadata(m: &Metadata) -> PdfMetadata {
    let mut out = PdfMetadata::new()
        .title(m.title.clone())
        .language(m.language.clone())
        .creator("Prongsai".to_string())
        .producer("Prongsai (krilla)".to_string());
    if !m.author.is_empty() {
        out = out.authors(vec![m.author.clone()]);
    }
    if !m.subject.is_empty() {
        out = out.description(m.subject.clone());
    }
    if let Some((y, mo, d)) = m.date {
        out = out.creation_date(DateTime::new(y).month(mo).day(d));
    }
    out
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb) -> Fill {
    Fill { paint: color(c).into(), opacity: NormalizedF32::ONE, rule: FillRule::NonZero }
}

fn stroke(s: &Stroke) -> PdfStroke {
    PdfStroke {
        paint: color(s.color).into(),
        width: s.width,
        line_cap: if s.dash.is_some() { LineCap::Round } else { LineCap::Butt },
        dash: s.dash.map(|(on, off)| StrokeDash { array: vec![on.max(0.01), off], offset: 0.0 }),
        ..PdfStroke::default()
    }
}

#[derive(Default)]
struct ImageCache {
    by_ptr: HashMap<usize, Image>,
    /// Smooth scaling of images; PDF/A forbids asking for it.
    interpolate: bool,
}

impl ImageCache {
    fn get(&mut self, data: &Arc<ImageData>) -> Result<Image, PdfError> {
        let key = Arc::as_ptr(&data.bytes) as usize;
        if let Some(img) = self.by_ptr.get(&key) {
            return Ok(img.clone());
        }
        let bytes: krilla::Data = data.bytes.clone().into();
        let img = match data.kind {
            ImageKind::Jpeg => Image::from_jpeg(bytes, self.interpolate),
            ImageKind::Png => Image::from_png(bytes, self.interpolate),
        }
        .map_err(PdfError::Image)?;
        self.by_ptr.insert(key, img.clone());
        Ok(img)
    }
}

fn draw_page(
    surface: &mut Surface,
    page: &Page,
    fonts: &Fonts,
    regular: &Font,
    bold: &Font,
    images: &mut ImageCache,
) -> Result<(), PdfError> {
    for item in &page.items {
        match item {
            Item::Text(run) => {
                let (font, face) =
                    if run.weight == Weight::Bold { (bold, &fonts.bold) } else { (regular, &fonts.regular) };
                draw_text(surface, run, font, face.blank_glyph)
            }
            Item::Line { from, to, stroke: s } => {
                let mut pb = PathBuilder::new();
                pb.move_to(from.0, from.1);
                pb.line_to(to.0, to.1);
                if let Some(path) = pb.finish() {
                    surface.set_fill(None);
                    surface.set_stroke(Some(stroke(s)));
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                }
            }
            Item::Rect { rect, fill: f, stroke: s } => {
                let Some(r) = krilla::geom::Rect::from_xywh(rect.x, rect.y, rect.w.max(0.01), rect.h.max(0.01)) else {
                    continue;
                };
                let mut pb = PathBuilder::new();
                pb.push_rect(r);
                if let Some(path) = pb.finish() {
                    surface.set_fill(f.map(fill));
                    surface.set_stroke(s.as_ref().map(stroke));
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                }
            }
            Item::Image { rect, image } => {
                let img = images.get(image)?;
                let Some(size) = Size::from_wh(rect.w.max(0.01), rect.h.max(0.01)) else { continue };
                surface.push_transform(&Transform::from_translate(rect.x, rect.y));
                surface.draw_image(img, size);
                surface.pop();
            }
            Item::Vector { rect, graphic } => draw_vector(surface, rect, graphic),
        }
    }
    Ok(())
}

fn draw_text(surface: &mut Surface, run: &TextRun, font: &Font, blank: Option<u16>) {
    if run.glyphs.is_empty() {
        return;
    }
    let mut glyphs = extraction_friendly(run, blank);
    // Characters the font lacks (emoji, other scripts) would print as .notdef, which PDF/A
    // forbids: print a blank glyph carrying the text, and draw the usual box ourselves.
    let mut boxes = Vec::new();
    let mut x = run.x;
    for g in glyphs.iter_mut() {
        if g.glyph_id.to_u32() == 0 {
            if let Some(id) = blank {
                g.glyph_id = GlyphId::new(id as u32);
                boxes.push(x + g.x_offset * run.size);
            }
        }
        x += g.x_advance * run.size;
    }
    surface.set_stroke(None);
    surface.set_fill(Some(fill(run.color)));
    surface.draw_glyphs(Point::from_xy(run.x, run.y), &glyphs, font.clone(), &run.text, run.size, false);
    for bx in boxes {
        let s = run.size;
        if let Some(r) = krilla::geom::Rect::from_xywh(bx + 0.1 * s, run.y - 0.7 * s, 0.5 * s, 0.7 * s) {
            let mut pb = PathBuilder::new();
            pb.push_rect(r);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(&Stroke { width: 0.06 * s, color: run.color, dash: None })));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
    }
}

/// Glyphs for krilla, arranged so that text extraction gives back exactly the text.
///
/// Text extractors rebuild words from glyph positions and the font's widths. A Thai mark is
/// zero width in the font, so the glyph after it starts where the mark does; poppler takes
/// that for a duplicated glyph and breaks the word there (จ่า|ย, พั|ฒ), measured with and
/// without justification. A mark the font shifts left (ปั่ ฝึ ฟื้) ends its cluster short and
/// the gap reads as a space. So a cluster with marks is mapped as one unit (every
/// glyph gets the cluster's whole text range, so krilla writes ActualText), and a blank
/// zero-width glyph at the cluster's end closes the gap. Other clusters (กา, เก) map glyph
/// by glyph, which keeps the file small.
fn extraction_friendly(run: &TextRun, blank: Option<u16>) -> Vec<KrillaGlyph> {
    let mut bounds = cluster_boundaries(&run.text);
    bounds.push(run.text.len());
    let glyph = |id: u16, adv: f32, dx: f32, dy: f32, range: std::ops::Range<usize>| {
        KrillaGlyph::new(GlyphId::new(id as u32), adv, dx, dy, 0.0, range, None)
    };
    let mut out = Vec::with_capacity(run.glyphs.len() + 8);
    let mut i = 0;
    while i < run.glyphs.len() {
        let c = bounds.partition_point(|&b| b <= run.glyphs[i].text.start as usize);
        let mut j = i + 1;
        while j < run.glyphs.len() && bounds.partition_point(|&b| b <= run.glyphs[j].text.start as usize) == c {
            j += 1;
        }
        let group = &run.glyphs[i..j];
        // The cluster's text: up to the next boundary, or further if a glyph reaches beyond.
        let start = if c == 0 { 0 } else { bounds[c - 1] };
        let range = start..bounds[c].max(group.iter().map(|g| g.text.end as usize).max().unwrap_or(0));
        // Where the cluster's last glyph ends, relative to where the pen ends (em).
        let (mut pen, mut last_end) = (0.0, 0.0);
        for g in group {
            last_end = pen + g.dx + g.advance;
            pen += g.advance;
        }
        let ends_short = last_end < pen - 0.001;
        let has_mark = run.text[range.clone()].chars().any(is_thai_mark);
        if group.len() == 1 || !(has_mark || ends_short) {
            // Plain glyphs: each maps to its own characters.
            for g in group {
                out.push(glyph(g.id, g.advance, g.dx, g.dy, g.text.start as usize..g.text.end as usize));
            }
        } else {
            for g in group {
                out.push(glyph(g.id, g.advance, g.dx, g.dy, range.clone()));
            }
            if let (Some(id), true) = (blank, ends_short) {
                // No outline, no advance: invisible, but it ends the cluster where the pen is.
                out.push(glyph(id, 0.0, 0.0, 0.0, range));
            }
        }
        i = j;
    }
    out
}

/// Thai vowel and tone marks drawn above or below their base, zero width in the font.
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

fn draw_vector(surface: &mut Surface, rect: &crate::typeset::frame::Rect, g: &VectorGraphic) {
    let b = g.bounds;
    if b.w <= 0.0 || b.h <= 0.0 {
        return;
    }
    let (sx, sy) = (rect.w / b.w, rect.h / b.h);
    let t = Transform::from_row(sx, 0.0, 0.0, sy, rect.x - b.x * sx, rect.y - b.y * sy);
    surface.push_transform(&t);
    surface.set_stroke(None);
    for path in &g.paths {
        let mut pb = PathBuilder::new();
        for seg in &path.segments {
            match *seg {
                Segment::MoveTo(x, y) => pb.move_to(x, y),
                Segment::LineTo(x, y) => pb.line_to(x, y),
                Segment::CubicTo(a, b, c, d, x, y) => pb.cubic_to(a, b, c, d, x, y),
                Segment::QuadTo(a, b, x, y) => pb.quad_to(a, b, x, y),
                Segment::Close => pb.close(),
            }
        }
        if let Some(p) = pb.finish() {
            let opacity = NormalizedF32::new(path.opacity).unwrap_or(NormalizedF32::ONE);
            surface.set_fill(Some(Fill { opacity, ..fill(path.fill) }));
            surface.draw_path(&p);
        }
    }
    surface.pop();
}
