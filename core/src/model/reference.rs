//! Regions from gemeenten: the reference table of the 342 gemeenten of 1 January 2025 with their
//! jeugdregio and landsdeel (`core/data/`, reconstructed from CBS/PDOK boundaries, CC BY 4.0;
//! see `core/data/README.md`). The landsdeel is the cluster of jeugdregio's a BEN covers, not the
//! province. Next year's table replaces the two files and [`REFERENCE_YEAR`]; the tests below
//! check any table for consistency.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::code::Landsdeel;

/// The CBS indeling the table follows (1 January of this year).
pub const REFERENCE_YEAR: u16 = 2025;
/// The credit the table asks for.
pub const CREDIT: &str = "Gemeenten en jeugdregio's: CBS, indeling 2025 (CC BY 4.0)";

const GEMEENTEN: &str = include_str!("../../data/gemeente_jeugdregio_2025.csv");
const JEUGDREGIOS: &str = include_str!("../../data/jeugdregio_landsdeel_2025.csv");

/// One gemeente of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gemeente {
    /// `GM0363`.
    pub code: String,
    /// `Amsterdam`.
    pub name: String,
    /// The index of its jeugdregio in [`Regions::jeugdregios`].
    pub jeugdregio: usize,
}

/// One jeugdregio of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jeugdregio {
    /// `JZ13`.
    pub code: String,
    /// `Amsterdam-Amstelland`.
    pub name: String,
    /// The landsdeel whose BEN covers it.
    pub landsdeel: Landsdeel,
}

/// The reference table, with its names folded for lookup.
#[derive(Debug)]
pub struct Regions {
    /// Every gemeente, in the table's order.
    pub gemeenten: Vec<Gemeente>,
    /// Every jeugdregio, in the table's order.
    pub jeugdregios: Vec<Jeugdregio>,
    gemeente_by_key: HashMap<String, usize>,
    jeugdregio_by_key: HashMap<String, usize>,
}

/// Common names that are not the CBS name.
const GEMEENTE_ALIASES: [(&str, &str); 2] = [("Den Haag", "GM0518"), ("Den Bosch", "GM0796")];

/// The shipped table, read once.
pub fn regions() -> &'static Regions {
    static REGIONS: OnceLock<Regions> = OnceLock::new();
    REGIONS.get_or_init(|| Regions::from_tables(JEUGDREGIOS, GEMEENTEN).expect("the shipped reference table reads"))
}

impl Regions {
    /// Reads a table pair in the shipped format; None when a row does not fit it.
    pub fn from_tables(jeugdregios: &str, gemeenten: &str) -> Option<Regions> {
        let rows = |text: &str| -> Option<Vec<csv::StringRecord>> {
            csv::Reader::from_reader(text.as_bytes()).records().collect::<Result<_, _>>().ok()
        };
        let jeugdregios: Vec<Jeugdregio> = rows(jeugdregios)?
            .iter()
            .map(|r| {
                let landsdeel = Landsdeel::parse(&r.get(2)?.replace('+', " en "))?;
                Some(Jeugdregio { code: r.get(0)?.to_string(), name: r.get(1)?.to_string(), landsdeel })
            })
            .collect::<Option<_>>()?;
        let gemeenten: Vec<Gemeente> = rows(gemeenten)?
            .iter()
            .map(|r| {
                let code = r.get(3)?;
                let jeugdregio = jeugdregios.iter().position(|j| j.code == code)?;
                Some(Gemeente { code: r.get(0)?.to_string(), name: r.get(1)?.to_string(), jeugdregio })
            })
            .collect::<Option<_>>()?;
        let mut gemeente_by_key = HashMap::new();
        let mut jeugdregio_by_key = HashMap::new();
        for (i, j) in jeugdregios.iter().enumerate() {
            for name in names(&j.name) {
                jeugdregio_by_key.entry(key(&name)).or_insert(i);
            }
            jeugdregio_by_key.insert(key(&j.code), i);
        }
        // A short name ("Bergen" without its province) only where it is one gemeente's.
        let mut short_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, g) in gemeenten.iter().enumerate() {
            gemeente_by_key.insert(key(&g.name), i);
            short_names.entry(key(&without_brackets(&g.name))).or_default().push(i);
        }
        for (k, list) in short_names {
            if let [i] = list[..] {
                gemeente_by_key.entry(k).or_insert(i);
            }
        }
        for (alias, code) in GEMEENTE_ALIASES {
            if let Some(i) = gemeenten.iter().position(|g| g.code == code) {
                gemeente_by_key.insert(key(alias), i);
            }
        }
        Some(Regions { gemeenten, jeugdregios, gemeente_by_key, jeugdregio_by_key })
    }

    /// The gemeente a text names: `GM0363`, `0363`, `363` or a name (case, accents, spacing,
    /// `'s-` and a province in brackets ignored).
    ///
    /// ```
    /// use lta_core::regions;
    /// let r = regions();
    /// for s in ["GM0363", "gm0363", "0363", "363", "Amsterdam", " AMSTERDAM "] {
    ///     assert_eq!(r.gemeente(s).unwrap().name, "Amsterdam", "{s}");
    /// }
    /// assert_eq!(r.gemeente("s-Hertogenbosch").unwrap().code, "GM0796");
    /// assert_eq!(r.gemeente("Sudwest Fryslan").unwrap().code, "GM1900");
    /// assert!(r.gemeente("Bergen").is_none()); // Bergen (NH.) or Bergen (L.)
    /// ```
    pub fn gemeente(&self, raw: &str) -> Option<&Gemeente> {
        self.gemeente_index(raw).map(|i| &self.gemeenten[i])
    }

    /// The index in [`Regions::gemeenten`] of the gemeente a text names (as [`Regions::gemeente`]).
    pub fn gemeente_index(&self, raw: &str) -> Option<usize> {
        let s = raw.trim();
        let digits = s.strip_prefix("GM").or_else(|| s.strip_prefix("gm")).unwrap_or(s);
        if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let code = format!("GM{:04}", digits.parse::<u16>().ok()?);
            return self.gemeenten.iter().position(|g| g.code == code);
        }
        let k = key(s);
        let k = k.strip_prefix("gemeente").filter(|rest| !rest.is_empty()).unwrap_or(&k);
        self.gemeente_by_key.get(k).copied()
    }

    /// The jeugdregio a text names: `JZ13` or its name (also the names in and outside brackets).
    ///
    /// ```
    /// use lta_core::{Landsdeel, regions};
    /// assert_eq!(regions().jeugdregio("JZ13").unwrap().name, "Amsterdam-Amstelland");
    /// assert_eq!(regions().jeugdregio("Hart van Brabant").unwrap().landsdeel, Landsdeel::BZ);
    /// ```
    pub fn jeugdregio(&self, raw: &str) -> Option<&Jeugdregio> {
        self.jeugdregio_index(raw).map(|i| &self.jeugdregios[i])
    }

    /// The index in [`Regions::jeugdregios`] of the jeugdregio a text names.
    pub fn jeugdregio_index(&self, raw: &str) -> Option<usize> {
        self.jeugdregio_by_key.get(&key(raw)).copied()
    }

    /// The landsdeel of a gemeente.
    pub fn landsdeel_of(&self, g: &Gemeente) -> Landsdeel {
        self.jeugdregios[g.jeugdregio].landsdeel
    }
}

/// A name, and where it has brackets the names outside and inside them
/// ("Midden-Brabant (Hart van Brabant)").
fn names(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string(), without_brackets(name)];
    if let (Some(a), Some(b)) = (name.find('('), name.rfind(')')) {
        out.push(name[a + 1..b].to_string());
    }
    out
}

fn without_brackets(name: &str) -> String {
    name.split('(').next().unwrap_or(name).trim().to_string()
}

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
    use super::*;

    #[test]
    fn the_table_is_complete_and_consistent() {
        let r = regions();
        assert_eq!((r.gemeenten.len(), r.jeugdregios.len()), (342, 42));
        // Each jeugdregio's count of gemeenten, and each gemeente's landsdeel, as the table says.
        let counts: Vec<csv::StringRecord> = csv::Reader::from_reader(JEUGDREGIOS.as_bytes()).records().map(Result::unwrap).collect();
        for (i, row) in counts.iter().enumerate() {
            let n = r.gemeenten.iter().filter(|g| g.jeugdregio == i).count();
            assert_eq!(n.to_string(), &row[3], "{}", &row[0]);
        }
        for row in csv::Reader::from_reader(GEMEENTEN.as_bytes()).records().map(Result::unwrap) {
            let g = r.gemeente(&row[0]).unwrap();
            assert_eq!(r.landsdeel_of(g), Landsdeel::parse(&row[5].replace('+', " en ")).unwrap(), "{}", &row[1]);
            // Every name finds its own gemeente back.
            assert_eq!(r.gemeente(&row[1]).unwrap().code, &row[0]);
        }
        let codes: std::collections::HashSet<_> = r.gemeenten.iter().map(|g| &g.code).collect();
        assert_eq!(codes.len(), 342);
    }

    #[test]
    fn the_five_cross_border_gemeenten_are_in_gelderland() {
        for name in ["Zeewolde", "Veenendaal", "Rhenen", "Renswoude", "Mook en Middelaar"] {
            let g = regions().gemeente(name).unwrap();
            assert_eq!(regions().landsdeel_of(g), Landsdeel::GE, "{name}");
        }
    }

    #[test]
    fn every_limburg_jeugdregio() {
        let li: Vec<&str> = regions().jeugdregios.iter().filter(|j| j.landsdeel == Landsdeel::LI).map(|j| j.name.as_str()).collect();
        assert_eq!(li, ["Noord-Limburg", "Zuid-Limburg", "Midden-Limburg Oost", "Midden-Limburg West"]);
    }

    #[test]
    fn names_with_province_and_s_forms() {
        let r = regions();
        assert_eq!(r.gemeente("Bergen (NH.)").unwrap().code, "GM0373");
        assert_eq!(r.gemeente("Bergen NH").unwrap().code, "GM0373");
        assert_eq!(r.gemeente("'s-Gravenhage").unwrap().code, "GM0518");
        assert_eq!(r.gemeente("Den Haag").unwrap().code, "GM0518");
        assert_eq!(r.gemeente("Gemeente Utrecht").unwrap().code, "GM0344");
        assert!(r.gemeente("GM9999").is_none() && r.gemeente("Atlantis").is_none());
    }
}

#[cfg(test)]
mod key_tests {
    #[test]
    fn keys_ignore_accents_case_and_punctuation() {
        assert_eq!(super::key("Cliëntnummer"), "clientnummer");
        assert_eq!(super::key(" client_Nummer "), "clientnummer");
        assert_eq!(super::key("'s-Hertogenbosch"), "shertogenbosch");
        assert_eq!(super::key("Súdwest-Fryslân"), "sudwestfryslan");
    }
}
