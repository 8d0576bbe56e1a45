//! Installs what the tests need on a fresh Debian machine: Chromium and its driver, poppler
//! (pdftotext, pdftoppm), qpdf, HarfBuzz's hb-shape, and the npm lockfile.

use crate::build::{ensure_npm, ensure_wasm_target};
use crate::util::{have, run, section};
use anyhow::Result;
use std::process::Command;

const TOOLS: [(&str, &str); 6] = [
    ("chromium", "chromium"),
    ("chromedriver", "chromium-driver"),
    ("pdftotext", "poppler-utils"),
    ("pdftoppm", "poppler-utils"),
    ("qpdf", "qpdf"),
    ("hb-shape", "libharfbuzz-bin"),
];

pub fn setup() -> Result<()> {
    section("set up test dependencies");
    let mut missing: Vec<&str> = TOOLS.iter().filter(|(bin, _)| !have(bin)).map(|(_, pkg)| *pkg).collect();
    missing.dedup();
    if !missing.is_empty() {
        let apt = |args: &[&str]| {
            let mut c = Command::new("apt-get");
            c.args(["-o", "DPkg::Lock::Timeout=600", "-q"]).args(args).env("DEBIAN_FRONTEND", "noninteractive");
            c
        };
        run(&mut apt(&["update"]))?;
        let mut install = apt(&["install", "-y", "--no-install-recommends"]);
        install.args(&missing);
        run(&mut install)?;
    }
    ensure_npm()?;
    ensure_wasm_target()?;
    Ok(())
}
