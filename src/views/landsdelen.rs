//! Landsdelen: a choropleth of the chosen measure (per 1,000 youth by default where the
//! population is known), bar charts and the table with every measure the data has.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::i18n::error_message;
use lta_core::selection::Dimension;
use lta_core::Text;

use super::{charts_of, download, index_picker, main_chart_around, Ctx};
use crate::chart::{register_map, Chart};
use crate::chart_options::{self, LANDSDELEN_MAP};
use crate::load::landsdelen_geojson;

static MAP_REGISTERED: AtomicBool = AtomicBool::new(false);

pub fn body(ctx: &Ctx) -> impl IntoView {
    let lang = ctx.lang;
    let table = ctx.dataset.landsdelen(&ctx.sel, lang);
    let map_col = match ctx.measure {
        Some(_) if !table.columns.is_empty() => Some(ctx.chart_column(&table)),
        _ => table.column(Text::Per1000Youth).or(table.column(Text::UniqueYouth)),
    };
    let map = map_col.map(|col| {
        let option = chart_options::choropleth(&table, col, lang);
        let pick = index_picker(&table, Some(Dimension::Landsdeel));
        let title = format!("{}: {}", Text::MapOf.get(lang), table.columns[col].heading(lang));
        let mut saved = download(ctx, &title, "kaart");
        // The boundaries' licence (CC BY) asks for the credit wherever the map goes.
        saved.source = format!("{} · {}", saved.source, Text::MapCredit.get(lang));
        // The boundaries are fetched and registered once per page, not on every redraw.
        let ready = RwSignal::new(MAP_REGISTERED.load(Ordering::Relaxed).then_some(Ok(())));
        if ready.get_untracked().is_none() {
            spawn_local(async move {
                let registered = match landsdelen_geojson().await {
                    Ok(geo) => register_map(LANDSDELEN_MAP, &geo).await.map_err(|e| format!("{e:?}")),
                    Err(e) => Err(error_message(&e, lang)),
                };
                MAP_REGISTERED.store(registered.is_ok(), Ordering::Relaxed);
                ready.set(Some(registered));
            });
        }
        let caption = title.clone();
        let drawn = move || match ready.get() {
            // The map's room is kept while its boundaries load, so nothing below it moves.
            None => view! { <div class="chart map-pending"><p class="loading">{Text::Loading.get(lang)}</p></div> }.into_any(),
            Some(Ok(())) => {
                view! { <Chart option=option.clone() label=title.clone() height=440 on_pick=pick download=Some(saved.clone())/> }.into_any()
            }
            Some(Err(e)) => view! { <p class="notice">{Text::ChartUnavailable.get(lang)}" ("{e}")"</p> }.into_any(),
        };
        view! {
            <figure class="chart-figure map">
                <figcaption>{caption}</figcaption>
                {drawn}
                <p class="credit">{Text::MapCredit.get(lang)}</p>
            </figure>
        }
    });
    let pick = Some(Dimension::Landsdeel);
    let more = charts_of(
        ctx,
        &table,
        &[(Text::EurosPerYouth, Text::BarEurosPerYouthLandsdelen), (Text::ShareOfEuros, Text::BarShareEurosLandsdelen)],
        pick,
    );
    view! {
        {main_chart_around(ctx, table, Text::BarLandsdelenTitle, pick, map.into_any())}
        {more}
    }
}
