//! Writing records as data-contract kind 2: comma-delimited, LF line endings, euros with two
//! decimals and a `.`. No field ever needs quoting (codes, hex ids, numbers).

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::record::Record;

pub const HEADER: &str = "client,periode,landsdeel,gemeente,perceel,verwijzer,volume_eur,begindatum,einddatum,aanbieder\n";

/// Appends one record as a CSV line.
pub fn push_line(out: &mut String, r: &Record) {
    let (sign, abs) = if r.cents < 0 {
        ("-", -r.cents)
    } else {
        ("", r.cents)
    };
    let _ = writeln!(
        out,
        "{},{},{},{},{},{},{sign}{}.{:02},{},{},aanbieder-{:02}",
        r.client,
        r.periode,
        r.landsdeel.code(),
        r.gemeente.code(),
        r.perceel.code(),
        r.verwijzer.code(),
        abs / 100,
        abs % 100,
        iso(r.trajectory.begin),
        r.trajectory.end.map(iso).unwrap_or_default(),
        r.trajectory.aanbieder
    );
}

/// A day from 1970-01-01 as `jjjj-mm-dd`.
fn iso(day: i32) -> String {
    let (y, m, d) = lta_core::civil_from_days(day.into());
    format!("{y}-{m:02}-{d:02}")
}

/// The whole file as one string.
pub fn to_csv(records: &[Record]) -> String {
    let mut out = String::with_capacity(HEADER.len() + records.len() * 80);
    out.push_str(HEADER);
    for r in records {
        push_line(&mut out, r);
    }
    out
}

/// Streams the file to a writer in chunks (for the million-row benchmark files).
pub fn write_csv(w: &mut impl Write, records: &[Record]) -> io::Result<()> {
    w.write_all(HEADER.as_bytes())?;
    let mut chunk = String::with_capacity(1 << 20);
    for r in records {
        push_line(&mut chunk, r);
        if chunk.len() > (1 << 20) - 128 {
            w.write_all(chunk.as_bytes())?;
            chunk.clear();
        }
    }
    w.write_all(chunk.as_bytes())
}
