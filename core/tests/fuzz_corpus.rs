//! Replays the fuzzing regression corpus (`core/tests/fuzz_corpus/`, see docs/testing.md)
//! through the fuzz target's own entry point, with every reader: no input may panic.

use std::panic::catch_unwind;

use lta_core::read_any;

#[test]
fn no_corpus_file_panics_in_any_reader() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 30, "the corpus has {} files", files.len());
    let mut panicked = Vec::new();
    for path in &files {
        let data = std::fs::read(path).unwrap();
        // The file as the fuzzer stored it, then its body under each of the four readers.
        let mut inputs = vec![data.clone()];
        for mode in 0..4u8 {
            inputs.push([&[mode][..], data.get(1..).unwrap_or(&[])].concat());
        }
        for (i, input) in inputs.iter().enumerate() {
            if catch_unwind(|| read_any(input)).is_err() {
                panicked.push(format!("{} (input {i})", path.display()));
            }
        }
    }
    assert!(panicked.is_empty(), "panicked: {panicked:#?}");
}

#[test]
fn the_entry_point_reads_valid_files_and_refuses_bad_ones() {
    // So the replay above cannot pass by reading nothing: each reader is reached.
    let records = b"client,periode,landsdeel,perceel,verwijzer,volume_eur\na,2023-H1,ZW,P,geen,1\n";
    // Detected and built: 2023-H1 and 2023 × landsdelen × P × referrers, each with its TOTAAL.
    assert_eq!(read_any(&[b"\x00", &records[..]].concat()), Ok(2 * 9 * 2 * 9));
    // The reader alone: one step of up to 3 rows, then the end.
    assert_eq!(read_any(&[b"\x02", &records[..]].concat()), Ok(0));
    let three: Vec<u8> = [&b"\x02"[..], &records[..], b"b,2023,ZW,P,geen,1\n".repeat(3).as_slice()].concat();
    assert_eq!(read_any(&three), Ok(1));
    let cube = b"\x01periode,landsdeel,perceel,verwijzer,trajecten,jeugdigen,volume_eur\n2023,ZW,UMC,geen,1,1,1\n";
    assert!(read_any(cube).unwrap() > 0);
    assert_eq!(read_any(b"\x00naam,waarde\n1,2\n").unwrap_err().kind, lta_core::ErrorKind::UnknownHeader);
    assert_eq!(read_any(b"\x03periode,landsdeel,jeugdigen_totaal\n").unwrap_err().kind, lta_core::ErrorKind::NoDataRows);
}
