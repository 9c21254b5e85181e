//! The Aanbieders view's table: the providers of the chosen area (a jeugdregio, else the
//! landsdeel, else the nation), period and perceel, with youth, trajectories and euros, against
//! the area's own cell of the cube. Every figure is a cell of its own (perturbed where the data
//! came from records), never a sum of the rows.

use super::doorlooptijd::area;
use super::{Dataset, Order, Table};
use crate::model::cube::Key;
use crate::model::flow::Area;
use crate::texts::i18n::{texts, Lang, Text};
use crate::model::measure::Measures;
use crate::model::providers::OTHER_PROVIDERS;
use crate::model::regio::Regio;
use crate::model::selection::Selection;

texts! { ProviderWord;
    NoProviders => "Deze gegevens noemen geen aanbieders. De illustratieve dataset wel, en een eigen bestand met een kolom aanbieder ook:", "This data names no providers. The illustrative dataset does, and so does a file of your own with a provider column:";
    NotByReferrer => "Aanbieders zijn niet naar verwijzer uitgesplitst: de gekozen verwijzer geldt hier niet.", "Providers are not broken down by referrer: the chosen referrer does not apply here.";
    RegionTotalsOnly => "Per jeugdregio hebben de gegevens alleen de totalen van elke aanbieder, niet per perceel.", "Per youth-care region the data has each provider's totals only, not per lot.";
    Others => "Overige aanbieders (samen)", "Other providers (together)";
    OthersNote => "Aanbieders die met 0 jeugdigen zouden verschijnen, staan samen onder ‘Overige aanbieders’: na de cell-key-methode kan een 0 voor 1 of 2 jeugdigen staan, en een eigen rij zou hun euro’s tonen.", "Providers that would show 0 young people are together under ‘Other providers’: after the cell-key method a 0 may stand for 1 or 2 young people, and a row of their own would show their euros.";
}

impl Dataset {
    /// Whether the dataset names providers (its manifest names a provider file, or its records
    /// had an `aanbieder` column).
    pub fn has_providers(&self) -> bool {
        self.manifest.files.aanbieders.is_some() || self.providers.is_some() || self.records.as_ref().is_some_and(|r| r.built.has_providers())
    }

    /// The providers of the chosen area, period and perceel, largest first, against the area.
    pub fn providers(&self, sel: &Selection, regio: Option<Regio>, lang: Lang) -> Table {
        let chosen = area(sel, regio);
        let key = Key { verwijzer: None, ..sel.key() };
        let total = match chosen {
            Area::Region(r) => self.cube.regions().get(r, &key),
            Area::Landsdeel(_) => self.cube.get(&key),
            Area::Nation => self.cube.get(&Key { landsdeel: None, ..key }),
        };
        let label = self.area_label(chosen, lang);
        let rows: Vec<(&str, Measures)> = self.providers.as_ref().map(|p| p.of(&sel.periode, chosen, sel.perceel.as_deref())).unwrap_or_default();
        let candidates = super::regio::columns(total)
            .into_iter()
            .map(|(c, f)| (c, rows.iter().map(|r| f(r.1)).collect(), f(total)))
            .collect();
        let name_of = |name: &str| if name == OTHER_PROVIDERS { ProviderWord::Others.get(lang).to_string() } else { name.to_string() };
        let keys = rows.iter().map(|r| (r.0.to_string(), name_of(r.0))).collect();
        let mut table = Table::build(Text::Provider, candidates, keys, Order::Largest);
        if let Some(t) = &mut table.total {
            t.label = label;
        }
        table
    }
}
