//! The laid-out document: pages of positioned items, in points, origin top-left, y down.
//! This is what the PDF writer draws and what layout tests inspect.

use super::fonts::Weight;
use super::image::ImageData;
use super::structure::{NodeId, Structure};
use super::style::Rgb;
use super::vector::VectorGraphic;
use std::ops::Range;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Rect { x, y, w, h }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    /// True when `other` lies inside this rectangle, allowing `tolerance` points.
    pub fn contains(&self, other: &Rect, tolerance: f32) -> bool {
        other.x >= self.x - tolerance
            && other.y >= self.y - tolerance
            && other.right() <= self.right() + tolerance
            && other.bottom() <= self.bottom() + tolerance
    }
}

/// A glyph placed in a run; lengths in em of the run's font size.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedGlyph {
    pub id: u16,
    /// The bytes of the run's text this glyph stands for.
    pub text: Range<u32>,
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
}

/// A line fragment in one font, size and colour; `y` is the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub y: f32,
    pub weight: Weight,
    pub size: f32,
    pub color: Rgb,
    pub text: String,
    pub glyphs: Vec<PlacedGlyph>,
    /// The structure element this run is content of; none for an artifact.
    pub node: Option<NodeId>,
}

impl TextRun {
    /// Advance width in points.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum::<f32>() * self.size
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub color: Rgb,
    /// Dash and gap lengths, for dotted leaders and threshold lines.
    pub dash: Option<(f32, f32)>,
}

impl Stroke {
    pub const fn solid(width: f32) -> Self {
        Stroke { width, color: Rgb::BLACK, dash: None }
    }
    pub const fn dotted(width: f32) -> Self {
        Stroke { width, color: Rgb::BLACK, dash: Some((width, 2.0)) }
    }
}

#[derive(Clone, Debug)]
pub enum Item {
    Text(TextRun),
    Line {
        from: (f32, f32),
        to: (f32, f32),
        stroke: Stroke,
    },
    Rect {
        rect: Rect,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    /// `node`: the structure element it belongs to (a figure); none for an artifact.
    Image {
        rect: Rect,
        image: Arc<ImageData>,
        node: Option<NodeId>,
    },
    Vector {
        rect: Rect,
        graphic: Arc<VectorGraphic>,
        node: Option<NodeId>,
    },
}

impl Item {
    /// The structure element this item is content of; none for artifacts (borders, fills,
    /// page numbers, a repeated header).
    pub fn node(&self) -> Option<NodeId> {
        match self {
            Item::Text(run) => run.node,
            Item::Image { node, .. } | Item::Vector { node, .. } => *node,
            Item::Line { .. } | Item::Rect { .. } => None,
        }
    }

    /// Makes the item an artifact (a table header repeated on a later page).
    pub fn into_artifact(mut self) -> Item {
        match &mut self {
            Item::Text(run) => run.node = None,
            Item::Image { node, .. } | Item::Vector { node, .. } => *node = None,
            Item::Line { .. } | Item::Rect { .. } => {}
        }
        self
    }

    /// Makes the item content of `id` (text and pictures; lines and fills stay artifacts).
    pub fn tagged(mut self, id: NodeId) -> Item {
        match &mut self {
            Item::Text(run) => run.node = Some(id),
            Item::Image { node, .. } | Item::Vector { node, .. } => *node = Some(id),
            Item::Line { .. } | Item::Rect { .. } => {}
        }
        self
    }
}

#[derive(Clone, Debug, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

impl Page {
    pub fn text_runs(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }

    /// All text on the page in drawing order, runs separated by newlines (for tests).
    pub fn plain_text(&self) -> String {
        self.text_runs().map(|r| r.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// Moves every item by (dx, dy).
    pub fn translate(items: &mut [Item], dx: f32, dy: f32) {
        for item in items {
            match item {
                Item::Text(t) => {
                    t.x += dx;
                    t.y += dy;
                }
                Item::Line { from, to, .. } => {
                    from.0 += dx;
                    from.1 += dy;
                    to.0 += dx;
                    to.1 += dy;
                }
                Item::Rect { rect, .. } | Item::Image { rect, .. } | Item::Vector { rect, .. } => {
                    rect.x += dx;
                    rect.y += dy;
                }
            }
        }
    }
}

/// Document metadata written into the PDF.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// BCP 47 language tag, e.g. th-TH.
    pub language: String,
    /// Creation date as (year CE, month, day), so output is reproducible.
    pub date: Option<(u16, u8, u8)>,
}

/// A laid-out document.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub pages: Vec<Page>,
    pub metadata: Metadata,
    /// The logical structure the pages' items point into.
    pub structure: Structure,
}
