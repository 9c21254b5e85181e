//! The views of the dashboard: one table, in menu order, that every list of views is derived
//! from (the menu, the address word, the title and intro, the page a static host serves).

use crate::texts::i18n::Text;

/// A view of the dashboard, in menu order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Key figures with source.
    #[default]
    Overzicht,
    /// Use per landsdeel: map, bar chart, table.
    Landsdelen,
    /// The jeugdregio's and gemeenten of a landsdeel.
    Regio,
    /// Use per perceel.
    Percelen,
    /// Use per referrer.
    Verwijzers,
    /// One landsdeel beside the nation.
    Profiel,
    /// Use over the years.
    Trend,
    /// Trajectories started, ended and running, and how long they last.
    Doorlooptijd,
    /// Youth, trajectories and euros per provider.
    Aanbieders,
    /// Two periods, or two datasets, side by side.
    Vergelijk,
}

/// One view's row: the view, its address word (also the `views` name manifest notes refer to),
/// its menu title and the sentence under the title.
struct Row(View, &'static str, Text, Text);

/// Every view, in menu order (the order of [`View`]).
const VIEWS: [Row; 10] = [
    Row(View::Overzicht, "overzicht", Text::ViewOverzicht, Text::OverzichtIntro),
    Row(View::Landsdelen, "landsdelen", Text::ViewLandsdelen, Text::LandsdelenIntro),
    Row(View::Regio, "regio", Text::ViewRegio, Text::RegioIntro),
    Row(View::Percelen, "percelen", Text::ViewPercelen, Text::PercelenIntro),
    Row(View::Verwijzers, "verwijzers", Text::ViewVerwijzers, Text::VerwijzersIntro),
    Row(View::Profiel, "profiel", Text::ViewProfiel, Text::ProfielIntro),
    Row(View::Trend, "trend", Text::ViewTrend, Text::TrendIntro),
    Row(View::Doorlooptijd, "doorlooptijd", Text::ViewDoorlooptijd, Text::DoorlooptijdIntro),
    Row(View::Aanbieders, "aanbieders", Text::ViewAanbieders, Text::AanbiedersIntro),
    Row(View::Vergelijk, "vergelijk", Text::ViewVergelijk, Text::VergelijkIntro),
];

impl View {
    /// Every view, in menu order.
    pub const ALL: [View; 10] = {
        let mut out = [View::Overzicht; 10];
        let mut i = 0;
        while i < out.len() {
            out[i] = VIEWS[i].0;
            i += 1;
        }
        out
    };

    fn row(self) -> &'static Row {
        &VIEWS[self as usize]
    }

    /// The name in the URL; also the `views` name that manifest notes refer to.
    pub fn slug(self) -> &'static str {
        self.row().1
    }

    /// The menu title.
    pub fn title(self) -> Text {
        self.row().2
    }

    /// The sentence under the title.
    pub fn intro(self) -> Text {
        self.row().3
    }

    pub(super) fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == s)
    }

    /// The page of this view that a static host serves with its first screen already in the
    /// HTML (`scripts/prerender.mjs`): `./` (index.html) for Overzicht, `landsdelen.html`, …
    /// Links to it work without JavaScript, where a `?view=` link would get index.html.
    pub fn page(self) -> String {
        match self {
            View::Overzicht => "./".to_string(),
            v => format!("{}.html", v.slug()),
        }
    }

    /// The view a page's path names (`…/landsdelen.html`), if any.
    pub fn of_path(path: &str) -> Option<View> {
        let file = path.rsplit('/').next()?;
        View::parse(file.strip_suffix(".html")?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table holds each view once, at its own place.
    #[test]
    fn the_table_holds_every_view_at_its_place() {
        for (i, row) in VIEWS.iter().enumerate() {
            assert_eq!(row.0 as usize, i, "{:?}", row.0);
            assert_eq!(View::parse(row.1), Some(row.0));
        }
    }
}
