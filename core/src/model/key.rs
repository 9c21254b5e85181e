//! The address of a cube cell and how its dimension values are read: one period, landsdeel,
//! perceel and referrer each, or TOTAAL. The cube (`cube.rs`) and the cells per region
//! (`regio.rs`) both use it.

use crate::model::code::{fold, Landsdeel, Verwijzer};

/// The dimension value that means "all values of this dimension".
pub const TOTAAL: &str = "TOTAAL";

/// The address of one cube cell; `None` means TOTAAL.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Key {
    /// `YYYY`, `YYYY-Qn` or `YYYY-Hn`.
    pub periode: Option<String>,
    /// The landsdeel.
    pub landsdeel: Option<Landsdeel>,
    /// The perceel code, as the dataset defines it.
    pub perceel: Option<String>,
    /// The referrer category.
    pub verwijzer: Option<Verwijzer>,
}

impl Key {
    /// The national total of one period.
    pub fn total(periode: &str) -> Key {
        Key { periode: Some(periode.to_string()), ..Key::default() }
    }
    /// The same key, for one landsdeel.
    pub fn landsdeel(mut self, l: Landsdeel) -> Key {
        self.landsdeel = Some(l);
        self
    }
    /// The same key, for one perceel.
    pub fn perceel(mut self, p: &str) -> Key {
        self.perceel = Some(p.to_string());
        self
    }
    /// The same key, for one referrer.
    pub fn verwijzer(mut self, v: Verwijzer) -> Key {
        self.verwijzer = Some(v);
        self
    }
}

/// The perceel codes a dataset defines, with the labels a file may carry instead of a code.
#[derive(Debug, Clone, Default)]
pub struct PerceelNames {
    known: Vec<(String, Vec<String>)>,
    open: bool,
}

impl PerceelNames {
    /// Codes with their labels; an empty list accepts any perceel (a local file with no manifest).
    pub fn new(known: Vec<(String, Vec<String>)>) -> Self {
        PerceelNames { known, open: false }
    }

    /// The same names, also accepting any other value as a code of its own: for a local file,
    /// which may define percelen the published manifest does not know.
    pub fn open(mut self) -> Self {
        self.open = true;
        self
    }

    /// The code for a code or a label ("GGZ" and "GGz" are the same), or None when unknown.
    pub fn resolve(&self, raw: &str) -> Option<String> {
        if self.known.is_empty() {
            return Some(raw.trim().to_string());
        }
        let key = fold(raw);
        let known = self.known.iter().find(|(code, labels)| fold(code) == key || labels.iter().any(|l| fold(l) == key));
        match known {
            Some((code, _)) => Some(code.clone()),
            None if self.open && !raw.trim().is_empty() => Some(raw.trim().to_string()),
            None => None,
        }
    }
}

/// A dimension value: `TOTAAL` → `Some(None)`, a known value → `Some(Some(v))`, unknown → `None`.
pub(crate) fn dimension<T>(raw: &str, read: impl FnOnce(&str) -> Option<T>) -> Option<Option<T>> {
    let s = raw.trim();
    if s.eq_ignore_ascii_case(TOTAAL) {
        Some(None)
    } else if s.is_empty() {
        None
    } else {
        read(s).map(Some)
    }
}

