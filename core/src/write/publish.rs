//! The publishable cube: what the screen shows of a records file, as a dataset folder in a ZIP
//! (`cube.csv`, `manifest.json`, the population when known, the cells per jeugdregio and
//! gemeente where the records had gemeenten (`regio.csv`), and a short read-me in Dutch and
//! English). Unzipped into a site's `data/` and listed in `data/index.json`, it is a published
//! dataset; opened again with "Eigen bestand openen", it shows the same numbers.

use crate::model::cube::{Cube, Parsed};
use crate::model::rules::Rules;
use crate::model::error::{DataError, ErrorKind};
use crate::texts::i18n::{texts, Lang, Text};
use crate::read::import::Mapping;
use crate::model::manifest::{Files, Localized, Manifest, Source, Status};
use crate::model::population::Population;
use crate::model::flow::Flow;
use crate::model::providers::Providers;
use crate::model::regio::RegionCells;
use crate::present::view::Dataset;
use crate::write::zip;

texts! { PublishWord;
    PublishCube => "Publiceerbare kubus downloaden", "Download publishable cube";
    PublishStatus => "Status van de kubus", "Status of the cube";
    PublishHelp => "Een ZIP-bestand met cube.csv, manifest.json, de bevolking en een leesmij: alleen de cijfers die het scherm nu toont, verstoord met de cell-key-methode. Het bevat geen bestandsnaam, geen cliëntnummers en niet de sleutel.", "A ZIP file with cube.csv, manifest.json, the population and a read-me: only the figures the screen shows now, perturbed with the cell-key method. It holds no file name, no client ids and not the key.";
    PublishFailed => "De publiceerbare kubus kon niet worden gemaakt", "The publishable cube could not be made";
    KeyHelp => "De verstoring hangt af van een geheime sleutel die deze browser bewaart. Bewaar hem bij de records en open hem weer bij de volgende publicatie, zodat dezelfde cijfers dezelfde verstoring houden. Publiceer hem nooit.", "The perturbation depends on a secret key this browser keeps. Keep it with the records and open it again for the next release, so the same figures keep the same perturbation. Never publish it.";
    KeySave => "Sleutel opslaan", "Save key";
    KeyOpen => "Sleutel openen", "Open key";
    KeyOpened => "Sleutel geopend: de cijfers zijn opnieuw verstoord met deze sleutel.", "Key opened: the figures are perturbed anew with this key.";
    PublishedCubeTitle => "Publiceerbare kubus uit eigen records", "Publishable cube from own records";
    PublishedCubeSource => "Eigen records, samengevat met de cell-key-methode van het LTA-dashboard", "Own records, summarised with the LTA dashboard's cell-key method";
    PublishedCubeHowTo => "Publiceren op een site met het dashboard: pak dit ZIP-bestand uit in een eigen map onder data/ (bijvoorbeeld data/eigen-2026/), vul in manifest.json de uitgever, bron en licentie in, en zet in data/index.json een regel {\"id\": \"eigen-2026\", \"path\": \"eigen-2026/\", \"title\": {\"nl\": \"…\", \"en\": \"…\"}, \"status\": \"voorlopig\"}. Het dashboard opent het ZIP-bestand ook direct via ‘Eigen bestand openen’.", "To publish on a site with the dashboard: unzip this file into a folder of its own under data/ (for example data/eigen-2026/), fill in the publisher, source and licence in manifest.json, and add to data/index.json an entry {\"id\": \"eigen-2026\", \"path\": \"eigen-2026/\", \"title\": {\"nl\": \"…\", \"en\": \"…\"}, \"status\": \"voorlopig\"}. The dashboard also opens the ZIP file directly through ‘Open your own file (CSV, Excel or ZIP)’.";
    Date => "Datum", "Date";
    PublishedCubeLicence => "Door de uitgever in te vullen", "To be filled in by the publisher";
}

const CUBE: &str = "cube.csv";
/// The cells per jeugdregio and gemeente.
pub const REGIONS_FILE: &str = "regio.csv";

/// The movements and durations of trajectories.
pub const FLOW_FILE: &str = "doorlooptijd.csv";
/// The provider cells' file in a published dataset.
pub const PROVIDERS_FILE: &str = "aanbieders.csv";
const POPULATION: &str = "population.csv";
const MANIFEST: &str = "manifest.json";

/// True when the bytes are a ZIP archive (its first local header).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The ZIP of a dataset made from records under the cell-key method (`shown`, as
/// `Dataset::local` made it), with the labels and general notes of the published dataset it was
/// shown beside. Nothing names the user's file or a client: the manifest is written anew.
///
/// `date` is `YYYY-MM-DD`; `status` is what the user chose (voorlopig or definitief).
pub fn dataset_zip(shown: &Dataset, base: &Manifest, status: Status, date: &str, mapping: Option<&Mapping>) -> Vec<u8> {
    let files = dataset_files(shown, base, status, date, mapping);
    let entries: Vec<(&str, &[u8])> = files.iter().map(|(n, d)| (*n, d.as_bytes())).collect();
    zip::write_zip(&entries, ymd(date))
}

/// The files of that dataset folder, by name (also what `records_to_cube` writes). Records read
/// by a `mapping` other than the dashboard's own format have it in the manifest (`kolommen`,
/// `invoer`), and a note says how periods were taken from dates where they were.
pub fn dataset_files(shown: &Dataset, base: &Manifest, status: Status, date: &str, mapping: Option<&Mapping>) -> Vec<(&'static str, String)> {
    let text = |get: &dyn Fn(Lang) -> &'static str| Localized { nl: get(Lang::Nl).into(), en: get(Lang::En).into() };
    let population = shown.population.as_ref().map(|p| p.to_csv());
    let regions = shown.cube.regions();
    let manifest = Manifest {
        id: format!("eigen-{date}"),
        title: Localized { nl: format!("{} ({date})", PublishWord::PublishedCubeTitle.get(Lang::Nl)), en: format!("{} ({date})", PublishWord::PublishedCubeTitle.get(Lang::En)) },
        publisher: String::new(),
        source: Source { citation: text(&|l| PublishWord::PublishedCubeSource.get(l)), url: None },
        licence: text(&|l| PublishWord::PublishedCubeLicence.get(l)),
        periods: shown.cube.periods().to_vec(),
        status,
        files: Files { cube: CUBE.into(), population: population.as_ref().map(|_| POPULATION.into()), records: None, regio: (!regions.is_empty()).then(|| REGIONS_FILE.into()), doorlooptijd: shown.flow.as_ref().map(|_| FLOW_FILE.into()), aanbieders: shown.providers.as_ref().map(|_| PROVIDERS_FILE.into()) },
        disclosure: text(&|l| Text::LocalDisclosed.get(l)),
        labels: base.labels.clone(),
        notes: base.notes.iter().filter(|n| n.general).cloned().chain(mapping.map(Mapping::notes).unwrap_or_default()).collect(),
        rules: Some(Rules::default()),
        created: Some(date.to_string()),
    };
    let levels: Vec<&str> = regions.levels().iter().map(|l| l.code()).collect();
    let published = Published { manifest: &manifest, regioniveaus: levels };
    let mut manifest_json = serde_json::to_string_pretty(&published).unwrap_or_default() + "\n";
    if let Some(m) = mapping.filter(|m| !m.is_plain()) {
        manifest_json = m.to_manifest_json(manifest_json.as_bytes()).unwrap_or(manifest_json);
    }
    let mut files = vec![(CUBE, shown.cube.to_csv()), (MANIFEST, manifest_json)];
    if let Some(p) = population {
        files.push((POPULATION, p));
    }
    if !regions.is_empty() {
        files.push((REGIONS_FILE, regions.to_csv()));
    }
    if let Some(flow) = &shown.flow {
        files.push((FLOW_FILE, flow.to_csv()));
    }
    if let Some(providers) = &shown.providers {
        files.push((PROVIDERS_FILE, providers.to_csv()));
    }
    files.push(("LEESMIJ.txt", read_me(Lang::Nl, status, date)));
    files.push(("README.txt", read_me(Lang::En, status, date)));
    files
}

/// A published manifest: the manifest, and the region levels below the landsdeel the dataset
/// holds (`regioniveaus`, where it has a region file). Written only: the app reads the levels
/// from the region file itself, and its first visit needs no reader for them.
#[derive(serde::Serialize)]
struct Published<'a> {
    #[serde(flatten)]
    manifest: &'a Manifest,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    regioniveaus: Vec<&'static str>,
}

fn read_me(lang: Lang, status: Status, date: &str) -> String {
    format!(
        "{}\n\n{}: {}\n{}: {date}\n\n{}\n\n{}\n",
        PublishWord::PublishedCubeTitle.get(lang),
        Text::StatusLabel.get(lang),
        Text::status(status).get(lang),
        PublishWord::Date.get(lang),
        Text::LocalDisclosed.get(lang),
        PublishWord::PublishedCubeHowTo.get(lang),
    )
}

fn ymd(date: &str) -> (u16, u16, u16) {
    let part = |i: usize| date.split('-').nth(i).and_then(|s| s.parse().ok()).unwrap_or(1);
    (part(0), part(1), part(2))
}

/// The shown dataset as CSV texts, as the app hands it to the archive worker.
#[derive(Debug, Clone, Copy, Default)]
pub struct ShownTexts<'a> {
    /// The cube.
    pub cube: &'a str,
    /// The population, when known.
    pub population: Option<&'a str>,
    /// The cells per jeugdregio and gemeente, when the data has them.
    pub regions: Option<&'a str>,
    /// The movements and durations, when the records had begin dates.
    pub flow: Option<&'a str>,
    /// The provider cells, when the records named providers.
    pub providers: Option<&'a str>,
}

/// The ZIP of [`dataset_zip`] from what the app can hand the archive worker (`xlsx/`, where the
/// deflate and the manifest writer live, not in the app's own wasm): the shown cube, its
/// population and its region cells as CSV text, and the published dataset's `manifest.json` as
/// it was fetched.
pub fn publish_zip(shown: ShownTexts, base_manifest: &[u8], mapping: Option<&str>, status: Status, date: &str) -> Result<Vec<u8>, DataError> {
    let base = Manifest::parse(base_manifest, MANIFEST)?;
    let mapping = match mapping {
        Some(json) => Mapping::from_manifest(json.as_bytes(), "kolommen.json")?,
        None => None,
    };
    // Open names: the cube's percelen are those of the user's records, as shown.
    let names = base.perceel_names().open();
    let mut cube = Cube::parse(shown.cube.as_bytes(), CUBE, &names)?.value;
    if let Some(regions) = shown.regions {
        cube = cube.with_regions(RegionCells::parse(regions.as_bytes(), REGIONS_FILE, &names)?.value);
    }
    let population = match shown.population {
        Some(p) => Some(Population::parse(p.as_bytes(), POPULATION)?.value),
        None => None,
    };
    let flow = match shown.flow {
        Some(f) => Some(Flow::parse(f.as_bytes(), FLOW_FILE, &names)?.value),
        None => None,
    };
    let providers = match shown.providers {
        Some(f) => Some(Providers::parse(f.as_bytes(), PROVIDERS_FILE, &names)?.value),
        None => None,
    };
    let shown = Dataset { manifest: base.clone(), cube, population, flow, providers, records: None };
    Ok(dataset_zip(&shown, &base, status, date, mapping.as_ref()))
}

/// Reads a dataset folder from a ZIP (at its root or in one folder), as `Dataset::read` does from
/// a site; errors name the file in the archive (`kubus.zip/cube.csv`).
pub fn read_dataset_zip(bytes: &[u8], file: &str) -> Result<Parsed<Dataset>, DataError> {
    let files = zip::read_zip(bytes).map_err(|e| DataError::new(ErrorKind::BadArchive { detail: e.0 }, file))?;
    dataset_from_entries(&files, file)
}

/// Reads a dataset folder from the entries of a ZIP (name, bytes), as [`read_dataset_zip`] does;
/// the app gets the entries from the archive worker, which unzips.
pub fn dataset_from_entries(files: &[(String, Vec<u8>)], file: &str) -> Result<Parsed<Dataset>, DataError> {
    let manifest_entry = files
        .iter()
        .filter(|(n, _)| n == MANIFEST || n.ends_with(&format!("/{MANIFEST}")))
        .min_by_key(|(n, _)| n.len())
        .ok_or_else(|| DataError::new(ErrorKind::MissingInArchive, file).in_cell("", MANIFEST))?;
    let folder = &manifest_entry.0[..manifest_entry.0.len() - MANIFEST.len()];
    let named = |name: &str| format!("{file}/{folder}{name}");
    let manifest = Manifest::parse(&manifest_entry.1, &named(MANIFEST))?;
    let find = |name: &str| {
        let path = format!("{folder}{name}");
        files.iter().find(|(n, _)| *n == path).map(|(_, d)| d.as_slice())
            .ok_or_else(|| DataError::new(ErrorKind::MissingInArchive, file).in_cell("", &path))
    };
    let cube_name = named(&manifest.files.cube);
    let cube = find(&manifest.files.cube)?;
    let population = match &manifest.files.population {
        Some(p) => Some((find(p)?, named(p))),
        None => None,
    };
    let population = population.as_ref().map(|(b, n)| (*b, n.as_str()));
    let (regions, flow, providers) = (manifest.files.regio.clone(), manifest.files.doorlooptijd.clone(), manifest.files.aanbieders.clone());
    let mut parsed = Dataset::read(manifest, (cube, &cube_name), population)?;
    if let Some(name) = regions {
        let notices = parsed.value.read_regions(find(&name)?, &named(&name))?;
        parsed.notices.extend(notices);
    }
    if let Some(name) = flow {
        let notices = parsed.value.read_flow(find(&name)?, &named(&name))?;
        parsed.notices.extend(notices);
    }
    if let Some(name) = providers {
        let notices = parsed.value.read_providers(find(&name)?, &named(&name))?;
        parsed.notices.extend(notices);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cube::PerceelNames;
    use crate::read::records;
    use crate::present::view::LocalCube;

    fn key() -> crate::protect::disclosure::SecretKey {
        crate::protect::disclosure::SecretKey::from_bytes([6; 16])
    }

    fn published() -> Dataset {
        let read = |f: &str| std::fs::read(format!("{}/../public/data/lta-2023/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let manifest = Manifest::parse(&read("manifest.json"), "manifest.json").unwrap();
        Dataset::read(manifest, (&read("cube.csv"), "cube.csv"), Some((&read("population.csv"), "population.csv"))).unwrap().value
    }

    /// Exported and read back, the cube is the one shown: every cell, every state.
    #[test]
    fn the_zip_reads_back_as_the_cube_that_was_shown() {
        let base = published();
        let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
        let mut next = crate::test_rng(3);
        for i in 0..2000 {
            let l = crate::Landsdeel::ALL[next(8) as usize].code();
            let p = ["TKGGZ", "UMC", "IBA"][next(3) as usize];
            csv += &format!("c{},2023-H{},{l},{p},huisarts,{}\n", i % 700, 1 + next(2), 1000 + next(90_000));
        }
        let built = records::read_records(csv.as_bytes(), "mijn-records.csv", &PerceelNames::default()).unwrap().value;
        let shown = Dataset::local("mijn-records.csv", &LocalCube::Records(built.into()), &base, Some(&key()));
        let zip = dataset_zip(&shown, &base.manifest, Status::Voorlopig, "2026-11-27", None);
        let back = read_dataset_zip(&zip, "kubus.zip").unwrap().value;
        assert_eq!(back.cube.to_csv(), shown.cube.to_csv());
        assert_eq!(back.population.unwrap().to_csv(), base.population.unwrap().to_csv());
        assert_eq!(back.manifest.status, Status::Voorlopig);
        assert_eq!(back.manifest.rules, Some(Rules::default()));
        assert_eq!(back.manifest.created.as_deref(), Some("2026-11-27"));
        // Nothing names the user's file or a client.
        for (name, data) in zip::read_zip(&zip).unwrap() {
            let text = String::from_utf8(data).unwrap();
            assert!(!text.contains("mijn-records") && !text.contains("c1,") && !text.contains(",c1"), "{name}");
        }
    }

    /// Records read by a mapping of their own: the publishable manifest carries it, with the
    /// notes on periods from dates and landsdelen from gemeenten; it reads back as that mapping.
    #[test]
    fn the_manifest_says_which_columns_the_records_were_read_by() {
        let base = published();
        let json = std::fs::read(format!("{}/../public/data/lta-2023/manifest.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let mapping = Mapping {
            columns: vec![("cliëntnummer".into(), crate::read::import::Role::Client), ("gemeentecode".into(), crate::read::import::Role::Gemeente), ("begindatum".into(), crate::read::import::Role::Begindatum)],
            amounts: crate::read::import::AmountStyle::Dutch,
            ..Mapping::default()
        };
        let zip = publish_zip(ShownTexts { cube: &base.cube.to_csv(), ..ShownTexts::default() }, &json, Some(&mapping.to_json()), Status::Voorlopig, "2026-12-05").unwrap();
        let files = zip::read_zip(&zip).unwrap();
        let manifest = &files.iter().find(|(n, _)| n.ends_with("manifest.json")).unwrap().1;
        // The manifest writer orders the columns by name; which column is which is the same.
        let mut back = Mapping::from_manifest(manifest, "manifest.json").unwrap().unwrap();
        let mut want = mapping.clone();
        back.columns.sort_by(|a, b| a.0.cmp(&b.0));
        want.columns.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(back, want);
        let text = String::from_utf8_lossy(manifest);
        assert!(text.contains("perioden-uit-datum") && text.contains("landsdeel-uit-gemeente") && text.contains("CBS, indeling 2025"), "{text}");
        // Without a mapping, none of it.
        let plain = publish_zip(ShownTexts { cube: &base.cube.to_csv(), ..ShownTexts::default() }, &json, None, Status::Voorlopig, "2026-12-05").unwrap();
        let plain = zip::read_zip(&plain).unwrap();
        let manifest = &plain.iter().find(|(n, _)| n.ends_with("manifest.json")).unwrap().1;
        assert_eq!(Mapping::from_manifest(manifest, "manifest.json").unwrap(), None);
    }

    /// What the archive worker makes from the app's texts is the ZIP of the dataset shown.
    #[test]
    fn the_zip_from_texts_is_the_zip_of_the_shown_dataset() {
        let base = published();
        let csv = "client,periode,landsdeel,perceel,verwijzer,volume_eur\na,2023-H1,ZW,UMC,huisarts,1000\nb,2023-H2,NH,NIEUW,huisarts,20000\n";
        let built = records::read_records(csv.as_bytes(), "r.csv", &base.manifest.perceel_names().open()).unwrap().value;
        let shown = Dataset::local("r.csv", &LocalCube::Records(built.into()), &base, Some(&key()));
        let json = std::fs::read(format!("{}/../public/data/lta-2023/manifest.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let population = shown.population.as_ref().map(|p| p.to_csv());
        let zip = publish_zip(ShownTexts { cube: &shown.cube.to_csv(), population: population.as_deref(), regions: None, flow: None, providers: None }, &json, None, Status::Definitief, "2026-11-27").unwrap();
        assert_eq!(zip, dataset_zip(&shown, &base.manifest, Status::Definitief, "2026-11-27", None));
        assert!(publish_zip(ShownTexts { cube: "periode\n", ..ShownTexts::default() }, &json, None, Status::Voorlopig, "2026-11-27").is_err());
    }

    /// The disclosure text says the rules were applied only where they were: a records file
    /// with the rules on, not a cube file the user opened.
    #[test]
    fn only_records_under_the_rules_say_the_rules_were_applied() {
        let base = published();
        let rules = |ds: &Dataset| ds.manifest.disclosure.nl.contains("verstoord met de cell-key-methode");
        let csv = "client,periode,landsdeel,perceel,verwijzer,volume_eur\na,2023,ZW,UMC,huisarts,10\n";
        let built = records::read_records(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value;
        let cube = LocalCube::Cube(built.cube.clone());
        let records = LocalCube::Records(built.into());
        assert!(rules(&Dataset::local("r.csv", &records, &base, Some(&key()))));
        assert!(!rules(&Dataset::local("r.csv", &records, &base, None)));
        assert!(!rules(&Dataset::local("c.csv", &cube, &base, Some(&key()))));
    }

    #[test]
    fn a_zip_without_a_manifest_or_with_a_missing_cube_names_what_is_missing() {
        let e = read_dataset_zip(&zip::write_zip(&[("a.csv", b"x".as_slice())], (2026, 1, 1)), "k.zip").unwrap_err();
        assert_eq!((e.kind, e.position.value.as_deref()), (ErrorKind::MissingInArchive, Some("manifest.json")));
        let m = std::fs::read(format!("{}/../public/data/lta-2023/manifest.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let e = read_dataset_zip(&zip::write_zip(&[("lta/manifest.json", m.as_slice())], (2026, 1, 1)), "k.zip").unwrap_err();
        assert_eq!(e.position.value.as_deref(), Some("lta/cube.csv"));
        let e = read_dataset_zip(b"PK\x03\x04 broken", "k.zip").unwrap_err();
        assert!(matches!(e.kind, ErrorKind::BadArchive { .. }));
    }
}
