//! What the generator invents to fill in what the source does not publish. Every value here is
//! an illustrative assumption, chosen so that the source's statements hold with a margin; none
//! of it is a fact about real LTA use.

use crate::codes::{Landsdeel as L, Perceel as P};

/// The invented split of each perceel's youth over the landsdelen in 2023, as rough counts
/// (rows NH UF BZ LI ZW GE OV NN, columns in the order of `Perceel::ALL`). It is only a prior:
/// fitting scales it to the published margins (Tabel 1's youth per perceel, the youth per
/// landsdeel), and a zero stays zero. There is no landsdeel price: a landsdeel's euros follow
/// from which percelen its youth use, as the source explains the Brabant, Zeeland vs Utrecht,
/// Flevoland gap ("de verdeling van jeugdigen over de verschillende percelen"). The counts are
/// chosen so that every statement of the source about landsdelen holds with a margin:
/// - Topklinische GGz: among the five largest percelen (by euros) everywhere but Limburg, mostly
///   the largest or second; in Limburg outside the five largest; more than half of the youth of
///   Brabant, Zeeland and about a quarter of those of Utrecht, Flevoland;
/// - J-SGLVB in the five largest in 6 of 8 landsdelen (not UF, NN), ARFID in 5 of 8 (NH UF ZW GE
///   NN; which landsdelen these are is invented), SUEG only in OV and NN;
/// - Noord-Nederland uses 10 percelen (not J-SGLVB, IBA, ZIKOS, DOE: which four is invented),
///   every other landsdeel more;
/// - Zuid-West and Brabant, Zeeland the highest euros per youth, by more than 10%; the south
///   and east (BZ, LI, GE, OV) above NH, UF and NN; BZ ruim EUR 17 miljoen above UF.
#[rustfmt::skip]
pub const YOUTH_PRIOR_2023: [[u32; 14]; 8] = [
    //TKGGZ JSGLVB DOE UMC ARFID ABC SUEG IBA ZIKOS ZINT HIC GEZPS OVERB CGS
    [  250,  22,   8, 650,  95, 120,  14,   2,   6,  45,  25,  18,   2,   5], // NH
    [  405,   5,  14, 780, 120, 210,  18,   2,   8,  60,  30,  25,   2,   6], // UF
    [  950,  80,  28, 250,  40, 160,  22,  10,  10,  45,  40,  20,   5,   4], // BZ
    [   16,  17,   8, 256,  12,  90,   4,   3,   9,  25,  12,   8,   2,   3], // LI
    [ 1850, 207,  58, 746, 210, 330,  62,  10,  22,  95,  60,  30,  13,  10], // ZW
    [  290,  30,   9, 300,  80,  85,  10,   2,   5,  35,  20,  10,   2,   4], // GE
    [   55,   6,   1,  50,   3,  16,  17,   0,   1,   5,   3,   2,   0,   1], // OV
    [   60,   0,   0,  70,  18,  30,  20,   0,   0,  10,   5,   4,   1,   2], // NN
];

/// The prior of one cell (see `YOUTH_PRIOR_2023`).
pub fn youth_prior(l: L, p: P) -> f64 {
    YOUTH_PRIOR_2023[l as usize][p as usize] as f64
}

/// Share of each perceel's children per referrer (gemeente, huisarts, jeugdarts, gi,
/// medisch-specialist, rechter-ovj, geen, onbekend). Medisch specialisten dominate the UMC's,
/// huisartsen (incl. crisis teams) the clinical GGz, justice referrals the closed/secure care.
pub const VERWIJZER_MIX: [[f64; 8]; 14] = [
    [0.225, 0.34, 0.04, 0.06, 0.28, 0.01, 0.015, 0.03], // TKGGZ
    [0.395, 0.05, 0.03, 0.30, 0.08, 0.10, 0.01, 0.035], // JSGLVB
    [0.35, 0.10, 0.05, 0.15, 0.26, 0.04, 0.01, 0.04],   // DOE
    [0.09, 0.25, 0.06, 0.01, 0.56, 0.00, 0.01, 0.02],   // UMC
    [0.13, 0.28, 0.08, 0.01, 0.47, 0.00, 0.01, 0.02],   // ARFID
    [0.33, 0.26, 0.06, 0.06, 0.25, 0.005, 0.01, 0.025], // ABC
    [0.36, 0.04, 0.03, 0.26, 0.06, 0.20, 0.02, 0.03],   // SUEG
    [0.44, 0.05, 0.05, 0.10, 0.32, 0.00, 0.00, 0.04],   // IBA
    [0.29, 0.10, 0.05, 0.05, 0.48, 0.00, 0.01, 0.02],   // ZIKOS
    [0.39, 0.10, 0.15, 0.02, 0.31, 0.00, 0.01, 0.02],   // ZINT
    [0.39, 0.03, 0.02, 0.32, 0.10, 0.12, 0.00, 0.02],   // HIC
    [0.34, 0.30, 0.05, 0.05, 0.22, 0.00, 0.015, 0.025], // GEZPS
    [0.44, 0.05, 0.00, 0.26, 0.10, 0.12, 0.00, 0.03],   // OVERB
    [0.22, 0.15, 0.10, 0.00, 0.50, 0.00, 0.00, 0.03],   // CGS
];

/// Share of the euros that the referrers other than rechter-ovj, geen and onbekend (whose euros
/// the source states) get, in the order of `VERWIJZER_MIX` (those three are 0 here).
pub const VERWIJZER_EUR_SHARE_OF_REST: [f64; 8] = [0.28, 0.27, 0.05, 0.07, 0.33, 0.0, 0.0, 0.0];

/// The shape of each generated year relative to 2023: trajectories and euros per trajectory.
/// Sizes stay close to 2023 because the source says "Ongeveer 9.700 jeugdigen ontvangen
/// jaarlijks jeugdhulp op grond van de huidige landelijke inkoop" (every year within 5%).
pub struct YearShape {
    pub year: u16,
    pub rows_vs_2023: f64,
    pub price_vs_2023: f64,
}

pub const YEARS: [YearShape; 4] = [
    YearShape {
        year: 2021,
        rows_vs_2023: 0.97,
        price_vs_2023: 0.92,
    },
    YearShape {
        year: 2022,
        rows_vs_2023: 0.985,
        price_vs_2023: 0.96,
    },
    YearShape {
        year: 2023,
        rows_vs_2023: 1.00,
        price_vs_2023: 1.00,
    },
    YearShape {
        year: 2024,
        rows_vs_2023: 1.02,
        price_vs_2023: 1.05,
    },
];

/// Random spread (±) of a derived year's size and of each perceel within it.
pub const YEAR_JITTER: f64 = 0.02;
pub const PERCEEL_JITTER: f64 = 0.04;

/// Share of a year's children in a (landsdeel, perceel) cell that were in that cell the year
/// before (long trajectories continue; the rest are new children).
pub const CONTINUING_SHARE: f64 = 0.35;

/// At most this many rows (trajectory-halves) per child per perceel per year.
pub const MAX_ROWS_PER_CHILD: u32 = 4;

/// Derived years get one mover (a child registered in two landsdelen) per this many youth.
pub const YOUTH_PER_MOVER: u32 = 5_000;

/// ZIKOS left the LTA on 1 July 2024: from 2024 on it has no second half-year.
pub fn has_second_half(year: u16, p: P) -> bool {
    !(p == P::ZIKOS && year >= 2024)
}

/// A child's cost level relative to others in its perceel: skewed (a few long, costly stays),
/// between 0.4 and 2.6, made from uniforms only so that no platform maths library is involved.
pub fn child_cost_factor(u1: f64, u2: f64) -> f64 {
    0.4 + 1.2 * u1 + u2 * u2 * u2
}

/// A trajectory-half's cost relative to the child's others: 0.7 to 1.3.
pub fn row_cost_factor(u: f64) -> f64 {
    0.7 + 0.6 * u
}

/// The one child who moved in 2023 (the source's landsdelen sum to 9,723, one more than the
/// national 9,722): first half in one landsdeel, second half in another. A J-SGLVB placement,
/// since long stays elsewhere can move a child's registration (the source's note 1).
pub const MOVER_2023: (P, L, L) = (P::JSGLVB, L::UF, L::GE);
