//! The csv-spectrum conformance cases (npm `csv-spectrum` 2.0.0, `core/tests/csv_spectrum/`)
//! read by the dashboard's own CSV reader: every field of every case against the package's JSON.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::CsvFile;

/// The one error in the package itself: (case, column, the JSON's value, the CSV's value).
const UPSTREAM_ERRATA: [(&str, &str, &str, &str); 1] =
    [("location_coordinates", "contact phone number", "1234567890", "2095257564")];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/csv_spectrum")
}

/// The expected rows, with keys trimmed and lower-cased as the reader reads a header.
fn expected(case: &str) -> Vec<Map<String, Value>> {
    let text = std::fs::read_to_string(dir().join(format!("json/{case}.json"))).unwrap();
    let rows = match serde_json::from_str(&text).unwrap() {
        Value::Array(rows) => rows,
        one @ Value::Object(_) => vec![one], // location_coordinates.json is a bare object
        other => panic!("{case}: unexpected JSON {other}"),
    };
    let lower = |row: Value| match row {
        Value::Object(m) => m.into_iter().map(|(k, v)| (k.trim().to_lowercase(), v)).collect(),
        other => panic!("{case}: a row is not an object: {other}"),
    };
    rows.into_iter().map(lower).collect()
}

fn check(case: &str) {
    let bytes = std::fs::read(dir().join(format!("csvs/{case}.csv"))).unwrap();
    let table = CsvFile::read(&bytes, &format!("{case}.csv")).unwrap_or_else(|e| panic!("{case}: {e}"));
    let want = expected(case);
    assert_eq!(table.rows.len(), want.len(), "{case}: rows");
    for ((line, row), want) in table.rows.iter().zip(&want) {
        let mut keys: Vec<&String> = want.keys().collect();
        let mut header: Vec<&String> = table.header.iter().collect();
        keys.sort();
        header.sort();
        assert_eq!(header, keys, "{case}: header");
        for (i, column) in table.header.iter().enumerate() {
            let value = want[column].as_str().unwrap_or_else(|| panic!("{case}: {column} is not a string"));
            let erratum = UPSTREAM_ERRATA.iter().find(|e| e.0 == case && e.1 == column && e.2 == value);
            let value = erratum.map_or(value, |e| e.3);
            assert_eq!(&row[i], value, "{case}, line {line}, column {column}");
        }
    }
}

#[test]
fn every_csv_spectrum_case_reads_as_its_json() {
    let mut cases: Vec<String> = std::fs::read_dir(dir().join("csvs"))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert_eq!(cases.len(), 12, "{cases:?}");
    for case in &cases {
        check(case);
    }
}

#[test]
fn the_cases_test_what_they_name() {
    // Guards against a reader that passes by accident: the hard fields, by hand.
    let quoted = CsvFile::read(&std::fs::read(dir().join("csvs/newlines_crlf.csv")).unwrap(), "n.csv").unwrap();
    assert_eq!((&quoted.rows[1].1[0], quoted.rows[1].0), ("Once upon \r\na time", 3));
    assert_eq!(quoted.rows[2].0, 5, "line numbers count the line break inside quotes");
    let escaped = CsvFile::read(&std::fs::read(dir().join("csvs/escaped_quotes.csv")).unwrap(), "e.csv").unwrap();
    assert_eq!(&escaped.rows[0].1[1], "ha \"ha\" ha");
}
