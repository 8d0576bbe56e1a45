//! Line-break opportunities in mixed Thai / Latin / digit text.
//!
//! Spaces break; Thai runs break between dictionary words (see `segment`); numbers,
//! abbreviations (ป.ป.ช.) and Latin words stay whole; opening brackets stay with what
//! follows and closing punctuation with what precedes.

use super::segment::{compound_parts, is_thai_letter, segment_thai, Lexicon, COMPOUND_MIN_CHARS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakKind {
    /// After whitespace: the whitespace disappears at a line end and stretches when justified.
    Space,
    /// Between two words with nothing in between (Thai).
    Word,
    /// Between the parts of a long compound word: used only when the line would otherwise
    /// be left very short.
    Compound,
    /// After a newline: the line must end here.
    Forced,
}

/// A place where a line may end: the next line starts at byte `pos`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Break {
    pub pos: usize,
    pub kind: BreakKind,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{00A0}' && c != '\u{202F}' && c != '\n'
}

/// Characters a line must not start with.
fn closes(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '>'
            | '.'
            | ','
            | ':'
            | ';'
            | '!'
            | '?'
            | '%'
            | '”'
            | '’'
            | '"'
            | '\''
            | '…'
            | 'ๆ'
            | 'ฯ'
            | '»'
            | '、'
            | '/'
            | '-'
            | '–'
            | '—'
    )
}

/// Characters a line must not end with.
fn opens(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '“' | '‘' | '"' | '\'' | '«' | '\u{00A0}' | '\u{202F}')
}

fn pair_allows_break(a: char, b: char) -> bool {
    if closes(b) || opens(a) {
        return false;
    }
    let a_thai = is_thai_letter(a);
    let b_thai = is_thai_letter(b);
    if matches!(a, '/' | '-' | '–' | '—') {
        return b.is_alphabetic();
    }
    if a == '.' || a == ',' {
        return false;
    }
    // Thai next to anything else (Latin, digits, brackets) may break; two non-Thai
    // characters without a space between them belong together (1,000  ITA:  ๑๕/๒๕๖๘).
    a_thai || b_thai
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0E50}'..='\u{0E59}').contains(&c)
}

/// A space that must not break the line: inside a number written in groups
/// (โทร. ๐ ๓๖๔๘ ๘๑๒๓) and after an abbreviation before its number (พ.ศ. ๒๕๖๘).
fn space_binds(before: Option<char>, after: char) -> bool {
    is_digit(after) && before.is_some_and(|b| is_digit(b) || b == '.')
}

/// All break opportunities in `text`, in order. Never includes position 0; includes
/// `text.len()` only after a trailing newline.
pub fn break_opportunities(text: &str, dict: &dyn Lexicon) -> Vec<Break> {
    let mut out = Vec::new();
    let mut prev: Option<(usize, char)> = None;
    let mut thai_start: Option<usize> = None;
    let mut last_visible: Option<char> = None;
    for (i, c) in text.char_indices() {
        let thai = is_thai_letter(c);
        match (thai, thai_start) {
            (true, None) => thai_start = Some(i),
            (false, Some(s)) => {
                push_thai_words(&mut out, text, s, i, dict);
                thai_start = None;
            }
            _ => {}
        }
        if let Some((_, p)) = prev {
            // Between two Thai letters the dictionary decides (see `push_thai_words`).
            let inside_thai_run = thai && is_thai_letter(p);
            if p == '\n' {
                out.push(Break { pos: i, kind: BreakKind::Forced });
            } else if is_space(p) && !is_space(c) && c != '\n' {
                if !space_binds(last_visible, c) {
                    out.push(Break { pos: i, kind: BreakKind::Space });
                }
            } else if !is_space(p) && !is_space(c) && c != '\n' && !inside_thai_run && pair_allows_break(p, c) {
                out.push(Break { pos: i, kind: BreakKind::Word });
            }
        }
        prev = Some((i, c));
        if !c.is_whitespace() {
            last_visible = Some(c);
        }
    }
    if let Some(s) = thai_start {
        push_thai_words(&mut out, text, s, text.len(), dict);
    }
    if text.ends_with('\n') {
        out.push(Break { pos: text.len(), kind: BreakKind::Forced });
    }
    out.sort_by_key(|b| b.pos);
    out
}

fn push_thai_words(out: &mut Vec<Break>, text: &str, start: usize, end: usize, dict: &dyn Lexicon) {
    let run = &text[start..end];
    let words = segment_thai(dict, run);
    let mut prev = 0;
    for b in words.iter().copied().chain(std::iter::once(run.len())) {
        let word = &run[prev..b];
        if word.chars().count() >= COMPOUND_MIN_CHARS && dict.contains(word) {
            for c in compound_parts(dict, word) {
                out.push(Break { pos: start + prev + c, kind: BreakKind::Compound });
            }
        }
        if b < run.len() {
            out.push(Break { pos: start + b, kind: BreakKind::Word });
        }
        prev = b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::segment::Dictionary;

    fn marked(text: &str) -> String {
        let d = Dictionary::from_text("ผล\nการ\nตาม\nปี\nสำนักงาน\nโทร\n");
        let mut out = String::new();
        let mut prev = 0;
        for b in break_opportunities(text, &d) {
            out.push_str(&text[prev..b.pos]);
            out.push('|');
            prev = b.pos;
        }
        out.push_str(&text[prev..]);
        out
    }

    #[test]
    fn breaks_at_spaces_and_words() {
        assert_eq!(marked("ผลการ ตาม"), "ผล|การ |ตาม");
        assert_eq!(marked("ปี 2568 ITA score"), "ปี |2568 |ITA |score");
    }

    #[test]
    fn keeps_numbers_abbreviations_and_brackets() {
        assert_eq!(marked("(สำนักงาน ป.ป.ช.)"), "(สำนักงาน |ป.ป.ช.)");
        assert_eq!(marked("โทร.๐๓๖๔๘"), "โทร.๐๓๖๔๘");
        assert_eq!(marked("๑๕/๒๕๖๘"), "๑๕/๒๕๖๘");
        assert_eq!(marked("ผล/การ"), "ผล/|การ");
    }

    #[test]
    fn keeps_years_and_phone_numbers_on_one_line() {
        assert_eq!(marked("ปี พ.ศ. ๒๕๖๘ โทร. ๐ ๓๖๔๘ ๘๑๒๓ ผล"), "ปี |พ.ศ. ๒๕๖๘ |โทร. ๐ ๓๖๔๘ ๘๑๒๓ |ผล");
    }

    #[test]
    fn newline_forces_a_break() {
        let d = Dictionary::from_text("");
        let b = break_opportunities("ab\ncd", &d);
        assert_eq!(b, vec![Break { pos: 3, kind: BreakKind::Forced }]);
    }
}
