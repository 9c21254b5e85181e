//! The rules every data file shares: UTF-8 with or without BOM, `,` or `;` (detected),
//! CRLF or LF, RFC 4180 quoting, case-insensitive trimmed headers, and the number syntax.

use crate::model::notice::Notice;
use crate::model::error::{DataError, ErrorKind};
use std::collections::HashMap;
use std::hash::Hash;

use crate::model::measure::{Cell, Measure, Measures};

/// A CSV file read into its header and rows, each row with its 1-based line number.
pub(crate) struct CsvFile {
    pub file: String,
    pub delimiter: u8,
    /// Header names, trimmed and lower-cased.
    pub header: Vec<String>,
    pub rows: Vec<(u64, csv::StringRecord)>,
}

impl CsvFile {
    /// Reads the whole file; a file with a header but no data rows is an error.
    pub fn read(bytes: &[u8], file: &str) -> Result<CsvFile, DataError> {
        let mut rows = Vec::new();
        let mut reader = Rows::open(bytes, file)?;
        while let Some((line, record)) = reader.next_row()? {
            rows.push((line, record.clone()));
        }
        if rows.is_empty() {
            // A header alone would load as an empty dataset and blank every view.
            return Err(DataError::new(ErrorKind::NoDataRows, file));
        }
        Ok(CsvFile { file: file.to_string(), delimiter: reader.delimiter, header: reader.header, rows })
    }

    /// The index of a column, or a [`ErrorKind::MissingColumn`] error naming it.
    pub fn column(&self, name: &str) -> Result<usize, DataError> {
        column(&self.header, name, &self.file)
    }

    /// A notice for each header name that none of `known` claims: those columns are not read.
    pub fn ignored_columns(&self, known: &[&str]) -> Vec<Notice> {
        ignored_columns(&self.header, known, &self.file)
    }

    /// An error in one cell of this table.
    pub fn cell_error(&self, kind: ErrorKind, line: u64, column: &str, value: &str) -> DataError {
        DataError::new(kind, &self.file).at_line(line).in_cell(column, value)
    }
}

/// One row of a file with fixed columns (a cube, region or provider file), as
/// [`read_fixed`] hands it out: its fields in the order of the columns named, and errors that
/// name its line, the column and the value.
pub(crate) struct FixedRow<'t> {
    pub table: &'t CsvFile,
    pub line: u64,
    pub record: &'t csv::StringRecord,
    cols: &'t [usize],
    names: &'t [&'t str],
}

impl FixedRow<'_> {
    /// The field of the `i`th column named.
    pub fn field(&self, i: usize) -> &str {
        &self.record[self.cols[i]]
    }

    /// An error in the field of the `i`th column named.
    pub fn error(&self, kind: ErrorKind, i: usize) -> DataError {
        self.table.cell_error(kind, self.line, self.names[i], self.field(i))
    }

    /// The three measures in the columns from `from` on, in [`Measure::ALL`]'s order.
    pub fn measures(&self, from: usize) -> Result<Measures, DataError> {
        let mut out = Measures::default();
        for (i, m) in Measure::ALL.into_iter().enumerate() {
            let cell = parse_cell(self.field(from + i), self.table.delimiter, m.is_count()).map_err(|kind| self.error(kind, from + i))?;
            out.set(m, cell);
        }
        Ok(out)
    }
}

/// Reads a whole file with the columns `names` (others are passed over with a notice each),
/// handing each row to `each`; the first error stops it.
pub(crate) fn read_fixed(bytes: &[u8], file: &str, names: &[&str], mut each: impl FnMut(&FixedRow) -> Result<(), DataError>) -> Result<Vec<Notice>, DataError> {
    let table = CsvFile::read(bytes, file)?;
    let cols: Vec<usize> = names.iter().map(|c| table.column(c)).collect::<Result<_, _>>()?;
    for (line, record) in &table.rows {
        each(&FixedRow { table: &table, line: *line, record, cols: &cols, names })?;
    }
    Ok(table.ignored_columns(names))
}

/// The line each key was first on, so a duplicate row's error can name it.
pub(crate) struct FirstLines<K>(HashMap<K, u64>);

impl<K: Eq + Hash> FirstLines<K> {
    pub fn new() -> Self {
        FirstLines(HashMap::new())
    }

    /// The line of an earlier row with this key, if any (the key is then on `line` too).
    pub fn earlier(&mut self, key: K, line: u64) -> Option<u64> {
        self.0.insert(key, line)
    }
}

/// A CSV file read row by row, reusing one record, so a file of a million rows needs no more
/// memory than one row. Line numbers are counted incrementally (linear, not quadratic).
pub(crate) struct Rows<'a> {
    text: &'a str,
    file: String,
    pub delimiter: u8,
    pub header: Vec<String>,
    reader: csv::Reader<&'a [u8]>,
    record: csv::StringRecord,
    lines: LineCounter,
}

impl<'a> Rows<'a> {
    /// Checks the encoding, strips a BOM, detects the delimiter and reads the header.
    pub fn open(bytes: &'a [u8], file: &str) -> Result<Rows<'a>, DataError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u64;
            DataError::new(ErrorKind::NotUtf8, file).at_line(line)
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if first_line.is_empty() {
            return Err(DataError::new(ErrorKind::Empty, file));
        }
        let delimiter = detect_delimiter(first_line);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Err(DataError::new(ErrorKind::Empty, file)),
            Err(e) => return Err(csv_error(e, text, file)),
        }
        let header = record.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
        Ok(Rows { text, file: file.to_string(), delimiter, header, reader, record, lines: LineCounter::default() })
    }

    /// The next row with its line number; blank rows are passed over, ragged rows are errors.
    pub fn next_row(&mut self) -> Result<Option<(u64, &csv::StringRecord)>, DataError> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return Ok(None),
                Err(e) => return Err(csv_error(e, self.text, &self.file)),
            }
            let line = self.record.position().map_or(0, |p| self.lines.line_at(self.text, p.byte()));
            if self.record.iter().all(|f| f.trim().is_empty()) {
                // A blank line, or a row of delimiters only (`;;;;;`), as spreadsheet exports end:
                // it holds no value, so passing over it drops nothing.
                continue;
            }
            if self.record.len() != self.header.len() {
                let kind = ErrorKind::RaggedRow { expected: self.header.len(), found: self.record.len() };
                return Err(DataError::new(kind, &self.file).at_line(line));
            }
            return Ok(Some((line, &self.record)));
        }
    }

    /// How far through the file the reader is, 0..=1.
    pub fn progress(&self) -> f64 {
        self.reader.position().byte() as f64 / self.text.len().max(1) as f64
    }

}

/// A notice for each header name that none of `known` claims.
pub(crate) fn ignored_columns(header: &[String], known: &[&str], file: &str) -> Vec<Notice> {
    header
        .iter()
        .filter(|h| !known.contains(&h.as_str()))
        .map(|column| Notice::IgnoredColumn { file: file.to_string(), column: column.clone() })
        .collect()
}

fn column(header: &[String], name: &str, file: &str) -> Result<usize, DataError> {
    header
        .iter()
        .position(|h| h == name)
        .ok_or_else(|| DataError::new(ErrorKind::MissingColumn, file).at_line(1).in_cell(name, ""))
}

/// Counts lines up to a byte offset, carrying on from the previous offset.
#[derive(Default)]
struct LineCounter {
    byte: usize,
    line: u64,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, byte: u64) -> u64 {
        let start = start_of_record(text, byte);
        if start < self.byte {
            *self = LineCounter::default();
        }
        self.line += text.as_bytes()[self.byte..start].iter().filter(|&&b| b == b'\n').count() as u64;
        self.byte = start;
        1 + self.line
    }
}

/// Where a record really starts: csv's byte offset may point at the end of the line before.
fn start_of_record(text: &str, byte: u64) -> usize {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    start
}

/// The 1-based line where a record starts. csv's own line count misses CRLF line ends, and
/// its byte offset may point at the end of the line before, so line ends there are skipped.
fn line_at(text: &str, byte: u64) -> u64 {
    LineCounter::default().line_at(text, byte)
}

fn csv_error(e: csv::Error, text: &str, file: &str) -> DataError {
    let line = e.position().map(|p| line_at(text, p.byte()));
    let err = DataError::new(ErrorKind::BadCsv, file);
    match line {
        Some(l) => err.at_line(l),
        None => err,
    }
}

/// The delimiter that splits the header: `;` when it has more semicolons than commas outside quotes.
fn detect_delimiter(header_line: &str) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0, 0, false);
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas { b';' } else { b',' }
}

/// Reads a number: an integer, or a decimal with `.`; with `;` as delimiter also with `,`.
/// Thousands separators are rejected, never guessed.
pub(crate) fn parse_number(raw: &str, delimiter: u8) -> Result<f64, ErrorKind> {
    let s = raw.trim();
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    // One pass over the bytes, no allocation: a records file has a million of these.
    let (mut dots, mut commas, mut spaced, mut other) = (0, 0, false, false);
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => {}
            b'.' => dots += 1,
            b',' => commas += 1,
            b' ' | b'\'' => spaced = true,
            _ => other = true,
        }
    }
    let spaced = spaced || (other && body.contains('\u{a0}'));
    if dots + commas > 1 || spaced || (commas == 1 && delimiter != b';') {
        return Err(ErrorKind::ThousandsSeparator);
    }
    let edge = |b: Option<&u8>| matches!(b, Some(b'.' | b','));
    if other || body.is_empty() || edge(body.as_bytes().first()) || edge(body.as_bytes().last()) {
        return Err(ErrorKind::BadNumber);
    }
    let n: f64 = if commas == 1 { body.replace(',', ".").parse() } else { body.parse() }.map_err(|_| ErrorKind::BadNumber)?;
    Ok(if negative { -n } else { n })
}

/// Reads a measure cell: a number, empty (not published), `x` (secret) or `~number` (approximate).
pub(crate) fn parse_cell(raw: &str, delimiter: u8, is_count: bool) -> Result<Cell, ErrorKind> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(Cell::NotPublished);
    }
    if s.eq_ignore_ascii_case("x") {
        return Ok(Cell::Secret);
    }
    let (approx, digits) = match s.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let n = parse_number(digits, delimiter)?;
    if is_count && (n < 0.0 || n.fract() != 0.0) {
        return Err(ErrorKind::NotACount);
    }
    Ok(if approx { Cell::Approx(n) } else { Cell::Exact(n) })
}

/// A period: `YYYY`, `YYYY-Qn` or `YYYY-Hn`.
pub(crate) fn valid_period(s: &str) -> bool {
    let b = s.as_bytes();
    let year = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => year,
        7 => {
            year && b[4] == b'-'
                && match b[5].to_ascii_uppercase() {
                    b'Q' => (b'1'..=b'4').contains(&b[6]),
                    b'H' => (b'1'..=b'2').contains(&b[6]),
                    _ => false,
                }
        }
        _ => false,
    }
}

/// RFC 4180 quoting where a field needs it.
pub(crate) fn quote(field: &str, delimiter: char) -> String {
    if field.contains(delimiter) || field.contains('"') || field.contains('\n') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
#[path = "csv_text_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "csv_spectrum_tests.rs"]
mod spectrum;
