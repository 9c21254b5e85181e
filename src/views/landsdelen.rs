//! Landsdelen: a choropleth (per 1,000 youth where the population is known), a bar chart of
//! unique youth (the table's first column) and the table with every measure the data has.

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::i18n::error_message;
use lta_core::view::Dataset;
use lta_core::{Lang, Text};

use super::{bar_and_table, charts_of};
use crate::chart::{register_map, Chart};
use crate::chart_options::{self, LANDSDELEN_MAP};
use crate::load::landsdelen_geojson;

pub fn body(dataset: &Dataset, period: &str, lang: Lang) -> impl IntoView {
    let table = dataset.landsdelen(period, lang);
    let (map_col, map_title) = match table.column(Text::Per1000Youth) {
        Some(c) => (c, Text::MapTitle),
        None => (table.column(Text::UniqueYouth).unwrap_or(0), Text::MapTitleCount),
    };
    let option = chart_options::choropleth(&table, map_col, lang);
    let map_ready = RwSignal::new(None::<Result<(), String>>);
    spawn_local(async move {
        let registered = match landsdelen_geojson().await {
            Ok(geo) => register_map(LANDSDELEN_MAP, &geo).map_err(|e| format!("{e:?}")),
            Err(e) => Err(error_message(&e, lang)),
        };
        map_ready.set(Some(registered));
    });
    let title = map_title.get(lang).to_string();
    let map = move || match map_ready.get() {
        None => view! { <p class="loading">{Text::Loading.get(lang)}</p> }.into_any(),
        Some(Ok(())) => view! { <Chart option=option.clone() label=title.clone() height=440/> }.into_any(),
        Some(Err(e)) => view! { <p class="notice">{Text::ChartUnavailable.get(lang)}" ("{e}")"</p> }.into_any(),
    };
    let euros = charts_of(
        &table,
        &[(Text::Euros, Text::BarEurosLandsdelen), (Text::EurosPerYouth, Text::BarEurosPerYouthLandsdelen)],
        lang,
    );
    view! {
        <figure class="chart-figure map">
            <figcaption>{map_title.get(lang)}</figcaption>
            {map}
            <p class="credit">{Text::MapCredit.get(lang)}</p>
        </figure>
        {euros}
        {bar_and_table(table, Text::BarLandsdelenTitle, lang)}
    }
}
