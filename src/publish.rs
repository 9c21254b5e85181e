//! "Publiceerbare kubus downloaden": with a records file open under the disclosure rules, one
//! button saves what the screen shows as a dataset folder in a ZIP (`lta_core::publish`).

use leptos::prelude::*;
use lta_core::manifest::Status;
use lta_core::{Lang, Text};

use crate::data::Data;
use crate::download::save_bytes;

#[component]
pub fn PublishCube(data: Memo<Data>) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    let status = RwSignal::new(Status::Voorlopig);
    let save = move |_| {
        let today: String = String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect();
        let zip = data.with_untracked(|d| {
            let (shown, base) = (d.dataset.as_ref()?, d.base.as_ref()?);
            Some(lta_core::publish::dataset_zip(shown, &base.manifest, status.get_untracked(), &today))
        });
        if let Some(zip) = zip {
            if let Err(e) = save_bytes(&format!("publiceerbare-kubus-{today}.zip"), "application/zip", &zip) {
                web_sys::console::error_1(&e);
            }
        }
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
        </div>
    }
}
