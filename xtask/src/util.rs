//! Small helpers: the repository root and running commands loudly.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::Command;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repository").to_path_buf()
}

/// Runs `cmd`, echoing it; fails when it fails.
pub fn run(cmd: &mut Command) -> Result<()> {
    eprintln!("$ {}", describe(cmd));
    let status = cmd.status().with_context(|| format!("could not start {}", describe(cmd)))?;
    if !status.success() {
        bail!("{} failed ({status})", describe(cmd));
    }
    Ok(())
}

pub fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// True when `program` is on PATH.
pub fn have(program: &str) -> bool {
    std::env::var_os("PATH").map(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file())).unwrap_or(false)
}

/// `cargo` through rustup's proxy, in the repository: the toolchain `rust-toolchain.toml`
/// pins, for every build and `cargo bench` alike (not whichever cargo ran xtask, which may
/// be another toolchain's and would rebuild every dependency).
pub fn cargo() -> Command {
    let mut c = Command::new("cargo");
    c.current_dir(root());
    // A toolchain chosen for xtask's own run (e.g. `cargo +stable xtask`) must not leak in.
    c.env_remove("RUSTUP_TOOLCHAIN");
    c
}

pub fn section(title: &str) {
    eprintln!("\n==== {title} ====");
}
