//! Reading the files BEN staff and gemeenten actually have: a declaration export, a workbook a
//! colleague saved, a CSV that Excel wrote on Windows. A [`Mapping`] says which column is which
//! (proposed from the usual Dutch and English header names, changeable by the user, written into
//! the publishable cube's manifest) and how amounts and dates are written; the records reader
//! (`records.rs`) then reads any such file into the same records as the dashboard's own format.

mod amount;
mod codes;
mod columns;
mod date;
mod encoding;
mod words;

pub use amount::AmountStyle;
pub use codes::{debit_credit_sign, referrer};
pub use columns::{Mapping, Role};
pub(crate) use columns::Sources;
pub use date::{day_number, PeriodRule};
pub use crate::model::period::{civil_from_days, days_from_civil};
pub use encoding::{decode, Encoding};
pub use words::ColumnWord;
pub use crate::model::reference::{regions, Gemeente, Jeugdregio, Regions, CREDIT as REGIONS_CREDIT, REFERENCE_YEAR};
pub(crate) use crate::model::reference::key;
