//! Overzicht: the national key figures, each as the source gives it or as derived from it.

use leptos::prelude::*;
use lta_core::format;
use lta_core::view::Dataset;
use lta_core::{Lang, Text};

pub fn figures(dataset: &Dataset, period: &str, lang: Lang) -> impl IntoView {
    let figures = dataset
        .key_figures(period)
        .into_iter()
        .map(|f| {
            view! {
                <div class="figure">
                    <dt>{f.title.get(lang)}</dt>
                    <dd>{format::cell(f.cell, f.unit, lang)}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h3>{Text::KeyFigures.get(lang)}" — "{Text::Nederland.get(lang)}</h3>
        <dl class="figures">{figures}</dl>
    }
}
