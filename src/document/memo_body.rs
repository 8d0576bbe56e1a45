//! The memo's body as typed: each paragraph is prose, a short list (lines the officer
//! marked ๑) … - …), or a small table pasted from a spreadsheet or Word (cells separated
//! by tabs, the first row its header), as real memos carry the scores they report.

use super::lists;
use super::style::{body, cell, header_cell, regular, INDENT, TABLE};
use crate::thai::Digits;
use crate::typeset::{Align, Block, Row, Table, TextStyle};

/// The blocks of one body paragraph.
pub fn paragraph_blocks(text: &str, digits: Digits) -> Vec<Block> {
    // Not `trim`: a table's first cell may be empty (a leading tab).
    let text = text.trim_matches(['\n', '\r', ' ']);
    if let Some(rows) = tab_rows(text) {
        return vec![Block::Table(small_table(&rows, digits))];
    }
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let Some(first_marked) = lines.iter().position(|l| lists::marker(l).is_some()) else {
        return vec![Block::Para(body(&digits.apply(text)).space_after(0.1 * crate::typeset::CM))];
    };
    // The lead-in reads as a paragraph, the marked lines (and what follows them) as a list.
    let mut blocks = Vec::new();
    if first_marked > 0 {
        blocks.push(Block::Para(body(&digits.apply(&lines[..first_marked].join("\n")))));
    }
    let list = lines[first_marked..].join("\n");
    let leading = crate::typeset::inline::DEFAULT_LEADING;
    blocks.extend(lists::paragraphs(&list, regular(), digits, INDENT, leading).into_iter().map(Block::Para));
    blocks.push(Block::Space(0.1 * crate::typeset::CM));
    blocks
}

/// The rows of a paragraph that is a table: two lines or more, each with a tab between two
/// cells (a tab that only indents a line, as Word's first-line indent pastes, is not one).
pub fn tab_rows(text: &str) -> Option<Vec<Vec<String>>> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let cells = |l: &&str| l.trim_start_matches('\t').contains('\t');
    if lines.len() < 2 || !lines.iter().all(cells) {
        return None;
    }
    let mut rows: Vec<Vec<String>> =
        lines.iter().map(|l| l.split('\t').map(|c| c.trim().to_string()).collect()).collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for r in &mut rows {
        r.resize(width, String::new());
    }
    Some(rows)
}

/// A table as wide as the text, columns shared by their longest cell; numbers centred.
fn small_table(rows: &[Vec<String>], digits: Digits) -> Table {
    let width = rows.first().map_or(0, Vec::len);
    let columns = (0..width)
        .map(|c| {
            let longest = rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0);
            (longest as f32).clamp(4.0, 60.0)
        })
        .collect();
    let mut table = Table::new(columns);
    table.header.push(rows[0].iter().map(|t| header_cell(&digits.apply(t))).collect());
    let style = TextStyle::regular(TABLE);
    for r in &rows[1..] {
        let cells = r
            .iter()
            .map(|t| {
                let numeric = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || "๐๑๒๓๔๕๖๗๘๙.,%-".contains(c));
                cell(&digits.apply(t), style, if numeric { Align::Center } else { Align::Left })
            })
            .collect();
        table.rows.push(Row::Cells(cells));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_separated_lines_are_a_table_and_short_rows_are_filled() {
        let rows = tab_rows("ตัวชี้วัด\tคะแนน\n10.1 การป้องกัน\t80.5\n10.2\n").unwrap_or_default();
        assert!(rows.is_empty(), "a line without a tab makes it prose");
        let rows = tab_rows("ตัวชี้วัด\tคะแนน\tหมายเหตุ\n10.1 การป้องกัน\t80.5").unwrap();
        assert_eq!(rows[1], vec!["10.1 การป้องกัน", "80.5", ""]);
        assert!(tab_rows("ตามที่ หน่วยงานได้").is_none());
        // Word's first-line indents and a lone tabbed line are prose.
        assert!(tab_rows("\tตามที่ หน่วยงานได้\n\tในการนี้").is_none());
        assert!(tab_rows("ตัวชี้วัด\tคะแนน").is_none());
    }

    #[test]
    fn a_paragraph_with_marked_lines_is_a_lead_in_and_a_list() {
        let blocks = paragraph_blocks("ผลการประเมิน ดังนี้\n๑) ตัวชี้วัดที่ ๑๐.๑\n๒) ตัวชี้วัดที่ ๑๐.๒", Digits::Thai);
        let paras: Vec<_> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p),
                _ => None,
            })
            .collect();
        assert_eq!(paras.len(), 3);
        assert_eq!(paras[0].plain_text(), "ผลการประเมิน ดังนี้");
        assert_eq!(paras[2].plain_text(), "ตัวชี้วัดที่ ๑๐.๒");
    }
}
