//! "Publiceerbare kubus downloaden": with a records file open under the cell-key method, one
//! button saves what the screen shows as a dataset folder in a ZIP (`lta_core::publish_zip`, run by
//! the archive worker). Beside it the method's secret key can be saved to a file and opened
//! again, so the next release of the same records uses the same key.

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::{Lang, PublishWord, Status, Text, error_message};

use crate::data::{Data, Loader};
use crate::download::{save_bytes, save_text};
use crate::worker::ShownCsv;

#[component]
pub fn PublishCube(data: Memo<Data>, loader: Loader) -> impl IntoView {
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
            let shown = shown.completed();
            // The columns the records were read by go into the manifest (`kolommen`).
            let columns = d.local.as_ref().and_then(|l| l.mapping.as_ref()).map(|m| m.to_json());
            let regions = shown.cube.regions();
            let csv = ShownCsv { cube: shown.cube.to_csv(), population: shown.population.as_ref().map(|p| p.to_csv()), regions: (!regions.is_empty()).then(|| regions.to_csv()), flow: shown.flow.as_ref().map(|f| f.to_csv()), providers: shown.providers.as_ref().map(|p| p.to_csv()) };
            Some((csv, manifest, columns))
        });
        let Some((shown, manifest, columns)) = job else { return };
        let definitief = status.get_untracked() == Status::Definitief;
        failure.set(None);
        spawn_local(async move {
            let saved = match crate::worker::publish(&shown, &manifest, columns.as_deref(), definitief, &today).await {
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
            <KeyFile loader=loader/>
            <label class="field">
                <span>{word(lang, PublishWord::PublishStatus)}</span>
                <select on:change=move |ev| status.set(if event_target_value(&ev) == "definitief" { Status::Definitief } else { Status::Voorlopig })>
                    {option(Status::Voorlopig)}
                    {option(Status::Definitief)}
                </select>
            </label>
            <button id="publish-title" class="tool" on:click=save aria-describedby="publish-help">
                {word(lang, PublishWord::PublishCube)}
            </button>
            <p id="publish-help" class="help">{word(lang, PublishWord::PublishHelp)}</p>
            // Always there (empty until a failure), so screen readers announce the text when it comes.
            <p class="error" role="alert">{move || failure.get().map(|detail| {
                let lang = lang.get();
                let detail = if detail.is_empty() { error_message(&crate::worker::not_loaded(), lang) } else { detail };
                format!("{}: {detail}", PublishWord::PublishFailed.get(lang))
            })}</p>
        </div>
    }
}

/// Saving the key to a file and opening one, with what happened.
#[component]
fn KeyFile(loader: Loader) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    let said = RwSignal::new(None::<Result<(), lta_core::DataError>>);
    let save = move |_| {
        if let Some(key) = loader.own.secret() {
            let _ = save_text("lta-sleutel.txt", "text/plain", &key.to_file());
        }
    };
    let open = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        spawn_local(async move {
            let opened = crate::secret_key::open(&file).await;
            said.set(Some(opened.as_ref().map(|_| ()).map_err(Clone::clone)));
            if let Ok(key) = opened {
                loader.own.set_key(key);
            }
        });
    };
    view! {
        <p id="key-help" class="help">{word(lang, PublishWord::KeyHelp)}</p>
        <button class="tool key-save" on:click=save aria-describedby="key-help">{word(lang, PublishWord::KeySave)}</button>
        <label class="field key-open">
            <span>{word(lang, PublishWord::KeyOpen)}</span>
            <input type="file" accept=".txt,text/plain" on:change=open aria-describedby="key-help"/>
        </label>
        <p class="key-said" role="status">{move || said.get().map(|r| match r {
            Ok(()) => PublishWord::KeyOpened.get(lang.get()).to_string(),
            Err(e) => error_message(&e, lang.get()),
        })}</p>
    }
}

/// A text of the publish controls (a table only the full app links), following the language.
fn word(lang: Signal<Lang>, w: PublishWord) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    move || w.get(lang.get())
}
