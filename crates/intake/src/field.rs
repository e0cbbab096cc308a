//! Checking one field as a person types it, for forms: valid, invalid, or
//! incomplete (it could still become valid: `+44 79`, `SW1A`, `4111 1111`,
//! month `1`).
//!
//! A field is checked by the same rule the whole-record check uses for it (see
//! [`catalog`]); only the "could it still become valid" question
//! is new here. Cross-field rules (Atoa's email-or-phone, Juicyway's phone in the
//! billing country) need the whole record: [`FieldOptions::region`] lends a
//! field the region a national phone number is read in.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::{self, Kind};
use crate::fields::wrong_type;
use crate::profiles::{atoa, authvia};
use crate::rules::card::{self, Brand};
use crate::rules::country::{self, Alpha};
use crate::rules::{email, enumeration, id, is_space, phone, postcode, text, vat};
use crate::{Code, Date, Fault, Parsed, Provider};

/// How a field is checked.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldOptions {
    /// The person is still typing: a value that could become valid is `incomplete`.
    #[serde(default)]
    pub partial: bool,
    /// "Today", for card expiry.
    pub today: Date,
    /// Where a national phone number is read (ISO alpha-2), e.g. the billing country.
    /// Wins over what [`record`](Self::record) says.
    #[serde(default)]
    pub region: Option<String>,
    /// The rest of the record, for a field whose rule depends on another one:
    /// Atoa's `phoneNumber` is read with `phoneCountryCode`, Juicyway's `phone`
    /// in `billing_address.country`, Stax's `phone` and `cc_sms` in
    /// `address_country`. Without it such a number must carry its own country
    /// code to be valid.
    #[serde(default)]
    pub record: Option<Value>,
}

/// The state of one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldState {
    /// The value is valid as it stands.
    Valid,
    /// Not valid yet, but it could become valid as the person goes on typing.
    Incomplete,
    /// Not valid, and more typing will not make it so.
    Invalid,
}

/// A coded problem of one field (no path: the caller named the field).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldIssue {
    /// The stable code.
    pub code: Code,
    /// English, for a person; never repeats the value.
    pub message: String,
}

impl From<Fault> for FieldIssue {
    fn from(f: Fault) -> Self {
        FieldIssue { code: f.code, message: f.message.into_owned() }
    }
}

/// The result of checking one field: `{state, normalized, error, warnings}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldCheck {
    /// Valid, incomplete or invalid.
    pub state: FieldState,
    /// The normalized value, when valid (`null` for an empty optional field).
    pub normalized: Option<Value>,
    /// Why it is not valid (also given when incomplete: what is still missing).
    pub error: Option<FieldIssue>,
    /// Warnings on a valid value.
    pub warnings: Vec<FieldIssue>,
}

/// The error of a pointer that names no field of the profile.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the pointer names no field of this profile; see providers()")]
pub struct UnknownField;

/// Checks one field's value.
///
/// # Errors
/// [`UnknownField`] when `pointer` names no field of the profile.
///
/// # Example
/// ```
/// use intake::field::{check_field, FieldOptions, FieldState};
/// use serde_json::json;
/// let typing = FieldOptions { partial: true, today: "2026-11-22".parse().unwrap(), region: None, record: None };
/// let p = intake::Provider::Juicyway;
/// assert_eq!(check_field(p, "/phone", &json!("+44 79"), &typing).unwrap().state, FieldState::Incomplete);
/// assert_eq!(check_field(p, "/phone", &json!("+44 7911 123456"), &typing).unwrap().state, FieldState::Valid);
/// assert_eq!(check_field(p, "/phone", &json!("+44 79x"), &typing).unwrap().state, FieldState::Invalid);
/// ```
pub fn check_field(
    provider: Provider,
    pointer: &str,
    value: &Value,
    options: &FieldOptions,
) -> Result<FieldCheck, UnknownField> {
    let info = catalog::field(provider, pointer).ok_or(UnknownField)?;
    let required = info.required == "yes";
    let blank = match value {
        Value::Null => true,
        Value::String(s) => text::is_blank(s),
        _ => false,
    };
    if blank {
        return Ok(if options.partial {
            incomplete(crate::fields::required())
        } else if required {
            invalid(crate::fields::required())
        } else {
            FieldCheck { state: FieldState::Valid, normalized: None, error: None, warnings: Vec::new() }
        });
    }
    let from_record = options.record.as_ref().and_then(|r| context_region(provider, pointer, r));
    let region = options.region.as_deref().or(from_record.as_deref());
    let result = full(&info.kind, value, options.today, region);
    let text = value.as_str().unwrap_or("");
    Ok(match result {
        Ok(_) if options.partial && value.is_string() && still_ambiguous(&info.kind, text) => {
            incomplete(Fault::new(Code::FieldRequired, "looks unfinished"))
        }
        Ok(parsed) => FieldCheck {
            state: FieldState::Valid,
            normalized: Some(parsed.value),
            error: None,
            warnings: parsed.warnings.into_iter().map(FieldIssue::from).collect(),
        },
        Err(fault) if options.partial && value.is_string() && could_grow(&info.kind, text, region) => incomplete(fault),
        Err(fault) => invalid(fault),
    })
}

fn incomplete(fault: Fault) -> FieldCheck {
    FieldCheck { state: FieldState::Incomplete, normalized: None, error: Some(fault.into()), warnings: Vec::new() }
}

fn invalid(fault: Fault) -> FieldCheck {
    FieldCheck { state: FieldState::Invalid, normalized: None, error: Some(fault.into()), warnings: Vec::new() }
}

/// The whole-record rule of a kind, on one value.
fn full(kind: &Kind, value: &Value, today: Date, region: Option<&str>) -> Result<Parsed<Value>, Fault> {
    let string =
        |v: &Value| -> Result<String, Fault> { v.as_str().map(str::to_owned).ok_or_else(|| wrong_type("a string", v)) };
    let s = |p: Parsed<Cow<'_, str>>| p.map(|v| Value::String(v.into_owned()));
    match kind {
        Kind::Boolean => match value {
            Value::Bool(_) => Ok(Parsed::clean(value.clone())),
            other => Err(wrong_type("a boolean", other)),
        },
        Kind::Object => match value {
            Value::Object(_) => Ok(Parsed::clean(value.clone())),
            other => Err(wrong_type("an object", other)),
        },
        Kind::List(Kind::AuthviaAddress) => authvia_addresses(value),
        Kind::List(item) => {
            let Value::Array(items) = value else { return Err(wrong_type("an array", value)) };
            let mut out = Vec::with_capacity(items.len());
            let mut warnings = Vec::new();
            for v in items {
                let p = full(item, v, today, region)?;
                out.push(p.value);
                warnings.extend(p.warnings);
            }
            Ok(Parsed { value: Value::Array(out), warnings })
        }
        _ => {
            let t = string(value)?;
            let t = t.as_str();
            let clean = |r: Result<Cow<'_, str>, Fault>| r.map(|v| Parsed::clean(Value::String(v.into_owned())));
            match kind {
                Kind::Text(rule) => clean(text::parse(t, rule)),
                Kind::Email => email::parse(t).map(s),
                Kind::EmailLower => email::parse(t).map(|p| p.map(|e| Value::String(e.to_lowercase()))),
                Kind::Phone => phone::parse(t, region).map(|p| p.map(|p| Value::String(p.e164().to_owned()))),
                Kind::PhoneIn(r) => {
                    phone::parse(t, Some(region.unwrap_or(r))).map(|p| p.map(|p| Value::String(p.e164().to_owned())))
                }
                Kind::StaxPhone => {
                    crate::profiles::stax::phone_at_least_10(t, region.unwrap_or(crate::profiles::stax::DEFAULT_REGION))
                        .map(s)
                }
                Kind::CallingCode => atoa::parse_country_code(t).map(|c| Parsed::clean(Value::String(c.to_string()))),
                Kind::NationalNumber => match region.and_then(phone_code_of) {
                    Some(code) => {
                        phone::parse_with_code(code, t).map(|p| Parsed::clean(Value::String(p.national().to_owned())))
                    }
                    None => national_alone(t),
                },
                Kind::AtoaPostcode => atoa::parse_postcode(t).map(s),
                Kind::GbVat => vat::parse(t).map(s),
                Kind::Country(alpha) => country::parse(t, *alpha).map(|p| p.map(|c| Value::String(c.to_owned()))),
                Kind::CountryAny => {
                    let alpha = if t.trim().len() == 3 { Alpha::Three } else { Alpha::Two };
                    country::parse(t, alpha).map(|p| p.map(|c| Value::String(c.to_owned())))
                }
                Kind::Enum(values) => enumeration::parse(t, values).map(|v| Parsed::clean(Value::String(v.to_owned()))),
                Kind::Uuid => clean(id::uuid(t)),
                Kind::Hex24 => clean(id::hex24(t)),
                Kind::CardNumber => card::number(t).map(|c| Parsed::clean(Value::String(c.expose().to_owned()))),
                Kind::ExpiryMonth => card::month(t).map(|m| Parsed::clean(Value::String(format!("{m:02}")))),
                Kind::ExpiryYear => {
                    let y = card::year(t)?;
                    // A year alone is good while any month of it is: not expired by its
                    // December, not too far by its January.
                    match card::expiry(12, y, today) {
                        Err(f) if f.code == Code::CardExpiryTooFar => card::expiry(1, y, today)?,
                        other => other?,
                    }
                    Ok(Parsed::clean(Value::String(format!("{y:04}"))))
                }
                Kind::Cvv => card::cvv(t, None).map(|c| Parsed::clean(Value::String(c.expose().to_owned()))),
                Kind::AuthviaAddress => authvia::address(t).map(s),
                Kind::Boolean | Kind::Object | Kind::List(_) => unreachable_kind(),
            }
        }
    }
}

#[cold]
fn unreachable_kind() -> Result<Parsed<Value>, Fault> {
    Err(Fault::new(Code::FieldType, "has the wrong type"))
}

/// Atoa's `phoneNumber` checked without its `phoneCountryCode`: a full
/// international number (which the record check splits into the two fields)
/// is valid; a national one cannot be judged without its code.
fn national_alone(t: &str) -> Result<Parsed<Value>, Fault> {
    let s = t.trim();
    if s.starts_with('+') || s.starts_with("00") {
        return phone::parse(s, None).map(|p| p.map(|p| Value::String(p.national().to_owned())));
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 || digits > phone::MAX_DIGITS || !s.chars().all(|c| c.is_ascii_digit() || " -.()".contains(c)) {
        return Err(Fault::new(Code::PhoneInvalid, "must be digits only, at most 15"));
    }
    Err(Fault::new(Code::PhoneCountryCodeMissing, "needs the phone country code to be checked"))
}

/// The region (or calling code) a phone field of `provider` is read in, taken
/// from the rest of the record as the profile itself takes it.
fn context_region(provider: Provider, pointer: &str, record: &Value) -> Option<String> {
    let text = |path: &[&str]| path.iter().try_fold(record, |v, k| v.get(k)).and_then(Value::as_str);
    match (provider, pointer) {
        (Provider::Atoa, "/phoneNumber") => {
            let code = match record.get("phoneCountryCode")? {
                Value::String(s) => atoa::parse_country_code(s).ok()?,
                Value::Number(n) => u16::try_from(n.as_u64()?).ok().filter(|&c| phone::is_country_code(c))?,
                _ => return None,
            };
            Some(code.to_string())
        }
        // Either kind of country code; parsing for alpha-2 converts an alpha-3 one.
        (Provider::Juicyway, "/phone") => alpha2(text(&["billing_address", "country"])?),
        (Provider::Stax, "/phone" | "/cc_sms") => alpha2(text(&["address_country"])?),
        _ => None,
    }
}

/// The alpha-2 form of an ISO 3166-1 code of either kind.
fn alpha2(code: &str) -> Option<String> {
    country::parse(code, Alpha::Two).ok().map(|p| p.value.to_owned())
}

/// The calling code a national number is read with: the region given as a
/// calling code (`44`, `+44`) or as an ISO alpha-2 region (`GB`), as
/// [`FieldOptions::region`] documents.
fn phone_code_of(region: &str) -> Option<u16> {
    let r = region.trim();
    let code = match r.trim_start_matches('+').parse::<u16>() {
        Ok(code) => code,
        Err(_) => phone::region_code(r)?,
    };
    phone::is_country_code(code).then_some(code)
}

/// Authvia's `addresses` checked whole: each item `{"value": ...}` or a bare
/// string, normalized into `{"value": ...}`; a repeated address is dropped with a
/// warning, as the record check does.
fn authvia_addresses(value: &Value) -> Result<Parsed<Value>, Fault> {
    let Value::Array(items) = value else { return Err(wrong_type("an array", value)) };
    if items.is_empty() {
        return Err(Fault::new(Code::FieldRequired, "must have at least one address"));
    }
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    let mut warnings = Vec::new();
    for item in items {
        let text = match item {
            Value::String(s) => s.as_str(),
            Value::Object(obj) => match obj.get("value") {
                Some(Value::String(s)) => s.as_str(),
                None | Some(Value::Null) => return Err(crate::fields::required()),
                Some(other) => return Err(wrong_type("a string", other)),
            },
            other => return Err(wrong_type("an object {\"value\": ...} or a string", other)),
        };
        let parsed = authvia::address(text)?;
        warnings.extend(parsed.warnings);
        let entry = serde_json::json!({ "value": parsed.value.into_owned() });
        if out.contains(&entry) {
            warnings.push(Fault::new(Code::AddressDuplicate, "repeats an earlier address and was dropped"));
        } else {
            out.push(entry);
        }
    }
    Ok(Parsed { value: Value::Array(out), warnings })
}

/// A valid value that is also the start of a different one the person may mean.
fn still_ambiguous(kind: &Kind, t: &str) -> bool {
    let t = t.trim();
    match kind {
        Kind::ExpiryMonth => t == "1",
        Kind::AtoaPostcode => postcode::uk(t).is_none() && postcode::could_complete(t),
        Kind::Country(Alpha::Three) => t.len() < 3,
        _ => false,
    }
}

/// Whether an invalid value could still become valid with more typing.
fn could_grow(kind: &Kind, t: &str, region: Option<&str>) -> bool {
    let s = t.trim();
    match kind {
        Kind::Text(rule) => s.chars().count() < rule.min && !s.chars().any(char::is_control),
        Kind::Email | Kind::EmailLower => email_prefix(s),
        Kind::Phone => phone::could_complete(s, region),
        Kind::CallingCode => {
            let d = s.trim_start_matches('+');
            d.len() < 3 && d.bytes().all(|c| c.is_ascii_digit()) && phone::could_complete(&format!("+{d}"), None)
        }
        Kind::PhoneIn(r) => phone::could_complete(s, Some(region.unwrap_or(r))),
        Kind::StaxPhone => phone::could_complete(s, Some(region.unwrap_or(crate::profiles::stax::DEFAULT_REGION))),
        Kind::NationalNumber => match region.and_then(phone_code_of) {
            // With its code, as the number of that code's main region it is read as.
            Some(code) => match phone::main_region(code) {
                Some(home) => phone::could_complete(s, Some(home.as_str())),
                None => phone::could_complete(&format!("+{code} {s}"), None),
            },
            None if s.starts_with('+') => phone::could_complete(s, None),
            // Without it, digits may still become a number once the code is given.
            None => s.chars().all(|c| c.is_ascii_digit() || " -.()".contains(c)) && s.len() < 15,
        },
        Kind::AtoaPostcode => {
            postcode::could_complete(s) || (s.len() < 4 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == ' '))
        }
        Kind::GbVat => vat_prefix(s),
        Kind::Country(alpha) => {
            let want = if *alpha == Alpha::Two { 2 } else { 3 };
            s.len() < want && s.bytes().all(|c| c.is_ascii_alphabetic())
        }
        Kind::CountryAny => s.len() < 2 && s.bytes().all(|c| c.is_ascii_alphabetic()),
        Kind::Enum(values) => values.iter().any(|v| v.len() > s.len() && v[..s.len()].eq_ignore_ascii_case(s)),
        Kind::Uuid => {
            s.len() < 36
                && s.bytes().enumerate().all(|(i, c)| {
                    if matches!(i, 8 | 13 | 18 | 23) {
                        c == b'-'
                    } else {
                        c.is_ascii_hexdigit()
                    }
                })
        }
        Kind::Hex24 => s.len() < 24 && s.bytes().all(|c| c.is_ascii_hexdigit()),
        Kind::CardNumber => card_prefix(s),
        Kind::ExpiryMonth => s == "0",
        Kind::ExpiryYear => s.len() < 4 && s.bytes().all(|c| c.is_ascii_digit()),
        Kind::Cvv => s.len() < 3 && s.bytes().all(|c| c.is_ascii_digit()),
        Kind::AuthviaAddress => {
            if s.contains('@') || s.chars().any(|c| c.is_ascii_alphabetic()) {
                email_prefix(s)
            } else {
                phone::could_complete(s, None)
            }
        }
        Kind::Boolean | Kind::Object | Kind::List(_) => false,
    }
}

/// Whether `s` is the start of some valid email address.
fn email_prefix(s: &str) -> bool {
    if !s.is_ascii() || s.starts_with('.') || s.contains("..") || s.len() > 254 {
        return false;
    }
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-.".contains(c);
    match s.split_once('@') {
        None => s.chars().all(atext) && s.len() <= 64,
        Some((local, domain)) => {
            !local.is_empty()
                && !local.ends_with('.')
                && local.chars().all(atext)
                && !domain.starts_with(['.', '-'])
                && domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        }
    }
}

fn vat_prefix(s: &str) -> bool {
    let compact: String =
        s.chars().filter(|&c| !is_space(c) && !matches!(c, '.' | '-')).collect::<String>().to_ascii_uppercase();
    let digits = if "GB".starts_with(&compact) { "" } else { compact.strip_prefix("GB").unwrap_or(&compact) };
    digits.len() < 9 && digits.bytes().all(|c| c.is_ascii_digit())
}

fn card_prefix(s: &str) -> bool {
    if !s.chars().all(|c| c.is_ascii_digit() || is_space(c) || c == '-') {
        return false;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let max = match Brand::of(&digits) {
        Brand::Amex => 15,
        Brand::Diners => 14,
        Brand::Visa | Brand::Mastercard => 16,
        _ => 19,
    };
    digits.len() < max.max(12)
}
