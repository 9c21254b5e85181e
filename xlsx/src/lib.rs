//! The dashboard's spreadsheet reader: the sheet of an `.xlsx` or `.ods` workbook as the CSV text
//! the core's readers take, with the map back to the sheet's cells ([`lta_core::SheetMap`]), so the
//! core checks a spreadsheet exactly as it checks a CSV file and its errors name the cell
//! (`Blad1!C17`). It runs in the archive web worker (`src/bin/worker.rs`, which also unzips
//! dataset ZIPs and writes the publishable cube), which the browser fetches only when a user
//! opens a spreadsheet or a ZIP or saves a publishable cube: calamine never weighs on the first
//! visit.
#![deny(missing_docs)]

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Range, Reader};
use lta_core::{HEADER_SEARCH, SheetMap, WorkbookReply};

pub mod write;

/// Sheet names that say which kind of file they hold; without one, the first sheet is read.
const KIND_NAMES: [&str; 5] = ["kubus", "cube", "records", "bevolking", "population"];

/// Reads the workbook's sheet: the one named like a file kind, else the first.
pub fn read(bytes: &[u8], file: &str) -> WorkbookReply {
    let unreadable = |file: String, detail: String| WorkbookReply::Unreadable { file, detail };
    let mut book = match open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(book) => book,
        Err(e) => return unreadable(file.to_string(), e.to_string()),
    };
    let names = book.sheet_names();
    let named = names.iter().find(|n| KIND_NAMES.contains(&n.trim().to_lowercase().as_str()));
    let Some(sheet) = named.or(names.first()).cloned() else {
        return unreadable(file.to_string(), "no sheets".into());
    };
    match book.worksheet_range(&sheet) {
        Ok(range) => sheet_csv(&range, file, &sheet),
        Err(e) => unreadable(format!("{file}, {sheet}"), e.to_string()),
    }
}

/// A sheet as CSV text, from its header row (the first of the top [`HEADER_SEARCH`] rows that
/// names `periode` and `landsdeel`) down, in the header's columns. Every row becomes one line,
/// empty ones too (the readers pass over them), so line *n* is the header's row + *n* − 1.
pub fn sheet_csv(range: &Range<Data>, file: &str, sheet: &str) -> WorkbookReply {
    let (top, left) = range.start().unwrap_or((0, 0));
    let rows: Vec<&[Data]> = range.rows().collect();
    let Some(h) = rows.iter().take(HEADER_SEARCH).position(|r| is_header(r)) else {
        return WorkbookReply::NoHeader { file: format!("{file}, {sheet}") };
    };
    let filled = |c: &Data| !text(c).trim().is_empty();
    let first = rows[h].iter().position(filled).unwrap_or(0);
    let last = rows[h].iter().rposition(filled).unwrap_or(first);
    let mut csv = String::new();
    for row in &rows[h..] {
        let fields: Vec<String> = row[first..=last].iter().map(|c| quote(&text(c))).collect();
        csv += &fields.join(";");
        csv.push('\n');
    }
    let headers = rows[h][first..=last].iter().map(|c| text(c).trim().to_string()).collect();
    let map = SheetMap {
        file: file.to_string(),
        sheet: sheet.to_string(),
        header_row: top + h as u32 + 1,
        first_column: left + first as u32,
        headers,
    };
    WorkbookReply::Csv { csv, map }
}

/// A header row names the two columns every cube and the dashboard's own records have, or at
/// least three columns of an export (`Cliëntnummer`, `Begindatum`, `Gemeentecode`…).
fn is_header(row: &[Data]) -> bool {
    let has = |name: &str| row.iter().any(|c| text(c).trim().eq_ignore_ascii_case(name));
    let roles = row.iter().filter(|c| lta_core::Role::recognise(&text(c)).is_some()).count();
    (has("periode") && has("landsdeel")) || roles >= 3
}

/// A cell as the CSV would hold it. Numbers stored as numbers are written in full with a
/// decimal point (2023, 1234.5; never 1.2345e3), numbers stored as text as they stand (the
/// readers then accept `1234,5` and refuse `1.234.567`, as in a CSV file). A line break inside a
/// cell becomes a space, so that lines and rows stay one to one.
fn text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.replace(['\r', '\n'], " "),
        Data::Bool(b) => b.to_string(),
        // A date where a number or a period belongs: its serial number, which the readers refuse
        // with the cell named, rather than a guess at what was meant.
        Data::DateTime(d) => format!("{}", d.as_f64()),
        Data::Error(e) => e.to_string(),
    }
}

/// RFC 4180 quoting for the `;` delimiter.
fn quote(field: &str) -> String {
    if field.contains([';', '"']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests;
