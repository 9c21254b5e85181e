//! Two apps share the page. Every visitor gets the smaller one (the published datasets in every
//! view but Vergelijken); a user who opens a file of their own or Vergelijken gets the full one
//! (the `toolkit` feature), which takes the page over from the first the same way the first takes
//! it over from the screen written at build time (`prerendered.rs`): it draws its screen hidden
//! (`#pre ~ #app`), then the old one goes in one go and the same screen stays.
//!
//! The full app's files are named in `<meta name="lta-full">` by the build
//! (`scripts/csp-post-build.mjs`): a start script with its integrity, which fetches the app.
//! It reads the address as it is, so it shows what the first app showed; a file to read is kept
//! for it in `#early-file`, as a file dropped before any app had loaded is.

use lta_core::DataError;

use crate::load::no_answer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The event the full app sends when its screen is drawn and the old one is gone.
const TAKEN_OVER: &str = "lta-taken-over";
/// The event the start script sends when the full app's wasm could not be fetched or started.
const FAILED: &str = "lta-full-failed";

/// Whether this is the full app.
pub const FULL: bool = cfg!(feature = "toolkit");

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Tells the app that handed the page over that it can go (called by the full app only).
pub fn announce_taken_over() {
    if let Some(w) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new(TAKEN_OVER) {
            let _ = w.dispatch_event(&event);
        }
    }
}

/// Runs `f` once the full app has taken the page over (`prerendered.rs` unmounts this app then;
/// it registers itself, so this module needs nothing of it).
pub fn on_taken_over(f: impl FnOnce() + 'static) {
    listen_once(TAKEN_OVER, f);
}

/// Whether this app has started handing the page over.
pub fn started() -> bool {
    document().and_then(|d| d.query_selector("meta[name=lta-full][data-started]").ok().flatten()).is_some()
}

/// Fetches the full app and hands it the page; `file`, if any, is kept for it to read. A second
/// call while it loads only keeps its file. `failed` gets the error if the app cannot be fetched
/// or started (naming the file, as for any file not fetched); the page as it is stays.
pub fn to_full(file: Option<web_sys::File>, failed: impl Fn(DataError) + 'static) {
    let Some(doc) = document() else { return };
    if let Some(file) = file {
        keep(&doc, &file);
    }
    let Some(meta) = doc.query_selector("meta[name=lta-full]").ok().flatten() else {
        return failed(no_answer("lta-full"));
    };
    if meta.has_attribute("data-started") {
        return;
    }
    let _ = meta.set_attribute("data-started", "");
    // After a failure (offline?) a new attempt needs a new address: the browser keeps a failed
    // module script as it is.
    let attempt = meta.get_attribute("data-attempts").and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
    let _ = meta.set_attribute("data-attempts", &(attempt + 1).to_string());
    let mut src = meta.get_attribute("content").unwrap_or_default();
    if attempt > 0 {
        src = format!("{src}?{attempt}");
    }
    let wasm = meta.get_attribute("data-wasm").unwrap_or_default();
    // Everything that can fail comes before stepping aside, so no early return leaves the page
    // hidden: the page as it is stays, and says why.
    let (Ok(script), Some(head)) = (doc.create_element("script"), doc.head()) else {
        let _ = meta.remove_attribute("data-started");
        return failed(no_answer(&src));
    };
    step_aside(&doc);
    let failed = std::rc::Rc::new(failed);
    let (fetch_failed, start_failed) = (failed.clone(), failed);
    listen_once(FAILED, move || {
        undo_step_aside();
        start_failed(no_answer(&wasm));
    });
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &src);
    if let Some(sri) = meta.get_attribute("data-integrity") {
        let _ = script.set_attribute("integrity", &sri);
    }
    let on_error = Closure::once_into_js(move || {
        undo_step_aside();
        fetch_failed(no_answer(&src));
    });
    let _ = script.add_event_listener_with_callback("error", on_error.unchecked_ref());
    if head.append_child(&script).is_err() {
        undo_step_aside();
    }
}

/// Puts `file` in the hidden `#early-file` input the full app reads when it takes over.
fn keep(doc: &web_sys::Document, file: &web_sys::File) {
    let input = doc.get_element_by_id("early-file").or_else(|| {
        let input = doc.create_element("input").ok()?;
        let _ = input.set_attribute("type", "file");
        let _ = input.set_attribute("hidden", "");
        input.set_id("early-file");
        doc.body()?.append_child(&input).ok()?;
        Some(input)
    });
    let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if let Ok(transfer) = web_sys::DataTransfer::new() {
        let _ = transfer.items().add_with_file(file);
        input.set_files(transfer.files().as_ref());
    }
}

/// This app's screen becomes the old one (`#pre`) the full app replaces; where the screen written
/// at build time is still there, that one is, and this app's (not drawn yet) is hidden.
fn step_aside(doc: &web_sys::Document) {
    let Some(own) = doc.get_element_by_id("app") else { return };
    let _ = own.set_attribute("data-stepped-aside", "");
    match doc.get_element_by_id("pre") {
        None => own.set_id("pre"),
        Some(_) => {
            own.set_id("");
            let _ = own.set_attribute("hidden", "");
        }
    }
}

/// The full app could not come: this app's screen is its own again, and a next file or
/// Vergelijken tries again.
fn undo_step_aside() {
    if let Some(meta) = document().and_then(|d| d.query_selector("meta[name=lta-full]").ok().flatten()) {
        let _ = meta.remove_attribute("data-started");
    }
    let own = document().and_then(|d| d.query_selector("[data-stepped-aside]").ok().flatten());
    if let Some(own) = own {
        own.set_id("app");
        let _ = own.remove_attribute("hidden");
        let _ = own.remove_attribute("data-stepped-aside");
    }
}

/// Runs `f` the first time `event` reaches the window.
fn listen_once(event: &str, f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let f = Closure::once_into_js(f);
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(event, f.unchecked_ref(), &options);
}
