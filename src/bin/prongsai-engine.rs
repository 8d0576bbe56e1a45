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

    /// Answers a request (`worker_api::Request` as JSON): PDF bytes, the preview's JSON, or
    /// nothing (warm); an error is `worker_api::EngineError` as JSON.
    #[wasm_bindgen]
    pub fn handle(request: &str, ids: Vec<String>, bytes: js_sys::Array) -> Result<JsValue, JsValue> {
        let engine = engine().map_err(|_| {
            JsValue::from_str(&worker_api::EngineError::Load { reason: "engine not loaded".into() }.to_json())
        })?;
        match worker_api::handle(engine, request, images(ids, bytes)) {
            Ok(worker_api::Reply::Ready) => Ok(JsValue::UNDEFINED),
            Ok(worker_api::Reply::Pdf(b) | worker_api::Reply::Docx(b)) => {
                Ok(js_sys::Uint8Array::from(b.as_slice()).into())
            }
            Ok(worker_api::Reply::Preview(json)) => Ok(JsValue::from_str(&json)),
            Err(e) => Err(JsValue::from_str(&e.to_json())),
        }
    }
}

fn main() {}
