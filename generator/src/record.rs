//! One generated record: one trajectory of one child in one half-year.

use crate::codes::{Landsdeel, Perceel, Periode, Verwijzer};
use crate::pseudonym::ClientId;
use lta_core::Regio;

use crate::trajectory::Trajectory;

/// Field order is the sort order of the output: periode, client, perceel, then the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Record {
    pub periode: Periode,
    pub client: ClientId,
    pub perceel: Perceel,
    pub landsdeel: Landsdeel,
    /// Its gemeente (one of its landsdeel's; a function of client and landsdeel, so the order
    /// above does not depend on it).
    pub gemeente: Regio,
    pub verwijzer: Verwijzer,
    /// The volume in euro cents (integers, so sums are exact; written as euros with 2 decimals).
    pub cents: i64,
    /// Its begin and end date and provider (a function of the fields above, so the order does
    /// not depend on it).
    pub trajectory: Trajectory,
}
