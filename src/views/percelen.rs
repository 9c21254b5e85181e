//! Percelen: use per perceel (lot), with the heat map of source Fig 10 (each landsdeel's euros
//! over its percelen) where the data has it.

use leptos::prelude::*;
use lta_core::{Dimension, Table, Text};

use super::{derive_table, main_chart, table_block, Cx};

pub fn body(ctx: Cx) -> impl IntoView {
    let table = derive_table(ctx, |c| c.dataset.percelen(&c.sel, c.lang));
    let shares = derive_table(ctx, |c| c.dataset.perceel_shares(&c.sel.periode, c.lang));
    let filled = crate::memo::memo(move |_| !shares.with(Table::is_empty));
    let shares = move || filled.get().then(|| table_block(ctx, shares, Text::PerceelShares, None, true).into_any());
    view! { {main_chart(ctx, table, Text::BarPercelenTitle, Some(Dimension::Perceel))} {shares} }
}
