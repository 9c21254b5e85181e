//! Fetching a published dataset from the site: `data/index.json`, then the dataset's manifest and
//! the files it names. Every failure becomes a `DataError` naming the file, so the page can say it.

use gloo_net::http::Request;
use lta_core::cube::{Notice, Parsed};
use lta_core::manifest::IndexEntry;
use lta_core::view::Dataset;
use lta_core::{DataError, DatasetIndex, ErrorKind, Manifest};

const INDEX: &str = "data/index.json";

/// A dataset as loaded, with the notices reading it gave.
pub struct Loaded {
    pub index: DatasetIndex,
    pub dataset: Dataset,
    pub notices: Vec<Notice>,
    /// The `data` id asked for did not exist, so the first dataset is shown.
    pub unknown_id: Option<String>,
}

async fn fetch(path: &str) -> Result<Vec<u8>, DataError> {
    let failed = |status| DataError::new(ErrorKind::Fetch { status }, path);
    let response = Request::get(path).send().await.map_err(|_| failed(0))?;
    if !response.ok() {
        return Err(failed(response.status()));
    }
    response.binary().await.map_err(|_| failed(response.status()))
}

/// Loads the dataset with the given id, or the first of the index.
pub async fn load(id: Option<&str>) -> Result<Loaded, DataError> {
    let index = index().await?;
    let found = id.and_then(|id| index.datasets.iter().find(|e| e.id == id));
    let unknown_id = id.filter(|_| found.is_none()).map(str::to_string);
    let entry: &IndexEntry = found.unwrap_or(&index.datasets[0]);
    let dir = format!("data/{}", entry.path);
    let manifest_path = format!("{dir}manifest.json");
    let manifest = Manifest::parse(&fetch(&manifest_path).await?, &manifest_path)?;
    let cube_path = format!("{dir}{}", manifest.files.cube);
    let cube = fetch(&cube_path).await?;
    let population_path = manifest.files.population.as_ref().map(|p| format!("{dir}{p}"));
    let population = match &population_path {
        Some(p) => Some((fetch(p).await?, p.as_str())),
        None => None,
    };
    let population = population.as_ref().map(|(bytes, path)| (bytes.as_slice(), *path));
    let Parsed { value: dataset, notices } = Dataset::read(manifest, (&cube, &cube_path), population)?;
    Ok(Loaded { index, dataset, notices, unknown_id })
}

/// The list of published datasets.
pub async fn index() -> Result<DatasetIndex, DataError> {
    DatasetIndex::parse(&fetch(INDEX).await?, INDEX)
}

/// The boundaries of the landsdelen, as GeoJSON text.
pub async fn landsdelen_geojson() -> Result<String, DataError> {
    const GEO: &str = "geo/landsdelen_2025.geojson";
    let bytes = fetch(GEO).await?;
    String::from_utf8(bytes).map_err(|_| DataError::new(ErrorKind::NotUtf8, GEO))
}
