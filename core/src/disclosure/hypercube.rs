//! Secondary suppression by hypercubes (the method of τ-ARGUS's GHMITER, simplified).
//!
//! Within one year (with its half-years or quarters), the cube is a table of four dimensions:
//! period, landsdeel, perceel and verwijzer, each with its members and its total. Pick, in every
//! dimension, a second value beside the cell's own; the 2, 4, 8 or 16 cells at the corners can
//! all move by the same δ, with a sign per corner, without changing any total anyone can see:
//! a pair of two members moves in opposite directions, a member with its total in the same.
//! So once every corner is secret, δ can reach from minus the smallest positive corner to the
//! smallest negative corner (a corner must stay ≥ 0), and that is the range an attacker is left
//! with for every corner at least. Each secret cell gets the cheapest hypercube that leaves it,
//! and every cell the hypercube newly hides, the protection the rules require.
//!
//! Deterministic: cells are taken in a fixed order (counts before dominance before zeros, then
//! period, landsdeel in code order, perceel in code order, verwijzer in code order, totals last),
//! candidates are tried in that same order per dimension, and the first of equal cost wins.

use std::collections::HashMap;

use super::{Hidden, COUNT_PROTECTION, EURO_PROTECTION, SECRET_UP_TO};
use crate::code::{Landsdeel, Verwijzer};
use crate::cube::Key;
use crate::records::RecordsCube;

/// The hidden cells of a cube made from records; cells not in the map are shown.
pub(super) fn suppress(records: &RecordsCube) -> HashMap<Key, Hidden> {
    let cube = &records.cube;
    let mut percelen: Vec<String> = cube.percelen().to_vec();
    percelen.sort();
    let mut hidden = HashMap::new();
    for year in cube.periods().iter().filter(|p| p.len() == 4) {
        let mut periods: Vec<String> = cube.periods().iter().filter(|p| p.len() > 4 && p.starts_with(year.as_str())).cloned().collect();
        periods.push(year.clone());
        let mut grid = Grid::new(records, periods, &percelen);
        grid.protect_all();
        hidden.extend(grid.hidden());
    }
    hidden
}

/// One year of the cube as a dense table: period × landsdeel × perceel × verwijzer, members
/// first and the total last in every dimension.
struct Grid {
    sizes: [usize; 4],
    keys: Vec<Key>,
    youth: Vec<f64>,
    euros: Vec<f64>,
    dominant: Vec<bool>,
    count_secret: Vec<bool>,
    euro_secret: Vec<bool>,
    count_safe: Vec<bool>,
    euro_safe: Vec<bool>,
    primary: Vec<bool>,
}

/// A candidate hypercube: per dimension the second value, or `None` where the dimension has
/// no members (a year without half-years).
type Pairs = [Option<usize>; 4];

impl Grid {
    fn new(records: &RecordsCube, periods: Vec<String>, percelen: &[String]) -> Grid {
        let sizes = [periods.len(), Landsdeel::ALL.len() + 1, percelen.len() + 1, Verwijzer::ALL.len() + 1];
        let n = sizes.iter().product();
        let mut grid = Grid {
            sizes,
            keys: Vec::with_capacity(n),
            youth: Vec::with_capacity(n),
            euros: Vec::with_capacity(n),
            dominant: Vec::with_capacity(n),
            count_secret: vec![false; n],
            euro_secret: vec![false; n],
            count_safe: vec![false; n],
            euro_safe: vec![false; n],
            primary: Vec::new(),
        };
        for period in &periods {
            for l in 0..sizes[1] {
                for p in 0..sizes[2] {
                    for v in 0..sizes[3] {
                        let key = Key {
                            periode: Some(period.clone()),
                            landsdeel: Landsdeel::ALL.get(l).copied(),
                            perceel: percelen.get(p).cloned(),
                            verwijzer: Verwijzer::ALL.get(v).copied(),
                        };
                        let m = records.cube.get(&key);
                        grid.youth.push(m.jeugdigen.number().unwrap_or(0.0));
                        grid.euros.push(m.volume_eur.number().unwrap_or(0.0));
                        grid.dominant.push(records.dominant.contains(&key));
                        grid.keys.push(key);
                    }
                }
            }
        }
        grid
    }

    fn index(&self, c: [usize; 4]) -> usize {
        ((c[0] * self.sizes[1] + c[1]) * self.sizes[2] + c[2]) * self.sizes[3] + c[3]
    }

    fn coords(&self, mut i: usize) -> [usize; 4] {
        let mut c = [0; 4];
        for d in (0..4).rev() {
            c[d] = i % self.sizes[d];
            i /= self.sizes[d];
        }
        c
    }

    /// Marks the primary cells, then gives every one its hypercube.
    fn protect_all(&mut self) {
        let n = self.keys.len();
        for i in 0..n {
            self.count_secret[i] = self.youth[i] <= SECRET_UP_TO;
            self.euro_secret[i] = self.count_secret[i] || self.dominant[i];
        }
        // Small cells first, then dominated ones, then empty ones: an empty corner cannot lend a
        // range to the others, so the others should find their partners before the zeros do.
        let rank = |i: usize| match () {
            _ if self.count_secret[i] && self.youth[i] > 0.0 => 0,
            _ if self.euro_secret[i] && !self.count_secret[i] => 1,
            _ => 2,
        };
        let mut order: Vec<usize> = (0..n).filter(|&i| self.euro_secret[i]).collect();
        order.sort_by_key(|&i| (rank(i), i));
        self.primary = vec![false; n];
        for &i in &order {
            self.primary[i] = true;
        }
        for i in order {
            let counts = self.count_secret[i] && !self.count_safe[i];
            if counts || !self.euro_safe[i] {
                let pairs = self.cheapest(i, counts);
                self.hide(i, &pairs, counts);
            }
        }
    }

    fn hidden(&self) -> impl Iterator<Item = (Key, Hidden)> + '_ {
        (0..self.keys.len()).filter(|&i| self.euro_secret[i]).map(|i| {
            let how = if self.count_secret[i] { Hidden::All } else { Hidden::Euros };
            (self.keys[i].clone(), how)
        })
    }

    /// The second values a dimension offers a cell: every other member and the total, or, for a
    /// total, every member.
    fn alternatives(&self, d: usize, own: usize) -> Vec<Option<usize>> {
        let total = self.sizes[d] - 1;
        if total == 0 {
            return vec![None];
        }
        (0..=total).filter(|&a| a != own).map(Some).collect()
    }

    /// The valid hypercube of least cost around cell `i`. One always exists: pairing every
    /// dimension with its total (or a total with a member) moves all corners the same way, up
    /// without bound.
    fn cheapest(&self, i: usize, counts: bool) -> Pairs {
        let own = self.coords(i);
        let alts: Vec<Vec<Option<usize>>> = (0..4).map(|d| self.alternatives(d, own[d])).collect();
        let mut best: Option<(f64, Pairs)> = None;
        for a0 in &alts[0] {
            for a1 in &alts[1] {
                for a2 in &alts[2] {
                    for a3 in &alts[3] {
                        let pairs = [*a0, *a1, *a2, *a3];
                        if let Some(cost) = self.cost(own, &pairs, counts) {
                            if best.is_none_or(|(b, _)| cost < b) {
                                best = Some((cost, pairs));
                            }
                        }
                    }
                }
            }
        }
        best.map_or([None; 4], |(_, p)| p)
    }

    /// The corners of a hypercube, each with its sign (+1 moves with the cell, −1 against it).
    fn corners(&self, own: [usize; 4], pairs: &Pairs) -> Vec<(usize, f64)> {
        let mut out = vec![(own, 1.0)];
        for d in 0..4 {
            let Some(alt) = pairs[d] else { continue };
            let total = self.sizes[d] - 1;
            // Two members move in opposite directions; a member and its total in the same.
            let flip = if alt != total && own[d] != total { -1.0 } else { 1.0 };
            let more: Vec<([usize; 4], f64)> = out.iter().map(|(c, s)| {
                let mut c = *c;
                c[d] = alt;
                (c, s * flip)
            }).collect();
            out.extend(more);
        }
        out.into_iter().map(|(c, s)| (self.index(c), s)).collect()
    }

    /// What hiding this hypercube costs (the youth in the cells it newly hides, plus one each),
    /// or None when it would not protect cell `own` as the rules require.
    fn cost(&self, own: [usize; 4], pairs: &Pairs, counts: bool) -> Option<f64> {
        let corners = self.corners(own, pairs);
        let range = Range::of(self, &corners);
        if counts && range.count_width() < COUNT_PROTECTION {
            return None;
        }
        let i = self.index(own);
        if !self.euro_safe[i] && !range.protects_euros(self.euros[i], 1.0) {
            return None;
        }
        let new = |c: usize| if counts { !self.count_secret[c] } else { !self.euro_secret[c] };
        Some(corners.iter().filter(|(c, _)| new(*c)).map(|(c, _)| self.youth[*c] + 1.0).sum())
    }

    /// Hides the corners; every primary corner the hypercube protects is safe from then on.
    fn hide(&mut self, i: usize, pairs: &Pairs, counts: bool) {
        let corners = self.corners(self.coords(i), pairs);
        let range = Range::of(self, &corners);
        for (c, sign) in corners {
            if counts {
                self.count_secret[c] = true;
                self.count_safe[c] |= range.count_width() >= COUNT_PROTECTION;
            }
            self.euro_secret[c] = true;
            self.euro_safe[c] |= range.protects_euros(self.euros[c], sign);
        }
    }
}

/// How far the corners of a hypercube can move together: δ from minus the smallest corner
/// that moves with the cell to the smallest corner that moves against it.
struct Range {
    youth: (f64, f64),
    euros: (f64, f64),
}

impl Range {
    fn of(grid: &Grid, corners: &[(usize, f64)]) -> Range {
        let min = |sign: f64, values: &[f64]| {
            corners.iter().filter(|(_, s)| *s == sign).map(|(c, _)| values[*c].max(0.0)).fold(f64::INFINITY, f64::min)
        };
        Range { youth: (min(1.0, &grid.youth), min(-1.0, &grid.youth)), euros: (min(1.0, &grid.euros), min(-1.0, &grid.euros)) }
    }

    /// The width of the range every corner's counts keep (youth are at most trajectories).
    fn count_width(&self) -> f64 {
        self.youth.0 + self.youth.1
    }

    /// Whether a corner of this sign, with these euros, can move far enough.
    fn protects_euros(&self, euros: f64, sign: f64) -> bool {
        // Up: the corners of the other sign shrink; down: those of its own sign do.
        let (up, down) = if sign > 0.0 { (self.euros.1, self.euros.0) } else { (self.euros.0, self.euros.1) };
        euro_range_enough(euros, up, down)
    }
}

/// An amount is protected when it can move up or down by more than the protection share of
/// itself; an empty (or negative) amount when it can move up at all.
fn euro_range_enough(euros: f64, up: f64, down: f64) -> bool {
    if euros > 0.0 {
        up >= EURO_PROTECTION * euros || down >= EURO_PROTECTION * euros
    } else {
        up > 0.0
    }
}
