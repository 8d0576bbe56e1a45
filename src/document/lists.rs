//! Multi-line text as the officer typed it, turned into paragraphs: plain lines become a
//! numbered list (๑. ๒. …); lines the officer marked (๑) … - …) keep their own markers,
//! with bullets under a numbered item indented one level; unmarked lines among marked
//! ones read as plain text (a lead-in, a closing sentence).

use crate::thai::chars::is_digit;
use crate::thai::Digits;
use crate::typeset::{ParaKind, Paragraph, Span, TextStyle};

/// One line of a list: its label (None for plain text) and nesting level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub label: Option<String>,
    pub level: usize,
    pub text: String,
}

/// Splits a line into (marker, rest) when it starts with one: ๑. 1) ๒) - • * –
pub fn marker(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let digits = t.char_indices().find(|(_, c)| !is_digit(*c)).map_or(t.len(), |(i, _)| i);
    if digits > 0 {
        let rest = &t[digits..];
        // 1.1 and ๑.๒ are numbers of sub-items, still one marker.
        let sub = rest
            .strip_prefix('.')
            .map(|r| r.char_indices().find(|(_, c)| !is_digit(*c)).map_or(r.len(), |(i, _)| i))
            .unwrap_or(0);
        let end = digits + if sub > 0 { 1 + sub } else { 0 };
        let after = &t[end..];
        for p in ['.', ')'] {
            if let Some(r) = after.strip_prefix(p) {
                return Some((&t[..end + p.len_utf8()], r.trim_start()));
            }
        }
        return None;
    }
    for b in ['-', '•', '*', '–', '○', '▪'] {
        if let Some(r) = t.strip_prefix(b) {
            if !r.is_empty() {
                return Some((&t[..b.len_utf8()], r.trim_start()));
            }
        }
    }
    None
}

/// Drops a typed list number (the document numbers plain lists itself).
pub fn strip_number(line: &str) -> &str {
    marker(line).map_or(line.trim_start(), |(_, rest)| rest)
}

pub fn items(text: &str, digits: Digits) -> Vec<Item> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let marked = lines.iter().filter(|l| marker(l).is_some()).count();
    if marked == 0 {
        let numbered = lines.len() > 1;
        return lines
            .iter()
            .enumerate()
            .map(|(i, l)| Item {
                label: numbered.then(|| digits.apply(&format!("{}.", i + 1))),
                level: 0,
                text: digits.apply(l),
            })
            .collect();
    }
    let mut out = Vec::new();
    let mut in_numbered = false;
    for l in lines {
        match marker(l) {
            Some((m, rest)) => {
                let numeric = m.chars().next().is_some_and(is_digit);
                let level = if numeric {
                    in_numbered = true;
                    0
                } else {
                    usize::from(in_numbered)
                };
                out.push(Item { label: Some(digits.apply(m)), level, text: digits.apply(rest) });
            }
            None => out.push(Item { label: None, level: 0, text: digits.apply(l) }),
        }
    }
    out
}

/// The width of a label in em, near enough to size a hanging indent.
fn label_em(label: &str) -> f32 {
    label
        .chars()
        .map(|c| {
            if is_digit(c) {
                0.58
            } else if matches!(c, '.' | ')' | '-') {
                0.34
            } else {
                0.62
            }
        })
        .sum()
}

/// Paragraphs for `text` as a list, starting at `indent` points.
pub fn paragraphs(text: &str, style: TextStyle, digits: Digits, indent: f32, leading: f32) -> Vec<Paragraph> {
    let items = items(text, digits);
    let gap = 0.45;
    // One hanging width per level: the widest label of that level.
    let hang = |level: usize| -> f32 {
        let widest = items
            .iter()
            .filter(|i| i.level == level)
            .filter_map(|i| i.label.as_deref())
            .map(label_em)
            .fold(0.0, f32::max);
        (widest + gap) * style.size
    };
    let (h0, h1) = (hang(0), hang(1));
    items
        .into_iter()
        .map(|item| {
            let p = Paragraph::new(vec![Span::new(item.text, style)]).leading(leading);
            match item.label {
                None => p.left_indent(indent),
                Some(label) => {
                    let x = indent + if item.level == 1 { h0 } else { 0.0 };
                    let h = if item.level == 1 { h1 } else { h0 };
                    p.left_indent(x + h).label(vec![Span::new(label, style)], x).kind(ParaKind::ListItem)
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(Option<String>, usize, String)> {
        items(text, Digits::Thai).into_iter().map(|i| (i.label, i.level, i.text)).collect()
    }

    #[test]
    fn plain_lines_are_numbered() {
        assert_eq!(
            labels("จัดทำประกาศ\nเผยแพร่ 2 ช่องทาง"),
            vec![(Some("๑.".into()), 0, "จัดทำประกาศ".into()), (Some("๒.".into()), 0, "เผยแพร่ ๒ ช่องทาง".into())]
        );
        assert_eq!(labels("บรรทัดเดียว"), vec![(None, 0, "บรรทัดเดียว".into())]);
    }

    #[test]
    fn typed_markers_are_kept_with_their_levels() {
        let got = labels("เพื่อให้บรรลุ ดังนี้\n๑) การปฏิบัติงาน\n- จัดทำคู่มือ\n- เผยแพร่\n๒) การให้บริการ\nสรุปท้าย");
        assert_eq!(
            got,
            vec![
                (None, 0, "เพื่อให้บรรลุ ดังนี้".into()),
                (Some("๑)".into()), 0, "การปฏิบัติงาน".into()),
                (Some("-".into()), 1, "จัดทำคู่มือ".into()),
                (Some("-".into()), 1, "เผยแพร่".into()),
                (Some("๒)".into()), 0, "การให้บริการ".into()),
                (None, 0, "สรุปท้าย".into()),
            ]
        );
    }

    #[test]
    fn markers_are_recognised_but_numbers_in_text_are_not() {
        assert_eq!(marker("๑. ข้อ"), Some(("๑.", "ข้อ")));
        assert_eq!(marker("1.2 ข้อย่อย"), None);
        assert_eq!(marker("1.2) ข้อย่อย"), Some(("1.2)", "ข้อย่อย")));
        assert_eq!(marker("๒๕๖๘ เป็นปี"), None);
        assert_eq!(strip_number("- เผยแพร่"), "เผยแพร่");
    }
}
