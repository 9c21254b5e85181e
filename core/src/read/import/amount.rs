//! Amounts as exports write them: `€ 1.234,56`, `-€ 12,00`, `1.234,56-`, `1,234.56`, or whole
//! cents. Which of `.` and `,` separates thousands is a convention of the whole column (the
//! mapping's [`AmountStyle`]), never guessed per value; a value that does not fit its column's
//! convention is an error, so nothing ambiguous is read as a number it may not be.

use crate::model::csv_text::parse_number;
use crate::model::error::ErrorKind;

/// How a column writes its amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmountStyle {
    /// The dashboard's own rule: `1234.56`, or `1234,56` in a `;`-separated file; no thousands separators.
    #[default]
    Plain,
    /// Dutch: `.` groups thousands, `,` is the decimal sign (`€ 1.234,56`).
    Dutch,
    /// English: `,` groups thousands, `.` is the decimal sign (`€1,234.56`).
    English,
    /// Whole euro cents (iJw declarations: `123456` is € 1,234.56).
    Cents,
}

impl AmountStyle {
    /// The name in a manifest's `invoer.bedragen`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Plain => "standaard",
            Self::Dutch => "nl",
            Self::English => "en",
            Self::Cents => "centen",
        }
    }

    /// All styles, in the order a user is offered them.
    pub const ALL: [AmountStyle; 4] = [Self::Plain, Self::Dutch, Self::English, Self::Cents];

    /// The style named `code`.
    pub fn parse(code: &str) -> Option<AmountStyle> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The style a column's first values show: Dutch or English where some value can only be
    /// read one way (both separators, or a currency sign with a decimal comma) and none the other.
    ///
    /// ```
    /// use lta_core::AmountStyle;
    /// assert_eq!(AmountStyle::propose(&["€ 13.871,69", "12"], b','), AmountStyle::Dutch);
    /// assert_eq!(AmountStyle::propose(&["1,234.50"], b','), AmountStyle::English);
    /// assert_eq!(AmountStyle::propose(&["100.50", "7"], b','), AmountStyle::Plain);
    /// ```
    pub fn propose(samples: &[&str], delimiter: u8) -> AmountStyle {
        let (mut dutch, mut english) = (false, false);
        for s in samples {
            let Some((_, body)) = unsigned(s) else { continue };
            let (dot, comma) = (body.rfind('.'), body.rfind(','));
            match (dot, comma) {
                (Some(d), Some(c)) if c > d => dutch = true,
                (Some(_), Some(_)) => english = true,
                // A decimal comma is the file's own rule only in a `;`-separated file.
                (None, Some(_)) if delimiter != b';' || s.contains('€') => dutch = true,
                _ => {}
            }
        }
        match (dutch, english) {
            (true, false) => Self::Dutch,
            (false, true) => Self::English,
            _ => Self::Plain,
        }
    }

    /// The amount in euros.
    ///
    /// ```
    /// use lta_core::AmountStyle;
    /// assert_eq!(AmountStyle::Dutch.euros("€ 1.234,56", b';'), Ok(1234.56));
    /// assert_eq!(AmountStyle::Dutch.euros("-€ 12,00", b';'), Ok(-12.0));
    /// assert_eq!(AmountStyle::Dutch.euros("1.234,56-", b';'), Ok(-1234.56));
    /// assert_eq!(AmountStyle::English.euros("€1,234.56", b','), Ok(1234.56));
    /// assert_eq!(AmountStyle::Cents.euros("123456", b','), Ok(1234.56));
    /// assert!(AmountStyle::Dutch.euros("1.23", b';').is_err());
    /// ```
    pub fn euros(self, raw: &str, delimiter: u8) -> Result<f64, ErrorKind> {
        let (negative, body) = unsigned(raw).ok_or(ErrorKind::BadNumber)?;
        let n = match self {
            Self::Plain => parse_number(body, delimiter)?,
            Self::Dutch => grouped(body, b'.', b',')?,
            Self::English => grouped(body, b',', b'.')?,
            Self::Cents if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) => {
                body.parse::<f64>().map_err(|_| ErrorKind::BadNumber)? / 100.0
            }
            Self::Cents => return Err(ErrorKind::BadNumber),
        };
        Ok(if negative { -n } else { n })
    }
}

/// The sign and the digits of an amount, without spaces and currency: `-€ 12,00`, `€ -12,00`,
/// `12,00-` and `EUR 12,00` are all read. None for two signs.
fn unsigned(raw: &str) -> Option<(bool, &str)> {
    let mut s = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{202f}');
    let mut negative = false;
    for _ in 0..3 {
        let before = s;
        if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_suffix('-')) {
            if negative {
                return None;
            }
            negative = true;
            s = rest;
        }
        s = s.strip_prefix('€').or_else(|| s.strip_prefix("EUR")).unwrap_or(s);
        s = s.strip_suffix('€').or_else(|| s.strip_suffix("EUR")).unwrap_or(s);
        s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{202f}');
        if s == before {
            break;
        }
    }
    Some((negative, s))
}

/// Digits grouped by `group` in threes, with an optional `decimal` part.
fn grouped(body: &str, group: u8, decimal: u8) -> Result<f64, ErrorKind> {
    let (int, frac) = match body.bytes().position(|b| b == decimal) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = int.split(group as char);
    let first = parts.next().unwrap_or("");
    let groups_ok = parts.all(|g| g.len() == 3 && digits(g));
    let first_ok = digits(first) && (!int.contains(group as char) || first.len() <= 3);
    if !groups_ok || !first_ok || frac.is_some_and(|f| !digits(f)) {
        return Err(ErrorKind::BadNumber);
    }
    let plain: String = int.bytes().filter(|&b| b != group).map(char::from).collect();
    let text = match frac {
        Some(f) => format!("{plain}.{f}"),
        None => plain,
    };
    text.parse().map_err(|_| ErrorKind::BadNumber)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmountStyle::*;

    #[test]
    fn dutch_amounts_in_every_form_excel_writes() {
        for (raw, want) in [("13.871,69", 13871.69), ("€ 13.871,69", 13871.69), ("€\u{a0}-13.871,69", -13871.69),
            ("1.234.567", 1234567.0), ("12", 12.0), ("0,5", 0.5), (" 1.234,56- ", -1234.56), ("EUR 3,10", 3.1)]
        {
            assert_eq!(Dutch.euros(raw, b';'), Ok(want), "{raw}");
        }
        for bad in ["1.23", "12.34,5", "1,234.56", "1.2345", ",5", "--5", "-5-", "€", "12a"] {
            assert!(Dutch.euros(bad, b';').is_err(), "{bad}");
        }
    }

    #[test]
    fn english_and_cents() {
        assert_eq!(English.euros("-$1", b','), Err(ErrorKind::BadNumber));
        assert_eq!(English.euros("1,234,567.5", b','), Ok(1234567.5));
        assert!(English.euros("1.234,5", b',').is_err());
        assert_eq!(Cents.euros("-1387169", b','), Ok(-13871.69));
        assert!(Cents.euros("13,5", b',').is_err());
    }

    #[test]
    fn plain_keeps_the_dashboards_own_rule_but_reads_a_currency_sign() {
        assert_eq!(Plain.euros("€ 100.50", b','), Ok(100.5));
        assert_eq!(Plain.euros("1.234,5", b';'), Err(ErrorKind::ThousandsSeparator));
    }

    #[test]
    fn ambiguous_columns_stay_plain() {
        assert_eq!(AmountStyle::propose(&["1.234,5", "1,234.5"], b';'), Plain);
        assert_eq!(AmountStyle::propose(&["12,5"], b';'), Plain);
        assert_eq!(AmountStyle::propose(&["€ 12,50"], b';'), Dutch);
    }
}
