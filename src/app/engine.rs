//! The PDF engine, seen from the UI: requests to the engine's Web Worker (see
//! `js/engine.js`, `public/engine-worker.js`, `bin/prongsai-engine.rs`). The page never
//! blocks while a long document is made, and the engine's code and data load only when the
//! officer first asks for a PDF or a preview.

use crate::model::Draft;
use crate::worker_api::{EngineError, Preview, Request};
use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/app/js/engine.js")]
extern "C" {
    #[wasm_bindgen(js_name = engineRequest)]
    fn engine_request(request: &str, ids: &Array, images: &Array) -> Promise;
}

/// Sends `request` with `images` and waits for the result; errors in Thai.
async fn ask(request: Request, images: Vec<(String, Vec<u8>)>) -> Result<JsValue, String> {
    let json = serde_json::to_string(&request).map_err(|e| e.to_string())?;
    let ids = Array::new();
    let bytes = Array::new();
    for (id, b) in images {
        ids.push(&JsValue::from_str(&id));
        bytes.push(&Uint8Array::from(b.as_slice()));
    }
    JsFuture::from(engine_request(&json, &ids, &bytes))
        .await
        .map_err(|e| EngineError::from_json_or_load(&e.as_string().unwrap_or_default()).thai())
}

fn draft_json(draft: &Draft) -> Result<String, String> {
    serde_json::to_string(draft).map_err(|e| e.to_string())
}

/// Starts loading the engine in the background (when the officer nears the last step).
pub fn warm_up() {
    let _ = engine_request(&serde_json::to_string(&Request::Warm).unwrap_or_default(), &Array::new(), &Array::new());
}

pub async fn pdf(draft: &Draft, images: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, String> {
    let result = ask(Request::Pdf { draft: draft_json(draft)? }, images).await?;
    Ok(Uint8Array::new(&result).to_vec())
}

pub async fn docx(draft: &Draft, images: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, String> {
    let result = ask(Request::Docx { draft: draft_json(draft)? }, images).await?;
    Ok(Uint8Array::new(&result).to_vec())
}

pub async fn preview(draft: &Draft, images: Vec<(String, Vec<u8>)>) -> Result<Preview, String> {
    let result = ask(Request::Preview { draft: draft_json(draft)? }, images).await?;
    let json = result.as_string().ok_or("no preview")?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// Fetches a file of the app as bytes.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| format!("{e:?}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response")?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    Ok(Uint8Array::new(&buf).to_vec())
}
