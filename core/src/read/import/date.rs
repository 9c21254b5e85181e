//! Periods from dates: a record dated by its begin date falls in that date's half-year (by
//! default), quarter or year. Dates are read as `dd-mm-jjjj`, `jjjj-mm-dd`, `jjjjmmdd` (with `-`,
//! `/` or `.`) or a spreadsheet's serial day number; each form is told by where its year is, so
//! no value is read two ways.

use crate::model::period::{civil_from_days, days_from_civil};

/// Which period a date falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeriodRule {
    /// `2023-H1`, `2023-H2` (the source report's own periods).
    #[default]
    HalfYear,
    /// `2023-Q1` … `2023-Q4`.
    Quarter,
    /// `2023`.
    Year,
}

impl PeriodRule {
    /// All rules, in the order a user is offered them.
    pub const ALL: [PeriodRule; 3] = [Self::HalfYear, Self::Quarter, Self::Year];

    /// The name in a manifest's `invoer.perioden`.
    pub fn code(self) -> &'static str {
        match self {
            Self::HalfYear => "halfjaar",
            Self::Quarter => "kwartaal",
            Self::Year => "jaar",
        }
    }

    /// The rule named `code`.
    pub fn parse(code: &str) -> Option<PeriodRule> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The period code of a date, or None when the text is no date.
    ///
    /// ```
    /// use lta_core::PeriodRule;
    /// assert_eq!(PeriodRule::HalfYear.period("05-04-2023").as_deref(), Some("2023-H1"));
    /// assert_eq!(PeriodRule::Quarter.period("2023-07-01").as_deref(), Some("2023-Q3"));
    /// assert_eq!(PeriodRule::Year.period("20231231").as_deref(), Some("2023"));
    /// assert_eq!(PeriodRule::HalfYear.period("45200").as_deref(), Some("2023-H2")); // 2023-10-01
    /// assert_eq!(PeriodRule::HalfYear.period("31-02-2023"), None);
    /// ```
    pub fn period(self, raw: &str) -> Option<String> {
        let (year, month, _) = date(raw.trim())?;
        Some(match self {
            Self::HalfYear => format!("{year}-H{}", 1 + (month - 1) / 6),
            Self::Quarter => format!("{year}-Q{}", 1 + (month - 1) / 3),
            Self::Year => format!("{year}"),
        })
    }
}

/// The day of a date in one of the forms above, counted from 1970-01-01.
///
/// ```
/// use lta_core::{civil_from_days, day_number};
/// assert_eq!(day_number("04-12-2023"), Some(19_695));
/// assert_eq!(civil_from_days(day_number("2024-02-29").unwrap().into()), (2024, 2, 29));
/// assert_eq!(day_number("31-02-2023"), None);
/// ```
pub fn day_number(raw: &str) -> Option<i32> {
    let (y, m, d) = date(raw.trim())?;
    i32::try_from(days_from_civil(y.into(), m, d)).ok()
}


/// Year, month and day of a date in one of the forms above, checked against the calendar.
fn date(s: &str) -> Option<(u32, u32, u32)> {
    let num = |t: &str| (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<u32>().ok()).flatten();
    // A time after the date (`2023-04-05 00:00:00`, `2023-04-05T00:00`) is passed over.
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    // The parts in an array, not a Vec: a million records each have two dates.
    let mut split = s.split(['-', '/', '.']);
    let parts: [Option<&str>; 4] = std::array::from_fn(|_| split.next());
    let (y, m, d) = match parts {
        [Some(y), Some(m), Some(d), None] if y.len() == 4 => (num(y)?, num(m)?, num(d)?),
        [Some(d), Some(m), Some(y), None] if y.len() == 4 && d.len() <= 2 => (num(y)?, num(m)?, num(d)?),
        // All ASCII digits first: slicing a text with a multi-byte character would split it.
        [Some(whole), None, ..] if whole.len() == 8 && num(whole).is_some() => (num(&whole[..4])?, num(&whole[4..6])?, num(&whole[6..])?),
        // A spreadsheet's serial day (1900 date system, as Excel and LibreOffice write it);
        // its fraction is the time of day. Only five digits (1973-10-18 to 2173-10-14): a year
        // (`2023`) is no date, and eight digits are `jjjjmmdd` above.
        [Some(serial), None, ..] if serial.len() == 5 => return from_serial(num(serial)?),
        [Some(serial), Some(fraction), None, _] if s.contains('.') && serial.len() == 5 && num(fraction).is_some() => {
            return from_serial(num(serial)?)
        }
        _ => return None,
    };
    ((1900..=2999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date of a spreadsheet serial day: day 0 is 1899-12-30, so that day 60 is Excel's
/// (non-existent) 1900-02-29 and every day from 61 on, every date after 1900-02-28, is right.
fn from_serial(n: u32) -> Option<(u32, u32, u32)> {
    if n < 61 {
        return None;
    }
    let (year, month, day) = civil_from_days(i64::from(n) - 25_569);
    Some((u32::try_from(year).ok()?, month, day))
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_one_date() {
        for s in ["05-04-2023", "5-4-2023", "05/04/2023", "05.04.2023", "2023-04-05", "2023/04/05", "20230405", "45021", "45021.5", "2023-04-05 00:00:00", "2023-04-05T10:00"] {
            assert_eq!(date(s), Some((2023, 4, 5)), "{s}");
        }
    }

    #[test]
    fn not_dates() {
        for s in ["2023-H1", "2023", "2023é12", "202é3123", "29-02-2023", "2023-13-01", "00-01-2023", "1-1-23", "", "abc", "60", "123456789"] {
            assert_eq!(date(s), None, "{s}");
        }
        assert_eq!(date("29-02-2024"), Some((2024, 2, 29)));
    }

    #[test]
    fn serial_days_match_the_calendar_over_decades() {
        // 1900-03-01 is day 61; walk forward day by day to 2173 and compare with a simple count.
        let (mut y, mut m, mut d) = (1900, 3, 1);
        for n in 61..100_000 {
            assert_eq!(from_serial(n), Some((y, m, d)), "{n}");
            d += 1;
            if d > days_in_month(y, m) {
                (d, m) = (1, m + 1);
                if m > 12 {
                    (m, y) = (1, y + 1);
                }
            }
        }
    }

    #[test]
    fn periods_split_at_the_half_year_and_quarters() {
        assert_eq!(PeriodRule::HalfYear.period("30-06-2023").as_deref(), Some("2023-H1"));
        assert_eq!(PeriodRule::HalfYear.period("01-07-2023").as_deref(), Some("2023-H2"));
        assert_eq!(PeriodRule::Quarter.period("31-03-2023").as_deref(), Some("2023-Q1"));
        assert_eq!(PeriodRule::Quarter.period("01-10-2023").as_deref(), Some("2023-Q4"));
    }
}
