//! Problems found in a record: a [`Fault`] is what a field rule finds, a
//! [`Diagnostic`] is that fault placed at a JSON Pointer in the input.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::Code;

/// What a field rule reports: a code and a message, not yet placed in a record.
///
/// It is a [`std::error::Error`], so rule calls compose with `?`. Messages never
/// repeat the input value, so they are safe to log.
///
/// # Example
/// ```
/// fn vat(input: &str) -> Result<String, Box<dyn std::error::Error>> {
///     Ok(intake::rules::vat::parse(input)?.value.into_owned())
/// }
/// assert_eq!(vat("GB 980 7806 84").unwrap(), "GB980780684");
/// let error = vat("12345").unwrap_err();
/// assert_eq!(error.to_string(), "vat.invalid: must be 9 digits, optionally prefixed with GB");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
#[non_exhaustive]
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

/// A value a rule accepted, with the warnings it raised on the way.
///
/// Every rule that can warn returns `Result<Parsed<T>, Fault>`; a rule that
/// cannot warn returns `Result<T, Fault>` (the [`rules`](crate::rules) module lists the shapes).
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The provider would reject the record.
    #[default]
    Error,
    /// The provider would accept it, but it is probably wrong or was changed.
    Warning,
}

/// One error or warning, placed in the input by an RFC 6901 JSON Pointer.
///
/// Serializes to `{"path", "code", "message"}`, intake's documented shape, and reads
/// back from it (the severity comes from the list it sits in); displays as
/// `path: code: message`.
///
/// # Example
/// ```
/// use serde_json::json;
/// let record = json!({"fullName": "J"});
/// let outcome = intake::validate(intake::Provider::Atoa, &record, &intake::Options::default());
/// let error = &outcome.errors[0];
/// assert_eq!(error.path, "/fullName");
/// assert_eq!(error.code, intake::Code::TextTooShort);
/// assert_eq!(error.to_string(), "/fullName: text.too_short: must be at least 2 characters");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

impl Diagnostic {
    /// `fault` placed at `path`, with `severity`.
    #[must_use]
    pub fn new(path: impl Into<String>, fault: Fault, severity: Severity) -> Self {
        Diagnostic { path: path.into(), code: fault.code, message: fault.message, severity }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() { "(record)" } else { &self.path };
        write!(f, "{path}: {}: {}", self.code, self.message)
    }
}
