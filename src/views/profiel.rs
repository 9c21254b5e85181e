//! Landsdeelprofiel: one landsdeel beside the nation (Fig 11–18 of the source), with the BEN.
//! Its landsdeel is the chosen one (the `landsdeel` filter).

use leptos::prelude::*;
use lta_core::selection::Dimension;
use lta_core::view::{Profile, Table};
use lta_core::{Landsdeel, Text};

use super::{chart, table_block, Cx};
use crate::ui::Ui;

pub fn body(ctx: Cx) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let (lang, dataset) = ctx.with_untracked(|c| (c.lang, c.dataset.clone()));
    let l = crate::memo::memo(move |_| ctx.with(|c| c.sel.landsdeel.unwrap_or(Landsdeel::ALL[0])));
    let p = crate::memo::memo(move |_| ctx.with(|c| c.dataset.profile(l.get(), &c.sel.periode, c.lang)));
    let part = move |f: fn(&Profile) -> &Table| crate::memo::memo(move |_| p.with(|p| f(p).clone()));
    let options = Landsdeel::ALL
        .iter()
        .map(|&o| view! { <option value=o.code() prop:selected=move || l.get() == o>{dataset.label("landsdeel", o.code(), lang)}</option> })
        .collect_view();
    let ben = move || l.get().ben().map_or_else(|| Text::NotNamed.get(lang).to_string(), str::to_string);
    let side_by_side = move |t: Memo<Table>, title: Text, pick: Dimension| {
        let filled = crate::memo::memo(move |_| !t.with(Table::is_empty));
        let figure = move || filled.get().then(|| chart(ctx, t, Signal::stored(vec![0, 1]), title, Some(pick)));
        view! { {figure} {table_block(ctx, t, title, Some(pick), false)} }
    };
    view! {
        <label class="field">
            <span>{Text::ChooseLandsdeel.get(lang)}</span>
            <select on:change=move |ev| {
                if let Some(l) = Landsdeel::parse(&event_target_value(&ev)) { ui.go(|s| s.landsdeel = Some(l)) }
            }>{options}</select>
        </label>
        <p class="ben"><strong>{Text::BenContext.get(lang)}": "</strong>{ben}</p>
        {table_block(ctx, part(|p| &p.figures), Text::ProfileFigures, None, false)}
        {side_by_side(part(|p| &p.percelen), Text::ProfilePercelen, Dimension::Perceel)}
        {side_by_side(part(|p| &p.verwijzers), Text::ProfileVerwijzers, Dimension::Verwijzer)}
        {side_by_side(part(|p| &p.euros_per_youth), Text::ProfileEurosPerYouth, Dimension::Perceel)}
    }
}
