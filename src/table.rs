//! A core `Table` as an HTML table: the accessible, exact form of every chart. It can be hidden
//! ("toon tabel"), sorted by any column, downloaded as CSV, and its rows chosen as filters.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use lta_core::{Cell, Lang, Row, Table, Text, Unit, sort_by};

/// Ids for the tables' regions, which their toggle buttons name.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// How rows are ordered: by a column (`None`: the row names), descending or not.
type Sort = Option<(Option<usize>, bool)>;

/// The row codes in the order shown.
fn sorted(table: &Table, sort: Sort) -> Vec<String> {
    let mut rows: Vec<&Row> = table.rows.iter().collect();
    if let Some((col, descending)) = sort {
        match col {
            Some(c) => sort_by(&mut rows, &|a, b| a.sort_value(c).total_cmp(&b.sort_value(c))),
            None => sort_by(&mut rows, &|a, b| a.label.cmp(&b.label)),
        }
        if descending {
            rows.reverse();
        }
    }
    rows.into_iter().map(|r| r.code.clone()).collect()
}

/// What one cell shows.
#[derive(Clone, PartialEq)]
struct CellShown {
    text: String,
    class: &'static str,
    /// Background and text colour of a heat map.
    heat: Option<(String, &'static str)>,
}

/// What one cell shows, or nothing when the row is gone.
fn cell_of(table: &Table, code: &str, c: usize, lang: Lang, heat: bool) -> Option<CellShown> {
    let row = table.rows.iter().chain(table.total.as_ref()).find(|r| r.code == code)?;
    let column = table.columns.get(c)?;
    let class = if column.unit == Unit::Percent { "num share" } else { "num" };
    let max = table.rows.iter().flat_map(|r| r.cells.iter().filter_map(|c| c.number())).fold(0.0, f64::max);
    let colours = if heat { heat_colours(row.cells.get(c).and_then(|x| x.number()), max) } else { None };
    Some(CellShown { text: table.text(row, c, lang), class, heat: colours })
}

/// What every part of one table shares; `Copy`, so each row's closures take it along.
#[derive(Clone, Copy)]
struct Parts {
    table: Signal<Table>,
    lang: Lang,
    heat: bool,
    pick: Option<Callback<String>>,
    sort: RwSignal<Sort>,
    headings: Memo<Vec<String>>,
}

impl Parts {
    /// A column's heading: a button that sorts by it (a second press reverses).
    fn header(self, col: Option<usize>, title: String) -> impl IntoView {
        let sort = self.sort;
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
    }

    /// The header row, re-made only when the headings change.
    fn head(self) -> impl IntoView {
        let dimension = self.table.with_untracked(|t| t.dimension.get(self.lang).to_string());
        move || {
            std::iter::once(self.header(None, dimension.clone()).into_any())
                .chain(self.headings.get().into_iter().enumerate().map(|(i, h)| self.header(Some(i), h).into_any()))
                .collect_view()
        }
    }

    /// The cells of one row, each following the table; re-made only when the columns change.
    fn cells(self, code: String) -> impl IntoView {
        let Parts { table, lang, heat, headings, .. } = self;
        move || {
            (0..headings.with(Vec::len))
                .map(|c| {
                    let code = code.clone();
                    let cell = crate::memo::memo(move |_| table.with(|t| cell_of(t, &code, c, lang, heat)));
                    let part = move |f: fn(&CellShown) -> Option<String>| move || cell.with(|x| x.as_ref().and_then(f));
                    // Set through the CSSOM (style:…), not a style attribute: the CSP forbids those.
                    view! {
                        <td
                            class=move || cell.with(|x| x.as_ref().map_or("num", |x| x.class))
                            style:background=part(|x| x.heat.as_ref().map(|h| h.0.clone()))
                            style:color=part(|x| x.heat.as_ref().map(|h| h.1.to_string()))
                        >
                            {part(|x| Some(x.text.clone()))}
                        </td>
                    }
                })
                .collect_view()
        }
    }

    /// A row's name: a button that chooses the row where the table can be picked from.
    fn row_name(self, code: String, selected: Signal<bool>) -> impl IntoView {
        let (table, key) = (self.table, code.clone());
        let label = crate::memo::memo(move |_| table.with(|t| t.rows.iter().find(|r| r.code == key).map(|r| r.label.clone()).unwrap_or_default()));
        match self.pick {
            Some(pick) => {
                let lang = self.lang;
                let title = move || format!("{} {}", Text::ChooseRow.get(lang), label.get());
                view! {
                    <button class="pick" aria-pressed=move || selected.get().to_string() title=title on:click=move |_| pick.run(code.clone())>
                        {move || label.get()}
                    </button>
                }
                .into_any()
            }
            None => (move || label.get()).into_any(),
        }
    }

    /// One body row, keyed by its code.
    fn row(self, code: String) -> impl IntoView {
        let (table, c) = (self.table, code.clone());
        let selected = Signal::derive(move || table.with(|t| t.selected.as_deref() == Some(c.as_str())));
        let (name, cells) = (self.row_name(code.clone(), selected), self.cells(code.clone()));
        view! {
            <tr data-code=code class:selected=move || selected.get()>
                <th scope="row">{name}</th>
                {cells}
            </tr>
        }
    }
}

/// The table with its caption, its tools, the national row from the source, and the legends
/// its cells need. `pick` makes each row name a button that chooses that row (as a chart click
/// does); `csv` gives the file name and content of its download when it is pressed. Rows are
/// keyed by their code: a filter click updates the cells in place and moves rows, no more.
#[component]
pub fn DataTable(
    #[prop(into)] table: Signal<Table>,
    caption: String,
    lang: Lang,
    /// Shade cells by value (a heat map); the value is always written too.
    #[prop(optional)]
    heat: bool,
    #[prop(default = None)] pick: Option<Callback<String>>,
    #[prop(default = None)] csv: Option<Callback<(), (String, String)>>,
) -> impl IntoView {
    let shown = RwSignal::new(true);
    let sort = RwSignal::new(None::<(Option<usize>, bool)>);
    let headings = crate::memo::memo(move |_| table.with(|t| t.columns.iter().map(|c| c.heading(lang)).collect::<Vec<_>>()));
    let parts = Parts { table, lang, heat, pick, sort, headings };
    let order = crate::memo::memo(move |_| table.with(|t| sorted(t, sort.get())));
    let total = crate::memo::memo(move |_| table.with(|t| t.total.as_ref().map(|r| (r.code.clone(), r.label.clone()))));
    let total = move || {
        total.get().map(|(code, label)| view! { <tfoot><tr class="total"><th scope="row">{label}</th>{parts.cells(code)}</tr></tfoot> }.into_any())
    };
    let legends = crate::memo::memo(move |_| table.with(|t| Legends::of(t, lang)));
    let download = csv.map(|csv| {
        view! {
            <button class="tool" on:click=move |_| {
                let (name, content) = csv.run(());
                let _ = crate::download::save_text(&name, "text/csv;charset=utf-8", &content);
            }>
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
                <thead><tr>{parts.head()}</tr></thead>
                <tbody>
                    <For each=move || order.get() key=|code| code.clone() children=move |code: String| parts.row(code)/>
                </tbody>
                {total}
            </table>
        </div>
        {move || legends.get().view(lang)}
    }
}

/// The legends a table's cells need: approximations, cells and columns not published.
#[derive(Clone, PartialEq)]
struct Legends {
    approx: bool,
    unpublished_cells: bool,
    not_published: Vec<String>,
}

impl Legends {
    fn of(table: &Table, lang: Lang) -> Legends {
        Legends {
            approx: table.has_approx(),
            unpublished_cells: table.rows.iter().any(|r| r.cells.iter().any(|c| matches!(c, Cell::NotPublished))),
            not_published: table.not_published.iter().map(|c| c.heading(lang)).collect(),
        }
    }

    fn view(self, lang: Lang) -> impl IntoView {
        let not_published = (!self.not_published.is_empty()).then(|| {
            view! { <p class="legend not-published">{Text::NotPublishedColumns.get(lang)}": "{self.not_published.join(", ")}"."</p> }
        });
        let approx = self.approx.then(|| view! { <p class="legend">{Text::ApproxLegend.get(lang)}</p> });
        let unpublished_cells = self.unpublished_cells.then(|| view! { <p class="legend">{Text::NotPublishedLegend.get(lang)}</p> });
        view! { {approx} {unpublished_cells} {not_published} }
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
