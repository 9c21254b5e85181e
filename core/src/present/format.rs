//! Numbers as a Dutch or British reader writes them: `9.722`, `€ 194.078.629`, `4,4` in Dutch;
//! `9,722`, `€194,078,629`, `4.4` in English.

use crate::model::fixed::fixed;
use crate::texts::i18n::{Lang, Text};
use crate::model::measure::Cell;

/// How a number is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A whole count: youth, trajectories.
    Count,
    /// Whole euros.
    Euro,
    /// One decimal, e.g. youth per 1,000.
    Decimal1,
    /// Two decimals, e.g. trajectories per youth.
    Decimal2,
    /// A share (0..1) as a percentage with one decimal.
    Percent,
    /// Whole weeks (a duration); an unpublished cell is one not reached.
    Weeks,
}

/// Formats a format_number.
///
/// ```
/// use lta_core::{Lang, Unit, format_number};
/// assert_eq!(format_number(9722.0, Unit::Count, Lang::Nl), "9.722");
/// assert_eq!(format_number(194078629.0, Unit::Euro, Lang::Nl), "€ 194.078.629");
/// assert_eq!(format_number(194078629.0, Unit::Euro, Lang::En), "€194,078,629");
/// assert_eq!(format_number(4.3878, Unit::Decimal1, Lang::Nl), "4,4");
/// assert_eq!(format_number(0.34, Unit::Percent, Lang::En), "34.0%");
/// ```
pub fn format_number(n: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Count | Unit::Weeks => grouped(n, 0, lang),
        Unit::Euro => {
            let digits = grouped(n.abs(), 0, lang);
            let sign = if n.round() < 0.0 { "-" } else { "" };
            match lang {
                Lang::Nl => format!("€ {sign}{digits}"),
                Lang::En => format!("{sign}€{digits}"),
            }
        }
        Unit::Decimal1 => grouped(n, 1, lang),
        Unit::Decimal2 => grouped(n, 2, lang),
        Unit::Percent => format!("{}%", grouped(n * 100.0, 1, lang)),
    }
}

/// Formats a format_cell: `≈` before approximate values, shown with no more precision than their
/// source gave (see [`format_approx`]; large amounts in millions), and words for secret and
/// unpublished cells.
///
/// ```
/// use lta_core::{Cell, Lang, Unit, format_cell};
/// assert_eq!(format_cell(Cell::Approx(1_500_000.0), Unit::Euro, Lang::Nl), "≈ € 1,5 mln");
/// assert_eq!(format_cell(Cell::Approx(5_822_359.0), Unit::Euro, Lang::En), "≈ €5.8 million");
/// assert_eq!(format_cell(Cell::Approx(0.029885), Unit::Percent, Lang::Nl), "≈ 3%");
/// assert_eq!(format_cell(Cell::Approx(5576.0), Unit::Count, Lang::En), "≈ 5,576");
/// assert_eq!(format_cell(Cell::NotPublished, Unit::Euro, Lang::Nl), "niet gepubliceerd");
/// assert_eq!(format_cell(Cell::NotPublished, Unit::Weeks, Lang::En), "not reached");
/// ```
pub fn format_cell(c: Cell, unit: Unit, lang: Lang) -> String {
    match c {
        Cell::Exact(n) => format_number(n, unit, lang),
        Cell::Approx(n) if unit == Unit::Euro && format_approx(n, unit).0.abs() >= 1_000_000.0 => {
            let (rounded, _) = format_approx(n, unit);
            let millions = rounded / 1_000_000.0;
            let decimals = if millions.abs() < 10.0 { 1 } else { 0 };
            let millions = grouped(millions, decimals, lang);
            match lang {
                Lang::Nl => format!("≈ € {millions} mln"),
                Lang::En => format!("≈ €{millions} million"),
            }
        }
        Cell::Approx(n) => {
            let (rounded, decimals) = format_approx(n, unit);
            match unit {
                Unit::Percent => format!("≈ {}%", grouped(rounded, decimals, lang)),
                _ => format!("≈ {}", format_number(rounded, unit, lang)),
            }
        }
        Cell::Secret => Text::Secret.get(lang).to_string(),
        // A quartile not published is one the trajectories still running did not let reach.
        Cell::NotPublished if unit == Unit::Weeks => Text::NotReached.get(lang).to_string(),
        Cell::NotPublished => Text::NotPublished.get(lang).to_string(),
    }
}

/// A difference with its sign in front, so a rise and a fall read alike in both languages:
/// `+120`, `−€ 5.000`, `≈ +3%`; unknown differences as [`format_cell`] writes them.
///
/// ```
/// use lta_core::{Cell, Lang, Unit, format_signed};
/// assert_eq!(format_signed(Cell::Exact(-5000.0), Unit::Euro, Lang::Nl), "−€ 5.000");
/// assert_eq!(format_signed(Cell::Approx(0.029), Unit::Percent, Lang::En), "≈ +3%");
/// assert_eq!(format_signed(Cell::Secret, Unit::Count, Lang::Nl), "geheim");
/// ```
pub fn format_signed(c: Cell, unit: Unit, lang: Lang) -> String {
    match c.number() {
        Some(n) if n != 0.0 => {
            let shown = format_cell(c.combine(Cell::Exact(0.0), |a, _| Some(a.abs())), unit, lang);
            let sign = if n > 0.0 { "+" } else { "−" };
            match shown.strip_prefix("≈ ") {
                Some(rest) => format!("≈ {sign}{rest}"),
                None => format!("{sign}{shown}"),
            }
        }
        _ => format_cell(c, unit, lang),
    }
}

/// An approximate value as far as it is known, for the screen and for downloads alike: the
/// value rounded to the precision shown and the decimals to show it with (a share in percent).
///
/// An approximate amount comes from a "circa" statement or from a derived figure, so it keeps
/// two significant digits (the source's "circa € 1,5 miljoen"): € 5.822.359 is € 5.800.000. A
/// share of an approximate value is a whole percent (the source's "circa 3%"); a share under
/// 0.5% keeps one significant digit, so that it never reads as "≈ 0%". Other units keep their
/// own precision: approximate counts and ratios come from ratios published to two decimals.
///
/// ```
/// use lta_core::{Unit, format_approx};
/// assert_eq!(format_approx(5_822_359.0, Unit::Euro), (5_800_000.0, 0));
/// assert_eq!(format_approx(0.029885, Unit::Percent), (3.0, 0));
/// assert_eq!(format_approx(0.0031, Unit::Percent), (0.3, 1));
/// assert_eq!(format_approx(5576.0, Unit::Count), (5576.0, 0));
/// ```
pub fn format_approx(n: f64, unit: Unit) -> (f64, usize) {
    match unit {
        Unit::Euro => (significant(n, 2), 0),
        Unit::Percent => {
            let percent = n * 100.0;
            if percent.abs() >= 0.5 || percent == 0.0 {
                (percent.round(), 0)
            } else {
                // Decimals from the rounded value: 0.0999% is "0,1%", not "0,10%".
                let rounded = significant(percent, 1);
                (rounded, (-rounded.abs().log10().floor()).max(0.0) as usize)
            }
        }
        Unit::Count | Unit::Weeks => (n, 0),
        Unit::Decimal1 => (n, 1),
        Unit::Decimal2 => (n, 2),
    }
}

/// `n` rounded to `digits` significant digits (0 stays 0).
fn significant(n: f64, digits: i32) -> f64 {
    if n == 0.0 || !n.is_finite() {
        return n;
    }
    // Multiply or divide by a whole power of ten, so that the result is exact (5.8e6, not
    // 5799999.999…).
    let shift = digits - 1 - n.abs().log10().floor() as i32;
    let scale = 10f64.powi(shift.abs());
    if shift >= 0 { (n * scale).round() / scale } else { (n / scale).round() * scale }
}

/// Digits with thousands grouping and a fixed number of decimals.
/// A number for a spreadsheet: the precision shown on screen, no thousands separators, the
/// language's decimal mark; percentages as percent numbers.
///
/// ```
/// use lta_core::{Lang, Unit, format_plain};
/// assert_eq!(format_plain(194078629.0, Unit::Euro, Lang::Nl), "194078629");
/// assert_eq!(format_plain(0.3404, Unit::Percent, Lang::Nl), "34,0");
/// assert_eq!(format_plain(4.3878, Unit::Decimal1, Lang::En), "4.4");
/// ```
pub fn format_plain(n: f64, unit: Unit, lang: Lang) -> String {
    let (n, decimals) = match unit {
        Unit::Count | Unit::Euro | Unit::Weeks => (n, 0),
        Unit::Decimal1 => (n, 1),
        Unit::Decimal2 => (n, 2),
        Unit::Percent => (n * 100.0, 1),
    };
    spreadsheet(n, decimals, lang)
}

/// A cell for a spreadsheet, with the conventions of the cube files: a number (at the precision
/// shown on screen), `~` and the number as far as it is known (see [`format_approx`]), `x` or empty.
///
/// ```
/// use lta_core::{Cell, Lang, Unit, format_plain_cell};
/// assert_eq!(format_plain_cell(Cell::Approx(5_822_359.0), Unit::Euro, Lang::Nl), "~5800000");
/// assert_eq!(format_plain_cell(Cell::Approx(0.029885), Unit::Percent, Lang::Nl), "~3");
/// assert_eq!(format_plain_cell(Cell::Exact(0.029885), Unit::Percent, Lang::En), "3.0");
/// assert_eq!(format_plain_cell(Cell::Secret, Unit::Euro, Lang::En), "x");
/// ```
pub fn format_plain_cell(c: Cell, unit: Unit, lang: Lang) -> String {
    match c {
        Cell::Exact(n) => format_plain(n, unit, lang),
        Cell::Approx(n) => {
            let (rounded, decimals) = format_approx(n, unit);
            format!("~{}", spreadsheet(rounded, decimals, lang))
        }
        Cell::Secret => "x".into(),
        Cell::NotPublished => String::new(),
    }
}

fn spreadsheet(n: f64, decimals: usize, lang: Lang) -> String {
    let digits = fixed(n, decimals);
    // A minus before every negative value, also one that rounds to 0, as `format!` wrote it.
    let text = if n.is_sign_negative() && !n.is_nan() { format!("-{digits}") } else { digits };
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Digits with thousands grouping and a fixed number of decimals.
fn grouped(n: f64, decimals: usize, lang: Lang) -> String {
    let (group, point) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let text = fixed(n, decimals);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    let negative = n < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(format_number(0.0, Unit::Count, Lang::Nl), "0");
        assert_eq!(format_number(999.0, Unit::Count, Lang::Nl), "999");
        assert_eq!(format_number(1000.0, Unit::Count, Lang::Nl), "1.000");
        assert_eq!(format_number(1234567.0, Unit::Count, Lang::En), "1,234,567");
        assert_eq!(format_number(-1234.0, Unit::Euro, Lang::Nl), "€ -1.234");
        assert_eq!(format_number(-1234.0, Unit::Euro, Lang::En), "-€1,234");
        assert_eq!(format_number(-0.01, Unit::Decimal1, Lang::Nl), "0,0");
        assert_eq!(format_number(1.6395, Unit::Decimal2, Lang::Nl), "1,64");
        assert_eq!(format_number(19963.4, Unit::Euro, Lang::En), "€19,963");
    }

    #[test]
    fn cells_in_both_languages() {
        assert_eq!(format_cell(Cell::Secret, Unit::Count, Lang::Nl), "geheim");
        assert_eq!(format_cell(Cell::Secret, Unit::Count, Lang::En), "secret");
        assert_eq!(format_cell(Cell::NotPublished, Unit::Count, Lang::En), "not published");
        assert_eq!(format_cell(Cell::Approx(3_700_000.0), Unit::Euro, Lang::En), "≈ €3.7 million");
        assert_eq!(format_cell(Cell::Approx(0.03), Unit::Percent, Lang::Nl), "≈ 3%");
    }

    #[test]
    fn approximate_values_keep_the_precision_of_their_source() {
        // Amounts: two significant digits, in millions from a million up.
        assert_eq!(format_cell(Cell::Approx(5_822_359.0), Unit::Euro, Lang::Nl), "≈ € 5,8 mln");
        assert_eq!(format_cell(Cell::Approx(194_078_629.0), Unit::Euro, Lang::Nl), "≈ € 190 mln");
        assert_eq!(format_cell(Cell::Approx(17_400_000.0), Unit::Euro, Lang::En), "≈ €17 million");
        assert_eq!(format_cell(Cell::Approx(999_999.0), Unit::Euro, Lang::Nl), "≈ € 1,0 mln");
        assert_eq!(format_cell(Cell::Approx(11_466.3), Unit::Euro, Lang::Nl), "≈ € 11.000");
        assert_eq!(format_cell(Cell::Approx(-11_466.3), Unit::Euro, Lang::En), "≈ -€11,000");
        // Shares: whole percent; small ones one significant digit, never "≈ 0%".
        assert_eq!(format_cell(Cell::Approx(0.0077), Unit::Percent, Lang::Nl), "≈ 1%");
        assert_eq!(format_cell(Cell::Approx(0.0191), Unit::Percent, Lang::En), "≈ 2%");
        assert_eq!(format_cell(Cell::Approx(0.00046), Unit::Percent, Lang::Nl), "≈ 0,05%");
        assert_eq!(format_cell(Cell::Approx(0.0), Unit::Percent, Lang::Nl), "≈ 0%");
        assert_eq!(format_cell(Cell::Approx(0.000999), Unit::Percent, Lang::Nl), "≈ 0,1%");
        assert_eq!(format_cell(Cell::Approx(0.00499), Unit::Percent, Lang::En), "≈ 0.5%");
        // Exact values are untouched.
        assert_eq!(format_cell(Cell::Exact(0.029885), Unit::Percent, Lang::Nl), "3,0%");
        assert_eq!(format_cell(Cell::Exact(5_822_359.0), Unit::Euro, Lang::Nl), "€ 5.822.359");
        // Counts and ratios derived from two-decimal ratios keep their digits.
        assert_eq!(format_cell(Cell::Approx(1.4401), Unit::Decimal2, Lang::Nl), "≈ 1,44");
    }

    #[test]
    fn downloads_show_what_the_screen_shows() {
        for (c, unit) in [
            (Cell::Approx(5_822_359.0), Unit::Euro),
            (Cell::Approx(1_500_000.0), Unit::Euro),
            (Cell::Approx(0.029885), Unit::Percent),
            (Cell::Approx(0.0031), Unit::Percent),
            (Cell::Approx(5576.0), Unit::Count),
        ] {
            let screen: String = format_cell(c, unit, Lang::En).chars().filter(|ch| ch.is_ascii_digit()).collect();
            let file: String = format_plain_cell(c, unit, Lang::En).chars().filter(|ch| ch.is_ascii_digit()).collect();
            // The file has the zeros the screen writes as "mln": same digits, same value.
            assert!(file.trim_end_matches('0').starts_with(screen.trim_end_matches('0')), "{c:?}: {screen} vs {file}");
            assert_eq!(file.trim_end_matches('0').len(), screen.trim_end_matches('0').len(), "{c:?}");
        }
        assert_eq!(format_plain_cell(Cell::Approx(1_500_000.0), Unit::Euro, Lang::Nl), "~1500000");
        assert_eq!(format_plain_cell(Cell::Approx(0.0031), Unit::Percent, Lang::Nl), "~0,3");
    }
}
