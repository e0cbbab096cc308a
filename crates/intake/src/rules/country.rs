//! ISO 3166-1 country codes, officially assigned ones only (the `isocountry`
//! crate): any case in, upper case out, converted between alpha-2 and alpha-3
//! with a warning when the profile documents the other kind.

use isocountry::CountryCode;

use crate::{Code, Fault, Parsed};

/// Which kind of code a profile documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alpha {
    /// Two letters, `GB`.
    Two,
    /// Three letters, `GBR`.
    Three,
}

/// Parses a country code into the documented kind.
///
/// # Errors
/// `country.invalid`. A code of the other kind succeeds, converted, with a
/// `country.converted` warning.
///
/// # Example
/// ```
/// use intake::rules::country::{parse, Alpha};
/// assert_eq!(parse("usa", Alpha::Three).unwrap().value, "USA");
/// let converted = parse("us", Alpha::Three).unwrap();
/// assert_eq!((converted.value, converted.warnings[0].code), ("USA", intake::Code::CountryConverted));
/// assert!(parse("UK", Alpha::Two).is_err());
/// ```
pub fn parse(input: &str, want: Alpha) -> Result<Parsed<&'static str>, Fault> {
    let s = input.trim();
    let found = match s.len() {
        2 if s.bytes().all(|c| c.is_ascii_alphabetic()) => {
            CountryCode::for_alpha2_caseless(s).ok().map(|c| (c, Alpha::Two))
        }
        3 if s.bytes().all(|c| c.is_ascii_alphabetic()) => {
            CountryCode::for_alpha3_caseless(s).ok().map(|c| (c, Alpha::Three))
        }
        _ => None,
    };
    let Some((country, given)) = found else {
        return Err(match want {
            Alpha::Two => Fault::new(Code::CountryInvalid, "must be an ISO 3166-1 alpha-2 country code, such as GB"),
            Alpha::Three => Fault::new(Code::CountryInvalid, "must be an ISO 3166-1 alpha-3 country code, such as GBR"),
        });
    };
    let value = match want {
        Alpha::Two => country.alpha2(),
        Alpha::Three => country.alpha3(),
    };
    Ok(if given == want {
        Parsed::clean(value)
    } else {
        Parsed::warned(
            value,
            Fault::owned(
                Code::CountryConverted,
                format!(
                    "was converted to the ISO 3166-1 {} code {value} the provider documents",
                    if want == Alpha::Two { "alpha-2" } else { "alpha-3" }
                ),
            ),
        )
    })
}
