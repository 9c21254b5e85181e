//! The cell-key method's parameters, as a published manifest records them: data at the bottom of
//! the house, which the method (`protect/disclosure/`) reads and which a manifest carries.

/// The largest noise on a count, in either direction.
pub const MAX_NOISE: i64 = 5;
/// The variance of the noise on a count.
pub const VARIANCE: f64 = 3.0;
/// Counts 1..=NO_SMALL are never published.
pub const NO_SMALL: i64 = 2;
/// The noise on euros as a share of the largest youth's euros in the cell.
pub const NOISE_SHARE: f64 = 0.15;
/// One youth holding more than this share of a cell's euros makes it dominated.
pub const DOMINANCE_SHARE: f64 = 0.5;
/// Euros are rounded to multiples of this after their noise.
pub const EURO_ROUNDING: f64 = 1000.0;
/// Durations are shown only for groups of at least this many youth.
pub const MIN_YOUTH: u64 = 20;

/// The method with its parameters, as a published manifest records them
/// (`"rules": {"method": "cell-key", …}`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rules {
    /// `cell-key`.
    pub method: String,
    /// The largest noise on a count, either way.
    pub max_noise: f64,
    /// The variance of the noise on a count.
    pub variance: f64,
    /// Counts 1 up to this are never published.
    pub no_small: f64,
    /// The noise on euros, as a share of the largest youth's euros in the cell (the second
    /// largest adds half of that).
    pub euro_noise: f64,
    /// Where one youth holds more than this share of a cell's euros, the noise on them is at
    /// least `euro_noise` of that youth's euros.
    pub dominance_share: f64,
    /// Shown euros are multiples of this.
    pub euro_rounding: f64,
    /// Durations are shown only for groups shown with at least this many youth.
    pub duration_min_shown: f64,
    /// The largest move of a duration's quartile, in weeks, either way (its position moves too).
    pub duration_noise_weeks: f64,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            method: "cell-key".into(),
            max_noise: MAX_NOISE as f64,
            variance: VARIANCE,
            no_small: NO_SMALL as f64,
            euro_noise: NOISE_SHARE,
            dominance_share: DOMINANCE_SHARE,
            euro_rounding: EURO_ROUNDING,
            duration_min_shown: (MIN_YOUTH as i64 + MAX_NOISE) as f64,
            duration_noise_weeks: MAX_NOISE as f64,
        }
    }
}
