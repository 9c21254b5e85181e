//! File-kind detection, the cube reader, the records reader and the population reader, on any
//! bytes: the first byte picks the reader (see `lta_core::read_any`). A panic, a hang
//! or an allocation over the limits given to libFuzzer is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = lta_core::read_any(data);
});
