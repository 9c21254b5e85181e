//! Downloads of what a view shows: the table as CSV, with the dataset, its status (synthetic data
//! says so on its first line), the selection, the source, its licence and the notes.

use crate::model::csv_text::quote;
use crate::present::format::format_plain_cell;
use crate::texts::i18n::{Lang, Text};
use crate::model::manifest::Status;
use crate::present::view::{Dataset, Table};

/// What a download says about itself besides the table.
pub struct ExportContext<'a> {
    /// The dataset shown.
    pub dataset: &'a Dataset,
    /// The view's title and the table's caption.
    pub title: &'a str,
    /// The period and chosen values, as shown in the chips.
    pub selection: &'a [String],
    /// The view (for its notes).
    pub view: &'a str,
}

/// The table as CSV: `;` and decimal comma in Dutch (as Dutch spreadsheets expect), `,` and
/// decimal point in English. Approximate values keep their `~` and the precision the screen shows
/// (`~5800000`, not a euro-exact figure), secret ones are `x`, unpublished ones are empty: the
/// same conventions as the cube files.
///
/// ```
/// # use lta_core::{table_csv, Cell, Column, Cube, Dataset, ExportContext, Lang, Manifest, Row, Table, Text, Unit};
/// # let m = Manifest::parse(br#"{"id":"t","title":{"nl":"T","en":"T"},"publisher":"","source":{"citation":{"nl":"Bron X","en":"Source X"}},"licence":"","periods":[],"status":"illustratief","files":{"cube":"c.csv"},"disclosure":{"nl":"","en":""}}"#, "m").unwrap();
/// # let d = Dataset { manifest: m, cube: Cube::default(), population: None, flow: None, providers: None, records: None };
/// let t = Table { dimension: Text::Landsdeel, columns: vec![Column::new(Text::UniqueYouth, Unit::Count)],
///     rows: vec![Row { code: "ZW".into(), label: "Zuid-West".into(), cells: vec![Cell::Approx(3305.0)] }],
///     total: None, not_published: vec![], selected: None };
/// let csv = table_csv(&t, &ExportContext { dataset: &d, title: "Landsdelen", selection: &["2023".into()], view: "landsdelen" }, Lang::Nl);
/// assert!(csv.starts_with("ILLUSTRATIEF – synthetische gegevens, geen echte cijfers\n"));
/// assert!(csv.contains("Landsdeel;Unieke jeugdigen\nZuid-West;~3305\n"));
/// assert!(csv.contains("Bron;Bron X\n"));
/// ```
pub fn table_csv(table: &Table, ctx: &ExportContext, lang: Lang) -> String {
    let delimiter = match lang {
        Lang::Nl => ';',
        Lang::En => ',',
    };
    let line = |fields: Vec<String>| fields.iter().map(|f| quote(f, delimiter)).collect::<Vec<_>>().join(&delimiter.to_string()) + "\n";
    let m = &ctx.dataset.manifest;
    let mut out = String::new();
    if m.status == Status::Illustratief {
        out += &line(vec![Text::SyntheticExport.get(lang).into()]);
    }
    out += &line(vec![Text::AppTitle.get(lang).into(), ctx.title.into()]);
    out += &line(vec![Text::Dataset.get(lang).into(), m.title.get(lang).into()]);
    out += &line(vec![Text::StatusLabel.get(lang).into(), Text::status(m.status).get(lang).into()]);
    out += &line(std::iter::once(Text::Selection.get(lang).to_string()).chain(ctx.selection.iter().cloned()).collect());
    out += "\n";
    let mut head = vec![table.dimension.get(lang).to_string()];
    head.extend(table.columns.iter().map(|c| c.heading(lang) + if c.unit == crate::present::format::Unit::Percent { " (%)" } else { "" }));
    out += &line(head);
    for row in table.rows.iter().chain(&table.total) {
        let mut fields = vec![row.label.clone()];
        fields.extend(row.cells.iter().zip(&table.columns).map(|(c, col)| format_plain_cell(*c, col.unit, lang)));
        out += &line(fields);
    }
    out += "\n";
    out += &line(vec![Text::Source.get(lang).into(), m.source.citation.get(lang).into()]);
    if !m.licence.get(lang).is_empty() {
        // The figures' terms of reuse travel with them.
        out += &line(vec![Text::Licence.get(lang).into(), m.licence.get(lang).into()]);
    }
    for note in m.notes_for(ctx.view) {
        out += &line(vec![Text::Notes.get(lang).into(), note.text.get(lang).into()]);
    }
    out += &line(vec![Text::Disclosure.get(lang).into(), m.disclosure.get(lang).into()]);
    out
}

/// A file name for a download, without extension: the view, the period and the dataset, e.g.
/// `lta-landsdelen-2023-illustratief` (`lokaal` for a user's own file).
///
/// ```
/// assert_eq!(lta_core::file_stem("percelen-per-perceel", "2023-H1", ""), "lta-percelen-per-perceel-2023-h1-lokaal");
/// ```
pub fn file_stem(view: &str, periode: &str, dataset_id: &str) -> String {
    let clean = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>().to_ascii_lowercase();
    let id = if dataset_id.is_empty() { "lokaal".to_string() } else { clean(dataset_id) };
    format!("lta-{}-{}-{id}", clean(view), clean(periode))
}

/// A chart's SVG framed for download: its title above, the source line below, and for
/// synthetic data a watermark across it, so the image says what it is wherever it ends up.
///
/// ```
/// let (svg, height) = lta_core::framed_svg(r#"<svg width="400" height="200"><rect/></svg>"#, 400, 200, "Titel & co", "Bron: KPMG", Some("ILLUSTRATIEF"));
/// assert_eq!(height, 290);
/// assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="290""#));
/// assert!(svg.contains("Titel &amp; co") && svg.contains("Bron: KPMG") && svg.contains("ILLUSTRATIEF"));
/// assert!(svg.contains(r#"<g transform="translate(0,48)"><svg width="400" height="200"><rect/></svg></g>"#));
/// ```
/// Returns the framed SVG and its height.
pub fn framed_svg(chart: &str, width: u32, height: u32, title: &str, source: &str, watermark: Option<&str>) -> (String, u32) {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let (top, bottom) = (48, 42);
    let total = height + top + bottom;
    let chart = chart.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").unwrap_or(chart).trim();
    let mark = watermark.map_or(String::new(), |w| {
        format!(
            r##"<text x="{x}" y="{y}" text-anchor="middle" font-size="{size}" font-weight="700" fill="#8a1538" fill-opacity="0.18" transform="rotate(-20 {x} {y})">{}</text>"##,
            esc(w),
            x = width / 2,
            y = top + height / 2,
            size = (width / 16).clamp(14, 40),
        )
    });
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total}" viewBox="0 0 {width} {total}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/><text x="8" y="30" font-size="18" font-weight="700" fill="#1a1a1a">{}</text><g transform="translate(0,{top})">{chart}</g><text x="8" y="{src_y}" font-size="12" fill="#4d4d4d">{}</text>{mark}</svg>"##,
        esc(title),
        esc(source),
        src_y = top + height + 26,
    );
    (svg, total)
}
