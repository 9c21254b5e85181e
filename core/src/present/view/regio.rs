//! The Regio view's tables: the jeugdregio's of a landsdeel and the gemeenten of a jeugdregio,
//! each within the selection's perceel and referrer, with the landsdeel and the nation beside
//! them. Every figure is a cell of its own (perturbed where the data came from records), never a
//! sum of the rows.

use super::{Column, Dataset, Order, Row, Table};
use crate::model::cube::Key;
use crate::present::format::Unit;
use crate::texts::i18n::{texts, Lang, Text};
use crate::model::measure::{Cell, Measures};
use crate::present::metrics::ratio;
use crate::model::regio::Regio;
use crate::model::selection::{Dimension, Selection};

texts! { RegioWord;
    GemeentenOf => "Gemeenten van", "Municipalities of";
    ChooseJeugdregio => "Kies een jeugdregio (in de grafiek of de tabel) voor zijn gemeenten.", "Choose a youth-care region (in the chart or the table) for its municipalities.";
    NoRegions => "Deze gegevens hebben geen cijfers onder het landsdeel. De illustratieve dataset heeft ze, en een eigen bestand met gemeenten of jeugdregio's ook:", "This data has no figures below the landsdeel. The illustrative dataset has them, and so does a file of your own with municipalities or youth-care regions:";
}

impl Dataset {
    /// Whether the dataset has figures below the landsdeel (its manifest names a region file, or
    /// its records had gemeenten or jeugdregio's).
    pub fn has_regions(&self) -> bool {
        self.manifest.files.regio.is_some() || !self.cube.regions().is_empty()
    }

    /// The jeugdregio's of the chosen landsdeel (of the nation, without one), against the
    /// landsdeel's (or the nation's) own cell.
    pub fn jeugdregios(&self, sel: &Selection, lang: Lang) -> Table {
        let regions: Vec<Regio> = match sel.landsdeel {
            Some(l) => Regio::jeugdregios_of(l),
            None => crate::model::code::Landsdeel::ALL.iter().flat_map(|&l| Regio::jeugdregios_of(l)).collect(),
        };
        let total = self.cube.get(&sel.key());
        let label = match sel.landsdeel {
            Some(l) => self.label(Dimension::Landsdeel, l.code(), lang),
            None => self.total_label(sel, lang),
        };
        self.region_table(Text::Jeugdregio, &regions, &sel.key(), total, label)
    }

    /// The gemeenten of a jeugdregio, against the jeugdregio's own cell. A dataset that holds the
    /// gemeenten' totals only has no figures for them within a perceel or referrer: the table is
    /// then empty.
    pub fn gemeenten(&self, sel: &Selection, jeugdregio: Regio) -> Table {
        let key = sel.key();
        let total = self.cube.regions().get(jeugdregio, &key);
        self.region_table(Text::Gemeente, &jeugdregio.gemeenten(), &key, total, jeugdregio.name().to_string())
    }

    /// The landsdeel (where one is chosen) and the nation, within the selection's perceel and
    /// referrer, with the same columns as the region tables: what the regions are set beside.
    pub fn beside_regions(&self, sel: &Selection, lang: Lang) -> Table {
        let national = Key { landsdeel: None, ..sel.key() };
        let mut areas: Vec<(String, String, Measures)> = Vec::new();
        if let Some(l) = sel.landsdeel {
            areas.push((l.code().to_string(), self.label(Dimension::Landsdeel, l.code(), lang), self.cube.get(&sel.key())));
        }
        areas.push((String::new(), self.total_label(&Selection { landsdeel: None, ..sel.clone() }, lang), self.cube.get(&national)));
        let columns = columns(self.cube.get(&national));
        let candidates = columns.iter().map(|(c, f)| (c.clone(), areas.iter().map(|a| f(a.2)).collect(), Cell::NotPublished)).collect();
        let keys = areas.iter().map(|a| (a.0.clone(), a.1.clone())).collect();
        let mut table = Table::build(Text::Landsdeel, candidates, keys, Order::AsGiven);
        table.total = None;
        table
    }

    fn total_label(&self, sel: &Selection, lang: Lang) -> String {
        let text = if sel.narrows_besides(Dimension::Landsdeel) { Text::SelectionTotal } else { Text::Nederland };
        text.get(lang).to_string()
    }

    fn region_table(&self, dimension: Text, regions: &[Regio], key: &Key, total: Measures, label: String) -> Table {
        let cells: Vec<Measures> = regions.iter().map(|r| self.cube.regions().get(*r, key)).collect();
        let candidates = columns(total)
            .into_iter()
            .map(|(c, f)| (c, cells.iter().map(|m| f(*m)).collect(), f(total)))
            .collect();
        let keys = regions.iter().map(|r| (r.code().to_string(), r.name().to_string())).collect();
        let mut table = Table::build(dimension, candidates, keys, Order::Largest);
        if let Some(t) = &mut table.total {
            *t = Row { label, ..t.clone() };
        }
        table
    }
}

/// A column with the function that gives its cell from a region's measures.
pub(super) type RegionColumn = (Column, Box<dyn Fn(Measures) -> Cell>);

/// Youth, trajectories, euros, euros per youth and the share of the total's euros.
pub(super) fn columns(total: Measures) -> Vec<RegionColumn> {
    vec![
        (Column::new(Text::UniqueYouth, Unit::Count), Box::new(|m: Measures| m.jeugdigen)),
        (Column::new(Text::Trajectories, Unit::Count), Box::new(|m: Measures| m.trajecten)),
        (Column::new(Text::Euros, Unit::Euro), Box::new(|m: Measures| m.volume_eur)),
        (Column::new(Text::EurosPerYouth, Unit::Euro), Box::new(|m: Measures| ratio(m.volume_eur, m.jeugdigen))),
        (Column::new(Text::ShareOfEuros, Unit::Percent), Box::new(move |m: Measures| ratio(m.volume_eur, total.volume_eur))),
    ]
}
