//! Reading the files BEN staff and gemeenten actually have: a declaration export, a workbook a
//! colleague saved, a CSV that Excel wrote on Windows. A [`Mapping`] says which column is which
//! (proposed from the usual Dutch and English header names, changeable by the user, written into
//! the publishable cube's manifest) and how amounts and dates are written; the records reader
//! (`records.rs`) then reads any such file into the same records as the dashboard's own format.

mod amount;
mod codes;
mod columns;
mod date;
mod encoding;
mod region;
mod words;

pub use amount::AmountStyle;
pub use codes::{debit_credit_sign, referrer};
pub use columns::{Mapping, Role};
pub(crate) use columns::Sources;
pub use date::{civil_from_days, day_number, days_from_civil, PeriodRule};
pub use encoding::{decode, Encoding};
pub use words::Word;
pub use region::{regions, Gemeente, Jeugdregio, Regions, CREDIT as REGIONS_CREDIT, REFERENCE_YEAR};

/// A name folded for matching: accents, case, spaces and punctuation ignored
/// (`Cliëntnummer`, `client_nummer` and `CLIENT NUMMER` are one name).
pub(crate) fn key(s: &str) -> String {
    s.chars().map(unaccent).filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// The letter without its accent, for the accented letters of Dutch, Frisian and French names.
fn unaccent(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_ignore_accents_case_and_punctuation() {
        assert_eq!(super::key("Cliëntnummer"), "clientnummer");
        assert_eq!(super::key(" client_Nummer "), "clientnummer");
        assert_eq!(super::key("'s-Hertogenbosch"), "shertogenbosch");
        assert_eq!(super::key("Súdwest-Fryslân"), "sudwestfryslan");
    }
}
