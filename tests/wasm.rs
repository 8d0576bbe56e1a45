//! Tests that run in headless Chromium (wasm-bindgen-test): the engine and storage on the
//! real browser platform. Run by `cargo xtask test`.
#![cfg(target_arch = "wasm32")]

use prongsai::catalog::example::example_draft;
use prongsai::document::Images;
use prongsai::model::Draft;
use prongsai::pipeline::render_pdf;
use prongsai::storage::local::Local;
use prongsai::storage::{DraftStore, KeyValue, SaveError};
use prongsai::typeset::Engine;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn engine() -> &'static Engine {
    Engine::embedded()
}

#[wasm_bindgen_test]
fn renders_the_example_report_in_the_browser() {
    let pdf = render_pdf(&example_draft(), &Images::new(), engine()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() > 20_000, "only {} bytes", pdf.len());
}

#[wasm_bindgen_test]
fn same_pdf_twice() {
    let e = engine();
    let a = render_pdf(&example_draft(), &Images::new(), e).unwrap();
    let b = render_pdf(&example_draft(), &Images::new(), e).unwrap();
    assert_eq!(a, b, "rendering must be deterministic");
}

#[wasm_bindgen_test]
fn drafts_survive_in_local_storage_and_conflicts_are_caught() {
    Local.remove("prongsai.index");
    let store = DraftStore::new(Local);
    let mut d = Draft::default();
    d.agency.name = "ทดสอบในเบราว์เซอร์".into();
    let r1 = store.save("wasm-test", "ร่างทดสอบ", &d, 0, 1.0).unwrap();
    let again = DraftStore::new(Local);
    assert_eq!(again.load("wasm-test").unwrap().draft.agency.name, "ทดสอบในเบราว์เซอร์");
    again.save("wasm-test", "ร่างทดสอบ", &d, r1, 2.0).unwrap();
    assert!(matches!(store.save("wasm-test", "ร่างทดสอบ", &d, r1, 3.0), Err(SaveError::Conflict { .. })));
    store.delete("wasm-test");
    assert!(store.load("wasm-test").is_err());
}
