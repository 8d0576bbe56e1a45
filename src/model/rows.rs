//! Rows pasted from a spreadsheet (Excel, Google Sheets: tab-separated text) or a Word
//! table (the browser reads its HTML into the same rows), read as measures.
//!
//! Columns are matched by their header (the Thai names real reports use, with common
//! variants) or, without a header row, by position in the usual order. Every column is
//! shown to the officer with what it will become before anything is added (`Plan`); a
//! column nobody can place is left out only if the officer agrees, never mixed into
//! another cell. A row with a single filled cell across a Word table (a group's heading)
//! starts a new group.

use super::draft::{Measure, MeasureGroup};
use super::path::MeasureField;
use crate::thai::to_arabic_digits;

/// Header words for each field, most specific first (the first match in `HEADERS` wins:
/// "ผลการดำเนินการ (ผลผลิต)" is an output, not the narrative result).
const HEADERS: [(MeasureField, &[&str]); 11] = [
    (MeasureField::Output, &["ผลผลิต", "output"]),
    (MeasureField::Outcome, &["ผลลัพธ์", "outcome"]),
    (MeasureField::Monitoring, &["กำกับติดตาม", "ติดตามผล", "การรายงานผล", "รายงานผล"]),
    (MeasureField::Issue, &["ประเด็น", "ข้อคำถาม", "ข้อบกพร่อง", "จุดอ่อน"]),
    (MeasureField::Approach, &["แนวทาง"]),
    (MeasureField::Steps, &["ขั้นตอน", "วิธีการ"]),
    (MeasureField::Responsible, &["รับผิดชอบ"]),
    (MeasureField::Period, &["ระยะเวลา", "ช่วงเวลา", "ห้วงเวลา", "กำหนดเวลา"]),
    (MeasureField::Result, &["ผลการดำเนินการ", "ผลการดำเนินงาน", "ผลการปฏิบัติ"]),
    (MeasureField::Note, &["หมายเหตุ"]),
    (MeasureField::Name, &["มาตรการ", "กิจกรรม", "โครงการ"]),
];

/// Without a header row, columns are read in the order the app's own table prints them.
const BY_POSITION: [MeasureField; 7] = [
    MeasureField::Name,
    MeasureField::Steps,
    MeasureField::Responsible,
    MeasureField::Period,
    MeasureField::Output,
    MeasureField::Outcome,
    MeasureField::Note,
];

/// Tab-separated text as rows of cells. Cells that hold line breaks or tabs come quoted
/// (`"…"`, with `""` for a quote), as Excel and Google Sheets write them.
pub fn read_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_start => quoted = true,
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '\t' if !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
        at_start = matches!(c, '\t' | '\n') && !quoted;
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows.into_iter().map(|r| r.into_iter().map(|c| c.replace("\r\n", "\n").trim().to_string()).collect()).collect()
}

/// Columns covered by a cell merged down from a row above: for how many rows more, and
/// its text.
pub type Covered = Vec<(usize, String)>;

/// One table row on the grid: a cell merged down from a row above repeats its text in this
/// row (a unit responsible for two measures is responsible for each); a cell spanning
/// columns leaves the slots after it empty. `covered` moves on by this row.
pub fn grid_row(covered: &mut Covered, cells: Vec<(String, usize, usize)>) -> Vec<String> {
    let from_above = covered.clone();
    let above = |col: usize| from_above.get(col).filter(|(n, _)| *n > 0).map(|(_, t)| t.clone());
    let mut row = Vec::new();
    let mut placed = Vec::new();
    for (text, colspan, rowspan) in cells {
        while let Some(t) = above(row.len()) {
            row.push(t);
        }
        for k in 0..colspan {
            let t = if k == 0 { text.clone() } else { String::new() };
            placed.push((row.len(), rowspan - 1, t.clone()));
            row.push(t);
        }
    }
    while let Some(t) = above(row.len()) {
        row.push(t);
    }
    for (n, _) in covered.iter_mut() {
        *n = n.saturating_sub(1);
    }
    for (col, more, text) in placed {
        if covered.len() <= col {
            covered.resize(col + 1, (0, String::new()));
        }
        covered[col] = (more, text);
    }
    row
}

/// The field a header names, if any: the keyword that comes first in the header wins
/// ("ผู้รับผิดชอบ/ผู้กำกับติดตาม" is the responsible), except that ผลผลิต and ผลลัพธ์ name the
/// output and outcome wherever they stand ("ผลการดำเนินการ (ผลผลิต)").
pub fn field_of_header(header: &str) -> Option<MeasureField> {
    let h = header.to_lowercase().split_whitespace().collect::<String>();
    let found = |f: &MeasureField, words: &[&str]| words.iter().filter_map(|w| h.find(w)).min().map(|at| (at, *f));
    let (results, others): (Vec<_>, Vec<_>) =
        HEADERS.iter().partition(|(f, _)| matches!(f, MeasureField::Output | MeasureField::Outcome));
    if let Some((_, f)) = results.iter().filter_map(|(f, w)| found(f, w)).min() {
        return Some(f);
    }
    others.iter().filter_map(|(f, w)| found(f, w)).min().map(|(_, f)| f)
}

/// A row number or an empty cell (a "ลำดับ"/"ที่" column is not content).
fn is_number(cell: &str) -> bool {
    let t = to_arabic_digits(cell.trim()).trim_end_matches('.').to_string();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// A row that is one cell across the table (a Word table's group heading).
fn is_heading(row: &[String]) -> bool {
    row.len() == 1
}

/// A header cell: short, on one line.
fn header_like(cell: &str) -> bool {
    cell.chars().count() <= 40 && !cell.contains('\n')
}

/// The fields a row names as headers, if it reads as a header row (two or more short cells
/// naming a field).
fn header_fields(row: &[String], width: usize) -> Option<Vec<Option<MeasureField>>> {
    let named: Vec<Option<MeasureField>> =
        (0..width).map(|i| row.get(i).filter(|h| header_like(h)).and_then(|h| field_of_header(h))).collect();
    (named.iter().flatten().count() >= 2).then_some(named)
}

/// What the pasted rows will become: a field (or nothing) for each column, and how many
/// of the first rows are headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub rows: Vec<Vec<String>>,
    pub header: usize,
    pub columns: Vec<Option<MeasureField>>,
}

impl Plan {
    /// Reads the rows: headers when at least two of the first row's short cells name a
    /// field (a second header row under a merged heading refines them, as Word's two-level
    /// ผลการดำเนินการ → ผลผลิต / ผลลัพธ์); otherwise columns by position, a leading column of
    /// row numbers skipped.
    pub fn new(rows: Vec<Vec<String>>) -> Plan {
        let mut rows: Vec<Vec<String>> = rows.into_iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        // A heading row above the header (a Word table titled by its ประเด็น): the header comes
        // first, the heading then starts the group its rows belong to.
        if rows.len() > 1 && is_heading(&rows[0]) && header_fields(&rows[1], width).is_some() {
            rows.swap(0, 1);
        }
        let Some(mut named) = rows.first().and_then(|r| header_fields(r, width)) else {
            return Plan::by_position(rows);
        };
        let mut header = 1;
        if let Some(second) = rows.get(1).filter(|r| !is_heading(r)) {
            let cells: Vec<&String> = second.iter().filter(|c| !c.trim().is_empty()).collect();
            if !cells.is_empty() && cells.iter().all(|c| header_like(c) && field_of_header(c).is_some()) {
                for (i, c) in second.iter().enumerate() {
                    if let Some(f) = field_of_header(c) {
                        named[i] = Some(f);
                    }
                }
                header = 2;
            }
        }
        // A field named twice takes the first column; the other is the officer's call.
        let mut seen = Vec::new();
        let columns = named.into_iter().map(|f| f.filter(|f| !seen.contains(f)).inspect(|f| seen.push(*f))).collect();
        Plan { rows, header, columns }
    }

    /// The rows read without headers: the first row is data.
    pub fn by_position(rows: Vec<Vec<String>>) -> Plan {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let numbered = rows
            .iter()
            .filter(|r| !is_heading(r))
            .all(|r| r.first().is_some_and(|c| is_number(c) || c.trim().is_empty()));
        let skip = usize::from(numbered && width > 1);
        let mut fields = BY_POSITION.iter().copied();
        let columns = (0..width).map(|i| if i < skip { None } else { fields.next() }).collect();
        Plan { rows, header: 0, columns }
    }

    /// The rows that become measures (or group headings).
    pub fn body(&self) -> &[Vec<String>] {
        &self.rows[self.header.min(self.rows.len())..]
    }

    /// Columns with content that no field takes: left out, so the officer must agree first
    /// (a leading column of row numbers is not content; heading rows are not columns).
    pub fn left_out(&self) -> Vec<usize> {
        let cells = |i: usize| {
            self.body().iter().filter(|r| !is_heading(r)).filter_map(move |r| r.get(i)).filter(|c| !c.trim().is_empty())
        };
        (0..self.columns.len())
            .filter(|&i| self.columns[i].is_none())
            .filter(|&i| cells(i).next().is_some() && !(i == 0 && cells(i).all(|c| is_number(c))))
            .collect()
    }

    /// The measures the rows give, in groups: those before any heading row go to `first`
    /// (the group the officer pasted into); each heading row starts a group. `new_id` gives
    /// each new measure and group its id. A row with nothing in a placed column adds nothing.
    pub fn groups(&self, mut new_id: impl FnMut(&str) -> String) -> (Vec<Measure>, Vec<MeasureGroup>) {
        let mut first = Vec::new();
        let mut groups: Vec<MeasureGroup> = Vec::new();
        for row in self.body() {
            if is_heading(row) && self.columns.len() > 1 {
                let heading = row[0].trim().to_string();
                groups.push(MeasureGroup { id: new_id("g"), heading, ..Default::default() });
                continue;
            }
            let mut m = Measure::default();
            for (i, field) in self.columns.iter().enumerate() {
                let (Some(field), Some(text)) = (field, row.get(i)) else { continue };
                if let Some(slot) = super::access::measure_text_mut(&mut m, *field) {
                    if !slot.is_empty() && !text.trim().is_empty() {
                        slot.push('\n');
                    }
                    slot.push_str(text.trim());
                }
            }
            if m == Measure::default() {
                continue;
            }
            m.id = new_id("m");
            match groups.last_mut() {
                Some(g) => g.measures.push(m),
                None => first.push(m),
            }
        }
        (first, groups)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> impl FnMut(&str) -> String {
        let mut n = 0;
        move |p: &str| {
            n += 1;
            format!("{p}{n}")
        }
    }

    #[test]
    fn tab_separated_rows_keep_quoted_lines_and_tabs() {
        let rows = read_tsv("ก\t\"ข\nบรรทัดสอง\"\tค\r\n\"มี \"\"อัญประกาศ\"\"\"\t\tง\n");
        assert_eq!(rows, [vec!["ก", "ข\nบรรทัดสอง", "ค"], vec!["มี \"อัญประกาศ\"", "", "ง"]]);
    }

    #[test]
    fn headers_are_matched_by_their_thai_names() {
        let header = ["ลำดับ", "ประเด็นที่ต้องปรับปรุง", "มาตรการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "หน่วยงานที่รับผิดชอบ"];
        let more = ["ระยะเวลาดำเนินการ", "การกำกับติดตาม", "ผลการดำเนินการ", "ผลผลิต (Output)", "ผลลัพธ์", "หมายเหตุ"];
        let row: Vec<String> = header.iter().chain(&more).map(|s| s.to_string()).collect();
        let mut body: Vec<String> = row.iter().map(|c| format!("{c} ๑")).collect();
        body[0] = "๑".into();
        let plan = Plan::new(vec![row.clone(), body]);
        assert_eq!(plan.header, 1);
        let mut expected = vec![None];
        expected.extend(MeasureField::ALL.iter().map(|&f| Some(f)).filter(|f| *f != Some(MeasureField::Approach)));
        assert_eq!(plan.columns, expected);
        let (measures, groups) = plan.groups(ids());
        assert!(groups.is_empty());
        assert_eq!(measures.len(), 1);
        assert_eq!(measures[0].outcome, "ผลลัพธ์ ๑");
        assert_eq!(measures[0].monitoring, "การกำกับติดตาม ๑");
        assert!(plan.left_out().is_empty(), "the number column is not content");
    }

    #[test]
    fn without_headers_columns_go_by_position_after_row_numbers() {
        let rows = read_tsv("1\tประชุม\tขั้นที่ ๑\tกองคลัง\n2\tอบรม\tขั้นที่ ๒\tกองช่าง\n");
        let plan = Plan::new(rows);
        assert_eq!(plan.header, 0);
        assert_eq!(
            plan.columns,
            [None, Some(MeasureField::Name), Some(MeasureField::Steps), Some(MeasureField::Responsible)]
        );
        let (measures, _) = plan.groups(ids());
        assert_eq!(measures.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["ประชุม", "อบรม"]);
        assert_eq!(measures[1].responsible, "กองช่าง");
    }

    #[test]
    fn a_column_nobody_can_place_is_shown_not_merged() {
        let plan = Plan::new(read_tsv("มาตรการ\tงบประมาณ\tผลผลิต\nประชุม\t5,000\tรายงาน\n"));
        assert_eq!(plan.columns, [Some(MeasureField::Name), None, Some(MeasureField::Output)]);
        assert_eq!(plan.left_out(), [1]);
        let (measures, _) = plan.groups(ids());
        assert!(!measures[0].output.contains("5,000") && !measures[0].note.contains("5,000"));
    }

    #[test]
    fn a_data_row_that_mentions_field_words_is_not_a_header() {
        let plan = Plan::new(read_tsv(
            "โครงการอบรมคุณธรรมและจริยธรรมสำหรับบุคลากรทุกระดับ\tขั้นตอนที่ 1 ประชุมชี้แจงแนวทางการดำเนินงานแก่บุคลากร\tกองคลัง\n",
        ));
        assert_eq!(plan.header, 0);
        assert_eq!(plan.groups(ids()).0.len(), 1, "the row is a measure");
    }

    #[test]
    fn the_first_keyword_in_a_header_decides() {
        assert_eq!(field_of_header("ผู้รับผิดชอบ/ผู้กำกับติดตาม"), Some(MeasureField::Responsible));
        assert_eq!(field_of_header("มาตรการ/แนวทางการดำเนินการ"), Some(MeasureField::Name));
        assert_eq!(field_of_header("ผลการดำเนินการ (ผลผลิต)"), Some(MeasureField::Output));
        assert_eq!(field_of_header("งบประมาณ"), None);
    }

    #[test]
    fn a_second_header_row_under_a_merged_heading_refines_the_columns() {
        let rows = vec![
            vec!["มาตรการ".to_string(), "ผลการดำเนินการ".into(), "".into(), "หมายเหตุ".into()],
            vec!["".to_string(), "ผลผลิต".into(), "ผลลัพธ์".into(), "".into()],
            vec!["ประชุม".to_string(), "รายงาน".into(), "เข้าใจ".into(), "-".into()],
        ];
        let plan = Plan::new(rows);
        assert_eq!(plan.header, 2);
        use MeasureField::*;
        assert_eq!(plan.columns, [Some(Name), Some(Output), Some(Outcome), Some(Note)]);
        let (measures, _) = plan.groups(ids());
        assert_eq!((measures.len(), measures[0].outcome.as_str()), (1, "เข้าใจ"));
    }

    #[test]
    fn heading_rows_do_not_hide_the_row_numbers() {
        let rows = vec![
            vec!["1".to_string(), "ประชุม".into(), "ขั้น".into()],
            vec!["ตัวชี้วัดที่ ๒".to_string()],
            vec!["2".to_string(), "อบรม".into(), "ขั้น".into()],
        ];
        let plan = Plan::new(rows);
        assert_eq!(plan.columns[0], None);
        assert!(plan.left_out().is_empty());
        let (first, groups) = plan.groups(ids());
        assert_eq!((first[0].name.as_str(), groups[0].measures[0].name.as_str()), ("ประชุม", "อบรม"));
    }

    #[test]
    fn merged_cells_keep_the_columns_in_place() {
        let cell = |t: &str, cols: usize, rows: usize| (t.to_string(), cols, rows);
        let mut covered = Vec::new();
        // An issue merged down two rows, then a heading over two result columns.
        let a = grid_row(&mut covered, vec![cell("ประเด็น ก", 1, 2), cell("ประชุม", 1, 1), cell("รายงาน", 2, 1)]);
        let b = grid_row(&mut covered, vec![cell("อบรม", 1, 1), cell("สรุป", 1, 1), cell("เข้าใจ", 1, 1)]);
        let c = grid_row(&mut covered, vec![cell("ประเด็น ข", 1, 1), cell("สำรวจ", 1, 1)]);
        assert_eq!(a, ["ประเด็น ก", "ประชุม", "รายงาน", ""]);
        assert_eq!(b, ["ประเด็น ก", "อบรม", "สรุป", "เข้าใจ"]);
        assert_eq!(c, ["ประเด็น ข", "สำรวจ"]);
    }

    #[test]
    fn a_heading_above_the_header_titles_the_rows_below_it() {
        let rows = vec![
            vec!["ประเด็นที่ ๑ การเปิดเผยข้อมูล".to_string()],
            vec!["ลำดับ".to_string(), "มาตรการ/กิจกรรม".into(), "ผู้รับผิดชอบ".into()],
            vec!["1".to_string(), "เผยแพร่".into(), "สำนักปลัด".into()],
        ];
        let plan = Plan::new(rows);
        assert_eq!(plan.header, 1);
        assert_eq!(plan.columns, [None, Some(MeasureField::Name), Some(MeasureField::Responsible)]);
        let (first, groups) = plan.groups(ids());
        assert!(first.is_empty());
        assert_eq!(
            (groups[0].heading.as_str(), groups[0].measures[0].name.as_str()),
            ("ประเด็นที่ ๑ การเปิดเผยข้อมูล", "เผยแพร่")
        );
    }

    #[test]
    fn a_heading_row_across_a_word_table_starts_a_group() {
        let rows = vec![
            vec!["มาตรการ".to_string(), "ขั้นตอน".into(), "ผู้รับผิดชอบ".into()],
            vec!["ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่".into()],
            vec!["ประชุม".into(), "ขั้น".into(), "สำนักปลัด".into()],
            vec!["อบรม".into(), "ขั้น".into(), "กองคลัง".into()],
        ];
        let (first, groups) = Plan::new(rows).groups(ids());
        assert!(first.is_empty());
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].heading, "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่");
        assert_eq!(groups[0].measures.len(), 2);
    }
}
