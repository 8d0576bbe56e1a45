//! The document's logical structure, for the tagged PDF (PDF/UA): headings, paragraphs,
//! lists, tables and figures, built during layout in reading order. Items on the pages point
//! into it by node id; an item that points nowhere is an artifact (borders, page numbers,
//! the watermark, a table header repeated on a later page).

use super::inline::LaidParagraph;

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
    H(u8),
    L,
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

    /// Makes `laid`'s runs the content of a new element for a paragraph of `kind` under
    /// `parent`: a P, a heading, or a list item (consecutive items share one list).
    pub fn tag_paragraph(&mut self, parent: Option<NodeId>, kind: ParaKind, laid: &mut LaidParagraph) {
        let runs = laid.lines.iter_mut().flat_map(|l| l.runs.iter_mut());
        match kind {
            ParaKind::Body | ParaKind::Heading(_) => {
                let role = if let ParaKind::Heading(n) = kind { Role::H(n.clamp(1, 6)) } else { Role::P };
                let id = self.add(parent, role);
                runs.for_each(|r| r.node = Some(id));
            }
            ParaKind::ListItem => {
                let list = match self.last_child(parent) {
                    Some(l) if self.role(l) == Some(&Role::L) => l,
                    _ => self.add(parent, Role::L),
                };
                let item = self.add(Some(list), Role::LI);
                let label = self.add(Some(item), Role::Lbl);
                let body = self.add(Some(item), Role::LBody);
                for (i, r) in runs.enumerate() {
                    r.node = Some(if i < laid.label_runs { label } else { body });
                }
            }
        }
    }
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
            s.tag_paragraph(None, ParaKind::ListItem, &mut laid);
            let runs: Vec<_> = laid.lines[0].runs.iter().map(|r| (r.text.clone(), r.node)).collect();
            let lbl = runs.iter().find(|(t, _)| t == "๑.").and_then(|(_, n)| *n).unwrap();
            assert_eq!(s.role(lbl), Some(&Role::Lbl));
            let body = runs.iter().find(|(t, _)| t == text).and_then(|(_, n)| *n).unwrap();
            assert_eq!(s.role(body), Some(&Role::LBody));
        }
        assert_eq!(s.roots.len(), 1, "one list");
        assert_eq!(s.nodes[s.roots[0] as usize].children.len(), 2, "two items");
        let mut laid = layout_paragraph(&mut ts, &Paragraph::text("ต่อไป", style), 300.0);
        s.tag_paragraph(None, ParaKind::Heading(2), &mut laid);
        assert_eq!(s.role(*s.roots.last().unwrap()), Some(&Role::H(2)));
    }
}
