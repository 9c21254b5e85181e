//! Vergelijken: the data shown against another period of it (`tov`) or against another published
//! dataset (`tovdata`, its period `tov`). The core computes every figure (`view::compare`); this
//! file fetches the other dataset when needed and renders: sentence, key figures, paired bars and
//! tables per landsdeel, perceel and referrer, and the percelen that only one side has.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::message::error_message;
use lta_core::manifest::Status;
use lta_core::selection::Dimension;
use lta_core::url_state::ChartMeasure;
use lta_core::view::compare::{self, Comparison, Side};
use lta_core::view::Dataset;
use lta_core::{format, sentence, DataError, ErrorKind, Text};

use super::{chart, measure_radios, table_block, Ctx, Cx};
use crate::load;
use crate::ui::Ui;

thread_local! {
    // The view is drawn anew on every click: a dataset fetched once is kept for the page's life.
    static LOADED: RefCell<HashMap<String, Arc<Dataset>>> = RefCell::new(HashMap::new());
}

/// Unlike the other views, this one is drawn anew when the selection, the measure or the other
/// side changes (`tov`, `tovdata`): its parts depend on both sides at once.
pub(super) fn body(cx: Cx) -> AnyView {
    let ui = expect_context::<Ui>();
    let other = crate::memo::memo(move |_| ui.state.with(|s| (s.tov.clone(), s.tovdata.clone())));
    let drawn_anew = move || {
        let (tov, tovdata) = other.get();
        cx.with(|ctx| drawn(cx, ctx, tov, tovdata))
    };
    drawn_anew.into_any()
}

/// A published dataset by id (the index's first for an unknown id, which the select then shows).
async fn load_other(id: &str) -> Result<Arc<Dataset>, DataError> {
    let index = load::load_index().await?;
    let entry = index.datasets.iter().find(|e| e.id == id).or(index.datasets.first());
    let entry = entry.ok_or_else(|| DataError::new(ErrorKind::Empty, "data/index.json"))?;
    Ok(load::load_dataset(entry).await?.dataset)
}

fn drawn(cx: Cx, ctx: &Ctx, tov: Option<String>, tovdata: Option<String>) -> AnyView {
    let m = &ctx.dataset.manifest;
    // Another dataset: one with another id, or any published one beside a local file.
    let other = tovdata.filter(|id| *id != m.id || m.status == Status::Lokaal);
    let Some(id) = other else {
        return compared(cx, ctx, ctx.dataset.clone(), tov).into_any();
    };
    let cached = LOADED.with(|l| l.borrow().get(&id).cloned());
    let loaded = RwSignal::new(cached.map(Ok::<_, DataError>));
    if loaded.get_untracked().is_none() {
        let id = id.clone();
        spawn_local(async move {
            let result = load_other(&id).await.inspect(|ds| {
                LOADED.with(|c| c.borrow_mut().insert(id.clone(), ds.clone()));
            });
            loaded.set(Some(result));
        });
    }
    let (ctx, lang) = (ctx.clone(), ctx.lang);
    (move || match loaded.get() {
        None => view! { <p class="loading" role="status">{Text::Loading.get(lang)}</p> }.into_any(),
        Some(Ok(reference)) => compared(cx, &ctx, reference, tov.clone()).into_any(),
        Some(Err(e)) => view! { <p class="notice" role="alert">{error_message(&e, lang)}</p> }.into_any(),
    })
    .into_any()
}

/// The comparison with a reference dataset (the shown one itself for two periods).
fn compared(cx: Cx, ctx: &Ctx, reference: Arc<Dataset>, tov: Option<String>) -> impl IntoView {
    let lang = ctx.lang;
    let same = Arc::ptr_eq(&reference, &ctx.dataset);
    let ref_period = compare::reference_period(reference.cube.periods(), &ctx.sel.periode, same, tov.as_deref());
    let (cur_name, ref_name) = if same {
        (ctx.sel.periode.clone(), ref_period.clone())
    } else {
        let name = |d: &Dataset, p: &str| format!("{p}, {}", d.manifest.title.get(lang));
        (name(&ctx.dataset, &ctx.sel.periode), name(&reference, &ref_period))
    };
    let m = compare::measure(ctx.measure);
    let side = Side { dataset: &reference, periode: &ref_period, name: &ref_name };
    let c = ctx.dataset.compare(&ctx.sel, &cur_name, side, m, lang);
    let national = c.national.iter().find(|ch| ch.measure == m).copied();
    let tables: Vec<_> = c.tables.iter().map(|(_, t)| t).filter(|t| !t.is_empty()).collect();
    let said = national.map(|n| sentence::compare(&n, &tables, &ref_name, &cur_name, lang));
    let itself = (same && ref_period == ctx.sel.periode).then(|| view! { <p class="notice">{Text::CompareItself.get(lang)}</p> });
    let missing = tov.filter(|p| *p != ref_period).map(|p| {
        view! { <p class="notice">{format!("{}: {p}. {} {ref_period}.", Text::ComparePeriodMissing.get(lang), Text::CompareInstead.get(lang))}</p> }
    });
    view! {
        {controls(ctx, &reference, &ref_period, same)}
        {itself}
        {missing}
        <p class="sentence">{said}</p>
        {measure_radios(ctx, ChartMeasure::COMPARE.to_vec(), Some(m.column()))}
        {figures(ctx, &c, &ref_name, &cur_name)}
        {parts(cx, ctx, &c, &ref_name, &cur_name)}
        {only_one_side(ctx, &c, &ref_name, &cur_name)}
    }
}

/// The selection's totals: each measure's current value, with the other side and the change.
fn figures(ctx: &Ctx, c: &Comparison, ref_name: &str, cur_name: &str) -> impl IntoView {
    let lang = ctx.lang;
    let items = c
        .national
        .iter()
        .map(|ch| {
            let unit = compare::unit(ch.measure);
            let (now, before) = (format::cell(ch.current, unit, lang), format::cell(ch.reference, unit, lang));
            let diff = format::signed(ch.difference, unit, lang);
            let pct = ch.change.number().map(|_| format!(" ({})", format::signed(ch.change, format::Unit::Percent, lang)));
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
        <h3>{format!("{}: {cur_name}", Text::CompareKeyFigures.get(lang))}</h3>
        <dl class="figures compare-figures">{items}</dl>
    }
}

/// Paired bars (the other side, this side) and the table of each dimension.
fn parts(cx: Cx, ctx: &Ctx, c: &Comparison, ref_name: &str, cur_name: &str) -> impl IntoView {
    let lang = ctx.lang;
    let parts = c
        .tables
        .iter()
        .map(|(d, t)| {
            let title = match d {
                Dimension::Landsdeel => Text::BarLandsdelenTitle,
                Dimension::Perceel => Text::BarPercelenTitle,
                Dimension::Verwijzer => Text::BarVerwijzersTitle,
            };
            let col = |name: &str| t.columns.iter().position(|c| c.of.as_deref() == Some(name));
            let cols: Vec<usize> = [col(ref_name), col(cur_name)].into_iter().flatten().collect();
            view! {
                {chart(cx, Signal::stored(t.clone()), Signal::stored(cols), title, Some(*d))}
                {table_block(cx, Signal::stored(t.clone()), title, Some(*d), false)}
            }
        })
        .collect_view();
    view! {
        {parts}
        <p class="legend">{Text::CompareUnknownLegend.get(lang)}</p>
    }
}

/// The percelen only one side has: named, not compared.
fn only_one_side(ctx: &Ctx, c: &Comparison, ref_name: &str, cur_name: &str) -> Option<impl IntoView> {
    let lang = ctx.lang;
    let only = Text::CompareOnlyIn.get(lang);
    let items: Vec<String> = c
        .only_reference
        .iter()
        .map(|p| format!("{p} ({only} {ref_name})"))
        .chain(c.only_current.iter().map(|p| format!("{p} ({only} {cur_name})")))
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <h3>{Text::CompareOnlyOneSide.get(lang)}</h3>
            <ul class="only-one-side">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
    })
}

/// The other side: "the same dataset" or a published one, and its period.
fn controls(ctx: &Ctx, reference: &Dataset, ref_period: &str, same: bool) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let lang = ctx.lang;
    // The page's own list of datasets, already loaded: the select is full at once, so nothing
    // below it moves (a list fetched here would widen the select after the first screen).
    let data = expect_context::<Memo<crate::data::Data>>();
    let chosen = (!same).then(|| reference.manifest.id.clone());
    let datasets = move || {
        let entries = data.with(|d| d.index.as_ref().map(|i| i.datasets.clone()).unwrap_or_default());
        let own = view! { <option value="" selected=chosen.is_none()>{Text::CompareSameDataset.get(lang)}</option> };
        let others = entries
            .into_iter()
            .map(|e| view! { <option value=e.id.clone() selected=chosen.as_deref() == Some(e.id.as_str())>{e.title.get(lang).to_string()}</option> }.into_any())
            .collect_view();
        view! { {own} {others} }.into_any()
    };
    let periods = reference
        .cube
        .periods()
        .iter()
        .rev()
        .map(|p| view! { <option value=p.clone() selected=p == ref_period>{p.clone()}</option> })
        .collect_view();
    view! {
        <fieldset class="compare-with">
            <legend>{Text::CompareWith.get(lang)}</legend>
            <label class="field">
                <span>{Text::CompareDataset.get(lang)}</span>
                <select name="tovdata" on:change=move |ev| {
                    let id = event_target_value(&ev);
                    ui.go(|s| { s.tovdata = (!id.is_empty()).then_some(id); s.tov = None; });
                }>{datasets}</select>
            </label>
            <label class="field">
                <span>{Text::ComparePeriod.get(lang)}</span>
                <select name="tov" on:change=move |ev| ui.go(|s| s.tov = Some(event_target_value(&ev)))>{periods}</select>
            </label>
        </fieldset>
    }
}
