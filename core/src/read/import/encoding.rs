//! The text of a file as the programs that write exports save it: UTF-8 (with or without BOM),
//! else Windows-1252 (Excel's "CSV (gescheiden door lijstscheidingsteken)" on Windows).
//!
//! Told apart reliably: text with any accented letter in Windows-1252 is almost never valid
//! UTF-8 (a lone byte ≥ 0x80 is not), and the five bytes Windows-1252 leaves undefined mean
//! the file is neither, which is an error naming its line.

use std::borrow::Cow;

use crate::model::error::{DataError, ErrorKind};

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, is passed over by the CSV reader).
    Utf8,
    /// Windows-1252, converted to UTF-8.
    Windows1252,
}

/// The characters of bytes 0x80..=0x9F in Windows-1252; `None` where it defines none.
const HIGH: [Option<char>; 32] = [
    Some('€'), None, Some('‚'), Some('ƒ'), Some('„'), Some('…'), Some('†'), Some('‡'),
    Some('ˆ'), Some('‰'), Some('Š'), Some('‹'), Some('Œ'), None, Some('Ž'), None,
    None, Some('‘'), Some('’'), Some('“'), Some('”'), Some('•'), Some('–'), Some('—'),
    Some('˜'), Some('™'), Some('š'), Some('›'), Some('œ'), None, Some('ž'), Some('Ÿ'),
];

/// The file as UTF-8 bytes, borrowed when it already is UTF-8.
///
/// ```
/// use lta_core::{Encoding, decode};
/// let (text, enc) = decode(b"Cli\xebntnummer;Bedrag\r\n1;\x80 12,00\r\n", "r.csv").unwrap();
/// assert_eq!((&*text, enc), ("Cliëntnummer;Bedrag\r\n1;€ 12,00\r\n".as_bytes(), Encoding::Windows1252));
/// assert_eq!(decode("Cliënt".as_bytes(), "r.csv").unwrap().1, Encoding::Utf8);
/// assert!(decode(b"a\n\x81\n", "r.csv").is_err());
/// ```
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<(Cow<'a, [u8]>, Encoding), DataError> {
    if std::str::from_utf8(bytes).is_ok() {
        return Ok((Cow::Borrowed(bytes), Encoding::Utf8));
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut line = 1;
    for &b in bytes {
        let c = match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize].ok_or_else(|| DataError::new(ErrorKind::NotUtf8, file).at_line(line))?,
            // Latin-1 coincides with the first 256 code points.
            _ => b as char,
        };
        if b == b'\n' {
            line += 1;
        }
        out.push(c);
    }
    Ok((Cow::Owned(out.into_bytes()), Encoding::Windows1252))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_defined_byte_round_trips_through_the_table() {
        let all: Vec<u8> = (0x20..=0xFF).filter(|b| !matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)).collect();
        let (text, enc) = decode(&all, "f").unwrap();
        assert_eq!(enc, Encoding::Windows1252);
        let text = String::from_utf8(text.into_owned()).unwrap();
        assert_eq!(text.chars().count(), all.len());
        assert!(text.contains("€") && text.contains("ë") && text.contains("—") && text.contains("ÿ"));
    }

    #[test]
    fn an_undefined_byte_names_its_line() {
        let e = decode(b"a\nb\n\x8d\n", "f.csv").unwrap_err();
        assert_eq!((e.kind, e.position.line), (ErrorKind::NotUtf8, Some(3)));
    }
}
