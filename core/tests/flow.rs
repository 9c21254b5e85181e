//! Doorlooptijd from the illustrative records: the trajectories, their movements per period and
//! their Kaplan–Meier quartiles computed here from the rows with a life table of our own, against
//! the engine and against the committed `doorlooptijd.csv`; the cell-key method on the counts;
//! groups under 20 youth shown without durations; an end before its begin refused.

use std::collections::{BTreeMap, HashSet};

use lta_core::{Area, Cell, ErrorKind, Flow, Landsdeel, MAX_NOISE, MIN_YOUTH, NO_SMALL, PerceelNames, SecretKey, day_number, flow_from_records, read_records};

fn illustrative(file: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../public/data/illustratief/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A trajectory as this test sees it: landsdeel, perceel, begin and end day (None: running).
type Trajectory = (String, String, String, i32, Option<i32>);

/// The trajectories of the records file: the lines of a client with the same perceel, provider
/// and begin date, ending at their latest end date, running when a line has none or ends after
/// the last day of 2024.
fn trajectories(csv: &str) -> Vec<Trajectory> {
    let last = day_number("2024-12-31").unwrap();
    let mut lines: BTreeMap<(String, String, String, String), (String, Vec<Option<i32>>)> =
        BTreeMap::new();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let end = (!f[8].is_empty())
            .then(|| day_number(f[8]).unwrap())
            .filter(|&e| e <= last);
        let entry = lines
            .entry((f[0].into(), f[4].into(), f[9].into(), f[7].into()))
            .or_insert_with(|| (f[2].into(), Vec::new()));
        entry.1.push(end);
    }
    lines
        .into_iter()
        .map(|((client, perceel, _, begin), (landsdeel, ends))| {
            let end = if ends.iter().any(Option::is_none) {
                None
            } else {
                ends.into_iter().flatten().max()
            };
            (client, landsdeel, perceel, day_number(&begin).unwrap(), end)
        })
        .collect()
}

/// The quartiles from a life table: at each day with endings, the share still running is the
/// product over days so far of (1 − ended that day / at risk that day); a quartile is the first
/// such day where the share is at most 75%, 50%, 25%. In weeks, half a week up.
fn life_table_quartiles(group: &[&Trajectory], last: i32) -> [Option<u32>; 3] {
    let length = |t: &Trajectory| t.4.unwrap_or(last) - t.3 + 1;
    let days: HashSet<i32> = group
        .iter()
        .filter(|t| t.4.is_some())
        .map(|t| length(t))
        .collect();
    let mut days: Vec<i32> = days.into_iter().collect();
    days.sort();
    let mut share = 1.0;
    let mut out = [None; 3];
    for d in days {
        let at_risk = group.iter().filter(|t| length(t) >= d).count() as f64;
        let ended = group
            .iter()
            .filter(|t| t.4.is_some() && length(t) == d)
            .count() as f64;
        share *= 1.0 - ended / at_risk;
        for (q, level) in out.iter_mut().zip([0.75, 0.5, 0.25]) {
            if q.is_none() && share <= level + 1e-9 {
                *q = Some(((d as f64 / 7.0) + 0.5).floor() as u32);
            }
        }
    }
    out
}

fn cells(q: [Option<u32>; 3]) -> [Cell; 3] {
    q.map(|w| w.map_or(Cell::NotPublished, |w| Cell::Exact(w as f64)))
}

fn flow_of(csv: &[u8], secret: Option<&SecretKey>) -> Flow {
    let built = read_records(csv, "records-synthetisch.csv", &PerceelNames::default())
        .unwrap()
        .value;
    flow_from_records(&built, secret).unwrap()
}

#[test]
fn the_illustrative_flow_equals_counts_and_a_life_table_made_here() {
    let csv = String::from_utf8(illustrative("records-synthetisch.csv")).unwrap();
    let all = trajectories(&csv);
    let engine = flow_of(csv.as_bytes(), None);
    let published = Flow::parse(
        &illustrative("doorlooptijd.csv"),
        "doorlooptijd.csv",
        &PerceelNames::default(),
    )
    .unwrap()
    .value;
    assert_eq!(
        engine, published,
        "doorlooptijd.csv is stale: run make data"
    );
    let last = day_number("2024-12-31").unwrap();
    let periods = [
        ("2023-H1", "2023-01-01", "2023-06-30"),
        ("2024-H2", "2024-07-01", "2024-12-31"),
    ];
    for (area, landsdeel, perceel) in [
        (Area::Nation, None, None),
        (Area::Landsdeel(Landsdeel::LI), Some("LI"), None),
        (Area::Landsdeel(Landsdeel::NN), Some("NN"), Some("TKGGZ")),
        (Area::Nation, None, Some("CGS")),
    ] {
        let group: Vec<&Trajectory> = all
            .iter()
            .filter(|t| landsdeel.is_none_or(|l| t.1 == l) && perceel.is_none_or(|p| t.2 == p))
            .collect();
        let key = (area, perceel.map(String::from));
        let d = engine.duration(&key).unwrap();
        let youth: HashSet<&str> = group.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            (d.jeugdigen, d.trajecten),
            (
                Cell::Exact(youth.len() as f64),
                Cell::Exact(group.len() as f64)
            ),
            "{key:?}"
        );
        let expected = if (youth.len() as u64) < MIN_YOUTH {
            [Cell::Secret; 3]
        } else {
            cells(life_table_quartiles(&group, last))
        };
        assert_eq!(d.quartiles, expected, "{key:?}");
        for (name, from, to) in periods {
            let (from, to) = (day_number(from).unwrap(), day_number(to).unwrap());
            let i = engine.periods.iter().position(|p| p == name).unwrap();
            let m = engine.movements(&key).unwrap()[i];
            let count = |f: &dyn Fn(&&Trajectory) -> bool| {
                Cell::Exact(group.iter().filter(|t| f(t)).count() as f64)
            };
            assert_eq!(
                m.started,
                count(&|t| (from..=to).contains(&t.3)),
                "{key:?} {name}"
            );
            assert_eq!(
                m.ended,
                count(&|t| t.4.is_some_and(|e| (from..=to).contains(&e))),
                "{key:?} {name}"
            );
            assert_eq!(
                m.running,
                count(&|t| t.3 <= to && t.4.is_none_or(|e| e > to)),
                "{key:?} {name}"
            );
        }
    }
    // Limburg's four jeugdregio's each have their durations.
    for code in ["JZ37", "JZ41", "JZ42", "JZ43"] {
        let d = engine
            .duration(&(Area::parse(code).unwrap(), None))
            .unwrap();
        assert!(
            d.quartiles.iter().all(|q| q.number().is_some()),
            "{code}: {d:?}"
        );
    }
}

#[test]
fn under_the_method_counts_move_a_little_small_groups_lose_their_durations_and_the_file_reads_back()
{
    let csv = illustrative("records-synthetisch.csv");
    let (exact, key) = (flow_of(&csv, None), SecretKey::from_bytes([7; 16]));
    let safe = flow_of(&csv, Some(&key));
    assert_eq!(
        safe,
        flow_of(&csv, Some(&key)),
        "the same records and key give the same noise"
    );
    let (mut moved, mut small, mut quartiles_moved) = (0, 0, 0);
    for code in ["TOTAAL", "LI", "NN", "JZ41", "JZ01"] {
        for perceel in [None, Some("TKGGZ"), Some("CGS"), Some("HIC")] {
            let group = (Area::parse(code).unwrap(), perceel.map(String::from));
            let (Some(e), Some(s)) = (exact.duration(&group), safe.duration(&group)) else {
                continue;
            };
            let pairs = exact
                .movements(&group)
                .unwrap()
                .iter()
                .zip(safe.movements(&group).unwrap())
                .flat_map(|(e, s)| {
                    [
                        (e.started, s.started),
                        (e.ended, s.ended),
                        (e.running, s.running),
                    ]
                });
            // A group shown without youth shows nothing else (the small-cell rule).
            let empty = s.jeugdigen == Cell::Exact(0.0);
            for (e, s) in pairs.chain([(e.jeugdigen, s.jeugdigen), (e.trajecten, s.trajecten)]) {
                let (e, s) = (e.number().unwrap(), s.number().unwrap());
                assert!(
                    ((s - e).abs() <= MAX_NOISE as f64 || (empty && s == 0.0))
                        && (s == 0.0 || s > NO_SMALL as f64)
                        && (e != 0.0 || s == 0.0),
                    "{group:?} {e} → {s}"
                );
                moved += usize::from(e != s);
            }
            // Durations only where the shown youth leave no doubt of at least 20; in order.
            let shown_youth = s.jeugdigen.number().unwrap();
            if s.quartiles == [Cell::Secret; 3] {
                assert!(shown_youth < (MIN_YOUTH as i64 + MAX_NOISE) as f64, "{group:?}");
                small += 1;
            } else {
                assert!(shown_youth >= (MIN_YOUTH as i64 + MAX_NOISE) as f64 && e.jeugdigen.number().unwrap() >= MIN_YOUTH as f64, "{group:?}");
                let w: Vec<f64> = s.quartiles.iter().filter_map(|q| q.number()).collect();
                assert!(w.windows(2).all(|p| p[0] <= p[1]), "{group:?} {w:?}");
                quartiles_moved += usize::from(s.quartiles != e.quartiles);
            }
        }
    }
    assert!(
        moved > 20 && small > 0 && quartiles_moved > 5,
        "{moved} moved, {small} small groups, {quartiles_moved} groups' quartiles moved"
    );
    let back = Flow::parse(
        safe.to_csv().as_bytes(),
        "doorlooptijd.csv",
        &PerceelNames::default(),
    )
    .unwrap()
    .value;
    assert_eq!(back, safe);
}

#[test]
fn an_end_before_its_begin_is_refused_naming_line_column_and_value() {
    let csv = "client,periode,landsdeel,perceel,verwijzer,volume_eur,begindatum,einddatum\n\
               a,2023-H1,LI,P,huisarts,10,2023-03-01,\n\
               b,2023-H1,LI,P,huisarts,10,2023-03-01,28-02-2023\n";
    let e = read_records(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::EndBeforeBegin);
    let p = e.position;
    assert_eq!(
        (p.line, p.column.as_deref(), p.value.as_deref()),
        (Some(3), Some("einddatum"), Some("28-02-2023"))
    );
    let bad = csv.replace("28-02-2023", "2023-02-30");
    assert_eq!(
        read_records(bad.as_bytes(), "r.csv", &PerceelNames::default())
            .unwrap_err()
            .kind,
        ErrorKind::BadDate
    );
    // Without begin dates there is no flow.
    let plain =
        "client,periode,landsdeel,perceel,verwijzer,volume_eur\na,2023-H1,LI,P,huisarts,10\n";
    let built = read_records(plain.as_bytes(), "r.csv", &PerceelNames::default())
        .unwrap()
        .value;
    assert!(flow_from_records(&built, None).is_none());
}

#[test]
fn the_doorlooptijd_tables_show_the_flow_of_the_chosen_area_beside_its_neighbours() {
    use lta_core::Regio;
    use lta_core::Selection;
    use lta_core::Dataset;
    use lta_core::{Lang, Manifest};
    let manifest = Manifest::parse(&illustrative("manifest.json"), "manifest.json").unwrap();
    let mut ds = Dataset::read(manifest, (&illustrative("cube.csv"), "cube.csv"), None).unwrap().value;
    assert!(ds.has_flow() && ds.flow.is_none(), "named by the manifest, read when the view opens");
    ds.read_flow(&illustrative("doorlooptijd.csv"), "doorlooptijd.csv").unwrap();
    let flow = ds.flow.clone().unwrap();
    let median = |t: &lta_core::Table, row: &lta_core::Row| row.cells[t.column(lta_core::Text::Median).unwrap()];

    // The nation: the eight landsdelen against it.
    let nation = Selection::from("2023");
    let t = ds.durations_by_area(&nation, None, Lang::Nl);
    assert_eq!(t.rows.len(), 8);
    for row in &t.rows {
        let l = Landsdeel::parse(&row.code).unwrap();
        assert_eq!(median(&t, row), flow.duration(&(Area::Landsdeel(l), None)).unwrap().quartiles[1], "{}", row.code);
    }
    assert_eq!(median(&t, t.total.as_ref().unwrap()), flow.duration(&(Area::Nation, None)).unwrap().quartiles[1]);

    // Limburg: its four jeugdregio's against it; one of them chosen: the same rows, it marked,
    // its own movements per period.
    let li = Selection { landsdeel: Some(Landsdeel::LI), ..nation.clone() };
    let t = ds.durations_by_area(&li, None, Lang::Nl);
    let mut names: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Midden-Limburg Oost", "Midden-Limburg West", "Noord-Limburg", "Zuid-Limburg"]);
    assert_eq!(t.total.as_ref().unwrap().label, "Limburg");
    let jz = Regio::parse("JZ41").unwrap();
    let chosen = ds.durations_by_area(&li, Some(jz), Lang::Nl);
    assert_eq!((chosen.rows.len(), chosen.selected.as_deref()), (4, Some("JZ41")));
    let m = ds.movements(&li, Some(jz));
    let own = flow.movements(&(Area::Region(jz), None)).unwrap();
    assert_eq!(m.rows.len(), flow.periods.len());
    for (row, mv) in m.rows.iter().zip(own) {
        assert_eq!(row.cells, [mv.started, mv.ended, mv.running], "{}", row.code);
    }
    // A jeugdregio outside the chosen landsdeel is not the area: Limburg is.
    let elsewhere = Regio::parse("JZ13").unwrap();
    assert_eq!(ds.movements(&li, Some(elsewhere)), ds.movements(&li, None));

    // Per perceel in Limburg: every perceel it has; small groups say "geheim", not a number.
    let p = ds.durations_by_perceel(&li, None, Lang::Nl);
    assert_eq!(p.rows.len(), flow.percelen(Area::Landsdeel(Landsdeel::LI)).count());
    let col = p.column(lta_core::Text::Median).unwrap();
    for row in &p.rows {
        let d = flow.duration(&(Area::Landsdeel(Landsdeel::LI), Some(row.code.clone()))).unwrap();
        assert_eq!(row.cells[col], d.quartiles[1]);
        if d.quartiles[1] == Cell::Secret {
            assert_eq!(p.text(row, col, Lang::Nl), "geheim");
        }
    }
    assert!(p.rows.iter().any(|r| r.cells[col] == Cell::Secret), "Limburg has small percelen");
}

#[test]
fn a_records_file_of_ones_own_computes_its_flow_and_providers_when_asked_not_with_its_cube() {
    use lta_core::{Dataset, LocalCube};
    use lta_core::Manifest;
    let manifest = Manifest::parse(&illustrative("manifest.json"), "manifest.json").unwrap();
    let base = Dataset::read(manifest, (&illustrative("cube.csv"), "cube.csv"), None).unwrap().value;
    let names = PerceelNames::default();
    let built = read_records(&illustrative("records-synthetisch.csv"), "r.csv", &names).unwrap().value;
    let key = SecretKey::from_bytes([5; 16]);
    let shown = Dataset::local("mijn.csv", &LocalCube::Records(built.clone().into()), &base, Some(&key));
    assert!(shown.flow.is_none() && shown.providers.is_none(), "not computed with the cube");
    assert!(shown.has_flow() && shown.has_providers(), "but the views know they can be");

    let mut asked = shown.clone();
    asked.compute_flow();
    let under_the_key = flow_from_records(&built, Some(&key)).unwrap();
    assert_eq!(asked.flow.as_ref().map(Flow::to_csv), Some(under_the_key.to_csv()));
    assert!(asked.providers.is_none(), "only what was asked");
    let all = shown.completed();
    assert_eq!(all.flow.map(|f| f.to_csv()), Some(under_the_key.to_csv()));
    let providers = lta_core::providers_from_records(&built, Some(&key)).unwrap();
    assert_eq!(all.providers.map(|p| p.to_csv()), Some(providers.to_csv()));

    // The method off: exact figures.
    let mut exact = Dataset::local("mijn.csv", &LocalCube::Records(built.clone().into()), &base, None);
    exact.compute_flow();
    assert_eq!(exact.flow.map(|f| f.to_csv()), flow_from_records(&built, None).map(|f| f.to_csv()));

    // Records without dates or providers have neither, asked or not.
    let plain = "client,periode,landsdeel,perceel,verwijzer,volume_eur\nc1,2023-H1,LI,TKGGZ,huisarts,10\n";
    let plain = read_records(plain.as_bytes(), "p.csv", &names).unwrap().value;
    let shown = Dataset::local("p.csv", &LocalCube::Records(plain.into()), &base, Some(&key));
    assert!(!shown.has_flow() && !shown.has_providers());
    let all = shown.completed();
    assert!(all.flow.is_none() && all.providers.is_none());
}
