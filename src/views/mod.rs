//! The views. Each asks the core for its tables and shows a sentence, charts, tables and notes;
//! none computes a figure itself. Clicking a bar, an area or a row name chooses it as a filter.

mod aanbieders;
mod doorlooptijd;
mod landsdelen;
mod map;
mod overzicht;
mod percelen;
mod profiel;
mod regio;
mod trend;
mod vergelijk;
mod verwijzers;

use std::sync::Arc;

use leptos::prelude::*;
use lta_core::{ChartMeasure, Dataset, Dimension, ExportContext, Lang, Selection, Status, Table, Text, View, file_stem, table_csv, table_sentence};

use crate::chart::{Chart, Download};
use crate::chart_options;
use crate::embed::EmbedDialog;
use crate::notes::Notes;
use crate::table::DataTable;
use crate::ui::Ui;

/// What every part of a view needs to know.
#[derive(Clone)]
pub struct Ctx {
    pub dataset: Arc<Dataset>,
    pub view: View,
    pub sel: Selection,
    pub measure: Option<ChartMeasure>,
    pub lang: Lang,
}

/// The same dataset (the same `Arc`, never compared cell by cell) and the same choices.
impl PartialEq for Ctx {
    fn eq(&self, other: &Ctx) -> bool {
        Arc::ptr_eq(&self.dataset, &other.dataset)
            && (self.view, &self.sel, self.measure, self.lang) == (other.view, &other.sel, other.measure, other.lang)
    }
}

/// A view's context as it changes: the page is built once per dataset, view and language, and
/// its parts follow the selection and measure through this.
pub type Cx = Memo<Ctx>;

impl Ctx {
    /// The period and the chosen values, as a download describes its selection.
    fn selection_labels(&self) -> Vec<String> {
        let d = &self.dataset;
        let mut out = vec![self.sel.periode.clone()];
        out.extend(self.sel.landsdeel.map(|l| d.label(Dimension::Landsdeel, l.code(), self.lang)));
        out.extend(self.sel.perceel.as_ref().map(|p| d.label(Dimension::Perceel, p, self.lang)));
        out.extend(self.sel.verwijzer.map(|v| d.label(Dimension::Verwijzer, v.code(), self.lang)));
        out
    }

    /// The name of a download of one part of the view, without extension.
    fn file(&self, part: &str) -> String {
        file_stem(&format!("{}-{part}", self.view.slug()), &self.sel.periode, &self.dataset.manifest.id)
    }

    /// The column a view's main chart shows: the chosen measure where the table has it.
    fn chart_column(&self, table: &Table) -> usize {
        self.measure.and_then(|m| table.column(m.column())).unwrap_or(0)
    }
}

/// A table the view derives from its context, recomputed when the context changes and passed
/// on only when it differs.
fn derive_table(ctx: Cx, f: impl Fn(&Ctx) -> Table + Send + Sync + 'static) -> Memo<Table> {
    crate::memo::memo(move |_| ctx.with(&f))
}

/// The page of one view: built once for a dataset, view and language (`ctx` then changes with
/// the selection and measure only).
#[component]
pub fn ViewPage(ctx: Cx, embed: bool) -> impl IntoView {
    let (dataset, view, lang) = ctx.with_untracked(|c| (c.dataset.clone(), c.view, c.lang));
    let body = match view {
        View::Overzicht => overzicht::body(ctx).into_any(),
        View::Landsdelen => landsdelen::body(ctx).into_any(),
        View::Percelen => percelen::body(ctx).into_any(),
        View::Verwijzers => verwijzers::body(ctx).into_any(),
        View::Profiel => profiel::body(ctx).into_any(),
        View::Vergelijk => in_full_app(ctx, vergelijk::body),
        View::Regio => in_full_app(ctx, regio::body),
        View::Doorlooptijd => in_full_app(ctx, doorlooptijd::body),
        View::Aanbieders => in_full_app(ctx, aanbieders::body),
        View::Trend => trend::body(ctx).into_any(),
    };
    // A trend and the flow span all periods; every other view shows one.
    let period_shown = (!matches!(view, View::Trend | View::Doorlooptijd)).then(|| view! { " " <span class="period">{move || ctx.with(|c| c.sel.periode.clone())}</span> });
    let title = view.title().get(lang).to_string();
    let embed_dialog = (!embed).then(|| view! { <EmbedDialog title=title.clone()/> });
    view! {
        <section class="view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{title.clone()}{period_shown}</h2>
                {embed_dialog}
            </div>
            <p class="intro">{view.intro().get(lang)}</p>
            {body}
            <Notes dataset=dataset view=view lang=lang/>
        </section>
    }
}

/// A view of the full app (`handover.rs`): drawn by it there; the app every visitor loads hands
/// the page over to it and says it is loading meanwhile, or why it could not.
fn in_full_app(cx: Cx, body: fn(Cx) -> AnyView) -> AnyView {
    if crate::handover::FULL {
        return body(cx);
    }
    let lang = cx.with_untracked(|c| c.lang);
    let failed = RwSignal::new(None::<lta_core::DataError>);
    crate::handover::to_full(None, move |e| {
        failed.try_set(Some(e));
    });
    (move || failed.with(|e| waiting(lang, e.as_ref()))).into_any()
}

/// A view drawn by `drawn` from a `part` some datasets have. Without it (`has`), a notice saying
/// so (`missing`) with a link to the view on the illustrative data; with it, the view once the
/// dataset holds the part (`present`; else it is fetched or computed now, for this view only),
/// saying meanwhile that it loads, or why it could not.
fn with_part(ctx: Cx, part: crate::load::Part, (has, present): (bool, bool), missing: &'static str, drawn: fn(Cx) -> AnyView) -> AnyView {
    let (lang, dataset, shown) = ctx.with_untracked(|c| (c.lang, c.dataset.clone(), c.view));
    if !has {
        let href = format!("?data=illustratief&view={}", shown.slug());
        return view! { <p class="notice" role="note">{missing}" "<a href=href>{shown.title().get(lang)}</a></p> }.into_any();
    }
    if present {
        return drawn(ctx);
    }
    let data = expect_context::<Memo<crate::data::Data>>();
    let dir = data.with_untracked(|d| d.index.as_ref().and_then(|i| i.entry(Some(&dataset.manifest.id)).map(|e| format!("data/{}", e.path))));
    let loaded = RwSignal::new(None::<Result<Arc<Dataset>, lta_core::DataError>>);
    leptos::task::spawn_local(async move { loaded.set(Some(crate::load::with_part(&dataset, &dir.unwrap_or_default(), part).await)) });
    let shown = move || match loaded.get() {
        None => waiting(lang, None),
        Some(Err(e)) => waiting(lang, Some(&e)),
        Some(Ok(full)) => drawn(crate::memo::memo(move |_| Ctx { dataset: full.clone(), ..ctx.get() })),
    };
    shown.into_any()
}

/// What a view says while it waits for more (the full app, another dataset, a region file):
/// that it is loading, or why it could not.
fn waiting(lang: Lang, failed: Option<&lta_core::DataError>) -> AnyView {
    match failed {
        None => view! { <p class="loading" role="status">{Text::Loading.get(lang)}</p> }.into_any(),
        Some(e) => view! { <p class="notice" role="alert">{lta_core::error_message(e, lang)}</p> }.into_any(),
    }
}

/// Room for the row names of a bar chart: about 40% of the window, within reason.
fn label_width() -> u32 {
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    (width.min(1100.0) * 0.38).clamp(100.0, 330.0) as u32
}

/// What choosing a row of a table does: filter on it, or (trend) show that period.
fn picker(dimension: Text, pick: Option<Dimension>) -> Option<Callback<String>> {
    let ui = expect_context::<Ui>();
    match (pick, dimension) {
        (Some(d), _) => Some(Callback::new(move |code: String| ui.toggle(d, &code))),
        (None, Text::Period) => Some(Callback::new(move |code: String| ui.set_period(code))),
        (None, Text::Jeugdregio) => Some(Callback::new(move |code: String| ui.toggle_regio(&code))),
        _ => None,
    }
}

/// What a click on a chart's bar or area does: the chart gives the index of the row it drew,
/// looked up in the table as it is at the click.
fn index_picker(table: Signal<Table>, pick: Option<Dimension>) -> Option<Callback<usize>> {
    picker(table.with_untracked(|t| t.dimension), pick).map(|p| {
        Callback::new(move |i: usize| {
            if let Some(code) = table.with_untracked(|t| t.rows.get(i).map(|r| r.code.clone())) {
                p.run(code);
            }
        })
    })
}

/// The download frame of a chart: title, source and, for synthetic data, a watermark.
fn download(ctx: Cx, title: Signal<String>, part: String) -> Signal<Download> {
    Signal::derive(move || {
        ctx.with(|ctx| {
            let m = &ctx.dataset.manifest;
            let lang = ctx.lang;
            Download {
                title: format!("{} — {}", title.get(), ctx.selection_labels().join(", ")),
                source: format!("{}: {}", Text::Source.get(lang), m.source.citation.get(lang)),
                watermark: (m.status == Status::Illustratief).then(|| Text::Watermark.get(lang).to_string()),
                file_name: ctx.file(&part),
            }
        })
    })
}

/// A bar chart of some columns of a table (nothing when there are none), with its title and
/// downloads; a click on a bar chooses its row. The chart stays while the table changes.
fn chart(ctx: Cx, table: impl Into<Signal<Table>>, cols: Signal<Vec<usize>>, title: Text, pick: Option<Dimension>) -> impl IntoView {
    let table = table.into();
    let lang = ctx.with_untracked(|c| c.lang);
    let title = title.get(lang).to_string();
    let drawable = move || !cols.with(Vec::is_empty) && table.with(|t| !t.rows.is_empty() && !t.columns.is_empty());
    let width = label_width();
    // Memos: a click that leaves a chart's figures as they were (choosing a row of the chart's
    // own table) sets no option at all.
    let option = crate::memo::memo(move |_| table.with(|t| cols.with(|c| chart_options::bar(t, c, lang, width))));
    let height = crate::memo::memo(move |_| table.with(|t| chart_options::bar_height(t, cols.with(Vec::len))));
    let on_pick = index_picker(table, pick);
    let download = download(ctx, Signal::stored(title.clone()), slug(&title));
    view! {
        <Show when=drawable>
            <figure class="chart-figure">
                <figcaption>{title.clone()}</figcaption>
                <Chart option=option label=title.clone() height=height on_pick=on_pick download=Some(download)/>
            </figure>
        </Show>
    }
}

fn slug(title: &str) -> String {
    title.to_ascii_lowercase().split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
}

/// A table with a caption and its CSV, or a plain "not in this dataset" when it has no numbers.
/// The CSV is written when its button is pressed, not on every change.
fn table_block(ctx: Cx, table: impl Into<Signal<Table>>, title: Text, pick: Option<Dimension>, heat: bool) -> impl IntoView {
    let table = table.into();
    let lang = ctx.with_untracked(|c| c.lang);
    let caption = format!("{}: {}", Text::Table.get(lang), title.get(lang));
    let csv = Callback::new(move |()| {
        ctx.with_untracked(|ctx| {
            let labels = ctx.selection_labels();
            let context = ExportContext { dataset: &ctx.dataset, title: title.get(lang), selection: &labels, view: ctx.view.slug() };
            let text = table.with_untracked(|t| table_csv(t, &context, lang));
            (format!("{}.csv", ctx.file(&slug(title.get(lang)))), text)
        })
    });
    let pick = picker(table.with_untracked(|t| t.dimension), pick);
    view! {
        <Show
            when=move || !table.with(Table::is_empty)
            fallback=move || view! { <h3>{title.get(lang)}</h3> <p class="notice">{Text::NotInData.get(lang)}</p> }
        >
            <DataTable table=table caption=caption.clone() lang=lang heat=heat pick=pick csv=Some(csv)/>
        </Show>
    }
}

/// The sentence, the measure picker, the chart of the chosen measure and the table of a view's
/// own dimension.
fn main_chart(ctx: Cx, table: Memo<Table>, title: Text, pick: Option<Dimension>) -> impl IntoView {
    main_chart_around(ctx, table, title, pick, ())
}

/// `main_chart` with `between` (Landsdelen's map) after the sentence and before the bar chart:
/// the sentence's figures come first, on the first screen of a phone.
fn main_chart_around(ctx: Cx, table: Memo<Table>, title: Text, pick: Option<Dimension>, between: impl IntoView + 'static) -> impl IntoView {
    let lang = ctx.with_untracked(|c| c.lang);
    let col = crate::memo::memo(move |_| ctx.with(|c| table.with(|t| c.chart_column(t))));
    let said = move || table.with(|t| table_sentence(t, col.get(), lang));
    let sorted = crate::memo::memo(move |_| table.with(|t| t.sorted_by(col.get())));
    // A selection the data has no figures for (e.g. a landsdeel's percelen in the 2023
    // publication): the table says so, and there is nothing to chart.
    let charted = move || !table.with(Table::is_empty);
    view! {
        <Show when=charted>
            <p class="sentence">{said}</p>
            {measure_picker(ctx, table)}
        </Show>
        {between}
        <Show when=charted fallback=move || table_block(ctx, table, title, pick, false)>
            {chart(ctx, sorted, Signal::derive(move || vec![col.get()]), title, pick)}
            {table_block(ctx, table, title, pick, false)}
        </Show>
    }
}

/// Radio buttons for the measures the table has (per 1,000 only where a population is known).
fn measure_picker(ctx: Cx, table: Memo<Table>) -> impl IntoView {
    let options = crate::memo::memo(move |_| {
        table.with(|t| ChartMeasure::ALL.into_iter().filter(|m| t.column(m.column()).is_some()).collect::<Vec<_>>())
    });
    let shown = crate::memo::memo(move |_| ctx.with(|c| table.with(|t| t.columns.get(c.chart_column(t)).map(|c| c.title))));
    measure_radios(ctx, options, shown)
}

/// Radio buttons for some measures (none for one option), the one whose column is `shown`
/// checked; they follow both in place.
fn measure_radios(ctx: Cx, options: Memo<Vec<ChartMeasure>>, shown: Memo<Option<Text>>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let (lang, slug) = ctx.with_untracked(|c| (c.lang, c.view.slug()));
    move || {
        let options = options.get();
        (options.len() > 1).then(|| {
            let name = format!("measure-{slug}");
            let radios = options
                .into_iter()
                .map(|m| {
                    view! {
                        <label class="radio">
                            <input type="radio" name=name.clone() value=m.slug() prop:checked=move || shown.get() == Some(m.column()) on:change=move |_| ui.set_measure(m)/>
                            {m.column().get(lang)}
                        </label>
                    }
                })
                .collect_view();
            view! { <fieldset class="measure"><legend>{Text::ChartShows.get(lang)}</legend>{radios}</fieldset> }.into_any()
        })
    }
}

/// Bar charts of the named columns the table has, each sorted by its own column; keyed by
/// column, so each chart stays while the selection changes.
fn charts_of(ctx: Cx, t: Memo<Table>, columns: &'static [(Text, Text)], pick: Option<Dimension>) -> impl IntoView {
    let present = crate::memo::memo(move |_| {
        t.with(|t| columns.iter().enumerate().filter(|(_, (column, _))| t.column(*column).is_some()).map(|(i, _)| i).collect::<Vec<_>>())
    });
    view! {
        <For each=move || present.get() key=|i| *i children=move |i: usize| {
            let (column, title) = columns[i];
            let sorted = crate::memo::memo(move |_| t.with(|t| t.column(column).map(|c| t.sorted_by(c)).unwrap_or_else(|| t.clone())));
            let cols = Signal::derive(move || sorted.with(|t| t.column(column).into_iter().collect()));
            chart(ctx, sorted, cols, title, pick)
        }/>
    }
}
