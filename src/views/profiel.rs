//! Landsdeelprofiel: one landsdeel beside the nation (Fig 11–18 of the source), with the BEN.

use leptos::prelude::*;
use lta_core::view::Dataset;
use lta_core::{Landsdeel, Lang, Text};

use super::{chart, table};

pub fn body(dataset: &Dataset, period: &str, lang: Lang, l: Landsdeel, choose: Callback<Landsdeel>) -> impl IntoView {
    let p = dataset.profile(l, period, lang);
    let options = Landsdeel::ALL
        .iter()
        .map(|&o| view! { <option value=o.code() selected=o == l>{dataset.label("landsdeel", o.code(), lang)}</option> })
        .collect_view();
    let ben = l.ben().map_or_else(|| Text::NotNamed.get(lang).to_string(), str::to_string);
    let both = [0, 1];
    view! {
        <label class="field">
            <span>{Text::ChooseLandsdeel.get(lang)}</span>
            <select on:change=move |ev| {
                if let Some(l) = Landsdeel::parse(&event_target_value(&ev)) { choose.run(l) }
            }>{options}</select>
        </label>
        <p class="ben"><strong>{Text::BenContext.get(lang)}": "</strong>{ben}</p>
        {table(p.figures, Text::ProfileFigures, lang, false)}
        {(!p.percelen.is_empty()).then(|| chart(&p.percelen, &both, Text::ProfilePercelen, lang))}
        {table(p.percelen, Text::ProfilePercelen, lang, false)}
        {(!p.verwijzers.is_empty()).then(|| chart(&p.verwijzers, &both, Text::ProfileVerwijzers, lang))}
        {table(p.verwijzers, Text::ProfileVerwijzers, lang, false)}
        {(!p.euros_per_youth.is_empty()).then(|| chart(&p.euros_per_youth, &both, Text::ProfileEurosPerYouth, lang))}
        {table(p.euros_per_youth, Text::ProfileEurosPerYouth, lang, false)}
    }
}
