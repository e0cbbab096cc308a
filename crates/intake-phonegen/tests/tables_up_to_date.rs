//! The committed phone tables are exactly what the generator makes from the
//! committed metadata: a change to either without running
//! `cargo run -p intake-phonegen` fails here.

use std::path::Path;

#[test]
fn committed_tables_are_what_the_generator_makes() {
    let tables = intake_phonegen::generate(intake_phonegen::METADATA_XML).expect("the metadata compiles");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../intake/src/rules/phone");
    let rust = std::fs::read_to_string(dir.join("tables.rs")).expect("tables.rs");
    let bytes = std::fs::read(dir.join("tables.bin")).expect("tables.bin");
    assert!(rust == tables.rust, "tables.rs is stale: run `cargo run -p intake-phonegen`");
    assert!(bytes == tables.bytes, "tables.bin is stale: run `cargo run -p intake-phonegen`");
}

#[test]
fn every_territory_and_pattern_is_compiled() {
    let tables = intake_phonegen::generate(intake_phonegen::METADATA_XML).unwrap();
    assert_eq!(tables.rust.matches("    Territory {").count(), 254);
    // A type classifier per territory, and the patterns of prefixes and general descriptions.
    assert_eq!(tables.rust.matches("types: classifier(").count(), 254);
    assert!(tables.automata > 500, "{} automata", tables.automata);
    assert!(tables.bytes.len() < intake_phonegen::MAX_TABLE_BYTES);
}

#[test]
fn a_pattern_past_the_cap_is_refused() {
    // "A 1 twelve digits before the end" needs 2^12 states in any DFA.
    let xml = intake_phonegen::METADATA_XML;
    let bloated = xml.replacen("<nationalNumberPattern>", r"<nationalNumberPattern>\d*1\d{11}|", 1);
    let err = intake_phonegen::generate(&bloated).err().expect("refused");
    assert!(err.contains("cap"), "{err}");
}
