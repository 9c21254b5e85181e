//! A deterministic generator of an honest *illustrative* dataset of pseudonymised LTA
//! trajectory records (data-contract kind 2). Its 2023 slice reproduces every published 2023
//! number; the other years and everything the source does not publish are invented
//! (see `assumptions.rs`). Same seed, same bytes, on every machine.

mod allocate;
pub mod assumptions;
mod children;
pub mod codes;
mod csv;
mod euros;
mod gemeente;
mod generate;
mod plan;
pub mod prng;
pub mod pseudonym;
mod record;
pub mod targets;
mod trajectory;

pub use codes::{Landsdeel, Perceel, Periode, Verwijzer};
pub use csv::{write_csv, HEADER};
pub use pseudonym::ClientId;
pub use record::Record;

/// The seed of the committed file.
pub const DEFAULT_SEED: u64 = 2023;

/// The illustrative records for `seed`, 2021-H1 … 2024-H2, sorted by periode, client, perceel.
pub fn generate(seed: u64) -> Vec<Record> {
    generate::illustrative(seed)
}

/// `records` synthetic rows with the same shape, for benchmarks (not the published 2023).
pub fn generate_scaled(records: u64, seed: u64) -> Vec<Record> {
    generate::scaled(records, seed)
}

/// The records as CSV text: header, then one LF-terminated line per record.
pub fn to_csv(records: &[Record]) -> String {
    csv::to_csv(records)
}
