//! Vergelijken: the data shown against another period of it (`tov`) or against another published
//! dataset (`tovdata`, its period `tov`). The core computes every figure (`view::compare`); this
//! file fetches the other dataset when needed and renders: sentence, key figures, paired bars and
//! tables per landsdeel, perceel and referrer, and the percelen that only one side has.

use std::sync::Arc;

use leptos::prelude::*;
use lta_core::{ChartMeasure, CompareWord, Comparison, DataError, Dataset, Dimension, ErrorKind, Side, Status, Table, Text, Unit, compare_sentence, compared_measure, compared_unit, format_cell, format_signed, reference_period};

use super::{chart, measure_radios, table_block, waiting, Ctx, Cx};
use crate::data::Data;
use crate::load;
use crate::ui::Ui;

/// The other side as far as it is known: not yet (loading), the dataset, or why not.
#[derive(Clone)]
struct Reference(Option<Result<Arc<Dataset>, DataError>>);

/// The same dataset (the same `Arc`), or the same error.
impl PartialEq for Reference {
    fn eq(&self, o: &Reference) -> bool {
        match (&self.0, &o.0) {
            (Some(Ok(a)), Some(Ok(b))) => Arc::ptr_eq(a, b),
            (a, b) => matches!((a, b), (None, None)) || matches!((a, b), (Some(Err(x)), Some(Err(y))) if x == y),
        }
    }
}

/// One comparison as the view shows it: the core's figures and the names of the two sides.
#[derive(Clone, PartialEq)]
struct Shown {
    c: Comparison,
    reference_id: String,
    reference_periods: Vec<String>,
    ref_period: String,
    same: bool,
    cur_name: String,
    ref_name: String,
    /// The asked other period, when the other side lacks it.
    missing: Option<String>,
}

/// The view, built once per dataset and language like every other: the other side is a
/// resource keyed on its id, the comparison a memo over both sides, and the charts and tables
/// follow it in place (`tov`, `tovdata`, the selection and the measure change only the figures).
pub(super) fn body(cx: Cx) -> AnyView {
    let ui = expect_context::<Ui>();
    let data = expect_context::<Memo<Data>>();
    let lang = cx.with_untracked(|c| c.lang);
    // Another dataset: one with another id, or any published one beside a local file.
    let other = crate::memo::memo(move |_| {
        let asked = ui.state.with(|s| s.tovdata.clone());
        cx.with(|c| asked.filter(|id| *id != c.dataset.manifest.id || c.dataset.manifest.status == Status::Lokaal))
    });
    let fetched = LocalResource::new(move || {
        let entry = other.get().map(|id| data.with_untracked(|d| d.index.as_ref().and_then(|i| i.entry(Some(&id)).cloned())));
        async move {
            match entry {
                None => None,
                Some(None) => Some(Err(DataError::new(ErrorKind::Empty, "data/index.json"))),
                Some(Some(e)) => Some(load::load_dataset(&e).await.map(|l| l.dataset)),
            }
        }
    });
    let reference = crate::memo::memo(move |_| match other.get() {
        None => Reference(Some(Ok(cx.with(|c| c.dataset.clone())))),
        Some(_) => Reference(fetched.get().flatten()),
    });
    let shown = crate::memo::memo(move |_| {
        let tov = ui.state.with(|s| s.tov.clone());
        reference.with(|r| match &r.0 {
            Some(Ok(reference)) => Some(Ok(cx.with(|ctx| shown(ctx, reference, tov)))),
            Some(Err(e)) => Some(Err(e.clone())),
            None => None,
        })
    });
    let ready = crate::memo::memo(move |_| shown.with(|s| matches!(s, Some(Ok(_)))));
    let failed = move || match shown.get() {
        None => Some(waiting(lang, None)),
        Some(Err(e)) => Some(waiting(lang, Some(&e))),
        Some(Ok(_)) => None,
    };
    let current = crate::memo::memo(move |_| shown.with(|s| s.as_ref().and_then(|s| s.as_ref().ok()).cloned()));
    view! {
        {failed}
        <Show when=move || ready.get()>
            {controls(cx, current)}
            {notices(cx, current)}
            {sentence_and_figures(cx, current)}
            {parts(cx, current)}
            {only_one_side(cx, current)}
        </Show>
    }
    .into_any()
}

/// The comparison of the shown data with `reference` (the shown dataset itself for two periods).
fn shown(ctx: &Ctx, reference: &Arc<Dataset>, tov: Option<String>) -> Shown {
    let lang = ctx.lang;
    let same = Arc::ptr_eq(reference, &ctx.dataset);
    let ref_period = reference_period(reference.cube.periods(), &ctx.sel.periode, same, tov.as_deref());
    let (cur_name, ref_name) = if same {
        (ctx.sel.periode.clone(), ref_period.clone())
    } else {
        let name = |d: &Dataset, p: &str| format!("{p}, {}", d.manifest.title.get(lang));
        (name(&ctx.dataset, &ctx.sel.periode), name(reference, &ref_period))
    };
    let side = Side { dataset: reference, periode: &ref_period, name: &ref_name };
    let c = ctx.dataset.compare(&ctx.sel, &cur_name, side, compared_measure(ctx.measure), lang);
    let missing = tov.filter(|p| *p != ref_period);
    let reference_id = if same { String::new() } else { reference.manifest.id.clone() };
    Shown { c, reference_id, reference_periods: reference.cube.periods().to_vec(), ref_period, same, cur_name, ref_name, missing }
}

/// The shown comparison (only read where the view is ready).
type Current = Memo<Option<Shown>>;

fn with_shown<T: Default>(s: Current, f: impl FnOnce(&Shown) -> T) -> T {
    s.with(|s| s.as_ref().map(f).unwrap_or_default())
}

/// "Compared with itself", and an asked period the other side lacks.
fn notices(cx: Cx, s: Current) -> impl IntoView {
    let lang = cx.with_untracked(|c| c.lang);
    let itself = move || with_shown(s, |s| s.same && cx.with(|c| s.ref_period == c.sel.periode));
    let missing = move || with_shown(s, |s| s.missing.clone().map(|p| (p, s.ref_period.clone())));
    view! {
        <Show when=itself><p class="notice">{CompareWord::CompareItself.get(lang)}</p></Show>
        {move || missing().map(|(p, instead)| view! {
            <p class="notice">{format!("{}: {p}. {} {instead}.", CompareWord::ComparePeriodMissing.get(lang), CompareWord::CompareInstead.get(lang))}</p>
        })}
    }
}

/// The sentence, the measure picker and the key figures.
fn sentence_and_figures(cx: Cx, s: Current) -> impl IntoView {
    let lang = cx.with_untracked(|c| c.lang);
    let said = move || {
        with_shown(s, |s| {
            let m = cx.with(|c| compared_measure(c.measure));
            let national = s.c.national.iter().find(|ch| ch.measure == m).copied();
            let tables: Vec<&Table> = s.c.tables.iter().map(|(_, t)| t).filter(|t| !t.is_empty()).collect();
            national.map(|n| compare_sentence(&n, &tables, &s.ref_name, &s.cur_name, lang)).unwrap_or_default()
        })
    };
    let options = crate::memo::memo(|_| ChartMeasure::COMPARE.to_vec());
    let shown = crate::memo::memo(move |_| cx.with(|c| Some(compared_measure(c.measure).column())));
    view! {
        <p class="sentence">{said}</p>
        {measure_radios(cx, options, shown)}
        {move || s.get().map(|s| figures(lang, &s.c, &s.ref_name, &s.cur_name))}
    }
}

/// The selection's totals: each measure's current value, with the other side and the change.
fn figures(lang: lta_core::Lang, c: &Comparison, ref_name: &str, cur_name: &str) -> impl IntoView {
    let items = c
        .national
        .iter()
        .map(|ch| {
            let unit = compared_unit(ch.measure);
            let (now, before) = (format_cell(ch.current, unit, lang), format_cell(ch.reference, unit, lang));
            let diff = format_signed(ch.difference, unit, lang);
            let pct = ch.change.number().map(|_| format!(" ({})", format_signed(ch.change, Unit::Percent, lang)));
            view! {
                <div class="figure">
                    <dt>{ch.measure.column().get(lang)}</dt>
                    <dd>{now}</dd>
                    <dd class="was">{format!("{ref_name}: {before}")}</dd>
                    <dd class="was">{format!("{}: {diff}{}", Text::Difference.get(lang), pct.unwrap_or_default())}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h3>{format!("{}: {cur_name}", CompareWord::CompareKeyFigures.get(lang))}</h3>
        <dl class="figures compare-figures">{items}</dl>
    }
}

/// Paired bars (the other side, this side) and the table of each dimension: made once, and
/// given new figures in place.
fn parts(cx: Cx, s: Current) -> impl IntoView {
    let lang = cx.with_untracked(|c| c.lang);
    let parts = [(Dimension::Landsdeel, Text::BarLandsdelenTitle), (Dimension::Perceel, Text::BarPercelenTitle), (Dimension::Verwijzer, Text::BarVerwijzersTitle)]
        .into_iter()
        .map(|(d, title)| {
            let table = crate::memo::memo(move |_| {
                with_shown(s, |s| s.c.tables.iter().find(|(x, _)| *x == d).map(|(_, t)| t.clone())).unwrap_or_else(empty_table)
            });
            let cols = Signal::derive(move || {
                with_shown(s, |s| {
                    table.with(|t| {
                        let col = |name: &str| t.columns.iter().position(|c| c.of.as_deref() == Some(name));
                        [col(&s.ref_name), col(&s.cur_name)].into_iter().flatten().collect()
                    })
                })
            });
            view! {
                {chart(cx, table, cols, title, Some(d))}
                {table_block(cx, table, title, Some(d), false)}
            }
        })
        .collect_view();
    view! {
        {parts}
        <p class="legend">{CompareWord::CompareUnknownLegend.get(lang)}</p>
    }
}

/// A table with nothing in it, before the comparison is known.
fn empty_table() -> Table {
    Table { dimension: Text::Landsdeel, columns: Vec::new(), rows: Vec::new(), total: None, not_published: Vec::new(), selected: None }
}

/// The percelen only one side has: named, not compared.
fn only_one_side(cx: Cx, s: Current) -> impl IntoView {
    let lang = cx.with_untracked(|c| c.lang);
    let only = CompareWord::CompareOnlyIn.get(lang);
    let items = move || {
        with_shown(s, |s| {
            let c = &s.c;
            c.only_reference
                .iter()
                .map(|p| format!("{p} ({only} {})", s.ref_name))
                .chain(c.only_current.iter().map(|p| format!("{p} ({only} {})", s.cur_name)))
                .collect::<Vec<String>>()
        })
    };
    move || {
        let items = items();
        (!items.is_empty()).then(|| {
            view! {
                <h3>{CompareWord::CompareOnlyOneSide.get(lang)}</h3>
                <ul class="only-one-side">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            }
        })
    }
}

/// The other side: "the same dataset" or a published one, and its period.
fn controls(cx: Cx, s: Current) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = cx.with_untracked(|c| c.lang);
    // The page's own list of datasets, already loaded: the select is full at once, so nothing
    // below it moves (a list fetched here would widen the select after the first screen).
    let data = expect_context::<Memo<Data>>();
    let chosen = move || with_shown(s, |s| s.reference_id.clone());
    let datasets = move || {
        let entries = data.with(|d| d.index.as_ref().map(|i| i.datasets.clone()).unwrap_or_default());
        let own = view! { <option value="" selected=move || chosen().is_empty()>{CompareWord::CompareSameDataset.get(lang)}</option> };
        let others = entries
            .into_iter()
            .map(|e| {
                let id = e.id.clone();
                view! { <option value=e.id.clone() selected=move || chosen() == id>{e.title.get(lang).to_string()}</option> }.into_any()
            })
            .collect_view();
        view! { {own} {others} }.into_any()
    };
    let periods = move || {
        let (periods, chosen) = with_shown(s, |s| (s.reference_periods.clone(), s.ref_period.clone()));
        periods.into_iter().rev().map(|p| view! { <option value=p.clone() selected=p == chosen>{p.clone()}</option> }).collect_view()
    };
    view! {
        <fieldset class="compare-with">
            <legend>{CompareWord::CompareWith.get(lang)}</legend>
            <label class="field">
                <span>{CompareWord::CompareDataset.get(lang)}</span>
                <select name="tovdata" on:change=move |ev| {
                    let id = event_target_value(&ev);
                    ui.go(|s| { s.tovdata = (!id.is_empty()).then_some(id); s.tov = None; });
                }>{datasets}</select>
            </label>
            <label class="field">
                <span>{CompareWord::ComparePeriod.get(lang)}</span>
                <select name="tov" on:change=move |ev| ui.go(|s| s.tov = Some(event_target_value(&ev)))>{periods}</select>
            </label>
        </fieldset>
    }
}
