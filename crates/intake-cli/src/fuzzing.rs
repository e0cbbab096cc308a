//! The readers' fuzz target (`fuzz/fuzz_targets/readers.rs`), here so that the
//! ordinary test run replays its seeds and regressions on stable Rust.

use std::io::Cursor;

use intake::{invariants, Options, Provider};

use crate::args::InputFormat;
use crate::input::{from_source, Mapping, Raw, Settings};

/// The record limit the target reads with: small, so limits are reached often.
const MAX_BYTES: usize = 4096;

/// Reads `data` as an input file and checks every record it yields. The first byte
/// picks the format and the profile. Invariants: no panic; reading ends; no more
/// records than lines plus elements could make; every JSON record within the limit;
/// each record's outcome holds the core's invariants.
///
/// # Errors
/// A description of the first broken invariant.
pub fn readers(data: &[u8]) -> Result<(), String> {
    let Some((&selector, body)) = data.split_first() else { return Ok(()) };
    let format =
        [InputFormat::Auto, InputFormat::Json, InputFormat::Ndjson, InputFormat::Csv][usize::from(selector % 4)];
    let provider = Provider::ALL[usize::from(selector / 4) % Provider::ALL.len()];
    let options = Options::new(intake::Date::new(2026, 11, 22).unwrap_or(intake::Date::from_unix_days(0)));
    let source = Box::new(Cursor::new(body.to_vec()));
    let maps: &[Mapping] = &[];
    let settings =
        Settings { format, provider, max_bytes: MAX_BYTES, delimiter: None, encoding: None, maps, id_column: None };
    let Ok(input) = from_source(source, None, None, "fuzz input", &settings) else {
        return Ok(()); // An empty input, or a header that cannot be used: exit 2.
    };
    let mut count = 0usize;
    for raw in input.records {
        count += 1;
        if count > body.len() + 1 {
            return Err("more records than the input could hold".to_owned());
        }
        match raw.map_err(|e| format!("I/O error from memory: {e}"))?.raw {
            Raw::Json { text, .. } => {
                if text.len() > MAX_BYTES {
                    return Err("a JSON record past the size limit was handed on".to_owned());
                }
                invariants::record(provider, &text, &options)?;
            }
            Raw::Cells(cells) => {
                if let Ok((text, _)) = cells.build() {
                    let fault = |_| "the JSON text written from a row does not read back".to_owned();
                    let record =
                        intake::Record::parse(&text, &options.limits.with_max_bytes(usize::MAX)).map_err(fault)?;
                    let unbounded = options.clone().with_limits(options.limits.with_max_bytes(usize::MAX));
                    invariants::record(provider, &text, &unbounded)?;
                    let mut outcome = record.validate(provider, &options);
                    crate::damage::check_record(provider, &record, &text, &mut outcome);
                }
            }
            Raw::Value(value) => {
                invariants::record(provider, value.to_string().as_bytes(), &options)?;
                let mut outcome = intake::validate(provider, &value, &options);
                crate::damage::check(provider, &value, &mut outcome);
            }
            Raw::Unreadable(_) => {}
        }
    }
    Ok(())
}
