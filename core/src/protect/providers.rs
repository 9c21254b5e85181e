//! Aanbieders counted from records (`model/providers.rs` has the figures): per period, area,
//! perceel and provider, through the cell-key method's one accumulator, with the same record keys
//! as the cube's, so asking for a cell by another route gains nothing; under the method the
//! providers shown without youth together as one row.

use std::collections::{HashMap, HashSet};

use crate::model::code::Landsdeel;
use crate::model::flow::Area;
use crate::model::measure::Cell;
use crate::model::providers::{Providers, OTHER_PROVIDERS};
use crate::model::regio::Regio;
use crate::protect::disclosure::tally::Tally;
use crate::protect::disclosure::{members, PTable, SecretKey};
use crate::read::records::{FxBuild, Record, RecordsCube, NO_PROVIDER, NO_REGION};

/// A cell's place while counting: period, area, perceel (`u16::MAX`: every perceel), provider.
type Place = (u16, Area, u16, u32);

/// The provider cells of records that name their provider (None when none does), exact or
/// (with a key) under the cell-key method.
pub fn providers_from_records(built: &RecordsCube, secret: Option<&SecretKey>) -> Option<Providers> {
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
        out.insert(name(place, &records.providers[place.3 as usize]), m);
    }
    if !small.is_empty() {
        // The providers shown without youth, together: one cell per period, area and perceel.
        let others = |r: &Record| places_of(r).filter(|p| small.contains(p)).map(|p| (p.0, p.1, p.2, NO_PROVIDER));
        let (index, mut tally) = count(built, secret, others);
        for (place, (i, _)) in index {
            let m = tally.shown(i, table.as_ref());
            if m.jeugdigen != Cell::Exact(0.0) {
                out.insert(name(place, OTHER_PROVIDERS), m);
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
        // A client with no record in any place (most, in the pass over the small providers)
        // needs no keys: they are a SipHash a row.
        if !client.iter().any(|r| r.provider != NO_PROVIDER && places_of(r).next().is_some()) {
            continue;
        }
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
