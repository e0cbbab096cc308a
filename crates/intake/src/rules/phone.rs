//! Phone numbers: normalized to E.164 and valid for their region by
//! libphonenumber's metadata (the `phonenumber` crate), not merely well-formed.
//!
//! The text is screened by hand before the crate sees it (allowed characters,
//! bounded length), so no input reaches the parser that a person could not type
//! into a phone field.

use phonenumber::{country::Id, metadata::DATABASE, Mode, PhoneNumber};

use super::is_space;
use crate::{Code, Fault, Parsed};

/// E.164: at most 15 digits, country code included.
pub const MAX_DIGITS: usize = 15;
/// Longest text looked at; anything longer is not a phone number someone typed.
const MAX_TEXT: usize = 40;

/// A valid phone number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// `+` then the digits, e.g. `+447911123456`.
    pub e164: String,
    /// The country calling code, e.g. `44`.
    pub country_code: u16,
    /// The national significant number, e.g. `7911123456` (no trunk prefix).
    pub national: String,
    /// The region (ISO 3166-1 alpha-2, or a CLDR code such as `AC`) the number
    /// belongs to, when the metadata says.
    pub region: Option<Region>,
}

/// A two-letter region code, stored inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Region([u8; 2]);

impl Region {
    /// The code, e.g. `"GB"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    fn of(id: Id) -> Option<Region> {
        match id.as_ref().as_bytes() {
            &[a, b] => Some(Region([a, b])),
            _ => None,
        }
    }
}

/// The digits of a phone text and whether it was written internationally.
struct Screened {
    digits: String,
    international: bool,
}

/// Parses a phone number. `region` (ISO alpha-2) is where a national number,
/// written without a country code, is read; without one such a number is refused.
///
/// Accepts spaces, dashes, dots, parentheses, a leading `+` or `00`, and a `(0)`
/// trunk digit after the country code.
///
/// # Errors
/// `phone.invalid`, `phone.country_code_missing`, `phone.country_code_invalid`.
/// A national number read in `region` succeeds with a `phone.national` warning.
///
/// # Example
/// ```
/// use intake::rules::phone::parse;
/// assert_eq!(parse("+44 (0)7911 123456", None).unwrap().value.e164, "+447911123456");
/// assert_eq!(parse("0044 7911-123-456", None).unwrap().value.e164, "+447911123456");
/// let national = parse("07911 123456", Some("GB")).unwrap();
/// assert_eq!(national.warnings[0].code, intake::Code::PhoneNational);
/// assert_eq!(parse("07911 123456", None).unwrap_err().code, intake::Code::PhoneCountryCodeMissing);
/// ```
pub fn parse(input: &str, region: Option<&str>) -> Result<Parsed<Phone>, Fault> {
    let screened = screen(input)?;
    if screened.international {
        let number = parse_international(&screened.digits)?;
        return Ok(Parsed::clean(number));
    }
    let Some(id) = region.and_then(region_id) else {
        return Err(Fault::new(Code::PhoneCountryCodeMissing, "must include the country code (start with + or 00)"));
    };
    let number = phonenumber::parse(Some(id), &screened.digits).map_err(|_| invalid())?;
    let phone = finish(&number)?;
    Ok(Parsed::warned(
        phone,
        Fault::new(
            Code::PhoneNational,
            "had no country code; it was read as a national number of the record's country",
        ),
    ))
}

/// Parses a national number that belongs to the country calling code `code`
/// (as Atoa sends them: the code and the number in separate fields).
///
/// # Errors
/// `phone.country_code_invalid` for a code that is not in use, `phone.invalid`.
///
/// # Example
/// ```
/// let p = intake::rules::phone::parse_with_code(44, "07911 123456").unwrap();
/// assert_eq!(p.national, "7911123456");
/// ```
pub fn parse_with_code(code: u16, national: &str) -> Result<Phone, Fault> {
    if !is_country_code(code) {
        return Err(country_code_invalid());
    }
    let screened = screen(national)?;
    if screened.international {
        // The number repeats a country code; it must be the same one.
        let phone = parse_international(&screened.digits)?;
        return if phone.country_code == code { Ok(phone) } else { Err(invalid()) };
    }
    // A geographic code is read in its main region (which strips a trunk prefix);
    // a non-geographic one (+800, +881, ...) has no region and no trunk prefix.
    let parsed = match main_region(code).and_then(|r| region_id(r.as_str())) {
        Some(id) => phonenumber::parse(Some(id), &screened.digits),
        None => phonenumber::parse(None, format!("+{code}{}", screened.digits)),
    };
    let phone = finish(&parsed.map_err(|_| invalid())?)?;
    if phone.country_code == code {
        Ok(phone)
    } else {
        Err(invalid())
    }
}

/// Whether `code` is a country calling code in use (e.g. 44, 1, 234).
#[must_use]
pub fn is_country_code(code: u16) -> bool {
    DATABASE.by_code(&code).is_some()
}

/// The main region of a country calling code (`44` → `GB`).
#[must_use]
pub fn main_region(code: u16) -> Option<Region> {
    let regions = DATABASE.region(&code)?;
    region_id(regions.first()?).and_then(Region::of)
}

/// The country calling code of a region (`GB` → `44`), any case.
#[must_use]
pub fn region_code(alpha2: &str) -> Option<u16> {
    let id = region_id(alpha2)?;
    DATABASE.by_id(id.as_ref()).map(phonenumber::Metadata::country_code)
}

fn region_id(alpha2: &str) -> Option<Id> {
    alpha2.trim().to_ascii_uppercase().parse().ok()
}

fn parse_international(digits: &str) -> Result<Phone, Fault> {
    if digits.len() > MAX_DIGITS {
        return Err(Fault::new(Code::PhoneInvalid, "must have at most 15 digits including the country code"));
    }
    let text = format!("+{digits}");
    let number = phonenumber::parse(None, &text).map_err(|_| {
        // No country code starts with 0 (`+0...`: `01` is not the code 1).
        let starts_with_code = |n: usize| {
            digits.get(..n).filter(|c| !c.starts_with('0')).and_then(|c| c.parse().ok()).is_some_and(is_country_code)
        };
        if (1..=3).any(starts_with_code) {
            invalid()
        } else {
            country_code_invalid()
        }
    })?;
    finish(&number)
}

fn finish(number: &PhoneNumber) -> Result<Phone, Fault> {
    if !phonenumber::is_valid(number) || number.extension().is_some() {
        return Err(invalid());
    }
    let e164 = number.format().mode(Mode::E164).to_string();
    if e164.len() > MAX_DIGITS + 1 {
        return Err(invalid());
    }
    let code = number.code().value();
    let national = e164.get(1 + digit_count(code)..).unwrap_or_default().to_owned();
    // The crate finds the region from the national number read as an integer,
    // which loses a leading zero (Italy's `06...`): then look again with the digits.
    let region = number.country().id().and_then(Region::of).or_else(|| region_of(code, &national));
    Ok(Phone { e164, country_code: code, national, region })
}

/// The region a valid national number belongs to, as libphonenumber decides it:
/// the first region of the code whose leading digits match, or (for a region
/// without leading digits) whose number patterns do.
fn region_of(code: u16, national: &str) -> Option<Region> {
    DATABASE.region(&code)?.into_iter().find_map(|id| {
        let meta = DATABASE.by_id(id)?;
        let fits = match meta.leading_digits() {
            Some(pattern) => pattern.find(national).is_some_and(|m| m.start() == 0),
            None => {
                let d = meta.descriptors();
                d.general().is_match(national)
                    && [
                        d.fixed_line(),
                        d.mobile(),
                        d.toll_free(),
                        d.premium_rate(),
                        d.shared_cost(),
                        d.personal_number(),
                        d.voip(),
                        d.pager(),
                        d.uan(),
                        d.voicemail(),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|t| t.is_match(national))
            }
        };
        if fits {
            region_id(id).and_then(Region::of)
        } else {
            None
        }
    })
}

const fn digit_count(code: u16) -> usize {
    if code >= 100 {
        3
    } else if code >= 10 {
        2
    } else {
        1
    }
}

/// Keeps the digits; refuses characters a phone number is not written with.
fn screen(input: &str) -> Result<Screened, Fault> {
    let s = input.trim();
    if s.is_empty() || s.len() > MAX_TEXT {
        return Err(Fault::new(Code::PhoneInvalid, "is not a phone number"));
    }
    let (international, body) = if let Some(rest) = s.strip_prefix('+') {
        (true, rest)
    } else if let Some(rest) = s.strip_prefix("00") {
        (true, rest)
    } else {
        (false, s)
    };
    // `(0)` is a trunk digit written after a country code: dropped there; in a
    // national number it is the trunk prefix itself and stays.
    let body = if international { body.replacen("(0)", "", 1) } else { body.to_owned() };
    let mut digits = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '-' | '.' | '(' | ')' => {}
            c if is_space(c) => {}
            _ => {
                return Err(Fault::new(
                    Code::PhoneInvalid,
                    "may contain only digits, spaces, dashes, dots, parentheses and a leading +",
                ))
            }
        }
    }
    if digits.is_empty() {
        return Err(Fault::new(Code::PhoneInvalid, "is not a phone number"));
    }
    Ok(Screened { digits, international })
}

#[cold]
fn invalid() -> Fault {
    Fault::new(Code::PhoneInvalid, "is not a valid phone number for its country")
}

#[cold]
fn country_code_invalid() -> Fault {
    Fault::new(Code::PhoneCountryCodeInvalid, "does not start with a country calling code in use")
}

/// Whether a phone text that is not (yet) valid could become valid as a person
/// goes on typing: allowed characters only, and fewer digits than the longest
/// number of its country (or of E.164, before the country is known).
///
/// # Example
/// ```
/// use intake::rules::phone::could_complete;
/// assert!(could_complete("+44 79", None));
/// assert!(could_complete("0791", Some("GB")));
/// assert!(!could_complete("+44 7911 123456 789", None));
/// assert!(!could_complete("+44 79x", None));
/// ```
#[must_use]
pub fn could_complete(input: &str, region: Option<&str>) -> bool {
    let s = input.trim();
    if s.is_empty() || s == "+" || s == "0" {
        return true;
    }
    let Ok(screened) = screen(s) else { return false };
    let digits = screened.digits.as_str();
    if !screened.international {
        let max = region.and_then(region_id).and_then(|id| DATABASE.by_id(id.as_ref())).map(max_length);
        // A national number may carry a trunk prefix, hence the one extra digit.
        return max.is_some_and(|m| digits.len() <= m + 1);
    }
    // Find the country code the digits start with, or one they could still become.
    for n in 1..=3.min(digits.len()) {
        let Ok(code) = digits[..n].parse::<u16>() else { return false };
        if let Some(metas) = DATABASE.by_code(&code) {
            let max = metas.iter().map(|m| max_length(m)).max().unwrap_or(0);
            return digits.len() - n < max && digits.len() < MAX_DIGITS;
        }
    }
    // No code yet: fine while some code in use starts with these digits.
    digits.len() < 3 && (1..=999u16).any(|c| c.to_string().starts_with(digits) && is_country_code(c))
}

fn max_length(meta: &phonenumber::Metadata) -> usize {
    let d = meta.descriptors();
    [Some(d.general()), d.fixed_line(), d.mobile()]
        .into_iter()
        .flatten()
        .flat_map(|desc| desc.possible_length().iter().copied())
        .max()
        .map_or(MAX_DIGITS, usize::from)
}
