//! A year's children and their rows (trajectory-halves), before euros are attached.
//! Counts come from the plan exactly; chance only decides who is who and which half a row is in.

use crate::allocate::largest_remainder;
use crate::assumptions::{self, CONTINUING_SHARE, MAX_ROWS_PER_CHILD};
use crate::codes::{Landsdeel, Perceel, Verwijzer};
use crate::plan::YearPlan;
use crate::prng::Rng;

/// A row without its euros yet; `weight` is its relative cost within its perceel.
pub struct DraftRow {
    pub serial: u32,
    pub half: u8,
    pub landsdeel: Landsdeel,
    pub perceel: Perceel,
    pub verwijzer: Verwijzer,
    pub weight: f64,
}

/// The children (serial numbers) of each `[landsdeel][perceel]` cell of a year, so that some of
/// them can continue in the same cell the next year.
pub type Cells = Vec<Vec<Vec<u32>>>;

pub fn empty_cells() -> Cells {
    vec![vec![Vec::new(); Perceel::ALL.len()]; Landsdeel::ALL.len()]
}

struct Child {
    serial: u32,
    /// Landsdeel in the first and in the second half-year (different only for a mover).
    landsdeel: [Landsdeel; 2],
    rows: u32,
    verwijzer: Verwijzer,
}

/// Gives out serial numbers for new children.
pub struct Serials(pub u32);

impl Serials {
    fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0 - 1
    }
}

/// All rows of one year, and the year's cells for the next.
pub fn draft_rows(
    plan: &YearPlan,
    previous: &Cells,
    serials: &mut Serials,
    rng: &mut Rng,
) -> (Vec<DraftRow>, Cells) {
    let cells = fill_cells(plan, previous, serials, rng);
    let mut drafts = Vec::new();
    for p in Perceel::ALL {
        let mut children: Vec<Child> = Vec::new();
        for l in Landsdeel::ALL {
            let serial_list = &cells[l as usize][p as usize];
            children.extend(serial_list.iter().map(|&serial| Child {
                serial,
                landsdeel: [l; 2],
                rows: 1,
                verwijzer: Verwijzer::Onbekend,
            }));
        }
        for m in plan.movers.iter().filter(|m| m.perceel == p) {
            // A mover has a row in each half: that is what puts them in two landsdelen.
            children.push(Child {
                serial: serials.next(),
                landsdeel: [m.from, m.to],
                rows: 2,
                verwijzer: Verwijzer::Onbekend,
            });
        }
        assign_referrers(&mut children, p, rng);
        spread_extra_rows(&mut children, plan.rows[p as usize], rng);
        for c in &children {
            expand(c, p, plan.year, &mut drafts, rng);
        }
    }
    (drafts, cells)
}

/// The children of each cell: about `CONTINUING_SHARE` from last year's same cell, the rest new.
fn fill_cells(plan: &YearPlan, previous: &Cells, serials: &mut Serials, rng: &mut Rng) -> Cells {
    let mut cells = empty_cells();
    for l in Landsdeel::ALL {
        for p in Perceel::ALL {
            let n = plan.youth[l as usize][p as usize] as usize;
            let mut last_year = previous[l as usize][p as usize].clone();
            rng.shuffle(&mut last_year);
            let continuing = ((n as f64 * CONTINUING_SHARE).round() as usize).min(last_year.len());
            let cell = &mut cells[l as usize][p as usize];
            cell.extend_from_slice(&last_year[..continuing]);
            cell.extend((continuing..n).map(|_| serials.next()));
        }
    }
    cells
}

/// Referrers by exact quota per perceel (so youth per referrer do not depend on chance), given
/// to the children in random order. One referrer per child per year.
fn assign_referrers(children: &mut [Child], p: Perceel, rng: &mut Rng) {
    let quota = largest_remainder(
        children.len() as u64,
        &assumptions::VERWIJZER_MIX[p as usize],
    );
    let mut labels: Vec<Verwijzer> = Verwijzer::ALL
        .iter()
        .zip(quota)
        .flat_map(|(&v, n)| std::iter::repeat_n(v, n as usize))
        .collect();
    rng.shuffle(&mut labels);
    for (c, v) in children.iter_mut().zip(labels) {
        c.verwijzer = v;
    }
}

/// Gives the perceel's rows beyond one per child (two per mover) to random children, at most
/// `MAX_ROWS_PER_CHILD` each while any child has room.
fn spread_extra_rows(children: &mut [Child], rows: u32, rng: &mut Rng) {
    let given: u32 = children.iter().map(|c| c.rows).sum();
    assert!(
        rows >= given,
        "a perceel has fewer rows ({rows}) than its children need ({given})"
    );
    if children.is_empty() {
        return;
    }
    for _ in given..rows {
        let pick = (0..16)
            .map(|_| rng.below(children.len()))
            .find(|&i| children[i].rows < MAX_ROWS_PER_CHILD);
        let i = pick
            .or_else(|| children.iter().position(|c| c.rows < MAX_ROWS_PER_CHILD))
            .unwrap_or(0);
        children[i].rows += 1;
    }
}

/// A child's rows: each in a random half-year (a mover's first two in H1 and H2), each with the
/// child's cost level times a small per-row spread.
fn expand(c: &Child, p: Perceel, year: u16, drafts: &mut Vec<DraftRow>, rng: &mut Rng) {
    let cost = assumptions::child_cost_factor(rng.unit(), rng.unit());
    let mover = c.landsdeel[0] != c.landsdeel[1];
    for i in 0..c.rows {
        let half = match (mover, i) {
            (true, 0) => 1,
            (true, 1) => 2,
            _ if !assumptions::has_second_half(year, p) => 1,
            _ => 1 + rng.below(2) as u8,
        };
        drafts.push(DraftRow {
            serial: c.serial,
            half,
            landsdeel: c.landsdeel[half as usize - 1],
            perceel: p,
            verwijzer: c.verwijzer,
            weight: cost * assumptions::row_cost_factor(rng.unit()),
        });
    }
}
