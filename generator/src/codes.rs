//! The codes a record carries (data-contract kind 2), in the order of domain.md.

use std::fmt;

// Landsdelen and referrers are the dashboard's own codes, in the order of domain.md.
pub use lta_core::{Landsdeel, Verwijzer};

/// One of the 14 percelen of 2023, in the row order of Tabel 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Perceel {
    /// Topklinische GGz
    TKGGZ,
    /// J-SGLVB
    JSGLVB,
    /// Diagnostiek Observatie & Exploratieve behandeling
    DOE,
    /// UMC's
    UMC,
    /// ARFID en onzindelijkheid
    ARFID,
    /// Academische behandelcentra
    ABC,
    /// Seksuele uitbuiting en eergerelateerd geweld
    SUEG,
    /// Intensieve behandeling autisme
    IBA,
    /// ZIKOS (left the LTA on 1 July 2024)
    ZIKOS,
    /// Jeugdhulp zintuiglijk beperkten
    ZINT,
    /// Gastplaatsingen High Intensive Care
    HIC,
    /// Landelijk werkende klinieken voor gezinspsychiatrie
    GEZPS,
    /// Overbruggingsregeling
    OVERB,
    /// Jeugd GGZ voor chromosomale gebonden genetische syndromen
    CGS,
}

impl Perceel {
    pub const ALL: [Perceel; 14] = [
        Self::TKGGZ,
        Self::JSGLVB,
        Self::DOE,
        Self::UMC,
        Self::ARFID,
        Self::ABC,
        Self::SUEG,
        Self::IBA,
        Self::ZIKOS,
        Self::ZINT,
        Self::HIC,
        Self::GEZPS,
        Self::OVERB,
        Self::CGS,
    ];

    pub fn code(self) -> &'static str {
        [
            "TKGGZ", "JSGLVB", "DOE", "UMC", "ARFID", "ABC", "SUEG", "IBA", "ZIKOS", "ZINT", "HIC",
            "GEZPS", "OVERB", "CGS",
        ][self as usize]
    }
}

/// A half-year, e.g. `2023-H1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Periode {
    pub year: u16,
    /// 1 or 2.
    pub half: u8,
}

impl fmt::Display for Periode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-H{}", self.year, self.half)
    }
}
