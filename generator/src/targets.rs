//! The published 2023 figures (KPMG for VNG, 29 Oct 2024; see shared/design/domain.md).
//! Only what the source states is here; what the generator invents is in `assumptions.rs`.

use crate::codes::Perceel;

pub const NATIONAL_YOUTH: u32 = 9_722;
/// The source's national trajectories. Its per-perceel ratios (trajectories per youth, two
/// decimals) × Tabel 1's youth give at most 15,430 (15,384 rounded to the nearest), so no set
/// of records in which every trajectory has one of the 14 percelen has both. The generator
/// follows the per-perceel ratios (which the source's EUR 988 per CGS trajectory confirms);
/// this number is kept to show the gap, not reproduced.
pub const NATIONAL_TRAJECTORIES: u32 = 15_939;
pub const NATIONAL_EUR: i64 = 194_078_629;

/// One row of Tabel 1.
pub struct PerceelFigures {
    pub perceel: Perceel,
    pub youth: u32,
    pub eur: i64,
    /// Trajectories per unique youth, from the source's ratio table.
    pub trajectories_per_youth: f64,
}

const fn row(
    perceel: Perceel,
    youth: u32,
    eur: i64,
    trajectories_per_youth: f64,
) -> PerceelFigures {
    PerceelFigures {
        perceel,
        youth,
        eur,
        trajectories_per_youth,
    }
}

/// Tabel 1, indexed by `Perceel as usize`. Its euros sum to 194,078,628: one less than the
/// national total, a quirk of the source that the generated cents reproduce.
pub const PERCELEN: [PerceelFigures; 14] = [
    row(Perceel::TKGGZ, 3872, 63_932_168, 1.44),
    row(Perceel::JSGLVB, 366, 41_416_353, 1.52),
    row(Perceel::DOE, 123, 19_721_787, 1.63),
    row(Perceel::UMC, 2851, 16_675_839, 1.95),
    row(Perceel::ARFID, 585, 11_971_973, 1.42),
    row(Perceel::ABC, 982, 11_363_299, 1.26),
    row(Perceel::SUEG, 172, 7_155_934, 1.27),
    row(Perceel::IBA, 29, 5_872_382, 1.24),
    row(Perceel::ZIKOS, 58, 5_010_333, 1.33),
    row(Perceel::ZINT, 316, 3_970_970, 1.54),
    row(Perceel::HIC, 193, 3_796_042, 1.97),
    row(Perceel::GEZPS, 116, 1_582_259, 1.31),
    row(Perceel::OVERB, 26, 1_563_840, 1.12),
    row(Perceel::CGS, 33, 45_449, 1.39),
];

/// Unique LTA youth per landsdeel, indexed by `Landsdeel as usize` (NH UF BZ LI ZW GE OV NN).
/// They sum to 9,723: one child moved and counts in two landsdelen.
pub const LANDSDEEL_YOUTH: [u32; 8] = [1211, 1751, 1751, 475, 3305, 870, 150, 210];

// Statements of the source without exact numbers (the values its text gives).
/// rechter/OvJ referrals: ~3% of all euros.
pub const RECHTER_OVJ_SHARE: f64 = 0.03;
/// ~EUR 1.5 million without a referrer (self-referral).
pub const GEEN_EUR: f64 = 1_500_000.0;
/// ~EUR 3.7 million without referrer information.
pub const ONBEKEND_EUR: f64 = 3_700_000.0;
/// Noord-Nederland uses 10 of the 14 percelen.
pub const NN_PERCELEN: usize = 10;
