//! Landsdeelprofiel: one landsdeel beside the nation (Fig 11–18 of the source), with the BEN.
//! Its landsdeel is the chosen one (the `landsdeel` filter). "Afdrukken / PDF" prints it as an
//! A4 factsheet: `style/print.css` hides the controls and lays the charts and tables out on at
//! most two pages; the print-only head names the landsdeel, the dataset and the date.

use leptos::prelude::*;
use lta_core::{Dimension, Landsdeel, Lang, Profile, Table, Text};

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
        .map(|&o| view! { <option value=o.code() prop:selected=move || l.get() == o>{dataset.label(Dimension::Landsdeel, o.code(), lang)}</option> })
        .collect_view();
    let ben = move || l.get().ben().map_or_else(|| Text::NotNamed.get(lang).to_string(), str::to_string);
    // `printed`: whether the factsheet prints the chart too (two pages hold two charts).
    let side_by_side = move |t: Memo<Table>, title: Text, pick: Dimension, printed: bool| {
        let filled = crate::memo::memo(move |_| !t.with(Table::is_empty));
        let figure = move || filled.get().then(|| chart(ctx, t, Signal::stored(vec![0, 1]), title, Some(pick)).into_any());
        let figure = if printed { figure.into_any() } else { view! { <div class="screen-only">{figure}</div> }.into_any() };
        view! { {figure} <div class="profile-table">{table_block(ctx, t, title, Some(pick), false)}</div> }
    };
    view! {
        <div class="profile">
            {factsheet_head(ctx, l)}
            <div class="profile-controls">
                <label class="field">
                    <span>{Text::ChooseLandsdeel.get(lang)}</span>
                    <select on:change=move |ev| {
                        if let Some(l) = Landsdeel::parse(&event_target_value(&ev)) { ui.go(|s| s.landsdeel = Some(l)) }
                    }>{options}</select>
                </label>
                <button class="tool print-button" on:click=move |_| print()>{Text::PrintFactsheet.get(lang)}</button>
            </div>
            <p class="ben"><strong>{Text::BenContext.get(lang)}": "</strong>{ben}</p>
            <div class="profile-table profile-figures">{table_block(ctx, part(|p| &p.figures), Text::ProfileFigures, None, false)}</div>
            {side_by_side(part(|p| &p.percelen), Text::ProfilePercelen, Dimension::Perceel, true)}
            {side_by_side(part(|p| &p.verwijzers), Text::ProfileVerwijzers, Dimension::Verwijzer, true)}
            {side_by_side(part(|p| &p.euros_per_youth), Text::ProfileEurosPerYouth, Dimension::Perceel, false)}
        </div>
    }
}

/// What only the printed factsheet shows at its top (the screen has the select and the data bar):
/// the landsdeel, the dataset with its status, and the date it was printed.
fn factsheet_head(ctx: Cx, l: Memo<Landsdeel>) -> impl IntoView {
    let (lang, dataset) = ctx.with_untracked(|c| (c.lang, c.dataset.clone()));
    let m = &dataset.manifest;
    let status = Text::status(m.status).get(lang);
    let title = move || ctx.with(|c| format!("{} — {}", c.dataset.label(Dimension::Landsdeel, l.get().code(), lang), c.sel.periode));
    view! {
        <div class="print-only factsheet-head">
            <p class="factsheet-title">{title}</p>
            <p>
                {Text::Dataset.get(lang)}": "{m.title.get(lang).to_string()}" · "{Text::StatusLabel.get(lang)}": "<strong>{status}</strong>
                // The day of printing: a page the build wrote cannot know it (scripts/prerender.mjs
                // leaves it out), so only the app says it.
                <span class="printed-on">" · "{Text::PrintedOn.get(lang)}" "{today(lang)}</span>
            </p>
        </div>
    }
}

/// Today's date as the reader writes it: "27 november 2026", "27 November 2026".
fn today(lang: Lang) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let locale = match lang {
        Lang::Nl => "nl-NL",
        Lang::En => "en-GB",
    };
    js_sys::Date::new_0().to_locale_date_string(locale, &options).into()
}

/// The browser's print dialog, where "Opslaan als PDF" makes the PDF.
fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
