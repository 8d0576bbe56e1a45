//! The native integration tests, one crate (one link of the library), a module per area:
//! the CLI, the engine (shaping, breaking, tables, pages, checked with hb-shape, pdftotext
//! and qpdf), property tests, and the report (seed drafts end to end, tagging, the reader
//! check's inputs).
#![cfg(not(target_arch = "wasm32"))]

mod cli;
mod common;
mod docx;
mod engine;
mod fuzz;
mod report;
mod snapshots;
