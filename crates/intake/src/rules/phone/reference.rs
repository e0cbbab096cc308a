//! The engine's raw verdict on a text, in the shape of libphonenumber's in
//! `fixtures/reference/phone.json`: the conformance tests
//! (`crates/intake-conformance/tests/phone_engine.rs`) compare them field by
//! field, with no difference allowed; intake's own decisions live a layer up.
//! Hidden from the docs: a test hook, not an API.

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
#[must_use]
pub fn engine_verdict(text: &str, region: Option<&str>) -> Value {
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
