//! The report's typography: sizes and recurring paragraph shapes, in one place.

use crate::typeset::{Align, Cell, ParaKind, Paragraph, Rgb, Span, TextStyle, CM};

/// Official documents are specified in TH Sarabun sizes (body 16 pt). TH Sarabun draws its
/// glyphs small within the em; Sarabun at the same size is about half as large again.
/// Measured on seed 002's memo: a full 16 cm line of the real document holds 43.5 em of
/// Sarabun text, which fits at 10.4–10.7 pt. So a TH Sarabun size is set at this factor.
pub const TH_SARABUN: f32 = 0.66;

/// The Sarabun size equivalent to a TH Sarabun size.
pub const fn th(size: f32) -> f32 {
    size * TH_SARABUN
}

/// Body text: TH Sarabun 16 pt.
pub const BODY: f32 = th(16.0);
/// Table text in the landscape measures table and the indicators table.
pub const TABLE: f32 = th(15.0);
/// Captions and chart labels.
pub const SMALL: f32 = th(14.0);
/// The word บันทึกข้อความ: 29 pt.
pub const MEMO_TITLE: f32 = th(29.0);
/// The label ส่วนราชการ: 20 pt.
pub const MEMO_UNIT_LABEL: f32 = th(20.0);
pub const HEADING: f32 = th(18.0);
pub const COVER_TITLE: f32 = th(26.0);
/// Line pitch in table cells (as a multiple of the size): room for stacked marks.
pub const CELL_LEADING: f32 = 1.65;
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

/// A centred bold heading (level 2: a part of the report) that stays with what follows it.
pub fn heading(text: &str, size: f32) -> Paragraph {
    Paragraph::text(text, TextStyle::bold(size))
        .align(Align::Center)
        .space_after(6.0)
        .keep_with_next()
        .kind(ParaKind::Heading(2))
}

/// A bold sub-heading (level 3) at the left margin.
pub fn subheading(text: &str) -> Paragraph {
    Paragraph::text(text, bold()).space_before(8.0).keep_with_next().kind(ParaKind::Heading(3))
}

/// A numbered item (๑. …) with a hanging indent.
pub fn numbered(label: &str, text: &str, style: TextStyle, indent: f32, hang: f32) -> Paragraph {
    Paragraph::new(vec![Span::new(text, style)])
        .left_indent(indent + hang)
        .label(vec![Span::new(label, style)], indent)
        .kind(ParaKind::ListItem)
}

/// The fill of table header cells.
pub const HEADER_FILL: Rgb = Rgb(0xe8, 0xee, 0xf5);

/// A table cell of one paragraph, centred vertically.
pub fn cell(text: &str, style: TextStyle, align: Align) -> Cell {
    Cell::new(vec![Paragraph::text(text, style).align(align).leading(CELL_LEADING)]).middle()
}

/// A header cell: bold, centred, filled.
pub fn header_cell(text: &str) -> Cell {
    cell(text, TextStyle::bold(TABLE), Align::Center).fill(HEADER_FILL)
}
