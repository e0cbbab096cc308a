//! The outcome of validating one record, serialized to intake's documented shape,
//! and the two ways out of it: the [`Valid`] payload or the [`Rejection`].

use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::{Code, Diagnostic, Fault, Payload, Severity};

/// What validating one record gives: every diagnostic, and the payload when valid.
///
/// `T` is the payload. Validation gives [`Valid`] payloads: [`Valid<Payload>`]
/// from [`validate`](crate::validate), [`Valid<atoa::Customer>`](crate::profiles::atoa)
/// from a profile's `check`. A client reading an outcome back from JSON names
/// a plain type instead, `Outcome<serde_json::Value>` or `Outcome<atoa::Customer>`:
/// only validation makes a `Valid`.
///
/// Serializes as `{"valid", "status"?, "errors", "warnings", "normalized"?}`:
/// `status` only when invalid, `normalized` only when valid.
///
/// # Example
/// ```
/// use serde_json::json;
/// let record = json!({"fullName": "John Doe", "email": "john.doe@example.com"});
/// let outcome = intake::validate(intake::Provider::Atoa, &record, &intake::Options::default());
/// assert!(outcome.valid);
/// let line = outcome.to_json();
/// let back: intake::Outcome<serde_json::Value> = serde_json::from_str(&line).unwrap();
/// assert_eq!(back.normalized.unwrap()["type"], "INDIVIDUAL");
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Outcome<T = Valid<Payload<'static>>> {
    /// True exactly when there are no errors.
    pub valid: bool,
    /// For an invalid record, the HTTP status the provider documents for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Every problem that makes the provider reject the record.
    pub errors: Vec<Diagnostic>,
    /// What the provider would accept but is probably wrong, or was changed.
    #[serde(deserialize_with = "warnings")]
    pub warnings: Vec<Diagnostic>,
    /// The provider-ready payload, present when valid.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub normalized: Option<T>,
    /// The fingerprint of the value batch rules compare (an Authvia `ref`, an email without case).
    #[serde(skip)]
    pub(crate) batch_key: Option<u128>,
}

fn none<T>() -> Option<T> {
    None
}

/// Diagnostics read from a `warnings` list are warnings.
fn warnings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Diagnostic>, D::Error> {
    let mut list = Vec::<Diagnostic>::deserialize(d)?;
    for w in &mut list {
        w.severity = Severity::Warning;
    }
    Ok(list)
}

/// Payload members that hold card data: `Debug` shows them as `[redacted]`.
pub const CARD_FIELDS: &[&str] = &["card_number", "card_ccv"];

impl<T> Outcome<T> {
    /// An outcome from its diagnostics: valid exactly when `errors` is empty and
    /// a payload is given; then `status` is dropped, else the payload is.
    pub(crate) fn from_parts(
        normalized: Option<T>,
        status: u16,
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
        batch_key: Option<u128>,
    ) -> Self {
        let valid = errors.is_empty() && normalized.is_some();
        Outcome {
            valid,
            status: (!valid).then_some(status),
            errors,
            warnings,
            normalized: if valid { normalized } else { None },
            batch_key,
        }
    }

    /// The outcome of a record that could not be read at all (not JSON, a broken
    /// CSV row, past the size limit): invalid, status 400, the fault at path `""`.
    ///
    /// # Example
    /// ```
    /// use intake::{Code, Fault, Outcome};
    /// let o: Outcome = Outcome::unreadable(Fault::new(Code::RecordMalformed, "line 3 is not valid JSON"));
    /// assert_eq!((o.valid, o.status), (false, Some(400)));
    /// ```
    #[must_use]
    pub fn unreadable(fault: Fault) -> Self {
        let error = Diagnostic::new("", fault, Severity::Error);
        Outcome {
            valid: false,
            status: Some(400),
            errors: vec![error],
            warnings: Vec::new(),
            normalized: None,
            batch_key: None,
        }
    }

    /// The payload, or the [`Rejection`] (status, errors and warnings) that says
    /// why there is none: for `?` in a handler.
    ///
    /// # Errors
    /// The rejection, when the record is invalid.
    ///
    /// # Example
    /// ```
    /// use serde_json::json;
    /// fn create(record: &serde_json::Value) -> Result<String, Box<dyn std::error::Error>> {
    ///     let payload = intake::validate(intake::Provider::Atoa, record, &intake::Options::default()).into_result()?;
    ///     Ok(serde_json::to_string(&payload)?)
    /// }
    /// assert!(create(&json!({"fullName": "Ada", "email": "ada@example.com"})).is_ok());
    /// let error = create(&json!({"fullName": "Ada"})).unwrap_err();
    /// assert!(error.to_string().starts_with("the provider would reject the record (400)"));
    /// ```
    pub fn into_result(self) -> Result<T, Rejection> {
        match self.normalized {
            Some(payload) if self.valid => Ok(payload),
            _ => Err(Rejection { status: self.status.unwrap_or(400), errors: self.errors, warnings: self.warnings }),
        }
    }

    /// The same outcome with its payload mapped (e.g. to a `serde_json::Value`).
    #[must_use]
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Outcome<U> {
        Outcome {
            valid: self.valid,
            status: self.status,
            errors: self.errors,
            warnings: self.warnings,
            normalized: self.normalized.map(f),
            batch_key: self.batch_key,
        }
    }

    /// The same outcome owning its payload's text (see [`IntoOwned`]): to keep
    /// it after the record it was read from is gone.
    #[must_use]
    pub fn into_owned(self) -> Outcome<T::Owned>
    where
        T: IntoOwned,
    {
        self.map(IntoOwned::into_owned)
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
}

impl<T: Serialize> Outcome<T> {
    /// The outcome as one line of JSON, the line `intake check` prints (without `record`).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(256);
        self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Appends the outcome's JSON line (without a newline) to `out`: straight
    /// from the typed payload, with no intermediate tree.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let start = out.len();
        if crate::compact::write(out, self).is_err() {
            // Only a payload type whose Serialize fails gets here; intake's own
            // cannot. Still an invalid line with its reason, never a silent one.
            out.truncate(start);
            out.extend_from_slice(
                br#"{"valid":false,"status":500,"errors":[{"path":"","code":"record.malformed","message":"the payload could not be written as JSON"}],"warnings":[]}"#,
            );
        }
    }
}

impl<T: Serialize> std::fmt::Debug for Outcome<T> {
    /// Card numbers and CVVs in the payload are shown as `[redacted]`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = self.normalized.as_ref().map(|p| serde_json::to_value(p).map(|v| redacted(&v)));
        f.debug_struct("Outcome")
            .field("valid", &self.valid)
            .field("status", &self.status)
            .field("errors", &self.errors)
            .field("warnings", &self.warnings)
            .field("normalized", &shown.map(|v| v.map_err(|_| "[not serializable]")))
            .finish_non_exhaustive()
    }
}

/// A copy of `value` with the members named in [`CARD_FIELDS`] replaced by
/// `"[redacted]"`: for `Debug` and human reports.
///
/// # Example
/// ```
/// let v = serde_json::json!({"payment_source": {"card_number": "4111111111111111", "card_name": "Ada"}});
/// let shown = intake::redacted(&v).to_string();
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
                        redacted(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(redacted).collect()),
        other => other.clone(),
    }
}

/// A payload that validation produced: nothing else makes one, so a function
/// that takes a `Valid<T>` knows its argument was checked.
///
/// It reads as `T` (through `Deref`), serializes as `T`, and gives `T` up with
/// [`Valid::into_inner`]; it cannot be deserialized or built by hand.
///
/// # Example
/// ```
/// use intake::profiles::atoa;
/// use serde_json::json;
/// fn send(customer: intake::Valid<atoa::Customer<'_>>) -> String {
///     serde_json::to_string(&customer).unwrap()
/// }
/// let record = json!({"fullName": "Ada", "email": "ada@example.com"});
/// let checked = atoa::check(&record, &intake::Options::default());
/// let customer = checked.into_result().unwrap();
/// assert_eq!(customer.full_name, "Ada");
/// assert!(send(customer).contains(r#""fullName":"Ada""#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Valid<T>(T);

impl<T> Valid<T> {
    /// Only validation calls this.
    pub(crate) fn new(value: T) -> Self {
        Valid(value)
    }

    /// The payload itself.
    #[must_use]
    pub fn into_inner(self) -> T {
        self.0
    }

    /// The same payload, mapped (it stays valid: `f` only changes its form).
    pub(crate) fn map<U>(self, f: impl FnOnce(T) -> U) -> Valid<U> {
        Valid(f(self.0))
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: Serialize> Serialize for Valid<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<T: IntoOwned> IntoOwned for Valid<T> {
    type Owned = Valid<T::Owned>;

    fn into_owned(self) -> Valid<T::Owned> {
        Valid(self.0.into_owned())
    }
}

/// A payload whose text may borrow from the record it was read from, and the
/// same payload owning its text.
///
/// Validation borrows every value that needs no change from the record (the
/// JSON text, or the `serde_json::Value`) instead of copying it: a payload
/// lives as long as its record. `into_owned` gives one that outlives it, to
/// keep, or to send to another thread; only the borrowed text is copied.
///
/// # Example
/// ```
/// use intake::{IntoOwned, Outcome, Provider};
/// fn check(line: &str) -> Outcome {
///     let bytes = line.as_bytes().to_vec();
///     // `bytes` is dropped here: the outcome must own its text.
///     intake::validate_json(Provider::Atoa, &bytes, &intake::Options::default()).into_owned()
/// }
/// let outcome = check(r#"{"fullName": "Ada", "email": "ada@example.com"}"#);
/// let intake::Payload::Atoa(customer) = outcome.into_result().unwrap().into_inner() else { unreachable!() };
/// assert_eq!(customer.email.as_deref(), Some("ada@example.com"));
/// let _: intake::profiles::atoa::Customer<'static> = customer.into_owned();
/// ```
pub trait IntoOwned {
    /// The same type, owning its text.
    type Owned: 'static;

    /// Copies the borrowed text; text already owned is moved, not copied.
    #[must_use]
    fn into_owned(self) -> Self::Owned;
}

/// Why a record is invalid: the provider's status and every diagnostic. The
/// error of [`Outcome::into_result`]; its message names the first error's
/// place and code, never a value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("the provider would reject the record ({status}): {}", summary(errors))]
#[non_exhaustive]
pub struct Rejection {
    /// The HTTP status the provider documents for the record.
    pub status: u16,
    /// Every error (at least one, unless the record was never checked).
    pub errors: Vec<Diagnostic>,
    /// Every warning.
    #[serde(default)]
    pub warnings: Vec<Diagnostic>,
}

fn summary(errors: &[Diagnostic]) -> String {
    match errors {
        [] => "no error was reported".to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes() {
        let outcome: Outcome<Value> = Outcome::from_parts(
            None,
            409,
            vec![Diagnostic::new("/ref", Fault::new(Code::RefDuplicate, "repeats"), Severity::Error)],
            vec![Diagnostic::new("/x", Fault::new(Code::FieldUnknown, "dropped"), Severity::Warning)],
            None,
        );
        let text = outcome.to_json();
        assert_eq!(
            text,
            r#"{"valid":false,"status":409,"errors":[{"path":"/ref","code":"batch.ref_duplicate","message":"repeats"}],"warnings":[{"path":"/x","code":"field.unknown","message":"dropped"}]}"#
        );
        let back: Outcome<Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, outcome);
        assert_eq!(back.warnings[0].severity, Severity::Warning);
        let rejection = back.into_result().unwrap_err();
        assert_eq!(rejection.status, 409);
        assert_eq!(
            rejection.to_string(),
            "the provider would reject the record (409): /ref: batch.ref_duplicate: repeats"
        );
    }

    #[test]
    fn an_invalid_outcome_never_carries_a_payload() {
        let o = Outcome::from_parts(
            Some(1),
            400,
            vec![Diagnostic::new("", Fault::new(Code::RecordNotObject, "no"), Severity::Error)],
            vec![],
            None,
        );
        assert_eq!((o.valid, o.status, o.normalized), (false, Some(400), None));
        let o: Outcome<i32> = Outcome::from_parts(None, 400, vec![], vec![], None);
        assert!(!o.valid, "no payload is not valid, even without errors");
    }
}
