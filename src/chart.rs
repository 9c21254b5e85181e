//! The one thin wrapper around ECharts (shipped with the site as `echarts.min.js`, the global
//! `echarts`). charming builds the options; what charming 0.6 lacks is bound here: `init`,
//! `setOption` with JSON-compatible values (charming's own renderer turns maps into JS `Map`s,
//! which ECharts silently ignores), `registerMap`, `on` (clicks), `renderToSVGString`
//! (downloads), `dispose` and `resize`. A chart is drawn once and updated in place.

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
/// The ECharts instance is made once; a new `option` is set on it (`setOption`), so a filter
/// click redraws only what changed instead of disposing and re-creating the chart.
#[component]
pub fn Chart(
    #[prop(into)] option: Signal<serde_json::Value>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] height: Signal<u32>,
    #[prop(default = None)] on_pick: Option<Callback<usize>>,
    #[prop(default = None)] download: Option<Signal<Download>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let handle: Slot<EChart> = SendWrapper::new(Rc::default());
    let drawn = handle.clone();
    let click: Slot<Closure<dyn FnMut(JsValue)>> = SendWrapper::new(Rc::default());
    let clicked = click.clone();
    // The height drawn last: a chart is resized only when its box changed.
    let last_height = StoredValue::new(0u32);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let h = height.get();
        let result = option.with(to_js).and_then(|o| {
            let mut slot = drawn.borrow_mut();
            if let Some(chart) = slot.as_ref() {
                if last_height.get_value() != h {
                    chart.resize();
                }
                // Merged, not replaced: a chart keeps its series and axes, only their data change.
                return chart.set_option(&o, false);
            }
            let chart = draw(&el, &o)?;
            if let Some(pick) = on_pick {
                *clicked.borrow_mut() = Some(on_click(&chart, pick));
            }
            *slot = Some(chart);
            Ok(())
        });
        last_height.set_value(h);
        if let Err(e) = result {
            web_sys::console::warn_2(&"chart not drawn:".into(), &e);
            failed.set(true);
        }
    });
    let resized = handle.clone();
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(chart) = resized.borrow().as_ref() {
            chart.resize();
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
    let buttons = download.map(|download| {
        // The frame (title, selection, source) is read when a button is pressed.
        let framed = move || {
            let d = download.get_untracked();
            let chart = exported.borrow();
            let chart = chart.as_ref()?;
            let svg = chart.render_to_svg_string().ok()?;
            let (w, h) = (chart.width(), chart.height());
            let (framed, height) = lta_core::export::framed_svg(&svg, w, h, &d.title, &d.source, d.watermark.as_deref());
            Some((framed, w, height, d.file_name))
        };
        let framed = SendWrapper::new(Rc::new(framed));
        let (svg_frame, png_frame) = (framed.clone(), framed);
        view! {
            <div class="tools">
                <span class="tools-label">{move || lta_core::Text::Download.get(lang.get())}": "</span>
                <button class="tool" on:click=move |_| {
                    if let Some((svg, _, _, name)) = svg_frame() {
                        let _ = crate::download::save_text(&format!("{name}.svg"), "image/svg+xml", &svg);
                    }
                }>{move || lta_core::Text::DownloadSvg.get(lang.get())}</button>
                <button class="tool" on:click=move |_| {
                    if let Some((svg, w, h, name)) = png_frame() {
                        let name = format!("{name}.png");
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
        <div class="chart" node_ref=node role="img" aria-label=move || label.get() style:height=move || format!("{}px", height.get())></div>
        <Show when=move || failed.get()>
            <p class="notice">{move || lta_core::Text::ChartUnavailable.get(lang.get())}</p>
        </Show>
        {buttons}
    }
}
