//! Aanbieders: per period, area (the nation, a landsdeel, a jeugdregio), perceel and provider, the
//! youth, trajectories and euros of records that name their provider (`aanbieder`). Counted
//! from the records by `protect/providers.rs`, through the cell-key method's one accumulator.
//! Under the method, providers shown without youth are one row, "overige aanbieders"
//! ([`OTHER_PROVIDERS`]), a cell of its own: a provider's row never tells that it saw a youth or
//! two (docs/disclosure.md).

use std::collections::BTreeMap;

use crate::model::csv_text::{quote, read_fixed, valid_period, FirstLines};
use crate::model::cube::PerceelNames;
use crate::model::error::{DataError, ErrorKind};
use crate::model::flow::Area;
use crate::model::key::{dimension, TOTAAL};
use crate::model::measure::Measures;
use crate::model::notice::Parsed;

/// The columns of a provider file (`aanbieders.csv`).
pub const PROVIDER_COLUMNS: [&str; 7] = ["periode", "gebied", "perceel", "aanbieder", "trajecten", "jeugdigen", "volume_eur"];

/// The row of the providers shown without youth under the cell-key method, together.
pub const OTHER_PROVIDERS: &str = "overige aanbieders";

/// Where a provider's cell is: period, area, perceel (`None`: every perceel) and provider.
pub type ProviderKey = (String, Area, Option<String>, String);

/// Every provider's cells the data has (only where it has records).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Providers {
    cells: BTreeMap<ProviderKey, Measures>,
}

impl Providers {
    /// The providers with figures in a period, area and perceel, each with its measures, in
    /// code order.
    pub fn of(&self, periode: &str, area: Area, perceel: Option<&str>) -> Vec<(&str, Measures)> {
        self.cells
            .iter()
            .filter(|((p, a, q, _), _)| p == periode && *a == area && q.as_deref() == perceel)
            .map(|((_, _, _, name), m)| (name.as_str(), *m))
            .collect()
    }

    /// Sets a cell (counted from records, `protect/providers.rs`).
    pub(crate) fn insert(&mut self, key: ProviderKey, measures: Measures) {
        self.cells.insert(key, measures);
    }

    /// The cells as a provider file.
    pub fn to_csv(&self) -> String {
        let mut out = PROVIDER_COLUMNS.join(",") + "\n";
        for ((periode, area, perceel, provider), m) in &self.cells {
            let perceel = perceel.as_deref().unwrap_or(TOTAAL);
            let provider = quote(provider, ',');
            out += &format!("{periode},{},{perceel},{provider},{},{},{}\n", area.code(), m.trajecten.to_csv(), m.jeugdigen.to_csv(), m.volume_eur.to_csv());
        }
        out
    }

    /// Reads a provider file (docs/data-format.md).
    pub fn parse(bytes: &[u8], file: &str, percelen: &PerceelNames) -> Result<Parsed<Providers>, DataError> {
        let mut out = Providers::default();
        let mut first_lines = FirstLines::new();
        let notices = read_fixed(bytes, file, &PROVIDER_COLUMNS, |row| {
            let (field, err) = (|i| row.field(i), |kind, i| row.error(kind, i));
            let periode = field(0).trim().to_ascii_uppercase();
            if !valid_period(&periode) {
                return Err(err(ErrorKind::BadPeriod, 0));
            }
            let area = Area::parse(field(1)).ok_or_else(|| err(ErrorKind::UnknownCode, 1))?;
            let perceel = dimension(field(2), |s| percelen.resolve(s)).ok_or_else(|| err(ErrorKind::UnknownCode, 2))?;
            let provider = field(3).trim().to_string();
            if provider.is_empty() {
                return Err(err(ErrorKind::MissingValue, 3));
            }
            let measures = row.measures(4)?;
            let key = (periode, area, perceel, provider);
            if let Some(first_line) = first_lines.earlier(key.clone(), row.line) {
                return Err(err(ErrorKind::DuplicateRow { first_line }, 3));
            }
            out.cells.insert(key, measures);
            Ok(())
        })?;
        Ok(Parsed { value: out, notices })
    }
}
