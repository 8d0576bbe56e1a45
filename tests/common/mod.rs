//! Helpers shared by the native integration tests: external checkers (pdftotext, qpdf,
//! hb-shape) and the seed drafts.
#![allow(dead_code)]

use prongsai::document::{render_pdf, Images};
use prongsai::model::{Bundle, Draft};
use prongsai::typeset::Engine;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A scratch directory for this test binary's files.
pub fn out_dir() -> PathBuf {
    let dir = root().join("target/test-out");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn seed(name: &str) -> Draft {
    let text = std::fs::read_to_string(root().join(format!("tests/drafts/{name}.json"))).unwrap();
    Bundle::from_json(&text).unwrap().draft
}

/// A seed draft with the images it names (file paths relative to the draft, as the CLI reads
/// a bare draft).
pub fn seed_with_images(name: &str) -> (Draft, Images) {
    let d = seed(name);
    let mut images = Images::new();
    for id in d.image_ids() {
        let bytes = std::fs::read(root().join("tests/drafts").join(&id)).unwrap();
        images.insert(id, bytes).unwrap();
    }
    (d, images)
}

pub fn render(d: &Draft, images: &Images) -> Vec<u8> {
    render_pdf(d, images, Engine::embedded()).unwrap()
}

/// Writes `pdf` under `name` and returns the path; every PDF a test makes must pass
/// `qpdf --check`.
pub fn save(name: &str, pdf: &[u8]) -> PathBuf {
    let path = out_dir().join(name);
    std::fs::write(&path, pdf).unwrap();
    assert_qpdf_ok(&path);
    path
}

/// `pdftotext -raw` of a PDF: text in content-stream order.
pub fn pdftotext(path: &Path) -> String {
    run_pdftotext(path, &["-raw"])
}

/// `pdftotext` in its default mode, which rebuilds lines and words from glyph positions.
pub fn pdftotext_positional(path: &Path) -> String {
    run_pdftotext(path, &[])
}

fn run_pdftotext(path: &Path, args: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("pdftotext gives UTF-8")
}

/// `pdftotext -raw` per page.
pub fn pdftotext_pages(path: &Path) -> Vec<String> {
    pdftotext(path).split('\u{000C}').map(String::from).filter(|p| !p.trim().is_empty()).collect()
}

/// Text without any whitespace: Thai line breaks fall between words, so extraction puts
/// newlines where the draft had none.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `qpdf --check` passes.
pub fn assert_qpdf_ok(path: &Path) {
    let out = Command::new("qpdf").arg("--check").arg(path).output().expect("qpdf is installed");
    assert!(
        out.status.success(),
        "qpdf --check failed for {}:\n{}{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn page_count(path: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(path).output().expect("pdfinfo is installed");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    text.lines().find_map(|l| l.strip_prefix("Pages:")).map(|n| n.trim().parse().unwrap()).unwrap()
}
