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

/// Texts numbered in order of appearance, each with a value worked out once: one hash a row,
/// then one comparison (after a tag of the hash). It numbers client ids (hundreds of thousands in
/// a million rows) and caches the codes of every other column (a handful, or a thousand dates).
/// Open addressing with linear probing, at most half full; measured against `HashMap<String, _>`
/// and a short list before it: those were two fifths of reading.
struct Texts<V> {
    keys: Vec<String>,
    values: Vec<V>,
    /// A text's number plus one (0: free) and the low 32 bits of its hash.
    slots: Vec<(u32, u32)>,
}

impl<V> Default for Texts<V> {
    fn default() -> Self {
        Texts { keys: Vec::new(), values: Vec::new(), slots: Vec::new() }
    }
}

impl<V: Copy> Texts<V> {
    /// The number and value of `raw`, numbering a new text next with the value `resolve(raw)`;
    /// None past u32 texts (never under MAX_ROWS).
    fn entry(&mut self, raw: &str, resolve: impl FnOnce(&str) -> V) -> Option<(u32, V)> {
        if self.keys.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mut h = FxHasher::default();
        h.write(raw.as_bytes());
        let hash = h.finish() as u32;
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            match self.slots[i] {
                (0, _) => break,
                (n, tag) if tag == hash && self.keys[n as usize - 1] == raw => return Some((n - 1, self.values[n as usize - 1])),
                _ => i = (i + 1) & mask,
            }
        }
        let n = u32::try_from(self.keys.len()).ok().filter(|&n| n < u32::MAX)?;
        let value = resolve(raw);
        self.slots[i] = (n + 1, hash);
        self.keys.push(raw.to_string());
        self.values.push(value);
        Some((n, value))
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1 << 6);
        let mut slots = vec![(0, 0); size];
        for &(n, hash) in self.slots.iter().filter(|s| s.0 != 0) {
            let mut i = hash as usize & (size - 1);
            while slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (n, hash);
        }
        self.slots = slots;
    }
}

/// Raw texts of one dimension resolved once each (trimmed), to an index or None.
type Cached = Texts<Option<usize>>;

impl Cached {
    fn get(&mut self, raw: &str, resolve: impl FnOnce(&str) -> Option<usize>) -> Option<usize> {
        self.entry(raw, |r| resolve(r.trim())).and_then(|(_, i)| i)
    }
}

/// The Fx hash of rustc with a final mix: much faster than the default SipHash on short client
/// ids. The ids come from the user's own file in their own browser, so hash flooding is moot.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

/// Hash maps keyed by small values the reader and the tables count by.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        // Spread the high bits down: the table picks buckets by the low ones.
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
}

/// Values of a dimension the file defines (periods, percelen), numbered in order of appearance.
#[derive(Default)]
struct Interner {
    values: Vec<String>,
    numbers: HashMap<String, usize, BuildHasherDefault<FxHasher>>,
    cache: Cached,
    /// How many of the values have been checked against their limit.
    checked: usize,
}

impl Interner {
    fn index(&mut self, raw: &str, resolve: impl FnOnce(&str) -> Option<String>) -> Option<usize> {
        let (values, numbers) = (&mut self.values, &mut self.numbers);
        self.cache.get(raw, |s| {
            let v = resolve(s)?;
            Some(*numbers.entry(v).or_insert_with_key(|v| {
                values.push(v.clone());
                values.len() - 1
            }))
        })
    }
}

fn position<T: PartialEq>(all: &[T], v: Option<T>) -> Option<usize> {
    all.iter().position(|x| Some(x) == v.as_ref())
}

/// The periods a records cube has for these period values: each value, and the year of each
/// half-year or quarter. This is what [`MAX_PERIODS`] limits.
fn cube_periods(values: &[String]) -> usize {
    let years = values.iter().map(|v| v.get(..4).unwrap_or(v));
    let mut all: Vec<&str> = values.iter().map(String::as_str).chain(years).collect();
    crate::model::order::sort_by(&mut all, &|a, b| a.cmp(b));
    all.dedup();
    all.len()
}

/// A period code: upper case, when the text is a period.
fn period_code(s: &str) -> Option<String> {
    valid_period(s).then(|| s.to_ascii_uppercase())
}

/// The period of a record: its period code, or the period its date falls in.
fn period_of(mapping: &Mapping, from_date: bool, s: &str) -> Option<String> {
    if from_date { mapping.periods.period(s) } else { period_code(s) }
}

/// Why a row was not read: an error, a dimension over its limit (the reader then counts on), or
/// a gemeente or jeugdregio the reference table does not know (the reader then lists them all).
enum Refusal {
    Error(DataError),
    TooMany { column: usize, limit: usize, value: String },
    UnknownRegion,
}

/// The area a region column's text stands for: the index of its gemeente, jeugdregio or
/// landsdeel, as the column's role says.
fn area_of(region: Role, s: &str) -> Option<usize> {
    match region {
        Role::Gemeente => regions().gemeente_index(s),
        Role::Jeugdregio => regions().jeugdregio_index(s),
        _ => position(&Landsdeel::ALL, Landsdeel::parse(s)),
    }
}

/// An area's landsdeel, jeugdregio and gemeente (indices; [`NO_REGION`] where finer than the column).
fn split_area(region: Role, area: usize) -> (usize, u16, u16) {
    let r = regions();
    let landsdeel_of = |j: usize| position(&Landsdeel::ALL, Some(r.jeugdregios[j].landsdeel)).unwrap_or(0);
    match region {
        Role::Gemeente => {
            let j = r.gemeenten[area].jeugdregio;
            (landsdeel_of(j), j as u16, area as u16)
        }
        Role::Jeugdregio => (landsdeel_of(area), area as u16, NO_REGION),
        _ => (area, NO_REGION, NO_REGION),
    }
}

impl From<DataError> for Refusal {
    fn from(e: DataError) -> Self {
        Refusal::Error(e)
    }
}

/// A dimension index in the width a record stores, or the limit error when over `limit`.
fn narrow<T: TryFrom<usize>>(i: usize, limit: usize, column: usize, raw: &str) -> Result<T, Refusal> {
    let over = || Refusal::TooMany { column, limit, value: raw.to_string() };
    if i >= limit {
        return Err(over());
    }
    T::try_from(i).map_err(|_| over())
}

/// One row of a records file, with where it is.
struct Row<'r> {
    file: &'r str,
    line: u64,
    row: &'r csv::StringRecord,
    header: &'r [String],
    cols: &'r [usize; 6],
    delimiter: u8,
}

impl Row<'_> {
    fn field(&self, i: usize) -> &str {
        &self.row[self.cols[i]]
    }

    fn error(&self, kind: ErrorKind, i: usize) -> DataError {
        self.error_in(kind, self.cols[i])
    }

    /// An error in the file's column `col`, named as the file names it.
    fn error_in(&self, kind: ErrorKind, col: usize) -> DataError {
        DataError::new(kind, self.file).at_line(self.line).in_cell(&self.header[col], &self.row[col])
    }
}

/// The reader's dictionaries, borrowed apart from its row reader.
struct Dims<'d> {
    clients: &'d mut Texts<()>,
    periods: &'d mut Interner,
    perceel_codes: &'d mut Interner,
    areas: &'d mut Cached,
    landsdelen: &'d mut Cached,
    verwijzers: &'d mut Cached,
    dates: &'d mut Cached,
    providers: &'d mut Interner,
    percelen: &'d PerceelNames,
    mapping: &'d Mapping,
    sources: &'d Sources,
}

impl Dims<'_> {
    /// One row as a record, or the first problem in it (in column order).
    fn record(&mut self, at: &Row) -> Result<Record, Refusal> {
        let client_raw = at.field(0).trim();
        if client_raw.is_empty() {
            return Err(at.error(ErrorKind::MissingValue, 0).into());
        }
        let too_many_rows = || DataError::new(ErrorKind::TooManyRows { limit: MAX_ROWS }, at.file).at_line(at.line);
        let client = self.clients.entry(client_raw, |_| ()).ok_or_else(too_many_rows)?.0;
        let (mapping, from_date) = (self.mapping, self.sources.period.1);
        let period = self
            .periods
            .index(at.field(1), |s| period_of(mapping, from_date, s))
            .ok_or_else(|| at.error(if from_date { ErrorKind::BadDate } else { ErrorKind::BadPeriod }, 1))?;
        if self.periods.values.len() > self.periods.checked {
            // A new period: checked once, with the year it brings.
            if cube_periods(&self.periods.values) > MAX_PERIODS {
                return Err(Refusal::TooMany { column: 1, limit: MAX_PERIODS, value: at.field(1).to_string() });
            }
            self.periods.checked = self.periods.values.len();
        }
        let region = self.sources.region.1;
        let Some(area) = self.areas.get(at.field(2), |s| area_of(region, s)) else {
            return Err(if region == Role::Landsdeel { at.error(ErrorKind::UnknownCode, 2).into() } else { Refusal::UnknownRegion });
        };
        let (landsdeel, jeugdregio, gemeente) = split_area(region, area);
        if let Some(col) = self.sources.landsdeel {
            // A landsdeel column beside a gemeente or jeugdregio must agree with it.
            let stated = self.landsdelen.get(&at.row[col], |s| position(&Landsdeel::ALL, Landsdeel::parse(s)));
            if stated != Some(landsdeel) {
                return Err(at.error_in(ErrorKind::OtherLandsdeel, col).into());
            }
        }
        let (percelen, mapping, from_product) = (self.percelen, self.mapping, self.sources.perceel.1);
        let perceel = self
            .perceel_codes
            .index(at.field(3), |s| percelen.resolve(mapping.product(s).filter(|_| from_product).unwrap_or(s)))
            .ok_or_else(|| at.error(ErrorKind::UnknownCode, 3))?;
        let verwijzer =
            self.verwijzers.get(at.field(4), |s| position(&Verwijzer::ALL, referrer(s))).ok_or_else(|| at.error(ErrorKind::UnknownCode, 4))?;
        let mut euros = self.mapping.amounts.euros(at.field(5), at.delimiter).map_err(|kind| at.error(kind, 5))?;
        if let Some(dc) = self.sources.debit_credit {
            euros *= debit_credit_sign(&at.row[dc]).ok_or_else(|| at.error_in(ErrorKind::UnknownCode, dc))?;
        }
        if euros.is_nan() || euros.abs() > MAX_EUROS as f64 {
            return Err(at.error(ErrorKind::OutOfRange { limit: MAX_EUROS }, 5).into());
        }
        let (begin, end) = self.dates(at)?;
        let provider = match self.sources.provider {
            Some(col) if !at.row[col].trim().is_empty() => {
                let i = self.providers.index(&at.row[col], |s| Some(s.to_string())).unwrap_or(0);
                u32::try_from(i).map_err(|_| Refusal::TooMany { column: col, limit: u32::MAX as usize, value: at.row[col].to_string() })?
            }
            _ => NO_PROVIDER,
        };
        Ok(Record {
            client,
            period: narrow(period, MAX_PERIODS, 1, at.field(1))?,
            landsdeel: narrow(landsdeel, Landsdeel::ALL.len(), 2, at.field(2))?,
            perceel: narrow(perceel, MAX_PERCELEN, 3, at.field(3))?,
            verwijzer: narrow(verwijzer, Verwijzer::ALL.len(), 4, at.field(4))?,
            jeugdregio,
            gemeente,
            // Exact and in range: |euros| ≤ MAX_EUROS, so the cents fit an i64 (limits.rs).
            cents: (euros * 100.0).round() as i64,
            begin,
            end,
            provider,
        })
    }

    /// The row's begin and end date, where the file has them: a begin date must be a date, an
    /// end date a date on or after it, or empty (the trajectory still runs).
    fn dates(&mut self, at: &Row) -> Result<(i32, i32), Refusal> {
        let mut day = |col: usize| -> Result<i32, Refusal> {
            let raw = &at.row[col];
            if raw.trim().is_empty() {
                return Ok(NO_DATE);
            }
            let day = self.dates.get(raw, |s| crate::read::import::day_number(s).map(|d| d as usize));
            day.map(|d| d as i32).ok_or_else(|| at.error_in(ErrorKind::BadDate, col).into())
        };
        let begin = match self.sources.begin {
            Some(col) => match day(col)? {
                NO_DATE => return Err(at.error_in(ErrorKind::MissingValue, col).into()),
                d => d,
            },
            None => NO_DATE,
        };
        let end = match self.sources.end {
            Some(col) => day(col)?,
            None => NO_DATE,
        };
        if let (Some(col), true) = (self.sources.end, end != NO_DATE && begin != NO_DATE && end < begin) {
            return Err(at.error_in(ErrorKind::EndBeforeBegin, col).into());
        }
        Ok((begin, end))
    }

}

/// Reads a records file step by step.
pub struct RecordsReader<'a> {
    rows: Rows<'a>,
    file: String,
    mapping: Mapping,
    sources: Sources,
    /// The header, as the reader names columns in errors (the row reader holds its own).
    header: Vec<String>,
    cols: [usize; 6],
    /// Region values the reference table does not know, with their rows and first line.
    unknown_regions: Vec<(String, usize, u64)>,
    percelen: &'a PerceelNames,
    notices: Vec<Notice>,
    clients: Texts<()>,
    periods: Interner,
    perceel_codes: Interner,
    areas: Cached,
    landsdelen: Cached,
    verwijzers: Cached,
    dates: Cached,
    providers: Interner,
    records: Vec<Record>,
}

impl<'a> RecordsReader<'a> {
    /// Checks the file's encoding and header, reading it by the mapping its header suggests.
    pub fn open(bytes: &'a [u8], file: &str, percelen: &'a PerceelNames) -> Result<Self, DataError> {
        Self::open_mapped(bytes, file, percelen, &proposed_mapping(bytes, file)?)
    }

    /// Checks the file's encoding and header, reading it by `mapping`. The text must be UTF-8
    /// (`import::decode` makes it so).
    pub fn open_mapped(bytes: &'a [u8], file: &str, percelen: &'a PerceelNames, mapping: &Mapping) -> Result<Self, DataError> {
        let rows = Rows::open(bytes, file)?;
        let sources = mapping.sources(&rows.header, file)?;
        let known: Vec<&str> = rows.header.iter().filter(|h| mapping.role_of(h).is_some()).map(String::as_str).collect();
        let notices = ignored_columns(&rows.header, &known, file);
        let header = rows.header.clone();
        Ok(RecordsReader {
            rows,
            file: file.to_string(),
            mapping: mapping.clone(),
            header,
            cols: sources.columns(),
            sources,
            unknown_regions: Vec::new(),
            percelen,
            notices,
            clients: Texts::default(),
            periods: Interner::default(),
            perceel_codes: Interner::default(),
            areas: Cached::default(),
            landsdelen: Cached::default(),
            verwijzers: Cached::default(),
            dates: Cached::default(),
            providers: Interner::default(),
            records: Vec::new(),
        })
    }

    /// Reads up to `max_rows` rows; `Ok(true)` when the file is done. A file without data rows,
    /// more rows than [`MAX_ROWS`], or more distinct periods or percelen than the limits allow
    /// is an error.
    pub fn step(&mut self, max_rows: usize) -> Result<bool, DataError> {
        let delimiter = self.rows.delimiter;
        for _ in 0..max_rows {
            let Some((line, row)) = self.rows.next_row()? else {
                if !self.unknown_regions.is_empty() {
                    return Err(self.unknown_regions_error());
                }
                return if self.records.is_empty() { Err(DataError::new(ErrorKind::NoDataRows, &self.file)) } else { Ok(true) };
            };
            if self.records.len() >= MAX_ROWS {
                return Err(DataError::new(ErrorKind::TooManyRows { limit: MAX_ROWS }, &self.file).at_line(line));
            }
            let mut dims = Dims {
                clients: &mut self.clients,
                periods: &mut self.periods,
                perceel_codes: &mut self.perceel_codes,
                areas: &mut self.areas,
                landsdelen: &mut self.landsdelen,
                verwijzers: &mut self.verwijzers,
                dates: &mut self.dates,
                providers: &mut self.providers,
                percelen: self.percelen,
                mapping: &self.mapping,
                sources: &self.sources,
            };
            let at = Row { file: &self.file, line, row, header: &self.header, cols: &self.cols, delimiter };
            match dims.record(&at) {
                Ok(record) => self.records.push(record),
                Err(Refusal::Error(e)) => return Err(e),
                Err(Refusal::TooMany { column, limit, value }) => return Err(self.too_many(column, limit, line, &value)),
                Err(Refusal::UnknownRegion) => {
                    let value = row[self.cols[2]].trim().to_string();
                    match self.unknown_regions.iter_mut().find(|(v, _, _)| *v == value) {
                        Some((_, rows, _)) => *rows += 1,
                        None => self.unknown_regions.push((value, 1, line)),
                    }
                }
            }
        }
        Ok(false)
    }

    /// The error listing every gemeente or jeugdregio the reference table does not know: how many
    /// rows, which values (the first few), at the first such row.
    fn unknown_regions_error(&self) -> DataError {
        let rows = self.unknown_regions.iter().map(|u| u.1).sum();
        let shown: Vec<&str> = self.unknown_regions.iter().take(10).map(|u| u.0.as_str()).collect();
        let more = if self.unknown_regions.len() > shown.len() { ", …" } else { "" };
        let kind = ErrorKind::UnknownRegions { rows, values: self.unknown_regions.len() };
        DataError::new(kind, &self.file).at_line(self.unknown_regions[0].2).in_cell(&self.header[self.cols[2]], &format!("{}{more}", shown.join(", ")))
    }

    /// The error for a column over its limit. The reader counts on through the rest of the file
    /// (linear, one hash per row), so the message can say how many values the file has.
    fn too_many(&mut self, column: usize, limit: usize, line: u64, value: &str) -> DataError {
        let (col, percelen, mapping, from_date) = (self.cols[column], self.percelen, &self.mapping, self.sources.period.1);
        // A broken row further on ends the count: the limit is the error to report.
        while let Ok(Some((_, row))) = self.rows.next_row() {
            if column == 1 {
                self.periods.index(&row[col], |s| period_of(mapping, from_date, s));
            } else {
                self.perceel_codes.index(&row[col], |s| percelen.resolve(s));
            }
        }
        let count = if column == 1 { cube_periods(&self.periods.values) } else { self.perceel_codes.values.len() };
        DataError::new(ErrorKind::TooManyValues { limit, count }, &self.file)
            .at_line(line)
            .in_cell(&self.header[col], value)
    }

    /// How far through the file the reader is, 0..=1.
    pub fn progress(&self) -> f64 {
        self.rows.progress()
    }

    /// The cube of everything read, with the records the disclosure method needs beyond it.
    pub fn finish(self) -> Parsed<RecordsCube> {
        let clients = self.clients.keys;
        let list = by_client(&self.records, clients.len());
        let levels = match self.sources.region.1 {
            Role::Gemeente => vec![Level::Jeugdregio, Level::Gemeente],
            Role::Jeugdregio => vec![Level::Jeugdregio],
            _ => Vec::new(),
        };
        let records = Records { list, clients, periods: self.periods.values, percelen: self.perceel_codes.values, providers: self.providers.values, levels };
        Parsed { value: RecordsCube { cube: records.exact_cube(), records }, notices: self.notices }
    }
}

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
pub fn read(bytes: &[u8], file: &str, percelen: &PerceelNames) -> Result<Parsed<RecordsCube>, DataError> {
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
    read(bytes, file, percelen).map(|p| Parsed { value: p.value.cube, notices: p.notices })
}

/// The dense cell layout of a records cube: period × area × (percelen + TOTAAL) × (8 referrers +
/// TOTAAL), where the periods are the file's and the year of each half-year or quarter, and the
/// areas the 8 landsdelen, TOTAAL and, where the file has them, the 42 jeugdregio's; after those,
/// where the file has gemeenten, each gemeente's totals per period (342 gemeenten crossed with
/// percelen and referrers would be most of the cells and time, nearly each a handful of youth).
/// Cells of jeugdregio's and gemeenten are counted densely (linear, bounded) and kept only where
/// records are.
pub(crate) struct Layout {
    periods: Vec<String>,
    year_of: Vec<Option<usize>>,
    areas: usize,
    percelen: usize,
    verwijzers: usize,
    /// Where the jeugdregio's begin on the area axis, when the file has them.
    jeugdregio_at: Option<usize>,
    /// How many gemeenten have totals (0 or all of the reference table's).
    gemeenten: usize,
}

/// One cell of the layout: its index and the indices of its period, area, perceel and referrer.
/// A gemeente's area follows the dense ones (`areas + gemeente`).
#[derive(Clone, Copy)]
pub(crate) struct Place {
    pub(crate) index: usize,
    period: usize,
    area: usize,
    perceel: usize,
    verwijzer: usize,
}

/// Where a cell's figures go: the landsdeel cube, or a region's cells.
pub(crate) enum Address {
    Cube(Key),
    Region(Regio, Key),
}

impl Address {
    /// Sets the cell in `cube`.
    pub(crate) fn insert(self, cube: &mut Cube, m: Measures) {
        match self {
            Address::Cube(key) => cube.insert(key, m),
            Address::Region(r, key) => cube.insert_region(r, key, m),
        }
    }
}

/// The landsdelen and TOTAAL on the area axis.
const LANDSDEEL_AREAS: usize = Landsdeel::ALL.len() + 1;

impl Layout {
    fn index(&self, period: usize, area: usize, p: usize, v: usize) -> usize {
        ((period * self.areas + area) * self.percelen + p) * self.verwijzers + v
    }

    /// The cells before the gemeenten' totals.
    fn dense(&self) -> usize {
        self.periods.len() * self.areas * self.percelen * self.verwijzers
    }

    fn gemeente_index(&self, period: usize, g: usize) -> usize {
        self.dense() + period * self.gemeenten + g
    }

    /// How many groups: a cell's group is the cell without its period (the cell-key method's
    /// noise has a salt per group).
    pub(crate) fn groups(&self) -> usize {
        self.per_period() + self.gemeenten
    }

    /// The group of the cell at index `i`.
    pub(crate) fn group_of(&self, i: usize) -> usize {
        let dense = self.dense();
        if i < dense { i % self.per_period() } else { self.per_period() + (i - dense) % self.gemeenten }
    }

    /// The dense cells of one period.
    fn per_period(&self) -> usize {
        self.areas * self.percelen * self.verwijzers
    }

    /// How many cells.
    pub(crate) fn len(&self) -> usize {
        self.dense() + self.periods.len() * self.gemeenten
    }

    /// The cells a record counts in: its own and every marginal above it (up to 16), the same for
    /// its jeugdregio where the file has them (up to 32), and its gemeente's totals (up to 34).
    /// Filled into an array by plain loops: nested iterator adapters were a sixth of reading.
    pub(crate) fn cells_of(&self, r: &Record) -> impl Iterator<Item = usize> {
        let (pt, vt) = (self.percelen - 1, self.verwijzers - 1);
        let (p, v) = (r.perceel as usize, r.verwijzer as usize);
        let jeugdregio = self.jeugdregio_at.filter(|_| r.jeugdregio != NO_REGION).map(|at| at + r.jeugdregio as usize);
        let gemeente = (self.gemeenten > 0 && r.gemeente != NO_REGION).then_some(r.gemeente as usize);
        let areas = [Some(r.landsdeel as usize), Some(LANDSDEEL_AREAS - 1), jeugdregio];
        let (mut cells, mut n) = ([0usize; 34], 0);
        for period in [Some(r.period as usize), self.year_of[r.period as usize]].into_iter().flatten() {
            for a in areas.into_iter().flatten() {
                for (p, v) in [(p, v), (p, vt), (pt, v), (pt, vt)] {
                    cells[n] = self.index(period, a, p, v);
                    n += 1;
                }
            }
            if let Some(g) = gemeente {
                cells[n] = self.gemeente_index(period, g);
                n += 1;
            }
        }
        cells.into_iter().take(n)
    }

    /// Every cell, in layout order.
    pub(crate) fn places(&self) -> impl Iterator<Item = Place> + '_ {
        let dense = (0..self.periods.len()).flat_map(move |period| {
            (0..self.areas).flat_map(move |area| {
                (0..self.percelen).flat_map(move |perceel| {
                    (0..self.verwijzers).map(move |verwijzer| Place { index: self.index(period, area, perceel, verwijzer), period, area, perceel, verwijzer })
                })
            })
        });
        let (pt, vt) = (self.percelen - 1, self.verwijzers - 1);
        let gemeenten = (0..self.periods.len()).flat_map(move |period| {
            (0..self.gemeenten).map(move |g| Place { index: self.gemeente_index(period, g), period, area: self.areas + g, perceel: pt, verwijzer: vt })
        });
        dense.chain(gemeenten)
    }

    /// Where a cell goes, with its key.
    pub(crate) fn address(&self, at: Place, percelen: &[String]) -> Address {
        let key = |landsdeel| Key {
            periode: Some(self.periods[at.period].clone()),
            landsdeel,
            perceel: percelen.get(at.perceel).cloned(),
            verwijzer: Verwijzer::ALL.get(at.verwijzer).copied(),
        };
        match self.jeugdregio_at {
            _ if at.area >= self.areas => Address::Region(Regio::Gemeente((at.area - self.areas) as u16), key(None)),
            Some(j) if at.area >= j => Address::Region(Regio::Jeugdregio((at.area - j) as u8), key(None)),
            _ => Address::Cube(key(Landsdeel::ALL.get(at.area).copied())),
        }
    }

    /// Whether a cell is of a jeugdregio or a gemeente.
    pub(crate) fn is_region(&self, at: Place) -> bool {
        at.area >= LANDSDEEL_AREAS
    }
}

impl Records {
    pub(crate) fn layout(&self) -> Layout {
        // Sub-year periods also count towards their year, which becomes a period of its own.
        let mut periods = self.periods.clone();
        for p in &self.periods {
            if p.len() > 4 && !periods.iter().any(|q| q == &p[..4]) {
                periods.push(p[..4].to_string());
            }
        }
        let year_of = self.periods.iter().map(|p| (p.len() > 4).then(|| periods.iter().position(|q| q == &p[..4]).unwrap_or(0))).collect();
        let jeugdregio_at = self.levels.contains(&Level::Jeugdregio).then_some(LANDSDEEL_AREAS);
        let areas = LANDSDEEL_AREAS + if jeugdregio_at.is_some() { regions().jeugdregios.len() } else { 0 };
        let gemeenten = if self.levels.contains(&Level::Gemeente) { regions().gemeenten.len() } else { 0 };
        Layout { periods, year_of, areas, percelen: self.percelen.len() + 1, verwijzers: Verwijzer::ALL.len() + 1, jeugdregio_at, gemeenten }
    }

    /// The records of each client in turn (they are ordered by client).
    pub(crate) fn by_client(&self) -> impl Iterator<Item = &[Record]> {
        self.list.chunk_by(|a, b| a.client == b.client)
    }

    /// Every marginal, exact: a cell counts a client when it has not seen that client last.
    fn exact_cube(&self) -> Cube {
        let layout = self.layout();
        let cells = layout.len();
        let (mut trajecten, mut youth, mut cents) = (vec![0u64; cells], vec![0u64; cells], vec![0i64; cells]);
        let mut last_client = vec![u32::MAX; cells];
        for r in &self.list {
            for i in layout.cells_of(r) {
                trajecten[i] += 1;
                cents[i] += r.cents;
                if last_client[i] != r.client {
                    last_client[i] = r.client;
                    youth[i] += 1;
                }
            }
        }
        let mut cube = Cube::default();
        for at in layout.places() {
            let i = at.index;
            // A region's cell without records is 0 without being kept.
            if layout.is_region(at) && trajecten[i] == 0 {
                continue;
            }
            let n = |x: u64| Cell::Exact(x as f64);
            let m = Measures { trajecten: n(trajecten[i]), jeugdigen: n(youth[i]), volume_eur: Cell::Exact(euros(cents[i]) as f64) };
            layout.address(at, &self.percelen).insert(&mut cube, m);
        }
        cube
    }
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
