//! Trend: use over the years, with a sentence from the first to the last period of the charted
//! measure.

use leptos::prelude::*;
use lta_core::{Text, trend_sentence};

use super::{chart, derive_table, measure_picker, table_block, Cx};

pub fn body(ctx: Cx) -> impl IntoView {
    let lang = ctx.with_untracked(|c| c.lang);
    let trend = derive_table(ctx, |c| c.dataset.trend(&c.sel));
    let col = crate::memo::memo(move |_| ctx.with(|c| trend.with(|t| c.chart_column(t))));
    let said = move || trend.with(|t| trend_sentence(t, col.get(), lang));
    view! {
        <p class="sentence">{said}</p>
        {measure_picker(ctx, trend)}
        {chart(ctx, trend, Signal::derive(move || vec![col.get()]), Text::BarTrend, None)}
        {table_block(ctx, trend, Text::ViewTrend, None, false)}
    }
}
