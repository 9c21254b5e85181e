//! The LTA dashboard's core: everything the dashboard knows about its data, with no web dependency.
//!
//! The app only asks this crate questions: it hands it the text of a data file and gets a
//! validated [`Cube`] or a [`DataError`] that says where the file went wrong; it asks the
//! [`view`] functions for the rows a view shows; it formats numbers and texts with [`format`]
//! and [`i18n`]. Everything here is tested natively with `cargo test`.
#![deny(missing_docs)]

// Folders by job; each module is reached through its name here, as before the folders.
mod model;
mod present;
mod protect;
mod read;
mod texts;
mod write;

pub use model::{code, cube, error, flow, limits, manifest, measure, notice, order, population, providers, regio, selection};
pub use present::{metrics, sentence, url_state, view};
pub use protect::disclosure;
pub use read::{file_kind, import, json, records, sheet};
pub use texts::{i18n, message};
pub use write::{embed, export, fixed, format, json_write, publish, zip};

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
