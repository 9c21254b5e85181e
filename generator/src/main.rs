//! Writes the illustrative records, or a large synthetic file for benchmarks.
//! Run from the repository root (paths are relative to the current directory):
//!
//!   cargo run --release -p lta-generate                      # the committed file, seed 2023
//!   cargo run --release -p lta-generate -- --seed 7 --out /tmp/records.csv
//!   cargo run --release -p lta-generate -- --records 1000000 --out /tmp/records-1m.csv

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const DEFAULT_OUT: &str = "public/data/illustratief/records-synthetisch.csv";
const USAGE: &str = "usage: lta-generate [--seed N] [--out PATH] [--records N --out PATH]\n\
    Run from the repository root; the default output is public/data/illustratief/records-synthetisch.csv.";

struct Args {
    seed: u64,
    out: Option<PathBuf>,
    records: Option<u64>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        seed: lta_generate::DEFAULT_SEED,
        out: None,
        records: None,
    };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--seed" => parsed.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => parsed.out = Some(PathBuf::from(value()?)),
            "--records" => {
                parsed.records = Some(value()?.parse().map_err(|e| format!("--records: {e}"))?)
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(parsed)
}

fn write_file(out: &Path, records: &[lta_generate::Record]) -> io::Result<()> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let mut w = BufWriter::new(File::create(out)?);
    lta_generate::write_csv(&mut w, records)?;
    w.flush()
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    // A benchmark file must never overwrite the committed illustrative file by accident.
    let out = match (&args.out, args.records) {
        (Some(out), _) => out.clone(),
        (None, None) => PathBuf::from(DEFAULT_OUT),
        (None, Some(_)) => {
            eprintln!("error: --records needs --out (the default path is the committed illustrative file)\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    let records = match args.records {
        Some(n) => lta_generate::generate_scaled(n, args.seed),
        None => lta_generate::generate(args.seed),
    };
    if let Err(e) = write_file(&out, &records) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote {} records (seed {}) to {} in {:.2?}",
        records.len(),
        args.seed,
        out.display(),
        start.elapsed()
    );
    ExitCode::SUCCESS
}
