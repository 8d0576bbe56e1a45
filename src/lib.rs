//! Prongsai (โปร่งใส): the ITA integrity report and its signed cover memo, as a PDF.
//!
//! Data flows one way: `model` (the draft) → `document` (blocks, laid out by `typeset`) →
//! `pdf` (bytes), or `docx` (a Word file written from the same blocks). `catalog` holds what the app knows in advance (indicators, presets,
//! proposed wording); `storage` keeps drafts; `app` is the Leptos UI (browser only), which
//! asks the engine for PDFs and previews through `worker_api` (in a Web Worker).

pub mod catalog;
pub mod document;
pub mod docx;
pub mod model;
pub mod pdf;
pub mod pipeline;
pub mod storage;
pub mod thai;
pub mod typeset;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod app;
pub mod worker_api;
