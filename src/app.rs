//! The page: header with language switch and view menu, the dataset line, notices, the current
//! view, and the footer. The address bar holds the state (`lta_core::url_state`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::cube::Notice;
use lta_core::i18n::{error_message, notice_message};
use lta_core::url_state::{Ignored, UrlState, View};
use lta_core::view::Dataset;
use lta_core::{DataError, DatasetIndex, Lang, Text};

use crate::data_bar::{Actions, DataBar};
use crate::load::{load, Loaded};
use crate::local_file;
use crate::views::ViewPage;

/// What the page knows about its data.
#[derive(Clone, Default)]
pub struct Data {
    /// The published datasets.
    pub index: Option<DatasetIndex>,
    /// What is shown.
    pub dataset: Option<Arc<Dataset>>,
    /// The published dataset last shown: a local file borrows its labels and population.
    pub base: Option<Arc<Dataset>>,
    pub notices: Vec<Notice>,
    pub error: Option<DataError>,
    /// Reading a local file: how far, 0..=1.
    pub progress: Option<f64>,
}

fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Puts the state in the address bar, as a new history entry.
fn push(state: &UrlState) {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{}", state.to_query())));
    }
}

#[component]
pub fn App() -> impl IntoView {
    let (initial, ignored) = UrlState::parse(&location_search());
    let state = RwSignal::new(initial);
    let ignored = RwSignal::new(ignored);
    let lang = Signal::derive(move || state.with(|s| s.lang));
    provide_context(lang);
    let data = RwSignal::new(Data::default());

    let open_published = move |id: Option<String>| {
        spawn_local(async move {
            match load(id.as_deref()).await {
                Ok(Loaded { index, dataset, notices, unknown_id }) => {
                    let dataset = Arc::new(dataset);
                    data.update(|d| {
                        *d = Data { index: Some(index), dataset: Some(dataset.clone()), base: Some(dataset), notices, ..Data::default() };
                    });
                    if let Some(id) = unknown_id {
                        ignored.update(|i| i.push(Ignored { key: "data".into(), value: id }));
                    }
                }
                Err(e) => data.update(|d| d.error = Some(e)),
            }
        });
    };
    open_published(state.with_untracked(|s| s.data.clone()));

    let open_file = move |file: web_sys::File| {
        let Some(base) = data.with_untracked(|d| d.base.clone()) else { return };
        data.update(|d| {
            d.progress = Some(0.0);
            d.error = None;
        });
        spawn_local(async move {
            let name = file.name();
            let read = match local_file::bytes(&file).await {
                Ok(bytes) => local_file::read(&bytes, &name, base, |p| data.update(|d| d.progress = Some(p))).await,
                Err(e) => Err(e),
            };
            data.update(|d| {
                d.progress = None;
                match read {
                    Ok(parsed) => {
                        d.dataset = Some(Arc::new(parsed.value));
                        d.notices = parsed.notices;
                    }
                    // The data already shown stays.
                    Err(e) => d.error = Some(e),
                }
            });
        });
    };

    // Back and forward restore the state the address bar holds.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let (s, i) = UrlState::parse(&location_search());
        if s.data != state.with_untracked(|now| now.data.clone()) {
            open_published(s.data.clone());
        }
        state.set(s);
        ignored.set(i);
    });
    on_cleanup(move || popstate.remove());

    // <html lang> and the document title follow the language.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.tag());
            }
            doc.set_title(&format!("{} — {}", state.with(|s| s.view.title().get(lang)), Text::AppTitle.get(lang)));
        }
    });

    let go = move |change: &dyn Fn(&mut UrlState)| {
        state.update(|s| change(s));
        ignored.set(Vec::new());
        push(&state.get_untracked());
    };

    let period = Signal::derive(move || {
        let asked = state.with(|s| s.periode.clone());
        data.with(|d| d.dataset.as_ref().map(|ds| ds.period(asked.as_deref())).unwrap_or_default())
    });
    let actions = Actions {
        open_published: Callback::new(move |id: String| {
            go(&|s| s.data = Some(id.clone()));
            open_published(Some(id));
        }),
        open_file: Callback::new(open_file),
        set_period: Callback::new(move |p: String| go(&|s| s.periode = Some(p.clone()))),
    };
    let choose_landsdeel = Callback::new(move |l| go(&|s| s.landsdeel = Some(l)));

    view! {
        <a class="skip" href="#main">{move || Text::SkipToContent.get(lang.get())}</a>
        <header class="site-header">
            <div class="header-row">
                <div>
                    <h1>{move || Text::AppTitle.get(lang.get())}</h1>
                    <p class="subtitle">{move || Text::AppSubtitle.get(lang.get())}</p>
                </div>
                <button
                    class="lang-switch"
                    lang=move || Text::OtherLanguageTag.get(lang.get())
                    on:click=move |_| go(&|s| s.lang = if s.lang == Lang::Nl { Lang::En } else { Lang::Nl })
                >
                    {move || Text::OtherLanguage.get(lang.get())}
                </button>
            </div>
            <nav aria-label=move || Text::MainNav.get(lang.get())>
                <ul class="tabs">
                    {View::ALL
                        .into_iter()
                        .map(|v| {
                            let href = move || UrlState { view: v, ..state.get() }.to_query();
                            let href = move || { let q = href(); if q.is_empty() { "?".to_string() } else { q } };
                            view! {
                                <li>
                                    <a
                                        href=href
                                        aria-current=move || (state.with(|s| s.view) == v).then_some("page")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            go(&|s| s.view = v);
                                        }
                                    >
                                        {move || v.title().get(lang.get())}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <DataBar data=data period=period lang=lang actions=actions/>
            <Notices data=data ignored=ignored lang=lang/>
            {move || {
                let lang = lang.get();
                let (view, landsdeel) = state.with(|s| (s.view, s.landsdeel));
                let period = period.get();
                data.with(|d| d.dataset.clone()).map(|ds| {
                    view! { <ViewPage dataset=ds view=view period=period lang=lang landsdeel=landsdeel choose_landsdeel=choose_landsdeel/> }
                })
            }}
        </main>
        <footer class="site-footer">
            <p>{move || Text::Footer.get(lang.get())}</p>
            <p>{move || Text::MapCredit.get(lang.get())}</p>
        </footer>
    }
}

/// Errors and notices: what went wrong with the data or the address, in the current language.
#[component]
fn Notices(data: RwSignal<Data>, ignored: RwSignal<Vec<Ignored>>, lang: Signal<Lang>) -> impl IntoView {
    let error = move || {
        let lang = lang.get();
        data.with(|d| {
            d.error.as_ref().map(|e| {
                let kept = d.dataset.is_some().then(|| view! { <p>{Text::ErrorKept.get(lang)}</p> });
                view! {
                    <div class="error" role="alert">
                        <h2>{Text::ErrorTitle.get(lang)}</h2>
                        <p class="error-message">{error_message(e, lang)}</p>
                        {kept}
                    </div>
                }
            })
        })
    };
    let notices = move || {
        let lang = lang.get();
        let params = ignored.with(|i| {
            i.iter()
                .map(|p| format!("{}: {}={}", Text::NoticeIgnoredParam.get(lang), p.key, p.value))
                .collect::<Vec<_>>()
        });
        let loading = data.with(|d| d.dataset.is_none() && d.error.is_none() && d.progress.is_none());
        let files = data.with(|d| d.notices.iter().map(|n| notice_message(n, lang)).collect::<Vec<_>>());
        let all: Vec<String> = files.into_iter().chain(params).collect();
        let loading = loading.then(|| view! { <p class="loading" role="status">{Text::Loading.get(lang)}</p> });
        let list = (!all.is_empty()).then(|| {
            view! { <ul class="notices" role="status">{all.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }
        });
        view! { {loading} {list} }
    };
    view! { {error} {notices} }
}
