//! Replays every committed fuzz seed and regression (`fuzz/seeds/<target>/*`,
//! `fuzz/regressions/<target>/*`) through the same checks the fuzz targets run,
//! on stable Rust: a crash found once stays fixed.

use std::path::Path;

use intake::invariants::{run_target, TARGETS};

mod support {
    pub mod replay;
}

#[test]
fn seeds_and_regressions_hold_every_invariant() {
    let (replayed, failures) = support::replay::committed_inputs(TARGETS, run_target);
    assert!(replayed > 100, "only {replayed} inputs replayed; are the seeds committed?");
    assert!(
        failures.is_empty(),
        "{} of {replayed} inputs broke an invariant:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_target_has_a_libfuzzer_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/fuzz_targets");
    for target in TARGETS {
        assert!(root.join(format!("{target}.rs")).exists(), "fuzz/fuzz_targets/{target}.rs is missing");
    }
}
