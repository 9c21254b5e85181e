//! Numbers as a Dutch or British reader writes them: `9.722`, `€ 194.078.629`, `4,4` in Dutch;
//! `9,722`, `€194,078,629`, `4.4` in English.

use crate::i18n::{Lang, Text};
use crate::measure::Cell;

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
}

/// Formats a number.
///
/// ```
/// use lta_core::{format::{number, Unit}, Lang};
/// assert_eq!(number(9722.0, Unit::Count, Lang::Nl), "9.722");
/// assert_eq!(number(194078629.0, Unit::Euro, Lang::Nl), "€ 194.078.629");
/// assert_eq!(number(194078629.0, Unit::Euro, Lang::En), "€194,078,629");
/// assert_eq!(number(4.3878, Unit::Decimal1, Lang::Nl), "4,4");
/// assert_eq!(number(0.34, Unit::Percent, Lang::En), "34.0%");
/// ```
pub fn number(n: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Count => grouped(n, 0, lang),
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

/// Formats a cell: `≈` before approximate values (large euro amounts in millions, since their
/// source gave no more precision), and words for secret and unpublished cells.
///
/// ```
/// use lta_core::{format::{cell, Unit}, Cell, Lang};
/// assert_eq!(cell(Cell::Approx(1_500_000.0), Unit::Euro, Lang::Nl), "≈ € 1,5 mln");
/// assert_eq!(cell(Cell::Approx(5576.0), Unit::Count, Lang::En), "≈ 5,576");
/// assert_eq!(cell(Cell::NotPublished, Unit::Euro, Lang::Nl), "niet gepubliceerd");
/// ```
pub fn cell(c: Cell, unit: Unit, lang: Lang) -> String {
    match c {
        Cell::Exact(n) => number(n, unit, lang),
        Cell::Approx(n) if unit == Unit::Euro && n.abs() >= 1_000_000.0 => {
            let millions = grouped(n / 1_000_000.0, 1, lang);
            match lang {
                Lang::Nl => format!("≈ € {millions} mln"),
                Lang::En => format!("≈ €{millions} million"),
            }
        }
        Cell::Approx(n) => format!("≈ {}", number(n, unit, lang)),
        Cell::Secret => Text::Secret.get(lang).to_string(),
        Cell::NotPublished => Text::NotPublished.get(lang).to_string(),
    }
}

/// Digits with thousands grouping and a fixed number of decimals.
/// A number for a spreadsheet: the precision shown on screen, no thousands separators, the
/// language's decimal mark; percentages as percent numbers.
///
/// ```
/// use lta_core::{format::{plain, Unit}, Lang};
/// assert_eq!(plain(194078629.0, Unit::Euro, Lang::Nl), "194078629");
/// assert_eq!(plain(0.3404, Unit::Percent, Lang::Nl), "34,0");
/// assert_eq!(plain(4.3878, Unit::Decimal1, Lang::En), "4.4");
/// ```
pub fn plain(n: f64, unit: Unit, lang: Lang) -> String {
    let (n, decimals) = match unit {
        Unit::Count | Unit::Euro => (n, 0),
        Unit::Decimal1 => (n, 1),
        Unit::Decimal2 => (n, 2),
        Unit::Percent => (n * 100.0, 1),
    };
    let text = format!("{n:.decimals$}");
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

fn grouped(n: f64, decimals: usize, lang: Lang) -> String {
    let (group, point) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let text = format!("{:.*}", decimals, n.abs());
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
        assert_eq!(number(0.0, Unit::Count, Lang::Nl), "0");
        assert_eq!(number(999.0, Unit::Count, Lang::Nl), "999");
        assert_eq!(number(1000.0, Unit::Count, Lang::Nl), "1.000");
        assert_eq!(number(1234567.0, Unit::Count, Lang::En), "1,234,567");
        assert_eq!(number(-1234.0, Unit::Euro, Lang::Nl), "€ -1.234");
        assert_eq!(number(-1234.0, Unit::Euro, Lang::En), "-€1,234");
        assert_eq!(number(-0.01, Unit::Decimal1, Lang::Nl), "0,0");
        assert_eq!(number(1.6395, Unit::Decimal2, Lang::Nl), "1,64");
        assert_eq!(number(19963.4, Unit::Euro, Lang::En), "€19,963");
    }

    #[test]
    fn cells_in_both_languages() {
        assert_eq!(cell(Cell::Secret, Unit::Count, Lang::Nl), "geheim");
        assert_eq!(cell(Cell::Secret, Unit::Count, Lang::En), "secret");
        assert_eq!(cell(Cell::NotPublished, Unit::Count, Lang::En), "not published");
        assert_eq!(cell(Cell::Approx(3_700_000.0), Unit::Euro, Lang::En), "≈ €3.7 million");
        assert_eq!(cell(Cell::Approx(0.03), Unit::Percent, Lang::Nl), "≈ 3,0%");
    }
}
