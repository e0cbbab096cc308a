//! Replaying the committed inputs of fuzz targets (`fuzz/seeds/<target>/*`,
//! `fuzz/regressions/<target>/*`) through a target's checks, on stable Rust.

use std::fs;
use std::path::Path;

/// Runs `check` on every committed input of `targets`; returns how many were
/// replayed and a line per input that broke a check.
pub fn committed_inputs(targets: &[&str], check: impl Fn(&str, &[u8]) -> Result<(), String>) -> (usize, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut replayed = 0;
    let mut failures = Vec::new();
    for kind in ["seeds", "regressions"] {
        for &target in targets {
            let Ok(entries) = fs::read_dir(root.join(kind).join(target)) else { continue };
            for entry in entries {
                let path = entry.unwrap().path();
                let data = fs::read(&path).unwrap();
                replayed += 1;
                if let Err(e) = check(target, &data) {
                    failures.push(format!("{}: {e}", path.display()));
                }
            }
        }
    }
    (replayed, failures)
}
