//! The LTA dashboard's core: everything the dashboard knows about its data, with no web dependency.
//!
//! The app only asks this crate questions: it hands it the text of a data file and gets a
//! validated [`Cube`] or a [`DataError`] that says where the file went wrong; it asks the
//! [`view`] functions for the rows a view shows; it formats numbers and texts with [`format`]
//! and [`i18n`]. Everything here is tested natively with `cargo test`.
#![deny(missing_docs)]

pub mod code;
mod csv_text;
pub mod cube;
pub mod error;
pub mod disclosure;
pub mod embed;
pub mod export;
pub mod file_kind;
pub mod fixed;
pub mod flow;
pub mod providers;
pub mod format;
pub mod i18n;
pub mod import;
pub mod json;
pub mod json_write;
mod key;
pub mod limits;
pub mod manifest;
mod manifest_read;
pub mod measure;
pub mod message;
pub mod metrics;
pub mod order;
pub mod notice;
pub mod population;
pub mod publish;
pub mod records;
pub mod regio;
pub mod selection;
pub mod sentence;
pub mod sheet;
pub mod url_state;
pub mod view;
pub mod zip;

/// A tiny seeded generator for tests that need many varied rows.
#[cfg(test)]
pub(crate) fn test_rng(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    }
}

pub use code::{Landsdeel, Verwijzer};
pub use cube::{Cube, Key};
pub use error::{DataError, ErrorKind, Position};
pub use i18n::{Lang, Text};
pub use manifest::{DatasetIndex, Manifest, Status};
pub use measure::{Cell, Measure, Measures};
pub use population::Population;
