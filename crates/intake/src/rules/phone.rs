//! Phone numbers: normalized to E.164 and valid for their region by
//! libphonenumber's metadata (the `phonenumber` crate), not merely well-formed.
//!
//! The text is screened by hand before the crate sees it (allowed characters,
//! bounded length), so no input reaches the parser that a person could not type
//! into a phone field.

use std::sync::Once;

use phonenumber::{country::Id, metadata::Database, metadata::DATABASE, PhoneNumber};

use super::is_space;
use crate::{Code, Fault, Parsed};

/// E.164: at most 15 digits, country code included.
pub const MAX_DIGITS: usize = 15;
/// Longest text looked at; anything longer is not a phone number someone typed.
const MAX_TEXT: usize = 40;

/// Compiled patterns `phonenumber` keeps (its default is 100). Checking one
/// number uses 5–15 of them per region; with the default, numbers of a dozen
/// regions in turn evict and recompile patterns on every call (~1.4 ms a number
/// instead of ~3 µs). The metadata has ~1,200 distinct validity patterns and ~800
/// for parsing and formatting; only the patterns of regions actually seen are
/// compiled, each ~0.1 MB, so 1024 bounds the cache near 100 MB in the worst
/// case and holds what any realistic mix of countries needs.
const REGEX_CACHE: usize = 1024;

/// libphonenumber's metadata, its regex cache sized once (see [`REGEX_CACHE`]).
fn db() -> &'static Database {
    static SIZED: Once = Once::new();
    SIZED.call_once(|| {
        if let Ok(mut cache) = DATABASE.cache().lock() {
            cache.set_capacity(REGEX_CACHE);
        }
    });
    &DATABASE
}

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
/// trunk digit after the country code. Digits that are a valid number as written
/// are kept as written: a trunk prefix is stripped only when they are not, and a
/// leading `00` dials out unless the digits with it are a number of `region`.
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
    let home = region.and_then(region_id).and_then(|id| Some((id, db().by_id(id.as_ref())?.country_code())));
    let national = |phone| {
        Parsed::warned(
            phone,
            Fault::new(
                Code::PhoneNational,
                "had no country code; it was read as a national number of the record's country",
            ),
        )
    };
    if screened.international {
        if let Some(phone) = home.and_then(|(_, code)| national_from_00(code, input, &screened)) {
            return Ok(national(phone));
        }
        return parse_international(&screened.digits).map(Parsed::clean);
    }
    let Some((id, code)) = home else {
        return Err(Fault::new(Code::PhoneCountryCodeMissing, "must include the country code (start with + or 00)"));
    };
    // A national text may still dial out (`00 33 ...` typed in GB): another code, then.
    read_national(code, Some(id), &screened.digits).map(national)
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
        if let Some(phone) = national_from_00(code, national, &screened) {
            return Ok(phone);
        }
        // The number repeats a country code; it must be the same one.
        let phone = parse_international(&screened.digits)?;
        return if phone.country_code == code { Ok(phone) } else { Err(invalid()) };
    }
    // A geographic code is read in its main region (which strips a trunk prefix);
    // a non-geographic one (+800, +881, ...) has no region and no trunk prefix.
    let id = main_region(code).and_then(|r| region_id(r.as_str()));
    let phone = read_national(code, id, &screened.digits)?;
    if phone.country_code == code {
        Ok(phone)
    } else {
        Err(invalid())
    }
}

/// Reads the national digits of a number of `code`, dialled in the region `id`
/// (`None` for a non-geographic code): as written when valid so, else as the crate
/// reads them (trunk prefix, carrier codes, an international prefix dialling out).
fn read_national(code: u16, id: Option<Id>, digits: &str) -> Result<Phone, Fault> {
    if let Some(phone) = as_written(code, digits) {
        return Ok(phone);
    }
    let parsed = match id {
        Some(id) => phonenumber::parse_with(db(), Some(id), digits),
        None => phonenumber::parse_with(db(), None, format!("+{code}{digits}")),
    };
    parsed.map_err(|_| invalid()).and_then(|number| finish(&number)).or_else(|fault| {
        // The crate strips a trunk prefix twice when the number goes on with the
        // same digit (Russia's 8, then Samara's 846 lost its 8 as well): once is right.
        let prefix = id.and_then(|id| db().by_id(id.as_ref())).and_then(phonenumber::Metadata::national_prefix);
        prefix.and_then(|p| digits.strip_prefix(p)).and_then(|rest| as_written(code, rest)).ok_or(fault)
    })
}

/// Whether `code` is a country calling code in use (e.g. 44, 1, 234).
#[must_use]
pub fn is_country_code(code: u16) -> bool {
    db().by_code(&code).is_some()
}

/// The main region of a country calling code (`44` → `GB`).
#[must_use]
pub fn main_region(code: u16) -> Option<Region> {
    let regions = db().region(&code)?;
    region_id(regions.first()?).and_then(Region::of)
}

/// The country calling code of a region (`GB` → `44`), any case.
#[must_use]
pub fn region_code(alpha2: &str) -> Option<u16> {
    let id = region_id(alpha2)?;
    db().by_id(id.as_ref()).map(phonenumber::Metadata::country_code)
}

fn region_id(alpha2: &str) -> Option<Id> {
    alpha2.trim().to_ascii_uppercase().parse().ok()
}

fn parse_international(digits: &str) -> Result<Phone, Fault> {
    if digits.len() > MAX_DIGITS {
        return Err(Fault::new(Code::PhoneInvalid, "must have at most 15 digits including the country code"));
    }
    // Calling codes are prefix-free: at most one of the first 1–3 digits is one.
    // No code starts with 0 (`+0...`: `01` is not the code 1).
    let code = (1..=3).find_map(|n| {
        let c = digits.get(..n).filter(|c| !c.starts_with('0'))?;
        c.parse().ok().filter(|&c| is_country_code(c)).map(|c| (c, n))
    });
    let Some((code, n)) = code else { return Err(country_code_invalid()) };
    if let Some(phone) = as_written(code, &digits[n..]) {
        return Ok(phone);
    }
    let number = phonenumber::parse_with(db(), None, format!("+{digits}")).map_err(|_| invalid())?;
    finish(&number)
}

/// `00` also begins some national numbers (Tajikistan's `00 118 3562`): a text
/// that starts with `00`, not `+`, read as written, `00` included, as a number of
/// `code`, when it is valid so. Otherwise the `00` dials out.
fn national_from_00(code: u16, input: &str, screened: &Screened) -> Option<Phone> {
    if input.trim_start().starts_with('+') {
        return None;
    }
    as_written(code, &format!("00{}", screened.digits))
}

/// The number `national` of the calling code `code` exactly as written, when it is
/// valid so. The crate strips a national prefix after a calling code even from a
/// number that is valid as written (Samara's `+7 846…` lost its `8`, Russia's trunk
/// prefix, and no longer read back); libphonenumber strips it only from a number
/// that is not. Trying the digits as written first also makes the E.164 form read
/// back to itself.
fn as_written(code: u16, national: &str) -> Option<Phone> {
    if national.is_empty() || digit_count(code) + national.len() > MAX_DIGITS {
        return None;
    }
    let region = valid_region(code, national)?;
    Some(Phone { e164: format!("+{code}{national}"), country_code: code, national: national.to_owned(), region })
}

fn finish(number: &PhoneNumber) -> Result<Phone, Fault> {
    if number.extension().is_some() {
        return Err(invalid());
    }
    let code = number.code().value();
    // With its leading zeros (Italy's `06...`), as libphonenumber reads it.
    let national = number.national().to_string();
    if digit_count(code) + national.len() > MAX_DIGITS {
        return Err(invalid());
    }
    // The crate's `is_valid` and `country()` each look the region up again, and
    // `country()` drops leading zeros: one lookup does both jobs, and does them right.
    let region = valid_region(code, &national).ok_or_else(invalid)?;
    Ok(Phone { e164: format!("+{code}{national}"), country_code: code, national, region })
}

/// Whether `national` is a valid number of the code `code` and, if so, the region
/// it belongs to (`None` for a non-geographic code such as +800), decided as
/// libphonenumber does: a code's only region, or else the first region whose
/// leading digits match or, for a region without leading digits, whose patterns do.
fn valid_region(code: u16, national: &str) -> Option<Option<Region>> {
    let regions = db().region(&code)?;
    if let [only] = regions.as_slice() {
        let meta = if *only == "001" { db().by_code(&code)?.into_iter().next()? } else { db().by_id(*only)? };
        return is_known_type(meta, national).then(|| region_id(only).and_then(Region::of));
    }
    for id in regions {
        let meta = db().by_id(id)?;
        let region = || region_id(id).and_then(Region::of);
        match meta.leading_digits() {
            Some(pattern) if pattern.find(national).is_some_and(|m| m.start() == 0) => {
                return is_known_type(meta, national).then(region);
            }
            None if is_known_type(meta, national) => return Some(region()),
            _ => {}
        }
    }
    None
}

/// libphonenumber's `number_type(..) != Unknown`: the general pattern and at least
/// one type's pattern match (the common types first).
fn is_known_type(meta: &phonenumber::Metadata, national: &str) -> bool {
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
        let max = region.and_then(region_id).and_then(|id| db().by_id(id.as_ref())).map(max_length);
        // A national number may carry a trunk prefix, hence the one extra digit.
        return max.is_some_and(|m| digits.len() <= m + 1);
    }
    // Find the country code the digits start with, or one they could still become.
    for n in 1..=3.min(digits.len()) {
        let Ok(code) = digits[..n].parse::<u16>() else { return false };
        if let Some(metas) = db().by_code(&code) {
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
