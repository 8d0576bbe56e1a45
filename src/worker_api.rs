//! What the PDF engine does for the browser UI, as plain functions: a draft (JSON) and its
//! images in, PDF bytes or a page preview out. The engine wasm (`bin/prongsai-engine.rs`)
//! runs these in a Web Worker, so a long document never freezes the page; natively they are
//! tested like any other code.

use crate::document::Images;
use crate::model::load_draft;
use crate::pipeline::{layout, render_docx, render_pdf};
use crate::typeset::vector::Segment;
use crate::typeset::{Document, Engine, Item, VectorGraphic, VectorKind, Weight};
use serde::{Deserialize, Serialize};

/// One drawn thing on a preview page; lengths in points, origin top-left.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "k", rename_all = "snake_case")]
pub enum PreviewItem {
    /// A run of text; `w` is its width (the preview stretches the browser's text to it).
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: String,
        w: f32,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: String,
        dash: Option<(f32, f32)>,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<String>,
        stroke: Option<f32>,
    },
    /// An image of the draft, by id.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        id: String,
    },
    /// A drawn decoration (the watermark), as SVG path data in page points.
    Path {
        d: String,
        fill: String,
        opacity: f32,
    },
    /// The Garuda emblem (the UI has it as `garuda.svg`).
    Emblem {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewPage {
    pub w: f32,
    pub h: f32,
    pub items: Vec<PreviewItem>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub pages: Vec<PreviewPage>,
}

fn css(c: crate::typeset::Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The laid-out document as a preview (same positions the PDF uses).
pub fn to_preview(doc: &Document, images: &Images) -> Preview {
    let pages = doc
        .pages
        .iter()
        .map(|p| PreviewPage {
            w: p.width,
            h: p.height,
            items: p
                .items
                .iter()
                .filter_map(|item| {
                    Some(match item {
                        Item::Text(t) => PreviewItem::Text {
                            x: t.x,
                            y: t.y,
                            size: t.size,
                            bold: t.weight == Weight::Bold,
                            color: css(t.color),
                            w: t.width(),
                            text: t.text.clone(),
                        },
                        Item::Line { from, to, stroke } => PreviewItem::Line {
                            x1: from.0,
                            y1: from.1,
                            x2: to.0,
                            y2: to.1,
                            width: stroke.width,
                            color: css(stroke.color),
                            dash: stroke.dash,
                        },
                        Item::Rect { rect, fill, stroke } => PreviewItem::Rect {
                            x: rect.x,
                            y: rect.y,
                            w: rect.w,
                            h: rect.h,
                            fill: fill.map(css),
                            stroke: stroke.map(|s| s.width),
                        },
                        Item::Image { rect, image, .. } => PreviewItem::Image {
                            x: rect.x,
                            y: rect.y,
                            w: rect.w,
                            h: rect.h,
                            id: images.id_of(image)?.to_string(),
                        },
                        Item::Vector { rect, graphic, .. } => match graphic.kind {
                            VectorKind::Emblem => PreviewItem::Emblem { x: rect.x, y: rect.y, w: rect.w, h: rect.h },
                            VectorKind::Artifact(_) => PreviewItem::Path {
                                d: svg_path(graphic),
                                fill: css(graphic.paths[0].fill),
                                opacity: graphic.paths[0].opacity,
                            },
                        },
                    })
                })
                .collect(),
        })
        .collect();
    Preview { pages }
}

/// SVG path data for a graphic whose bounds are its place on the page.
fn svg_path(g: &VectorGraphic) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for seg in g.paths.iter().flat_map(|p| &p.segments) {
        let _ = match *seg {
            Segment::MoveTo(x, y) => write!(d, "M{x:.1} {y:.1}"),
            Segment::LineTo(x, y) => write!(d, "L{x:.1} {y:.1}"),
            Segment::QuadTo(a, b, x, y) => write!(d, "Q{a:.1} {b:.1} {x:.1} {y:.1}"),
            Segment::CubicTo(a, b, c, e, x, y) => write!(d, "C{a:.1} {b:.1} {c:.1} {e:.1} {x:.1} {y:.1}"),
            Segment::Close => write!(d, "Z"),
        };
    }
    d
}

fn images_of(list: Vec<(String, Vec<u8>)>) -> Result<Images, String> {
    let mut images = Images::new();
    for (id, bytes) in list {
        images.insert(id, bytes).map_err(|e| e.thai())?;
    }
    Ok(images)
}

/// What the UI asks the engine's worker. Sent as JSON; the draft travels as the draft file's
/// JSON (read like any draft file, with its migrations and Thai errors), images beside the
/// request as bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Request {
    /// Load the engine now (the officer nears the last step).
    Warm,
    Pdf {
        draft: String,
    },
    /// The same document as a Word file.
    Docx {
        draft: String,
    },
    Preview {
        draft: String,
    },
}

/// What the engine answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    Ready,
    Pdf(Vec<u8>),
    Docx(Vec<u8>),
    /// The preview as JSON (`Preview`), parsed by the UI.
    Preview(String),
}

/// Why the engine could not answer, as the worker passes it back (JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum EngineError {
    /// The engine's code or data did not load (offline on first use, a broken cache).
    Load { reason: String },
    /// The draft could not become a document: a Thai message for the officer.
    Document { message: String },
    /// The engine failed (a bug): what the browser said.
    Crash { reason: String },
}

impl EngineError {
    /// What the officer reads.
    pub fn thai(&self) -> String {
        match self {
            EngineError::Load { reason } => {
                format!("โหลดส่วนสร้างเอกสารไม่สำเร็จ ({reason}) กรุณาตรวจการเชื่อมต่อแล้วลองใหม่")
            }
            EngineError::Document { message } => message.clone(),
            EngineError::Crash { reason } => format!("ส่วนสร้างเอกสารขัดข้อง ({reason}) กรุณาลองใหม่อีกครั้ง"),
        }
    }

    /// The error as the worker sends it (JSON); anything else that reaches the UI (a worker
    /// that would not start) is a load failure.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json_or_load(text: &str) -> EngineError {
        serde_json::from_str(text).unwrap_or_else(|_| EngineError::Load { reason: text.to_string() })
    }
}

/// Answers one request (JSON) with the images named by the draft.
pub fn handle(engine: &Engine, request: &str, images: Vec<(String, Vec<u8>)>) -> Result<Reply, EngineError> {
    let document = |message: String| EngineError::Document { message };
    let request: Request =
        serde_json::from_str(request).map_err(|e| EngineError::Crash { reason: format!("request: {e}") })?;
    match request {
        Request::Warm => Ok(Reply::Ready),
        Request::Pdf { draft } => {
            let draft = load_draft(&draft).map_err(|e| document(e.thai()))?;
            let images = images_of(images).map_err(document)?;
            render_pdf(&draft, &images, engine).map(Reply::Pdf).map_err(|e| document(e.thai()))
        }
        Request::Docx { draft } => {
            let draft = load_draft(&draft).map_err(|e| document(e.thai()))?;
            let images = images_of(images).map_err(document)?;
            render_docx(&draft, &images).map(Reply::Docx).map_err(|e| document(e.thai()))
        }
        Request::Preview { draft } => {
            let draft = load_draft(&draft).map_err(|e| document(e.thai()))?;
            let images = images_of(images).map_err(document)?;
            let doc = layout(&draft, &images, engine).map_err(|e| document(e.thai()))?;
            let json = serde_json::to_string(&to_preview(&doc, &images))
                .map_err(|e| EngineError::Crash { reason: e.to_string() })?;
            Ok(Reply::Preview(json))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_matches_the_pdf_layout() {
        let draft = crate::catalog::example::example_draft();
        let json = serde_json::to_string(&draft).unwrap();
        let ask = |r: Request| serde_json::to_string(&r).unwrap();
        let photo = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signature.png")).unwrap();
        let mut with_sig = draft.clone();
        with_sig.signers.reporter.signature = Some("sig-1".into());
        let json_sig = serde_json::to_string(&with_sig).unwrap();
        let engine = Engine::embedded();

        let Ok(Reply::Preview(p)) =
            handle(engine, &ask(Request::Preview { draft: json_sig }), vec![("sig-1".into(), photo.clone())])
        else {
            panic!("no preview")
        };
        let p: Preview = serde_json::from_str(&p).unwrap();
        let doc = layout(&with_sig, &images_of(vec![("sig-1".into(), photo)]).unwrap(), engine).unwrap();
        assert_eq!(p.pages.len(), doc.pages.len());
        let texts = |p: &Preview| {
            p.pages[0]
                .items
                .iter()
                .filter_map(|i| if let PreviewItem::Text { text, .. } = i { Some(text.clone()) } else { None })
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&p), doc.pages[0].text_runs().map(|r| r.text.clone()).collect::<Vec<_>>());
        assert!(p.pages[0].items.iter().any(|i| matches!(i, PreviewItem::Emblem { .. })), "the memo's emblem");
        assert!(
            p.pages
                .iter()
                .flat_map(|pg| &pg.items)
                .any(|i| matches!(i, PreviewItem::Image { id, .. } if id == "sig-1")),
            "the signature by id"
        );

        let Ok(Reply::Pdf(bytes)) = handle(engine, &ask(Request::Pdf { draft: json.clone() }), Vec::new()) else {
            panic!("no PDF")
        };
        assert!(bytes.starts_with(b"%PDF-"));
        assert_eq!(handle(engine, &ask(Request::Warm), Vec::new()), Ok(Reply::Ready));
        // A broken draft and a file that is not an image are the officer's messages, in Thai.
        let broken = handle(engine, &ask(Request::Pdf { draft: "{broken".into() }), Vec::new()).unwrap_err();
        assert!(matches!(&broken, EngineError::Document { message } if message.contains("JSON")), "{broken:?}");
        let not_image =
            handle(engine, &ask(Request::Pdf { draft: json }), vec![("x".into(), b"not an image".to_vec())]);
        assert!(matches!(not_image, Err(EngineError::Document { ref message }) if message.contains("JPEG")));
        // Errors cross the worker as JSON; anything else is a load failure.
        assert_eq!(EngineError::from_json_or_load(&broken.to_json()), broken);
        assert!(matches!(EngineError::from_json_or_load("HTTP 404"), EngineError::Load { .. }));
        assert!(handle(engine, "nonsense", Vec::new()).unwrap_err().thai().contains("ขัดข้อง"));
    }
}
