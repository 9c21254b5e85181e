//! Small records files for the attacks at depth, written as a user's export would be.

/// A seeded generator: `next(n)` in 0..n.
pub fn rng(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed.wrapping_add(1).wrapping_mul(0x2545_f491_4f6c_dd1d) | 1;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    }
}

/// A date `days` after 2021-01-01, as the file writes it.
pub fn date(days: i64) -> String {
    let d = lta_core::days_from_civil(2021, 1, 1) + days;
    let (y, m, day) = lta_core::civil_from_days(d);
    format!("{y:04}-{m:02}-{day:02}")
}

/// The half-year (0 = 2021-H1 … 7 = 2024-H2) of a day after 2021-01-01.
pub fn half_year(days: i64) -> usize {
    let d = lta_core::days_from_civil(2021, 1, 1) + days;
    let (y, m, _) = lta_core::civil_from_days(d);
    ((y - 2021) * 2 + i64::from(m > 6)) as usize
}

/// The period code of a half-year index.
pub fn period(h: usize) -> String {
    format!("{}-H{}", 2021 + h / 2, 1 + h % 2)
}

/// One trajectory: client, gemeente (or landsdeel), begin day, end day (None: still running).
pub struct Trajectory {
    pub client: String,
    pub area: String,
    pub begin: i64,
    pub end: Option<i64>,
    pub provider: String,
    pub cents: i64,
}

/// The records file of these trajectories: one row per trajectory, its period the half-year
/// it began in; `area` is the column's name (`landsdeel` or `gemeente`).
pub fn records(area: &str, all: &[Trajectory]) -> String {
    let mut csv = format!("client,periode,{area},perceel,verwijzer,volume_eur,begindatum,einddatum,aanbieder\n");
    for t in all {
        let end = t.end.map(date).unwrap_or_default();
        let euros = format!("{}.{:02}", t.cents / 100, t.cents % 100);
        csv += &format!("{},{},{},P,huisarts,{euros},{},{end},{}\n", t.client, period(half_year(t.begin)), t.area, date(t.begin), t.provider);
    }
    csv
}
