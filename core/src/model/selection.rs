//! What the user has narrowed the data to: a period and, optionally, one landsdeel, perceel and
//! referrer. Every view shows its own dimension within the other dimensions' choices, so a click
//! on Zuid-West makes Percelen show the percelen of Zuid-West.

use crate::model::code::{Landsdeel, Verwijzer};
use crate::model::cube::Key;

/// A period with the chosen dimension values (`None`: all).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// The period.
    pub periode: String,
    /// The chosen landsdeel.
    pub landsdeel: Option<Landsdeel>,
    /// The chosen perceel code.
    pub perceel: Option<String>,
    /// The chosen referrer.
    pub verwijzer: Option<Verwijzer>,
}

/// A dimension of the cube, other than the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Landsdelen.
    Landsdeel,
    /// Percelen.
    Perceel,
    /// Referrers.
    Verwijzer,
}

impl Dimension {
    /// The dimension's name in data files and manifests (`labels`).
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Landsdeel => "landsdeel",
            Dimension::Perceel => "perceel",
            Dimension::Verwijzer => "verwijzer",
        }
    }
}

impl From<&str> for Selection {
    fn from(periode: &str) -> Self {
        Selection { periode: periode.to_string(), ..Selection::default() }
    }
}

impl Selection {
    /// The cell of the whole selection.
    pub fn key(&self) -> Key {
        Key {
            periode: Some(self.periode.clone()),
            landsdeel: self.landsdeel,
            perceel: self.perceel.clone(),
            verwijzer: self.verwijzer,
        }
    }

    /// The cell of the selection with one dimension left free: the total a view of that
    /// dimension sets its rows against.
    ///
    /// ```
    /// use lta_core::{Dimension, Selection};
    /// use lta_core::{Key, Landsdeel};
    /// let s = Selection { landsdeel: Some(Landsdeel::ZW), perceel: Some("UMC".into()), ..Selection::from("2023") };
    /// assert_eq!(s.without(Dimension::Landsdeel), Key::total("2023").perceel("UMC"));
    /// ```
    pub fn without(&self, d: Dimension) -> Key {
        let mut key = self.key();
        match d {
            Dimension::Landsdeel => key.landsdeel = None,
            Dimension::Perceel => key.perceel = None,
            Dimension::Verwijzer => key.verwijzer = None,
        }
        key
    }

    /// The chosen value of a dimension, as a code.
    pub fn chosen(&self, d: Dimension) -> Option<String> {
        match d {
            Dimension::Landsdeel => self.landsdeel.map(|l| l.code().to_string()),
            Dimension::Perceel => self.perceel.clone(),
            Dimension::Verwijzer => self.verwijzer.map(|v| v.code().to_string()),
        }
    }

    /// True when a dimension other than `d` is narrowed: `d`'s total is then not national.
    pub fn narrows_besides(&self, d: Dimension) -> bool {
        self.without(d) != Key::total(&self.periode)
    }
}
