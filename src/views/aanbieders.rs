//! Aanbieders: the providers of the chosen area (a jeugdregio, the landsdeel or the nation),
//! period and perceel, in bars and a table. Drawn by the full app, as Regio; the core computes
//! every figure (`core/src/model/providers.rs`).

use leptos::prelude::*;
use lta_core::{ProviderWord, Regio, Text};

use super::{derive_table, main_chart, with_part, Cx};
use crate::load::Part;
use crate::ui::Ui;

pub(super) fn body(ctx: Cx) -> AnyView {
    let (lang, has, present) = ctx.with_untracked(|c| (c.lang, c.dataset.has_providers(), c.dataset.providers.is_some()));
    with_part(ctx, Part::Providers, (has, present), ProviderWord::NoProviders.get(lang), drawn)
}

/// The view of a dataset that has its provider cells.
fn drawn(ctx: Cx) -> AnyView {
    let lang = ctx.with_untracked(|c| c.lang);
    let ui = expect_context::<Ui>();
    let regio = crate::memo::memo(move |_| ui.state.with(|s| s.regio.as_deref().and_then(Regio::parse)));
    let table = derive_table(ctx, move |c| c.dataset.providers(&c.sel, regio.get(), c.lang));
    let said = crate::memo::memo(move |_| {
        ctx.with(|c| {
            let by_referrer = c.sel.verwijzer.is_some().then_some(ProviderWord::NotByReferrer);
            let region_totals = (c.sel.perceel.is_some() && matches!(regio.get(), Some(Regio::Jeugdregio(_)))).then_some(ProviderWord::RegionTotalsOnly);
            let others = table.with(|t| t.rows.iter().any(|r| r.code == lta_core::OTHER_PROVIDERS)).then_some(ProviderWord::OthersNote);
            [by_referrer, region_totals, others].into_iter().flatten().collect::<Vec<_>>()
        })
    });
    let notices = move || said.get().into_iter().map(|w| view! { <p class="notice" role="note">{w.get(lang)}</p> }).collect_view();
    view! {
        {notices}
        {main_chart(ctx, table, Text::ViewAanbieders, None)}
    }
    .into_any()
}
