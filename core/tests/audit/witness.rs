//! Feasible points without an LP solve: along a hypercube direction (in every dimension a
//! second value beside the cell's own; two members move in opposite directions, a member and
//! its total in the same), the largest step that keeps every bound and every row of the LP is
//! exact arithmetic. Each such point is feasible, so it is an inner bound of the attacker's
//! range: when it already passes, the cell passes, and no LP needs solving. A cell without such
//! a witness goes to the solver (or, where the LP is too large for it, fails as unproven).

use std::collections::HashMap;

use lta_core::Key;

use super::model::{Lp, Year};

/// Dimension values of one year: period, landsdeel, perceel, verwijzer, the total last.
type Coords = [usize; 4];

pub struct Witness<'a> {
    lp: &'a Lp,
    /// Cells per measure block.
    n: usize,
    x0: &'a [f64],
    sizes: [usize; 4],
    coords: Vec<Coords>,
    at: HashMap<Coords, usize>,
    rows_of: Vec<Vec<usize>>,
    row0: Vec<f64>,
}

impl<'a> Witness<'a> {
    pub fn new(lp: &'a Lp, year: &Year, x0: &'a [f64]) -> Self {
        let n = year.keys.len();
        let values = |f: &dyn Fn(&Key) -> Option<String>| {
            let mut v: Vec<String> = year.keys.iter().filter_map(f).collect();
            v.sort();
            v.dedup();
            v
        };
        let periods = values(&|k| k.periode.clone().filter(|p| p.len() > 4));
        let landsdelen = values(&|k| k.landsdeel.map(|l| format!("{l:?}")));
        let percelen = values(&|k| k.perceel.clone());
        let verwijzers = values(&|k| k.verwijzer.map(|v| format!("{v:?}")));
        let sizes = [periods.len() + 1, landsdelen.len() + 1, percelen.len() + 1, verwijzers.len() + 1];
        let pos = |all: &[String], v: Option<String>| v.map_or(all.len(), |v| all.iter().position(|x| *x == v).unwrap_or(all.len()));
        let coords: Vec<Coords> = year
            .keys
            .iter()
            .map(|k| {
                [
                    pos(&periods, k.periode.clone().filter(|p| p.len() > 4)),
                    pos(&landsdelen, k.landsdeel.map(|l| format!("{l:?}"))),
                    pos(&percelen, k.perceel.clone()),
                    pos(&verwijzers, k.verwijzer.map(|v| format!("{v:?}"))),
                ]
            })
            .collect();
        let at = coords.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let mut rows_of = vec![Vec::new(); lp.lo.len()];
        let mut row0 = Vec::with_capacity(lp.rows.len());
        for (r, row) in lp.rows.iter().enumerate() {
            for &(v, _) in &row.terms {
                rows_of[v].push(r);
            }
            row0.push(row.terms.iter().map(|&(v, c)| c * x0[v]).sum());
        }
        Witness { lp, n, x0, sizes, coords, at, rows_of, row0 }
    }

    /// How far variable `v` can go up and down along hypercube directions; the search stops
    /// as soon as `enough(up, down)`.
    pub fn range(&self, v: usize, enough: &dyn Fn(f64, f64) -> bool) -> (f64, f64) {
        let (block, cell) = (v / self.n, v % self.n);
        let own = self.coords[cell];
        let alts: Vec<Vec<Option<usize>>> = (0..4)
            .map(|d| {
                let total = self.sizes[d] - 1;
                if total == 0 {
                    vec![None]
                } else {
                    (0..=total).filter(|&a| a != own[d]).map(Some).collect()
                }
            })
            .collect();
        let blocks = self.lp.lo.len() / self.n;
        let (mut up, mut down) = (0.0f64, 0.0f64);
        for a0 in &alts[0] {
            for a1 in &alts[1] {
                for a2 in &alts[2] {
                    for a3 in &alts[3] {
                        let Some(corners) = self.corners(own, [*a0, *a1, *a2, *a3]) else { continue };
                        // The cell's own measure alone, or every measure of the LP together
                        // (trajectories with youth, which must stay at most trajectories).
                        for all in [false, true] {
                            let dir: Vec<(usize, f64)> = corners
                                .iter()
                                .flat_map(|&(c, s)| {
                                    let bs: Vec<usize> = if all { (0..blocks).collect() } else { vec![block] };
                                    bs.into_iter().map(move |b| (b * self.n + c, s))
                                })
                                .collect();
                            up = up.max(self.step(&dir, 1.0));
                            down = down.max(self.step(&dir, -1.0));
                            if enough(up, down) {
                                return (up, down);
                            }
                            if blocks == 1 {
                                break;
                            }
                        }
                    }
                }
            }
        }
        (up, down)
    }

    fn corners(&self, own: Coords, pairs: [Option<usize>; 4]) -> Option<Vec<(usize, f64)>> {
        let mut out = vec![(own, 1.0)];
        for d in 0..4 {
            let Some(alt) = pairs[d] else { continue };
            let total = self.sizes[d] - 1;
            let flip = if alt != total && own[d] != total { -1.0 } else { 1.0 };
            let more: Vec<(Coords, f64)> = out.iter().map(|&(mut c, s)| { c[d] = alt; (c, s * flip) }).collect();
            out.extend(more);
        }
        out.into_iter().map(|(c, s)| self.at.get(&c).map(|&i| (i, s))).collect()
    }

    /// The largest δ ≥ 0 with `x0 + sign·δ·dir` within every bound and row.
    fn step(&self, dir: &[(usize, f64)], sign: f64) -> f64 {
        let mut best = f64::INFINITY;
        let mut limit = |room: f64, rate: f64| {
            if rate > 1e-12 {
                best = best.min(room / rate);
            }
        };
        let coeff: HashMap<usize, f64> = dir.iter().map(|&(v, k)| (v, sign * k)).collect();
        for (&v, &k) in &coeff {
            limit(self.lp.hi[v] - self.x0[v], k);
            limit(self.x0[v] - self.lp.lo[v], -k);
        }
        let mut seen = Vec::new();
        for &v in coeff.keys() {
            for &r in &self.rows_of[v] {
                if seen.contains(&r) {
                    continue;
                }
                seen.push(r);
                let row = &self.lp.rows[r];
                let rate: f64 = row.terms.iter().filter_map(|(t, c)| coeff.get(t).map(|k| c * k)).sum();
                limit(row.hi - self.row0[r], rate);
                limit(self.row0[r] - row.lo, -rate);
            }
        }
        best.max(0.0)
    }
}
