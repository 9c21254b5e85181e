//! A landsdeel's profile (Fig 11–18 of the source): its perceel shares, referrer shares and
//! euros per youth per perceel, each beside the national figure.

use super::{Column, Dataset, Order, Table};
use crate::model::code::{Landsdeel, Verwijzer};
use crate::model::cube::Key;
use crate::model::selection::Dimension;
use crate::present::format::Unit;
use crate::texts::i18n::{Lang, Text};
use crate::model::measure::{Cell, Measures};
use crate::present::metrics::{per_1000, ratio};

/// Everything the profile page of one landsdeel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Key figures: the landsdeel's, then the national one.
    pub figures: Table,
    /// Each perceel's share of the euros.
    pub percelen: Table,
    /// Each referrer's share of the euros.
    pub verwijzers: Table,
    /// Euros per youth per perceel.
    pub euros_per_youth: Table,
}

impl Dataset {
    /// The profile of one landsdeel in a period.
    pub fn profile(&self, l: Landsdeel, periode: &str, lang: Lang) -> Profile {
        let percelen: Vec<(String, String, Key)> = self
            .percelen_in(periode)
            .into_iter()
            .map(|p| (p.clone(), self.label(Dimension::Perceel, &p, lang), Key::total(periode).perceel(&p)))
            .collect();
        let verwijzers = Verwijzer::ALL
            .iter()
            .map(|v| (v.code().to_string(), self.label(Dimension::Verwijzer, v.code(), lang), Key::total(periode).verwijzer(*v)))
            .collect();
        let share = |m: Measures, whole: Measures| ratio(m.volume_eur, whole.volume_eur);
        let per_youth = |m: Measures, _: Measures| ratio(m.volume_eur, m.jeugdigen);
        Profile {
            figures: self.profile_figures(l, periode, lang),
            percelen: self.side_by_side(l, periode, Text::Perceel, percelen.clone(), (Text::ShareOfEuros, Unit::Percent), &share, lang),
            verwijzers: self.side_by_side(l, periode, Text::Verwijzer, verwijzers, (Text::ShareOfEuros, Unit::Percent), &share, lang),
            euros_per_youth: self.side_by_side(l, periode, Text::Perceel, percelen, (Text::EurosPerYouth, Unit::Euro), &per_youth, lang),
        }
    }

    /// The rows of a dimension with one measure for the landsdeel and for the nation.
    #[allow(clippy::too_many_arguments)]
    fn side_by_side(
        &self,
        l: Landsdeel,
        periode: &str,
        dimension: Text,
        rows: Vec<(String, String, Key)>,
        (title, unit): (Text, Unit),
        f: &dyn Fn(Measures, Measures) -> Cell,
        lang: Lang,
    ) -> Table {
        let areas = [(Some(l), self.label(Dimension::Landsdeel, l.code(), lang)), (None, Text::Nederland.get(lang).to_string())];
        let candidates = areas
            .into_iter()
            .map(|(area, name)| {
                let at = |k: &Key| match area {
                    Some(l) => k.clone().landsdeel(l),
                    None => k.clone(),
                };
                let whole = self.cube.get(&at(&Key::total(periode)));
                let cells = rows.iter().map(|(_, _, k)| f(self.cube.get(&at(k)), whole)).collect();
                (Column::of(title, unit, name), cells, f(whole, whole))
            })
            .collect();
        let keys = rows.into_iter().map(|(code, label, _)| (code, label)).collect();
        let mut table = Table::build(dimension, candidates, keys, Order::Largest);
        table.total = None;
        // Without the landsdeel's own figures there is nothing to set beside the nation.
        if table.columns.len() < 2 {
            table.columns.clear();
        }
        table
    }

    /// Youth, per 1,000, euros and euros per youth: rows are the figures, columns the areas.
    fn profile_figures(&self, l: Landsdeel, periode: &str, lang: Lang) -> Table {
        let own = self.cube.get(&Key::total(periode).landsdeel(l));
        let all = self.total(periode);
        let (own_pop, all_pop) = (self.population(periode, Some(l)), self.population(periode, None));
        let figures: [(Text, Unit, Cell, Cell); 4] = [
            (Text::UniqueYouth, Unit::Count, own.jeugdigen, all.jeugdigen),
            (Text::Per1000Youth, Unit::Decimal1, per_1000(own.jeugdigen, own_pop), per_1000(all.jeugdigen, all_pop)),
            (Text::Euros, Unit::Euro, own.volume_eur, all.volume_eur),
            (Text::EurosPerYouth, Unit::Euro, ratio(own.volume_eur, own.jeugdigen), ratio(all.volume_eur, all.jeugdigen)),
        ];
        // One column per figure keeps each column's unit: the table is read across.
        let candidates = figures
            .iter()
            .map(|&(title, unit, own, all)| (Column::new(title, unit), vec![own, all], Cell::NotPublished))
            .collect();
        let keys = vec![
            (l.code().to_string(), self.label(Dimension::Landsdeel, l.code(), lang)),
            (String::new(), Text::Nederland.get(lang).to_string()),
        ];
        let mut table = Table::build(Text::Landsdeel, candidates, keys, Order::AsGiven);
        table.total = None;
        table
    }
}
