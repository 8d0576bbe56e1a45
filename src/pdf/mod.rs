//! Laid-out document → PDF bytes, with krilla.
//!
//! krilla subsets the fonts and writes their ToUnicode maps, passes JPEG data through
//! unchanged and can check PDF/A-2b conformance. Each text unit the layout decided is drawn
//! as one glyph mapped to its text (`unit_font`), so every reader gets the text back. Nothing here decides where anything goes: positions come from
//! `typeset`.

use crate::thai::chars::is_nonspacing;
use crate::typeset::fonts::{Fonts, Weight};
use crate::typeset::frame::{Document, Item, Metadata, Page, Stroke, TextRun};
use crate::typeset::image::{ImageData, ImageKind};
use crate::typeset::style::Rgb;
use crate::typeset::vector::{Segment, VectorGraphic};
use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
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
use tags::Tagger;
use unit_font::{Part, UnitFont};

mod tags;
mod unit_font;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Write PDF/A-2a (archival, accessible): krilla validates and embeds what it requires.
    pub pdfa: bool,
    /// Fail when the PDF/UA-1 rules are not met, instead of writing the tagged PDF without
    /// claiming PDF/UA (tests ask for this; an officer always gets a PDF).
    pub require_ua: bool,
}

/// Why a PDF could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// An image's data could not be decoded.
    Image(String),
    /// The document breaks a rule of PDF/UA or PDF/A, as krilla's validation says.
    Validation(String),
    /// krilla refused the document, with its explanation.
    Krilla(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Image(e) => write!(f, "image could not be read: {e}"),
            PdfError::Validation(e) => write!(f, "PDF/UA or PDF/A rule not met: {e}"),
            PdfError::Krilla(e) => write!(f, "PDF could not be written: {e}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// Writes `doc` as a tagged PDF, PDF/UA-1 (and PDF/A-2a with `pdfa`), validated by krilla.
/// Should a rule not be met, the PDF is still written, tagged, without the claim (and as
/// PDF/A-2b), unless `require_ua`.
pub fn write_pdf(doc: &Document, fonts: &Fonts, options: PdfOptions) -> Result<Vec<u8>, PdfError> {
    let prepared = Prepared::new(doc, fonts)?;
    match serialize(doc, &prepared, options, true) {
        Err(PdfError::Validation(_)) if !options.require_ua => serialize(doc, &prepared, options, false),
        other => other,
    }
}

/// The text runs planned and the fonts extended with their units: the same for every try.
struct Prepared {
    runs: Vec<PlannedRun>,
    fonts: [Font; 2],
}

impl Prepared {
    fn new(doc: &Document, fonts: &Fonts) -> Result<Prepared, PdfError> {
        // Every run is planned first: the fonts krilla embeds must already hold the glyphs
        // the text units need.
        let mut unit_fonts = [UnitFont::new(fonts.regular.data), UnitFont::new(fonts.bold.data)];
        let runs = doc
            .pages
            .iter()
            .flat_map(|p| p.text_runs())
            .map(|run| {
                let blank = fonts.face(run.weight).blank_glyph;
                plan_run(run, &mut unit_fonts[weight_index(run.weight)], blank)
            })
            .collect();
        let font = |u: &UnitFont| Font::new(u.data().into(), 0).ok_or(PdfError::Krilla("font".into()));
        Ok(Prepared { runs, fonts: [font(&unit_fonts[0])?, font(&unit_fonts[1])?] })
    }
}

fn serialize(doc: &Document, prepared: &Prepared, options: PdfOptions, ua: bool) -> Result<Vec<u8>, PdfError> {
    let mut config = ConfigurationBuilder::new();
    if ua {
        config = config.with_accessibility_validator(Accessibility::UA1);
    }
    if options.pdfa {
        config = config.with_archival_validator(if ua { Archival::A2_A } else { Archival::A2_B });
    }
    let configuration = config.finish().map_err(|e| PdfError::Krilla(format!("{e:?}")))?;
    let settings = SerializeSettings { enable_tagging: true, configuration, ..SerializeSettings::default() };
    let mut pdf = PdfDocument::new_with(settings);
    pdf.set_metadata(metadata(&doc.metadata));
    let mut pages = PageWriter {
        fonts: &prepared.fonts,
        runs: prepared.runs.iter(),
        images: ImageCache { interpolate: !options.pdfa, ..ImageCache::default() },
        tagger: Tagger::new(&doc.structure),
    };
    for (index, page) in doc.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(page.width, page.height).ok_or(PdfError::Krilla("page size".into()))?;
        let mut p = pdf.start_page_with(settings);
        let mut surface = p.surface();
        let drawn = pages.draw(&mut surface, page, index);
        pages.tagger.close(&mut surface);
        surface.finish();
        p.finish();
        drawn?;
    }
    pdf.set_tag_tree(pages.tagger.tree(&doc.structure, &doc.metadata.language));
    pdf.set_outline(pages.tagger.outline(&doc.structure));
    pdf.finish().map_err(|e| match e {
        krilla::error::KrillaError::Validation(errors) => PdfError::Validation(format!("{errors:?}")),
        e => PdfError::Krilla(format!("{e:?}")),
    })
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

/// What drawing pages needs across pages: the fonts, the planned runs in drawing order,
/// the images written so far, and the tagging.
struct PageWriter<'a> {
    fonts: &'a [Font; 2],
    runs: std::slice::Iter<'a, PlannedRun>,
    images: ImageCache,
    tagger: Tagger,
}

impl PageWriter<'_> {
    fn draw(&mut self, surface: &mut Surface, page: &Page, index: usize) -> Result<(), PdfError> {
        let (fonts, runs, images) = (self.fonts, &mut self.runs, &mut self.images);
        for item in &page.items {
            self.tagger.mark(surface, item, index);
            match item {
                Item::Text(run) => {
                    if let Some(planned) = runs.next() {
                        draw_text(surface, run, planned, &fonts[weight_index(run.weight)]);
                    }
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
                    let Some(r) = krilla::geom::Rect::from_xywh(rect.x, rect.y, rect.w.max(0.01), rect.h.max(0.01))
                    else {
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
                Item::Image { rect, image, .. } => {
                    let img = images.get(image)?;
                    let Some(size) = Size::from_wh(rect.w.max(0.01), rect.h.max(0.01)) else { continue };
                    surface.push_transform(&Transform::from_translate(rect.x, rect.y));
                    surface.draw_image(img, size);
                    surface.pop();
                }
                Item::Vector { rect, graphic, .. } => draw_vector(surface, rect, graphic),
            }
        }
        Ok(())
    }
}

fn weight_index(w: Weight) -> usize {
    usize::from(w == Weight::Bold)
}

/// A text run as krilla will draw it: one glyph per text unit, and where to draw the box of
/// each character the font lacks.
struct PlannedRun {
    glyphs: Vec<KrillaGlyph>,
    /// x (points) of each missing character's box.
    boxes: Vec<f32>,
}

/// Plans `run`: glyphs that share a text range are one text unit (the layout decided which,
/// `typeset::textmap`) and become one glyph of `font` mapped to the unit's text.
/// Characters the font lacks (emoji, other scripts) would print as .notdef, which PDF/A
/// forbids: they print as a blank glyph carrying the text, and a box drawn beside it.
fn plan_run(run: &TextRun, font: &mut UnitFont, blank: Option<u16>) -> PlannedRun {
    let upem = font.upem();
    let units = |em: f32| (em * upem).round().clamp(i16::MIN as f32, i16::MAX as f32) as i16;
    let mut out = PlannedRun { glyphs: Vec::with_capacity(run.glyphs.len()), boxes: Vec::new() };
    let mut x = run.x;
    let mut i = 0;
    while i < run.glyphs.len() {
        let range = run.glyphs[i].text.clone();
        let j = i + run.glyphs[i..].iter().take_while(|g| g.text == range).count();
        let group = &run.glyphs[i..j];
        let text_range = range.start as usize..range.end as usize;
        let text = &run.text[text_range.clone()];
        let mut pen = 0.0;
        let mut parts = Vec::with_capacity(group.len());
        for g in group {
            let mut id = g.id;
            if id == 0 {
                if let Some(b) = blank {
                    id = b;
                    out.boxes.push(x + (pen + g.dx) * run.size);
                }
            }
            parts.push((id, pen, g));
            pen += g.advance;
        }
        let glyph = |id: u16, adv: f32, dx: f32, dy: f32, r: std::ops::Range<usize>| {
            KrillaGlyph::new(GlyphId::new(id as u32), adv, dx, dy, 0.0, r, None)
        };
        let first_len = text.chars().next().map_or(0, char::len_utf8);
        let one_glyph = parts.len() == 1 && (first_len == text.len() || !text.chars().any(is_nonspacing));
        if let (true, [(id, _, g)]) = (one_glyph, &parts[..]) {
            // The width shaping gave the glyph: for a character the font lacks, drawn with the
            // blank glyph, that of .notdef, so readers see no gap (and no space) around it.
            let advance = font.advance(g.id);
            match font.glyph(&[Part { glyph: *id, x: 0, y: 0 }], advance, text) {
                Some(u) => out.glyphs.push(glyph(u, g.advance, g.dx, g.dy, text_range.clone())),
                None => out.glyphs.push(glyph(*id, g.advance, g.dx, g.dy, text_range.clone())),
            }
        } else {
            // One glyph draws the whole unit and stands for its first character; the other
            // characters follow as one empty glyph (ฝ่า = ฝ, then ่า). Why so:
            // - pdf.js takes any text with a non-spacing mark for a zero-width diacritic, so
            //   the drawn glyph's text must not hold one;
            // - pdfminer starts a new line at two zero-width glyphs in a row, and poppler
            //   takes a glyph that starts less than 0.1 em after the one before for a
            //   duplicate and splits the word there: so each of the two takes half the
            //   unit's width (at most a quarter em for the empty one), and a justified
            //   line's extra space comes after both, between units, where gaps belong.
            let (last, last_pen, _) = parts[parts.len() - 1];
            let natural = (units(last_pen) as i32 + font.advance(last) as i32).clamp(0, u16::MAX as i32) as u16;
            let rest = text_range.start + first_len..text_range.end;
            let rest_width = if rest.is_empty() { 0 } else { (natural / 2).min((upem / 4.0) as u16) };
            let placed: Vec<Part> =
                parts.iter().map(|&(id, p, g)| Part { glyph: id, x: units(p + g.dx), y: units(g.dy) }).collect();
            let start = text_range.start;
            // A composite places its parts with 16-bit offsets: a unit longer than that (only
            // ever seen in random text) keeps its glyphs.
            let in_range =
                parts.iter().all(|&(_, p, g)| ((p + g.dx) * upem).abs() < 32000.0 && (g.dy * upem).abs() < 32000.0);
            let drawn = if in_range { font.glyph(&placed, natural - rest_width, &text[..first_len]) } else { None };
            let empty = if rest.is_empty() { None } else { font.glyph(&[], rest_width, &run.text[rest.clone()]) };
            match (drawn, empty) {
                (Some(d), Some(e)) => {
                    let drawn_em = ((natural - rest_width) as f32 / upem).min(pen);
                    out.glyphs.push(glyph(d, drawn_em, 0.0, 0.0, start..start + first_len));
                    out.glyphs.push(glyph(e, pen - drawn_em, 0.0, 0.0, rest));
                }
                (Some(d), None) if rest.is_empty() => out.glyphs.push(glyph(d, pen, 0.0, 0.0, text_range.clone())),
                // The font cannot be extended: its glyphs, sharing the text (krilla's ActualText).
                _ => out
                    .glyphs
                    .extend(parts.iter().map(|&(id, _, g)| glyph(id, g.advance, g.dx, g.dy, text_range.clone()))),
            }
        }
        x += pen * run.size;
        i = j;
    }
    out
}

fn draw_text(surface: &mut Surface, run: &TextRun, planned: &PlannedRun, font: &Font) {
    if planned.glyphs.is_empty() {
        return;
    }
    surface.set_stroke(None);
    surface.set_fill(Some(fill(run.color)));
    surface.draw_glyphs(Point::from_xy(run.x, run.y), &planned.glyphs, font.clone(), &run.text, run.size, false);
    for &bx in &planned.boxes {
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
