//! Feasible points without an LP solve: along a hypercube direction (in every dimension a
//! second value beside the cell's own; two members move in opposite directions, a member and
//! its total in the same), the largest step that keeps every bound and every row of the LP is
//! exact arithmetic. Each such point is feasible, so it is an inner bound of the attacker's
//! range: when it already passes, the cell passes, and no LP needs solving. A cell without such
//! a witness goes to the solver (or, where the LP is too large for it, fails as unproven).
//!
//! Hypercube directions keep every margin but the cell's own, so they need a second value with
//! something to give in every dimension at once. In sparse files (one referrer, most landsdelen
//! empty) a cell of an empty row and column has none. The second family moves one finest cell
//! up and another down (a transfer): every cell containing one of them but not both changes, so
//! only totals that hold both stay put. That is how mass reaches an empty corner through secret
//! margins, and it is what the LP found for such cells. Every transfer from a cell with something
//! to give into one that has nothing to give is tried once per year ([`Witness::new`]; not on
//! dense data, where they are too many and settle nothing), and
//! every point found is kept for all the variables it moves ([`Witness::reach`]), so most cells
//! are settled before any search of their own.

use std::cell::RefCell;
use std::collections::HashMap;

use lta_core::Key;

use super::model::{Lp, Year};

/// Dimension values of one year: period, landsdeel, perceel, verwijzer, the total last.
pub type Coords = [usize; 4];

/// The most transfers [`Witness::new`] tries (the random files have at most 72 finest cells).
const MAX_SWEEP_PAIRS: usize = 100_000;

pub struct Witness<'a> {
    lp: &'a Lp,
    /// Cells per measure block.
    n: usize,
    x0: &'a [f64],
    /// Values per dimension, the total included (the last).
    pub sizes: [usize; 4],
    /// Each cell's values, and the cell at given values.
    pub coords: Vec<Coords>,
    pub at: HashMap<Coords, usize>,
    rows_of: Vec<Vec<usize>>,
    row0: Vec<f64>,
    /// How far each variable was seen to go up and down from `x0` at feasible points.
    reach: RefCell<Vec<(f64, f64)>>,
    /// Reused by `step`: a coefficient per variable, and a mark per row (the step's number).
    scratch: RefCell<(Vec<f64>, Vec<usize>, usize)>,
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
        let vars = lp.lo.len();
        let scratch = RefCell::new((vec![0.0; vars], vec![0; lp.rows.len()], 0));
        let witness = Witness { lp, n, x0, sizes, coords, at, rows_of, row0, reach: RefCell::new(vec![(0.0, 0.0); vars]), scratch };
        witness.sweep();
        witness
    }

    /// How far variable `v` was seen to go (up, down) at the feasible points found so far.
    pub fn reach(&self, v: usize) -> (f64, f64) {
        self.reach.borrow()[v]
    }

    /// Every transfer between two finest cells (see the module note) in which the cell that
    /// goes down has something to give, in each measure alone and in all together.
    fn sweep(&self) {
        let blocks = self.lp.lo.len() / self.n;
        let finest: Vec<usize> = (0..self.n).filter(|&i| (0..4).all(|d| self.sizes[d] == 1 || self.coords[i][d] != self.sizes[d] - 1)).collect();
        let gives = |i: usize| (0..blocks).any(|b| self.x0[b * self.n + i] > self.lp.lo[b * self.n + i] + 1e-9);
        let ancestors: HashMap<usize, Vec<usize>> = finest.iter().map(|&f| (f, self.ancestors(self.coords[f]))).collect();
        let mut choices: Vec<Vec<usize>> = (0..blocks).map(|b| vec![b]).collect();
        if blocks > 1 {
            choices.push((0..blocks).collect());
        }
        // The cell that rises is one that cannot fall (a true 0, mostly): a cell with something
        // to give has hypercube directions within its own slices, which `range` tries, and the
        // pairs of all finest cells were millions on dense data (the illustrative records).
        let takers: Vec<usize> = finest.iter().copied().filter(|&a| !gives(a)).collect();
        let givers: Vec<usize> = finest.iter().copied().filter(|&b| gives(b)).collect();
        // On dense data (the illustrative records: 1,792 finest cells a year) the pairs took
        // 12–15 s a year and settled no cell: a transfer's shown cells can move by at most 4.
        // Past this many pairs the sweep is left to the LPs (it only ever adds inner bounds).
        if takers.len() * givers.len() > MAX_SWEEP_PAIRS {
            return;
        }
        for &b in &givers {
            for &a in &takers {
                let mut dir: HashMap<usize, f64> = HashMap::new();
                for (f, s) in [(a, 1.0), (b, -1.0)] {
                    for &c in &ancestors[&f] {
                        *dir.entry(c).or_default() += s;
                    }
                }
                dir.retain(|_, s| *s != 0.0);
                for bs in &choices {
                    let full: Vec<(usize, f64)> = bs.iter().flat_map(|&bl| dir.iter().map(move |(&c, &s)| (bl * self.n + c, s))).collect();
                    self.step(&full, 1.0);
                }
            }
        }
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
        let (up, down) = self.reach(v);
        if enough(up, down) {
            return (up, down);
        }
        let (mut up, mut down) = (up, down);
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

    /// The cells containing a finest cell: each dimension its own value or the total.
    fn ancestors(&self, f: Coords) -> Vec<usize> {
        (0..16usize)
            .filter_map(|mask| {
                let mut c = f;
                for (d, (x, &size)) in c.iter_mut().zip(&self.sizes).enumerate() {
                    if mask & (1 << d) != 0 {
                        // A dimension with only a total has no other value to leave out.
                        if size == 1 {
                            return None;
                        }
                        *x = size - 1;
                    }
                }
                self.at.get(&c).copied()
            })
            .collect()
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

    /// The largest δ ≥ 0 with `x0 + sign·δ·dir` within every bound and row; the point reached
    /// is recorded in `reach` for every variable it moves.
    fn step(&self, dir: &[(usize, f64)], sign: f64) -> f64 {
        let mut best = f64::INFINITY;
        let mut limit = |room: f64, rate: f64| {
            if rate > 1e-12 {
                best = best.min(room / rate);
            }
        };
        let mut scratch = self.scratch.borrow_mut();
        let (coeff, mark, number) = &mut *scratch;
        *number += 1;
        for &(v, k) in dir {
            coeff[v] = sign * k;
            limit(self.lp.hi[v] - self.x0[v], sign * k);
            limit(self.x0[v] - self.lp.lo[v], -sign * k);
        }
        for &(v, _) in dir {
            for &r in &self.rows_of[v] {
                if mark[r] == *number {
                    continue;
                }
                mark[r] = *number;
                let row = &self.lp.rows[r];
                let rate: f64 = row.terms.iter().map(|&(t, c)| c * coeff[t]).sum();
                limit(row.hi - self.row0[r], rate);
                limit(self.row0[r] - row.lo, -rate);
            }
        }
        for &(v, _) in dir {
            coeff[v] = 0.0;
        }
        let best = best.max(0.0);
        if best > 0.0 && best.is_finite() {
            let mut reach = self.reach.borrow_mut();
            for &(v, k) in dir {
                let moved = sign * k * best;
                let r = &mut reach[v];
                if moved > 0.0 { r.0 = r.0.max(moved) } else { r.1 = r.1.max(-moved) }
            }
        }
        best
    }
}
