//! ผลการประเมิน ITA: overall result, the ten indicators (one or two years), the weak ones
//! marked, a bar chart, and the officer's analysis.

use super::style::{body, cell, heading, regular, subheading, HEADER_FILL, HEADING, INDENT, SMALL, TABLE};
use crate::catalog::wording;
use crate::model::Draft;
use crate::thai::Digits;
use crate::typeset::{Align, Bar, BarChart, Block, Numbering, PageSpec, Rgb, Row, Section, Table, TextStyle, CM};

const WEAK_FILL: Rgb = Rgb(0xfb, 0xe4, 0xe1);

/// A score as printed: two decimals, in the draft's digits.
pub fn score_text(v: Option<f32>, digits: Digits) -> String {
    v.map(|v| digits.apply(&format!("{v:.2}"))).unwrap_or_else(|| "-".into())
}

/// The officer's analysis text as paragraphs: a list when it has several lines.
pub fn text_blocks(text: &str, digits: Digits) -> Vec<Block> {
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if lines <= 1 {
        return text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Block::Para(body(&digits.apply(l.trim()))))
            .collect();
    }
    super::lists::paragraphs(text, regular(), digits, INDENT * 0.4, super::paragraph_leading())
        .into_iter()
        .map(|p| Block::Para(p.align(Align::Justify).space_after(2.0)))
        .collect()
}

pub fn analysis(d: &Draft) -> Section {
    let digits = d.options.digits;
    let ita = &d.ita;
    let year = digits.number(ita.assessed_year);
    let mut blocks = vec![Block::Para(heading(
        &format!("ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)\nประจำปีงบประมาณ พ.ศ. {year}"),
        HEADING,
    ))];
    let summary = d.texts.analysis_summary.clone().unwrap_or_else(|| wording::analysis_summary(d));
    for p in summary.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        blocks.extend(text_blocks(p, digits));
    }
    let has_scores = ita.indicators.iter().any(|s| {
        s.previous.is_some()
            || s.current.is_some()
            || s.subs.iter().any(|x| x.previous.is_some() || x.current.is_some())
    });
    if !has_scores {
        blocks.push(Block::Para(body("ยังไม่มีข้อมูลคะแนนรายตัวชี้วัด").space_before(6.0)));
    }
    // The caption of the table: the year and the overall result.
    let mut caption = format!("ผลคะแนนรายตัวชี้วัด ปี พ.ศ. {year}");
    if let Some(score) = ita.score {
        caption.push_str(&format!(" (คะแนนรวม {}", score_text(Some(score), digits)));
        let level = ita.level_or_derived();
        if !level.is_empty() {
            caption.push_str(&format!(" ระดับ {level}"));
        }
        caption.push(')');
    }
    // The indicators table.
    let two_years = ita.has_current();
    let mut columns = vec![0.5, 3.0, 1.0, 1.1];
    if two_years {
        columns.push(1.1);
    }
    columns.push(1.5);
    let mut table = Table::new(columns);
    let h = TextStyle::bold(TABLE);
    let mut header = vec![
        cell("ที่", h, Align::Center).fill(HEADER_FILL),
        cell("ตัวชี้วัด", h, Align::Center).fill(HEADER_FILL),
        cell("เครื่องมือ", h, Align::Center).fill(HEADER_FILL),
        cell(&format!("คะแนน ปี {year}"), h, Align::Center).fill(HEADER_FILL),
    ];
    if two_years {
        header.push(
            cell(&format!("คะแนน ปี {}", digits.number(ita.assessed_year + 1)), h, Align::Center).fill(HEADER_FILL),
        );
    }
    header.push(
        cell(&format!("ผลเทียบเกณฑ์ {} (ปี {year})", digits.number(ita.threshold)), h, Align::Center).fill(HEADER_FILL),
    );
    table.header.push(header);
    let t = TextStyle::regular(TABLE);
    let weak = ita.weak_indicators();
    // One row per score: an indicator, then its sub-indicators (๑๐.๑) under it.
    let score_row = |number: String, name: String, tool: String, previous: Option<f32>, current: Option<f32>| {
        let is_weak = previous.is_some_and(|v| v < ita.threshold);
        let mut row = vec![
            cell(&number, t, Align::Center),
            cell(&digits.apply(&name), t, Align::Left),
            cell(&tool, t, Align::Center),
            cell(&score_text(previous, digits), t, Align::Center),
        ];
        if two_years {
            row.push(cell(&score_text(current, digits), t, Align::Center));
        }
        let verdict = match previous {
            None => "-",
            Some(_) if is_weak => "ต่ำกว่าเกณฑ์",
            Some(_) => "ผ่านเกณฑ์",
        };
        row.push(cell(verdict, if is_weak { TextStyle::bold(TABLE) } else { t }, Align::Center));
        if is_weak {
            row = row.into_iter().map(|c| c.fill(WEAK_FILL)).collect();
        }
        Row::Cells(row)
    };
    for (i, score) in ita.indicators.iter().enumerate() {
        let n = i + 1;
        debug_assert_eq!(weak.contains(&n), score.previous.is_some_and(|v| v < ita.threshold));
        let (name, tool) = (ita.indicator_name(i), ita.indicator_tool(i));
        table.rows.push(score_row(digits.number(n), name, tool, score.previous, score.current));
        // A sub-indicator's number is too wide for the number column: it leads its name,
        // set in under the indicator's.
        for (k, sub) in score.subs.iter().enumerate() {
            let name = format!("{n}.{} {}", k + 1, sub.name.trim());
            let Row::Cells(mut row) = score_row(String::new(), name, String::new(), sub.previous, sub.current) else {
                continue;
            };
            for p in &mut row[1].content {
                *p = p.clone().left_indent(0.6 * CM);
            }
            table.rows.push(Row::Cells(row));
        }
    }
    if has_scores {
        blocks.push(Block::Para(subheading(&caption).align(Align::Center)));
        blocks.push(Block::Table(table));
    }

    // The chart of the same scores: indicators only (sub-indicators are in the table).
    if ita.indicators.iter().any(|s| s.previous.is_some() || s.current.is_some()) {
        // An indicator without a score is left out of the chart (the table says "-").
        let bars = ita
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, s)| s.previous.is_some() || s.current.is_some())
            .map(|(i, s)| {
                let mut values = vec![s.previous];
                let mut labels = vec![score_text(s.previous, digits)];
                if two_years {
                    values.push(s.current);
                    labels.push(score_text(s.current, digits));
                }
                Bar {
                    label: format!("{} {}", digits.number(i + 1), digits.apply(&ita.indicator_name(i))),
                    values,
                    value_labels: labels,
                    highlight: weak.contains(&(i + 1)),
                }
            })
            .collect();
        let mut chart = BarChart::new(bars);
        chart.font_size = SMALL;
        chart.threshold = Some((ita.threshold, format!("เกณฑ์ {} คะแนน", digits.number(ita.threshold))));
        if two_years {
            chart.series = vec![format!("ปี {year}"), format!("ปี {}", digits.number(ita.assessed_year + 1))];
        }
        blocks.push(Block::Keep(vec![
            Block::Para(subheading("แผนภูมิคะแนนรายตัวชี้วัด").align(Align::Center)),
            Block::Chart(chart),
        ]));
    }

    let a = &d.analysis;
    for (title, text) in [
        ("ประเด็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", &a.weaknesses),
        ("ประเด็นที่ต้องพัฒนาให้ดีขึ้น", &a.improvements),
        ("แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ", &a.approach),
    ] {
        if !text.trim().is_empty() {
            blocks.push(Block::Para(subheading(title)));
            blocks.extend(text_blocks(text, digits));
        }
    }
    Section { page: PageSpec::portrait(), numbering: Numbering { from: 1, restart: false }, blocks }
}
