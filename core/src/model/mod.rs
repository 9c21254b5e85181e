//! The model: codes, cells and cubes, regions, manifests, durations and providers, and what reading them can say.

pub mod code;
pub mod cube;
pub mod error;
pub mod flow;
pub(crate) mod key;
pub mod limits;
pub mod manifest;
pub mod measure;
pub mod notice;
pub mod order;
pub mod population;
pub mod providers;
pub mod regio;
pub mod selection;
