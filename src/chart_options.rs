//! ECharts options drawn from a core `Table`, so a chart shows exactly the rows and numbers of
//! the table under it. Numbers are formatted by the core and written on the bars and areas:
//! nothing depends on hovering, and nothing on colour alone.

use lta_core::{JsonOut, Lang, Table, format_number, json_obj};

/// The name under which the landsdelen boundaries are registered with ECharts.

/// Rijkshuisstijl hemelblauw (5.9:1 on white), then a dark orange: a landsdeel and the nation
/// side by side stay apart for colour-blind readers, and the legend names them. A third series
/// (Doorlooptijd's started, ended, running) is Rijkshuisstijl groen (4.6:1).
const SERIES_COLOURS: [&str; 3] = ["#01689b", "#a64b00", "#39870c"];
const ROW_HEIGHT: u32 = 34;
const LEGEND_ROOM: u32 = 52;

/// A horizontal bar chart of some columns: one bar per row and column (grouped, with a legend
/// when there are several), rows in the table's order, each value written at the end of its bar
/// ("niet gepubliceerd" bars stay empty). `label_width` is the room for the row names, in pixels;
/// longer names are cut short here and given in full in the table.
pub fn bar(table: &Table, cols: &[usize], lang: Lang, label_width: u32) -> JsonOut {
    let names: Vec<&str> = table.rows.iter().map(|r| r.label.as_str()).collect();
    let series: Vec<JsonOut> = cols.iter().enumerate().map(|(i, &col)| bar_series(table, col, i, lang)).collect();
    // The legend goes under the bars, with room for two lines on a narrow phone.
    let legend_room = if cols.len() > 1 { LEGEND_ROOM } else { 4 };
    let hidden = || json_obj([("show", false.into())]);
    let mut option = json_obj([
        ("animation", false.into()),
        ("grid", json_obj([("left", (label_width + 8).into()), ("right", 110.into()), ("top", 4.into()), ("bottom", legend_room.into())])),
        ("xAxis", json_obj([("type", "value".into()), ("axisLabel", hidden()), ("splitLine", hidden())])),
        (
            "yAxis",
            json_obj([
                ("type", "category".into()),
                ("inverse", true.into()),
                ("data", names.into()),
                // Long row names are cut to the room they have.
                ("axisLabel", json_obj([("width", label_width.into()), ("overflow", "truncate".into()), ("color", "#1a1a1a".into()), ("fontSize", 13.into())])),
            ]),
        ),
        ("series", series.into()),
    ]);
    if cols.len() > 1 {
        option.set("legend", json_obj([("bottom", 0.into()), ("left", 0.into())]));
    }
    option
}

/// A cell's value for ECharts, which reads "-" as "no value": an empty bar, never a 0.
fn value(table: &Table, row: usize, col: usize) -> JsonOut {
    table.rows[row].cells[col].number().map_or("-".into(), JsonOut::Num)
}

/// The bars of one column, the `i`th series of its chart.
fn bar_series(table: &Table, col: usize, i: usize, lang: Lang) -> JsonOut {
    // The item's name is its formatted value, which the label shows.
    let data: Vec<JsonOut> = (0..table.rows.len())
        .map(|r| json_obj([("value", value(table, r, col)), ("name", table.text(&table.rows[r], col, lang).into())]))
        .collect();
    json_obj([
        ("type", "bar".into()),
        ("name", table.columns[col].of.clone().unwrap_or_else(|| table.columns[col].heading(lang)).into()),
        ("itemStyle", json_obj([("color", SERIES_COLOURS[i % SERIES_COLOURS.len()].into())])),
        ("label", json_obj([("show", true.into()), ("position", "right".into()), ("formatter", "{b}".into()), ("color", "#1a1a1a".into())])),
        ("data", data.into()),
    ])
}

/// The height a bar chart of some columns of a table needs.
pub fn bar_height(table: &Table, cols: usize) -> u32 {
    let legend = if cols > 1 { LEGEND_ROOM } else { 0 };
    table.rows.len() as u32 * (ROW_HEIGHT + 14 * (cols as u32 - 1)) + 24 + legend
}

/// A choropleth of one column on the registered boundaries `map` (landsdelen, or the jeugdregio's
/// of a landsdeel), each area labelled with its name and value.
pub fn choropleth(table: &Table, col: usize, lang: Lang, map: &str) -> JsonOut {
    let values: Vec<f64> = table.rows.iter().filter_map(|r| r.cells[col].number()).collect();
    let (min, max) = values.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let data: Vec<JsonOut> = (0..table.rows.len())
        .map(|i| {
            let r = &table.rows[i];
            let shown = table.text(r, col, lang);
            json_obj([
                // The boundaries name a landsdeel by its name, a jeugdregio by its code.
                ("name", lta_core::Landsdeel::parse(&r.code).map_or(r.code.as_str(), |l| l.name()).into()),
                ("value", value(table, i, col)),
                ("label", json_obj([("formatter", format!("{}\n{shown}", r.label).into())])),
            ])
        })
        .collect();
    let unit = table.columns[col].unit;
    let visual_map = json_obj([
        ("type", "continuous".into()),
        ("min", min.into()),
        ("max", max.into()),
        ("show", true.into()),
        ("calculable", false.into()),
        ("orient", "horizontal".into()),
        ("left", "left".into()),
        ("bottom", 0.into()),
        ("itemWidth", 12.into()),
        ("itemHeight", 120.into()),
        ("text", vec![format_number(max, unit, lang), format_number(min, unit, lang)].into()),
        ("inRange", json_obj([("color", vec!["#e5f0f7", "#8fc1de", "#01689b", "#0b2d4a"].into())])),
    ]);
    let label = json_obj([
        ("show", true.into()),
        ("fontSize", 11.into()),
        ("lineHeight", 14.into()),
        ("color", "#1a1a1a".into()),
        ("backgroundColor", "rgba(255,255,255,0.85)".into()),
        ("padding", vec![2, 4].into()),
        ("borderRadius", 2.into()),
    ]);
    let series = json_obj([
        ("type", "map".into()),
        ("map", map.into()),
        ("roam", false.into()),
        ("aspectScale", 0.61.into()),
        ("top", 8.into()),
        ("bottom", 40.into()),
        ("selectedMode", false.into()),
        ("itemStyle", json_obj([("borderColor", "#ffffff".into()), ("borderWidth", 1.into())])),
        ("label", label),
        ("emphasis", json_obj([("disabled", true.into())])),
        ("data", data.into()),
    ]);
    json_obj([("animation", false.into()), ("visualMap", visual_map), ("series", vec![series].into())])
}
