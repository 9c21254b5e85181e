//! Just enough of the ZIP format for a dataset folder: writing stored entries, and reading
//! stored or deflated ones (as any archiver makes them, data descriptors included). No ZIP64,
//! no encryption: a dataset folder is a few small text files. Entries are written uncompressed
//! on purpose: a deflate compressor would add tens of kilobytes to every visitor's download.

use std::fmt;

/// What is wrong with an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipError(pub String);

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Files in an archive are refused beyond this size, so a small hostile archive cannot unpack
/// into gigabytes.
const MAX_ENTRY: usize = 256 << 20;

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
const UTF8_NAMES: u16 = 1 << 11;

/// Writes an archive of `(name, contents)` entries, dated `(year, month, day)`.
///
/// ```
/// let zip = lta_core::zip::write(&[("a.txt", b"hallo".as_slice())], (2026, 11, 27));
/// assert_eq!(lta_core::zip::read(&zip).unwrap(), vec![("a.txt".to_string(), b"hallo".to_vec())]);
/// ```
pub fn write(entries: &[(&str, &[u8])], date: (u16, u16, u16)) -> Vec<u8> {
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
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    let bad = |what: &str| ZipError(what.to_string());
    let u16_at = |at: usize| bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or_else(|| bad("cut short"));
    let u32_at = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok_or_else(|| bad("cut short"));
    // The end record sits in the last 22 bytes plus a comment of at most 65,535.
    let earliest = bytes.len().saturating_sub(22 + 0xffff);
    let end = (earliest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(i) == Ok(END))
        .ok_or_else(|| bad("not a ZIP archive"))?;
    let count = u16_at(end + 10)? as usize;
    let mut at = u32_at(end + 16)? as usize;
    let mut files = Vec::new();
    for _ in 0..count {
        if u32_at(at)? != CENTRAL {
            return Err(bad("broken central directory"));
        }
        let (method, crc) = (u16_at(at + 10)?, u32_at(at + 16)?);
        let (packed, size) = (u32_at(at + 20)? as usize, u32_at(at + 24)? as usize);
        let (name_len, extra_len, comment_len) = (u16_at(at + 28)? as usize, u16_at(at + 30)? as usize, u16_at(at + 32)? as usize);
        let local = u32_at(at + 42)? as usize;
        let name_bytes = bytes.get(at + 46..at + 46 + name_len).ok_or_else(|| bad("cut short"))?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if name.ends_with('/') {
            continue;
        }
        if u32_at(local)? != LOCAL || size > MAX_ENTRY || packed == u32::MAX as usize {
            return Err(ZipError(format!("{name}: unsupported entry")));
        }
        let start = local + 30 + u16_at(local + 26)? as usize + u16_at(local + 28)? as usize;
        let data = bytes.get(start..start + packed).ok_or_else(|| bad("cut short"))?;
        let data = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, size.max(1))
                .map_err(|_| ZipError(format!("{name}: broken compressed data")))?,
            _ => return Err(ZipError(format!("{name}: compression method {method} is not supported"))),
        };
        if data.len() != size || crc32fast::hash(&data) != crc {
            return Err(ZipError(format!("{name}: checksum does not match")));
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
        let entries = [("cube.csv", big.as_bytes()), ("LEESMIJ.txt", "één".as_bytes()), ("leeg.txt", b"".as_slice())];
        let zip = write(&entries, (2026, 11, 27));
        let back = read(&zip).unwrap();
        assert_eq!(back.len(), 3);
        for ((n, d), (m, e)) in entries.iter().zip(&back) {
            assert_eq!((*n, *d), (m.as_str(), e.as_slice()));
        }
    }

    /// An archive as other tools make it: deflated (here by miniz_oxide, as zlib's deflate would).
    #[test]
    fn deflated_entries_are_read() {
        let text = "periode,landsdeel\n".repeat(1000);
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
        let mut zip = write(&[("cube.csv", text.as_bytes())], (2026, 1, 1));
        // Turn the stored entry into a deflated one: method 8, the packed size, the packed data.
        let local_len = 30 + "cube.csv".len();
        let mut deflated = zip[..local_len].to_vec();
        deflated[8] = 8;
        deflated[18..22].copy_from_slice(&(packed.len() as u32).to_le_bytes());
        deflated.extend(&packed);
        let mut central = zip[local_len + text.len()..].to_vec();
        central[10] = 8;
        central[20..24].copy_from_slice(&(packed.len() as u32).to_le_bytes());
        let central_at = deflated.len() as u32;
        let end = central.len() - 22;
        central[end + 16..end + 20].copy_from_slice(&central_at.to_le_bytes());
        deflated.extend(central);
        zip = deflated;
        assert_eq!(read(&zip).unwrap(), vec![("cube.csv".to_string(), text.into_bytes())]);
    }

    #[test]
    fn broken_archives_are_errors_not_panics() {
        let zip = write(&[("a.csv", b"1,2,3\n".as_slice())], (2026, 1, 1));
        for cut in 0..zip.len() {
            let _ = read(&zip[..cut]);
        }
        let mut flipped = zip.clone();
        let i = flipped.len() / 3;
        flipped[i] ^= 0xff;
        assert!(read(&flipped).is_err() || read(&flipped).unwrap()[0].1 == b"1,2,3\n");
        assert_eq!(read(b"periode,landsdeel\n").unwrap_err().0, "not a ZIP archive");
    }
}
