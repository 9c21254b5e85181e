//! The views. Each asks the core for its tables and shows charts, tables and notes; none
//! computes a figure itself.

mod landsdelen;
mod overzicht;
mod profiel;
mod verwijzers;

use std::sync::Arc;

use leptos::prelude::*;
use lta_core::url_state::View;
use lta_core::view::{Dataset, Table};
use lta_core::{Landsdeel, Lang, Text};

use crate::chart::Chart;
use crate::chart_options;
use crate::notes::Notes;
use crate::table::DataTable;

/// The page of one view.
#[component]
pub fn ViewPage(
    dataset: Arc<Dataset>,
    view: View,
    period: String,
    lang: Lang,
    /// The landsdeel of the profile, and how to choose another.
    landsdeel: Option<Landsdeel>,
    choose_landsdeel: Callback<Landsdeel>,
) -> impl IntoView {
    let body = match view {
        View::Overzicht => overzicht::figures(&dataset, &period, lang).into_any(),
        View::Landsdelen => landsdelen::body(&dataset, &period, lang).into_any(),
        View::Percelen => {
            let shares = dataset.perceel_shares(&period, lang);
            let shares = (!shares.is_empty()).then(|| table(shares, Text::PerceelShares, lang, true));
            view! { {bar_and_table(dataset.percelen(&period, lang), Text::BarPercelenTitle, lang)} {shares} }.into_any()
        }
        View::Verwijzers => verwijzers::body(&dataset, &period, lang).into_any(),
        View::Profiel => profiel::body(&dataset, &period, lang, landsdeel.unwrap_or(Landsdeel::ALL[0]), choose_landsdeel).into_any(),
        View::Trend => {
            let trend = dataset.trend();
            let euros = trend.column(Text::Euros).into_iter().collect::<Vec<_>>();
            view! { {chart(&trend, &euros, Text::BarTrend, lang)} {table(trend, Text::ViewTrend, lang, false)} }.into_any()
        }
    };
    // A trend spans all periods; every other view shows one.
    let period_shown = (view != View::Trend).then(|| view! { " " <span class="period">{period.clone()}</span> });
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{view.title().get(lang)}{period_shown}</h2>
            <p class="intro">{view.intro().get(lang)}</p>
            {body}
            <Notes dataset=dataset.clone() view=view lang=lang/>
        </section>
    }
}

/// Room for the row names of a bar chart: about 40% of the window, within reason.
fn label_width() -> u32 {
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    (width.min(1100.0) * 0.38).clamp(100.0, 330.0) as u32
}

/// A bar chart of some columns of a table (nothing when there are none), with its title.
fn chart(table: &Table, cols: &[usize], title: Text, lang: Lang) -> Option<impl IntoView> {
    if cols.is_empty() || table.rows.is_empty() {
        return None;
    }
    let title = title.get(lang).to_string();
    let option = chart_options::bar(table, cols, lang, label_width());
    Some(view! {
        <figure class="chart-figure">
            <figcaption>{title.clone()}</figcaption>
            <Chart option=option label=title height=chart_options::bar_height(table, cols.len())/>
        </figure>
    })
}

/// A table with a caption, or a plain "not in this dataset" when it has no numbers.
fn table(table: Table, title: Text, lang: Lang, heat: bool) -> impl IntoView {
    let caption = format!("{}: {}", Text::Table.get(lang), title.get(lang));
    if table.is_empty() {
        return view! { <h3>{title.get(lang)}</h3> <p class="notice">{Text::NotInData.get(lang)}</p> }.into_any();
    }
    view! { <DataTable table=table caption=caption lang=lang heat=heat/> }.into_any()
}

/// A bar chart of a table's first column, then the table itself.
fn bar_and_table(t: Table, title: Text, lang: Lang) -> impl IntoView {
    let first: Vec<usize> = (!t.columns.is_empty()).then_some(0).into_iter().collect();
    view! { {chart(&t, &first, title, lang)} {table(t, title, lang, false)} }
}

/// Bar charts of the named columns the table has, each sorted by its own column.
fn charts_of(t: &Table, columns: &[(Text, Text)], lang: Lang) -> impl IntoView {
    columns
        .iter()
        .filter_map(|&(column, title)| t.column(column).map(|c| (c, title)))
        .map(|(c, title)| chart(&t.sorted_by(c), &[c], title, lang))
        .collect_view()
}
