//! Property tests: random drafts full of random Unicode (stacked Thai marks, emoji, RTL,
//! control characters, 10,000-character cells, empty everything) never panic, always give
//! a PDF, and every printable character typed comes out again in the document's text.

use crate::common::*;
use prongsai::document::Images;
use prongsai::model::{load_draft, Bundle, Draft, Measure, MeasureGroup};
use prongsai::pdf::{write_pdf, PdfOptions};
use prongsai::pipeline::{layout, render_pdf};
use prongsai::typeset::{
    layout_paragraph, Align, Document, Engine, Item, Metadata, Page, Paragraph, TextStyle, Typesetter,
};
use proptest::prelude::*;

/// Characters worth throwing at a Thai typesetter.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::sample::select("กขคงจฉชซญฐณดตถทนบปผฝพฟภมยรลวศษสหฬอฮฤฦ".chars().collect::<Vec<_>>()),
        4 => prop::sample::select("ะัาำิีึืุูเแโใไๅๆ็่้๊๋์ํ๎ฯ".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("๐๑๒๓๔๕๖๗๘๙0123456789".chars().collect::<Vec<_>>()),
        2 => prop::char::range('a', 'z'),
        2 => Just(' '),
        1 => Just('\n'),
        1 => prop::sample::select(vec!['😀', '👍', '\u{1F3FD}', '\u{1F1F9}', '\u{1F1ED}', '中', '文', 'ש', 'ל', 'ו', 'م', 'ر', 'ح', 'é', '\u{0301}', '\u{200B}', '\u{200D}', '\u{00A0}', '\u{FEFF}', '(', ')', '"', '<', '>', '&', '/', '.', ':', '–']),
        1 => prop::sample::select(vec!['\u{0000}', '\u{0007}', '\u{001B}', '\t', '\r', '\u{007F}', '\u{0085}']),
    ]
}

/// Thai and Latin text as officers type it (no emoji, controls or other scripts).
fn thai_text(max: usize) -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        6 => prop::sample::select("กขคงจฉชซญฐณดตถทนบปผฝพฟภมยรลวศษสหฬอฮฤฦ".chars().collect::<Vec<_>>()),
        5 => prop::sample::select("ะัาำิีึืุูเแโใไๅๆ็่้๊๋์ํฯ".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("๐๑๒๓๔๕๖๗๘๙0123456789.,/-()".chars().collect::<Vec<_>>()),
        1 => prop::char::range('a', 'z'),
        2 => Just(' '),
    ];
    prop::collection::vec(chars, 1..max).prop_map(|v| v.into_iter().collect())
}

fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Characters a reader should find again: not controls, not spaces, not invisible format
/// characters.
fn printable(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| {
        !c.is_control() && !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{2060}')
    })
}

fn draft_with(name: String, texts: Vec<String>, huge: bool) -> Draft {
    let mut d = Draft::default();
    d.agency.name = name;
    d.signers.reporter.name = texts.first().cloned().unwrap_or_default();
    let mut measures = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        measures.push(Measure {
            id: format!("m{i}"),
            name: t.clone(),
            steps: format!("{t}\n{t}"),
            responsible: t.chars().take(20).collect(),
            output: if huge && i == 0 { t.repeat(10_000 / t.len().max(1) + 1) } else { t.clone() },
            ..Default::default()
        });
    }
    d.measures = vec![MeasureGroup { id: "g".into(), indicator: Some(5), measures, ..Default::default() }];
    d.recommendations = texts;
    d
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_drafts_always_give_a_pdf_with_every_character(
        name in any_text(40),
        texts in prop::collection::vec(any_text(120), 0..5),
        huge in prop::bool::weighted(0.2),
    ) {
        let d = draft_with(name.clone(), texts.clone(), huge);
        let engine = Engine::embedded();
        let doc = layout(&d, &Images::new(), engine).unwrap();
        let text: String = doc.pages.iter().flat_map(|p| p.text_runs().map(|r| r.text.clone())).collect();
        for source in std::iter::once(&name).chain(&texts) {
            // The document prints digits as Thai digits (the default).
            let source = prongsai::thai::Digits::Thai.apply(source);
            for c in printable(&source) {
                prop_assert!(text.contains(c), "{c:?} (U+{:04X}) typed but not laid out", c as u32);
            }
        }
        let pdf = render_pdf(&d, &Images::new(), engine).unwrap();
        prop_assert!(pdf.starts_with(b"%PDF-"));
    }

    /// Whatever Thai (stacked marks, sara am after tone marks, marks without a base) and
    /// Latin is typed, the PDF's text layer gives it back exactly, and krilla's PDF/UA
    /// validation holds (every glyph maps to text).
    #[test]
    fn thai_text_comes_back_from_the_pdf_exactly(text in thai_text(160)) {
        let engine = Engine::embedded();
        let mut ts = Typesetter::new(engine);
        let p = Paragraph::text(text.clone(), TextStyle::regular(12.0)).align(Align::Justify);
        let mut laid = layout_paragraph(&mut ts, &p, 420.0);
        ts.structure.tag_paragraph(None, &p, &mut laid);
        let mut items = Vec::new();
        let mut y = 80.0;
        for line in laid.lines {
            let mut line_items: Vec<Item> = line.runs.into_iter().map(Item::Text).collect();
            Page::translate(&mut line_items, 80.0, y);
            items.extend(line_items);
            y += line.height;
        }
        let doc = Document {
            pages: vec![Page { width: 595.0, height: 842.0, items }],
            metadata: Metadata { title: "ทดสอบ".into(), language: "th-TH".into(), ..Default::default() },
            structure: std::mem::take(&mut ts.structure),
        };
        let pdf = write_pdf(&doc, &engine.fonts, PdfOptions { pdfa: false, require_ua: true });
        let pdf = pdf.map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let path = out_dir().join("thai-roundtrip.pdf");
        std::fs::write(&path, pdf).unwrap();
        prop_assert_eq!(squash(&pdftotext(&path)), squash(&text));
    }

    #[test]
    fn paragraphs_keep_all_text_in_order_and_inside_the_box(text in any_text(400), width in 30.0f32..500.0) {
        let mut ts = Typesetter::new(Engine::embedded());
        let laid = layout_paragraph(&mut ts, &Paragraph::text(text.clone(), TextStyle::regular(11.0)).align(Align::Justify), width);
        let got: String = laid.lines.iter().flat_map(|l| l.runs.iter().map(|r| r.text.as_str())).collect();
        let expected: String = text.chars().filter(|c| !c.is_control() || *c == '\t').map(|c| if c == '\t' { ' ' } else { c }).collect();
        // Whitespace at line ends is dropped; everything else is there, in order.
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squash(&got), squash(&expected));
        for line in &laid.lines {
            let w: f32 = line.runs.iter().map(|r| r.width()).sum();
            let clusters = line.runs.iter().map(|r| r.text.chars().count()).sum::<usize>();
            // Only a line holding a single unbreakable cluster may be wider than the box.
            prop_assert!(w <= width + 0.5 || clusters <= 4, "line of {w} in {width}");
        }
    }

    #[test]
    fn any_json_is_read_or_refused_without_panicking(text in ".{0,200}") {
        let _ = load_draft(&text);
        let _ = Bundle::from_json(&text);
    }

    #[test]
    fn mangled_drafts_are_read_or_refused_without_panicking(cut in 0usize..4000, byte in any::<u8>()) {
        let mut json = serde_json::to_vec(&seed("seed-002")).unwrap();
        let at = cut % json.len();
        json[at] = byte;
        if let Ok(text) = String::from_utf8(json) {
            if let Ok(d) = load_draft(&text) {
                // What reads must also render.
                let _ = render_pdf(&d, &Images::new(), Engine::embedded()).unwrap();
            }
        }
    }
}

/// The same property through a real PDF reader, for a few hand-picked hard cases.
#[test]
fn hard_text_survives_pdftotext() {
    let cases = [
        "ก่๊้ำ ปั่ นํ้า ฟื้น ฝั่ง ปฏิบัติ ญู ฐุ",
        "emoji 😀 👍🏽 and RTL שלום مرحبا mixed with ไทย",
        "a\u{0000}b\u{0007}c control characters dropped",
        &"ยาวมาก".repeat(400),
    ];
    let engine = Engine::embedded();
    for (i, t) in cases.iter().enumerate() {
        let mut d = draft_with(t.to_string(), vec![t.to_string()], false);
        // PDF/A too: characters the font lacks must not become .notdef glyphs.
        d.options.pdfa = i % 2 == 1;
        let path = save(&format!("hard-{i}.pdf"), &render_pdf(&d, &Images::new(), engine).unwrap());
        assert_qpdf_ok(&path);
        let text = pdftotext(&path);
        assert!(!text.contains('\u{FFFD}'), "case {i}: U+FFFD in the text");
        for c in printable(t) {
            assert!(text.contains(c), "case {i}: {c:?} (U+{:04X}) lost", c as u32);
        }
    }
}
