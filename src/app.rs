//! The page: header with language switch and view menu, the data bar, notices, the current view,
//! and the footer. In embed mode (`embed=1`) only the view, its source and a link to the full
//! dashboard. The address bar holds the state (`ui.rs`).

use std::sync::Arc;

use leptos::prelude::*;
use lta_core::{Lang, Text, UrlState, View, error_message, notice_message};

use crate::data::{self, Data, Loader};
use crate::data_bar::DataBar;
use crate::embed::{post_height, EmbedFooter};
use crate::ui::{asked_from_location, Ui};
use crate::views::{Ctx, ViewPage};

#[component]
pub fn App() -> impl IntoView {
    let asked = asked_from_location();
    let (data, loader) = data::sources(data::asked_id(asked.0));
    let ui = Ui::new(asked, data);
    provide_context(ui);
    // The data shown, for a view that needs more than its context (Vergelijken's dataset list).
    provide_context(data);
    let state = ui.state;
    let lang = crate::memo::memo(move |_| state.with(|s| s.lang));
    let lang: Signal<Lang> = lang.into();
    provide_context(lang);

    // Back and forward restore the state the address bar holds; the data follows it.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| ui.follow_location());
    on_cleanup(move || popstate.remove());

    document_follows(lang, state);
    written_screen_gives_way(data, loader);
    let embed = state.with_untracked(|s| s.embed);
    if embed {
        post_height();
    }
    let period = crate::memo::memo(move |_| {
        let asked = state.with(|s| s.periode.clone());
        data.with(|d| d.dataset.as_ref().map(|ds| ds.period(asked.as_deref())).unwrap_or_default())
    });
    let content = view_page(data, state, lang, period, embed);
    view! {
        <Show when=move || !embed>
            <a class="skip" href="#main">{crate::text::tr(lang, lta_core::Text::SkipToContent)}</a>
            <Header/>
        </Show>
        <main id="main" tabindex="-1" class:embed=embed>
            <DataBar data=data period=Signal::from(period) loader=loader embed=embed/>
            <Notices data=data progress=loader.progress/>
            {content}
            <Show when=move || embed>
                <EmbedFooter/>
            </Show>
        </main>
        <Show when=move || !embed>
            <footer class="site-footer">
                <p>{crate::text::tr(lang, lta_core::Text::Footer)}</p>
                <p>{crate::text::tr(lang, lta_core::Text::MapCredit)}</p>
            </footer>
        </Show>
    }
}

/// `<html lang>` and the document title follow the language and view (a DOM write, no state).
fn document_follows(lang: Signal<Lang>, state: Memo<UrlState>) {
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.tag());
            }
            doc.set_title(&format!("{} — {}", state.with(|s| s.view.title().get(lang)), Text::AppTitle.get(lang)));
        }
    });
}

/// The first screen the build wrote into the page gives way once this one shows data or an
/// error (src/prerendered.rs); this runs after the view has been drawn. A file chosen on that
/// screen meanwhile is read now.
fn written_screen_gives_way(data: Memo<Data>, loader: Loader) {
    Effect::new(move |_| {
        if data.with(|d| d.dataset.is_some() || d.error.is_some()) {
            if let Some(file) = crate::prerendered::give_way() {
                loader.open_file.run(file);
            }
        }
    });
}

/// The view's page: built anew only for another dataset, view or language; it follows the
/// selection and measure in place.
fn view_page(data: Memo<Data>, state: Memo<UrlState>, lang: Signal<Lang>, period: Memo<String>, embed: bool) -> impl Fn() -> Option<AnyView> {
    // The view is drawn anew only when the dataset itself changes, not on progress or notices.
    let shown = Memo::new_with_compare(
        move |_| data.with(|d| d.dataset.clone()),
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let ctx = crate::memo::memo(move |_| {
        let ds = shown.get()?;
        let (lang, period) = (lang.get(), period.get());
        Some(state.with(|s| Ctx { dataset: ds, view: s.view, sel: s.selection(period), measure: s.measure, lang }))
    });
    let page = crate::memo::memo(move |_| ctx.with(|c| c.as_ref().map(|c| (Arc::as_ptr(&c.dataset) as usize, c.view, c.lang))));
    move || {
        page.get()?;
        let first = ctx.get_untracked()?;
        // Keeps the last context while the page is being replaced (`ctx` is None for an instant).
        let ctx = crate::memo::memo(move |prev: Option<&Ctx>| ctx.get().or_else(|| prev.cloned()).unwrap_or_else(|| first.clone()));
        Some(view! { <ViewPage ctx=ctx embed=embed/> }.into_any())
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
                    <h1>{crate::text::tr(lang, lta_core::Text::AppTitle)}</h1>
                    <p class="subtitle">{crate::text::tr(lang, lta_core::Text::AppSubtitle)}</p>
                </div>
                <button
                    class="lang-switch"
                    lang=crate::text::tr(lang, lta_core::Text::OtherLanguageTag)
                    on:click=move |_| ui.go(|s| s.lang = if s.lang == Lang::Nl { Lang::En } else { Lang::Nl })
                >
                    {crate::text::tr(lang, lta_core::Text::OtherLanguage)}
                </button>
            </div>
            <nav aria-label=crate::text::tr(lang, lta_core::Text::MainNav)>
                <ul class="tabs">
                    {View::ALL
                        .into_iter()
                        .map(|v| {
                            // The view's own page (`landsdelen.html`), which has its first
                            // screen in the HTML and works without JavaScript.
                            let href = move || format!("{}{}", v.page(), UrlState { view: View::Overzicht, ..state.get() }.to_query());
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
                                        {crate::text::tr(lang, v.title())}
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
fn Notices(data: Memo<Data>, progress: ReadSignal<Option<f64>>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<Signal<Lang>>();
    let reading = crate::memo::memo(move |_| progress.with(Option::is_some));
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
                .into_any()
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
        let loading = data.with(|d| d.dataset.is_none() && d.error.is_none()) && !reading.get();
        let files = data.with(|d| d.notices.iter().map(|n| notice_message(n, lang)).collect::<Vec<_>>());
        let all: Vec<String> = files.into_iter().chain(params).collect();
        let loading = loading.then(|| view! { <p class="loading" role="status">{Text::Loading.get(lang)}</p> });
        let list = (!all.is_empty()).then(|| {
            view! { <ul class="notices" role="status">{all.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }
        });
        view! { {loading} {list} }.into_any()
    };
    view! { {error} {notices} }
}
