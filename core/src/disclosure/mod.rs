//! The disclosure rules for everything derived from records (data-contract.md, CBS practice for
//! youth-care counts). A cube made from records becomes a cube that is safe to publish:
//!
//! - **counts** (trajecten, jeugdigen): a cell with 0–7 youth is secret; the rest are rounded to
//!   multiples of 5;
//! - **euros**: secret wherever the cell's counts are secret, and where one youth has more than
//!   half of the cell's euros (dominance); the rest are rounded to whole thousands;
//! - **secondary suppression** ([`groups`]): in every group the screens show beside its total
//!   (each dimension under its total, half-years under their year, and every crossing of
//!   landsdeel × perceel × verwijzer), the secret cells are at least two and hold at least 5
//!   youth (for euros, the others hold 20% of the largest), so no secret cell is its total minus
//!   the rest; a secret total keeps secret members; cells join in a fixed order;
//! - **room for empty cells** ([`room`]): a secret 0 in a slice that is empty over the year (a
//!   landsdeel, perceel, verwijzer or half-year without records) must be able to rise by 5
//!   trajecten and youth along a transfer from a cell with at least 5 youth, every cell on the
//!   way secret; where no such transfer exists, the shown cells on the cheapest one are hidden
//!   (never a national total), and the groups are checked again;
//! - a secret cell is secret for every measure it is secret in: shares, averages and rates made
//!   from it are secret too (`Cell::combine`), so no "€ 0" or "0,0 %" gives it away.
//!
//! `core/tests/disclosure_audit.rs` proves the result by linear programming: for every secret
//! cell it computes the smallest and largest value consistent with everything shown.

mod groups;
mod room;

use crate::cube::Cube;
use crate::measure::{Cell, Measure};
use crate::records::RecordsCube;

/// Counts up to this are secret.
pub const SECRET_UP_TO: f64 = 7.0;
/// Counts are rounded to multiples of this.
pub const COUNT_ROUNDING: f64 = 5.0;
/// Euros are rounded to multiples of this.
pub const EURO_ROUNDING: f64 = 1000.0;
/// A cell is dominated when one youth has more than this share of its euros.
pub const DOMINANCE_SHARE: f64 = 0.5;
/// The range a secret count must keep: at least this wide.
pub const COUNT_PROTECTION: f64 = 5.0;
/// The range a secret amount must keep: not within this share of its true value.
pub const EURO_PROTECTION: f64 = 0.2;
/// The range a secret amount of € 0 must keep: at least this wide.
pub const EMPTY_EURO_PROTECTION: f64 = 1000.0;

/// How far the rules hide one cell.
///
/// (`Hidden::Euros`: a dominated cell, whose counts may be shown.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hidden {
    /// Shown, rounded.
    No,
    /// Counts shown (rounded), euros secret.
    Euros,
    /// Every measure secret.
    All,
}

/// The cube as it may be shown and exported.
///
/// ```
/// use lta_core::{disclosure, cube::PerceelNames, records, Key, Cell, Landsdeel};
/// let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
/// for i in 0..23 { csv += &format!("c{i},2023,ZW,P,huisarts,{}\n", 1000 + i); }
/// for i in 0..3 { csv += &format!("d{i},2023,ZW,Q,huisarts,5000\n"); }
/// for i in 0..20 { csv += &format!("e{i},2023,NN,P,huisarts,2000\n"); }
/// let built = records::read(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value;
/// let safe = disclosure::apply(&built);
/// let (nl, zw) = (Key::total("2023"), Key::total("2023").landsdeel(Landsdeel::ZW));
/// assert_eq!(safe.get(&nl).jeugdigen, Cell::Exact(45.0)); // 46 rounded to 5
/// assert_eq!(safe.get(&zw).jeugdigen, Cell::Exact(25.0)); // 26
/// assert_eq!(safe.get(&nl).volume_eur, Cell::Exact(78000.0)); // 78,253 rounded to thousands
/// // Q's € 15,000 are at least 20% of P's € 63,253, so the two protect each other under the
/// // national total; at € 1,000 a youth they would not, and the total would be secret too.
/// // ZW's euros protect NN's: without them, NN's are the nation's minus ZW's (see below).
/// assert_eq!(safe.get(&zw).volume_eur, Cell::Secret);
/// let q = safe.get(&zw.clone().perceel("Q"));
/// assert_eq!((q.jeugdigen, q.volume_eur), (Cell::Secret, Cell::Secret)); // 3 youth
/// // The six landsdelen without youth are 0: secret, for every measure; NN joins them, or the
/// // national total minus ZW would show that they are empty.
/// for l in [Landsdeel::NH, Landsdeel::UF, Landsdeel::NN] {
///     assert_eq!(safe.get(&nl.clone().landsdeel(l)).volume_eur, Cell::Secret);
/// }
/// ```
pub fn apply(records: &RecordsCube) -> Cube {
    let hidden = groups::suppress(records);
    let mut out = records.cube.clone();
    for key in records.cube.keys() {
        let raw = records.cube.get(key);
        let how = hidden.get(key).copied().unwrap_or(Hidden::No);
        for m in Measure::ALL {
            let cell = match (how, m) {
                (Hidden::All, _) | (Hidden::Euros, Measure::VolumeEur) => Cell::Secret,
                _ => round(raw.get(m), m),
            };
            out.set_measure(key, m, cell);
        }
    }
    out
}

/// A shown value, rounded as the rules say.
fn round(cell: Cell, m: Measure) -> Cell {
    let step = if m.is_count() { COUNT_ROUNDING } else { EURO_ROUNDING };
    match cell {
        Cell::Exact(n) => Cell::Exact((n / step).round() * step),
        other => other,
    }
}

/// The rules with their parameters, as a published manifest records them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rules {
    /// Counts up to this are secret.
    pub secret_up_to: f64,
    /// Shown counts are multiples of this.
    pub count_rounding: f64,
    /// Shown euros are multiples of this.
    pub euro_rounding: f64,
    /// Euros are secret where one youth has more than this share of them.
    pub dominance_share: f64,
    /// Every secret count keeps a range at least this wide.
    pub count_protection: f64,
    /// Every secret amount keeps a range beyond ± this share of itself.
    pub euro_protection: f64,
    /// How secondary cells are chosen.
    pub secondary: String,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            secret_up_to: SECRET_UP_TO,
            count_rounding: COUNT_ROUNDING,
            euro_rounding: EURO_ROUNDING,
            dominance_share: DOMINANCE_SHARE,
            count_protection: COUNT_PROTECTION,
            euro_protection: EURO_PROTECTION,
            secondary: "groepen: elke dimensie onder haar totaal en hun kruisingen, halfjaren onder het jaar; een lege cel in een leeg deel van het jaar kan via geheime cellen 5 stijgen / groups: every dimension under its total and their crossings, half-years under the year; an empty cell in a part of the year without records can rise by 5 through secret cells".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cube::{Key, PerceelNames};
    use crate::records;

    /// The rules in words name the same numbers as the constants.
    #[test]
    fn the_words_say_the_parameters() {
        for lang in [crate::Lang::Nl, crate::Lang::En] {
            let text = crate::Text::LocalDisclosed.get(lang);
            for n in [SECRET_UP_TO, COUNT_ROUNDING, DOMINANCE_SHARE * 100.0, COUNT_PROTECTION] {
                assert!(text.contains(&format!("{n}")), "{text} {n}");
            }
        }
    }

    fn disclose(csv: &str) -> (Cube, Cube) {
        let built = records::read(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value;
        (built.cube.clone(), apply(&built))
    }

    /// The issue's example: one perceel, one referrer, 2023-H1, one youth per row.
    #[test]
    fn the_four_empty_landsdelen_and_the_small_one_are_secret_for_every_measure() {
        let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
        let mut n = 0;
        for (l, rows) in [("ZW", 12), ("BZ", 12), ("NH", 17), ("NN", 7)] {
            for _ in 0..rows {
                n += 1;
                csv += &format!("k{n},2023-H1,{l},P,huisarts,{}\n", 5000 + n * 1371 % 50_000);
            }
        }
        let (_, safe) = disclose(&csv);
        for l in ["NN", "UF", "LI", "GE", "OV"] {
            let m = safe.get(&Key::total("2023").landsdeel(crate::Landsdeel::parse(l).unwrap()));
            assert_eq!((m.jeugdigen, m.trajecten, m.volume_eur), (Cell::Secret, Cell::Secret, Cell::Secret), "{l}");
        }
    }

    /// Every shown count is a multiple of 5 above 7 and every shown amount a multiple of 1,000;
    /// a dominated cell never shows its euros.
    #[test]
    fn shown_values_are_rounded_and_dominated_euros_are_secret() {
        let mut next = crate::test_rng(11);
        let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
        for i in 0..400 {
            let l = ["ZW", "NN", "LI"][next(3) as usize];
            let p = ["A", "B", "C"][next(3) as usize];
            let v = ["huisarts", "gemeente"][next(2) as usize];
            let euros = if i == 0 { 5_000_000 } else { 1000 + next(20_000) };
            csv += &format!("c{},2023-H{},{l},{p},{v},{euros}\n", next(250), 1 + next(2));
        }
        let (raw, safe) = disclose(&csv);
        for key in safe.keys() {
            let m = safe.get(key);
            match m.jeugdigen {
                Cell::Exact(n) => assert!(n > SECRET_UP_TO && n % COUNT_ROUNDING == 0.0, "{key:?} {n}"),
                c => assert_eq!(c, Cell::Secret),
            }
            if let Cell::Exact(e) = m.volume_eur {
                assert_eq!(e % EURO_ROUNDING, 0.0);
                assert!(m.jeugdigen != Cell::Secret);
            }
            assert!(raw.get(key).jeugdigen.number().unwrap() > SECRET_UP_TO || m.jeugdigen == Cell::Secret);
        }
        // The € 5 million youth dominates every cell it is in.
        assert_eq!(safe.get(&Key::total("2023")).volume_eur, Cell::Secret);
    }

    #[test]
    fn the_result_does_not_depend_on_the_order_of_the_rows() {
        let rows: Vec<String> = (0..300).map(|i| format!("c{},2023-H{},{},P{},huisarts,{}\n", i % 97, 1 + i % 2, ["ZW", "NN", "LI", "BZ"][i % 4], i % 3, 500 + i * 37)).collect();
        let header = "client,periode,landsdeel,perceel,verwijzer,volume_eur\n";
        let forward = disclose(&(header.to_string() + &rows.concat())).1.to_csv();
        let backward = disclose(&(header.to_string() + &rows.iter().rev().cloned().collect::<String>())).1.to_csv();
        let sorted = |s: String| { let mut l: Vec<_> = s.lines().map(str::to_string).collect(); l.sort(); l };
        assert_eq!(sorted(forward), sorted(backward));
    }
}
