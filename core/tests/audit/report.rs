//! The pass criteria and what the audit reports.

use std::fmt;

use lta_core::{Key, Measure};

/// The range an attacker can narrow one secret cell to, with its true value.
#[derive(Debug, Clone)]
pub struct Finding {
    pub key: Key,
    pub measure: Measure,
    pub truth: f64,
    pub min: f64,
    pub max: f64,
    /// How the range was found.
    pub exact: Bound,
}

/// How a finding's range relates to the true range of what an attacker can know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Solved: the true range.
    Exact,
    /// Values feasible points showed: the true range is at least this wide (used for passes).
    Inner,
    /// Implied bounds: the true range is at most this wide (used for failures, when stopping at
    /// the first).
    Outer,
}

impl Finding {
    /// A finding; a count's range is rounded inwards (counts are whole numbers, so a stronger
    /// attacker than plain LP), after snapping solver noise within a millionth.
    pub fn new(key: Key, measure: Measure, truth: f64, mut min: f64, mut max: f64, exact: Bound) -> Self {
        if measure.is_count() {
            min = (min - 1e-6).ceil() + 0.0;
            max = (max + 1e-6).floor() + 0.0;
        }
        Finding { key, measure, truth, min, max, exact }
    }

    /// How safe the cell is, scaled so that 1 is just enough: a count's width over 5; a euro
    /// amount's distance to the nearer end over 20% of its true value (for a true 0, which no
    /// percentage protects, the width over € 1,000: as vague as a cell shown as "€ 0 thousand").
    pub fn score(&self) -> f64 {
        let t = self.truth;
        match self.measure {
            Measure::VolumeEur if t == 0.0 => (self.max - self.min) / 1000.0,
            // Not pinned within ±20%: the range reaches 20% below the truth or 20% above it.
            Measure::VolumeEur => (t - self.min).max(self.max - t) / (0.2 * t.abs()),
            _ => (self.max - self.min) / 5.0,
        }
    }

    /// How far above its true value a point must reach for the cell to pass, given the range
    /// known so far (0 when it passes already, or when no move up can make it pass).
    pub fn needs_up(&self) -> f64 {
        let t = self.truth;
        if self.passes() {
            return 0.0;
        }
        match self.measure {
            Measure::VolumeEur if t == 0.0 => (self.min + 1000.0 - t).max(0.0),
            Measure::VolumeEur => if self.max < 1.2 * t { 0.2 * t.abs() } else { 0.0 },
            _ => (self.min + 5.0 - t).max(0.0),
        }
    }

    /// How far below its true value a point must reach (as [`Finding::needs_up`]).
    pub fn needs_down(&self) -> f64 {
        let t = self.truth;
        if self.passes() {
            return 0.0;
        }
        match self.measure {
            Measure::VolumeEur if t == 0.0 => 0.0,
            Measure::VolumeEur => if self.min > 0.8 * t { 0.2 * t.abs() } else { 0.0 },
            _ => (t - (self.max - 5.0)).max(0.0).min(t),
        }
    }

    /// The criteria of issue #8: counts at least 5 wide; euros not within ±20% of the truth.
    pub fn passes(&self) -> bool {
        // A hair of tolerance for the solver's floating point.
        self.score() >= 1.0 - 1e-9
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dim = |v: Option<String>| v.unwrap_or_else(|| "TOTAAL".into());
        let k = &self.key;
        write!(
            f,
            "{:?} {} {} {} {}: true {} in {}[{}, {}] (width {})",
            self.measure,
            dim(k.periode.clone()),
            dim(k.landsdeel.map(|l| l.code().to_string())),
            dim(k.perceel.clone()),
            dim(k.verwijzer.map(|v| v.code().to_string())),
            self.truth,
            match self.exact {
                Bound::Exact => "",
                Bound::Inner => "at least ",
                Bound::Outer => "at most ",
            },
            self.min,
            self.max,
            self.max - self.min
        )
    }
}

/// The audit of one disclosed cube.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Secret cells audited, per measure in `Measure::ALL` order.
    pub audited: [usize; 3],
    /// Secret cells an attacker can narrow too far.
    pub failures: Vec<Finding>,
    /// Per measure, the secret cell with the lowest score (the narrowest interval).
    pub narrowest: [Option<Finding>; 3],
    /// Anything that makes the audit itself doubtful: a shown number that is not the true one
    /// read by the rules, a relation the true numbers break, a solver error, a true value
    /// outside its own range. None of these may happen.
    pub problems: Vec<String>,
    /// LPs solved.
    pub solves: usize,
    /// Every audited cell (to look one up; the summary needs only the fields above).
    pub cells: Vec<Finding>,
}

impl Report {
    /// No failure and no problem.
    pub fn passed(&self) -> bool {
        self.failures.is_empty() && self.problems.is_empty()
    }

    /// Adds one audited cell.
    pub fn add(&mut self, finding: Finding) {
        let i = index(finding.measure);
        self.audited[i] += 1;
        if self.narrowest[i].as_ref().is_none_or(|n| finding.score() < n.score()) {
            self.narrowest[i] = Some(finding.clone());
        }
        if !finding.passes() {
            self.failures.push(finding.clone());
        }
        self.cells.push(finding);
    }

    /// Adds another report's cells (of another cube or year).
    pub fn merge(&mut self, other: Report) {
        for i in 0..3 {
            self.audited[i] += other.audited[i];
            if let Some(n) = &other.narrowest[i] {
                if self.narrowest[i].as_ref().is_none_or(|m| n.score() < m.score()) {
                    self.narrowest[i] = Some(n.clone());
                }
            }
        }
        self.solves += other.solves;
        self.failures.extend(other.failures);
        self.cells.extend(other.cells);
        self.problems.extend(other.problems);
    }
}

pub fn index(m: Measure) -> usize {
    Measure::ALL.iter().position(|&x| x == m).unwrap_or(0)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [t, y, e] = self.audited;
        writeln!(f, "secret cells audited: {} (trajecten {t}, jeugdigen {y}, volume_eur {e}); {} LPs solved", t + y + e, self.solves)?;
        for n in self.narrowest.iter().flatten() {
            writeln!(f, "  narrowest {n}")?;
        }
        writeln!(f, "failures: {}", self.failures.len())?;
        for x in self.failures.iter().take(20) {
            writeln!(f, "  {x}")?;
        }
        if self.failures.len() > 20 {
            writeln!(f, "  … and {} more", self.failures.len() - 20)?;
        }
        if !self.problems.is_empty() {
            writeln!(f, "problems: {}", self.problems.len())?;
            for p in self.problems.iter().take(20) {
                writeln!(f, "  {p}")?;
            }
        }
        Ok(())
    }
}
