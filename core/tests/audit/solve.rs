//! The smallest and largest value of chosen variables of an [`Lp`], with COIN-OR's Clp simplex
//! ([`super::clp`]; a small component is loaded afresh for each LP, a large one once, and then
//! only its objective changes, so each solve starts from the last basis). Before solving, the
//! LP is reduced in two ways that cannot change any bound:
//! - a row that every point within the variable bounds satisfies is dropped (it excludes
//!   nothing, so the feasible set is the same);
//! - the rest splits into connected components (variables linked by rows); a variable's range
//!   depends only on its own component, so each component is solved on its own.
//!
//! Every solution the solver returns is a feasible point, so it also shows values that every
//! other variable of its component can take: an inner bound of each range, free to collect,
//! which the audit uses to skip exact solves for cells that clearly pass ([`Ranger::cheap`]).

use std::collections::HashMap;

use super::clp::{Clp, Outcome};

use super::model::{Lp, Row};

/// A range of one variable.
#[derive(Debug, Clone, Copy)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

/// An LP the solver could not handle (it must not happen: the true values are feasible).
#[derive(Debug, Clone)]
pub struct SolveError(pub String);

/// Ranges of the variables of one LP.
pub struct Ranger {
    /// The LP with its bounds tightened (see [`propagate`]).
    lp: Lp,
    comp: Vec<usize>,
    rows: Vec<Row>,
    built: HashMap<usize, Component>,
    seen: Vec<Range>,
    /// LPs solved, for the timing notes.
    pub solves: usize,
}

impl Ranger {
    pub fn new(lp: &Lp) -> Self {
        let (lo, hi) = propagate(lp);
        let tight = Lp { lo, hi, rows: Vec::new() };
        let rows: Vec<Row> = lp.rows.iter().filter(|r| !implied(&tight, r)).cloned().collect();
        let comp = components(tight.lo.len(), &rows);
        let seen = vec![Range { min: f64::INFINITY, max: f64::NEG_INFINITY }; tight.lo.len()];
        Ranger { lp: tight, comp, rows, built: HashMap::new(), seen, solves: 0 }
    }

    /// The bounds every feasible point lies within (an outer bound of each range).
    pub fn outer(&self, t: usize) -> Range {
        Range { min: self.lp.lo[t], max: self.lp.hi[t] }
    }

    /// What is known of a variable's range without solving: a true value at a bound is that
    /// end of the range (the true point is feasible and nothing lies beyond a bound; most
    /// secret cells are true zeros), and `seen` bounds the rest from inside. The flags say
    /// which ends are exact.
    pub fn cheap(&self, t: usize, truth: f64) -> (Range, bool) {
        let seen = self.seen[t];
        let (lo, hi) = (self.lp.lo[t], self.lp.hi[t]);
        let min = if truth <= lo { lo } else { seen.min.min(truth) };
        let max = if truth >= hi { hi } else { seen.max.max(truth) };
        (Range { min, max }, truth <= lo && truth >= hi)
    }

    /// The exact range of one variable whose true value is `truth` (an LP per end that is not
    /// at a bound).
    pub fn exact(&mut self, t: usize, truth: f64) -> Result<Range, SolveError> {
        let min = if truth <= self.lp.lo[t] { self.lp.lo[t] } else { self.optimum(&[(t, 1.0)], false)? };
        let max = if truth >= self.lp.hi[t] { self.lp.hi[t] } else { self.optimum(&[(t, 1.0)], true)? };
        Ok(Range { min, max })
    }

    /// One end of the range of a variable whose true value is `truth` (an LP unless the true
    /// value is at that bound); the optimal point is recorded in `seen`.
    pub fn end(&mut self, t: usize, truth: f64, maximize: bool) -> Result<(), SolveError> {
        let at_bound = if maximize { truth >= self.lp.hi[t] } else { truth <= self.lp.lo[t] };
        if !at_bound {
            self.optimum(&[(t, 1.0)], maximize)?;
        }
        Ok(())
    }

    /// One LP per component that moves many targets `(variable, truth, need, up)` at once,
    /// each towards `truth + need` (up) or `truth − need` (see [`Component::push`]); the point
    /// is kept in `seen`.
    pub fn push(&mut self, targets: &[(usize, f64, f64, bool)]) -> Result<(), SolveError> {
        let mut by_component: std::collections::BTreeMap<usize, Vec<(usize, f64, f64, bool)>> = Default::default();
        for &t in targets {
            by_component.entry(self.comp[t.0]).or_default().push(t);
        }
        for (c, targets) in by_component {
            let component = self.component(c);
            if component.rows.is_empty() {
                continue;
            }
            let point = component.push(&targets)?;
            let vars = component.vars.clone();
            self.solves += 1;
            if let Some(point) = point {
                self.record(&vars, &point);
            }
        }
        Ok(())
    }

    /// The values feasible points showed for `v` so far (min > max when none).
    pub fn seen(&self, v: usize) -> Range {
        self.seen[v]
    }

    /// Widens what feasible points showed for `v`: `range` must be values of `v` at feasible
    /// points of this LP (a restricted LP's points are: see `restrict`).
    pub fn widen(&mut self, v: usize, range: Range) {
        let s = &mut self.seen[v];
        s.min = s.min.min(range.min);
        s.max = s.max.max(range.max);
    }

    /// How many variables the LP has.
    pub fn vars(&self) -> usize {
        self.lp.lo.len()
    }

    /// Whether the component of `v` keeps its model between solves (a large LP).
    pub fn is_large(&self, v: usize) -> bool {
        self.comp.iter().filter(|&&c| c == self.comp[v]).count() >= WARM_FROM
    }

    /// Component `c`, built on first use.
    fn component(&mut self, c: usize) -> &mut Component {
        let (lp, rows, comp) = (&self.lp, &self.rows, &self.comp);
        self.built.entry(c).or_insert_with(|| Component::new(lp, rows, comp, c))
    }

    fn record(&mut self, vars: &[usize], point: &[f64]) {
        for (&v, &x) in vars.iter().zip(point) {
            let s = &mut self.seen[v];
            s.min = s.min.min(x);
            s.max = s.max.max(x);
        }
    }

    /// The optimum of a linear objective over the variables of one component (the component of
    /// its first variable); an unbounded direction gives ±infinity. The optimal point is
    /// recorded in `seen`.
    fn optimum(&mut self, objective: &[(usize, f64)], maximize: bool) -> Result<f64, SolveError> {
        let infinite = if maximize { f64::INFINITY } else { f64::NEG_INFINITY };
        let Some(&(first, _)) = objective.first() else { return Ok(0.0) };
        let bound = if maximize { self.lp.hi[first] } else { self.lp.lo[first] };
        let component = self.component(self.comp[first]);
        if component.rows.is_empty() {
            // No row: the bounds are the range (and a single variable is the only objective).
            return Ok(bound);
        }
        let result = component.solve(objective, maximize)?;
        let vars = component.vars.clone();
        self.solves += 1;
        match result {
            None => Ok(infinite),
            Some((value, point)) => {
                self.record(&vars, &point);
                Ok(value)
            }
        }
    }
}

/// Bounds implied by the rows (bound propagation, as LP presolvers do): from
/// `lo <= Σ a·x <= hi`, each variable is bounded by what the other terms can add up to at their
/// extremes, repeated until nothing tightens by more than a millionth. Every feasible point
/// satisfies the new bounds, so they may replace the old ones: the feasible set is the same, and
/// rows the new bounds imply can then be dropped. Each new bound is loosened by a hair so that
/// floating point cannot cut off a feasible point.
fn propagate(lp: &Lp) -> (Vec<f64>, Vec<f64>) {
    let (mut lo, mut hi) = (lp.lo.clone(), lp.hi.clone());
    let hair = |x: f64| 1e-9 * x.abs().max(1.0);
    for _ in 0..50 {
        let mut changed = false;
        for row in &lp.rows {
            // Sums of the finite extremes of the terms, and how many are infinite.
            let (mut min_sum, mut min_inf, mut max_sum, mut max_inf) = (0.0, 0, 0.0, 0);
            let ext = |v: usize, a: f64, lo: &[f64], hi: &[f64]| if a >= 0.0 { (a * lo[v], a * hi[v]) } else { (a * hi[v], a * lo[v]) };
            for &(v, a) in &row.terms {
                let (mn, mx) = ext(v, a, &lo, &hi);
                if mn.is_finite() { min_sum += mn } else { min_inf += 1 }
                if mx.is_finite() { max_sum += mx } else { max_inf += 1 }
            }
            for &(v, a) in &row.terms {
                let (mn, mx) = ext(v, a, &lo, &hi);
                // What the other terms add up to at least and at most.
                let rest_min = match (min_inf, mn.is_finite()) {
                    (0, _) => min_sum - mn,
                    (1, false) => min_sum,
                    _ => f64::NEG_INFINITY,
                };
                let rest_max = match (max_inf, mx.is_finite()) {
                    (0, _) => max_sum - mx,
                    (1, false) => max_sum,
                    _ => f64::INFINITY,
                };
                // a·x <= hi − rest_min and a·x >= lo − rest_max.
                let (up, down) = (row.hi - rest_min, row.lo - rest_max);
                let (new_hi, new_lo) = if a > 0.0 { (up / a, down / a) } else { (down / a, up / a) };
                if new_hi.is_finite() && new_hi + hair(new_hi) < hi[v] - 1e-6 * hi[v].abs().max(1.0) {
                    hi[v] = new_hi + hair(new_hi);
                    changed = true;
                }
                if new_lo.is_finite() && new_lo - hair(new_lo) > lo[v] + 1e-6 * lo[v].abs().max(1.0) {
                    lo[v] = new_lo - hair(new_lo);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    (lo, hi)
}

/// True when the row holds for every point within the variable bounds.
fn implied(lp: &Lp, row: &Row) -> bool {
    let (mut min, mut max) = (0.0, 0.0);
    for &(v, c) in &row.terms {
        let (a, b) = if c >= 0.0 { (c * lp.lo[v], c * lp.hi[v]) } else { (c * lp.hi[v], c * lp.lo[v]) };
        min += a;
        max += b;
    }
    // NaN (inf − inf) cannot occur: each term adds only one sign of infinity to each sum.
    min >= row.lo && max <= row.hi
}

/// The component of each variable (union-find over the rows' variables).
fn components(n: usize, rows: &[Row]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for r in rows {
        if let Some(&(first, _)) = r.terms.first() {
            for &(v, _) in &r.terms[1..] {
                let (a, b) = (find(&mut parent, first), find(&mut parent, v));
                parent[a] = b;
            }
        }
    }
    (0..n).map(|v| find(&mut parent, v)).collect()
}

/// Components with at least this many variables keep their Clp models between solves and
/// re-solve from the last basis (primal simplex: the last optimum stays feasible when only the
/// objective changes). On the illustrative records (7,290 variables) an exact LP took 0.3–0.8 s
/// so, against 1.1–1.35 s loaded afresh; on the random files' small degenerate LPs (at most 480
/// variables) loading afresh was faster, so they keep doing that.
const WARM_FROM: usize = 2_000;

/// The variables of one component and its rows, numbered locally.
struct Component {
    vars: Vec<usize>,
    local: HashMap<usize, usize>,
    bounds: Vec<(f64, f64)>,
    rows: Vec<Row>,
    /// The model of exact LPs, kept between solves (large components only).
    exact_model: Option<Clp>,
}

impl Component {
    fn new(lp: &Lp, rows: &[Row], comp: &[usize], c: usize) -> Self {
        let vars: Vec<usize> = (0..lp.lo.len()).filter(|&v| comp[v] == c).collect();
        let local: HashMap<usize, usize> = vars.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let rows: Vec<Row> = rows
            .iter()
            .filter(|r| r.terms.first().is_some_and(|(v, _)| comp[*v] == c))
            .map(|r| Row { terms: r.terms.iter().map(|&(v, k)| (local[&v], k)).collect(), lo: r.lo, hi: r.hi })
            .collect();
        let bounds = vars.iter().map(|&v| (lp.lo[v], lp.hi[v])).collect();
        Component { vars, local, bounds, rows, exact_model: None }
    }

    /// The optimum and an optimal point (in `vars` order), or None when unbounded.
    fn solve(&mut self, objective: &[(usize, f64)], maximize: bool) -> Result<Option<(f64, Vec<f64>)>, SolveError> {
        let objective: Vec<(usize, f64)> = objective.iter().map(|&(v, k)| (self.local[&v], k)).collect();
        let mut costs = vec![0.0; self.vars.len()];
        for &(i, k) in &objective {
            costs[i] = k;
        }
        if self.vars.len() >= WARM_FROM {
            if let Some(model) = self.exact_model.as_mut() {
                model.set_objective(&costs);
                // Only an optimum is taken from a warm start; anything else is solved afresh.
                if let Ok(Some(found)) = optimum(model.resolve(maximize), &objective) {
                    return Ok(Some(found));
                }
            }
        }
        let mut model = load(&self.bounds, &self.rows);
        model.set_objective(&costs);
        let found = optimum(model.solve(maximize), &objective);
        if self.vars.len() >= WARM_FROM && matches!(found, Ok(Some(_))) {
            self.exact_model = Some(model);
        }
        found
    }

    /// A point that moves each target towards `truth ± need` as far as it can, all at once
    /// (maximise Σ z/need with z ≤ ±(x − truth) and 0 ≤ z ≤ need), in a model of its own (a
    /// kept model re-solved per batch was slower than a new one on the illustrative records).
    fn push(&self, targets: &[(usize, f64, f64, bool)]) -> Result<Option<Vec<f64>>, SolveError> {
        let mut bounds = self.bounds.clone();
        let mut rows = self.rows.clone();
        let mut objective = Vec::new();
        for &(v, truth, need, up) in targets {
            let z = bounds.len();
            bounds.push((0.0, need));
            objective.push((z, 1.0 / need));
            // up: x − z ≥ truth; down: x + z ≤ truth.
            let terms = vec![(self.local[&v], 1.0), (z, if up { -1.0 } else { 1.0 })];
            rows.push(if up { Row { terms, lo: truth, hi: f64::INFINITY } } else { Row { terms, lo: f64::NEG_INFINITY, hi: truth } });
        }
        let mut model = load(&bounds, &rows);
        for &(z, k) in &objective {
            model.set_cost(z, k);
        }
        Ok(optimum(model.solve(true), &objective)?.map(|(_, point)| point[..self.vars.len()].to_vec()))
    }
}

/// Loads bounds and rows (numbered locally) into Clp.
fn load(bounds: &[(f64, f64)], rows: &[Row]) -> Clp {
    let mut columns = vec![Vec::new(); bounds.len()];
    for (r, row) in rows.iter().enumerate() {
        for &(v, k) in &row.terms {
            columns[v].push((r, k));
        }
    }
    let (lo, hi): (Vec<f64>, Vec<f64>) = bounds.iter().copied().unzip();
    let (rlo, rhi): (Vec<f64>, Vec<f64>) = rows.iter().map(|r| (r.lo, r.hi)).unzip();
    Clp::new(&lo, &hi, &columns, &rlo, &rhi)
}

/// The optimum (computed from the point and the objective) and the point, or None when
/// unbounded.
fn optimum(outcome: Outcome, objective: &[(usize, f64)]) -> Result<Option<(f64, Vec<f64>)>, SolveError> {
    match outcome {
        Outcome::Optimal(point) => Ok(Some((objective.iter().map(|&(i, k)| k * point[i]).sum(), point))),
        Outcome::Unbounded => Ok(None),
        Outcome::Failed(status) => Err(SolveError(format!("Clp status {status}"))),
    }
}

