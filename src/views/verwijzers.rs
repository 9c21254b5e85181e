//! Verwijzers: referrer shares by euros, trajectories and youth, and euros per trajectory and per
//! youth (Fig 4A–C, 19, 20 of the source), where the data has them. The published 2023 report
//! gave only a few approximate amounts, so this view then says plainly what was not published.

use leptos::prelude::*;
use lta_core::{Cell, Dimension, Text};

use super::{charts_of, derive_table, main_chart, Cx};

pub fn body(ctx: Cx) -> impl IntoView {
    let lang = ctx.with_untracked(|c| c.lang);
    let table = derive_table(ctx, |c| c.dataset.verwijzers(&c.sel, c.lang));
    let incomplete = crate::memo::memo(move |_| table.with(|t| t.rows.iter().any(|r| r.cells.contains(&Cell::NotPublished))));
    let incomplete = move || incomplete.get().then(|| view! { <p class="notice" role="note">{Text::VerwijzersNotPublished.get(lang)}</p> }.into_any());
    let pick = Some(Dimension::Verwijzer);
    let more = charts_of(
        ctx,
        table,
        &[
            (Text::ShareOfTrajectories, Text::BarShareTrajectories),
            (Text::ShareOfYouth, Text::BarShareYouth),
            (Text::EurosPerTrajectory, Text::BarEurosPerTrajectory),
        ],
        pick,
    );
    view! {
        {incomplete}
        {main_chart(ctx, table, Text::BarVerwijzersTitle, pick)}
        {more}
    }
}
