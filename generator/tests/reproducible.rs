//! The committed illustrative file is exactly what the generator makes for seed 2023.

use lta_generate::{generate, to_csv, DEFAULT_SEED};

const COMMITTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../public/data/illustratief/records-synthetisch.csv"
);

#[test]
fn committed_file_equals_generate_2023_byte_for_byte() {
    let committed =
        std::fs::read(COMMITTED).unwrap_or_else(|e| panic!("cannot read {COMMITTED}: {e}"));
    let generated = to_csv(&generate(DEFAULT_SEED));
    assert!(
        committed == generated.as_bytes(),
        "public/data/illustratief/records-synthetisch.csv differs from to_csv(&generate(2023)) \
         ({} bytes committed, {} generated). If the generator changed on purpose, regenerate it \
         from the repository root with: cargo run --release -p lta-generate",
        committed.len(),
        generated.len()
    );
}

#[test]
fn same_seed_same_output_other_seed_other_output() {
    let a = generate(DEFAULT_SEED);
    assert_eq!(a, generate(DEFAULT_SEED));
    assert_ne!(a, generate(7));
}
