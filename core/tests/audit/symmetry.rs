//! Interchangeable values. In a sparse file most landsdelen and referrers are empty: every cell
//! of their slice is a secret 0. Two such values are indistinguishable to an attacker: swapping
//! them maps every bound and every row of the LP (the rows are built alike for every value) onto
//! itself, so a cell and its swapped twin have the same range and the same true value. The
//! audit solves one cell of each such family and gives the others its finding.
//!
//! Two values of a dimension are interchangeable when their slices hold the same bounds and
//! true values in every measure, cell for cell; that is checked, not assumed, so values that
//! differ anywhere are never merged.

use std::collections::HashMap;

use lta_core::Key;

use super::model::Lp;

/// For every variable, the variable that stands for it (itself when it has no twin first in
/// order): the same cell with each landsdeel, perceel and referrer replaced by the first value
/// interchangeable with it.
pub fn representatives(keys: &[Key], lp: &Lp, truth: &[f64]) -> Vec<usize> {
    let n = keys.len();
    let blocks = lp.lo.len() / n;
    let index: HashMap<&Key, usize> = keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
    // What a cell holds in every measure, as exact bits (equal means equal).
    let holds = |i: usize| (0..blocks).flat_map(|b| [lp.lo[b * n + i], lp.hi[b * n + i], truth[b * n + i]]).map(f64::to_bits).collect::<Vec<_>>();
    let mut canonical: Vec<Key> = keys.to_vec();
    for dim in 0..3 {
        // The slice of each value: its cells keyed by the rest of the key.
        let mut slices: HashMap<String, Vec<(String, Vec<u64>)>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            if let Some(value) = get(k, dim) {
                slices.entry(value).or_default().push((format!("{:?}", set(k, dim, None)), holds(i)));
            }
        }
        let mut values: Vec<String> = slices.keys().cloned().collect();
        values.sort();
        let mut first_with: HashMap<Vec<(String, Vec<u64>)>, String> = HashMap::new();
        let mut stand_in: HashMap<String, String> = HashMap::new();
        for v in values {
            let mut slice = slices.remove(&v).unwrap_or_default();
            slice.sort();
            let first = first_with.entry(slice).or_insert_with(|| v.clone()).clone();
            stand_in.insert(v, first);
        }
        for k in canonical.iter_mut() {
            if let Some(v) = get(k, dim) {
                *k = set(k, dim, stand_in.get(&v).cloned());
            }
        }
    }
    (0..lp.lo.len()).map(|v| index.get(&canonical[v % n]).map_or(v, |&c| (v / n) * n + c)).collect()
}

fn get(k: &Key, dim: usize) -> Option<String> {
    match dim {
        0 => k.landsdeel.map(|l| l.code().to_string()),
        1 => k.perceel.clone(),
        _ => k.verwijzer.map(|v| v.code().to_string()),
    }
}

fn set(k: &Key, dim: usize, value: Option<String>) -> Key {
    let mut k = k.clone();
    match dim {
        0 => k.landsdeel = value.and_then(|v| lta_core::Landsdeel::ALL.iter().copied().find(|l| l.code() == v)),
        1 => k.perceel = value,
        _ => k.verwijzer = value.and_then(|v| lta_core::Verwijzer::ALL.iter().copied().find(|r| r.code() == v)),
    }
    k
}
