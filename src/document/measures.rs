//! The measures table: landscape, grouped by indicator or issue, with a two-level header
//! (ผลการดำเนินการ → ผลผลิต / ผลลัพธ์) repeated on every page.

use super::style::{heading, CELL_LEADING, HEADING, TABLE};
use crate::catalog::indicator;
use crate::model::{Draft, Measure, MeasureGroup};
use crate::thai::Digits;
use crate::typeset::{Align, Block, Cell, Numbering, PageSpec, Paragraph, Rgb, Row, Section, Span, Table, TextStyle};

const HEADER_FILL: Rgb = Rgb(0xe8, 0xee, 0xf5);
const GROUP_FILL: Rgb = Rgb(0xf3, 0xf3, 0xf3);

/// Column titles, in order.
pub const COLUMNS: [&str; 6] = ["มาตรการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "ผลผลิต", "ผลลัพธ์"];

fn style() -> TextStyle {
    TextStyle::regular(TABLE)
}

/// Cell paragraphs from multi-line text: lists (steps, results) are numbered or keep the
/// officer's own markers; other cells keep one paragraph a line.
fn cell_text(text: &str, list: bool, digits: Digits) -> Vec<Paragraph> {
    if list {
        return super::lists::paragraphs(text, style(), digits, 0.0, CELL_LEADING)
            .into_iter()
            .map(|p| p.space_after(1.5))
            .collect();
    }
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Paragraph::text(digits.apply(l), style()).leading(CELL_LEADING).space_after(1.5))
        .collect()
}

fn header_cell(text: &str) -> Cell {
    Cell::new(vec![Paragraph::text(text, TextStyle::bold(TABLE)).align(Align::Center).leading(CELL_LEADING)])
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

fn measure_row(n: usize, m: &Measure, digits: Digits) -> Row {
    let mut outcome = cell_text(&m.outcome, true, digits);
    if !m.note.trim().is_empty() {
        outcome.push(
            Paragraph::new(vec![
                Span::new("หมายเหตุ ", TextStyle::bold(TABLE)),
                Span::new(digits.apply(m.note.trim()), style()),
            ])
            .leading(CELL_LEADING),
        );
    }
    Row::Cells(vec![
        // Measures are numbered through the table, as the agencies' own reports do.
        Cell::new(vec![Paragraph::text(digits.apply(&format!("{n}. {}", m.name.trim())), TextStyle::bold(TABLE))
            .leading(CELL_LEADING)]),
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
    // Column shares; a column nobody filled shrinks to its header's width.
    let measures: Vec<&Measure> = d.measures.iter().flat_map(|g| &g.measures).collect();
    let filled = |f: fn(&Measure) -> &String| measures.iter().any(|m| !f(m).trim().is_empty());
    let fields: [fn(&Measure) -> &String; 6] =
        [|m| &m.name, |m| &m.steps, |m| &m.responsible, |m| &m.period, |m| &m.output, |m| &m.outcome];
    let base = [3.4, 4.6, 2.2, 2.2, 4.0, 3.6];
    let widths = fields.iter().zip(base).map(|(f, w)| if filled(*f) { w } else { 1.9 }).collect();
    let mut table = Table::new(widths);
    table.continued = Some(Paragraph::text("(ต่อ)", TextStyle::regular(TABLE)).leading(CELL_LEADING));
    table.header.push(vec![
        header_cell(COLUMNS[0]).span(1, 2),
        header_cell(COLUMNS[1]).span(1, 2),
        header_cell(COLUMNS[2]).span(1, 2),
        header_cell(COLUMNS[3]).span(1, 2),
        header_cell("ผลการดำเนินการ").span(2, 1),
    ]);
    table.header.push(vec![header_cell(COLUMNS[4]), header_cell(COLUMNS[5])]);
    let mut n = 0;
    for g in &d.measures {
        let title = group_heading(g, digits);
        if !title.is_empty() {
            table.rows.push(Row::Group(
                Cell::new(vec![Paragraph::text(title, TextStyle::bold(TABLE)).leading(CELL_LEADING)]).fill(GROUP_FILL),
            ));
        }
        for m in &g.measures {
            n += 1;
            table.rows.push(measure_row(n, m, digits));
        }
    }
    table
}

pub fn measures(d: &Draft) -> Section {
    let digits = d.options.digits;
    let (start, end) = d.report.period();
    let title = format!(
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{}\nและผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. {} ({} – {})",
        d.agency.full_name(),
        digits.number(d.report.fiscal_year),
        start.month_year(digits),
        end.month_year(digits)
    );
    let blocks = vec![Block::Para(heading(&title, HEADING)), Block::Table(measures_table(d))];
    Section { page: PageSpec::landscape(), numbering: Numbering { from: 1, restart: false }, blocks }
}
