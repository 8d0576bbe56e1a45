//! Three things docx-rs 0.4 cannot say, added to the XML it writes: a table's header rows
//! repeat at the top of every page (`w:tblHeader`), justified Thai is distributed the
//! Thai way (`w:jc w:val="thaiDistribute"`, which spreads a line's space between clusters
//! as Thai typists expect instead of stretching its few spaces), and page numbers are in
//! Thai digits (`w:pgNumType w:fmt="thaiNumbers"`; the PAGE field's own ThaiArabic switch
//! reads as Thai letters in LibreOffice). The font table also names Sarabun as the
//! alternative of TH SarabunIT๙ (`w:altName`), for machines without it.
//!
//! Header rows are marked with `w:cantSplit` (docx-rs has it; a heading row never splits),
//! and only those rows get `w:tblHeader` beside it. Paragraphs set as "distribute" are the
//! app's justified ones.

use super::DocxError;
use docx_rs::XMLDocx;

/// Written as the page numbering's chapter style, replaced by the Thai digits format.
pub const THAI_NUMBERS_MARK: &str = "prongsai-thai-numbers";
const THAI_NUMBERS_ATTR: &str = "w:chapStyle=\"prongsai-thai-numbers\"";
const THAI_NUMBERS: &str = "w:fmt=\"thaiNumbers\"";
const CANT_SPLIT: &str = "<w:cantSplit />";
const HEADER: &str = "<w:cantSplit /><w:tblHeader />";
const DISTRIBUTE: &str = "<w:jc w:val=\"distribute\" />";
const THAI_DISTRIBUTE: &str = "<w:jc w:val=\"thaiDistribute\" />";

/// TH SarabunIT๙ in the font table, with Sarabun as its alternative.
fn font_entry() -> String {
    format!(
        "<w:font w:name=\"{}\"><w:altName w:val=\"{}\" /><w:charset w:val=\"DE\" /><w:family w:val=\"swiss\" /><w:pitch w:val=\"variable\" /></w:font></w:fonts>",
        super::FONT,
        super::FALLBACK_FONT
    )
}

/// The package with the document's XML completed, as .docx bytes.
pub fn finish(mut xml: XMLDocx) -> Result<Vec<u8>, DocxError> {
    let document = String::from_utf8(std::mem::take(&mut xml.document)).map_err(|e| DocxError(e.to_string()))?;
    xml.document = document
        .replace(CANT_SPLIT, HEADER)
        .replace(DISTRIBUTE, THAI_DISTRIBUTE)
        .replace(THAI_NUMBERS_ATTR, THAI_NUMBERS)
        .into_bytes();
    let fonts = String::from_utf8(std::mem::take(&mut xml.font_table)).map_err(|e| DocxError(e.to_string()))?;
    xml.font_table = fonts.replacen("</w:fonts>", &font_entry(), 1).into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| DocxError(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_markers_docx_rs_writes_are_the_ones_replaced() {
        let row = docx_rs::TableRow::new(vec![docx_rs::TableCell::new()]);
        let t = docx_rs::Table::new(vec![row.clone().cant_split(), row]);
        let docx = docx_rs::Docx::new()
            .page_num_type(docx_rs::PageNumType::new().chap_style(THAI_NUMBERS_MARK))
            .add_table(t)
            .add_paragraph(docx_rs::Paragraph::new().align(docx_rs::AlignmentType::Distribute));
        let xml = docx.build();
        assert!(String::from_utf8(xml.font_table.clone()).unwrap().ends_with("</w:fonts>"));
        let document = String::from_utf8(xml.document).unwrap();
        assert_eq!(document.matches(CANT_SPLIT).count(), 1, "{document}");
        assert_eq!(document.matches(DISTRIBUTE).count(), 1, "{document}");
        assert_eq!(document.matches(THAI_NUMBERS_ATTR).count(), 1, "{document}");
    }
}
