//! Times the records engine and the cell-key method natively, as peer figures for the browser
//! benchmark: `cargo run --profile release-full -p lta-core --example time_records -- bench/out/records-1m.csv`
//! (the profile the full app is built with, Cargo.toml)
use lta_core::{PerceelNames, SecretKey, apply_cell_key, read_records};

fn main() {
    let path = std::env::args().nth(1).expect("usage: time_records <records.csv>");
    let bytes = std::fs::read(&path).expect("readable file");
    let start = std::time::Instant::now();
    let built = read_records(&bytes, &path, &PerceelNames::default()).expect("a valid records file").value;
    println!("{} cells from {} bytes in {:?}", built.cube.len(), bytes.len(), start.elapsed());
    let start = std::time::Instant::now();
    let shown = apply_cell_key(&built, &SecretKey::from_bytes([7; 16]));
    println!("cell-key method: {} cells perturbed in {:?}", shown.len(), start.elapsed());
    let key = SecretKey::from_bytes([7; 16]);
    let start = std::time::Instant::now();
    let flow = lta_core::flow_from_records(&built, Some(&key));
    println!("durations: {} in {:?}", flow.is_some(), start.elapsed());
    let start = std::time::Instant::now();
    let providers = lta_core::providers_from_records(&built, Some(&key));
    println!("providers: {} in {:?}", providers.is_some(), start.elapsed());
}
