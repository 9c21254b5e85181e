//! Fetching a published dataset from the site: `data/index.json`, then the dataset's manifest and
//! the files it names. Every failure becomes a `DataError` naming the file, so the page can say it.

use std::sync::{Arc, Weak};

use gloo_net::http::Request;
use lta_core::{DataError, Dataset, DatasetIndex, ErrorKind, IndexEntry, Manifest, Notice, Parsed};

const INDEX: &str = "data/index.json";

/// A dataset as loaded, with the notices reading it gave.
pub struct Loaded {
    pub dataset: Arc<Dataset>,
    pub notices: Vec<Notice>,
    /// Its `manifest.json` as fetched: the archive worker reads it to write a publishable cube
    /// (`src/publish.rs`), so the app needs no manifest writer.
    pub manifest_json: Arc<Vec<u8>>,
}

/// The error for a file that got no answer (offline?): the same as for any file not fetched.
pub fn no_answer(path: &str) -> DataError {
    DataError::new(ErrorKind::Fetch { status: 0 }, path)
}

async fn fetch(path: &str) -> Result<Vec<u8>, DataError> {
    let failed = |status| DataError::new(ErrorKind::Fetch { status }, path);
    let response = Request::get(path).send().await.map_err(|_| no_answer(path))?;
    if !response.ok() {
        return Err(failed(response.status()));
    }
    response.binary().await.map_err(|_| failed(response.status()))
}

/// The index of the published datasets.
pub async fn load_index() -> Result<DatasetIndex, DataError> {
    DatasetIndex::parse(&fetch(INDEX).await?, INDEX)
}

/// Loads one dataset of the index: its manifest and the files it names.
pub async fn load_dataset(entry: &IndexEntry) -> Result<Loaded, DataError> {
    let dir = format!("data/{}", entry.path);
    let manifest_path = format!("{dir}manifest.json");
    let manifest_json = fetch(&manifest_path).await?;
    let manifest = Manifest::parse(&manifest_json, &manifest_path)?;
    let cube_path = format!("{dir}{}", manifest.files.cube);
    let cube = fetch(&cube_path).await?;
    let population_path = manifest.files.population.as_ref().map(|p| format!("{dir}{p}"));
    let population = match &population_path {
        Some(p) => Some((fetch(p).await?, p.as_str())),
        None => None,
    };
    let population = population.as_ref().map(|(bytes, path)| (bytes.as_slice(), *path));
    let Parsed { value: dataset, notices } = Dataset::read(manifest, (&cube, &cube_path), population)?;
    Ok(Loaded { dataset: Arc::new(dataset), notices, manifest_json: Arc::new(manifest_json) })
}

/// A file of a published dataset that a view fetches when it opens, not with the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The cells per jeugdregio and gemeente (`files.regio`), for the Regio view.
    Regions,
    /// The movements and durations (`files.doorlooptijd`), for the Doorlooptijd view.
    Flow,
    /// The provider cells (`files.aanbieders`), for the Aanbieders view.
    Providers,
}

thread_local! {
    /// The dataset with each part as last made, beside the dataset it was made from: opening
    /// the view again, or switching language, reuses it instead of fetching and reading the file
    /// again, or computing the part from a million records again (seconds). One per part (at
    /// most three); one made from a dataset no longer shown goes when the next part is made.
    static WITH_PART: std::cell::RefCell<Vec<(Weak<Dataset>, Part, Arc<Dataset>)>> = std::cell::RefCell::default();
}

/// A dataset with one more of its parts: a published one's file (in its folder `dir`) read, or,
/// for a records file of one's own, the part computed from the records.
pub async fn with_part(dataset: &Arc<Dataset>, dir: &str, part: Part) -> Result<Arc<Dataset>, DataError> {
    let made_from = |from: &Weak<Dataset>| std::ptr::eq(from.as_ptr(), Arc::as_ptr(dataset));
    let kept = WITH_PART.with_borrow(|c| c.iter().find(|(from, p, _)| *p == part && made_from(from)).map(|(_, _, d)| d.clone()));
    if let Some(kept) = kept {
        return Ok(kept);
    }
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark(PART_START);
    }
    let made = Arc::new(made_with_part(dataset, dir, part).await?);
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(PART_MADE, PART_START);
    }
    WITH_PART.with_borrow_mut(|c| {
        c.retain(|(from, p, _)| *p != part && from.strong_count() > 0);
        c.push((Arc::downgrade(dataset), part, made.clone()));
    });
    Ok(made)
}

const PART_START: &str = "lta-part-start";
/// The name of the performance measure of making a part (fetched and read, or computed).
const PART_MADE: &str = "lta-part";

async fn made_with_part(dataset: &Dataset, dir: &str, part: Part) -> Result<Dataset, DataError> {
    let mut dataset = dataset.clone();
    if dataset.records.is_some() {
        computed(&mut dataset, part).await;
        return Ok(dataset);
    }
    let files = &dataset.manifest.files;
    let file = match part {
        Part::Regions => files.regio.clone(),
        Part::Flow => files.doorlooptijd.clone(),
        Part::Providers => files.aanbieders.clone(),
    };
    if let Some(file) = file {
        let path = format!("{dir}{file}");
        let bytes = fetch(&path).await?;
        match part {
            Part::Regions => dataset.read_regions(&bytes, &path)?,
            Part::Flow => dataset.read_flow(&bytes, &path)?,
            Part::Providers => dataset.read_providers(&bytes, &path)?,
        };
    }
    Ok(dataset)
}

/// Computes the flow or the providers from the records, after the page has said it is loading
/// (a million records take a second). Only the full app reads records files, so only it links this.
#[cfg(feature = "toolkit")]
async fn computed(dataset: &mut Dataset, part: Part) {
    crate::pause::pause().await;
    match part {
        Part::Flow => dataset.compute_flow(),
        Part::Providers => dataset.compute_providers(),
        Part::Regions => {}
    }
}

#[cfg(not(feature = "toolkit"))]
async fn computed(_: &mut Dataset, _: Part) {}

/// Boundaries (`geo/landsdelen_2025.geojson`, …), as GeoJSON text.
pub async fn geojson(path: &str) -> Result<String, DataError> {
    let bytes = fetch(path).await?;
    String::from_utf8(bytes).map_err(|_| DataError::new(ErrorKind::NotUtf8, path))
}
