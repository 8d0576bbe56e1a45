//! The measures table: landscape, grouped by indicator or issue, with a two-level header
//! (ผลการดำเนินการ → ผลผลิต / ผลลัพธ์) repeated on every page.

use super::style::{heading, HEADING, TABLE};
use crate::catalog::indicator;
use crate::model::{Draft, Measure, MeasureGroup};
use crate::thai::Digits;
use crate::typeset::{
    Align, Block, Cell, Numbering, PageSpec, Paragraph, Rgb, Row, Section, Span, Table, TextStyle, CM,
};

const HEADER_FILL: Rgb = Rgb(0xe8, 0xee, 0xf5);
const GROUP_FILL: Rgb = Rgb(0xf3, 0xf3, 0xf3);

/// Column titles, in order.
pub const COLUMNS: [&str; 6] = ["มาตรการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "ผลผลิต", "ผลลัพธ์"];

/// Drops a number the officer typed in front of a list item (๑. 1) - •), since the
/// document numbers items itself.
pub fn strip_number(line: &str) -> &str {
    let t = line.trim_start();
    let digits_end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('\u{0E50}'..='\u{0E59}').contains(c)))
        .map_or(t.len(), |(i, _)| i);
    let rest = &t[digits_end..];
    let stripped = if digits_end > 0 {
        rest.strip_prefix('.').or_else(|| rest.strip_prefix(')')).unwrap_or(rest)
    } else {
        t.strip_prefix('-').or_else(|| t.strip_prefix('•')).or_else(|| t.strip_prefix('*')).unwrap_or(t)
    };
    if digits_end > 0 && stripped.len() == rest.len() {
        // A bare number ("2568 ...") is text, not a list label.
        return t;
    }
    stripped.trim_start()
}

fn style() -> TextStyle {
    TextStyle::regular(TABLE)
}

/// Cell paragraphs from multi-line text: with `numbered`, several lines become ๑. ๒. …
fn cell_text(text: &str, numbered: bool, digits: Digits) -> Vec<Paragraph> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let many = lines.len() > 1;
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if numbered && many {
                let label = digits.apply(&format!("{}.", i + 1));
                let hang = if i + 1 >= 10 { 0.75 * CM } else { 0.55 * CM };
                Paragraph::new(vec![Span::new(digits.apply(strip_number(l)), style())])
                    .left_indent(hang)
                    .label(vec![Span::new(label, style())], 0.0)
                    .leading(1.3)
                    .space_after(1.5)
            } else {
                Paragraph::text(digits.apply(l), style()).leading(1.3).space_after(1.5)
            }
        })
        .collect()
}

fn header_cell(text: &str) -> Cell {
    Cell::new(vec![Paragraph::text(text, TextStyle::bold(TABLE)).align(Align::Center).leading(1.3)])
        .fill(HEADER_FILL)
        .middle()
}

/// The heading of a group: its own, or the indicator's name.
pub fn group_heading(g: &MeasureGroup, digits: Digits) -> String {
    if !g.heading.trim().is_empty() {
        return digits.apply(g.heading.trim());
    }
    match g.indicator.and_then(indicator) {
        Some(ind) => format!("ตัวชี้วัดที่ {} {} ({})", digits.number(ind.number), ind.name, ind.tool.code()),
        None => String::new(),
    }
}

fn measure_row(m: &Measure, digits: Digits) -> Row {
    let mut outcome = cell_text(&m.outcome, false, digits);
    if !m.note.trim().is_empty() {
        outcome.push(
            Paragraph::new(vec![
                Span::new("หมายเหตุ ", TextStyle::bold(TABLE)),
                Span::new(digits.apply(m.note.trim()), style()),
            ])
            .leading(1.3),
        );
    }
    Row::Cells(vec![
        Cell::new(vec![Paragraph::text(digits.apply(m.name.trim()), TextStyle::bold(TABLE)).leading(1.3)]),
        Cell::new(cell_text(&m.steps, true, digits)),
        Cell::new(cell_text(&m.responsible, false, digits)),
        Cell::new(cell_text(&m.period, false, digits)),
        Cell::new(cell_text(&m.output, true, digits)),
        Cell::new(outcome),
    ])
}

/// The measures table as a typeset table.
pub fn measures_table(d: &Draft) -> Table {
    let digits = d.options.digits;
    let mut table = Table::new(vec![3.4, 4.6, 2.2, 2.2, 4.0, 3.6]);
    table.header.push(vec![
        header_cell(COLUMNS[0]).span(1, 2),
        header_cell(COLUMNS[1]).span(1, 2),
        header_cell(COLUMNS[2]).span(1, 2),
        header_cell(COLUMNS[3]).span(1, 2),
        header_cell("ผลการดำเนินการ").span(2, 1),
    ]);
    table.header.push(vec![header_cell(COLUMNS[4]), header_cell(COLUMNS[5])]);
    for g in &d.measures {
        let title = group_heading(g, digits);
        if !title.is_empty() {
            table.rows.push(Row::Group(
                Cell::new(vec![Paragraph::text(title, TextStyle::bold(TABLE)).leading(1.3)]).fill(GROUP_FILL),
            ));
        }
        for m in &g.measures {
            table.rows.push(measure_row(m, digits));
        }
    }
    table
}

pub fn measures(d: &Draft) -> Section {
    let digits = d.options.digits;
    let (start, end) = d.report.period();
    let title = format!(
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{} และผลการดำเนินการ\nประจำปีงบประมาณ พ.ศ. {} ({} – {})",
        d.agency.full_name(),
        digits.number(d.report.fiscal_year),
        start.month_year(digits),
        end.month_year(digits)
    );
    let blocks = vec![Block::Para(heading(&title, HEADING)), Block::Table(measures_table(d))];
    Section { page: PageSpec::landscape(), numbering: Numbering { from: 1, restart: false }, blocks }
}

#[cfg(test)]
mod tests {
    use super::strip_number;

    #[test]
    fn strips_typed_list_numbers_only() {
        assert_eq!(strip_number("๑. จัดทำประกาศ"), "จัดทำประกาศ");
        assert_eq!(strip_number("2) ประชุม"), "ประชุม");
        assert_eq!(strip_number("- เผยแพร่"), "เผยแพร่");
        assert_eq!(strip_number("๒๕๖๘ เป็นปี"), "๒๕๖๘ เป็นปี");
        assert_eq!(strip_number("จัดทำ"), "จัดทำ");
    }
}
