#![no_main]
// Structure-aware: the bytes drive intake::arbitrary's generators; checks
// intake::invariants::run_structured_target("structured_stax"). A broken property panics.
libfuzzer_sys::fuzz_target!(|data: &[u8]| intake::invariants::run_structured_target("structured_stax", data).unwrap());
