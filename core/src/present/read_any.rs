//! The fuzzing entry: any input through every reader a data file can reach, and its error put
//! into words in both languages (so it sits above the readers and the messages).

use crate::read::file_kind::FileKind;

/// Runs one input through every reader a data file can reach, picked by the first byte (the
/// rest is the file): 0 detects the kind and reads it as the app reads a user's file (records
/// into a cube); 1 reads a cube with a manifest's perceel names; 2 runs the records reader (in any encoding, by the mapping its header suggests) in
/// small steps, without building the cube; 3 reads a population file. Errors are rendered in
/// both languages too. The fuzz target (`fuzz/`) and the replay of its regression corpus
/// (`core/tests/fuzz_corpus.rs`) both call this, so a crash the fuzzer found is a failing
/// native test. Returns the cells (or steps) read, or the error.
#[doc(hidden)]
pub fn read_any(data: &[u8]) -> Result<usize, crate::DataError> {
    let Some((&mode, file)) = data.split_first() else { return Ok(0) };
    let result = read_as(mode % 4, file);
    if let Err(e) = &result {
        for lang in [crate::Lang::Nl, crate::Lang::En] {
            let _ = crate::present::message::error_message(e, lang);
        }
    }
    result
}

fn read_as(mode: u8, file: &[u8]) -> Result<usize, crate::DataError> {
    use crate::model::cube::{Cube, PerceelNames};
    use crate::read::records::RecordsReader;
    let names = PerceelNames::new(vec![("TKGGZ".into(), vec!["Topklinische GGz".into()]), ("UMC".into(), vec![])]);
    match mode {
        0 => match FileKind::detect(file, "f.csv")? {
            FileKind::Cube => Ok(Cube::parse(file, "f.csv", &names.open())?.value.len()),
            FileKind::Records => Ok(crate::read::records::cube_from_records(file, "f.csv", &names.open())?.value.len()),
        },
        1 => Ok(Cube::parse(file, "f.csv", &names)?.value.len()),
        2 => {
            // The reader alone, in steps, as it reads an export (any text, the mapping its header
            // suggests); building the cube (mode 0) costs most of an input's time.
            let any = PerceelNames::default();
            let (text, _) = crate::read::import::decode(file, "f.csv")?;
            let mapping = crate::read::records::proposed_mapping(&text, "f.csv")?;
            let mut reader = RecordsReader::open_mapped(&text, "f.csv", &any, &mapping)?;
            let mut steps = 0;
            while !reader.step(3)? {
                steps += 1;
            }
            Ok(steps)
        }
        _ => crate::model::population::Population::parse(file, "f.csv").map(|p| p.value.national("2023").map_or(0, |_| 1)),
    }
}
