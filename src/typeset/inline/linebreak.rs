//! Stage 3, line breaking: pieces filled into lines greedily; a piece wider than a line is
//! split first (`split`). A line may end inside a long compound word only when ending
//! before it would leave the line less than `LOOSE` full.

use super::prepare::Preparation;
use super::split::split_wide_piece;
use crate::typeset::engine::Typesetter;
use std::ops::Range;

const LOOSE: f32 = 0.75;

/// Why a line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnd {
    /// The next piece did not fit: a justified line is stretched.
    Wrapped,
    /// A newline, or the paragraph's end: the line keeps its natural width.
    Hard,
}

/// One line: a range of the preparation's pieces.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub pieces: Range<usize>,
    pub end: LineEnd,
}

/// Fills lines `first` wide (the first) and `rest` wide (the others).
pub fn break_lines(ts: &mut Typesetter, prep: &mut Preparation, first: f32, rest: f32) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut line_start = 0;
    let mut w = 0.0;
    // The line's last ordinary break: first piece after it, and the width before it.
    let (mut last_hard, mut w_at_hard) = (0, 0.0);
    let mut i = 0;
    while i < prep.pieces.len() {
        let avail = if lines.is_empty() { first } else { rest };
        if i == line_start {
            let piece = &prep.pieces[i];
            if piece.width > avail + 0.01 && piece.content_range.len() > 1 {
                let clusters = prep.boundaries_in(&piece.content_range);
                let clusters = clusters.into_iter().map(|b| b + piece.content_range.start).collect();
                let parts = split_wide_piece(ts, &prep.styled, piece, clusters, avail);
                if parts.len() > 1 {
                    prep.pieces.splice(i..=i, parts);
                }
            }
            w = prep.pieces[i].width;
            (last_hard, w_at_hard) = (i, 0.0);
        } else {
            let nw = w + prep.pieces[i - 1].space_width + prep.pieces[i].width;
            if nw > avail + 0.01 {
                let inside_compound = prep.pieces[i].compound_before;
                let cut =
                    if inside_compound && last_hard > line_start && w_at_hard >= LOOSE * avail { last_hard } else { i };
                lines.push(Line { pieces: line_start..cut, end: LineEnd::Wrapped });
                line_start = cut;
                i = cut;
                continue;
            }
            if !prep.pieces[i].compound_before {
                (last_hard, w_at_hard) = (i, w);
            }
            w = nw;
        }
        if prep.pieces[i].forced {
            lines.push(Line { pieces: line_start..i + 1, end: LineEnd::Hard });
            line_start = i + 1;
            w = 0.0;
        }
        i += 1;
    }
    if line_start < prep.pieces.len() {
        lines.push(Line { pieces: line_start..prep.pieces.len(), end: LineEnd::Hard });
    }
    lines
}
