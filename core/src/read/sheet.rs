//! A spreadsheet (`.xlsx`, `.ods`) read as the CSV text the readers take, and the way back from
//! a line and column of that text to the sheet's cell (`Blad1!C17`), so errors name the cell
//! the user sees. The workbook itself is read by the `lta-xlsx` crate, loaded only when a user
//! opens one; this module is what the app needs of it, with no spreadsheet code.

use crate::model::error::DataError;

/// Where the CSV text of a sheet came from: its header row and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetMap {
    /// The workbook's file name.
    pub file: String,
    /// The sheet's name.
    pub sheet: String,
    /// The header's row, 1-based as the spreadsheet numbers it.
    pub header_row: u32,
    /// The header's first column, 0-based (0 is A).
    pub first_column: u32,
    /// The header's names, in order: the CSV's columns.
    pub headers: Vec<String>,
}

/// What the spreadsheet reader sends back: the sheet as CSV text, or why it could not.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookReply {
    /// `;`-separated text (decimal points or commas both read), header first.
    Csv {
        /// The text.
        csv: String,
        /// Where it came from.
        map: SheetMap,
    },
    /// Not a workbook the reader understands (detail from the reader, in English).
    Unreadable {
        /// The file, or `file, sheet`.
        file: String,
        /// What the reader said.
        detail: String,
    },
    /// No row within the first [`HEADER_SEARCH`] of the sheet names `periode` and `landsdeel`.
    NoHeader {
        /// `file, sheet`.
        file: String,
    },
}

/// How many rows from the top a header row is looked for (a title and notes may come first).
pub const HEADER_SEARCH: usize = 50;

/// True when a file is a spreadsheet by its name: `.xlsx` or `.ods` (both are ZIP archives, so
/// the name tells them from a dataset ZIP).
///
/// ```
/// assert!(lta_core::is_workbook("Records 2023.XLSX"));
/// assert!(!lta_core::is_workbook("kubus.zip"));
/// ```
pub fn is_workbook(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".xlsx") || lower.ends_with(".ods")
}

/// The spreadsheet's letters for a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
///
/// ```
/// use lta_core::column_letters;
/// assert_eq!((column_letters(0), column_letters(2), column_letters(26), column_letters(701)), ("A".into(), "C".into(), "AA".into(), "ZZ".into()));
/// ```
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.iter().rev().map(|&b| b as char).collect()
}

impl SheetMap {
    /// The cell of a CSV line (1-based, header line 1) and column name: `Blad1!C17`; the whole
    /// row (`Blad1!17:17`) when the column is not one of the header's.
    ///
    /// ```
    /// use lta_core::SheetMap;
    /// let map = SheetMap { file: "r.xlsx".into(), sheet: "Blad1".into(), header_row: 3, first_column: 1, headers: vec!["client".into(), "periode".into()] };
    /// assert_eq!(map.cell(15, Some("Periode")), "Blad1!C17");
    /// assert_eq!(map.cell(15, None), "Blad1!17:17");
    /// ```
    pub fn cell(&self, line: u64, column: Option<&str>) -> String {
        let row = u64::from(self.header_row) + line.saturating_sub(1);
        let index = column.and_then(|c| self.headers.iter().position(|h| h.trim().eq_ignore_ascii_case(c.trim())));
        match index {
            Some(i) => format!("{}!{}{row}", self.sheet, column_letters(self.first_column + i as u32)),
            None => format!("{}!{row}:{row}", self.sheet),
        }
    }

    /// An error of the CSV readers on this sheet's text, said of the workbook: the file becomes
    /// `r.xlsx, Blad1!C17` and the line goes (the cell says it); column and value stay.
    pub fn locate(&self, mut e: DataError) -> DataError {
        e.position.file = match e.position.line.take() {
            Some(line) => format!("{}, {}", self.file, self.cell(line, e.position.column.as_deref())),
            None => format!("{}, {}", self.file, self.sheet),
        };
        e
    }
}
