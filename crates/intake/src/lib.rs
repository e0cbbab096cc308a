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
//! let outcome = validate(
//!     Provider::Atoa,
//!     &json!({"fullName": "John  Doe", "phoneCountryCode": "+44", "phoneNumber": "07911 123456", "postcode": "sw1a1aa"}),
//!     &options,
//! );
//! assert!(outcome.valid);
//! let payload = outcome.normalized.unwrap();
//! assert_eq!(payload["fullName"], "John Doe");
//! assert_eq!(payload["phoneNumber"], "7911123456");
//! assert_eq!(payload["postcode"], "SW1A 1AA");
//! ```
//!
//! The API comes in tiers: [`validate`] gives the whole [`Outcome`]; each
//! profile module (e.g. [`profiles::atoa::check`]) gives a typed payload such as
//! [`profiles::atoa::Customer`]; [`rules`] checks one field value.
#![deny(missing_docs)]

#[cfg(feature = "arbitrary")]
pub mod arbitrary;
mod batch;
pub mod catalog;
mod code;
mod date;
mod diagnostic;
pub mod field;
mod fields;
pub mod invariants;
pub mod json;
mod limits;
mod options;
mod outcome;
mod path;
pub mod profiles;
mod provider;
mod report;
pub mod rules;

pub use batch::{validate_batch, Batch};
pub use code::Code;
pub use date::{Date, DateError};
pub use diagnostic::{Diagnostic, Fault, Parsed, Severity};
pub use limits::Limits;
pub use options::{Flow, Options};
pub use outcome::{Outcome, CARD_FIELDS};
pub use path::{tokens as pointer_tokens, Loc};
pub use profiles::Checked;
pub use provider::{Provider, UnknownProvider};

pub(crate) use report::Report;

use serde_json::Value;

/// Validates one record against a provider's profile.
///
/// # Example
/// ```
/// use serde_json::json;
/// let outcome = intake::validate(intake::Provider::Stax, &json!({}), &intake::Options::default());
/// assert!(!outcome.valid);
/// assert_eq!(outcome.status, Some(400));
/// assert_eq!(outcome.errors[0].code, intake::Code::RecordOneOfRequired);
/// ```
#[must_use]
pub fn validate(provider: Provider, record: &Value, options: &Options) -> Outcome {
    use profiles::{atoa, authvia, juicyway, paydock, stax};
    match provider {
        Provider::Atoa => atoa::check(record, options).into_outcome(),
        Provider::Paydock => paydock::check(record, options).into_outcome(),
        Provider::Authvia => authvia::check(record, options).into_outcome(),
        Provider::Stax => stax::check(record, options).into_outcome(),
        Provider::Juicyway => juicyway::check(record, options).into_outcome(),
    }
}

/// Validates one record given as JSON text: a body that is not JSON, or is larger
/// than [`Limits::max_bytes`], is an invalid record (status 400), not a panic.
///
/// # Example
/// ```
/// let outcome = intake::validate_json(intake::Provider::Juicyway, b"{not json", &intake::Options::default());
/// assert_eq!(outcome.status, Some(400));
/// assert_eq!(outcome.errors[0].code, intake::Code::RecordMalformed);
/// ```
#[must_use]
pub fn validate_json(provider: Provider, bytes: &[u8], options: &Options) -> Outcome {
    match parse_record(bytes, &options.limits) {
        Ok(value) => validate(provider, &value, options),
        Err(fault) => Outcome::unreadable(fault),
    }
}

/// Reads a record's JSON text, within the size limit.
///
/// # Errors
/// `limit.size` or `record.malformed` (the message says where, never what).
pub fn parse_record(bytes: &[u8], limits: &Limits) -> Result<Value, Fault> {
    if bytes.len() > limits.max_bytes {
        return Err(Fault::owned(
            Code::LimitSize,
            format!("the record is larger than the limit of {} bytes", limits.max_bytes),
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| {
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
