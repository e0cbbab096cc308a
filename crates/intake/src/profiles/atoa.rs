//! Atoa (UK open banking), `POST /api/customers`.
//!
//! - `fullName` required, 2 to 30 characters.
//! - `email` or a phone is required (error at `""`); the phone is
//!   `phoneCountryCode` (digits, at most 5, a calling code in use) plus
//!   `phoneNumber` (the national significant number): one without the other is an
//!   error, except that a full international number in `phoneNumber` alone is
//!   split into the two (with a `phone.split` warning).
//! - `type` `INDIVIDUAL` or `BUSINESS`, default `INDIVIDUAL`.
//! - `address` at most 100 characters, `city` at most 30.
//! - `postcode`: 4 to 8 letters, digits and spaces is the documented rule (an
//!   error); a UK-shaped one is normalized, another is kept upper-cased with a
//!   `postcode.not_uk` warning.
//! - `vatNumber`: a GB VAT number; on an individual it is a `vat.individual` warning.
//! - Every invalid record: 400.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::catalog::{f, FieldInfo, Kind};
use crate::fields::{field, kept, present, source, text_field, undocumented, Children, Need};
use crate::limits::Measured;
use crate::node::{Node, Object};
use crate::profiles::{bad_request, run, Body, Profile};
use crate::rules::text::TextRule;
use crate::rules::{as_written, email, enumeration, phone, postcode, text, vat};
use crate::{Code, Fault, Loc, Options, Outcome, Parsed, Payload, Report, Valid};

pub(crate) const PROFILE: Profile = Profile {
    id: "atoa",
    name: "Atoa",
    endpoint: "POST /api/customers",
    fields: FIELDS,
    check: |record, measured, options| check_node(record, measured, options).map(|c| c.map(Payload::Atoa)),
    status: bad_request,
    batch: None,
};

/// The documented request fields, in the provider's documented order: the catalog of this
/// profile, the one list of its field names.
pub const FIELDS: &[FieldInfo] = &[
    f("/fullName", Kind::Text(FULL_NAME), "yes", "Customer's full name, 2 to 30 characters"),
    f("/email", Kind::Email, "email or phone", "Email address"),
    f("/type", Kind::Enum(&["INDIVIDUAL", "BUSINESS"]), "no (default INDIVIDUAL)", "Customer type"),
    f("/phoneCountryCode", Kind::CallingCode, "with phoneNumber", "Country calling code, digits only"),
    f("/phoneNumber", Kind::NationalNumber, "email or phone", "National number without country code, digits only"),
    f("/address", Kind::Text(ADDRESS), "no", "Address, at most 100 characters"),
    f("/city", Kind::Text(CITY), "no", "City, at most 30 characters"),
    f("/postcode", Kind::AtoaPostcode, "no", "Postcode, 4 to 8 letters, digits and spaces"),
    f("/vatNumber", Kind::GbVat, "no", "GB VAT number (business customers)"),
];

/// `fullName`: 2 to 30 characters.
pub const FULL_NAME: TextRule = TextRule::name(2, 30);
/// `address`: at most 100 characters.
pub const ADDRESS: TextRule = TextRule::line(100);
/// `city`: at most 30 characters.
pub const CITY: TextRule = TextRule::line(30);

/// An Atoa create-customer request, ready to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AtoaCustomer", optional_fields))]
#[non_exhaustive]
pub struct Customer<'a> {
    /// The customer's full name.
    pub full_name: Cow<'a, str>,
    /// The email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Cow<'a, str>>,
    /// Individual or business.
    #[serde(rename = "type")]
    pub kind: CustomerType,
    /// The country calling code, digits only (`44`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_country_code: Option<Cow<'a, str>>,
    /// The national significant number, digits only (`7911123456`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<Cow<'a, str>>,
    /// The address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Cow<'a, str>>,
    /// The city.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<Cow<'a, str>>,
    /// The postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<Cow<'a, str>>,
    /// The VAT number, `GB` and 9 digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<Cow<'a, str>>,
}

into_owned!(Customer { full_name, email, phone_country_code, phone_number, address, city, postcode, vat_number; kind });

/// Atoa's customer type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AtoaCustomerType"))]
#[non_exhaustive]
pub enum CustomerType {
    /// A person (the default).
    #[default]
    Individual,
    /// A business.
    Business,
}

entry_points! {
    /// Checks one record against Atoa's create-customer rules.
    ///
    /// # Example
    /// ```
    /// use serde_json::json;
    /// let record = json!({"fullName": "Ada", "phoneNumber": "+44 7911 123456"});
    /// let checked = intake::profiles::atoa::check(&record, &intake::Options::default());
    /// let customer = checked.normalized.as_ref().unwrap();
    /// assert_eq!(customer.phone_country_code.as_deref(), Some("44"));
    /// assert_eq!(checked.warnings[0].code, intake::Code::PhoneSplit);
    /// ```
}

fn check_node<'a>(record: &Node<'a>, measured: Measured, options: &Options) -> Outcome<Valid<Customer<'a>>> {
    run(record, measured, options, bad_request, |map, report| {
        let root = Loc::ROOT;
        let full_name = text_field(report, map, "fullName", &root.key("fullName"), Need::Required, |s| {
            text::parse(s, &FULL_NAME).map(Parsed::clean)
        });
        let email = text_field(report, map, "email", &root.key("email"), Need::Optional, email::parse);
        let kind = field(report, map, "type", &root.key("type"), Need::Optional, |s| {
            enumeration::parse(s, &["INDIVIDUAL", "BUSINESS"])
                .map(|t| Parsed::clean(if t == "BUSINESS" { CustomerType::Business } else { CustomerType::Individual }))
        });
        let phone = phone_fields(map, report);
        if !present(map, "email") && !present(map, "phoneNumber") && !present(map, "phoneCountryCode") {
            report.error(
                &root,
                Fault::new(Code::RecordOneOfRequired, "either email or phoneCountryCode and phoneNumber is required"),
            );
        }
        let address = text_field(report, map, "address", &root.key("address"), Need::Optional, |s| {
            text::parse(s, &ADDRESS).map(Parsed::clean)
        });
        let city = text_field(report, map, "city", &root.key("city"), Need::Optional, |s| {
            text::parse(s, &CITY).map(Parsed::clean)
        });
        let postcode = text_field(report, map, "postcode", &root.key("postcode"), Need::Optional, parse_postcode);
        let kind = kind.unwrap_or_default();
        let vat_loc = root.key("vatNumber");
        let vat_number = text_field(report, map, "vatNumber", &vat_loc, Need::Optional, vat::parse);
        if vat_number.is_some() && kind == CustomerType::Individual {
            report.warn(
                &vat_loc,
                Fault::new(Code::VatIndividual, "a VAT number is for business customers, but the type is INDIVIDUAL"),
            );
        }
        undocumented(report, map, &root, &const { Children::of(FIELDS, "") });
        let (phone_country_code, phone_number) = phone.unzip();
        Body {
            customer: full_name.map(|full_name| Customer {
                full_name,
                email,
                kind,
                phone_country_code,
                phone_number,
                address,
                city,
                postcode,
                vat_number,
            }),
            batch_key: None,
        }
    })
}

/// The two phone fields, checked together: `(country code, national number)`,
/// each borrowed from the record when written as Atoa takes it.
fn phone_fields<'a>(map: &Object<'a>, report: &mut Report) -> Option<(Cow<'a, str>, Cow<'a, str>)> {
    let cc_loc = Loc::ROOT.key("phoneCountryCode");
    let number_loc = Loc::ROOT.key("phoneNumber");
    let code = source(report, map, "phoneCountryCode", &cc_loc, Need::Optional);
    let number = source(report, map, "phoneNumber", &number_loc, Need::Optional);
    match (code, number) {
        (Some(code_text), Some(number)) => {
            let code = match parse_country_code(code_text) {
                Ok(c) => c,
                Err(fault) => {
                    report.error(&cc_loc, fault);
                    return None;
                }
            };
            let p = report.accept(&number_loc, phone::parse_with_code(code, number).map(Parsed::clean))?;
            let (code, national) = split(&p);
            Some((kept(code_text, |s| as_written(s, code)), kept(number, |s| as_written(s, national))))
        }
        (None, Some(number)) if !present(map, "phoneCountryCode") => {
            let t = number.trim_start();
            if t.starts_with('+') || t.starts_with("00") {
                let p = report.accept(&number_loc, phone::parse(number, None))?;
                report.warn(
                    &number_loc,
                    Fault::new(
                        Code::PhoneSplit,
                        "the international number was split into phoneCountryCode and phoneNumber",
                    ),
                );
                let (code, national) = split(&p);
                Some((Cow::Owned(code.to_owned()), Cow::Owned(national.to_owned())))
            } else {
                report.error(&cc_loc, Fault::new(Code::FieldRequired, "is required with phoneNumber"));
                None
            }
        }
        (Some(code), None) if !present(map, "phoneNumber") => {
            if let Err(fault) = parse_country_code(code) {
                report.error(&cc_loc, fault);
            }
            report.error(&number_loc, Fault::new(Code::FieldRequired, "is required with phoneCountryCode"));
            None
        }
        _ => None,
    }
}

/// A phone's calling code and national significant number, as digits.
fn split(phone: &phone::Phone) -> (&str, &str) {
    let (e164, national) = (phone.e164(), phone.national());
    (e164.get(1..e164.len() - national.len()).unwrap_or_default(), national)
}

/// `phoneCountryCode`: digits only, at most 5, a leading `+` removed, a code in use.
///
/// Decision: a leading `0` is refused (`044`, `0044`). No calling code begins with
/// 0; a zero there is a dialling prefix typed by habit, and reading it away would
/// guess at what was meant where Atoa documents digits, not a dialled number.
pub(crate) fn parse_country_code(input: &str) -> Result<u16, Fault> {
    let s = input.trim();
    let digits = s.strip_prefix('+').unwrap_or(s);
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(Fault::new(Code::PhoneCountryCodeInvalid, "must be digits only, at most 5 (for example 44)"));
    }
    if digits.starts_with('0') {
        return Err(Fault::new(
            Code::PhoneCountryCodeInvalid,
            "must not begin with 0: a calling code has no dialling prefix (for example 44)",
        ));
    }
    match digits.parse::<u16>() {
        Ok(code) if phone::is_country_code(code) => Ok(code),
        _ => Err(Fault::new(Code::PhoneCountryCodeInvalid, "is not a country calling code in use")),
    }
}

/// `postcode`: the documented rule is the error; UK-shaped ones are normalized.
///
/// # Errors
/// `postcode.invalid`; a non-UK-shaped postcode succeeds with `postcode.not_uk`.
///
/// # Example
/// ```
/// use intake::profiles::atoa::parse_postcode;
/// assert_eq!(parse_postcode("sw1a1aa").unwrap().value, "SW1A 1AA");
/// assert_eq!(parse_postcode("10115").unwrap().warnings[0].code, intake::Code::PostcodeNotUk);
/// assert!(parse_postcode("SW1A-1AA").is_err());
/// ```
pub fn parse_postcode(input: &str) -> Result<Parsed<Cow<'_, str>>, Fault> {
    let s = input.trim();
    if s.len() == 8 && s.starts_with("BFPO") && s.bytes().skip(4).all(|c| c.is_ascii_digit()) {
        return Ok(Parsed::clean(Cow::Borrowed(s))); // as Atoa takes a four-digit one
    }
    if let Some(uk) = postcode::uk(input) {
        // A four-digit BFPO number is nine characters with its space; Atoa takes
        // eight (one written so was kept above).
        return Ok(Parsed::clean(if uk.len() > 8 { Cow::Owned(uk.replace(' ', "")) } else { uk }));
    }
    let len = s.chars().count();
    if !(4..=8).contains(&len) || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') {
        return Err(Fault::new(Code::PostcodeInvalid, "must be 4 to 8 characters: letters, digits and spaces"));
    }
    let upper =
        if s.bytes().any(|c| c.is_ascii_lowercase()) { Cow::Owned(s.to_ascii_uppercase()) } else { Cow::Borrowed(s) };
    Ok(Parsed::warned(upper, Fault::new(Code::PostcodeNotUk, "is not shaped like a UK postcode")))
}
