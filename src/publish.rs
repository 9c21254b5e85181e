//! "Publiceerbare kubus downloaden": with a records file open under the disclosure rules, one
//! button saves what the screen shows as a dataset folder in a ZIP (`lta_core::publish`, run by
//! the archive worker).

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::manifest::Status;
use lta_core::message::error_message;
use lta_core::{Lang, Text};

use crate::data::Data;
use crate::download::save_bytes;

#[component]
pub fn PublishCube(data: Memo<Data>) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    let status = RwSignal::new(Status::Voorlopig);
    // What the worker said when it could not write the ZIP (or the browser could not save it).
    let failure = RwSignal::new(None::<String>);
    // The ZIP is written by the archive worker (`src/worker.rs`), from the shown cube and
    // population as CSV text and the published dataset's manifest as fetched.
    let save = move |_| {
        let today: String = String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect();
        let job = data.with_untracked(|d| {
            let (shown, manifest) = (d.dataset.as_ref()?, d.base_manifest_json.clone()?);
            Some((shown.cube.to_csv(), shown.population.as_ref().map(|p| p.to_csv()), manifest))
        });
        let Some((cube, population, manifest)) = job else { return };
        let definitief = status.get_untracked() == Status::Definitief;
        failure.set(None);
        spawn_local(async move {
            let saved = match crate::worker::publish(&cube, population.as_deref(), &manifest, definitief, &today).await {
                Ok(zip) => save_bytes(&format!("publiceerbare-kubus-{today}.zip"), "application/zip", &zip),
                Err(e) => Err(e),
            };
            if let Err(e) = saved {
                failure.set(Some(crate::worker::describe(&e)));
            }
        });
    };
    let option = move |s: Status| {
        view! { <option value=format!("{s:?}").to_ascii_lowercase() selected=move || status.get() == s>{crate::text::tr(lang, Text::status(s))}</option> }
    };
    view! {
        <div class="publish" role="group" aria-labelledby="publish-title">
            <label class="field">
                <span>{crate::text::tr(lang, lta_core::Text::PublishStatus)}</span>
                <select on:change=move |ev| status.set(if event_target_value(&ev) == "definitief" { Status::Definitief } else { Status::Voorlopig })>
                    {option(Status::Voorlopig)}
                    {option(Status::Definitief)}
                </select>
            </label>
            <button id="publish-title" class="tool" on:click=save aria-describedby="publish-help">
                {crate::text::tr(lang, lta_core::Text::PublishCube)}
            </button>
            <p id="publish-help" class="help">{crate::text::tr(lang, lta_core::Text::PublishHelp)}</p>
            // Always there (empty until a failure), so screen readers announce the text when it comes.
            <p class="error" role="alert">{move || failure.get().map(|detail| {
                let lang = lang.get();
                let detail = if detail.is_empty() { error_message(&crate::worker::not_loaded(), lang) } else { detail };
                format!("{}: {detail}", Text::PublishFailed.get(lang))
            })}</p>
        </div>
    }
}
