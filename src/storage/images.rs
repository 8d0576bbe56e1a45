//! Image bytes in IndexedDB (see `js/idb.js`), as async Rust functions: photos and
//! signatures are too large for local storage (~5 MB), so drafts refer to them by id.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/storage/js/idb.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbPut)]
    fn idb_put(id: &str, bytes: &Uint8Array) -> Promise;
    #[wasm_bindgen(js_name = idbGet)]
    fn idb_get(id: &str) -> Promise;
    #[wasm_bindgen(js_name = idbDelete)]
    fn idb_delete(id: &str) -> Promise;
    #[wasm_bindgen(js_name = idbKeys)]
    fn idb_keys() -> Promise;
}

/// A failed IndexedDB call, as the officer should read it.
pub fn thai_error(reason: &str) -> String {
    if reason.contains("Quota") {
        "พื้นที่เก็บภาพของเบราว์เซอร์เต็ม กรุณาส่งออกร่างเป็นไฟล์เก็บไว้ แล้วลบร่างหรือภาพที่ไม่ใช้".into()
    } else {
        "เบราว์เซอร์ไม่อนุญาตให้เก็บภาพ (อาจเปิดในโหมดส่วนตัว) ภาพนี้จึงยังไม่ถูกบันทึก".into()
    }
}

fn reason(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

pub async fn put(id: &str, bytes: &[u8]) -> Result<(), String> {
    JsFuture::from(idb_put(id, &Uint8Array::from(bytes))).await.map(|_| ()).map_err(reason)
}

pub async fn get(id: &str) -> Result<Option<Vec<u8>>, String> {
    let v = JsFuture::from(idb_get(id)).await.map_err(reason)?;
    Ok(v.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec()))
}

pub async fn delete(id: &str) -> Result<(), String> {
    JsFuture::from(idb_delete(id)).await.map(|_| ()).map_err(reason)
}

pub async fn keys() -> Result<Vec<String>, String> {
    let v = JsFuture::from(idb_keys()).await.map_err(reason)?;
    Ok(v.dyn_into::<Array>().map(|a| a.iter().filter_map(|k| k.as_string()).collect()).unwrap_or_default())
}
