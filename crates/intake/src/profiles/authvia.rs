//! Authvia, `POST /v3/accounts/{AVID}/customers`.
//!
//! - `ref` required, a non-blank string, unique within the account: within one
//!   batch a repeated `ref` is an error on the later records (status 409, the
//!   status Authvia answers for "ref already exists"; every other error is 400).
//! - `addresses` required, at least one: each `{ "value": "..." }` (a bare string
//!   is accepted and wrapped), an E.164 phone or an email. Phones are normalized
//!   to E.164; emails lower-cased entirely (Authvia fails on upper-case emails).
//!   The first is the default; a repeated address is dropped with a warning.
//! - `metadata` and `appdata`: JSON objects passed through unchanged, at most
//!   [`FREE_FORM_MAX_BYTES`] of JSON and [`FREE_FORM_MAX_DEPTH`] levels deep.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::batch::fingerprint;
use crate::catalog::{f, FieldInfo, Kind};
use crate::fields::{get, kept_parsed, object, source, text_field, undocumented, wrong_type, Children, Need};
use crate::limits::Measured;
use crate::node::{JsonObject, Node, Object};
use crate::profiles::{run, BatchRule, Body, Profile};
use crate::rules::text::{self, TextRule};
use crate::rules::{ascii_lowercase, email, phone};
use crate::{Code, Diagnostic, Fault, Loc, Options, Outcome, Parsed, Payload, Report, Severity, Valid};

pub(crate) const PROFILE: Profile = Profile {
    id: "authvia",
    name: "Authvia",
    endpoint: "POST /v3/accounts/{AVID}/customers",
    fields: FIELDS,
    check: |record, measured, options| check_node(record, measured, options).map(|c| c.map(Payload::Authvia)),
    status,
    batch: Some(BatchRule {
        path: "/ref",
        code: Code::RefDuplicate,
        message: "repeats the ref of an earlier record; refs are unique per account",
        severity: Severity::Error,
    }),
};

/// The documented request fields, in the provider's documented order: the catalog of this
/// profile, the one list of its field names.
pub const FIELDS: &[FieldInfo] = &[
    f("/ref", Kind::Text(REF), "yes", "Reference, unique within the account"),
    f("/addresses", Kind::List(&Kind::AuthviaAddress), "yes", "Phones (E.164) and emails; the first is the default"),
    f("/addresses/0/value", Kind::AuthviaAddress, "yes", "An address: E.164 phone or email"),
    f("/metadata", Kind::Object, "no", "Free-form customer data"),
    f("/appdata", Kind::Object, "no", "Private merchant data"),
];
/// Largest `metadata` or `appdata` object, in bytes of JSON.
pub const FREE_FORM_MAX_BYTES: usize = 16 * 1024;
/// Deepest `metadata` or `appdata` object.
pub const FREE_FORM_MAX_DEPTH: usize = 8;
/// `ref`: no documented maximum; bounded by the general string limit.
pub const REF: TextRule = TextRule::line(10_000);

/// An Authvia create-customer request, ready to send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AuthviaCustomer", optional_fields))]
#[non_exhaustive]
pub struct Customer<'a> {
    /// The merchant's reference, unique within the account.
    #[serde(rename = "ref")]
    pub reference: Cow<'a, str>,
    /// Phones (E.164) and emails; the first is the default.
    pub addresses: Vec<Address<'a>>,
    /// Free-form data about the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::node::JsonMap>"))]
    pub metadata: Option<JsonObject>,
    /// Private merchant data.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::node::JsonMap>"))]
    pub appdata: Option<JsonObject>,
}

into_owned!(Customer { reference, addresses; metadata, appdata });

/// One address: a phone in E.164 or an email.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AuthviaAddress"))]
#[non_exhaustive]
pub struct Address<'a> {
    /// The normalized value.
    pub value: Cow<'a, str>,
}

into_owned!(Address { value; });

entry_points! {
    /// Checks one record against Authvia's create-customer rules.
    ///
    /// # Example
    /// ```
    /// use serde_json::json;
    /// let record = json!({"ref": "cust-1", "addresses": ["Ada@Example.com", {"value": "+1 (415) 555-2671"}]});
    /// let checked = intake::profiles::authvia::check(&record, &intake::Options::default());
    /// let customer = checked.normalized.as_ref().unwrap();
    /// assert_eq!(customer.addresses[0].value, "ada@example.com");
    /// assert_eq!(customer.addresses[1].value, "+14155552671");
    /// ```
}

fn check_node<'a>(record: &Node<'a>, measured: Measured, options: &Options) -> Outcome<Valid<Customer<'a>>> {
    run(record, measured, options, status, |map, report| {
        let root = Loc::ROOT;
        let ref_loc = root.key("ref");
        let reference =
            text_field(report, map, "ref", &ref_loc, Need::Required, |s| text::parse(s, &REF).map(Parsed::clean));
        let addresses = addresses(map, report);
        let metadata = free_form(map, "metadata", report);
        let appdata = free_form(map, "appdata", report);
        undocumented(report, map, &root, &const { Children::of(FIELDS, "") });
        let batch_key = reference.as_deref().map(|r| fingerprint(r, false));
        let customer = match (reference, addresses) {
            (Some(reference), Some(addresses)) => Some(Customer { reference, addresses, metadata, appdata }),
            _ => None,
        };
        Body { customer, batch_key }
    })
}

fn addresses<'a>(map: &Object<'a>, report: &mut Report) -> Option<Vec<Address<'a>>> {
    let loc = Loc::ROOT.key("addresses");
    let items = match get(map, "addresses") {
        None => {
            report.error(&loc, crate::fields::required());
            return None;
        }
        Some(Node::Array(items)) if items.is_empty() => {
            report.error(&loc, Fault::new(Code::FieldRequired, "must have at least one address"));
            return None;
        }
        Some(Node::Array(items)) => items,
        Some(other) => {
            report.error(&loc, wrong_type("an array", other));
            return None;
        }
    };
    let mut out: Vec<Address<'a>> = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let item_loc = loc.index(i);
        let (text, value_loc) = match item {
            Node::String(s) => (s, item_loc),
            Node::Object(obj) => {
                undocumented(report, obj, &item_loc, &const { Children::of(FIELDS, "/addresses/0") });
                let value_loc = item_loc.key("value");
                match source(report, obj, "value", &value_loc, Need::Required) {
                    Some(s) => (s, value_loc),
                    None => {
                        ok = false;
                        continue;
                    }
                }
            }
            other => {
                report.error(&item_loc, wrong_type("an object {\"value\": ...} or a string", other));
                ok = false;
                continue;
            }
        };
        match kept_parsed(text, address) {
            Ok(parsed) => {
                let value = report.take(&value_loc, parsed);
                if out.iter().any(|a| a.value == value) {
                    report.warn(
                        &item_loc,
                        Fault::new(Code::AddressDuplicate, "repeats an earlier address and was dropped"),
                    );
                } else {
                    out.push(Address { value });
                }
            }
            Err(fault) => {
                report.error(&value_loc, fault);
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

/// An address value: an email (lower-cased entirely) if it has an `@`, else an
/// international phone number in E.164.
///
/// # Errors
/// The email or phone rule's fault; `address.invalid` for a value that is neither.
///
/// # Example
/// ```
/// assert_eq!(intake::profiles::authvia::address("+44 7911 123456").unwrap().value, "+447911123456");
/// assert!(intake::profiles::authvia::address("07911 123456").is_err());
/// ```
pub fn address(input: &str) -> Result<Parsed<Cow<'_, str>>, Fault> {
    if text::is_blank(input) {
        return Err(Fault::new(Code::FieldRequired, "is required and must not be blank"));
    }
    if input.contains('@') {
        // Emails are ASCII here (`email.non_ascii` refuses the rest): lower-cased in place.
        return email::parse(input).map(|p| p.map(ascii_lowercase));
    }
    let looks_like_phone = input.trim().chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c));
    if !looks_like_phone {
        return Err(Fault::new(
            Code::AddressInvalid,
            "must be an email address or a phone number in E.164 (+ and digits)",
        ));
    }
    phone::e164_text(input, None)
}

fn free_form(map: &Object<'_>, key: &'static str, report: &mut Report) -> Option<JsonObject> {
    let loc = Loc::ROOT.key(key);
    let obj = object(report, map, key, &loc, Need::Optional)?;
    let text = JsonObject::of(obj)?;
    let size = text.get().len();
    let depth = 1 + obj.iter().map(|(_, v)| depth(v)).max().unwrap_or(0);
    if size > FREE_FORM_MAX_BYTES {
        report.error(
            &loc,
            Fault::owned(Code::JsonTooLarge, format!("must be at most {FREE_FORM_MAX_BYTES} bytes of JSON")),
        );
        return None;
    }
    if depth > FREE_FORM_MAX_DEPTH {
        report.error(
            &loc,
            Fault::owned(Code::JsonTooLarge, format!("must be nested at most {FREE_FORM_MAX_DEPTH} levels deep")),
        );
        return None;
    }
    Some(text)
}

fn depth(value: &Node<'_>) -> usize {
    match value {
        Node::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Node::Object(o) => 1 + o.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
        _ => 0,
    }
}

/// 409 when the only problem is a `ref` repeated within the batch, else 400.
pub(crate) fn status(errors: &[Diagnostic]) -> u16 {
    if errors.iter().all(|e| e.code == Code::RefDuplicate) {
        409
    } else {
        400
    }
}
