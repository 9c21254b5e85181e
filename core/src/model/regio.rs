//! Regions below the landsdeel: jeugdregio's and gemeenten (the reference table of
//! `import::regions`), and the cube's cells for them. The landsdeel cube is dense; these cells
//! are kept only where records are (342 gemeenten would multiply a dense cube), and a cell that
//! is not there is 0 at a level the data holds.

use std::collections::HashMap;

use crate::model::code::{Landsdeel, Verwijzer};
use crate::model::csv_text::{read_fixed, valid_period, FirstLines};
use crate::model::key::{dimension, Key, PerceelNames, TOTAAL};
use crate::model::notice::Parsed;
use crate::model::error::{DataError, ErrorKind};
use crate::model::reference::regions;
use crate::model::measure::{Measure, Measures};

/// A jeugdregio or a gemeente, as its index in the reference table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Regio {
    /// A jeugdregio (`JZ13`).
    Jeugdregio(u8),
    /// A gemeente (`GM0363`).
    Gemeente(u16),
}

/// The levels of regions below the landsdeel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// The 42 jeugdregio's.
    Jeugdregio,
    /// The 342 gemeenten.
    Gemeente,
}

impl Level {
    /// The name in a manifest (`regioniveaus`).
    pub fn code(self) -> &'static str {
        match self {
            Level::Jeugdregio => "jeugdregio",
            Level::Gemeente => "gemeente",
        }
    }
}

impl Regio {
    /// A code as the dashboard writes it: `JZ13` or `GM0363`.
    ///
    /// ```
    /// use lta_core::Regio;
    /// let r = Regio::parse("JZ41").unwrap();
    /// assert_eq!((r.code(), r.name(), r.landsdeel().code()), ("JZ41", "Zuid-Limburg", "LI"));
    /// let g = Regio::parse("GM0935").unwrap();
    /// assert_eq!((g.name(), g.jeugdregio()), ("Maastricht", r));
    /// assert_eq!(Regio::parse("Maastricht"), None); // names are for the records reader
    /// ```
    pub fn parse(code: &str) -> Option<Regio> {
        // Codes only: the reference table's lookups also read names, which are the records
        // reader's business.
        let code = code.trim();
        let prefix = |p: &str| code.get(..2).is_some_and(|c| c.eq_ignore_ascii_case(p));
        match code.len() {
            4 if prefix("JZ") => regions().jeugdregio_index(code).and_then(|i| u8::try_from(i).ok()).map(Regio::Jeugdregio),
            6 if prefix("GM") => regions().gemeente_index(code).and_then(|i| u16::try_from(i).ok()).map(Regio::Gemeente),
            _ => None,
        }
    }

    /// Every jeugdregio of a landsdeel, in the reference table's order.
    pub fn jeugdregios_of(l: Landsdeel) -> Vec<Regio> {
        let all = &regions().jeugdregios;
        (0..all.len()).filter(|&i| all[i].landsdeel == l).filter_map(|i| u8::try_from(i).ok()).map(Regio::Jeugdregio).collect()
    }

    /// Every gemeente of a jeugdregio (none for a gemeente).
    pub fn gemeenten(self) -> Vec<Regio> {
        let Regio::Jeugdregio(j) = self else { return Vec::new() };
        let all = &regions().gemeenten;
        (0..all.len()).filter(|&i| all[i].jeugdregio == j as usize).filter_map(|i| u16::try_from(i).ok()).map(Regio::Gemeente).collect()
    }

    /// Its level.
    pub fn level(self) -> Level {
        match self {
            Regio::Jeugdregio(_) => Level::Jeugdregio,
            Regio::Gemeente(_) => Level::Gemeente,
        }
    }

    /// Its code.
    pub fn code(self) -> &'static str {
        match self {
            Regio::Jeugdregio(j) => &regions().jeugdregios[j as usize].code,
            Regio::Gemeente(g) => &regions().gemeenten[g as usize].code,
        }
    }

    /// Its name as CBS writes it.
    pub fn name(self) -> &'static str {
        match self {
            Regio::Jeugdregio(j) => &regions().jeugdregios[j as usize].name,
            Regio::Gemeente(g) => &regions().gemeenten[g as usize].name,
        }
    }

    /// The jeugdregio it is or lies in.
    pub fn jeugdregio(self) -> Regio {
        match self {
            Regio::Gemeente(g) => Regio::Jeugdregio(regions().gemeenten[g as usize].jeugdregio as u8),
            j => j,
        }
    }

    /// The landsdeel it lies in.
    pub fn landsdeel(self) -> Landsdeel {
        let Regio::Jeugdregio(j) = self.jeugdregio() else { unreachable!("a jeugdregio's jeugdregio is itself") };
        regions().jeugdregios[j as usize].landsdeel
    }
}

/// Whether `code` is a jeugdregio of the reference table lying in `landsdeel` (in any, for None).
///
/// ```
/// use lta_core::{jeugdregio_in, Landsdeel};
/// assert!(jeugdregio_in("JZ41", Some(Landsdeel::LI)) && jeugdregio_in("jz41", None));
/// assert!(!jeugdregio_in("JZ01", Some(Landsdeel::LI)) && !jeugdregio_in("JZ99", None) && !jeugdregio_in("GM0935", None));
/// ```
pub fn jeugdregio_in(code: &str, landsdeel: Option<Landsdeel>) -> bool {
    match Regio::parse(code) {
        Some(r @ Regio::Jeugdregio(_)) => landsdeel.is_none_or(|l| r.landsdeel() == l),
        _ => false,
    }
}

/// The columns of a region file: a cube file with `regio` for `landsdeel`.
pub const REGION_COLUMNS: [&str; 7] = ["periode", "regio", "perceel", "verwijzer", "trajecten", "jeugdigen", "volume_eur"];

/// The cube's cells per jeugdregio and gemeente: only those with records, each keyed by its region
/// and the rest of its key (whose landsdeel is TOTAAL: the region implies it). A level may hold
/// its regions' totals only, without perceel or referrer (as the records engine counts the gemeenten).
#[derive(Debug, Clone, Default)]
pub struct RegionCells {
    cells: HashMap<(Regio, Key), Measures>,
    levels: Vec<Level>,
    /// The levels that also hold cells per perceel and referrer.
    crossed: Vec<Level>,
}

impl RegionCells {
    /// Adds a cell.
    pub fn insert(&mut self, regio: Regio, mut key: Key, measures: Measures) {
        key.landsdeel = None;
        let level = regio.level();
        if !self.levels.contains(&level) {
            self.levels.push(level);
        }
        if (key.perceel.is_some() || key.verwijzer.is_some()) && !self.crossed.contains(&level) {
            self.crossed.push(level);
        }
        self.cells.insert((regio, key), measures);
    }

    /// The measures of a region's cell; 0 where the data holds the region's level but no records
    /// for the cell, "not published" where it does not hold the level, or holds only its totals
    /// and the key names a perceel or referrer.
    ///
    /// ```
    /// use lta_core::{Cell, Key, Measures, Regio, RegionCells};
    /// let mut cells = RegionCells::default();
    /// let zl = Regio::parse("JZ41").unwrap();
    /// cells.insert(zl, Key::total("2023"), Measures { jeugdigen: Cell::Exact(5.0), ..Measures::default() });
    /// assert_eq!(cells.get(zl, &Key::total("2023")).jeugdigen, Cell::Exact(5.0));
    /// assert_eq!(cells.get(Regio::parse("JZ38").unwrap(), &Key::total("2023")).jeugdigen, Cell::Exact(0.0));
    /// assert_eq!(cells.get(Regio::parse("GM0935").unwrap(), &Key::total("2023")).jeugdigen, Cell::NotPublished);
    /// assert_eq!(cells.get(zl, &Key::total("2023").perceel("UMC")).jeugdigen, Cell::NotPublished); // totals only
    /// ```
    pub fn get(&self, regio: Regio, key: &Key) -> Measures {
        let key = Key { landsdeel: None, ..key.clone() };
        let narrowed = key.perceel.is_some() || key.verwijzer.is_some();
        match self.cells.get(&(regio, key)) {
            Some(m) => *m,
            None if self.holds(regio.level()) && (!narrowed || self.crossed.contains(&regio.level())) => Measures::zero(),
            None => Measures::default(),
        }
    }

    /// Whether the data has this level.
    pub fn holds(&self, level: Level) -> bool {
        self.levels.contains(&level)
    }

    /// The levels held, jeugdregio first.
    pub fn levels(&self) -> Vec<Level> {
        [Level::Jeugdregio, Level::Gemeente].into_iter().filter(|l| self.holds(*l)).collect()
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The cells as a region file: ordered by period, region code, perceel and referrer
    /// (`TOTAAL` first), so the same cells always give the same bytes.
    pub fn to_csv(&self) -> String {
        let mut rows: Vec<(&(Regio, Key), &Measures)> = self.cells.iter().collect();
        let order = |k: &(Regio, Key)| (k.1.periode.clone(), k.0.level() == Level::Gemeente, k.0.code(), k.1.perceel.clone(), k.1.verwijzer);
        rows.sort_by_key(|(k, _)| order(k));
        let mut out = REGION_COLUMNS.join(",") + "\n";
        for ((regio, key), m) in rows {
            let cells: Vec<String> = Measure::ALL.iter().map(|&x| m.get(x).to_csv()).collect();
            let periode = key.periode.as_deref().unwrap_or(TOTAAL);
            let perceel = key.perceel.as_deref().unwrap_or(TOTAAL);
            let verwijzer = key.verwijzer.map_or(TOTAAL, Verwijzer::code);
            out += &format!("{periode},{},{perceel},{verwijzer},{}\n", regio.code(), cells.join(","));
        }
        out
    }

    /// Reads a region file (docs/data-format.md): codes as [`Regio::parse`] reads them, percelen as
    /// the dataset names them.
    pub fn parse(bytes: &[u8], file: &str, percelen: &PerceelNames) -> Result<Parsed<RegionCells>, DataError> {
        let mut out = RegionCells::default();
        let mut first_lines = FirstLines::new();
        let notices = read_fixed(bytes, file, &REGION_COLUMNS, |row| {
            let (field, err) = (|i| row.field(i), |kind, i| row.error(kind, i));
            let regio = Regio::parse(field(1)).ok_or_else(|| err(ErrorKind::UnknownCode, 1))?;
            let periode = valid_period(field(0).trim()).then(|| field(0).trim().to_ascii_uppercase()).ok_or_else(|| err(ErrorKind::BadPeriod, 0))?;
            let key = Key {
                periode: Some(periode),
                landsdeel: None,
                perceel: dimension(field(2), |s| percelen.resolve(s)).ok_or_else(|| err(ErrorKind::UnknownCode, 2))?,
                verwijzer: dimension(field(3), Verwijzer::parse).ok_or_else(|| err(ErrorKind::UnknownCode, 3))?,
            };
            let measures = row.measures(4)?;
            if let Some(first) = first_lines.earlier((regio, key.clone()), row.line) {
                return Err(err(ErrorKind::DuplicateRow { first_line: first }, 1));
            }
            out.insert(regio, key, measures);
            Ok(())
        })?;
        Ok(Parsed { value: out, notices })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::measure::Cell;

    #[test]
    fn every_jeugdregio_of_the_table_is_in_one_landsdeel_and_its_gemeenten_in_it() {
        let all: Vec<Regio> = Landsdeel::ALL.iter().flat_map(|&l| Regio::jeugdregios_of(l)).collect();
        assert_eq!(all.len(), 42);
        let gemeenten: usize = all.iter().map(|j| j.gemeenten().len()).sum();
        assert_eq!(gemeenten, 342);
        for j in &all {
            assert!(j.gemeenten().iter().all(|g| g.landsdeel() == j.landsdeel() && g.jeugdregio() == *j));
            assert_eq!(Regio::parse(j.code()), Some(*j));
        }
        let limburg: Vec<&str> = Regio::jeugdregios_of(Landsdeel::LI).iter().map(|r| r.name()).collect();
        assert_eq!(limburg.len(), 4, "{limburg:?}");
    }

    #[test]
    fn a_region_file_reads_back_the_same() {
        let mut cells = RegionCells::default();
        let cell = |n: f64| Measures { trajecten: Cell::Exact(n + 1.0), jeugdigen: Cell::Exact(n), volume_eur: Cell::Exact(n * 100.0) };
        cells.insert(Regio::parse("JZ41").unwrap(), Key::total("2023"), cell(12.0));
        cells.insert(Regio::parse("GM0935").unwrap(), Key::total("2023-H1").perceel("UMC").verwijzer(Verwijzer::Huisarts), cell(4.0));
        let csv = cells.to_csv();
        let back = RegionCells::parse(csv.as_bytes(), "regio.csv", &PerceelNames::default()).unwrap().value;
        assert_eq!(back.to_csv(), csv);
        assert_eq!(back.levels(), vec![Level::Jeugdregio, Level::Gemeente]);
        let e = RegionCells::parse(b"periode,regio,perceel,verwijzer,trajecten,jeugdigen,volume_eur\n2023,JZ40,TOTAAL,TOTAAL,1,1,1\n", "regio.csv", &PerceelNames::default()).unwrap_err();
        assert_eq!((e.kind, e.position.line, e.position.value.as_deref()), (ErrorKind::UnknownCode, Some(2), Some("JZ40")));
    }
}
