//! The three measures and the four states a published measure cell can be in.

/// One of the measures of the cube.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Trajectories (additive).
    Trajecten,
    /// Unique youth: a distinct count, never summed across a dimension.
    Jeugdigen,
    /// Invoiced euros (additive; may be negative).
    VolumeEur,
}

impl Measure {
    /// All measures, in column order.
    pub const ALL: [Measure; 3] = [Measure::Trajecten, Measure::Jeugdigen, Measure::VolumeEur];

    /// Counts must be whole and non-negative; euros need not be.
    pub fn is_count(self) -> bool {
        !matches!(self, Measure::VolumeEur)
    }
}

/// A measure cell as published.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Cell {
    /// An exact number.
    Exact(f64),
    /// `~n`: approximate or derived (from a ratio or a "circa" statement); shown with ≈.
    Approx(f64),
    /// `x`: suppressed for privacy.
    Secret,
    /// Empty: the source did not publish it.
    #[default]
    NotPublished,
}

impl Cell {
    /// The number, exact or approximate.
    pub fn number(self) -> Option<f64> {
        match self {
            Cell::Exact(n) | Cell::Approx(n) => Some(n),
            Cell::Secret | Cell::NotPublished => None,
        }
    }

    /// The cell as a cube CSV writes it: `12`, `~12`, `x` or empty.
    pub fn to_csv(self) -> String {
        match self {
            Cell::Exact(n) => crate::model::fixed::fixed_round_trip(n),
            Cell::Approx(n) => format!("~{}", crate::model::fixed::fixed_round_trip(n)),
            Cell::Secret => "x".into(),
            Cell::NotPublished => String::new(),
        }
    }

    /// True for `~` cells.
    pub fn is_approx(self) -> bool {
        matches!(self, Cell::Approx(_))
    }

    /// Combines two cells into one derived from both (a ratio, a share): approximate when
    /// either is, secret when either is, and not published when either is missing.
    pub fn combine(self, other: Cell, f: impl FnOnce(f64, f64) -> Option<f64>) -> Cell {
        match (self, other) {
            (Cell::Secret, _) | (_, Cell::Secret) => Cell::Secret,
            (Cell::NotPublished, _) | (_, Cell::NotPublished) => Cell::NotPublished,
            (a, b) => match f(a.number().unwrap_or(0.0), b.number().unwrap_or(0.0)) {
                None => Cell::NotPublished,
                Some(n) if a.is_approx() || b.is_approx() => Cell::Approx(n),
                Some(n) => Cell::Exact(n),
            },
        }
    }
}

/// The three measures of one cube cell.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Measures {
    /// Trajectories.
    pub trajecten: Cell,
    /// Unique youth.
    pub jeugdigen: Cell,
    /// Euros.
    pub volume_eur: Cell,
}

impl Measures {
    /// No youth, no trajectories, no euros.
    pub fn zero() -> Measures {
        Measures { trajecten: Cell::Exact(0.0), jeugdigen: Cell::Exact(0.0), volume_eur: Cell::Exact(0.0) }
    }

    /// The cell of one measure.
    pub fn get(&self, m: Measure) -> Cell {
        match m {
            Measure::Trajecten => self.trajecten,
            Measure::Jeugdigen => self.jeugdigen,
            Measure::VolumeEur => self.volume_eur,
        }
    }

    pub(crate) fn set(&mut self, m: Measure, cell: Cell) {
        match m {
            Measure::Trajecten => self.trajecten = cell,
            Measure::Jeugdigen => self.jeugdigen = cell,
            Measure::VolumeEur => self.volume_eur = cell,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combine_keeps_the_weakest_state() {
        let div = |a: f64, b: f64| (b != 0.0).then(|| a / b);
        assert_eq!(Cell::Exact(6.0).combine(Cell::Exact(3.0), div), Cell::Exact(2.0));
        assert_eq!(Cell::Approx(6.0).combine(Cell::Exact(3.0), div), Cell::Approx(2.0));
        assert_eq!(Cell::Exact(6.0).combine(Cell::Secret, div), Cell::Secret);
        assert_eq!(Cell::NotPublished.combine(Cell::Exact(3.0), div), Cell::NotPublished);
        assert_eq!(Cell::Exact(6.0).combine(Cell::Exact(0.0), div), Cell::NotPublished);
    }
}
