//! The attacker's linear model of one year of a published cube (the year and its half-years or
//! quarters), for one count measure: a variable per cell, bounded by what the published value
//! allows (|x − shown| ≤ D, x ≥ 0, x ≥ 1 where the shown value is not 0: 0 stays 0; any number of
//! trajectories where the cell's youth are shown as 0, by the small-cell rule), and the
//! relations the cube has. Trajectories add up: every total is the sum of its members along
//! each dimension. Youth are distinct counts: a total is at least each member and at most their
//! sum.
//!
//! A cell's range is bounded from inside without a solver: moving one finest cell and every
//! cell containing it by s keeps every sum, so the largest such s (up and down, over the finest
//! cells under the cell) that keeps every bound and inequality is a range the attacker cannot
//! exclude. An exact LP (COIN-OR Clp) gives the range itself.

use std::collections::HashMap;

use lta_core::{Cube, Key, Landsdeel, Measure, Verwijzer};

use super::clp::{Clp, Outcome};

/// A row: Σ coef·x is 0 (`equal`) or at least 0.
struct Row {
    terms: Vec<(usize, f64)>,
    equal: bool,
}

pub struct Model {
    pub keys: Vec<Key>,
    index: HashMap<Key, usize>,
    pub exact: Vec<f64>,
    lo: Vec<f64>,
    hi: Vec<f64>,
    rows: Vec<Row>,
    rows_of: Vec<Vec<usize>>,
    /// For each cell, the finest cells under it.
    finest_under: Vec<Vec<usize>>,
    /// For each finest cell, every cell that contains it (itself included).
    containing: HashMap<usize, Vec<usize>>,
    /// For each finest cell, the finest cells that differ from it in one dimension.
    siblings: HashMap<usize, Vec<usize>>,
}

/// The values a dimension takes in a cell, TOTAAL (None) included.
fn options<T: Clone>(own: &Option<T>) -> Vec<Option<T>> {
    match own {
        Some(v) => vec![Some(v.clone()), None],
        None => vec![None],
    }
}

impl Model {
    /// The model of `year` (its cells and those of its sub-periods) for `measure`, from the
    /// shown cube, with the exact values of the unperturbed cube (to check and to report).
    pub fn new(shown: &Cube, exact: &Cube, year: &str, measure: Measure, max_noise: f64) -> Model {
        let keys: Vec<Key> = exact.keys().filter(|k| k.periode.as_deref().is_some_and(|p| p.starts_with(year))).cloned().collect();
        let mut keys = keys;
        keys.sort_by_key(|k| format!("{k:?}"));
        let index: HashMap<Key, usize> = keys.iter().cloned().enumerate().map(|(i, k)| (k, i)).collect();
        let value = |c: &Cube, k: &Key| c.get(k).get(measure).number().expect("a number in every cell");
        let exact_values: Vec<f64> = keys.iter().map(|k| value(exact, k)).collect();
        let (mut lo, mut hi) = (Vec::new(), Vec::new());
        // No cell holds more than the largest shown cell (a total) can.
        let most = keys.iter().map(|k| value(shown, k)).fold(0.0, f64::max) + max_noise;
        for k in &keys {
            let s = value(shown, k);
            // The small-cell rule: a cell shown without youth shows no trajectories either, so
            // its trajectories may be any number up to a total's (its youth, 0 to D, each had
            // at least one).
            if measure == Measure::Trajecten && s == 0.0 && shown.get(k).jeugdigen == lta_core::Cell::Exact(0.0) {
                lo.push(0.0);
                hi.push(most);
                continue;
            }
            lo.push(if s > 0.0 { (s - max_noise).max(1.0) } else { 0.0 });
            hi.push(s + max_noise);
        }
        let subperiods: Vec<String> = {
            let mut p: Vec<String> = keys.iter().filter_map(|k| k.periode.clone()).filter(|p| p.len() > 4).collect();
            p.sort();
            p.dedup();
            p
        };
        let percelen: Vec<String> = {
            let mut p: Vec<String> = keys.iter().filter_map(|k| k.perceel.clone()).collect();
            p.sort();
            p.dedup();
            p
        };
        // Every total with the members along one dimension.
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            let mut add = |members: Vec<Key>| {
                let m: Vec<usize> = members.iter().filter_map(|m| index.get(m).copied()).collect();
                if !m.is_empty() {
                    groups.push((i, m));
                }
            };
            if k.landsdeel.is_none() {
                add(Landsdeel::ALL.iter().map(|&l| Key { landsdeel: Some(l), ..k.clone() }).collect());
            }
            if k.perceel.is_none() {
                add(percelen.iter().map(|p| Key { perceel: Some(p.clone()), ..k.clone() }).collect());
            }
            if k.verwijzer.is_none() {
                add(Verwijzer::ALL.iter().map(|&v| Key { verwijzer: Some(v), ..k.clone() }).collect());
            }
            if k.periode.as_deref() == Some(year) && !subperiods.is_empty() {
                add(subperiods.iter().map(|p| Key { periode: Some(p.clone()), ..k.clone() }).collect());
            }
        }
        let mut rows = Vec::new();
        for (total, members) in groups {
            if measure == Measure::Jeugdigen {
                for &m in &members {
                    rows.push(Row { terms: vec![(total, 1.0), (m, -1.0)], equal: false });
                }
                let mut terms: Vec<(usize, f64)> = members.iter().map(|&m| (m, 1.0)).collect();
                terms.push((total, -1.0));
                rows.push(Row { terms, equal: false });
            } else {
                let mut terms: Vec<(usize, f64)> = members.iter().map(|&m| (m, -1.0)).collect();
                terms.push((total, 1.0));
                rows.push(Row { terms, equal: true });
            }
        }
        let mut rows_of = vec![Vec::new(); keys.len()];
        for (r, row) in rows.iter().enumerate() {
            for &(i, _) in &row.terms {
                rows_of[i].push(r);
            }
        }
        // The finest cells: every dimension set, and a sub-period where the year has them.
        let finest = |k: &Key| {
            k.landsdeel.is_some() && k.perceel.is_some() && k.verwijzer.is_some() && (subperiods.is_empty() || k.periode.as_deref() != Some(year))
        };
        let mut containing = HashMap::new();
        let mut finest_under = vec![Vec::new(); keys.len()];
        for (f, k) in keys.iter().enumerate().filter(|(_, k)| finest(k)) {
            let periods = if k.periode.as_deref() == Some(year) { vec![k.periode.clone()] } else { vec![k.periode.clone(), Some(year.to_string())] };
            let mut all = Vec::new();
            for p in &periods {
                for l in options(&k.landsdeel) {
                    for pc in options(&k.perceel) {
                        for v in options(&k.verwijzer) {
                            if let Some(&i) = index.get(&Key { periode: p.clone(), landsdeel: l, perceel: pc.clone(), verwijzer: v }) {
                                all.push(i);
                                finest_under[i].push(f);
                            }
                        }
                    }
                }
            }
            containing.insert(f, all);
        }
        let finest_keys: Vec<usize> = containing.keys().copied().collect();
        let differs_in_one = |a: &Key, b: &Key| {
            [a.periode != b.periode, a.landsdeel != b.landsdeel, a.perceel != b.perceel, a.verwijzer != b.verwijzer].iter().filter(|d| **d).count() == 1
        };
        let siblings = finest_keys.iter().map(|&f| (f, finest_keys.iter().copied().filter(|&g| differs_in_one(&keys[f], &keys[g])).collect())).collect();
        Model { keys, index, exact: exact_values, lo, hi, rows, rows_of, finest_under, containing, siblings }
    }

    /// True when the exact values satisfy the model (they must: the attacker's model is sound).
    pub fn holds_the_truth(&self) -> bool {
        let x = &self.exact;
        (0..x.len()).all(|i| self.lo[i] <= x[i] && x[i] <= self.hi[i])
            && self.rows.iter().all(|r| {
                let v: f64 = r.terms.iter().map(|&(i, c)| c * x[i]).sum();
                if r.equal { v == 0.0 } else { v >= 0.0 }
            })
    }

    /// The largest step s ≥ 0 along `moves` (cell, +1 or −1) from the exact values that keeps
    /// every bound and row.
    fn step(&self, moves: &[(usize, f64)]) -> f64 {
        let x = &self.exact;
        let mut s = f64::INFINITY;
        for &(i, d) in moves {
            s = s.min(if d > 0.0 { self.hi[i] - x[i] } else { x[i] - self.lo[i] });
        }
        let mut rows: Vec<usize> = moves.iter().flat_map(|&(i, _)| self.rows_of[i].iter().copied()).collect();
        rows.sort_unstable();
        rows.dedup();
        for r in rows {
            let row = &self.rows[r];
            let change: f64 = row.terms.iter().filter_map(|&(i, c)| moves.iter().find(|m| m.0 == i).map(|m| c * m.1)).sum();
            if row.equal {
                assert_eq!(change, 0.0, "a move along finest cells keeps every sum");
            } else if change < 0.0 {
                let value: f64 = row.terms.iter().map(|&(i, c)| c * x[i]).sum();
                s = s.min(value / -change);
            }
        }
        s.max(0.0).floor()
    }

    /// The moves that raise finest cell `f` by one: `f` and every cell containing it, or (a
    /// transfer) `f` up and `g` down, where only the cells holding one of them move.
    fn moves(&self, f: usize, g: Option<usize>) -> Vec<(usize, f64)> {
        let up = &self.containing[&f];
        let Some(g) = g else { return up.iter().map(|&i| (i, 1.0)).collect() };
        let down = &self.containing[&g];
        let only = |a: &Vec<usize>, b: &Vec<usize>, d: f64| a.iter().filter(|i| !b.contains(i)).map(move |&i| (i, d)).collect::<Vec<_>>();
        let mut m = only(up, down, 1.0);
        m.extend(only(down, up, -1.0));
        m
    }

    /// A range of cell `i` that the attacker cannot narrow (an inner bound of the true range):
    /// the largest steps up and down along the moves of the finest cells under it, alone or
    /// with a partner that differs in one dimension.
    pub fn inner_range(&self, i: usize) -> (f64, f64) {
        let (mut up, mut down) = (0.0f64, 0.0f64);
        for &f in &self.finest_under[i] {
            let partners = std::iter::once(None).chain(self.siblings[&f].iter().map(|&g| Some(g)));
            for g in partners {
                // Raising f raises i unless the partner is under i too; the reverse lowers it.
                let m = self.moves(f, g);
                if !m.contains(&(i, 1.0)) {
                    continue;
                }
                up = up.max(self.step(&m));
                let reverse: Vec<(usize, f64)> = m.iter().map(|&(j, d)| (j, -d)).collect();
                down = down.max(self.step(&reverse));
            }
            if up > 0.0 && down > 0.0 {
                break;
            }
        }
        (self.exact[i] - down, self.exact[i] + up)
    }

    /// The exact range of cell `i`: the smallest and largest value the model allows.
    pub fn exact_range(&self, lp: &mut Clp, i: usize) -> (f64, f64) {
        let mut costs = vec![0.0; self.keys.len()];
        costs[i] = 1.0;
        lp.set_objective(&costs);
        let mut end = |maximize| match lp.solve(maximize) {
            Outcome::Optimal(x) => x[i],
            Outcome::Unbounded => if maximize { f64::INFINITY } else { f64::NEG_INFINITY },
            Outcome::Failed(s) => panic!("Clp status {s} on a feasible LP"),
        };
        (end(false), end(true))
    }

    /// The model as an LP for Clp.
    pub fn lp(&self) -> Clp {
        let mut columns = vec![Vec::new(); self.keys.len()];
        let (mut row_lo, mut row_hi) = (Vec::new(), Vec::new());
        for (r, row) in self.rows.iter().enumerate() {
            for &(i, c) in &row.terms {
                columns[i].push((r, c));
            }
            row_lo.push(0.0);
            row_hi.push(if row.equal { 0.0 } else { f64::INFINITY });
        }
        Clp::new(&self.lo, &self.hi, &columns, &row_lo, &row_hi)
    }

    /// The cell of a key.
    #[allow(dead_code)]
    pub fn cell(&self, key: &Key) -> Option<usize> {
        self.index.get(key).copied()
    }
}
