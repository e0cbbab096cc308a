//! Replays every committed input of the structure-aware fuzz targets
//! (`fuzz/seeds/structured_*/`, `fuzz/regressions/structured_*/`) through the
//! same checks, on stable Rust, and runs each target on pseudo-random bytes
//! for a moment: the generators must stay within what the checks hold.

use std::path::Path;

use intake::invariants::{run_structured_target, STRUCTURED_TARGETS};

mod support {
    pub mod replay;
}

#[test]
fn committed_inputs_hold_every_property() {
    let (replayed, failures) = support::replay::committed_inputs(STRUCTURED_TARGETS, run_structured_target);
    assert!(replayed >= STRUCTURED_TARGETS.len(), "only {replayed} inputs replayed; are the seeds committed?");
    assert!(failures.is_empty(), "{} of {replayed} inputs broke a property:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_structured_target_has_a_libfuzzer_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/fuzz_targets");
    for target in STRUCTURED_TARGETS {
        assert!(root.join(format!("{target}.rs")).exists(), "fuzz/fuzz_targets/{target}.rs is missing");
    }
}

#[test]
fn pseudo_random_bytes_hold_every_property() {
    let runs: usize = std::env::var("INTAKE_STRUCTURED_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut failures = Vec::new();
    for target in STRUCTURED_TARGETS {
        for run in 0..runs {
            let len = 1 + (run * 37) % 700;
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state.to_le_bytes()[3]
                })
                .collect();
            if let Err(e) = run_structured_target(target, &data) {
                failures.push(format!("{target} run {run}: {e} (input {data:02x?})"));
            }
        }
    }
    assert!(failures.is_empty(), "{} inputs broke a property:\n{}", failures.len(), failures.join("\n"));
}
