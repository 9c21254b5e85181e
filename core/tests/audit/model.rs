//! What an attacker knows about one year of a disclosed cube, as a linear program: one variable
//! per cell and measure, bounds from what each cell shows, and one row per relation the
//! dashboard's screens imply between cells.

use std::collections::BTreeMap;

use lta_core::{Cell, Cube, Key, Measure};

/// A row `lo <= Σ coeff·x <= hi`.
#[derive(Debug, Clone)]
pub struct Row {
    pub terms: Vec<(usize, f64)>,
    pub lo: f64,
    pub hi: f64,
}

/// A linear program without objective: variable bounds and rows.
#[derive(Debug, Clone, Default)]
pub struct Lp {
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
    pub rows: Vec<Row>,
}

impl Lp {
    pub fn var(&mut self, (lo, hi): (f64, f64)) -> usize {
        self.lo.push(lo);
        self.hi.push(hi);
        self.lo.len() - 1
    }

    pub fn row(&mut self, terms: Vec<(usize, f64)>, lo: f64, hi: f64) {
        self.rows.push(Row { terms, lo, hi });
    }
}

/// How the rules showed a visible number of one measure: the true value lies within
/// `shown ± half` (and at or above `floor`).
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub half: f64,
    pub floor: f64,
}

impl Reading {
    /// The attacker's bounds for a shown cell. A secret (or unpublished) cell says nothing but
    /// the floor.
    pub fn bounds(self, shown: Cell) -> (f64, f64) {
        match shown.number() {
            Some(v) => ((v - self.half).max(self.floor), v + self.half),
            None => (self.floor, f64::INFINITY),
        }
    }
}

/// A total with the cells it adds up (one dimension, or the half-years / quarters of a year).
#[derive(Debug, Clone)]
pub struct Group {
    pub total: usize,
    pub members: Vec<usize>,
}

/// The cells of one year (the year and its sub-year periods), in a fixed order, with their groups.
pub struct Year {
    pub keys: Vec<Key>,
    pub groups: Vec<Group>,
}

/// Splits the cube into years: no relation the screens show links two different years, so each
/// year is a linear program of its own. Keys without a period are returned apart (no screen
/// shows them; the audit reports them rather than guessing their relations).
pub fn years(cube: &Cube) -> (Vec<Year>, Vec<Key>) {
    let mut by_year: BTreeMap<String, Vec<Key>> = BTreeMap::new();
    let mut loose = Vec::new();
    for key in cube.keys() {
        match key.periode.as_deref() {
            Some(p) if p.len() >= 4 => by_year.entry(p[..4].to_string()).or_default().push(key.clone()),
            _ => loose.push(key.clone()),
        }
    }
    let years = by_year
        .into_values()
        .map(|mut keys| {
            // A fixed order (HashMap order is not) keeps the LPs, and so the report, repeatable.
            keys.sort_by_cached_key(|k| format!("{k:?}"));
            let groups = groups(&keys);
            Year { keys, groups }
        })
        .collect();
    (years, loose)
}

/// Every total with its members present in the cube: per landsdeel, perceel and verwijzer, and
/// the half-years or quarters (separately) of a year. Records cubes are dense, so the members
/// present are all members; `audit` checks that the raw numbers add up to be sure.
fn groups(keys: &[Key]) -> Vec<Group> {
    let index: std::collections::HashMap<&Key, usize> = keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let mut out: BTreeMap<(usize, u8), Vec<usize>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        let mut parents: Vec<(u8, Key)> = Vec::new();
        if key.landsdeel.is_some() {
            parents.push((0, Key { landsdeel: None, ..key.clone() }));
        }
        if key.perceel.is_some() {
            parents.push((1, Key { perceel: None, ..key.clone() }));
        }
        if key.verwijzer.is_some() {
            parents.push((2, Key { verwijzer: None, ..key.clone() }));
        }
        if let Some(p) = key.periode.as_deref().filter(|p| p.len() > 5) {
            // "2023-H1" and "2023-Q1" are separate splits of "2023"; tag them by their letter.
            let tag = 3 + p.as_bytes()[5];
            parents.push((tag, Key { periode: Some(p[..4].to_string()), ..key.clone() }));
        }
        for (tag, parent) in parents {
            if let Some(&t) = index.get(&parent) {
                out.entry((t, tag)).or_default().push(i);
            }
        }
    }
    out.into_iter().map(|((total, _), members)| Group { total, members }).collect()
}

/// Bounds of every cell of a year for one measure.
pub fn bounds(shown: &Cube, keys: &[Key], m: Measure, reading: Reading) -> Vec<(f64, f64)> {
    keys.iter().map(|k| reading.bounds(shown.get(k).get(m))).collect()
}

/// The counts LP of a year: trajectories `t` (variables `0..n`) and unique youth `y`
/// (`n..2n`). Trajectories add up in every group; youth is a distinct count, so a total is at
/// least each member and at most their sum; and no cell has more youth than trajectories.
pub fn counts_lp(year: &Year, t: &[(f64, f64)], y: &[(f64, f64)]) -> Lp {
    let n = year.keys.len();
    let mut lp = Lp::default();
    for &b in t {
        lp.var(b);
    }
    for &b in y {
        lp.var(b);
    }
    for g in &year.groups {
        let mut terms = vec![(g.total, 1.0)];
        terms.extend(g.members.iter().map(|&m| (m, -1.0)));
        lp.row(terms, 0.0, 0.0);
        let mut terms = vec![(n + g.total, 1.0)];
        terms.extend(g.members.iter().map(|&m| (n + m, -1.0)));
        lp.row(terms, f64::NEG_INFINITY, 0.0);
        for &m in &g.members {
            lp.row(vec![(n + g.total, 1.0), (n + m, -1.0)], 0.0, f64::INFINITY);
        }
    }
    for i in 0..n {
        lp.row(vec![(n + i, 1.0), (i, -1.0)], f64::NEG_INFINITY, 0.0);
    }
    lp
}

/// The euros LP of a year: euros add up in every group, up to the cent rounding of each cell
/// (a records cube rounds every cell's own sum of cents to whole euros, so a total may differ
/// from the sum of its members by half a euro per cell involved).
pub fn euros_lp(year: &Year, e: &[(f64, f64)]) -> Lp {
    let mut lp = Lp::default();
    for &b in e {
        lp.var(b);
    }
    for g in &year.groups {
        let slack = 0.5 * (g.members.len() + 1) as f64;
        let mut terms = vec![(g.total, 1.0)];
        terms.extend(g.members.iter().map(|&m| (m, -1.0)));
        lp.row(terms, -slack, slack);
    }
    lp
}
