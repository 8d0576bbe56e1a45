//! Installs what the tests need on a fresh Debian machine: Chromium and its driver, poppler
//! (pdftotext, pdftoppm), qpdf, HarfBuzz's hb-shape, LibreOffice Writer (opens the Word export), the npm lockfile (with pdf.js), and the
//! Python readers of the reader check (pypdf, pdfminer.six, pypdfium2) in a virtualenv.

use crate::build::{ensure_npm, ensure_wasm_target};
use crate::util::{have, root, run, section};
use anyhow::Result;
use std::path::PathBuf;
use std::process::Command;

const TOOLS: [(&str, &str); 7] = [
    ("chromium", "chromium"),
    ("chromedriver", "chromium-driver"),
    ("pdftotext", "poppler-utils"),
    ("pdftoppm", "poppler-utils"),
    ("qpdf", "qpdf"),
    ("hb-shape", "libharfbuzz-bin"),
    ("soffice", "libreoffice-writer-nogui"),
];

/// Names the test tools that are missing, without installing them.
pub fn report_missing() {
    let missing: Vec<String> =
        TOOLS.iter().filter(|(bin, _)| !have(bin)).map(|(bin, pkg)| format!("{bin} (Debian {pkg})")).collect();
    if !missing.is_empty() {
        eprintln!(
            "not installed: {}; tests that need them will say so (`cargo xtask setup` installs them)",
            missing.join(", ")
        );
    }
}

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
    ensure_readers()?;
    Ok(())
}

/// The virtualenv the reader check runs in.
pub fn readers_python() -> PathBuf {
    root().join("target/readers-venv/bin/python")
}

/// Installs `tests/readers/requirements.txt` into `target/readers-venv` (again only when the
/// requirements changed).
fn ensure_readers() -> Result<()> {
    let venv = root().join("target/readers-venv");
    let requirements = root().join("tests/readers/requirements.txt");
    let stamp = venv.join("installed-requirements.txt");
    let wanted = std::fs::read_to_string(&requirements)?;
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) && readers_python().exists() {
        return Ok(());
    }
    if !readers_python().exists() {
        run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    }
    run(Command::new(readers_python()).args(["-m", "pip", "install", "-q", "-r"]).arg(&requirements))?;
    std::fs::write(stamp, wanted)?;
    Ok(())
}
