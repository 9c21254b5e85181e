//! The years put together: a plan per year, children and rows per plan, euros on the rows,
//! pseudonyms on the children, everything sorted.

use crate::allocate::largest_remainder;
use crate::assumptions::{YEARS, YEAR_JITTER};
use crate::children::{draft_rows, empty_cells, Serials};
use crate::codes::Periode;
use crate::euros::attach_euros;
use crate::gemeente::Gemeenten;
use crate::plan::{rows_2023_total, YearPlan};
use crate::prng::Rng;
use crate::pseudonym::Pseudonymiser;
use crate::record::Record;
use crate::trajectory::Trajectories;

/// Streams of the PRNG, one per purpose (see `Rng::stream`).
const PLAN_STREAM: u64 = 1;
const YEAR_STREAM: u64 = 100;

/// The illustrative dataset: 2021-H1 … 2024-H2, with 2023 exactly as published.
pub fn illustrative(seed: u64) -> Vec<Record> {
    let mut rng = Rng::stream(seed, PLAN_STREAM);
    let plans: Vec<YearPlan> = YEARS
        .iter()
        .map(|shape| {
            if shape.year == 2023 {
                return YearPlan::published_2023();
            }
            let size = shape.rows_vs_2023 * (1.0 - YEAR_JITTER + 2.0 * YEAR_JITTER * rng.unit());
            YearPlan::derived(
                shape,
                (rows_2023_total() as f64 * size).round() as u64,
                &mut rng,
            )
        })
        .collect();
    simulate(&plans, seed)
}

/// `records` rows in total for a benchmark, over the same years and with the same shape as the
/// illustrative data (every year derived, so 2023 is not the published one).
pub fn scaled(records: u64, seed: u64) -> Vec<Record> {
    let mut rng = Rng::stream(seed, PLAN_STREAM);
    let weights: Vec<f64> = YEARS.iter().map(|s| s.rows_vs_2023).collect();
    let per_year = largest_remainder(records, &weights);
    let plans: Vec<YearPlan> = YEARS
        .iter()
        .zip(per_year)
        .map(|(shape, rows)| YearPlan::derived(shape, rows, &mut rng))
        .collect();
    simulate(&plans, seed)
}

fn simulate(plans: &[YearPlan], seed: u64) -> Vec<Record> {
    let pseudonyms = Pseudonymiser::new(seed);
    let gemeenten = Gemeenten::new(seed);
    let trajectories = Trajectories::new(seed);
    let mut serials = Serials(0);
    let mut previous = empty_cells();
    let mut records = Vec::new();
    for plan in plans {
        let mut rng = Rng::stream(seed, YEAR_STREAM + plan.year as u64);
        let (drafts, cells) = draft_rows(plan, &previous, &mut serials, &mut rng);
        let cents = attach_euros(plan, &drafts);
        records.extend(drafts.iter().zip(cents).map(|(d, cents)| {
            let (periode, client) = (
                Periode {
                    year: plan.year,
                    half: d.half,
                },
                pseudonyms.id(d.serial),
            );
            Record {
                periode,
                client,
                perceel: d.perceel,
                landsdeel: d.landsdeel,
                gemeente: gemeenten.of(client, d.landsdeel),
                verwijzer: d.verwijzer,
                cents,
                trajectory: trajectories.of(client, periode, d.perceel, cents),
            }
        }));
        previous = cells;
    }
    // Every field is part of the order, so equal records are identical and the result is fixed.
    records.sort_unstable();
    records
}
