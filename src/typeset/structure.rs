//! The document's logical structure, for the tagged PDF (PDF/UA): headings, paragraphs,
//! lists, tables and figures, built during layout in reading order. Items on the pages point
//! into it by node id; an item that points nowhere is an artifact (borders, page numbers,
//! the watermark, a table header repeated on a later page).

use super::inline::{LaidParagraph, Paragraph};
use crate::thai::chars::{is_digit, is_thai_letter};

pub type NodeId = u32;

/// What a paragraph is, as the document says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParaKind {
    #[default]
    Body,
    /// A heading of level 1–6.
    Heading(u8),
    /// An item of a list; its label (๑., -) is the list item's label.
    ListItem,
}

/// A structure element.
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    P,
    /// A heading of `level` 1–6 and its text (the outline's title).
    H {
        level: u8,
        title: String,
    },
    /// A list; `numbered` when its labels are numbers (๑. ๒.), not bullets or dashes.
    L {
        numbered: bool,
    },
    LI,
    Lbl,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    /// A column's header cell, spanning rows and columns.
    TH {
        rows: u32,
        cols: u32,
    },
    /// A data cell spanning columns.
    TD {
        cols: u32,
    },
    /// A picture, with its alternative text.
    Figure(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub role: Role,
    pub children: Vec<NodeId>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    pub nodes: Vec<Node>,
    /// Top-level nodes, in reading order.
    pub roots: Vec<NodeId>,
}

impl Structure {
    /// Adds a node as the last child of `parent` (or as the last top-level node).
    pub fn add(&mut self, parent: Option<NodeId>, role: Role) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node { role, children: Vec::new() });
        match parent.and_then(|p| self.nodes.get_mut(p as usize)) {
            Some(p) => p.children.push(id),
            None => self.roots.push(id),
        }
        id
    }

    fn last_child(&self, parent: Option<NodeId>) -> Option<NodeId> {
        match parent {
            Some(p) => self.nodes.get(p as usize)?.children.last().copied(),
            None => self.roots.last().copied(),
        }
    }

    pub fn role(&self, id: NodeId) -> Option<&Role> {
        self.nodes.get(id as usize).map(|n| &n.role)
    }

    /// Makes `laid`'s runs (of paragraph `p`) the content of a new element under `parent`: a
    /// P, a heading, or a list item (consecutive items share one list).
    pub fn tag_paragraph(&mut self, parent: Option<NodeId>, p: &Paragraph, laid: &mut LaidParagraph) {
        let label_runs = laid.label_runs;
        let numbered = laid
            .lines
            .first()
            .and_then(|l| l.runs.first())
            .is_some_and(|r| label_runs > 0 && r.text.chars().next().is_some_and(is_digit));
        let runs = laid.lines.iter_mut().flat_map(|l| l.runs.iter_mut());
        match p.kind {
            ParaKind::Body | ParaKind::Heading(_) => {
                let role = match p.kind {
                    ParaKind::Heading(n) => Role::H { level: n.clamp(1, 6), title: title_of(&p.plain_text()) },
                    _ => Role::P,
                };
                let id = self.add(parent, role);
                runs.for_each(|r| r.node = Some(id));
            }
            ParaKind::ListItem => {
                let list = match self.last_child(parent) {
                    Some(l) if matches!(self.role(l), Some(Role::L { .. })) => l,
                    _ => self.add(parent, Role::L { numbered }),
                };
                let item = self.add(Some(list), Role::LI);
                let label = self.add(Some(item), Role::Lbl);
                let body = self.add(Some(item), Role::LBody);
                for (i, r) in runs.enumerate() {
                    r.node = Some(if i < label_runs { label } else { body });
                }
            }
        }
    }
}

/// A heading's text as one line: a line break the document forced (to break a long title
/// where it reads best) is no space between Thai words, a space between others.
fn title_of(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let thai_join =
            out.chars().next_back().is_some_and(is_thai_letter) && line.chars().next().is_some_and(is_thai_letter);
        if !out.is_empty() && !thai_join {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::engine::{Engine, Typesetter};
    use crate::typeset::inline::{layout_paragraph, Paragraph};
    use crate::typeset::style::{Span, TextStyle};

    #[test]
    fn list_items_in_a_row_share_a_list_and_their_labels_are_labels() {
        let mut ts = Typesetter::new(Engine::embedded());
        let mut s = Structure::default();
        let style = TextStyle::regular(12.0);
        for text in ["หนึ่ง", "สอง"] {
            let p = Paragraph::new(vec![Span::new(text, style)]).label(vec![Span::new("๑.", style)], 0.0);
            let mut laid = layout_paragraph(&mut ts, &p, 300.0);
            s.tag_paragraph(None, &p.kind(ParaKind::ListItem), &mut laid);
            let runs: Vec<_> = laid.lines[0].runs.iter().map(|r| (r.text.clone(), r.node)).collect();
            let lbl = runs.iter().find(|(t, _)| t == "๑.").and_then(|(_, n)| *n).unwrap();
            assert_eq!(s.role(lbl), Some(&Role::Lbl));
            let body = runs.iter().find(|(t, _)| t == text).and_then(|(_, n)| *n).unwrap();
            assert_eq!(s.role(body), Some(&Role::LBody));
        }
        assert_eq!(s.roots.len(), 1, "one list");
        assert_eq!(s.nodes[s.roots[0] as usize].children.len(), 2, "two items");
        assert_eq!(s.role(s.roots[0]), Some(&Role::L { numbered: true }));
        let heading = Paragraph::text("รายงานผลการดำเนินการตามมาตรการส่งเสริม\nคุณธรรม (ITA)\nประจำปี", style)
            .kind(ParaKind::Heading(2));
        let mut laid = layout_paragraph(&mut ts, &heading, 300.0);
        s.tag_paragraph(None, &heading, &mut laid);
        let title = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม (ITA) ประจำปี".to_string();
        assert_eq!(s.role(*s.roots.last().unwrap()), Some(&Role::H { level: 2, title }));
    }
}
