//! The measure a view's chart shows, as the address names it.

use crate::texts::i18n::Text;

/// The measure a view's chart shows (`measure=`); the table always shows all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartMeasure {
    /// Unique youth.
    Jeugdigen,
    /// Trajectories.
    Trajecten,
    /// Euros.
    Euros,
    /// Unique youth per 1,000 youth.
    Per1000,
    /// Euros per unique youth (the compare view's fourth measure).
    EurosPerYouth,
}

impl ChartMeasure {
    /// The measures of the views' menus, in menu order.
    pub const ALL: [ChartMeasure; 4] = [ChartMeasure::Jeugdigen, ChartMeasure::Trajecten, ChartMeasure::Euros, ChartMeasure::Per1000];
    /// The measures the compare view sets side by side (both sides must have them).
    pub const COMPARE: [ChartMeasure; 4] =
        [ChartMeasure::Jeugdigen, ChartMeasure::Trajecten, ChartMeasure::Euros, ChartMeasure::EurosPerYouth];

    /// The name in the URL.
    pub fn slug(self) -> &'static str {
        match self {
            ChartMeasure::Jeugdigen => "jeugdigen",
            ChartMeasure::Trajecten => "trajecten",
            ChartMeasure::Euros => "euros",
            ChartMeasure::Per1000 => "per1000",
            ChartMeasure::EurosPerYouth => "europerjeugdige",
        }
    }

    /// The table column it charts.
    pub fn column(self) -> Text {
        match self {
            ChartMeasure::Jeugdigen => Text::UniqueYouth,
            ChartMeasure::Trajecten => Text::Trajectories,
            ChartMeasure::Euros => Text::Euros,
            ChartMeasure::Per1000 => Text::Per1000Youth,
            ChartMeasure::EurosPerYouth => Text::EurosPerYouth,
        }
    }

    pub(super) fn parse(s: &str) -> Option<ChartMeasure> {
        ChartMeasure::ALL.into_iter().chain(ChartMeasure::COMPARE).find(|m| m.slug() == s)
    }
}
