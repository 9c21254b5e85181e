//! `index.json` and `manifest.json` from their JSON values ([`crate::model::json`]): required members
//! must be there, optional ones may be left out or `null`, other members are passed over.

use std::collections::BTreeMap;

use crate::model::rules::Rules;
use crate::model::error::{DataError, ErrorKind};
use crate::model::json::{Json, JsonError};
use crate::model::manifest::{DatasetIndex, Files, IndexEntry, Localized, Manifest, Note, Source, Status};

#[inline(never)]
fn localized(j: &Json) -> Result<Localized, JsonError> {
    let f = j.object()?;
    Ok(Localized { nl: f.req("nl")?.string()?, en: f.req("en")?.string()? })
}

/// A text in both languages, or one string that serves both (older manifests' licence).
fn one_or_both(j: &Json) -> Result<Localized, JsonError> {
    match j.string() {
        Ok(s) => Ok(Localized { nl: s.clone(), en: s }),
        Err(_) => localized(j).map_err(|_| j.error("expected a string or an object with `nl` and `en`")),
    }
}

fn status(j: &Json) -> Result<Status, JsonError> {
    match j.string()?.as_str() {
        "definitief" => Ok(Status::Definitief),
        "voorlopig" => Ok(Status::Voorlopig),
        "illustratief" => Ok(Status::Illustratief),
        "lokaal" => Ok(Status::Lokaal),
        other => Err(j.error(&format!("unknown status `{other}`, expected definitief, voorlopig, illustratief or lokaal"))),
    }
}

fn source(j: &Json) -> Result<Source, JsonError> {
    let f = j.object()?;
    Ok(Source { citation: localized(f.req("citation")?)?, url: f.opt("url", Json::string)? })
}

fn files(j: &Json) -> Result<Files, JsonError> {
    let f = j.object()?;
    Ok(Files { cube: f.req("cube")?.string()?, population: f.opt("population", Json::string)?, records: f.opt("records", Json::string)?, regio: f.opt("regio", Json::string)?, doorlooptijd: f.opt("doorlooptijd", Json::string)?, aanbieders: f.opt("aanbieders", Json::string)? })
}

fn note(j: &Json) -> Result<Note, JsonError> {
    let f = j.object()?;
    Ok(Note {
        id: f.req("id")?.string()?,
        views: f.opt("views", |v| v.list(Json::string))?.unwrap_or_default(),
        general: f.opt("general", Json::boolean)?.unwrap_or(false),
        text: localized(j)?,
    })
}

/// Before the durations were perturbed, their quartiles were shown for groups of at least 20 youth.
const MIN_YOUTH_BEFORE: f64 = 20.0;

/// The method's parameters; None for the suppression rules of earlier publishable cubes (their
/// `disclosure` text still says what was done, and their `x` cells are read as secret).
fn rules(j: &Json) -> Result<Option<Rules>, JsonError> {
    let f = j.object()?;
    let Some(method) = f.opt("method", Json::string)? else { return Ok(None) };
    let n = |key: &str| f.req(key)?.number();
    Ok(Some(Rules {
        method,
        max_noise: n("max_noise")?,
        variance: n("variance")?,
        no_small: n("no_small")?,
        euro_noise: n("euro_noise")?,
        dominance_share: n("dominance_share")?,
        euro_rounding: n("euro_rounding")?,
        // Not in manifests written before the durations were perturbed (their quartiles were exact).
        duration_min_shown: f.opt("duration_min_shown", Json::number)?.unwrap_or(MIN_YOUTH_BEFORE),
        duration_noise_weeks: f.opt("duration_noise_weeks", Json::number)?.unwrap_or(0.0),
    }))
}

/// Labels per dimension per code.
fn labels(j: &Json) -> Result<BTreeMap<String, BTreeMap<String, Localized>>, JsonError> {
    // Inserted one by one: collecting into a BTreeMap would copy a sort into the wasm.
    let per_code = |j: &Json| -> Result<BTreeMap<String, Localized>, JsonError> {
        let mut out = BTreeMap::new();
        for (code, l) in j.object()?.members {
            out.insert(code.clone(), localized(l)?);
        }
        Ok(out)
    };
    let mut out = BTreeMap::new();
    for (dim, codes) in j.object()?.members {
        out.insert(dim.clone(), per_code(codes)?);
    }
    Ok(out)
}

pub(crate) fn manifest(j: &Json) -> Result<Manifest, JsonError> {
    let f = j.object()?;
    Ok(Manifest {
        id: f.req("id")?.string()?,
        title: localized(f.req("title")?)?,
        publisher: f.req("publisher")?.string()?,
        source: source(f.req("source")?)?,
        licence: one_or_both(f.req("licence")?)?,
        periods: f.req("periods")?.list(Json::string)?,
        status: status(f.req("status")?)?,
        files: files(f.req("files")?)?,
        disclosure: localized(f.req("disclosure")?)?,
        labels: f.opt("labels", labels)?.unwrap_or_default(),
        notes: f.opt("notes", |n| n.list(note))?.unwrap_or_default(),
        rules: f.opt("rules", rules)?.flatten(),
        created: f.opt("created", Json::string)?,
    })
}

pub(crate) fn index(j: &Json) -> Result<DatasetIndex, JsonError> {
    let entry = |j: &Json| -> Result<IndexEntry, JsonError> {
        let f = j.object()?;
        Ok(IndexEntry { id: f.req("id")?.string()?, path: f.req("path")?.string()?, title: localized(f.req("title")?)?, status: status(f.req("status")?)? })
    };
    Ok(DatasetIndex { datasets: j.object()?.req("datasets")?.list(entry)? })
}

/// Reads a JSON file with `read`, naming line and column of a problem.
fn from_json<T>(bytes: &[u8], file: &str, read: fn(&Json) -> Result<T, JsonError>) -> Result<T, DataError> {
    crate::model::json::parse_json(bytes).and_then(|j| read(&j)).map_err(|e| {
        DataError::new(ErrorKind::BadJson { detail: e.detail }, file)
            .at_line(e.line)
            .in_cell(&e.column.to_string(), "")
    })
}

/// The readers live here, beside what they read, so that `manifest.rs` (the types) imports
/// nothing of this module: no import circle.
impl DatasetIndex {
    /// Reads `index.json`.
    pub fn parse(bytes: &[u8], file: &str) -> Result<DatasetIndex, DataError> {
        let index = from_json(bytes, file, self::index)?;
        if index.datasets.is_empty() {
            return Err(DataError::new(ErrorKind::BadJson { detail: "no datasets".into() }, file));
        }
        Ok(index)
    }
}

impl Manifest {
    /// Reads `manifest.json`.
    pub fn parse(bytes: &[u8], file: &str) -> Result<Manifest, DataError> {
        from_json(bytes, file, self::manifest)
    }
}
