//! Build tooling for Prongsai, run as `cargo xtask <command>`.
//!
//! - `serve`: build the app in release mode into `dist/` and serve it on 127.0.0.1:8080.
//! - `test`: install what the tests need, then run every test (native, wasm in headless
//!   Chromium, end-to-end in Chromium) and print the budget figures.
//! - `build`: only build `dist/`.
//! - `setup`: only install the test dependencies (Debian packages, npm lockfile).
//! - `bench`: the benchmarks (native and in-browser PDF time, sizes).
//!
//! wasm-bindgen runs as a library (`wasm-bindgen-cli`, pinned to the same version as the
//! crate's `wasm-bindgen`), so nothing is fetched from outside crates.io and npm.

mod budget;
mod build;
mod serve;
mod setup;
mod test;
mod util;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    match cmd {
        "build" => build::build_app().map(|_| ()),
        "serve" => {
            build::build_app()?;
            let port = rest.iter().find_map(|a| a.strip_prefix("--port=")).and_then(|p| p.parse().ok()).unwrap_or(8080);
            serve::serve_forever(port)
        }
        "setup" => setup::setup(),
        "test" => test::run_all(rest),
        "bench" => budget::bench(),
        // Called by cargo as the wasm32 test runner (see `test::wasm_tests`).
        "wasm-test-runner" => test::wasm_test_runner(rest),
        _ => {
            eprintln!("usage: cargo xtask <serve|test|build|setup|bench>");
            if cmd == "help" {
                Ok(())
            } else {
                bail!("unknown command {cmd}")
            }
        }
    }
}
