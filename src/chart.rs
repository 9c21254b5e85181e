//! The one thin wrapper around ECharts (shipped with the site as `echarts.min.js`, the global
//! `echarts`). charming builds the options; what charming 0.6 lacks is bound here: `init`,
//! `setOption` with JSON-compatible values (charming's own renderer turns maps into JS `Map`s,
//! which ECharts silently ignores), `registerMap`, `on` (clicks), `renderToSVGString`
//! (downloads), `dispose` and `resize`.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::Serialize;
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

fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Registers GeoJSON boundaries under a map name, for `map` series.
pub fn register_map(name: &str, geojson: &str) -> Result<(), JsValue> {
    if !echarts_loaded() {
        return Err("echarts not loaded".into());
    }
    register_map_js(name, &js_sys::JSON::parse(geojson)?)
}

fn draw(el: &web_sys::HtmlElement, option: &JsValue) -> Result<EChart, JsValue> {
    if !echarts_loaded() {
        return Err("echarts not loaded".into());
    }
    let chart = init(el, &JsValue::NULL, &to_js(&serde_json::json!({ "renderer": "svg" }))?)?;
    chart.set_option(option, true)?;
    Ok(chart)
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
#[component]
pub fn Chart(
    option: serde_json::Value,
    label: String,
    height: u32,
    #[prop(default = None)] on_pick: Option<Callback<usize>>,
    #[prop(default = None)] download: Option<Download>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let handle: Slot<EChart> = SendWrapper::new(Rc::default());
    let drawn = handle.clone();
    let click: Slot<Closure<dyn FnMut(JsValue)>> = SendWrapper::new(Rc::default());
    let clicked = click.clone();
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        match to_js(&option).and_then(|o| draw(&el, &o)) {
            Ok(chart) => {
                if let Some(pick) = on_pick {
                    let handler = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
                        let index = js_sys::Reflect::get(&params, &"dataIndex".into()).ok().and_then(|i| i.as_f64());
                        if let Some(i) = index {
                            pick.run(i as usize);
                        }
                    });
                    chart.on("click", handler.as_ref().unchecked_ref());
                    *clicked.borrow_mut() = Some(handler);
                }
                *drawn.borrow_mut() = Some(chart);
                fit_view_box(&el);
            }
            Err(e) => {
                web_sys::console::warn_2(&"chart not drawn:".into(), &e);
                failed.set(true);
            }
        }
    });
    let resized = handle.clone();
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(chart) = resized.borrow().as_ref() {
            chart.resize();
            if let Some(el) = node.get_untracked() {
                fit_view_box(&el);
            }
        }
    });
    let exported = handle.clone();
    on_cleanup(move || {
        listener.remove();
        if let Some(chart) = handle.borrow_mut().take() {
            chart.dispose();
        }
        click.borrow_mut().take();
    });
    let lang = use_context::<Signal<lta_core::Lang>>().unwrap_or_default();
    let buttons = download.map(|d| {
        let framed = move || {
            let chart = exported.borrow();
            let chart = chart.as_ref()?;
            let svg = chart.render_to_svg_string().ok()?;
            let (w, h) = (chart.width(), chart.height());
            let (framed, height) = lta_core::export::framed_svg(&svg, w, h, &d.title, &d.source, d.watermark.as_deref());
            Some((framed, w, height))
        };
        let framed = SendWrapper::new(Rc::new(framed));
        let (svg_frame, png_frame) = (framed.clone(), framed);
        let (svg_name, png_name) = (format!("{}.svg", d.file_name), format!("{}.png", d.file_name));
        view! {
            <div class="tools">
                <span class="tools-label">{move || lta_core::Text::Download.get(lang.get())}": "</span>
                <button class="tool" on:click=move |_| {
                    if let Some((svg, _, _)) = svg_frame() {
                        let _ = crate::download::save_text(&svg_name, "image/svg+xml", &svg);
                    }
                }>{move || lta_core::Text::DownloadSvg.get(lang.get())}</button>
                <button class="tool" on:click=move |_| {
                    if let Some((svg, w, h)) = png_frame() {
                        let name = png_name.clone();
                        leptos::task::spawn_local(async move {
                            if let Err(e) = crate::download::save_png(&name, &svg, w, h).await {
                                web_sys::console::warn_2(&"png not saved:".into(), &e);
                            }
                        });
                    }
                }>{move || lta_core::Text::DownloadPng.get(lang.get())}</button>
            </div>
        }
    });
    // The height goes through the CSSOM (style:…), not a style attribute: the CSP forbids those.
    view! {
        <div class="chart" node_ref=node role="img" aria-label=label style:height=format!("{height}px")></div>
        <Show when=move || failed.get()>
            <p class="notice">{move || lta_core::Text::ChartUnavailable.get(lang.get())}</p>
        </Show>
        {buttons}
    }
}
