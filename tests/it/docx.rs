//! The Word export read by a real reader: LibreOffice opens each example's .docx headless
//! and converts it to PDF; the PDF's text (pdftotext) holds the draft's text, and the file's
//! XML says what Word users rely on (the font, Thai distribution, the repeated header row).

use crate::common::*;
use prongsai::document::Images;
use prongsai::model::{DocumentKind, Draft};
use prongsai::pipeline::render_docx;
use std::path::{Path, PathBuf};
use std::process::Command;

/// LibreOffice, with the app's Sarabun as the only Thai font it knows beyond the system's
/// (officers' machines have TH SarabunIT๙; this one may have no Thai font at all).
fn to_pdf(docx: &Path) -> PathBuf {
    let dir = out_dir().join("docx-pdf");
    std::fs::create_dir_all(&dir).unwrap();
    let fonts = dir.join("fonts.conf");
    std::fs::write(
        &fonts,
        format!(
            "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>\
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{}</dir><cachedir>{}</cachedir>\
             <alias><family>TH SarabunIT๙</family><prefer><family>Sarabun</family></prefer></alias></fontconfig>",
            root().join("public/fonts").display(),
            dir.join("fc-cache").display()
        ),
    )
    .unwrap();
    let profile = dir.join("profile");
    let out = Command::new("soffice")
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .arg(docx)
        .env("FONTCONFIG_FILE", &fonts)
        .output()
        .unwrap_or_else(|e| {
            panic!("soffice could not be started ({e}): `cargo xtask setup` installs Debian's libreoffice-writer-nogui")
        });
    let pdf = dir.join(docx.with_extension("pdf").file_name().unwrap());
    assert!(
        out.status.success() && pdf.exists(),
        "LibreOffice did not convert {}: {}{}",
        docx.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// A part's XML inside the .docx.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a .docx is a zip");
    let mut file = zip.by_name(name).expect(name);
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut file, &mut xml).unwrap();
    xml
}

/// What of the draft must come back from the converted PDF.
fn expected(d: &Draft) -> Vec<String> {
    let digits = d.options.digits;
    let subject = d.memo.subject.clone().unwrap_or_else(|| prongsai::catalog::wording::memo_subject(d));
    let mut out = vec![d.agency.full_name(), subject];
    for g in &d.measures {
        for m in &g.measures {
            out.extend(m.name.lines().map(|l| digits.apply(l.trim())));
            out.extend(m.responsible.lines().map(|l| digits.apply(l.trim())));
        }
    }
    for (_, s) in d.signers.iter() {
        out.push(s.full_name());
    }
    out.retain(|t| t.chars().count() > 3);
    out
}

/// Text compared without spaces, digits and list marks (numbering and digit style are the
/// document's choice, tested with the PDF).
fn loose(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !c.is_numeric() && !"-.)•".contains(*c)).collect()
}

fn check(name: &str, d: &Draft) {
    let bytes = render_docx(d, &Images::new()).unwrap();
    let path = out_dir().join(format!("{name}.docx"));
    std::fs::write(&path, &bytes).unwrap();
    let xml = part(&bytes, "word/document.xml");
    let fonts = part(&bytes, "word/fontTable.xml");
    assert!(fonts.contains("w:name=\"TH SarabunIT๙\"><w:altName w:val=\"Sarabun\""), "Sarabun is the alternative");
    assert!(xml.contains("TH SarabunIT๙"), "the font is named");
    assert!(xml.contains("w:val=\"thaiDistribute\""), "justified Thai is distributed");
    assert!(!xml.contains("w:val=\"distribute\""));
    if d.options.digits == prongsai::thai::Digits::Thai {
        assert!(xml.contains("w:fmt=\"thaiNumbers\"") && !xml.contains("prongsai-thai"), "page numbers in Thai digits");
    }
    if d.options.parts.measures {
        assert!(xml.contains("<w:tblHeader />"), "the measures table repeats its header");
    }
    let pdf = to_pdf(&path);
    let text = loose(&pdftotext(&pdf));
    // In pieces: a row LibreOffice breaks across pages is read in two parts.
    let missing: Vec<String> = expected(d).into_iter().filter(|t| !found_in_order(&text, &loose(t))).collect();
    assert!(missing.is_empty(), "{name}: not in LibreOffice's PDF: {missing:?}");
    assert!(page_count(&pdf) > 2, "{name}: pages");
}

/// Every example draft opens in LibreOffice without error, converts to PDF, and its text is
/// the draft's.
#[test]
fn each_example_opens_in_libreoffice_with_its_text() {
    for name in ["seed-000", "seed-002", "seed-004"] {
        check(name, &seed(name));
    }
    check("seed-002-measures", &seed("seed-002").for_document(DocumentKind::Measures));
    // Rendered pages, to look at (target/test-out/docx-pdf/*.png).
    let pdf = out_dir().join("docx-pdf/seed-002.pdf");
    let _ =
        Command::new("pdftoppm").args(["-r", "40", "-png"]).arg(&pdf).arg(out_dir().join("docx-pdf/seed-002")).status();
}

/// Photos and signatures travel inside the file.
#[test]
fn images_are_embedded() {
    let (d, images) = seed_with_images("hard-mixed");
    let bytes = render_docx(&d, &images).unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let media = zip.file_names().filter(|n| n.starts_with("word/media/")).count();
    // The emblem, and every image the draft names.
    assert!(media > d.image_ids().len(), "{media} media files for {} images", d.image_ids().len());
}
