//! An audit of a disclosed cube by linear programming, the way statistical offices check their
//! tables (τ-ARGUS): for every secret cell, the smallest and largest value consistent with
//! everything the dashboard shows.
//!
//! The attacker knows:
//! - every visible cell: counts shown as multiples of 5 lie within ±2 (they are whole numbers),
//!   euros shown as whole thousands within ±500; a measure whose visible cells are not all
//!   such multiples is taken as shown exactly (today's euros). Counts are never negative;
//! - euros are never negative when no cell of the true cube is (the test files), else unbounded;
//! - a secret cell: only that floor;
//! - every additive relation the screens can show, over all cells and crossings: trajecten and
//!   euros of a total are the sum of its members in each dimension, and a year is the sum of its
//!   half-years (or quarters); unique youth is a distinct count, so a total is at least each
//!   member and at most their sum; and a cell never has more youth than trajectories.
//!
//! Counts are whole, so a count's range is rounded inwards (a stronger attacker than plain LP).
//! Relations an LP cannot express are not used: that a cell with trajectories has at least one
//! youth and some euros (they are "or" statements), and anything outside the cube (population).

mod model;
mod report;
mod solve;
mod witness;

pub use report::{Bound, Finding, Report};

use lta_core::{Cell, Cube, Key, Measure};
use model::{Lp, Reading, Year};

/// Audits `shown` (the cube after the rules) against `raw` (the cube before them).
pub fn audit(raw: &Cube, shown: &Cube) -> Report {
    audit_with(raw, shown, false)
}

/// The same, stopping at the first failure when `stop_at_failure` (for property tests over many
/// files, where one failure settles the file's verdict; the counts are then partial).
pub fn audit_with(raw: &Cube, shown: &Cube, stop_at_failure: bool) -> Report {
    let mut report = Report::default();
    let (years, loose) = model::years(raw);
    for key in loose {
        report.problems.push(format!("{key:?}: a cell without a period, which the audit does not model"));
    }
    let readings = Measure::ALL.map(|m| reading(raw, shown, m));
    for year in &years {
        let t = model::bounds(shown, &year.keys, Measure::Trajecten, readings[0]);
        let y = model::bounds(shown, &year.keys, Measure::Jeugdigen, readings[1]);
        let e = model::bounds(shown, &year.keys, Measure::VolumeEur, readings[2]);
        let counts = model::counts_lp(year, &t, &y);
        audit_lp(raw, shown, year, &counts, &[Measure::Trajecten, Measure::Jeugdigen], stop_at_failure, &mut report);
        if stop_at_failure && !report.passed() {
            break;
        }
        let euros = model::euros_lp(year, &e);
        audit_lp(raw, shown, year, &euros, &[Measure::VolumeEur], stop_at_failure, &mut report);
        if stop_at_failure && !report.passed() {
            break;
        }
    }
    report
}

/// How the visible cells of a measure were shown, and the floor of its values.
fn reading(raw: &Cube, shown: &Cube, m: Measure) -> Reading {
    let (step, half) = if m.is_count() { (5.0, 2.0) } else { (1000.0, 500.0) };
    let rounded = shown.keys().filter_map(|k| shown.get(k).get(m).number()).all(|v| v % step == 0.0);
    let negative = raw.keys().any(|k| raw.get(k).get(m).number().is_some_and(|v| v < 0.0));
    Reading { half: if rounded { half } else { 0.0 }, floor: if negative { f64::NEG_INFINITY } else { 0.0 } }
}

/// Audits the secret cells of the measures of one LP (variables: the year's cells, measure
/// after measure). A cell that feasible points met earlier already show to pass is not solved
/// exactly (its interval is then an inner bound: the true one is at least as wide); every
/// failing cell, and per measure the narrowest cell, is solved exactly, except that when
/// stopping at the first failure, bounds implied by propagation that already fail settle it.
fn audit_lp(raw: &Cube, shown: &Cube, year: &Year, lp: &Lp, measures: &[Measure], stop_at_failure: bool, report: &mut Report) {
    let n = year.keys.len();
    let cell = |v: usize| (&year.keys[v % n], measures[v / n]);
    let truth: Vec<f64> = (0..lp.lo.len()).map(|v| raw.get(cell(v).0).get(cell(v).1).number().unwrap_or(f64::NAN)).collect();
    check_truth(lp, &truth, &cell, report);
    let mut targets: Vec<usize> = (0..lp.lo.len())
        .filter(|&v| shown.get(cell(v).0).get(cell(v).1) == Cell::Secret && !truth[v].is_nan())
        .collect();
    let finding = |v: usize, r: solve::Range, exact: Bound| {
        let (key, m) = cell(v);
        Finding::new(key.clone(), m, truth[v], r.min, r.max, exact)
    };
    let mut ranger = solve::Ranger::new(lp);
    let witness = witness::Witness::new(lp, year, &truth);
    let mut findings = Vec::with_capacity(targets.len());
    // When one failure settles the verdict, look for one the implied bounds show, before any LP.
    if stop_at_failure {
        if let Some(f) = targets.iter().map(|&v| finding(v, ranger.outer(v), Bound::Outer)).find(|f| !f.passes()) {
            return report.add(f);
        }
    }
    if stop_at_failure {
        // The cells whose implied bounds are narrowest first: the likeliest failures.
        let score = |v: usize| finding(v, ranger.outer(v), Bound::Outer).score();
        targets.sort_by(|&a, &b| score(a).total_cmp(&score(b)));
    }
    let result = Ok::<(), solve::SolveError>(()).and_then(|()| {
        for &v in &targets {
            let (range, exact) = ranger.cheap(v, truth[v]);
            let cheap = finding(v, range, if exact { Bound::Exact } else { Bound::Inner });
            let outer = finding(v, ranger.outer(v), Bound::Outer);
            // Feasible points along hypercube directions: an inner bound without an LP.
            let enough = |up: f64, down: f64| finding(v, solve::Range { min: truth[v] - down, max: truth[v] + up }, Bound::Inner).passes();
            let witnessed = || {
                let (up, down) = witness.range(v, &enough);
                finding(v, solve::Range { min: range.min.min(truth[v] - down), max: range.max.max(truth[v] + up) }, Bound::Inner)
            };
            findings.push(if cheap.passes() || exact {
                cheap
            } else if let Some(w) = Some(witnessed()).filter(Finding::passes) {
                w
            } else if stop_at_failure && !outer.passes() {
                // Even the implied bounds are too narrow: a failure without solving.
                outer
            } else {
                finding(v, ranger.exact(v, truth[v])?, Bound::Exact)
            });
            if stop_at_failure && !findings[findings.len() - 1].passes() {
                break;
            }
        }
        // The narrowest of each measure exactly: the lowest score, until it is an exact one.
        for &m in measures.iter().filter(|_| !stop_at_failure) {
            while let Some(i) = (0..findings.len())
                .filter(|&i| findings[i].measure == m)
                .min_by(|&a, &b| findings[a].score().total_cmp(&findings[b].score()))
                .filter(|&i| findings[i].exact != Bound::Exact)
            {
                findings[i] = finding(targets[i], ranger.exact(targets[i], truth[targets[i]])?, Bound::Exact);
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        return report.problems.push(format!("year of {:?}: solver: {}", year.keys.first(), e.0));
    }
    report.solves += ranger.solves;
    for f in findings {
        let tol = 1e-6 * f.truth.abs().max(1.0);
        if f.exact == Bound::Exact && (f.truth < f.min - tol || f.truth > f.max + tol) {
            report.problems.push(format!("{f}: the true value is outside its own range"));
        }
        report.add(f);
    }
}

/// The true cube must satisfy everything the attacker is assumed to know; otherwise the model
/// is wrong (a rule the audit misreads, or a relation that does not hold) and so is its verdict.
fn check_truth<'k>(lp: &Lp, truth: &[f64], cell: &dyn Fn(usize) -> (&'k Key, Measure), report: &mut Report) {
    let tol = |x: f64| 1e-6 * x.abs().max(1.0);
    for (v, &x) in truth.iter().enumerate() {
        if !x.is_nan() && (x < lp.lo[v] - tol(x) || x > lp.hi[v] + tol(x)) {
            let (k, m) = cell(v);
            report.problems.push(format!("{k:?} {m:?}: true {x} not within the shown [{}, {}]", lp.lo[v], lp.hi[v]));
        }
    }
    for row in &lp.rows {
        if row.terms.iter().any(|&(v, _)| truth[v].is_nan()) {
            continue;
        }
        let sum: f64 = row.terms.iter().map(|&(v, c)| c * truth[v]).sum();
        if sum < row.lo - tol(sum) || sum > row.hi + tol(sum) {
            let (k, m) = cell(row.terms[0].0);
            report.problems.push(format!("{k:?} {m:?}: a relation the true cube breaks ({sum} not in [{}, {}])", row.lo, row.hi));
        }
    }
}
