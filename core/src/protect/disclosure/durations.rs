//! The cell-key method for durations: when a group's quartiles may be shown, and how they move.
//!
//! - **Shown or not** is decided on the group's *shown* youth: at least [`MIN_YOUTH`] +
//!   [`MAX_NOISE`], so a group shown with quartiles has at least [`MIN_YOUTH`] youth in truth,
//!   and whether the quartiles appear tells nothing the shown count does not.
//! - **Position.** Each quartile is read off the Kaplan–Meier curve at a level moved by
//!   f / (2n), with f from the symmetric row of the perturbation table (±5) and n the group's
//!   trajectories (as SuperSTAR moves a quantile's position by f/n): whether a quartile is
//!   reached ("niet bereikt") is then no exact tell of one trajectory's end.
//! - **Value.** The weeks then move by another draw of the symmetric row (±5 weeks, variance 3):
//!   a quartile is no longer exactly one trajectory's duration, so someone who knows every other
//!   trajectory of the group cannot read the last one's week off it. The three are put in order.
//!
//! Each draw has its own key, made from the group's cell key of its trajectories.

use super::keys::{for_use, Use};
use crate::model::flow::LEVELS;
use super::PTable;
use crate::model::rules::{MAX_NOISE, MIN_YOUTH};

/// Whether a group's durations may be shown: `shown` is its youth under the method (None: exact).
pub(crate) fn shown(youth: u64, shown: Option<f64>) -> bool {
    match shown {
        None => youth >= MIN_YOUTH,
        Some(s) => s >= (MIN_YOUTH as i64 + MAX_NOISE) as f64,
    }
}

/// The quartiles under the method, in weeks: `quartiles_at(levels)` gives the days at which the
/// curve falls to each level (None: not reached); `trajectories` is n, `key` the group's key.
pub(crate) fn perturbed(quartiles_at: impl FnOnce([f64; 3]) -> [Option<u32>; 3], trajectories: u64, key: u64, table: &PTable) -> [Option<u32>; 3] {
    let draw = |i: u64| table.symmetric_noise(for_use(key, Use::Quartile, i));
    let n = trajectories.max(1) as f64;
    let levels = [0, 1, 2].map(|i| LEVELS[i] - draw(i as u64) as f64 / (2.0 * n));
    let mut out = quartiles_at(levels);
    for (i, q) in out.iter_mut().enumerate() {
        *q = q.map(|days| (i64::from(weeks(days)) + draw(3 + i as u64)).max(0) as u32);
    }
    // Moved apart, they may cross: the reached ones in order (the levels keep which are reached).
    let mut reached: Vec<u32> = out.iter().flatten().copied().collect();
    reached.sort_unstable();
    for (q, w) in out.iter_mut().zip(reached) {
        *q = Some(w);
    }
    out
}

/// Days as whole weeks, half a week up.
pub(crate) fn weeks(days: u32) -> u32 {
    (days * 2 + 7) / 14
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_round_half_up() {
        assert_eq!([0, 3, 4, 7, 10, 11, 182].map(weeks), [0, 0, 1, 1, 1, 2, 26]);
    }

    /// Only a shown count that leaves no doubt shows quartiles.
    #[test]
    fn the_rule_leaves_no_doubt() {
        assert!(shown(20, None) && !shown(19, None));
        assert!(shown(20, Some(25.0)) && !shown(30, Some(24.0)));
    }

    /// Over many keys: within 5 weeks plus the position's move, in order, and moved both ways.
    #[test]
    fn quartiles_move_a_little_both_ways_and_stay_in_order() {
        let table = PTable::new();
        // 40 trajectories ending after 7, 14, … 280 days (1 to 40 weeks), all ended.
        let days: Vec<u32> = (1..=40).map(|w| 7 * w).collect();
        let at = |levels: [f64; 3]| levels.map(|l| {
            let k = ((1.0 - l) * 40.0 - 1e-9).ceil().max(1.0) as usize;
            Some(days[k - 1])
        });
        let (mut up, mut down) = (0, 0);
        for key in 0..2000u64 {
            let q = perturbed(at, 40, super::super::keys::mix(key), &table);
            let w: Vec<u32> = q.iter().map(|q| q.unwrap()).collect();
            assert!(w[0] <= w[1] && w[1] <= w[2], "{w:?}");
            for (got, exact) in w.iter().zip([10i64, 20, 30]) {
                let d = *got as i64 - exact;
                assert!(d.abs() <= 5 + 3, "{w:?}");
                up += usize::from(d > 0);
                down += usize::from(d < 0);
            }
        }
        assert!(up > 1500 && down > 1500, "{up} {down}");
    }
}
