//! The plan of one year: how many children in each (landsdeel, perceel) cell, how many rows and
//! cents per perceel, and the euro totals per landsdeel and referrer to steer towards. For 2023
//! the plan is the published figures exactly; other years are derived from it. A landsdeel's
//! euros follow from the percelen its youth use: there is no landsdeel price.

use crate::allocate::{fit_margins, largest_remainder, round_matrix};
use crate::assumptions::{self, YearShape};
use crate::codes::{Landsdeel, Perceel, Verwijzer};
use crate::prng::Rng;
use crate::targets;

/// A child registered in one landsdeel in the first half-year and another in the second.
#[derive(Clone, Copy)]
pub struct Mover {
    pub perceel: Perceel,
    pub from: Landsdeel,
    pub to: Landsdeel,
}

pub struct YearPlan {
    pub year: u16,
    /// Children who stay in one landsdeel, `[landsdeel][perceel]`.
    pub youth: Vec<Vec<u32>>,
    pub movers: Vec<Mover>,
    /// Rows (trajectory-halves) per perceel, movers' rows included.
    pub rows: Vec<u32>,
    /// Euro cents per perceel.
    pub cents: Vec<i64>,
    /// Euros to steer each landsdeel and referrer towards (rescaled to the total when used).
    pub landsdeel_eur: Vec<f64>,
    pub verwijzer_eur: Vec<f64>,
}

impl YearPlan {
    /// 2023, reproducing every published number. Each perceel gets its Tabel 1 euros plus 10
    /// cents: each still rounds to its published value, and the 14 × 0.10 = 1.40 extra makes
    /// the national sum round to 194,078,629, one above Tabel 1's total, as the source has it.
    pub fn published_2023() -> YearPlan {
        let youth: Vec<u32> = targets::PERCELEN.iter().map(|f| f.youth).collect();
        let cents: Vec<i64> = targets::PERCELEN.iter().map(|f| f.eur * 100 + 10).collect();
        let (p, from, to) = assumptions::MOVER_2023;
        let movers = vec![Mover {
            perceel: p,
            from,
            to,
        }];
        let landsdeel_youth = targets::LANDSDEEL_YOUTH.to_vec();
        let matrix = youth_matrix(&landsdeel_youth, &youth, &movers, true);
        YearPlan {
            year: 2023,
            landsdeel_eur: landsdeel_eur(&matrix, &movers, &cents),
            youth: matrix,
            movers,
            rows: rows_2023(),
            verwijzer_eur: verwijzer_eur(targets::NATIONAL_EUR as f64),
            cents,
        }
    }

    /// Another year, shaped like 2023 with `rows_total` rows, euros per row × `price`, and
    /// random differences per perceel and landsdeel. ZIKOS gets only a first half from 2024.
    pub fn derived(shape: &YearShape, rows_total: u64, rng: &mut Rng) -> YearPlan {
        let rows_2023 = rows_2023();
        let jitter = |rng: &mut Rng, spread: f64| 1.0 - spread + 2.0 * spread * rng.unit();
        let weights: Vec<f64> = Perceel::ALL
            .iter()
            .map(|&p| {
                let half_year = if assumptions::has_second_half(shape.year, p) {
                    1.0
                } else {
                    0.5
                };
                rows_2023[p as usize] as f64 * half_year * jitter(rng, assumptions::PERCEEL_JITTER)
            })
            .collect();
        let rows: Vec<u32> = largest_remainder(rows_total, &weights)
            .into_iter()
            .map(|r| r as u32)
            .collect();
        let youth: Vec<u32> = Perceel::ALL
            .iter()
            .map(|&p| {
                let (r, f) = (rows[p as usize], &targets::PERCELEN[p as usize]);
                let y = (r as f64 * f.youth as f64 / rows_2023[p as usize] as f64).round() as u32;
                y.clamp(r.min(1), r)
            })
            .collect();
        let cents: Vec<i64> = Perceel::ALL
            .iter()
            .map(|&p| {
                let (r, f) = (rows[p as usize], &targets::PERCELEN[p as usize]);
                let per_row = f.eur as f64 * 100.0 / rows_2023[p as usize] as f64;
                let c =
                    (r as f64 * per_row * shape.price_vs_2023 * jitter(rng, 0.03)).round() as i64;
                c.max(r as i64 * 100)
            })
            .collect();
        let total_youth: u32 = youth.iter().sum();
        let movers = derived_movers(total_youth, &youth, &rows, rng);
        let weights: Vec<f64> = targets::LANDSDEEL_YOUTH
            .iter()
            .map(|&y| y as f64 * jitter(rng, 0.03))
            .collect();
        let landsdeel_youth: Vec<u32> =
            largest_remainder((total_youth as usize + movers.len()) as u64, &weights)
                .into_iter()
                .map(|y| y as u32)
                .collect();
        let total_eur = cents.iter().sum::<i64>() as f64 / 100.0;
        let matrix = youth_matrix(&landsdeel_youth, &youth, &movers, false);
        YearPlan {
            year: shape.year,
            landsdeel_eur: landsdeel_eur(&matrix, &movers, &cents),
            youth: matrix,
            movers,
            rows,
            verwijzer_eur: verwijzer_eur(total_eur),
            cents,
        }
    }
}

/// 2023 rows per perceel: the source's ratio (trajectories per youth, two decimals) × youth,
/// rounded to the nearest whole number, which gives back the ratio to two decimals (CGS: 46
/// trajectories, the source's EUR 988 per trajectory). They sum to 15,384, not the source's
/// national 15,939: no split over the 14 percelen can give both (see `targets.rs`).
pub fn rows_2023() -> Vec<u32> {
    targets::PERCELEN
        .iter()
        .map(|f| (f.youth as f64 * f.trajectories_per_youth).round() as u32)
        .collect()
}

/// The 2023 rows of all percelen together (the size the other years are scaled from).
pub fn rows_2023_total() -> u32 {
    rows_2023().iter().sum()
}

/// Children per (landsdeel, perceel): the invented prior fitted to the margins, rounded with
/// exact column sums (and exact row sums for 2023). Movers are left out; they are added apart.
fn youth_matrix(
    landsdeel_youth: &[u32],
    perceel_youth: &[u32],
    movers: &[Mover],
    exact_rows: bool,
) -> Vec<Vec<u32>> {
    let mut rows: Vec<u32> = landsdeel_youth.to_vec();
    let mut cols: Vec<u32> = perceel_youth.to_vec();
    for m in movers {
        rows[m.from as usize] = rows[m.from as usize].saturating_sub(1);
        rows[m.to as usize] = rows[m.to as usize].saturating_sub(1);
        cols[m.perceel as usize] -= 1;
    }
    let prior: Vec<Vec<f64>> = Landsdeel::ALL
        .iter()
        .map(|&l| {
            Perceel::ALL
                .iter()
                .map(|&p| assumptions::youth_prior(l, p))
                .collect()
        })
        .collect();
    // Row targets rescaled to the column total (derived years round the two margins apart).
    let (row_sum, col_sum) = (
        rows.iter().sum::<u32>() as f64,
        cols.iter().sum::<u32>() as f64,
    );
    let row_targets: Vec<f64> = rows
        .iter()
        .map(|&r| r as f64 * col_sum / row_sum.max(1.0))
        .collect();
    let col_targets: Vec<f64> = cols.iter().map(|&c| c as f64).collect();
    let fitted = fit_margins(&prior, &row_targets, &col_targets);
    round_matrix(&fitted, &cols, exact_rows.then_some(&rows[..]))
}

/// Movers in a derived year: one per `YOUTH_PER_MOVER` youth, in the largest perceel, between
/// two random landsdelen; only where that perceel has rows to spare for their second half.
fn derived_movers(total_youth: u32, youth: &[u32], rows: &[u32], rng: &mut Rng) -> Vec<Mover> {
    let p = Perceel::TKGGZ;
    let spare = rows[p as usize]
        .saturating_sub(youth[p as usize])
        .min(youth[p as usize]);
    let count = (total_youth / assumptions::YOUTH_PER_MOVER).min(spare);
    (0..count)
        .map(|_| {
            let from = Landsdeel::ALL[rng.below(8)];
            let to = Landsdeel::ALL[(from as usize + 1 + rng.below(7)) % 8];
            Mover {
                perceel: p,
                from,
                to,
            }
        })
        .collect()
}

/// What each landsdeel's youth cost at the year's euros per youth of each perceel (the same
/// in every landsdeel); a mover counts half in each of their two landsdelen.
fn landsdeel_eur(youth: &[Vec<u32>], movers: &[Mover], cents: &[i64]) -> Vec<f64> {
    let mut count: Vec<Vec<f64>> = youth
        .iter()
        .map(|row| row.iter().map(|&y| y as f64).collect())
        .collect();
    for m in movers {
        count[m.from as usize][m.perceel as usize] += 0.5;
        count[m.to as usize][m.perceel as usize] += 0.5;
    }
    let per_youth: Vec<f64> = Perceel::ALL
        .iter()
        .map(|&p| {
            let n: f64 = count.iter().map(|row| row[p as usize]).sum();
            if n > 0.0 {
                cents[p as usize] as f64 / 100.0 / n
            } else {
                0.0
            }
        })
        .collect();
    count
        .iter()
        .map(|row| row.iter().zip(&per_youth).map(|(n, e)| n * e).sum())
        .collect()
}

/// Euros to steer each referrer towards: the source's rechter-ovj share and its geen and
/// onbekend amounts (scaled with the year's total), the rest by the design shares.
fn verwijzer_eur(total_eur: f64) -> Vec<f64> {
    let scale = total_eur / targets::NATIONAL_EUR as f64;
    let rechter = total_eur * targets::RECHTER_OVJ_SHARE;
    let (geen, onbekend) = (targets::GEEN_EUR * scale, targets::ONBEKEND_EUR * scale);
    let rest = total_eur - rechter - geen - onbekend;
    Verwijzer::ALL
        .iter()
        .map(|&v| match v {
            Verwijzer::RechterOvj => rechter,
            Verwijzer::Geen => geen,
            Verwijzer::Onbekend => onbekend,
            _ => rest * assumptions::VERWIJZER_EUR_SHARE_OF_REST[v as usize],
        })
        .collect()
}
