//! The archive web worker: everything the dashboard does with ZIP archives, so that neither
//! calamine nor deflate nor the manifest writer weighs on the app's own wasm. It says
//! `lta-xlsx:ready` once started, then receives one job and answers it:
//! - `{ bytes, name }`: a spreadsheet; the answer is a [`lta_core::WorkbookReply`] as an
//!   object: `{ csv, file, sheet, header_row, first_column, headers }`, `{ file, unreadable }`
//!   (what the reader said) or `{ file }` (no header row);
//! - `{ job: "unzip", bytes }`: a dataset ZIP; the answer is `{ entries: [[name, bytes], …] }`;
//! - `{ job: "publish", cube, population?, manifest, kolommen?, definitief, date }`: the publishable cube
//!   ([`lta_core::publish_zip`]); the answer is `{ zip: bytes }`.
//!
//! A job that fails answers `{ error: "…" }`. Trunk builds it as a worker (`index.html`,
//! `data-type="worker"`); the app starts it only for such a job (`src/worker.rs`).

#[cfg(target_arch = "wasm32")]
mod web {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use lta_core::Status;
    use lta_core::WorkbookReply;
    use wasm_bindgen::prelude::*;

    fn field(data: &JsValue, key: &str) -> JsValue {
        Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    /// An object with one field: the answer of a job.
    fn answer(key: &str, value: &JsValue) -> JsValue {
        let out = Object::new();
        let _ = Reflect::set(&out, &key.into(), value);
        out.into()
    }

    fn unzip(bytes: &[u8]) -> JsValue {
        match lta_core::read_zip(bytes) {
            Ok(entries) => {
                let list: Array = entries
                    .iter()
                    .map(|(name, data)| Array::of2(&JsValue::from_str(name), &Uint8Array::from(data.as_slice())))
                    .collect();
                answer("entries", &list)
            }
            Err(e) => answer("error", &JsValue::from_str(&e.0)),
        }
    }

    fn publish(data: &JsValue) -> JsValue {
        let text = |key: &str| field(data, key).as_string();
        let manifest = Uint8Array::new(&field(data, "manifest")).to_vec();
        let status = if field(data, "definitief").is_truthy() { Status::Definitief } else { Status::Voorlopig };
        let (cube, population, regions, flow, providers) = (text("cube").unwrap_or_default(), text("population"), text("regio"), text("doorlooptijd"), text("aanbieders"));
        let shown = lta_core::ShownTexts { cube: &cube, population: population.as_deref(), regions: regions.as_deref(), flow: flow.as_deref(), providers: providers.as_deref() };
        let zip = lta_core::publish_zip(shown, &manifest, text("kolommen").as_deref(), status, &text("date").unwrap_or_default());
        match zip {
            Ok(zip) => answer("zip", &Uint8Array::from(zip.as_slice())),
            Err(e) => answer("error", &JsValue::from_str(&lta_core::error_message(&e, lta_core::Lang::En))),
        }
    }

    /// The answer to one job.
    pub fn run(data: &JsValue) -> JsValue {
        let bytes = || Uint8Array::new(&field(data, "bytes")).to_vec();
        match field(data, "job").as_string().as_deref() {
            Some("unzip") => unzip(&bytes()),
            Some("publish") => publish(data),
            _ => sheet(lta_xlsx::read(&bytes(), &field(data, "name").as_string().unwrap_or_default())),
        }
    }

    /// A sheet's reply as an object of strings and numbers (`src/worker.rs` reads it).
    fn sheet(reply: WorkbookReply) -> JsValue {
        let out = Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&out, &key.into(), &value);
        };
        match reply {
            WorkbookReply::Csv { csv, map } => {
                set("csv", csv.into());
                set("file", map.file.into());
                set("sheet", map.sheet.into());
                set("header_row", map.header_row.into());
                set("first_column", map.first_column.into());
                set("headers", map.headers.iter().map(JsValue::from).collect::<Array>().into());
            }
            WorkbookReply::Unreadable { file, detail } => {
                set("file", file.into());
                set("unreadable", detail.into());
            }
            WorkbookReply::NoHeader { file } => set("file", file.into()),
        }
        out.into()
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let _ = reply_to.post_message(&web::run(&ev.data()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The app waits for this before it sends the job (`src/worker.rs`, READY).
    let _ = scope.post_message(&JsValue::from_str("lta-xlsx:ready"));
    // The worker lives as long as its one handler.
    on_message.forget();
}

/// Natively there is no worker: the library is tested as it is.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
