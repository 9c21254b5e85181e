//! The bar above every view: which data is shown (published dataset or local file, with its
//! status always visible), which period, and the way to open a file of one's own.

use leptos::prelude::*;
use lta_core::{Dimension, Lang, Status, Text};
use wasm_bindgen::JsCast;


use crate::data::{Data, Loader};
#[cfg(feature = "toolkit")]
use crate::publish::PublishCube;
use crate::ui::Ui;

/// In embed mode only the status and the synthetic-data label: an embedded view is one view.
#[component]
pub fn DataBar(data: Memo<Data>, period: Signal<String>, loader: Loader, embed: bool) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    // On a phone the choices fold into one line that opens on demand, so the view comes first;
    // on a wide screen the stylesheet keeps them open and hides the line (style/main.css).
    let summary = move || {
        let lang = lang.get();
        let shown = data.with(|d| d.dataset.as_ref().map(|ds| ds.manifest.title.get(lang).to_string()));
        // The period first: on a narrow screen the end of the line may be cut off ("…").
        let shown = shown.map(|t| format!(": {}, {t}", period.get()));
        view! { {Text::DataChoice.get(lang)}{shown} }.into_any()
    };
    let controls = (!embed).then(|| {
        view! {
            <details class="data-choice">
                <summary>{summary}</summary>
                <div class="data-bar">
                    <DatasetChoice data=data loader=loader/>
                    <PeriodChoice data=data period=period/>
                    <FileOpener progress=loader.progress lang=lang open=loader.open_file/>
                </div>
            </details>
        }
    });
    // A records file with columns of its own waits here for the user's answer, and a records file
    // shown gets the cell-key method's switch (full app only: the first reads no file).
    #[cfg(feature = "toolkit")]
    let (question, rules) = (
        move || {
            let answer = Callback::new(move |m| loader.own.answer(m));
            loader.own.question().map(|p| view! { <crate::columns::ColumnsDialog proposal=p answer=answer/> })
        },
        view! { <RulesSwitch data=data loader=loader/> },
    );
    #[cfg(not(feature = "toolkit"))]
    let (question, rules) = ((), ());
    let synthetic = move || {
        let lang = lang.get();
        data.with(|d| d.dataset.as_ref().is_some_and(|ds| ds.manifest.status == Status::Illustratief))
            .then(|| view! { <p class="synthetic" role="note">{Text::SyntheticBanner.get(lang)}</p> }.into_any())
    };
    view! {
        {controls}
        {question}
        <StatusLine data=data/>
        {rules}
        <Chips data=data/>
        {synthetic}
    }
}

/// The published datasets to choose from; a local file shown leaves a "back" entry selected.
#[component]
fn DatasetChoice(data: Memo<Data>, loader: Loader) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<Signal<Lang>>();
    move || {
        let lang = lang.get();
        data.with(|d| {
            let current = d.dataset.as_ref().filter(|ds| ds.manifest.status != Status::Lokaal).map(|ds| ds.manifest.id.clone());
            let index = d.index.as_ref()?;
            let options = index
                .datasets
                .iter()
                .map(|e| {
                    let selected = current.as_deref() == Some(e.id.as_str());
                    view! { <option value=e.id.clone() selected=selected>{e.title.get(lang).to_string()}</option> }.into_any()
                })
                .collect_view();
            let placeholder = current.is_none().then(|| view! { <option value="" selected=true>{Text::BackToPublished.get(lang)}</option> });
            Some(view! {
                <label class="field">
                    <span>{Text::Dataset.get(lang)}</span>
                    <select on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if !id.is_empty() {
                            ui.go(|s| s.data = Some(id));
                            loader.show_published.run(());
                        }
                    }>{placeholder}{options}</select>
                </label>
            }
            .into_any())
        })
    }
}

/// The periods of the dataset shown, latest first.
#[component]
fn PeriodChoice(data: Memo<Data>, period: Signal<String>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<Signal<Lang>>();
    move || {
        let lang = lang.get();
        let shown = period.get();
        data.with(|d| {
            let ds = d.dataset.as_ref()?;
            let options = ds
                .cube
                .periods()
                .iter()
                .rev()
                .map(|p| view! { <option value=p.clone() selected=*p == shown>{p.clone()}</option> }.into_any())
                .collect_view();
            Some(view! {
                <label class="field">
                    <span>{Text::Period.get(lang)}</span>
                    <select on:change=move |ev| ui.set_period(event_target_value(&ev))>{options}</select>
                </label>
            }
            .into_any())
        })
    }
}

/// The status of what is shown, always visible (with the local file's name).
#[component]
fn StatusLine(data: Memo<Data>) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    move || {
        let lang = lang.get();
        data.with(|d| {
            d.dataset.as_ref().map(|ds| {
                let s = ds.manifest.status;
                let file = (s == Status::Lokaal).then(|| format!(": {}", ds.manifest.title.get(lang)));
                view! {
                    <p class=format!("status status-{s:?}").to_ascii_lowercase() data-status=format!("{s:?}").to_ascii_lowercase()>
                        {Text::StatusLabel.get(lang)}": "<strong>{Text::status(s).get(lang)}</strong>{file}
                    </p>
                }
                .into_any()
            })
        })
    }
}

/// With a records file shown (full app only, `handover.rs`): the cell-key method's switch and,
/// while it is on, the publish part. Memos, so that a new key (which changes the dataset shown)
/// keeps the publish part and what it says in place.
#[cfg(feature = "toolkit")]
#[component]
fn RulesSwitch(data: Memo<Data>, loader: Loader) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    let records_shown = crate::memo::memo(move |_| {
        data.with(|d| d.local.as_ref().is_some_and(|l| l.is_records()) && d.dataset.as_ref().is_some_and(|ds| ds.manifest.status == Status::Lokaal))
    });
    let rules_on = crate::memo::memo(move |_| data.with(|d| !d.rules_off));
    move || {
        let lang = lang.get();
        records_shown.get().then(|| {
            let publish = move || rules_on.get().then(|| view! { <PublishCube data=data loader=loader/> });
            view! {
                <label class="rules">
                    <input type="checkbox" prop:checked=move || rules_on.get() on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        loader.own.set_rules(on);
                    }/>
                    {Text::DisclosureRules.get(lang)}
                </label>
                {publish}
            }
            .into_any()
        })
    }
}

/// The chosen landsdeel, perceel and referrer as buttons that remove them.
#[component]
fn Chips(data: Memo<Data>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<Signal<Lang>>();
    move || {
        let lang = lang.get();
        let sel = ui.state.with(|s| s.selection(String::new()));
        let chips: Vec<_> = [Dimension::Landsdeel, Dimension::Perceel, Dimension::Verwijzer]
            .into_iter()
            .filter_map(|d| sel.chosen(d).map(|c| (d, c)))
            .map(|(d, code)| {
                let label = data.with(|x| x.dataset.as_ref().map(|ds| ds.label(d, &code, lang))).unwrap_or(code);
                let remove = format!("{} {label}", Text::RemoveFilter.get(lang));
                view! {
                    <li>
                        <button class="chip" aria-label=remove on:click=move |_| ui.clear(d)>
                            {label}<span aria-hidden="true">" ×"</span>
                        </button>
                    </li>
                }
                .into_any()
            })
            .collect();
        (!chips.is_empty()).then(|| {
            view! {
                <div class="chips">
                    <span id="chips-label">{Text::Filters.get(lang)}": "</span>
                    <ul aria-labelledby="chips-label">{chips}</ul>
                </div>
            }
            .into_any()
        })
    }
}

/// A file input and a drop zone; the progress of reading shows beneath.
#[component]
fn FileOpener(progress: ReadSignal<Option<f64>>, lang: Signal<Lang>, open: Callback<web_sys::File>) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open.run(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            open.run(file);
        }
    };
    let progress = move || {
        progress.get().map(|p| {
            // A whole percent, as an integer: rendering an f64 would link Rust's float printing.
            let pct = (p * 100.0).round() as u32;
            view! {
                <label class="progress">
                    <span>{Text::Reading.get(lang.get())}" "{pct}"%"</span>
                    <progress max="100" value=pct></progress>
                </label>
            }
            .into_any()
        })
    };
    // A file dropped anywhere on the page is read, also while this box is folded away (phone).
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        dragging.set(true);
    });
    let left = window_event_listener(leptos::ev::dragleave, move |_| dragging.set(false));
    let dropped = window_event_listener(leptos::ev::drop, on_drop);
    on_cleanup(move || {
        over.remove();
        left.remove();
        dropped.remove();
    });
    view! {
        <div class="file-open" class:dragging=move || dragging.get()>
            <label class="field">
                <span>{crate::text::tr(lang, lta_core::Text::OpenFile)}</span>
                <input type="file" accept=".csv,text/csv,.zip,application/zip,.xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" on:change=on_input aria-describedby="file-help"/>
            </label>
            <p id="file-help" class="help">{crate::text::tr(lang, lta_core::Text::OpenFileHelp)}</p>
            {progress}
        </div>
    }
}
