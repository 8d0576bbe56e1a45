//! The report's typography: sizes and recurring paragraph shapes, in one place.

use crate::typeset::{Align, Paragraph, Span, TextStyle, CM};

/// Body text: Sarabun 16 pt (the width of TH Sarabun 16 pt, the official standard).
pub const BODY: f32 = 16.0;
/// Table text in the landscape measures table.
pub const TABLE: f32 = 14.0;
/// The word บันทึกข้อความ.
pub const MEMO_TITLE: f32 = 29.0;
/// The label ส่วนราชการ.
pub const MEMO_UNIT_LABEL: f32 = 20.0;
pub const HEADING: f32 = 18.0;
pub const COVER_TITLE: f32 = 24.0;
/// First-line indent of memo and report paragraphs.
pub const INDENT: f32 = 2.5 * CM;

pub fn regular() -> TextStyle {
    TextStyle::regular(BODY)
}

pub fn bold() -> TextStyle {
    TextStyle::bold(BODY)
}

/// A justified body paragraph with the official first-line indent.
pub fn body(text: &str) -> Paragraph {
    Paragraph::text(text, regular()).align(Align::Justify).first_indent(INDENT)
}

/// A centred bold heading that stays with what follows it.
pub fn heading(text: &str, size: f32) -> Paragraph {
    Paragraph::text(text, TextStyle::bold(size)).align(Align::Center).space_after(6.0).keep_with_next()
}

/// A bold sub-heading at the left margin.
pub fn subheading(text: &str) -> Paragraph {
    Paragraph::text(text, bold()).space_before(8.0).keep_with_next()
}

/// A numbered item (๑. …) with a hanging indent.
pub fn numbered(label: &str, text: &str, style: TextStyle, indent: f32, hang: f32) -> Paragraph {
    Paragraph::new(vec![Span::new(text, style)]).left_indent(indent + hang).label(vec![Span::new(label, style)], indent)
}
