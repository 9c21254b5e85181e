//! How much a data file may hold, so that any file is read or refused in bounded time and memory.
//!
//! A records file becomes a dense cube of periods × (landsdelen + 1) × (percelen + 1) ×
//! (referrers + 1) cells, so its size is the product of the distinct values per dimension.
//! Landsdelen (8) and referrers (8) are closed sets: a code outside them is already an error.
//! Periods and percelen come from the file, so they have limits, set above real use but low
//! enough that the largest cube they allow is read in well under a second: the LTA has 14–16
//! percelen a year, under other names from one year to the next (domain.md), and a file of four
//! years of quarters has 20 periods with its years. Clients have no limit: each costs one hash
//! entry and no cube cells (distinct counts use one marker per cell), so their cost is linear
//! in the file's size, like the rows themselves.

/// The most periods one file makes: its distinct `periode` values, plus, for records, the year
/// of each half-year or quarter (the cube has a period for that year too).
pub const MAX_PERIODS: usize = 24;

/// The most distinct `perceel` values in one file.
pub const MAX_PERCELEN: usize = 40;

/// The most rows a records file may have: far beyond what a browser tab can hold, and small
/// enough that sums of cents and record numbers cannot overflow (asserted below).
pub const MAX_ROWS: usize = 50_000_000;

/// The largest euro amount of one record, in either direction: the whole LTA is about
/// € 200 million a year, so a billion on one trajectory is a typing error, not a figure.
pub const MAX_EUROS: u64 = 1_000_000_000;

/// The most cells a records cube can have under these limits: 79,704.
pub const MAX_RECORD_CELLS: usize = MAX_PERIODS * 9 * (MAX_PERCELEN + 1) * 9;

// Record indices are stored as u16 (periods, percelen) and u32 (clients, record numbers), and a
// cell sums cents as i64: these limits make every one of them fit, so no cast can truncate.
const _: () = assert!(MAX_PERIODS <= u16::MAX as usize);
const _: () = assert!(MAX_PERCELEN <= u16::MAX as usize);
const _: () = assert!(MAX_ROWS as u64 <= u32::MAX as u64);
const _: () = assert!((MAX_ROWS as i128) * (MAX_EUROS as i128) * 100 < i64::MAX as i128);
