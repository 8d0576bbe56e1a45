//! The Thai typesetting engine against independent references: HarfBuzz's `hb-shape` for
//! shaping, poppler's `pdftotext` for text extraction, geometry for tables and pages.

use crate::common::*;
use prongsai::pdf::{write_pdf, PdfOptions};
use prongsai::typeset::breaks::{break_opportunities, BreakKind};
use prongsai::typeset::segment::{cluster_boundaries, segment_thai, WithNames};
use prongsai::typeset::shape::shape;
use prongsai::typeset::*;
use std::sync::Arc;

const SHAPING_WORDS: [&str; 17] = [
    "ที่",
    "ปู่",
    "ป่า",
    "ฟ้า",
    "ฝั่ง",
    "น้ำ",
    "ก้ำ",
    "ญ",
    "ฐ",
    "ฎ",
    "ฏ",
    "ปฏิบัติ",
    "ผู้รับผิดชอบ",
    "ศรีสะเกษ",
    "๐๑๒๓๔๕๖๗๘๙",
    "ญูฐู",
    "กำลังปั้นฝั่งฟื้น",
];

/// (glyph id, cluster as a character index, x advance, x offset, y offset) from hb-shape.
fn hb_shape(font: &str, text: &str) -> Vec<(u32, usize, i32, i32, i32)> {
    let args = ["--script=thai", "--language=th", "--cluster-level=1", "--no-glyph-names", font, text];
    let out = run_tool("hb-shape", &args.map(std::ffi::OsStr::new));
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    line.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split('|')
        .map(|g| {
            // gid=cluster[@dx,dy]+adv
            let (gid, rest) = g.split_once('=').unwrap();
            let (head, adv) = rest.rsplit_once('+').unwrap();
            let (cluster, offsets) = head.split_once('@').map_or((head, "0,0"), |(c, o)| (c, o));
            let (dx, dy) = offsets.split_once(',').unwrap();
            (
                gid.parse().unwrap(),
                cluster.parse().unwrap(),
                adv.parse().unwrap(),
                dx.parse().unwrap(),
                dy.parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn shaping_matches_harfbuzz_glyph_for_glyph() {
    let engine = Engine::embedded();
    for (face, file) in [(&engine.fonts.regular, "Sarabun-Regular.ttf"), (&engine.fonts.bold, "Sarabun-Bold.ttf")] {
        let font = root().join("public/fonts").join(file);
        for word in SHAPING_WORDS {
            let ours = shape(face, word);
            let expected = hb_shape(font.to_str().unwrap(), word);
            let got: Vec<(u32, usize, i32, i32, i32)> = ours
                .glyphs
                .iter()
                .map(|g| {
                    let units = |v: f32| (v * face.upem).round() as i32;
                    (
                        g.id as u32,
                        word[..g.cluster as usize].chars().count(),
                        units(g.advance),
                        units(g.dx),
                        units(g.dy),
                    )
                })
                .collect();
            assert_eq!(got, expected, "{word} in {file}");
        }
    }
}

/// Every consonant with every upper/lower vowel and tone mark, as separate words: the PDF
/// text must give back each exactly (the cases where fonts shift marks far left are where
/// naive PDF writers insert spaces or drop marks).
#[test]
fn every_thai_syllable_comes_back_out_of_the_pdf() {
    let engine = Engine::embedded();
    let mut words = Vec::new();
    for c in '\u{0E01}'..='\u{0E2E}' {
        for v in ["", "ั", "ิ", "ี", "ึ", "ื", "ุ", "ู", "ำ"] {
            for t in ["", "่", "้", "๊", "๋", "์"] {
                if v.is_empty() && t.is_empty() {
                    continue;
                }
                // Tone before sara am, as typed.
                let w = if v == "ำ" { format!("{c}{t}ำ") } else { format!("{c}{v}{t}") };
                words.push(format!("เ{w}ง"));
            }
        }
    }
    let mut pages = Vec::new();
    let mut ts = Typesetter::new(engine);
    // One word a line, so line breaking plays no part.
    let mut page = Page { width: 595.0, height: 842.0, items: Vec::new() };
    let mut y = 40.0;
    for w in &words {
        let laid = layout_paragraph(&mut ts, &Paragraph::text(w.clone(), TextStyle::regular(16.0)), 500.0);
        for mut run in laid.lines[0].runs.clone() {
            run.x += 40.0;
            run.y += y;
            page.items.push(Item::Text(run));
        }
        y += 24.0;
        if y > 800.0 {
            pages.push(std::mem::take(&mut page.items));
            y = 40.0;
        }
    }
    pages.push(page.items);
    let doc = Document {
        pages: pages.into_iter().map(|items| Page { width: 595.0, height: 842.0, items }).collect(),
        metadata: Metadata::default(),
        structure: Default::default(),
    };
    let path = save("syllables.pdf", &write_pdf(&doc, &engine.fonts, PdfOptions::default()).unwrap());
    let text = pdftotext(&path);
    let got: Vec<&str> = text.split(['\n', '\u{000C}']).map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(got.len(), words.len());
    for (g, w) in got.iter().zip(&words) {
        assert_eq!(g, w);
    }
}

#[test]
fn segmentation_of_the_hard_words() {
    let e = Engine::embedded();
    let split = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut prev = 0;
        for b in segment_thai(&e.dict, s).into_iter().chain([s.len()]) {
            out.push(s[prev..b].to_string());
            prev = b;
        }
        out
    };
    // ICU4X splits ผลการ as ผลก|า|ร; we must not cut inside a syllable.
    assert_eq!(split("ผลการดำเนินการ"), ["ผล", "การ", "ดำเนินการ"]);
    assert_eq!(split("กันยายน"), ["กันยายน"]);
    assert_eq!(split("ผู้รับผิดชอบ"), ["ผู้รับผิดชอบ"]);
    assert_eq!(split("องค์การบริหารส่วนตำบล"), ["องค์การบริหารส่วนตำบล"]);
    // The long compound may still break between its parts, and only there.
    let b: Vec<(usize, BreakKind)> =
        break_opportunities("องค์การบริหารส่วนตำบล", &e.dict).into_iter().map(|b| (b.pos, b.kind)).collect();
    let joints: Vec<usize> = ["องค์การ", "องค์การบริหาร", "องค์การบริหารส่วน"].iter().map(|p| p.len()).collect();
    assert_eq!(b, joints.into_iter().map(|p| (p, BreakKind::Compound)).collect::<Vec<_>>());
}

/// Seed text with every space removed: a worst case for line breaking.
fn spaceless_seed_text() -> String {
    let d = seed("seed-004");
    let mut text = String::new();
    for g in &d.measures {
        for m in &g.measures {
            for s in [&m.name, &m.steps, &m.output, &m.outcome] {
                text.extend(s.chars().filter(|c| prongsai::thai::chars::is_thai_letter(*c)));
            }
        }
    }
    text
}

#[test]
fn lines_never_break_inside_a_word_or_a_cluster() {
    const WORDS: [&str; 16] = [
        "กันยายน",
        "ผู้รับผิดชอบ",
        "ดำเนินการ",
        "มาตรการ",
        "คุณธรรม",
        "โปร่งใส",
        "ประชาสัมพันธ์",
        "งบประมาณ",
        "เจ้าหน้าที่",
        "หน่วยงาน",
        "ทุจริต",
        "ประจำปี",
        "เผยแพร่",
        "ประชาชน",
        "ปฏิบัติ",
        "เว็บไซต์",
    ];
    let text = spaceless_seed_text();
    assert!(text.chars().count() > 2000, "need a long text, got {}", text.chars().count());
    let mut inside_word = Vec::new();
    for w in WORDS {
        for (at, _) in text.match_indices(w) {
            inside_word.extend((at + 1)..(at + w.len()));
        }
    }
    assert!(inside_word.len() > 500, "the test words must occur in the text");
    let clusters = cluster_boundaries(&text);
    let engine = Engine::embedded();
    for width in [120.0, 187.0, 300.0, 453.5] {
        let mut ts = Typesetter::new(engine);
        let laid = layout_paragraph(
            &mut ts,
            &Paragraph::text(text.clone(), TextStyle::regular(16.0)).align(Align::Justify),
            width,
        );
        let mut pos = 0;
        let mut breaks = Vec::new();
        for line in &laid.lines {
            pos += line.runs.iter().map(|r| r.text.len()).sum::<usize>();
            breaks.push(pos);
        }
        assert_eq!(pos, text.len(), "all text is laid out");
        breaks.pop();
        assert!(breaks.len() > 5);
        for b in breaks {
            assert!(clusters.binary_search(&b).is_ok(), "break inside a cluster at {b} (width {width})");
            assert!(
                !inside_word.contains(&b),
                "break inside a word at …{}|{}… (width {width})",
                &text[b.saturating_sub(30)..b],
                &text[b..b + 30]
            );
        }
    }
}

/// Extractors rebuild words from glyph positions: a Thai mark has no width in the font, and a
/// justified line stretches the gaps between clusters; neither may read as a space. The text
/// has no spaces at all, so any space extracted is invented.
#[test]
fn thai_text_comes_out_without_invented_spaces() {
    let text: String = spaceless_seed_text().chars().take(3000).collect();
    let mut ts = Typesetter::new(Engine::embedded());
    for align in [Align::Justify, Align::Left] {
        let laid =
            layout_paragraph(&mut ts, &Paragraph::text(text.clone(), TextStyle::regular(16.0)).align(align), 453.5);
        let mut pages = vec![Vec::new()];
        let mut y = 60.0;
        for line in &laid.lines {
            if y + line.height > 800.0 {
                pages.push(Vec::new());
                y = 60.0;
            }
            for mut run in line.runs.clone() {
                run.x += 70.0;
                run.y += y;
                pages.last_mut().unwrap().push(Item::Text(run));
            }
            y += line.height;
        }
        let doc = Document {
            pages: pages.into_iter().map(|items| Page { width: 595.0, height: 842.0, items }).collect(),
            metadata: Metadata::default(),
            structure: Default::default(),
        };
        let pdf = write_pdf(&doc, &ts.engine.fonts, PdfOptions::default()).unwrap();
        let path = save(&format!("spaceless-{align:?}.pdf").to_lowercase(), &pdf);
        for extracted in [pdftotext(&path), pdftotext_positional(&path)] {
            let lines: Vec<&str> = extracted.split(['\n', '\u{000C}']).filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(lines.len(), laid.lines.len(), "{align:?}");
            for l in lines {
                assert!(!l.trim().contains(' '), "{align:?}: space invented in a line: {l}");
            }
            assert_eq!(squash(&extracted), text, "{align:?}");
        }
    }
}

#[test]
fn names_typed_in_the_draft_are_never_broken() {
    let e = Engine::embedded();
    let names = vec!["เขาสมอคอน".to_string()];
    let lex = WithNames { dict: &e.dict, names: &names };
    let text = "ปลัดองค์การบริหารส่วนตำบลเขาสมอคอน";
    let name_at = text.find("เขาสมอคอน").unwrap();
    for b in break_opportunities(text, &lex) {
        assert!(b.pos <= name_at || b.pos >= name_at + "เขาสมอคอน".len(), "break inside the name at {}", b.pos);
    }
    // Without the name, the dictionary alone would split it.
    assert!(break_opportunities(text, &e.dict).iter().any(|b| b.pos > name_at && b.pos < text.len()));
}

fn table_doc(rows: Vec<Row>) -> DocSpec {
    let mut table = Table::new(vec![3.4, 4.6, 2.2, 2.2, 4.0, 3.6]);
    let h = |t: &str| Cell::new(vec![Paragraph::text(t, TextStyle::bold(14.0)).align(Align::Center)]);
    table.header.push(vec![
        h("มาตรการ/กิจกรรม").span(1, 2),
        h("ขั้นตอน/วิธีการปฏิบัติ").span(1, 2),
        h("ผู้รับผิดชอบ").span(1, 2),
        h("ระยะเวลาดำเนินการ").span(1, 2),
        h("ผลการดำเนินการ").span(2, 1),
    ]);
    table.header.push(vec![h("ผลผลิต"), h("ผลลัพธ์")]);
    table.rows = rows;
    DocSpec {
        sections: vec![Section {
            page: PageSpec::landscape(),
            numbering: Numbering { from: 2, restart: true },
            blocks: vec![Block::Table(table)],
        }],
        thai_page_numbers: true,
        names: Vec::new(),
        body_size: 16.0,
        metadata: Metadata::default(),
        watermark: None,
    }
}

fn seed_rows(n: usize) -> (Vec<Row>, Vec<Vec<String>>) {
    let d = crate::common::seed("reference-40");
    let cell = |t: &str| Cell::new(t.lines().map(|l| Paragraph::text(l, TextStyle::regular(14.0))).collect());
    let mut rows = Vec::new();
    let mut texts = Vec::new();
    for m in d.measures.iter().flat_map(|g| &g.measures).take(n) {
        let fields = [&m.name, &m.steps, &m.responsible, &m.period, &m.output, &m.outcome];
        texts.push(fields.iter().map(|f| f.to_string()).collect());
        rows.push(Row::Cells(fields.iter().map(|f| cell(f)).collect()));
    }
    (rows, texts)
}

/// The boxes drawn around table cells (stroked rectangles).
fn cell_rects(page: &Page) -> Vec<Rect> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Rect { rect, stroke: Some(_), .. } => Some(*rect),
            _ => None,
        })
        .collect()
}

/// Body text by column, in reading order across pages: each run goes to the column of the
/// cell box around it (a split row's parts then read on in the right order). The header,
/// set in bold in these tests, is left out.
fn column_texts(doc: &Document) -> Vec<String> {
    let mut columns: std::collections::BTreeMap<i32, String> = Default::default();
    for page in &doc.pages {
        let cells = cell_rects(page);
        for run in content_runs(page).filter(|r| r.weight == Weight::Regular) {
            let ink = Rect::new(run.x, run.y - 10.0, run.width(), 12.0);
            if let Some(cell) =
                cells.iter().filter(|c| c.contains(&ink, 0.5)).min_by(|a, b| (a.w * a.h).total_cmp(&(b.w * b.h)))
            {
                columns.entry(cell.x.round() as i32).or_default().push_str(&run.text);
            }
        }
    }
    columns.into_values().map(|t| squash(&t)).collect()
}

/// Checks that every row's cell texts appear, in order, in their columns.
fn assert_cells_complete(doc: &Document, rows: &[Vec<String>]) {
    let columns = column_texts(doc);
    assert_eq!(columns.len(), rows.iter().map(Vec::len).max().unwrap_or(0), "one text per column");
    let mut from = vec![0; columns.len()];
    for row in rows {
        for (c, text) in row.iter().enumerate().filter(|(_, t)| !t.trim().is_empty()) {
            let t = squash(text);
            let at = columns[c][from[c]..].find(&t).unwrap_or_else(|| {
                panic!(
                    "column {c}: cell text missing: {t}\n--- column text from here:\n{}",
                    &columns[c][from[c]..].chars().take(300).collect::<String>()
                )
            });
            from[c] += at + t.len();
        }
    }
}

/// Text runs that are table content (not the page number).
fn content_runs(page: &Page) -> impl Iterator<Item = &TextRun> {
    page.text_runs().filter(|r| !(r.text.starts_with("- ") && r.text.ends_with(" -")))
}

#[test]
fn a_forty_row_table_spans_pages_with_its_header_and_keeps_text_in_cells() {
    let engine = Engine::embedded();
    let (rows, texts) = seed_rows(40);
    assert_eq!(rows.len(), 40);
    let doc = layout_document(engine, &table_doc(rows));
    assert!(doc.pages.len() >= 5, "{} pages", doc.pages.len());
    let (asc, desc) = (engine.fonts.regular.ascender, engine.fonts.regular.descender);
    for (n, page) in doc.pages.iter().enumerate() {
        assert!(page.width > page.height, "landscape");
        let text = page.plain_text();
        // Above a row continued from the page before, the header is drawn as outlines.
        let outlined = draws(page, Artifact::TableHeader);
        for h in ["มาตรการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "ผลการดำเนินการ", "ผลผลิต", "ผลลัพธ์"]
        {
            assert!(outlined || text.contains(h), "page {} lacks the header {h}", n + 1);
        }
        let cells = cell_rects(page);
        for run in content_runs(page) {
            let ink = Rect::new(run.x, run.y - asc * run.size, run.width(), (asc - desc) * run.size);
            assert!(
                cells.iter().any(|c| c.contains(&ink, 0.5)),
                "page {}: \"{}\" at ({:.1},{:.1}) is outside every cell",
                n + 1,
                run.text,
                run.x,
                run.y
            );
        }
    }
    // Every cell's text is there, in order, across the pages.
    assert_cells_complete(&doc, &texts);
}

#[test]
fn rows_taller_than_the_space_left_split_with_closed_borders() {
    let engine = Engine::embedded();
    let long = "ขั้นตอนการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ".repeat(60);
    let (mut rows, mut texts) = seed_rows(3);
    texts.push(vec!["มาตรการยาวมาก".into(), long.clone()]);
    rows.push(Row::Cells(vec![
        Cell::new(vec![Paragraph::text("มาตรการยาวมาก", TextStyle::regular(14.0))]),
        Cell::new(vec![Paragraph::text(long.clone(), TextStyle::regular(14.0))]),
    ]));
    let doc = layout_document(engine, &table_doc(rows));
    // The tall cell is taller than a page: it must go on over at least two more pages.
    assert!(doc.pages.len() >= 3, "{} pages", doc.pages.len());
    let content_bottom = PageSpec::landscape().size().1 - PageSpec::landscape().margins.bottom;
    let mut split_pages = 0;
    for page in &doc.pages[..doc.pages.len() - 1] {
        let bottom = cell_rects(page).iter().map(Rect::bottom).fold(0.0, f32::max);
        // Borders are closed at the foot of every page the row continues from.
        if (bottom - content_bottom).abs() < 0.5 {
            split_pages += 1;
        }
    }
    assert!(split_pages >= 2, "row fragments fill {split_pages} pages");
    assert_cells_complete(&doc, &texts);
}

#[test]
fn portrait_and_landscape_pages_numbered_in_thai_digits_from_page_two() {
    let engine = Engine::embedded();
    let para = |t: &str| Block::Para(Paragraph::text(t, TextStyle::regular(16.0)));
    let long: Vec<Block> = (0..60).map(|i| para(&format!("ย่อหน้าที่ {i} ของเอกสารทดสอบการจัดหน้า"))).collect();
    let spec = DocSpec {
        sections: vec![
            Section { page: PageSpec::portrait(), numbering: Numbering { from: 2, restart: true }, blocks: long },
            Section {
                page: PageSpec::landscape(),
                numbering: Numbering { from: 1, restart: false },
                blocks: vec![para("แนวนอน")],
            },
        ],
        thai_page_numbers: true,
        names: Vec::new(),
        body_size: 16.0,
        metadata: Metadata {
            title: "ทดสอบ".into(),
            author: "หน่วยงานทดสอบ".into(),
            language: "th-TH".into(),
            ..Default::default()
        },
        watermark: None,
    };
    let doc = layout_document(engine, &spec);
    let n = doc.pages.len();
    assert!(n >= 3);
    assert!(doc.pages[0].height > doc.pages[0].width && doc.pages[n - 1].width > doc.pages[n - 1].height);
    let path = save("pages.pdf", &write_pdf(&doc, &engine.fonts, PdfOptions::default()).unwrap());
    let pages = pdftotext_pages(&path);
    assert_eq!(pages.len(), n);
    // Page numbers are drawn as outlines, not text: they must not come between the end of a
    // page's text and the start of the next (a paragraph or cell read across pages).
    let numbered = |p: &prongsai::typeset::Page| draws(p, Artifact::PageNumber);
    assert!(!numbered(&doc.pages[0]), "no number on page 1");
    for (i, p) in pages.iter().enumerate().skip(1) {
        assert!(numbered(&doc.pages[i]), "page {} lacks its number", i + 1);
        let label = prongsai::thai::to_thai_digits(&format!("- {} -", i + 1));
        assert!(!p.contains(&label), "page {}: its number {label} is in the text", i + 1);
    }
    assert_qpdf_ok(&path);
    let info = pdfinfo(&path);
    assert!(info.contains("ทดสอบ") && info.contains("หน่วยงานทดสอบ"), "{info}");
}

#[test]
fn paragraphs_keep_single_lines_off_page_edges() {
    let engine = Engine::embedded();
    let body = "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ".repeat(30);
    let mut blocks: Vec<Block> =
        (0..9).map(|_| Block::Para(Paragraph::text("บรรทัดเดียว", TextStyle::regular(16.0)))).collect();
    blocks.push(Block::Para(Paragraph::text(body, TextStyle::regular(16.0)).align(Align::Justify)));
    let spec = DocSpec {
        sections: vec![Section { page: PageSpec::portrait(), numbering: Numbering { from: 2, restart: true }, blocks }],
        thai_page_numbers: true,
        names: Vec::new(),
        body_size: 16.0,
        metadata: Metadata::default(),
        watermark: None,
    };
    for shift in 0..12 {
        let mut spec = spec.clone();
        spec.sections[0].blocks.insert(0, Block::Space(shift as f32 * 11.0));
        let doc = layout_document(engine, &spec);
        for (i, page) in doc.pages.iter().enumerate() {
            let lines: Vec<&TextRun> =
                content_runs(page).filter(|r| r.text.contains("การประเมิน") || r.text.contains("ภาครัฐ")).collect();
            if !lines.is_empty() {
                assert!(lines.len() >= 2, "shift {shift}: page {} holds a single line of the paragraph", i + 1);
            }
        }
    }
}

#[test]
fn images_jpeg_passes_through_and_png_keeps_alpha() {
    let engine = Engine::embedded();
    let jpeg = std::fs::read(root().join("tests/fixtures/photo.jpg")).unwrap();
    let png = std::fs::read(root().join("tests/fixtures/signature.png")).unwrap();
    let photo = Arc::new(ImageData::from_bytes(jpeg.clone()).unwrap());
    let sig = Arc::new(ImageData::from_bytes(png).unwrap());
    assert_eq!((photo.width_px, photo.height_px), (640, 480));
    let spec = DocSpec {
        sections: vec![Section {
            page: PageSpec::portrait(),
            numbering: Numbering { from: 2, restart: true },
            blocks: vec![
                Block::Image {
                    image: photo, max_w: 200.0, max_h: 100.0, align: Align::Center, alt: "ภาพ".into()
                },
                Block::Image {
                    image: sig, max_w: 150.0, max_h: 60.0, align: Align::Right, alt: "ลายมือชื่อ".into()
                },
            ],
        }],
        thai_page_numbers: true,
        names: Vec::new(),
        body_size: 16.0,
        metadata: Metadata::default(),
        watermark: None,
    };
    let doc = layout_document(engine, &spec);
    let rects: Vec<Rect> = doc.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Image { rect, .. } => Some(*rect),
            _ => None,
        })
        .collect();
    // Scaled into the box, aspect kept: 640×480 into 200×100 is 133.3×100.
    assert!((rects[0].w - 133.33).abs() < 0.1 && (rects[0].h - 100.0).abs() < 0.01, "{:?}", rects[0]);
    let pdf = write_pdf(&doc, &engine.fonts, PdfOptions::default()).unwrap();
    assert!(pdf.windows(jpeg.len()).any(|w| w == jpeg.as_slice()), "the JPEG is embedded byte for byte");
    assert!(pdf.windows(6).any(|w| w == b"/SMask"), "the PNG's alpha becomes a soft mask");
    assert_qpdf_ok(&save("images.pdf", &pdf));
    assert_eq!(ImageData::from_bytes(b"GIF89a\x01\x00\x01\x00".to_vec()).unwrap_err(), ImageError::UnsupportedFormat);
    assert_eq!(ImageData::from_bytes(b"not an image at all".to_vec()).unwrap_err(), ImageError::UnsupportedFormat);
    assert_eq!(ImageData::from_bytes(jpeg[..40].to_vec()).unwrap_err(), ImageError::Corrupt);
}

#[test]
fn bar_chart_is_vector_and_proportional() {
    let engine = Engine::embedded();
    let bars = vec![
        Bar {
            label: "หนึ่ง".into(), values: vec![Some(50.0)], value_labels: vec!["๕๐".into()], highlight: true
        },
        Bar {
            label: "สอง".into(), values: vec![Some(100.0)], value_labels: vec!["๑๐๐".into()], highlight: false
        },
    ];
    let mut chart = BarChart::new(bars);
    chart.threshold = Some((85.0, "เกณฑ์ ๘๕".into()));
    let mut ts = Typesetter::new(engine);
    let (h, items) = prongsai::typeset::chart::layout_chart(&mut ts, &chart, 400.0);
    assert!(h > 20.0);
    let widths: Vec<f32> = items
        .iter()
        .filter_map(|i| match i {
            Item::Rect { rect, fill: Some(c), .. } if *c != Rgb::WHITE => Some(rect.w),
            _ => None,
        })
        .collect();
    assert_eq!(widths.len(), 2);
    assert!((widths[1] / widths[0] - 2.0).abs() < 0.01, "{widths:?}");
    assert!(
        items.iter().any(|i| matches!(i, Item::Line { stroke: Stroke { dash: Some(_), .. }, .. })),
        "dashed threshold line"
    );
    let texts: Vec<String> =
        items.iter().filter_map(|i| if let Item::Text(t) = i { Some(t.text.clone()) } else { None }).collect();
    for t in ["หนึ่ง", "สอง", "๕๐", "๑๐๐", "เกณฑ์ ๘๕"] {
        assert!(texts.iter().any(|x| x == t), "{t} missing from {texts:?}");
    }
}

#[test]
fn a_date_too_wide_for_its_cell_breaks_at_a_space_never_inside_a_number() {
    let engine = Engine::embedded();
    // Every number here is narrower than 45 pt: a cell that wide never needs to cut one.
    for text in ["๓๐ กันยายน ๒๕๖๖", "๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖", "ISO 9001", "พ.ศ. ๒๕๖๘"]
    {
        for width in [30.0f32, 45.0, 60.0, 80.0] {
            let mut ts = Typesetter::new(engine);
            let laid = layout_paragraph(&mut ts, &Paragraph::text(text, TextStyle::regular(14.0)), width);
            let lines: Vec<String> =
                laid.lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect::<String>()).collect();
            let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(bare(&lines.concat()), bare(text), "all text is laid out");
            let is_digit = |c: char| c.is_ascii_digit() || ('๐'..='๙').contains(&c);
            for pair in lines.windows(2) {
                let (end, start) = (pair[0].trim_end().chars().last(), pair[1].chars().next());
                let split = end.is_some_and(is_digit) && start.is_some_and(is_digit);
                // The narrowest cell cannot hold four digits: only then may a number be cut.
                let one_number_fits = width >= 45.0;
                assert!(!(split && one_number_fits), "a number cut at width {width}: {lines:?}");
            }
        }
    }
}
