//! What each view shows, as tables the app renders as they are: the views ask these functions and
//! do no arithmetic of their own. Charts are drawn from the same tables, so chart and table agree.

mod aanbieders;
pub mod compare;
mod doorlooptijd;
mod profile;
mod regio;
mod shares;
mod table;
mod trend;

pub use aanbieders::ProviderWord;
pub use doorlooptijd::{area as flow_area, FlowWord};
pub use profile::Profile;
pub use regio::RegioWord;
pub use table::{Column, Order, Row, Table};

use crate::model::code::{Landsdeel, Verwijzer};
use crate::model::cube::{Cube, Key, Parsed};
use crate::model::error::DataError;
use crate::model::selection::{Dimension, Selection};
use crate::present::format::Unit;
use crate::texts::i18n::{Lang, Text};
use crate::model::manifest::Manifest;
use crate::model::measure::{Cell, Measures};
use crate::present::metrics::{per_1000, ratio};
use crate::model::population::Population;

/// A loaded dataset: its manifest, its cube and its population, if any.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The manifest.
    pub manifest: Manifest,
    /// The cube.
    pub cube: Cube,
    /// All youth per landsdeel, for per-1,000 rates.
    pub population: Option<Population>,
    /// Trajectories started, ended and running, and their durations, where the data has them
    /// (a published dataset's are read when the Doorlooptijd view opens).
    pub flow: Option<crate::model::flow::Flow>,
    /// Youth, trajectories and euros per provider, where the data names providers (a published
    /// dataset's are read when the Aanbieders view opens).
    pub providers: Option<crate::model::providers::Providers>,
    /// The records of a file of one's own, from which its flow and providers are computed
    /// when their view first opens (each takes about as long as the cube of a million records).
    pub records: Option<FromRecords>,
}

/// Records with the key of the cell-key method they are shown under (None: exact).
#[derive(Debug, Clone)]
pub struct FromRecords {
    /// The records and their exact cube.
    pub built: std::sync::Arc<crate::read::records::RecordsCube>,
    /// The key, when the method is on.
    pub key: Option<crate::protect::disclosure::SecretKey>,
}

/// The cube of a file the user opened: as published, or made from records (which the
/// cell-key method perturbs).
#[derive(Debug, Clone)]
pub enum LocalCube {
    /// A cube file, shown as it is.
    Cube(Cube),
    /// A records file.
    Records(std::sync::Arc<crate::read::records::RecordsCube>),
    /// A dataset folder in a ZIP.
    Dataset(Box<Dataset>),
}

/// A key figure of the overview.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    /// What it is.
    pub title: Text,
    /// Its value.
    pub cell: Cell,
    /// How it is shown.
    pub unit: Unit,
}

impl Dataset {
    /// Reads a dataset from its manifest and the bytes of the files it names, each with the name
    /// errors should give (e.g. `data/lta-2023/cube.csv`).
    pub fn read(
        manifest: Manifest,
        cube: (&[u8], &str),
        population: Option<(&[u8], &str)>,
    ) -> Result<Parsed<Dataset>, DataError> {
        let Parsed { value: cube, mut notices } = Cube::parse(cube.0, cube.1, &manifest.perceel_names())?;
        let population = match population {
            Some((bytes, file)) => {
                let parsed = Population::parse(bytes, file)?;
                notices.extend(parsed.notices);
                Some(parsed.value)
            }
            None => None,
        };
        Ok(Parsed { value: Dataset { manifest, cube, population, flow: None, providers: None, records: None }, notices })
    }

    /// Adds the cells per jeugdregio and gemeente from a region file (`files.regio`).
    pub fn read_regions(&mut self, bytes: &[u8], file: &str) -> Result<Vec<crate::model::notice::Notice>, DataError> {
        let parsed = crate::model::regio::RegionCells::parse(bytes, file, &self.manifest.perceel_names())?;
        self.cube = std::mem::take(&mut self.cube).with_regions(parsed.value);
        Ok(parsed.notices)
    }

    /// Adds the movements and durations from a duration file (`files.doorlooptijd`).
    pub fn read_flow(&mut self, bytes: &[u8], file: &str) -> Result<Vec<crate::model::notice::Notice>, DataError> {
        let parsed = crate::model::flow::Flow::parse(bytes, file, &self.manifest.perceel_names())?;
        self.flow = Some(parsed.value);
        Ok(parsed.notices)
    }

    /// Adds the provider cells from a provider file (`files.aanbieders`).
    pub fn read_providers(&mut self, bytes: &[u8], file: &str) -> Result<Vec<crate::model::notice::Notice>, DataError> {
        let parsed = crate::model::providers::Providers::parse(bytes, file, &self.manifest.perceel_names())?;
        self.providers = Some(parsed.value);
        Ok(parsed.notices)
    }

    /// A file the user opened, shown with the labels and population of the published dataset
    /// beside it (`base`); a records file perturbed by the cell-key method with the key
    /// `disclose` (None: the user turned the method off). A cube file is shown as it is, a
    /// dataset ZIP as published.
    pub fn local(file_name: &str, file: &LocalCube, base: &Dataset, disclose: Option<&crate::protect::disclosure::SecretKey>) -> Dataset {
        let (cube, disclosed, records) = match (file, disclose) {
            (LocalCube::Records(built), key) => {
                let cube = key.map_or_else(|| built.cube.clone(), |k| crate::protect::disclosure::apply_cell_key(built, k));
                (cube, key.is_some(), Some(FromRecords { built: built.clone(), key: key.cloned() }))
            }
            (LocalCube::Cube(cube), _) => (cube.clone(), false, None),
            // A dataset folder (a publishable cube the dashboard wrote): shown as published, with its own
            // labels, notes, rules and population.
            (LocalCube::Dataset(ds), _) => {
                let named = crate::model::manifest::Localized { nl: file_name.to_string(), en: file_name.to_string() };
                let manifest = Manifest { title: named, status: crate::model::manifest::Status::Lokaal, ..ds.manifest.clone() };
                let population = ds.population.clone().or_else(|| base.population.clone());
                return Dataset { manifest, population, ..(**ds).clone() };
            }
        };
        let manifest = Manifest::local(file_name, &base.manifest, disclosed);
        Dataset { manifest, cube, population: base.population.clone(), flow: None, providers: None, records }
    }

    /// Computes the flow from the records, where the dataset has records and no flow yet.
    pub fn compute_flow(&mut self) {
        if let (None, Some(r)) = (&self.flow, &self.records) {
            self.flow = crate::protect::flow::flow_from_records(&r.built, r.key.as_ref());
        }
    }

    /// Computes the provider cells from the records, where the dataset has records and no
    /// provider cells yet.
    pub fn compute_providers(&mut self) {
        if let (None, Some(r)) = (&self.providers, &self.records) {
            self.providers = crate::protect::providers::providers_from_records(&r.built, r.key.as_ref());
        }
    }

    /// The dataset with every part its records can give computed, as a publishable ZIP has them.
    pub fn completed(&self) -> Dataset {
        let mut all = self.clone();
        all.compute_flow();
        all.compute_providers();
        all
    }

    /// The period to show: the one asked for when the cube has it, else its latest year.
    pub fn period(&self, asked: Option<&str>) -> String {
        asked
            .filter(|p| self.cube.periods().iter().any(|q| q == p))
            .or(self.cube.latest_period())
            .unwrap_or_default()
            .to_string()
    }

    /// The label of a code in a dimension: the manifest's, else the code's own name.
    pub fn label(&self, dimension: Dimension, code: &str, lang: Lang) -> String {
        self.manifest.label(dimension.code(), code, lang).map_or_else(|| code.to_string(), str::to_string)
    }

    pub(crate) fn total(&self, periode: &str) -> Measures {
        self.cube.get(&Key::total(periode))
    }

    /// All youth in a landsdeel, or in the country (`None`), for per-1,000 rates.
    pub(crate) fn population(&self, periode: &str, l: Option<Landsdeel>) -> Option<f64> {
        let p = self.population.as_ref()?;
        match l {
            Some(l) => p.landsdeel(periode, l),
            None => p.national(periode),
        }
    }

    /// The key figures of a selection.
    pub fn key_figures(&self, sel: &Selection) -> Vec<KeyFigure> {
        let t = self.cube.get(&sel.key());
        let national = self.population(&sel.periode, sel.landsdeel);
        let fig = |title, cell, unit| KeyFigure { title, cell, unit };
        vec![
            fig(Text::UniqueYouth, t.jeugdigen, Unit::Count),
            fig(Text::Trajectories, t.trajecten, Unit::Count),
            fig(Text::Euros, t.volume_eur, Unit::Euro),
            fig(Text::EurosPerYouth, ratio(t.volume_eur, t.jeugdigen), Unit::Euro),
            fig(Text::TrajectoriesPerYouth, ratio(t.trajecten, t.jeugdigen), Unit::Decimal2),
            fig(Text::Per1000Youth, per_1000(t.jeugdigen, national), Unit::Decimal1),
        ]
    }

    /// Per landsdeel: youth, all youth, per 1,000, euros, euros per youth, share of the total.
    pub fn landsdelen(&self, sel: &Selection, lang: Lang) -> Table {
        let base = sel.without(Dimension::Landsdeel);
        let t = self.cube.get(&base);
        let pop = |l: Option<Landsdeel>| self.population(&sel.periode, l);
        let areas: Vec<Option<Landsdeel>> = Landsdeel::ALL.iter().copied().map(Some).collect();
        let measures = |l: Option<Landsdeel>| match l {
            Some(l) => self.cube.get(&base.clone().landsdeel(l)),
            None => t,
        };
        let column = |title, unit, f: &dyn Fn(Option<Landsdeel>) -> Cell| {
            (Column::new(title, unit), areas.iter().map(|&l| f(l)).collect(), f(None))
        };
        let pop_cell = |l| pop(l).map_or(Cell::NotPublished, Cell::Exact);
        let candidates = vec![
            column(Text::UniqueYouth, Unit::Count, &|l| measures(l).jeugdigen),
            column(Text::Per1000Youth, Unit::Decimal1, &|l| per_1000(measures(l).jeugdigen, pop(l))),
            column(Text::AllYouth, Unit::Count, &pop_cell),
            column(Text::Euros, Unit::Euro, &|l| measures(l).volume_eur),
            column(Text::EurosPerYouth, Unit::Euro, &|l| ratio(measures(l).volume_eur, measures(l).jeugdigen)),
            column(Text::ShareOfYouth, Unit::Percent, &|l| ratio(measures(l).jeugdigen, t.jeugdigen)),
            column(Text::ShareOfEuros, Unit::Percent, &|l| ratio(measures(l).volume_eur, t.volume_eur)),
        ];
        let keys = Landsdeel::ALL
            .iter()
            .map(|l| (l.code().to_string(), self.label(Dimension::Landsdeel, l.code(), lang)))
            .collect();
        let mut table = Table::build(Text::Landsdeel, candidates, keys, Order::Largest);
        // All youth (CBS) is context for the LTA figures; without any, there is nothing to show.
        if table.columns.iter().all(|c| c.title == Text::AllYouth) {
            table.columns.clear();
        }
        self.finish(table, sel, Dimension::Landsdeel, lang)
    }

    /// Per perceel: youth, euros, euros per youth, trajectories, trajectories per youth.
    pub fn percelen(&self, sel: &Selection, lang: Lang) -> Table {
        let codes = self.percelen_in(&sel.periode);
        let base = sel.without(Dimension::Perceel);
        let t = self.cube.get(&base);
        let measures = |p: Option<&String>| match p {
            Some(p) => self.cube.get(&base.clone().perceel(p)),
            None => t,
        };
        let column = |title, unit, f: &dyn Fn(Measures) -> Cell| {
            (Column::new(title, unit), codes.iter().map(|p| f(measures(Some(p)))).collect(), f(t))
        };
        let candidates = vec![
            column(Text::Euros, Unit::Euro, &|m| m.volume_eur),
            column(Text::UniqueYouth, Unit::Count, &|m| m.jeugdigen),
            column(Text::EurosPerYouth, Unit::Euro, &|m| ratio(m.volume_eur, m.jeugdigen)),
            column(Text::Trajectories, Unit::Count, &|m| m.trajecten),
            column(Text::TrajectoriesPerYouth, Unit::Decimal2, &|m| ratio(m.trajecten, m.jeugdigen)),
            column(Text::ShareOfEuros, Unit::Percent, &|m| ratio(m.volume_eur, t.volume_eur)),
        ];
        let keys = codes.iter().map(|p| (p.to_string(), self.label(Dimension::Perceel, p, lang))).collect();
        self.finish(Table::build(Text::Perceel, candidates, keys, Order::Largest), sel, Dimension::Perceel, lang)
    }

    /// Per referrer: trajectories, youth and euros with their shares of the total.
    pub fn verwijzers(&self, sel: &Selection, lang: Lang) -> Table {
        let base = sel.without(Dimension::Verwijzer);
        let t = self.cube.get(&base);
        let m = |v: Verwijzer| self.cube.get(&base.clone().verwijzer(v));
        let column = |title, unit, f: &dyn Fn(Measures) -> Cell| {
            (Column::new(title, unit), Verwijzer::ALL.iter().map(|&v| f(m(v))).collect(), f(t))
        };
        let candidates = vec![
            column(Text::Euros, Unit::Euro, &|m| m.volume_eur),
            column(Text::ShareOfEuros, Unit::Percent, &|m| ratio(m.volume_eur, t.volume_eur)),
            column(Text::Trajectories, Unit::Count, &|m| m.trajecten),
            column(Text::ShareOfTrajectories, Unit::Percent, &|m| ratio(m.trajecten, t.trajecten)),
            column(Text::UniqueYouth, Unit::Count, &|m| m.jeugdigen),
            column(Text::ShareOfYouth, Unit::Percent, &|m| ratio(m.jeugdigen, t.jeugdigen)),
            column(Text::EurosPerTrajectory, Unit::Euro, &|m| ratio(m.volume_eur, m.trajecten)),
            column(Text::EurosPerYouth, Unit::Euro, &|m| ratio(m.volume_eur, m.jeugdigen)),
        ];
        let keys = Verwijzer::ALL
            .iter()
            .map(|v| (v.code().to_string(), self.label(Dimension::Verwijzer, v.code(), lang)))
            .collect();
        self.finish(Table::build(Text::Verwijzer, candidates, keys, Order::Largest), sel, Dimension::Verwijzer, lang)
    }

    /// Names the total row ("Nederland", or "Totaal selectie" when other dimensions are
    /// narrowed) and marks the chosen row of the table's own dimension.
    fn finish(&self, mut table: Table, sel: &Selection, own: Dimension, lang: Lang) -> Table {
        let label = if sel.narrows_besides(own) { Text::SelectionTotal } else { Text::Nederland };
        if let Some(total) = &mut table.total {
            total.label = label.get(lang).to_string();
        }
        table.selected = sel.chosen(own);
        table
    }
}
