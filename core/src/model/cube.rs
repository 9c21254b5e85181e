//! The cube: one cell per combination of periode, landsdeel, perceel and verwijzer, where `None`
//! in a dimension is the `TOTAAL` marginal. Unique-youth counts in marginals are stored as
//! published (or as distinct counts), never re-derived by summing.

use std::collections::{HashMap, HashSet};

use crate::model::code::{Landsdeel, Verwijzer};
use crate::model::csv_text::{read_fixed, valid_period, CsvFile, FirstLines};
use crate::model::error::{DataError, ErrorKind};
use crate::model::limits::{MAX_PERCELEN, MAX_PERIODS};
use crate::model::measure::{Measure, Measures};
use crate::model::regio::RegionCells;
pub use crate::model::key::{Key, PerceelNames, TOTAAL};
use crate::model::key::dimension;

/// The columns of a cube file.
pub const CUBE_COLUMNS: [&str; 7] =
    ["periode", "landsdeel", "perceel", "verwijzer", "trajecten", "jeugdigen", "volume_eur"];
/// Re-exported where readers and the app found them before they had a module of their own.
pub use crate::model::notice::{Notice, Parsed};

/// A validated cube.
#[derive(Debug, Clone, Default)]
pub struct Cube {
    cells: HashMap<Key, Measures>,
    /// Sorted, so a new period is found by binary search.
    periods: Vec<String>,
    /// In order of appearance, with a set beside it: `insert` runs once per cell.
    percelen: Vec<String>,
    perceel_set: HashSet<String>,
    /// The cells below the landsdeel, where the data has them.
    regions: RegionCells,
}

impl Cube {
    /// Reads and validates a cube CSV (data-contract.md, kind 1).
    ///
    /// ```
    /// use lta_core::{Cell, Cube, Key, PerceelNames};
    /// let csv = "periode;landsdeel;perceel;verwijzer;trajecten;jeugdigen;volume_eur\n\
    ///            2023;TOTAAL;TOTAAL;TOTAAL;15939;9722;194078629\n";
    /// let cube = Cube::parse(csv.as_bytes(), "cube.csv", &PerceelNames::default()).unwrap().value;
    /// assert_eq!(cube.get(&Key::total("2023")).jeugdigen, Cell::Exact(9722.0));
    /// ```
    pub fn parse(bytes: &[u8], file: &str, percelen: &PerceelNames) -> Result<Parsed<Cube>, DataError> {
        let mut cube = Cube::default();
        let mut first_lines = FirstLines::new();
        let notices = read_fixed(bytes, file, &CUBE_COLUMNS, |row| {
            let (field, err) = (|i| row.field(i), |kind, i| row.error(kind, i));
            let key = Key {
                periode: dimension(field(0), |s| valid_period(s).then(|| s.to_ascii_uppercase()))
                    .ok_or_else(|| err(ErrorKind::BadPeriod, 0))?,
                landsdeel: dimension(field(1), Landsdeel::parse)
                    .ok_or_else(|| err(ErrorKind::UnknownCode, 1))?,
                perceel: dimension(field(2), |s| percelen.resolve(s))
                    .ok_or_else(|| err(ErrorKind::UnknownCode, 2))?,
                verwijzer: dimension(field(3), Verwijzer::parse)
                    .ok_or_else(|| err(ErrorKind::UnknownCode, 3))?,
            };
            let measures = row.measures(4)?;
            if let Some(first) = first_lines.earlier(key.clone(), row.line) {
                let whole = row.record.iter().collect::<Vec<_>>().join(",");
                return Err(row.table.cell_error(ErrorKind::DuplicateRow { first_line: first }, row.line, "", &whole));
            }
            cube.insert(key, measures);
            if cube.periods.len() > MAX_PERIODS {
                return Err(too_many(row.table, row.line, 0, MAX_PERIODS, |s| Some(s.to_ascii_uppercase())));
            }
            if cube.percelen.len() > MAX_PERCELEN {
                return Err(too_many(row.table, row.line, 2, MAX_PERCELEN, |s| percelen.resolve(s)));
            }
            Ok(())
        })?;
        Ok(Parsed { value: cube, notices })
    }

    /// Adds or replaces a cell (used by builders of cubes from other sources).
    pub fn insert(&mut self, key: Key, measures: Measures) {
        if let Some(p) = &key.periode {
            if let Err(at) = self.periods.binary_search(p) {
                self.periods.insert(at, p.clone());
            }
        }
        if let Some(p) = &key.perceel {
            if self.perceel_set.insert(p.clone()) {
                self.percelen.push(p.clone());
            }
        }
        self.cells.insert(key, measures);
    }

    /// The measures of a cell; all "not published" when the cube has no such cell.
    pub fn get(&self, key: &Key) -> Measures {
        self.cells.get(key).copied().unwrap_or_default()
    }

    /// The keys of every cell, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.cells.keys()
    }

    /// True when the cube has a row for this cell (even an empty one).
    pub fn has(&self, key: &Key) -> bool {
        self.cells.contains_key(key)
    }

    /// The periods, oldest first.
    pub fn periods(&self) -> &[String] {
        &self.periods
    }

    /// The period views show first: the newest whole year, else the newest period.
    pub fn latest_period(&self) -> Option<&str> {
        latest_of(&self.periods)
    }

    /// Perceel codes in the order they first appear in the file.
    pub fn percelen(&self) -> &[String] {
        &self.percelen
    }

    /// The cube as a cube CSV (data-contract kind 1): periods oldest first, `TOTAAL` before the
    /// values of each dimension, landsdelen and referrers in code order, percelen as they came.
    ///
    /// ```
    /// use lta_core::{Cell, Cube, Key, Measures, PerceelNames};
    /// let mut cube = Cube::default();
    /// cube.insert(Key::total("2023"), Measures { trajecten: Cell::Approx(3.0), jeugdigen: Cell::Secret, volume_eur: Cell::NotPublished });
    /// assert_eq!(cube.to_csv(), "periode,landsdeel,perceel,verwijzer,trajecten,jeugdigen,volume_eur\n2023,TOTAAL,TOTAAL,TOTAAL,~3,x,\n");
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = CUBE_COLUMNS.join(",") + "\n";
        let total_first = |v: Vec<Option<String>>| std::iter::once(None).chain(v).collect::<Vec<_>>();
        let landsdelen = total_first(Landsdeel::ALL.iter().map(|l| Some(l.code().to_string())).collect());
        let percelen = total_first(self.percelen.iter().cloned().map(Some).collect());
        let verwijzers = total_first(Verwijzer::ALL.iter().map(|v| Some(v.code().to_string())).collect());
        let name = |v: &Option<String>| v.clone().unwrap_or_else(|| TOTAAL.to_string());
        for periode in &self.periods {
            for l in &landsdelen {
                for p in &percelen {
                    for v in &verwijzers {
                        let key = Key {
                            periode: Some(periode.clone()),
                            landsdeel: l.as_deref().and_then(Landsdeel::parse),
                            perceel: p.clone(),
                            verwijzer: v.as_deref().and_then(Verwijzer::parse),
                        };
                        if let Some(m) = self.cells.get(&key) {
                            let cells: Vec<String> = Measure::ALL.iter().map(|&x| m.get(x).to_csv()).collect();
                            out += &format!("{periode},{},{},{},{}\n", name(l), name(p), name(v), cells.join(","));
                        }
                    }
                }
            }
        }
        out
    }

    /// The cells per jeugdregio and gemeente (none for a file of landsdelen only).
    pub fn regions(&self) -> &RegionCells {
        &self.regions
    }

    /// Adds or replaces a cell of a jeugdregio or gemeente.
    pub(crate) fn insert_region(&mut self, regio: crate::model::regio::Regio, key: Key, measures: Measures) {
        self.regions.insert(regio, key, measures);
    }

    /// The same cube with these cells below the landsdeel.
    pub fn with_regions(mut self, regions: RegionCells) -> Cube {
        self.regions = regions;
        self
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// True when the cube has no cells.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

/// The period shown by default among periods sorted oldest first: the newest whole year, else
/// the newest period. The one place this rule lives.
pub fn latest_of(periods: &[String]) -> Option<&str> {
    periods.iter().rev().find(|p| p.len() == 4).or(periods.last()).map(String::as_str)
}

/// The error for a dimension column of a cube file with more distinct values than `limit`, first
/// exceeded on `line`; the count covers the whole file (values as `read` resolves them).
fn too_many(table: &CsvFile, line: u64, i: usize, limit: usize, read: impl Fn(&str) -> Option<String>) -> DataError {
    let col = table.column(CUBE_COLUMNS[i]).unwrap_or(0);
    let value = |record: &csv::StringRecord| record.get(col).unwrap_or("").to_string();
    let count = table
        .rows
        .iter()
        .filter_map(|(_, r)| dimension(&value(r), &read).flatten())
        .collect::<HashSet<String>>()
        .len();
    let at = table.rows.iter().find(|(l, _)| *l == line).map(|(_, r)| value(r)).unwrap_or_default();
    table.cell_error(ErrorKind::TooManyValues { limit, count }, line, CUBE_COLUMNS[i], &at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::measure::Cell;

    const HEADER: &str = "periode,landsdeel,perceel,verwijzer,trajecten,jeugdigen,volume_eur\n";

    fn parse(body: &str) -> Result<Cube, DataError> {
        let names = PerceelNames::new(vec![(
            "TKGGZ".into(),
            vec!["Topklinische GGz".into(), "Topclinical mental health".into()],
        )]);
        Cube::parse(format!("{HEADER}{body}").as_bytes(), "cube.csv", &names).map(|p| p.value)
    }

    #[test]
    fn reads_all_cell_states() {
        let cube = parse("2023,TOTAAL,TOTAAL,TOTAAL,15939,9722,194078629\n\
                          2023,ZW,TOTAAL,TOTAAL,,3305,\n\
                          2023,TOTAAL,Topklinische GGZ,TOTAAL,~5576,3872,x\n")
        .unwrap();
        assert_eq!(cube.get(&Key::total("2023")).trajecten, Cell::Exact(15939.0));
        let zw = cube.get(&Key::total("2023").landsdeel(Landsdeel::ZW));
        assert_eq!((zw.trajecten, zw.jeugdigen), (Cell::NotPublished, Cell::Exact(3305.0)));
        let tk = cube.get(&Key::total("2023").perceel("TKGGZ"));
        assert_eq!((tk.trajecten, tk.volume_eur), (Cell::Approx(5576.0), Cell::Secret));
        assert_eq!(cube.percelen(), ["TKGGZ"]);
        assert!(!cube.has(&Key::total("2022")));
    }

    #[test]
    fn labels_and_semicolons_and_dutch_decimals() {
        let csv = "\u{feff}Periode;Landsdeel;Perceel;Verwijzer;Trajecten;Jeugdigen;Volume_EUR;Opmerking\r\n\
                   2023;Brabant en Zeeland;TOTAAL;Medisch specialist;;;\"1234,5\";iets\r\n";
        let parsed = Cube::parse(csv.as_bytes(), "c.csv", &PerceelNames::default()).unwrap();
        let key = Key::total("2023").landsdeel(Landsdeel::BZ).verwijzer(Verwijzer::MedischSpecialist);
        assert_eq!(parsed.value.get(&key).volume_eur, Cell::Exact(1234.5));
        assert_eq!(
            parsed.notices,
            vec![Notice::IgnoredColumn { file: "c.csv".into(), column: "opmerking".into() }]
        );
    }

    #[test]
    fn errors_name_line_column_and_value() {
        let e = parse("2023,TOTAAL,TOTAAL,TOTAAL,1,1,1\n2023,Atlantis,TOTAAL,TOTAAL,1,1,1\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownCode);
        assert_eq!(e.position.line, Some(3));
        assert_eq!(e.position.column.as_deref(), Some("landsdeel"));
        assert_eq!(e.position.value.as_deref(), Some("Atlantis"));

        let e = parse("2023,TOTAAL,TOTAAL,TOTAAL,1,9.722,1\n").unwrap_err();
        assert_eq!((e.kind, e.position.column.as_deref()), (ErrorKind::NotACount, Some("jeugdigen")));

        let e = parse("2023,TOTAAL,TOTAAL,TOTAAL,1,1,\"194.078.629\"\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::ThousandsSeparator);
        assert_eq!(e.position.value.as_deref(), Some("194.078.629"));

        let e = parse("2023,TOTAAL,Onbekend perceel,TOTAAL,1,1,1\n").unwrap_err();
        assert_eq!((e.kind, e.position.column.as_deref()), (ErrorKind::UnknownCode, Some("perceel")));

        let e = parse("23,TOTAAL,TOTAAL,TOTAAL,1,1,1\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::BadPeriod);

        let e = parse("2023,TOTAAL,TOTAAL,TOTAAL,1,1,1\n2023,TOTAAL,TOTAAL,TOTAAL,2,2,2\n").unwrap_err();
        assert_eq!((e.kind, e.position.line), (ErrorKind::DuplicateRow { first_line: 2 }, Some(3)));
    }

    #[test]
    fn a_missing_column_is_named() {
        let e = Cube::parse(b"periode,landsdeel\n2023,ZW\n", "c.csv", &PerceelNames::default()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::MissingColumn);
        assert_eq!(e.position.column.as_deref(), Some("perceel"));
    }

    #[test]
    fn empty_file() {
        let e = Cube::parse(b"\n\n", "c.csv", &PerceelNames::default()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Empty);
    }
}
