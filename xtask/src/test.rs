//! `cargo xtask test`: every test, in order of cost, then the budget figures.

use crate::build::build_app;
use crate::util::{cargo, root, run, section};
use anyhow::{bail, Context, Result};
use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

/// Chromium flags for a closed network and a root user, one a line; the e2e helpers read
/// the same file.
fn chromium_args() -> Vec<&'static str> {
    include_str!("../../tests/chromium-args.txt").lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

pub fn run_all(args: &[String]) -> Result<()> {
    let started = Instant::now();
    let only = |name: &str| args.is_empty() || args.iter().any(|a| a == name);
    if args.iter().all(|a| a == "native") && !args.is_empty() {
        // The native tests alone install nothing; a test that needs a missing tool says so.
        crate::setup::report_missing();
    } else {
        crate::setup::setup()?;
    }
    let mut timings = Vec::new();
    let mut step = |name: &str, f: &dyn Fn() -> Result<()>| -> Result<()> {
        let t = Instant::now();
        f()?;
        timings.push((name.to_string(), t.elapsed().as_secs_f32()));
        Ok(())
    };
    if only("native") {
        step("native tests", &native_tests)?;
    }
    let readers_table = std::cell::RefCell::new(String::new());
    if only("readers") {
        step("reader check (5 PDF readers)", &|| {
            *readers_table.borrow_mut() = reader_check()?;
            Ok(())
        })?;
    }
    if only("wasm") {
        step("wasm tests (headless Chromium)", &wasm_tests)?;
    }
    if only("e2e") {
        step("end-to-end tests (Chromium)", &e2e_tests)?;
    }
    if only("bench") {
        step("benchmarks and budgets", &crate::budget::bench)?;
    }
    let readers_table = readers_table.into_inner();
    if !readers_table.is_empty() {
        section("reader check: lines of each example draft found by each reader");
        eprint!("{readers_table}");
    }
    section("summary");
    for (name, secs) in &timings {
        eprintln!("{name:<34} {secs:>7.1} s");
    }
    eprintln!("{:<34} {:>7.1} s", "total", started.elapsed().as_secs_f32());
    Ok(())
}

fn native_tests() -> Result<()> {
    section("native tests (cargo test)");
    run(cargo().args(["test", "--workspace"]))
}

/// Every example draft's PDF read by five readers we did not write (`tests/readers/check.py`);
/// returns the table it prints, to be shown again at the end of the run.
fn reader_check() -> Result<String> {
    section("reader check (pdf.js, PDFium, poppler, pypdf, pdfminer)");
    // Writes the PDFs and their lines into target/readers/ (also part of the native tests).
    run(cargo().args(["test", "--test", "it", "report::every_example_draft_is_written_for_the_reader_check"]))?;
    let mut check = Command::new(crate::setup::readers_python());
    check.arg("tests/readers/check.py").arg("target/readers").current_dir(root());
    eprintln!("$ {}", crate::util::describe(&check));
    let out = check.output().context("running the reader check")?;
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    eprint!("{table}{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        bail!("the reader check failed (see FAIL lines above)");
    }
    Ok(table)
}

/// wasm-bindgen tests in headless Chromium: cargo builds the test wasm and calls this same
/// xtask binary as its runner (`wasm-test-runner`), which embeds wasm-bindgen's runner.
fn wasm_tests() -> Result<()> {
    section("wasm tests (wasm-bindgen-test in headless Chromium)");
    let me = std::env::current_exe().context("locating xtask")?;
    run(cargo()
        .args(["test", "--target", "wasm32-unknown-unknown", "--test", "wasm"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", format!("{} wasm-test-runner", me.display())))
}

pub fn wasm_test_runner(args: &[String]) -> Result<()> {
    let dir = root().join("target/wasm-test");
    fs::create_dir_all(&dir)?;
    let caps = serde_json::json!({ "goog:chromeOptions": { "args": chromium_args(), "binary": "/usr/bin/chromium" } });
    let caps_path = dir.join("webdriver.json");
    fs::write(&caps_path, serde_json::to_vec_pretty(&caps)?)?;
    // SAFETY of set_var: single-threaded at this point, before the runner starts threads.
    unsafe {
        std::env::set_var("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &caps_path);
        if std::env::var_os("CHROMEDRIVER").is_none() {
            std::env::set_var("CHROMEDRIVER", "/usr/bin/chromedriver");
        }
        std::env::set_var("WASM_BINDGEN_TEST_TIMEOUT", "120");
    }
    let mut full = vec!["wasm-bindgen-test-runner".to_string()];
    full.extend(args.iter().cloned());
    wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(full)
}

/// The e2e suite: Node's test runner driving Debian's Chromium with playwright-core against
/// the release build served locally.
fn e2e_tests() -> Result<()> {
    let dist = build_app()?;
    section("end-to-end tests (playwright-core + Chromium)");
    let port = crate::serve::start(dist, 0)?;
    let root = root();
    let out = root.join("tests/e2e/out");
    fs::create_dir_all(&out)?;
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("tests/e2e"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no end-to-end tests found in tests/e2e");
    }
    let cli = root.join("target/debug/prongsai");
    if !cli.exists() {
        run(cargo().args(["build", "--bin", "prongsai"]))?;
    }
    // One file at a time; a file that fails is run once more and both results are printed:
    // headless Chromium under a loaded 2-core machine was seen, rarely, to wait for ever on a
    // page's fonts or its service worker (a screenshot timing out at 30 s). A test that fails
    // twice fails the run; one that passes the second time is named, not hidden.
    let mut retried = Vec::new();
    for file in &files {
        let node = || {
            let mut node = Command::new("node");
            // A test that hangs fails after 5 minutes rather than holding the run until CI's limit.
            node.args(["--test", "--test-concurrency=1", "--test-timeout=300000", "--test-reporter=spec"])
                .arg(file)
                .current_dir(&root)
                .env("BASE_URL", format!("http://127.0.0.1:{port}/"))
                .env("OUT_DIR", &out)
                .env("PRONGSAI_CLI", &cli)
                .env("DIST_DIR", root.join("dist"))
                .env("CHROMIUM_ARGS", chromium_args().join(" "));
            node
        };
        if run(&mut node()).is_err() {
            eprintln!("\n{} failed; running it once more", file.display());
            run(&mut node())?;
            retried.push(file.display().to_string());
        }
    }
    if !retried.is_empty() {
        eprintln!("\npassed on the second run (look at the first run's failure above): {}", retried.join(", "));
    }
    eprintln!("screenshots and downloads: {}", out.display());
    Ok(())
}
