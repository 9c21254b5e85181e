//! The calendar of periods: days counted from 1970-01-01 and the first and last day of a period
//! code (`2024`, `2024-H2`, `2024-Q3`).

/// The day counted from 1970-01-01 of a year, month and day (days-from-civil, H. Hinnant).
///
/// ```
/// assert_eq!(lta_core::days_from_civil(2023, 12, 4), 19_695);
/// ```
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Year, month and day of a day counted from 1970-01-01 (civil-from-days, H. Hinnant).
///
/// ```
/// assert_eq!(lta_core::civil_from_days(19_695), (2023, 12, 4));
/// ```
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month as u32, day as u32)
}

/// The first and last day of a period code (`2024`, `2024-H2`, `2024-Q3`).
pub(crate) fn period_days(code: &str) -> Option<(i32, i32)> {
    let year: i64 = code.get(..4)?.parse().ok()?;
    let (first, months) = match code.get(5..6) {
        None => (1, 12),
        Some("H") => (1 + 6 * (code.get(6..)?.parse::<u32>().ok()? - 1), 6),
        Some("Q") => (1 + 3 * (code.get(6..)?.parse::<u32>().ok()? - 1), 3),
        _ => return None,
    };
    let day =
        |y: i64, m: u32| days_from_civil(y + i64::from((m - 1) / 12), (m - 1) % 12 + 1, 1) as i32;
    Some((day(year, first), day(year, first + months) - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_have_their_first_and_last_day() {
        let d = |y, m, day| days_from_civil(y, m, day) as i32;
        assert_eq!(period_days("2024"), Some((d(2024, 1, 1), d(2024, 12, 31))));
        assert_eq!(
            period_days("2024-H2"),
            Some((d(2024, 7, 1), d(2024, 12, 31)))
        );
        assert_eq!(
            period_days("2024-Q1"),
            Some((d(2024, 1, 1), d(2024, 3, 31)))
        );
        assert_eq!(
            period_days("2023-Q4"),
            Some((d(2023, 10, 1), d(2023, 12, 31)))
        );
    }
}
