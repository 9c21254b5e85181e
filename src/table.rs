//! A core `Table` as an HTML table: the accessible, exact form of every chart. It can be hidden
//! ("toon tabel"), sorted by any column, downloaded as CSV, and its rows chosen as filters.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use lta_core::format::Unit;
use lta_core::view::{Row, Table};
use lta_core::{Cell, Lang, Text};

/// Ids for the tables' regions, which their toggle buttons name.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// How rows are ordered: by a column (`None`: the row names), descending or not.
type Sort = Option<(Option<usize>, bool)>;

fn sorted(table: &Table, sort: Sort) -> Vec<Row> {
    let mut rows = table.rows.clone();
    if let Some((col, descending)) = sort {
        match col {
            Some(c) => rows.sort_by(|a, b| a.sort_value(c).total_cmp(&b.sort_value(c))),
            None => rows.sort_by(|a, b| a.label.cmp(&b.label)),
        }
        if descending {
            rows.reverse();
        }
    }
    rows
}

/// The table with its caption, its tools, the national row from the source, and the legends
/// its cells need. `pick` makes each row name a button that chooses that row (as a chart click
/// does); `csv` is the file name and content of its download.
#[component]
pub fn DataTable(
    table: Table,
    caption: String,
    lang: Lang,
    /// Shade cells by value (a heat map); the value is always written too.
    #[prop(optional)]
    heat: bool,
    #[prop(default = None)] pick: Option<Callback<String>>,
    #[prop(default = None)] csv: Option<(String, String)>,
) -> impl IntoView {
    let shown = RwSignal::new(true);
    let sort = RwSignal::new(None::<(Option<usize>, bool)>);
    let max = table.rows.iter().flat_map(|r| r.cells.iter().filter_map(|c| c.number())).fold(0.0, f64::max);
    let header = |col: Option<usize>, title: String| {
        let aria_sort = move || match sort.get() {
            Some((c, desc)) if c == col => if desc { "descending" } else { "ascending" },
            _ => "none",
        };
        let class = if col.is_some() { "num" } else { "" };
        let next = move || match sort.get_untracked() {
            Some((c, desc)) if c == col => Some((col, !desc)),
            _ => Some((col, col.is_some())),
        };
        view! {
            <th scope="col" class=class aria-sort=aria_sort>
                <button class="sort" on:click=move |_| sort.set(next())>{title}</button>
            </th>
        }
    };
    let head = std::iter::once(header(None, table.dimension.get(lang).to_string()))
        .chain(table.columns.iter().enumerate().map(|(i, c)| header(Some(i), c.heading(lang))))
        .collect_view();
    let cells = {
        let table = table.clone();
        move |row: &Row| {
            (0..table.columns.len())
                .map(|c| {
                    let class = if table.columns[c].unit == Unit::Percent { "num share" } else { "num" };
                    let (fill, ink) = heat.then(|| heat_colours(row.cells[c].number(), max)).flatten().unzip();
                    // Set through the CSSOM (style:…), not a style attribute: the CSP forbids those.
                    view! { <td class=class style:background=fill style:color=ink>{table.text(row, c, lang)}</td> }
                })
                .collect_view()
        }
    };
    let row_name = move |r: &Row, selected: bool| match pick {
        Some(pick) => {
            let code = r.code.clone();
            let label = format!("{} {}", Text::ChooseRow.get(lang), r.label);
            view! {
                <button class="pick" aria-pressed=selected.to_string() title=label on:click=move |_| pick.run(code.clone())>
                    {r.label.clone()}
                </button>
            }
            .into_any()
        }
        None => r.label.clone().into_any(),
    };
    let body = {
        let (table, cells) = (table.clone(), cells.clone());
        move || {
            sorted(&table, sort.get())
                .iter()
                .map(|r| {
                    let selected = table.selected.as_deref() == Some(r.code.as_str());
                    view! {
                        <tr data-code=r.code.clone() class:selected=selected>
                            <th scope="row">{row_name(r, selected)}</th>
                            {cells(r)}
                        </tr>
                    }
                })
                .collect_view()
        }
    };
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
        .any(|r| r.cells.iter().any(|c| matches!(c, Cell::NotPublished)))
        .then(|| view! { <p class="legend">{Text::NotPublishedLegend.get(lang)}</p> });
    let download = csv.map(|(name, content)| {
        view! {
            <button class="tool" on:click=move |_| { let _ = crate::download::save_text(&name, "text/csv;charset=utf-8", &content); }>
                {Text::Download.get(lang)}" "{Text::DownloadCsv.get(lang)}
            </button>
        }
    });
    let region = format!("table-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    view! {
        <div class="tools">
            <button class="tool" aria-expanded=move || shown.get().to_string() aria-controls=region.clone() on:click=move |_| shown.update(|s| *s = !*s)>
                {move || if shown.get() { Text::HideTable.get(lang) } else { Text::ShowTable.get(lang) }}
            </button>
            {download}
        </div>
        <div id=region.clone() class="table-scroll" tabindex="0" role="region" aria-label=caption.clone() hidden=move || !shown.get()>
            <table>
                <caption>{caption.clone()}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
                {total}
            </table>
        </div>
        {approx}
        {unpublished_cells}
        {not_published}
    }
}

/// A cell's background, a blue of the value's strength on a scale up to `max`, and its text
/// colour, black or white, whichever keeps 4.5:1 contrast.
fn heat_colours(value: Option<f64>, max: f64) -> Option<(String, &'static str)> {
    let v = value.filter(|_| max > 0.0)?;
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
    Some((format!("rgb({r},{g},{b})"), ink))
}
