//! Paragraphs: styled runs → shaped lines.
//!
//! Text is cut at break opportunities (spaces, Thai word ends) into pieces; each piece is
//! shaped once (cached by the typesetter) and lines are filled greedily. A piece wider than
//! a whole line is cut at cluster boundaries, so nothing ever overflows and no mark is
//! separated from its base.

use super::breaks::{break_opportunities, Break, BreakKind};
use super::engine::Typesetter;
use super::frame::{PlacedGlyph, TextRun};
use super::segment::{cluster_boundaries, compound_parts};
use super::shape::Shaped;
use super::structure::ParaKind;
use super::style::{Align, Span, TextStyle};
use super::textmap::glyph_texts;
use crate::thai::chars::is_thai_letter;
use std::ops::Range;
use std::rc::Rc;

/// Line pitch as a multiple of the font size. Sarabun's own metrics give 1.30 em, which
/// crowds stacked marks between lines; documents set in TH Sarabun 16 pt (Sarabun about
/// 10.5 pt, see `document::style`) run about 20 pt a line, 35 lines to an A4 page.
pub const DEFAULT_LEADING: f32 = 1.9;

/// Justification never widens the gap between two Thai clusters by more than this (em):
/// wider gaps read as spaces, to the eye and to text extraction.
const MAX_CLUSTER_STRETCH: f32 = 0.08;
/// When a line has spaces, a space takes this many times the stretch of a cluster gap.
const SPACE_STRETCH_WEIGHT: f32 = 8.0;

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

/// A shaped stretch of text in one style.
#[derive(Clone)]
struct Seg {
    range: Range<usize>,
    style: TextStyle,
    shaped: Rc<Shaped>,
}

impl Seg {
    fn width(&self) -> f32 {
        self.shaped.advance * self.style.size
    }
}

/// Text between two break opportunities: content, then the whitespace after it.
#[derive(Clone)]
struct Piece {
    content: Vec<Seg>,
    space: Vec<Seg>,
    content_range: Range<usize>,
    width: f32,
    space_width: f32,
    /// A newline follows: the line must end after this piece.
    forced: bool,
    /// The break before this piece is inside a compound word (see `BreakKind::Compound`).
    compound_before: bool,
}

struct Styled {
    text: String,
    /// (start byte, style), sorted by start.
    styles: Vec<(usize, TextStyle)>,
}

impl Styled {
    fn new(spans: &[Span]) -> Self {
        let mut text = String::new();
        let mut styles = Vec::new();
        for span in spans {
            let start = text.len();
            text.extend(span.text.chars().filter_map(clean_char));
            if text.len() > start {
                styles.push((start, span.style));
            }
        }
        Styled { text, styles }
    }

    fn style_at(&self, pos: usize) -> TextStyle {
        let i = self.styles.partition_point(|(s, _)| *s <= pos);
        self.styles[i.saturating_sub(1)].1
    }

    /// Splits `range` where the style changes.
    fn style_ranges(&self, range: Range<usize>) -> Vec<(Range<usize>, TextStyle)> {
        let mut out: Vec<(Range<usize>, TextStyle)> = Vec::new();
        let mut start = range.start;
        while start < range.end {
            let i = self.styles.partition_point(|(s, _)| *s <= start);
            let end = self.styles.get(i).map_or(range.end, |(s, _)| (*s).min(range.end));
            out.push((start..end, self.style_at(start)));
            start = end;
        }
        out
    }
}

/// Tabs become spaces; other control characters (except newline) are dropped.
fn clean_char(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\n' => Some('\n'),
        c if c.is_control() => None,
        c => Some(c),
    }
}

fn shape_segs(ts: &mut Typesetter, styled: &Styled, range: Range<usize>) -> Vec<Seg> {
    styled
        .style_ranges(range)
        .into_iter()
        .map(|(r, style)| Seg { shaped: ts.shape(style.weight, &styled.text[r.clone()]), range: r, style })
        .collect()
}

fn make_piece(ts: &mut Typesetter, styled: &Styled, range: Range<usize>) -> Piece {
    let slice = &styled.text[range.clone()];
    let content_len = slice.trim_end_matches(|c: char| c.is_whitespace() && c != '\u{00A0}').len();
    let content_end = range.start + content_len;
    let forced = slice[content_len..].contains('\n');
    let content = shape_segs(ts, styled, range.start..content_end);
    // Whitespace after the content, without newlines.
    let space_text: String = slice[content_len..].chars().filter(|c| *c != '\n').collect();
    let space = if space_text.is_empty() {
        Vec::new()
    } else {
        let ws_start = content_end;
        let ws_end = ws_start + slice[content_len..].find('\n').unwrap_or(slice.len() - content_len);
        shape_segs(ts, styled, ws_start..ws_end)
    };
    let width = content.iter().map(Seg::width).sum();
    let space_width = space.iter().map(Seg::width).sum();
    Piece {
        content,
        space,
        content_range: range.start..content_end,
        width,
        space_width,
        forced,
        compound_before: false,
    }
}

/// Two characters a cut never separates while another cut will do: digits of one number
/// (๒๕|๖๖, 1,0|00) and letters of one Latin word.
fn keeps_together(a: char, b: char) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('\u{0E50}'..='\u{0E59}').contains(&c);
    let numeric = |c: char| digit(c) || matches!(c, '.' | ',' | ':');
    (numeric(a) && numeric(b) && (digit(a) || digit(b))) || (a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
}

/// Cuts a piece too wide for a line into chunks that fit. Widths come from the piece's own
/// shaping (one pass), so a 10,000-character word stays linear.
fn split_wide_piece(ts: &mut Typesetter, styled: &Styled, piece: &Piece, avail: f32) -> Vec<Piece> {
    let range = piece.content_range.clone();
    // Advance (pt) accumulated before each glyph cluster start, by absolute byte offset.
    let mut advances: Vec<(usize, f32)> = Vec::new();
    let mut total = 0.0;
    for seg in &piece.content {
        for g in &seg.shaped.glyphs {
            advances.push((seg.range.start + g.cluster as usize, total));
            total += g.advance * seg.style.size;
        }
    }
    let x_at = |pos: usize| -> f32 {
        let i = advances.partition_point(|(c, _)| *c < pos);
        advances.get(i).map_or(total, |(_, x)| *x)
    };
    let text = &styled.text[range.clone()];
    // Preferred cuts, in order: after a space that binds a date or number to its neighbour
    // (๓๐ กันยายน |๒๕๖๖: better apart than cut inside the year); the joints between
    // dictionary words inside the piece (ระยะเวลา|ดำเนินการ); a cluster boundary that is not
    // inside a number or a Latin word and does not strand a single cluster at either end
    // (ดำเนินกา|ร); and only then any cluster boundary.
    let spaces: Vec<usize> = text
        .char_indices()
        .filter(|(i, c)| c.is_whitespace() && i + c.len_utf8() < text.len())
        .map(|(i, c)| range.start + i + c.len_utf8())
        .collect();
    let joints: Vec<usize> = compound_parts(&ts.lexicon(), text).into_iter().map(|b| range.start + b).collect();
    let mut clusters: Vec<usize> = cluster_boundaries(text).into_iter().map(|b| range.start + b).collect();
    if clusters.len() >= 3 {
        clusters.remove(0);
        clusters.pop();
    }
    let whole = |b: &usize| {
        let before = styled.text[..*b].chars().next_back();
        let after = styled.text[*b..].chars().next();
        !matches!((before, after), (Some(x), Some(y)) if keeps_together(x, y))
    };
    let tidy: Vec<usize> = clusters.iter().copied().filter(whole).collect();

    let mut out = Vec::new();
    let mut start = range.start;
    while x_at(range.end) - x_at(start) > avail {
        let fits = |c: &&usize| **c > start && x_at(**c) - x_at(start) <= avail;
        let cut = spaces
            .iter()
            .rfind(fits)
            .or_else(|| joints.iter().rfind(fits))
            .or_else(|| tidy.iter().rfind(fits))
            .or_else(|| clusters.iter().rfind(fits))
            // Not even one cluster fits: take the first one anyway.
            .or_else(|| clusters.iter().find(|c| **c > start))
            .copied();
        let Some(cut) = cut else { break };
        out.push(make_piece(ts, styled, start..cut));
        start = cut;
    }
    if start < range.end {
        out.push(make_piece(ts, styled, start..range.end));
    }
    // The last chunk keeps the original whitespace and forced break.
    if let Some(last) = out.last_mut() {
        last.space = piece.space.clone();
        last.space_width = piece.space_width;
        last.forced = piece.forced;
    }
    out
}

/// Lays out `p` in a box `width` points wide.
pub fn layout_paragraph(ts: &mut Typesetter, p: &Paragraph, width: f32) -> LaidParagraph {
    let styled = Styled::new(&p.spans);
    let mut pieces = Vec::new();
    if !styled.text.is_empty() {
        let mut start = 0;
        let mut compound = false;
        let breaks = break_opportunities(&styled.text, &ts.lexicon());
        let end = Break { pos: styled.text.len(), kind: BreakKind::Forced };
        for b in breaks.iter().chain(std::iter::once(&end)) {
            if b.pos > start {
                let mut piece = make_piece(ts, &styled, start..b.pos);
                piece.compound_before = compound;
                pieces.push(piece);
                start = b.pos;
                compound = b.kind == BreakKind::Compound;
            }
        }
        // A trailing newline opens one more (empty) line.
        if breaks.last().is_some_and(|b| b.pos == styled.text.len() && b.kind == BreakKind::Forced) {
            pieces.push(make_piece(ts, &styled, styled.text.len()..styled.text.len()));
        }
    }

    let inner = (width - p.left_indent - p.right_indent).max(1.0);
    let first_avail = (inner - p.first_indent).max(1.0);

    // Greedy filling: line = range of pieces, plus whether a newline ended it. A line may
    // end inside a long compound word only when ending before it would leave the line
    // less than `LOOSE` full.
    const LOOSE: f32 = 0.75;
    let mut lines: Vec<(Range<usize>, bool)> = Vec::new();
    let mut line_start = 0;
    let mut w = 0.0;
    // The line's last ordinary break: first piece after it, and the width before it.
    let (mut last_hard, mut w_at_hard) = (0, 0.0);
    let mut i = 0;
    while i < pieces.len() {
        let avail = if lines.is_empty() { first_avail } else { inner };
        if i == line_start {
            if pieces[i].width > avail + 0.01 && pieces[i].content_range.len() > 1 {
                let parts = split_wide_piece(ts, &styled, &pieces[i], avail);
                if parts.len() > 1 {
                    pieces.splice(i..=i, parts);
                }
            }
            w = pieces[i].width;
            (last_hard, w_at_hard) = (i, 0.0);
        } else {
            let nw = w + pieces[i - 1].space_width + pieces[i].width;
            if nw > avail + 0.01 {
                let inside_compound = pieces[i].compound_before;
                let cut =
                    if inside_compound && last_hard > line_start && w_at_hard >= LOOSE * avail { last_hard } else { i };
                lines.push((line_start..cut, false));
                line_start = cut;
                i = cut;
                continue;
            }
            if !pieces[i].compound_before {
                (last_hard, w_at_hard) = (i, w);
            }
            w = nw;
        }
        if pieces[i].forced {
            lines.push((line_start..i + 1, true));
            line_start = i + 1;
            w = 0.0;
        }
        i += 1;
    }
    if line_start < pieces.len() {
        lines.push((line_start..pieces.len(), true));
    }

    let base_size = p.base_size();
    let count = lines.len();
    let mut label_runs = 0;
    let laid = lines
        .into_iter()
        .enumerate()
        .map(|(n, (range, ends_paragraph_or_newline))| {
            let indent = p.left_indent + if n == 0 { p.first_indent } else { 0.0 };
            let avail = if n == 0 { first_avail } else { inner };
            let justify = p.align == Align::Justify && !ends_paragraph_or_newline && n + 1 < count;
            let mut line =
                build_line(&styled, &pieces[range], indent, avail, p.align, justify, base_size, p.leading, ts);
            if n == 0 {
                if let Some(label) = &p.label {
                    label_runs = add_label(ts, &mut line, label, base_size, p.leading);
                }
            }
            line
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

fn ascent_descent(ts: &Typesetter) -> (f32, f32) {
    let f = &ts.engine.fonts.regular;
    (f.ascender, f.descender)
}

/// Baseline offset from the top of a line of `height` holding text of `size`.
fn baseline(ts: &Typesetter, height: f32, size: f32) -> f32 {
    let (asc, desc) = ascent_descent(ts);
    (height - (asc - desc) * size) / 2.0 + asc * size
}

#[allow(clippy::too_many_arguments)]
fn build_line(
    styled: &Styled,
    pieces: &[Piece],
    indent: f32,
    avail: f32,
    align: Align,
    justify: bool,
    base_size: f32,
    leading: f32,
    ts: &Typesetter,
) -> LaidLine {
    // Segments in visual order; whitespace of the last piece is dropped.
    let mut segs: Vec<(&Seg, bool)> = Vec::new();
    for (k, piece) in pieces.iter().enumerate() {
        segs.extend(piece.content.iter().map(|s| (s, false)));
        if k + 1 < pieces.len() {
            segs.extend(piece.space.iter().map(|s| (s, true)));
        }
    }
    let natural: f32 = segs.iter().map(|(s, _)| s.width()).sum();
    let size = segs.iter().map(|(s, _)| s.style.size).fold(0.0, f32::max);
    let size = if size > 0.0 { size } else { base_size };
    let height = size * leading;
    let base = baseline(ts, height, size);

    // Glyphs with their advances in points, then justification.
    struct G {
        glyph: PlacedGlyph,
        adv_pt: f32,
        seg: usize,
    }
    let mut glyphs: Vec<G> = Vec::new();
    let mut slots_space = Vec::new();
    let mut slots_cluster = Vec::new();
    for (si, (seg, is_space)) in segs.iter().enumerate() {
        let seg_text = &styled.text[seg.range.clone()];
        let ranges = glyph_texts(seg_text, &seg.shaped.glyphs);
        let boundaries = if *is_space { Vec::new() } else { cluster_boundaries(seg_text) };
        for (g, r) in seg.shaped.glyphs.iter().zip(ranges) {
            // A gap may open before this glyph if it starts a new cluster.
            // Thai is justified between clusters; Latin words are never letter-spaced.
            let thai_at = |i: usize| seg_text[i..].chars().next().is_some_and(is_thai_letter);
            let starts_cluster = boundaries.binary_search(&(g.cluster as usize)).is_ok()
                && thai_at(g.cluster as usize)
                && glyphs.last().is_some_and(|p: &G| {
                    p.seg == si && p.glyph.text.start < g.cluster && thai_at(p.glyph.text.start as usize)
                });
            if starts_cluster && !*is_space {
                slots_cluster.push(glyphs.len() - 1);
            }
            glyphs.push(G {
                glyph: PlacedGlyph { id: g.id, text: r, advance: g.advance, dx: g.dx, dy: g.dy },
                adv_pt: g.advance * seg.style.size,
                seg: si,
            });
            if *is_space {
                slots_space.push(glyphs.len() - 1);
            }
        }
        // Between a word and the next word (no space): a cluster gap too, if Thai.
        let next_thai = segs
            .get(si + 1)
            .is_some_and(|(n, sp)| !*sp && styled.text[n.range.clone()].chars().next().is_some_and(is_thai_letter));
        let ends_thai = seg_text.chars().next_back().is_some_and(is_thai_letter);
        if !*is_space && (next_thai || ends_thai) && si + 1 < segs.len() && !segs[si + 1].1 && !glyphs.is_empty() {
            slots_cluster.push(glyphs.len() - 1);
        }
    }
    let mut width = natural;
    if justify && natural < avail {
        let extra = avail - natural;
        let (nc, ns) = (slots_cluster.len() as f32, slots_space.len() as f32);
        let per_cluster = if nc > 0.0 {
            let cap = MAX_CLUSTER_STRETCH * size;
            (extra / (nc + SPACE_STRETCH_WEIGHT * ns)).min(cap)
        } else {
            0.0
        };
        let per_space = if ns > 0.0 { (extra - per_cluster * nc) / ns } else { 0.0 };
        for &i in &slots_cluster {
            glyphs[i].adv_pt += per_cluster;
        }
        for &i in &slots_space {
            glyphs[i].adv_pt += per_space;
        }
        width = glyphs.iter().map(|g| g.adv_pt).sum();
    }
    let x0 = indent
        + match align {
            Align::Left | Align::Justify => 0.0,
            Align::Center => ((avail - width) / 2.0).max(0.0),
            Align::Right => (avail - width).max(0.0),
        };

    // Merge neighbouring segments of one style into runs.
    let mut runs: Vec<TextRun> = Vec::new();
    let mut x = x0;
    let mut gi = 0;
    for (si, (seg, _)) in segs.iter().enumerate() {
        let seg_text = &styled.text[seg.range.clone()];
        let same_style = runs
            .last()
            .is_some_and(|r| r.weight == seg.style.weight && r.size == seg.style.size && r.color == seg.style.color);
        if !same_style {
            runs.push(TextRun {
                x,
                y: base,
                weight: seg.style.weight,
                size: seg.style.size,
                color: seg.style.color,
                text: String::new(),
                glyphs: Vec::new(),
                node: None,
            });
        }
        let run = runs.last_mut().expect("a run was just pushed");
        let offset = run.text.len() as u32;
        run.text.push_str(seg_text);
        while gi < glyphs.len() && glyphs[gi].seg == si {
            let mut g = glyphs[gi].glyph.clone();
            g.text = g.text.start + offset..g.text.end + offset;
            g.advance = glyphs[gi].adv_pt / seg.style.size;
            x += glyphs[gi].adv_pt;
            run.glyphs.push(g);
            gi += 1;
        }
    }
    LaidLine { height, runs }
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
