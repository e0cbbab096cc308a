//! One module per provider, each reading like its provider's document: its
//! fields, their rules, its cross-field rules, its statuses and its payload.

pub mod atoa;
pub mod authvia;
pub mod juicyway;
pub mod paydock;
pub mod stax;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::{Code, Diagnostic, Fault, Loc, Options, Outcome, Report};

/// The typed result of one profile: the payload, present only when the record
/// is valid, with every diagnostic.
///
/// # Example
/// ```
/// use serde_json::json;
/// let checked = intake::profiles::atoa::check(&json!({"fullName": "Ada Lovelace", "email": "ada@example.com"}), &intake::Options::default());
/// let customer = checked.customer.unwrap();
/// assert_eq!(customer.full_name, "Ada Lovelace");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Checked<T> {
    /// The provider-ready payload, when there are no errors.
    pub customer: Option<T>,
    /// The HTTP status the provider documents, when there are errors.
    pub status: Option<u16>,
    /// Every error.
    pub errors: Vec<Diagnostic>,
    /// Every warning.
    pub warnings: Vec<Diagnostic>,
    batch_key: Option<String>,
}

impl<T: Serialize> Checked<T> {
    /// The untyped outcome, the JSON shape of SPEC.md.
    #[must_use]
    pub fn into_outcome(self) -> Outcome {
        let normalized = self.customer.and_then(|c| serde_json::to_value(c).ok());
        Outcome {
            valid: self.errors.is_empty() && normalized.is_some(),
            status: self.status,
            errors: self.errors,
            warnings: self.warnings,
            normalized,
            batch_key: self.batch_key,
        }
    }
}

/// What a profile's body hands back: the payload (used only when no error was
/// reported) and the key its batch rules compare.
pub(crate) struct Body<T> {
    pub customer: Option<T>,
    pub batch_key: Option<String>,
}

/// Runs a profile body on a record: limits first, then the object check, then the
/// body; the status comes from the profile's own table.
pub(crate) fn run<T>(
    record: &Value,
    options: &Options,
    status: fn(&[Diagnostic]) -> u16,
    body: impl FnOnce(&Map<String, Value>, &mut Report) -> Body<T>,
) -> Checked<T> {
    let mut report = Report::default();
    let mut out = Body { customer: None, batch_key: None };
    if options.limits.check(record, &mut report) {
        match record {
            Value::Object(map) => out = body(map, &mut report),
            _ => report.error(&Loc::ROOT, Fault::new(Code::RecordNotObject, "the record must be a JSON object")),
        }
    }
    let valid = report.is_clean();
    Checked {
        customer: if valid { out.customer } else { None },
        status: (!valid).then(|| status(&report.errors)),
        errors: report.errors,
        warnings: report.warnings,
        batch_key: out.batch_key,
    }
}

/// The status of every profile that documents one status for every invalid record.
pub(crate) fn bad_request(_: &[Diagnostic]) -> u16 {
    400
}
