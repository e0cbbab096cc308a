#![no_main]
// Checks the invariants of intake::invariants::run_target("profile_juicyway"); a broken one panics.
libfuzzer_sys::fuzz_target!(|data: &[u8]| intake::invariants::run_target("profile_juicyway", data).unwrap());
