//! Aanbieders: per period, area (the nation, a landsdeel, a jeugdregio), perceel and provider, the
//! youth, trajectories and euros of records that name their provider (`aanbieder`). Counted
//! from the records through the cell-key method's one accumulator, with the same record keys as
//! the cube's, so asking for a cell by another route gains nothing. Under the method, providers
//! shown without youth are one row, "overige aanbieders" ([`OTHER_PROVIDERS`]), a cell of its
//! own: a provider's row never tells that it saw a youth or two (docs/disclosure.md).

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::read::csv_text::{quote, read_fixed, valid_period, FirstLines};
use crate::model::cube::PerceelNames;
use crate::protect::disclosure::tally::Tally;
use crate::protect::disclosure::{members, PTable, SecretKey};
use crate::model::error::{DataError, ErrorKind};
use crate::model::flow::Area;
use crate::model::key::{dimension, TOTAAL};
use crate::model::measure::{Cell, Measures};
use crate::model::notice::Parsed;
use crate::read::records::{FxBuild, Record, RecordsCube, NO_PROVIDER, NO_REGION};
use crate::model::regio::Regio;
use crate::model::code::Landsdeel;

/// The columns of a provider file (`aanbieders.csv`).
pub const PROVIDER_COLUMNS: [&str; 7] = ["periode", "gebied", "perceel", "aanbieder", "trajecten", "jeugdigen", "volume_eur"];

/// The row of the providers shown without youth under the cell-key method, together.
pub const OTHER_PROVIDERS: &str = "overige aanbieders";

/// Where a provider's cell is: period, area, perceel (`None`: every perceel) and provider.
pub type ProviderKey = (String, Area, Option<String>, String);

/// Every provider's cells the data has (only where it has records).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Providers {
    cells: BTreeMap<ProviderKey, Measures>,
}

impl Providers {
    /// The providers with figures in a period, area and perceel, each with its measures, in
    /// code order.
    pub fn of(&self, periode: &str, area: Area, perceel: Option<&str>) -> Vec<(&str, Measures)> {
        self.cells
            .iter()
            .filter(|((p, a, q, _), _)| p == periode && *a == area && q.as_deref() == perceel)
            .map(|((_, _, _, name), m)| (name.as_str(), *m))
            .collect()
    }

    /// The cells as a provider file.
    pub fn to_csv(&self) -> String {
        let mut out = PROVIDER_COLUMNS.join(",") + "\n";
        for ((periode, area, perceel, provider), m) in &self.cells {
            let perceel = perceel.as_deref().unwrap_or(TOTAAL);
            let provider = quote(provider, ',');
            out += &format!("{periode},{},{perceel},{provider},{},{},{}\n", area.code(), m.trajecten.to_csv(), m.jeugdigen.to_csv(), m.volume_eur.to_csv());
        }
        out
    }

    /// Reads a provider file (docs/data-format.md).
    pub fn parse(bytes: &[u8], file: &str, percelen: &PerceelNames) -> Result<Parsed<Providers>, DataError> {
        let mut out = Providers::default();
        let mut first_lines = FirstLines::new();
        let notices = read_fixed(bytes, file, &PROVIDER_COLUMNS, |row| {
            let (field, err) = (|i| row.field(i), |kind, i| row.error(kind, i));
            let periode = field(0).trim().to_ascii_uppercase();
            if !valid_period(&periode) {
                return Err(err(ErrorKind::BadPeriod, 0));
            }
            let area = Area::parse(field(1)).ok_or_else(|| err(ErrorKind::UnknownCode, 1))?;
            let perceel = dimension(field(2), |s| percelen.resolve(s)).ok_or_else(|| err(ErrorKind::UnknownCode, 2))?;
            let provider = field(3).trim().to_string();
            if provider.is_empty() {
                return Err(err(ErrorKind::MissingValue, 3));
            }
            let measures = row.measures(4)?;
            let key = (periode, area, perceel, provider);
            if let Some(first_line) = first_lines.earlier(key.clone(), row.line) {
                return Err(err(ErrorKind::DuplicateRow { first_line }, 3));
            }
            out.cells.insert(key, measures);
            Ok(())
        })?;
        Ok(Parsed { value: out, notices })
    }
}

/// A cell's place while counting: period, area, perceel (`u16::MAX`: every perceel), provider.
type Place = (u16, Area, u16, u32);

/// The provider cells of records that name their provider (None when none does), exact or
/// (with a key) under the cell-key method.
pub fn from_records(built: &RecordsCube, secret: Option<&SecretKey>) -> Option<Providers> {
    let records = &built.records;
    if records.providers.is_empty() {
        return None;
    }
    // A half-year or quarter also counts in its year, as in the cube.
    let mut periods = records.periods.clone();
    for p in &records.periods {
        if p.len() > 4 && !periods.iter().any(|q| *q == p[..4]) {
            periods.push(p[..4].to_string());
        }
    }
    let year_of: Vec<Option<u16>> = records.periods.iter().map(|p| (p.len() > 4).then(|| periods.iter().position(|q| *q == p[..4]).unwrap_or(0) as u16)).collect();
    let places_of = |r: &Record| {
        let region = (r.jeugdregio != NO_REGION).then(|| Area::Region(Regio::Jeugdregio(r.jeugdregio as u8)));
        let areas = [Some(Area::Nation), Some(Area::Landsdeel(Landsdeel::ALL[r.landsdeel as usize])), region];
        let (provider, perceel) = (r.provider, r.perceel);
        [Some(r.period), year_of[r.period as usize]].into_iter().flatten().flat_map(move |period| {
            // A jeugdregio's providers per perceel would be mostly a handful of youth each: its
            // totals only (docs/data-format.md).
            areas.into_iter().flatten().flat_map(move |area| {
                let percelen = if matches!(area, Area::Region(_)) { 1 } else { 2 };
                [u16::MAX, perceel].into_iter().take(percelen).map(move |perceel| (period, area, perceel, provider))
            })
        })
    };
    let table = secret.map(|_| PTable::new());
    let name = |(period, area, perceel, _): Place, provider: &str| {
        let perceel = (perceel != u16::MAX).then(|| records.percelen[perceel as usize].clone());
        (periods[period as usize].clone(), area, perceel, provider.to_string())
    };
    let mut out = Providers::default();
    let mut small: HashSet<Place, FxBuild> = HashSet::default();
    let (index, mut tally) = count(built, secret, places_of);
    for (place, (i, _)) in index {
        let m = tally.shown(i, table.as_ref());
        if table.is_some() && m.jeugdigen == Cell::Exact(0.0) {
            small.insert(place);
            continue;
        }
        out.cells.insert(name(place, &records.providers[place.3 as usize]), m);
    }
    if !small.is_empty() {
        // The providers shown without youth, together: one cell per period, area and perceel.
        let others = |r: &Record| places_of(r).filter(|p| small.contains(p)).map(|p| (p.0, p.1, p.2, NO_PROVIDER));
        let (index, mut tally) = count(built, secret, others);
        for (place, (i, _)) in index {
            let m = tally.shown(i, table.as_ref());
            if m.jeugdigen != Cell::Exact(0.0) {
                out.cells.insert(name(place, OTHER_PROVIDERS), m);
            }
        }
    }
    Some(out)
}

/// Counts every record that names its provider in the places `places_of` gives it, by client (a
/// cell counts a youth once, and sees its euros whole): each place with its cell and group
/// (a group is a place without its period), and the tally.
fn count<I: Iterator<Item = Place>>(built: &RecordsCube, secret: Option<&SecretKey>, places_of: impl Fn(&Record) -> I) -> (HashMap<Place, (usize, usize), FxBuild>, Tally) {
    let records = &built.records;
    let mut index: HashMap<Place, (usize, usize), FxBuild> = HashMap::default();
    let mut groups: HashMap<(Area, u16, u32), usize, FxBuild> = HashMap::default();
    let mut tally = Tally::new(0, 0);
    for client in records.by_client() {
        for (r, m) in client.iter().zip(members(client, records, secret)).filter(|(r, _)| r.provider != NO_PROVIDER) {
            for place in places_of(r) {
                let n = index.len();
                let (cell, group) = *index.entry(place).or_insert_with(|| {
                    let g = groups.len();
                    (n, *groups.entry((place.1, place.2, place.3)).or_insert(g))
                });
                tally.add(cell, group, &m);
            }
        }
    }
    (index, tally)
}
