//! The cell-key method does not depend on the file format: the illustrative records (a slice of
//! them) as `.xlsx` and `.ods`, amounts stored as numbers, give the same perturbed cube as their
//! CSV under one key.

use lta_core::{PerceelNames, SecretKey, WorkbookReply, apply_cell_key, read_records};
use lta_xlsx::write::{ods, xlsx, Value};

#[test]
fn csv_xlsx_and_ods_give_the_same_perturbed_cube() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/illustratief/records-synthetisch.csv");
    let text = std::fs::read_to_string(path).unwrap();
    let csv: String = text.lines().take(4001).map(|l| format!("{l}\n")).collect();
    let rows: Vec<Vec<Value>> = csv
        .lines()
        .enumerate()
        .map(|(i, line)| {
            line.split(',')
                .enumerate()
                // volume_eur is the last column.
                .map(|(c, v)| if i > 0 && c == 6 { Value::Number(v.parse().unwrap()) } else { Value::Text(v.to_string()) })
                .collect()
        })
        .collect();
    let key = SecretKey::from_bytes([42; 16]);
    let cube = |bytes: &[u8], name: &str| {
        let built = read_records(bytes, name, &PerceelNames::default()).unwrap().value;
        apply_cell_key(&built, &key).to_csv()
    };
    let from_csv = cube(csv.as_bytes(), "r.csv");
    for (name, book) in [("r.xlsx", xlsx("records", &rows, 0, 0)), ("r.ods", ods("records", &rows))] {
        let WorkbookReply::Csv { csv: sheet, .. } = lta_xlsx::read(&book, name) else { panic!("{name} not read") };
        assert_eq!(cube(sheet.as_bytes(), name), from_csv, "{name}");
    }
}
