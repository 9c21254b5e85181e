//! One plain-language sentence per view, made from the numbers on screen (B1 Dutch, plain
//! English): what is largest, what is smallest, how things changed. No number appears that the
//! table does not show.

use crate::present::format::{format_cell, format_signed, Unit};
use crate::texts::i18n::{Lang, Text};
use crate::model::measure::Cell;
use crate::present::view::compare::Change;
use crate::present::view::{KeyFigure, Table};

/// The overview: how many young people, trajectories and euros.
///
/// ```
/// use lta_core::{Cell, KeyFigure, Lang, Text, Unit, overview_sentence};
/// let f = |title, n, unit| KeyFigure { title, cell: Cell::Exact(n), unit };
/// let figures = [f(Text::UniqueYouth, 9722.0, Unit::Count), f(Text::Trajectories, 15939.0, Unit::Count), f(Text::Euros, 194078629.0, Unit::Euro)];
/// assert_eq!(overview_sentence(&figures, "2023", Lang::Nl),
///     "In 2023 kregen 9.722 jeugdigen zorg via het LTA. Dat waren 15.939 trajecten. De kosten waren € 194.078.629.");
/// ```
pub fn overview_sentence(figures: &[KeyFigure], periode: &str, lang: Lang) -> String {
    let get = |t: Text| figures.iter().find(|f| f.title == t).filter(|f| f.cell.number().is_some()).map(|f| format_cell(f.cell, f.unit, lang));
    let (Some(youth), trajectories, euros) = (get(Text::UniqueYouth), get(Text::Trajectories), get(Text::Euros)) else {
        return Text::SentenceNoData.get(lang).to_string();
    };
    let mut out = match lang {
        Lang::Nl => format!("In {periode} kregen {youth} jeugdigen zorg via het LTA."),
        Lang::En => format!("In {periode}, {youth} young people received care through the LTA."),
    };
    if let Some(t) = trajectories {
        out += &match lang {
            Lang::Nl => format!(" Dat waren {t} trajecten."),
            Lang::En => format!(" That was {t} trajectories."),
        };
    }
    if let Some(e) = euros {
        out += &match lang {
            Lang::Nl => format!(" De kosten waren {e}."),
            Lang::En => format!(" The cost was {e}."),
        };
    }
    out
}

/// A view's table: which row is highest and which lowest in the charted column, and its share.
///
/// ```
/// use lta_core::{Cell, Column, Row, Table, Lang, Text, Unit, table_sentence};
/// let row = |code: &str, n| Row { code: code.into(), label: code.into(), cells: vec![Cell::Exact(n)] };
/// let t = Table { dimension: Text::Landsdeel, columns: vec![Column::new(Text::UniqueYouth, Unit::Count)],
///     rows: vec![row("Zuid-West", 3305.0), row("Limburg", 475.0), row("Overijssel", 150.0)],
///     total: Some(row("Nederland", 9722.0)), not_published: vec![], selected: None };
/// assert_eq!(table_sentence(&t, 0, Lang::Nl),
///     "Zuid-West heeft het hoogste aantal unieke jeugdigen: 3.305. Dat is 34,0% van het totaal. Overijssel heeft het laagste: 150.");
/// assert_eq!(table_sentence(&t, 0, Lang::En),
///     "Zuid-West has the highest unique youth: 3,305. That is 34.0% of the total. Overijssel has the lowest: 150.");
/// // A row shown as 0 is not named as the lowest.
/// let mut t = t;
/// t.rows.push(row("Drenthe", 0.0));
/// assert!(table_sentence(&t, 0, Lang::Nl).ends_with("Overijssel heeft het laagste: 150."));
/// ```
pub fn table_sentence(t: &Table, col: usize, lang: Lang) -> String {
    let Some(column) = t.columns.get(col) else { return Text::SentenceNoData.get(lang).to_string() };
    // A row shown as 0 is never named: under the cell-key method a 0 may stand for a youth or two.
    let mut known: Vec<(&str, Cell)> = t.rows.iter().filter(|r| r.cells[col].number().is_some_and(|n| n != 0.0)).map(|r| (r.label.as_str(), r.cells[col])).collect();
    if known.is_empty() {
        return Text::SentenceNoData.get(lang).to_string();
    }
    crate::model::order::sort_by(&mut known, &|a, b| b.1.number().unwrap_or(0.0).total_cmp(&a.1.number().unwrap_or(0.0)));
    let (top, top_cell) = known[0];
    let shown = |c: Cell| format_cell(c, column.unit, lang);
    let measure = column.title.get(lang).to_ascii_lowercase();
    let mut out = match lang {
        Lang::Nl if column.title == Text::UniqueYouth || column.title == Text::Trajectories => {
            format!("{top} heeft het hoogste aantal {measure}: {}.", shown(top_cell))
        }
        Lang::Nl => format!("{top} heeft de hoogste waarde voor ‘{measure}’: {}.", shown(top_cell)),
        Lang::En => format!("{top} has the highest {measure}: {}.", shown(top_cell)),
    };
    let additive = matches!(column.unit, Unit::Count | Unit::Euro) && column.title != Text::EurosPerYouth && column.title != Text::EurosPerTrajectory;
    let total = t.total.as_ref().map(|r| r.cells[col]).filter(|c| c.number().is_some_and(|n| n > 0.0));
    if let (true, Some(total)) = (additive, total) {
        let share = top_cell.combine(total, |a, b| Some(a / b));
        out += &match lang {
            Lang::Nl => format!(" Dat is {} van het totaal.", format_cell(share, Unit::Percent, lang)),
            Lang::En => format!(" That is {} of the total.", format_cell(share, Unit::Percent, lang)),
        };
    }
    if known.len() > 1 {
        let (low, low_cell) = known[known.len() - 1];
        out += &match lang {
            Lang::Nl => format!(" {low} heeft het laagste: {}.", shown(low_cell)),
            Lang::En => format!(" {low} has the lowest: {}.", shown(low_cell)),
        };
    }
    out
}

/// The trend: from the first to the last period of the charted column.
///
/// ```
/// use lta_core::{Cell, Column, Row, Table, Lang, Text, Unit, trend_sentence};
/// let row = |p: &str, n| Row { code: p.into(), label: p.into(), cells: vec![Cell::Exact(n)] };
/// let t = Table { dimension: Text::Period, columns: vec![Column::new(Text::Euros, Unit::Euro)],
///     rows: vec![row("2021", 100.0), row("2024", 125.0)], total: None, not_published: vec![], selected: None };
/// assert_eq!(trend_sentence(&t, 0, Lang::Nl), "Van 2021 tot 2024 ging volume in euro’s van € 100 naar € 125: 25,0% meer.");
/// ```
pub fn trend_sentence(t: &Table, col: usize, lang: Lang) -> String {
    let known: Vec<_> = t.rows.iter().filter(|r| r.cells.get(col).is_some_and(|c| c.number().is_some())).collect();
    let (Some(first), Some(last)) = (known.first(), known.last()) else { return Text::SentenceNoData.get(lang).to_string() };
    if known.len() < 2 {
        return Text::SentenceNoData.get(lang).to_string();
    }
    let unit = t.columns[col].unit;
    let (a, b) = (first.cells[col], last.cells[col]);
    let change = a.combine(b, |a, b| (a != 0.0).then(|| (b - a) / a));
    let pct = format_cell(change.combine(Cell::Exact(0.0), |c, _| Some(c.abs())), Unit::Percent, lang);
    let up = change.number().unwrap_or(0.0) >= 0.0;
    let measure = t.columns[col].title.get(lang).to_ascii_lowercase();
    match lang {
        Lang::Nl => format!(
            "Van {} tot {} ging {measure} van {} naar {}: {pct} {}.",
            first.label, last.label, format_cell(a, unit, lang), format_cell(b, unit, lang), if up { "meer" } else { "minder" }
        ),
        Lang::En => format!(
            "From {} to {}, {measure} went from {} to {}: {pct} {}.",
            first.label, last.label, format_cell(a, unit, lang), format_cell(b, unit, lang), if up { "more" } else { "less" }
        ),
    }
}

/// The compare view: the selection's change in the measure, then in each table the rows with the
/// largest rise and the largest fall. Unknown differences are said to be unknown, never guessed.
///
/// ```
/// use lta_core::{Cell, Column, Row, Table, Change, ChartMeasure, Lang, Text, Unit, compare_sentence};
/// let row = |code: &str, d| Row { code: code.into(), label: code.into(), cells: vec![Cell::Exact(d)] };
/// let t = Table { dimension: Text::Landsdeel, columns: vec![Column::new(Text::Difference, Unit::Count)],
///     rows: vec![row("Zuid-West", 45.0), row("Limburg", -12.0), row("Overijssel", 3.0)],
///     total: None, not_published: vec![], selected: None };
/// let national = Change::new(ChartMeasure::Jeugdigen, Cell::Exact(9602.0), Cell::Exact(9722.0));
/// assert_eq!(compare_sentence(&national, &[&t], "2022", "2023", Lang::Nl),
///     "2023 tegenover 2022: unieke jeugdigen 9.722 tegenover 9.602, een verschil van +120 (+1,2%). \
///      Per landsdeel: de grootste stijging is Zuid-West (+45), de grootste daling Limburg (−12).");
/// let unknown = Change::new(ChartMeasure::Euros, Cell::Secret, Cell::Exact(5.0));
/// assert_eq!(compare_sentence(&unknown, &[], "2022", "2023", Lang::En),
///     "The difference in volume in euros between 2023 and 2022 is not known: one side is not published or secret.");
/// ```
pub fn compare_sentence(national: &Change, tables: &[&Table], reference: &str, current: &str, lang: Lang) -> String {
    let measure = national.measure.column().get(lang).to_ascii_lowercase();
    let unit = crate::present::view::compare::compared_unit(national.measure);
    let mut out = if national.difference.number().is_some() {
        let (a, b, d) = (format_cell(national.reference, unit, lang), format_cell(national.current, unit, lang), format_signed(national.difference, unit, lang));
        let pct = national.change.number().map(|_| format!(" ({})", format_signed(national.change, Unit::Percent, lang))).unwrap_or_default();
        match lang {
            Lang::Nl => format!("{current} tegenover {reference}: {measure} {b} tegenover {a}, een verschil van {d}{pct}."),
            Lang::En => format!("{current} against {reference}: {measure} {b} against {a}, a difference of {d}{pct}."),
        }
    } else {
        match lang {
            Lang::Nl => format!("Het verschil in {measure} tussen {current} en {reference} is niet bekend: een van beide is niet gepubliceerd of geheim."),
            Lang::En => format!("The difference in {measure} between {current} and {reference} is not known: one side is not published or secret."),
        }
    };
    for t in tables {
        out += &largest_changes(t, lang);
    }
    out
}

/// " Per landsdeel: de grootste stijging is A (+5), de grootste daling B (−3)." (or one of them).
fn largest_changes(t: &Table, lang: Lang) -> String {
    let Some(col) = t.column(Text::Difference) else { return String::new() };
    let unit = t.columns[col].unit;
    let known: Vec<(&str, Cell, f64)> =
        t.rows.iter().filter_map(|r| r.cells[col].number().map(|n| (r.label.as_str(), r.cells[col], n))).collect();
    let rise = known.iter().filter(|k| k.2 > 0.0).max_by(|a, b| a.2.total_cmp(&b.2));
    let fall = known.iter().filter(|k| k.2 < 0.0).min_by(|a, b| a.2.total_cmp(&b.2));
    let named = |k: &(&str, Cell, f64)| format!("{} ({})", k.0, format_signed(k.1, unit, lang));
    let (rise_word, fall_word, fall_only) = match lang {
        Lang::Nl => ("de grootste stijging is", "de grootste daling", "de grootste daling is"),
        Lang::En => ("the largest rise is", "the largest fall", "the largest fall is"),
    };
    let parts = match (rise, fall) {
        (Some(r), Some(f)) => format!("{rise_word} {}, {fall_word} {}", named(r), named(f)),
        (Some(r), None) => format!("{rise_word} {}", named(r)),
        (None, Some(f)) => format!("{fall_only} {}", named(f)),
        (None, None) => return String::new(),
    };
    let per = match lang {
        Lang::Nl => "Per",
        Lang::En => "By",
    };
    format!(" {per} {}: {parts}.", t.dimension.get(lang).to_ascii_lowercase())
}
