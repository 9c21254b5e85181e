//! Information loss of the disclosure method on a records file, per level of the cube (which
//! dimensions a cell fixes) and per period kind, as a Markdown table for docs/disclosure.md:
//!
//! `cargo run --release -p lta-core --example info_loss -- public/data/illustratief/records-synthetisch.csv`
//!
//! Per level: the share of cells published (a number, not `x`); over the published cells the
//! mean absolute deviation from the exact value and the mean relative deviation (cells whose
//! exact value is not 0); and the Hellinger distance of each table (one period's cells of the
//! level), `sqrt(½ Σ (√shown − √exact)²)` on the counts with an unpublished cell as 0, averaged
//! over the tables. Euros: the mean relative deviation of the published amounts.
use std::collections::BTreeMap;

use lta_core::{Area, Cell, Cube, Key, Landsdeel, Measure, PerceelNames, RecordsCube, SecretKey, apply_cell_key, flow_from_records, read_records};

/// The fixed key of this measurement: any key gives figures of the same size.
fn shown(built: &RecordsCube) -> Cube {
    apply_cell_key(built, &SecretKey::from_bytes([7; 16]))
}

#[derive(Default)]
struct Loss {
    cells: usize,
    published: usize,
    abs: f64,
    rel: (f64, usize),
    euro_rel: (f64, usize),
    /// The same over the cells shown with youth (without the small-cell rule's zeros).
    euro_rel_shown: (f64, usize),
    /// Per table (period): Σ (√shown − √exact)².
    hellinger: BTreeMap<String, f64>,
}

/// The level of a cell, sorted: years first, then by how many dimensions the cell fixes.
fn level(k: &Key) -> (bool, usize, String) {
    let mut parts = Vec::new();
    if k.landsdeel.is_some() {
        parts.push("landsdeel");
    }
    if k.perceel.is_some() {
        parts.push("perceel");
    }
    if k.verwijzer.is_some() {
        parts.push("verwijzer");
    }
    let half = k.periode.as_deref().is_some_and(|p| p.len() > 4);
    let name = if parts.is_empty() { "national total".to_string() } else { parts.join(" × ") };
    (half, parts.len(), format!("{} · {name}", if half { "half-year" } else { "year" }))
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: info_loss <records.csv>");
    let bytes = std::fs::read(&path).expect("readable file");
    let built = read_records(&bytes, &path, &PerceelNames::default()).expect("a valid records file").value;
    let safe = shown(&built);
    let mut levels: BTreeMap<(bool, usize, String), Loss> = BTreeMap::new();
    for key in built.cube.keys() {
        let (exact, out) = (built.cube.get(key), safe.get(key));
        let l = levels.entry(level(key)).or_default();
        l.cells += 1;
        let youth = exact.jeugdigen.number().unwrap_or(0.0);
        let shown_youth = out.jeugdigen.number();
        if let Some(s) = shown_youth {
            l.published += 1;
            l.abs += (s - youth).abs();
            if youth > 0.0 {
                l.rel.0 += (s - youth).abs() / youth;
                l.rel.1 += 1;
            }
        }
        let h = (shown_youth.unwrap_or(0.0).max(0.0).sqrt() - youth.sqrt()).powi(2);
        *l.hellinger.entry(key.periode.clone().unwrap_or_default()).or_default() += h;
        let euros = exact.get(Measure::VolumeEur).number().unwrap_or(0.0);
        if let (Cell::Exact(e), true) = (out.volume_eur, euros != 0.0) {
            l.euro_rel.0 += (e - euros).abs() / euros.abs();
            l.euro_rel.1 += 1;
            if shown_youth.is_some_and(|y| y > 0.0) {
                l.euro_rel_shown.0 += (e - euros).abs() / euros.abs();
                l.euro_rel_shown.1 += 1;
            }
        }
    }
    println!("| level | cells | published | youth: mean abs. dev. | youth: mean rel. dev. | youth: Hellinger | euros: mean rel. dev. | euros: the same, cells shown with youth |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for ((_, _, name), l) in &levels {
        let hd: f64 = l.hellinger.values().map(|s| (s / 2.0).sqrt()).sum::<f64>() / l.hellinger.len() as f64;
        let mean = |(s, n): (f64, usize)| if n == 0 { "–".to_string() } else { format!("{:.1}%", 100.0 * s / n as f64) };
        println!(
            "| {name} | {} | {:.0}% | {:.2} | {} | {hd:.2} | {} | {} |",
            l.cells,
            100.0 * l.published as f64 / l.cells as f64,
            if l.published == 0 { 0.0 } else { l.abs / l.published as f64 },
            mean(l.rel),
            mean(l.euro_rel),
            mean(l.euro_rel_shown)
        );
    }
    durations(&built);
    small_cells(&built, &safe);
}

/// The durations: per kind of area, the share of groups with quartiles (exact rule: at least 20
/// youth; the method: at least 25 shown) and, where both show a quartile, the mean |shown − exact|
/// in weeks.
fn durations(built: &RecordsCube) {
    let (Some(exact), Some(safe)) = (flow_from_records(built, None), flow_from_records(built, Some(&SecretKey::from_bytes([7; 16])))) else { return };
    let percelen: Vec<String> = exact.percelen(Area::Nation).map(String::from).collect();
    let regions: Vec<Area> = Landsdeel::ALL.iter().flat_map(|&l| lta_core::Regio::jeugdregios_of(l)).map(Area::Region).collect();
    let kinds: [(&str, Vec<Area>); 3] = [("nation", vec![Area::Nation]), ("landsdeel", Landsdeel::ALL.map(Area::Landsdeel).to_vec()), ("jeugdregio", regions)];
    println!("\n| durations: groups of | groups | with quartiles: exact rule / method | quartile weeks, mean abs. deviation |");
    println!("|---|---:|---:|---:|");
    for (name, areas) in kinds {
        let (mut groups, mut exact_shown, mut safe_shown, mut dev, mut n) = (0, 0, 0, 0.0, 0);
        for area in areas {
            for perceel in std::iter::once(None).chain(percelen.iter().cloned().map(Some)) {
                let group = (area, perceel);
                let (Some(e), Some(s)) = (exact.duration(&group), safe.duration(&group)) else { continue };
                groups += 1;
                exact_shown += usize::from(e.quartiles[0] != Cell::Secret);
                safe_shown += usize::from(s.quartiles[0] != Cell::Secret);
                for (e, s) in e.quartiles.iter().zip(s.quartiles) {
                    if let (Some(e), Some(s)) = (e.number(), s.number()) {
                        dev += (s - e).abs();
                        n += 1;
                    }
                }
            }
        }
        let share = |k: usize| 100.0 * k as f64 / groups.max(1) as f64;
        println!("| {name} (× perceel) | {groups} | {:.0}% / {:.0}% | {:.2} |", share(exact_shown), share(safe_shown), dev / n.max(1) as f64);
    }
}

/// The small-cell rule: cells whose youth are shown as 0 while some are there, and so show no
/// trajectories or euros either.
fn small_cells(built: &RecordsCube, safe: &Cube) {
    let (mut nonempty, mut hidden) = (0, 0);
    for key in built.cube.keys() {
        if built.cube.get(key).jeugdigen.number().unwrap_or(0.0) > 0.0 {
            nonempty += 1;
            hidden += usize::from(safe.get(key).jeugdigen == Cell::Exact(0.0));
        }
    }
    println!("\nThe small-cell rule: {hidden} of {nonempty} non-empty cells ({:.1}%) are shown as 0 youth, 0 trajectories and € 0.", 100.0 * hidden as f64 / nonempty as f64);
}
