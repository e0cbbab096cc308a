//! The outcome of validating one record, serialized to exactly SPEC.md's shape.

use serde::Serialize;
use serde_json::Value;

use crate::{Code, Diagnostic, Fault, Severity};

/// What validating one record against a profile gives.
///
/// Serializes as `{"valid", "status"?, "errors", "warnings", "normalized"?}`:
/// `status` only when invalid, `normalized` only when valid.
///
/// # Example
/// ```
/// use serde_json::json;
/// let outcome = intake::validate(
///     intake::Provider::Atoa,
///     &json!({"fullName": "John Doe", "email": "john.doe@example.com"}),
///     &intake::Options::default(),
/// );
/// assert!(outcome.valid);
/// assert_eq!(outcome.normalized.unwrap()["type"], "INDIVIDUAL");
/// ```
#[derive(Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// True exactly when there are no errors.
    pub valid: bool,
    /// For an invalid record, the HTTP status the provider documents for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Every problem that makes the provider reject the record.
    pub errors: Vec<Diagnostic>,
    /// What the provider would accept but is probably wrong, or was changed.
    pub warnings: Vec<Diagnostic>,
    /// The provider-ready payload, present when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<Value>,
    /// The value batch rules compare (an Authvia `ref`, a lower-cased email).
    #[serde(skip)]
    pub(crate) batch_key: Option<String>,
}

/// Payload members that hold card data: `Debug` shows them as `[redacted]`.
pub const CARD_FIELDS: &[&str] = &["card_number", "card_ccv"];

impl Outcome {
    /// The outcome of a record that could not be read at all (not JSON, a broken
    /// CSV row, past the size limit): invalid, status 400, the fault at path `""`.
    ///
    /// # Example
    /// ```
    /// use intake::{Code, Fault, Outcome};
    /// let o = Outcome::unreadable(Fault::new(Code::RecordMalformed, "line 3 is not valid JSON"));
    /// assert_eq!((o.valid, o.status), (false, Some(400)));
    /// ```
    #[must_use]
    pub fn unreadable(fault: Fault) -> Outcome {
        let error =
            Diagnostic { path: String::new(), code: fault.code, message: fault.message, severity: Severity::Error };
        Outcome {
            valid: false,
            status: Some(400),
            errors: vec![error],
            warnings: Vec::new(),
            normalized: None,
            batch_key: None,
        }
    }

    /// A copy of `value` with the members named in [`CARD_FIELDS`] replaced by
    /// `"[redacted]"`: for `Debug` and human reports.
    ///
    /// # Example
    /// ```
    /// let v = serde_json::json!({"payment_source": {"card_number": "4111111111111111", "card_name": "Ada"}});
    /// let shown = intake::Outcome::redacted(&v).to_string();
    /// assert!(!shown.contains("4111") && shown.contains("Ada"));
    /// ```
    #[must_use]
    pub fn redacted(value: &Value) -> Value {
        match value {
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| {
                        let v = if CARD_FIELDS.contains(&k.as_str()) {
                            Value::String("[redacted]".to_owned())
                        } else {
                            Outcome::redacted(v)
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(Outcome::redacted).collect()),
            other => other.clone(),
        }
    }

    /// Whether any error carries `code`.
    #[must_use]
    pub fn has_error(&self, code: Code) -> bool {
        self.errors.iter().any(|d| d.code == code)
    }

    /// Whether any warning carries `code`.
    #[must_use]
    pub fn has_warning(&self, code: Code) -> bool {
        self.warnings.iter().any(|d| d.code == code)
    }

    /// The outcome as one line of JSON, the line `intake check` prints (without `record`).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl std::fmt::Debug for Outcome {
    /// Card numbers and CVVs in the payload are shown as `[redacted]`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outcome")
            .field("valid", &self.valid)
            .field("status", &self.status)
            .field("errors", &self.errors)
            .field("warnings", &self.warnings)
            .field("normalized", &self.normalized.as_ref().map(Outcome::redacted))
            .finish_non_exhaustive()
    }
}
