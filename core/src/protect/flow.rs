//! Doorlooptijd counted from records (`model/flow.rs` has the figures): the trajectories of the
//! records, per area (the nation, a landsdeel, a jeugdregio) and perceel, the movements per
//! period and the Kaplan–Meier quartiles, counted and protected by the cell-key method's one
//! accumulator; this file says only what is counted.

use std::collections::BTreeMap;

use crate::model::code::Landsdeel;
use crate::model::flow::{kaplan_meier_at, Area, Duration, Flow, Group, Movement, LEVELS};
use crate::model::measure::Cell;
use crate::model::period::period_days;
use crate::model::regio::Regio;
use crate::protect::disclosure::durations::{self, weeks};
use crate::protect::disclosure::keys::{Domain, Keyed, Use};
use crate::protect::disclosure::tally::noisy;
use crate::protect::disclosure::{PTable, SecretKey};
use crate::read::records::{Record, Records, RecordsCube, NO_DATE, NO_PROVIDER, NO_REGION};

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
pub fn flow_from_records(built: &RecordsCube, secret: Option<&SecretKey>) -> Option<Flow> {
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
    Some(Flow::new(periods, groups))
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
    let trajecten = crate::protect::disclosure::tally::coherent(youth, count(c.trajectories).number().unwrap_or(0.0), 0.0).trajecten;
    let duration = Duration { jeugdigen: Cell::Exact(youth), trajecten, quartiles };
    (movements, duration)
}
