//! The four views. Each asks the core for its table and shows chart, table and notes; none
//! computes a figure itself.

mod landsdelen;
mod overzicht;
mod verwijzers;

use std::sync::Arc;

use leptos::prelude::*;
use lta_core::url_state::View;
use lta_core::view::{Dataset, Table};
use lta_core::{Lang, Text};

use crate::chart::Chart;
use crate::chart_options;
use crate::notes::Notes;
use crate::table::DataTable;

/// The page of one view.
#[component]
pub fn ViewPage(dataset: Arc<Dataset>, view: View, period: String, lang: Lang) -> impl IntoView {
    let body = match view {
        View::Overzicht => overzicht::figures(&dataset, &period, lang).into_any(),
        View::Landsdelen => landsdelen::body(&dataset, &period, lang).into_any(),
        View::Percelen => bar_and_table(dataset.percelen(&period, lang), Text::BarPercelenTitle, lang).into_any(),
        View::Verwijzers => verwijzers::body(&dataset, &period, lang).into_any(),
    };
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{view.title().get(lang)}" "<span class="period">{period.clone()}</span></h2>
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

/// A bar chart of a table's first column, then the table itself.
fn bar_and_table(table: Table, title: Text, lang: Lang) -> impl IntoView {
    let title = title.get(lang).to_string();
    let chart = (!table.columns.is_empty()).then(|| {
        let option = chart_options::bar(&table, 0, lang, label_width());
        view! {
            <figure class="chart-figure">
                <figcaption>{title.clone()}</figcaption>
                <Chart option=option label=title.clone() height=chart_options::bar_height(&table)/>
            </figure>
        }
    });
    view! {
        {chart}
        <DataTable table=table caption=format!("{}: {}", Text::Table.get(lang), title) lang=lang/>
    }
}
