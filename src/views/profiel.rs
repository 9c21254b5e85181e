//! Landsdeelprofiel: one landsdeel beside the nation (Fig 11–18 of the source), with the BEN.
//! Its landsdeel is the chosen one (the `landsdeel` filter).

use leptos::prelude::*;
use lta_core::selection::Dimension;
use lta_core::view::Table;
use lta_core::{Landsdeel, Text};

use super::{chart, table_block, Ctx};
use crate::ui::Ui;

pub fn body(ctx: &Ctx, l: Landsdeel) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = ctx.lang;
    let p = ctx.dataset.profile(l, &ctx.sel.periode, lang);
    let options = Landsdeel::ALL
        .iter()
        .map(|&o| view! { <option value=o.code() selected=o == l>{ctx.dataset.label("landsdeel", o.code(), lang)}</option> })
        .collect_view();
    let ben = l.ben().map_or_else(|| Text::NotNamed.get(lang).to_string(), str::to_string);
    let side_by_side = |t: Table, title: Text, pick: Dimension| {
        let figure = (!t.is_empty()).then(|| chart(ctx, &t, &[0, 1], title, Some(pick)));
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
        {table_block(ctx, p.figures, Text::ProfileFigures, None, false)}
        {side_by_side(p.percelen, Text::ProfilePercelen, Dimension::Perceel)}
        {side_by_side(p.verwijzers, Text::ProfileVerwijzers, Dimension::Verwijzer)}
        {side_by_side(p.euros_per_youth, Text::ProfileEurosPerYouth, Dimension::Perceel)}
    }
}
