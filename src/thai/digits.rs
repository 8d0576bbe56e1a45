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
    /// Writes `s` with this kind of digits (other characters unchanged).
    pub fn apply(self, s: &str) -> String {
        match self {
            Digits::Thai => to_thai_digits(s),
            Digits::Arabic => to_arabic_digits(s),
        }
    }

    /// Formats a number with this kind of digits.
    pub fn number(self, n: impl std::fmt::Display) -> String {
        self.apply(&n.to_string())
    }
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
    }
}
