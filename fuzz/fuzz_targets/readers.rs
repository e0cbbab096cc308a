#![no_main]
// Checks intake_cli::fuzzing::readers: the NDJSON, CSV and JSON readers on any bytes.
libfuzzer_sys::fuzz_target!(|data: &[u8]| intake_cli::fuzzing::readers(data).unwrap());
