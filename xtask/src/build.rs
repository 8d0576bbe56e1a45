//! Builds the static app into `dist/`: release wasm → wasm-bindgen → wasm-opt → files.

use crate::util::{cargo, root, run, section};
use anyhow::{Context, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The UI (on the first load, built for size) and the PDF engine (in a worker, built for speed).
pub const BIN: &str = "prongsai-web";
pub const ENGINE: &str = "prongsai-engine";

/// Adds the wasm target (idempotent; rustup fetches it from the Rust distribution).
pub fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustup").args(["target", "list", "--installed"]).current_dir(root()).output();
    if let Ok(out) = out {
        if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
            return Ok(());
        }
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]).current_dir(root()))
}

/// Installs the npm lockfile when `node_modules` is missing or older than the lockfile.
pub fn ensure_npm() -> Result<()> {
    let root = root();
    let stamp = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (fs::metadata(&stamp), fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified()? >= l.modified()?,
        _ => false,
    };
    if !fresh {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&root))?;
    }
    Ok(())
}

/// Builds `dist/` and returns its path.
pub fn build_app() -> Result<PathBuf> {
    section("build the app (release)");
    ensure_wasm_target()?;
    ensure_npm()?;
    let root = root();
    let target = ["--target", "wasm32-unknown-unknown"];
    run(cargo().args(["build", "--profile", "web", "--features", "web", "--bin", BIN]).args(target))?;
    run(cargo().args(["build", "--release", "--bin", ENGINE]).args(target))?;
    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).context("cleaning dist/")?;
    }
    for (bin, profile, dir, level) in [(BIN, "web", "pkg", "-Oz"), (ENGINE, "release", "engine", "-O3")] {
        let out = dist.join(dir);
        fs::create_dir_all(&out)?;
        bindgen(&root.join(format!("target/wasm32-unknown-unknown/{profile}/{bin}.wasm")), &out, false)?;
        optimize(&out.join(format!("{bin}_bg.wasm")), level)?;
    }
    copy_dir(&root.join("public"), &dist)?;
    let css: String = sorted_files(&root.join("style"), "css")?
        .iter()
        .map(fs::read_to_string)
        .collect::<Result<Vec<_>, _>>()?
        .join("\n");
    fs::write(dist.join("style.css"), css)?;
    crate::budget::write_service_worker(&dist)?;
    eprintln!("built {}", dist.display());
    Ok(dist)
}

/// wasm-bindgen, as a library: same version as the crate's dependency, nothing downloaded.
pub fn bindgen(wasm: &Path, out: &Path, debug: bool) -> Result<()> {
    let mut args = vec![
        "wasm-bindgen".to_string(),
        "--target".into(),
        "web".into(),
        "--no-typescript".into(),
        "--out-dir".into(),
        out.display().to_string(),
    ];
    if debug {
        args.push("--debug".into());
    }
    args.push(wasm.display().to_string());
    eprintln!("$ {}", args.join(" "));
    wasm_bindgen_cli::wasm_bindgen::run_cli_with_args(args).context("wasm-bindgen")
}

/// Optimises the wasm with npm's binaryen (Debian's wasm-opt 108 breaks it).
fn optimize(wasm: &Path, level: &str) -> Result<()> {
    let opt = root().join("node_modules/.bin/wasm-opt");
    let before = fs::metadata(wasm)?.len();
    run(Command::new(opt)
        .arg(level)
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "-o",
        ])
        .arg(wasm)
        .arg(wasm))?;
    eprintln!("wasm-opt: {} → {} bytes", before, fs::metadata(wasm)?.len());
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::create_dir_all(&target)?;
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    Ok(files)
}
