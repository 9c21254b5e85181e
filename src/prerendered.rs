//! The first screen written into the page at build time (`scripts/prerender.mjs`, `<div id="pre">`)
//! and the app that takes it over. The app mounts into its own `<div id="app">` after it, which
//! the stylesheet keeps invisible (but laid out, so charts get their size) while `#pre` is there;
//! once the app has drawn its view, `#pre` is removed in one go, and the same screen stays.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The mounted app and its root, kept so that it can leave the page to the full app.
    static MOUNTED: RefCell<Option<(Box<dyn Any>, web_sys::HtmlElement)>> = const { RefCell::new(None) };
}

/// Mounts the app into `<div id="app">` at the end of the body (into the body if that fails).
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
    N::State: 'static,
{
    let root = web_sys::window().and_then(|w| w.document()).and_then(|doc| {
        let root = doc.create_element("div").ok()?;
        root.set_id("app");
        doc.body()?.append_child(&root).ok()?;
        root.dyn_into::<web_sys::HtmlElement>().ok()
    });
    match root {
        Some(root) => {
            let handle = leptos::mount::mount_to(root.clone(), app);
            MOUNTED.with(|m| *m.borrow_mut() = Some((Box::new(handle), root)));
            // The app every visitor gets leaves the page once the full app has taken it over.
            if !crate::handover::FULL {
                crate::handover::on_taken_over(unmount);
            }
        }
        None => leptos::mount::mount_to_body(app),
    }
}

/// Takes this app out of the page (its effects and listeners end with it): the full app has
/// taken over (`handover.rs`).
pub fn unmount() {
    if let Some((handle, root)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        drop(handle);
        root.remove();
    }
}

/// Removes the build's first screen: the app's own is drawn now. Returns the file a user dropped
/// (kept in `#early-file` by `pre-<hash>.js`) or chose in the written screen's file input before
/// the app took over, so it is read, not lost.
pub fn give_way() -> Option<web_sys::File> {
    // Handing the page over to the full app: the old screen stays until that one is drawn.
    if !crate::handover::FULL && crate::handover::started() {
        return None;
    }
    let doc = web_sys::window().and_then(|w| w.document())?;
    let early = doc.get_element_by_id("early-file");
    let pre = doc.get_element_by_id("pre");
    let written = pre.as_ref().and_then(|p| p.query_selector("input[type=file]").ok().flatten());
    let chosen = [&early, &written]
        .into_iter()
        .flatten()
        .find_map(|input| input.dyn_ref::<web_sys::HtmlInputElement>()?.files()?.get(0));
    for gone in [early, pre].into_iter().flatten() {
        gone.remove();
    }
    if crate::handover::FULL {
        crate::handover::announce_taken_over();
    }
    chosen
}
