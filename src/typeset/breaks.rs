//! Line-break opportunities in mixed Thai / Latin / digit text.
//!
//! Spaces break; Thai runs break between dictionary words (see `segment`); numbers,
//! abbreviations (ป.ป.ช.) and Latin words stay whole; opening brackets stay with what
//! follows and closing punctuation with what precedes.

use super::segment::{compound_parts, segment_thai, Lexicon, COMPOUND_MIN_CHARS};
use crate::thai::chars::{is_digit, is_thai_letter};
use crate::thai::MONTHS;

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

/// Units that stay with their number (๑๒ เดือน, ๓ ครั้ง); month names do too (๑ ตุลาคม ๒๕๖๗).
const UNITS: [&str; 12] = ["เดือน", "วัน", "ปี", "ครั้ง", "คน", "ราย", "บาท", "ชั่วโมง", "นาที", "แห่ง", "ข้อ", "หน้า"];

/// A space that must not break the line: inside a number written in groups
/// (โทร. ๐ ๓๖๔๘ ๘๑๒๓), after an abbreviation before its number (พ.ศ. ๒๕๖๘), between a
/// number and its month or unit (๑ ตุลาคม ๒๕๖๗, ๑๒ เดือน), and before what may not start a
/// line even after a space (ต่าง ๆ, : ITA, – ๓๐ กันยายน).
fn space_binds(text: &str, space_start: usize, next: usize) -> bool {
    let before = text[..space_start].chars().next_back();
    let after = text[next..].chars().next();
    let (Some(b), Some(a)) = (before, after) else { return false };
    if closes(a) || matches!(a, 'ๆ' | 'ฯ' | '–' | '—') {
        return true;
    }
    if is_digit(a) && (is_digit(b) || b == '.') {
        return true;
    }
    let word_after = &text[next..];
    let word_before = &text[..space_start];
    let month_after = MONTHS.iter().any(|m| word_after.starts_with(m));
    (is_digit(b) && (month_after || UNITS.iter().any(|w| word_after.starts_with(w))))
        || (is_digit(a) && MONTHS.iter().any(|m| word_before.ends_with(m)))
}

/// Inside a web or e-mail address, a line may break after / and, before Latin letters or
/// digits, after . @ - _ ; nowhere else (never inside a Thai part such as
/// facebook.com/อบต.เขาสมอคอน, never before the punctuation). Returns the addresses' ranges.
fn address_breaks(text: &str, out: &mut Vec<Break>) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for token in text.split_inclusive(char::is_whitespace) {
        let word = token.trim_end();
        let lower = word.to_ascii_lowercase();
        let is_address = lower.contains("://")
            || lower.starts_with("www.")
            || lower.contains('@')
            || lower.contains(".go.th")
            || lower.contains(".com");
        if is_address {
            let mut prev: Option<char> = None;
            for (i, c) in word.char_indices() {
                let after_slash = prev == Some('/') && c.is_alphanumeric();
                let after_mark = prev.is_some_and(|p| matches!(p, '.' | '@' | '-' | '_')) && c.is_ascii_alphanumeric();
                if after_slash || after_mark {
                    out.push(Break { pos: start + i, kind: BreakKind::Word });
                }
                prev = Some(c);
            }
            ranges.push(start..start + word.len());
        }
        start += token.len();
    }
    ranges
}

/// A short Thai run right before a full stop is an abbreviation (อบต., จ., พ.ศ.): whole.
fn is_abbreviation(text: &str, start: usize, end: usize) -> bool {
    text[end..].starts_with('.') && text[start..end].chars().count() <= 4
}

/// All break opportunities in `text`, in order. Never includes position 0; includes
/// `text.len()` only after a trailing newline.
pub fn break_opportunities(text: &str, dict: &dyn Lexicon) -> Vec<Break> {
    let mut out = Vec::new();
    let mut prev: Option<(usize, char)> = None;
    let mut thai_start: Option<usize> = None;
    // Where the current run of spaces began.
    let mut space_start = 0;
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
                if !space_binds(text, space_start, i) {
                    out.push(Break { pos: i, kind: BreakKind::Space });
                }
            } else if !is_space(p) && !is_space(c) && c != '\n' && !inside_thai_run && pair_allows_break(p, c) {
                out.push(Break { pos: i, kind: BreakKind::Word });
            }
        }
        if is_space(c) && !prev.is_some_and(|(_, p)| is_space(p)) {
            space_start = i;
        }
        prev = Some((i, c));
    }
    if let Some(s) = thai_start {
        push_thai_words(&mut out, text, s, text.len(), dict);
    }
    if text.ends_with('\n') {
        out.push(Break { pos: text.len(), kind: BreakKind::Forced });
    }
    let mut own = Vec::new();
    let addresses = address_breaks(text, &mut own);
    // Inside an address only its own breaks count.
    out.retain(|b| !addresses.iter().any(|r| b.pos > r.start && b.pos < r.end));
    out.extend(own);
    out.sort_by_key(|b| b.pos);
    out.dedup_by_key(|b| b.pos);
    out
}

fn push_thai_words(out: &mut Vec<Break>, text: &str, start: usize, end: usize, dict: &dyn Lexicon) {
    if is_abbreviation(text, start, end) {
        return;
    }
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
        let d = Dictionary::from_text("ผล\nการ\nตาม\nปี\nสำนักงาน\nโทร\nอบ\nต\n");
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
    fn keeps_dates_units_and_trailing_marks_attached() {
        assert_eq!(marked("ผล ๑ ตุลาคม ๒๕๖๗ ผล"), "ผล |๑ ตุลาคม ๒๕๖๗ |ผล");
        assert_eq!(marked("ผล ๑๒ เดือน"), "ผล |๑๒ เดือน");
        assert_eq!(marked("ตาม ๆ การ"), "ตาม ๆ |การ");
        assert_eq!(marked("ผล : ITA"), "ผล : |ITA");
        assert_eq!(marked("ตุลาคม ๒๕๖๕ – ๓๐ ผล"), "ตุลาคม ๒๕๖๕ – |๓๐ |ผล");
    }

    #[test]
    fn addresses_break_after_their_punctuation() {
        assert_eq!(marked("ดู www.abc.go.th/ita"), "ดู |www.|abc.|go.|th/|ita");
        // A Thai part of an address stays whole; so does a Thai abbreviation.
        assert_eq!(marked("เพจ facebook.com/อบต.ผลการ"), "เพจ |facebook.|com/|อบต.ผลการ");
        assert_eq!(marked("ผลการ อบต.ตาม"), "ผล|การ |อบต.ตาม");
    }

    #[test]
    fn newline_forces_a_break() {
        let d = Dictionary::from_text("");
        let b = break_opportunities("ab\ncd", &d);
        assert_eq!(b, vec![Break { pos: 3, kind: BreakKind::Forced }]);
    }
}
