//! # intake
//!
//! Validate and normalize the "create customer" request of five payment APIs
//! (Atoa, Paydock, Authvia, Stax, Juicyway) before it is sent: every problem,
//! coded and placed by a JSON Pointer, and the exact payload the provider accepts.
//!
//! The crate does no I/O. It is used by servers as a Cargo dependency, by the
//! `intake` command line for bulk files, and by the npm package (through
//! [`json`], the JSON-in, JSON-out surface the WASM binding wraps).
//!
//! # Example
//! ```
//! use intake::{validate, Options, Provider};
//! use serde_json::json;
//!
//! let options = Options::new("2026-11-22".parse().unwrap());
//! let record = json!({"fullName": "John  Doe", "phoneCountryCode": "+44", "phoneNumber": "07911 123456", "postcode": "sw1a1aa"});
//! let outcome = validate(Provider::Atoa, &record, &options);
//! assert!(outcome.valid);
//! let payload = outcome.normalized.unwrap().to_value();
//! assert_eq!(payload["fullName"], "John Doe");
//! assert_eq!(payload["phoneNumber"], "7911123456");
//! assert_eq!(payload["postcode"], "SW1A 1AA");
//! ```
//!
//! The API comes in tiers: [`validate`] gives the whole [`Outcome`]; each
//! profile module (e.g. [`profiles::atoa::check`]) gives a typed payload such as
//! [`profiles::atoa::Customer`]; [`rules`] checks one field value.
#![deny(missing_docs)]

#[cfg(all(feature = "clock", target_arch = "wasm32", target_os = "unknown"))]
compile_error!(
    "intake's `clock` feature reads the system clock, which wasm32-unknown-unknown does not have: \
     build with `default-features = false` (and `phone`) and pass `Options::new(today)`"
);

// The crate README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(feature = "arbitrary")]
pub mod arbitrary;
mod batch;
pub mod catalog;
mod code;
mod compact;
mod date;
mod diagnostic;
pub mod field;
mod fields;
#[cfg(feature = "phone")]
#[doc(hidden)]
pub mod invariants;
pub mod json;
pub mod json_schema;
mod limits;
mod node;
mod options;
mod outcome;
mod path;
pub mod profiles;
mod provider;
mod record;
mod report;
pub mod rules;

pub use batch::{validate_batch, Batch};
pub use code::{Code, UnknownCode};
pub use date::{Date, DateError};
pub use diagnostic::{Diagnostic, Fault, Parsed, Severity};
pub use limits::Limits;
pub use node::JsonObject;
#[cfg(feature = "ts")]
pub use node::JsonValue;
pub use options::{Flow, Options};
pub use outcome::{redacted, IntoOwned, Outcome, Rejection, Valid, CARD_FIELDS};
#[doc(hidden)]
pub use path::{tokens as pointer_tokens, Loc};
pub use profiles::Payload;
pub use provider::{Provider, UnknownProvider};
pub use record::{PathSegment, Record};

pub(crate) use report::Report;

use limits::Measured;
use node::Node;
use serde_json::Value;

/// Validates one record against a provider's profile.
///
/// # Example
/// ```
/// use serde_json::json;
/// let record = json!({});
/// let outcome = intake::validate(intake::Provider::Stax, &record, &intake::Options::default());
/// assert!(!outcome.valid);
/// assert_eq!(outcome.status, Some(400));
/// assert_eq!(outcome.errors[0].code, intake::Code::RecordOneOfRequired);
/// ```
#[must_use]
pub fn validate<'a>(provider: Provider, record: &'a Value, options: &Options) -> Outcome<Valid<Payload<'a>>> {
    (provider.profile().check)(&Node::from_value(record), Measured::Unknown, options)
}

/// Validates one record given as JSON text, read straight into the checks
/// (strings borrowed from `bytes`, no generic tree): a body that is not JSON, or
/// is larger than [`Limits::max_bytes`], is an invalid record (status 400), not
/// a panic.
///
/// # Example
/// ```
/// let outcome = intake::validate_json(intake::Provider::Juicyway, b"{not json", &intake::Options::default());
/// assert_eq!(outcome.status, Some(400));
/// assert_eq!(outcome.errors[0].code, intake::Code::RecordMalformed);
/// ```
#[must_use]
pub fn validate_json<'a>(provider: Provider, bytes: &'a [u8], options: &Options) -> Outcome<Valid<Payload<'a>>> {
    profiles::from_bytes(bytes, options, provider.profile().check)
}

/// Reads a record's JSON text, within the size limit, into a `serde_json::Value`.
///
/// # Errors
/// `limit.size` or `record.malformed` (the message says where, never what).
///
/// # Example
/// ```
/// let limits = intake::Limits::default();
/// assert!(intake::parse_record(br#"{"a": 1}"#, &limits).is_ok());
/// let fault = intake::parse_record(b"[1,", &limits).unwrap_err();
/// assert_eq!(fault.code, intake::Code::RecordMalformed);
/// ```
pub fn parse_record(bytes: &[u8], limits: &Limits) -> Result<Value, Fault> {
    read(bytes, limits, serde_json::from_slice)
}

/// Reads a record's JSON text into the borrowed tree the profiles walk, and
/// whether the reading already showed it within `limits`.
pub(crate) fn read_node<'a>(bytes: &'a [u8], limits: &Limits) -> Result<(Node<'a>, Measured), Fault> {
    let (node, deepest) = read(bytes, limits, Node::read)?;
    Ok((node, limits.measure(bytes.len(), deepest)))
}

fn read<'a, T>(
    bytes: &'a [u8],
    limits: &Limits,
    parse: impl FnOnce(&'a [u8]) -> serde_json::Result<T>,
) -> Result<T, Fault> {
    if bytes.len() > limits.max_bytes {
        return Err(Fault::owned(
            Code::LimitSize,
            format!("the record is larger than the limit of {} bytes", limits.max_bytes),
        ));
    }
    parse(bytes).map_err(|e| {
        Fault::owned(
            Code::RecordMalformed,
            format!("is not valid JSON ({} at line {}, column {})", json_error_kind(&e), e.line(), e.column()),
        )
    })
}

/// The kind of a JSON syntax error, without serde_json's text (which can quote input).
fn json_error_kind(e: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    match e.classify() {
        Category::Io => "read error",
        Category::Syntax => "syntax error",
        Category::Data => "unexpected value",
        Category::Eof => "unexpected end of input",
    }
}
