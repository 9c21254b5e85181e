//! The perturbation table of the cell-key method: for a true count `i` and a cell key in
//! [0, 1), the noise to add. PTableRow `i` is the distribution of maximum entropy over the published
//! values `j` with |j − i| ≤ D, j ≥ 0 and j not in 1..=js, whose mean is `i` (no bias) and whose
//! variance is V; row 0 is "0 stays 0". From i = js + D + 1 on, no bound cuts the support, so
//! that row (the symmetric one) serves every larger count (as in sdcTools/ptable).
//!
//! Maximum entropy under a mean and a variance gives p(j) ∝ exp(a·v + b·v²) with v = j − i; `a`
//! and `b` are found by Newton's method on the convex dual. The probabilities are then held as
//! multiples of 2⁻³² (cumulative, so a cell key picks its noise by comparison), so the table is
//! the same bit for bit in the browser and natively, whatever their `exp` rounds to.

use crate::model::rules::{MAX_NOISE, NO_SMALL, VARIANCE};

/// One row: the noises with the upper end of each one's interval of cell keys, in units of 2⁻³².
#[derive(Debug, Clone, PartialEq)]
pub struct PTableRow {
    /// (noise, upper end of its key interval); the last upper end is 2³².
    pub entries: Vec<(i64, u64)>,
}

impl PTableRow {
    /// The probability of each noise, from the held intervals.
    pub fn probabilities(&self) -> Vec<(i64, f64)> {
        let mut lower = 0;
        self.entries
            .iter()
            .map(|&(v, upper)| {
                let p = (upper - lower) as f64 / ONE as f64;
                lower = upper;
                (v, p)
            })
            .collect()
    }
}

const ONE: u64 = 1 << 32;

/// The table: rows 0..=js + D + 1.
#[derive(Debug, Clone, PartialEq)]
pub struct PTable {
    /// PTableRow `i` for a true count `i`; the last for every larger count.
    pub rows: Vec<PTableRow>,
}

impl PTable {
    /// The table with the method's parameters.
    pub fn new() -> PTable {
        PTable::with(MAX_NOISE, VARIANCE, NO_SMALL)
    }

    /// A table for other parameters (for the tests that check how the choice was made).
    pub fn with(d: i64, variance: f64, js: i64) -> PTable {
        let last = js + d + 1;
        let rows = (0..=last).map(|i| row(i, d, variance, js)).collect();
        PTable { rows }
    }

    /// The noise for a true count `n` in a cell with this key (the top 32 bits of a 64-bit sum).
    pub fn noise(&self, n: u64, cell_key: u64) -> i64 {
        let row = &self.rows[(n as usize).min(self.rows.len() - 1)];
        let k = cell_key >> 32;
        row.entries.iter().find(|&&(_, upper)| k < upper).map_or(0, |&(v, _)| v)
    }

    /// The symmetric row's noise (for a count large enough that no bound cuts it): for the
    /// weeks of a duration's quartile and the shift of its position.
    pub fn symmetric_noise(&self, cell_key: u64) -> i64 {
        self.noise(u64::MAX, cell_key)
    }
}

impl Default for PTable {
    fn default() -> Self {
        PTable::new()
    }
}

/// PTableRow `i`: maximum entropy with mean 0 and variance V over the allowed noises.
fn row(i: i64, d: i64, variance: f64, js: i64) -> PTableRow {
    if i == 0 {
        return PTableRow { entries: vec![(0, ONE)] };
    }
    let noises: Vec<i64> = ((i - d).max(0)..=i + d).filter(|j| *j == 0 || *j > js).map(|j| j - i).collect();
    let p = max_entropy(&noises, variance);
    PTableRow { entries: held(&noises, &p) }
}

/// p(v) ∝ exp(a·v + b·v²) with Σ p·v = 0 and Σ p·v² = V (Newton's method on the dual).
fn max_entropy(v: &[i64], variance: f64) -> Vec<f64> {
    let v: Vec<f64> = v.iter().map(|&x| x as f64).collect();
    let probabilities = |a: f64, b: f64| {
        let e: Vec<f64> = v.iter().map(|x| a * x + b * x * x).collect();
        let top = e.iter().cloned().fold(f64::MIN, f64::max);
        let w: Vec<f64> = e.iter().map(|x| (x - top).exp()).collect();
        let z: f64 = w.iter().sum();
        (w.iter().map(|x| x / z).collect::<Vec<f64>>(), z.ln() + top)
    };
    // The dual, log Z − b·V, is convex in (a, b); its gradient is (E v, E v² − V).
    let dual = |a: f64, b: f64| probabilities(a, b).1 - b * variance;
    let (mut a, mut b) = (0.0, 0.0);
    for _ in 0..200 {
        let (p, _) = probabilities(a, b);
        let m = |f: &dyn Fn(f64) -> f64| v.iter().zip(&p).map(|(x, p)| p * f(*x)).sum::<f64>();
        let (m1, m2, m3, m4) = (m(&|x| x), m(&|x| x * x), m(&|x| x * x * x), m(&|x| x * x * x * x));
        let g = (m1, m2 - variance);
        if g.0.abs() < 1e-14 && g.1.abs() < 1e-13 {
            break;
        }
        let (haa, hab, hbb) = (m2 - m1 * m1, m3 - m1 * m2, m4 - m2 * m2);
        let det = haa * hbb - hab * hab;
        let (da, db) = ((hbb * g.0 - hab * g.1) / det, (haa * g.1 - hab * g.0) / det);
        let mut step = 1.0;
        let now = dual(a, b);
        while dual(a - step * da, b - step * db) > now + 1e-15 && step > 1e-9 {
            step /= 2.0;
        }
        (a, b) = (a - step * da, b - step * db);
    }
    probabilities(a, b).0
}

/// The probabilities as cumulative multiples of 2⁻³², the last ending at exactly 2³²; the
/// rounding error is spread so that a symmetric row stays exactly symmetric.
fn held(v: &[i64], p: &[f64]) -> Vec<(i64, u64)> {
    let mut units: Vec<u64> = p.iter().map(|p| (p * ONE as f64).round() as u64).collect();
    let sum: u64 = units.iter().sum();
    // What rounding left over goes to the noise 0 (the middle of a symmetric row).
    let zero = v.iter().position(|&x| x == 0).unwrap_or(0);
    units[zero] = (units[zero] + ONE).saturating_sub(sum);
    let mut upper = 0;
    v.iter()
        .zip(units)
        .map(|(&v, u)| {
            upper += u;
            (v, upper)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moments(row: &PTableRow) -> (f64, f64, f64) {
        let p = row.probabilities();
        let sum: f64 = p.iter().map(|(_, p)| p).sum();
        let mean: f64 = p.iter().map(|(v, p)| *v as f64 * p).sum();
        let var: f64 = p.iter().map(|(v, p)| (*v as f64 - mean).powi(2) * p).sum();
        (sum, mean, var)
    }

    /// The table's properties, row by row: a distribution, mean 0, variance V, |noise| ≤ D, no
    /// published value in 1..=js or below 0, 0 → 0, and every allowed value possible.
    #[test]
    fn every_row_has_mean_0_variance_v_and_the_bounds() {
        let t = PTable::new();
        assert_eq!(t.rows.len(), (NO_SMALL + MAX_NOISE + 2) as usize);
        assert_eq!(t.rows[0].entries, vec![(0, ONE)]);
        for (i, row) in t.rows.iter().enumerate().skip(1) {
            let (sum, mean, var) = moments(row);
            assert_eq!(row.entries.last().unwrap().1, ONE);
            assert!((sum - 1.0).abs() < 1e-15, "row {i}: {sum}");
            assert!(mean.abs() < 1e-8, "row {i}: mean {mean}");
            assert!((var - VARIANCE).abs() < 1e-8, "row {i}: variance {var}");
            for (v, p) in row.probabilities() {
                let j = i as i64 + v;
                assert!(v.abs() <= MAX_NOISE && j >= 0 && !(1..=NO_SMALL).contains(&j), "row {i}: {v}");
                assert!(p > 1e-4, "row {i}: noise {v} has p {p}");
            }
        }
        // The last row is symmetric, exactly.
        let last = t.rows.last().unwrap().probabilities();
        for k in 0..last.len() {
            assert_eq!(last[k].0, -last[last.len() - 1 - k].0);
            assert_eq!(last[k].1, last[last.len() - 1 - k].1);
        }
    }

    /// A cell key picks each noise with its probability: 0 → the first, just under 1 → the last.
    #[test]
    fn the_cell_key_picks_the_noise_by_its_interval() {
        let t = PTable::new();
        assert_eq!(t.noise(0, 12345), 0);
        assert_eq!(t.noise(0, u64::MAX), 0);
        assert_eq!(t.noise(100, 0), -MAX_NOISE);
        assert_eq!(t.noise(100, u64::MAX), MAX_NOISE);
        assert_eq!(t.noise(1, 0), -1); // 1 → 0
        for n in [1u64, 2, 3, 7, 8, 9, 1000] {
            for k in 0..1000u64 {
                let key = k.wrapping_mul(0x9e37_79b9_7f4a_7c15);
                let out = n as i64 + t.noise(n, key);
                assert!(out == 0 || out > NO_SMALL, "{n} → {out}");
                assert!((out - n as i64).abs() <= MAX_NOISE);
            }
        }
        assert_eq!(t.symmetric_noise(u64::MAX), MAX_NOISE);
    }

    /// Other parameters give other tables with the same properties (so the solver is general).
    #[test]
    fn other_parameters_solve_too() {
        for (d, v, js) in [(3, 1.0, 0), (4, 2.0, 1), (5, 2.0, 2), (6, 4.0, 3)] {
            for row in PTable::with(d, v, js).rows.iter().skip(1) {
                let (_, mean, var) = moments(row);
                assert!(mean.abs() < 1e-8 && (var - v).abs() < 1e-8, "{d} {v} {js}: {mean} {var}");
            }
        }
    }
}
