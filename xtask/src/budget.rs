//! Sizes, speed and the service worker's precache list.
//!
//! Budgets (generous margins; CI fails above them):
//! - first load, gzip: everything fetched before step 1 is usable ≤ 1.5 MB;
//! - PDF of the 40-row reference report in headless Chromium: median ≤ 150 ms is the target,
//!   the CI limit is 3× that to absorb slow runners.

use crate::util::{root, run, section};
use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const FIRST_LOAD_BUDGET: u64 = 1_500_000;
pub const BROWSER_PDF_TARGET_MS: f64 = 150.0;
pub const BROWSER_PDF_LIMIT_MS: f64 = 450.0;

/// Files the page fetches before step 1 is usable (the rest loads lazily or on demand).
pub const FIRST_LOAD: [&str; 7] = [
    "index.html",
    "boot.js",
    "style.css",
    "pkg/prongsai-web.js",
    "pkg/prongsai-web_bg.wasm",
    "fonts/Sarabun-Regular.ttf",
    "fonts/Sarabun-Bold.ttf",
];

pub fn gzip_len(bytes: &[u8]) -> u64 {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory").len() as u64
}

fn all_files(dir: &Path, base: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            all_files(&path, base, out)?;
        } else {
            out.push(path.strip_prefix(base)?.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// Fills `dist/sw.js` with the list of files to precache and a version derived from their
/// contents, so a new build is picked up on the next visit.
pub fn write_service_worker(dist: &Path) -> Result<()> {
    let sw = dist.join("sw.js");
    let Ok(template) = fs::read_to_string(&sw) else { return Ok(()) };
    let mut files = Vec::new();
    all_files(dist, dist, &mut files)?;
    files.retain(|f| f != "sw.js");
    files.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for f in &files {
        use std::hash::Hash;
        f.hash(&mut hasher);
        fs::read(dist.join(f))?.hash(&mut hasher);
    }
    let version = format!("{:016x}", std::hash::Hasher::finish(&hasher));
    let list =
        serde_json::to_string(&files.iter().map(|f| format!("./{f}")).chain(["./".to_string()]).collect::<Vec<_>>())?;
    let filled = template.replace("__PRECACHE__", &list).replace("__VERSION__", &version);
    fs::write(sw, filled)?;
    Ok(())
}

/// Prints the first-load breakdown and fails over budget.
pub fn first_load(dist: &Path) -> Result<u64> {
    section("first load (gzip)");
    let mut total = 0;
    for f in FIRST_LOAD {
        let bytes = fs::read(dist.join(f)).with_context(|| format!("{f} missing from dist/"))?;
        let gz = gzip_len(&bytes);
        total += gz;
        eprintln!("  {f:<28} {:>9} B raw {:>9} B gzip", bytes.len(), gz);
    }
    eprintln!("  {:<28} {:>9}   {:>9} B gzip (budget {} B)", "total", "", total, FIRST_LOAD_BUDGET);
    for lazy in [
        "engine/prongsai-engine_bg.wasm",
        "engine/prongsai-engine.js",
        "engine-worker.js",
        "data/thai-words.txt",
        "data/thai-address.json",
    ] {
        if let Ok(bytes) = fs::read(dist.join(lazy)) {
            eprintln!("  lazy: {lazy:<22} {:>9} B raw {:>9} B gzip", bytes.len(), gzip_len(&bytes));
        }
    }
    if total > FIRST_LOAD_BUDGET {
        bail!("first load is {total} B gzip, over the {FIRST_LOAD_BUDGET} B budget");
    }
    Ok(total)
}

/// Native benchmark (`cargo bench`), then the browser figures the e2e run recorded.
pub fn bench() -> Result<()> {
    let root = root();
    let dist = root.join("dist");
    if !dist.join("index.html").exists() {
        crate::build::build_app()?;
    }
    first_load(&dist)?;
    section("PDF generation, native (cargo bench)");
    run(crate::util::cargo().args(["bench", "--bench", "render"]))?;
    browser_figures(&root.join("tests/e2e/out/bench.json"))
}

fn browser_figures(path: &PathBuf) -> Result<()> {
    section("PDF generation, in headless Chromium");
    let Ok(text) = fs::read_to_string(path) else {
        eprintln!("  (no browser figures: run the e2e tests first)");
        return Ok(());
    };
    let v: serde_json::Value = serde_json::from_str(&text)?;
    let median = v["median_ms"].as_f64().unwrap_or(f64::NAN);
    eprintln!(
        "  40-row reference report: median {median:.1} ms over {} runs (target ≤ {BROWSER_PDF_TARGET_MS} ms), {} pages, {} B",
        v["runs"], v["pages"], v["bytes"]
    );
    if median > BROWSER_PDF_LIMIT_MS {
        bail!("browser PDF generation median {median:.1} ms exceeds the CI limit {BROWSER_PDF_LIMIT_MS} ms");
    }
    Ok(())
}
