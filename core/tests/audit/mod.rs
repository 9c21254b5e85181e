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

mod clp;
mod model;
mod report;
mod restrict;
mod solve;
mod symmetry;
mod witness;

pub use report::{Bound, Finding, Report};

use std::collections::HashMap;

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
    // Each year's counts LP and euros LP, in this order (the report's order).
    let job = |i: usize, report: &mut Report| {
        let year = &years[i / 2];
        if i.is_multiple_of(2) {
            let t = model::bounds(shown, &year.keys, Measure::Trajecten, readings[0]);
            let y = model::bounds(shown, &year.keys, Measure::Jeugdigen, readings[1]);
            let counts = model::counts_lp(year, &t, &y);
            audit_lp(raw, shown, year, &counts, &[Measure::Trajecten, Measure::Jeugdigen], stop_at_failure, report);
        } else {
            let e = model::bounds(shown, &year.keys, Measure::VolumeEur, readings[2]);
            audit_lp(raw, shown, year, &model::euros_lp(year, &e), &[Measure::VolumeEur], stop_at_failure, report);
        }
    };
    let jobs = 2 * years.len();
    if stop_at_failure || years.len() < 2 {
        for i in 0..jobs {
            job(i, &mut report);
            if stop_at_failure && !report.passed() {
                break;
            }
        }
    } else {
        // Several years (the illustrative records): the LPs are independent, so they run on
        // `AUDIT_THREADS` threads (default 2), each LP with its own Clp models; each gives a
        // report of its own, merged in the fixed order above, so the report is the same
        // whichever thread ran what.
        let threads = (env_usize("AUDIT_THREADS").unwrap_or(2)).clamp(1, jobs);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let done: std::sync::Mutex<Vec<Option<Report>>> = std::sync::Mutex::new(vec![None; jobs]);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    if i >= jobs {
                        break;
                    }
                    let mut r = Report::default();
                    job(i, &mut r);
                    if let Ok(mut done) = done.lock() {
                        done[i] = Some(r);
                    }
                });
            }
        });
        for (i, r) in done.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().enumerate() {
            match r {
                Some(r) => report.merge(r),
                None => report.problems.push(format!("LP {i} of the years: not audited (its thread stopped)")),
            }
        }
    }
    report
}

/// A number from the environment, if set.
fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// How the visible cells of a measure were shown, and the floor of its values.
fn reading(raw: &Cube, shown: &Cube, m: Measure) -> Reading {
    let (step, half) = if m.is_count() { (5.0, 2.0) } else { (1000.0, 500.0) };
    let rounded = shown.keys().filter_map(|k| shown.get(k).get(m).number()).all(|v| v % step == 0.0);
    let negative = raw.keys().any(|k| raw.get(k).get(m).number().is_some_and(|v| v < 0.0));
    Reading { half: if rounded { half } else { 0.0 }, floor: if negative { f64::NEG_INFINITY } else { 0.0 } }
}

/// Audits the secret cells of the measures of one LP (variables: the year's cells, measure
/// after measure), in rounds from cheap to exact:
/// 1. what is free: a true value at a bound, and feasible points along transfers
///    ([`witness`]); a cell these show to pass is not solved (its interval is then an inner
///    bound: the true one is at least as wide);
/// 2. on a large LP (the illustrative records), small box LPs around each cell left
///    (`restrict::boxes`: restricted LPs, whose points are feasible points of this one);
/// 3. for the cells left, LPs that push them towards what would make them pass, up and then
///    down: all at once, then in batches ([`push_rounds`]);
/// 4. feasible points along hypercube directions for the cells still left ([`witness`]);
/// 5. an exact LP per end for every cell still left (the failures, or near ones), and per
///    measure for the narrowest cell.
///
/// When stopping at the first failure, bounds implied by propagation that already fail
/// settle it without solving. `AUDIT_TIMING=1` prints the time and LPs of each round.
fn audit_lp(raw: &Cube, shown: &Cube, year: &Year, lp: &Lp, measures: &[Measure], stop_at_failure: bool, report: &mut Report) {
    let n = year.keys.len();
    let cell = |v: usize| (&year.keys[v % n], measures[v / n]);
    let truth: Vec<f64> = (0..lp.lo.len()).map(|v| raw.get(cell(v).0).get(cell(v).1).number().unwrap_or(f64::NAN)).collect();
    check_truth(lp, &truth, &cell, report);
    let secret: Vec<usize> = (0..lp.lo.len())
        .filter(|&v| shown.get(cell(v).0).get(cell(v).1) == Cell::Secret && !truth[v].is_nan())
        .collect();
    // One cell of each family of interchangeable ones is audited (see `symmetry`).
    let stand_in = symmetry::representatives(&year.keys, lp, &truth);
    let targets: Vec<usize> = secret.iter().copied().filter(|&v| stand_in[v] == v).collect();
    let finding = |v: usize, r: solve::Range, exact: Bound| {
        let (key, m) = cell(v);
        Finding::new(key.clone(), m, truth[v], r.min, r.max, exact)
    };
    let mut ranger = solve::Ranger::new(lp);
    if stop_at_failure {
        if let Some(f) = targets.iter().map(|&v| finding(v, ranger.outer(v), Bound::Outer)).find(|f| !f.passes()) {
            return report.add(f);
        }
    }
    let t0 = std::time::Instant::now();
    let witness = witness::Witness::new(lp, year, &truth);
    let t_sweep = t0.elapsed();
    // What is known of a target so far: its free range widened by the witness's points.
    let known = |ranger: &solve::Ranger, v: usize| {
        let (range, exact) = ranger.cheap(v, truth[v]);
        let (up, down) = witness.reach(v);
        let range = solve::Range { min: range.min.min(truth[v] - down), max: range.max.max(truth[v] + up) };
        finding(v, range, if exact { Bound::Exact } else { Bound::Inner })
    };
    let enough = |v: usize, up: f64, down: f64| finding(v, solve::Range { min: truth[v] - down, max: truth[v] + up }, Bound::Inner).passes();
    let mut open: Vec<usize> = targets.iter().copied().filter(|&v| !known(&ranger, v).passes()).collect();
    let t_range = t0.elapsed();
    let open0 = open.len();
    if std::env::var("AUDIT_TIMING").is_ok() {
        eprintln!("    lp {} vars {} rows, {} targets: sweep {t_sweep:.2?}, {open0} open", lp.lo.len(), lp.rows.len(), targets.len());
    }
    let solves0 = ranger.solves;
    // On a large LP, small box LPs around each open cell first (see `restrict`).
    let large = open.first().is_some_and(|&v| ranger.is_large(v));
    let is_secret = |v: usize| shown.get(cell(v).0).get(cell(v).1) == Cell::Secret;
    let mut box_solves = 0;
    if large {
        for partners in BOX_ROUNDS {
            let t = std::time::Instant::now();
            box_solves += restrict::boxes(lp, &witness, &mut ranger, &mut open, &truth, &is_secret, &|r: &solve::Ranger, v| known(r, v), partners);
            if std::env::var("AUDIT_TIMING").is_ok() {
                eprintln!("      boxes of {partners} other values: {box_solves} LPs so far, {} open, {:.2?}", open.len(), t.elapsed());
            }
        }
    }
    let result = push_rounds(&mut ranger, &mut open, &truth, n, &|r: &solve::Ranger, v| known(r, v)).and_then(|()| {
        let t_push = t0.elapsed();
        // Hypercube witnesses for the cells the pushes left (a few ms a cell, an exact LP more;
        // on a large LP ~12 ms a cell, settling 1 in 80: slower than exact LPs, so skipped).
        let large = open.first().is_some_and(|&v| ranger.is_large(v));
        open.retain(|&v| {
            if large {
                return true;
            }
            witness.range(v, &|u, d| enough(v, u, d));
            !known(&ranger, v).passes()
        });
        let (open1, solves1) = (open.len(), ranger.solves);
        let mut exact = HashMap::new();
        // (When stopping at the first failure, implied bounds that fail returned above.)
        for (i, &v) in open.iter().enumerate() {
            if std::env::var("AUDIT_TIMING").is_ok() && i % 100 == 0 {
                eprintln!("      exact {i} of {}: {} LPs, {:.2?}", open.len(), ranger.solves, t0.elapsed());
            }
            // An earlier LP's point may have settled it (most of a dense LP's cells).
            if known(&ranger, v).passes() {
                continue;
            }
            let f = finding(v, ranger.exact(v, truth[v])?, Bound::Exact);
            let failed = !f.passes();
            exact.insert(v, f);
            if stop_at_failure && failed {
                break;
            }
        }
        if std::env::var("AUDIT_TIMING").is_ok() {
            eprintln!("    lp {} vars {} rows, {} targets: sweep {:.2?}, range {:.2?} ({} open), push {:.2?} ({} LPs, {} open), exact {:.2?} ({} LPs)", lp.lo.len(), lp.rows.len(), targets.len(), t_sweep, t_range - t_sweep, open0, t_push - t_range, solves1 - solves0, open1, t0.elapsed() - t_push, ranger.solves - solves1);
        }
        let mut findings: Vec<Finding> = targets.iter().map(|&v| exact.remove(&v).unwrap_or_else(|| known(&ranger, v))).collect();
        if stop_at_failure {
            // A cell left open when the verdict was settled is unproven, not failed.
            findings.retain(|f| if f.passes() { f.exact != Bound::Outer } else { f.exact != Bound::Inner });
        } else {
            // The narrowest of each measure exactly: the lowest score, until it is an exact one,
            // for at most `NARROWEST_CELLS` cells a measure (each LP's point may widen the
            // others). Past that, the narrowest stays what the points showed: an inner bound,
            // which the report marks "at least" (on dense data many cells can sit at a shown
            // width of just 5, each an exact LP of 0.3–0.8 s to confirm).
            for &m in measures {
                for _ in 0..NARROWEST_CELLS {
                    let Some(i) = (0..findings.len())
                        .filter(|&i| findings[i].measure == m)
                        .min_by(|&a, &b| findings[a].score().total_cmp(&findings[b].score()))
                        .filter(|&i| findings[i].exact != Bound::Exact)
                    else {
                        break;
                    };
                    findings[i] = finding(targets[i], ranger.exact(targets[i], truth[targets[i]])?, Bound::Exact);
                    for (f, &v) in findings.iter_mut().zip(&targets) {
                        if f.exact == Bound::Inner {
                            *f = known(&ranger, v);
                        }
                    }
                }
            }
        }
        Ok(findings)
    });
    let findings = match result {
        Ok(f) => f,
        Err(e) => return report.problems.push(format!("year of {:?}: solver: {}", year.keys.first(), e.0)),
    };
    report.solves += ranger.solves + box_solves;
    let by_target: HashMap<usize, &Finding> = targets.iter().copied().zip(&findings).collect();
    let twins: Vec<Finding> = secret
        .iter()
        .filter(|&&v| stand_in[v] != v)
        .filter_map(|&v| by_target.get(&stand_in[v]).map(|f| Finding { key: cell(v).0.clone(), ..(*f).clone() }))
        .collect();
    for f in findings.into_iter().chain(twins) {
        let tol = 1e-6 * f.truth.abs().max(1.0);
        if f.exact == Bound::Exact && (f.truth < f.min - tol || f.truth > f.max + tol) {
            report.problems.push(format!("{f}: the true value is outside its own range"));
        }
        report.add(f);
    }
}

/// Before [`push_rounds`]' batches, on a large LP (dense data): pushing every open cell the
/// same way at once settles few (the shown totals hold their sum), so each LP pushes a
/// pseudo-random half of the cells up and the rest down, and the next LP the other way round;
/// then a new split (on the illustrative records 40–230 cells an LP of ~9 s, where pushing all
/// one way settled 12–190). A cell's trajecten and youth go the same way (youth is at most
/// trajecten); a cell that cannot go its way (a true 0 cannot fall) goes the other. Stops when
/// a pair of LPs settles less than 1% of the open cells, or fewer than 16.
fn split_pushes(ranger: &mut solve::Ranger, open: &mut Vec<usize>, truth: &[f64], n: usize, known: &dyn Fn(&solve::Ranger, usize) -> Finding) -> Result<(), solve::SolveError> {
    for split in 0u64.. {
        let before = open.len();
        for flip in [false, true] {
            let targets: Vec<(usize, f64, f64, bool)> = open
                .iter()
                .filter_map(|&v| {
                    let f = known(ranger, v);
                    // Fixed per cell and split, so the run repeats.
                    let h = ((v % n) as u64 ^ split.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                    let up = ((h >> 31) & 1 == 1) != flip;
                    let (first, second) = if up { (f.needs_up(), f.needs_down()) } else { (f.needs_down(), f.needs_up()) };
                    if first > 0.0 { Some((v, truth[v], first, up)) } else { (second > 0.0).then_some((v, truth[v], second, !up)) }
                })
                .collect();
            if !targets.is_empty() {
                ranger.push(&targets)?;
            }
            open.retain(|&v| !known(ranger, v).passes());
            if std::env::var("AUDIT_TIMING").is_ok() {
                eprintln!("      split push {split}/{flip}: {} open, {} LPs so far", open.len(), ranger.solves);
            }
        }
        // A pair of push LPs costs about as much as 15 exact LPs: worth it while it settles more.
        if open.is_empty() || (before - open.len()) * 100 < before || before - open.len() < 16 {
            return Ok(());
        }
    }
    Ok(())
}

/// Rounds of boxes on a large LP (see `restrict::boxes`): how many other values per dimension.
/// Measured on the illustrative records' first year (secret counts open after each round):
/// 5,474 → 1,791 (4,066 LPs, ~30 s), → 624 (1,597 LPs, ~60 s), → 286 (562 LPs, ~115 s); a
/// round with the next two values instead of more values settled 49 of 1,791 in 18 s.
const BOX_ROUNDS: [usize; 3] = [2, 3, 4];

/// How many cells a measure [`audit_lp`] solves exactly to find the narrowest one.
const NARROWEST_CELLS: usize = 40;

/// Round 2 of [`audit_lp`]: while it settles more cells, LPs up and down that push open cells
/// as far as they still need to go to pass, all at once and then in batches; settled cells
/// leave `open`.
fn push_rounds(ranger: &mut solve::Ranger, open: &mut Vec<usize>, truth: &[f64], n: usize, known: &dyn Fn(&solve::Ranger, usize) -> Finding) -> Result<(), solve::SolveError> {
    // All open cells at once first; where one point cannot serve them all, smaller batches
    // (a batch's LP settles most of its cells, and costs about as much as one exact LP). On a
    // large LP (the illustrative records) a batch of 32 took 3–5 s, more than exact LPs for
    // its cells that were left (0.5–0.8 s each, warm, and settling others on the way): only
    // the all-at-once rounds (~9 s each, settling 10–200 cells each).
    let large = open.first().is_some_and(|&v| ranger.is_large(v));
    if large {
        // After the boxes (`restrict::boxes`), on a counts LP a push took 30–40 s and settled
        // 18–50 cells (an exact LP: 0.5–0.8 s a cell), on a euros LP 3–4 s for 20–150. (The
        // all-at-once rounds after these settled nothing more on the illustrative records.)
        return if ranger.vars() == n { split_pushes(ranger, open, truth, n, known) } else { Ok(()) };
    }
    for batch in [usize::MAX, 32, 8] {
        if large && batch != usize::MAX {
            break;
        }
        for _ in 0..4 {
            let before = open.len();
            for up in [true, false] {
                let mut start = 0;
                while start < open.len() {
                    let end = open.len().min(start.saturating_add(batch));
                    let targets: Vec<(usize, f64, f64, bool)> = open[start..end]
                        .iter()
                        .filter_map(|&v| {
                            let f = known(ranger, v);
                            let need = if up { f.needs_up() } else { f.needs_down() };
                            (need > 0.0).then_some((v, truth[v], need, up))
                        })
                        .collect();
                    if !targets.is_empty() {
                        ranger.push(&targets)?;
                    }
                    start = end;
                }
                open.retain(|&v| !known(ranger, v).passes());
                if std::env::var("AUDIT_TIMING").is_ok() {
                    eprintln!("      push batch {} up {up}: {} open, {} LPs so far", if batch == usize::MAX { "all".to_string() } else { batch.to_string() }, open.len(), ranger.solves);
                }
            }
            if open.is_empty() || open.len() == before {
                break;
            }
        }
    }
    Ok(())
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
