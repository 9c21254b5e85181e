//! Times the records engine natively, as a peer figure for the browser benchmark:
//! `cargo run --release -p lta-core --example time_records -- bench/out/records-1m.csv`
use lta_core::cube::PerceelNames;
use lta_core::records::cube_from_records;

fn main() {
    let path = std::env::args().nth(1).expect("usage: time_records <records.csv>");
    let bytes = std::fs::read(&path).expect("readable file");
    let start = std::time::Instant::now();
    let cube = cube_from_records(&bytes, &path, &PerceelNames::default()).expect("a valid records file").value;
    println!("{} cells from {} bytes in {:?}", cube.len(), bytes.len(), start.elapsed());
}
