//! The views. Each asks the core for its tables and shows a sentence, charts, tables and notes;
//! none computes a figure itself. Clicking a bar, an area or a row name chooses it as a filter.

mod landsdelen;
mod overzicht;
mod profiel;
mod vergelijk;
mod verwijzers;

use std::sync::Arc;

use leptos::prelude::*;
use lta_core::export::{file_stem, table_csv, Context};
use lta_core::manifest::Status;
use lta_core::selection::{Dimension, Selection};
use lta_core::url_state::{ChartMeasure, View};
use lta_core::view::{Dataset, Table};
use lta_core::{sentence, Landsdeel, Lang, Text};

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

impl Ctx {
    /// The period and the chosen values, as a download describes its selection.
    fn selection_labels(&self) -> Vec<String> {
        let d = &self.dataset;
        let mut out = vec![self.sel.periode.clone()];
        out.extend(self.sel.landsdeel.map(|l| d.label("landsdeel", l.code(), self.lang)));
        out.extend(self.sel.perceel.as_ref().map(|p| d.label("perceel", p, self.lang)));
        out.extend(self.sel.verwijzer.map(|v| d.label("verwijzer", v.code(), self.lang)));
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

/// The page of one view.
#[component]
pub fn ViewPage(
    dataset: Arc<Dataset>,
    view: View,
    sel: Selection,
    measure: Option<ChartMeasure>,
    lang: Lang,
    embed: bool,
) -> impl IntoView {
    let ctx = Ctx { dataset: dataset.clone(), view, sel, measure, lang };
    let body = match view {
        View::Overzicht => overzicht::body(&ctx).into_any(),
        View::Landsdelen => landsdelen::body(&ctx).into_any(),
        View::Percelen => {
            let table = ctx.dataset.percelen(&ctx.sel, lang);
            let shares = ctx.dataset.perceel_shares(&ctx.sel.periode, lang);
            let shares = (!shares.is_empty()).then(|| table_block(&ctx, shares, Text::PerceelShares, None, true));
            view! { {main_chart(&ctx, table, Text::BarPercelenTitle, Some(Dimension::Perceel))} {shares} }.into_any()
        }
        View::Verwijzers => verwijzers::body(&ctx).into_any(),
        View::Profiel => profiel::body(&ctx, ctx.sel.landsdeel.unwrap_or(Landsdeel::ALL[0])).into_any(),
        View::Vergelijk => vergelijk::body(&ctx).into_any(),
        View::Trend => {
            let trend = ctx.dataset.trend(&ctx.sel);
            let col = ctx.chart_column(&trend);
            let said = sentence::trend(&trend, col, lang);
            view! {
                <p class="sentence">{said}</p>
                {measure_picker(&ctx, &trend)}
                {chart(&ctx, &trend, &[col], Text::BarTrend, None)}
                {table_block(&ctx, trend, Text::ViewTrend, None, false)}
            }
            .into_any()
        }
    };
    // A trend spans all periods; every other view shows one.
    let period_shown = (view != View::Trend).then(|| view! { " " <span class="period">{ctx.sel.periode.clone()}</span> });
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

/// Room for the row names of a bar chart: about 40% of the window, within reason.
fn label_width() -> u32 {
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    (width.min(1100.0) * 0.38).clamp(100.0, 330.0) as u32
}

/// What choosing a row of a table does: filter on it, or (trend) show that period.
fn picker(table: &Table, pick: Option<Dimension>) -> Option<Callback<String>> {
    let ui = expect_context::<Ui>();
    match (pick, table.dimension) {
        (Some(d), _) => Some(Callback::new(move |code: String| ui.toggle(d, &code))),
        (None, Text::Period) => Some(Callback::new(move |code: String| ui.set_period(code))),
        _ => None,
    }
}

/// What a click on a chart's bar or area does: the chart gives the index of the row it drew.
fn index_picker(table: &Table, pick: Option<Dimension>) -> Option<Callback<usize>> {
    let codes: Vec<String> = table.rows.iter().map(|r| r.code.clone()).collect();
    picker(table, pick).map(|p| {
        Callback::new(move |i: usize| {
            if let Some(code) = codes.get(i) {
                p.run(code.clone());
            }
        })
    })
}

/// The download frame of a chart: title, source and, for synthetic data, a watermark.
fn download(ctx: &Ctx, title: &str, part: &str) -> Download {
    let m = &ctx.dataset.manifest;
    let lang = ctx.lang;
    Download {
        title: format!("{title} — {}", ctx.selection_labels().join(", ")),
        source: format!("{}: {}", Text::Source.get(lang), m.source.citation.get(lang)),
        watermark: (m.status == Status::Illustratief).then(|| Text::Watermark.get(lang).to_string()),
        file_name: ctx.file(part),
    }
}

/// A bar chart of some columns of a table (nothing when there are none), with its title and
/// downloads; a click on a bar chooses its row.
fn chart(ctx: &Ctx, table: &Table, cols: &[usize], title: Text, pick: Option<Dimension>) -> Option<impl IntoView> {
    if cols.is_empty() || table.rows.is_empty() || table.columns.is_empty() {
        return None;
    }
    let lang = ctx.lang;
    let title = title.get(lang).to_string();
    let option = chart_options::bar(table, cols, lang, label_width());
    let on_pick = index_picker(table, pick);
    let download = download(ctx, &title, &slug(&title));
    Some(view! {
        <figure class="chart-figure">
            <figcaption>{title.clone()}</figcaption>
            <Chart option=option label=title height=chart_options::bar_height(table, cols.len()) on_pick=on_pick download=Some(download)/>
        </figure>
    })
}

fn slug(title: &str) -> String {
    title.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
}

/// A table with a caption and its CSV, or a plain "not in this dataset" when it has no numbers.
fn table_block(ctx: &Ctx, table: Table, title: Text, pick: Option<Dimension>, heat: bool) -> impl IntoView {
    let lang = ctx.lang;
    if table.is_empty() {
        return view! { <h3>{title.get(lang)}</h3> <p class="notice">{Text::NotInData.get(lang)}</p> }.into_any();
    }
    let caption = format!("{}: {}", Text::Table.get(lang), title.get(lang));
    let labels = ctx.selection_labels();
    let csv_text = table_csv(&table, &Context { dataset: &ctx.dataset, title: title.get(lang), selection: &labels, view: ctx.view.slug() }, lang);
    let csv = Some((format!("{}.csv", ctx.file(&slug(title.get(lang)))), csv_text));
    let pick = picker(&table, pick);
    view! { <DataTable table=table caption=caption lang=lang heat=heat pick=pick csv=csv/> }.into_any()
}

/// The sentence, the measure picker, the chart of the chosen measure and the table of a view's
/// own dimension.
fn main_chart(ctx: &Ctx, table: Table, title: Text, pick: Option<Dimension>) -> impl IntoView {
    // A selection the data has no figures for (e.g. a landsdeel's percelen in the 2023
    // publication): the table says so, and there is nothing to chart.
    if table.is_empty() {
        return table_block(ctx, table, title, pick, false).into_any();
    }
    let col = ctx.chart_column(&table);
    let said = sentence::table(&table, col, ctx.lang);
    let sorted = table.sorted_by(col);
    view! {
        <p class="sentence">{said}</p>
        {measure_picker(ctx, &table)}
        {chart(ctx, &sorted, &[col], title, pick)}
        {table_block(ctx, table, title, pick, false)}
    }
    .into_any()
}

/// Radio buttons for the measures the table has (per 1,000 only where a population is known).
fn measure_picker(ctx: &Ctx, table: &Table) -> Option<impl IntoView> {
    let shown = table.columns.get(ctx.chart_column(table)).map(|c| c.title);
    let options: Vec<_> = ChartMeasure::ALL.into_iter().filter(|m| table.column(m.column()).is_some()).collect();
    measure_radios(ctx, options, shown)
}

/// Radio buttons for some measures, the one whose column is `shown` checked (none for one option).
fn measure_radios(ctx: &Ctx, options: Vec<ChartMeasure>, shown: Option<Text>) -> Option<impl IntoView> {
    let ui = expect_context::<Ui>();
    let lang = ctx.lang;
    (options.len() > 1).then(|| {
        let name = format!("measure-{}", ctx.view.slug());
        let radios = options
            .into_iter()
            .map(|m| {
                view! {
                    <label class="radio">
                        <input type="radio" name=name.clone() value=m.slug() checked=shown == Some(m.column()) on:change=move |_| ui.set_measure(m)/>
                        {m.column().get(lang)}
                    </label>
                }
            })
            .collect_view();
        view! { <fieldset class="measure"><legend>{Text::ChartShows.get(lang)}</legend>{radios}</fieldset> }
    })
}

/// Bar charts of the named columns the table has, each sorted by its own column.
fn charts_of(ctx: &Ctx, t: &Table, columns: &[(Text, Text)], pick: Option<Dimension>) -> impl IntoView {
    columns
        .iter()
        .filter_map(|&(column, title)| t.column(column).map(|c| (c, title)))
        .map(|(c, title)| chart(ctx, &t.sorted_by(c), &[c], title, pick))
        .collect_view()
}
