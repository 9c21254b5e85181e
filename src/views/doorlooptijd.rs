//! Doorlooptijd: for the chosen area (a jeugdregio, the landsdeel or the nation) and perceel, the
//! trajectories started, ended and running per period, and how long they last beside the
//! neighbouring areas and per perceel. Drawn by the full app, as Regio; the core computes every
//! figure (`core/src/model/flow.rs`).

use leptos::prelude::*;
use lta_core::{Dimension, FlowWord, Regio, Table, Text};

use super::{chart, derive_table, table_block, with_part, Cx};
use crate::load::Part;
use crate::ui::Ui;

pub(super) fn body(ctx: Cx) -> AnyView {
    let (lang, has, present) = ctx.with_untracked(|c| (c.lang, c.dataset.has_flow(), c.dataset.flow.is_some()));
    with_part(ctx, Part::Flow, (has, present), FlowWord::NoDates.get(lang), drawn)
}

/// The view of a dataset that has its flow.
fn drawn(ctx: Cx) -> AnyView {
    let lang = ctx.with_untracked(|c| c.lang);
    let ui = expect_context::<Ui>();
    let regio = crate::memo::memo(move |_| ui.state.with(|s| s.regio.as_deref().and_then(Regio::parse)));
    let movements = derive_table(ctx, move |c| c.dataset.movements(&c.sel, regio.get()));
    let all_columns = Signal::derive(move || movements.with(|t| (0..t.columns.len()).collect()));
    let by_area = derive_table(ctx, move |c| c.dataset.durations_by_area(&c.sel, regio.get(), c.lang));
    let by_perceel = derive_table(ctx, move |c| c.dataset.durations_by_perceel(&c.sel, regio.get(), c.lang));
    // The areas beside the chosen one are landsdelen or jeugdregio's, each chosen differently.
    let area_kind = crate::memo::memo(move |_| by_area.with(|t| t.dimension));
    let areas = move || {
        let pick = (area_kind.get() == Text::Landsdeel).then_some(Dimension::Landsdeel);
        durations(ctx, by_area, Text::DurationsByArea, pick)
    };
    let by_referrer = crate::memo::memo(move |_| ctx.with(|c| c.sel.verwijzer.is_some()));
    let by_referrer = move || by_referrer.get().then(|| view! { <p class="notice" role="note">{FlowWord::NotByReferrer.get(lang)}</p> });
    view! {
        {by_referrer}
        {chart(ctx, movements, all_columns, Text::BarFlow, None)}
        {table_block(ctx, movements, Text::BarFlow, None, false)}
        {areas}
        {durations(ctx, by_perceel, Text::DurationsByPerceel, Some(Dimension::Perceel))}
        <p class="hint">{FlowWord::Method.get(lang)}</p>
    }
    .into_any()
}

/// A bar chart of the medians (FlowWord::Method says the charts show them) (of the groups that have one, longest first) and the table of
/// quartiles.
fn durations(ctx: Cx, table: Memo<Table>, title: Text, pick: Option<Dimension>) -> impl IntoView {
    let charted = crate::memo::memo(move |_| {
        table.with(|t| {
            let Some(col) = t.column(Text::Median) else { return t.clone() };
            let mut shown = t.sorted_by(col);
            shown.rows.retain(|r| r.cells[col].number().is_some());
            shown
        })
    });
    let median = Signal::derive(move || charted.with(|t| t.column(Text::Median).into_iter().collect()));
    view! {
        {chart(ctx, charted, median, title, pick)}
        {table_block(ctx, table, title, pick, false)}
    }
}
