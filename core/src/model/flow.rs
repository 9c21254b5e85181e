//! Doorlooptijd: per area (the nation, a landsdeel, a jeugdregio) and perceel, the trajectories
//! that started, ended and were still running in each period, and how long trajectories last.
//!
//! A **trajectory** is the lines of one client with the same perceel, provider and begin date
//! (docs/data-format.md): its end is the latest end date of its lines, and it still runs when a
//! line has none. The data ends on the last day of its latest period (the *peildatum*); a later
//! end date counts as running.
//!
//! Durations are estimated by **Kaplan–Meier**: a running trajectory counts as lasting at least
//! until the peildatum, so long trajectories are not left out as a mean of the finished ones
//! would. The quartiles are shown in whole weeks and only for groups of at least [`MIN_YOUTH`](crate::MIN_YOUTH)
//! youth (docs/disclosure.md argues both). This file holds the figures and reads and writes
//! them; `protect/flow.rs` counts them from records, under the cell-key method.

use std::collections::BTreeMap;

use crate::model::code::Landsdeel;
use crate::model::csv_text::{parse_cell, read_fixed, valid_period};
use crate::model::cube::PerceelNames;
use crate::model::error::{DataError, ErrorKind};
use crate::model::key::{dimension, TOTAAL};
use crate::model::measure::Cell;
use crate::model::notice::Parsed;
use crate::model::regio::Regio;

/// The levels of the Kaplan–Meier curve (the share still running) that make the quartiles.
pub const LEVELS: [f64; 3] = [0.75, 0.5, 0.25];

/// The columns of a duration file (`doorlooptijd.csv`).
pub const FLOW_COLUMNS: [&str; 11] = [
    "gebied",
    "perceel",
    "periode",
    "gestart",
    "beeindigd",
    "lopend",
    "jeugdigen",
    "trajecten",
    "p25_weken",
    "mediaan_weken",
    "p75_weken",
];

/// Where trajectories are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// The whole country.
    Nation,
    /// A landsdeel.
    Landsdeel(Landsdeel),
    /// A jeugdregio.
    Region(Regio),
}

impl Area {
    /// `TOTAAL`, a landsdeel code or a jeugdregio code.
    pub fn code(self) -> &'static str {
        match self {
            Area::Nation => TOTAAL,
            Area::Landsdeel(l) => l.code(),
            Area::Region(r) => r.code(),
        }
    }

    /// An area from its code.
    pub fn parse(s: &str) -> Option<Area> {
        match dimension(s, |s| {
            Regio::parse(s)
                .map(Area::Region)
                .or_else(|| Landsdeel::parse(s).map(Area::Landsdeel))
        })? {
            None => Some(Area::Nation),
            Some(Area::Region(Regio::Gemeente(_))) => None,
            Some(a) => Some(a),
        }
    }
}

/// An area and a perceel (`None`: every perceel).
pub type Group = (Area, Option<String>);

/// The trajectories of a group that started, ended and were still running in one period (at its
/// last day).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Movement {
    /// Begun in the period.
    pub started: Cell,
    /// Ended in the period.
    pub ended: Cell,
    /// Begun and not ended by the period's last day.
    pub running: Cell,
}

/// How long a group's trajectories last.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Duration {
    /// The youth with a trajectory in the group.
    pub jeugdigen: Cell,
    /// The group's trajectories.
    pub trajecten: Cell,
    /// The first quartile, median and third quartile in weeks: [`Cell::NotPublished`] where not
    /// reached (too many still run), [`Cell::Secret`] for a group under [`MIN_YOUTH`](crate::MIN_YOUTH) youth.
    pub quartiles: [Cell; 3],
}

/// The movements per period and the duration of every group the data has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flow {
    /// The periods, in time order.
    pub periods: Vec<String>,
    groups: BTreeMap<Group, (Vec<Movement>, Duration)>,
}

impl Flow {
    /// A group's movements, one per period.
    pub fn movements(&self, group: &Group) -> Option<&[Movement]> {
        self.groups.get(group).map(|g| g.0.as_slice())
    }

    /// The percelen an area has figures for, in code order.
    pub fn percelen(&self, area: Area) -> impl Iterator<Item = &str> {
        self.groups.keys().filter(move |(a, _)| *a == area).filter_map(|(_, p)| p.as_deref())
    }

    /// A group's duration.
    pub fn duration(&self, group: &Group) -> Option<Duration> {
        self.groups.get(group).map(|g| g.1)
    }

    /// The flow as a duration file: a row per group and period with its movements, and a row
    /// per group with period `TOTAAL` with its youth, trajectories and quartiles.
    pub fn to_csv(&self) -> String {
        let mut out = FLOW_COLUMNS.join(",") + "\n";
        for ((area, perceel), (movements, d)) in &self.groups {
            let group = format!("{},{}", area.code(), perceel.as_deref().unwrap_or(TOTAAL));
            for (p, m) in self.periods.iter().zip(movements) {
                out += &format!(
                    "{group},{p},{},{},{},,,,,\n",
                    m.started.to_csv(),
                    m.ended.to_csv(),
                    m.running.to_csv()
                );
            }
            let q = d.quartiles.map(Cell::to_csv);
            out += &format!(
                "{group},{TOTAAL},,,,{},{},{},{},{}\n",
                d.jeugdigen.to_csv(),
                d.trajecten.to_csv(),
                q[0],
                q[1],
                q[2]
            );
        }
        out
    }

    /// Reads a duration file (docs/data-format.md).
    pub fn parse(
        bytes: &[u8],
        file: &str,
        percelen: &PerceelNames,
    ) -> Result<Parsed<Flow>, DataError> {
        let mut rows: Vec<(Group, Option<String>, [Cell; 8], u64)> = Vec::new();
        let notices = read_fixed(bytes, file, &FLOW_COLUMNS, |row| {
            let (field, err) = (|i| row.field(i), |kind, i| row.error(kind, i));
            let area = Area::parse(field(0)).ok_or_else(|| err(ErrorKind::UnknownCode, 0))?;
            let perceel = dimension(field(1), |s| percelen.resolve(s))
                .ok_or_else(|| err(ErrorKind::UnknownCode, 1))?;
            let periode = dimension(field(2), |s| {
                valid_period(s).then(|| s.to_ascii_uppercase())
            })
            .ok_or_else(|| err(ErrorKind::BadPeriod, 2))?;
            let mut cells = [Cell::NotPublished; 8];
            for (i, c) in cells.iter_mut().enumerate() {
                *c = parse_cell(field(3 + i), row.table.delimiter, true)
                    .map_err(|kind| err(kind, 3 + i))?;
            }
            rows.push(((area, perceel), periode, cells, row.line));
            Ok(())
        })?;
        let mut periods: Vec<String> = rows.iter().filter_map(|r| r.1.clone()).collect();
        crate::model::order::sort_by(&mut periods, &|a, b| a.cmp(b));
        periods.dedup();
        let mut out = Flow { periods, groups: BTreeMap::new() };
        let mut seen: BTreeMap<(Group, Option<String>), u64> = BTreeMap::new();
        for (group, periode, c, line) in rows {
            if let Some(first_line) = seen.insert((group.clone(), periode.clone()), line) {
                return Err(DataError::new(ErrorKind::DuplicateRow { first_line }, file)
                    .at_line(line)
                    .in_cell(FLOW_COLUMNS[0], group.0.code()));
            }
            let n = out.periods.len();
            let entry = out
                .groups
                .entry(group)
                .or_insert_with(|| (vec![Movement::default(); n], Duration::default()));
            match periode {
                Some(p) => {
                    let i = out.periods.iter().position(|q| *q == p).unwrap_or(0);
                    entry.0[i] = Movement { started: c[0], ended: c[1], running: c[2] };
                }
                None => entry.1 = Duration { jeugdigen: c[3], trajecten: c[4], quartiles: [c[5], c[6], c[7]] },
            }
        }
        Ok(Parsed { value: out, notices })
    }
}


impl Flow {
    /// A flow of these periods and groups (counted from records, `protect/flow.rs`).
    pub(crate) fn new(periods: Vec<String>, groups: BTreeMap<Group, (Vec<Movement>, Duration)>) -> Flow {
        Flow { periods, groups }
    }
}

/// The first quartile, median and third quartile of the Kaplan–Meier estimate of how long
/// trajectories last, from (days, ended) per trajectory: the first time the estimated share still
/// running falls to 75%, 50% and 25% or below; `None` where it does not (too many still run).
///
/// ```
/// # use lta_core::kaplan_meier_quartiles;
/// // Four ended after 10, 20, 30 and 40 days: the median is 20 (half have ended by then).
/// assert_eq!(kaplan_meier_quartiles(&mut [(10, true), (20, true), (30, true), (40, true)]), [Some(10), Some(20), Some(30)]);
/// // A running one is not a short one: censored at 15 days, it leaves 3 at risk after it.
/// assert_eq!(kaplan_meier_quartiles(&mut [(10, true), (15, false), (20, true), (30, true)]), [Some(10), Some(20), Some(30)]);
/// // Most still running: the median is not reached.
/// assert_eq!(kaplan_meier_quartiles(&mut [(10, true), (50, false), (50, false), (50, false)]), [Some(10), None, None]);
/// ```
pub fn kaplan_meier_quartiles(times: &mut [(u32, bool)]) -> [Option<u32>; 3] {
    kaplan_meier_at(times, LEVELS)
}

/// The first time the Kaplan–Meier estimate of the share still running falls to each level or
/// below; `None` where it does not (what [`kaplan_meier_quartiles`] reads at 75%, 50% and 25%).
pub fn kaplan_meier_at(times: &mut [(u32, bool)], levels: [f64; 3]) -> [Option<u32>; 3] {
    // Those censored at a time are still at risk at it (the usual convention).
    times.sort_unstable();
    let mut out = [None; 3];
    let (mut at_risk, mut surviving) = (times.len() as f64, 1.0f64);
    for same in times.chunk_by(|a, b| a.0 == b.0) {
        let ended = same.iter().filter(|s| s.1).count() as f64;
        if ended > 0.0 {
            surviving *= 1.0 - ended / at_risk;
            for (q, level) in out.iter_mut().zip(levels) {
                // A tolerance: a product of fractions that is 0.5 exactly may come out a hair above.
                if q.is_none() && surviving <= level + 1e-9 {
                    *q = Some(same[0].0);
                }
            }
        }
        at_risk -= same.len() as f64;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_read_back_from_their_codes() {
        for a in [
            Area::Nation,
            Area::Landsdeel(Landsdeel::LI),
            Area::Region(Regio::parse("JZ41").unwrap()),
        ] {
            assert_eq!(Area::parse(a.code()), Some(a));
        }
        assert_eq!(Area::parse("GM0935"), None);
        assert_eq!(Area::parse(""), None);
    }
}
