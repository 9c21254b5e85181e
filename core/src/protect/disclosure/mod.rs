//! The cell-key method (CKM) for everything derived from records, as statistical offices use it
//! for tables built from microdata (CBS, Destatis, ONS, ABS; sdcTools/cellKey and ptable):
//!
//! - every youth and every trajectory gets a fixed pseudo-random **record key** from the secret
//!   key ([`SecretKey`]); a cell's key is the sum of its records' keys modulo 1 (each youth
//!   once per cell, so the youth count stays a distinct count) and its group's salt ([`keys`]);
//! - every table (cube, regions, providers, durations) counts through one accumulator
//!   ([`tally`]), which also applies the small-cell rule: a cell shown without youth shows no
//!   trajectories and no euros;
//! - **counts** get the noise the perturbation table ([`ptable`]) gives for (count, cell key):
//!   at most ±5, variance 3, mean 0, never a published 1 or 2, and 0 stays 0;
//! - **euros** get continuous noise in proportion to the cell's two largest contributions (each
//!   youth's euros summed within the cell first), 15–45% where one youth holds most of the cell,
//!   and are then rounded to € 1,000 ([`magnitude`]);
//! - **durations** are shown only where the shown youth leave no doubt that there are at least
//!   20, with their quartiles moved in position and in weeks ([`durations`]);
//! - shares, averages and rates are computed from the perturbed values, and every total is a
//!   perturbed cell of its own: parts need not add up to it.
//!
//! The same records in the same group always get the same noise, so asking again, in another
//! order or by another route gains nothing. `core/tests/attacks.rs` attacks every table.

pub(crate) mod durations;
pub(crate) mod keys;
pub(crate) mod magnitude;
pub mod ptable;
mod secret;
pub(crate) mod tally;


pub use ptable::PTable;
pub use secret::SecretKey;

use crate::model::cube::Cube;
use crate::model::measure::Cell;
use crate::read::records::{Record, Records, RecordsCube};
use keys::Domain;
use tally::{Member, Tally};

/// The cube as it may be shown and exported: every cell perturbed.
///
/// ```
/// use lta_core::{Cell, Key, PerceelNames, SecretKey, Verwijzer, apply_cell_key, read_records};
/// let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
/// for i in 0..40 { csv += &format!("c{i},2023,ZW,P,huisarts,{}\n", 1000 + 10 * i); }
/// let built = read_records(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value;
/// let safe = apply_cell_key(&built, &SecretKey::from_bytes([1; 16]));
/// let youth = safe.get(&Key::total("2023")).jeugdigen.number().unwrap();
/// assert!((35.0..=45.0).contains(&youth)); // 40, ± at most 5
/// // One youth, one route or another: the same records in the same group, so the same noise.
/// assert_eq!(safe.get(&Key::total("2023")), safe.get(&Key::total("2023").perceel("P")));
/// // No youth, no noise: 0 stays 0.
/// assert_eq!(safe.get(&Key::total("2023").verwijzer(Verwijzer::Gemeente)).jeugdigen, Cell::Exact(0.0));
/// ```
pub fn apply_cell_key(built: &RecordsCube, secret: &SecretKey) -> Cube {
    let records = &built.records;
    let layout = records.layout();
    let mut tally = Tally::new(layout.len(), layout.groups());
    for client in records.by_client() {
        for (r, m) in client.iter().zip(members(client, records, Some(secret))) {
            for i in layout.cells_of(r) {
                tally.add(i, layout.group_of(i), &m);
            }
        }
    }
    let table = PTable::new();
    let mut out = Cube::default();
    for at in layout.places() {
        let shown = tally.shown(at.index, Some(&table));
        // A region's cell shown without youth is not kept, as one without records is not: both
        // read as 0, so a kept gemeente never tells that it has a youth or two.
        if layout.is_region(at) && shown.jeugdigen == Cell::Exact(0.0) {
            continue;
        }
        layout.address(at, &records.percelen).insert(&mut out, shown);
    }
    out
}

/// What each of one client's records brings to a tally: its euros and, with a secret key, the
/// client's youth key and the row's key.
pub(crate) fn members(client: &[Record], records: &Records, secret: Option<&SecretKey>) -> Vec<Member> {
    let id = records.clients[client[0].client as usize].as_bytes();
    let youth = secret.map_or(0, |s| s.key(Domain::Youth, &[id]));
    let rows = secret.map_or_else(|| vec![0; client.len()], |s| row_keys(client, records, s, id));
    client.iter().zip(rows).map(|(r, row)| Member { client: r.client, cents: r.cents, youth, row }).collect()
}

/// The record key of each of one client's rows (in the order of `client`): the client and the
/// row's own values, and which of its identical twins it is (identical rows are numbered in any
/// order, so the multiset of keys is the same in every row order).
fn row_keys(client: &[Record], records: &Records, secret: &SecretKey, id: &[u8]) -> Vec<u64> {
    let mut order: Vec<usize> = (0..client.len()).collect();
    order.sort_by_key(|&i| client[i].identity());
    let mut keys = vec![0; client.len()];
    let mut twin = 0u32;
    for (n, &i) in order.iter().enumerate() {
        let r = &client[i];
        twin = if n > 0 && client[order[n - 1]].identity() == r.identity() { twin + 1 } else { 0 };
        let parts: [&[u8]; 7] = [
            id,
            records.periods[r.period as usize].as_bytes(),
            &[r.landsdeel],
            records.percelen[r.perceel as usize].as_bytes(),
            &[r.verwijzer],
            &r.cents.to_le_bytes(),
            &twin.to_le_bytes(),
        ];
        keys[i] = secret.key(Domain::Row, &parts);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::{EURO_ROUNDING, MAX_NOISE, NO_SMALL};
    use crate::model::cube::{Key, PerceelNames};
    use crate::read::records;

    const HEADER: &str = "client,periode,landsdeel,perceel,verwijzer,volume_eur\n";

    /// The rules in words name the same numbers as the constants.
    #[test]
    fn the_words_say_the_parameters() {
        for lang in [crate::Lang::Nl, crate::Lang::En] {
            let text = crate::Text::LocalDisclosed.get(lang);
            for n in [MAX_NOISE, NO_SMALL] {
                assert!(text.contains(&format!("{n}")), "{text} {n}");
            }
            assert!(text.contains("1.000") || text.contains("1,000"), "{text}");
        }
    }

    fn read(csv: &str) -> RecordsCube {
        records::read_records(csv.as_bytes(), "r.csv", &PerceelNames::default()).unwrap().value
    }

    /// A random sparse file: every count within ±D of the exact one, none in 1..=js, zeros 0.
    #[test]
    fn every_count_is_near_the_exact_one_and_no_small_count_is_shown() {
        let mut next = crate::test_rng(11);
        let mut csv = String::from(HEADER);
        for _ in 0..600 {
            let l = ["ZW", "NN", "LI"][next(3) as usize];
            let p = ["A", "B", "C"][next(3) as usize];
            let v = ["huisarts", "gemeente"][next(2) as usize];
            csv += &format!("c{},2023-H{},{l},{p},{v},{}\n", next(250), 1 + next(2), next(20_000) as i64 - 2_000);
        }
        let built = read(&csv);
        let safe = apply_cell_key(&built, &SecretKey::from_bytes([9; 16]));
        assert_eq!(safe.len(), built.cube.len());
        let (mut moved, mut counts) = (0, 0);
        for key in built.cube.keys() {
            let (exact, shown) = (built.cube.get(key), safe.get(key));
            for (e, s) in [(exact.trajecten, shown.trajecten), (exact.jeugdigen, shown.jeugdigen)] {
                let (e, s) = (e.number().unwrap(), s.number().unwrap());
                assert!((s - e).abs() <= MAX_NOISE as f64 && s >= 0.0, "{key:?} {e} → {s}");
                assert!(s == 0.0 || s > NO_SMALL as f64, "{key:?} {e} → {s}");
                assert!(e != 0.0 || s == 0.0);
                moved += usize::from(s != e);
                counts += usize::from(e != 0.0);
            }
            assert_eq!(shown.volume_eur.number().unwrap() % EURO_ROUNDING, 0.0);
        }
        // Most non-zero counts move (the noise is 0 with probability about a quarter).
        assert!(moved > counts / 2, "{moved} of {counts}");
    }

    /// Row order does not matter; another key gives another cube.
    #[test]
    fn the_same_records_and_key_give_the_same_cube() {
        let rows: Vec<String> = (0..300).map(|i| format!("c{},2023-H{},{},P{},huisarts,{}\n", i % 97, 1 + i % 2, ["ZW", "NN", "LI", "BZ"][i % 4], i % 3, 500 + i * 37)).collect();
        // Identical rows too: the same trajectory twice.
        let rows: Vec<String> = rows.iter().chain(rows.iter().take(5)).cloned().collect();
        let key = SecretKey::from_bytes([3; 16]);
        let forward = apply_cell_key(&read(&(HEADER.to_string() + &rows.concat())), &key).to_csv();
        let backward = apply_cell_key(&read(&(HEADER.to_string() + &rows.iter().rev().cloned().collect::<String>())), &key).to_csv();
        let sorted = |s: &str| {
            let mut l: Vec<_> = s.lines().collect();
            l.sort();
            l.join("\n")
        };
        assert_eq!(sorted(&forward), sorted(&backward));
        let other = apply_cell_key(&read(&(HEADER.to_string() + &rows.concat())), &SecretKey::from_bytes([4; 16])).to_csv();
        assert_ne!(sorted(&forward), sorted(&other));
    }

    /// Labels and codes, or spaces around a code, are the same record.
    #[test]
    fn the_key_follows_the_values_not_their_spelling() {
        let key = SecretKey::from_bytes([5; 16]);
        let a = apply_cell_key(&read(&format!("{HEADER}a,2023,ZW,P,huisarts,10\nb,2023,ZW,P,huisarts,20\nc,2023,ZW,P,gemeente,20\n")), &key);
        let b = apply_cell_key(&read(&format!("{HEADER}a,2023,Zuid-Holland,P,Huisarts,10.00\nb, 2023 ,zw,P,huisarts,20\nc,2023,ZW, P,gemeente,20\n")), &key);
        assert_eq!(a.get(&Key::total("2023")), b.get(&Key::total("2023")));
        assert_eq!(a.to_csv(), b.to_csv());
    }
}
