//! Giving the browser a turn: long work split into tasks, so the page stays responsive (a file
//! read in steps) and no task blocks it for long (each chart drawn in a task of its own).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Lets the browser handle events and repaint before the next step.
pub async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(resolve.unchecked_ref());
        }
    });
    let _ = JsFuture::from(promise).await;
}
