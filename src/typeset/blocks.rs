//! What a document is made of, before layout: blocks in sections of pages.
//!
//! The document layer builds these; `flow` lays them out into pages.

use super::chart::BarChart;
use super::frame::Metadata;
use super::image::ImageData;
use super::inline::Paragraph;
use super::style::{Align, Span, CM};
use super::table::Table;
use super::vector::VectorGraphic;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Default for Margins {
    /// Official documents: left 3 cm, right 2 cm, top 2.5 cm, bottom 2 cm.
    fn default() -> Self {
        Margins { left: 3.0 * CM, right: 2.0 * CM, top: 2.5 * CM, bottom: 2.0 * CM }
    }
}

/// A4 in points.
pub const A4: (f32, f32) = (595.2756, 841.8898);

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PageSpec {
    pub landscape: bool,
    pub margins: Margins,
    /// The top margin of the section's first page, if it differs (the memo's emblem sits
    /// 1.5 cm from the top; its continuation pages keep the usual margin).
    pub first_top: Option<f32>,
}

impl PageSpec {
    pub fn portrait() -> Self {
        PageSpec::default()
    }
    /// Landscape A4; the margins keep their roles (the binding edge stays left).
    pub fn landscape() -> Self {
        PageSpec {
            landscape: true,
            margins: Margins { left: 2.5 * CM, right: 2.0 * CM, top: 2.5 * CM, bottom: 2.0 * CM },
            first_top: None,
        }
    }
    pub fn size(&self) -> (f32, f32) {
        if self.landscape {
            (A4.1, A4.0)
        } else {
            A4
        }
    }
    pub fn content_width(&self) -> f32 {
        self.size().0 - self.margins.left - self.margins.right
    }
    pub fn content_height(&self) -> f32 {
        self.size().1 - self.margins.top - self.margins.bottom
    }
}

/// A label and its value over a dotted leader that runs to the right edge of its column
/// (ส่วนราชการ …, เรื่อง …).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub label: Span,
    pub value: Vec<Span>,
}

/// A signature block centred in its column: space or an image to sign on, (name), then
/// position lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    pub image: Option<Arc<ImageData>>,
    /// What the signature image is, for the tagged PDF ("ลายมือชื่อ …").
    pub image_alt: String,
    /// Height reserved for the signature.
    pub sign_height: f32,
    /// Words before and after a dotted signing line ("ลงชื่อ" … "ผู้รายงาน"), if any.
    pub sign_line: Option<(Span, Span)>,
    pub lines: Vec<Paragraph>,
}

#[derive(Clone, Debug)]
pub enum Block {
    Para(Paragraph),
    /// Vertical space; dropped at the top of a page.
    Space(f32),
    Table(Table),
    /// A raster image scaled into `max_w` × `max_h`, aligned in the column; `alt` says
    /// what it shows (the tagged PDF's figure text).
    Image {
        image: Arc<ImageData>,
        max_w: f32,
        max_h: f32,
        align: Align,
        alt: String,
    },
    /// A vector graphic `height` high (width from its aspect), aligned in the column.
    Graphic {
        graphic: Arc<VectorGraphic>,
        height: f32,
        align: Align,
        alt: String,
    },
    Chart(BarChart),
    /// Fields side by side on one line: (field, share of the width).
    Fields(Vec<(Field, f32)>),
    /// `count` empty dotted lines to write on by hand.
    DottedLines {
        count: usize,
        indent: f32,
    },
    Signature(Signature),
    /// Blocks laid out over one another from the same top (emblem beside a centred title).
    Layers(Vec<Block>),
    /// Columns side by side: (share of the width, blocks).
    Columns(Vec<(f32, Vec<Block>)>),
    /// Columns whose last blocks start level (signatures under comments of different
    /// lengths sign on one line).
    SignedColumns(Vec<(f32, Vec<Block>)>),
    /// Kept on one page when they fit on one.
    Keep(Vec<Block>),
    /// Start a new page.
    PageBreak,
}

/// When page numbers appear: on every page of the section from the `from`-th (1-based)
/// page of its numbering run; `restart` begins a new run at this section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numbering {
    pub from: usize,
    pub restart: bool,
}

#[derive(Clone, Debug)]
pub struct Section {
    pub page: PageSpec,
    pub numbering: Numbering,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug)]
pub struct DocSpec {
    pub sections: Vec<Section>,
    /// Page numbers in Thai digits (- ๒ -) rather than Arabic (- 2 -).
    pub thai_page_numbers: bool,
    /// Names typed into this document (agency, places, people) that lines never break.
    pub names: Vec<String>,
    /// Body text size: page numbers and hand-writing lines follow it.
    pub body_size: f32,
    pub metadata: Metadata,
    /// A word drawn light across every page ("ร่าง" while the draft has problems).
    pub watermark: Option<String>,
}
