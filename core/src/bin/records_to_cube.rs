//! Builds a published cube from a records file with the same engine and the same disclosure
//! rules the browser uses:
//! `cargo run -p lta-core --bin records_to_cube -- <folder> [--zonder-regels]`
//! reads `records.csv` (or the file the manifest's `files.records` names) and `manifest.json` in
//! that folder and writes `cube.csv` beside them. The rules are on unless `--zonder-regels`
//! (`--no-rules`) is given, which prints a warning: such a cube is not publishable.

use std::path::Path;
use std::process::ExitCode;

use lta_core::i18n::{error_message, notice_message};
use lta_core::{disclosure, records, Lang, Manifest};

const USAGE: &str = "usage: records_to_cube <dataset folder with manifest.json and its records file> [--zonder-regels | --no-rules]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rules_off = args.iter().any(|a| a == "--zonder-regels" || a == "--no-rules");
    let folders: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let ([dir], true) = (folders.as_slice(), args.len() == folders.len() + usize::from(rules_off)) else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let dir = Path::new(dir.as_str());
    let read = |f: &str| std::fs::read(dir.join(f)).map_err(|e| format!("{}: {e}", dir.join(f).display()));
    let manifest = match read("manifest.json").map(|b| Manifest::parse(&b, "manifest.json")) {
        Ok(Ok(m)) => m,
        Ok(Err(e)) => return fail(&error_message(&e, Lang::En)),
        Err(e) => return fail(&e),
    };
    let records_file = manifest.files.records.clone().unwrap_or_else(|| "records.csv".to_string());
    let bytes = match read(&records_file) {
        Ok(b) => b,
        Err(e) => return fail(&e),
    };
    let built = match records::read(&bytes, &records_file, &manifest.perceel_names()) {
        Ok(parsed) => {
            for n in &parsed.notices {
                eprintln!("{}", notice_message(n, Lang::En));
            }
            parsed.value
        }
        Err(e) => return fail(&error_message(&e, Lang::En)),
    };
    let cube = if rules_off {
        eprintln!("WARNING: --zonder-regels: the disclosure rules were NOT applied; this cube is not publishable.");
        built.cube
    } else {
        disclosure::apply(&built)
    };
    match std::fs::write(dir.join("cube.csv"), cube.to_csv()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{}: {e}", dir.join("cube.csv").display())),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}
