//! The Doorlooptijd view's tables: for the chosen area (a jeugdregio, else the landsdeel, else the
//! nation) and perceel, the trajectories started, ended and running per period, and how long
//! they last beside the neighbouring areas and per perceel. Every figure comes from the flow
//! (`crate::model::flow`) as it is: counts perturbed where the data came from records, quartiles only
//! for groups of at least 20 youth.

use super::{Column, Dataset, Order, Table};
use crate::model::code::Landsdeel;
use crate::model::flow::{Area, Duration, Group};
use crate::present::format::Unit;
use crate::texts::i18n::{texts, Lang, Text};
use crate::model::measure::Cell;
use crate::model::regio::Regio;
use crate::model::selection::{Dimension, Selection};

texts! { FlowWord;
    NoDates => "Deze gegevens hebben geen begin- en einddatums van trajecten. De illustratieve dataset heeft ze, en een eigen bestand met een begindatum en einddatum ook:", "This data has no begin and end dates of trajectories. The illustrative dataset has them, and so does a file of your own with a begin and end date:";
    Method => "De doorlooptijd is geschat met Kaplan–Meier: een traject dat nog loopt, telt mee als nog niet afgelopen (niet als afgelopen, en niet weggelaten). ‘niet bereikt’: meer dan een kwart, de helft of driekwart van de trajecten loopt nog. ‘geheim’: een groep van minder dan 20 jeugdigen (bij een eigen bestand onder de cell-key-methode: minder dan 25 getoonde); de doorlooptijden van zo weinig kinderen zijn tot personen te herleiden. Onder de cell-key-methode zijn de kwartielen ook enkele weken verschoven. De grafieken per gebied en perceel tonen de mediaan. Een traject: de regels van één jeugdige met hetzelfde perceel, dezelfde aanbieder en dezelfde begindatum.", "The duration is estimated by Kaplan–Meier: a trajectory still running counts as not yet ended (not as ended, and not left out). ‘not reached’: more than a quarter, half or three quarters of the trajectories still run. ‘secret’: a group of fewer than 20 youth (for a file of your own under the cell-key method: fewer than 25 shown), whose durations could be traced to persons. Under the cell-key method the quartiles are also moved by a few weeks. The charts by area and lot show the median. A trajectory: the lines of one youth with the same lot, provider and begin date.";
    NotByReferrer => "Doorlooptijden zijn niet naar verwijzer uitgesplitst: de gekozen verwijzer geldt hier niet.", "Durations are not broken down by referrer: the chosen referrer does not apply here.";
}

impl Dataset {
    /// Whether the dataset has trajectories with dates (its manifest names a duration file, or
    /// its records had begin dates).
    pub fn has_flow(&self) -> bool {
        self.manifest.files.doorlooptijd.is_some() || self.flow.is_some() || self.records.as_ref().is_some_and(|r| r.built.has_dates())
    }

    /// The trajectories started, ended and still running at the end of each period, in the
    /// chosen area and perceel.
    pub fn movements(&self, sel: &Selection, regio: Option<Regio>) -> Table {
        let flow = self.flow.as_ref();
        let group = (area(sel, regio), sel.perceel.clone());
        let movements = flow.and_then(|f| f.movements(&group)).unwrap_or_default();
        let column = |title, f: fn(&crate::model::flow::Movement) -> Cell| {
            (Column::new(title, Unit::Count), movements.iter().map(f).collect(), Cell::NotPublished)
        };
        let candidates = vec![
            column(Text::Started, |m| m.started),
            column(Text::Ended, |m| m.ended),
            column(Text::Running, |m| m.running),
        ];
        let periods = flow.map(|f| f.periods.as_slice()).unwrap_or_default();
        let keys = periods.iter().take(movements.len()).map(|p| (p.clone(), p.clone())).collect();
        let mut table = Table::build(Text::Period, candidates, keys, Order::AsGiven);
        table.total = None;
        table
    }

    /// How long trajectories of the chosen perceel last in the areas beside the chosen one: the
    /// landsdelen against the nation, or a landsdeel's jeugdregio's against it (the chosen
    /// jeugdregio marked).
    pub fn durations_by_area(&self, sel: &Selection, regio: Option<Regio>, lang: Lang) -> Table {
        let perceel = &sel.perceel;
        let chosen = area(sel, regio);
        let (dimension, parent, areas) = match chosen {
            Area::Nation => (Text::Landsdeel, Area::Nation, Landsdeel::ALL.iter().map(|&l| Area::Landsdeel(l)).collect()),
            Area::Landsdeel(l) => (Text::Jeugdregio, chosen, regions_of(l)),
            Area::Region(r) => (Text::Jeugdregio, Area::Landsdeel(r.landsdeel()), regions_of(r.landsdeel())),
        };
        let keys = areas.iter().map(|&a| (a.code().to_string(), self.area_label(a, lang))).collect();
        let groups = areas.iter().map(|&a| (a, perceel.clone())).collect();
        let mut table = self.duration_table(dimension, groups, keys, (parent, perceel.clone()), self.area_label(parent, lang));
        table.selected = matches!(chosen, Area::Region(_)).then(|| chosen.code().to_string());
        table
    }

    /// How long trajectories last per perceel in the chosen area, against all its percelen.
    pub fn durations_by_perceel(&self, sel: &Selection, regio: Option<Regio>, lang: Lang) -> Table {
        let area = area(sel, regio);
        let percelen: Vec<String> = self.flow.as_ref().map(|f| f.percelen(area).map(str::to_string).collect()).unwrap_or_default();
        let keys = percelen.iter().map(|p| (p.clone(), self.label(Dimension::Perceel, p, lang))).collect();
        let groups = percelen.iter().map(|p| (area, Some(p.clone()))).collect();
        let mut table = self.duration_table(Text::Perceel, groups, keys, (area, None), self.area_label(area, lang));
        table.selected = sel.perceel.clone();
        table
    }

    /// The name of an area: its jeugdregio's, the landsdeel's label, or the nation's.
    pub(super) fn area_label(&self, area: Area, lang: Lang) -> String {
        match area {
            Area::Nation => Text::Nederland.get(lang).to_string(),
            Area::Landsdeel(l) => self.label(Dimension::Landsdeel, l.code(), lang),
            Area::Region(r) => r.name().to_string(),
        }
    }

    fn duration_table(&self, dimension: Text, groups: Vec<Group>, keys: Vec<(String, String)>, total: Group, label: String) -> Table {
        let of = |g: &Group| self.flow.as_ref().and_then(|f| f.duration(g)).unwrap_or_default();
        let durations: Vec<Duration> = groups.iter().map(of).collect();
        let total = of(&total);
        let column = |title, unit, f: &dyn Fn(&Duration) -> Cell| (Column::new(title, unit), durations.iter().map(f).collect(), f(&total));
        let candidates = vec![
            column(Text::UniqueYouth, Unit::Count, &|d| d.jeugdigen),
            column(Text::Trajectories, Unit::Count, &|d| d.trajecten),
            column(Text::Quartile1, Unit::Weeks, &|d| d.quartiles[0]),
            column(Text::Median, Unit::Weeks, &|d| d.quartiles[1]),
            column(Text::Quartile3, Unit::Weeks, &|d| d.quartiles[2]),
        ];
        let mut table = Table::build(dimension, candidates, keys, Order::AsGiven);
        if let Some(t) = &mut table.total {
            t.label = label;
        }
        table
    }
}

/// The area the view is about: the chosen jeugdregio where it lies in the chosen landsdeel, else
/// the landsdeel, else the nation.
pub fn area(sel: &Selection, regio: Option<Regio>) -> Area {
    match (regio, sel.landsdeel) {
        (Some(r @ Regio::Jeugdregio(_)), l) if l.is_none_or(|l| r.landsdeel() == l) => Area::Region(r),
        (_, Some(l)) => Area::Landsdeel(l),
        _ => Area::Nation,
    }
}

fn regions_of(l: Landsdeel) -> Vec<Area> {
    Regio::jeugdregios_of(l).into_iter().map(Area::Region).collect()
}
