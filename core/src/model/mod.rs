//! The model, the bottom layer: codes, cells and cubes, regions and their reference table,
//! periods, manifests, durations and providers, with their parsing (CSV and JSON text, fixed
//! numbers) and what reading them can say.

pub mod code;
pub(crate) mod csv_text;
pub mod cube;
pub mod error;
pub mod fixed;
pub mod flow;
pub mod json;
pub mod json_write;
pub(crate) mod key;
pub mod limits;
pub mod manifest;
pub mod measure;
pub mod notice;
pub mod order;
pub mod period;
pub mod population;
pub mod providers;
pub mod reference;
pub mod rules;
pub mod regio;
pub mod selection;
