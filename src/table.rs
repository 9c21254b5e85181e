//! A core `Table` as an HTML table: the accessible, exact form of every chart.

use leptos::prelude::*;
use lta_core::format::Unit;
use lta_core::view::Table;
use lta_core::{Lang, Text};

/// The table, with its caption, the national row from the source, and the legends its cells need.
#[component]
pub fn DataTable(table: Table, caption: String, lang: Lang) -> impl IntoView {
    let head = table.columns.iter().map(|c| view! { <th scope="col" class="num">{c.title.get(lang)}</th> }).collect_view();
    let cells = |row: &lta_core::view::Row| {
        (0..table.columns.len())
            .map(|c| {
                let class = if table.columns[c].unit == Unit::Percent { "num share" } else { "num" };
                view! { <td class=class>{table.text(row, c, lang)}</td> }
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
        let names: Vec<&str> = table.not_published.iter().map(|t| t.get(lang)).collect();
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
