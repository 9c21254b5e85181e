//! Comparing two periods of one dataset, or two datasets (a published one and a local file, or
//! two published ones): per landsdeel, perceel and referrer both values, the difference and the
//! change in percent. A side that is "niet gepubliceerd" or "geheim" makes the difference so too
//! ([`Cell::combine`]): it is never computed from a zero. Percelen change between years, so
//! those on one side only are listed apart instead of being set against an empty cell.

use super::{Column, Dataset, Order, Table};
use crate::model::code::{Landsdeel, Verwijzer};
use crate::model::cube::Key;
use crate::present::format::Unit;
use crate::texts::i18n::{texts, Lang, Text};
use crate::model::measure::{Cell, Measures};
use crate::present::metrics::ratio;
use crate::model::selection::{Dimension, Selection};
use crate::present::url_state::ChartMeasure;

texts! { CompareWord;
    CompareWith => "Vergelijken met", "Compare with";
    CompareDataset => "Dataset", "Dataset";
    CompareSameDataset => "Dezelfde dataset", "The same dataset";
    ComparePeriod => "Periode", "Period";
    CompareKeyFigures => "Kerncijfers vergeleken", "Key figures compared";
    CompareOnlyOneSide => "Percelen die maar aan één kant voorkomen: de indeling in percelen verschilt, dus deze zijn niet te vergelijken", "Lots on one side only: the division into lots differs, so these cannot be compared";
    CompareOnlyIn => "alleen in", "only in";
    CompareItself => "U vergelijkt deze cijfers met zichzelf: kies hieronder een andere periode of dataset.", "You are comparing these figures with themselves: choose another period or dataset below.";
    ComparePeriodMissing => "Deze periode staat niet in de dataset om mee te vergelijken", "This period is not in the dataset to compare with";
    CompareInstead => "Vergeleken wordt met", "Compared with instead";
    CompareUnknownLegend => "Een verschil staat er alleen waar beide kanten bekend zijn. Is één kant ‘niet gepubliceerd’ of ‘geheim’, dan is het verschil dat ook: het wordt nooit met 0 berekend.", "A difference is given only where both sides are known. Where one side is ‘not published’ or ‘secret’, so is the difference: it is never computed with 0.";
}

/// One side of a comparison: a dataset, its period and the name its columns carry
/// ("2022", or "LTA 2023 (gepubliceerde cijfers) 2023" for another dataset).
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The period.
    pub periode: &'a str,
    /// The name of its columns.
    pub name: &'a str,
}

/// One measure on both sides, with the difference (`current − reference`) and the change
/// (`difference / reference`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The measure.
    pub measure: ChartMeasure,
    /// The older or other side.
    pub reference: Cell,
    /// The side shown.
    pub current: Cell,
    /// `current − reference`, known only where both are.
    pub difference: Cell,
    /// The difference as a share of the reference (`0.012` is 1.2%).
    pub change: Cell,
}

impl Change {
    /// Sets two cells of one measure side by side.
    ///
    /// ```
    /// use lta_core::{Cell, Change, ChartMeasure};
    /// let c = Change::new(ChartMeasure::Jeugdigen, Cell::Exact(9602.0), Cell::Exact(9722.0));
    /// assert_eq!((c.difference, c.change.number().map(|n| (n * 1000.0).round())), (Cell::Exact(120.0), Some(12.0)));
    /// let unknown = Change::new(ChartMeasure::Euros, Cell::NotPublished, Cell::Exact(5.0));
    /// assert_eq!((unknown.difference, unknown.change), (Cell::NotPublished, Cell::NotPublished));
    /// ```
    pub fn new(measure: ChartMeasure, reference: Cell, current: Cell) -> Change {
        let difference = current.combine(reference, |b, a| Some(b - a));
        let change = difference.combine(reference, |d, a| (a != 0.0).then(|| d / a));
        Change { measure, reference, current, difference, change }
    }
}

/// Everything the compare view shows for one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The selection's total, for every measure.
    pub national: Vec<Change>,
    /// Per landsdeel, per perceel and per referrer: reference, current, difference, change.
    pub tables: Vec<(Dimension, Table)>,
    /// Percelen of the reference side only, by label.
    pub only_reference: Vec<String>,
    /// Percelen of the current side only, by label.
    pub only_current: Vec<String>,
}

/// The cell of a compare measure in a cube cell: euros per youth are derived on each side.
pub fn compared_cell(m: ChartMeasure, ms: Measures) -> Cell {
    match m {
        ChartMeasure::Jeugdigen => ms.jeugdigen,
        ChartMeasure::Trajecten => ms.trajecten,
        ChartMeasure::Euros => ms.volume_eur,
        ChartMeasure::EurosPerYouth => ratio(ms.volume_eur, ms.jeugdigen),
        // Rates per 1,000 need both sides' populations; the compare view does not offer them.
        ChartMeasure::Per1000 => Cell::NotPublished,
    }
}

/// The unit a compare measure is shown in.
pub fn compared_unit(m: ChartMeasure) -> Unit {
    match m {
        ChartMeasure::Euros | ChartMeasure::EurosPerYouth => Unit::Euro,
        ChartMeasure::Per1000 => Unit::Decimal1,
        ChartMeasure::Jeugdigen | ChartMeasure::Trajecten => Unit::Count,
    }
}

/// The measure the compare view shows: the one asked for when it can compare it, else youth.
pub fn compared_measure(asked: Option<ChartMeasure>) -> ChartMeasure {
    asked.filter(|m| ChartMeasure::COMPARE.contains(m)).unwrap_or(ChartMeasure::Jeugdigen)
}

/// The period of the other dataset to compare with: the one asked for when it has it; else,
/// within one dataset, the same kind of period a year earlier (2023-H1 → 2022-H1) or the one
/// before; else, in another dataset, the same period or its latest.
///
/// ```
/// use lta_core::reference_period;
/// let periods = ["2022".to_string(), "2022-H1".into(), "2023".into(), "2023-H1".into()];
/// assert_eq!(reference_period(&periods, "2023-H1", true, None), "2022-H1");
/// assert_eq!(reference_period(&periods, "2023", true, Some("2022-H1")), "2022-H1");
/// assert_eq!(reference_period(&periods, "2022", true, None), "2022");
/// assert_eq!(reference_period(&["2023".to_string()], "2024", false, None), "2023");
/// ```
pub fn reference_period(periods: &[String], current: &str, same_dataset: bool, asked: Option<&str>) -> String {
    let has = |p: &str| periods.iter().any(|q| q == p);
    if let Some(p) = asked.filter(|p| has(p)) {
        return p.to_string();
    }
    if same_dataset {
        let year_before = current
            .get(..4)
            .and_then(|y| y.parse::<u32>().ok())
            .map(|y| format!("{}{}", y.saturating_sub(1), &current[4..]));
        if let Some(p) = year_before.filter(|p| has(p)) {
            return p;
        }
        let earlier = periods.iter().rev().find(|p| p.len() == current.len() && p.as_str() < current);
        return earlier.map_or_else(|| current.to_string(), String::clone);
    }
    if has(current) {
        return current.to_string();
    }
    crate::model::cube::latest_of(periods).unwrap_or(current).to_string()
}

impl Dataset {
    /// This dataset's selection (`current`) against another side, for one measure.
    pub fn compare(&self, sel: &Selection, current_name: &str, reference: Side, m: ChartMeasure, lang: Lang) -> Comparison {
        let current = Side { dataset: self, periode: &sel.periode, name: current_name };
        let at = |side: &Side, key: &Key| side.dataset.cube.get(&Key { periode: Some(side.periode.to_string()), ..key.clone() });
        let national = ChartMeasure::COMPARE
            .iter()
            .map(|&m| Change::new(m, compared_cell(m, at(&reference, &sel.key())), compared_cell(m, at(&current, &sel.key()))))
            .collect();
        let ours = self.percelen_in(&sel.periode);
        let theirs = reference.dataset.percelen_in(reference.periode);
        let label = |p: &String| if self.cube.percelen().contains(p) { self.label(Dimension::Perceel, p, lang) } else { reference.dataset.label(Dimension::Perceel, p, lang) };
        let both: Vec<(String, String)> = ours.iter().filter(|p| theirs.contains(p)).map(|p| (p.clone(), label(p))).collect();
        let landsdelen = Landsdeel::ALL.iter().map(|l| (l.code().to_string(), self.label(Dimension::Landsdeel, l.code(), lang))).collect();
        let verwijzers = Verwijzer::ALL.iter().map(|v| (v.code().to_string(), self.label(Dimension::Verwijzer, v.code(), lang))).collect();
        let sides = (&current, &reference);
        let tables = vec![
            (Dimension::Landsdeel, self.compare_table(sel, sides, Dimension::Landsdeel, landsdelen, m, lang)),
            (Dimension::Perceel, self.compare_table(sel, sides, Dimension::Perceel, both, m, lang)),
            (Dimension::Verwijzer, self.compare_table(sel, sides, Dimension::Verwijzer, verwijzers, m, lang)),
        ];
        Comparison {
            national,
            tables,
            only_reference: theirs.iter().filter(|p| !ours.contains(p)).map(label).collect(),
            only_current: ours.iter().filter(|p| !theirs.contains(p)).map(label).collect(),
        }
    }

    /// One dimension's rows: reference, current, difference and change, largest current first;
    /// the total row is the selection's own (never a sum of the rows).
    fn compare_table(
        &self,
        sel: &Selection,
        (current, reference): (&Side, &Side),
        d: Dimension,
        rows: Vec<(String, String)>,
        m: ChartMeasure,
        lang: Lang,
    ) -> Table {
        let base = sel.without(d);
        let key = |code: Option<&str>| {
            let k = base.clone();
            match (d, code) {
                (_, None) => Some(k),
                (Dimension::Landsdeel, Some(c)) => Landsdeel::parse(c).map(|l| k.landsdeel(l)),
                (Dimension::Perceel, Some(c)) => Some(k.perceel(c)),
                (Dimension::Verwijzer, Some(c)) => Verwijzer::parse(c).map(|v| k.verwijzer(v)),
            }
        };
        let change = |code: Option<&str>| {
            let cell = |side: &Side| match key(code) {
                Some(k) => compared_cell(m, side.dataset.cube.get(&Key { periode: Some(side.periode.to_string()), ..k })),
                None => Cell::NotPublished,
            };
            Change::new(m, cell(reference), cell(current))
        };
        let changes: Vec<Change> = rows.iter().map(|(code, _)| change(Some(code))).collect();
        let total = change(None);
        let (title, unit) = (m.column(), compared_unit(m));
        let column = |col: Column, f: &dyn Fn(&Change) -> Cell| (col, changes.iter().map(f).collect(), f(&total));
        let candidates = vec![
            column(Column::of(title, unit, reference.name.to_string()), &|c| c.reference),
            column(Column::of(title, unit, current.name.to_string()), &|c| c.current),
            column(Column::new(Text::Difference, unit), &|c| c.difference),
            column(Column::new(Text::ChangePct, Unit::Percent), &|c| c.change),
        ];
        let dimension = match d {
            Dimension::Landsdeel => Text::Landsdeel,
            Dimension::Perceel => Text::Perceel,
            Dimension::Verwijzer => Text::Verwijzer,
        };
        let table = Table::build(dimension, candidates, rows, Order::AsGiven);
        let by_current = table.columns.iter().position(|c| c.of.as_deref() == Some(current.name)).unwrap_or(0);
        self.finish(table.sorted_by(by_current), sel, d, lang)
    }
}

#[cfg(test)]
mod tests;
