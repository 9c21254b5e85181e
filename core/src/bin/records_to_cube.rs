//! Builds a published cube from a records file with the same engine the browser uses:
//! `cargo run -p lta-core --bin records_to_cube -- public/data/illustratief`
//! reads `records-synthetisch.csv` and `manifest.json` in that folder and writes `cube.csv` beside them.

use std::path::Path;
use std::process::ExitCode;

use lta_core::i18n::{error_message, notice_message};
use lta_core::records::cube_from_records;
use lta_core::{Lang, Manifest};

/// The records file of a dataset folder (the illustrative one says in its name that it is synthetic).
const RECORDS: &str = "records-synthetisch.csv";

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: records_to_cube <dataset folder with records-synthetisch.csv and manifest.json>");
        return ExitCode::FAILURE;
    };
    let dir = Path::new(&dir);
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap_or_else(|e| panic!("{}: {e}", dir.join(f).display()));
    let built = Manifest::parse(&read("manifest.json"), "manifest.json")
        .and_then(|m| cube_from_records(&read(RECORDS), RECORDS, &m.perceel_names()));
    match built {
        Ok(parsed) => {
            for n in &parsed.notices {
                eprintln!("{}", notice_message(n, Lang::En));
            }
            std::fs::write(dir.join("cube.csv"), parsed.value.to_csv()).expect("write cube.csv");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", error_message(&e, Lang::En));
            ExitCode::FAILURE
        }
    }
}
