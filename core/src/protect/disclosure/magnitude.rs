//! The cell-key method for euros (the "top contributions" variant of sdcTools/cellKey): each
//! youth's euros are summed within the cell first; the two largest of those (in absolute value,
//! as corrections may be negative) each add noise in proportion to themselves:
//!
//! `shown = x + Σⱼ sgn(x)·|xⱼ|·s·εⱼ·sgn(vⱼ)·(μ + (1 + μ)·|vⱼ|)`, with s = 15%, ε = (1, ½)
//!
//! and μ = 1 for the largest where one youth holds more than half of the cell (so a dominated
//! cell moves by 15% to 45% of that youth's euros, either way), else 0. Each vⱼ is **continuous**
//! in [−1, 1), drawn from the cell's key of its **rows** (not of its youth): no step a cell can
//! land on exactly, no value of the draw special, and two cells of the same youth but other rows
//! (a child at two providers) get independent noise, so knowing one cell's exact euros tells
//! nothing of another's. A step never takes the value across 0; a cell of € 0 stays € 0. The
//! result is rounded to whole thousands.

use super::keys::{for_use, unit, Use};
use crate::model::rules::{DOMINANCE_SHARE, EURO_ROUNDING, NOISE_SHARE};

/// The weight of the largest and the second largest contribution.
const EPSILON: [f64; 2] = [1.0, 0.5];

/// Per cell, the euros of the client being counted, the two largest clients' and the total.
#[derive(Clone, Copy, Default)]
struct Cell {
    client: Option<u32>,
    current: i64,
    /// The two largest contributions, largest first, by absolute value.
    top: [i64; 2],
    /// Σ |contribution|.
    absolute: u64,
    total: i64,
}

impl Cell {
    fn close_client(&mut self) {
        let c = self.current;
        self.absolute += c.unsigned_abs();
        if c.unsigned_abs() > self.top[0].unsigned_abs() {
            self.top = [c, self.top[0]];
        } else if c.unsigned_abs() > self.top[1].unsigned_abs() {
            self.top[1] = c;
        }
        self.current = 0;
    }
}

/// The contributions of every cell, as records pass by ordered by client.
pub(crate) struct Contributions(Vec<Cell>);

impl Contributions {
    pub(crate) fn new(cells: usize) -> Self {
        Contributions(vec![Cell::default(); cells])
    }

    /// Room for `cells` cells.
    pub(crate) fn grow(&mut self, cells: usize) {
        self.0.resize(cells, Cell::default());
    }

    /// Adds a record's cents to a cell; true when its client is new to the cell.
    pub(crate) fn add(&mut self, i: usize, client: u32, cents: i64) -> bool {
        let c = &mut self.0[i];
        let new = c.client != Some(client);
        if new {
            if c.client.is_some() {
                c.close_client();
            }
            c.client = Some(client);
        }
        c.current += cents;
        c.total += cents;
        new
    }

    /// The cell's euros with their noise, rounded to thousands; `key` is the cell key of its rows.
    pub(crate) fn perturbed(&mut self, i: usize, key: u64) -> f64 {
        let c = &mut self.0[i];
        if c.client.take().is_some() {
            c.close_client();
        }
        let uses = [Use::Euro, Use::EuroSecond];
        let noisy = perturb(c.total as f64, c.top, c.absolute, |j| unit(for_use(key, uses[j], 0)));
        round_thousands(noisy / 100.0)
    }
}

/// The formula of the module's documentation, in cents; `v(j)` is the unit noise of the j-th key.
fn perturb(total: f64, top: [i64; 2], absolute: u64, v: impl Fn(usize) -> f64) -> f64 {
    if total == 0.0 {
        return 0.0;
    }
    let dominated = top[0].unsigned_abs() as f64 > DOMINANCE_SHARE * absolute as f64;
    let sign = |x: f64| if x < 0.0 { -1.0 } else { 1.0 };
    let mut x = total;
    for (j, &contribution) in top.iter().enumerate() {
        let v = v(j);
        let mu = if dominated && j == 0 { 1.0 } else { 0.0 };
        let step = sign(x) * contribution.unsigned_abs() as f64 * NOISE_SHARE * EPSILON[j] * sign(v) * (mu + (1.0 + mu) * v.abs());
        // Never across 0: a positive cell stays at least 0, a negative one at most 0.
        x += if x >= 0.0 { step.max(-x) } else { step.min(-x) };
    }
    x
}

/// Euros to whole thousands, half away from zero.
fn round_thousands(euros: f64) -> f64 {
    (euros / EURO_ROUNDING).round() * EURO_ROUNDING
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One youth with € 10,000: the noise is 15% to 45% of it, either way, never 0.
    #[test]
    fn a_dominated_cell_moves_by_at_least_the_share() {
        for v in [-1.0, -0.2, 0.0, 0.2, 1.0] {
            let out = perturb(1_000_000.0, [1_000_000, 0], 1_000_000, |_| v);
            let moved = (out - 1_000_000.0).abs() / 1_000_000.0;
            assert!((0.15 - 1e-12..=0.45 + 1e-12).contains(&moved), "{v}: {out}");
        }
        assert_eq!(perturb(1_000_000.0, [1_000_000, 0], 1_000_000, |_| -1.0), 550_000.0);
    }

    /// Many equal youth: the noise is at most 15% + 7.5% of one of them, and may be 0.
    #[test]
    fn a_cell_of_many_moves_by_a_share_of_its_largest() {
        let out = perturb(100_000_000.0, [1_000_000, 1_000_000], 100_000_000, |_| 1.0);
        assert_eq!(out, 100_000_000.0 + 225_000.0);
        assert_eq!(perturb(100_000_000.0, [1_000_000, 1_000_000], 100_000_000, |_| 0.0), 100_000_000.0);
    }

    /// Corrections: a negative cell moves too, never across 0; € 0 stays € 0.
    #[test]
    fn negative_cells_and_zero() {
        let out = perturb(-500_000.0, [-500_000, 0], 500_000, |_| -1.0);
        assert!((-500_000.0..0.0).contains(&out) || out == 0.0, "{out}");
        assert!(perturb(-500_000.0, [-500_000, 0], 500_000, |_| 1.0) < -500_000.0);
        assert_eq!(perturb(0.0, [300, -300], 600, |_| 1.0), 0.0);
        assert_eq!(perturb(100.0, [100, 0], 100, |_| -1.0), 55.0);
        assert_eq!(perturb(100.0, [1000, -900], 1900, |_| -1.0), 0.0);
        assert_eq!((round_thousands(1_499.0), round_thousands(-1_500.0)), (1_000.0, -2_000.0));
    }

    /// A youth's euros are summed within the cell before they count as a contribution.
    #[test]
    fn contributions_are_per_youth() {
        let mut c = Contributions::new(1);
        assert!(c.add(0, 7, 600));
        assert!(!c.add(0, 7, 500));
        assert!(c.add(0, 8, -200));
        assert!(c.add(0, 9, 100));
        let cell = &mut c.0[0];
        cell.close_client();
        assert_eq!((cell.top, cell.absolute, cell.total), ([1100, -200], 1400, 1000));
    }
}
