//! Photos and signatures prepared in the browser (see `js/image.js`): decoded by the
//! browser, downscaled on a canvas, made transparent where paper was.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/app/js/image.js")]
extern "C" {
    #[wasm_bindgen(js_name = downscaleJpeg)]
    fn downscale_jpeg(bytes: &Uint8Array, mime: &str, max_side: u32, quality: f64) -> Promise;
    #[wasm_bindgen(js_name = signaturePng)]
    fn signature_png(bytes: &Uint8Array, mime: &str, max_side: u32) -> Promise;
    #[wasm_bindgen(js_name = canvasPng)]
    fn canvas_png(canvas: &web_sys::HtmlCanvasElement) -> Promise;
}

/// The bytes of a file the officer chose.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("อ่านไฟล์ \"{}\" ไม่ได้", file.name()))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// Longest side of a stored photo, in pixels.
pub const PHOTO_MAX_SIDE: u32 = 1600;
/// Files above this are refused before decoding (a phone photo is 2–8 MB).
pub const MAX_FILE_BYTES: usize = 40 * 1024 * 1024;

/// Why an image could not be used, in Thai.
pub fn thai_error(reason: &str) -> String {
    match reason {
        "not-an-image" => "ไฟล์นี้ไม่ใช่ภาพ หรือเป็นภาพชนิดที่เบราว์เซอร์เปิดไม่ได้ (ใช้ JPEG หรือ PNG)".into(),
        "too-large" => "ภาพมีขนาดใหญ่เกินไป (เกิน ๘๐ ล้านพิกเซล) กรุณาย่อภาพก่อน".into(),
        "empty" => "ยังไม่ได้เซ็นชื่อบนช่องลงลายมือชื่อ".into(),
        _ => "ประมวลผลภาพไม่สำเร็จ กรุณาลองภาพอื่น".into(),
    }
}

fn reason(e: JsValue) -> String {
    e.as_string().unwrap_or_default()
}

/// A photo as JPEG, at most `PHOTO_MAX_SIDE` pixels on its longer side.
pub async fn photo_jpeg(bytes: &[u8], mime: &str) -> Result<Vec<u8>, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err("ไฟล์ภาพใหญ่เกินไป (เกิน ๔๐ MB) กรุณาเลือกภาพที่เล็กกว่านี้".into());
    }
    let out = JsFuture::from(downscale_jpeg(&Uint8Array::from(bytes), mime, PHOTO_MAX_SIDE, 0.85))
        .await
        .map_err(|e| thai_error(&reason(e)))?;
    let parts: Array = out.dyn_into().map_err(|_| thai_error(""))?;
    Ok(parts.get(0).dyn_into::<Uint8Array>().map_err(|_| thai_error(""))?.to_vec())
}

/// An uploaded signature as PNG with a transparent background.
pub async fn signature_from_image(bytes: &[u8], mime: &str) -> Result<Vec<u8>, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err("ไฟล์ภาพใหญ่เกินไป (เกิน ๔๐ MB)".into());
    }
    let out =
        JsFuture::from(signature_png(&Uint8Array::from(bytes), mime, 900)).await.map_err(|e| thai_error(&reason(e)))?;
    Ok(out.dyn_into::<Uint8Array>().map_err(|_| thai_error(""))?.to_vec())
}

/// What was drawn on a signature pad, cropped, as PNG.
pub async fn signature_from_canvas(canvas: &web_sys::HtmlCanvasElement) -> Result<Vec<u8>, String> {
    let out = JsFuture::from(canvas_png(canvas)).await.map_err(|e| thai_error(&reason(e)))?;
    Ok(out.dyn_into::<Uint8Array>().map_err(|_| thai_error(""))?.to_vec())
}
