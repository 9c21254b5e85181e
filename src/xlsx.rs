//! A spreadsheet the user opened (`.xlsx`, `.ods`): its sheet is read as CSV text by the
//! spreadsheet worker (`xlsx/`, a wasm of its own that the browser fetches only now), then by the
//! same readers as a CSV file. The workbook goes to the worker inside the browser, never further.

use std::cell::RefCell;
use std::rc::Rc;

use lta_core::sheet::{SheetMap, WorkbookReply};
use lta_core::{DataError, ErrorKind};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, which Trunk writes beside the app (`index.html`, `data-loader-shim`).
const WORKER: &str = "./lta-xlsx-worker_loader.js";
/// What the worker says first, when it can take the file (`xlsx/src/bin/worker.rs`).
const READY: &str = "lta-xlsx:ready";

/// The sheet as CSV text, with the map from its lines back to the sheet's cells.
pub async fn sheet_text(bytes: &[u8], name: &str) -> Result<(String, SheetMap), DataError> {
    let failed = |detail: String| DataError::new(ErrorKind::BadWorkbook { detail }, name);
    let reply = ask_worker(bytes, name).await.map_err(|e| failed(describe(&e)))?;
    let reply: WorkbookReply = serde_json::from_str(&reply).map_err(|e| failed(e.to_string()))?;
    match reply {
        WorkbookReply::Csv { csv, map } => Ok((csv, map)),
        WorkbookReply::Unreadable { file, detail } => Err(DataError::new(ErrorKind::BadWorkbook { detail }, &file)),
        WorkbookReply::NoHeader { file } => Err(DataError::new(ErrorKind::NoHeaderRow, &file)),
    }
}

/// Starts a worker, sends it the file and waits for its one answer (a JSON string); the worker
/// is ended after it, so its memory goes with it.
async fn ask_worker(bytes: &[u8], name: &str) -> Result<String, JsValue> {
    let worker = web_sys::Worker::new(WORKER)?;
    type Settle = Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>>;
    let settle: Settle = Rc::default();
    let promise = js_sys::Promise::new(&mut |resolve, reject| *settle.borrow_mut() = Some((resolve, reject)));
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"bytes".into(), &js_sys::Uint8Array::from(bytes))?;
    js_sys::Reflect::set(&message, &"name".into(), &name.into())?;
    let (answered, sender) = (settle.clone(), worker.clone());
    // The worker says it is ready once its wasm has started: a message sent before would find
    // no handler and be lost.
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        if data.as_string().as_deref() == Some(READY) {
            if let Err(e) = sender.post_message(&message) {
                if let Some((_, reject)) = answered.borrow().as_ref() {
                    let _ = reject.call1(&JsValue::NULL, &e);
                }
            }
        } else if let Some((resolve, _)) = answered.borrow().as_ref() {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    // A worker that cannot load, or that traps (a panic aborts), reports an error event.
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
        if let Some((_, reject)) = settle.borrow().as_ref() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&ev.message()));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let answer = JsFuture::from(promise).await;
    worker.terminate();
    answer?.as_string().ok_or_else(|| JsValue::from_str("no answer"))
}

fn describe(e: &JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}
