//! The measures table: landscape, grouped by indicator or issue, its header repeated on
//! every page. It prints the columns the officer filled, of all those real reports use
//! (a column empty in every row is left out and the widths shared again), with a two-level
//! header (ผลการดำเนินการ → ผลผลิต / ผลลัพธ์) when two result columns are printed; when the
//! columns cannot all be read on one landscape page, as the plan and the results, two
//! tables with the rows in the same order.

use super::style::{header_cell, heading, CELL_LEADING, HEADING, TABLE};
use crate::model::path::MeasureField;
use crate::model::{DocumentKind, Draft, ItaResult, Measure, MeasureGroup};
use crate::thai::Digits;
use crate::typeset::{Block, Cell, Numbering, PageSpec, Paragraph, Rgb, Row, Section, Table, TextStyle};

const GROUP_FILL: Rgb = Rgb(0xf3, 0xf3, 0xf3);
const SECTION_FILL: Rgb = Rgb(0xdd, 0xe4, 0xee);

/// A column of the measures table: the field it shows, its heading (and its heading under
/// ผลการดำเนินการ when results are grouped), whether its text is a list, its share of the
/// width, and the narrowest it reads well at (points, 14 pt Thai: about eight characters a
/// line for the narrow ones).
struct Column {
    field: MeasureField,
    title: &'static str,
    under_results: Option<&'static str>,
    list: bool,
    weight: f32,
    min: f32,
}

/// Every column real reports use, in their order.
const ALL_COLUMNS: [Column; 11] = [
    Column {
        field: MeasureField::Issue,
        title: "ประเด็นที่ต้องปรับปรุง",
        under_results: None,
        list: false,
        weight: 3.0,
        min: 80.0,
    },
    Column {
        field: MeasureField::Name,
        title: "มาตรการ/กิจกรรม",
        under_results: None,
        list: false,
        weight: 3.4,
        min: 80.0,
    },
    Column {
        field: MeasureField::Approach,
        title: "แนวทางการปฏิบัติ",
        under_results: None,
        list: true,
        weight: 3.4,
        min: 80.0,
    },
    Column {
        field: MeasureField::Steps,
        title: "ขั้นตอน/วิธีการปฏิบัติ",
        under_results: None,
        list: true,
        weight: 4.6,
        min: 100.0,
    },
    Column {
        field: MeasureField::Responsible,
        title: "ผู้รับผิดชอบ",
        under_results: None,
        list: false,
        weight: 2.2,
        min: 60.0,
    },
    Column {
        field: MeasureField::Period,
        title: "ระยะเวลาดำเนินการ",
        under_results: None,
        list: false,
        weight: 2.2,
        min: 60.0,
    },
    Column {
        field: MeasureField::Monitoring,
        title: "การกำกับติดตาม/การรายงานผล",
        under_results: None,
        list: true,
        weight: 3.0,
        min: 80.0,
    },
    Column {
        field: MeasureField::Result,
        title: "ผลการดำเนินการ",
        under_results: Some("การดำเนินงาน"),
        list: true,
        weight: 4.0,
        min: 100.0,
    },
    Column {
        field: MeasureField::Output,
        title: "ผลผลิต",
        under_results: Some("ผลผลิต"),
        list: true,
        weight: 4.0,
        min: 80.0,
    },
    Column {
        field: MeasureField::Outcome,
        title: "ผลลัพธ์",
        under_results: Some("ผลลัพธ์"),
        list: true,
        weight: 3.6,
        min: 80.0,
    },
    Column {
        field: MeasureField::Note, title: "หมายเหตุ", under_results: None, list: false, weight: 2.0, min: 60.0
    },
];

/// The heading over the result columns when two or more of them are printed.
const RESULTS: &str = "ผลการดำเนินการ";

/// The plan's columns when the table is printed as two (the results table takes the rest,
/// after the measure's name).
const PLAN: [MeasureField; 7] = [
    MeasureField::Issue,
    MeasureField::Name,
    MeasureField::Approach,
    MeasureField::Steps,
    MeasureField::Responsible,
    MeasureField::Period,
    MeasureField::Monitoring,
];

/// The columns to print: those some measure fills (the measure's name always), as one
/// table, or as the plan and the results when a column's share of the page would be
/// narrower than it reads well at.
fn tables_of(d: &Draft) -> Vec<Vec<&'static Column>> {
    let measures: Vec<&Measure> = d.measures.iter().flat_map(|g| &g.measures).collect();
    let filled =
        |c: &Column| c.field == MeasureField::Name || measures.iter().any(|m| !m.text(c.field).trim().is_empty());
    // The measures document is the plan: no results yet.
    let plan_only = d.options.document == DocumentKind::Measures;
    let columns: Vec<&Column> =
        ALL_COLUMNS.iter().filter(|c| filled(c) && !(plan_only && c.under_results.is_some())).collect();
    let spec = PageSpec::landscape();
    let width = spec.size().0 - spec.margins.left - spec.margins.right;
    // The width is shared by weight: one table when every column gets its narrowest.
    let total: f32 = columns.iter().map(|c| c.weight).sum();
    if columns.iter().all(|c| c.weight / total * width >= c.min) {
        return vec![columns];
    }
    let (plan, results): (Vec<&Column>, Vec<&Column>) = columns.iter().partition(|c| PLAN.contains(&c.field));
    let name = columns.iter().copied().filter(|c| c.field == MeasureField::Name);
    vec![plan, name.chain(results).collect()]
}

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

/// The heading of a group: its own, or the indicator's name.
pub fn group_heading(g: &MeasureGroup, ita: &ItaResult, digits: Digits) -> String {
    if !g.heading.trim().is_empty() {
        return digits.apply(g.heading.trim());
    }
    match g.indicator.and_then(|n| (n as usize).checked_sub(1)) {
        Some(i) if i < ita.indicators.len() => digits.apply(&ita.indicator_title(i)),
        _ => String::new(),
    }
}

/// The measure's name, bold, numbered through the table unless the officer turned that off
/// (a name of several lines keeps them).
fn name_cell(n: usize, m: &Measure, d: &Draft) -> Cell {
    let name = m.name.trim();
    let text = if d.options.number_measures { format!("{n}. {name}") } else { name.to_string() };
    Cell::new(vec![Paragraph::text(d.options.digits.apply(&text), TextStyle::bold(TABLE)).leading(CELL_LEADING)])
}

fn measure_row(n: usize, m: &Measure, d: &Draft, columns: &[&Column]) -> Row {
    let cells = columns
        .iter()
        .map(|c| match c.field {
            MeasureField::Name => name_cell(n, m, d),
            field => Cell::new(cell_text(m.text(field), c.list, d.options.digits)),
        })
        .collect();
    Row::Cells(cells)
}

/// The header rows: one, or two when two or more result columns stand under ผลการดำเนินการ.
fn header(table: &mut Table, columns: &[&Column]) {
    let grouped = columns.iter().filter(|c| c.under_results.is_some()).count() >= 2;
    let rows = if grouped { 2 } else { 1 };
    let mut top = Vec::new();
    let mut below = Vec::new();
    for c in columns {
        match c.under_results {
            Some(sub) if grouped => {
                if below.is_empty() {
                    let span = columns.iter().filter(|c| c.under_results.is_some()).count();
                    top.push(header_cell(RESULTS).span(span, 1));
                }
                below.push(header_cell(sub));
            }
            _ => top.push(header_cell(c.title).span(1, rows)),
        }
    }
    table.header.push(top);
    if grouped {
        table.header.push(below);
    }
}

/// One measures table with `columns`, its header repeated on every page.
fn table_of(d: &Draft, columns: &[&Column]) -> Table {
    let digits = d.options.digits;
    let mut table = Table::new(columns.iter().map(|c| c.weight).collect());
    table.continued = Some(Paragraph::text("(ต่อ)", TextStyle::regular(TABLE)).leading(CELL_LEADING));
    header(&mut table, columns);
    let mut n = 0;
    let mut section = "";
    for g in &d.measures {
        // A section heads the groups that share it, once, above their own headings.
        let s = g.section.trim();
        if !s.is_empty() && s != section {
            table.rows.push(Row::Group(
                Cell::new(vec![Paragraph::text(digits.apply(s), TextStyle::bold(TABLE)).leading(CELL_LEADING)])
                    .fill(SECTION_FILL),
            ));
        }
        section = s;
        let title = group_heading(g, &d.ita, digits);
        if !title.is_empty() {
            table.rows.push(Row::Group(
                Cell::new(vec![Paragraph::text(title, TextStyle::bold(TABLE)).leading(CELL_LEADING)]).fill(GROUP_FILL),
            ));
        }
        for m in &g.measures {
            n += 1;
            table.rows.push(measure_row(n, m, d, columns));
        }
    }
    table
}

/// The measures tables (one, or the plan and the results) as typeset tables.
pub fn measures_tables(d: &Draft) -> Vec<Table> {
    tables_of(d).iter().map(|columns| table_of(d, columns)).collect()
}

/// The header texts the printed tables show, in order (for the structure check).
pub fn header_titles(d: &Draft) -> Vec<String> {
    let mut out = Vec::new();
    for t in measures_tables(d) {
        for row in &t.header {
            for cell in row {
                out.extend(cell.content.iter().map(Paragraph::plain_text));
            }
        }
    }
    out
}

pub fn measures(d: &Draft) -> Section {
    let digits = d.options.digits;
    let (start, end) = d.report.period();
    let period = if d.report.round.has_period() {
        format!(" ({} – {})", start.month_year(digits), end.month_year(digits))
    } else {
        String::new()
    };
    let title = match d.options.document {
        DocumentKind::Report => format!(
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{}\nและผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. {}{period}",
            d.agency.full_name(),
            digits.number(d.report.fiscal_year),
        ),
        DocumentKind::Measures => format!(
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{}\nประจำปีงบประมาณ พ.ศ. {}\nแนบท้ายประกาศ{}",
            d.agency.full_name(),
            digits.number(d.report.fiscal_year),
            d.agency.full_name(),
        ),
    };
    let mut blocks = vec![Block::Para(heading(&title, HEADING))];
    for (i, table) in measures_tables(d).into_iter().enumerate() {
        if i > 0 {
            // The results table starts on a page of its own, under its own heading.
            blocks.push(Block::PageBreak);
            blocks.push(Block::Para(heading("ผลการดำเนินการตามมาตรการ", HEADING)));
        }
        blocks.push(Block::Table(table));
    }
    Section { page: PageSpec::landscape(), numbering: Numbering { from: 1, restart: false }, blocks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FieldPath;

    /// The example with the columns `fill` filled in every measure and the others empty.
    fn with_columns(fill: &[MeasureField]) -> Draft {
        let mut d = crate::catalog::example::example_draft();
        let ids: Vec<String> = d.measures.iter().flat_map(|g| &g.measures).map(|m| m.id.clone()).collect();
        for id in ids {
            for &f in MeasureField::ALL {
                let text = if fill.contains(&f) { format!("{} ของ {id}", f.key()) } else { String::new() };
                d.set_text(&FieldPath::Measure(id.clone(), f), text);
            }
        }
        d
    }

    #[test]
    fn a_column_nobody_filled_is_left_out_and_the_others_share_the_width() {
        let four = [MeasureField::Name, MeasureField::Steps, MeasureField::Responsible, MeasureField::Output];
        let tables = measures_tables(&with_columns(&four));
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].columns.len(), 4);
        assert_eq!(header_titles(&with_columns(&four)), ["มาตรการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ผลผลิต"]);
        // The measure's name is always there, even when nobody typed one.
        assert_eq!(measures_tables(&with_columns(&[])).first().map(|t| t.columns.len()), Some(1));
    }

    #[test]
    fn two_result_columns_stand_under_one_heading() {
        let d = with_columns(&[MeasureField::Name, MeasureField::Output, MeasureField::Outcome]);
        assert_eq!(header_titles(&d), ["มาตรการ/กิจกรรม", "ผลการดำเนินการ", "ผลผลิต", "ผลลัพธ์"]);
        assert_eq!(measures_tables(&d)[0].header.len(), 2);
        // One result column is a column of its own, under its own name.
        let d = with_columns(&[MeasureField::Name, MeasureField::Result]);
        assert_eq!(header_titles(&d), ["มาตรการ/กิจกรรม", "ผลการดำเนินการ"]);
        assert_eq!(measures_tables(&d)[0].header.len(), 1);
    }

    #[test]
    fn every_column_filled_prints_as_the_plan_and_the_results() {
        let d = with_columns(MeasureField::ALL);
        let tables = measures_tables(&d);
        assert_eq!(tables.len(), 2, "eleven columns do not fit one landscape page");
        let titles = header_titles(&d);
        for c in &ALL_COLUMNS {
            let shown = c.under_results.unwrap_or(c.title);
            assert!(titles.iter().any(|t| t == shown), "{shown} missing from {titles:?}");
        }
        // Both tables list the measures by name (after the issue in the plan), in one order.
        let names = |t: &Table, column: usize| -> Vec<String> {
            t.rows
                .iter()
                .filter_map(|r| match r {
                    Row::Cells(cells) => Some(cells[column].content[0].plain_text()),
                    Row::Group(_) => None,
                })
                .collect()
        };
        assert!(names(&tables[0], 1)[0].contains("name ของ"));
        assert_eq!(names(&tables[0], 1), names(&tables[1], 0));
        assert_eq!(tables[0].columns.len() + tables[1].columns.len(), 12);
    }

    #[test]
    fn a_section_heads_the_groups_that_share_it_once() {
        let mut d = with_columns(&[MeasureField::Name]);
        for (i, g) in d.measures.iter_mut().enumerate() {
            g.section = if i < 2 { "IIT".into() } else { "EIT".into() };
        }
        let headings: Vec<String> = measures_tables(&d)[0]
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Group(c) => Some(c.content[0].plain_text()),
                Row::Cells(_) => None,
            })
            .collect();
        assert_eq!(headings.iter().filter(|h| *h == "IIT").count(), 1, "{headings:?}");
        assert_eq!(headings.iter().filter(|h| *h == "EIT").count(), 1, "{headings:?}");
        assert_eq!(headings[0], "IIT");
    }

    #[test]
    fn measures_are_numbered_unless_turned_off() {
        let mut d = with_columns(&[MeasureField::Name]);
        let first = |d: &Draft| match &measures_tables(d)[0].rows[1] {
            Row::Cells(cells) => cells[0].content[0].plain_text(),
            Row::Group(_) => panic!("a group row"),
        };
        assert!(first(&d).starts_with("๑. "), "{}", first(&d));
        d.options.number_measures = false;
        assert!(!first(&d).starts_with("๑"), "{}", first(&d));
    }
}
