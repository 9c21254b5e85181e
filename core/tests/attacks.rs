//! Attacks on the cell-key method (`core/src/protect/disclosure/`): each tries to recover small counts
//! from what the dashboard publishes, and fails the run where it succeeds too often. The figures
//! they print (`cargo test -p lta-core --test attacks -- --nocapture`) are in docs/disclosure.md.

mod attack;

use attack::model::Model;
use lta_core::{Cube, Key, Landsdeel, MAX_NOISE, Measure, PTable, PerceelNames, RecordsCube, SecretKey, Verwijzer, apply_cell_key, read_records};

fn read(csv: &str) -> RecordsCube {
    read_records(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value
}

fn key(seed: u64) -> SecretKey {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..].copy_from_slice(&seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).to_le_bytes());
    SecretKey::from_bytes(bytes)
}

/// The file of issue #8: one perceel, one referrer, 2023-H1; 12 ZW, 12 BZ, 17 NH, 7 NN youth,
/// one trajectory each.
fn issue_8() -> RecordsCube {
    let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
    let mut n = 0;
    for (l, rows) in [("ZW", 12), ("BZ", 12), ("NH", 17), ("NN", 7)] {
        for _ in 0..rows {
            n += 1;
            csv += &format!("k{n},2023-H1,{l},P,huisarts,{}\n", 5000 + n * 1371 % 50_000);
        }
    }
    read(&csv)
}

fn youth(cube: &Cube, key: &Key) -> i64 {
    cube.get(key).jeugdigen.number().unwrap() as i64
}

/// P(shown | true) from the perturbation table: the attacker knows it.
fn likelihood(table: &PTable, truth: i64, shown: i64) -> f64 {
    let row = &table.rows[(truth as usize).min(table.rows.len() - 1)];
    row.probabilities().iter().find(|(v, _)| truth + v == shown).map_or(0.0, |(_, p)| *p)
}

/// Differencing: NN is the national total minus the other seven landsdelen. Over 2,000 keys,
/// how often does that give NN's true 7, and how often does the best guess of an attacker who
/// knows the perturbation table (Bayes, flat prior over every cell) give it?
#[test]
fn differencing_does_not_tell_the_small_landsdeel() {
    let built = issue_8();
    let table = PTable::new();
    let h1 = Key::total("2023-H1").perceel("P").verwijzer(Verwijzer::Huisarts);
    let (mut by_difference, mut by_bayes, keys) = (0, 0, 2000);
    for seed in 0..keys {
        let shown = apply_cell_key(&built, &key(seed));
        let others: Vec<i64> = Landsdeel::ALL.iter().filter(|&&l| l != Landsdeel::NN).map(|&l| youth(&shown, &h1.clone().landsdeel(l))).collect();
        let total = youth(&shown, &h1);
        by_difference += usize::from(total - others.iter().sum::<i64>() == 7);
        // The distribution of the seven others' true sum given what they show.
        let mut sum = vec![1.0];
        for &o in &others {
            let own: Vec<f64> = (0..=o + MAX_NOISE).map(|t| likelihood(&table, t, o)).collect();
            let mut next = vec![0.0; sum.len() + own.len()];
            for (a, pa) in sum.iter().enumerate() {
                for (b, pb) in own.iter().enumerate() {
                    next[a + b] += pa * pb;
                }
            }
            sum = next;
        }
        let nn = youth(&shown, &h1.clone().landsdeel(Landsdeel::NN));
        let posterior = |t: i64| {
            let together: f64 = sum.iter().enumerate().map(|(s, w)| w * likelihood(&table, t + s as i64, total)).sum();
            likelihood(&table, t, nn) * together
        };
        let best = (0..=nn + MAX_NOISE).max_by(|&a, &b| posterior(a).total_cmp(&posterior(b))).unwrap();
        by_bayes += usize::from(best == 7);
    }
    let (d, b) = (by_difference as f64 / keys as f64, by_bayes as f64 / keys as f64);
    println!("issue #8's NN (true 7 youth) over {keys} keys: differencing gives 7 in {:.1}%, the Bayes guess in {:.1}%", 100.0 * d, 100.0 * b);
    assert!(d < 0.35 && b < 0.5, "differencing {d}, Bayes {b}");
}

/// Averaging: every route to NN's count (period, perceel and referrer at their value or at
/// TOTAAL; the year has only H1) holds the same youth, so it shows the same value: averaging
/// the routes is no better than one, over many keys.
#[test]
fn every_route_to_the_same_youth_shows_the_same_noise() {
    let built = issue_8();
    let mut error = 0.0;
    for seed in 0..500 {
        let shown = apply_cell_key(&built, &key(seed));
        let mut routes = Vec::new();
        for p in ["2023-H1", "2023"] {
            for perceel in [Some("P".to_string()), None] {
                for verwijzer in [Some(Verwijzer::Huisarts), None] {
                    let k = Key { periode: Some(p.into()), landsdeel: Some(Landsdeel::NN), perceel: perceel.clone(), verwijzer };
                    routes.push(youth(&shown, &k));
                }
            }
        }
        assert!(routes.iter().all(|&r| r == routes[0]), "{routes:?}");
        error += (routes.iter().sum::<i64>() as f64 / routes.len() as f64 - 7.0).abs();
    }
    println!("averaging NN's 8 routes: mean error {:.2} youth over 500 keys", error / 500.0);
    assert!(error / 500.0 > 0.5);
}

/// On a random file, any two cells that hold the same youth show the same youth count.
#[test]
fn cells_of_the_same_youth_always_agree() {
    let mut state = 99u64;
    let mut next = |n: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let mut rows = Vec::new();
    let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
    for _ in 0..200 {
        let row = (format!("c{}", next(60)), format!("2023-H{}", 1 + next(2)), Landsdeel::ALL[next(3) as usize], ["A", "B"][next(2) as usize], Verwijzer::ALL[next(2) as usize]);
        csv += &format!("{},{},{},{},{},100\n", row.0, row.1, row.2.code(), row.3, row.4.code());
        rows.push(row);
    }
    let built = read(&csv);
    let shown = apply_cell_key(&built, &key(1));
    let mut by_youth: std::collections::HashMap<Vec<&str>, i64> = std::collections::HashMap::new();
    let mut shared = 0;
    for k in built.cube.keys() {
        let mut clients: Vec<&str> = rows
            .iter()
            .filter(|r| {
                k.periode.as_deref().is_some_and(|p| r.1.starts_with(p))
                    && k.landsdeel.is_none_or(|l| l == r.2)
                    && k.perceel.as_deref().is_none_or(|p| p == r.3)
                    && k.verwijzer.is_none_or(|v| v == r.4)
            })
            .map(|r| r.0.as_str())
            .collect();
        clients.sort_unstable();
        clients.dedup();
        let value = youth(&shown, k);
        if let Some(&before) = by_youth.get(&clients) {
            assert_eq!(before, value, "{k:?}");
            shared += 1;
        }
        by_youth.insert(clients, value);
    }
    assert!(shared > 100, "{shared}");
}

/// The interval attack on one cube: for every count of 1–4, the range the model leaves (inner
/// bound; an exact LP where the inner bound is a single value, and for the narrowest few).
/// Returns the narrowest exact range found, with the cell and its true value.
fn interval_attack(built: &RecordsCube, shown: &Cube, exact_lps: usize) -> Vec<(Measure, Key, f64, (f64, f64))> {
    let mut narrowest = Vec::new();
    let years: Vec<String> = {
        let mut y: Vec<String> = built.cube.periods().iter().map(|p| p[..4].to_string()).collect();
        y.dedup();
        y
    };
    for measure in [Measure::Trajecten, Measure::Jeugdigen] {
        let start = std::time::Instant::now();
        let mut found: Vec<(f64, usize, String, (f64, f64))> = Vec::new();
        let mut models = Vec::new();
        for year in &years {
            let model = Model::new(shown, &built.cube, year, measure, MAX_NOISE as f64);
            assert!(model.holds_the_truth(), "{year} {measure:?}");
            for i in 0..model.keys.len() {
                let t = model.exact[i];
                if (1.0..=4.0).contains(&t) {
                    let range = model.inner_range(i);
                    found.push((range.1 - range.0, models.len(), format!("{i}"), range));
                }
            }
            models.push(model);
        }
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        let pinned_inside = found.iter().filter(|f| f.0 == 0.0).count();
        eprintln!("{measure:?}: {} small counts, inner bounds in {:?}, {pinned_inside} need an exact LP", found.len(), start.elapsed());
        let mut lps: std::collections::HashMap<usize, attack::clp::Clp> = std::collections::HashMap::new();
        for (n, (width, m, i, inner)) in found.iter().enumerate() {
            if n >= exact_lps && *width > 0.0 {
                break;
            }
            let (model, i) = (&models[*m], i.parse::<usize>().unwrap());
            let lp = lps.entry(*m).or_insert_with(|| model.lp());
            let range = model.exact_range(lp, i);
            assert!(range.0 <= inner.0 + 1e-6 && range.1 >= inner.1 - 1e-6, "{measure:?} {:?} true {}: the inner bound {inner:?} is inside {range:?}", model.keys[i], model.exact[i]);
            assert!(range.1 - range.0 >= 1.0 - 1e-6, "{measure:?} {:?}: true {} pinned to {range:?}", model.keys[i], model.exact[i]);
            narrowest.push((measure, model.keys[i].clone(), model.exact[i], range));
        }
    }
    narrowest
}

/// A random sparse file: a few landsdelen, percelen and referrers, one or two half-years.
fn sparse(seed: u64) -> String {
    let mut state = seed.wrapping_add(1).wrapping_mul(0x2545_f491_4f6c_dd1d);
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
    let (rows, clients, landsdelen, percelen, verwijzers) = (20 + next(180), 10 + next(90), 1 + next(8), 1 + next(4), 1 + next(4));
    for _ in 0..rows {
        csv += &format!(
            "c{},2023-H{},{},P{},{},{}\n",
            next(clients),
            1 + next(2),
            Landsdeel::ALL[next(landsdelen) as usize].code(),
            next(percelen),
            Verwijzer::ALL[next(verwijzers) as usize].code(),
            100 + next(50_000)
        );
    }
    csv
}

/// The interval LP on 200 random sparse files: no count of 1–4 is pinned.
#[test]
fn the_interval_attack_pins_no_small_count_in_random_sparse_files() {
    let mut narrowest: Option<(f64, String)> = None;
    for seed in 0..200 {
        let built = read(&sparse(seed));
        let shown = apply_cell_key(&built, &key(seed));
        for (measure, k, t, range) in interval_attack(&built, &shown, 1) {
            let width = range.1 - range.0;
            if narrowest.as_ref().is_none_or(|(w, _)| width < *w) {
                narrowest = Some((width, format!("seed {seed}: {measure:?} of {k:?}, true {t}, in [{}, {}]", range.0, range.1)));
            }
        }
    }
    println!("random sparse files, narrowest exact range: {}", narrowest.map(|n| n.1).unwrap_or_default());
}

/// The interval LP on the illustrative records (2021–2024).
#[test]
fn the_interval_attack_pins_no_small_count_in_the_illustrative_records() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/illustratief/records-synthetisch.csv");
    let built = read_records(&std::fs::read(path).unwrap(), "records.csv", &PerceelNames::default()).unwrap().value;
    let shown = apply_cell_key(&built, &key(2026));
    let found = interval_attack(&built, &shown, 3);
    for (measure, k, t, range) in &found {
        println!("illustrative records: {measure:?} of {k:?}, true {t}, in [{}, {}]", range.0, range.1);
    }
    assert!(!found.is_empty());
}

/// Differencing below the landsdeel: the jeugdregio of the fewest gemeenten, one with 9 youth,
/// one with a single youth and the rest with none. The attacker subtracts the larger gemeente from the jeugdregio, or
/// guesses with the perturbation table (Bayes, flat prior): over 2,000 keys, how often do they
/// get the single youth? Its own cell never shows 1 or 2.
#[test]
fn differencing_a_jeugdregio_does_not_tell_its_small_gemeente() {
    use lta_core::Regio;
    // The jeugdregio of the fewest gemeenten (at least two).
    let jeugdregio = Landsdeel::ALL
        .iter()
        .flat_map(|&l| Regio::jeugdregios_of(l))
        .filter(|j| j.gemeenten().len() >= 2)
        .min_by_key(|j| j.gemeenten().len())
        .unwrap();
    let gemeenten = jeugdregio.gemeenten();
    let (big, small) = (gemeenten[0], gemeenten[1]);
    let mut csv = String::from("client,periode,gemeente,perceel,verwijzer,volume_eur\n");
    for i in 0..9 {
        csv += &format!("b{i},2023-H1,{},P,huisarts,{}\n", big.code(), 1000 + i * 37);
    }
    csv += &format!("s0,2023-H1,{},P,huisarts,2500\n", small.code());
    // The rest of the jeugdregio's gemeenten have none; the attacker knows it (they show 0).
    let built = read(&csv);
    let table = PTable::new();
    let total = Key::total("2023-H1");
    let shown_of = |cube: &Cube, regio: Regio| cube.regions().get(regio, &total).jeugdigen.number().unwrap() as i64;
    let (mut by_difference, mut by_bayes, keys) = (0, 0, 2000);
    for seed in 0..keys {
        let shown = apply_cell_key(&built, &key(seed));
        let (j, b, s) = (shown_of(&shown, jeugdregio), shown_of(&shown, big), shown_of(&shown, small));
        assert!(s == 0 || s > 2, "a single youth shown as {s}");
        assert!(gemeenten[2..].iter().all(|g| shown_of(&shown, *g) == 0), "no youth, no noise");
        by_difference += usize::from(j - b == 1);
        let posterior = |t: i64| {
            let together: f64 = (0..=b + MAX_NOISE).map(|a| likelihood(&table, a, b) * likelihood(&table, a + t, j)).sum();
            likelihood(&table, t, s) * together
        };
        let best = (0..=s + MAX_NOISE).max_by(|&x, &y| posterior(x).total_cmp(&posterior(y))).unwrap();
        by_bayes += usize::from(best == 1);
    }
    let (d, b) = (by_difference as f64 / keys as f64, by_bayes as f64 / keys as f64);
    println!("{} (true 1 youth) in {} over {keys} keys: differencing gives 1 in {:.1}%, the Bayes guess in {:.1}%", small.name(), jeugdregio.name(), 100.0 * d, 100.0 * b);
    assert!(d < 0.35 && b < 0.5, "differencing {d}, Bayes {b}");
}
