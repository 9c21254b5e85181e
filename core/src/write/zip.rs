//! A dataset folder as a ZIP archive and back: read through the `zip` crate (the archive worker's
//! spreadsheet reader links it anyway, so any archiver's ZIP is read as calamine reads one),
//! written as stored entries here. Only the archive worker and the command line call this, so
//! the app every visitor loads carries no ZIP code.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// What is wrong with an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipError(pub String);

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Files in an archive are refused beyond this size, so a small hostile archive cannot unpack
/// into gigabytes.
const MAX_ENTRY: u64 = 256 << 20;

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
const UTF8_NAMES: u16 = 1 << 11;

/// Writes an archive of `(name, contents)` entries, dated `(year, month, day)`, stored (not
/// deflated). Written here, not by the `zip` crate: its writer would add 49 KB gzip to the
/// archive worker (measured, docs/performance.md), which already reads through the crate.
///
/// ```
/// let zip = lta_core::write_zip(&[("a.txt", b"hallo".as_slice())], (2026, 11, 27));
/// assert_eq!(lta_core::read_zip(&zip).unwrap(), vec![("a.txt".to_string(), b"hallo".to_vec())]);
/// ```
pub fn write_zip(entries: &[(&str, &[u8])], date: (u16, u16, u16)) -> Vec<u8> {
    let dos_date = (date.0.saturating_sub(1980) << 9) | (date.1 << 5) | date.2;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let crc = crc32fast::hash(data);
        let offset = out.len() as u32;
        let sizes = [crc, data.len() as u32, data.len() as u32];
        out.extend(u32le(LOCAL));
        out.extend(header_fields(dos_date, sizes, name.len()));
        out.extend(0u16.to_le_bytes()); // no extra field
        out.extend(name.as_bytes());
        out.extend(*data);
        central.extend(u32le(CENTRAL));
        central.extend(20u16.to_le_bytes()); // made by: version 2.0
        central.extend(header_fields(dos_date, sizes, name.len()));
        central.extend([0u8; 12]); // extra, comment, disk, internal and external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let (central_offset, central_len) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(u32le(END));
    out.extend([0u8; 4]); // this disk, the central directory's disk
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend(central_len.to_le_bytes());
    out.extend(central_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // no comment
    out
}

fn u32le(n: u32) -> [u8; 4] {
    n.to_le_bytes()
}

/// The fields a local and a central header share, up to the name's length.
fn header_fields(dos_date: u16, [crc, packed, size]: [u32; 3], name_len: usize) -> Vec<u8> {
    let mut h = Vec::with_capacity(24);
    h.extend(10u16.to_le_bytes()); // needed: version 1.0 (stored)
    h.extend(UTF8_NAMES.to_le_bytes());
    h.extend(0u16.to_le_bytes()); // stored
    h.extend(0u16.to_le_bytes()); // time 00:00
    h.extend(dos_date.to_le_bytes());
    h.extend(crc.to_le_bytes());
    h.extend(packed.to_le_bytes());
    h.extend(size.to_le_bytes());
    h.extend((name_len as u16).to_le_bytes());
    h
}

/// Reads every file of an archive (folders are skipped), names as stored.
pub fn read_zip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    let bad = |e: zip::result::ZipError| ZipError(e.to_string());
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(bad)?;
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(bad)?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().map_err(bad)?.into_owned();
        if file.size() > MAX_ENTRY {
            return Err(ZipError(format!("{name}: larger than {} MB", MAX_ENTRY >> 20)));
        }
        let mut data = Vec::new();
        // The size in the header is the archive's word: read no more than the limit whatever it says.
        file.by_ref().take(MAX_ENTRY + 1).read_to_end(&mut data).map_err(|e| ZipError(format!("{name}: {e}")))?;
        if data.len() as u64 > MAX_ENTRY {
            return Err(ZipError(format!("{name}: larger than {} MB", MAX_ENTRY >> 20)));
        }
        files.push((name, data));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_of_several_files_with_utf8_names() {
        let big = "periode,landsdeel\n".repeat(5000);
        let entries = [("cube.csv", big.as_bytes()), ("LEESMIJ.txt", "één".as_bytes()), ("mimetype", b"text/plain".as_slice()), ("leeg.txt", b"".as_slice())];
        let zip = write_zip(&entries, (2026, 11, 27));
        let back = read_zip(&zip).unwrap();
        assert_eq!(back.len(), 4);
        for ((n, d), (m, e)) in entries.iter().zip(&back) {
            assert_eq!((*n, *d), (m.as_str(), e.as_slice()));
        }
    }

    #[test]
    fn broken_archives_are_errors_not_panics() {
        let zip = write_zip(&[("a.csv", b"1,2,3\n".as_slice())], (2026, 1, 1));
        for cut in 0..zip.len() {
            let _ = read_zip(&zip[..cut]);
        }
        for i in 0..zip.len() {
            let mut flipped = zip.clone();
            flipped[i] ^= 0xff;
            assert!(read_zip(&flipped).is_err() || read_zip(&flipped).unwrap()[0].1 == b"1,2,3\n", "byte {i}");
        }
        assert!(read_zip(b"periode,landsdeel\n").is_err());
    }
}
