//! Native benchmark: the 40-row reference report (tests/drafts/reference-40.json), from draft
//! to PDF bytes. Prints the median of several runs, the page count and the size.
//! Run with `cargo bench --bench render` (also part of `cargo xtask test`).

use prongsai::document::Images;
use prongsai::model::load_draft;
use prongsai::pipeline::{layout, render_pdf};
use prongsai::typeset::Engine;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/drafts/reference-40.json")).unwrap();
    let draft = load_draft(&json).unwrap();
    let images = Images::new();
    let t = Instant::now();
    let engine = Engine::embedded();
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let pages = layout(&draft, &images, engine).unwrap().pages.len();
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..15 {
        let t = Instant::now();
        let pdf = render_pdf(&draft, &images, engine).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1e3);
        size = pdf.len();
    }
    let mut layout_times = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        std::hint::black_box(layout(&draft, &images, engine).unwrap());
        layout_times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("engine load (fonts + word list)      {load_ms:8.1} ms (once per process)");
    println!("40-row reference report → PDF        {:8.1} ms median of {} runs", median(times.clone()), times.len());
    println!("  of which layout                    {:8.1} ms", median(layout_times));
    println!("  pages {pages}, size {} KB ({:.1} KB a page)", size / 1024, size as f64 / 1024.0 / pages as f64);
}
