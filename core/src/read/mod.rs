//! Reading files: CSV, spreadsheets, exports with columns of their own, JSON, records.

pub(crate) mod csv_text;
pub mod file_kind;
pub mod import;
pub mod json;
pub(crate) mod manifest_read;
pub mod records;
pub mod sheet;
