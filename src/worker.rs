//! The archive worker (`xlsx/`, crate `lta-xlsx`, a wasm of its own that the browser fetches
//! only now): a spreadsheet's sheet as CSV text, a dataset ZIP unzipped, the publishable cube
//! zipped. The app's own wasm so carries no spreadsheet reader, no deflate and no manifest writer.
//! A spreadsheet's text is then read by the same readers as a CSV file, a ZIP's files as a
//! site's. The file goes to the worker inside the browser, never further.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use lta_core::{DataError, ErrorKind, SheetMap};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, which Trunk writes beside the app (`index.html`, `data-loader-shim`) and
/// the post-build hook renames by its content hash (`scripts/csp-post-build.mjs`, hashWorker),
/// naming it in `<meta name="lta-worker">`. Without that (a build without the hook) Trunk's name.
fn loader() -> String {
    let meta = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("meta[name=lta-worker]").ok().flatten());
    meta.and_then(|m| m.get_attribute("content")).unwrap_or_else(|| "./lta-xlsx-worker_loader.js".into())
}
/// What the worker says first, when it can take the job (`xlsx/src/bin/worker.rs`).
const READY: &str = "lta-xlsx:ready";

/// The sheet as CSV text, with the map from its lines back to the sheet's cells.
pub async fn sheet_text(bytes: &[u8], name: &str) -> Result<(String, SheetMap), DataError> {
    let failed = |detail: String| failure(detail, |detail| ErrorKind::BadWorkbook { detail }, name);
    let job = message(&[("bytes", Uint8Array::from(bytes).into()), ("name", name.into())]).map_err(|e| failed(describe(&e)))?;
    let reply = ask(job).await.map_err(|e| failed(describe(&e)))?;
    let text = |key: &str| Reflect::get(&reply, &key.into()).ok().and_then(|v| v.as_string());
    let number = |key: &str| Reflect::get(&reply, &key.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
    let file = text("file").unwrap_or_else(|| name.to_string());
    if let Some(detail) = text("unreadable") {
        return Err(DataError::new(ErrorKind::BadWorkbook { detail }, &file));
    }
    let Some(csv) = text("csv") else { return Err(DataError::new(ErrorKind::NoHeaderRow, &file)) };
    let headers = Reflect::get(&reply, &"headers".into()).map(|h| Array::from(&h)).unwrap_or_default();
    let headers = headers.iter().map(|h| h.as_string().unwrap_or_default()).collect();
    let map = SheetMap { file, sheet: text("sheet").unwrap_or_default(), header_row: number("header_row"), first_column: number("first_column"), headers };
    Ok((csv, map))
}

/// The entries of a ZIP (name, bytes), for [`lta_core::dataset_from_entries`].
pub async fn unzip(bytes: &[u8], name: &str) -> Result<Vec<(String, Vec<u8>)>, DataError> {
    let failed = |detail: String| failure(detail, |detail| ErrorKind::BadArchive { detail }, name);
    let job = message(&[("job", "unzip".into()), ("bytes", Uint8Array::from(bytes).into())]).map_err(|e| failed(describe(&e)))?;
    let entries = answer(ask(job).await, "entries").map_err(|e| failed(describe(&e)))?;
    let entry = |pair: JsValue| {
        let pair: Array = pair.unchecked_into();
        (pair.get(0).as_string().unwrap_or_default(), Uint8Array::new(&pair.get(1)).to_vec())
    };
    Ok(Array::from(&entries).iter().map(entry).collect())
}

/// The shown dataset as CSV texts: its cube, population, cells per region and flow.
pub struct ShownCsv {
    pub cube: String,
    pub population: Option<String>,
    pub regions: Option<String>,
    pub flow: Option<String>,
    pub providers: Option<String>,
}

/// The publishable cube's ZIP ([`lta_core::publish_zip`]), or what went wrong.
pub async fn publish(shown: &ShownCsv, manifest: &[u8], columns: Option<&str>, definitief: bool, date: &str) -> Result<Vec<u8>, JsValue> {
    let text = |t: &Option<String>| t.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
    let columns = columns.map_or(JsValue::UNDEFINED, JsValue::from_str);
    let job = message(&[
        ("job", "publish".into()),
        ("cube", shown.cube.as_str().into()),
        ("population", text(&shown.population)),
        ("regio", text(&shown.regions)),
        ("doorlooptijd", text(&shown.flow)),
        ("aanbieders", text(&shown.providers)),
        ("manifest", Uint8Array::from(manifest).into()),
        ("kolommen", columns),
        ("definitief", definitief.into()),
        ("date", date.into()),
    ])?;
    Ok(Uint8Array::new(&answer(ask(job).await, "zip")?).to_vec())
}

fn message(fields: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let out = Object::new();
    for (key, value) in fields {
        Reflect::set(&out, &(*key).into(), value)?;
    }
    Ok(out)
}

/// The field `key` of the worker's answer, or the error it gave instead.
fn answer(reply: Result<JsValue, JsValue>, key: &str) -> Result<JsValue, JsValue> {
    let reply = reply?;
    let error = Reflect::get(&reply, &"error".into())?;
    if !error.is_undefined() {
        return Err(error);
    }
    Reflect::get(&reply, &key.into())
}

/// Starts a worker, sends it the job and waits for its one answer; the worker is ended after
/// it, so its memory goes with it.
async fn ask(job: Object) -> Result<JsValue, JsValue> {
    let worker = web_sys::Worker::new(&loader())?;
    type Settle = Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>>;
    let settle: Settle = Rc::default();
    let promise = js_sys::Promise::new(&mut |resolve, reject| *settle.borrow_mut() = Some((resolve, reject)));
    let (answered, sender) = (settle.clone(), worker.clone());
    // The worker says it is ready once its wasm has started: a message sent before would find
    // no handler and be lost.
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        if data.as_string().as_deref() == Some(READY) {
            if let Err(e) = sender.post_message(&job) {
                if let Some((_, reject)) = answered.borrow().as_ref() {
                    let _ = reject.call1(&JsValue::NULL, &e);
                }
            }
        } else if let Some((resolve, _)) = answered.borrow().as_ref() {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    // A worker that traps (a panic aborts) reports an `ErrorEvent` with a message; one whose
    // files cannot be fetched, a plain `Event`: that is told as an empty message ([`describe`]).
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let message = ev.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_default();
        if let Some((_, reject)) = settle.borrow().as_ref() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&message));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let answer = JsFuture::from(promise).await;
    worker.terminate();
    answer
}

/// What went wrong, in the worker's (or the browser's) words; empty when the worker did not load.
pub fn describe(e: &JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// The error for a worker that did not load (its files could not be fetched): it names the
/// worker's loader, like any file the dashboard could not fetch.
pub fn not_loaded() -> DataError {
    crate::load::no_answer(&loader())
}

/// `kind` with the worker's words about `file`, or [`not_loaded`] when it said nothing.
fn failure(detail: String, kind: fn(String) -> ErrorKind, file: &str) -> DataError {
    if detail.is_empty() {
        not_loaded()
    } else {
        DataError::new(kind(detail), file)
    }
}
