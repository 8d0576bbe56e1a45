//! Helpers shared by the native integration tests: external checkers (pdftotext, qpdf,
//! hb-shape) and the seed drafts.

use prongsai::document::Images;
use prongsai::model::{Bundle, Draft};
use prongsai::pipeline::render_pdf;
use prongsai::typeset::Engine;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs an outside tool; when it is not installed, says which Debian package has it and how
/// to install it, instead of a bare "No such file".
pub fn run_tool(tool: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    let package = match tool {
        "pdftotext" | "pdfinfo" | "pdftoppm" => "poppler-utils",
        "qpdf" => "qpdf",
        "hb-shape" => "libharfbuzz-bin",
        "soffice" => "libreoffice-writer-nogui",
        _ => "?",
    };
    match Command::new(tool).args(args).output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!(
                "{tool} is not installed: this test reads its output. `cargo xtask setup` installs Debian's {package}."
            )
        }
        Err(e) => panic!("{tool} could not be started: {e}"),
    }
}

/// True when `page` has `what` drawn (as outlines: page number, watermark, header, (ต่อ)).
pub fn draws(page: &prongsai::typeset::Page, what: prongsai::typeset::Artifact) -> bool {
    use prongsai::typeset::{Item, VectorKind};
    page.items.iter().any(|i| matches!(i, Item::Vector { graphic, .. } if graphic.kind == VectorKind::Artifact(what)))
}

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
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.push(path.as_os_str());
    all.push(std::ffi::OsStr::new("-"));
    let out = run_tool("pdftotext", &all);
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
    let out = run_tool("qpdf", &[std::ffi::OsStr::new("--check"), path.as_os_str()]);
    assert!(
        out.status.success(),
        "qpdf --check failed for {}:\n{}{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `pdfinfo`'s report.
pub fn pdfinfo(path: &Path) -> String {
    String::from_utf8_lossy(&run_tool("pdfinfo", &[path.as_os_str()]).stdout).into_owned()
}

pub fn page_count(path: &Path) -> usize {
    let out = run_tool("pdfinfo", &[path.as_os_str()]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    text.lines().find_map(|l| l.strip_prefix("Pages:")).map(|n| n.trim().parse().unwrap()).unwrap()
}

/// True when `needle` is found in `hay` (both squashed), possibly in up to three pieces in
/// order: a table row split across pages continues after the next page's header.
pub fn found_in_order(hay: &str, needle: &str) -> bool {
    let needle: Vec<char> = needle.chars().collect();
    let mut from = 0;
    let mut i = 0;
    for _ in 0..3 {
        // The longest prefix of what is left that occurs after `from`.
        let mut best = None;
        let mut k = needle.len();
        while k > i {
            let part: String = needle[i..k].iter().collect();
            if let Some(at) = hay[from..].find(&part) {
                best = Some((k, from + at + part.len()));
                break;
            }
            k -= 1;
        }
        let Some((k, end)) = best else { return false };
        if k == needle.len() {
            return true;
        }
        // A piece must be a real line's worth, not a stray syllable.
        if k - i < 8 {
            return false;
        }
        i = k;
        from = end;
    }
    false
}
