//! The disclosure rules for aggregates made from records (data-contract.md, CBS practice for
//! youth-care counts): counts of youth and trajectories are rounded to multiples of 5, values
//! 0–7 are secret, and a secret cell is never recoverable as its total minus the other cells of
//! its group (secondary suppression). Euros are left as they are; rates built on a secret count
//! become secret themselves (see `Cell::combine`).

use std::collections::{BTreeMap, HashSet};


use crate::cube::{Cube, Key};
use crate::measure::{Cell, Measure};

/// Counts up to this are secret.
const SECRET_UP_TO: f64 = 7.0;
/// Counts are rounded to multiples of this.
const ROUND_TO: f64 = 5.0;

/// The cube as it may be shown and exported.
///
/// ```
/// use lta_core::{disclosure, cube::PerceelNames, records::cube_from_records, Key, Cell, Landsdeel};
/// let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
/// for i in 0..23 { csv += &format!("c{i},2023,ZW,P,huisarts,10\n"); }
/// for i in 0..3 { csv += &format!("d{i},2023,ZW,Q,huisarts,10\n"); }
/// let cube = cube_from_records(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value;
/// let safe = disclosure::apply(&cube);
/// assert_eq!(safe.get(&Key::total("2023")).jeugdigen, Cell::Exact(25.0)); // 26 rounded
/// assert_eq!(safe.get(&Key::total("2023").perceel("Q")).jeugdigen, Cell::Secret);
/// // P would give Q away (26 − 23), so it is secret too.
/// assert_eq!(safe.get(&Key::total("2023").perceel("P")).jeugdigen, Cell::Secret);
/// // Landsdelen without youth are 0, which the rules show as secret as well.
/// assert_eq!(safe.get(&Key::total("2023").landsdeel(Landsdeel::NN)).jeugdigen, Cell::Secret);
/// ```
pub fn apply(cube: &Cube) -> Cube {
    let mut out = cube.clone();
    for m in [Measure::Trajecten, Measure::Jeugdigen] {
        let raw = |k: &Key| cube.get(k).get(m).number();
        let mut secret: HashSet<Key> = cube.keys().filter(|k| raw(k).is_some_and(|n| n <= SECRET_UP_TO)).cloned().collect();
        suppress_recoverable(cube, &mut secret, &raw);
        for key in cube.keys() {
            let cell = match raw(key) {
                _ if secret.contains(key) => Cell::Secret,
                Some(n) => Cell::Exact((n / ROUND_TO).round() * ROUND_TO),
                None => cube.get(key).get(m),
            };
            out.set_measure(key, m, cell);
        }
    }
    out
}

/// Adds secret cells until no group (the cells that differ in one dimension, with their total)
/// has exactly one secret cell beside a shown total: the smallest other cell joins it.
fn suppress_recoverable(cube: &Cube, secret: &mut HashSet<Key>, raw: &dyn Fn(&Key) -> Option<f64>) {
    let groups = groups(cube);
    loop {
        let mut changed = false;
        for (total, members) in &groups {
            if secret.contains(total) || raw(total).is_none() {
                continue;
            }
            let hidden = members.iter().filter(|k| secret.contains(*k)).count();
            if hidden == 1 {
                let smallest = members
                    .iter()
                    .filter(|k| !secret.contains(*k))
                    .filter_map(|k| raw(k).map(|n| (n, k)))
                    .min_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((_, k)) = smallest {
                    secret.insert((*k).clone());
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Every total with the cells it is the margin of: per landsdeel, perceel and referrer, and the
/// half-years or quarters of a year.
fn groups(cube: &Cube) -> Vec<(Key, Vec<Key>)> {
    let mut out: BTreeMap<String, (Key, Vec<Key>)> = BTreeMap::new();
    for key in cube.keys() {
        let mut parents = Vec::new();
        if key.landsdeel.is_some() {
            parents.push((0, Key { landsdeel: None, ..key.clone() }));
        }
        if key.perceel.is_some() {
            parents.push((1, Key { perceel: None, ..key.clone() }));
        }
        if key.verwijzer.is_some() {
            parents.push((2, Key { verwijzer: None, ..key.clone() }));
        }
        if let Some(p) = key.periode.as_deref().filter(|p| p.len() > 4) {
            parents.push((3, Key { periode: Some(p[..4].to_string()), ..key.clone() }));
        }
        for (dim, total) in parents {
            if cube.has(&total) {
                let id = format!("{dim}{total:?}");
                out.entry(id).or_insert_with(|| (total, Vec::new())).1.push(key.clone());
            }
        }
    }
    // A map keyed by text keeps the order, and so the suppression, deterministic.
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cube::PerceelNames;
    use crate::records::cube_from_records;

    /// On a pseudo-random file: every count shown is a multiple of 5 above 7, and no group with
    /// a shown total has exactly one secret cell.
    #[test]
    fn no_secret_cell_is_recoverable() {
        let mut next = crate::test_rng(11);
        let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
        for _ in 0..400 {
            let l = ["ZW", "NN", "LI"][next(3) as usize];
            let p = ["A", "B", "C"][next(3) as usize];
            let v = ["huisarts", "gemeente"][next(2) as usize];
            csv += &format!("c{},2023-H{},{l},{p},{v},10\n", next(250), 1 + next(2));
        }
        let cube = cube_from_records(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value;
        let safe = apply(&cube);
        for m in [Measure::Trajecten, Measure::Jeugdigen] {
            for key in safe.keys() {
                match safe.get(key).get(m) {
                    Cell::Exact(n) => assert!(n > SECRET_UP_TO && n % ROUND_TO == 0.0, "{key:?} {n}"),
                    c => assert_eq!(c, Cell::Secret),
                }
            }
            for (total, members) in groups(&safe) {
                let secret = members.iter().filter(|k| safe.get(k).get(m) == Cell::Secret).count();
                assert!(safe.get(&total).get(m) == Cell::Secret || secret != 1, "{m:?} {total:?}");
            }
        }
    }
}
