//! The tagged PDF: each item on a page is marked as content of its structure element (the
//! layout's `Structure`) or as an artifact; afterwards the elements become krilla's tag tree,
//! and the headings the document outline (bookmarks, which PDF/UA asks for).

use crate::typeset::frame::Item;
use crate::typeset::structure::{NodeId, Role, Structure};
use crate::typeset::vector::{Artifact as Drawn, VectorKind};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use std::num::{NonZeroU16, NonZeroU32};

/// What an item is marked as.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Content(NodeId),
    Artifact(ArtifactType),
}

fn mark_of(item: &Item) -> Mark {
    if let Some(node) = item.node() {
        return Mark::Content(node);
    }
    Mark::Artifact(match item {
        Item::Vector { graphic, .. } => match graphic.kind {
            VectorKind::Artifact(Drawn::PageNumber) => ArtifactType::PageNumber,
            VectorKind::Artifact(Drawn::Watermark) => ArtifactType::Watermark,
            _ => ArtifactType::PaginationOther,
        },
        // A table header repeated on a later page.
        Item::Text(_) => ArtifactType::PaginationOther,
        _ => ArtifactType::Layout,
    })
}

/// Marks content while pages are drawn; consecutive items of one element or one kind of
/// artifact share one marked sequence.
pub struct Tagger {
    contents: Vec<Vec<Identifier>>,
    /// Where each element's content starts: page index and point (for the outline).
    starts: Vec<Option<(usize, f32, f32)>>,
    open: Option<Mark>,
}

impl Tagger {
    pub fn new(structure: &Structure) -> Self {
        let n = structure.nodes.len();
        Tagger { contents: vec![Vec::new(); n], starts: vec![None; n], open: None }
    }

    /// Opens the marked sequence `item` belongs to, closing the one before if it differs.
    pub fn mark(&mut self, surface: &mut Surface, item: &Item, page: usize) {
        let mark = mark_of(item);
        if let (Mark::Content(n), Item::Text(run)) = (mark, item) {
            if let Some(start @ None) = self.starts.get_mut(n as usize) {
                *start = Some((page, run.x, run.y - run.size));
            }
        }
        if self.open == Some(mark) {
            return;
        }
        self.close(surface);
        match mark {
            Mark::Content(n) => {
                let tag = match item {
                    Item::Text(_) => ContentTag::Span(SpanTag::empty()),
                    _ => ContentTag::Other,
                };
                let id = surface.start_tagged(tag);
                if let Some(c) = self.contents.get_mut(n as usize) {
                    c.push(id);
                }
            }
            Mark::Artifact(kind) => {
                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
            }
        }
        self.open = Some(mark);
    }

    /// Closes the open sequence (at the end of a page).
    pub fn close(&mut self, surface: &mut Surface) {
        if self.open.take().is_some() {
            surface.end_tagged();
        }
    }

    /// The tag tree: the structure's elements with the content marked for each.
    pub fn tree(&mut self, structure: &Structure, lang: &str) -> TagTree {
        let mut tree = TagTree::new().with_lang(Some(lang.to_string()));
        for &root in &structure.roots {
            if let Some(g) = self.group(structure, root) {
                tree.push(g);
            }
        }
        tree
    }

    fn group(&mut self, structure: &Structure, id: NodeId) -> Option<TagGroup> {
        let node = structure.nodes.get(id as usize)?;
        let mut children: Vec<Node> = Vec::new();
        for &c in &node.children {
            if let Some(g) = self.group(structure, c) {
                children.push(g.into());
            }
        }
        children.extend(std::mem::take(&mut self.contents[id as usize]).into_iter().map(Node::from));
        if children.is_empty() {
            return None;
        }
        let span = |n: u32| NonZeroU32::new(n).filter(|n| n.get() > 1);
        let kind: TagKind = match &node.role {
            Role::P => Tag::P.into(),
            Role::H { level, title } => {
                let level = NonZeroU16::new(u16::from(*level).max(1)).unwrap_or(NonZeroU16::MIN);
                Tag::Hn(level, Some(title.clone())).into()
            }
            Role::L { numbered } => Tag::L(if *numbered { ListNumbering::Decimal } else { ListNumbering::None }).into(),
            Role::LI => Tag::LI.into(),
            Role::Lbl => Tag::Lbl.into(),
            Role::LBody => Tag::LBody.into(),
            Role::Table => Tag::Table.into(),
            Role::THead => Tag::THead.into(),
            Role::TBody => Tag::TBody.into(),
            Role::TR => Tag::TR.into(),
            Role::TH { rows, cols } => {
                Tag::TH(TableHeaderScope::Column).with_row_span(span(*rows)).with_col_span(span(*cols)).into()
            }
            Role::TD { cols } => Tag::TD.with_col_span(span(*cols)).into(),
            Role::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        };
        Some(TagGroup::with_children(kind, children))
    }

    /// Bookmarks from the headings, nested by level.
    pub fn outline(&self, structure: &Structure) -> Outline {
        // (level, node) of every heading with content, in reading order.
        let mut headings = Vec::new();
        let mut stack: Vec<NodeId> = structure.roots.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            let Some(node) = structure.nodes.get(id as usize) else { continue };
            if let (Role::H { level, title }, Some(start)) = (&node.role, self.starts[id as usize]) {
                headings.push((*level, title.clone(), start));
            }
            stack.extend(node.children.iter().rev().copied());
        }
        let mut outline = Outline::new();
        // Open nodes by level, attached to their parent when a heading of the same or a
        // higher level comes.
        let mut open: Vec<(u8, OutlineNode)> = Vec::new();
        let attach = |open: &mut Vec<(u8, OutlineNode)>, outline: &mut Outline| {
            if let Some((_, done)) = open.pop() {
                match open.last_mut() {
                    Some((_, parent)) => parent.push_child(done),
                    None => outline.push_child(done),
                }
            }
        };
        for (level, title, (page, x, y)) in headings {
            while open.last().is_some_and(|(l, _)| *l >= level) {
                attach(&mut open, &mut outline);
            }
            let node = OutlineNode::new(title, XyzDestination::new(page, Point::from_xy(x, y.max(0.0))));
            open.push((level, node));
        }
        while !open.is_empty() {
            attach(&mut open, &mut outline);
        }
        outline
    }
}
