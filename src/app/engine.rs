//! The typesetting engine in the browser: fonts and the Thai word list are fetched on first
//! use (and cached by the service worker), so the first screen does not wait for them.

use crate::typeset::Engine;
use js_sys::Uint8Array;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ENGINE: RefCell<Option<&'static Engine>> = const { RefCell::new(None) };
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

/// The engine, loading it on first call. Its data lives for the rest of the page.
pub async fn engine() -> Result<&'static Engine, String> {
    if let Some(e) = ENGINE.with(|e| *e.borrow()) {
        return Ok(e);
    }
    let (regular, bold, words) = futures::future::join3(
        fetch_bytes("fonts/Sarabun-Regular.ttf"),
        fetch_bytes("fonts/Sarabun-Bold.ttf"),
        fetch_bytes("data/thai-words.txt"),
    )
    .await;
    let regular: &'static [u8] = Box::leak(regular?.into_boxed_slice());
    let bold: &'static [u8] = Box::leak(bold?.into_boxed_slice());
    let words: &'static str =
        Box::leak(String::from_utf8(words?).map_err(|_| "word list is not UTF-8")?.into_boxed_str());
    let engine: &'static Engine = Box::leak(Box::new(Engine::new(regular, bold, &words).map_err(|e| e.to_string())?));
    ENGINE.with(|e| *e.borrow_mut() = Some(engine));
    Ok(engine)
}
