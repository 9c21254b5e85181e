//! Fig 10 of the source: each perceel's share of a landsdeel's euros, all landsdelen side by side.

use super::{Column, Dataset, Order, Table};
use crate::model::code::Landsdeel;
use crate::model::cube::Key;
use crate::present::format::Unit;
use crate::model::selection::Dimension;
use crate::texts::i18n::{Lang, Text};
use crate::present::metrics::ratio;

impl Dataset {
    /// Rows: percelen; columns: the national share, then each landsdeel's. Empty when the data
    /// has no euros per landsdeel and perceel (as in the 2023 publication).
    pub fn perceel_shares(&self, periode: &str, lang: Lang) -> Table {
        let codes = self.percelen_in(periode);
        let areas: Vec<Option<Landsdeel>> = std::iter::once(None).chain(Landsdeel::ALL.map(Some)).collect();
        let candidates = areas
            .iter()
            .map(|&area| {
                let at = |k: Key| match area {
                    Some(l) => k.landsdeel(l),
                    None => k,
                };
                let whole = self.cube.get(&at(Key::total(periode))).volume_eur;
                let of = match area {
                    Some(l) => self.label(Dimension::Landsdeel, l.code(), lang),
                    None => Text::Nederland.get(lang).to_string(),
                };
                let cells = codes
                    .iter()
                    .map(|p| ratio(self.cube.get(&at(Key::total(periode).perceel(p))).volume_eur, whole))
                    .collect();
                (Column::of(Text::ShareOfEuros, Unit::Percent, of), cells, ratio(whole, whole))
            })
            .collect();
        let keys = codes.iter().map(|p| (p.clone(), self.label(Dimension::Perceel, p, lang))).collect();
        let mut table = Table::build(Text::Perceel, candidates, keys, Order::Largest);
        table.total = None;
        // Without euros per landsdeel, only the national column is left: nothing to compare.
        if table.columns.len() < 2 {
            table.columns.clear();
        }
        table
    }

    /// The percelen the data has for a period, in the data's order.
    pub(crate) fn percelen_in(&self, periode: &str) -> Vec<String> {
        self.cube.percelen().iter().filter(|p| self.cube.has(&Key::total(periode).perceel(p))).cloned().collect()
    }
}
