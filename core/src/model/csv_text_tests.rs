//! Tests of `csv_text.rs`.

use super::*;

#[test]
fn numbers() {
    assert_eq!(parse_number("9722", b','), Ok(9722.0));
    assert_eq!(parse_number("-12.5", b','), Ok(-12.5));
    assert_eq!(parse_number("12,5", b';'), Ok(12.5));
    assert_eq!(parse_number("12,5", b','), Err(ErrorKind::ThousandsSeparator));
    assert_eq!(parse_number("194.078.629", b','), Err(ErrorKind::ThousandsSeparator));
    assert_eq!(parse_number("1.234,5", b';'), Err(ErrorKind::ThousandsSeparator));
    assert_eq!(parse_number("1 234", b';'), Err(ErrorKind::ThousandsSeparator));
    assert_eq!(parse_number("12a", b','), Err(ErrorKind::BadNumber));
    assert_eq!(parse_number(".5", b','), Err(ErrorKind::BadNumber));
    assert_eq!(parse_number("-", b','), Err(ErrorKind::BadNumber));
}

#[test]
fn cells() {
    assert_eq!(parse_cell("", b',', true), Ok(Cell::NotPublished));
    assert_eq!(parse_cell(" X ", b',', true), Ok(Cell::Secret));
    assert_eq!(parse_cell("~5576", b',', true), Ok(Cell::Approx(5576.0)));
    assert_eq!(parse_cell("~1,5", b';', false), Ok(Cell::Approx(1.5)));
    assert_eq!(parse_cell("9.722", b',', true), Err(ErrorKind::NotACount));
    assert_eq!(parse_cell("-3", b',', true), Err(ErrorKind::NotACount));
    assert_eq!(parse_cell("-3", b',', false), Ok(Cell::Exact(-3.0)));
    assert_eq!(parse_cell("~", b',', false), Err(ErrorKind::BadNumber));
}

#[test]
fn periods() {
    for ok in ["2023", "2023-Q4", "2024-h1", "2021-Q1"] {
        assert!(valid_period(ok), "{ok}");
    }
    for bad in ["23", "2023-Q5", "2023-H3", "2023Q1", "2023-M1", "twee"] {
        assert!(!valid_period(bad), "{bad}");
    }
}

#[test]
fn delimiter_is_detected_outside_quotes() {
    assert_eq!(detect_delimiter("a;b;c"), b';');
    assert_eq!(detect_delimiter("a,b,c"), b',');
    assert_eq!(detect_delimiter("\"a;b;c\",d"), b',');
}

#[test]
fn bom_crlf_and_quotes() {
    let t = CsvFile::read("\u{feff}A;\" B \"\r\n1;\"x;y\"\r\n\r\n".as_bytes(), "f.csv").unwrap();
    assert_eq!(t.delimiter, b';');
    assert_eq!(t.header, vec!["a", "b"]);
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].0, 2);
    assert_eq!(&t.rows[0].1[1], "x;y");
}

#[test]
fn crlf_lines_are_counted() {
    let e = CsvFile::read(b"a,b\r\n1,2\r\n3\r\n", "f.csv").err().unwrap();
    assert_eq!(e.position.line, Some(3));
}

#[test]
fn ragged_rows_name_their_line() {
    let e = CsvFile::read(b"a,b\n1,2\n3\n", "f.csv").err().unwrap();
    assert_eq!(e.kind, ErrorKind::RaggedRow { expected: 2, found: 1 });
    assert_eq!(e.position.line, Some(3));
}

#[test]
fn not_utf8_names_the_line() {
    let e = CsvFile::read(b"a,b\n1,\xff\n", "f.csv").err().unwrap();
    assert_eq!(e.kind, ErrorKind::NotUtf8);
    assert_eq!(e.position.line, Some(2));
}
