//! Aanbieders from the illustrative records: every provider's youth, trajectories and euros per
//! landsdeel, counted here from the rows, against the engine and the committed `aanbieders.csv`;
//! the cell-key method on them; the view's table.

use std::collections::{BTreeMap, HashSet};

use lta_core::{Area, Cell, Dataset, Landsdeel, Lang, MAX_NOISE, Manifest, NO_SMALL, PerceelNames, Providers, SecretKey, Selection, providers_from_records, read_records};

fn illustrative(file: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../public/data/illustratief/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// (youth, trajectories, cents) per (landsdeel, provider) of the 2023 rows, counted here.
fn counted() -> BTreeMap<(String, String), (usize, u64, i64)> {
    let text = String::from_utf8(illustrative("records-synthetisch.csv")).unwrap();
    let mut out: BTreeMap<(String, String), (HashSet<String>, u64, i64)> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if !f[1].starts_with("2023") {
            continue;
        }
        let (whole, cents) = f[6].split_once('.').unwrap();
        let e = out.entry((f[2].to_string(), f[9].to_string())).or_default();
        e.0.insert(f[0].to_string());
        e.1 += 1;
        e.2 += whole.parse::<i64>().unwrap() * 100 + cents.parse::<i64>().unwrap();
    }
    out.into_iter().map(|(k, (y, t, c))| (k, (y.len(), t, c))).collect()
}

#[test]
fn every_providers_figures_equal_counts_made_here_and_the_committed_file() {
    let built = read_records(&illustrative("records-synthetisch.csv"), "r.csv", &PerceelNames::default()).unwrap().value;
    let exact = providers_from_records(&built, None).unwrap();
    let want = counted();
    assert!(want.len() > 100);
    for ((l, provider), (youth, trajectories, cents)) in &want {
        let area = Area::Landsdeel(Landsdeel::parse(l).unwrap());
        let got = exact.of("2023", area, None);
        let m = got.iter().find(|(p, _)| p == provider).unwrap_or_else(|| panic!("{l} {provider}")).1;
        assert_eq!(m.jeugdigen, Cell::Exact(*youth as f64), "{l} {provider}");
        assert_eq!(m.trajecten, Cell::Exact(*trajectories as f64), "{l} {provider}");
        assert_eq!(m.volume_eur, Cell::Exact(((cents + 50) / 100) as f64), "{l} {provider}");
    }
    // The committed file is what the engine writes, and reads back as it.
    let committed = String::from_utf8(illustrative("aanbieders.csv")).unwrap();
    assert_eq!(committed, exact.to_csv(), "run make data");
    let back = Providers::parse(committed.as_bytes(), "aanbieders.csv", &PerceelNames::default()).unwrap().value;
    assert_eq!(back, exact);

    // Under the method: every count within the noise, never 1 or 2, the same for the same key.
    let key = SecretKey::from_bytes([7; 16]);
    let safe = providers_from_records(&built, Some(&key)).unwrap();
    assert_eq!(safe, providers_from_records(&built, Some(&key)).unwrap());
    let (mut moved, mut merged) = (0, 0);
    for ((l, provider), (youth, ..)) in &want {
        let area = Area::Landsdeel(Landsdeel::parse(l).unwrap());
        let rows = safe.of("2023", area, None);
        assert!(rows.iter().all(|(_, m)| m.jeugdigen.number().unwrap() > NO_SMALL as f64), "no provider row shown without youth");
        let Some(m) = rows.iter().find(|(p, _)| p == provider).map(|r| r.1) else {
            // Shown without youth: among the other providers, which are a row of their own.
            assert!(*youth as i64 <= MAX_NOISE, "{l} {provider}: {youth}");
            merged += 1;
            continue;
        };
        let n = m.jeugdigen.number().unwrap();
        assert!((n - *youth as f64).abs() <= MAX_NOISE as f64, "{l} {provider}: {n} for {youth}");
        assert!(n == 0.0 || n > NO_SMALL as f64, "{l} {provider}: {n}");
        moved += usize::from(n != *youth as f64);
        assert_eq!(m.volume_eur.number().unwrap() % 1000.0, 0.0, "euros rounded to thousands");
    }
    assert!(moved > want.len() / 3, "the noise moves most cells: {moved} of {}", want.len());
    assert!(merged > 0, "some providers of a youth or two are among the others");
}

#[test]
fn the_aanbieders_table_lists_the_areas_providers_against_its_own_cell() {
    let manifest = Manifest::parse(&illustrative("manifest.json"), "manifest.json").unwrap();
    let mut ds = Dataset::read(manifest, (&illustrative("cube.csv"), "cube.csv"), None).unwrap().value;
    assert!(ds.has_providers() && ds.providers.is_none());
    ds.read_providers(&illustrative("aanbieders.csv"), "aanbieders.csv").unwrap();
    let li = Selection { landsdeel: Some(Landsdeel::LI), ..Selection::from("2023") };
    let t = ds.providers(&li, None, Lang::Nl);
    let want = counted();
    let limburg: Vec<&(String, String)> = want.keys().filter(|(l, _)| l == "LI").collect();
    assert_eq!(t.rows.len(), limburg.len());
    let total = t.total.as_ref().unwrap();
    assert_eq!(total.label, "Limburg");
    assert_eq!(total.cells[0], ds.cube.get(&li.key()).jeugdigen, "the area's own cell, not a sum");
    // Largest first by youth.
    assert!(t.rows.windows(2).all(|w| w[0].sort_value(0) >= w[1].sort_value(0)));
}
