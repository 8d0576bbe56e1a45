//! Thai digits (๐–๙). Official documents print numbers with the Thai digit characters
//! themselves (not a font trick), so copying text out of the PDF gives ๒๕๖๘.

use serde::{Deserialize, Serialize};

/// Which digits the document prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Digits {
    #[default]
    Thai,
    Arabic,
}

impl Digits {
    /// Writes `s` with this kind of digits (other characters unchanged). Latin tokens keep
    /// their digits, where Thai digits would be wrong: web and e-mail addresses
    /// (www.abc123.go.th must still work when typed), words with Latin letters (COVID-19,
    /// O12) and a number right after a Latin word (ISO 9001, E-Service 4.0).
    pub fn apply(self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        let mut after_latin = false;
        while !rest.is_empty() {
            let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (word, tail) = rest.split_at(word_len);
            let latin = is_latin(word);
            if self == Digits::Thai && (is_address(word) || latin || (after_latin && is_number(word))) {
                out.push_str(word);
            } else {
                out.push_str(&match self {
                    Digits::Thai => to_thai_digits(word),
                    Digits::Arabic => to_arabic_digits(word),
                });
            }
            let space_len = tail.find(|c: char| !c.is_whitespace()).unwrap_or(tail.len());
            out.push_str(&tail[..space_len]);
            rest = &tail[space_len..];
            after_latin = latin;
        }
        out
    }

    /// Formats a number with this kind of digits.
    pub fn number(self, n: impl std::fmt::Display) -> String {
        self.apply(&n.to_string())
    }
}

/// A word written in Latin letters (with or without digits), not Thai.
fn is_latin(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_alphabetic()) && !word.chars().any(|c| ('\u{0E01}'..='\u{0E4E}').contains(&c))
}

/// A number alone (digits with . , : - /), perhaps in brackets.
fn is_number(word: &str) -> bool {
    let w = word.trim_matches(|c: char| "()[],;".contains(c));
    !w.is_empty()
        && w.chars().all(|c| c.is_ascii_digit() || ".,:-/".contains(c))
        && w.chars().any(|c| c.is_ascii_digit())
}

/// A web or e-mail address, whose digits are part of the address.
fn is_address(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.contains("://")
        || w.starts_with("www.")
        || w.contains('@')
        || [".com", ".go.th", ".or.th", ".ac.th", ".net", ".org"].iter().any(|d| w.contains(d))
}

/// Replaces ASCII digits 0–9 with Thai digits ๐–๙.
pub fn to_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x0E50 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Replaces Thai digits ๐–๙ with ASCII digits 0–9.
pub fn to_arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0E50}'..='\u{0E59}' => char::from_u32('0' as u32 + (c as u32 - 0x0E50)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        assert_eq!(to_thai_digits("ปี 2568 (1/2)"), "ปี ๒๕๖๘ (๑/๒)");
        assert_eq!(to_arabic_digits("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
        assert_eq!(Digits::Thai.number(87.41), "๘๗.๔๑");
        assert_eq!(Digits::Arabic.apply("๑๓ ตุลาคม ๒๕๖๘"), "13 ตุลาคม 2568");
        assert_eq!(
            Digits::Thai.apply("ดู www.abc123.go.th หรือ a1@x.com  ปี 2568"),
            "ดู www.abc123.go.th หรือ a1@x.com  ปี ๒๕๖๘"
        );
    }

    #[test]
    fn latin_tokens_keep_their_digits() {
        assert_eq!(
            Digits::Thai.apply("ได้รับ ISO 9001 และระบบ E-Service 4.0 (COVID-19) ข้อ O12 ปี 2568 จำนวน 3 ครั้ง"),
            "ได้รับ ISO 9001 และระบบ E-Service 4.0 (COVID-19) ข้อ O12 ปี ๒๕๖๘ จำนวน ๓ ครั้ง"
        );
        // Going the other way, everything becomes Arabic.
        assert_eq!(Digits::Arabic.apply("ISO ๙๐๐๑ ปี ๒๕๖๘"), "ISO 9001 ปี 2568");
    }
}
