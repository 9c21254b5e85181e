//! All youth per landsdeel (CBS), the denominator of per-1,000 rates.

use std::collections::HashMap;

use crate::model::code::Landsdeel;
use crate::model::csv_text::{parse_cell, read_fixed, valid_period};
use crate::model::cube::Parsed;
use crate::model::error::{DataError, ErrorKind};
use crate::model::measure::Cell;

const COLUMNS: [&str; 3] = ["periode", "landsdeel", "jeugdigen_totaal"];

/// All youth per periode and landsdeel. Unlike unique LTA youth, these counts are additive
/// (every child lives in one landsdeel on the reference date), so the national figure is their sum.
#[derive(Debug, Clone, Default)]
pub struct Population {
    youth: HashMap<(String, Landsdeel), f64>,
}

impl Population {
    /// Reads a population CSV: `periode, landsdeel, jeugdigen_totaal`.
    ///
    /// ```
    /// use lta_core::{Landsdeel, Population};
    /// let p = Population::parse(b"periode,landsdeel,jeugdigen_totaal\n2023,UF,399065\n", "p.csv").unwrap().value;
    /// assert_eq!(p.landsdeel("2023", Landsdeel::UF), Some(399065.0));
    /// ```
    pub fn parse(bytes: &[u8], file: &str) -> Result<Parsed<Population>, DataError> {
        let mut youth = HashMap::new();
        let notices = read_fixed(bytes, file, &COLUMNS, |row| {
            let field = |i: usize| row.field(i).trim();
            let err = |kind, i: usize| row.table.cell_error(kind, row.line, COLUMNS[i], field(i));
            let periode = field(0).to_ascii_uppercase();
            if !valid_period(&periode) {
                return Err(err(ErrorKind::BadPeriod, 0));
            }
            let landsdeel = Landsdeel::parse(field(1)).ok_or_else(|| err(ErrorKind::UnknownCode, 1))?;
            let n = match parse_cell(field(2), row.table.delimiter, true) {
                Ok(Cell::Exact(n)) => n,
                Ok(_) => return Err(err(ErrorKind::BadNumber, 2)),
                Err(kind) => return Err(err(kind, 2)),
            };
            if let Some((_, first_line)) = youth.insert((periode, landsdeel), (n, row.line)) {
                return Err(err(ErrorKind::DuplicateRow { first_line }, 1));
            }
            Ok(())
        })?;
        let youth = youth.into_iter().map(|(k, (n, _line))| (k, n)).collect();
        Ok(Parsed { value: Population { youth }, notices })
    }

    /// The population as a CSV file, periods and landsdelen in order.
    ///
    /// ```
    /// use lta_core::Population;
    /// let csv = "periode,landsdeel,jeugdigen_totaal\n2023,NH,10\n2023,UF,399065\n";
    /// assert_eq!(Population::parse(csv.as_bytes(), "p.csv").unwrap().value.to_csv(), csv);
    /// ```
    pub fn to_csv(&self) -> String {
        let mut rows: Vec<(&String, usize, f64)> = self
            .youth
            .iter()
            .map(|((p, l), n)| (p, Landsdeel::ALL.iter().position(|x| x == l).unwrap_or(0), *n))
            .collect();
        crate::model::order::sort_by(&mut rows, &|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut out = COLUMNS.join(",") + "\n";
        for (p, l, n) in rows {
            out += &format!("{p},{},{}\n", Landsdeel::ALL[l].code(), crate::model::fixed::fixed_round_trip(n));
        }
        out
    }

    /// All youth in one landsdeel.
    pub fn landsdeel(&self, periode: &str, l: Landsdeel) -> Option<f64> {
        self.youth.get(&(periode.to_string(), l)).copied()
    }

    /// All youth in the country: the sum of the 8 landsdelen, when all 8 are known.
    pub fn national(&self, periode: &str) -> Option<f64> {
        Landsdeel::ALL.iter().map(|&l| self.landsdeel(periode, l)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_needs_all_eight() {
        let mut csv = String::from("periode;landsdeel;jeugdigen_totaal\n");
        for l in Landsdeel::ALL {
            csv.push_str(&format!("2023;{};100\n", l.code()));
        }
        csv.push_str("2022;ZW;5\n");
        let p = Population::parse(csv.as_bytes(), "p.csv").unwrap().value;
        assert_eq!(p.national("2023"), Some(800.0));
        assert_eq!(p.national("2022"), None);
    }

    #[test]
    fn a_duplicate_names_the_first_line() {
        let e = Population::parse(b"periode;landsdeel;jeugdigen_totaal\n2023;UF;1\n2023;ZW;2\n2023;Utrecht, Flevoland;3\n", "p.csv").unwrap_err();
        assert_eq!((e.kind, e.position.line), (ErrorKind::DuplicateRow { first_line: 2 }, Some(4)));
    }

    #[test]
    fn a_secret_population_is_an_error() {
        let e = Population::parse(b"periode,landsdeel,jeugdigen_totaal\n2023,ZW,x\n", "p.csv").unwrap_err();
        assert_eq!((e.kind, e.position.line), (ErrorKind::BadNumber, Some(2)));
    }
}
