#![no_main]
// Checks the invariants of intake::invariants::run_target("rule_phone"); a broken one panics.
libfuzzer_sys::fuzz_target!(|data: &[u8]| intake::invariants::run_target("rule_phone", data).unwrap());
