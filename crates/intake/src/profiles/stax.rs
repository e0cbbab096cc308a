//! Stax Payments (formerly Fattmerchant), `POST /customer`.
//!
//! - At least one of `firstname`, `lastname`, `email`, `company` (error at `""`).
//! - Limits from Stax.js: names at most 50 characters; `address_1`, `address_2`,
//!   `address_city` at most 255; `address_state` at most 2; `phone` at least 10
//!   characters; `address_zip` at most 16 (a third-party client's limit).
//! - `address_country`: ISO alpha-3 (alpha-2 converted with a warning).
//! - With `address_country` USA, an `address_zip` that is not a US ZIP code is a
//!   warning (`zip.leading_zero` for the 4 digits a spreadsheet leaves of `07030`).
//! - `phone` and `cc_sms` are phones in E.164; a national number is read in the
//!   record's country, or the United States when none is given (Stax serves US
//!   merchants), with a `phone.national` warning.
//! - `options.custom_fields`: `{name, type, value}` items; the value is validated
//!   by its type and normalized to a string; names are unique.
//! - In a batch, a repeated email is a warning: Stax creates a second customer.
//! - Every invalid record: 400.

use serde::{Deserialize, Serialize};

use std::borrow::Cow;

use crate::batch::fingerprint;
use crate::catalog::{f, FieldInfo, Kind};
use crate::fields::{
    field, get, kept_parsed, object, present, reject, text_field, undocumented, unknown, wrong_type, Children, Need,
};
use crate::limits::Measured;
use crate::node::{JsonObject, Node, Object};
use crate::profiles::{bad_request, run, BatchRule, Body, Profile};
use crate::rules::country::{self, Alpha};
use crate::rules::text::{self, TextRule};
use crate::rules::{email, enumeration, phone, scalar};
use crate::{Code, Fault, Loc, Options, Outcome, Parsed, Payload, Report, Severity, Valid};

pub(crate) const PROFILE: Profile = Profile {
    id: "stax",
    name: "Stax Payments",
    endpoint: "POST /customer",
    fields: FIELDS,
    check: |record, measured, options| check_node(record, measured, options).map(|c| c.map(Payload::Stax)),
    status: bad_request,
    batch: Some(BatchRule {
        path: "/email",
        code: Code::EmailDuplicate,
        message: "repeats the email of an earlier record; Stax will create a second customer, not merge them",
        severity: Severity::Warning,
    }),
};

/// The documented request fields, in the provider's documented order: the catalog of this
/// profile, the one list of its field names.
pub const FIELDS: &[FieldInfo] = &[
    f("/firstname", Kind::Text(NAME), "one of firstname, lastname, email, company", "First name"),
    f("/lastname", Kind::Text(NAME), "one of firstname, lastname, email, company", "Last name"),
    f("/company", Kind::Text(OTHER), "one of firstname, lastname, email, company", "Company"),
    f("/email", Kind::Email, "one of firstname, lastname, email, company", "Email"),
    f("/cc_emails", Kind::List(&Kind::Email), "no", "Emails copied on receipts"),
    f("/cc_sms", Kind::List(&Kind::StaxPhone), "no", "Phones copied by text message"),
    f("/phone", Kind::StaxPhone, "no", "Phone, at least 10 characters"),
    f("/address_1", Kind::Text(LINE), "no", "Address line 1"),
    f("/address_2", Kind::Text(LINE), "no", "Address line 2"),
    f("/address_city", Kind::Text(LINE), "no", "City"),
    f("/address_state", Kind::Text(STATE), "no", "State, at most 2 characters"),
    f("/address_zip", Kind::Text(ZIP), "no", "Zip code"),
    f("/address_country", Kind::Country(Alpha::Three), "no", "ISO 3166-1 alpha-3 country code"),
    f("/notes", Kind::Text(NOTES), "no", "Notes"),
    f("/reference", Kind::Text(OTHER), "no", "Reference"),
    f("/options", Kind::Object, "no", "Options, with custom_fields"),
    f("/allow_invoice_credit_card_payments", Kind::Boolean, "no", "Allow card payments on invoices"),
];
/// The custom field types intake defines (Stax publishes none).
pub const CUSTOM_TYPES: &[&str] = &["text", "number", "date", "boolean", "email", "phone", "url"];
/// First and last names: at most 50 characters.
pub const NAME: TextRule = TextRule::name(1, 50);
/// Address lines and city: at most 255.
pub const LINE: TextRule = TextRule::line(255);
/// State: at most 2 characters.
pub const STATE: TextRule = TextRule::line(2);
/// Zip: at most 16.
pub const ZIP: TextRule = TextRule::line(16);
/// Company, reference: no documented limit; 255 like the address lines.
pub const OTHER: TextRule = TextRule::line(255);
/// Notes: multi-line.
pub const NOTES: TextRule = TextRule::multiline(10_000);
/// Region a national phone number is read in when the record has no country.
pub const DEFAULT_REGION: &str = "US";

/// A Stax create-customer request, ready to send.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)] // The field names are Stax's own.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "StaxCustomer", optional_fields))]
#[non_exhaustive]
pub struct Customer<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firstname: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lastname: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cc_emails: Option<Vec<Cow<'a, str>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cc_sms: Option<Vec<Cow<'a, str>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_1: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_2: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_city: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_state: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_zip: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_country: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::node::JsonMap>"))]
    pub options: Option<JsonObject>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_invoice_credit_card_payments: Option<bool>,
}

into_owned!(Customer {
    firstname, lastname, company, email, cc_emails, cc_sms, phone, address_1, address_2, address_city, address_state,
    address_zip, address_country, notes, reference;
    options, allow_invoice_credit_card_payments
});

entry_points! {
    /// Checks one record against Stax's create-customer rules.
    ///
    /// # Example
    /// ```
    /// use serde_json::json;
    /// let record = json!({"company": "Acme", "address_country": "us", "options": {"custom_fields": [{"name": "seats", "type": "number", "value": 42}]}});
    /// let checked = intake::profiles::stax::check(&record, &intake::Options::default());
    /// let customer = checked.normalized.as_ref().unwrap();
    /// assert_eq!(customer.address_country.as_deref(), Some("USA"));
    /// assert_eq!(customer.options.as_ref().unwrap().to_value()["custom_fields"][0]["value"], "42");
    /// ```
}

fn check_node<'a>(record: &Node<'a>, measured: Measured, options: &Options) -> Outcome<Valid<Customer<'a>>> {
    run(record, measured, options, bad_request, |map, report| {
        let root = Loc::ROOT;
        let free_text = |key: &'static str, rule: TextRule, report: &mut Report| {
            text_field(report, map, key, &root.key(key), Need::Optional, |s| text::parse(s, &rule).map(Parsed::clean))
        };
        let mut c = Customer {
            firstname: free_text("firstname", NAME, report),
            lastname: free_text("lastname", NAME, report),
            company: free_text("company", OTHER, report),
            email: text_field(report, map, "email", &root.key("email"), Need::Optional, email::parse),
            ..Customer::default()
        };
        if !["firstname", "lastname", "email", "company"].iter().any(|k| present(map, k)) {
            report.error(
                &root,
                Fault::new(
                    Code::RecordOneOfRequired,
                    "at least one of firstname, lastname, email or company is required",
                ),
            );
        }
        c.address_country = field(report, map, "address_country", &root.key("address_country"), Need::Optional, |s| {
            country::parse(s, Alpha::Three)
        })
        .map(Cow::Borrowed);
        let region = c.address_country.as_deref().and_then(country::alpha2_of).unwrap_or(DEFAULT_REGION);
        c.cc_emails = list(map, "cc_emails", report, email::parse);
        c.cc_sms = list(map, "cc_sms", report, |s| phone_at_least_10(s, region));
        c.phone =
            text_field(report, map, "phone", &root.key("phone"), Need::Optional, |s| phone_at_least_10(s, region));
        c.address_1 = free_text("address_1", LINE, report);
        c.address_2 = free_text("address_2", LINE, report);
        c.address_city = free_text("address_city", LINE, report);
        c.address_state = free_text("address_state", STATE, report);
        c.address_zip = free_text("address_zip", ZIP, report);
        if let (Some(zip), Some("USA")) = (c.address_zip.as_deref(), c.address_country.as_deref()) {
            if let Some(advice) = crate::rules::zip::check_us(zip) {
                report.warn(&root.key("address_zip"), advice);
            }
        }
        c.notes = free_text("notes", NOTES, report);
        c.reference = free_text("reference", OTHER, report);
        c.options = options_object(map, report);
        c.allow_invoice_credit_card_payments = match get(map, "allow_invoice_credit_card_payments") {
            None => None,
            Some(Node::Bool(b)) => Some(*b),
            Some(other) => {
                report.error(&root.key("allow_invoice_credit_card_payments"), wrong_type("a boolean", other));
                None
            }
        };
        undocumented(report, map, &root, &const { Children::of(FIELDS, "") });
        let batch_key = c.email.as_deref().map(|e| fingerprint(e, true));
        Body { customer: Some(c), batch_key }
    })
}

/// A phone normalized to E.164, as Stax.js takes it: at least 10 characters of
/// what is sent (the E.164 form, not the text as typed, so that the payload
/// validates again: `00988 1239)2` is 12 characters typed, `+98812392` 9 sent).
pub(crate) fn phone_at_least_10<'r>(input: &'r str, region: &str) -> Result<Parsed<Cow<'r, str>>, Fault> {
    let parsed = phone::e164_text(input, Some(region))?;
    if parsed.value.len() < 10 {
        return Err(Fault::new(Code::PhoneInvalid, "must be at least 10 characters in E.164 form"));
    }
    Ok(parsed)
}

/// An optional array of strings, each checked by `rule`.
fn list<'a>(
    map: &Object<'a>,
    key: &'static str,
    report: &mut Report,
    rule: impl for<'r> Fn(&'r str) -> Result<Parsed<Cow<'r, str>>, Fault>,
) -> Option<Vec<Cow<'a, str>>> {
    let loc = Loc::ROOT.key(key);
    let items = match get(map, key)? {
        Node::Array(items) => items,
        other => {
            report.error(&loc, wrong_type("an array of strings", other));
            return None;
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_loc = loc.index(i);
        match item {
            Node::String(s) => {
                if let Some(v) = report.accept(&item_loc, kept_parsed(s, &rule)) {
                    out.push(v);
                }
            }
            other => report.error(&item_loc, wrong_type("a string", other)),
        }
    }
    Some(out)
}

/// `options`: passed through, with `custom_fields` validated and normalized.
fn options_object(map: &Object<'_>, report: &mut Report) -> Option<JsonObject> {
    let loc = Loc::ROOT.key("options");
    let obj = object(report, map, "options", &loc, Need::Optional)?;
    let fields_loc = loc.key("custom_fields");
    match get(obj, "custom_fields") {
        None => JsonObject::of(obj),
        Some(Node::Array(items)) => {
            let mut fields: Vec<CustomField<'_>> = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let field = custom_field(item, &fields_loc.index(i), &fields, report);
                fields.push(field);
            }
            JsonObject::with_member(obj, "custom_fields", &CheckedFields(&fields))
        }
        Some(other) => {
            report.error(&fields_loc, wrong_type("an array", other));
            None
        }
    }
}

/// One custom field as checked: its name when it has a good one (later names
/// must differ), and the field when all of it is good.
#[derive(Default)]
struct CustomField<'a> {
    name: Option<Cow<'a, str>>,
    checked: Option<(&'static str, Cow<'a, str>)>,
}

/// The custom fields that passed, written as `{name, type, value}` objects.
struct CheckedFields<'f, 'a>(&'f [CustomField<'a>]);

impl Serialize for CheckedFields<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        struct One<'v>(&'v str, &'static str, &'v str);
        impl Serialize for One<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(3))?;
                map.serialize_entry("name", self.0)?;
                map.serialize_entry("type", self.1)?;
                map.serialize_entry("value", self.2)?;
                map.end()
            }
        }
        let passed =
            self.0.iter().filter_map(|f| Some(One(f.name.as_deref()?, f.checked.as_ref()?.0, &f.checked.as_ref()?.1)));
        let mut seq = s.serialize_seq(Some(passed.clone().count()))?;
        for field in passed {
            seq.serialize_element(&field)?;
        }
        seq.end()
    }
}

/// One `{name, type, value}` custom field, its value normalized to a string
/// (borrowed from the record when it needs no change).
fn custom_field<'a>(
    item: &Node<'a>,
    loc: &Loc<'_>,
    earlier: &[CustomField<'a>],
    report: &mut Report,
) -> CustomField<'a> {
    let Node::Object(obj) = item else {
        report.error(loc, wrong_type("an object {name, type, value}", item));
        return CustomField::default();
    };
    unknown(report, obj, loc, &["name", "type", "value"]);
    let name = text_field(report, obj, "name", &loc.key("name"), Need::Required, |s| {
        text::parse(s, &OTHER).map(Parsed::clean)
    });
    if let Some(n) = &name {
        if earlier.iter().any(|seen| seen.name.as_ref() == Some(n)) {
            report.error(
                &loc.key("name"),
                Fault::new(Code::CustomFieldDuplicate, "repeats the name of an earlier custom field"),
            );
        }
    }
    let kind = field(report, obj, "type", &loc.key("type"), Need::Required, |s| {
        enumeration::parse(s, CUSTOM_TYPES).map(Parsed::clean)
    });
    let value_loc = loc.key("value");
    let value = match get(obj, "value") {
        None => {
            report.error(&value_loc, crate::fields::required());
            None
        }
        Some(v) => kind.and_then(|k| custom_value(k, v, &value_loc, report)),
    };
    let checked = name.is_some().then(|| kind.zip(value)).flatten();
    CustomField { name, checked }
}

/// A custom field's value by its type, as the string Stax stores.
fn custom_value<'a>(kind: &str, value: &Node<'a>, loc: &Loc<'_>, report: &mut Report) -> Option<Cow<'a, str>> {
    fn as_text<'v, 'a>(value: &'v Node<'a>) -> Result<&'v Cow<'a, str>, Fault> {
        match value {
            Node::String(s) => Ok(s),
            other => Err(wrong_type("a string", other)),
        }
    }
    let result: Result<Parsed<Cow<'a, str>>, Fault> = match (kind, value) {
        ("number", Node::String(s)) => kept_parsed(s, |t| scalar::decimal(t).map(|d| Parsed::clean(Cow::Borrowed(d)))),
        ("number", other) => scalar::number(&other.to_value()).map(|n| Parsed::clean(Cow::Owned(n))),
        ("boolean", Node::String(s)) => scalar::boolean_text(s).map(|b| Parsed::clean(Cow::Borrowed(b))),
        ("boolean", other) => scalar::boolean(&other.to_value()).map(|b| Parsed::clean(Cow::Borrowed(b))),
        ("text", _) => as_text(value).and_then(|s| kept_parsed(s, |t| text::parse(t, &NOTES).map(Parsed::clean))),
        ("date", _) => as_text(value).and_then(|s| kept_parsed(s, |t| scalar::date(t).map(Parsed::clean))),
        ("email", _) => as_text(value).and_then(|s| kept_parsed(s, email::parse)),
        ("phone", _) => as_text(value).and_then(|s| kept_parsed(s, |t| phone::e164_text(t, Some(DEFAULT_REGION)))),
        _ => as_text(value).and_then(|s| kept_parsed(s, |t| scalar::url(t).map(Parsed::clean))),
    };
    match result {
        Ok(parsed) => Some(report.take(loc, parsed)),
        Err(fault) if fault.code == Code::FieldType => {
            report.error(loc, fault);
            None
        }
        Err(fault) => {
            let message = format!("does not match the custom field's type {kind}: {}", fault.message);
            reject(report, loc, Need::Optional, Fault::owned(Code::CustomFieldInvalid, message));
            None
        }
    }
}
