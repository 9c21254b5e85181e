//! Overzicht: the key figures of the selection, each as the source gives it or derived from it.

use leptos::prelude::*;
use lta_core::{Text, format_cell, overview_sentence};

use super::Cx;

pub fn body(ctx: Cx) -> impl IntoView {
    let lang = ctx.with_untracked(|c| c.lang);
    let key_figures = crate::memo::memo(move |_| ctx.with(|c| c.dataset.key_figures(&c.sel)));
    let said = move || ctx.with(|c| key_figures.with(|f| overview_sentence(f, &c.sel.periode, lang)));
    let figures = move || {
        key_figures
            .get()
            .into_iter()
            .map(|f| {
                view! {
                    <div class="figure">
                        <dt>{f.title.get(lang)}</dt>
                        <dd>{format_cell(f.cell, f.unit, lang)}</dd>
                    </div>
                }
                .into_any()
            })
            .collect_view()
    };
    let whose = move || {
        ctx.with(|c| match c.selection_labels().as_slice() {
            [_period] => Text::Nederland.get(lang).to_string(),
            [_period, chosen @ ..] => chosen.join(", "),
            [] => String::new(),
        })
    };
    view! {
        <p class="sentence">{said}</p>
        <h3>{Text::KeyFigures.get(lang)}" — "{whose}</h3>
        <dl class="figures">{figures}</dl>
    }
}
