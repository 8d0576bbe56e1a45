//! The document: a pure function from a draft to blocks.
//!
//! `build` turns the draft into blocks (memo, cover, preface, ITA analysis, measures table,
//! photos, recommendations, signatures); `typeset` lays them out and `pdf` writes the bytes
//! (`pipeline` runs the three).

mod analysis;
mod announcement;
mod cover;
pub mod images;
pub mod lists;
mod measures;
mod memo;
mod memo_body;
mod photos;
pub mod style;

pub use images::Images;
pub use lists::strip_number as strip_list_number;
pub use measures::header_titles;

/// A measure group's title as the document prints it (Thai digits).
pub fn group_title(d: &Draft, g: &crate::model::MeasureGroup) -> String {
    measures::group_heading(g, &d.ita, crate::thai::Digits::Thai)
}

use crate::model::Draft;
use crate::typeset::{DocSpec, ImageError, Metadata};

/// Why a document could not be made; `thai()` is what the officer sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    MissingImage(String),
    BadImage(String, ImageError),
}

impl DocError {
    pub fn thai(&self) -> String {
        match self {
            DocError::MissingImage(id) => format!("ไม่พบไฟล์ภาพ \"{id}\" ที่ร่างรายงานอ้างถึง"),
            DocError::BadImage(id, ImageError::UnsupportedFormat) => {
                format!("ไฟล์ \"{id}\" ไม่ใช่ภาพที่รองรับ (ใช้ได้เฉพาะ JPEG หรือ PNG)")
            }
            DocError::BadImage(id, ImageError::Corrupt) => format!("ไฟล์ภาพ \"{id}\" เสียหาย อ่านขนาดภาพไม่ได้"),
        }
    }
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.thai())
    }
}

impl std::error::Error for DocError {}

/// The whole document as blocks, ready to lay out.
pub fn build(d: &Draft, images: &Images) -> Result<DocSpec, DocError> {
    let parts = d.options.parts;
    let measures_document = d.options.document == crate::model::DocumentKind::Measures;
    let mut sections = Vec::new();
    if parts.memo {
        sections.push(memo::memo(d, images)?);
    }
    let report_starts = sections.len();
    if parts.cover {
        let mut cover = cover::cover_and_preface(d, images)?;
        // The measures are announced, not prefaced.
        if measures_document {
            cover.truncate(1);
        }
        sections.extend(cover);
    }
    if parts.analysis {
        sections.push(analysis::analysis(d));
    }
    if measures_document {
        // The announcement puts the plan that follows it in force.
        sections.push(announcement::announcement(d, images)?);
        if parts.measures {
            sections.push(measures::measures(d));
        }
    } else {
        if parts.measures {
            sections.push(measures::measures(d));
        }
        if parts.photos {
            sections.extend(photos::photos(d, images)?);
        }
        if parts.any_report() {
            sections.push(cover::closing(d, images)?);
        }
    }
    // Without its cover the report still starts its own page count (numbers from page ๒).
    if !parts.cover {
        if let Some(first) = sections.get_mut(report_starts) {
            first.numbering = crate::typeset::Numbering { from: 2, restart: true };
        }
    }
    let title = crate::catalog::wording::report_title(d);
    let metadata = Metadata {
        title: format!("{title} {}", d.agency.full_name()).trim().to_string(),
        author: d.agency.full_name(),
        subject: crate::catalog::wording::memo_subject(d),
        language: "th-TH".into(),
        // The memo's date (or the end of the period): reproducible, and PDF/A needs one.
        date: Some(d.memo.date.unwrap_or(d.report.period().1))
            .map(|dt| (dt.ce_year().clamp(1, 9999) as u16, dt.month, dt.day)),
    };
    Ok(DocSpec {
        sections,
        thai_page_numbers: d.options.digits == crate::thai::Digits::Thai,
        names: names(d),
        body_size: style::BODY,
        metadata,
        watermark: marked_as_draft(d).then(|| "ร่าง".to_string()),
    })
}

/// A document made while the draft still has problems (missing, invalid or stale values)
/// says so on every page, unless the officer turned that off knowingly.
pub fn marked_as_draft(d: &Draft) -> bool {
    d.options.watermark && !crate::model::validate(d).is_empty()
}

/// Names the officer typed, which lines must never break inside: the agency's own name,
/// its district and province, and each word of every signer's name.
fn names(d: &Draft) -> Vec<String> {
    let a = &d.agency;
    let mut out: Vec<String> = [&a.name, &a.district, &a.province].iter().map(|n| n.trim().to_string()).collect();
    for (_, signer) in d.signers.iter() {
        for word in signer.name.split_whitespace() {
            out.push(word.to_string());
            for title in ["นางสาว", "นาง", "นาย"] {
                if let Some(rest) = word.strip_prefix(title) {
                    out.push(rest.to_string());
                }
            }
        }
    }
    out.retain(|n| n.chars().all(crate::thai::chars::is_thai_letter) && !n.is_empty());
    out.sort();
    out.dedup();
    out
}

/// The line pitch of body paragraphs (the engine's default).
fn paragraph_leading() -> f32 {
    crate::typeset::inline::DEFAULT_LEADING
}
