//! The fixed codes of the domain: the 8 landsdelen and the referrer categories.
//! Perceel codes are not here: the set changes between years, so it comes from each dataset.

/// One of the 8 supra-regional areas of the BEN's (domain.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Landsdeel {
    /// Noord-Holland
    NH,
    /// Utrecht, Flevoland
    UF,
    /// Brabant, Zeeland
    BZ,
    /// Limburg
    LI,
    /// Zuid-West (Zuid-Holland)
    ZW,
    /// Gelderland
    GE,
    /// Overijssel
    OV,
    /// Noord-Nederland (Groningen, Friesland, Drenthe)
    NN,
}

impl Landsdeel {
    /// All landsdelen, in the order of domain.md.
    pub const ALL: [Landsdeel; 8] = [
        Self::NH,
        Self::UF,
        Self::BZ,
        Self::LI,
        Self::ZW,
        Self::GE,
        Self::OV,
        Self::NN,
    ];

    /// The code used in data files.
    pub fn code(self) -> &'static str {
        match self {
            Self::NH => "NH",
            Self::UF => "UF",
            Self::BZ => "BZ",
            Self::LI => "LI",
            Self::ZW => "ZW",
            Self::GE => "GE",
            Self::OV => "OV",
            Self::NN => "NN",
        }
    }

    /// The name as the source and the boundary file (`name` property) spell it.
    pub fn name(self) -> &'static str {
        match self {
            Self::NH => "Noord-Holland",
            Self::UF => "Utrecht, Flevoland",
            Self::BZ => "Brabant, Zeeland",
            Self::LI => "Limburg",
            Self::ZW => "Zuid-West",
            Self::GE => "Gelderland",
            Self::OV => "Overijssel",
            Self::NN => "Noord-Nederland",
        }
    }

    /// The BEN of this landsdeel, where the source names one.
    pub fn ben(self) -> Option<&'static str> {
        match self {
            Self::NH => Some("BEN Noord-Holland"),
            Self::UF => None,
            Self::BZ => Some("BEN Brabant/Zeeland"),
            Self::LI => Some("BEN Limburg"),
            Self::ZW => Some("BREN Zuid-Holland (Zuid-West)"),
            Self::GE => Some("BEN Gelderland"),
            Self::OV => Some("BEN Overijssel"),
            Self::NN => Some("JENN"),
        }
    }

    /// Reads a code, a name or a well-known spelling variant ("Brabant en Zeeland", "Zuid-Holland").
    ///
    /// ```
    /// use lta_core::Landsdeel;
    /// assert_eq!(Landsdeel::parse("zw"), Some(Landsdeel::ZW));
    /// assert_eq!(Landsdeel::parse("Zuid-Holland"), Some(Landsdeel::ZW));
    /// assert_eq!(Landsdeel::parse("Brabant en Zeeland"), Some(Landsdeel::BZ));
    /// assert_eq!(Landsdeel::parse("Atlantis"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Landsdeel> {
        let key = fold(text);
        Self::ALL.into_iter().find(|l| {
            fold(l.code()) == key || fold(l.name()) == key || l.aliases().iter().any(|a| fold(a) == key)
        })
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::NH => &[],
            Self::UF => &["Utrecht en Flevoland", "Utrecht/Flevoland", "Utrecht-Flevoland"],
            Self::BZ => &["Brabant en Zeeland", "Brabant/Zeeland", "Noord-Brabant, Zeeland", "Brabant-Zeeland"],
            Self::LI => &[],
            Self::ZW => &["Zuid-Holland", "Zuidwest", "Zuid West"],
            Self::GE => &[],
            Self::OV => &[],
            Self::NN => &["Noord Nederland", "Groningen, Friesland, Drenthe"],
        }
    }
}

/// Who referred the child: the categories of CBS Beleidsinformatie Jeugd.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verwijzer {
    /// gemeentelijke toegang
    Gemeente,
    /// huisarts (including out-of-hours crisis teams and POH-GGZ)
    Huisarts,
    /// jeugdarts
    Jeugdarts,
    /// gecertificeerde instelling
    Gi,
    /// medisch specialist
    MedischSpecialist,
    /// rechter, officier van justitie, justitiële jeugdinrichting
    RechterOvj,
    /// geen verwijzer / zelfverwijzing
    Geen,
    /// verwijzer onbekend
    Onbekend,
}

impl Verwijzer {
    /// All referrer categories.
    pub const ALL: [Verwijzer; 8] = [
        Self::Gemeente,
        Self::Huisarts,
        Self::Jeugdarts,
        Self::Gi,
        Self::MedischSpecialist,
        Self::RechterOvj,
        Self::Geen,
        Self::Onbekend,
    ];

    /// The code used in data files.
    pub fn code(self) -> &'static str {
        match self {
            Self::Gemeente => "gemeente",
            Self::Huisarts => "huisarts",
            Self::Jeugdarts => "jeugdarts",
            Self::Gi => "gi",
            Self::MedischSpecialist => "medisch-specialist",
            Self::RechterOvj => "rechter-ovj",
            Self::Geen => "geen",
            Self::Onbekend => "onbekend",
        }
    }

    /// Reads a code or a well-known label.
    ///
    /// ```
    /// use lta_core::Verwijzer;
    /// assert_eq!(Verwijzer::parse("Medisch specialist"), Some(Verwijzer::MedischSpecialist));
    /// assert_eq!(Verwijzer::parse("zelfverwijzing"), Some(Verwijzer::Geen));
    /// assert_eq!(Verwijzer::parse("tandarts"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Verwijzer> {
        let key = fold(text);
        Self::ALL
            .into_iter()
            .find(|v| fold(v.code()) == key || v.aliases().iter().any(|a| fold(a) == key))
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Gemeente => &["gemeentelijke toegang"],
            Self::Huisarts => &[],
            Self::Jeugdarts => &[],
            Self::Gi => &["gecertificeerde instelling"],
            Self::MedischSpecialist => &["medisch specialist"],
            Self::RechterOvj => &["rechter", "rechter/ovj", "rechter, officier van justitie"],
            Self::Geen => &["geen verwijzer", "zelfverwijzing", "geen verwijzer/zelfverwijzing"],
            Self::Onbekend => &["verwijzer onbekend"],
        }
    }
}

/// Case, spacing and "GGZ"/"GGz"-style differences do not make a different code. Case is ASCII
/// case (labels are Dutch and English words; Unicode case tables would cost the wasm ~10 KB gzip).
pub(crate) fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_and_name_reads_back() {
        for l in Landsdeel::ALL {
            assert_eq!(Landsdeel::parse(l.code()), Some(l));
            assert_eq!(Landsdeel::parse(l.name()), Some(l));
            for a in l.aliases() {
                assert_eq!(Landsdeel::parse(a), Some(l), "{a}");
            }
        }
        for v in Verwijzer::ALL {
            assert_eq!(Verwijzer::parse(v.code()), Some(v));
            assert_eq!(Verwijzer::parse(&v.code().to_ascii_uppercase()), Some(v));
        }
    }

    #[test]
    fn brabant_zeeland_spellings() {
        for s in ["Brabant, Zeeland", "brabant en zeeland", "  BZ ", "Brabant  en Zeeland"] {
            assert_eq!(Landsdeel::parse(s), Some(Landsdeel::BZ), "{s}");
        }
    }
}
