//! The engine against libphonenumber itself: every case of
//! `fixtures/reference/phone.json` (libphonenumber's verdicts, written by
//! `scripts/phone-reference/generate.py`) through [`number::parse`] and the
//! validity, region, type and possibility calls, compared field by field. No
//! difference is allowed here; intake's own decisions live a layer up and are
//! checked by `tests/phone_reference.rs`.

use serde_json::Value;

use super::number::{self, ParseError, Possibility};
use super::{screen, Region};

fn error_name(e: ParseError) -> &'static str {
    match e {
        ParseError::InvalidCountryCode => "invalid_country_code",
        ParseError::NotANumber => "not_a_number",
        ParseError::TooShortAfterIdd => "too_short_after_idd",
        ParseError::TooShortNsn => "too_short_nsn",
        ParseError::TooLong => "too_long",
    }
}

fn possible_name(p: Possibility) -> &'static str {
    match p {
        Possibility::Possible => "possible",
        Possibility::LocalOnly => "local_only",
        Possibility::TooShort => "too_short",
        Possibility::TooLong => "too_long",
        Possibility::InvalidLength => "invalid_length",
        Possibility::InvalidCountryCode => "invalid_country_code",
    }
}

/// What the engine says about `text` read in `region`, in the corpus's shape.
fn verdict(text: &str, region: Option<&str>) -> Value {
    let Ok(s) = screen(text) else { return serde_json::json!({"error": "screened out"}) };
    let region = region.and_then(Region::parse);
    match number::parse(s.plus, s.digits(), s.bare, region) {
        Err(e) => serde_json::json!({"error": error_name(e)}),
        Ok(n) => {
            let kind = n.number_type();
            serde_json::json!({
                "e164": format!("+{}{}", n.code, n.nsn.as_str()),
                "valid": kind != super::NumberType::Unknown,
                "region": n.territory().map(|t| t.region.map_or_else(|| "001".to_owned(), |r| r.as_str().to_owned())),
                "type": kind.as_str(),
                "possible": possible_name(n.possibility()),
            })
        }
    }
}

#[test]
fn engine_agrees_with_libphonenumber_on_every_corpus_case() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/reference/phone.json");
    let corpus: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the phone corpus")).unwrap();
    let cases = corpus["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in cases {
        let text = case["input"].as_str().unwrap();
        let region = case["args"]["region"].as_str();
        for (key, read_as) in [("expect", None), ("expect_plus", Some(()))] {
            let Some(want) = case.get(key) else { continue };
            let got = match read_as {
                None => verdict(text, region),
                Some(()) => {
                    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                    verdict(&format!("+{}", &digits[2..]), None)
                }
            };
            compared += 1;
            if &got != want {
                failures.push(format!(
                    "{text:?} in {region:?} ({key}):\n  libphonenumber: {want}\n  intake:         {got}"
                ));
            }
        }
    }
    assert!(compared > 20_000, "only {compared} verdicts compared");
    assert!(
        failures.is_empty(),
        "{} of {compared} verdicts differ:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
