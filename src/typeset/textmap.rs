//! Which text each glyph stands for in the PDF's text layer: decided here, in the layout, so
//! the PDF writer only writes what it is given.
//!
//! Readers rebuild text from glyphs, one glyph → one string (the font's ToUnicode map);
//! most of them (pdf.js, pypdf, pdfminer) ignore `/ActualText`. Thai defeats a glyph-by-glyph
//! mapping: a cluster's glyphs are not its characters in order (น้ำ shapes as น ํ ้ า: sara am
//! is split and its ring moved before the tone mark), and its zero-width marks make word
//! finders split words (จ่า|ย) or see spaces. So a cluster with marks, or whose glyphs are not
//! one per character, is one *text unit*: every glyph of it carries the cluster's whole
//! range, and the PDF writer draws the unit as one glyph mapped to that text. Other glyphs
//! keep their own characters, which keeps the file small.

use super::shape::{glyph_text_ranges, ShapedGlyph};
use crate::thai::chars::is_mark;
use std::ops::Range;

/// The byte range of `text` each glyph stands for; glyphs of one text unit share one range.
/// `boundaries`: the text's cluster boundaries (computed once per paragraph).
pub fn glyph_texts(text: &str, glyphs: &[ShapedGlyph], boundaries: &[usize]) -> Vec<Range<u32>> {
    let mut ranges = glyph_text_ranges(glyphs, text.len() as u32);
    let mut ends: Vec<u32> = boundaries.iter().map(|&b| b as u32).collect();
    ends.push(text.len() as u32);
    let cluster_of = |r: &Range<u32>| ends.partition_point(|&e| e <= r.start);
    let mut i = 0;
    while i < glyphs.len() {
        let c = cluster_of(&ranges[i]);
        let mut j = i + 1;
        while j < glyphs.len() && cluster_of(&ranges[j]) == c {
            j += 1;
        }
        if j - i > 1 && needs_unit(text, &glyphs[i..j], &ranges[i..j]) {
            // The glyphs' own ranges, joined: they tile the text in order, so a unit never
            // overlaps the glyphs around it (a ligature reaching across a cluster boundary).
            let start = ranges[i..j].iter().map(|r| r.start).min().unwrap_or(0);
            let end = ranges[i..j].iter().map(|r| r.end).max().unwrap_or(start);
            ranges[i..j].iter_mut().for_each(|r| *r = start..end);
        }
        i = j;
    }
    ranges
}

/// True when the glyphs of one cluster cannot each stand for their own characters.
fn needs_unit(text: &str, glyphs: &[ShapedGlyph], ranges: &[Range<u32>]) -> bool {
    let has_mark = ranges.iter().any(|r| text[r.start as usize..r.end as usize].chars().any(is_mark));
    let shared = ranges.windows(2).any(|w| w[0].start >= w[1].start);
    let moved = glyphs.iter().any(|g| g.advance == 0.0 || g.dx != 0.0 || g.dy != 0.0);
    has_mark || shared || moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::engine::Engine;
    use crate::typeset::fonts::Weight;
    use crate::typeset::segment::cluster_boundaries;
    use crate::typeset::shape::shape;

    fn units(text: &str) -> Vec<String> {
        let face = Engine::embedded().fonts.face(Weight::Regular);
        let glyphs = shape(face, text).glyphs;
        let mut out: Vec<String> = Vec::new();
        let mut last = None;
        for r in glyph_texts(text, &glyphs, &cluster_boundaries(text)) {
            if last.as_ref() != Some(&r) {
                out.push(text[r.start as usize..r.end as usize].to_string());
            }
            last = Some(r);
        }
        out
    }

    #[test]
    fn clusters_with_marks_are_one_unit_in_logical_order() {
        assert_eq!(units("น้ำ"), ["น้ำ"]);
        assert_eq!(units("ทำ"), ["ทำ"]);
        assert_eq!(units("ที่นี่"), ["ที่", "นี่"]);
        assert_eq!(units("ผู้ใหญ่"), ["ผู้", "ใ", "ห", "ญ่"]);
    }

    #[test]
    fn plain_letters_keep_their_own_glyphs() {
        assert_eq!(units("กาเก"), ["ก", "า", "เ", "ก"]);
        assert_eq!(units("ISO 9001"), ["I", "S", "O", " ", "9", "0", "0", "1"]);
    }

    #[test]
    fn every_glyph_gets_text_and_the_units_cover_the_text() {
        for text in ["ฐุ ญู ฤๅ ฯ ๆ ฿", "น้ำ ก้ำ ค่ำ กี่ ปั่น ฝึ ฟื้น", "E-Service 4.0 www.example.go.th/อบต."]
        {
            let face = Engine::embedded().fonts.face(Weight::Regular);
            let glyphs = shape(face, text).glyphs;
            let ranges = glyph_texts(text, &glyphs, &cluster_boundaries(text));
            let mut joined = String::new();
            let mut last: Option<Range<u32>> = None;
            for r in &ranges {
                assert!(r.end > r.start, "{text}: a glyph with no text");
                if last.as_ref() != Some(r) {
                    joined.push_str(&text[r.start as usize..r.end as usize]);
                }
                last = Some(r.clone());
            }
            assert_eq!(joined, text);
        }
    }
}
