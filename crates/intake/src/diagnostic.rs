//! Problems found in a record: a [`Fault`] is what a field rule finds, a
//! [`Diagnostic`] is that fault placed at a JSON Pointer in the input.

use std::borrow::Cow;

use serde::Serialize;

use crate::Code;

/// What a field rule reports: a code and a message, not yet placed in a record.
///
/// Messages never repeat the input value, so they are safe to log.
///
/// # Example
/// ```
/// let fault = intake::rules::vat::parse("12345").unwrap_err();
/// assert_eq!(fault.code, intake::Code::VatInvalid);
/// assert!(!fault.message.contains("12345"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The stable code.
    pub code: Code,
    /// An English sentence for a person; never contains the input value.
    pub message: Cow<'static, str>,
}

impl Fault {
    /// A fault with a fixed message.
    #[cold]
    #[must_use]
    pub const fn new(code: Code, message: &'static str) -> Self {
        Fault { code, message: Cow::Borrowed(message) }
    }

    /// A fault whose message was built at run time (from limits or suggestions,
    /// never from the input).
    #[cold]
    #[must_use]
    pub fn owned(code: Code, message: String) -> Self {
        Fault { code, message: Cow::Owned(message) }
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// A value a rule accepted, with the warnings it raised on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed<T> {
    /// The normalized value.
    pub value: T,
    /// Problems the provider would accept but that are probably wrong, or changes made.
    pub warnings: Vec<Fault>,
}

impl<T> Parsed<T> {
    /// A value with no warnings (allocates nothing).
    #[must_use]
    pub const fn clean(value: T) -> Self {
        Parsed { value, warnings: Vec::new() }
    }

    /// A value with one warning.
    #[must_use]
    pub fn warned(value: T, warning: Fault) -> Self {
        Parsed { value, warnings: vec![warning] }
    }

    /// Maps the value, keeping the warnings.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        Parsed { value: f(self.value), warnings: self.warnings }
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The provider would reject the record.
    Error,
    /// The provider would accept it, but it is probably wrong or was changed.
    Warning,
}

/// One error or warning, placed in the input by an RFC 6901 JSON Pointer.
///
/// Serializes to `{"path", "code", "message"}`, the shape of SPEC.md.
///
/// # Example
/// ```
/// use serde_json::json;
/// let outcome = intake::validate(intake::Provider::Atoa, &json!({"fullName": "J"}), &intake::Options::default());
/// let error = &outcome.errors[0];
/// assert_eq!(error.path, "/fullName");
/// assert_eq!(error.code, intake::Code::TextTooShort);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// JSON Pointer into the input record; `""` is the record as a whole.
    pub path: String,
    /// The stable code.
    pub code: Code,
    /// English, for a person; never repeats the input value.
    pub message: Cow<'static, str>,
    /// Error or warning (not serialized: the list it sits in says it).
    #[serde(skip)]
    pub severity: Severity,
}
