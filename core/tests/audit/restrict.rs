//! Restricted LPs: inner bounds cheaply, for the large LPs (the illustrative records).
//!
//! Why this is sound: a restriction keeps only the points `x = offset + z` (some variables
//! follow a new variable `z_j` at a fixed offset, the rest are held at their true values) and
//! substitutes that into every bound and row of the full LP. So a point `z` feasible for the
//! restricted LP gives a point `x` that satisfies every bound and row of the full LP: a feasible
//! point of the attacker's LP. Its values are inner bounds of each cell's range (the true range
//! is at least that wide), which can only make a cell *pass*; a cell the restricted LPs do not
//! settle goes on to the full LP, and a failure is only ever declared from the full LP. The
//! attacker is not weakened: the restricted LP only looks for points, it never stands for the
//! attacker's knowledge.
//!
//! The restriction used is a *box* around one open cell ([`boxes`]): a few hundred variables
//! instead of thousands, so an LP takes milliseconds. Measured on the illustrative records and
//! dropped: youth held at its true values (an LP over trajectories alone: 0.1–0.3 s an LP, but
//! its split pushes settled 7 of 5,474 cells in 2 LPs) and youth in lockstep with trajectories
//! (slower than the full LP, and its warm re-solves stopped short of the optimum).

use super::model::{Lp, Row};
use super::solve::{Range, Ranger};

/// Where a variable of the full LP goes in a restriction.
#[derive(Debug, Clone, Copy)]
pub enum Map {
    /// Held at this (true) value.
    Fixed(f64),
    /// `x = z_j + offset`.
    Follows(usize, f64),
}

/// A restricted LP over new variables `z`, with the map back to the full LP's variables.
pub struct Restriction {
    pub lp: Lp,
    pub map: Vec<Map>,
}

impl Restriction {
    /// Substitutes `map` into `full` (with `vars` new variables). None when a row left without
    /// variables does not hold (the true values break it: then the audit reports that anyway,
    /// and no restriction is used).
    pub fn new(full: &Lp, map: Vec<Map>, vars: usize) -> Option<Self> {
        let mut lp = Lp { lo: vec![f64::NEG_INFINITY; vars], hi: vec![f64::INFINITY; vars], rows: Vec::new() };
        for (v, m) in map.iter().enumerate() {
            if let Map::Follows(j, off) = *m {
                lp.lo[j] = lp.lo[j].max(full.lo[v] - off);
                lp.hi[j] = lp.hi[j].min(full.hi[v] - off);
            }
        }
        let tol = |x: f64| 1e-6 * x.abs().max(1.0);
        for row in &full.rows {
            let (mut constant, mut terms) = (0.0, Vec::<(usize, f64)>::new());
            for &(v, a) in &row.terms {
                match map[v] {
                    Map::Fixed(x) => constant += a * x,
                    Map::Follows(j, off) => {
                        constant += a * off;
                        match terms.iter_mut().find(|(k, _)| *k == j) {
                            Some(t) => t.1 += a,
                            None => terms.push((j, a)),
                        }
                    }
                }
            }
            terms.retain(|&(_, a)| a != 0.0);
            if terms.is_empty() {
                if constant < row.lo - tol(row.lo) || constant > row.hi + tol(row.hi) {
                    return None;
                }
                continue;
            }
            lp.rows.push(Row { terms, lo: row.lo - constant, hi: row.hi - constant });
        }
        Some(Restriction { lp, map })
    }

    /// The value of the restricted variable for a full one at the true point, if it follows one.
    pub fn z_of(&self, v: usize, truth: f64) -> Option<(usize, f64)> {
        match self.map[v] {
            Map::Follows(j, off) => Some((j, truth - off)),
            Map::Fixed(_) => None,
        }
    }

    /// Passes what the restricted LP's points showed on to the full LP's ranger (see the
    /// module note for why they are feasible points of the full LP).
    pub fn transfer(&self, restricted: &Ranger, full: &mut Ranger) {
        for (v, m) in self.map.iter().enumerate() {
            if let Map::Follows(j, off) = *m {
                let seen = restricted.seen(j);
                if seen.min <= seen.max {
                    full.widen(v, Range { min: seen.min + off, max: seen.max + off });
                }
            }
        }
    }
}

/// Boxes: small LPs around one cell. In each dimension the cell's own value, up to `partners`
/// other values (those whose cell beside it is secret first, then the largest: they have room
/// to trade) and the total; every variable outside the box held at its true value, every
/// variable of its cells free (all measures of the LP). 100–1,300 variables, milliseconds to
/// solve, and each of its points is a feasible point of the full LP (see the module note).
/// Each open variable gets one box, unless an earlier box's point settled it; every point goes
/// to the full ranger. Returns the LPs solved.
pub fn boxes(
    lp: &Lp,
    witness: &super::witness::Witness,
    full: &mut Ranger,
    open: &mut Vec<usize>,
    truth: &[f64],
    secret: &dyn Fn(usize) -> bool,
    known: &dyn Fn(&Ranger, usize) -> super::Finding,
    partners: usize,
) -> usize {
    let n = witness.coords.len();
    let blocks = lp.lo.len() / n;
    let (mut solves, mut unsolved) = (0, 0);
    for &v in open.clone().iter() {
        if known(full, v).passes() {
            continue;
        }
        let (block, own) = (v / n, witness.coords[v % n]);
        let cells = box_cells(witness, own, &|c| secret(block * n + c), &|c| truth[block * n + c], partners);
        let mut map: Vec<Map> = truth.iter().map(|&x| Map::Fixed(x)).collect();
        for (k, &c) in cells.iter().enumerate() {
            for b in 0..blocks {
                map[b * n + c] = Map::Follows(b * cells.len() + k, 0.0);
            }
        }
        let Some(restriction) = Restriction::new(lp, map, blocks * cells.len()) else { continue };
        let mut ranger = Ranger::new(&restriction.lp);
        let Some((z, zt)) = restriction.z_of(v, truth[v]) else { continue };
        // The end the cell most needs first (one LP where it is enough, as for a true 0). A box
        // the solver cannot handle only yields no point: the full LP takes its cell.
        let up_first = known(full, v).needs_up() >= known(full, v).needs_down();
        let ends = ranger.end(z, zt, up_first).and_then(|()| {
            restriction.transfer(&ranger, full);
            if known(full, v).passes() { Ok(()) } else { ranger.end(z, zt, !up_first) }
        });
        // (Seen on a few boxes a round: Clp calls a box infeasible that the true values satisfy.)
        if ends.is_err() {
            unsolved += 1;
        }
        solves += ranger.solves;
        restriction.transfer(&ranger, full);
    }
    open.retain(|&v| !known(full, v).passes());
    if unsolved > 0 && std::env::var("AUDIT_TIMING").is_ok() {
        eprintln!("      {unsolved} boxes the solver could not handle (their cells go on)");
    }
    solves
}

/// The cells of the box around `own` (see [`boxes`]).
fn box_cells(w: &super::witness::Witness, own: super::witness::Coords, secret: &dyn Fn(usize) -> bool, truth: &dyn Fn(usize) -> f64, partners: usize) -> Vec<usize> {
    let values: Vec<Vec<usize>> = (0..4)
        .map(|d| {
            let total = w.sizes[d] - 1;
            let mut others: Vec<(bool, f64, usize)> = (0..total)
                .filter(|&a| a != own[d])
                .filter_map(|a| {
                    let mut c = own;
                    c[d] = a;
                    w.at.get(&c).map(|&i| (!secret(i), -truth(i), a))
                })
                .collect();
            others.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
            let mut vals: Vec<usize> = others.iter().take(partners).map(|o| o.2).collect();
            vals.push(own[d]);
            if own[d] != total {
                vals.push(total);
            }
            vals
        })
        .collect();
    let mut cells = Vec::new();
    for &a in &values[0] {
        for &b in &values[1] {
            for &c in &values[2] {
                for &d in &values[3] {
                    if let Some(&i) = w.at.get(&[a, b, c, d]) {
                        cells.push(i);
                    }
                }
            }
        }
    }
    cells
}
