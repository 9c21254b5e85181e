//! Saving a file made in the page (CSV text, a chart as SVG or PNG): a Blob behind a temporary
//! link. Nothing is uploaded.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn click_link(name: &str, url: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// A URL for the content (a string or a byte array) as a Blob of the given type.
fn blob_url(content: &JsValue, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(content);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // The Blob constructor takes strings and byte arrays alike.
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Saves text as a file. CSV gets a byte-order mark so spreadsheet programs read it as UTF-8.
pub fn save_text(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let content = if mime.starts_with("text/csv") { format!("\u{feff}{content}") } else { content.to_string() };
    save(name, mime, &JsValue::from_str(&content))
}

/// Saves bytes (the publishable cube's ZIP, full app only) as a file.
#[cfg(feature = "toolkit")]
pub fn save_bytes(name: &str, mime: &str, content: &[u8]) -> Result<(), JsValue> {
    save(name, mime, &js_sys::Uint8Array::from(content))
}

fn save(name: &str, mime: &str, content: &JsValue) -> Result<(), JsValue> {
    let url = blob_url(content, mime)?;
    click_link(name, &url)?;
    revoke_later(url);
    Ok(())
}

/// Frees a blob URL once the browser has started the download (revoking at once cancels it).
fn revoke_later(url: String) {
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

/// Saves an SVG document as a PNG at twice its size (sharp on high-density screens).
pub async fn save_png(name: &str, svg: &str, width: u32, height: u32) -> Result<(), JsValue> {
    let url = blob_url(&JsValue::from_str(svg), "image/svg+xml")?;
    let image = web_sys::HtmlImageElement::new()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    JsFuture::from(loaded).await?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
    context.scale(2.0, 2.0)?;
    context.draw_image_with_html_image_element(&image, 0.0, 0.0)?;
    revoke_later(url);
    click_link(name, &canvas.to_data_url_with_type("image/png")?)
}
