//! Shaping with rustybuzz: script Thai, language th, cluster level MonotoneCharacters, so
//! every glyph keeps the byte range of the text it came from (the PDF needs it to map glyphs
//! back to text, e.g. for sara am in น้ำ).

use super::fonts::FontFace;
use crate::thai::chars::is_thai;
use rustybuzz::{BufferClusterLevel, UnicodeBuffer};

/// One shaped glyph; lengths in em.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShapedGlyph {
    pub id: u16,
    /// Byte offset, in the shaped text, of the first character of this glyph's cluster.
    pub cluster: u32,
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
}

/// A shaped piece of text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shaped {
    pub glyphs: Vec<ShapedGlyph>,
    /// Total advance in em.
    pub advance: f32,
}

/// Shapes `text` with `face`. Text containing Thai uses the Thai plan; other text the Latin one.
pub fn shape(face: &FontFace, text: &str) -> Shaped {
    if text.is_empty() {
        return Shaped::default();
    }
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_cluster_level(BufferClusterLevel::MonotoneCharacters);
    let thai = text.chars().any(is_thai);
    let plan = if thai { &face.thai_plan } else { &face.latin_plan };
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.set_script(if thai { rustybuzz::script::THAI } else { rustybuzz::script::LATIN });
    if thai {
        if let Ok(lang) = "th".parse() {
            buffer.set_language(lang);
        }
    }
    let out = rustybuzz::shape_with_plan(&face.face, plan, buffer);
    let scale = 1.0 / face.upem;
    let mut advance = 0.0;
    let glyphs = out
        .glyph_infos()
        .iter()
        .zip(out.glyph_positions())
        .map(|(info, pos)| {
            let g = ShapedGlyph {
                id: info.glyph_id as u16,
                cluster: info.cluster,
                advance: pos.x_advance as f32 * scale,
                dx: pos.x_offset as f32 * scale,
                dy: pos.y_offset as f32 * scale,
            };
            advance += g.advance;
            g
        })
        .collect();
    Shaped { glyphs, advance }
}

/// The byte range of text each glyph stands for: from its cluster start to the next larger
/// cluster start (or the end of the text).
pub fn glyph_text_ranges(glyphs: &[ShapedGlyph], text_len: u32) -> Vec<std::ops::Range<u32>> {
    let mut ranges = Vec::with_capacity(glyphs.len());
    let mut next_start = text_len;
    for g in glyphs.iter().rev() {
        let start = g.cluster;
        if start < next_start {
            ranges.push(start..next_start);
            next_start = start;
        } else {
            // Same cluster as the glyph after it.
            ranges.push(start..ranges.last().map_or(text_len, |r: &std::ops::Range<u32>| r.end));
        }
    }
    ranges.reverse();
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_follow_clusters() {
        let g = |cluster| ShapedGlyph { id: 1, cluster, advance: 0.5, dx: 0.0, dy: 0.0 };
        let r = glyph_text_ranges(&[g(0), g(3), g(3), g(9)], 12);
        assert_eq!(r, vec![0..3, 3..9, 3..9, 9..12]);
    }
}
