//! Errors that say where a data file went wrong: file, line, column and value.
//! They carry no text of their own; `message.rs` puts them into words at the edge (and gives
//! `Display`, in English).

/// Where in a file something happened. Lines are 1-based and count the header as line 1.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    /// The file's name (as the user or the manifest calls it).
    pub file: String,
    /// 1-based line number, where the problem is on one line.
    pub line: Option<u64>,
    /// The column's header name, where the problem is in one cell.
    pub column: Option<String>,
    /// The offending value as it stands in the file.
    pub value: Option<String>,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be fetched (HTTP status, or a network failure when `status` is 0).
    Fetch {
        /// HTTP status code, 0 when there was no response.
        status: u16,
    },
    /// A file the user chose could not be read from their disk.
    Unreadable,
    /// The file is not valid UTF-8.
    NotUtf8,
    /// The file has no header line, or nothing at all.
    Empty,
    /// The file has a header but no data rows (only blank lines, or nothing, after it).
    NoDataRows,
    /// The header is neither a cube nor a records header.
    UnknownHeader,
    /// A column the kind of file needs is missing from the header.
    MissingColumn,
    /// A row has a different number of fields than the header.
    RaggedRow {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// The CSV itself is broken (e.g. an unclosed quote).
    BadCsv,
    /// A dimension value that is not a known code or label.
    UnknownCode,
    /// A period that is not `YYYY`, `YYYY-Qn` or `YYYY-Hn`.
    BadPeriod,
    /// A date that is not `dd-mm-jjjj`, `jjjj-mm-dd`, `jjjjmmdd` or a spreadsheet's day number.
    BadDate,
    /// Gemeenten or jeugdregio's the reference table does not know; the position names the
    /// first such row and the values (the first ten).
    UnknownRegions {
        /// Rows with such a value.
        rows: usize,
        /// Distinct such values.
        values: usize,
    },
    /// A landsdeel column naming another landsdeel than the one the row's gemeente or
    /// jeugdregio lies in.
    OtherLandsdeel,
    /// An end date before the begin date of its row.
    EndBeforeBegin,
    /// A measure that is not a number, `x`, `~number` or empty.
    BadNumber,
    /// A number written with thousands separators, which are ambiguous and never guessed.
    ThousandsSeparator,
    /// A count (youth, trajectories) that is not a whole, non-negative number.
    NotACount,
    /// A value that must be there is empty (e.g. a record's client).
    MissingValue,
    /// The same cell appears twice.
    DuplicateRow {
        /// The line where it first appeared.
        first_line: u64,
    },
    /// A ZIP archive that cannot be read.
    BadArchive {
        /// What is wrong (not translated: it names entries).
        detail: String,
    },
    /// A key file that is not one (`disclosure::SecretKey::parse`).
    BadKey,
    /// A file a dataset archive needs (its manifest, or a file the manifest names) is missing.
    MissingInArchive,
    /// A dimension column has more distinct values than the dashboard accepts: the cube it would
    /// make could not be shown (see the limits in `records.rs` and `cube.rs`). The position names
    /// the column, and the line and value of the first value over the limit.
    TooManyValues {
        /// The most distinct values accepted.
        limit: usize,
        /// The distinct values the file has in that column.
        count: usize,
    },
    /// A number outside the range the dashboard accepts (e.g. a record's euros beyond ± 1 billion).
    OutOfRange {
        /// The largest magnitude accepted.
        limit: u64,
    },
    /// A records file has more rows than the dashboard reads.
    TooManyRows {
        /// The most rows accepted.
        limit: usize,
    },
    /// A JSON file (index or manifest) does not match the documented format.
    BadJson {
        /// The parser's own message (not translated: it names JSON paths).
        detail: String,
    },
    /// A spreadsheet (`.xlsx`, `.ods`) that cannot be read, or its reader could not be loaded.
    BadWorkbook {
        /// The reader's own message (not translated: it names parts of the file).
        detail: String,
    },
    /// No row near the top of the sheet names the columns `periode` and `landsdeel`.
    NoHeaderRow,
}

/// A problem with a data file, with where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Where.
    pub position: Position,
}

impl DataError {
    /// A new error in `file`.
    pub fn new(kind: ErrorKind, file: &str) -> Self {
        DataError { kind, position: Position { file: file.to_string(), ..Position::default() } }
    }

    /// The same error, on a line.
    pub fn at_line(mut self, line: u64) -> Self {
        self.position.line = Some(line);
        self
    }

    /// The same error, in a column with a value.
    pub fn in_cell(mut self, column: &str, value: &str) -> Self {
        self.position.column = Some(column.to_string());
        self.position.value = Some(value.to_string());
        self
    }
}

impl std::error::Error for DataError {}
