//! The trend over periods: national youth, trajectories, euros and euros per youth.

use super::{Column, Dataset, Order, Table};
use crate::model::cube::Key;
use crate::model::selection::Selection;
use crate::present::format::Unit;
use crate::texts::i18n::Text;
use crate::model::measure::Measures;
use crate::present::metrics::ratio;

impl Dataset {
    /// One row per year of the selection, oldest first (per period when the data has no whole
    /// years); the selection's own period is the chosen row.
    pub fn trend(&self, sel: &Selection) -> Table {
        let years: Vec<&String> = self.cube.periods().iter().filter(|p| p.len() == 4).collect();
        let periods: Vec<&String> = if years.is_empty() { self.cube.periods().iter().collect() } else { years };
        let at = |p: &str| Key { periode: Some(p.to_string()), ..sel.key() };
        let measures: Vec<Measures> = periods.iter().map(|p| self.cube.get(&at(p))).collect();
        let column = |title, unit, f: &dyn Fn(&Measures) -> crate::model::measure::Cell| {
            (Column::new(title, unit), measures.iter().map(f).collect(), crate::model::measure::Cell::NotPublished)
        };
        let candidates = vec![
            column(Text::Euros, Unit::Euro, &|m| m.volume_eur),
            column(Text::UniqueYouth, Unit::Count, &|m| m.jeugdigen),
            column(Text::Trajectories, Unit::Count, &|m| m.trajecten),
            column(Text::EurosPerYouth, Unit::Euro, &|m| ratio(m.volume_eur, m.jeugdigen)),
        ];
        let keys = periods.iter().map(|p| (p.to_string(), p.to_string())).collect();
        let mut table = Table::build(Text::Period, candidates, keys, Order::AsGiven);
        table.total = None;
        table.selected = Some(sel.periode.clone());
        table
    }
}
