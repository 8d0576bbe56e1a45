//! The report: seed drafts render into PDFs whose text gives back everything typed.

use crate::common::*;
use prongsai::document::{build, Images};
use prongsai::model::{validate, Bundle, Draft};
use prongsai::pdf::{write_pdf, PdfOptions};
use prongsai::pipeline::layout;
use prongsai::thai::Digits;
use prongsai::typeset::table::Row;
use prongsai::typeset::{Artifact, Block, Engine, ParaKind, Paragraph, TextStyle, Weight};

const SEEDS: [&str; 3] = ["seed-000", "seed-002", "seed-004"];

/// Everything a draft says that must be found in its PDF, as (what, text).
fn expected_texts(d: &Draft) -> Vec<(String, String)> {
    let digits = d.options.digits;
    let mut out = Vec::new();
    let mut add = |what: &str, text: &str| {
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let line = prongsai::document::strip_list_number(line);
            out.push((what.to_string(), digits.apply(line)));
        }
    };
    for g in &d.measures {
        add("group heading", &g.heading);
        for m in &g.measures {
            for (what, text) in [
                ("measure name", &m.name),
                ("steps", &m.steps),
                ("responsible", &m.responsible),
                ("period", &m.period),
                ("output", &m.output),
                ("outcome", &m.outcome),
                ("note", &m.note),
            ] {
                add(what, text);
            }
        }
    }
    for r in &d.recommendations {
        add("recommendation", r);
    }
    if let Some(body) = &d.memo.body {
        for p in body {
            add("memo body", p);
        }
    }
    if let Some(s) = &d.memo.subject {
        add("memo subject", s);
    }
    if let Some(date) = d.memo.date {
        add("memo date", &date.long(digits));
    }
    for s in [&d.signers.reporter, &d.signers.clerk, &d.signers.executive] {
        add("signer name", &s.name);
        add("signer position", &s.position);
        add("comment", &s.comment);
    }
    for (i, s) in d.ita.indicators.iter().enumerate() {
        for v in [s.previous, s.current].into_iter().flatten() {
            add(&format!("score of indicator {}", i + 1), &format!("{v:.2}"));
        }
    }
    if let Some(v) = d.ita.score {
        add("overall score", &format!("{v:.2}"));
    }
    for t in [&d.texts.preface, &d.texts.analysis_summary].into_iter().flatten() {
        add("text", t);
    }
    for t in [&d.analysis.weaknesses, &d.analysis.improvements, &d.analysis.approach] {
        add("analysis", t);
    }
    out
}

fn render_seed(name: &str, d: &Draft) -> (std::path::PathBuf, String) {
    let path = save(&format!("{name}.pdf"), &render(d, &Images::new()));
    let text = pdftotext(&path);
    (path, text)
}

#[test]
fn every_seed_renders_with_all_its_text() {
    for name in SEEDS {
        let d = seed(name);
        let (path, text) = render_seed(name, &d);
        assert_qpdf_ok(&path);
        assert!(!text.contains('\u{FFFD}'), "{name}: replacement character in the text");
        assert!(
            !text.contains("ำา") && !text.contains("\u{0E4D}\u{0E32}"),
            "{name}: sara am copied out as two characters"
        );
        let all = squash(&text);
        let expected = expected_texts(&d);
        assert!(expected.len() > 30, "{name}: too few texts to check ({})", expected.len());
        for (what, t) in expected {
            assert!(found_in_order(&all, &squash(&t)), "{name}: {what} missing from the PDF: {t}");
        }
        // Memo fields.
        for field in ["บันทึกข้อความ", "ส่วนราชการ", "วันที่", "เรื่อง", "เรียน", &d.agency.full_name()]
        {
            assert!(text.contains(field), "{name}: memo lacks {field}");
        }
        assert!(text.contains(&format!("{}/", Digits::Thai.apply(d.agency.doc_code.trim()))), "{name}: ที่ line");
    }
}

/// The input of the outside readers' check (`tests/readers/check.py`, run by `cargo xtask
/// test` after this): every example draft's PDF and the lines it must give back, in
/// `target/readers/`.
/// The blocks that hold content, in reading order: layers, kept groups and columns opened.
fn leaf_blocks(blocks: &[Block]) -> Vec<&Block> {
    blocks
        .iter()
        .flat_map(|b| match b {
            Block::Layers(bs) | Block::Keep(bs) => leaf_blocks(bs),
            Block::Columns(cols) | Block::SignedColumns(cols) => {
                cols.iter().flat_map(|(_, bs)| leaf_blocks(bs)).collect()
            }
            other => vec![other],
        })
        .collect()
}

/// Every line of text a document's blocks hold, and whether it is in a table (a line is a
/// paragraph, or one of its forced lines).
fn document_lines(blocks: &[Block], out: &mut Vec<(bool, String)>) {
    fn para(p: &Paragraph, table: bool, out: &mut Vec<(bool, String)>) {
        for line in p.plain_text().lines().map(str::trim).filter(|l| !l.is_empty()) {
            out.push((table, line.to_string()));
        }
    }
    for b in leaf_blocks(blocks) {
        match b {
            Block::Para(p) => para(p, false, out),
            Block::Table(t) => {
                let rows = t.rows.iter().flat_map(|r| match r {
                    Row::Cells(cells) => cells.iter().collect::<Vec<_>>(),
                    Row::Group(cell) => vec![cell],
                });
                for cell in t.header.iter().flatten().chain(rows) {
                    cell.content.iter().for_each(|p| para(p, true, out));
                }
            }
            Block::Fields(fields) => {
                for (f, _) in fields {
                    let value: String = f.value.iter().map(|s| s.text.as_str()).collect();
                    let text = format!("{} {value}", f.label.text);
                    para(&Paragraph::text(text, TextStyle::regular(16.0)), false, out);
                }
            }
            Block::Signature(s) => s.lines.iter().for_each(|p| para(p, false, out)),
            _ => {}
        }
    }
}

/// Headings (level, text) and figure alternative texts, in reading order.
fn structure_expected(blocks: &[Block], headings: &mut Vec<(u8, String)>, figures: &mut Vec<String>) {
    for b in leaf_blocks(blocks) {
        match b {
            Block::Para(p) => {
                if let ParaKind::Heading(level) = p.kind {
                    headings.push((level, p.plain_text().split_whitespace().collect::<Vec<_>>().join(" ")));
                }
            }
            Block::Image { alt, .. } | Block::Graphic { alt, .. } => figures.push(alt.clone()),
            Block::Chart(c) => figures.push(c.alt_text()),
            Block::Signature(s) if s.image.is_some() => figures.push(s.image_alt.clone()),
            _ => {}
        }
    }
}

#[test]
fn every_example_draft_is_written_for_the_reader_check() {
    let dir = root().join("target/readers");
    std::fs::create_dir_all(&dir).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/drafts"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".json").map(String::from))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "example drafts: {names:?}");
    for name in names {
        let (d, images) = seed_with_images(&name);
        std::fs::write(dir.join(format!("{name}.pdf")), render(&d, &images)).unwrap();
        let spec = build(&d, &images).unwrap();
        let mut lines = Vec::new();
        for section in &spec.sections {
            document_lines(&section.blocks, &mut lines);
        }
        lines.sort();
        lines.dedup();
        assert!(lines.len() > 50, "{name}: {} lines", lines.len());
        let lines: Vec<serde_json::Value> =
            lines.into_iter().map(|(table, text)| serde_json::json!({ "table": table, "text": text })).collect();
        // What the tagged PDF's structure must show: headings in order, the measures table's
        // header cells, the figures' alternative texts.
        let mut headings = Vec::new();
        let mut figures = Vec::new();
        for section in &spec.sections {
            structure_expected(&section.blocks, &mut headings, &mut figures);
        }
        let expect = serde_json::json!({
            "lines": lines,
            "headings": headings,
            "headers": prongsai::document::header_titles(&d),
            "figures": figures,
        });
        std::fs::write(dir.join(format!("{name}.lines.json")), serde_json::to_string_pretty(&expect).unwrap()).unwrap();
    }
}

#[test]
fn the_measures_table_has_its_header_on_every_page() {
    let engine = Engine::embedded();
    for name in SEEDS {
        let d = seed(name);
        let doc = layout(&d, &Images::new(), engine).unwrap();
        let table_pages: Vec<_> = doc.pages.iter().filter(|p| p.width > p.height).collect();
        assert!(!table_pages.is_empty(), "{name}: no landscape pages");
        for (i, page) in table_pages.iter().enumerate() {
            // Above a row continued from the page before, the header is drawn as outlines
            // (so the row's text reads on across the page break): it is there, not as text.
            if draws(page, Artifact::TableHeader) {
                continue;
            }
            let header: Vec<&str> =
                page.text_runs().filter(|r| r.weight == Weight::Bold).map(|r| r.text.as_str()).collect();
            for h in ["มาตรการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ผลการดำเนินการ", "ผลผลิต", "ผลลัพธ์"]
            {
                assert!(header.contains(&h), "{name}: landscape page {} lacks the header {h}", i + 1);
            }
        }
    }
}

#[test]
fn the_reference_report_spans_pages_and_every_cell_comes_back() {
    let d = seed("reference-40");
    assert_eq!(d.measures.iter().map(|g| g.measures.len()).sum::<usize>(), 40);
    let (path, text) = render_seed("reference-40", &d);
    assert!(page_count(&path) >= 20, "{} pages", page_count(&path));
    let all = squash(&text);
    for (what, t) in expected_texts(&d) {
        assert!(found_in_order(&all, &squash(&t)), "{what} missing: {t}");
    }
}

#[test]
fn weak_indicators_are_marked_and_charted() {
    let d = seed("seed-002");
    let weak = d.ita.weak_indicators();
    assert!(!weak.is_empty(), "seed 002 has indicators under 85");
    let spec = build(&d, &Images::new()).unwrap();
    let doc = prongsai::typeset::layout_document(Engine::embedded(), &spec);
    let text: String = doc.pages.iter().map(|p| p.plain_text()).collect::<Vec<_>>().join("\n");
    assert_eq!(squash(&text).matches("ต่ำกว่าเกณฑ์").count(), weak.len());
    assert!(text.contains("แผนภูมิคะแนนรายตัวชี้วัด"));
    assert!(text.contains("เกณฑ์ ๘๕ คะแนน"));
}

#[test]
fn arabic_digits_when_the_draft_asks() {
    let mut d = seed("seed-002");
    d.options.digits = Digits::Arabic;
    let (_, text) = render_seed("seed-002-arabic", &d);
    assert!(text.contains("2568"), "year in Arabic digits");
    let score = format!("{:.2}", d.ita.score.unwrap());
    assert!(text.contains(&score), "score {score} in Arabic digits");
    let thai_digits = text.chars().filter(|c| ('\u{0E50}'..='\u{0E59}').contains(c)).count();
    let measure_digits: usize = expected_texts(&seed("seed-002"))
        .iter()
        .map(|(_, t)| t.chars().filter(|c| ('\u{0E50}'..='\u{0E59}').contains(c)).count())
        .sum();
    assert!(thai_digits < measure_digits / 4, "{thai_digits} Thai digits left");
}

#[test]
fn pdfa_output_is_declared_and_checks() {
    let mut d = seed("seed-004");
    d.options.pdfa = true;
    let (path, text) = render_seed("seed-004-pdfa", &d);
    assert_qpdf_ok(&path);
    let bytes = std::fs::read(&path).unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"pdfaid:part") || has(b"pdfaid:part>2<"), "PDF/A identification in XMP");
    assert!(has(b"/OutputIntents"), "an output intent");
    assert!(has(b"/FontFile2"), "fonts embedded");
    assert!(text.contains("หนองไฮ"));
}

#[test]
fn drafts_round_trip_through_json_losslessly() {
    for name in SEEDS.iter().chain(&["reference-40"]) {
        let d = seed(name);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(prongsai::model::load_draft(&json).unwrap(), d, "{name}");
        let b = Bundle { name: name.to_string(), draft: d.clone(), images: Default::default() };
        assert_eq!(Bundle::from_json(&b.to_json()).unwrap().draft, d, "{name} as an export file");
    }
}

#[test]
fn seed_002_is_complete_and_the_others_say_what_is_missing() {
    assert_eq!(validate(&seed("seed-002")), vec![]);
    let problems = validate(&seed("seed-004"));
    assert!(problems.iter().any(|p| p.field.to_string() == "signers.reporter.name"));
    assert!(problems
        .iter()
        .all(|p| !p.message.is_empty() && p.message.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))));
}

#[test]
fn photos_and_signatures_appear_in_the_pdf() {
    let mut d = seed("seed-004");
    let mut images = Images::new();
    images.insert("photo.jpg", std::fs::read(root().join("tests/fixtures/photo.jpg")).unwrap()).unwrap();
    images.insert("sign.png", std::fs::read(root().join("tests/fixtures/signature.png")).unwrap()).unwrap();
    let m = &mut d.measures[0].measures[0];
    for i in 0..3 {
        m.photos.push(prongsai::model::Photo {
            image: "photo.jpg".into(), caption: format!("ภาพกิจกรรมที่ {}", i + 1)
        });
    }
    d.signers.reporter.name = "นางสาวทดสอบ ลายมือ".into();
    d.signers.reporter.signature = Some("sign.png".into());
    let path = save("seed-004-photos.pdf", &render(&d, &images));
    let text = pdftotext(&path);
    for c in ["ภาพกิจกรรมที่ ๑", "ภาพกิจกรรมที่ ๒", "ภาพกิจกรรมที่ ๓", "ภาพประกอบการดำเนินการตามมาตรการ"]
    {
        assert!(text.contains(c), "{c}");
    }
    let doc = layout(&d, &images, Engine::embedded()).unwrap();
    let images_drawn =
        doc.pages.iter().flat_map(|p| &p.items).filter(|i| matches!(i, prongsai::typeset::Item::Image { .. })).count();
    // Three photos, the signature in the memo and again in the closing.
    assert_eq!(images_drawn, 5);
    // A missing image is a Thai message, not a panic.
    let err = prongsai::pipeline::render_pdf(&d, &Images::new(), Engine::embedded()).unwrap_err();
    assert!(err.thai().contains("ไม่พบไฟล์ภาพ"), "{}", err.thai());
}

#[test]
fn a_draft_with_problems_says_ร่าง_on_every_page_as_a_drawing_not_text() {
    let watermarks = |d: &Draft| {
        let doc = layout(d, &Images::new(), Engine::embedded()).unwrap();
        let marked = doc.pages.iter().filter(|p| draws(p, Artifact::Watermark)).count();
        (marked, doc.pages.len())
    };
    let complete = seed("reference-40");
    assert_eq!(validate(&complete), vec![]);
    assert_eq!(watermarks(&complete).0, 0, "a complete draft is not marked");
    let mut invalid = complete.clone();
    invalid.ita.score = None;
    invalid.unparsed.insert("ita.score".parse().unwrap(), "88,45".into());
    let (marked, pages) = watermarks(&invalid);
    assert_eq!(marked, pages, "every page of a draft with problems");
    let (_, text) = render_seed("watermarked", &invalid);
    // The score is printed nowhere but where the officer's own wording quotes it (and that
    // wording is flagged as stale).
    let quoted: usize = invalid.own_texts().iter().map(|(_, t)| t.matches("๙๒.๘๔").count()).sum();
    assert_eq!(squash(&text).matches("๙๒.๘๔").count(), quoted, "the old score is not printed as the score");
    assert!(validate(&invalid).iter().any(|p| p.field.to_string() == "texts.analysis_summary"));
    assert_eq!(text.matches("ร่าง").count(), render_seed("not-watermarked", &complete).1.matches("ร่าง").count());
    invalid.options.watermark = false;
    assert_eq!(watermarks(&invalid).0, 0, "turned off knowingly");
}

/// Every example draft makes a tagged PDF that krilla validates as PDF/UA-1, and with the
/// PDF/A option as PDF/A-2a too (no fallback to an unclaimed PDF).
#[test]
fn every_example_draft_is_tagged_pdf_ua() {
    let engine = Engine::embedded();
    for name in ["seed-000", "seed-002", "seed-004", "reference-40", "hard-marks", "hard-mixed"] {
        let (mut d, images) = seed_with_images(name);
        for pdfa in [false, true] {
            d.options.pdfa = pdfa;
            let doc = layout(&d, &images, engine).unwrap();
            let options = PdfOptions { pdfa, require_ua: true };
            let pdf = write_pdf(&doc, &engine.fonts, options).unwrap_or_else(|e| panic!("{name} (PDF/A {pdfa}): {e}"));
            let path = save(&format!("{name}-ua{}.pdf", if pdfa { "-a" } else { "" }), &pdf);
            let info = pdfinfo(&path);
            assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{name}: {info}");
        }
    }
}

/// Characters the font lacks (emoji, other scripts) are drawn as a box and still carry their
/// text, so the PDF stays PDF/UA and the text comes back.
#[test]
fn characters_the_font_lacks_keep_pdf_ua_and_their_text() {
    let engine = Engine::embedded();
    let mut d = seed("seed-004");
    d.measures[0].measures[0].name = "ประชุม 😀 中文 é ผ่านระบบ".to_string();
    let doc = layout(&d, &Images::new(), engine).unwrap();
    let pdf = write_pdf(&doc, &engine.fonts, PdfOptions { pdfa: false, require_ua: true })
        .unwrap_or_else(|e| panic!("PDF/UA with missing glyphs: {e}"));
    let path = save("missing-glyphs-ua.pdf", &pdf);
    assert!(squash(&pdftotext(&path)).contains(&squash("ประชุม 😀 中文 é ผ่านระบบ")));
}

/// Every column real reports use, filled in every measure, with two lines in each cell:
/// every column's heading and every line of every cell come out of the PDF, each line
/// apart (pdftotext -raw), in the plan and results tables.
#[test]
fn every_column_and_every_line_of_a_cell_reach_the_pdf() {
    use prongsai::model::path::MeasureField;
    use prongsai::model::FieldPath;
    let mut d = seed("seed-004");
    d.options.digits = Digits::Arabic;
    let ids: Vec<String> = d.measures.iter().flat_map(|g| &g.measures).map(|m| m.id.clone()).collect();
    // Short Latin words: never broken inside, in the narrowest column.
    let line = |f: MeasureField, i: usize, n: usize| {
        let c = MeasureField::ALL.iter().position(|x| *x == f).unwrap_or(0);
        format!("c{c}r{i}l{n}")
    };
    for (i, id) in ids.iter().enumerate() {
        for &f in MeasureField::ALL {
            d.set_text(&FieldPath::Measure(id.clone(), f), format!("{}\n{}", line(f, i, 1), line(f, i, 2)));
        }
    }
    let (_, text) = render_seed("every-column", &d);
    let lines: Vec<String> = text.lines().map(squash).collect();
    // A heading may wrap in its narrow column.
    let all = squash(&text);
    for title in prongsai::document::header_titles(&d) {
        assert!(all.contains(&squash(&title)), "heading {title} missing");
    }
    for i in 0..ids.len() {
        for &f in MeasureField::ALL {
            let (one, two) = (squash(&line(f, i, 1)), squash(&line(f, i, 2)));
            assert!(lines.iter().any(|l| l.contains(&one)), "{one} missing");
            assert!(lines.iter().any(|l| l.contains(&two)), "{two} missing");
            assert!(!lines.iter().any(|l| l.contains(&one) && l.contains(&two)), "{one} and {two} on one line");
        }
    }
}

/// Each part of the document can be left out: what is left is complete (its own headings,
/// the closing signatures with any part of the report) and its pages are numbered.
#[test]
fn each_part_of_the_document_can_be_left_out() {
    use prongsai::model::Parts;
    type Switch = fn(&mut Parts) -> &mut bool;
    let marks: [(&str, Switch, &str); 6] = [
        ("memo", |p| &mut p.memo, "บันทึกข้อความ"),
        ("cover", |p| &mut p.cover, "คำนำ"),
        ("analysis", |p| &mut p.analysis, "หน่วยงานภาครัฐ (ITA)\nประจำปีงบประมาณ"),
        ("measures", |p| &mut p.measures, "ขั้นตอน/วิธีการปฏิบัติ"),
        ("photos", |p| &mut p.photos, "ภาพประกอบ"),
        ("recommendations", |p| &mut p.recommendations, "สรุปผลและข้อเสนอแนะ"),
    ];
    let (mut full, images) = seed_with_images("hard-mixed");
    full.recommendations = vec!["ข้อเสนอแนะทดสอบ".into()];
    let engine = Engine::embedded();
    let whole = squash(&pdftotext(&save("parts-all.pdf", &render(&full, &images))));
    for (name, part, mark) in marks {
        assert!(whole.contains(&squash(mark)), "{mark} is not in the whole document");
        let mut d = full.clone();
        *part(&mut d.options.parts) = false;
        let path = save(&format!("parts-without-{name}.pdf"), &render(&d, &images));
        let text = squash(&pdftotext(&path));
        assert!(!text.contains(&squash(mark)), "{name} left out, but {mark} is printed");
        // The report is still signed, and its pages numbered (never the first).
        assert!(text.contains("ผู้รายงาน"), "{name} left out: no signature");
        let doc = layout(&d, &images, engine).unwrap();
        assert!(!draws(&doc.pages[0], Artifact::PageNumber), "{name}: the first page has no number");
        assert!(doc.pages.iter().any(|p| draws(p, Artifact::PageNumber)), "{name}: no page is numbered");
    }
    // The memo alone with nothing of the report: no closing signatures of the report.
    let mut memo_only = full.clone();
    let nothing =
        Parts { memo: false, cover: false, analysis: false, measures: false, photos: false, recommendations: false };
    memo_only.options.parts = Parts { memo: true, ..nothing };
    let text = squash(&pdftotext(&save("parts-memo-only.pdf", &render(&memo_only, &images))));
    assert!(text.contains("บันทึกข้อความ") && !text.contains("คำนำ") && !text.contains("ขั้นตอน/วิธีการปฏิบัติ"));
    // Nothing at all is a problem, said in Thai.
    let mut none = full.clone();
    none.options.parts = nothing;
    assert!(validate(&none).iter().any(|p| p.field.to_string() == "options.parts"));
}

/// The memo's ส่วนราชการ line prints as the officer wrote it (no space forced between the
/// unit and the agency).
#[test]
fn the_department_line_prints_as_written() {
    let mut d = seed("seed-004");
    d.agency.phone = "0 4200 0000".into();
    let default = squash(&prongsai::catalog::wording::memo_department(&d));
    d.memo.department = Some("สำนักปลัดองค์การบริหารส่วนตำบลทดสอบ (งานแผน) โทร. ๐๔๒".into());
    let (_, text) = render_seed("department-as-written", &d);
    let text = squash(&text);
    assert!(text.contains("สำนักปลัดองค์การบริหารส่วนตำบลทดสอบ(งานแผน)โทร.๐๔๒"), "{text}");
    assert!(!text.contains(&default), "the proposed line is still printed");
}

/// A signer's rank prints before the name; a comment heading prints as the officer wrote it.
#[test]
fn signer_ranks_and_comment_headings_print_as_written() {
    use prongsai::model::SignerRole;
    let mut d = seed("seed-004");
    d.signers.reporter.rank = "พ.จ.ต.".into();
    let name = d.signers.reporter.name.trim().to_string();
    let default = prongsai::catalog::wording::comment_heading(&d, SignerRole::Clerk);
    d.signers.clerk.heading = Some("ความเห็นรองปลัด".into());
    let (_, text) = render_seed("signers-as-written", &d);
    let text = squash(&text);
    assert!(text.contains(&squash(&format!("(พ.จ.ต. {name})"))), "the rank is not before the name");
    assert!(text.contains("ความเห็นรองปลัด"));
    assert!(!text.contains(&squash(&default)), "the proposed heading is still printed");
}

/// Any number of reviewers (ผู้ผ่านงาน) print between the reporter and the clerk, in signing
/// order, each with a heading naming their position, their comment and their name.
#[test]
fn reviewers_print_in_signing_order_between_reporter_and_clerk() {
    use prongsai::model::Signer;
    let mut d = seed("seed-002");
    let reviewer = |name: &str, position: &str, comment: &str| Signer {
        name: name.into(),
        position: position.into(),
        comment: comment.into(),
        ..Default::default()
    };
    d.signers.reviewers = vec![
        reviewer("นายหนึ่ง ผ่านงาน", "หัวหน้าสำนักปลัด", "เห็นควรนำเสนอ"),
        reviewer("นางสองสี ผ่านงาน", "รองปลัดองค์การบริหารส่วนตำบล", ""),
        reviewer("นายสาม ผ่านงาน", "ผู้อำนวยการกองคลัง", "ทราบ"),
    ];
    let (_, text) = render_seed("memo-reviewers", &d);
    let text = squash(&text);
    let at = |what: &str| text.find(&squash(what)).unwrap_or_else(|| panic!("{what} is not printed"));
    let reporter = at(&d.signers.reporter.name);
    let first = at("ความเห็นหัวหน้าสำนักปลัด");
    assert!(at("เห็นควรนำเสนอ") > first && at("(นายหนึ่งผ่านงาน)") > first);
    let second = at("ความเห็นรองปลัดองค์การบริหารส่วนตำบล");
    let third = at("ความเห็นผู้อำนวยการกองคลัง");
    let clerk = at(&format!("({})", d.signers.clerk.name));
    assert!(reporter < first && first < second && second < third, "reviewers out of order");
    assert!(third < clerk, "a reviewer is printed after the clerk");
    at("(นางสองสีผ่านงาน)");
    // A reviewer's own heading replaces the proposed one.
    d.signers.reviewers[0].heading = Some("เสนอ".into());
    let text = squash(&render_seed("memo-reviewers-own-heading", &d).1);
    assert!(!text.contains("ความเห็นหัวหน้าสำนักปลัด") && text.contains("เสนอ"));
}

/// With signing lines on, every memo signature stands on "ลงชื่อ ……", followed by the
/// signer's label (ผู้รายงาน by default for the reporter, as typed for the others).
#[test]
fn signing_lines_and_labels_are_options() {
    let d = seed("seed-002");
    let plain = squash(&pdftotext(&save("sign-lines-off.pdf", &render(&d, &Images::new()))));
    let mut on = d.clone();
    on.options.sign_lines = true;
    on.signers.executive.label = Some("ผู้สั่งการ".into());
    on.signers.reporter.label = Some("ผู้จัดทำรายงาน".into());
    let text = squash(&pdftotext(&save("sign-lines-on.pdf", &render(&on, &Images::new()))));
    // The report's closing always has its line; the memo's three signatures gain theirs.
    assert_eq!(text.matches("ลงชื่อ").count(), plain.matches("ลงชื่อ").count() + 3);
    assert!(text.contains("ผู้สั่งการ"));
    // The reporter's label follows them into the report's closing too.
    assert!(text.matches("ผู้จัดทำรายงาน").count() >= 2);
    assert!(!plain.contains("ผู้จัดทำรายงาน"));
}

/// A memo paragraph may be a short list (marked lines) or a small table pasted from a
/// spreadsheet (tab-separated): the list keeps its markers, each cell is its own text.
#[test]
fn a_memo_paragraph_can_be_a_list_or_a_table() {
    let mut d = seed("seed-002");
    d.memo.body = Some(vec![
        "ตามที่หน่วยงานได้รับผลการประเมิน ดังนี้\n๑) ตัวชี้วัดย่อยที่ ๑๐.๑ การเปิดเผยข้อมูล\n๒) ตัวชี้วัดย่อยที่ ๑๐.๒ การป้องกันการทุจริต".into(),
        "ตัวชี้วัด\tคะแนน ปี ๒๕๖๗\tคะแนน ปี ๒๕๖๘\n10.1 การเปิดเผยข้อมูล\t78.50\t91.25\n10.2 การป้องกันการทุจริต\t64.00\t88.00"
            .into(),
        "จึงเรียนมาเพื่อโปรดทราบ".into(),
    ]);
    let path = save("memo-body-list-table.pdf", &render(&d, &Images::new()));
    let raw = pdftotext(&path);
    let lines: Vec<String> = raw.lines().map(squash).collect();
    for want in ["๑)ตัวชี้วัดย่อยที่๑๐.๑การเปิดเผยข้อมูล", "๒)ตัวชี้วัดย่อยที่๑๐.๒การป้องกันการทุจริต"]
    {
        assert!(lines.iter().any(|l| l == want), "{want} is not a line of its own:\n{raw}");
    }
    let text = squash(&raw);
    for cell in ["คะแนนปี๒๕๖๗", "๑๐.๑การเปิดเผยข้อมูล", "๗๘.๕๐", "๙๑.๒๕", "๖๔.๐๐", "๘๘.๐๐"]
    {
        assert!(text.contains(cell), "table cell {cell} is missing:\n{raw}");
    }
    assert!(!raw.contains('\t'));
    // The table is a table in the tagged structure too.
    let doc = layout(&d, &Images::new(), Engine::embedded()).unwrap();
    let memo = &build(&d, &Images::new()).unwrap().sections[0];
    assert!(memo.blocks.iter().any(|b| matches!(b, Block::Table(_))));
    assert!(doc.pages.len() > 1);
}

/// The indicators are the draft's: a renamed one, a changed tool, an eleventh and
/// sub-indicators with their own scores print in the table (and the group heading that
/// names its indicator follows the new name).
#[test]
fn the_indicator_framework_is_the_drafts_own() {
    use prongsai::model::{IndicatorScore, SubIndicator};
    let mut d = seed("seed-002");
    d.ita.indicators[0].name = "การปฏิบัติหน้าที่อย่างมีคุณธรรม".into();
    d.ita.indicators[8].tool = "OIT*".into();
    d.ita.indicators[9].subs = vec![
        SubIndicator {
            name: "การเปิดเผยข้อมูลเชิงรุก".into(), previous: Some(61.25), current: None
        },
        SubIndicator {
            name: "มาตรการภายในหน่วยงาน".into(), previous: Some(97.5), current: None
        },
    ];
    d.ita.indicators.push(IndicatorScore {
        name: "ตัวชี้วัดใหม่ของปีนี้".into(),
        tool: "EIT".into(),
        previous: Some(70.0),
        ..Default::default()
    });
    d.measures[0].heading.clear();
    d.measures[0].indicator = Some(1);
    assert!(prongsai::model::validate(&d).iter().all(|p| !p.field.to_string().starts_with("ita.indicators")));
    let (_, raw) = render_seed("indicator-framework", &d);
    let text = squash(&raw);
    for want in [
        "การปฏิบัติหน้าที่อย่างมีคุณธรรม",
        "OIT*",
        "๑๐.๑การเปิดเผยข้อมูลเชิงรุก",
        "๖๑.๒๕",
        "๑๐.๒มาตรการภายในหน่วยงาน",
        "๙๗.๕๐",
        "ตัวชี้วัดใหม่ของปีนี้",
        "ตัวชี้วัดที่๑การปฏิบัติหน้าที่อย่างมีคุณธรรม(IIT)",
    ] {
        assert!(text.contains(want), "{want} is not printed");
    }
    // An eleventh indicator with no name of its own is a problem, said in Thai.
    d.ita.indicators.push(IndicatorScore::default());
    let problems = prongsai::model::validate(&d);
    assert!(problems.iter().any(|p| p.field.to_string() == "ita.indicators.11.name" && p.message.contains("๑๒")));
}

/// The measures document, published at the start of the year, comes from the same draft:
/// a memo asking to announce them, the analysis, the announcement signed by the chief
/// executive, and the plan without any result column; no round, no photos, no closing.
#[test]
fn the_measures_document_is_the_plan_announced() {
    use prongsai::model::DocumentKind;
    let mut d = seed("seed-002");
    d.report.oit_item = "O36".into();
    let report = squash(&render_seed("year-report", &d).1);
    let (path, raw) = render_seed("year-measures", &d.for_document(DocumentKind::Measures));
    let text = squash(&raw);
    for want in [
        "ขอความเห็นชอบและประกาศใช้มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานประจำปีงบประมาณพ.ศ.๒๕๖๘",
        "ประกาศองค์การบริหารส่วนตำบลเขาสมอคอน",
        "จึงประกาศให้ทราบโดยทั่วกัน",
        "แนบท้ายประกาศองค์การบริหารส่วนตำบลเขาสมอคอน",
        "O36",
        "ขั้นตอน/วิธีการปฏิบัติ",
    ] {
        assert!(text.contains(&squash(want)), "{want} is not in the measures document");
    }
    let name = &d.measures[0].measures[0].name;
    assert!(text.contains(&squash(name)), "the first measure is not listed");
    for gone in ["ผลผลิต", "ผลลัพธ์", "รอบ๑๒เดือน", "ภาพประกอบ", "ผู้รายงาน", "รายงานผลการดำเนินการตามมาตรการ"]
    {
        assert!(!text.contains(gone), "{gone} is in the measures document");
    }
    assert!(report.contains("ผลผลิต") && report.contains("รอบ๑๒เดือน"), "the report itself is unchanged");
    assert_qpdf_ok(&path);
}

/// Six-month and twelve-month reports from one draft: each prints its own period and its
/// own results; writing the twelve-month results left the six-month ones as they were.
#[test]
fn each_round_prints_its_own_results_from_one_draft() {
    use prongsai::model::Round;
    let mut d = seed("seed-004");
    d.set_round(Round::SixMonths);
    let id = d.measures[0].measures[0].id.clone();
    d.measure_mut(&id).unwrap().output = "ดำเนินการแล้วร้อยละห้าสิบ".into();
    d.set_round(Round::TwelveMonths);
    d.measure_mut(&id).unwrap().output = "ดำเนินการครบทุกขั้นตอน".into();
    let twelve = squash(&render_seed("round-12", &d).1);
    let six = squash(&render_seed("round-6", &d.for_round(Round::SixMonths)).1);
    assert!(six.contains("ดำเนินการแล้วร้อยละห้าสิบ") && !six.contains("ดำเนินการครบทุกขั้นตอน"));
    assert!(twelve.contains("ดำเนินการครบทุกขั้นตอน") && !twelve.contains("ดำเนินการแล้วร้อยละห้าสิบ"));
    assert!(six.contains("รอบ๖เดือน") && six.contains("มีนาคม"), "the six-month period");
    assert!(twelve.contains("รอบ๑๒เดือน") && twelve.contains("กันยายน"), "the twelve-month period");
}
