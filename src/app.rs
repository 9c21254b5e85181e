//! The page: header with language switch and view menu, the data bar, notices, the current view,
//! and the footer. In embed mode (`embed=1`) only the view, its source and a link to the full
//! dashboard. The address bar holds the state (`ui.rs`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::cube::Notice;
use lta_core::i18n::{error_message, notice_message};
use lta_core::url_state::{Ignored, UrlState, View};
use lta_core::view::Dataset;
use lta_core::{DataError, DatasetIndex, Lang, Text};

use crate::data_bar::DataBar;
use crate::embed::{post_height, EmbedFooter};
use crate::load::{load, Loaded};
use crate::local_file::{self, LocalFile};
use crate::ui::{location_search, Ui};
use crate::views::{Ctx, ViewPage};

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
    /// The local file shown, as read (before disclosure).
    pub local: Option<Arc<LocalFile>>,
    /// The user turned the disclosure rules off for a records file.
    pub rules_off: bool,
}

impl Data {
    /// Shows the local file, with the disclosure rules unless they are turned off.
    pub fn show_local(&mut self) {
        let (Some(local), Some(base)) = (&self.local, &self.base) else { return };
        let disclose = !self.rules_off;
        self.dataset = Some(Arc::new(Dataset::local(&local.name, &local.cube, base, disclose)));
    }
}

/// How the page loads data; given to the data bar.
#[derive(Clone, Copy)]
pub struct Loader {
    pub open_published: Callback<Option<String>>,
    pub open_file: Callback<web_sys::File>,
}

#[component]
pub fn App() -> impl IntoView {
    let ui = Ui::from_location();
    provide_context(ui);
    let state = ui.state;
    let lang = Signal::derive(move || state.with(|s| s.lang));
    provide_context(lang);
    let data = RwSignal::new(Data::default());
    // Each load takes a number; a load that finishes after a newer one started is dropped.
    let loads = StoredValue::new(0u32);
    let next_load = move || {
        loads.update_value(|n| *n += 1);
        loads.get_value()
    };
    let is_latest = move |load: u32| loads.get_value() == load;

    let open_published = Callback::new(move |id: Option<String>| {
        let this = next_load();
        spawn_local(async move {
            let loaded = load(id.as_deref()).await;
            if !is_latest(this) {
                return;
            }
            match loaded {
                Ok(Loaded { index, dataset, notices, unknown_id }) => {
                    let dataset = Arc::new(dataset);
                    data.set(Data { index: Some(index), dataset: Some(dataset.clone()), base: Some(dataset), notices, ..Data::default() });
                    if let Some(id) = unknown_id {
                        state.update(|s| s.data = None);
                        ui.ignored.update(|i| i.push(Ignored { key: "data".into(), value: id }));
                    }
                }
                Err(e) => data.update(|d| d.error = Some(e)),
            }
        });
    });
    open_published.run(state.with_untracked(|s| s.data.clone()));

    let open_file = Callback::new(move |file: web_sys::File| {
        let Some(base) = data.with_untracked(|d| d.base.clone()) else { return };
        data.update(|d| {
            d.progress = Some(0.0);
            d.error = None;
        });
        let this = next_load();
        spawn_local(async move {
            let name = file.name();
            let read = match local_file::bytes(&file).await {
                Ok(bytes) => local_file::read(&bytes, &name, base, |p| data.update(|d| d.progress = Some(p))).await,
                Err(e) => Err(e),
            };
            if !is_latest(this) {
                return;
            }
            data.update(|d| {
                d.progress = None;
                match read {
                    Ok(parsed) => {
                        d.local = Some(Arc::new(parsed.value));
                        d.rules_off = false;
                        d.show_local();
                        d.notices = parsed.notices;
                    }
                    // The data already shown stays.
                    Err(e) => d.error = Some(e),
                }
            });
        });
    });
    let loader = Loader { open_published, open_file };

    // Back and forward restore the state the address bar holds.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let (s, i) = UrlState::parse(&location_search());
        if s.data != state.with_untracked(|now| now.data.clone()) {
            open_published.run(s.data.clone());
        }
        state.set(s);
        ui.ignored.set(i);
    });
    on_cleanup(move || popstate.remove());

    // <html lang> and the document title follow the language and view.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.tag());
            }
            doc.set_title(&format!("{} — {}", state.with(|s| s.view.title().get(lang)), Text::AppTitle.get(lang)));
        }
    });

    // A perceel or period the dataset does not have is ignored, with the same notice as other
    // invalid values.
    Effect::new(move |_| {
        let (perceel, periode) = state.with(|s| (s.perceel.clone(), s.periode.clone()));
        let (perceel, periode) = data.with(|d| {
            let Some(ds) = d.dataset.as_ref() else { return (None, None) };
            (perceel.filter(|p| !ds.cube.percelen().contains(p)), periode.filter(|p| !ds.cube.periods().contains(p)))
        });
        if let Some(p) = perceel {
            state.update(|s| s.perceel = None);
            ui.ignored.update(|i| i.push(Ignored { key: "perceel".into(), value: p }));
        }
        if let Some(p) = periode {
            state.update(|s| s.periode = None);
            ui.ignored.update(|i| i.push(Ignored { key: "periode".into(), value: p }));
        }
    });

    let embed = state.with_untracked(|s| s.embed);
    if embed {
        post_height();
    }
    let period = Memo::new(move |_| {
        let asked = state.with(|s| s.periode.clone());
        data.with(|d| d.dataset.as_ref().map(|ds| ds.period(asked.as_deref())).unwrap_or_default())
    });
    // The view is drawn anew only when the dataset itself changes, not on progress or notices.
    let shown = Memo::new_with_compare(
        move |_| data.with(|d| d.dataset.clone()),
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    // What the view shows; the page itself is built anew only for another dataset, view or
    // language, and follows the selection and measure in place.
    let ctx = Memo::new(move |_| {
        let ds = shown.get()?;
        let (lang, period) = (lang.get(), period.get());
        Some(state.with(|s| Ctx { dataset: ds, view: s.view, sel: s.selection(period), measure: s.measure, lang }))
    });
    let page = Memo::new(move |_| ctx.with(|c| c.as_ref().map(|c| (Arc::as_ptr(&c.dataset) as usize, c.view, c.lang))));
    let content = move || {
        page.get()?;
        let first = ctx.get_untracked()?;
        // Keeps the last context while the page is being replaced (`ctx` is None for an instant).
        let ctx = Memo::new(move |prev: Option<&Ctx>| ctx.get().or_else(|| prev.cloned()).unwrap_or_else(|| first.clone()));
        Some(view! { <ViewPage ctx=ctx embed=embed/> })
    };

    view! {
        <Show when=move || !embed>
            <a class="skip" href="#main">{move || Text::SkipToContent.get(lang.get())}</a>
            <Header/>
        </Show>
        <main id="main" tabindex="-1" class:embed=embed>
            <DataBar data=data period=Signal::from(period) loader=loader embed=embed/>
            <Notices data=data/>
            {content}
            <Show when=move || embed>
                <EmbedFooter/>
            </Show>
        </main>
        <Show when=move || !embed>
            <footer class="site-footer">
                <p>{move || Text::Footer.get(lang.get())}</p>
                <p>{move || Text::MapCredit.get(lang.get())}</p>
            </footer>
        </Show>
    }
}

/// Title, language switch and the view menu.
#[component]
fn Header() -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<Signal<Lang>>();
    let state = ui.state;
    view! {
        <header class="site-header">
            <div class="header-row">
                <div>
                    <h1>{move || Text::AppTitle.get(lang.get())}</h1>
                    <p class="subtitle">{move || Text::AppSubtitle.get(lang.get())}</p>
                </div>
                <button
                    class="lang-switch"
                    lang=move || Text::OtherLanguageTag.get(lang.get())
                    on:click=move |_| ui.go(|s| s.lang = if s.lang == Lang::Nl { Lang::En } else { Lang::Nl })
                >
                    {move || Text::OtherLanguage.get(lang.get())}
                </button>
            </div>
            <nav aria-label=move || Text::MainNav.get(lang.get())>
                <ul class="tabs">
                    {View::ALL
                        .into_iter()
                        .map(|v| {
                            let href = move || {
                                let q = UrlState { view: v, ..state.get() }.to_query();
                                if q.is_empty() { "?".to_string() } else { q }
                            };
                            view! {
                                <li>
                                    <a
                                        href=href
                                        aria-current=move || (state.with(|s| s.view) == v).then_some("page")
                                        on:click=move |ev: leptos::ev::MouseEvent| {
                                            // Ctrl, Cmd, Shift or a middle click: the browser opens the link itself.
                                            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                                                return;
                                            }
                                            ev.prevent_default();
                                            ui.set_view(v);
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
    }
}

/// Errors and notices: what went wrong with the data or the address, in the current language.
#[component]
fn Notices(data: RwSignal<Data>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<Signal<Lang>>();
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
        let params = ui.ignored.with(|i| {
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
