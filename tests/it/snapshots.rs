//! Layout snapshots: every example draft's pages as text (each run, box, line, picture, with
//! positions rounded to 0.1 pt), compared with `tests/snapshots/NAME.txt`. A change to the
//! layout shows up in review as a diff of these files, not only by eye.
//!
//! After a layout change that is meant: `UPDATE_SNAPSHOTS=1 cargo test --test it snapshots`,
//! then read `git diff tests/snapshots/` before committing.

use crate::common::*;
use prongsai::pipeline::layout;
use prongsai::typeset::{Document, Engine, Item, VectorKind};
use std::fmt::Write as _;

/// The drafts snapshotted (the 40-row reference is left to the benchmark and reader check).
const DRAFTS: [&str; 5] = ["seed-000", "seed-002", "seed-004", "hard-marks", "hard-mixed"];

fn snapshot(doc: &Document) -> String {
    let r = |v: f32| (v * 10.0).round() / 10.0;
    let mut out = String::new();
    for (n, page) in doc.pages.iter().enumerate() {
        let _ = writeln!(out, "page {} {}x{}", n + 1, r(page.width), r(page.height));
        for item in &page.items {
            let _ = match item {
                Item::Text(t) => writeln!(
                    out,
                    "  text {} {} {:?} {} \"{}\"{}",
                    r(t.x),
                    r(t.y),
                    t.weight,
                    r(t.size),
                    t.text.replace('\\', "\\\\").replace('"', "\\\""),
                    if t.node.is_some() { "" } else { " artifact" }
                ),
                Item::Rect { rect, fill, stroke } => writeln!(
                    out,
                    "  rect {} {} {} {}{}{}",
                    r(rect.x),
                    r(rect.y),
                    r(rect.w),
                    r(rect.h),
                    if fill.is_some() { " filled" } else { "" },
                    if stroke.is_some() { " stroked" } else { "" }
                ),
                Item::Line { from, to, .. } => {
                    writeln!(out, "  line {} {} {} {}", r(from.0), r(from.1), r(to.0), r(to.1))
                }
                Item::Image { rect, .. } => {
                    writeln!(out, "  image {} {} {} {}", r(rect.x), r(rect.y), r(rect.w), r(rect.h))
                }
                Item::Vector { rect, graphic, .. } => {
                    let kind = match graphic.kind {
                        VectorKind::Emblem => "emblem".to_string(),
                        VectorKind::Artifact(a) => format!("{a:?}"),
                    };
                    writeln!(out, "  vector {kind} {} {} {} {}", r(rect.x), r(rect.y), r(rect.w), r(rect.h))
                }
            };
        }
    }
    out
}

#[test]
fn layouts_match_their_snapshots() {
    let dir = root().join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut changed = Vec::new();
    for name in DRAFTS {
        let (d, images) = seed_with_images(name);
        let got = snapshot(&layout(&d, &images, Engine::embedded()).unwrap());
        let path = dir.join(format!("{name}.txt"));
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got == want {
            continue;
        }
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let first = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        let show = |s: &str| s.lines().skip(first.saturating_sub(2)).take(5).collect::<Vec<_>>().join("\n");
        changed.push(format!(
            "{name}: layout differs from {} at line {}:\n--- expected\n{}\n--- got\n{}",
            path.display(),
            first + 1,
            show(&want),
            show(&got)
        ));
    }
    assert!(
        changed.is_empty(),
        "{}\n\nIf the change is meant: UPDATE_SNAPSHOTS=1 cargo test --test it snapshots, then review git diff tests/snapshots/",
        changed.join("\n\n")
    );
}
