//! Every statement the illustrative data must honour, checked on `generate(2023)` with this
//! test's own plain aggregation (distinct clients via HashSet, euros as summed cents rounded
//! half away from zero once per cell).

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use lta_generate::targets::{
    LANDSDEEL_YOUTH, NATIONAL_EUR, NATIONAL_TRAJECTORIES, NATIONAL_YOUTH, PERCELEN,
};
use lta_generate::{generate, ClientId, Landsdeel, Perceel, Record, Verwijzer};

fn records() -> &'static [Record] {
    static RECORDS: OnceLock<Vec<Record>> = OnceLock::new();
    RECORDS.get_or_init(|| generate(2023))
}

fn year(y: u16) -> Vec<Record> {
    records()
        .iter()
        .filter(|r| r.periode.year == y)
        .copied()
        .collect()
}

/// Whole euros, rounding half away from zero (as the dashboard does per cell).
fn eur(cents: i64) -> i64 {
    if cents >= 0 {
        (cents + 50) / 100
    } else {
        -((-cents + 50) / 100)
    }
}

/// Youth (distinct clients), trajectories (rows) and cents of a slice.
struct Cell {
    youth: usize,
    rows: usize,
    cents: i64,
}

impl Cell {
    fn of<'a>(rows: impl Iterator<Item = &'a Record>) -> Cell {
        let (mut clients, mut n, mut cents) = (HashSet::<ClientId>::new(), 0, 0);
        for r in rows {
            clients.insert(r.client);
            n += 1;
            cents += r.cents;
        }
        Cell {
            youth: clients.len(),
            rows: n,
            cents,
        }
    }
    fn eur(&self) -> i64 {
        eur(self.cents)
    }
}

fn by<K: Ord>(rows: &[Record], key: impl Fn(&Record) -> K) -> BTreeMap<K, Cell> {
    let mut groups: BTreeMap<K, Vec<&Record>> = BTreeMap::new();
    for r in rows {
        groups.entry(key(r)).or_default().push(r);
    }
    groups
        .into_iter()
        .map(|(k, v)| (k, Cell::of(v.into_iter())))
        .collect()
}

/// Percelen of a landsdeel ordered by euros, largest first.
fn percelen_by_euros(rows: &[Record], l: Landsdeel) -> Vec<(Perceel, i64)> {
    let in_l: Vec<Record> = rows.iter().filter(|r| r.landsdeel == l).copied().collect();
    let mut v: Vec<(Perceel, i64)> = by(&in_l, |r| r.perceel)
        .into_iter()
        .map(|(p, c)| (p, c.eur()))
        .collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    v
}

#[test]
fn national_2023_youth_trajectories_and_euros() {
    let c = Cell::of(year(2023).iter());
    assert_eq!(c.youth, NATIONAL_YOUTH as usize, "distinct clients 2023");
    assert_eq!(c.rows, NATIONAL_TRAJECTORIES as usize, "rows 2023");
    assert_eq!(c.eur(), NATIONAL_EUR, "rounded euros 2023");
    assert_eq!((c.youth, c.rows, c.eur()), (9722, 15939, 194_078_629));
}

#[test]
fn per_perceel_2023_youth_and_euros_match_tabel_1() {
    let cells = by(&year(2023), |r| r.perceel);
    assert_eq!(cells.len(), 14, "all 14 percelen in 2023");
    for f in &PERCELEN {
        let c = &cells[&f.perceel];
        assert_eq!(c.youth, f.youth as usize, "youth of {:?}", f.perceel);
        assert_eq!(c.eur(), f.eur, "euros of {:?}", f.perceel);
    }
    assert_eq!(
        (cells[&Perceel::TKGGZ].youth, cells[&Perceel::TKGGZ].eur()),
        (3872, 63_932_168)
    );
}

#[test]
fn tabel_1_euros_sum_one_below_the_national_total() {
    let cells = by(&year(2023), |r| r.perceel);
    let sum_of_rounded: i64 = cells.values().map(Cell::eur).sum();
    assert_eq!(sum_of_rounded, 194_078_628, "the source's Tabel 1 total");
    assert_eq!(
        Cell::of(year(2023).iter()).eur(),
        194_078_629,
        "the source's national total"
    );
}

#[test]
fn per_perceel_2023_trajectories_follow_the_ratios_scaled_to_15939() {
    let cells = by(&year(2023), |r| r.perceel);
    let raw: f64 = PERCELEN
        .iter()
        .map(|f| f.youth as f64 * f.trajectories_per_youth)
        .sum();
    let scale = NATIONAL_TRAJECTORIES as f64 / raw;
    for f in &PERCELEN {
        let c = &cells[&f.perceel];
        let ideal = f.youth as f64 * f.trajectories_per_youth * scale;
        assert!(
            (c.rows as f64 - ideal).abs() < 1.0,
            "{:?}: {} rows, ideal {ideal:.2}",
            f.perceel,
            c.rows
        );
        assert!(c.rows >= c.youth, "{:?}: fewer rows than youth", f.perceel);
    }
}

#[test]
fn per_landsdeel_2023_youth_as_published() {
    let cells = by(&year(2023), |r| r.landsdeel);
    for l in Landsdeel::ALL {
        assert_eq!(
            cells[&l].youth, LANDSDEEL_YOUTH[l as usize] as usize,
            "youth of {l:?}"
        );
    }
    let published = [
        ("ZW", 3305),
        ("BZ", 1751),
        ("NH", 1211),
        ("GE", 870),
        ("UF", 1751),
        ("NN", 210),
        ("OV", 150),
        ("LI", 475),
    ];
    for (code, youth) in published {
        let l = Landsdeel::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .unwrap();
        assert_eq!(cells[&l].youth, youth, "youth of {code}");
    }
    assert_eq!(
        cells.values().map(|c| c.youth).sum::<usize>(),
        9723,
        "landsdelen sum to 9,723"
    );
}

#[test]
fn exactly_one_child_in_two_landsdelen_in_2023() {
    let mut landsdelen: BTreeMap<ClientId, HashSet<Landsdeel>> = BTreeMap::new();
    for r in year(2023) {
        landsdelen.entry(r.client).or_default().insert(r.landsdeel);
    }
    let movers: Vec<_> = landsdelen.iter().filter(|(_, ls)| ls.len() > 1).collect();
    assert_eq!(movers.len(), 1, "movers: {movers:?}");
    assert_eq!(
        movers[0].1.len(),
        2,
        "the mover is in exactly two landsdelen"
    );
}

#[test]
fn largest_referrers_are_medisch_specialist_huisarts_gemeente_by_rows_and_youth() {
    let cells = by(&year(2023), |r| r.verwijzer);
    let top3 = |measure: fn(&Cell) -> usize| {
        let mut v: Vec<(Verwijzer, usize)> = cells.iter().map(|(&v, c)| (v, measure(c))).collect();
        v.sort_by_key(|x| std::cmp::Reverse(x.1));
        assert!(v[2].1 > v[3].1, "third and fourth tie: {v:?}");
        v.into_iter().take(3).map(|(v, _)| v).collect::<Vec<_>>()
    };
    let expected = vec![
        Verwijzer::MedischSpecialist,
        Verwijzer::Huisarts,
        Verwijzer::Gemeente,
    ];
    assert_eq!(top3(|c| c.rows), expected, "by trajectories");
    assert_eq!(top3(|c| c.youth), expected, "by youth");
}

#[test]
fn rechter_ovj_is_about_3_percent_and_the_most_expensive_per_trajectory() {
    let rows = year(2023);
    let cells = by(&rows, |r| r.verwijzer);
    let total = Cell::of(rows.iter()).cents as f64;
    let share = cells[&Verwijzer::RechterOvj].cents as f64 / total;
    assert!(
        (0.025..=0.035).contains(&share),
        "rechter-ovj share of euros {share:.4}"
    );
    let per_trajectory = |c: &Cell| c.cents as f64 / c.rows as f64;
    let rechter = per_trajectory(&cells[&Verwijzer::RechterOvj]);
    for (v, c) in cells.iter().filter(|(&v, _)| v != Verwijzer::RechterOvj) {
        assert!(
            rechter > per_trajectory(c),
            "rechter-ovj {rechter:.0} cents/traj not above {v:?} {:.0}",
            per_trajectory(c)
        );
    }
}

#[test]
fn geen_about_1_5_million_and_onbekend_about_3_7_million() {
    let cells = by(&year(2023), |r| r.verwijzer);
    let geen = cells[&Verwijzer::Geen].eur();
    let onbekend = cells[&Verwijzer::Onbekend].eur();
    assert!((1_400_000..=1_600_000).contains(&geen), "geen: EUR {geen}");
    assert!(
        (3_600_000..=3_800_000).contains(&onbekend),
        "onbekend: EUR {onbekend}"
    );
}

#[test]
fn zuid_west_and_brabant_zeeland_have_the_highest_euros_per_youth() {
    let cells = by(&year(2023), |r| r.landsdeel);
    let mut per_youth: Vec<(Landsdeel, f64)> = cells
        .iter()
        .map(|(&l, c)| (l, c.eur() as f64 / c.youth as f64))
        .collect();
    per_youth.sort_by(|a, b| b.1.total_cmp(&a.1));
    let top2: HashSet<Landsdeel> = per_youth.iter().take(2).map(|x| x.0).collect();
    assert_eq!(
        top2,
        HashSet::from([Landsdeel::ZW, Landsdeel::BZ]),
        "euros per youth: {per_youth:?}"
    );
}

#[test]
fn brabant_zeeland_over_17_million_above_utrecht_flevoland() {
    let cells = by(&year(2023), |r| r.landsdeel);
    let gap = cells[&Landsdeel::BZ].eur() - cells[&Landsdeel::UF].eur();
    assert!(gap > 17_000_000, "BZ - UF = EUR {gap}");
}

#[test]
fn topklinische_ggz_among_two_largest_percelen_everywhere_but_limburg() {
    let rows = year(2023);
    for l in Landsdeel::ALL {
        let ranking = percelen_by_euros(&rows, l);
        let in_top2 = ranking.iter().take(2).any(|(p, _)| *p == Perceel::TKGGZ);
        if l == Landsdeel::LI {
            assert!(!in_top2, "TKGGZ is among LI's two largest: {ranking:?}");
        } else {
            assert!(in_top2, "TKGGZ not among {l:?}'s two largest: {ranking:?}");
        }
    }
}

#[test]
fn noord_nederland_uses_10_of_the_14_percelen() {
    let used: HashSet<Perceel> = year(2023)
        .iter()
        .filter(|r| r.landsdeel == Landsdeel::NN)
        .map(|r| r.perceel)
        .collect();
    assert_eq!(used.len(), 10, "NN percelen: {used:?}");
}

#[test]
fn sueg_in_top_5_percelen_of_overijssel_and_noord_nederland() {
    let rows = year(2023);
    for l in [Landsdeel::OV, Landsdeel::NN] {
        let ranking = percelen_by_euros(&rows, l);
        let rank = ranking.iter().position(|(p, _)| *p == Perceel::SUEG);
        assert!(
            matches!(rank, Some(0..=4)),
            "SUEG rank {rank:?} in {l:?}: {ranking:?}"
        );
    }
}

#[test]
fn all_eight_half_years_from_2021_h1_to_2024_h2() {
    let periods: HashSet<String> = records().iter().map(|r| r.periode.to_string()).collect();
    let expected: HashSet<String> = (2021..=2024)
        .flat_map(|y| [format!("{y}-H1"), format!("{y}-H2")])
        .collect();
    assert_eq!(periods, expected);
}

#[test]
fn zikos_ends_mid_2024() {
    let zikos = |p: &str| {
        records()
            .iter()
            .filter(|r| r.perceel == Perceel::ZIKOS && r.periode.to_string() == p)
            .count()
    };
    assert!(zikos("2024-H1") > 0, "ZIKOS rows in 2024-H1");
    assert_eq!(zikos("2024-H2"), 0, "ZIKOS rows in 2024-H2");
}

#[test]
fn every_year_every_perceel_has_at_least_as_many_rows_as_youth() {
    for y in 2021..=2024 {
        for (p, c) in by(&year(y), |r| r.perceel) {
            assert!(
                c.rows >= c.youth,
                "{y} {p:?}: {} rows < {} youth",
                c.rows,
                c.youth
            );
        }
    }
}

#[test]
fn other_years_vary_plausibly_and_overlap_with_adjacent_years() {
    let clients = |y: u16| year(y).iter().map(|r| r.client).collect::<HashSet<_>>();
    for y in 2022..=2024 {
        let (before, now) = (Cell::of(year(y - 1).iter()), Cell::of(year(y).iter()));
        for (what, a, b) in [
            ("youth", before.youth as f64, now.youth as f64),
            ("rows", before.rows as f64, now.rows as f64),
        ] {
            assert!(
                (0.85..=1.15).contains(&(b / a)),
                "{what} {y} vs {}: {b} / {a}",
                y - 1
            );
        }
        let euro_growth = now.cents as f64 / before.cents as f64;
        assert!(
            (0.9..=1.2).contains(&euro_growth),
            "euros {y} vs {}: x{euro_growth:.3}",
            y - 1
        );
        let shared = clients(y - 1).intersection(&clients(y)).count() as f64 / now.youth as f64;
        assert!(
            (0.15..=0.6).contains(&shared),
            "share of {y}'s youth also in {}: {shared:.2}",
            y - 1
        );
    }
}

#[test]
fn every_record_is_well_formed() {
    for r in records() {
        assert!(r.cents > 0, "non-positive volume: {r:?}");
        let id = r.client.to_string();
        assert!(
            id.len() == 9 && id.starts_with('p') && id[1..].chars().all(|c| c.is_ascii_hexdigit()),
            "client id {id}"
        );
    }
    assert!(
        records().windows(2).all(|w| w[0] <= w[1]),
        "records are sorted"
    );
}

#[test]
fn csv_text_parsed_back_gives_the_same_2023_figures() {
    // What a reader of the file sees: parse every line, sum the 2023 euros as decimals.
    let text = lta_generate::to_csv(records());
    assert!(text.starts_with("client,periode,landsdeel,perceel,verwijzer,volume_eur\n"));
    assert!(!text.contains('\r'), "LF line endings only");
    let mut total = 0.0f64;
    let mut per_perceel: BTreeMap<&str, f64> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 6, "line {line}");
        let (whole, cents) = f[5].split_once('.').expect("a decimal point");
        assert_eq!(cents.len(), 2, "two decimals in {line}");
        assert!(
            !whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit()),
            "{line}"
        );
        if f[1].starts_with("2023") {
            let v: f64 = f[5].parse().unwrap();
            total += v;
            *per_perceel.entry(f[3]).or_default() += v;
        }
    }
    assert_eq!(text.lines().count(), records().len() + 1);
    assert_eq!(total.round() as i64, NATIONAL_EUR);
    for f in &PERCELEN {
        assert_eq!(
            per_perceel[f.perceel.code()].round() as i64,
            f.eur,
            "{}",
            f.perceel.code()
        );
    }
}
