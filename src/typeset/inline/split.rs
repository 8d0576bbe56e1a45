//! Emergency splitting: a piece wider than a whole line is cut into chunks that fit, at the
//! best place available, so nothing overflows and no mark leaves its base.

use super::collect::Styled;
use super::prepare::{make_piece, Piece};
use crate::thai::chars::is_digit;
use crate::typeset::engine::Typesetter;
use crate::typeset::segment::compound_parts;

/// Two characters a cut never separates while another cut will do: digits of one number
/// (๒๕|๖๖, 1,0|00) and letters of one Latin word.
fn keeps_together(a: char, b: char) -> bool {
    let numeric = |c: char| is_digit(c) || matches!(c, '.' | ',' | ':');
    (numeric(a) && numeric(b) && (is_digit(a) || is_digit(b)))
        || (a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
}

/// Cuts `piece` into chunks at most `avail` wide. Widths come from the piece's own shaping
/// (one pass), so a 10,000-character word stays linear. `clusters` are the piece's cluster
/// boundaries (absolute byte offsets).
pub fn split_wide_piece(
    ts: &mut Typesetter,
    styled: &Styled,
    piece: &Piece,
    mut clusters: Vec<usize>,
    avail: f32,
) -> Vec<Piece> {
    let range = piece.content_range.clone();
    // Advance (pt) accumulated before each glyph cluster start, by absolute byte offset.
    let mut advances: Vec<(usize, f32)> = Vec::new();
    let mut total = 0.0;
    for seg in &piece.content {
        for g in &seg.shaped.glyphs {
            advances.push((seg.range.start + g.cluster as usize, total));
            total += g.advance * seg.style.size;
        }
    }
    let x_at = |pos: usize| -> f32 {
        let i = advances.partition_point(|(c, _)| *c < pos);
        advances.get(i).map_or(total, |(_, x)| *x)
    };
    let text = &styled.text[range.clone()];
    // Preferred cuts, in order: after a space that binds a date or number to its neighbour
    // (๓๐ กันยายน |๒๕๖๖: better apart than cut inside the year); the joints between
    // dictionary words inside the piece (ระยะเวลา|ดำเนินการ); a cluster boundary that is not
    // inside a number or a Latin word and does not strand a single cluster at either end
    // (ดำเนินกา|ร); and only then any cluster boundary.
    let spaces: Vec<usize> = text
        .char_indices()
        .filter(|(i, c)| c.is_whitespace() && i + c.len_utf8() < text.len())
        .map(|(i, c)| range.start + i + c.len_utf8())
        .collect();
    let joints: Vec<usize> = compound_parts(&ts.lexicon(), text).into_iter().map(|b| range.start + b).collect();
    if clusters.len() >= 3 {
        clusters.remove(0);
        clusters.pop();
    }
    let whole = |b: &usize| {
        let before = styled.text[..*b].chars().next_back();
        let after = styled.text[*b..].chars().next();
        !matches!((before, after), (Some(x), Some(y)) if keeps_together(x, y))
    };
    let tidy: Vec<usize> = clusters.iter().copied().filter(whole).collect();

    let mut out = Vec::new();
    let mut start = range.start;
    while x_at(range.end) - x_at(start) > avail {
        let fits = |c: &&usize| **c > start && x_at(**c) - x_at(start) <= avail;
        let cut = spaces
            .iter()
            .rfind(fits)
            .or_else(|| joints.iter().rfind(fits))
            .or_else(|| tidy.iter().rfind(fits))
            .or_else(|| clusters.iter().rfind(fits))
            // Not even one cluster fits: take the first one anyway.
            .or_else(|| clusters.iter().find(|c| **c > start))
            .copied();
        let Some(cut) = cut else { break };
        out.push(make_piece(ts, styled, start..cut));
        start = cut;
    }
    if start < range.end {
        out.push(make_piece(ts, styled, start..range.end));
    }
    // The last chunk keeps the original whitespace and forced break.
    if let Some(last) = out.last_mut() {
        last.space = piece.space.clone();
        last.space_width = piece.space_width;
        last.forced = piece.forced;
    }
    out
}
