//! Derived figures. Each keeps the weakest state of its inputs (see [`Cell::combine`]), so a
//! rate from an approximate count is approximate and a rate from an unpublished count is unpublished.

use crate::model::measure::Cell;

/// `part / whole`, or unpublished when `whole` is 0.
///
/// ```
/// use lta_core::{Cell, ratio};
/// assert_eq!(ratio(Cell::Exact(194078629.0), Cell::Exact(9722.0)).number().map(f64::round), Some(19963.0));
/// ```
pub fn ratio(part: Cell, whole: Cell) -> Cell {
    part.combine(whole, |a, b| (b != 0.0).then(|| a / b))
}

/// Youth per 1,000 of a population.
///
/// ```
/// use lta_core::{Cell, per_1000};
/// let uf = per_1000(Cell::Exact(1751.0), Some(399065.0));
/// assert_eq!(lta_core::format_cell(uf, lta_core::Unit::Decimal1, lta_core::Lang::Nl), "4,4");
/// ```
pub fn per_1000(count: Cell, population: Option<f64>) -> Cell {
    match population {
        Some(p) => ratio(count, Cell::Exact(p)).combine(Cell::Exact(1000.0), |a, b| Some(a * b)),
        None => Cell::NotPublished,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_follow_their_inputs() {
        assert_eq!(per_1000(Cell::Exact(5.0), Some(1000.0)), Cell::Exact(5.0));
        assert_eq!(per_1000(Cell::Approx(5.0), Some(1000.0)), Cell::Approx(5.0));
        assert_eq!(per_1000(Cell::Secret, Some(1000.0)), Cell::Secret);
        assert_eq!(per_1000(Cell::Exact(5.0), None), Cell::NotPublished);
        assert_eq!(ratio(Cell::Exact(5.0), Cell::Exact(0.0)), Cell::NotPublished);
    }
}
