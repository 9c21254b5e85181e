//! Files that must not push the dashboard over: no data rows, too many distinct codes, amounts
//! out of range, and large files, each accepted or refused with an error that says why.
//! Timings are printed (`cargo test -- --nocapture`), not asserted: the machine varies.

use std::time::Instant;

use lta_core::{Cube, DataError, ErrorKind, FileKind, Lang, MAX_EUROS, MAX_PERCELEN, MAX_PERIODS, PerceelNames, Population, cube_from_records, error_message};

const RECORDS: &str = "client,periode,landsdeel,perceel,verwijzer,volume_eur\n";
const CUBE: &str = "periode,landsdeel,perceel,verwijzer,trajecten,jeugdigen,volume_eur\n";
const POPULATION: &str = "periode,landsdeel,jeugdigen_totaal\n";

fn records(body: &str) -> Result<usize, DataError> {
    cube_from_records(format!("{RECORDS}{body}").as_bytes(), "r.csv", &PerceelNames::default()).map(|p| p.value.len())
}

fn cube(body: &str) -> Result<usize, DataError> {
    Cube::parse(format!("{CUBE}{body}").as_bytes(), "c.csv", &PerceelNames::default()).map(|p| p.value.len())
}

#[test]
fn a_header_without_rows_is_an_error_for_every_kind_of_file() {
    for tail in ["", "\n", "\r\n\r\n  \n", ",,, ,,\n\n"] {
        let e = records(tail).unwrap_err();
        assert_eq!((e.kind.clone(), e.position.file.as_str()), (ErrorKind::NoDataRows, "r.csv"), "{tail:?}");
        assert_eq!(error_message(&e, Lang::Nl), "r.csv: bevat geen gegevensrijen, alleen een kopregel");
        assert_eq!(error_message(&e, Lang::En), "r.csv: has no data rows, only a header line");
        assert_eq!(cube(tail).unwrap_err().kind, ErrorKind::NoDataRows, "{tail:?}");
        let p = Population::parse(format!("{POPULATION}{tail}").as_bytes(), "p.csv").unwrap_err();
        assert_eq!((p.kind, p.position.file.as_str()), (ErrorKind::NoDataRows, "p.csv"));
    }
    // Detection still tells the kind: the reader of that kind gives the error.
    assert_eq!(FileKind::detect(RECORDS.as_bytes(), "r.csv").unwrap(), FileKind::Records);
    // A file without even a header stays the "empty" error.
    assert_eq!(records("").map_err(|e| e.kind).err(), Some(ErrorKind::NoDataRows));
    assert_eq!(Population::parse(b"\n\n", "p.csv").unwrap_err().kind, ErrorKind::Empty);
}

/// Rows with `n` distinct perceel codes, cycling, over `rows` rows.
fn perceel_rows(rows: usize, n: usize) -> String {
    (0..rows).map(|i| format!("c{},2023-H1,ZW,P{},huisarts,10\n", i % 9000, i % n)).collect()
}

#[test]
fn too_many_percelen_name_the_column_the_limit_and_the_count() {
    assert!(records(&perceel_rows(500, MAX_PERCELEN)).is_ok());
    let e = records(&perceel_rows(500, MAX_PERCELEN + 7)).unwrap_err();
    let count = MAX_PERCELEN + 7;
    assert_eq!(e.kind, ErrorKind::TooManyValues { limit: MAX_PERCELEN, count });
    // The first value over the limit: line 1 is the header.
    assert_eq!(e.position.line, Some(MAX_PERCELEN as u64 + 2));
    let first_over = format!("P{MAX_PERCELEN}");
    assert_eq!((e.position.column.as_deref(), e.position.value.as_deref()), (Some("perceel"), Some(first_over.as_str())));
    assert_eq!(
        error_message(&e, Lang::Nl),
        format!(
            "r.csv, regel {}, kolom ‘perceel’, waarde ‘{first_over}’: heeft te veel verschillende waarden ({count}); de grens is {MAX_PERCELEN}",
            MAX_PERCELEN + 2
        )
    );
    let en = format!("has too many distinct values ({count}); the limit is {MAX_PERCELEN}");
    assert!(error_message(&e, Lang::En).ends_with(&en));

    let body: String = (0..=MAX_PERCELEN).map(|i| format!("2023,ZW,P{i},huisarts,1,1,1\n")).collect();
    let e = cube(&body).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooManyValues { limit: MAX_PERCELEN, count: MAX_PERCELEN + 1 });
    assert_eq!(e.position.column.as_deref(), Some("perceel"));
}

#[test]
fn too_many_periods_are_refused_too() {
    let years = |n: usize, sep: &str| (0..n).map(|i| format!("c{sep}{}", 1900 + i)).collect::<Vec<_>>();
    let body: String = years(MAX_PERIODS, ",").iter().map(|p| format!("{p},ZW,P,geen,1\n")).collect();
    assert!(records(&body).is_ok());
    let body: String = years(MAX_PERIODS + 1, ",").iter().map(|p| format!("{p},ZW,P,geen,1\n")).collect();
    let e = records(&body).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooManyValues { limit: MAX_PERIODS, count: MAX_PERIODS + 1 });
    let first_over = (1900 + MAX_PERIODS).to_string();
    assert_eq!((e.position.column.as_deref(), e.position.value.as_deref()), (Some("periode"), Some(first_over.as_str())));

    // A half-year brings its year into the cube: half as many half-years of different years fit.
    let halves = |n: usize| (0..n).map(|i| format!("c,{}-H2,ZW,P,geen,1\n", 1900 + i)).collect::<String>();
    assert!(records(&halves(MAX_PERIODS / 2)).is_ok());
    let e = records(&halves(MAX_PERIODS / 2 + 1)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooManyValues { limit: MAX_PERIODS, count: MAX_PERIODS + 2 });
// Halves of one year share it: 8 years of halves are 24 periods.
    let both: String = (0..MAX_PERIODS / 3).flat_map(|i| ["H1", "H2"].map(|h| format!("c,{}-{h},ZW,P,geen,1\n", 1900 + i))).collect();
    assert!(records(&both).is_ok());

    let body: String = (0..=MAX_PERIODS).map(|i| format!("{},ZW,P,geen,1,1,1\n", 1900 + i)).collect();
    let e = cube(&body).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooManyValues { limit: MAX_PERIODS, count: MAX_PERIODS + 1 });
    assert_eq!(e.position.column.as_deref(), Some("periode"));
}

#[test]
fn amounts_beyond_a_billion_are_refused_not_wrapped() {
    let e = records("a,2023,ZW,P,geen,1000000000.01\n").unwrap_err();
    assert_eq!(e.kind, ErrorKind::OutOfRange { limit: MAX_EUROS });
    assert_eq!((e.position.line, e.position.column.as_deref()), (Some(2), Some("volume_eur")));
    assert!(records("a,2023,ZW,P,geen,-1000000000\n").is_ok());
    assert_eq!(records("a,2023,ZW,P,geen,-1000000000.01\n").unwrap_err().kind, ErrorKind::OutOfRange { limit: MAX_EUROS });
    let e = records("a,2023,ZW,P,geen,99999999999999999999999\n").unwrap_err();
    assert_eq!(e.kind, ErrorKind::OutOfRange { limit: MAX_EUROS });
    assert!(error_message(&e, Lang::Nl).ends_with("valt buiten wat het dashboard aanneemt; de grens is ± 1.000.000.000"));
}

#[test]
fn spelling_variants_do_not_make_reading_quadratic() {
    // Every row spells ZW and the referrer differently (case and trailing whitespace): all valid.
    let body: String = (0..20_000)
        .map(|i| {
            let pad = format!("{:b}", i).replace('0', " ").replace('1', "\t");
            let zw = if i % 2 == 0 { "zw" } else { "Zw" };
            format!("c{i},2023,{zw}{pad},P,Huisarts{pad},1\n")
        })
        .collect();
    assert!(records(&body).is_ok());
}

/// The case: 100,000 rows, 20,000 distinct percelen, refused quickly; and a valid
/// 100,000-row file accepted. Both must finish well within 5 s (timings printed).
#[test]
fn a_file_of_100000_rows_is_accepted_or_refused_in_bounded_time() {
    let body = perceel_rows(100_000, 20_000);
    let start = Instant::now();
    let e = records(&body).unwrap_err();
    println!("100,000 rows, 20,000 percelen, refused in {:?}", start.elapsed());
    assert_eq!(e.kind, ErrorKind::TooManyValues { limit: MAX_PERCELEN, count: 20_000 });

    let cube_rows: String = (0..100_000).map(|i| format!("2023,ZW,P{},huisarts,1,1,1\n", i % 20_000)).collect();
    let start = Instant::now();
    let e = cube(&cube_rows).unwrap_err();
    println!("cube file, 100,000 rows, 20,000 percelen, refused in {:?}", start.elapsed());
    assert_eq!(e.kind, ErrorKind::TooManyValues { limit: MAX_PERCELEN, count: 20_000 });

    let body = perceel_rows(100_000, 14);
    let start = Instant::now();
    let cells = records(&body).unwrap();
    println!("100,000 valid rows read into {cells} cells in {:?}", start.elapsed());
}

/// The largest cube the limits allow: every period a half-year of its own year (which brings
/// the year) and every perceel, over 100,000 rows.
#[test]
fn the_largest_cube_the_limits_allow_is_read_in_bounded_time() {
    let body: String = (0..100_000)
        .map(|i| {
            let (l, v) = (lta_core::Landsdeel::ALL[i % 8].code(), lta_core::Verwijzer::ALL[(i / 8) % 8].code());
            format!("c{},{}-H1,{l},P{},{v},{}\n", i % 30_000, 1900 + i % (MAX_PERIODS / 2), (i / 7) % MAX_PERCELEN, i % 1000)
        })
        .collect();
    let start = Instant::now();
    let cube = cube_from_records(format!("{RECORDS}{body}").as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value;
    let read = start.elapsed();
    assert_eq!(cube.len(), lta_core::MAX_RECORD_CELLS);
    println!("largest cube: {} cells read in {read:?}", cube.len());

    // The same cube as a cube file is the largest valid cube file (a cell twice is an error).
    let csv = cube.to_csv();
    let start = Instant::now();
    let back = Cube::parse(csv.as_bytes(), "c.csv", &PerceelNames::default()).unwrap().value;
    println!("largest cube file: {} rows read in {:?}", back.len(), start.elapsed());
    assert_eq!(back.len(), cube.len());
}
