//! The one thin wrapper around ECharts (shipped with the site as `echarts-<hash>.js`, the global
//! `echarts`, loaded when the first chart is drawn). `chart_options.rs` builds the options as
//! JSON (`lta_core::JsonOut`); bound here: `init`, `setOption` with the option read by
//! `JSON.parse` (plain objects and arrays, as ECharts wants them), `registerMap`, `on` (clicks),
//! `renderToSVGString` (downloads), `dispose` and `resize`. A chart is drawn once and updated in
//! place.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use lta_core::{JsonOut, json_obj};
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = ECharts)]
    type EChart;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init(el: &web_sys::HtmlElement, theme: &JsValue, opts: &JsValue) -> Result<EChart, JsValue>;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = registerMap)]
    fn register_map_js(name: &str, geojson: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &EChart, option: &JsValue, not_merge: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn dispose(this: &EChart);

    #[wasm_bindgen(method)]
    fn on(this: &EChart, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(catch, method, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &EChart) -> Result<String, JsValue>;

    #[wasm_bindgen(method, js_name = getWidth)]
    fn width(this: &EChart) -> u32;

    #[wasm_bindgen(method, js_name = getHeight)]
    fn height(this: &EChart) -> u32;

    #[wasm_bindgen(method)]
    fn resize(this: &EChart);
}

fn echarts_loaded() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"echarts".into()).unwrap_or(false)
}

thread_local! {
    /// The one load of ECharts, shared by every chart that waits for it.
    static ECHARTS: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Loads ECharts the first time a chart is about to be drawn: a view without charts (Overzicht)
/// never downloads it. The post-build hook (scripts/csp-post-build.mjs) names the hashed file and
/// its integrity in `<meta name="lta-echarts">`; the policy's `script-src 'self'` allows it.
async fn ensure_echarts() -> Result<(), JsValue> {
    if echarts_loaded() {
        return Ok(());
    }
    let promise = ECHARTS.with(|p| p.borrow_mut().get_or_insert_with(load_echarts).clone());
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ())
}

fn load_echarts() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let added = (|| -> Result<(), JsValue> {
            let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
            let meta = doc.query_selector("meta[name=lta-echarts]")?;
            let src = meta.as_ref().and_then(|m| m.get_attribute("content")).unwrap_or_else(|| "echarts.min.js".into());
            let script = doc.create_element("script")?;
            script.set_attribute("src", &src)?;
            if let Some(sri) = meta.and_then(|m| m.get_attribute("data-integrity")) {
                script.set_attribute("integrity", &sri)?;
            }
            let failed = reject.clone();
            let on_error = Closure::once_into_js(move || {
                let _ = failed.call1(&JsValue::NULL, &JsValue::from_str(&format!("{src} not loaded")));
            });
            script.add_event_listener_with_callback("load", &resolve)?;
            script.add_event_listener_with_callback("error", on_error.unchecked_ref())?;
            doc.head().ok_or("no head")?.append_child(&script)?;
            Ok(())
        })();
        if let Err(e) = added {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    })
}

fn to_js(value: &JsonOut) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&value.to_text())
}

/// Registers GeoJSON boundaries under a map name, for `map` series (loading ECharts first).
pub async fn register_map(name: &str, geojson: &str) -> Result<(), JsValue> {
    ensure_echarts().await?;
    register_map_js(name, &js_sys::JSON::parse(geojson)?)
}

fn draw(el: &web_sys::HtmlElement, option: &JsValue) -> Result<EChart, JsValue> {
    if !echarts_loaded() {
        return Err("echarts not loaded".into());
    }
    let chart = init(el, &JsValue::NULL, &to_js(&json_obj([("renderer", "svg".into())]))?)?;
    chart.set_option(option, true)?;
    Ok(chart)
}

/// Sends the index of a clicked bar or area to `pick`; the closure must live as long as the chart.
fn on_click(chart: &EChart, pick: Callback<usize>) -> Closure<dyn FnMut(JsValue)> {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        let index = js_sys::Reflect::get(&params, &"dataIndex".into()).ok().and_then(|i| i.as_f64());
        if let Some(i) = index {
            pick.run(i as usize);
        }
    });
    chart.on("click", handler.as_ref().unchecked_ref());
    handler
}

/// Draws the chart the first time, then sets each new option on the same instance.
fn show(
    el: &web_sys::HtmlElement,
    option: &JsValue,
    resize: bool,
    drawn: &Slot<EChart>,
    clicked: &Slot<Closure<dyn FnMut(JsValue)>>,
    on_pick: Option<Callback<usize>>,
) -> Result<(), JsValue> {
    let mut slot = drawn.borrow_mut();
    if let Some(chart) = slot.as_ref() {
        if resize {
            chart.resize();
        }
        // Merged, not replaced: a chart keeps its series and axes, only their data change.
        chart.set_option(option, false)?;
        fit_view_box(el);
        return Ok(());
    }
    let chart = draw(el, option)?;
    if let Some(pick) = on_pick {
        *clicked.borrow_mut() = Some(on_click(&chart, pick));
    }
    *slot = Some(chart);
    fit_view_box(el);
    Ok(())
}

/// A chart that could not be drawn says so in the page (and why in the console).
fn not_drawn(e: &JsValue, failed: RwSignal<bool>) {
    web_sys::console::warn_2(&"chart not drawn:".into(), e);
    failed.set(true);
}

/// Gives the drawn SVG a viewBox of its own size (ECharts draws it with a width and height only),
/// so that the print stylesheet can scale it to the page and it stays a vector.
fn fit_view_box(el: &web_sys::HtmlElement) {
    let Ok(Some(svg)) = el.query_selector("svg") else { return };
    if let (Some(w), Some(h)) = (svg.get_attribute("width"), svg.get_attribute("height")) {
        let _ = svg.set_attribute("viewBox", &format!("0 0 {w} {h}"));
    }
}

/// A value the chart's callbacks share; Leptos asks for `Send`, the browser has one thread.
type Slot<T> = SendWrapper<Rc<RefCell<Option<T>>>>;

/// What a chart's download buttons put around it.
#[derive(Clone)]
pub struct Download {
    pub title: String,
    pub source: String,
    /// For synthetic data.
    pub watermark: Option<String>,
    /// Without extension.
    pub file_name: String,
}

/// A chart. `label` names it for screen readers; the table beside it carries the figures.
/// `on_pick` receives the index of a clicked bar or area (the table offers the same by keyboard).
/// What a chart keeps between draws: the ECharts instance, its click handler, whether it has
/// left the page, and a number for the option set last.
#[derive(Clone)]
struct Kept {
    chart: Slot<EChart>,
    click: Slot<Closure<dyn FnMut(JsValue)>>,
    /// Set when the chart leaves the page, so a draw that waited for ECharts is not made.
    gone: SendWrapper<Rc<std::cell::Cell<bool>>>,
    /// The option set last: one that waited for ECharts is not drawn over a newer one.
    latest: SendWrapper<Rc<std::cell::Cell<u32>>>,
}

impl Default for Kept {
    fn default() -> Self {
        Kept {
            chart: SendWrapper::new(Rc::default()),
            click: SendWrapper::new(Rc::default()),
            gone: SendWrapper::new(Rc::default()),
            latest: SendWrapper::new(Rc::default()),
        }
    }
}

/// The ECharts instance is made once; a new `option` is set on it (`setOption`), so a filter
/// click redraws only what changed instead of disposing and re-creating the chart.
#[component]
pub fn Chart(
    #[prop(into)] option: Signal<JsonOut>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] height: Signal<u32>,
    #[prop(default = None)] on_pick: Option<Callback<usize>>,
    #[prop(default = None)] download: Option<Signal<Download>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let kept = Kept::default();
    draw_on_change(node, option, height, failed, kept.clone(), on_pick);
    let resized = kept.chart.clone();
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(chart) = resized.borrow().as_ref() {
            chart.resize();
            if let Some(el) = node.get_untracked() {
                fit_view_box(&el);
            }
        }
    });
    let left = kept.clone();
    on_cleanup(move || {
        left.gone.set(true);
        listener.remove();
        if let Some(chart) = left.chart.borrow_mut().take() {
            chart.dispose();
        }
        left.click.borrow_mut().take();
    });
    let lang = use_context::<Signal<lta_core::Lang>>().unwrap_or_default();
    let buttons = download.map(|download| view! { <ChartDownloads download=download chart=kept.chart.clone()/> });
    // The height goes through the CSSOM (style:…), not a style attribute: the CSP forbids those.
    view! {
        <div class="chart" node_ref=node role="img" aria-label=move || label.get() style:height=move || format!("{}px", height.get())></div>
        <Show when=move || failed.get()>
            <p class="notice">{crate::text::tr(lang, lta_core::Text::ChartUnavailable)}</p>
        </Show>
        {buttons}
    }
}

/// Draws the option whenever it (or the height) changes: at once when ECharts is there, else
/// once it has loaded (a DOM call, no state but the failure flag).
fn draw_on_change(node: NodeRef<leptos::html::Div>, option: Signal<JsonOut>, height: Signal<u32>, failed: RwSignal<bool>, kept: Kept, on_pick: Option<Callback<usize>>) {
    // The height drawn last: a chart is resized only when its box changed.
    let last_height = StoredValue::new(0u32);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let h = height.get();
        let resize = last_height.get_value() != h;
        last_height.set_value(h);
        let option = match option.with(to_js) {
            Ok(o) => o,
            Err(e) => return not_drawn(&e, failed),
        };
        kept.latest.set(kept.latest.get() + 1);
        let (k, mine) = (kept.clone(), kept.latest.get());
        let run = move || {
            if let Err(e) = show(&el, &option, resize, &k.chart, &k.click, on_pick) {
                not_drawn(&e, failed);
            }
        };
        if echarts_loaded() {
            return run();
        }
        // The first chart waits for ECharts; later options queue behind it in the same order.
        // Each chart that waited is then drawn in a task of its own, not all in the one that
        // loaded ECharts: on a slow phone that one task blocked the page for a quarter second.
        let k = kept.clone();
        leptos::task::spawn_local(async move {
            let loaded = ensure_echarts().await;
            crate::pause::pause().await;
            if k.gone.get() || k.latest.get() != mine {
                return;
            }
            match loaded {
                Ok(()) => run(),
                Err(e) => not_drawn(&e, failed),
            }
        });
    });
}

/// SVG and PNG of the chart as drawn, framed with its title, selection and source (read when a
/// button is pressed).
#[component]
fn ChartDownloads(download: Signal<Download>, chart: Slot<EChart>) -> impl IntoView {
    let lang = use_context::<Signal<lta_core::Lang>>().unwrap_or_default();
    let framed = move || {
        let d = download.get_untracked();
        let chart = chart.borrow();
        let chart = chart.as_ref()?;
        let svg = chart.render_to_svg_string().ok()?;
        let (w, h) = (chart.width(), chart.height());
        let (framed, height) = lta_core::framed_svg(&svg, w, h, &d.title, &d.source, d.watermark.as_deref());
        Some((framed, w, height, d.file_name))
    };
    let framed = SendWrapper::new(Rc::new(framed));
    let (svg_frame, png_frame) = (framed.clone(), framed);
    view! {
        <div class="tools">
            <span class="tools-label">{crate::text::tr(lang, lta_core::Text::Download)}": "</span>
            <button class="tool" on:click=move |_| {
                if let Some((svg, _, _, name)) = svg_frame() {
                    let _ = crate::download::save_text(&format!("{name}.svg"), "image/svg+xml", &svg);
                }
            }>{crate::text::tr(lang, lta_core::Text::DownloadSvg)}</button>
            <button class="tool" on:click=move |_| {
                if let Some((svg, w, h, name)) = png_frame() {
                    let name = format!("{name}.png");
                    leptos::task::spawn_local(async move {
                        if let Err(e) = crate::download::save_png(&name, &svg, w, h).await {
                            web_sys::console::warn_2(&"png not saved:".into(), &e);
                        }
                    });
                }
            }>{crate::text::tr(lang, lta_core::Text::DownloadPng)}</button>
        </div>
    }
}
