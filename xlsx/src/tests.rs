use super::*;
use crate::write::{ods, xlsx, Value};
use lta_core::{FileKind, Lang, RecordsReader, error_message};

fn t(s: &str) -> Value {
    Value::Text(s.into())
}

const HEADER: [&str; 6] = ["client", "periode", "landsdeel", "perceel", "verwijzer", "volume_eur"];

fn header() -> Vec<Value> {
    HEADER.iter().map(|h| t(h)).collect()
}

fn csv_of(reply: WorkbookReply) -> (String, SheetMap) {
    match reply {
        WorkbookReply::Csv { csv, map } => (csv, map),
        other => panic!("not read: {other:?}"),
    }
}

#[test]
fn numbers_as_numbers_or_as_text_and_empty_cells() {
    let rows = vec![
        header(),
        vec![t("c1"), Value::Number(2023.0), t("ZW"), t("TKGGZ"), t("huisarts"), Value::Number(1234.5)],
        vec![t("c2"), t("2023"), t("Zuid-Holland"), t("TKGGZ"), Value::Empty, t("1234,5")],
    ];
    let (csv, map) = csv_of(read(&xlsx("Blad1", &rows, 0, 0), "r.xlsx"));
    assert_eq!(csv, "client;periode;landsdeel;perceel;verwijzer;volume_eur\nc1;2023;ZW;TKGGZ;huisarts;1234.5\nc2;2023;Zuid-Holland;TKGGZ;;1234,5\n");
    assert_eq!((map.sheet.as_str(), map.header_row, map.first_column), ("Blad1", 1, 0));
    assert_eq!(FileKind::detect(csv.as_bytes(), "r.xlsx").unwrap(), FileKind::Records);
}

#[test]
fn a_header_further_down_and_to_the_right() {
    let mut rows = vec![vec![t("LTA-records, export van 1 januari")], vec![], vec![]];
    rows.push(header());
    rows.push(vec![t("c1"), Value::Number(2023.0), t("ZW"), t("TKGGZ"), t("huisarts"), Value::Number(10.0)]);
    // Rows 3 and 4 of the sheet are empty; the header is row 4, from column B.
    let (csv, map) = csv_of(read(&xlsx("Data", &rows, 0, 1), "r.xlsx"));
    assert_eq!((map.header_row, map.first_column), (4, 1));
    assert!(csv.starts_with("client;periode;"), "{csv}");
    assert_eq!(map.cell(2, Some("volume_eur")), "Data!G5");
}

#[test]
fn an_error_names_sheet_and_cell() {
    let mut rows = vec![header()];
    for i in 0..20 {
        let euros = if i == 15 { t("veel") } else { Value::Number(100.0) };
        rows.push(vec![t(&format!("c{i}")), Value::Number(2023.0), t("ZW"), t("TKGGZ"), t("huisarts"), euros]);
    }
    let (csv, map) = csv_of(read(&xlsx("Blad1", &rows, 0, 0), "records.xlsx"));
    let names = lta_core::PerceelNames::default();
    let e = RecordsReader::open(csv.as_bytes(), "records.xlsx", &names).and_then(|mut r| r.step(1000).map(|_| r)).err().expect("an error");
    // Data row 16 (i = 15) is the sheet's row 17; volume_eur is column F.
    assert_eq!(error_message(&map.locate(e), Lang::Nl), "records.xlsx, Blad1!F17, kolom ‘volume_eur’, waarde ‘veel’: is geen getal (of leeg, x of ~getal)");
}

#[test]
fn no_header_row_or_no_workbook_is_an_error() {
    let rows = vec![vec![t("geen kopregel")], vec![t("nog steeds niet")]];
    match read(&xlsx("Blad1", &rows, 0, 0), "x.xlsx") {
        WorkbookReply::NoHeader { file } => assert_eq!(file, "x.xlsx, Blad1"),
        other => panic!("{other:?}"),
    }
    match read(b"PK\x03\x04 not really", "x.xlsx") {
        WorkbookReply::Unreadable { file, .. } => assert_eq!(file, "x.xlsx"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_ods_sheet_reads_like_the_same_xlsx_sheet() {
    let rows = vec![
        header(),
        vec![t("c1"), Value::Number(2023.0), t("ZW"), t("TKGGZ"), t("huisarts"), Value::Number(1234.5)],
        vec![t("c2"), t("2023-H1"), t("NH"), t("UMC"), Value::Empty, t("-12,25")],
    ];
    let (from_ods, ods_map) = csv_of(read(&ods("Records", &rows), "r.ods"));
    let (from_xlsx, _) = csv_of(read(&xlsx("Records", &rows, 0, 0), "r.xlsx"));
    assert_eq!(from_ods, from_xlsx);
    assert_eq!((ods_map.sheet.as_str(), ods_map.header_row), ("Records", 1));
}
