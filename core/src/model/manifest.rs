//! The JSON files that describe published datasets: `index.json` (which datasets a site hosts)
//! and each dataset's `manifest.json` (title, source, status, files, labels and notes).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::cube::PerceelNames;
use crate::texts::i18n::{Lang, Text};

/// A text in both languages.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct Localized {
    /// Dutch.
    pub nl: String,
    /// English.
    pub en: String,
}

impl Localized {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// How final a dataset is. Illustrative (synthetic) data is labelled as such wherever it appears.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Final published figures.
    Definitief,
    /// Provisional figures.
    Voorlopig,
    /// Synthetic, for illustration only.
    Illustratief,
    /// A file the user opened in the browser; nothing of it left the browser.
    Lokaal,
}

/// `data/index.json`: the datasets a site hosts.
#[derive(Debug, Clone)]
pub struct DatasetIndex {
    /// The datasets, the default one first.
    pub datasets: Vec<IndexEntry>,
}

impl DatasetIndex {
    /// The dataset shown for an asked id: that one where the index has it, else the first
    /// (the default). The one place this rule lives.
    ///
    /// ```
    /// use lta_core::DatasetIndex;
    /// let index = DatasetIndex::parse(br#"{"datasets": [
    ///   {"id": "a", "path": "a/", "title": {"nl": "A", "en": "A"}, "status": "definitief"},
    ///   {"id": "b", "path": "b/", "title": {"nl": "B", "en": "B"}, "status": "definitief"}]}"#, "index.json").unwrap();
    /// assert_eq!(index.entry(Some("b")).unwrap().id, "b");
    /// assert_eq!(index.entry(Some("z")).unwrap().id, "a");
    /// assert_eq!(index.entry(None).unwrap().id, "a");
    /// ```
    pub fn entry(&self, asked: Option<&str>) -> Option<&IndexEntry> {
        asked.and_then(|id| self.datasets.iter().find(|e| e.id == id)).or(self.datasets.first())
    }
}

/// One dataset in the index.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// Stable id, used in URLs.
    pub id: String,
    /// Folder of the dataset, relative to the index.
    pub path: String,
    /// Title.
    pub title: Localized,
    /// Status.
    pub status: Status,
}

/// The source a dataset cites.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The citation, as a reader would write it in a reference list.
    pub citation: Localized,
    /// Where to read the source, if it is online.
    pub url: Option<String>,
}

impl Source {
    /// The source's address when it is a web address: a publisher's `javascript:` or `data:`
    /// URL is never made a link.
    ///
    /// ```
    /// use lta_core::{Localized, Source};
    /// let s = |url: &str| Source { citation: Localized::default(), url: Some(url.into()) };
    /// assert_eq!(s("https://vng.nl/rapport").web_url(), Some("https://vng.nl/rapport"));
    /// assert_eq!(s(" JavaScript:alert(1)").web_url(), None);
    /// ```
    pub fn web_url(&self) -> Option<&str> {
        let url = self.url.as_deref()?.trim();
        let lower = url.to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url)
    }
}

/// The files of a dataset, relative to its folder.
#[derive(Debug, Clone, Serialize)]
pub struct Files {
    /// The cube CSV.
    pub cube: String,
    /// The population CSV, when per-1,000 rates are possible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<String>,
    /// The records the cube was made from, for `records_to_cube` (never published by a site).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<String>,
    /// The cells per jeugdregio and gemeente (`regio.csv`), where the data has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regio: Option<String>,
    /// Trajectories started, ended and running, and their durations (`doorlooptijd.csv`), where
    /// the records had begin dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doorlooptijd: Option<String>,
    /// Youth, trajectories and euros per provider (`aanbieders.csv`), where the data has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aanbieders: Option<String>,
}

/// A note the source attaches to its figures, shown beside the views it names.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// Stable id.
    pub id: String,
    /// The views it applies to (`overzicht`, `landsdelen`, `percelen`, `verwijzers`); empty: all.
    pub views: Vec<String>,
    /// True for the source's notes on the domain itself (woonplaatsbeginsel, referrer
    /// registration…), which apply to any data of this kind, also a user's own file.
    pub general: bool,
    /// The text.
    #[serde(flatten)]
    pub text: Localized,
}

/// `manifest.json` of one dataset.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: Localized,
    /// Who publishes the dataset.
    pub publisher: String,
    /// What it cites.
    pub source: Source,
    /// Licence of the data, or on what terms its figures are reused: in both languages, or one
    /// string for both (as older manifests have it).
    pub licence: Localized,
    /// Periods covered.
    pub periods: Vec<String>,
    /// Status.
    pub status: Status,
    /// Its files.
    pub files: Files,
    /// What the publisher did to protect the figures, in words.
    pub disclosure: Localized,
    /// Labels per dimension (`perceel`, `landsdeel`, `verwijzer`) per code.
    pub labels: BTreeMap<String, BTreeMap<String, Localized>>,
    /// Notes to show beside the views.
    pub notes: Vec<Note>,
    /// The disclosure method a cube made from records was published with, with its parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<crate::model::rules::Rules>,
    /// The day the dataset was made (`YYYY-MM-DD`), for cubes the dashboard wrote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

impl Manifest {
    /// The label of a code in a dimension, if the manifest has one.
    pub fn label(&self, dimension: &str, code: &str, lang: Lang) -> Option<&str> {
        self.labels.get(dimension)?.get(code).map(|l| l.get(lang))
    }

    /// The perceel codes and labels, for reading a cube that may carry labels instead of codes.
    pub fn perceel_names(&self) -> PerceelNames {
        let known = self.labels.get("perceel").map_or_else(Vec::new, |codes| {
            codes
                .iter()
                .map(|(code, l)| (code.clone(), vec![l.nl.clone(), l.en.clone()]))
                .collect()
        });
        PerceelNames::new(known)
    }

    /// The manifest of a file the user opened: named after the file, with the codes' labels
    /// and the notes of the published dataset it is shown beside (`base`).
    pub fn local(file_name: &str, base: &Manifest, disclosed: bool) -> Manifest {
        let named = Localized { nl: file_name.to_string(), en: file_name.to_string() };
        Manifest {
            id: String::new(),
            title: named.clone(),
            publisher: String::new(),
            source: Source { citation: named, url: None },
            licence: Localized::default(),
            periods: Vec::new(),
            status: Status::Lokaal,
            files: Files { cube: file_name.to_string(), population: None, records: None, regio: None, doorlooptijd: None, aanbieders: None },
            disclosure: {
                let text = if disclosed { Text::LocalDisclosed } else { Text::LocalUndisclosed };
                let sent = |lang| format!("{} {}", text.get(lang), Text::FileNotSent.get(lang));
                Localized { nl: sent(Lang::Nl), en: sent(Lang::En) }
            },
            labels: base.labels.clone(),
            notes: base.notes.iter().filter(|n| n.general).cloned().collect(),
            rules: disclosed.then(crate::model::rules::Rules::default),
            created: None,
        }
    }

    /// The notes that apply to a view, in manifest order.
    pub fn notes_for<'a>(&'a self, view: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes.iter().filter(move |n| n.views.is_empty() || n.views.iter().any(|v| v == view))
    }
}

/// Beside the status rather than in `i18n.rs`, which imports nothing of the crate.
impl Text {
    /// The text for a dataset status.
    pub fn status(s: Status) -> Text {
        match s {
            Status::Definitief => Text::StatusDefinitief,
            Status::Voorlopig => Text::StatusVoorlopig,
            Status::Illustratief => Text::StatusIllustratief,
            Status::Lokaal => Text::StatusLokaal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::error::ErrorKind;

    const MANIFEST: &str = r#"{
      "id": "t", "title": {"nl": "T", "en": "T"}, "publisher": "VNG",
      "source": {"citation": {"nl": "KPMG", "en": "KPMG"}},
      "licence": "CC BY 4.0", "periods": ["2023"], "status": "definitief",
      "files": {"cube": "cube.csv"},
      "disclosure": {"nl": "zoals gepubliceerd", "en": "as published"},
      "labels": {"perceel": {"TKGGZ": {"nl": "Topklinische GGz", "en": "Top clinical mental health care"}}},
      "notes": [{"id": "a", "views": ["landsdelen"], "nl": "A", "en": "A"}, {"id": "b", "nl": "B", "en": "B"}]
    }"#;

    #[test]
    fn reads_labels_and_notes() {
        let m = Manifest::parse(MANIFEST.as_bytes(), "manifest.json").unwrap();
        assert_eq!(m.status, Status::Definitief);
        assert_eq!(m.label("perceel", "TKGGZ", Lang::En), Some("Top clinical mental health care"));
        assert_eq!(m.perceel_names().resolve("topklinische ggz").as_deref(), Some("TKGGZ"));
        let ids = |v| m.notes_for(v).map(|n| n.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids("landsdelen"), ["a", "b"]);
        assert_eq!(ids("percelen"), ["b"]);
        assert_eq!(m.licence.get(Lang::En), "CC BY 4.0");
    }

    #[test]
    fn a_licence_can_be_given_in_both_languages() {
        let both = MANIFEST.replace(r#""CC BY 4.0""#, r#"{"nl": "alle rechten voorbehouden", "en": "all rights reserved"}"#);
        let m = Manifest::parse(both.as_bytes(), "manifest.json").unwrap();
        assert_eq!(m.licence.get(Lang::Nl), "alle rechten voorbehouden");
        assert_eq!(m.licence.get(Lang::En), "all rights reserved");
        let wrong = MANIFEST.replace(r#""CC BY 4.0""#, "3");
        assert!(Manifest::parse(wrong.as_bytes(), "manifest.json").is_err());
    }

    #[test]
    fn a_missing_member_or_an_unknown_status_is_named_where_it_is() {
        let e = Manifest::parse(MANIFEST.replace(r#""publisher": "VNG","#, "").as_bytes(), "manifest.json").unwrap_err();
        assert_eq!((e.kind, e.position.line), (ErrorKind::BadJson { detail: "missing field `publisher`".into() }, Some(1)));
        let e = Manifest::parse(MANIFEST.replace(r#""definitief""#, r#""klaar""#).as_bytes(), "manifest.json").unwrap_err();
        assert!(matches!(&e.kind, ErrorKind::BadJson { detail } if detail.contains("`klaar`")), "{e:?}");
        assert_eq!((e.position.line, e.position.column.as_deref()), (Some(4), Some("62")));
        let e = DatasetIndex::parse(br#"{"datasets": [{"id": "a", "path": "a/", "title": "A", "status": "voorlopig"}]}"#, "index.json").unwrap_err();
        assert_eq!(e.kind, ErrorKind::BadJson { detail: "expected an object".into() });
    }

    #[test]
    fn bad_json_names_line_and_column() {
        let e = Manifest::parse(b"{\n  \"id\": 3\n}", "manifest.json").unwrap_err();
        assert!(matches!(e.kind, ErrorKind::BadJson { .. }));
        assert_eq!(e.position.line, Some(2));
    }
}
