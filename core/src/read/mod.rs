//! Reading files: spreadsheets, exports with columns of their own, records, manifests.

pub mod file_kind;
pub mod import;
pub(crate) mod manifest_read;
pub mod records;
pub mod sheet;
