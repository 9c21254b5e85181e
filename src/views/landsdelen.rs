//! Landsdelen: a choropleth of the chosen measure (per 1,000 youth by default where the
//! population is known), bar charts and the table with every measure the data has.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::message::error_message;
use lta_core::selection::Dimension;
use lta_core::view::Table;
use lta_core::Text;

use super::{charts_of, derive_table, download, index_picker, main_chart_around, Cx};
use crate::chart::{register_map, Chart};
use crate::chart_options::{self, LANDSDELEN_MAP};
use crate::load::landsdelen_geojson;

static MAP_REGISTERED: AtomicBool = AtomicBool::new(false);

pub fn body(ctx: Cx) -> impl IntoView {
    let table = derive_table(ctx, |c| c.dataset.landsdelen(&c.sel, c.lang));
    let map_col = crate::memo::memo(move |_| {
        ctx.with(|c| {
            table.with(|t| match c.measure {
                Some(_) if !t.columns.is_empty() => Some(c.chart_column(t)),
                _ => t.column(Text::Per1000Youth).or(t.column(Text::UniqueYouth)),
            })
        })
    });
    let has_map = crate::memo::memo(move |_| map_col.get().is_some());
    let pick = Some(Dimension::Landsdeel);
    let more = charts_of(
        ctx,
        table,
        &[(Text::EurosPerYouth, Text::BarEurosPerYouthLandsdelen), (Text::ShareOfEuros, Text::BarShareEurosLandsdelen)],
        pick,
    );
    view! {
        // The map after the sentence and before the bar chart: the sentence's figures come first,
        // on the first screen of a phone.
        {main_chart_around(ctx, table, Text::BarLandsdelenTitle, pick, move || has_map.get().then(|| map(ctx, table, map_col).into_any()))}
        {more}
    }
}

/// The choropleth of one column of the landsdelen table, drawn once the boundaries are in.
fn map(ctx: Cx, table: Memo<Table>, map_col: Memo<Option<usize>>) -> impl IntoView {
    let lang = ctx.with_untracked(|c| c.lang);
    let col = move || map_col.get().unwrap_or(0);
    let option = crate::memo::memo(move |_| table.with(|t| chart_options::choropleth(t, col(), lang)));
    let pick = index_picker(table.into(), Some(Dimension::Landsdeel));
    let title = crate::memo::memo(move |_| {
        let heading = table.with(|t| t.columns.get(col()).map(|c| c.heading(lang)).unwrap_or_default());
        format!("{}: {heading}", Text::MapOf.get(lang))
    });
    let saved = download(ctx, title.into(), "kaart".to_string());
    // The boundaries' licence (CC BY) asks for the credit wherever the map goes.
    let saved = Signal::derive(move || {
        let mut d = saved.get();
        d.source = format!("{} · {}", d.source, Text::MapCredit.get(lang));
        d
    });
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
    let drawn = move || match ready.get() {
        // The map's room is kept while its boundaries load, so nothing below it moves.
        None => view! { <div class="chart map-pending"><p class="loading">{Text::Loading.get(lang)}</p></div> }.into_any(),
        Some(Ok(())) => view! { <Chart option=option label=title height=440u32 on_pick=pick download=Some(saved)/> }.into_any(),
        Some(Err(e)) => view! { <p class="notice">{Text::ChartUnavailable.get(lang)}" ("{e}")"</p> }.into_any(),
    };
    view! {
        <figure class="chart-figure map">
            <figcaption>{title}</figcaption>
            {drawn}
            <p class="credit">{Text::MapCredit.get(lang)}</p>
        </figure>
    }
}
