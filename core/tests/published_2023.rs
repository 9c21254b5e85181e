//! The default dataset against the published 2023 figures of domain.md: every number the source
//! printed must come out of the files unchanged, and every derived one must agree with it.

use lta_core::{Cell, Dataset, Key, Landsdeel, Lang, Manifest, Text, Unit, Verwijzer, format_cell};

fn dataset() -> Dataset {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/lta-2023/");
    let read = |f: &str| std::fs::read(format!("{dir}{f}")).unwrap();
    let manifest = Manifest::parse(&read("manifest.json"), "manifest.json").unwrap();
    let (cube, population) = (read("cube.csv"), read("population.csv"));
    let parsed = Dataset::read(manifest, (&cube, "cube.csv"), Some((&population, "population.csv"))).unwrap();
    assert!(parsed.notices.is_empty());
    parsed.value
}

#[test]
fn national_totals() {
    let d = dataset();
    let t = d.cube.get(&Key::total("2023"));
    assert_eq!(t.jeugdigen, Cell::Exact(9722.0));
    assert_eq!(t.trajecten, Cell::Exact(15939.0));
    assert_eq!(t.volume_eur, Cell::Exact(194_078_629.0));
    let figures = d.key_figures(&"2023".into());
    let per_youth = figures.iter().find(|f| f.title == Text::EurosPerYouth).unwrap();
    assert_eq!(format_cell(per_youth.cell, Unit::Euro, Lang::Nl), "€ 19.963");
}

#[test]
fn tabel_1_per_perceel() {
    let published = [
        ("Topklinische GGz", 3872, 63932168, "1,44"),
        ("J-SGLVB (Jeugd Sterk Gedragsgestoord Licht Verstandelijk Beperkt)", 366, 41416353, "1,52"),
        ("Diagnostiek Observatie & Exploratieve behandeling", 123, 19721787, "1,63"),
        ("UMC's (Universitaire Medische Centra)", 2851, 16675839, "1,95"),
        ("ARFID en onzindelijkheid", 585, 11971973, "1,42"),
        ("Academische behandelcentra", 982, 11363299, "1,26"),
        ("Landelijke opvang en behandeling seksuele uitbuiting en eergerelateerd geweld", 172, 7155934, "1,27"),
        ("Intensieve behandeling autisme", 29, 5872382, "1,24"),
        ("ZIKOS", 58, 5010333, "1,33"),
        ("Jeugdhulp zintuiglijk beperkten", 316, 3970970, "1,54"),
        ("Gastplaatsingen High Intensive Care", 193, 3796042, "1,97"),
        ("Landelijk werkende klinieken voor gezinspsychiatrie", 116, 1582259, "1,31"),
        ("Overbruggingsregeling", 26, 1563840, "1,12"),
        ("Jeugd GGZ voor chromosomale gebonden genetische syndromen", 33, 45449, "1,39"),
    ];
    let d = dataset();
    let table = d.percelen(&"2023".into(), Lang::Nl);
    assert_eq!(table.rows.len(), 14);
    let col = |t| table.column(t).unwrap();
    for (label, youth, euros, ratio) in published {
        let row = table.rows.iter().find(|r| r.label == label).unwrap_or_else(|| panic!("{label}"));
        assert_eq!(row.cells[col(Text::UniqueYouth)], Cell::Exact(youth as f64), "{label}");
        assert_eq!(row.cells[col(Text::Euros)], Cell::Exact(euros as f64), "{label}");
        assert_eq!(table.text(row, col(Text::TrajectoriesPerYouth), Lang::Nl), format!("≈ {ratio}"), "{label}");
    }
    // Sorted by euros, as Tabel 1.
    assert_eq!(table.rows[0].label, "Topklinische GGz");
    assert!(table.has_approx());
}

#[test]
fn youth_per_landsdeel_and_rates() {
    let published = [
        (Landsdeel::ZW, 3305), (Landsdeel::BZ, 1751), (Landsdeel::NH, 1211), (Landsdeel::GE, 870),
        (Landsdeel::UF, 1751), (Landsdeel::NN, 210), (Landsdeel::OV, 150), (Landsdeel::LI, 475),
    ];
    let d = dataset();
    for (l, youth) in published {
        assert_eq!(d.cube.get(&Key::total("2023").landsdeel(l)).jeugdigen, Cell::Exact(youth as f64));
    }
    let table = d.landsdelen(&"2023".into(), Lang::Nl);
    let uf = table.rows.iter().find(|r| r.code == "UF").unwrap();
    assert_eq!(table.text(uf, table.column(Text::Per1000Youth).unwrap(), Lang::Nl), "4,4");
    assert_eq!(table.rows[0].code, "ZW");
    // No euros per landsdeel were published: those columns are left out and named.
    assert!(table.column(Text::Euros).is_none());
    assert_eq!(table.not_published.iter().map(|c| c.title).collect::<Vec<_>>(), vec![Text::Euros, Text::EurosPerYouth, Text::ShareOfEuros]);
    // A referrer's landsdelen were not published: no table of the CBS population alone.
    let huisarts = lta_core::Selection { verwijzer: Some(Verwijzer::Huisarts), ..lta_core::Selection::from("2023") };
    assert!(d.landsdelen(&huisarts, Lang::Nl).is_empty());
    // The national row is the source's own 9,722, not the 9,723 the rows add up to.
    let total = table.total.as_ref().unwrap();
    assert_eq!(total.cells[table.column(Text::UniqueYouth).unwrap()], Cell::Exact(9722.0));
}

#[test]
fn referrers_are_approximate_or_not_published() {
    let d = dataset();
    let euros = |v| d.cube.get(&Key::total("2023").verwijzer(v)).volume_eur;
    assert_eq!(euros(Verwijzer::Geen), Cell::Approx(1_500_000.0));
    assert_eq!(euros(Verwijzer::Onbekend), Cell::Approx(3_700_000.0));
    // "Circa 3%" of the euros, kept at the precision of the source: no euro-exact figure.
    assert_eq!(euros(Verwijzer::RechterOvj), Cell::Approx(5_800_000.0));
    assert_eq!(euros(Verwijzer::MedischSpecialist), Cell::NotPublished);
    let table = d.verwijzers(&"2023".into(), Lang::Nl);
    let share = table.column(Text::ShareOfEuros).unwrap();
    let rechter = table.rows.iter().find(|r| r.code == "rechter-ovj").unwrap();
    assert_eq!(table.text(rechter, share, Lang::Nl), "≈ 3%");
    assert_eq!(table.text(rechter, table.column(Text::Euros).unwrap(), Lang::Nl), "≈ € 5,8 mln");
    assert!(table.column(Text::Trajectories).is_none());
}
