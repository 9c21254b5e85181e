//! Builds a published dataset from a records file with the same engine and the same cell-key
//! method the browser uses:
//!
//! `cargo run -p lta-xlsx --bin records_to_cube -- <folder> --sleutel <file> [--uit <map>] [--definitief] [--datum JJJJ-MM-DD]`
//!
//! `--sleutel` (`--key`) names the secret key file: read when it exists, else made (from the
//! system's random source) and written there, with a message. The same records and key give the
//! same cube as the browser with that key; keep the key with the records for the next release.
//!
//! reads `manifest.json` and its records file (`files.records`, else `records.csv`) in that folder
//! (CSV in UTF-8 or Windows-1252, `.xlsx` or `.ods`: the readers of the browser), by the
//! manifest's column mapping (`kolommen`, `invoer`) or else the one its header suggests, and writes the same files as "Publiceerbare kubus downloaden" in the browser (`cube.csv`,
//! `manifest.json`, `population.csv` when the folder has one, `LEESMIJ.txt`, `README.txt`) into
//! `<folder>/publiceerbaar/` or the `--uit` folder; status voorlopig unless `--definitief`.
//!
//! `--zonder-regels` (`--no-rules`) turns the rules off: it then writes only `cube.csv`, beside
//! the records, and warns that it is not publishable (`make data` uses it for the synthetic
//! illustrative cube, which must reproduce the published 2023 figures exactly).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lta_core::{DataError, Dataset, FLOW_FILE, Lang, Manifest, Mapping, PROVIDERS_FILE, Parsed, PerceelNames, Population, REGIONS_FILE, RecordsCube, SecretKey, Status, Text, WorkbookReply, apply_cell_key, dataset_files, error_message, flow_from_records, is_workbook, notice_message, proposed_mapping, providers_from_records, read_export};

const USAGE: &str = "usage: records_to_cube <folder> --sleutel <key file> [--uit <folder>] [--definitief] [--datum YYYY-MM-DD] | records_to_cube <folder> --zonder-regels";

struct Args {
    folder: PathBuf,
    out: Option<PathBuf>,
    key: Option<PathBuf>,
    rules: bool,
    status: Status,
    date: Option<String>,
}

fn args() -> Option<Args> {
    let mut a = Args { folder: PathBuf::new(), out: None, key: None, rules: true, status: Status::Voorlopig, date: None };
    let mut it = std::env::args().skip(1);
    let mut folder = None;
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--zonder-regels" | "--no-rules" => a.rules = false,
            "--definitief" => a.status = Status::Definitief,
            "--uit" | "--out" => a.out = Some(it.next()?.into()),
            "--sleutel" | "--key" => a.key = Some(it.next()?.into()),
            "--datum" | "--date" => a.date = Some(it.next()?),
            s if s.starts_with("--") || folder.is_some() => return None,
            s => folder = Some(PathBuf::from(s)),
        }
    }
    a.folder = folder?;
    // Under the method a key is needed; without it, none is read.
    (a.rules == a.key.is_some()).then_some(a)
}

fn main() -> ExitCode {
    let Some(args) = args() else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let dir = &args.folder;
    let read = |f: &str| std::fs::read(dir.join(f)).map_err(|e| format!("{}: {e}", dir.join(f).display()));
    let said = |e: DataError| error_message(&e, Lang::En);
    let manifest_bytes = read("manifest.json")?;
    let manifest = Manifest::parse(&manifest_bytes, "manifest.json").map_err(said)?;
    let mapping = Mapping::from_manifest(&manifest_bytes, "manifest.json").map_err(said)?;
    let records_file = manifest.files.records.clone().unwrap_or_else(|| "records.csv".to_string());
    let given = mapping.is_some();
    let (parsed, used) = read_records(&read(&records_file)?, &records_file, &manifest, mapping).map_err(said)?;
    if !used.is_plain() {
        let columns: Vec<String> = used.columns.iter().map(|(h, r)| format!("{h} = {}", r.code())).collect();
        eprintln!("read {records_file} by the mapping {}: {} (amounts {}, periods {})", if given { "of manifest.json" } else { "its header suggests" }, columns.join(", "), used.amounts.code(), used.periods.code());
    }
    for n in &parsed.notices {
        eprintln!("{}", notice_message(n, Lang::En));
    }
    let built = parsed.value;
    if !args.rules {
        eprintln!("WARNING: --zonder-regels: the cell-key method was NOT applied; this cube is exact and not publishable.");
        write(dir, "cube.csv", &built.cube.to_csv())?;
        let regions = built.cube.regions();
        if !regions.is_empty() {
            write(dir, REGIONS_FILE, &regions.to_csv())?;
        }
        if let Some(flow) = flow_from_records(&built, None) {
            write(dir, FLOW_FILE, &flow.to_csv())?;
        }
        return match providers_from_records(&built, None) {
            Some(p) => write(dir, PROVIDERS_FILE, &p.to_csv()),
            None => Ok(()),
        };
    }
    let population = match &manifest.files.population {
        Some(p) => Some(Population::parse(&read(p)?, p).map_err(|e| error_message(&e, Lang::En))?.value),
        None => None,
    };
    let key = secret_key(args.key.as_deref().unwrap_or(Path::new("")))?;
    let shown = Dataset { cube: apply_cell_key(&built, &key), manifest: manifest.clone(), population, flow: flow_from_records(&built, Some(&key)), providers: providers_from_records(&built, Some(&key)), records: None };
    let date = args.date.clone().unwrap_or_else(today);
    let out = args.out.clone().unwrap_or_else(|| dir.join("publiceerbaar"));
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (name, text) in dataset_files(&shown, &manifest, args.status, &date, Some(&used)) {
        write(&out, name, &text)?;
    }
    eprintln!("wrote a publishable dataset ({:?}, {date}) to {}", args.status, out.display());
    Ok(())
}

/// The records of a CSV file or a workbook's sheet, with the mapping they were read by.
fn read_records(bytes: &[u8], file: &str, manifest: &Manifest, mapping: Option<Mapping>) -> Result<(Parsed<RecordsCube>, Mapping), DataError> {
    let names = manifest.perceel_names();
    if !is_workbook(file) {
        return read_text(bytes, file, &names, mapping);
    }
    match lta_xlsx::read(bytes, file) {
        WorkbookReply::Csv { csv, map } => read_text(csv.as_bytes(), file, &names, mapping).map_err(|e| map.locate(e)),
        WorkbookReply::Unreadable { file, detail } => Err(DataError::new(lta_core::ErrorKind::BadWorkbook { detail }, &file)),
        WorkbookReply::NoHeader { file } => Err(DataError::new(lta_core::ErrorKind::NoHeaderRow, &file)),
    }
}

fn read_text(bytes: &[u8], file: &str, names: &PerceelNames, mapping: Option<Mapping>) -> Result<(Parsed<RecordsCube>, Mapping), DataError> {
    let (text, _) = lta_core::decode(bytes, file)?;
    let mapping = match mapping {
        Some(m) => m,
        None => proposed_mapping(&text, file)?,
    };
    Ok((read_export(bytes, file, names, Some(&mapping))?, mapping))
}

/// The key in this file, or a new one written to it when there is no such file.
fn secret_key(path: &Path) -> Result<SecretKey, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => SecretKey::parse(&text).ok_or_else(|| format!("{}: {}", path.display(), Text::ErrBadKey.get(Lang::En))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut bytes = [0u8; 16];
            std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
                .map_err(|e| format!("/dev/urandom: {e} (no random source for a new key)"))?;
            let key = SecretKey::from_bytes(bytes);
            std::fs::write(path, key.to_file()).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("{} did not exist: a new secret key was written there. Keep it with the records for the next release (the same key gives the same perturbation); never publish it.", path.display());
            Ok(key)
        }
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    std::fs::write(dir.join(name), text).map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (year, month, day) = lta_core::civil_from_days((secs / 86_400) as i64);
    format!("{year:04}-{month:02}-{day:02}")
}
