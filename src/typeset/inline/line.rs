//! Stage 4, line: one line's pieces → glyphs in visual order (each with the text it stands
//! for, `textmap`), justified, aligned, and merged into runs of one style.

use super::justify::{distribute, Slots};
use super::linebreak::{Line, LineEnd};
use super::prepare::{Preparation, Seg};
use super::LaidLine;
use crate::thai::chars::is_thai_letter;
use crate::typeset::engine::Typesetter;
use crate::typeset::frame::{PlacedGlyph, TextRun};
use crate::typeset::style::Align;
use crate::typeset::textmap::glyph_texts;

/// How a line is set.
pub struct LineSpec {
    /// From the paragraph's left edge.
    pub indent: f32,
    /// Width the line may fill.
    pub avail: f32,
    pub align: Align,
    /// Stretch the line to `avail` (a justified paragraph's line, but its last).
    pub justify: bool,
    /// The paragraph's largest size: an empty line's height.
    pub base_size: f32,
    pub leading: f32,
}

impl LineSpec {
    pub fn justify_unless_last(mut self, line: &Line, last: bool) -> Self {
        self.justify = self.align == Align::Justify && line.end == LineEnd::Wrapped && !last;
        self
    }
}

/// A glyph placed on the line: its advance in points, and the segment it came from.
struct Placed {
    glyph: PlacedGlyph,
    adv_pt: f32,
    seg: usize,
}

pub fn build_line(ts: &Typesetter, prep: &Preparation, line: &Line, spec: &LineSpec) -> LaidLine {
    let pieces = &prep.pieces[line.pieces.clone()];
    let text = &prep.styled.text;
    // Segments in visual order; whitespace of the last piece is dropped.
    let mut segs: Vec<(&Seg, bool)> = Vec::new();
    for (k, piece) in pieces.iter().enumerate() {
        segs.extend(piece.content.iter().map(|s| (s, false)));
        if k + 1 < pieces.len() {
            segs.extend(piece.space.iter().map(|s| (s, true)));
        }
    }
    let natural: f32 = segs.iter().map(|(s, _)| s.width()).sum();
    let size = segs.iter().map(|(s, _)| s.style.size).fold(0.0, f32::max);
    let size = if size > 0.0 { size } else { spec.base_size };
    let height = size * spec.leading;
    let base = super::baseline(ts, height, size);

    let mut glyphs: Vec<Placed> = Vec::new();
    let mut slots = Slots::default();
    for (si, (seg, is_space)) in segs.iter().enumerate() {
        let seg_text = &text[seg.range.clone()];
        let boundaries = if *is_space { Vec::new() } else { prep.boundaries_in(&seg.range) };
        let ranges = glyph_texts(seg_text, &seg.shaped.glyphs, &boundaries);
        for (g, r) in seg.shaped.glyphs.iter().zip(ranges) {
            // A gap may open before this glyph if it starts a new Thai cluster.
            let thai_at = |i: usize| seg_text[i..].chars().next().is_some_and(is_thai_letter);
            let starts_cluster = boundaries.binary_search(&(g.cluster as usize)).is_ok()
                && thai_at(g.cluster as usize)
                && glyphs.last().is_some_and(|p: &Placed| {
                    p.seg == si && p.glyph.text.start < g.cluster && thai_at(p.glyph.text.start as usize)
                });
            if starts_cluster && !*is_space {
                slots.clusters.push(glyphs.len() - 1);
            }
            glyphs.push(Placed {
                glyph: PlacedGlyph { id: g.id, text: r, advance: g.advance, dx: g.dx, dy: g.dy },
                adv_pt: g.advance * seg.style.size,
                seg: si,
            });
            if *is_space {
                slots.spaces.push(glyphs.len() - 1);
            }
        }
        // Between a word and the next word (no space): a cluster gap too, if Thai.
        let next_thai = segs
            .get(si + 1)
            .is_some_and(|(n, sp)| !*sp && text[n.range.clone()].chars().next().is_some_and(is_thai_letter));
        let ends_thai = seg_text.chars().next_back().is_some_and(is_thai_letter);
        if !*is_space && (next_thai || ends_thai) && si + 1 < segs.len() && !segs[si + 1].1 && !glyphs.is_empty() {
            slots.clusters.push(glyphs.len() - 1);
        }
    }
    let mut width = natural;
    if spec.justify && natural < spec.avail {
        let mut advances: Vec<f32> = glyphs.iter().map(|g| g.adv_pt).collect();
        distribute(&mut advances, &slots, spec.avail - natural, size);
        for (g, a) in glyphs.iter_mut().zip(advances) {
            g.adv_pt = a;
        }
        width = glyphs.iter().map(|g| g.adv_pt).sum();
    }
    let x0 = spec.indent
        + match spec.align {
            Align::Left | Align::Justify => 0.0,
            Align::Center => ((spec.avail - width) / 2.0).max(0.0),
            Align::Right => (spec.avail - width).max(0.0),
        };
    LaidLine { height, runs: runs(text, &segs, &glyphs, x0, base) }
}

/// Neighbouring segments of one style merged into runs.
fn runs(text: &str, segs: &[(&Seg, bool)], glyphs: &[Placed], x0: f32, base: f32) -> Vec<TextRun> {
    let mut runs: Vec<TextRun> = Vec::new();
    let mut x = x0;
    let mut gi = 0;
    for (si, (seg, _)) in segs.iter().enumerate() {
        let seg_text = &text[seg.range.clone()];
        let same_style = runs
            .last()
            .is_some_and(|r| r.weight == seg.style.weight && r.size == seg.style.size && r.color == seg.style.color);
        if !same_style {
            runs.push(TextRun {
                x,
                y: base,
                weight: seg.style.weight,
                size: seg.style.size,
                color: seg.style.color,
                text: String::new(),
                glyphs: Vec::new(),
                node: None,
            });
        }
        let run = runs.last_mut().expect("a run was just pushed");
        let offset = run.text.len() as u32;
        run.text.push_str(seg_text);
        while gi < glyphs.len() && glyphs[gi].seg == si {
            let mut g = glyphs[gi].glyph.clone();
            g.text = g.text.start + offset..g.text.end + offset;
            g.advance = glyphs[gi].adv_pt / seg.style.size;
            x += glyphs[gi].adv_pt;
            run.glyphs.push(g);
            gi += 1;
        }
    }
    runs
}
