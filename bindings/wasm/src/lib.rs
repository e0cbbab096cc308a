//! WASM bindings for intake: thin `&str` in, JSON `String` out.
//!
//! PLACEHOLDER: these exports only echo their inputs so the npm build and test
//! plumbing can be proven. The real bodies call `intake::json::*` and map
//! `ApiError` (Display) to `JsError`; the signatures here are final.

use std::fmt::Write as _;

use wasm_bindgen::prelude::*;

/// Validates one record (JSON text) against a provider profile; returns the outcome as JSON.
///
/// # Errors
/// An unknown provider or unreadable JSON (thrown as a JS `Error`), as for every export.
#[wasm_bindgen]
pub fn validate(provider: &str, record_json: &str, options_json: &str) -> Result<String, JsError> {
    echo("validate", &[provider, record_json, options_json])
}

/// Validates an array of records (JSON text), batch rules included; returns outcomes as JSON.
///
/// # Errors
/// As [`validate`].
#[wasm_bindgen(js_name = validateBatch)]
pub fn validate_batch(
    provider: &str,
    records_json: &str,
    options_json: &str,
) -> Result<String, JsError> {
    echo("validate_batch", &[provider, records_json, options_json])
}

/// Checks one field (by JSON Pointer) as a person types; returns `{state, normalized?, error?}`.
///
/// # Errors
/// As [`validate`].
#[wasm_bindgen(js_name = checkField)]
pub fn check_field(
    provider: &str,
    pointer: &str,
    value_json: &str,
    options_json: &str,
) -> Result<String, JsError> {
    echo(
        "check_field",
        &[provider, pointer, value_json, options_json],
    )
}

/// Lists the profiles and their fields, as JSON.
#[must_use]
#[wasm_bindgen]
pub fn providers() -> String {
    r#"[{"id":"placeholder"}]"#.to_owned()
}

/// `{"placeholder":"<fn>","args":[...]}`; JSON-typed args are embedded raw, the rest quoted.
fn echo(func: &str, args: &[&str]) -> Result<String, JsError> {
    if args.first().is_some_and(|p| p.is_empty()) {
        return Err(JsError::new("provider must not be empty"));
    }
    let mut out = format!(r#"{{"placeholder":"{func}","args":["#);
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // provider (and pointer) are plain strings; the rest are already JSON.
        let plain = i == 0 || (func == "check_field" && i == 1);
        if plain {
            json_str(&mut out, a);
        } else {
            out.push_str(a);
        }
    }
    out.push_str("]}");
    Ok(out)
}

/// Appends `s` as a JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
