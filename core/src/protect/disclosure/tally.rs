//! The one accumulator of the cell-key method: every table derived from records counts its cells
//! here and gets its figures from here, so every table is protected the same way. The cube, the
//! regions and the providers use [`Tally`]; the durations, which count trajectories per period
//! and youth per group, use its parts: [`Keyed`] counts, [`noisy`] and [`coherent`].
//!
//! Records pass by ordered by client. Per cell it keeps the youth (each client once, with its
//! youth key), the trajectories (each row, with its row key) and the euros (each client's euros
//! summed within the cell, for the largest contributions); per group (the cell without its
//! period, [`super::keys`]) the keys of its youth over the whole span, for the salt.

use super::keys::{Keyed, Use};
use super::magnitude::Contributions;
use super::PTable;
use crate::model::measure::{Cell, Measures};

/// What one record brings to the cells it counts in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member {
    /// The client's number (records pass by ordered by it).
    pub(crate) client: u32,
    /// The record's euros, in cents.
    pub(crate) cents: i64,
    /// The client's youth key and the row's key (0 without a secret key).
    pub(crate) youth: u64,
    pub(crate) row: u64,
}

/// A group's youth over the whole span, each once.
#[derive(Clone, Copy, Default)]
struct Group {
    youth: Keyed,
    last: Option<u32>,
}

impl Group {
    fn add(&mut self, m: &Member) {
        if self.last != Some(m.client) {
            self.last = Some(m.client);
            self.youth.add(m.youth);
        }
    }
}

/// The cells of one table while records are counted.
pub(crate) struct Tally {
    youth: Vec<Keyed>,
    rows: Vec<Keyed>,
    cents: Vec<i64>,
    group_of: Vec<u32>,
    euros: Contributions,
    groups: Vec<Group>,
}

impl Tally {
    /// A tally of `cells` cells in `groups` groups.
    pub(crate) fn new(cells: usize, groups: usize) -> Tally {
        Tally {
            youth: vec![Keyed::default(); cells],
            rows: vec![Keyed::default(); cells],
            cents: vec![0; cells],
            group_of: vec![u32::MAX; cells],
            euros: Contributions::new(cells),
            groups: vec![Group::default(); groups],
        }
    }

    /// Counts a record in a cell of a group; a cell or group past the end is added.
    pub(crate) fn add(&mut self, cell: usize, group: usize, m: &Member) {
        if cell >= self.rows.len() {
            self.grow(cell + 1);
        }
        if group >= self.groups.len() {
            self.groups.resize(group + 1, Group::default());
        }
        self.rows[cell].add(m.row);
        self.cents[cell] += m.cents;
        if self.euros.add(cell, m.client, m.cents) {
            self.youth[cell].add(m.youth);
        }
        self.group_of[cell] = group as u32;
        self.groups[group].add(m);
    }

    /// Room for `cells` cells (tables whose cells are found while counting).
    fn grow(&mut self, cells: usize) {
        let cells = cells.max(2 * self.rows.len());
        self.youth.resize(cells, Keyed::default());
        self.rows.resize(cells, Keyed::default());
        self.cents.resize(cells, 0);
        self.group_of.resize(cells, u32::MAX);
        self.euros.grow(cells);
    }

    /// The salt of a group: its youth's keys over the whole span (0 for a group without records).
    pub(crate) fn salt(&self, group: usize) -> u64 {
        self.groups.get(group).map_or(0, |g| g.youth.key)
    }

    /// The cell's figures: exact without a table; with one, under the method, a cell whose youth
    /// are shown as 0 shown as 0 throughout ([`coherent`]). Asked once per cell.
    pub(crate) fn shown(&mut self, cell: usize, table: Option<&PTable>) -> Measures {
        let Some(table) = table else {
            let n = |k: Keyed| Cell::Exact(k.n as f64);
            let euros = crate::read::records::euros(self.cents[cell]) as f64;
            return Measures { trajecten: n(self.rows[cell]), jeugdigen: n(self.youth[cell]), volume_eur: Cell::Exact(euros) };
        };
        let salt = self.salt(self.group_of[cell] as usize);
        let rows_key = self.rows[cell].cell_key(salt, Use::Trajectories);
        let youth = noisy(table, self.youth[cell], salt, Use::Youth);
        let trajectories = noisy(table, self.rows[cell], salt, Use::Trajectories);
        let euros = self.euros.perturbed(cell, rows_key);
        coherent(youth, trajectories, euros)
    }
}

/// A count with the noise its cell key picks from the table.
pub(crate) fn noisy(table: &PTable, count: Keyed, salt: u64, what: Use) -> f64 {
    (count.n as i64 + table.noise(count.n, count.cell_key(salt, what))) as f64
}

/// The small-cell rule: a cell whose youth are shown as 0 shows no trajectories and no euros
/// either, and a cell with youth shows at least as many trajectories as youth where its own
/// trajectories came out as 0 (each youth had one), so its figures never contradict each other,
/// and no per-youth figure comes from an empty-looking cell. Only shown figures decide: this
/// adds nothing to what the cell shows.
pub(crate) fn coherent(youth: f64, trajectories: f64, euros: f64) -> Measures {
    let (trajectories, euros) = match (youth, trajectories) {
        (0.0, _) => (0.0, 0.0),
        (_, 0.0) => (youth, euros),
        _ => (trajectories, euros),
    };
    Measures { trajecten: Cell::Exact(trajectories), jeugdigen: Cell::Exact(youth), volume_eur: Cell::Exact(euros) }
}
