//! Aanbieders: per period, area (the nation, a landsdeel, a jeugdregio), perceel and provider, the
//! youth, trajectories and euros of records that name their provider (`aanbieder`). Counted
//! from the records like the cube and protected by the same cell-key method: a provider's cell
//! gets the noise of its own set of youth and trajectories, with the same record keys as the
//! cube's, so asking for it by another route gains nothing (docs/disclosure.md).

use std::collections::{BTreeMap, HashMap};

use crate::read::csv_text::{quote, read_fixed, valid_period, FirstLines};
use crate::model::cube::PerceelNames;
use crate::protect::disclosure::magnitude::Contributions;
use crate::protect::disclosure::{PTable, SecretKey};
use crate::model::error::{DataError, ErrorKind};
use crate::model::flow::Area;
use crate::model::key::{dimension, TOTAAL};
use crate::model::measure::{Cell, Measures};
use crate::model::notice::Parsed;
use crate::read::records::{RecordsCube, NO_PROVIDER, NO_REGION};
use crate::model::regio::Regio;
use crate::model::code::Landsdeel;

/// The columns of a provider file (`aanbieders.csv`).
pub const PROVIDER_COLUMNS: [&str; 7] = ["periode", "gebied", "perceel", "aanbieder", "trajecten", "jeugdigen", "volume_eur"];

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
    let places_of = |r: crate::read::records::Record| {
        let region = (r.jeugdregio != NO_REGION).then(|| Area::Region(Regio::Jeugdregio(r.jeugdregio as u8)));
        let areas = [Some(Area::Nation), Some(Area::Landsdeel(Landsdeel::ALL[r.landsdeel as usize])), region];
        let provider = r.provider;
        [Some(r.period), year_of[r.period as usize]].into_iter().flatten().flat_map(move |period| {
            // A jeugdregio's providers per perceel would be mostly a handful of youth each: its
            // totals only (docs/data-format.md).
            areas.into_iter().flatten().flat_map(move |area| {
                let percelen = if matches!(area, Area::Region(_)) { vec![u16::MAX] } else { vec![r.perceel, u16::MAX] };
                percelen.into_iter().map(move |perceel| (period, area, perceel, provider))
            })
        })
    };
    let mut index: HashMap<Place, usize> = HashMap::new();
    for r in records.list.iter().filter(|r| r.provider != NO_PROVIDER) {
        for place in places_of(*r) {
            let n = index.len();
            index.entry(place).or_insert(n);
        }
    }
    // Counted by client, as the cube is: a cell counts a youth once, and sees its euros whole.
    let n = index.len();
    let (mut trajecten, mut youth, mut cents) = (vec![0u64; n], vec![0u64; n], vec![0i64; n]);
    let mut keys = vec![(0u64, 0u64, [0u64; 2]); n];
    let mut contributions = Contributions::new(n);
    for client in records.by_client() {
        let id = records.clients[client[0].client as usize].as_bytes();
        let record_keys = secret.map(|s| {
            let t = crate::protect::disclosure::trajectory_keys(client, records, s, id);
            (t, s.record_key(b'j', &[id]), [s.record_key(b'e', &[id]), s.record_key(b'f', &[id])])
        });
        for (k, r) in client.iter().enumerate().filter(|(_, r)| r.provider != NO_PROVIDER) {
            for place in places_of(*r) {
                let i = index[&place];
                trajecten[i] += 1;
                cents[i] += r.cents;
                let new = contributions.add(i, r.client, r.cents);
                youth[i] += u64::from(new);
                if let Some((t, j, e)) = &record_keys {
                    let c = &mut keys[i];
                    c.0 = c.0.wrapping_add(t[k]);
                    if new {
                        c.1 = c.1.wrapping_add(*j);
                        c.2 = [c.2[0].wrapping_add(e[0]), c.2[1].wrapping_add(e[1])];
                    }
                }
            }
        }
    }
    let table = secret.map(|_| PTable::new());
    let mut out = Providers::default();
    for ((period, area, perceel, provider), i) in index {
        let count = |x: u64, key: u64| Cell::Exact((x as i64 + table.as_ref().map_or(0, |t| t.noise(x, key))) as f64);
        let euros = match &table {
            Some(t) => contributions.perturbed(i, t, keys[i].2),
            None => crate::read::records::euros(cents[i]) as f64,
        };
        let perceel = (perceel != u16::MAX).then(|| records.percelen[perceel as usize].clone());
        let key = (periods[period as usize].clone(), area, perceel, records.providers[provider as usize].clone());
        out.cells.insert(key, Measures { trajecten: count(trajecten[i], keys[i].0), jeugdigen: count(youth[i], keys[i].1), volume_eur: Cell::Exact(euros) });
    }
    Some(out)
}
