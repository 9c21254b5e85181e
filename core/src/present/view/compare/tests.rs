use super::*;
use crate::model::cube::{Cube, PerceelNames};
use crate::model::manifest::Manifest;

fn dataset(cube: &str) -> Dataset {
    let manifest = Manifest::parse(
        br#"{"id":"t","title":{"nl":"T","en":"T"},"publisher":"","source":{"citation":{"nl":"B","en":"S"}},"licence":"","periods":[],"status":"definitief","files":{"cube":"c.csv"},"disclosure":{"nl":"","en":""}}"#,
        "m",
    )
    .unwrap();
    let csv = format!("periode,landsdeel,perceel,verwijzer,trajecten,jeugdigen,volume_eur\n{cube}");
    let cube = Cube::parse(csv.as_bytes(), "c.csv", &PerceelNames::default()).unwrap().value;
    Dataset { manifest, cube, population: None, flow: None, providers: None, records: None }
}

/// 2022 and 2023: ZW known on both sides, NH secret in 2022, LI not published in 2023 and 0
/// youth in 2022; perceel A on both sides, OUD only in 2022, NIEUW only in 2023.
fn two_years() -> Dataset {
    dataset(
        "2022,TOTAAL,TOTAAL,TOTAAL,150,100,1000000\n\
         2022,ZW,TOTAAL,TOTAAL,60,40,400000\n\
         2022,NH,TOTAAL,TOTAAL,x,x,x\n\
         2022,LI,TOTAAL,TOTAAL,0,0,0\n\
         2022,TOTAAL,A,TOTAAL,100,70,700000\n\
         2022,TOTAAL,OUD,TOTAAL,50,30,300000\n\
         2023,TOTAAL,TOTAAL,TOTAAL,165,110,1210000\n\
         2023,ZW,TOTAAL,TOTAAL,66,50,450000\n\
         2023,NH,TOTAAL,TOTAAL,20,12,150000\n\
         2023,LI,TOTAAL,TOTAAL,,,\n\
         2023,TOTAAL,A,TOTAAL,90,60,600000\n\
         2023,TOTAAL,NIEUW,TOTAAL,75,50,610000\n",
    )
}

fn row<'a>(t: &'a Table, code: &str) -> &'a [Cell] {
    &t.rows.iter().find(|r| r.code == code).unwrap_or_else(|| panic!("no row {code}")).cells
}

fn compare(d: &Dataset, m: ChartMeasure) -> Comparison {
    let reference = Side { dataset: d, periode: "2022", name: "2022" };
    d.compare(&Selection::from("2023"), "2023", reference, m, Lang::Nl)
}

#[test]
fn differences_only_where_both_sides_are_known() {
    let d = two_years();
    let c = compare(&d, ChartMeasure::Jeugdigen);
    let (_, landsdelen) = &c.tables[0];
    let headings: Vec<String> = landsdelen.columns.iter().map(|c| c.heading(Lang::Nl)).collect();
    assert_eq!(headings, ["Unieke jeugdigen: 2022", "Unieke jeugdigen: 2023", "Verschil", "Verandering"]);
    assert_eq!(row(landsdelen, "ZW"), [Cell::Exact(40.0), Cell::Exact(50.0), Cell::Exact(10.0), Cell::Exact(0.25)]);
    // A secret side keeps the difference secret; an unpublished side keeps it unpublished.
    assert_eq!(row(landsdelen, "NH")[2..], [Cell::Secret, Cell::Secret]);
    assert_eq!(row(landsdelen, "LI")[2..], [Cell::NotPublished, Cell::NotPublished]);
    // A landsdeel the cube has no row for at all is unknown on both sides, not 0.
    assert_eq!(row(landsdelen, "GE"), [Cell::NotPublished; 4]);
    // The total row is the selection's own total, not a sum of the rows.
    assert_eq!(landsdelen.total.as_ref().unwrap().cells, [Cell::Exact(100.0), Cell::Exact(110.0), Cell::Exact(10.0), Cell::Exact(0.1)]);
    assert_eq!(c.national[0], Change::new(ChartMeasure::Jeugdigen, Cell::Exact(100.0), Cell::Exact(110.0)));
}

#[test]
fn a_change_from_zero_has_a_difference_but_no_percentage() {
    let c = Change::new(ChartMeasure::Jeugdigen, Cell::Exact(0.0), Cell::Exact(8.0));
    assert_eq!((c.difference, c.change), (Cell::Exact(8.0), Cell::NotPublished));
    let c = Change::new(ChartMeasure::Trajecten, Cell::Approx(5576.0), Cell::Exact(5576.0));
    assert_eq!((c.difference, c.change), (Cell::Approx(0.0), Cell::Approx(0.0)));
}

#[test]
fn percelen_on_one_side_only_are_listed_apart() {
    let d = two_years();
    let c = compare(&d, ChartMeasure::Euros);
    let (_, percelen) = &c.tables[1];
    assert_eq!(percelen.rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["A"]);
    assert_eq!(row(percelen, "A")[2], Cell::Exact(-100000.0));
    assert_eq!((c.only_reference.as_slice(), c.only_current.as_slice()), (&["OUD".to_string()][..], &["NIEUW".to_string()][..]));
}

#[test]
fn euros_per_youth_where_both_sides_have_them() {
    let d = two_years();
    let c = compare(&d, ChartMeasure::EurosPerYouth);
    let (_, landsdelen) = &c.tables[0];
    assert_eq!(row(landsdelen, "ZW")[..3], [Cell::Exact(10000.0), Cell::Exact(9000.0), Cell::Exact(-1000.0)]);
    assert_eq!(row(landsdelen, "LI")[2], Cell::NotPublished);
    assert_eq!(c.national[3].difference, Cell::Exact(1000.0));
}

#[test]
fn another_dataset_uses_its_own_period_and_names() {
    let published = dataset("2023,TOTAAL,TOTAAL,TOTAAL,15939,9722,194078629\n2023,ZW,TOTAAL,TOTAAL,,3305,\n");
    let own = dataset("2023,TOTAAL,TOTAAL,TOTAAL,15384,9722,194078629\n2023,ZW,TOTAAL,TOTAAL,5000,3305,60000000\n");
    let reference = Side { dataset: &published, periode: "2023", name: "gepubliceerd" };
    let c = own.compare(&Selection::from("2023"), "eigen", reference, ChartMeasure::Euros, Lang::Nl);
    let (_, landsdelen) = &c.tables[0];
    // The published side has no euros per landsdeel: that column goes, and so do the differences.
    let headings: Vec<String> = landsdelen.columns.iter().map(|c| c.heading(Lang::Nl)).collect();
    assert_eq!(headings, ["Volume in euro’s: eigen"]);
    assert_eq!(c.national[0].difference, Cell::Exact(0.0));
    assert_eq!(c.national[1].difference, Cell::Exact(-555.0));
}
