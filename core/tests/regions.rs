//! Records with gemeenten or jeugdregio's: the same landsdeel figures as their twin with
//! landsdelen (exact and under the cell-key method), cells per jeugdregio and gemeente equal to
//! counts made here from the rows, kept only where records are, and a landsdeel column that
//! contradicts a gemeente refused.

use std::collections::{HashMap, HashSet};

use lta_core::{Cell, ErrorKind, Key, Landsdeel, Level, PerceelNames, RecordsCube, Regio, SecretKey, Verwijzer, apply_cell_key, read_records, regions};

/// Pseudo-random rows: client, half-year, gemeente index, perceel, referrer, cents.
fn rows(n: usize, seed: u64) -> Vec<(String, String, usize, &'static str, Verwijzer, i64)> {
    let mut state = seed;
    let mut next = move |m: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    // Two hundred of the 342 gemeenten: the others have no records.
    let gemeenten = 200;
    (0..n)
        .map(|_| {
            let client = format!("c{}", next(700));
            // A client lives in one gemeente: its number decides it (a few move: see below).
            let g = (client[1..].parse::<u64>().unwrap() * 7919 + next(50) / 49) % gemeenten;
            (client, format!("2023-H{}", 1 + next(2)), g as usize, ["A", "B", "C"][next(3) as usize], Verwijzer::ALL[next(8) as usize], next(90_000) as i64 - 5_000)
        })
        .collect()
}

fn landsdeel(g: usize) -> Landsdeel {
    regions().landsdeel_of(&regions().gemeenten[g])
}

/// The file, with the gemeente written by `gemeente` (None: the landsdeel column only).
fn file(rows: &[(String, String, usize, &str, Verwijzer, i64)], gemeente: Option<&dyn Fn(usize) -> String>, with_landsdeel: bool) -> String {
    let mut out = String::from("client,periode");
    out += if with_landsdeel { ",landsdeel" } else { "" };
    out += if gemeente.is_some() { ",gemeente" } else { "" };
    out += ",perceel,verwijzer,volume_eur\n";
    for (c, p, g, perceel, v, cents) in rows {
        out += &format!("{c},{p}");
        if with_landsdeel {
            out += &format!(",{}", landsdeel(*g).code());
        }
        if let Some(f) = gemeente {
            out += &format!(",{}", f(*g));
        }
        let sign = if *cents < 0 { "-" } else { "" };
        out += &format!(",{perceel},{},{sign}{}.{:02}\n", v.code(), cents.abs() / 100, cents.abs() % 100);
    }
    out
}

fn read(csv: &str) -> RecordsCube {
    read_records(csv.as_bytes(), "records.csv", &PerceelNames::default()).unwrap().value
}

#[test]
fn gemeenten_give_the_landsdeel_figures_of_their_twin_with_landsdelen() {
    let rows = rows(4000, 3);
    let plain = read(&file(&rows, None, true));
    let code = |g: usize| regions().gemeenten[g].code.clone();
    let name = |g: usize| format!("\"{}\"", regions().gemeenten[g].name);
    let key = SecretKey::from_bytes([7; 16]);
    for (twin, with_landsdeel) in [(read(&file(&rows, Some(&code), false)), false), (read(&file(&rows, Some(&name), true)), true)] {
        assert_eq!(twin.cube.to_csv(), plain.cube.to_csv(), "with a landsdeel column: {with_landsdeel}");
        // The cell-key method too: the region is not part of a record's key.
        assert_eq!(apply_cell_key(&twin, &key).to_csv(), apply_cell_key(&plain, &key).to_csv());
        assert_eq!(twin.cube.regions().levels(), vec![Level::Jeugdregio, Level::Gemeente]);
    }
    assert!(plain.cube.regions().is_empty());
}

#[test]
fn region_cells_are_the_counts_of_their_rows_and_only_those_with_records_are_kept() {
    let rows = rows(3000, 5);
    let code = |g: usize| format!("{}", regions().gemeenten[g].code[2..].parse::<u32>().unwrap());
    let built = read(&file(&rows, Some(&code), false));
    let cells = built.cube.regions();
    let jeugdregio = |g: usize| Regio::Gemeente(g as u16).jeugdregio();
    let mut by_region: HashMap<Regio, Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        by_region.entry(Regio::Gemeente(r.2 as u16)).or_default().push(i);
        by_region.entry(jeugdregio(r.2)).or_default().push(i);
    }
    for (regio, list) in &by_region {
        for (key, keep) in [
            (Key::total("2023"), &(|_: usize| true) as &dyn Fn(usize) -> bool),
            (Key::total("2023-H1").perceel("A"), &|i: usize| rows[i].1 == "2023-H1" && rows[i].3 == "A"),
            (Key::total("2023").verwijzer(Verwijzer::Huisarts), &|i: usize| rows[i].4 == Verwijzer::Huisarts),
        ] {
            let mine: Vec<usize> = list.iter().copied().filter(|&i| keep(i)).collect();
            let m = cells.get(*regio, &key);
            // A gemeente has its totals only: within a perceel or referrer it is not published.
            if matches!(regio, Regio::Gemeente(_)) && (key.perceel.is_some() || key.verwijzer.is_some()) {
                assert_eq!(m, lta_core::Measures::default(), "{} {key:?}", regio.code());
                continue;
            }
            let youth = mine.iter().map(|&i| &rows[i].0).collect::<HashSet<_>>().len();
            let cents: i64 = mine.iter().map(|&i| rows[i].5).sum();
            assert_eq!(m.trajecten, Cell::Exact(mine.len() as f64), "{} {key:?}", regio.code());
            assert_eq!(m.jeugdigen, Cell::Exact(youth as f64), "{} {key:?}", regio.code());
            assert!((m.volume_eur.number().unwrap() - cents as f64 / 100.0).abs() <= 0.5);
        }
    }
    // A gemeente without records reads 0 and is not kept.
    let empty = (0..regions().gemeenten.len()).find(|g| !by_region.contains_key(&Regio::Gemeente(*g as u16))).unwrap();
    assert_eq!(cells.get(Regio::Gemeente(empty as u16), &Key::total("2023")).jeugdigen, Cell::Exact(0.0));
    assert!(cells.len() < 20 * by_region.len() * 3, "{} cells", cells.len());
    assert!(cells.holds(Level::Gemeente) && cells.holds(Level::Jeugdregio));
    // The jeugdregio's of a landsdeel hold its youth, each youth once per jeugdregio.
    for l in Landsdeel::ALL {
        let youth = built.cube.get(&Key::total("2023").landsdeel(l)).jeugdigen.number().unwrap();
        let parts: f64 = Regio::jeugdregios_of(l).iter().map(|j| cells.get(*j, &Key::total("2023")).jeugdigen.number().unwrap()).sum();
        assert!(parts >= youth, "{l:?}");
    }
}

#[test]
fn a_landsdeel_column_that_contradicts_the_gemeente_is_refused() {
    let csv = "client,periode,landsdeel,gemeente,perceel,verwijzer,volume_eur\na,2023,LI,GM0935,A,huisarts,10\nb,2023,NH,Maastricht,A,huisarts,10\n";
    let e = read_records(csv.as_bytes(), "records.csv", &PerceelNames::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OtherLandsdeel);
    assert_eq!((e.position.line, e.position.column.as_deref(), e.position.value.as_deref()), (Some(3), Some("landsdeel"), Some("NH")));
}

#[test]
fn the_cell_key_method_protects_the_region_cells_as_every_other() {
    let rows = rows(3000, 9);
    let code = |g: usize| regions().gemeenten[g].code.clone();
    let built = read(&file(&rows, Some(&code), false));
    let safe = apply_cell_key(&built, &SecretKey::from_bytes([2; 16]));
    // Cells shown without youth are left out, as empty ones are: both read as 0.
    assert!(safe.regions().len() < built.cube.regions().len());
    let mut moved = 0;
    for l in Landsdeel::ALL {
        for j in Regio::jeugdregios_of(l) {
            for regio in std::iter::once(j).chain(j.gemeenten()) {
                let (e, s) = (built.cube.regions().get(regio, &Key::total("2023")), safe.regions().get(regio, &Key::total("2023")));
                let (e, s) = (e.jeugdigen.number().unwrap(), s.jeugdigen.number().unwrap());
                assert!((s - e).abs() <= 5.0 && (s == 0.0 || s > 2.0) && (e != 0.0 || s == 0.0), "{} {e} → {s}", regio.code());
                moved += usize::from(s != e);
            }
        }
    }
    assert!(moved > 100, "{moved}");
}

/// The Regio view's figures on the illustrative dataset, against counts made here from its
/// records with the reference table read here too (not through the dashboard's `Regio`).
#[test]
fn the_illustrative_jeugdregios_of_limburg_are_the_counts_of_their_records() {
    use lta_core::Selection;
    use lta_core::Dataset;
    use lta_core::{Lang, Manifest};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/illustratief/");
    let read = |f: &str| std::fs::read(format!("{dir}{f}")).unwrap();
    let manifest = Manifest::parse(&read("manifest.json"), "manifest.json").unwrap();
    let mut ds = Dataset::read(manifest, (&read("cube.csv"), "cube.csv"), None).unwrap().value;
    ds.read_regions(&read("regio.csv"), "regio.csv").unwrap();
    assert!(ds.has_regions());
    let table = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/gemeente_jeugdregio_2025.csv")).unwrap();
    let jeugdregio_of: HashMap<String, (String, String)> = table
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), (f[3].to_string(), f[4].to_string()))
        })
        .collect();
    let records = String::from_utf8(read("records-synthetisch.csv")).unwrap();
    let mut youth: HashMap<String, HashSet<String>> = HashMap::new();
    let mut euros: HashMap<String, f64> = HashMap::new();
    for line in records.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[1].starts_with("2023") && f[2] == "LI" && f[4] == "TKGGZ" {
            let name = jeugdregio_of[f[3]].1.clone();
            youth.entry(name.clone()).or_default().insert(f[0].to_string());
            *euros.entry(name).or_default() += f[6].parse::<f64>().unwrap();
        }
    }
    let sel = Selection { landsdeel: Some(Landsdeel::LI), perceel: Some("TKGGZ".into()), ..Selection::from("2023") };
    let t = ds.jeugdregios(&sel, Lang::Nl);
    let mut names: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Midden-Limburg Oost", "Midden-Limburg West", "Noord-Limburg", "Zuid-Limburg"]);
    assert_eq!(t.total.as_ref().unwrap().label, "Limburg");
    for row in &t.rows {
        assert_eq!(row.cells[0], Cell::Exact(youth[&row.label].len() as f64), "{}", row.label);
        assert_eq!(row.cells[2], Cell::Exact(euros[&row.label].round()), "{}", row.label);
    }
    // The gemeenten: totals only in a published file, so none within a perceel.
    let zl = Regio::parse("JZ41").unwrap();
    assert!(ds.gemeenten(&sel, zl).is_empty());
    let all = Selection { landsdeel: Some(Landsdeel::LI), ..Selection::from("2023") };
    let g = ds.gemeenten(&all, zl);
    assert_eq!(g.rows.len(), zl.gemeenten().len());
    assert_eq!(g.total.as_ref().unwrap().label, "Zuid-Limburg");
    let beside = ds.beside_regions(&all, Lang::Nl);
    assert_eq!(beside.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["Limburg", "Nederland"]);
}

/// The publishable cube of records with gemeenten: its region file (every crossing per
/// jeugdregio, totals per gemeente), named by the manifest with its levels, reads back the same.
#[test]
fn the_publishable_cube_carries_its_region_cells() {
    use lta_core::Status;
    use lta_core::{Dataset, LocalCube};
    use lta_core::Manifest;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/lta-2023/");
    let load = |f: &str| std::fs::read(format!("{dir}{f}")).unwrap();
    let base = Dataset::read(Manifest::parse(&load("manifest.json"), "manifest.json").unwrap(), (&load("cube.csv"), "cube.csv"), None).unwrap().value;
    let rows = rows(2000, 4);
    let code = |g: usize| regions().gemeenten[g].code.clone();
    // Percelen the published dataset knows, so that the folder reads back with its labels.
    let csv = file(&rows, Some(&code), false).replace(",A,", ",TKGGZ,").replace(",B,", ",UMC,").replace(",C,", ",DOE,");
    let built = read(&csv);
    let shown = Dataset::local("r.csv", &LocalCube::Records(built.into()), &base, Some(&SecretKey::from_bytes([8; 16])));
    let files = lta_core::dataset_files(&shown, &base.manifest, Status::Voorlopig, "2026-12-06", None);
    let text = |name: &str| files.iter().find(|f| f.0 == name).map(|f| f.1.clone()).unwrap();
    let manifest = lta_core::parse_json(text("manifest.json").as_bytes()).unwrap();
    let m = manifest.object().unwrap();
    assert_eq!(m.req("files").unwrap().object().unwrap().req("regio").unwrap().string().unwrap(), "regio.csv");
    assert_eq!(m.req("regioniveaus").unwrap().list(lta_core::Json::string).unwrap(), ["jeugdregio", "gemeente"]);
    let entries: Vec<(String, Vec<u8>)> = files.iter().map(|(n, t)| (format!("kubus/{n}"), t.clone().into_bytes())).collect();
    let back = lta_core::dataset_from_entries(&entries, "kubus.zip").unwrap().value;
    assert_eq!(back.cube.regions().to_csv(), shown.cube.regions().to_csv());
}

