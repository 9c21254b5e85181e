//! A text that follows the page's language. Every `move || lta_core::Text::X.get(lang.get())` in a view is
//! a closure type of its own, and Leptos's render code is copied for each (about 1.3 KB of wasm
//! apiece); `tr` gives all of them one closure type, so one copy (issue #11's download budget).

use leptos::prelude::*;
use lta_core::{Lang, Text};

/// `text` in the language `lang` holds, redrawn when the language changes.
pub fn tr(lang: Signal<Lang>, text: Text) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    move || text.get(lang.get())
}
