//! The pipeline, draft → bytes, in one place: `document` (draft → blocks) → `typeset`
//! (blocks → pages) → `pdf` (pages → bytes). The layers themselves know nothing of the
//! ones after them.

use crate::document::{build, DocError, Images};
use crate::model::Draft;
use crate::pdf::{write_pdf, PdfError, PdfOptions};
use crate::typeset::{layout_document, Document, Engine};

/// Why a PDF could not be made; `thai()` is what the officer sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    Document(DocError),
    Pdf(PdfError),
    Docx(crate::docx::DocxError),
}

impl RenderError {
    pub fn thai(&self) -> String {
        match self {
            RenderError::Document(e) => e.thai(),
            RenderError::Pdf(e) => format!("สร้างไฟล์ PDF ไม่สำเร็จ: {e}"),
            RenderError::Docx(e) => e.thai(),
        }
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.thai())
    }
}

impl std::error::Error for RenderError {}

impl From<DocError> for RenderError {
    fn from(e: DocError) -> Self {
        RenderError::Document(e)
    }
}

/// Draft → laid-out pages.
pub fn layout(d: &Draft, images: &Images, engine: &Engine) -> Result<Document, DocError> {
    Ok(layout_document(engine, &build(d, images)?))
}

/// Draft → PDF bytes.
pub fn render_pdf(d: &Draft, images: &Images, engine: &Engine) -> Result<Vec<u8>, RenderError> {
    let doc = layout(d, images, engine)?;
    let options = PdfOptions { pdfa: d.options.pdfa, ..PdfOptions::default() };
    write_pdf(&doc, &engine.fonts, options).map_err(RenderError::Pdf)
}

/// Draft → Word (.docx) bytes, from the same blocks as the PDF.
pub fn render_docx(d: &Draft, images: &Images) -> Result<Vec<u8>, RenderError> {
    crate::docx::write_docx(&build(d, images)?).map_err(RenderError::Docx)
}
