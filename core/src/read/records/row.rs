//! One row of a records file into a record: its columns read through the mapping, its region
//! split into landsdeel, jeugdregio and gemeente, its limits checked.

use super::*;

pub(crate) fn position<T: PartialEq>(all: &[T], v: Option<T>) -> Option<usize> {
    all.iter().position(|x| Some(x) == v.as_ref())
}

/// The periods a records cube has for these period values: each value, and the year of each
/// half-year or quarter. This is what [`MAX_PERIODS`] limits.
pub(crate) fn cube_periods(values: &[String]) -> usize {
    let years = values.iter().map(|v| v.get(..4).unwrap_or(v));
    let mut all: Vec<&str> = values.iter().map(String::as_str).chain(years).collect();
    crate::model::order::sort_by(&mut all, &|a, b| a.cmp(b));
    all.dedup();
    all.len()
}

/// A period code: upper case, when the text is a period.
pub(crate) fn period_code(s: &str) -> Option<String> {
    valid_period(s).then(|| s.to_ascii_uppercase())
}

/// The period of a record: its period code, or the period its date falls in.
pub(crate) fn period_of(mapping: &Mapping, from_date: bool, s: &str) -> Option<String> {
    if from_date { mapping.periods.period(s) } else { period_code(s) }
}

/// Why a row was not read: an error, a dimension over its limit (the reader then counts on), or
/// a gemeente or jeugdregio the reference table does not know (the reader then lists them all).
pub(crate) enum Refusal {
    Error(DataError),
    TooMany { column: usize, limit: usize, value: String },
    UnknownRegion,
}

/// The area a region column's text stands for: the index of its gemeente, jeugdregio or
/// landsdeel, as the column's role says.
pub(crate) fn area_of(region: Role, s: &str) -> Option<usize> {
    match region {
        Role::Gemeente => regions().gemeente_index(s),
        Role::Jeugdregio => regions().jeugdregio_index(s),
        _ => position(&Landsdeel::ALL, Landsdeel::parse(s)),
    }
}

/// An area's landsdeel, jeugdregio and gemeente (indices; [`NO_REGION`] where finer than the column).
pub(crate) fn split_area(region: Role, area: usize) -> (usize, u16, u16) {
    let r = regions();
    let landsdeel_of = |j: usize| position(&Landsdeel::ALL, Some(r.jeugdregios[j].landsdeel)).unwrap_or(0);
    match region {
        Role::Gemeente => {
            let j = r.gemeenten[area].jeugdregio;
            (landsdeel_of(j), j as u16, area as u16)
        }
        Role::Jeugdregio => (landsdeel_of(area), area as u16, NO_REGION),
        _ => (area, NO_REGION, NO_REGION),
    }
}

impl From<DataError> for Refusal {
    fn from(e: DataError) -> Self {
        Refusal::Error(e)
    }
}

/// A dimension index in the width a record stores, or the limit error when over `limit`.
pub(crate) fn narrow<T: TryFrom<usize>>(i: usize, limit: usize, column: usize, raw: &str) -> Result<T, Refusal> {
    let over = || Refusal::TooMany { column, limit, value: raw.to_string() };
    if i >= limit {
        return Err(over());
    }
    T::try_from(i).map_err(|_| over())
}

/// One row of a records file, with where it is.
pub(crate) struct Row<'r> {
    pub(crate) file: &'r str,
    pub(crate) line: u64,
    pub(crate) row: &'r csv::StringRecord,
    pub(crate) header: &'r [String],
    pub(crate) cols: &'r [usize; 6],
    pub(crate) delimiter: u8,
}

impl Row<'_> {
    pub(crate) fn field(&self, i: usize) -> &str {
        &self.row[self.cols[i]]
    }

    pub(crate) fn error(&self, kind: ErrorKind, i: usize) -> DataError {
        self.error_in(kind, self.cols[i])
    }

    /// An error in the file's column `col`, named as the file names it.
    pub(crate) fn error_in(&self, kind: ErrorKind, col: usize) -> DataError {
        DataError::new(kind, self.file).at_line(self.line).in_cell(&self.header[col], &self.row[col])
    }
}

/// The reader's dictionaries, borrowed apart from its row reader.
pub(crate) struct Dims<'d> {
    pub(crate) clients: &'d mut Texts<()>,
    pub(crate) periods: &'d mut Interner,
    pub(crate) perceel_codes: &'d mut Interner,
    pub(crate) areas: &'d mut Cached,
    pub(crate) landsdelen: &'d mut Cached,
    pub(crate) verwijzers: &'d mut Cached,
    pub(crate) dates: &'d mut Cached,
    pub(crate) providers: &'d mut Interner,
    pub(crate) percelen: &'d PerceelNames,
    pub(crate) mapping: &'d Mapping,
    pub(crate) sources: &'d Sources,
}

impl Dims<'_> {
    /// One row as a record, or the first problem in it (in column order).
    pub(crate) fn record(&mut self, at: &Row) -> Result<Record, Refusal> {
        let client_raw = at.field(0).trim();
        if client_raw.is_empty() {
            return Err(at.error(ErrorKind::MissingValue, 0).into());
        }
        let too_many_rows = || DataError::new(ErrorKind::TooManyRows { limit: MAX_ROWS }, at.file).at_line(at.line);
        let client = self.clients.entry(client_raw, |_| ()).ok_or_else(too_many_rows)?.0;
        let (mapping, from_date) = (self.mapping, self.sources.period.1);
        let period = self
            .periods
            .index(at.field(1), |s| period_of(mapping, from_date, s))
            .ok_or_else(|| at.error(if from_date { ErrorKind::BadDate } else { ErrorKind::BadPeriod }, 1))?;
        if self.periods.values.len() > self.periods.checked {
            // A new period: checked once, with the year it brings.
            if cube_periods(&self.periods.values) > MAX_PERIODS {
                return Err(Refusal::TooMany { column: 1, limit: MAX_PERIODS, value: at.field(1).to_string() });
            }
            self.periods.checked = self.periods.values.len();
        }
        let region = self.sources.region.1;
        let Some(area) = self.areas.get(at.field(2), |s| area_of(region, s)) else {
            return Err(if region == Role::Landsdeel { at.error(ErrorKind::UnknownCode, 2).into() } else { Refusal::UnknownRegion });
        };
        let (landsdeel, jeugdregio, gemeente) = split_area(region, area);
        if let Some(col) = self.sources.landsdeel {
            // A landsdeel column beside a gemeente or jeugdregio must agree with it.
            let stated = self.landsdelen.get(&at.row[col], |s| position(&Landsdeel::ALL, Landsdeel::parse(s)));
            if stated != Some(landsdeel) {
                return Err(at.error_in(ErrorKind::OtherLandsdeel, col).into());
            }
        }
        let (percelen, mapping, from_product) = (self.percelen, self.mapping, self.sources.perceel.1);
        let perceel = self
            .perceel_codes
            .index(at.field(3), |s| percelen.resolve(mapping.product(s).filter(|_| from_product).unwrap_or(s)))
            .ok_or_else(|| at.error(ErrorKind::UnknownCode, 3))?;
        let verwijzer =
            self.verwijzers.get(at.field(4), |s| position(&Verwijzer::ALL, referrer(s))).ok_or_else(|| at.error(ErrorKind::UnknownCode, 4))?;
        let euros = self.euros(at)?;
        let (begin, end) = self.dates(at)?;
        let provider = self.provider(at)?;
        Ok(Record {
            client,
            period: narrow(period, MAX_PERIODS, 1, at.field(1))?,
            landsdeel: narrow(landsdeel, Landsdeel::ALL.len(), 2, at.field(2))?,
            perceel: narrow(perceel, MAX_PERCELEN, 3, at.field(3))?,
            verwijzer: narrow(verwijzer, Verwijzer::ALL.len(), 4, at.field(4))?,
            jeugdregio,
            gemeente,
            // Exact and in range: |euros| ≤ MAX_EUROS, so the cents fit an i64 (limits.rs).
            cents: (euros * 100.0).round() as i64,
            begin,
            end,
            provider,
        })
    }

    /// The row's euros, with the sign of a debit/credit column where there is one, in range.
    pub(crate) fn euros(&mut self, at: &Row) -> Result<f64, Refusal> {
        let mut euros = self.mapping.amounts.euros(at.field(5), at.delimiter).map_err(|kind| at.error(kind, 5))?;
        if let Some(dc) = self.sources.debit_credit {
            euros *= debit_credit_sign(&at.row[dc]).ok_or_else(|| at.error_in(ErrorKind::UnknownCode, dc))?;
        }
        if euros.is_nan() || euros.abs() > MAX_EUROS as f64 {
            return Err(at.error(ErrorKind::OutOfRange { limit: MAX_EUROS }, 5).into());
        }
        Ok(euros)
    }

    /// The number of the row's provider, or [`NO_PROVIDER`] where the file names none.
    pub(crate) fn provider(&mut self, at: &Row) -> Result<u32, Refusal> {
        match self.sources.provider {
            Some(col) if !at.row[col].trim().is_empty() => {
                let i = self.providers.index(&at.row[col], |s| Some(s.to_string())).unwrap_or(0);
                u32::try_from(i).map_err(|_| Refusal::TooMany { column: col, limit: u32::MAX as usize, value: at.row[col].to_string() })
            }
            _ => Ok(NO_PROVIDER),
        }
    }

    /// The row's begin and end date, where the file has them: a begin date must be a date, an
    /// end date a date on or after it, or empty (the trajectory still runs).
    pub(crate) fn dates(&mut self, at: &Row) -> Result<(i32, i32), Refusal> {
        let mut day = |col: usize| -> Result<i32, Refusal> {
            let raw = &at.row[col];
            if raw.trim().is_empty() {
                return Ok(NO_DATE);
            }
            let day = self.dates.get(raw, |s| crate::read::import::day_number(s).map(|d| d as usize));
            day.map(|d| d as i32).ok_or_else(|| at.error_in(ErrorKind::BadDate, col).into())
        };
        let begin = match self.sources.begin {
            Some(col) => match day(col)? {
                NO_DATE => return Err(at.error_in(ErrorKind::MissingValue, col).into()),
                d => d,
            },
            None => NO_DATE,
        };
        let end = match self.sources.end {
            Some(col) => day(col)?,
            None => NO_DATE,
        };
        if let (Some(col), true) = (self.sources.end, end != NO_DATE && begin != NO_DATE && end < begin) {
            return Err(at.error_in(ErrorKind::EndBeforeBegin, col).into());
        }
        Ok((begin, end))
    }

}
