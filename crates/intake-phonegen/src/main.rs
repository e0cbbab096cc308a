//! `cargo run -p intake-phonegen [-- --check]`: writes intake's phone tables
//! (`crates/intake/src/rules/phone/tables.{rs,bin}`), or with `--check` only
//! says whether the committed ones are what the generator makes.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../intake/src/rules/phone");
    let tables = match intake_phonegen::generate(intake_phonegen::METADATA_XML) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("intake-phonegen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let files = [(dir.join("tables.rs"), tables.rust.into_bytes()), (dir.join("tables.bin"), tables.bytes)];
    for (path, bytes) in &files {
        if check {
            if std::fs::read(path).ok().as_ref() != Some(bytes) {
                eprintln!("intake-phonegen: {} is not what the generator makes; run it again", path.display());
                return ExitCode::FAILURE;
            }
        } else if let Err(e) = std::fs::write(path, bytes) {
            eprintln!("intake-phonegen: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "intake-phonegen: {} automata, {} states, {} bytes of transitions ({})",
        tables.automata,
        tables.states,
        files[1].1.len(),
        if check { "up to date" } else { "written" }
    );
    ExitCode::SUCCESS
}
