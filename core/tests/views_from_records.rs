//! The views on a dataset built from records: the lost views of the source (euros per landsdeel,
//! perceel shares per landsdeel, profiles, trend) appear, and agree with direct sums.

use lta_core::{Dataset, Landsdeel, Lang, Manifest, PerceelNames, Text, cube_from_records};

const RECORDS: &str = "client,periode,landsdeel,perceel,verwijzer,volume_eur
a,2022-H1,ZW,TKGGZ,huisarts,100
a,2023-H1,ZW,TKGGZ,huisarts,300
a,2023-H2,ZW,UMC,huisarts,100
b,2023-H1,ZW,UMC,gemeente,600
c,2023-H2,NN,UMC,medisch-specialist,1000
";

fn dataset() -> Dataset {
    let manifest = Manifest::parse(
        br#"{"id":"t","title":{"nl":"T","en":"T"},"publisher":"","source":{"citation":{"nl":"","en":""}},
        "licence":"","periods":[],"status":"illustratief","files":{"cube":"c.csv"},"disclosure":{"nl":"","en":""}}"#,
        "manifest.json",
    )
    .unwrap();
    let cube = cube_from_records(RECORDS.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value;
    Dataset { manifest, cube, population: None, flow: None, providers: None, records: None }
}

#[test]
fn euros_per_landsdeel_appear_when_the_data_has_them() {
    let t = dataset().landsdelen(&"2023".into(), Lang::Nl);
    let euros = t.column(Text::Euros).expect("euros column");
    let zw = t.rows.iter().find(|r| r.code == "ZW").unwrap();
    assert_eq!(t.text(zw, euros, Lang::Nl), "€ 1.000");
    assert_eq!(t.text(zw, t.column(Text::EurosPerYouth).unwrap(), Lang::Nl), "€ 500");
    assert_eq!(t.text(zw, t.column(Text::ShareOfEuros).unwrap(), Lang::Nl), "50,0%");
}

#[test]
fn perceel_shares_per_landsdeel_add_up_per_column() {
    let t = dataset().perceel_shares("2023", Lang::Nl);
    assert!(!t.is_empty());
    assert_eq!(t.columns[0].heading(Lang::Nl), "Aandeel in euro’s: Nederland");
    for c in 0..t.columns.len() {
        let sum: f64 = t.rows.iter().filter_map(|r| r.cells[c].number()).sum();
        assert!(sum == 0.0 || (sum - 1.0).abs() < 1e-9, "{}", t.columns[c].heading(Lang::Nl));
    }
    let umc = t.rows.iter().find(|r| r.code == "UMC").unwrap();
    let zw = t.columns.iter().position(|c| c.of.as_deref() == Some("ZW") || c.of.as_deref() == Some("Zuid-West")).unwrap();
    assert_eq!(t.text(umc, zw, Lang::Nl), "70,0%");
}

#[test]
fn profile_sets_a_landsdeel_beside_the_nation() {
    let p = dataset().profile(Landsdeel::ZW, "2023", Lang::Nl);
    let fig = &p.figures;
    let youth = fig.column(Text::UniqueYouth).unwrap();
    assert_eq!(fig.text(&fig.rows[0], youth, Lang::Nl), "2");
    assert_eq!(fig.text(&fig.rows[1], youth, Lang::Nl), "3");
    let huisarts = p.verwijzers.rows.iter().find(|r| r.code == "huisarts").unwrap();
    assert_eq!(p.verwijzers.text(huisarts, 0, Lang::Nl), "40,0%");
    assert_eq!(p.verwijzers.text(huisarts, 1, Lang::Nl), "20,0%");
    let umc = p.euros_per_youth.rows.iter().find(|r| r.code == "UMC").unwrap();
    assert_eq!(p.euros_per_youth.text(umc, 0, Lang::Nl), "€ 350");
}

#[test]
fn trend_is_per_year_in_time_order() {
    let t = dataset().trend(&"2023".into());
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["2022", "2023"]);
    assert_eq!(t.text(&t.rows[1], t.column(Text::UniqueYouth).unwrap(), Lang::Nl), "3");
}

#[test]
fn the_published_2023_data_has_no_perceel_shares_per_landsdeel() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/lta-2023/");
    let read = |f: &str| std::fs::read(format!("{dir}{f}")).unwrap();
    let manifest = Manifest::parse(&read("manifest.json"), "manifest.json").unwrap();
    let d = Dataset::read(manifest, (&read("cube.csv"), "cube.csv"), None).unwrap().value;
    assert!(d.perceel_shares("2023", Lang::Nl).is_empty());
    assert!(d.profile(Landsdeel::ZW, "2023", Lang::Nl).percelen.is_empty());
}

#[test]
fn a_chosen_landsdeel_narrows_the_other_views() {
    use lta_core::Selection;
    let d = dataset();
    let zw = Selection { landsdeel: Some(Landsdeel::ZW), ..Selection::from("2023") };
    let percelen = d.percelen(&zw, Lang::Nl);
    let youth = percelen.column(Text::UniqueYouth).unwrap();
    let umc = percelen.rows.iter().find(|r| r.code == "UMC").unwrap();
    assert_eq!(percelen.text(umc, youth, Lang::Nl), "2"); // a and b, not c (Noord-Nederland)
    let total = percelen.total.as_ref().unwrap();
    assert_eq!((total.label.as_str(), percelen.text(total, youth, Lang::Nl).as_str()), ("Totaal van de selectie", "2"));
    assert_eq!(percelen.selected, None);
    let landsdelen = d.landsdelen(&zw, Lang::Nl);
    assert_eq!(landsdelen.selected.as_deref(), Some("ZW"));
    assert_eq!(landsdelen.total.as_ref().unwrap().label, "Nederland");
    let figures = d.key_figures(&zw);
    assert_eq!(figures[0].cell, lta_core::Cell::Exact(2.0));
}
