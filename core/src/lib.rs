//! The LTA dashboard's core: everything the dashboard knows about its data, with no web dependency.
//!
//! The app only asks this crate questions: it hands it the text of a data file and gets a
//! validated [`Cube`] or a [`DataError`] that says where the file went wrong; it asks a
//! [`Dataset`] for the rows a view shows; it formats numbers with [`format_cell`] and the like,
//! and texts with [`Text`] in a [`Lang`]. Everything here is tested natively with `cargo test`.
#![deny(missing_docs)]

// Folders by job, private: the crate's API is the flat list below (as rust-csv's is), so a
// caller never depends on where a thing lives. Names that would collide or say too little
// at the root get a longer one here (`read_records`, `write_zip`, `format_cell`, …).
mod model;
mod present;
mod protect;
mod read;
mod texts;
mod write;

pub use model::code::{Landsdeel, Verwijzer};
pub use model::cube::{CUBE_COLUMNS, Cube, Key, Notice, Parsed, PerceelNames, TOTAAL, latest_of};
pub use model::error::{DataError, ErrorKind, Position};
pub use model::flow::{Area, Duration, FLOW_COLUMNS, Flow, Group, Movement, kaplan_meier_at, kaplan_meier_quartiles};
pub use protect::flow::flow_from_records;
pub use model::limits::{MAX_EUROS, MAX_PERCELEN, MAX_PERIODS, MAX_RECORD_CELLS, MAX_ROWS};
pub use model::manifest::{DatasetIndex, Files, IndexEntry, Localized, Manifest, Note, Source, Status};
pub use model::measure::{Cell, Measure, Measures};
pub use model::order::sort_by;
pub use model::population::Population;
pub use model::providers::{OTHER_PROVIDERS, PROVIDER_COLUMNS, ProviderKey, Providers};
pub use protect::providers::providers_from_records;
pub use model::regio::{Level, REGION_COLUMNS, Regio, RegionCells, jeugdregio_in};
pub use model::selection::{Dimension, Selection};
pub use present::metrics::{per_1000, ratio};
pub use present::sentence::{compare_sentence, overview_sentence, table_sentence, trend_sentence};
pub use present::url_state::{ChartMeasure, Ignored, Offered, UrlState, View};
pub use present::view::{Column, Dataset, FlowWord, FromRecords, KeyFigure, LocalCube, Order, Profile, ProviderWord, RegioWord, Row, Table, flow_area};
pub use present::view::compare::{Change, CompareWord, Comparison, Side, compared_measure, compared_cell, reference_period, compared_unit};
pub use model::rules::{EURO_ROUNDING, MAX_NOISE, MIN_YOUTH, NO_SMALL, Rules, VARIANCE};
pub use protect::disclosure::{PTable, SecretKey, apply_cell_key};
pub use protect::disclosure::ptable::PTableRow;
pub use read::file_kind::FileKind;
pub use present::read_any::read_any;
pub use read::import::{AmountStyle, Encoding, Gemeente, Jeugdregio, Mapping, PeriodRule, REFERENCE_YEAR, REGIONS_CREDIT, Regions, Role, ColumnWord, civil_from_days, day_number, days_from_civil, debit_credit_sign, decode, referrer, regions};
pub use model::json::{Json, JsonError, JsonFields, JsonValue, parse_json};
pub use read::records::{Preview, RECORD_COLUMNS, RecordsCube, RecordsReader, SAMPLE_ROWS, cube_from_records, proposed_mapping, read_records, read_export};
pub use read::sheet::{HEADER_SEARCH, SheetMap, WorkbookReply, column_letters, is_workbook};
pub use texts::i18n::{Lang, Text};
pub use present::message::{error_message, notice_message};
pub use write::embed::{EMBED_HEIGHT_MESSAGE, embed_snippet};
pub use write::export::{ExportContext, file_stem, framed_svg, table_csv};
pub use model::fixed::{fixed, fixed_round_trip};
pub use present::format::{Unit, format_approx, format_cell, format_number, format_plain, format_plain_cell, format_signed};
pub use model::json_write::{JsonOut, json_obj};
pub use write::publish::{FLOW_FILE, PROVIDERS_FILE, PublishWord, REGIONS_FILE, ShownTexts, dataset_files, dataset_from_entries, dataset_zip, is_zip, publish_zip, read_dataset_zip};
pub use write::zip::{ZipError, read_zip, write_zip};

/// A tiny seeded generator for tests that need many varied rows.
#[cfg(test)]
pub(crate) fn test_rng(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    }
}
