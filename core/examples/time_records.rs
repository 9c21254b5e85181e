//! Times the records engine and the disclosure rules natively, as peer figures for the browser
//! benchmark: `cargo run --release -p lta-core --example time_records -- bench/out/records-1m.csv`
use lta_core::cube::PerceelNames;
use lta_core::{disclosure, records};

fn main() {
    let path = std::env::args().nth(1).expect("usage: time_records <records.csv>");
    let bytes = std::fs::read(&path).expect("readable file");
    let start = std::time::Instant::now();
    let built = records::read(&bytes, &path, &PerceelNames::default()).expect("a valid records file").value;
    println!("{} cells from {} bytes in {:?}", built.cube.len(), bytes.len(), start.elapsed());
    let start = std::time::Instant::now();
    let shown = disclosure::apply(&built);
    let secret = shown.keys().filter(|k| shown.get(k).jeugdigen == lta_core::Cell::Secret).count();
    println!("disclosure rules: {secret} of {} cells secret, in {:?}", shown.len(), start.elapsed());
}
