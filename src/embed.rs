//! Embed mode: the page tells its parent its height, closes with the source and a link to the
//! full dashboard; and the dialog that gives a host the embed_snippet.

use leptos::prelude::*;
use lta_core::{EMBED_HEIGHT_MESSAGE, Lang, Text, UrlState, embed_snippet};
use wasm_bindgen::prelude::*;

use crate::ui::Ui;

/// Posts the page's height to the parent now and whenever it changes.
pub fn post_height() {
    let Some(window) = web_sys::window() else { return };
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    let post = Closure::<dyn FnMut()>::new(move || {
        let Some(w) = web_sys::window() else { return };
        let height = w.document().and_then(|d| d.document_element()).map_or(0, |e| e.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &EMBED_HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = w.parent() {
            // The height is not secret, so any host may read it.
            let _ = parent.post_message(&message, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer calls it for the page's whole life.
    post.forget();
}

/// The dashboard's own address, without the query.
fn site() -> String {
    let Some(l) = web_sys::window().map(|w| w.location()) else { return String::new() };
    format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
}

/// The end of an embedded view: a link to the same view in the full dashboard.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<Signal<Lang>>();
    let full = move || format!("{}{}", site(), UrlState { embed: false, ..ui.state.get() }.to_query());
    view! {
        <p class="embed-links">
            <a href="#notes">{crate::text::tr(lang, lta_core::Text::NotesLink)}</a>
            " · "
            <a href=full target="_blank" rel="noopener">{crate::text::tr(lang, lta_core::Text::FullDashboard)}</a>
        </p>
    }
}

/// A button that shows the snippet to embed the current view.
#[component]
pub fn EmbedDialog(title: String) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<Signal<Lang>>();
    let open = RwSignal::new(false);
    let code = Signal::derive(move || {
        let query = UrlState { embed: true, ..ui.state.get() }.to_query();
        embed_snippet(&site(), &query, &format!("{}: {title}", Text::AppTitle.get(lang.get())))
    });
    view! {
        <button class="tool" aria-expanded=move || open.get().to_string() aria-controls="embed-code" on:click=move |_| open.update(|o| *o = !*o)>
            {crate::text::tr(lang, lta_core::Text::Embed)}
        </button>
        <Show when=move || open.get()>
            <div id="embed-code" class="embed-code" role="region" aria-label=crate::text::tr(lang, lta_core::Text::EmbedTitle)>
                <p>{crate::text::tr(lang, lta_core::Text::EmbedHelp)}</p>
                <textarea readonly rows="9" aria-label=crate::text::tr(lang, lta_core::Text::EmbedTitle)>{move || code.get()}</textarea>
                <button class="tool" on:click=move |_| open.set(false)>{crate::text::tr(lang, lta_core::Text::Close)}</button>
            </div>
        </Show>
    }
}
