//! The document as a Word file (.docx), for the last edits that happen outside the app (the
//! executive's wording, an e-saraban system that wants Word). It is written from the same
//! blocks as the PDF (`document::build`), in the same order, but lets Word lay them out:
//! paragraphs with their alignment and indents, tables as real Word tables with their
//! header rows repeated on every page, columns of signatures as borderless tables, one
//! Word section per part (the measures in landscape), page numbers "- ๒ -" in the footer.
//!
//! Text is set in TH SarabunIT๙ 16 pt (the font officers have installed, named so Word uses
//! it), with Sarabun named as its alternative. The chart is left out: its figures are the
//! indicator table's, which is there.
//!
//! `docx-rs` writes the package; two things it cannot say yet (a repeated table header,
//! Thai distributed alignment) are added to its XML in `patch`.

mod patch;

use crate::document::style::TH_SARABUN;
use crate::typeset::{Align, Block, DocSpec, Field, ImageData, Paragraph as Para, Section, Signature, Span};
use crate::typeset::{Cell, Row, Table};
use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrText, LineSpacing, PageMargin, PageNumType,
    PageOrientationType, Paragraph, Pic, Run, RunFonts, Shading, ShdType, TableCell, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};

/// The font Thai official documents are typed in, and the one the app prints with.
pub const FONT: &str = "TH SarabunIT๙";
pub const FALLBACK_FONT: &str = "Sarabun";

/// Why a Word file could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxError(pub String);

impl DocxError {
    pub fn thai(&self) -> String {
        format!("สร้างไฟล์ Word ไม่สำเร็จ: {}", self.0)
    }
}

/// Points to twentieths of a point (Word's unit for lengths).
fn twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

/// Points to English Metric Units (images).
fn emu(pt: f32) -> u32 {
    (pt.max(0.0) * 12700.0).round() as u32
}

/// A size the app sets in Sarabun, as the TH Sarabun size officers know, in half-points.
fn half_points(size: f32) -> usize {
    (size / TH_SARABUN * 2.0).round() as usize
}

fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT)
}

fn run(span: &Span) -> Run {
    let mut r = Run::new().add_text(span.text.clone()).size(half_points(span.style.size)).fonts(fonts());
    if span.style.weight == crate::typeset::Weight::Bold {
        r = r.bold();
    }
    let c = span.style.color;
    if (c.0, c.1, c.2) != (0, 0, 0) {
        r = r.color(format!("{:02X}{:02X}{:02X}", c.0, c.1, c.2));
    }
    r
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        // Written as "distribute" and turned into Thai distribution by `patch`.
        Align::Justify => AlignmentType::Distribute,
    }
}

/// A paragraph: its spans as runs, a list label before them at the hanging indent.
fn paragraph(p: &Para) -> Paragraph {
    let mut out = Paragraph::new().align(alignment(p.align));
    let mut first_line = p.first_indent;
    if let Some(label) = &p.label {
        for s in &label.spans {
            out = out.add_run(run(s));
        }
        out = out.add_run(Run::new().add_tab());
        // The label hangs from its own x to the text's indent.
        first_line = label.x - p.left_indent;
    }
    for s in &p.spans {
        // Lines the officer typed stay lines.
        let mut parts = s.text.split('\n').peekable();
        while let Some(part) = parts.next() {
            out = out.add_run(run(&Span::new(part, s.style)));
            if parts.peek().is_some() {
                out = out.add_run(Run::new().add_break(BreakType::TextWrapping));
            }
        }
    }
    let (special, chars) = if first_line < 0.0 {
        (Some(docx_rs::SpecialIndentType::Hanging(twips(-first_line))), None)
    } else if first_line > 0.0 {
        (Some(docx_rs::SpecialIndentType::FirstLine(twips(first_line))), None)
    } else {
        (None, None)
    };
    out = out.indent(Some(twips(p.left_indent)), special, Some(twips(p.right_indent)), chars);
    out = out.line_spacing(LineSpacing::new().before(twips(p.space_before) as u32).after(twips(p.space_after) as u32));
    if p.keep_with_next {
        out = out.keep_next(true);
    }
    out
}

/// What goes into a section or a cell, in order (short-lived: size does not matter).
#[allow(clippy::large_enum_variant)]
enum Child {
    Para(Paragraph),
    Table(docx_rs::Table),
}

/// An empty line `pt` high.
fn space(pt: f32) -> Paragraph {
    Paragraph::new()
        .line_spacing(LineSpacing::new().line(twips(pt.max(1.0))).line_rule(docx_rs::LineSpacingType::Exact))
}

fn picture(image: &ImageData, w: f32, h: f32) -> Pic {
    Pic::new_with_dimensions(image.bytes.to_vec(), image.width_px, image.height_px).size(emu(w), emu(h))
}

/// The emblem as a picture (Word has no place for the vector drawing the PDF uses).
fn garuda(height: f32) -> Pic {
    const PNG: &[u8] = include_bytes!("garuda.png");
    // The bundled PNG's size in pixels.
    let (w, h) = (600u32, 600u32);
    Pic::new_with_dimensions(PNG.to_vec(), w, h).size(emu(height * w as f32 / h as f32), emu(height))
}

struct Writer {
    width: f32,
}

impl Writer {
    fn blocks(&self, blocks: &[Block], width: f32, out: &mut Vec<Child>) {
        for b in blocks {
            self.block(b, width, out);
        }
    }

    fn block(&self, b: &Block, width: f32, out: &mut Vec<Child>) {
        match b {
            Block::Para(p) => out.push(Child::Para(paragraph(p))),
            Block::Space(pt) => out.push(Child::Para(space(*pt))),
            Block::Table(t) => out.push(Child::Table(self.table(t, width))),
            Block::Image { image, max_w, max_h, align, .. } => {
                let (w, h) = image.fit(max_w.min(width), *max_h);
                out.push(Child::Para(
                    Paragraph::new().align(alignment(*align)).add_run(Run::new().add_image(picture(image, w, h))),
                ));
            }
            Block::Graphic { height, align, .. } => out.push(Child::Para(
                Paragraph::new().align(alignment(*align)).add_run(Run::new().add_image(garuda(*height))),
            )),
            // The chart's figures are in the indicator table above it.
            Block::Chart(_) => {}
            Block::Fields(fields) => out.push(Child::Para(fields_paragraph(fields))),
            Block::DottedLines { count, indent } => {
                for _ in 0..*count {
                    let dots = ".".repeat(((width - indent) / 3.2).max(10.0) as usize);
                    out.push(Child::Para(Paragraph::new().indent(Some(twips(*indent)), None, None, None).add_run(
                        Run::new().add_text(dots).size(half_points(crate::document::style::BODY)).fonts(fonts()),
                    )));
                }
            }
            Block::Signature(sig) => out.extend(signature(sig).into_iter().map(Child::Para)),
            // The emblem beside the title: one after the other.
            Block::Layers(layers) => self.blocks(layers, width, out),
            Block::Columns(cols) | Block::SignedColumns(cols) => out.push(Child::Table(self.columns(cols, width))),
            Block::Keep(inner) => {
                let start = out.len();
                self.blocks(inner, width, out);
                // Kept together: every paragraph but the last stays with the next.
                let end = out.len();
                for (i, c) in out[start..end].iter_mut().enumerate() {
                    if i + start + 1 < end {
                        if let Child::Para(p) = c {
                            *p = p.clone().keep_next(true);
                        }
                    }
                }
            }
            Block::PageBreak => out.push(Child::Para(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))),
        }
    }

    /// Columns side by side as a table without borders.
    fn columns(&self, cols: &[(f32, Vec<Block>)], width: f32) -> docx_rs::Table {
        let total: f32 = cols.iter().map(|(s, _)| s).sum::<f32>().max(f32::EPSILON);
        let widths: Vec<f32> = cols.iter().map(|(s, _)| s / total * width).collect();
        let cells = cols
            .iter()
            .zip(&widths)
            .map(|((_, blocks), w)| {
                let mut children = Vec::new();
                self.blocks(blocks, *w, &mut children);
                cell_of(children).width(twips(*w) as usize, WidthType::Dxa)
            })
            .collect();
        docx_rs::Table::without_borders(vec![TableRow::new(cells)])
            .set_grid(widths.iter().map(|w| twips(*w) as usize).collect())
            .layout(TableLayoutType::Fixed)
            .width(twips(width) as usize, WidthType::Dxa)
    }

    fn table(&self, t: &Table, width: f32) -> docx_rs::Table {
        let total: f32 = t.columns.iter().sum::<f32>().max(f32::EPSILON);
        let widths: Vec<usize> = t.columns.iter().map(|c| twips(c / total * width) as usize).collect();
        let mut rows = Vec::new();
        // Header rows: colspans as grid spans, rowspans as vertical merges.
        let mut pending: Vec<usize> = vec![0; t.columns.len()];
        for header in &t.header {
            let mut cells = Vec::new();
            let mut col = 0;
            let mut it = header.iter();
            while col < t.columns.len() {
                if pending[col] > 0 {
                    pending[col] -= 1;
                    cells.push(TableCell::new().vertical_merge(VMergeType::Continue).add_paragraph(Paragraph::new()));
                    col += 1;
                    continue;
                }
                let Some(c) = it.next() else { break };
                let mut cell = self.cell(c);
                if c.rowspan > 1 {
                    cell = cell.vertical_merge(VMergeType::Restart);
                    for p in pending.iter_mut().skip(col).take(c.colspan) {
                        *p = c.rowspan - 1;
                    }
                }
                cells.push(cell);
                col += c.colspan;
            }
            // A heading row never splits; `patch` repeats it on every page.
            rows.push(TableRow::new(cells).cant_split());
        }
        for row in &t.rows {
            let cells = match row {
                Row::Cells(cells) => cells.iter().map(|c| self.cell(c)).collect(),
                Row::Group(c) => {
                    let mut one = c.clone();
                    one.colspan = t.columns.len();
                    vec![self.cell(&one)]
                }
            };
            rows.push(TableRow::new(cells));
        }
        docx_rs::Table::new(rows)
            .set_grid(widths)
            .layout(TableLayoutType::Fixed)
            .width(twips(width) as usize, WidthType::Dxa)
    }

    fn cell(&self, c: &Cell) -> TableCell {
        let mut cell = TableCell::new();
        for p in &c.content {
            cell = cell.add_paragraph(paragraph(p));
        }
        if c.content.is_empty() {
            cell = cell.add_paragraph(Paragraph::new());
        }
        if c.colspan > 1 {
            cell = cell.grid_span(c.colspan);
        }
        if let Some(fill) = c.fill {
            cell = cell.shading(
                Shading::new().shd_type(ShdType::Clear).fill(format!("{:02X}{:02X}{:02X}", fill.0, fill.1, fill.2)),
            );
        }
        if c.valign == crate::typeset::VAlign::Middle {
            cell = cell.vertical_align(VAlignType::Center);
        }
        cell
    }
}

fn cell_of(children: Vec<Child>) -> TableCell {
    let mut cell = TableCell::new();
    let empty = children.is_empty();
    for c in children {
        cell = match c {
            Child::Para(p) => cell.add_paragraph(p),
            Child::Table(t) => cell.add_table(t),
        };
    }
    if empty {
        cell = cell.add_paragraph(Paragraph::new());
    }
    cell
}

/// ส่วนราชการ … ที่ … วันที่ …: labels bold, values after them, fields apart by a tab.
fn fields_paragraph(fields: &[(Field, f32)]) -> Paragraph {
    let mut p = Paragraph::new();
    for (i, (f, _)) in fields.iter().enumerate() {
        if i > 0 {
            p = p.add_run(Run::new().add_tab());
        }
        p = p.add_run(run(&f.label)).add_run(run(&Span::new("  ", f.label.style)));
        for v in &f.value {
            p = p.add_run(run(v));
        }
    }
    p
}

/// A signature: the image (or room to sign), the signing line if any, then the lines.
fn signature(sig: &Signature) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut sign = Paragraph::new().align(AlignmentType::Center);
    if let Some(image) = &sig.image {
        let (w, h) = image.fit(6.0 * crate::typeset::CM, sig.sign_height);
        sign = sign.add_run(Run::new().add_image(picture(image, w, h)));
        out.push(sign);
    } else {
        out.push(space(sig.sign_height * 0.6));
    }
    if let Some((before, after)) = &sig.sign_line {
        out.push(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(run(before))
                .add_run(run(&Span::new(" ........................................ ", before.style)))
                .add_run(run(after)),
        );
    }
    out.extend(sig.lines.iter().map(|l| paragraph(&l.clone().align(Align::Center))));
    out
}

/// The footer's page number, "- ๒ -": the digits are the section's number format
/// (`numbering`).
fn page_number(size: f32) -> Footer {
    let format = "PAGE";
    let sized = |r: Run| r.size(half_points(size)).fonts(fonts());
    let p = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(sized(Run::new().add_text("- ")))
        .add_run(
            sized(Run::new())
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::Unsupported(format.to_string()))
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false),
        )
        .add_run(sized(Run::new().add_text(" -")));
    Footer::new().add_paragraph(p)
}

/// A section's page numbering: where it starts, and Thai digits when the draft wants them
/// (marked for `patch`, which writes Word's `w:fmt="thaiNumbers"`).
fn numbering(thai: bool, start: Option<u32>) -> PageNumType {
    let mut n = PageNumType::new();
    if let Some(s) = start {
        n = n.start(s);
    }
    if thai {
        n = n.chap_style(patch::THAI_NUMBERS_MARK);
    }
    n
}

fn margin(s: &Section) -> PageMargin {
    let m = s.page.margins;
    PageMargin::new()
        .top(twips(s.page.first_top.unwrap_or(m.top)))
        .bottom(twips(m.bottom))
        .left(twips(m.left))
        .right(twips(m.right))
        .header(twips(1.0 * crate::typeset::CM))
        .footer(twips(1.0 * crate::typeset::CM))
}

/// The document as a .docx file.
pub fn write_docx(spec: &DocSpec) -> Result<Vec<u8>, DocxError> {
    let mut docx = Docx::new().default_fonts(fonts()).default_size(half_points(spec.body_size));
    let last = spec.sections.len().saturating_sub(1);
    for (i, s) in spec.sections.iter().enumerate() {
        let (w, h) = s.page.size();
        let writer = Writer { width: s.page.content_width() };
        let mut children = Vec::new();
        writer.blocks(&s.blocks, writer.width, &mut children);
        let orient = if s.page.landscape { PageOrientationType::Landscape } else { PageOrientationType::Portrait };
        // Page numbers from the section's `from`-th page: a first page of its own without.
        let numbered = s.numbering.from <= 1;
        let start = s.numbering.restart.then_some(1);
        if i < last {
            let mut section = docx_rs::Section::new()
                .page_size(docx_rs::PageSize::new().size(twips(w) as u32, twips(h) as u32).orient(orient))
                .page_orient(orient)
                .page_margin(margin(s))
                .footer(page_number(spec.body_size))
                .page_num_type(numbering(spec.thai_page_numbers, start));
            if !numbered {
                section = section.title_pg().first_footer(Footer::new());
            }
            for c in children {
                section = match c {
                    Child::Para(p) => section.add_paragraph(p),
                    Child::Table(t) => section.add_table(t),
                };
            }
            docx = docx.add_section(section);
        } else {
            docx = docx.page_size(twips(w) as u32, twips(h) as u32).page_orient(orient).page_margin(margin(s));
            docx = docx.footer(page_number(spec.body_size)).page_num_type(numbering(spec.thai_page_numbers, start));
            if !numbered {
                docx = docx.first_footer(Footer::new());
            }
            for c in children {
                docx = match c {
                    Child::Para(p) => docx.add_paragraph(p),
                    Child::Table(t) => docx.add_table(t),
                };
            }
        }
    }
    let xml = docx.build();
    patch::finish(xml)
}
