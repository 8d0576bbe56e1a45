//! Thai character classes, in one place: word breaking, justification, shaping and the
//! PDF's text layer all ask these.

/// Thai script: letters, vowels, marks, digits, signs.
pub fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

/// Thai letters, vowels and marks (not digits): the characters a Thai word is made of.
pub fn is_thai_letter(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E3A}' | '\u{0E40}'..='\u{0E4E}')
}

/// Vowel and tone marks drawn above or below their base, zero width in the font.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Drawn over or under the character before, with no width of its own: Thai marks and
/// combining marks of other scripts.
pub fn is_nonspacing(c: char) -> bool {
    is_mark(c) || is_combining(c)
}

/// Characters that never begin a syllable: following vowels, above/below vowels, tone marks
/// and other marks, lakkhangyao, mai yamok, paiyannoi.
pub fn never_breaks_before(c: char) -> bool {
    matches!(c, '\u{0E30}'..='\u{0E3A}' | '\u{0E45}'..='\u{0E4E}' | '\u{0E2F}')
}

/// Leading vowels: written before the consonant they follow in speech.
pub fn never_breaks_after(c: char) -> bool {
    matches!(c, '\u{0E40}'..='\u{0E44}')
}

/// Combining marks from other scripts (e.g. U+0301) and joiners: they stay with their base.
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}'..='\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// An Arabic or Thai digit.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0E50}'..='\u{0E59}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_thai_letter('ก') && is_thai_letter('่') && !is_thai_letter('๑'));
        assert!(is_thai('๑') && !is_thai('a'));
        assert!(is_mark('้') && is_mark('ั') && !is_mark('า') && !is_mark('ำ'));
        assert!(never_breaks_before('ำ') && never_breaks_after('เ'));
        assert!(is_digit('๙') && is_digit('9') && !is_digit('ก'));
    }
}
