//! Euros on the rows. Each perceel's cents are fixed by the plan and split over its rows in
//! proportion to row weight × landsdeel factor × referrer factor. The two sets of factors are
//! raked (alternately rescaled) until the landsdelen and referrers reach their planned euros;
//! the perceel totals stay exact throughout because each perceel is normalised on its own.
//! A landsdeel's planned euros are what its youth's percelen cost at the national euros per
//! youth of each perceel (see `plan.rs`), so its factor only cancels the chance in the drawn
//! child costs (for seed 2023 it stays within about 10% of 1): it is not a price.

use crate::allocate::largest_remainder;
use crate::children::DraftRow;
use crate::codes::{Landsdeel, Perceel, Verwijzer};
use crate::plan::YearPlan;

/// Raking stops when every landsdeel and referrer is this close to its target (relative), or
/// after `MAX_RAKING_ROUNDS`; both are fixed, so the result is too.
const RAKING_TOLERANCE: f64 = 1e-9;
const MAX_RAKING_ROUNDS: usize = 200;

/// The cents of every row (same order as `rows`): positive, summing exactly per perceel.
pub fn attach_euros(plan: &YearPlan, rows: &[DraftRow]) -> Vec<i64> {
    let total_eur = plan.cents.iter().sum::<i64>() as f64 / 100.0;
    let l_target = present_targets(
        &plan.landsdeel_eur,
        rows,
        |r| r.landsdeel as usize,
        total_eur,
    );
    let v_target = present_targets(
        &plan.verwijzer_eur,
        rows,
        |r| r.verwijzer as usize,
        total_eur,
    );
    let (mut l_factor, mut v_factor) = (
        vec![1.0; Landsdeel::ALL.len()],
        vec![1.0; Verwijzer::ALL.len()],
    );
    for _ in 0..MAX_RAKING_ROUNDS {
        let euros = row_euros(plan, rows, &l_factor, &v_factor);
        let l_off = rescale(&mut l_factor, &l_target, &euros, rows, |r| {
            r.landsdeel as usize
        });
        let euros = row_euros(plan, rows, &l_factor, &v_factor);
        let v_off = rescale(&mut v_factor, &v_target, &euros, rows, |r| {
            r.verwijzer as usize
        });
        if l_off.max(v_off) < RAKING_TOLERANCE {
            break;
        }
    }
    to_cents(plan, rows, &row_euros(plan, rows, &l_factor, &v_factor))
}

/// Planned euros of the categories that have rows, scaled to add up to the year's total.
fn present_targets(
    planned: &[f64],
    rows: &[DraftRow],
    key: impl Fn(&DraftRow) -> usize,
    total: f64,
) -> Vec<f64> {
    let mut present = vec![false; planned.len()];
    rows.iter().for_each(|r| present[key(r)] = true);
    let sum: f64 = planned
        .iter()
        .zip(&present)
        .filter(|(_, &p)| p)
        .map(|(t, _)| t)
        .sum();
    planned
        .iter()
        .zip(&present)
        .map(|(&t, &p)| if p && sum > 0.0 { t * total / sum } else { 0.0 })
        .collect()
}

/// Multiplies each category's factor by target / current euros; returns the largest relative
/// distance from a target before rescaling.
fn rescale(
    factor: &mut [f64],
    target: &[f64],
    euros: &[f64],
    rows: &[DraftRow],
    key: impl Fn(&DraftRow) -> usize,
) -> f64 {
    let mut sum = vec![0.0; factor.len()];
    for (r, e) in rows.iter().zip(euros) {
        sum[key(r)] += e;
    }
    let mut off: f64 = 0.0;
    for i in 0..factor.len() {
        if sum[i] > 0.0 && target[i] > 0.0 {
            factor[i] *= target[i] / sum[i];
            off = off.max((target[i] / sum[i] - 1.0).abs());
        }
    }
    off
}

/// Each row's share of its perceel's euros under the current factors.
fn row_euros(plan: &YearPlan, rows: &[DraftRow], l_factor: &[f64], v_factor: &[f64]) -> Vec<f64> {
    let w: Vec<f64> = rows
        .iter()
        .map(|r| r.weight * l_factor[r.landsdeel as usize] * v_factor[r.verwijzer as usize])
        .collect();
    let mut per_perceel = vec![0.0; Perceel::ALL.len()];
    for (r, w) in rows.iter().zip(&w) {
        per_perceel[r.perceel as usize] += w;
    }
    rows.iter()
        .zip(&w)
        .map(|(r, w)| {
            plan.cents[r.perceel as usize] as f64 / 100.0 * w / per_perceel[r.perceel as usize]
        })
        .collect()
}

/// Whole cents per row, exact per perceel (largest remainder), at least 1 cent each.
fn to_cents(plan: &YearPlan, rows: &[DraftRow], euros: &[f64]) -> Vec<i64> {
    let mut cents = vec![0i64; rows.len()];
    let mut by_perceel: Vec<Vec<usize>> = vec![Vec::new(); Perceel::ALL.len()];
    (0..rows.len()).for_each(|i| by_perceel[rows[i].perceel as usize].push(i));
    for (p, idx) in Perceel::ALL.into_iter().zip(by_perceel) {
        let weights: Vec<f64> = idx.iter().map(|&i| euros[i]).collect();
        for (&i, c) in idx.iter().zip(largest_remainder(
            plan.cents[p as usize].max(0) as u64,
            &weights,
        )) {
            cents[i] = c as i64;
        }
        while let Some(&empty) = idx.iter().find(|&&i| cents[i] == 0) {
            let &richest = idx
                .iter()
                .max_by_key(|&&i| (cents[i], std::cmp::Reverse(i)))
                .unwrap();
            assert!(
                cents[richest] > 1,
                "perceel {} has fewer cents than rows",
                p.code()
            );
            cents[richest] -= 1;
            cents[empty] += 1;
        }
    }
    cents
}
