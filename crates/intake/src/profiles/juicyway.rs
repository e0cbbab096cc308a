//! Juicyway Wallet-as-a-Service, `POST /customers`.
//!
//! - Required: `first_name`, `last_name`, `email`, `phone` (with country code),
//!   `type` (`individual` or `business`), and `billing_address` with `line1`,
//!   `city`, `state`, `zip_code`, `country` (ISO alpha-2); `line2` optional.
//! - With a US billing country, a `zip_code` that is not a US ZIP code is a warning
//!   (`zip.leading_zero` for the 4 digits a spreadsheet leaves of `07030`).
//! - A phone without a country code is read in the billing country, normalized,
//!   and warned about; a phone of another country than the billing one is a warning.
//! - Juicyway's Customers API limits names to 100 characters of letters, spaces,
//!   hyphens and apostrophes: warnings here, as its public API reference says.
//! - Status: 400 when a field is missing or of the wrong JSON type (or the body is
//!   not JSON); 422 when a value is present but invalid; 409 for an email repeated
//!   within a batch.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::batch::fingerprint;
use crate::catalog::{f, FieldInfo, Kind};
use crate::fields::{field, kept, object, source, text_field, undocumented, Children, Need};
use crate::limits::Measured;
use crate::node::Node;
use crate::profiles::{run, BatchRule, Body, Profile};
use crate::rules::country::{self, Alpha};
use crate::rules::text::TextRule;
use crate::rules::{as_written, email, enumeration, phone, text};
use crate::{Code, Diagnostic, Fault, Loc, Options, Outcome, Parsed, Payload, Severity, Valid};

pub(crate) const PROFILE: Profile = Profile {
    id: "juicyway",
    name: "Juicyway Wallet-as-a-Service",
    endpoint: "POST /customers",
    fields: FIELDS,
    check: |record, measured, options| check_node(record, measured, options).map(|c| c.map(Payload::Juicyway)),
    status,
    batch: Some(BatchRule {
        path: "/email",
        code: Code::EmailDuplicate,
        message: "repeats the email of an earlier record; the customer already exists",
        severity: Severity::Error,
    }),
};

/// The documented request fields, in the provider's documented order: the catalog of this
/// profile, the one list of its field names.
pub const FIELDS: &[FieldInfo] = &[
    f("/first_name", Kind::Text(NAME), "yes", "First name"),
    f("/last_name", Kind::Text(NAME), "yes", "Last name"),
    f("/email", Kind::Email, "yes", "Email"),
    f("/phone", Kind::Phone, "yes", "Phone with country code"),
    f("/type", Kind::Enum(&["individual", "business"]), "yes", "individual or business"),
    f("/billing_address", Kind::Object, "yes", "Billing address"),
    f("/billing_address/line1", Kind::Text(LINE), "yes", "Street address line 1"),
    f("/billing_address/line2", Kind::Text(LINE), "no", "Street address line 2"),
    f("/billing_address/city", Kind::Text(LINE), "yes", "City"),
    f("/billing_address/state", Kind::Text(LINE), "yes", "State or region"),
    f("/billing_address/zip_code", Kind::Text(LINE), "yes", "Postal code"),
    f("/billing_address/country", Kind::Country(Alpha::Two), "yes", "ISO 3166-1 alpha-2 country code"),
];
/// Names: no documented limit on the WaaS endpoint beyond the general one.
pub const NAME: TextRule = TextRule::name(1, 255);
/// Address lines and parts.
pub const LINE: TextRule = TextRule::line(255);
/// What the Customers API allows in a name: at most 100 characters.
pub const NAME_ADVISED_MAX: usize = 100;

/// A Juicyway create-customer request, ready to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "JuicywayCustomer"))]
#[non_exhaustive]
pub struct Customer<'a> {
    /// First name.
    pub first_name: Cow<'a, str>,
    /// Last name.
    pub last_name: Cow<'a, str>,
    /// Email address.
    pub email: Cow<'a, str>,
    /// Phone, E.164.
    pub phone: Cow<'a, str>,
    /// Individual or business.
    #[serde(rename = "type")]
    pub kind: CustomerType,
    /// The billing address.
    pub billing_address: BillingAddress<'a>,
}

into_owned!(Customer { first_name, last_name, email, phone, billing_address; kind });

/// Juicyway's customer type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "JuicywayCustomerType"))]
#[non_exhaustive]
pub enum CustomerType {
    /// A person.
    Individual,
    /// A business.
    Business,
}

/// A Juicyway billing address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "JuicywayBillingAddress", optional_fields))]
#[non_exhaustive]
pub struct BillingAddress<'a> {
    /// Street address line 1.
    pub line1: Cow<'a, str>,
    /// Street address line 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line2: Option<Cow<'a, str>>,
    /// City.
    pub city: Cow<'a, str>,
    /// State or region.
    pub state: Cow<'a, str>,
    /// Postal code.
    pub zip_code: Cow<'a, str>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Cow<'a, str>,
}

into_owned!(BillingAddress { line1, line2, city, state, zip_code, country; });

entry_points! {
    /// Checks one record against Juicyway's create-customer rules.
    ///
    /// # Example
    /// ```
    /// use serde_json::json;
    /// let record = json!({
    ///     "first_name": "James", "last_name": "Okafor", "email": "james@example.com",
    ///     "phone": "0801 234 5678", "type": "Individual",
    ///     "billing_address": {"line1": "123 Test Lane", "city": "Lagos", "state": "Lagos", "zip_code": "100001", "country": "ng"}
    /// });
    /// let checked = intake::profiles::juicyway::check(&record, &intake::Options::default());
    /// let customer = checked.normalized.as_ref().unwrap();
    /// assert_eq!(customer.phone, "+2348012345678");
    /// assert_eq!(customer.kind, intake::profiles::juicyway::CustomerType::Individual);
    /// assert_eq!(checked.warnings[0].code, intake::Code::PhoneNational);
    /// ```
}

fn check_node<'a>(record: &Node<'a>, measured: Measured, options: &Options) -> Outcome<Valid<Customer<'a>>> {
    run(record, measured, options, status, |map, report| {
        let root = Loc::ROOT;
        let name = |key: &'static str, report: &mut crate::Report| {
            let loc = root.key(key);
            let value =
                text_field(report, map, key, &loc, Need::Required, |s| text::parse(s, &NAME).map(Parsed::clean))?;
            // An ASCII name (most) is measured and looked at by its bytes.
            let ascii = value.is_ascii();
            let length = if ascii { value.len() } else { value.chars().count() };
            if length > NAME_ADVISED_MAX {
                report.warn(
                    &loc,
                    Fault::new(Code::TextTooLong, "is longer than the 100 characters Juicyway's Customers API allows"),
                );
            }
            let letters = if ascii {
                value.bytes().all(|b| b.is_ascii_alphabetic() || matches!(b, b' ' | b'-' | b'\''))
            } else {
                value.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '\u{2019}'))
            };
            if !letters {
                report.warn(
                    &loc,
                    Fault::new(Code::TextCharset, "has characters other than letters, spaces, hyphens and apostrophes, which Juicyway's Customers API refuses"),
                );
            }
            Some(value)
        };
        let first_name = name("first_name", report);
        let last_name = name("last_name", report);
        let email = text_field(report, map, "email", &root.key("email"), Need::Required, email::parse);
        let kind = field(report, map, "type", &root.key("type"), Need::Required, |s| {
            enumeration::parse(s, &["individual", "business"]).map(Parsed::clean)
        });

        let address_loc = root.key("billing_address");
        let address = object(report, map, "billing_address", &address_loc, Need::Required);
        let mut billing = None;
        let mut country = None;
        if let Some(a) = address {
            let line = |key: &'static str, need: Need, report: &mut crate::Report| {
                text_field(report, a, key, &address_loc.key(key), need, |s| text::parse(s, &LINE).map(Parsed::clean))
            };
            let line1 = line("line1", Need::Required, report);
            let line2 = line("line2", Need::Optional, report);
            let city = line("city", Need::Required, report);
            let state = line("state", Need::Required, report);
            let zip_code = line("zip_code", Need::Required, report);
            country = field(report, a, "country", &address_loc.key("country"), Need::Required, |s| {
                country::parse(s, Alpha::Two)
            });
            if let (Some(zip), Some("US")) = (zip_code.as_deref(), country) {
                if let Some(advice) = crate::rules::zip::check_us(zip) {
                    report.warn(&address_loc.key("zip_code"), advice);
                }
            }
            undocumented(report, a, &address_loc, &const { Children::of(FIELDS, "/billing_address") });
            if let (Some(line1), Some(city), Some(state), Some(zip_code), Some(country)) =
                (line1, city, state, zip_code, country)
            {
                billing = Some(BillingAddress { line1, line2, city, state, zip_code, country: Cow::Borrowed(country) });
            }
        }

        // The phone comes after the address: a national number is read in its country.
        let phone_loc = root.key("phone");
        let phone_text = source(report, map, "phone", &phone_loc, Need::Required);
        let phone = phone_text.and_then(|s| report.accept(&phone_loc, phone::parse(s, country)));
        if let (Some(p), Some(c)) = (&phone, country) {
            // By calling code: Guernsey's and Jersey's mobiles are +44 numbers a GB
            // address may well have, as a Canadian number may a US one.
            let mismatch = match phone::region_code(c) {
                Some(code) => p.country_code() != code,
                None => p.region().is_some_and(|r| r.as_str() != c),
            };
            if mismatch {
                report.warn(
                    &phone_loc,
                    Fault::new(
                        Code::PhoneRegionMismatch,
                        "has another country calling code than the billing address; Juicyway expects them to match",
                    ),
                );
            }
        }
        undocumented(report, map, &root, &const { Children::of(FIELDS, "") });

        let batch_key = email.as_deref().map(|e| fingerprint(e, true));
        let customer = match (first_name, last_name, email, phone_text.zip(phone), kind, billing) {
            (
                Some(first_name),
                Some(last_name),
                Some(email),
                Some((text, phone)),
                Some(kind),
                Some(billing_address),
            ) => Some(Customer {
                first_name,
                last_name,
                email,
                phone: kept(text, |s| as_written(s, phone.e164())),
                kind: if kind == "business" { CustomerType::Business } else { CustomerType::Individual },
                billing_address,
            }),
            _ => None,
        };
        Body { customer, batch_key }
    })
}

/// 400 for a missing field or a wrong JSON type, 409 for a repeated email, 422
/// for any other invalid value.
pub(crate) fn status(errors: &[Diagnostic]) -> u16 {
    let structural = |c: Code| {
        matches!(
            c,
            Code::FieldRequired
                | Code::FieldType
                | Code::RecordNotObject
                | Code::RecordMalformed
                | Code::LimitSize
                | Code::LimitDepth
                | Code::LimitArray
                | Code::LimitString
        )
    };
    if errors.iter().any(|e| structural(e.code)) {
        400
    } else if errors.iter().all(|e| e.code == Code::EmailDuplicate) {
        409
    } else {
        422
    }
}
