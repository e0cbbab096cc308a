//! ISO 3166-1 country codes, officially assigned ones only (the `isocountry`
//! crate): any case in, upper case out, converted between alpha-2 and alpha-3
//! with a warning when the profile documents the other kind.

use std::sync::LazyLock;

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
    let s = super::trim(input);
    let found = match s.len() {
        2 => lookup(&ALPHA2, s).map(|c| (c, Alpha::Two)),
        3 => lookup(&ALPHA3, s).map(|c| (c, Alpha::Three)),
        _ => None,
    };
    let Some((country, given)) = found else {
        let kind = if want == Alpha::Two { "alpha-2" } else { "alpha-3" };
        return Err(match by_name(s) {
            // The suggestion is a code, not the input: safe to log.
            Some(named) => Fault::owned(
                Code::CountryInvalid,
                format!(
                    "must be an ISO 3166-1 {kind} country code; this is a country's name: its code is {}",
                    if want == Alpha::Two { named.alpha2() } else { named.alpha3() }
                ),
            ),
            None if want == Alpha::Two => {
                Fault::new(Code::CountryInvalid, "must be an ISO 3166-1 alpha-2 country code, such as GB")
            }
            None => Fault::new(Code::CountryInvalid, "must be an ISO 3166-1 alpha-3 country code, such as GBR"),
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

/// Every country by its letters: the codes of one length, as base-26 numbers,
/// index a table of the crate's countries (where the crate's
/// `for_alpha2_caseless` upper-cases into a new string and matches against
/// every code in turn). Built on first use.
struct ByCode {
    table: Vec<Option<CountryCode>>,
}

static ALPHA2: LazyLock<ByCode> = LazyLock::new(|| ByCode::new(CountryCode::as_array_alpha2(), CountryCode::alpha2));
static ALPHA3: LazyLock<ByCode> = LazyLock::new(|| ByCode::new(CountryCode::as_array_alpha3(), CountryCode::alpha3));

impl ByCode {
    fn new(countries: &[CountryCode], code: fn(&CountryCode) -> &'static str) -> Self {
        let len = countries.first().map_or(0, |c| code(c).len());
        let mut table = vec![None; 26usize.pow(u32::try_from(len).unwrap_or(0))];
        for c in countries {
            if let Some(slot) = slot(code(c)).and_then(|i| table.get_mut(i)) {
                *slot = Some(*c);
            }
        }
        ByCode { table }
    }
}

/// The letters of a code (any case) as a base-26 number; `None` for any other byte.
fn slot(s: &str) -> Option<usize> {
    s.bytes().try_fold(0, |n, b| {
        let letter = b.to_ascii_uppercase().checked_sub(b'A').filter(|&l| l < 26)?;
        Some(n * 26 + usize::from(letter))
    })
}

/// The country whose code `s` is (letters, any case; of the table's length).
/// The alpha-2 code of the country whose alpha-3 code is `alpha3` (any case).
pub(crate) fn alpha2_of(alpha3: &str) -> Option<&'static str> {
    lookup(&ALPHA3, alpha3).map(|c| c.alpha2())
}

fn lookup(by: &ByCode, s: &str) -> Option<CountryCode> {
    by.table.get(slot(s)?).copied().flatten()
}

/// Names people write for countries whose ISO short name is long or formal.
const ALIASES: &[(&str, CountryCode)] = &[
    ("unitedkingdom", CountryCode::GBR),
    ("uk", CountryCode::GBR),
    ("greatbritain", CountryCode::GBR),
    ("britain", CountryCode::GBR),
    ("england", CountryCode::GBR),
    ("scotland", CountryCode::GBR),
    ("wales", CountryCode::GBR),
    ("northernireland", CountryCode::GBR),
    ("unitedstates", CountryCode::USA),
    ("america", CountryCode::USA),
    ("southkorea", CountryCode::KOR),
    ("northkorea", CountryCode::PRK),
    ("russia", CountryCode::RUS),
    ("vietnam", CountryCode::VNM),
    ("iran", CountryCode::IRN),
    ("syria", CountryCode::SYR),
    ("tanzania", CountryCode::TZA),
    ("bolivia", CountryCode::BOL),
    ("venezuela", CountryCode::VEN),
    ("laos", CountryCode::LAO),
    ("moldova", CountryCode::MDA),
    ("czechia", CountryCode::CZE),
    ("holland", CountryCode::NLD),
    ("netherlands", CountryCode::NLD),
    ("taiwan", CountryCode::TWN),
    ("ivorycoast", CountryCode::CIV),
];

/// The country whose name `text` is (the ISO short name, its part before `(` or
/// `,`, or a common alias), compared in lower case without spaces or punctuation.
fn by_name(text: &str) -> Option<CountryCode> {
    let key = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    // Cheap refusals first: a code-shaped or very long text is no name.
    if text.len() < 4 || text.len() > 80 {
        return (key(text) == "uk").then_some(CountryCode::GBR);
    }
    let wanted = key(text);
    if let Some((_, code)) = ALIASES.iter().find(|(alias, _)| *alias == wanted) {
        return Some(*code);
    }
    CountryCode::iter().copied().find(|c| {
        let name = c.name();
        let short = name.split(['(', ',']).next().unwrap_or(name);
        key(name) == wanted || key(short) == wanted
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables find what the crate's own lookups find, for every
    /// two and three letter string in both cases.
    #[test]
    fn lookup_agrees_with_the_crate() {
        let letters: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
        for &a in &letters {
            for &b in &letters {
                let two = format!("{a}{b}");
                assert_eq!(lookup(&ALPHA2, &two), CountryCode::for_alpha2_caseless(&two).ok(), "{two}");
                for c in ['a', 'R', 'z', 'N', 'U'] {
                    let three = format!("{two}{c}");
                    assert_eq!(lookup(&ALPHA3, &three), CountryCode::for_alpha3_caseless(&three).ok(), "{three}");
                }
            }
        }
        for code in CountryCode::as_array() {
            assert_eq!(lookup(&ALPHA3, code.alpha3()), Some(*code));
            assert_eq!(lookup(&ALPHA2, &code.alpha2().to_lowercase()), Some(*code));
        }
        assert_eq!(lookup(&ALPHA2, "G1"), None);
        assert_eq!(lookup(&ALPHA2, "é"), None);
    }

    #[test]
    fn a_country_name_gets_its_code_suggested() {
        let fault = parse("Nigeria", Alpha::Two).unwrap_err();
        assert!(fault.message.ends_with("its code is NG"), "{}", fault.message);
        assert!(!fault.message.contains("Nigeria"));
        assert!(parse("united kingdom", Alpha::Three).unwrap_err().message.ends_with("GBR"));
        assert!(parse("UK", Alpha::Two).unwrap_err().message.ends_with("GB"));
        assert!(parse("Korea, Republic of", Alpha::Two).unwrap_err().message.ends_with("KR"));
        assert!(parse("Narnia", Alpha::Two).unwrap_err().message.ends_with("such as GB"));
    }
}
