//! The Thai typesetting engine: fonts, shaping, word breaking, paragraphs, tables, charts,
//! pages. Pure Rust with no browser APIs: it runs natively under `cargo test` and unchanged
//! in WebAssembly, so a draft gives the same PDF on both.

pub mod blocks;
pub mod breaks;
pub mod chart;
pub mod engine;
pub mod flow;
pub mod fonts;
pub mod frame;
pub mod furniture;
pub mod image;
pub mod inline;
pub mod outline;
pub mod segment;
pub mod shape;
pub mod structure;
pub mod style;
pub mod table;
pub mod textmap;
pub mod vector;
pub mod watermark;

pub use blocks::{Block, DocSpec, Field, Margins, Numbering, PageSpec, Section, Signature};
pub use chart::{Bar, BarChart};
pub use engine::{Engine, Typesetter};
pub use flow::layout_document;
pub use fonts::Weight;
pub use frame::{Document, Item, Metadata, Page, Rect, Stroke, TextRun};
pub use image::{ImageData, ImageError, ImageKind};
pub use inline::{layout_paragraph, LaidParagraph, Paragraph};
pub use structure::ParaKind;
pub use style::{Align, Rgb, Span, TextStyle, CM};
pub use table::{Cell, Row, Table, VAlign};
pub use vector::{Artifact, VectorGraphic, VectorKind};
