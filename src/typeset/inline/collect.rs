//! Stage 1, collect: the paragraph's spans as one text with its style ranges; tabs become
//! spaces, other control characters (but newlines) are dropped.

use crate::typeset::style::{Span, TextStyle};
use std::ops::Range;

pub struct Styled {
    pub text: String,
    /// (start byte, style), sorted by start.
    styles: Vec<(usize, TextStyle)>,
}

impl Styled {
    pub fn new(spans: &[Span]) -> Self {
        let mut text = String::new();
        let mut styles = Vec::new();
        for span in spans {
            let start = text.len();
            text.extend(span.text.chars().filter_map(clean_char));
            if text.len() > start {
                styles.push((start, span.style));
            }
        }
        Styled { text, styles }
    }

    fn style_at(&self, pos: usize) -> TextStyle {
        let i = self.styles.partition_point(|(s, _)| *s <= pos);
        self.styles[i.saturating_sub(1)].1
    }

    /// Splits `range` where the style changes.
    pub fn style_ranges(&self, range: Range<usize>) -> Vec<(Range<usize>, TextStyle)> {
        let mut out: Vec<(Range<usize>, TextStyle)> = Vec::new();
        let mut start = range.start;
        while start < range.end {
            let i = self.styles.partition_point(|(s, _)| *s <= start);
            let end = self.styles.get(i).map_or(range.end, |(s, _)| (*s).min(range.end));
            out.push((start..end, self.style_at(start)));
            start = end;
        }
        out
    }
}

/// Tabs become spaces; other control characters (except newline) are dropped.
fn clean_char(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\n' => Some('\n'),
        c if c.is_control() => None,
        c => Some(c),
    }
}
