//! Pseudonymised trajectory records (data-contract kind 2) into the same [`Cube`] a published
//! dataset has: every marginal over landsdeel, perceel and verwijzer, for each period and for
//! the year a half-year or quarter belongs to, with exact distinct counts of youth.
//!
//! Reading is split into steps of a number of rows, so a page can show progress and stay
//! responsive between steps. Counting is linear: records are ordered by client with a counting
//! sort, and a cell counts a client when it has not seen that client last. The records are kept
//! beside the cube, for the disclosure method (`disclosure`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::code::{Landsdeel, Verwijzer};
use crate::model::csv_text::{ignored_columns, valid_period, Rows};
use crate::read::import::{debit_credit_sign, referrer, regions, Mapping, Role, Sources};
use crate::model::cube::{Cube, Key, Notice, Parsed, PerceelNames};
use crate::model::error::{DataError, ErrorKind};
use crate::model::limits::{MAX_EUROS, MAX_PERCELEN, MAX_PERIODS, MAX_ROWS};
use crate::model::measure::{Cell, Measures};
use crate::model::regio::{Level, Regio};

/// The columns of a records file; `begindatum`, `einddatum` and `aanbieder` may follow (for the
/// durations, `flow.rs`) and are not needed for the cube. Other headers are read through a
/// [`Mapping`] (`import`).
pub const RECORD_COLUMNS: [&str; 6] = ["client", "periode", "landsdeel", "perceel", "verwijzer", "volume_eur"];

/// How many rows the proposed mapping looks at to tell how amounts are written.
pub const SAMPLE_ROWS: usize = 200;

/// One record, with every dimension as a small index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Record {
    pub(crate) client: u32,
    pub(crate) period: u16,
    pub(crate) landsdeel: u8,
    pub(crate) perceel: u16,
    pub(crate) verwijzer: u8,
    /// The index of its jeugdregio in the reference table, or [`NO_REGION`].
    pub(crate) jeugdregio: u16,
    /// The index of its gemeente in the reference table, or [`NO_REGION`].
    pub(crate) gemeente: u16,
    pub(crate) cents: i64,
    /// Its begin and end date (days from 1970-01-01), or [`NO_DATE`].
    pub(crate) begin: i32,
    pub(crate) end: i32,
    /// The index of its provider (`Records::providers`), or [`NO_PROVIDER`].
    pub(crate) provider: u32,
}

/// A record's jeugdregio or gemeente where the file does not say it.
pub(crate) const NO_REGION: u16 = u16::MAX;

/// A record's date where the file has none (an end date: the trajectory still runs).
pub(crate) const NO_DATE: i32 = i32::MIN;

/// A record's provider where the file has none.
pub(crate) const NO_PROVIDER: u32 = u32::MAX;

impl Record {
    /// What makes a trajectory itself, beside its client: the region below the landsdeel is left
    /// out, so a file with gemeenten and its twin with landsdelen give the same record keys.
    pub(crate) fn identity(&self) -> (u16, u8, u16, u8, i64) {
        (self.period, self.landsdeel, self.perceel, self.verwijzer, self.cents)
    }
}

mod layout;
mod reader;
mod row;
mod texts;


pub use reader::RecordsReader;
pub(crate) use texts::FxBuild;
use row::*;
use texts::*;

/// A cube made from records, with the records themselves: the cell-key method (`disclosure`)
/// needs to know which youth and trajectories make up each cell, which the numbers cannot tell.
#[derive(Debug, Clone, Default)]
pub struct RecordsCube {
    /// Every marginal, exact.
    pub cube: Cube,
    pub(crate) records: Records,
}

impl RecordsCube {
    /// Whether the records have begin dates (a file with a begin date column has one on every row).
    pub fn has_dates(&self) -> bool {
        self.records.list.first().is_some_and(|r| r.begin != NO_DATE)
    }

    /// Whether the records name providers.
    pub fn has_providers(&self) -> bool {
        !self.records.providers.is_empty()
    }
}

/// The records as read, ordered by client, with the values their indices stand for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Records {
    pub(crate) list: Vec<Record>,
    /// The client ids, by number.
    pub(crate) clients: Vec<String>,
    pub(crate) periods: Vec<String>,
    pub(crate) percelen: Vec<String>,
    /// The providers, where the file has them.
    pub(crate) providers: Vec<String>,
    /// The region levels below the landsdeel the file has.
    pub(crate) levels: Vec<Level>,
}

/// Reads a whole records file: its exact cube and its records.
pub fn read_records(bytes: &[u8], file: &str, percelen: &PerceelNames) -> Result<Parsed<RecordsCube>, DataError> {
    let mut reader = RecordsReader::open(bytes, file, percelen)?;
    while !reader.step(usize::MAX)? {}
    Ok(reader.finish())
}

/// Reads a whole records file as an export has it: in UTF-8 or Windows-1252, by `mapping` or
/// else the one its header suggests (the command line's reader; the browser does the same in steps).
pub fn read_export(bytes: &[u8], file: &str, percelen: &PerceelNames, mapping: Option<&Mapping>) -> Result<Parsed<RecordsCube>, DataError> {
    let (text, encoding) = crate::read::import::decode(bytes, file)?;
    let proposed;
    let mapping = match mapping {
        Some(m) => m,
        None => {
            proposed = proposed_mapping(&text, file)?;
            &proposed
        }
    };
    let mut reader = RecordsReader::open_mapped(&text, file, percelen, mapping)?;
    while !reader.step(usize::MAX)? {}
    let mut parsed = reader.finish();
    if encoding == crate::read::import::Encoding::Windows1252 {
        parsed.notices.insert(0, Notice::Windows1252 { file: file.to_string() });
    }
    Ok(parsed)
}

/// A file's header and first rows, as a user is shown them to say which column is which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The header names, trimmed and lower case.
    pub header: Vec<String>,
    /// The first rows.
    pub rows: Vec<Vec<String>>,
    /// The delimiter the file uses.
    pub delimiter: u8,
}

impl Preview {
    /// The first `n` rows of a UTF-8 text; a broken row ends them (the reader reports it, with its line).
    pub fn of(bytes: &[u8], file: &str, n: usize) -> Result<Preview, DataError> {
        let mut reader = Rows::open(bytes, file)?;
        let mut rows = Vec::new();
        while rows.len() < n {
            match reader.next_row() {
                Ok(Some((_, r))) => rows.push(r.iter().map(str::to_string).collect()),
                _ => break,
            }
        }
        Ok(Preview { header: reader.header, rows, delimiter: reader.delimiter })
    }

    /// The mapping the header and these rows suggest (`Mapping::propose`).
    pub fn proposal(&self) -> Mapping {
        let samples: Vec<Vec<&str>> = self.rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        Mapping::propose(&self.header, &samples, self.delimiter)
    }
}

/// The mapping a file's header and first rows suggest.
pub fn proposed_mapping(bytes: &[u8], file: &str) -> Result<Mapping, DataError> {
    Ok(Preview::of(bytes, file, SAMPLE_ROWS)?.proposal())
}

/// Reads a whole records file into a cube.
///
/// ```
/// use lta_core::{Cell, Key, Landsdeel, PerceelNames, cube_from_records};
/// let csv = "client,periode,landsdeel,perceel,verwijzer,volume_eur\n\
///            a,2023-H1,ZW,P1,huisarts,100.50\n\
///            a,2023-H2,ZW,P2,huisarts,200\n\
///            b,2023-H2,NN,P1,gemeente,50\n";
/// let names = PerceelNames::new(vec![("P1".into(), vec![]), ("P2".into(), vec![])]);
/// let cube = cube_from_records(csv.as_bytes(), "r.csv", &names).unwrap().value;
/// let year = cube.get(&Key::total("2023"));
/// assert_eq!((year.trajecten, year.jeugdigen, year.volume_eur), (Cell::Exact(3.0), Cell::Exact(2.0), Cell::Exact(351.0)));
/// assert_eq!(cube.get(&Key::total("2023-H2").landsdeel(Landsdeel::ZW)).jeugdigen, Cell::Exact(1.0));
/// ```
pub fn cube_from_records(bytes: &[u8], file: &str, percelen: &PerceelNames) -> Result<Parsed<Cube>, DataError> {
    read_records(bytes, file, percelen).map(|p| Parsed { value: p.value.cube, notices: p.notices })
}

/// Records ordered by client (a counting sort: clients are already numbered 0..n); a client's
/// records keep their order in the file.
fn by_client(records: &[Record], clients: usize) -> Vec<Record> {
    let mut start = vec![0usize; clients + 1];
    for r in records {
        start[r.client as usize + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut out = vec![Record::default(); records.len()];
    for r in records {
        let slot = &mut start[r.client as usize];
        out[*slot] = *r;
        *slot += 1;
    }
    out
}

/// Cents to whole euros, rounding half away from zero, as a cube cell holds them.
pub(crate) fn euros(cents: i64) -> i64 {
    if cents >= 0 { (cents + 50) / 100 } else { -((-cents + 50) / 100) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "client;periode;landsdeel;perceel;verwijzer;volume_eur;aanbieder\r\n";

    fn names() -> PerceelNames {
        PerceelNames::new(vec![("TKGGZ".into(), vec!["Topklinische GGz".into()]), ("UMC".into(), vec![])])
    }

    fn cube(body: &str) -> Result<Cube, DataError> {
        cube_from_records(format!("{HEADER}{body}").as_bytes(), "records.csv", &names()).map(|p| p.value)
    }

    #[test]
    fn labels_semicolons_decimal_commas_and_negative_corrections() {
        let c = cube("a;2023-H1;Zuid-Holland;Topklinische GGz;Medisch specialist;1000,25;X\r\na;2023-H1;ZW;TKGGZ;medisch-specialist;-200,25;X\r\n").unwrap();
        let m = c.get(&Key::total("2023-H1").landsdeel(Landsdeel::ZW).perceel("TKGGZ"));
        assert_eq!((m.trajecten, m.jeugdigen, m.volume_eur), (Cell::Exact(2.0), Cell::Exact(1.0), Cell::Exact(800.0)));
    }

    #[test]
    fn errors_name_line_column_and_value() {
        let e = cube("a;2023-H1;ZW;TKGGZ;huisarts;10;\r\nb;2023-H1;Atlantis;TKGGZ;huisarts;10;\r\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownCode);
        assert_eq!((e.position.file.as_str(), e.position.line), ("records.csv", Some(3)));
        assert_eq!((e.position.column.as_deref(), e.position.value.as_deref()), (Some("landsdeel"), Some("Atlantis")));
        // One way of writing amounts per column: a column with both is read by neither.
        let e = cube("a;2023-H1;ZW;TKGGZ;huisarts;1.234,50;\r\na;2023-H1;ZW;TKGGZ;huisarts;1,234.50;\r\n").unwrap_err();
        assert_eq!((e.kind, e.position.line), (ErrorKind::ThousandsSeparator, Some(2)));
        let e = cube("a;2023-H9;ZW;TKGGZ;huisarts;1;\r\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::BadPeriod);
    }

    #[test]
    fn the_cube_written_as_csv_reads_back_the_same() {
        let c = cube("a;2023-H1;ZW;TKGGZ;huisarts;10.5;\r\nb;2023-H2;NN;UMC;gi;7;\r\n").unwrap();
        let back = Cube::parse(c.to_csv().as_bytes(), "cube.csv", &names()).unwrap().value;
        assert_eq!(back.to_csv(), c.to_csv());
        assert_eq!(back.get(&Key::total("2023")).volume_eur, Cell::Exact(18.0));
        assert_eq!(back.len(), c.len());
    }

    #[test]
    fn rounding_is_per_cell_half_away_from_zero() {
        assert_eq!((euros(150), euros(149), euros(-150), euros(-149)), (2, 1, -2, -1));
    }

    /// A small pseudo-random file: the cube against counts made directly from the rows.
    #[test]
    fn cube_equals_direct_counts_and_distinct_never_exceeds_the_sum_of_cells() {
        let mut next = crate::test_rng(7);
        let mut rows = Vec::new();
        for _ in 0..3000 {
            let l = Landsdeel::ALL[next(8) as usize];
            let p = ["TKGGZ", "UMC"][next(2) as usize];
            let v = Verwijzer::ALL[next(8) as usize];
            rows.push((format!("c{}", next(900)), format!("2022-H{}", 1 + next(2)), l, p, v, next(100_000) as i64));
        }
        let body: String = rows
            .iter()
            .map(|(c, per, l, p, v, e)| format!("{c};{per};{};{p};{};{e};\r\n", l.code(), v.code()))
            .collect();
        let cube = cube(&body).unwrap();
        type Row<'a> = (String, String, Landsdeel, &'a str, Verwijzer, i64);
        let distinct = |f: &dyn Fn(&&Row) -> bool| {
            rows.iter().filter(f).map(|r| &r.0).collect::<std::collections::HashSet<_>>().len() as f64
        };
        for l in Landsdeel::ALL {
            let key = Key::total("2022").landsdeel(l);
            assert_eq!(cube.get(&key).jeugdigen, Cell::Exact(distinct(&|r| r.2 == l)));
            assert_eq!(cube.get(&key).trajecten, Cell::Exact(rows.iter().filter(|r| r.2 == l).count() as f64));
            let eur: i64 = rows.iter().filter(|r| r.2 == l).map(|r| r.5).sum();
            assert_eq!(cube.get(&key).volume_eur, Cell::Exact(eur as f64));
            // A marginal's distinct count is at most the sum of its cells' counts.
            let cells: f64 = ["TKGGZ", "UMC"].iter().map(|p| cube.get(&key.clone().perceel(p)).jeugdigen.number().unwrap()).sum();
            assert!(cube.get(&key).jeugdigen.number().unwrap() <= cells);
        }
        assert_eq!(cube.get(&Key::total("2022")).jeugdigen, Cell::Exact(distinct(&|_| true)));
        let h1 = cube.get(&Key::total("2022-H1")).jeugdigen.number().unwrap();
        let h2 = cube.get(&Key::total("2022-H2")).jeugdigen.number().unwrap();
        let year = cube.get(&Key::total("2022")).jeugdigen.number().unwrap();
        assert!(year <= h1 + h2 && year >= h1.max(h2));
        assert_eq!(cube.latest_period(), Some("2022"));
    }
}
