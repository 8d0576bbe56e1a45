//! Inline layout: a paragraph's styled text → laid-out lines, in stages, one a file (the
//! shape of typst's `typst-layout/src/inline/`):
//!
//! 1. `collect`: spans → one text with style ranges;
//! 2. `prepare`: break opportunities → shaped pieces, and the text's cluster boundaries;
//! 3. `linebreak`: greedy filling into `Line`s (`split` cuts a piece wider than a line);
//! 4. `line`: a line's glyphs with the text each stands for, justified (`justify`) and
//!    aligned, merged into runs;
//! 5. here, finalize: the label on the first line, the paragraph's spacing.

mod collect;
mod justify;
mod line;
mod linebreak;
mod prepare;
mod split;

use super::engine::Typesetter;
use super::frame::TextRun;
use super::structure::ParaKind;
use super::style::{Align, Span, TextStyle};
use collect::Styled;
use line::{build_line, LineSpec};
use prepare::Preparation;

/// Line pitch as a multiple of the font size. Sarabun's own metrics give 1.30 em, which
/// crowds stacked marks between lines; documents set in TH Sarabun 16 pt (Sarabun about
/// 10.5 pt, see `document::style`) run about 20 pt a line, 35 lines to an A4 page.
pub const DEFAULT_LEADING: f32 = 1.9;

/// A hanging label (list number, bullet) drawn at `x` on the first line.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub spans: Vec<Span>,
    pub x: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub spans: Vec<Span>,
    pub align: Align,
    /// Extra indent of the first line (after `left_indent`).
    pub first_indent: f32,
    pub left_indent: f32,
    pub right_indent: f32,
    pub label: Option<Label>,
    pub space_before: f32,
    pub space_after: f32,
    /// Line pitch as a multiple of the largest font size on the line.
    pub leading: f32,
    /// Do not end a page right after this paragraph (headings).
    pub keep_with_next: bool,
    /// A body paragraph, a heading or a list item (for the tagged PDF).
    pub kind: ParaKind,
}

impl Paragraph {
    pub fn new(spans: Vec<Span>) -> Self {
        Paragraph {
            spans,
            align: Align::Left,
            first_indent: 0.0,
            left_indent: 0.0,
            right_indent: 0.0,
            label: None,
            space_before: 0.0,
            space_after: 0.0,
            leading: DEFAULT_LEADING,
            keep_with_next: false,
            kind: ParaKind::Body,
        }
    }

    pub fn kind(mut self, kind: ParaKind) -> Self {
        self.kind = kind;
        self
    }

    pub fn text(text: impl Into<String>, style: TextStyle) -> Self {
        Self::new(vec![Span::new(text, style)])
    }

    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
    pub fn first_indent(mut self, v: f32) -> Self {
        self.first_indent = v;
        self
    }
    pub fn left_indent(mut self, v: f32) -> Self {
        self.left_indent = v;
        self
    }
    pub fn right_indent(mut self, v: f32) -> Self {
        self.right_indent = v;
        self
    }
    pub fn label(mut self, spans: Vec<Span>, x: f32) -> Self {
        self.label = Some(Label { spans, x });
        self
    }
    pub fn space_before(mut self, v: f32) -> Self {
        self.space_before = v;
        self
    }
    pub fn space_after(mut self, v: f32) -> Self {
        self.space_after = v;
        self
    }
    pub fn leading(mut self, v: f32) -> Self {
        self.leading = v;
        self
    }
    pub fn keep_with_next(mut self) -> Self {
        self.keep_with_next = true;
        self
    }

    /// The whole text, as the reader will copy it out of the PDF.
    pub fn plain_text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    fn base_size(&self) -> f32 {
        self.spans.iter().map(|s| s.style.size).fold(0.0, f32::max).max(1.0)
    }
}

/// One laid-out line; runs have x from the paragraph's left edge and y = baseline from the
/// line's top.
#[derive(Clone, Debug, PartialEq)]
pub struct LaidLine {
    pub height: f32,
    pub runs: Vec<TextRun>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaidParagraph {
    pub lines: Vec<LaidLine>,
    pub space_before: f32,
    pub space_after: f32,
    pub keep_with_next: bool,
    /// How many runs at the start of the first line are the label.
    pub label_runs: usize,
}

impl LaidParagraph {
    pub fn height(&self) -> f32 {
        self.space_before + self.lines_height() + self.space_after
    }
    pub fn lines_height(&self) -> f32 {
        self.lines.iter().map(|l| l.height).sum()
    }
}

/// Lays out `p` in a box `width` points wide.
pub fn layout_paragraph(ts: &mut Typesetter, p: &Paragraph, width: f32) -> LaidParagraph {
    let mut prep = Preparation::new(ts, Styled::new(&p.spans));
    let inner = (width - p.left_indent - p.right_indent).max(1.0);
    let first_avail = (inner - p.first_indent).max(1.0);
    let lines = linebreak::break_lines(ts, &mut prep, first_avail, inner);
    let count = lines.len();
    let mut label_runs = 0;
    let laid = lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let spec = LineSpec {
                indent: p.left_indent + if n == 0 { p.first_indent } else { 0.0 },
                avail: if n == 0 { first_avail } else { inner },
                align: p.align,
                justify: false,
                base_size: p.base_size(),
                leading: p.leading,
            }
            .justify_unless_last(line, n + 1 == count);
            let mut laid = build_line(ts, &prep, line, &spec);
            if let (0, Some(label)) = (n, &p.label) {
                label_runs = add_label(ts, &mut laid, label, p.base_size(), p.leading);
            }
            laid
        })
        .collect();
    LaidParagraph {
        lines: laid,
        space_before: p.space_before,
        space_after: p.space_after,
        keep_with_next: p.keep_with_next,
        label_runs,
    }
}

/// Baseline offset from the top of a line of `height` holding text of `size`.
fn baseline(ts: &Typesetter, height: f32, size: f32) -> f32 {
    let f = &ts.engine.fonts.regular;
    let (asc, desc) = (f.ascender, f.descender);
    (height - (asc - desc) * size) / 2.0 + asc * size
}

/// Puts the label's runs first on `line`; returns how many.
fn add_label(ts: &mut Typesetter, line: &mut LaidLine, label: &Label, base_size: f32, leading: f32) -> usize {
    let p = Paragraph::new(label.spans.clone()).leading(leading);
    let laid = layout_paragraph(ts, &p, 10_000.0);
    let Some(first) = laid.lines.into_iter().next() else { return 0 };
    // Align baselines: the label line may be of another size.
    let base = line.runs.first().map_or_else(|| baseline(ts, line.height, base_size), |r| r.y);
    // Drawn first, so copied text reads "๑. item", not "item ๑.".
    let n = first.runs.len();
    for (i, mut run) in first.runs.into_iter().enumerate() {
        run.x += label.x;
        run.y = base;
        line.runs.insert(i, run);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::engine::Engine;

    fn laid(text: &str, width: f32, align: Align) -> LaidParagraph {
        let mut ts = Typesetter::new(Engine::embedded());
        let p = Paragraph::text(text, TextStyle::regular(16.0)).align(align);
        layout_paragraph(&mut ts, &p, width)
    }

    fn line_texts(p: &LaidParagraph) -> Vec<String> {
        p.lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect()).collect()
    }

    #[test]
    fn short_text_is_one_line() {
        let p = laid("ที่ ปู่ ป่า ฟ้า", 400.0, Align::Left);
        assert_eq!(line_texts(&p), vec!["ที่ ปู่ ป่า ฟ้า"]);
    }

    #[test]
    fn lines_break_between_words_and_fit() {
        let text = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน".repeat(3);
        let p = laid(&text, 200.0, Align::Justify);
        let lines = line_texts(&p);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), text);
        for (i, l) in p.lines.iter().enumerate() {
            let w: f32 = l.runs.iter().map(|r| r.width()).sum();
            assert!(w <= 200.01, "line {i} is {w} wide");
            if i + 1 < p.lines.len() {
                assert!(w > 190.0, "justified line {i} is only {w} wide");
            }
        }
    }

    #[test]
    fn overlong_word_is_cut_at_clusters() {
        let text = "ก".repeat(10) + "ที่" + &"ข".repeat(10);
        let p = laid(&text, 60.0, Align::Left);
        let lines = line_texts(&p);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), text);
        for l in &lines {
            let first = l.chars().next().unwrap();
            assert!(!crate::thai::chars::never_breaks_before(first), "line starts with a mark: {l}");
        }
    }

    #[test]
    fn newline_forces_lines() {
        let p = laid("หนึ่ง\nสอง\n\nสี่", 400.0, Align::Left);
        assert_eq!(line_texts(&p), vec!["หนึ่ง", "สอง", "", "สี่"]);
    }
}
