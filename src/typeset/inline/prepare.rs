//! Stage 2, prepare: the text cut at its break opportunities into pieces (content, then the
//! whitespace after it), each shaped once (the typesetter caches shapes), and the Thai
//! cluster boundaries of the whole text, computed once for the later stages.

use super::collect::Styled;
use crate::typeset::breaks::{break_opportunities, Break, BreakKind};
use crate::typeset::engine::Typesetter;
use crate::typeset::segment::cluster_boundaries;
use crate::typeset::shape::Shaped;
use crate::typeset::style::TextStyle;
use std::ops::Range;
use std::rc::Rc;

/// A shaped stretch of text in one style.
#[derive(Clone)]
pub struct Seg {
    pub range: Range<usize>,
    pub style: TextStyle,
    pub shaped: Rc<Shaped>,
}

impl Seg {
    pub fn width(&self) -> f32 {
        self.shaped.advance * self.style.size
    }
}

/// Text between two break opportunities: content, then the whitespace after it.
#[derive(Clone)]
pub struct Piece {
    pub content: Vec<Seg>,
    pub space: Vec<Seg>,
    pub content_range: Range<usize>,
    pub width: f32,
    pub space_width: f32,
    /// A newline follows: the line must end after this piece.
    pub forced: bool,
    /// The break before this piece is inside a compound word (see `BreakKind::Compound`).
    pub compound_before: bool,
}

/// What the later stages work on.
pub struct Preparation {
    pub styled: Styled,
    pub pieces: Vec<Piece>,
    /// Byte offsets where Thai orthography allows a boundary (between clusters).
    pub boundaries: Vec<usize>,
}

impl Preparation {
    pub fn new(ts: &mut Typesetter, styled: Styled) -> Self {
        let mut pieces = Vec::new();
        if !styled.text.is_empty() {
            let mut start = 0;
            let mut compound = false;
            let breaks = break_opportunities(&styled.text, &ts.lexicon());
            let end = Break { pos: styled.text.len(), kind: BreakKind::Forced };
            for b in breaks.iter().chain(std::iter::once(&end)) {
                if b.pos > start {
                    let mut piece = make_piece(ts, &styled, start..b.pos);
                    piece.compound_before = compound;
                    pieces.push(piece);
                    start = b.pos;
                    compound = b.kind == BreakKind::Compound;
                }
            }
            // A trailing newline opens one more (empty) line.
            if breaks.last().is_some_and(|b| b.pos == styled.text.len() && b.kind == BreakKind::Forced) {
                pieces.push(make_piece(ts, &styled, styled.text.len()..styled.text.len()));
            }
        }
        let boundaries = cluster_boundaries(&styled.text);
        Preparation { styled, pieces, boundaries }
    }

    /// The cluster boundaries strictly inside `range`, relative to its start.
    pub fn boundaries_in(&self, range: &Range<usize>) -> Vec<usize> {
        let from = self.boundaries.partition_point(|&b| b <= range.start);
        let to = self.boundaries.partition_point(|&b| b < range.end);
        self.boundaries[from..to].iter().map(|b| b - range.start).collect()
    }
}

fn shape_segs(ts: &mut Typesetter, styled: &Styled, range: Range<usize>) -> Vec<Seg> {
    styled
        .style_ranges(range)
        .into_iter()
        .map(|(r, style)| Seg { shaped: ts.shape(style.weight, &styled.text[r.clone()]), range: r, style })
        .collect()
}

pub fn make_piece(ts: &mut Typesetter, styled: &Styled, range: Range<usize>) -> Piece {
    let slice = &styled.text[range.clone()];
    let content_len = slice.trim_end_matches(|c: char| c.is_whitespace() && c != '\u{00A0}').len();
    let content_end = range.start + content_len;
    let forced = slice[content_len..].contains('\n');
    let content = shape_segs(ts, styled, range.start..content_end);
    // Whitespace after the content, without newlines.
    let space_text: String = slice[content_len..].chars().filter(|c| *c != '\n').collect();
    let space = if space_text.is_empty() {
        Vec::new()
    } else {
        let ws_start = content_end;
        let ws_end = ws_start + slice[content_len..].find('\n').unwrap_or(slice.len() - content_len);
        shape_segs(ts, styled, ws_start..ws_end)
    };
    let width = content.iter().map(Seg::width).sum();
    let space_width = space.iter().map(Seg::width).sum();
    Piece {
        content,
        space,
        content_range: range.start..content_end,
        width,
        space_width,
        forced,
        compound_before: false,
    }
}
