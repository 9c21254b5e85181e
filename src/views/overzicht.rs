//! Overzicht: the key figures of the selection, each as the source gives it or derived from it.

use leptos::prelude::*;
use lta_core::{format, sentence, Text};

use super::Ctx;

pub fn body(ctx: &Ctx) -> impl IntoView {
    let lang = ctx.lang;
    let key_figures = ctx.dataset.key_figures(&ctx.sel);
    let said = sentence::overview(&key_figures, &ctx.sel.periode, lang);
    let figures = key_figures
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
    let whose = match ctx.selection_labels().as_slice() {
        [_period] => Text::Nederland.get(lang).to_string(),
        [_period, chosen @ ..] => chosen.join(", "),
        [] => String::new(),
    };
    view! {
        <p class="sentence">{said}</p>
        <h3>{Text::KeyFigures.get(lang)}" — "{whose}</h3>
        <dl class="figures">{figures}</dl>
    }
}
