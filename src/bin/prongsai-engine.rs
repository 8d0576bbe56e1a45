//! The PDF engine for the browser: a wasm module run in a Web Worker (`public/engine-worker.js`),
//! loaded only when the officer makes a PDF or a preview. It wraps `worker_api`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use prongsai::typeset::Engine;
    use prongsai::worker_api;
    use std::cell::Cell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static ENGINE: Cell<Option<&'static Engine>> = const { Cell::new(None) };
    }

    fn engine() -> Result<&'static Engine, JsValue> {
        ENGINE.with(Cell::get).ok_or_else(|| JsValue::from_str("engine not loaded"))
    }

    fn images(ids: Vec<String>, bytes: js_sys::Array) -> Vec<(String, Vec<u8>)> {
        ids.into_iter().zip(bytes.iter()).map(|(id, b)| (id, js_sys::Uint8Array::new(&b).to_vec())).collect()
    }

    /// Loads the fonts and the word list (once; they live as long as the worker).
    #[wasm_bindgen]
    pub fn load_engine(regular: Vec<u8>, bold: Vec<u8>, words: &str) -> Result<(), JsValue> {
        console_error_panic_hook::set_once();
        let regular: &'static [u8] = Box::leak(regular.into_boxed_slice());
        let bold: &'static [u8] = Box::leak(bold.into_boxed_slice());
        let e = Engine::new(regular, bold, words).map_err(|e| JsValue::from_str(&e.to_string()))?;
        ENGINE.with(|c| c.set(Some(Box::leak(Box::new(e)))));
        Ok(())
    }

    #[wasm_bindgen]
    pub fn render_pdf(draft_json: &str, ids: Vec<String>, bytes: js_sys::Array) -> Result<Vec<u8>, JsValue> {
        worker_api::pdf(engine()?, draft_json, images(ids, bytes)).map_err(|e| JsValue::from_str(&e))
    }

    #[wasm_bindgen]
    pub fn render_preview(draft_json: &str, ids: Vec<String>, bytes: js_sys::Array) -> Result<String, JsValue> {
        worker_api::preview(engine()?, draft_json, images(ids, bytes)).map_err(|e| JsValue::from_str(&e))
    }
}

fn main() {}
