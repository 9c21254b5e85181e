//! A core `Table` as an HTML table: the accessible, exact form of every chart.

use leptos::prelude::*;
use lta_core::format::Unit;
use lta_core::view::Table;
use lta_core::{Lang, Text};

/// The table, with its caption, the national row from the source, and the legends its cells need.
#[component]
pub fn DataTable(
    table: Table,
    caption: String,
    lang: Lang,
    /// Shade cells by value (a heat map); the value is always written too.
    #[prop(optional)]
    heat: bool,
) -> impl IntoView {
    let head = table.columns.iter().map(|c| view! { <th scope="col" class="num">{c.heading(lang)}</th> }).collect_view();
    let max = table.rows.iter().flat_map(|r| r.cells.iter().filter_map(|c| c.number())).fold(0.0, f64::max);
    let cells = |row: &lta_core::view::Row| {
        (0..table.columns.len())
            .map(|c| {
                let class = if table.columns[c].unit == Unit::Percent { "num share" } else { "num" };
                let style = heat.then(|| heat_style(row.cells[c].number(), max));
                view! { <td class=class style=style>{table.text(row, c, lang)}</td> }
            })
            .collect_view()
    };
    let body = table
        .rows
        .iter()
        .map(|r| view! { <tr data-code=r.code.clone()><th scope="row">{r.label.clone()}</th>{cells(r)}</tr> })
        .collect_view();
    let total = table.total.as_ref().map(|r| {
        view! { <tfoot><tr class="total"><th scope="row">{r.label.clone()}</th>{cells(r)}</tr></tfoot> }
    });
    let not_published = (!table.not_published.is_empty()).then(|| {
        let names: Vec<String> = table.not_published.iter().map(|c| c.heading(lang)).collect();
        view! { <p class="legend not-published">{Text::NotPublishedColumns.get(lang)}": "{names.join(", ")}"."</p> }
    });
    let approx = table.has_approx().then(|| view! { <p class="legend">{Text::ApproxLegend.get(lang)}</p> });
    let unpublished_cells = table
        .rows
        .iter()
        .any(|r| r.cells.iter().any(|c| matches!(c, lta_core::Cell::NotPublished)))
        .then(|| view! { <p class="legend">{Text::NotPublishedLegend.get(lang)}</p> });
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table>
                <caption>{caption.clone()}</caption>
                <thead><tr><th scope="col">{table.dimension.get(lang)}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
                {total}
            </table>
        </div>
        {approx}
        {unpublished_cells}
        {not_published}
    }
}

/// A blue of the value's strength, with black or white text, whichever keeps 4.5:1 contrast.
fn heat_style(value: Option<f64>, max: f64) -> String {
    let Some(v) = value.filter(|_| max > 0.0) else { return String::new() };
    let t = (v / max).clamp(0.0, 1.0);
    let mix = |light: f64, dark: f64| (light + (dark - light) * t).round() as u8;
    let (r, g, b) = (mix(238.0, 1.0), mix(245.0, 69.0), mix(250.0, 110.0));
    // WCAG relative luminance: black text needs L ≥ 0.175, white text L ≤ 0.183.
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    let ink = if luminance >= 0.18 { "#000000" } else { "#ffffff" };
    format!("background:rgb({r},{g},{b});color:{ink}")
}
