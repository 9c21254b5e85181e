//! ECharts options drawn from a core `Table`, so a chart shows exactly the rows and numbers of
//! the table under it. Numbers are formatted by the core and written on the bars and areas:
//! nothing depends on hovering, and nothing on colour alone.

use lta_core::format;
use lta_core::view::Table;
use lta_core::Lang;
use serde_json::{json, Value};

/// The name under which the landsdelen boundaries are registered with ECharts.
pub const LANDSDELEN_MAP: &str = "landsdelen";

/// Rijkshuisstijl hemelblauw (5.9:1 on white), then a dark orange: a landsdeel and the nation
/// side by side stay apart for colour-blind readers, and the legend names them.
const SERIES_COLOURS: [&str; 2] = ["#01689b", "#a64b00"];
const ROW_HEIGHT: u32 = 34;
const LEGEND_ROOM: u32 = 52;

/// A horizontal bar chart of some columns: one bar per row and column (grouped, with a legend
/// when there are several), rows in the table's order, each value written at the end of its bar
/// ("niet gepubliceerd" bars stay empty). `label_width` is the room for the row names, in pixels;
/// longer names are cut short here and given in full in the table.
pub fn bar(table: &Table, cols: &[usize], lang: Lang, label_width: u32) -> Value {
    let names: Vec<&str> = table.rows.iter().map(|r| r.label.as_str()).collect();
    let series: Vec<Value> = cols.iter().enumerate().map(|(i, &col)| bar_series(table, col, i, lang)).collect();
    // The legend goes under the bars, with room for two lines on a narrow phone.
    let legend_room = if cols.len() > 1 { LEGEND_ROOM } else { 4 };
    let mut option = json!({
        "animation": false,
        "grid": { "left": label_width as f64 + 8.0, "right": 110, "top": 4, "bottom": legend_room },
        "xAxis": { "type": "value", "axisLabel": { "show": false }, "splitLine": { "show": false } },
        "yAxis": {
            "type": "category", "inverse": true, "data": names,
            // Long row names are cut to the room they have.
            "axisLabel": { "width": label_width, "overflow": "truncate", "color": "#1a1a1a", "fontSize": 13 },
        },
        "series": series,
    });
    if cols.len() > 1 {
        option["legend"] = json!({ "bottom": 0, "left": 0 });
    }
    option
}

/// The bars of one column, the `i`th series of its chart.
fn bar_series(table: &Table, col: usize, i: usize, lang: Lang) -> Value {
    let data: Vec<Value> = table
        .rows
        .iter()
        .map(|r| {
            // ECharts reads "-" as "no value": an empty bar, never a 0. The item's name is its
            // formatted value, which the label shows.
            let value = r.cells[col].number().map_or(json!("-"), |n| json!(n));
            json!({ "value": value, "name": table.text(r, col, lang) })
        })
        .collect();
    json!({
        "type": "bar",
        "name": table.columns[col].of.clone().unwrap_or_else(|| table.columns[col].heading(lang)),
        "itemStyle": { "color": SERIES_COLOURS[i % SERIES_COLOURS.len()] },
        "label": { "show": true, "position": "right", "formatter": "{b}", "color": "#1a1a1a" },
        "data": data,
    })
}

/// The height a bar chart of some columns of a table needs.
pub fn bar_height(table: &Table, cols: usize) -> u32 {
    let legend = if cols > 1 { LEGEND_ROOM } else { 0 };
    table.rows.len() as u32 * (ROW_HEIGHT + 14 * (cols as u32 - 1)) + 24 + legend
}

/// A choropleth of the landsdelen for one column, each area labelled with its name and value.
pub fn choropleth(table: &Table, col: usize, lang: Lang) -> Value {
    let values: Vec<f64> = table.rows.iter().filter_map(|r| r.cells[col].number()).collect();
    let (min, max) = values.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let data: Vec<Value> = table
        .rows
        .iter()
        .map(|r| {
            let shown = table.text(r, col, lang);
            let value = r.cells[col].number().map_or(json!("-"), |n| json!(n));
            json!({
                "name": lta_core::Landsdeel::parse(&r.code).map_or(r.label.as_str(), |l| l.name()),
                "value": value,
                "label": { "formatter": format!("{}\n{shown}", r.label) },
            })
        })
        .collect();
    json!({
        "animation": false,
        "visualMap": {
            "type": "continuous",
            "min": min, "max": max,
            "show": true,
            "calculable": false,
            "orient": "horizontal",
            "left": "left", "bottom": 0,
            "itemWidth": 12, "itemHeight": 120,
            "text": [format::number(max, table.columns[col].unit, lang), format::number(min, table.columns[col].unit, lang)],
            "inRange": { "color": ["#e5f0f7", "#8fc1de", "#01689b", "#0b2d4a"] },
        },
        "series": [{
            "type": "map",
            "map": LANDSDELEN_MAP,
            "roam": false,
            "aspectScale": 0.61,
            "top": 8, "bottom": 40,
            "selectedMode": false,
            "itemStyle": { "borderColor": "#ffffff", "borderWidth": 1 },
            "label": {
                "show": true, "fontSize": 11, "lineHeight": 14, "color": "#1a1a1a",
                "backgroundColor": "rgba(255,255,255,0.85)", "padding": [2, 4], "borderRadius": 2,
            },
            "emphasis": { "disabled": true },
            "data": data,
        }],
    })
}
