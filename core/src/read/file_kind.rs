//! Which kind of data file a user dropped, told from its header (data-contract.md).

use crate::model::cube::CUBE_COLUMNS;
use crate::model::csv_text::Rows;
use crate::model::error::{DataError, ErrorKind};
use crate::read::records::RECORD_COLUMNS;

/// The two kinds of CSV the dashboard reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Kind 1: a published cube of aggregates.
    Cube,
    /// Kind 2: pseudonymised trajectory records.
    Records,
}

impl FileKind {
    /// The kind whose columns the header has all of.
    ///
    /// ```
    /// use lta_core::FileKind;
    /// assert_eq!(FileKind::detect(b"\xEF\xBB\xBFClient;Periode;Landsdeel;Perceel;Verwijzer;Volume_eur\r\n", "r.csv").unwrap(), FileKind::Records);
    /// assert!(FileKind::detect(b"naam,waarde\n", "x.csv").is_err());
    /// ```
    pub fn detect(bytes: &[u8], file: &str) -> Result<FileKind, DataError> {
        let rows = Rows::open(bytes, file)?;
        let has_all = |cols: &[&str]| cols.iter().all(|c| rows.header.iter().any(|h| h == c));
        if has_all(&RECORD_COLUMNS) {
            Ok(FileKind::Records)
        } else if has_all(&CUBE_COLUMNS) {
            Ok(FileKind::Cube)
        } else {
            Err(DataError::new(ErrorKind::UnknownHeader, file).at_line(1).in_cell("", &rows.header.join(",")))
        }
    }
}
