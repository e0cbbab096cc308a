//! Replays the committed seeds and regressions of the `readers` fuzz target on
//! stable Rust (the core's targets are replayed by the core's own test).

use std::fs;
use std::path::Path;

#[test]
fn reader_seeds_and_regressions_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut replayed = 0;
    let mut failures = Vec::new();
    for kind in ["seeds", "regressions"] {
        let Ok(entries) = fs::read_dir(root.join(kind).join("readers")) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            replayed += 1;
            if let Err(e) = intake_cli::fuzzing::readers(&fs::read(&path).unwrap()) {
                failures.push(format!("{}: {e}", path.display()));
            }
        }
    }
    assert!(replayed >= 10, "only {replayed} reader inputs replayed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
