//! Data errors and notices as sentences in the user's language: the edge where positions and
//! kinds (`error.rs`, `notice.rs`, which carry no text) meet the texts (`i18n.rs`).

use std::fmt;

use crate::model::error::{DataError, ErrorKind};
use crate::present::format::{format_number, Unit};
use crate::texts::i18n::{Lang, Text};
use crate::model::notice::Notice;

/// A data error as one sentence: where (file, line, column, value), then what.
///
/// ```
/// use lta_core::{DataError, ErrorKind, Lang, error_message};
/// let e = DataError::new(ErrorKind::UnknownCode, "cube.csv").at_line(3).in_cell("landsdeel", "Atlantis");
/// assert_eq!(error_message(&e, Lang::Nl),
///     "cube.csv, regel 3, kolom ‘landsdeel’, waarde ‘Atlantis’: is geen bekende code of naam");
/// ```
pub fn error_message(e: &DataError, lang: Lang) -> String {
    format!("{}: {}", where_(&e.position, lang), what(&e.kind, lang))
}

/// Where an error is: the file, then its line, column and value where known.
fn where_(p: &crate::model::error::Position, lang: Lang) -> String {
    let mut out = p.file.clone();
    if let Some(line) = p.line {
        out += &format!(", {} {line}", Text::ErrorLine.get(lang));
    }
    if let Some(column) = p.column.as_deref().filter(|c| !c.is_empty()) {
        out += &format!(", {} ‘{column}’", Text::ErrorColumn.get(lang));
    }
    if let Some(value) = p.value.as_deref().filter(|v| !v.is_empty()) {
        out += &format!(", {} ‘{value}’", Text::ErrorValue.get(lang));
    }
    out
}

/// What went wrong, in words.
fn what(kind: &ErrorKind, lang: Lang) -> String {
    match kind {
        // Status 0: no answer at all (offline, refused); "HTTP 0" would mean nothing to a reader.
        ErrorKind::Fetch { status: 0 } => format!("{} ({})", Text::ErrFetch.get(lang), Text::ErrNoAnswer.get(lang)),
        ErrorKind::Fetch { status } => format!("{} (HTTP {status})", Text::ErrFetch.get(lang)),
        ErrorKind::Unreadable => Text::ErrUnreadable.get(lang).into(),
        ErrorKind::NotUtf8 => Text::ErrNotUtf8.get(lang).into(),
        ErrorKind::Empty => Text::ErrEmpty.get(lang).into(),
        ErrorKind::NoDataRows => Text::ErrNoDataRows.get(lang).into(),
        ErrorKind::TooManyValues { limit, count } => format!(
            "{} ({}); {} {}",
            Text::ErrTooManyValues.get(lang),
            format_number(*count as f64, Unit::Count, lang),
            Text::ErrTooManyValuesLimit.get(lang),
            format_number(*limit as f64, Unit::Count, lang)
        ),
        ErrorKind::OutOfRange { limit } => {
            format!("{} ± {}", Text::ErrOutOfRange.get(lang), format_number(*limit as f64, Unit::Count, lang))
        }
        ErrorKind::TooManyRows { limit } => {
            format!("{} {}", Text::ErrTooManyRows.get(lang), format_number(*limit as f64, Unit::Count, lang))
        }
        ErrorKind::UnknownHeader => Text::ErrUnknownHeader.get(lang).into(),
        ErrorKind::MissingColumn => Text::ErrMissingColumn.get(lang).into(),
        ErrorKind::RaggedRow { expected, found } => {
            format!("{} ({found} ≠ {expected})", Text::ErrRaggedRow.get(lang))
        }
        ErrorKind::BadCsv => Text::ErrBadCsv.get(lang).into(),
        ErrorKind::UnknownCode => Text::ErrUnknownCode.get(lang).into(),
        ErrorKind::BadPeriod => Text::ErrBadPeriod.get(lang).into(),
        ErrorKind::BadDate => Text::ErrBadDate.get(lang).into(),
        ErrorKind::UnknownRegions { rows, values } => format!(
            "{} ({} {}, {} {})",
            Text::ErrUnknownRegions.get(lang),
            format_number(*values as f64, Unit::Count, lang),
            Text::ErrUnknownRegionsValues.get(lang),
            format_number(*rows as f64, Unit::Count, lang),
            Text::ErrUnknownRegionsRows.get(lang)
        ),
        ErrorKind::OtherLandsdeel => Text::ErrOtherLandsdeel.get(lang).into(),
        ErrorKind::EndBeforeBegin => Text::ErrEndBeforeBegin.get(lang).into(),
        ErrorKind::BadNumber => Text::ErrBadNumber.get(lang).into(),
        ErrorKind::ThousandsSeparator => Text::ErrThousands.get(lang).into(),
        ErrorKind::NotACount => Text::ErrNotACount.get(lang).into(),
        ErrorKind::MissingValue => Text::ErrMissingValue.get(lang).into(),
        ErrorKind::DuplicateRow { first_line } => format!("{} {first_line}", Text::ErrDuplicate.get(lang)),
        ErrorKind::BadJson { detail } => format!("{} ({detail})", Text::ErrBadJson.get(lang)),
        ErrorKind::BadArchive { detail } => format!("{} ({detail})", Text::ErrBadArchive.get(lang)),
        ErrorKind::MissingInArchive => Text::ErrMissingInArchive.get(lang).into(),
        ErrorKind::BadKey => Text::ErrBadKey.get(lang).into(),
        ErrorKind::BadWorkbook { detail } => format!("{} ({detail})", Text::ErrBadWorkbook.get(lang)),
        ErrorKind::NoHeaderRow => Text::ErrNoHeaderRow.get(lang).into(),
    }
}

/// A notice as one sentence, in the same shape as an error.
///
/// ```
/// use lta_core::{Lang, Notice, notice_message};
/// let n = Notice::IgnoredColumn { file: "cube.csv".into(), column: "opmerking".into() };
/// assert_eq!(notice_message(&n, Lang::En), "cube.csv, column ‘opmerking’: column is unknown to the format and was not read");
/// ```
pub fn notice_message(n: &Notice, lang: Lang) -> String {
    match n {
        Notice::IgnoredColumn { file, column } => format!(
            "{file}, {} ‘{column}’: {}",
            Text::ErrorColumn.get(lang),
            Text::NoticeIgnoredColumn.get(lang)
        ),
        Notice::Windows1252 { file } => format!("{file}: {}", Text::NoticeWindows1252.get(lang)),
    }
}

impl fmt::Display for DataError {
    /// English, for logs and test failures; the UI uses [`error_message`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&error_message(self, Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_in_english() {
        let e = DataError::new(ErrorKind::ThousandsSeparator, "cube.csv").at_line(5).in_cell("volume_eur", "1.234.567");
        assert_eq!(
            error_message(&e, Lang::En),
            "cube.csv, line 5, column ‘volume_eur’, value ‘1.234.567’: has thousands separators; write the number without them"
        );
        let e = DataError::new(ErrorKind::Fetch { status: 404 }, "data/x/cube.csv");
        assert_eq!(error_message(&e, Lang::Nl), "data/x/cube.csv: kon niet worden opgehaald (HTTP 404)");
        let e = DataError::new(ErrorKind::Fetch { status: 0 }, "data/x/cube.csv");
        assert_eq!(error_message(&e, Lang::En), "data/x/cube.csv: could not be fetched (no answer: offline?)");
    }
}

#[cfg(test)]
mod sheet_tests {
    use crate::read::sheet::SheetMap;
    use crate::model::error::DataError;
    use crate::model::error::ErrorKind;
    use crate::texts::i18n::Lang;
    use super::error_message;

    #[test]
    fn an_error_names_sheet_and_cell() {
        let map = SheetMap { file: "records.xlsx".into(), sheet: "Blad1".into(), header_row: 1, first_column: 0, headers: vec!["client".into(), "periode".into(), "volume_eur".into()] };
        let e = DataError::new(ErrorKind::BadNumber, "records.xlsx").at_line(17).in_cell("volume_eur", "veel");
        assert_eq!(error_message(&map.locate(e), Lang::Nl), "records.xlsx, Blad1!C17, kolom ‘volume_eur’, waarde ‘veel’: is geen getal (of leeg, x of ~getal)");
        let e = DataError::new(ErrorKind::NoDataRows, "records.xlsx");
        assert_eq!(map.locate(e).position.file, "records.xlsx, Blad1");
    }
}
