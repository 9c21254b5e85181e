//! The notes that apply to a view and the source of its figures, from the dataset's manifest.

use leptos::prelude::*;
use lta_core::{Dataset, Lang, Text, View};

/// Notes for one view, then the source citation, status, disclosure and licence.
#[component]
pub fn Notes(dataset: std::sync::Arc<Dataset>, view: View, lang: Lang) -> impl IntoView {
    let m = &dataset.manifest;
    let notes = m
        .notes_for(view.slug())
        .map(|n| view! { <li id=format!("note-{}", n.id)>{n.text.get(lang).to_string()}</li> })
        .collect_view();
    let link = m.source.web_url().map(str::to_string).map(|url| {
        view! { " " <a href=url rel="noopener">{Text::SourceLink.get(lang)}</a> }
    });
    view! {
        <section id="notes" class="notes" aria-labelledby=format!("notes-{}", view.slug())>
            <h3 id=format!("notes-{}", view.slug())>{Text::Notes.get(lang)}</h3>
            <ul>{notes}</ul>
            <p class="source"><strong>{Text::Source.get(lang)}": "</strong>{m.source.citation.get(lang).to_string()}{link}</p>
            <p class="source"><strong>{Text::Disclosure.get(lang)}": "</strong>{m.disclosure.get(lang).to_string()}</p>
            <p class="source"><strong>{Text::Licence.get(lang)}": "</strong>{m.licence.get(lang).to_string()}</p>
        </section>
    }
}
