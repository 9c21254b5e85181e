//! Verwijzers: referrer shares by euros, trajectories and youth, and euros per trajectory and per
//! youth (Fig 4A–C, 19, 20 of the source), where the data has them. The published 2023 report
//! gave only a few approximate amounts, so this view then says plainly what was not published.

use leptos::prelude::*;
use lta_core::view::Dataset;
use lta_core::{Cell, Lang, Text};

use super::{bar_and_table, charts_of};

pub fn body(dataset: &Dataset, period: &str, lang: Lang) -> impl IntoView {
    let table = dataset.verwijzers(period, lang);
    let incomplete = table.rows.iter().any(|r| r.cells.iter().any(|c| *c == Cell::NotPublished));
    let incomplete = incomplete.then(|| view! { <p class="notice" role="note">{Text::VerwijzersNotPublished.get(lang)}</p> });
    let more = charts_of(
        &table,
        &[
            (Text::ShareOfTrajectories, Text::BarShareTrajectories),
            (Text::ShareOfYouth, Text::BarShareYouth),
            (Text::EurosPerTrajectory, Text::BarEurosPerTrajectory),
        ],
        lang,
    );
    view! {
        {incomplete}
        {more}
        {bar_and_table(table, Text::BarVerwijzersTitle, lang)}
    }
}
