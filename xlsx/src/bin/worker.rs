//! The spreadsheet web worker: says `lta-xlsx:ready` once started, then receives
//! `{ bytes, name }` and answers with the JSON of a
//! [`lta_core::sheet::WorkbookReply`]. Trunk builds it as a worker (`index.html`,
//! `data-type="worker"`); the app starts it only when a user opens a spreadsheet (`src/xlsx.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let field = |key: &str| js_sys::Reflect::get(&data, &key.into()).unwrap_or(JsValue::UNDEFINED);
        let bytes = js_sys::Uint8Array::new(&field("bytes")).to_vec();
        let name = field("name").as_string().unwrap_or_default();
        let reply = lta_xlsx::read(&bytes, &name);
        // The reply has only strings and numbers: it always serialises.
        let json = serde_json::to_string(&reply).unwrap_or_default();
        let _ = reply_to.post_message(&JsValue::from_str(&json));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The app waits for this before it sends the file (`src/xlsx.rs`, READY).
    let _ = scope.post_message(&JsValue::from_str("lta-xlsx:ready"));
    // The worker lives as long as its one handler.
    on_message.forget();
}

/// Natively there is no worker: the library is tested as it is.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
