//! Each record's begin and end date and its provider. Invented: the source publishes neither
//! durations nor providers. A record's trajectory begins on a day of its half-year (which is the
//! period it counts in, as for a file whose periods come from begin dates) and lasts its perceel's
//! typical length times a spread; one still running at the end of the data (31 December 2024)
//! has no end date. A child keeps one provider per perceel; providers are invented and national
//! (LTA percelen are contracted nationally). Drawn from the record's own fields, so no other draw
//! of the data moves, with only exact arithmetic (no `ln`/`exp`: see the README).

use lta_core::days_from_civil;

use crate::codes::{Perceel, Periode};
use crate::prng::Rng;
use crate::pseudonym::ClientId;

/// The last day of the data, 2024-12-31, as a day from 1970-01-01.
pub const DATA_END: i32 = 20_088;

/// The typical length of a trajectory per perceel (in the order of `Perceel::ALL`), in weeks: invented.
const TYPICAL_WEEKS: [u32; 14] = [30, 52, 16, 12, 20, 40, 35, 45, 60, 50, 26, 10, 8, 40];

/// How many providers each perceel has (in the order of `Perceel::ALL`): invented.
const PROVIDERS: [u8; 14] = [6, 5, 4, 7, 2, 3, 3, 4, 2, 3, 2, 2, 3, 2];

/// A record's trajectory: begin and end (days from 1970-01-01; no end while it runs) and provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Trajectory {
    pub begin: i32,
    pub end: Option<i32>,
    /// A provider number, 1 and up, unique over all percelen.
    pub aanbieder: u8,
}

/// Draws the trajectories of records.
pub struct Trajectories {
    seed: u64,
}

impl Trajectories {
    pub fn new(seed: u64) -> Self {
        Trajectories {
            seed: seed ^ 0x5452_414A_4543_5421,
        }
    }

    /// The trajectory of a record of `client` in `perceel` and `periode`, with `cents` (which
    /// tells twins apart).
    pub fn of(
        &self,
        client: ClientId,
        periode: Periode,
        perceel: Perceel,
        cents: i64,
    ) -> Trajectory {
        let p = perceel as usize;
        let first: u8 = PROVIDERS[..p].iter().sum();
        let aanbieder = first
            + 1
            + Rng::new(self.seed ^ ((client.0 as u64) << 8) ^ p as u64).below(PROVIDERS[p].into())
                as u8;
        let mut draw = Rng::new(
            self.seed
                ^ ((client.0 as u64) << 24)
                ^ ((periode.year as u64) << 12)
                ^ ((periode.half as u64) << 8)
                ^ p as u64
                ^ (cents as u64).rotate_left(40),
        );
        let year = i64::from(periode.year);
        let (start, next) = if periode.half == 1 {
            ((year, 1), (year, 7))
        } else {
            ((year, 7), (year + 1, 1))
        };
        let start = days_from_civil(start.0, start.1, 1) as i32;
        let length = days_from_civil(next.0, next.1, 1) as i32 - start;
        let begin = start + draw.below(length as usize) as i32;
        // Three uniforms give a hump around the typical length; one in five lasts 2.5× as long.
        let hump = (draw.unit() + draw.unit() + draw.unit()) * 2.0 / 3.0;
        let tail = if draw.chance(0.2) { 2.5 } else { 1.0 };
        let days = 1 + (f64::from(TYPICAL_WEEKS[p] * 7) * hump * tail) as i32;
        let end = begin + days - 1;
        Trajectory {
            begin,
            end: (end <= DATA_END).then_some(end),
            aanbieder,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_the_data_is_the_last_day_of_2024() {
        assert_eq!(i64::from(DATA_END), days_from_civil(2024, 12, 31));
        assert_eq!(PROVIDERS.len(), Perceel::ALL.len());
    }

    #[test]
    fn a_trajectory_begins_in_its_half_year_ends_after_it_begins_and_keeps_its_provider() {
        let t = Trajectories::new(2023);
        for id in 0..5_000u32 {
            for (periode, from, to) in [
                (
                    Periode {
                        year: 2023,
                        half: 1,
                    },
                    (2023, 1, 1),
                    (2023, 6, 30),
                ),
                (
                    Periode {
                        year: 2024,
                        half: 2,
                    },
                    (2024, 7, 1),
                    (2024, 12, 31),
                ),
            ] {
                for perceel in Perceel::ALL {
                    let r = t.of(ClientId(id), periode, perceel, i64::from(id));
                    assert!(
                        i64::from(r.begin) >= days_from_civil(from.0, from.1, from.2)
                            && i64::from(r.begin) <= days_from_civil(to.0, to.1, to.2)
                    );
                    assert!(r.end.is_none_or(|e| e >= r.begin && e <= DATA_END));
                    assert_eq!(
                        r.aanbieder,
                        t.of(
                            ClientId(id),
                            Periode {
                                year: 2021,
                                half: 1
                            },
                            perceel,
                            7
                        )
                        .aanbieder
                    );
                }
            }
        }
    }
}
