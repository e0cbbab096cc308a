//! Phone numbers: normalized to E.164 and valid for their region as
//! libphonenumber judges them, with its metadata compiled into static tables
//! (the `intake-phonegen` crate writes `tables.rs` and `tables.bin`).
//!
//! [`number`] does what libphonenumber's `parse` and `isValidNumber` do, step for
//! step, over digit automata: no regex, no lock, nothing parsed at start-up and
//! nothing allocated until the answer is built. This module screens the text
//! (the characters a person writes a phone number with) and adds intake's own
//! documented decisions on top (docs/RULES.md): a leading `00` dials out
//! wherever the person is, vanity letters and extensions are refused, and every
//! refusal says which of libphonenumber's reasons applies.

mod metadata;
mod number;
mod tables;

use number::{Number, ParseError, Possibility, Source};

use super::is_space;
use crate::{Code, Fault, Parsed};

/// E.164: at most 15 digits, country code included.
pub const MAX_DIGITS: usize = 15;
/// Longest text looked at; anything longer is not a phone number someone typed.
const MAX_TEXT: usize = 40;

/// The release of libphonenumber's metadata the tables were compiled from.
pub const METADATA_VERSION: &str = tables::METADATA_VERSION;

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
    /// belongs to; `None` for a non-geographic code such as +800.
    pub region: Option<Region>,
    /// What kind of line the metadata says it is.
    pub number_type: NumberType,
}

/// A two-letter region code, stored inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region([u8; 2]);

impl Region {
    /// A region the metadata knows, any case (`"gb"` → `GB`).
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::Region;
    /// assert_eq!(Region::parse("gb").unwrap().as_str(), "GB");
    /// assert!(Region::parse("XX").is_none());
    /// ```
    #[must_use]
    pub fn parse(code: &str) -> Option<Region> {
        match code.trim().as_bytes() {
            &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                let region = Region([a.to_ascii_uppercase(), b.to_ascii_uppercase()]);
                metadata::territory(region).map(|_| region)
            }
            _ => None,
        }
    }

    /// The code, e.g. `"GB"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// The kind of line a number is, as libphonenumber's metadata classifies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberType {
    /// A geographic fixed line.
    FixedLine,
    /// A mobile number.
    Mobile,
    /// Where fixed-line and mobile numbers cannot be told apart (the US, ...).
    FixedLineOrMobile,
    /// Free to the caller.
    TollFree,
    /// Charged above the normal rate.
    PremiumRate,
    /// Cost shared between caller and recipient.
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number, routed to wherever its owner is.
    PersonalNumber,
    /// A pager.
    Pager,
    /// A company's universal access number.
    Uan,
    /// Voicemail access.
    Voicemail,
    /// None of the above: not a valid number.
    Unknown,
}

impl NumberType {
    /// Every type a number can be valid as, in the order of the metadata.
    pub const VALID: [NumberType; 10] = [
        NumberType::FixedLine,
        NumberType::Mobile,
        NumberType::TollFree,
        NumberType::PremiumRate,
        NumberType::SharedCost,
        NumberType::PersonalNumber,
        NumberType::Voip,
        NumberType::Pager,
        NumberType::Uan,
        NumberType::Voicemail,
    ];

    /// The snake-case name, e.g. `"fixed_line_or_mobile"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            NumberType::FixedLine => "fixed_line",
            NumberType::Mobile => "mobile",
            NumberType::FixedLineOrMobile => "fixed_line_or_mobile",
            NumberType::TollFree => "toll_free",
            NumberType::PremiumRate => "premium_rate",
            NumberType::SharedCost => "shared_cost",
            NumberType::Voip => "voip",
            NumberType::PersonalNumber => "personal_number",
            NumberType::Pager => "pager",
            NumberType::Uan => "uan",
            NumberType::Voicemail => "voicemail",
            NumberType::Unknown => "unknown",
        }
    }

    /// The index of the metadata's description of this type.
    fn desc_index(self) -> Option<usize> {
        NumberType::VALID.iter().position(|&t| t == self)
    }
}

impl std::str::FromStr for NumberType {
    type Err = UnknownNumberType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NumberType::VALID
            .into_iter()
            .chain([NumberType::FixedLineOrMobile, NumberType::Unknown])
            .find(|t| t.as_str() == s)
            .ok_or(UnknownNumberType)
    }
}

/// The error of parsing a [`NumberType`] from a name it does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownNumberType;

impl std::fmt::Display for UnknownNumberType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a phone number type (fixed_line, mobile, toll_free, ...)")
    }
}

impl std::error::Error for UnknownNumberType {}

/// The digits of a phone text and how it began.
struct Screened {
    digits: [u8; MAX_TEXT],
    len: usize,
    /// Written with a leading `+`.
    plus: bool,
    /// Digits only, no separators.
    bare: bool,
}

impl Screened {
    fn digits(&self) -> &[u8] {
        &self.digits[..self.len]
    }
}

/// Parses a phone number. `region` (ISO alpha-2) is where a number written
/// without `+` is read, as libphonenumber reads it there: a national number
/// (its trunk prefix stripped), the region's international prefix (`011 44…` in
/// the US), or the region's own calling code without `+`. Without a region
/// such a number is refused.
///
/// Accepts spaces, dashes, dots, parentheses and a leading `+` or `00`; a
/// leading `00` dials out wherever the person is, unless the region reads the
/// digits, `00` included, as a valid number of its own.
///
/// # Errors
/// `phone.invalid`, `phone.too_short`, `phone.too_long`, `phone.invalid_length`,
/// `phone.local_only`, `phone.country_code_missing`, `phone.country_code_invalid`.
/// A national number read in `region` succeeds with a `phone.national` warning,
/// a number with the region's code but no `+` with `phone.plus_missing`.
///
/// # Example
/// ```
/// use intake::rules::phone::parse;
/// assert_eq!(parse("+44 (0)7400 123456", None).unwrap().value.e164, "+447400123456");
/// assert_eq!(parse("0044 7400-123-456", None).unwrap().value.e164, "+447400123456");
/// let national = parse("07400 123456", Some("GB")).unwrap();
/// assert_eq!(national.warnings[0].code, intake::Code::PhoneNational);
/// assert_eq!(parse("07400 123456", None).unwrap_err().code, intake::Code::PhoneCountryCodeMissing);
/// assert_eq!(parse("+1 415 555 267", None).unwrap_err().code, intake::Code::PhoneTooShort);
/// assert_eq!(parse("+44 7400 1234", None).unwrap_err().code, intake::Code::PhoneLocalOnly);
/// ```
pub fn parse(input: &str, region: Option<&str>) -> Result<Parsed<Phone>, Fault> {
    let screened = screen(input)?;
    let digits = screened.digits();
    if screened.plus {
        return international(digits).map(Parsed::clean);
    }
    let home = region.and_then(Region::parse);
    if let Some(after) = digits.strip_prefix(b"00") {
        // Read in the region first (its own `00` prefix, or a national number
        // that begins with 00, as Tajikistan's do); otherwise `00` dials out.
        if let Some(phone) = home.and_then(|h| number::parse(false, digits, screened.bare, Some(h)).ok()) {
            if let Ok(valid) = finish(&phone) {
                return Ok(announce(valid, phone.source));
            }
        }
        return international(after).map(Parsed::clean);
    }
    let Some(home) = home else {
        return Err(Fault::new(Code::PhoneCountryCodeMissing, "must include the country code (start with + or 00)"));
    };
    let phone = number::parse(false, digits, screened.bare, Some(home)).map_err(|e| parse_fault(e, false))?;
    // In the NANP the trunk prefix is the calling code: `1 201 555 0123` is a
    // national number dialled long-distance, not a missing `+`.
    let source = match phone.source {
        Source::WithoutPlus if metadata::territory(home).is_some_and(trunk_is_code) => Source::Region,
        source => source,
    };
    finish(&phone).map(|valid| announce(valid, source))
}

/// Whether a territory's national prefix is its calling code (`1` in the NANP).
fn trunk_is_code(t: &metadata::Territory) -> bool {
    let mut buf = [0u8; 3];
    !t.national_prefix.is_empty() && t.national_prefix.as_bytes() == number::code_digits(t.code, &mut buf)
}

/// The warning a number read without `+` carries.
fn announce(phone: Phone, source: Source) -> Parsed<Phone> {
    match source {
        Source::Region => Parsed::warned(
            phone,
            Fault::new(
                Code::PhoneNational,
                "had no country code; it was read as a national number of the record's country",
            ),
        ),
        Source::WithoutPlus => Parsed::warned(
            phone,
            Fault::new(Code::PhonePlusMissing, "began with the country code but no +; it was read as international"),
        ),
        Source::Plus | Source::Idd => Parsed::clean(phone),
    }
}

/// Parses a national number that belongs to the country calling code `code`
/// (as Atoa sends them: the code and the number in separate fields), as
/// libphonenumber parses it in the code's main region: a trunk prefix is
/// stripped, and the number must belong to `code`.
///
/// # Errors
/// `phone.country_code_invalid` for a code that is not in use, and the errors
/// of [`parse`].
///
/// # Example
/// ```
/// let p = intake::rules::phone::parse_with_code(44, "07400 123456").unwrap();
/// assert_eq!(p.national, "7400123456");
/// ```
pub fn parse_with_code(code: u16, national: &str) -> Result<Phone, Fault> {
    if !is_country_code(code) {
        return Err(country_code_invalid());
    }
    let screened = screen(national)?;
    let digits = screened.digits();
    let same_code = |phone: Phone| if phone.country_code == code { Ok(phone) } else { Err(invalid()) };
    if screened.plus {
        // The number repeats a calling code; it must be the same one.
        return international(digits).and_then(same_code);
    }
    match main_region(code) {
        // Read in the code's main region, as libphonenumber's `parse(number, region)`
        // does: a trunk prefix, the code repeated without `+`, or the region's
        // international prefix.
        Some(region) => {
            let phone = number::parse(false, digits, screened.bare, Some(region)).map_err(|e| parse_fault(e, false))?;
            finish(&phone).and_then(same_code)
        }
        // A non-geographic code (+800, +881, ...) has no trunk prefix.
        None => {
            let mut buf = [0u8; 3];
            let full = number::Digits::concat(&[number::code_digits(code, &mut buf), digits]).ok_or_else(too_long)?;
            international(full.as_bytes())
        }
    }
}

/// A number written after a `+`: libphonenumber's parse of `+{digits}`.
fn international(digits: &[u8]) -> Result<Phone, Fault> {
    let phone = number::parse(true, digits, false, None).map_err(|e| parse_fault(e, true))?;
    finish(&phone)
}

/// The answer for a parsed number: the phone when valid, else the reason.
fn finish(n: &Number) -> Result<Phone, Fault> {
    let (territory, number_type) = n.classify();
    if number_type == NumberType::Unknown {
        return Err(length_fault(n.possibility()));
    }
    let mut buf = [0u8; 3];
    let code = number::code_digits(n.code, &mut buf);
    if code.len() + n.nsn.as_bytes().len() > MAX_DIGITS {
        return Err(too_long());
    }
    let national = n.nsn.as_str();
    let mut e164 = String::with_capacity(1 + code.len() + national.len());
    e164.push('+');
    e164.extend(code.iter().map(|&d| char::from(d)));
    e164.push_str(national);
    Ok(Phone {
        e164,
        country_code: n.code,
        national: national.to_owned(),
        region: territory.and_then(|t| t.region),
        number_type,
    })
}

fn parse_fault(error: ParseError, plus: bool) -> Fault {
    match error {
        ParseError::InvalidCountryCode if plus => country_code_invalid(),
        ParseError::InvalidCountryCode => {
            Fault::new(Code::PhoneCountryCodeMissing, "must include the country code (start with + or 00)")
        }
        ParseError::NotANumber => Fault::new(Code::PhoneInvalid, "is not a phone number"),
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => length_fault(Possibility::TooShort),
        ParseError::TooLong => too_long(),
    }
}

#[cold]
fn length_fault(possibility: Possibility) -> Fault {
    match possibility {
        Possibility::TooShort => Fault::new(Code::PhoneTooShort, "is too short for a phone number of its country"),
        Possibility::TooLong => too_long(),
        Possibility::InvalidLength => {
            Fault::new(Code::PhoneInvalidLength, "has a number of digits that no phone number of its country has")
        }
        Possibility::LocalOnly => Fault::new(Code::PhoneLocalOnly, "is a local number: it needs its area code as well"),
        Possibility::InvalidCountryCode => country_code_invalid(),
        Possibility::Possible => invalid(),
    }
}

/// Whether `code` is a country calling code in use (e.g. 44, 1, 234).
#[must_use]
pub fn is_country_code(code: u16) -> bool {
    metadata::territories(code).is_some()
}

/// The main region of a country calling code (`44` → `GB`); `None` for a code
/// not in use or a non-geographic one (`800`).
#[must_use]
pub fn main_region(code: u16) -> Option<Region> {
    metadata::main_territory(code)?.region
}

/// The country calling code of a region (`GB` → `44`), any case.
#[must_use]
pub fn region_code(alpha2: &str) -> Option<u16> {
    Region::parse(alpha2).and_then(metadata::territory).map(|t| t.code)
}

/// The example number libphonenumber's metadata gives for a region and type, in
/// E.164 (`+447400123456` for GB mobile): a placeholder for a form.
///
/// # Example
/// ```
/// use intake::rules::phone::{example_number, NumberType, Region};
/// let gb = Region::parse("GB").unwrap();
/// assert_eq!(example_number(gb, NumberType::Mobile).as_deref(), Some("+447400123456"));
/// ```
#[must_use]
pub fn example_number(region: Region, number_type: NumberType) -> Option<String> {
    let t = metadata::territory(region)?;
    let example = t.examples[number_type.desc_index()?];
    (!example.is_empty()).then(|| format!("+{}{example}", t.code))
}

/// Keeps the digits; refuses characters a phone number is not written with.
fn screen(input: &str) -> Result<Screened, Fault> {
    let s = input.trim();
    if s.is_empty() || s.len() > MAX_TEXT {
        return Err(Fault::new(Code::PhoneInvalid, "is not a phone number"));
    }
    let (plus, body) = match s.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut screened = Screened { digits: [0; MAX_TEXT], len: 0, plus, bare: !plus };
    for c in body.chars() {
        match c {
            '0'..='9' => {
                // At most MAX_TEXT bytes, so at most MAX_TEXT digits.
                screened.digits[screened.len] = c as u8;
                screened.len += 1;
            }
            '-' | '.' | '(' | ')' => screened.bare = false,
            c if is_space(c) => screened.bare = false,
            _ => {
                return Err(Fault::new(
                    Code::PhoneInvalid,
                    "may contain only digits, spaces, dashes, dots, parentheses and a leading +",
                ))
            }
        }
    }
    if screened.len == 0 {
        return Err(Fault::new(Code::PhoneInvalid, "is not a phone number"));
    }
    Ok(screened)
}

#[cold]
fn invalid() -> Fault {
    Fault::new(Code::PhoneInvalid, "is not a valid phone number for its country")
}

#[cold]
fn too_long() -> Fault {
    Fault::new(Code::PhoneTooLong, "is too long for a phone number of its country")
}

#[cold]
fn country_code_invalid() -> Fault {
    Fault::new(Code::PhoneCountryCodeInvalid, "does not start with a country calling code in use")
}

/// Whether a phone text that is not (yet) valid could become valid as a person
/// goes on typing: allowed characters only, and digits that some number of the
/// region (or, after `+`, of some calling code) still begins with, by the
/// metadata's patterns and lengths.
///
/// # Example
/// ```
/// use intake::rules::phone::could_complete;
/// assert!(could_complete("+44 74", None));
/// assert!(could_complete("0740", Some("GB")));
/// assert!(!could_complete("+44 4", None)); // no UK number starts with 4
/// assert!(!could_complete("+44 7400 123456 789", None));
/// assert!(!could_complete("+44 74x", None));
/// ```
#[must_use]
pub fn could_complete(input: &str, region: Option<&str>) -> bool {
    let s = input.trim();
    if s.is_empty() || s == "+" {
        return true;
    }
    let Ok(screened) = screen(s) else { return false };
    let digits = screened.digits();
    if screened.plus {
        return live::international(digits);
    }
    let home = region.and_then(Region::parse).and_then(metadata::territory);
    if let Some(after) = digits.strip_prefix(b"00") {
        if live::international(after) {
            return true;
        }
    } else if digits == b"0" {
        return true;
    }
    home.is_some_and(|t| live::national(digits, t))
}

mod live;

#[cfg(test)]
mod reference;
