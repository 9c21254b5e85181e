//! Codes of the iJw messages: referrer codes (COD327, also CBS Beleidsinformatie Jeugd) and the
//! debit/credit indicator of a declaration line.

use crate::model::code::Verwijzer;

/// The referrer a text names: an iJw/CBS code `01`–`08` (`core/data/verwijzer_codes.csv`: 06 is
/// "geen verwijzer", 07 "onbekend"), else a code or label of the dashboard's own.
///
/// ```
/// use lta_core::{Verwijzer, referrer};
/// assert_eq!(referrer("02"), Some(Verwijzer::Huisarts));
/// assert_eq!(referrer("6"), Some(Verwijzer::Geen));
/// assert_eq!(referrer("huisarts"), Some(Verwijzer::Huisarts));
/// assert_eq!(referrer("09"), None);
/// ```
pub fn referrer(raw: &str) -> Option<Verwijzer> {
    let s = raw.trim();
    let code = match s.len() {
        1 | 2 if s.bytes().all(|b| b.is_ascii_digit()) => s.parse::<u8>().ok(),
        _ => None,
    };
    match code {
        Some(1) => Some(Verwijzer::Gemeente),
        Some(2) => Some(Verwijzer::Huisarts),
        Some(3) => Some(Verwijzer::Jeugdarts),
        Some(4) => Some(Verwijzer::Gi),
        Some(5) => Some(Verwijzer::MedischSpecialist),
        Some(6) => Some(Verwijzer::Geen),
        Some(7) => Some(Verwijzer::Onbekend),
        Some(8) => Some(Verwijzer::RechterOvj),
        Some(_) => None,
        None => Verwijzer::parse(s),
    }
}

/// −1 for a credit line, 1 for a debit line (`D`/`C`, `Debet`/`Credit`, `Debit`), else None.
pub fn debit_credit_sign(raw: &str) -> Option<f64> {
    match crate::read::import::key(raw).as_str() {
        "d" | "debet" | "debit" => Some(1.0),
        "c" | "credit" => Some(-1.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes as the shipped code list names them, by their LTA referrer group.
    #[test]
    fn the_code_list_and_the_function_agree() {
        let list = include_str!("../../../data/verwijzer_codes.csv");
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(list.as_bytes()).records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 8);
        for row in rows {
            let v = referrer(&row[0]).unwrap();
            let group = &row[4];
            let expected = match v {
                Verwijzer::Gemeente => "gemeente/wijkteam",
                Verwijzer::Huisarts => "huisarts",
                Verwijzer::Jeugdarts => "jeugdarts",
                Verwijzer::Gi => "gecertificeerde instelling",
                Verwijzer::MedischSpecialist => "medisch specialist",
                Verwijzer::RechterOvj => "rechter/OvJ",
                Verwijzer::Geen | Verwijzer::Onbekend => "(geen LTA-groep: geen/onbekend)",
            };
            assert_eq!(group, expected, "{}", &row[0]);
        }
        assert_eq!(referrer("07"), Some(Verwijzer::Onbekend));
        assert_eq!(referrer("0"), None);
    }

    #[test]
    fn debit_and_credit() {
        assert_eq!((debit_credit_sign(" C "), debit_credit_sign("Debet"), debit_credit_sign("x")), (Some(-1.0), Some(1.0), None));
    }
}
