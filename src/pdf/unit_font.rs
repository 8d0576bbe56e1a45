//! A font with one extra glyph per text unit, so every glyph the PDF draws maps to exactly
//! one text.
//!
//! A PDF maps text through the font: one character code → one string (ToUnicode), and krilla
//! uses the glyph id as the code. Thai needs more than one string for one glyph (ก alone, ก
//! in ก้ำ) and one string for several glyphs (น้ำ is drawn as น ํ ้ า). The readers most
//! people use (pdf.js in Firefox, pypdf, pdfminer) ignore `/ActualText`, the PDF's way out,
//! and krilla cannot give one glyph two codes (krilla#411, pdf.js#12237). So, before krilla
//! sees the font, each text unit that needs it gets its own glyph: a TrueType *composite*
//! glyph that draws the unit's glyphs at their shaped offsets (a few bytes, no outlines
//! copied), with the unit's advance. krilla then writes one ToUnicode entry per unit and no
//! ActualText, and every reader gets the text back exactly. What is drawn is unchanged.
//!
//! Only TrueType (`glyf`) fonts are extended; for any other font, units fall back to their
//! glyphs and krilla's ActualText.

use std::collections::HashMap;

/// One glyph of a unit, placed relative to the unit's origin, in font units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Part {
    pub glyph: u16,
    pub x: i16,
    pub y: i16,
}

/// The glyphs added to one font, and which (glyphs, text) each stands for.
pub struct UnitFont {
    data: &'static [u8],
    tables: Option<Tables>,
    /// The text each original glyph was first drawn for: it keeps its own id for that text.
    own_text: HashMap<u16, String>,
    added: HashMap<(Vec<Part>, String, u16), u16>,
    /// New glyphs in id order: their parts and advance (font units).
    new_glyphs: Vec<(Vec<Part>, u16)>,
}

impl UnitFont {
    pub fn new(data: &'static [u8]) -> Self {
        UnitFont {
            data,
            tables: Tables::read(data),
            own_text: HashMap::new(),
            added: HashMap::new(),
            new_glyphs: Vec::new(),
        }
    }

    /// A glyph's advance in font units, as the font has it.
    pub fn advance(&self, glyph: u16) -> u16 {
        self.tables.as_ref().map_or(0, |t| t.advance(glyph))
    }

    /// Font units per em.
    pub fn upem(&self) -> f32 {
        self.tables.as_ref().map_or(1000.0, |t| t.upem as f32)
    }

    /// The glyph to draw for `parts` standing for `text`, `advance` wide (font units): a
    /// glyph of the font itself for the first text it is drawn for, at its own width; a new
    /// glyph otherwise. `None` when the font cannot be extended (draw the parts as they are).
    pub fn glyph(&mut self, parts: &[Part], advance: u16, text: &str) -> Option<u16> {
        let tables = self.tables.as_ref()?;
        if let [p] = parts {
            if p.x == 0 && p.y == 0 && advance == tables.advance(p.glyph) {
                let own = self.own_text.entry(p.glyph).or_insert_with(|| text.to_string());
                if own == text {
                    return Some(p.glyph);
                }
            }
        }
        let key = (parts.to_vec(), text.to_string(), advance);
        if let Some(&id) = self.added.get(&key) {
            return Some(id);
        }
        let id = u16::try_from(tables.num_glyphs as usize + self.new_glyphs.len()).ok().filter(|&id| id < u16::MAX)?;
        self.new_glyphs.push((key.0.clone(), advance));
        self.added.insert(key, id);
        Some(id)
    }

    /// The font's bytes with the added glyphs (the original bytes when none were added).
    pub fn data(&self) -> Vec<u8> {
        match &self.tables {
            Some(t) if !self.new_glyphs.is_empty() => t.extend(self.data, &self.new_glyphs),
            _ => self.data.to_vec(),
        }
    }
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

/// The bytes of table `tag`, found in the font's directory (tag, offset, length).
fn table<'d>(dir: &[([u8; 4], usize, usize)], d: &'d [u8], tag: &[u8; 4]) -> Option<&'d [u8]> {
    dir.iter().find(|t| &t.0 == tag).and_then(|t| d.get(t.1..t.1 + t.2))
}

/// What is read from the font to extend it.
struct Tables {
    /// (tag, offset, length) of every table.
    dir: Vec<([u8; 4], usize, usize)>,
    upem: u16,
    num_glyphs: u16,
    /// Start and end of each glyph in `glyf`.
    loca: Vec<(usize, usize)>,
    /// Advance and left side bearing of every glyph.
    metrics: Vec<(u16, i16)>,
}

impl Tables {
    fn read(d: &[u8]) -> Option<Tables> {
        let n = u16_at(d, 4)? as usize;
        let mut dir = Vec::with_capacity(n);
        for i in 0..n {
            let rec = 12 + 16 * i;
            let tag: [u8; 4] = d.get(rec..rec + 4)?.try_into().ok()?;
            let (off, len) = (u32_at(d, rec + 8)? as usize, u32_at(d, rec + 12)? as usize);
            d.get(off..off + len)?;
            dir.push((tag, off, len));
        }
        let table = |tag: &[u8; 4]| table(&dir, d, tag);
        let (head, maxp, hhea, hmtx, loca, glyf) =
            (table(b"head")?, table(b"maxp")?, table(b"hhea")?, table(b"hmtx")?, table(b"loca")?, table(b"glyf")?);
        let upem = u16_at(head, 18)?;
        let long_loca = u16_at(head, 50)? == 1;
        let num_glyphs = u16_at(maxp, 4)?;
        let n_metrics = u16_at(hhea, 34)? as usize;
        let offset = |i: usize| -> Option<usize> {
            if long_loca {
                u32_at(loca, 4 * i).map(|v| v as usize)
            } else {
                u16_at(loca, 2 * i).map(|v| 2 * v as usize)
            }
        };
        let mut spans = Vec::with_capacity(num_glyphs as usize);
        let mut metrics = Vec::with_capacity(num_glyphs as usize);
        let mut last_advance = 0;
        for g in 0..num_glyphs as usize {
            let (start, end) = (offset(g)?, offset(g + 1)?);
            if start > end || end > glyf.len() {
                return None;
            }
            spans.push((start, end));
            let (advance, lsb) = if g < n_metrics {
                (u16_at(hmtx, 4 * g)?, u16_at(hmtx, 4 * g + 2)? as i16)
            } else {
                (last_advance, u16_at(hmtx, 4 * n_metrics + 2 * (g - n_metrics))? as i16)
            };
            last_advance = advance;
            metrics.push((advance, lsb));
        }
        Some(Tables { dir, upem, num_glyphs, loca: spans, metrics })
    }

    fn advance(&self, glyph: u16) -> u16 {
        self.metrics.get(glyph as usize).map_or(0, |m| m.0)
    }

    /// Points and contours a glyph draws, its components' included.
    fn outline_size(&self, glyf: &[u8], glyph: u16, depth: u8) -> (u32, u32) {
        let Some(&(start, end)) = self.loca.get(glyph as usize) else { return (0, 0) };
        if end - start < 10 || depth > 8 {
            return (0, 0);
        }
        let contours = u16_at(glyf, start).unwrap_or(0) as i16;
        if contours >= 0 {
            let n = contours as usize;
            let points = if n == 0 { 0 } else { u16_at(glyf, start + 10 + 2 * (n - 1)).map_or(0, |p| p as u32 + 1) };
            return (points, n as u32);
        }
        // A composite: flags, glyph index, arguments (2 or 4 bytes), a transform (0, 2, 4 or 8).
        let (mut at, mut total) = (start + 10, (0, 0));
        while let (Some(flags), Some(component)) = (u16_at(glyf, at), u16_at(glyf, at + 2)) {
            let (p, c) = self.outline_size(glyf, component, depth + 1);
            total = (total.0 + p, total.1 + c);
            let args = if flags & 0x0001 != 0 { 4 } else { 2 };
            let transform = if flags & 0x0008 != 0 {
                2
            } else if flags & 0x0040 != 0 {
                4
            } else if flags & 0x0080 != 0 {
                8
            } else {
                0
            };
            at += 4 + args + transform;
            if flags & 0x0020 == 0 || at >= end {
                break;
            }
        }
        total
    }

    /// The bounding box a glyph's header declares (empty glyphs have none).
    fn bbox(&self, glyf: &[u8], glyph: u16) -> Option<[i16; 4]> {
        let &(start, end) = self.loca.get(glyph as usize)?;
        if end - start < 10 {
            return None;
        }
        let v = |i: usize| u16_at(glyf, start + 2 + 2 * i).map(|v| v as i16);
        Some([v(0)?, v(1)?, v(2)?, v(3)?])
    }

    /// The font with `new_glyphs` appended as composite glyphs; tables that list every glyph
    /// are rewritten, those that would go stale (`hdmx`, `LTSH`, `VDMX`, a signature) dropped.
    fn extend(&self, d: &[u8], new_glyphs: &[(Vec<Part>, u16)]) -> Vec<u8> {
        let old_glyf = table(&self.dir, d, b"glyf").unwrap_or(&[]);
        let total = self.num_glyphs as usize + new_glyphs.len();

        let mut glyf = old_glyf.to_vec();
        let mut loca: Vec<u32> = self.loca.iter().map(|s| s.0 as u32).collect();
        let mut metrics = self.metrics.clone();
        let mut max_parts = 0;
        // The font-wide summaries the new glyphs may widen: maxp's composite points and
        // contours, head's bounding box, hhea's advance and bearings extremes.
        let mut points_contours = (0u32, 0u32);
        let mut font_box = [i16::MAX, i16::MAX, i16::MIN, i16::MIN];
        let (mut max_advance, mut min_lsb, mut min_rsb, mut max_extent) = (0u16, i16::MAX, i16::MAX, i16::MIN);
        for (parts, advance) in new_glyphs {
            max_advance = max_advance.max(*advance);
            pad4(&mut glyf);
            loca.push(glyf.len() as u32);
            metrics.push((*advance, 0));
            if parts.is_empty() {
                // An empty glyph: no outline, like a space.
                continue;
            }
            let boxes: Vec<[i16; 4]> = parts
                .iter()
                .filter_map(|p| {
                    let b = self.bbox(old_glyf, p.glyph)?;
                    Some([
                        b[0].saturating_add(p.x),
                        b[1].saturating_add(p.y),
                        b[2].saturating_add(p.x),
                        b[3].saturating_add(p.y),
                    ])
                })
                .collect();
            let bbox =
                boxes.iter().copied().reduce(|a, b| [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])]);
            let bbox = bbox.unwrap_or([0; 4]);
            glyf.extend_from_slice(&(-1i16).to_be_bytes());
            for v in bbox {
                glyf.extend_from_slice(&v.to_be_bytes());
            }
            for (i, p) in parts.iter().enumerate() {
                // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, MORE_COMPONENTS but for the last.
                let flags: u16 = 0x0001 | 0x0002 | if i + 1 < parts.len() { 0x0020 } else { 0 };
                for v in [flags, p.glyph, p.x as u16, p.y as u16] {
                    glyf.extend_from_slice(&v.to_be_bytes());
                }
            }
            metrics.last_mut().expect("pushed above").1 = bbox[0];
            max_parts = max_parts.max(parts.len());
            let size = parts.iter().fold((0, 0), |acc, p| {
                let (pts, cnt) = self.outline_size(old_glyf, p.glyph, 0);
                (acc.0 + pts, acc.1 + cnt)
            });
            points_contours = (points_contours.0.max(size.0), points_contours.1.max(size.1));
            font_box = [
                font_box[0].min(bbox[0]),
                font_box[1].min(bbox[1]),
                font_box[2].max(bbox[2]),
                font_box[3].max(bbox[3]),
            ];
            min_lsb = min_lsb.min(bbox[0]);
            min_rsb = min_rsb.min((*advance as i32 - bbox[2] as i32).clamp(i16::MIN as i32, i16::MAX as i32) as i16);
            max_extent = max_extent.max(bbox[2]);
        }
        pad4(&mut glyf);
        loca.push(glyf.len() as u32);

        let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
        for &(tag, off, len) in &self.dir {
            let old = &d[off..off + len];
            let new = match &tag {
                b"glyf" => glyf.clone(),
                b"loca" => loca.iter().flat_map(|v| v.to_be_bytes()).collect(),
                b"hmtx" => {
                    metrics.iter().flat_map(|(a, l)| a.to_be_bytes().into_iter().chain(l.to_be_bytes())).collect()
                }
                b"hhea" => {
                    let get = |at: usize| u16_at(old, at).unwrap_or(0);
                    patched(
                        old,
                        &[
                            (10, get(10).max(max_advance)),
                            (12, (get(12) as i16).min(min_lsb) as u16),
                            (14, (get(14) as i16).min(min_rsb) as u16),
                            (16, (get(16) as i16).max(max_extent) as u16),
                            (34, total as u16),
                        ],
                    )
                }
                b"head" => {
                    // Long loca offsets; the whole-font checksum is not kept up to date.
                    let get = |at: usize| u16_at(old, at).unwrap_or(0) as i16;
                    let mut h = patched(
                        old,
                        &[
                            (36, get(36).min(font_box[0]) as u16),
                            (38, get(38).min(font_box[1]) as u16),
                            (40, get(40).max(font_box[2]) as u16),
                            (42, get(42).max(font_box[3]) as u16),
                            (50, 1),
                        ],
                    );
                    h[8..12].fill(0);
                    h
                }
                b"maxp" => {
                    let mut m = patched(old, &[(4, total as u16)]);
                    if u32_at(old, 0) == Some(0x0001_0000) && old.len() >= 32 {
                        let get = |at: usize| u16_at(old, at).unwrap_or(0);
                        let clamp = |v: u32| v.min(u16::MAX as u32) as u16;
                        m = patched(
                            &m,
                            &[
                                (10, get(10).max(clamp(points_contours.0))),
                                (12, get(12).max(clamp(points_contours.1))),
                                (28, get(28).max(max_parts as u16)),
                                (30, get(30) + 1),
                            ],
                        );
                    }
                    m
                }
                // Glyph names are per glyph: keep none (version 3).
                b"post" if old.len() >= 32 => {
                    let mut p = old[..32].to_vec();
                    p[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
                    p
                }
                b"hdmx" | b"LTSH" | b"VDMX" | b"DSIG" => continue,
                _ => old.to_vec(),
            };
            tables.push((tag, new));
        }
        write_sfnt(u32_at(d, 0).unwrap_or(0x0001_0000), &mut tables)
    }
}

fn patched(old: &[u8], at: &[(usize, u16)]) -> Vec<u8> {
    let mut out = old.to_vec();
    for &(i, v) in at {
        if let Some(s) = out.get_mut(i..i + 2) {
            s.copy_from_slice(&v.to_be_bytes());
        }
    }
    out
}

/// Pads `data` with zeros to a multiple of 4 bytes (glyphs and tables are 4-byte aligned).
fn pad4(data: &mut Vec<u8>) {
    data.resize(data.len().next_multiple_of(4), 0);
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// An OpenType file from its tables (sorted by tag, 4-byte aligned).
fn write_sfnt(version: u32, tables: &mut [([u8; 4], Vec<u8>)]) -> Vec<u8> {
    tables.sort_by_key(|t| t.0);
    let n = tables.len() as u16;
    let pow = 1u16 << (15 - n.max(1).leading_zeros());
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    for v in [n, pow * 16, pow.trailing_zeros() as u16, n * 16 - pow * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in tables.iter() {
        out.extend_from_slice(tag);
        for v in [checksum(data), offset as u32, data.len() as u32] {
            out.extend_from_slice(&v.to_be_bytes());
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in tables.iter() {
        out.extend_from_slice(data);
        pad4(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::typeset::fonts::SARABUN_REGULAR;

    #[test]
    fn a_glyph_keeps_its_id_for_its_first_text_and_gets_a_new_one_for_another() {
        let mut f = UnitFont::new(SARABUN_REGULAR);
        let n = Tables::read(SARABUN_REGULAR).unwrap().num_glyphs;
        let adv = f.tables.as_ref().unwrap().advance(5);
        let g = Part { glyph: 5, x: 0, y: 0 };
        assert_eq!(f.glyph(&[g], adv, "a"), Some(5));
        assert_eq!(f.glyph(&[g], adv, "a"), Some(5));
        assert_eq!(f.glyph(&[g], adv, "b"), Some(n));
        let two = [g, Part { glyph: 6, x: 300, y: -20 }];
        assert_eq!(f.glyph(&two, 600, "ab"), Some(n + 1));
        assert_eq!(f.glyph(&two, 600, "ab"), Some(n + 1));
    }

    #[test]
    fn the_extended_font_reads_back_with_its_new_glyphs() {
        let mut f = UnitFont::new(SARABUN_REGULAR);
        let n = Tables::read(SARABUN_REGULAR).unwrap().num_glyphs;
        let parts = [Part { glyph: 10, x: 0, y: 0 }, Part { glyph: 11, x: 450, y: 30 }];
        f.glyph(&parts, 700, "xy").unwrap();
        let data = f.data();
        let t = Tables::read(&data).expect("the extended font parses");
        assert_eq!(t.num_glyphs, n + 1);
        assert_eq!(t.advance(n), 700);
        // Every original glyph is where it was, byte for byte.
        let old = Tables::read(SARABUN_REGULAR).unwrap();
        assert_eq!(&t.metrics[..n as usize], &old.metrics[..]);
        // rustybuzz (ttf-parser) reads it, and the new glyph's outline is its parts'.
        let face = rustybuzz::Face::from_slice(&data, 0).expect("a valid font");
        assert_eq!(face.number_of_glyphs(), n + 1);
        let bbox = face.glyph_bounding_box(rustybuzz::ttf_parser::GlyphId(n));
        assert!(bbox.is_some());
        // maxp counts the new glyph's points and contours (its parts').
        let sum = |g| t.outline_size(table(&t.dir, &data, b"glyf").unwrap(), g, 0);
        let (p10, c10) = sum(10);
        let (p11, c11) = sum(11);
        let maxp = table(&t.dir, &data, b"maxp").unwrap();
        assert!(u16_at(maxp, 10).unwrap() as u32 >= p10 + p11 && u16_at(maxp, 12).unwrap() as u32 >= c10 + c11);
    }
}
