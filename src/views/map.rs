//! The choropleth of one column of a view's table (Landsdelen: the landsdelen; Regio: a
//! landsdeel's jeugdregio's), drawn once its boundaries are in; a click chooses the area's row.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::{Dimension, Table, Text, error_message};

use super::{download, index_picker, Cx};
use crate::chart::{register_map, Chart};
use crate::chart_options;
use crate::load::geojson;

thread_local! {
    // Boundaries are fetched and registered once per page, not on every redraw.
    // One bit per boundaries (`Boundaries::bit`): a set of names would cost the first visit bytes.
    static REGISTERED: Cell<u16> = const { Cell::new(0) };
}

/// Which boundaries: the name ECharts knows them by, and their file (static: the first app's
/// map then formats no names).
#[derive(Clone, Copy)]
pub struct Boundaries {
    pub name: &'static str,
    pub path: &'static str,
    /// Which bit of `REGISTERED` says they are registered.
    pub bit: u16,
}

/// The map of column `col` (its table's rows are the areas), with the boundaries' credit.
pub fn choropleth(ctx: Cx, table: Memo<Table>, col: Memo<Option<usize>>, boundaries: Boundaries, pick: Option<Dimension>) -> impl IntoView {
    let lang = ctx.with_untracked(|c| c.lang);
    let col = move || col.get().unwrap_or(0);
    let option = crate::memo::memo(move |_| table.with(|t| chart_options::choropleth(t, col(), lang, boundaries.name)));
    let pick = index_picker(table.into(), pick);
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
    let known = REGISTERED.get() & boundaries.bit != 0;
    let ready = RwSignal::new(known.then_some(Ok(())));
    if !known {
        spawn_local(async move {
            let registered = match geojson(boundaries.path).await {
                Ok(geo) => register_map(boundaries.name, &geo).await.map_err(|e| format!("{e:?}")),
                Err(e) => Err(error_message(&e, lang)),
            };
            if registered.is_ok() {
                REGISTERED.set(REGISTERED.get() | boundaries.bit);
            }
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

/// The column a map shows: the chosen measure's, else per 1,000 youth where the table has it,
/// else unique youth; None when there is nothing to map.
pub fn map_column(ctx: Cx, table: Memo<Table>) -> Memo<Option<usize>> {
    crate::memo::memo(move |_| {
        ctx.with(|c| {
            table.with(|t| match c.measure {
                Some(_) if !t.columns.is_empty() => Some(c.chart_column(t)),
                _ => t.column(Text::Per1000Youth).or(t.column(Text::UniqueYouth)),
            })
        })
    })
}
