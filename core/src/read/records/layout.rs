//! The dense cell layout of a records cube, which the exact cube and the cell-key method count
//! into, and the records by client.

use super::*;

/// The dense cell layout of a records cube: period × area × (percelen + TOTAAL) × (8 referrers +
/// TOTAAL), where the periods are the file's and the year of each half-year or quarter, and the
/// areas the 8 landsdelen, TOTAAL and, where the file has them, the 42 jeugdregio's; after those,
/// where the file has gemeenten, each gemeente's totals per period (342 gemeenten crossed with
/// percelen and referrers would be most of the cells and time, nearly each a handful of youth).
/// Cells of jeugdregio's and gemeenten are counted densely (linear, bounded) and kept only where
/// records are.
pub(crate) struct Layout {
    pub(crate) periods: Vec<String>,
    pub(crate) year_of: Vec<Option<usize>>,
    pub(crate) areas: usize,
    pub(crate) percelen: usize,
    pub(crate) verwijzers: usize,
    /// Where the jeugdregio's begin on the area axis, when the file has them.
    pub(crate) jeugdregio_at: Option<usize>,
    /// How many gemeenten have totals (0 or all of the reference table's).
    pub(crate) gemeenten: usize,
}

/// One cell of the layout: its index and the indices of its period, area, perceel and referrer.
/// A gemeente's area follows the dense ones (`areas + gemeente`).
#[derive(Clone, Copy)]
pub(crate) struct Place {
    pub(crate) index: usize,
    pub(crate) period: usize,
    pub(crate) area: usize,
    pub(crate) perceel: usize,
    pub(crate) verwijzer: usize,
}

/// Where a cell's figures go: the landsdeel cube, or a region's cells.
pub(crate) enum Address {
    Cube(Key),
    Region(Regio, Key),
}

impl Address {
    /// Sets the cell in `cube`.
    pub(crate) fn insert(self, cube: &mut Cube, m: Measures) {
        match self {
            Address::Cube(key) => cube.insert(key, m),
            Address::Region(r, key) => cube.insert_region(r, key, m),
        }
    }
}

/// The landsdelen and TOTAAL on the area axis.
pub(crate) const LANDSDEEL_AREAS: usize = Landsdeel::ALL.len() + 1;

impl Layout {
    pub(crate) fn index(&self, period: usize, area: usize, p: usize, v: usize) -> usize {
        ((period * self.areas + area) * self.percelen + p) * self.verwijzers + v
    }

    /// The cells before the gemeenten' totals.
    pub(crate) fn dense(&self) -> usize {
        self.periods.len() * self.areas * self.percelen * self.verwijzers
    }

    pub(crate) fn gemeente_index(&self, period: usize, g: usize) -> usize {
        self.dense() + period * self.gemeenten + g
    }

    /// How many groups: a cell's group is the cell without its period (the cell-key method's
    /// noise has a salt per group).
    pub(crate) fn groups(&self) -> usize {
        self.per_period() + self.gemeenten
    }

    /// The group of the cell at index `i`.
    pub(crate) fn group_of(&self, i: usize) -> usize {
        let dense = self.dense();
        if i < dense { i % self.per_period() } else { self.per_period() + (i - dense) % self.gemeenten }
    }

    /// The dense cells of one period.
    pub(crate) fn per_period(&self) -> usize {
        self.areas * self.percelen * self.verwijzers
    }

    /// How many cells.
    pub(crate) fn len(&self) -> usize {
        self.dense() + self.periods.len() * self.gemeenten
    }

    /// The cells a record counts in: its own and every marginal above it (up to 16), the same for
    /// its jeugdregio where the file has them (up to 32), and its gemeente's totals (up to 34).
    /// Filled into an array by plain loops: nested iterator adapters were a sixth of reading.
    pub(crate) fn cells_of(&self, r: &Record) -> impl Iterator<Item = usize> {
        let (pt, vt) = (self.percelen - 1, self.verwijzers - 1);
        let (p, v) = (r.perceel as usize, r.verwijzer as usize);
        let jeugdregio = self.jeugdregio_at.filter(|_| r.jeugdregio != NO_REGION).map(|at| at + r.jeugdregio as usize);
        let gemeente = (self.gemeenten > 0 && r.gemeente != NO_REGION).then_some(r.gemeente as usize);
        let areas = [Some(r.landsdeel as usize), Some(LANDSDEEL_AREAS - 1), jeugdregio];
        let (mut cells, mut n) = ([0usize; 34], 0);
        for period in [Some(r.period as usize), self.year_of[r.period as usize]].into_iter().flatten() {
            for a in areas.into_iter().flatten() {
                for (p, v) in [(p, v), (p, vt), (pt, v), (pt, vt)] {
                    cells[n] = self.index(period, a, p, v);
                    n += 1;
                }
            }
            if let Some(g) = gemeente {
                cells[n] = self.gemeente_index(period, g);
                n += 1;
            }
        }
        cells.into_iter().take(n)
    }

    /// Every cell, in layout order.
    pub(crate) fn places(&self) -> impl Iterator<Item = Place> + '_ {
        let dense = (0..self.periods.len()).flat_map(move |period| {
            (0..self.areas).flat_map(move |area| {
                (0..self.percelen).flat_map(move |perceel| {
                    (0..self.verwijzers).map(move |verwijzer| Place { index: self.index(period, area, perceel, verwijzer), period, area, perceel, verwijzer })
                })
            })
        });
        let (pt, vt) = (self.percelen - 1, self.verwijzers - 1);
        let gemeenten = (0..self.periods.len()).flat_map(move |period| {
            (0..self.gemeenten).map(move |g| Place { index: self.gemeente_index(period, g), period, area: self.areas + g, perceel: pt, verwijzer: vt })
        });
        dense.chain(gemeenten)
    }

    /// Where a cell goes, with its key.
    pub(crate) fn address(&self, at: Place, percelen: &[String]) -> Address {
        let key = |landsdeel| Key {
            periode: Some(self.periods[at.period].clone()),
            landsdeel,
            perceel: percelen.get(at.perceel).cloned(),
            verwijzer: Verwijzer::ALL.get(at.verwijzer).copied(),
        };
        match self.jeugdregio_at {
            _ if at.area >= self.areas => Address::Region(Regio::Gemeente((at.area - self.areas) as u16), key(None)),
            Some(j) if at.area >= j => Address::Region(Regio::Jeugdregio((at.area - j) as u8), key(None)),
            _ => Address::Cube(key(Landsdeel::ALL.get(at.area).copied())),
        }
    }

    /// Whether a cell is of a jeugdregio or a gemeente.
    pub(crate) fn is_region(&self, at: Place) -> bool {
        at.area >= LANDSDEEL_AREAS
    }
}

impl Records {
    pub(crate) fn layout(&self) -> Layout {
        // Sub-year periods also count towards their year, which becomes a period of its own.
        let mut periods = self.periods.clone();
        for p in &self.periods {
            if p.len() > 4 && !periods.iter().any(|q| q == &p[..4]) {
                periods.push(p[..4].to_string());
            }
        }
        let year_of = self.periods.iter().map(|p| (p.len() > 4).then(|| periods.iter().position(|q| q == &p[..4]).unwrap_or(0))).collect();
        let jeugdregio_at = self.levels.contains(&Level::Jeugdregio).then_some(LANDSDEEL_AREAS);
        let areas = LANDSDEEL_AREAS + if jeugdregio_at.is_some() { regions().jeugdregios.len() } else { 0 };
        let gemeenten = if self.levels.contains(&Level::Gemeente) { regions().gemeenten.len() } else { 0 };
        Layout { periods, year_of, areas, percelen: self.percelen.len() + 1, verwijzers: Verwijzer::ALL.len() + 1, jeugdregio_at, gemeenten }
    }

    /// The records of each client in turn (they are ordered by client).
    pub(crate) fn by_client(&self) -> impl Iterator<Item = &[Record]> {
        self.list.chunk_by(|a, b| a.client == b.client)
    }

    /// Every marginal, exact: a cell counts a client when it has not seen that client last.
    pub(crate) fn exact_cube(&self) -> Cube {
        let layout = self.layout();
        let cells = layout.len();
        let (mut trajecten, mut youth, mut cents) = (vec![0u64; cells], vec![0u64; cells], vec![0i64; cells]);
        let mut last_client = vec![u32::MAX; cells];
        for r in &self.list {
            for i in layout.cells_of(r) {
                trajecten[i] += 1;
                cents[i] += r.cents;
                if last_client[i] != r.client {
                    last_client[i] = r.client;
                    youth[i] += 1;
                }
            }
        }
        let mut cube = Cube::default();
        for at in layout.places() {
            let i = at.index;
            // A region's cell without records is 0 without being kept.
            if layout.is_region(at) && trajecten[i] == 0 {
                continue;
            }
            let n = |x: u64| Cell::Exact(x as f64);
            let m = Measures { trajecten: n(trajecten[i]), jeugdigen: n(youth[i]), volume_eur: Cell::Exact(euros(cents[i]) as f64) };
            layout.address(at, &self.percelen).insert(&mut cube, m);
        }
        cube
    }
}
