//! Regio: the jeugdregio's of the chosen landsdeel (of the nation without one) in a bar chart and
//! a table, beside the landsdeel and the nation; a jeugdregio chosen (a click, `regio=`) shows
//! its gemeenten below. Drawn by the full app, as Vergelijken; the core computes every figure.

use leptos::prelude::*;
use lta_core::{Landsdeel, Regio, RegioWord, Text};

use super::map::{choropleth, map_column, Boundaries};
use super::{chart, derive_table, main_chart_around, table_block, with_part, Cx};
use crate::load::Part;
use crate::ui::Ui;

pub(super) fn body(ctx: Cx) -> AnyView {
    let (lang, has, present) = ctx.with_untracked(|c| (c.lang, c.dataset.has_regions(), !c.dataset.cube.regions().is_empty() || c.dataset.manifest.files.regio.is_none()));
    with_part(ctx, Part::Regions, (has, present), RegioWord::NoRegions.get(lang), drawn)
}

/// The view of a dataset that has its region cells.
fn drawn(ctx: Cx) -> AnyView {
    let lang = ctx.with_untracked(|c| c.lang);
    let ui = expect_context::<Ui>();
    // The chosen jeugdregio, where it lies in the chosen landsdeel (the core's rule).
    let chosen = crate::memo::memo(move |_| {
        let asked = ui.state.with(|s| s.regio.as_deref().and_then(Regio::parse));
        match ctx.with(|c| lta_core::flow_area(&c.sel, asked)) {
            lta_core::Area::Region(r) => Some(r),
            _ => None,
        }
    });
    let beside = derive_table(ctx, |c| c.dataset.beside_regions(&c.sel, c.lang));
    let jeugdregios = crate::memo::memo(move |_| {
        let mut t = ctx.with(|c| c.dataset.jeugdregios(&c.sel, c.lang));
        t.selected = chosen.get().map(|r| r.code().to_string());
        t
    });
    // The map of the landsdeel's jeugdregio's (none for the nation: its 42 need a map of their own).
    let landsdeel = crate::memo::memo(move |_| ctx.with(|c| c.sel.landsdeel));
    let col = map_column(ctx, jeugdregios);
    let map = move || {
        let l = landsdeel.get()?;
        Some(choropleth(ctx, jeugdregios, col, jeugdregio_map(l), None))
    };
    view! {
        {main_chart_around(ctx, jeugdregios, Text::BarJeugdregios, None, map)}
        // The reference table's licence (CC BY) asks for the credit wherever its regions go.
        <p class="credit">{lta_core::REGIONS_CREDIT}</p>
        {table_block(ctx, beside, Text::RegioBeside, None, false)}
        {move || match chosen.get() {
            None => view! { <p class="hint">{RegioWord::ChooseJeugdregio.get(lang)}</p> }.into_any(),
            Some(r) => gemeenten_of(ctx, r).into_any(),
        }}
    }
    .into_any()
}

/// The gemeenten of one jeugdregio: a bar chart of the measure the view shows, and the table.
fn gemeenten_of(ctx: Cx, jeugdregio: Regio) -> impl IntoView {
    let lang = ctx.with_untracked(|c| c.lang);
    let table = derive_table(ctx, move |c| c.dataset.gemeenten(&c.sel, jeugdregio));
    let col = crate::memo::memo(move |_| ctx.with(|c| table.with(|t| c.chart_column(t))));
    let sorted = crate::memo::memo(move |_| table.with(|t| t.sorted_by(col.get())));
    view! {
        <h3 class="regio-heading">{format!("{} {}", RegioWord::GemeentenOf.get(lang), jeugdregio.name())}</h3>
        {chart(ctx, sorted, Signal::derive(move || vec![col.get()]), Text::BarGemeenten, None)}
        {table_block(ctx, table, Text::BarGemeenten, None, false)}
    }
}

/// The jeugdregio's of a landsdeel, each named by its code (`make geo`).
fn jeugdregio_map(l: Landsdeel) -> Boundaries {
    let (name, path) = match l {
        Landsdeel::NH => ("jeugdregios-NH", "geo/jeugdregios-NH.geojson"),
        Landsdeel::UF => ("jeugdregios-UF", "geo/jeugdregios-UF.geojson"),
        Landsdeel::BZ => ("jeugdregios-BZ", "geo/jeugdregios-BZ.geojson"),
        Landsdeel::LI => ("jeugdregios-LI", "geo/jeugdregios-LI.geojson"),
        Landsdeel::ZW => ("jeugdregios-ZW", "geo/jeugdregios-ZW.geojson"),
        Landsdeel::GE => ("jeugdregios-GE", "geo/jeugdregios-GE.geojson"),
        Landsdeel::OV => ("jeugdregios-OV", "geo/jeugdregios-OV.geojson"),
        Landsdeel::NN => ("jeugdregios-NN", "geo/jeugdregios-NN.geojson"),
    };
    let bit = 2 << Landsdeel::ALL.iter().position(|&x| x == l).unwrap_or(0);
    Boundaries { name, path, bit }
}
