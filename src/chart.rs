//! The one thin wrapper around ECharts (shipped with the site as `echarts.min.js`, the global
//! `echarts`). charming builds the options; what charming 0.6 lacks is bound here: `init`,
//! `setOption` with JSON-compatible values (charming's own renderer turns maps into JS `Map`s,
//! which ECharts silently ignores), `registerMap`, `dispose` and `resize`.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::Serialize;
use wasm_bindgen::prelude::*;

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

/// A chart. `label` names it for screen readers; the table beside it carries the figures.
#[component]
pub fn Chart(option: serde_json::Value, label: String, height: u32) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let handle: SendWrapper<Rc<RefCell<Option<EChart>>>> = SendWrapper::new(Rc::default());
    let drawn = handle.clone();
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        match to_js(&option).and_then(|o| draw(&el, &o)) {
            Ok(chart) => *drawn.borrow_mut() = Some(chart),
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
        }
    });
    on_cleanup(move || {
        listener.remove();
        if let Some(chart) = handle.borrow_mut().take() {
            chart.dispose();
        }
    });
    let lang = use_context::<Signal<lta_core::Lang>>().unwrap_or_default();
    view! {
        <div class="chart" node_ref=node role="img" aria-label=label style=format!("height:{height}px")></div>
        <Show when=move || failed.get()>
            <p class="notice">{move || lta_core::Text::ChartUnavailable.get(lang.get())}</p>
        </Show>
    }
}
