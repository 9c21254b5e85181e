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
//! youth (docs/disclosure.md argues both). From records with a secret key, every figure is
//! counted and protected by the cell-key method's one accumulator (`protect::disclosure`):
//! this file says only what is counted.

use std::collections::BTreeMap;

use crate::model::code::Landsdeel;
use crate::read::csv_text::{parse_cell, read_fixed, valid_period};
use crate::model::cube::PerceelNames;
use crate::protect::disclosure::durations::{self, weeks, LEVELS};
use crate::protect::disclosure::keys::{Domain, Keyed, Use};
use crate::protect::disclosure::tally::noisy;
use crate::protect::disclosure::{PTable, SecretKey};
use crate::model::error::{DataError, ErrorKind};
use crate::read::import::days_from_civil;
use crate::model::key::{dimension, TOTAAL};
use crate::model::measure::Cell;
use crate::model::notice::Parsed;
use crate::read::records::{Record, Records, RecordsCube, NO_DATE, NO_PROVIDER, NO_REGION};
use crate::model::regio::Regio;

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
    pub youth: Cell,
    /// The group's trajectories.
    pub trajectories: Cell,
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
                d.youth.to_csv(),
                d.trajectories.to_csv(),
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
        let mut out = Flow {
            periods,
            groups: BTreeMap::new(),
        };
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
                    entry.0[i] = Movement {
                        started: c[0],
                        ended: c[1],
                        running: c[2],
                    };
                }
                None => {
                    entry.1 = Duration {
                        youth: c[3],
                        trajectories: c[4],
                        quartiles: [c[5], c[6], c[7]],
                    }
                }
            }
        }
        Ok(Parsed {
            value: out,
            notices,
        })
    }
}

/// The first and last day of a period code (`2024`, `2024-H2`, `2024-Q3`).
fn period_days(code: &str) -> Option<(i32, i32)> {
    let year: i64 = code.get(..4)?.parse().ok()?;
    let (first, months) = match code.get(5..6) {
        None => (1, 12),
        Some("H") => (1 + 6 * (code.get(6..)?.parse::<u32>().ok()? - 1), 6),
        Some("Q") => (1 + 3 * (code.get(6..)?.parse::<u32>().ok()? - 1), 3),
        _ => return None,
    };
    let day =
        |y: i64, m: u32| days_from_civil(y + i64::from((m - 1) / 12), (m - 1) % 12 + 1, 1) as i32;
    Some((day(year, first), day(year, first + months) - 1))
}

/// One trajectory: its client, area, perceel, begin and end day (`None`: running at the peildatum).
struct Trajectory {
    client: u32,
    landsdeel: u8,
    jeugdregio: u16,
    perceel: u16,
    begin: i32,
    end: Option<i32>,
    key: u64,
}

/// The trajectories of the records, by client (records without a begin date have none).
fn trajectories(records: &Records, peildatum: i32, secret: Option<&SecretKey>) -> Vec<Trajectory> {
    let mut out = Vec::new();
    for client in records.by_client() {
        let mut lines: Vec<&Record> = client.iter().filter(|r| r.begin != NO_DATE).collect();
        lines.sort_by_key(|r| (r.perceel, r.provider, r.begin));
        for same in lines
            .chunk_by(|a, b| (a.perceel, a.provider, a.begin) == (b.perceel, b.provider, b.begin))
        {
            let r = same[0];
            let running = same.iter().any(|l| l.end == NO_DATE || l.end > peildatum);
            let end = (!running).then(|| same.iter().map(|l| l.end).max().unwrap_or(r.begin));
            let key = secret.map_or(0, |s| {
                let provider = if r.provider == NO_PROVIDER {
                    ""
                } else {
                    &records.providers[r.provider as usize]
                };
                let id = records.clients[r.client as usize].as_bytes();
                s.key(
                    Domain::Trajectory,
                    &[
                        id,
                        records.percelen[r.perceel as usize].as_bytes(),
                        provider.as_bytes(),
                        &r.begin.to_le_bytes(),
                    ],
                )
            });
            out.push(Trajectory {
                client: r.client,
                landsdeel: r.landsdeel,
                jeugdregio: r.jeugdregio,
                perceel: r.perceel,
                begin: r.begin,
                end,
                key,
            });
        }
    }
    out
}

/// What is counted for one group while the trajectories are read.
#[derive(Default)]
struct Counts {
    movements: Vec<[Keyed; 3]>,
    youth: Keyed,
    trajectories: Keyed,
    /// Days each trajectory lasted, and whether it ended (else it was still running).
    times: Vec<(u32, bool)>,
    last_client: Option<u32>,
}

/// The flow of records that have begin dates, under the cell-key method with `secret` (exact
/// without one); `None` when the records have no begin dates.
pub fn from_records(built: &RecordsCube, secret: Option<&SecretKey>) -> Option<Flow> {
    let records = &built.records;
    let mut periods = records.periods.clone();
    crate::model::order::sort_by(&mut periods, &|a, b| a.cmp(b));
    let days: Vec<(i32, i32)> = periods
        .iter()
        .map(|p| period_days(p))
        .collect::<Option<_>>()?;
    let peildatum = days.iter().map(|d| d.1).max()?;
    let all = trajectories(records, peildatum, secret);
    if all.is_empty() {
        return None;
    }
    let mut counts: BTreeMap<Group, Counts> = BTreeMap::new();
    for t in &all {
        let landsdeel = Landsdeel::ALL[t.landsdeel as usize];
        let region = (t.jeugdregio != NO_REGION)
            .then(|| Area::Region(Regio::Jeugdregio(t.jeugdregio as u8)));
        let perceel = &records.percelen[t.perceel as usize];
        let youth_key = secret.map_or(0, |s| {
            s.key(Domain::Youth, &[records.clients[t.client as usize].as_bytes()])
        });
        let ended = t.end.unwrap_or(peildatum);
        for area in [Some(Area::Nation), Some(Area::Landsdeel(landsdeel)), region]
            .into_iter()
            .flatten()
        {
            for p in [None, Some(perceel.clone())] {
                let c = counts.entry((area, p)).or_insert_with(|| Counts {
                    movements: vec![Default::default(); days.len()],
                    ..Counts::default()
                });
                for (m, &(first, last)) in c.movements.iter_mut().zip(&days) {
                    if (first..=last).contains(&t.begin) {
                        m[0].add(t.key);
                    }
                    if t.end.is_some_and(|e| (first..=last).contains(&e)) {
                        m[1].add(t.key);
                    }
                    if t.begin <= last && t.end.is_none_or(|e| e > last) {
                        m[2].add(t.key);
                    }
                }
                if c.last_client != Some(t.client) {
                    c.youth.add(youth_key);
                    c.last_client = Some(t.client);
                }
                c.trajectories.add(t.key);
                c.times
                    .push(((ended - t.begin + 1) as u32, t.end.is_some()));
            }
        }
    }
    let table = secret.map(|_| PTable::new());
    let groups = counts
        .into_iter()
        .map(|(group, mut c)| (group, shown(&mut c, table.as_ref())))
        .collect();
    Some(Flow { periods, groups })
}

/// A group's figures: exact without a table; with one, under the cell-key method, the group's
/// youth key as the salt of every count (so a nested group that differs by a child gets other
/// noise), a group shown without youth shown as 0 throughout, and the quartiles by
/// [`durations`].
fn shown(c: &mut Counts, table: Option<&PTable>) -> (Vec<Movement>, Duration) {
    let salt = c.youth.key;
    let youth = table.map_or(c.youth.n as f64, |t| noisy(t, c.youth, salt, Use::Youth));
    // The small-cell rule: no youth shown, nothing shown.
    let count = |k: Keyed| match table {
        _ if youth == 0.0 => Cell::Exact(0.0),
        Some(t) => Cell::Exact(noisy(t, k, salt, Use::Trajectories)),
        None => Cell::Exact(k.n as f64),
    };
    let movements = c
        .movements
        .iter()
        .map(|m| Movement { started: count(m[0]), ended: count(m[1]), running: count(m[2]) })
        .collect();
    let times = &mut c.times;
    let quartiles = if !durations::shown(c.youth.n, table.map(|_| youth)) {
        [Cell::Secret; 3]
    } else {
        let weeks_of = |q: [Option<u32>; 3]| q.map(|w| w.map_or(Cell::NotPublished, |w| Cell::Exact(f64::from(w))));
        match table {
            None => weeks_of(kaplan_meier_at(times, LEVELS).map(|q| q.map(weeks))),
            Some(t) => {
                let key = c.trajectories.cell_key(salt, Use::Quartile);
                weeks_of(durations::perturbed(|levels| kaplan_meier_at(times, levels), c.trajectories.n, key, t))
            }
        }
    };
    let duration = Duration { youth: Cell::Exact(youth), trajectories: count(c.trajectories), quartiles };
    (movements, duration)
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
    fn periods_have_their_first_and_last_day() {
        let d = |y, m, day| days_from_civil(y, m, day) as i32;
        assert_eq!(period_days("2024"), Some((d(2024, 1, 1), d(2024, 12, 31))));
        assert_eq!(
            period_days("2024-H2"),
            Some((d(2024, 7, 1), d(2024, 12, 31)))
        );
        assert_eq!(
            period_days("2024-Q1"),
            Some((d(2024, 1, 1), d(2024, 3, 31)))
        );
        assert_eq!(
            period_days("2023-Q4"),
            Some((d(2023, 10, 1), d(2023, 12, 31)))
        );
    }

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
