//! The properties the structure-aware fuzz targets check on a record given as
//! a JSON value (and on batches): those of [`record`](super::record), plus that
//! the value and text read paths agree, that the native outcome and its JSON
//! form agree, and that a valid payload is exactly the documented fields and
//! passes the provider's typed rules again.

use serde_json::{json, Value};

use super::{record, shape, Checked};
use crate::catalog::{self, Kind};
use crate::profiles::{atoa, authvia, juicyway, paydock, stax};
use crate::{validate, validate_batch, Code, Options, Outcome, Provider, Severity};

/// Checks one record given as a JSON value: every property of
/// [`record`](super::record) on its JSON text, and
/// - validating the value and validating its text give the same outcome;
/// - the native outcome, serialized, is what [`crate::json::validate`] gives,
///   and reads back to the same validity, status, diagnostics and payload;
/// - a payload holds only documented fields and passes the provider's typed
///   check again, to the same payload (for Paydock, in the same flow).
///
/// # Errors
/// A description of the first broken property.
///
/// # Example
/// ```
/// use serde_json::json;
/// let options = intake::Options::new("2026-11-22".parse().unwrap());
/// let record = json!({"company": "Acme"});
/// let checked = intake::invariants::value_record(intake::Provider::Stax, &record, &options);
/// assert!(checked.unwrap().valid);
/// ```
pub fn value_record<'a>(provider: Provider, value: &'a Value, options: &Options) -> Result<Checked<'a>, String> {
    let text = value.to_string();
    let outcome = record(provider, text.as_bytes(), options)?;
    let direct = validate(provider, value, options);
    if direct != outcome {
        return Err("validating the value and validating its JSON text gave different outcomes".to_owned());
    }
    serialized_agrees(provider, &text, &outcome, options)?;
    if let Some(payload) = &outcome.normalized {
        let payload = payload.to_value();
        documented_only(provider, &payload)?;
        typed_again(provider, value, &payload, options)?;
    }
    Ok(direct)
}

/// The options as the JSON surface takes them.
fn options_json(options: &Options) -> String {
    match options.flow {
        Some(flow) => json!({ "today": options.today, "flow": flow.number() }).to_string(),
        None => json!({ "today": options.today }).to_string(),
    }
}

fn serialized_agrees(provider: Provider, text: &str, outcome: &Checked<'_>, options: &Options) -> Result<(), String> {
    let native = outcome.to_json();
    let surface = crate::json::validate(provider.id(), text, &options_json(options))
        .map_err(|e| format!("the JSON surface refused the call: {}", e.code))?;
    if surface != native {
        return Err("the JSON surface's outcome differs from the native one, serialized".to_owned());
    }
    let back: Value = serde_json::from_str(&native).map_err(|_| "the serialized outcome is not JSON".to_owned())?;
    let status = outcome.status.map(Value::from);
    let same_list = |key: &str, list: &[crate::Diagnostic]| {
        back[key].as_array().is_some_and(|items| {
            items.len() == list.len()
                && items.iter().zip(list).all(|(item, d)| {
                    item["path"] == d.path.as_str()
                        && item["code"] == d.code.as_str()
                        && item["message"] == d.message.as_ref()
                })
        })
    };
    if back["valid"] != outcome.valid
        || back.get("status") != status.as_ref()
        || back.get("normalized") != outcome.normalized.as_ref().map(|p| p.to_value()).as_ref()
        || !same_list("errors", &outcome.errors)
        || !same_list("warnings", &outcome.warnings)
    {
        return Err("the serialized outcome does not read back to the native one".to_owned());
    }
    Ok(())
}

/// Every member of the payload is a documented field (members of documented
/// free-form objects and list items aside).
fn documented_only(provider: Provider, payload: &Value) -> Result<(), String> {
    fn walk(provider: Provider, at: &str, value: &Value) -> Result<(), String> {
        let Value::Object(map) = value else { return Ok(()) };
        for (key, inner) in map {
            let path = format!("{at}/{key}");
            match catalog::field(provider, &path) {
                Some(info) if matches!(info.kind, Kind::List(_)) => {}
                // Free-form (Authvia's metadata, Stax's options) passes through.
                Some(info) if matches!(info.kind, Kind::Object) && !has_children(provider, &path) => {}
                Some(_) => walk(provider, &path, inner)?,
                None => return Err(format!("{provider}: the payload holds an undocumented member")),
            }
        }
        Ok(())
    }
    walk(provider, "", payload)
}

fn has_children(provider: Provider, path: &str) -> bool {
    let prefix = format!("{path}/");
    catalog::profile(provider).fields.iter().any(|f| f.path.starts_with(&prefix))
}

/// The payload, checked again by the profile's typed entry point, is valid and
/// gives the same payload; Paydock's stays in the flow the record was in.
fn typed_again(provider: Provider, record: &Value, payload: &Value, options: &Options) -> Result<(), String> {
    fn same<T: serde::Serialize>(checked: Outcome<crate::Valid<T>>, payload: &Value) -> bool {
        checked.errors.is_empty()
            && checked.normalized.and_then(|c| serde_json::to_value(c).ok()).as_ref() == Some(payload)
    }
    let agrees = match provider {
        Provider::Atoa => same(atoa::check(payload, options), payload),
        Provider::Paydock => {
            let flow = options.flow.or_else(|| paydock::detect_flow(record));
            if flow.is_some() && paydock::detect_flow(payload) != flow {
                return Err("paydock: the payload is in another flow than its record".to_owned());
            }
            let forced = match flow {
                Some(f) => options.clone().with_flow(f),
                None => options.clone(),
            };
            same(paydock::check(payload, &forced), payload)
        }
        Provider::Authvia => same(authvia::check(payload, options), payload),
        Provider::Stax => same(stax::check(payload, options), payload),
        Provider::Juicyway => same(juicyway::check(payload, options), payload),
    };
    if agrees {
        Ok(())
    } else {
        Err(format!("{provider}: the payload, checked again by its profile, is refused or changes"))
    }
}

/// Checks a batch: each outcome is the record's own outcome plus, only on a
/// record whose batch key (Authvia's `ref`, Stax's and Juicyway's email) an
/// earlier record had, the one documented batch diagnostic; the JSON surface's
/// batch gives the native outcomes, serialized.
///
/// # Errors
/// A description of the first broken property.
///
/// # Example
/// ```
/// use serde_json::json;
/// let options = intake::Options::new("2026-11-22".parse().unwrap());
/// let records = [json!({"ref": "a", "addresses": ["+14155552671"]}), json!({"ref": "a", "addresses": ["+14155552672"]})];
/// assert!(intake::invariants::batch(intake::Provider::Authvia, &records, &options).is_ok());
/// ```
pub fn batch<'a>(provider: Provider, records: &'a [Value], options: &Options) -> Result<Vec<Checked<'a>>, String> {
    let outcomes = validate_batch(provider, records, options);
    if outcomes.len() != records.len() {
        return Err("a batch gave another number of outcomes than records".to_owned());
    }
    let mut keys: Vec<Option<u128>> = Vec::with_capacity(records.len());
    for (i, (value, outcome)) in records.iter().zip(&outcomes).enumerate() {
        shape(outcome)?;
        let alone = validate(provider, value, options);
        let repeated = alone.batch_key.is_some_and(|k| keys.contains(&Some(k)));
        keys.push(alone.batch_key);
        let expected = batch_diagnostic(provider);
        let extra_errors = outcome.errors.len().checked_sub(alone.errors.len());
        let extra_warnings = outcome.warnings.len().checked_sub(alone.warnings.len());
        let added = match (extra_errors, extra_warnings) {
            (Some(e), Some(w)) => e + w,
            _ => return Err(format!("record {i}: the batch dropped a diagnostic")),
        };
        if !outcome.errors.starts_with(&alone.errors) || !outcome.warnings.starts_with(&alone.warnings) {
            return Err(format!("record {i}: the batch changed a record's own diagnostics"));
        }
        match (repeated, expected) {
            (true, Some((path, code, severity))) => {
                let list = if severity == Severity::Error { &outcome.errors } else { &outcome.warnings };
                let last = list.last().filter(|_| added == 1);
                if !last.is_some_and(|d| d.path == path && d.code == code) {
                    return Err(format!("record {i}: a repeated key did not raise {code} once"));
                }
            }
            _ if added != 0 => {
                return Err(format!("record {i}: the batch added a diagnostic to a record it should not"))
            }
            _ if !same_answer(outcome, &alone) => {
                return Err(format!("record {i}: the batch changed a record with no repeat"))
            }
            _ => {}
        }
    }
    let text = Value::Array(records.to_vec()).to_string();
    let surface = crate::json::validate_batch(provider.id(), &text, &options_json(options))
        .map_err(|e| format!("the JSON surface refused the batch: {}", e.code))?;
    if serde_json::to_string(&outcomes).ok().as_deref() != Some(surface.as_str()) {
        return Err("the JSON surface's batch differs from the native outcomes, serialized".to_owned());
    }
    Ok(outcomes)
}

/// The same answer, the batch key aside (the batch consumes it).
fn same_answer(a: &Checked<'_>, b: &Checked<'_>) -> bool {
    (a.valid, a.status, &a.errors, &a.warnings, &a.normalized)
        == (b.valid, b.status, &b.errors, &b.warnings, &b.normalized)
}

/// The diagnostic a repeated batch key raises, where the provider has one.
fn batch_diagnostic(provider: Provider) -> Option<(&'static str, Code, Severity)> {
    match provider {
        Provider::Authvia => Some(("/ref", Code::RefDuplicate, Severity::Error)),
        Provider::Juicyway => Some(("/email", Code::EmailDuplicate, Severity::Error)),
        Provider::Stax => Some(("/email", Code::EmailDuplicate, Severity::Warning)),
        Provider::Atoa | Provider::Paydock => None,
    }
}

/// The structure-aware fuzz targets, by name: `structured_<id>` for each
/// profile, `structured_batch`, `structured_field`.
pub const STRUCTURED_TARGETS: &[&str] = &[
    "structured_atoa",
    "structured_paydock",
    "structured_authvia",
    "structured_stax",
    "structured_juicyway",
    "structured_batch",
    "structured_field",
];

/// Runs one structure-aware target on `data`: the bytes drive the generators
/// of [`crate::arbitrary`], and the generated record (or batch, or field value)
/// is checked. What `cargo fuzz run structured_<name>` runs, and what the
/// ordinary test run replays for every committed input.
///
/// # Errors
/// A description of the first broken property, or of an unknown target.
///
/// # Example
/// ```
/// assert!(intake::invariants::run_structured_target("structured_paydock", &[1, 2, 3]).is_ok());
/// ```
#[cfg(feature = "arbitrary")]
pub fn run_structured_target(name: &str, data: &[u8]) -> Result<(), String> {
    use crate::arbitrary::{
        AtoaRecord, AuthviaRecord, FieldSample, JuicywayRecord, PaydockRecord, RecordBatch, StaxRecord,
    };
    use ::arbitrary::{Arbitrary, Unstructured};

    let options = super::fuzz_options();
    let mut u = Unstructured::new(data);
    // Bytes too few for a choice make no input: nothing to check.
    macro_rules! generate {
        ($t:ty) => {
            match <$t>::arbitrary(&mut u) {
                Ok(v) => v,
                Err(_) => return Ok(()),
            }
        };
    }
    match name {
        "structured_atoa" => value_record(Provider::Atoa, generate!(AtoaRecord).value(), &options).map(drop),
        "structured_paydock" => {
            let record = generate!(PaydockRecord);
            value_record(Provider::Paydock, record.value(), &options)?;
            // Every forced flow too: detection must not be what keeps a record safe.
            (1..=4).filter_map(crate::Flow::from_number).try_for_each(|flow| {
                value_record(Provider::Paydock, record.value(), &options.clone().with_flow(flow)).map(drop)
            })
        }
        "structured_authvia" => value_record(Provider::Authvia, generate!(AuthviaRecord).value(), &options).map(drop),
        "structured_stax" => value_record(Provider::Stax, generate!(StaxRecord).value(), &options).map(drop),
        "structured_juicyway" => {
            value_record(Provider::Juicyway, generate!(JuicywayRecord).value(), &options).map(drop)
        }
        "structured_batch" => {
            let b = generate!(RecordBatch);
            batch(b.provider, &b.records, &options).map(drop)
        }
        "structured_field" => field_sample(&generate!(FieldSample), &options),
        _ => Err(format!("no structure-aware fuzz target named {name}")),
    }
}

/// A single field's value, checked as a form checks it (partial and complete),
/// and as the rule of its kind when the value is a string.
#[cfg(feature = "arbitrary")]
fn field_sample(sample: &crate::arbitrary::FieldSample, options: &Options) -> Result<(), String> {
    use crate::field::{check_field, FieldOptions, FieldState};
    for partial in [false, true] {
        let o = FieldOptions { partial, today: options.today, region: None, record: None };
        let check = check_field(sample.provider, sample.field.path, &sample.value, &o)
            .map_err(|_| format!("{}{}: the catalog's own pointer is unknown", sample.provider, sample.field.path))?;
        let coherent = match check.state {
            FieldState::Valid => check.error.is_none(),
            FieldState::Incomplete => partial && check.error.is_some() && check.normalized.is_none(),
            FieldState::Invalid => check.error.is_some() && check.normalized.is_none(),
        };
        if !coherent {
            return Err(format!(
                "{}{}: incoherent field check (partial: {partial})",
                sample.provider, sample.field.path
            ));
        }
    }
    match &sample.value {
        Value::String(s) => super::rules(s),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        super::super::fuzz_options()
    }

    #[test]
    fn an_undocumented_member_of_a_payload_is_caught() {
        assert!(documented_only(Provider::Stax, &json!({"firstname": "Ada", "bogus": 1})).is_err());
        assert!(documented_only(Provider::Paydock, &json!({"payment_source": {"bogus": 1}})).is_err());
        // Free-form objects pass through whole.
        assert!(documented_only(Provider::Stax, &json!({"options": {"anything": {"deep": 1}}})).is_ok());
        assert!(documented_only(Provider::Authvia, &json!({"ref": "a", "metadata": {"x": 1}})).is_ok());
    }

    #[test]
    fn a_payload_that_normalizes_again_differently_is_caught() {
        let record = json!({"fullName": "Ada", "email": "ada@example.com"});
        let not_normalized = json!({"fullName": "  Ada  ", "email": "ada@example.com", "type": "INDIVIDUAL"});
        assert!(typed_again(Provider::Atoa, &record, &not_normalized, &options()).is_err());
        let normalized = json!({"fullName": "Ada", "email": "ada@example.com", "type": "INDIVIDUAL"});
        assert!(typed_again(Provider::Atoa, &record, &normalized, &options()).is_ok());
    }

    #[test]
    fn a_serialized_outcome_that_disagrees_is_caught() {
        let text = r#"{"company":"Acme"}"#;
        let mut outcome = crate::validate_json(Provider::Stax, text.as_bytes(), &options());
        assert!(serialized_agrees(Provider::Stax, text, &outcome, &options()).is_ok());
        outcome.warnings.push(crate::Diagnostic {
            path: String::new(),
            code: Code::FieldUnknown,
            message: "x".into(),
            severity: Severity::Warning,
        });
        assert!(serialized_agrees(Provider::Stax, text, &outcome, &options()).is_err());
    }

    #[test]
    fn repeated_batch_keys_raise_their_diagnostic_once() {
        let a = json!({"first_name": "A", "last_name": "B", "email": "a@example.com", "phone": "+2348012345678",
            "type": "individual", "billing_address": {"line1": "1 Road", "city": "Lagos", "state": "Lagos",
            "zip_code": "100001", "country": "NG"}});
        let mut b = a.clone();
        b["email"] = json!("A@EXAMPLE.COM");
        let records = [a, b];
        let outcomes = batch(Provider::Juicyway, &records, &options()).unwrap();
        assert!(outcomes[0].valid);
        assert_eq!(outcomes[1].status, Some(409));
        let atoa = json!({"fullName": "Ada", "email": "a@b.co"});
        assert!(batch(Provider::Atoa, &[atoa.clone(), atoa], &options()).is_ok());
    }
}
