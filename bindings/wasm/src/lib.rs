//! WASM bindings for intake: JSON text in, one call to [`intake::json`], JSON text out.
//!
//! There are no rules here. Every export is the function of the same name in
//! `intake::json`, so the browser gets the same bytes as the server for the same
//! input (the npm package's parity test checks that over every fixture). An
//! [`intake::json::ApiError`] (a caller's mistake: an unknown provider, bad options)
//! becomes a thrown JS `Error` whose message is its `Display`, `"<code>: <message>"`;
//! a record that is not JSON is not an error but an invalid outcome (status 400).
//!
//! In WASM there is no system clock for the core to read: options must carry
//! `"today"` (the npm package's JS fills it in with the UTC date).
//!
//! The TypeScript types of the npm package are generated from this crate's tests
//! (`src/types.rs`), which also check that the core's real output fits them.

use intake::json::{self as core, ApiError};
use wasm_bindgen::prelude::*;

#[cfg(test)]
mod messages;
#[cfg(test)]
mod types;

/// An `ApiError` as a JS `Error`, its message `"<code>: <message>"`.
#[cold]
fn thrown(e: &ApiError) -> JsError {
    JsError::new(&e.to_string())
}

/// Validates one record (JSON text) against a provider profile; returns the outcome as JSON.
///
/// # Errors
/// `provider.unknown`, `options.invalid` (thrown as a JS `Error`).
#[wasm_bindgen]
pub fn validate(provider: &str, record_json: &str, options_json: &str) -> Result<String, JsError> {
    core::validate(provider, record_json, options_json).map_err(|e| thrown(&e))
}

/// Validates a JSON array of records as one batch (batch rules included); returns a JSON array of outcomes.
///
/// # Errors
/// `provider.unknown`, `options.invalid`, `input.invalid` (not a JSON array).
#[wasm_bindgen(js_name = validateBatch)]
pub fn validate_batch(provider: &str, records_json: &str, options_json: &str) -> Result<String, JsError> {
    core::validate_batch(provider, records_json, options_json).map_err(|e| thrown(&e))
}

/// Checks one field (named by a JSON Pointer) as a person types; returns `{state, normalized, error, warnings}`.
///
/// # Errors
/// `provider.unknown`, `options.invalid`, `field.unknown`, `input.invalid`.
#[wasm_bindgen(js_name = checkField)]
pub fn check_field(provider: &str, pointer: &str, value_json: &str, options_json: &str) -> Result<String, JsError> {
    core::check_field(provider, pointer, value_json, options_json).map_err(|e| thrown(&e))
}

/// Lists the profiles and their fields, as JSON.
#[must_use]
#[wasm_bindgen]
pub fn providers() -> String {
    core::providers()
}

/// Runs one field rule by name (the low-level surface the field fixtures drive); returns
/// `{normalized, error, warnings}` as JSON.
///
/// # Errors
/// `rule.unknown`, `options.invalid`, `input.invalid`.
#[wasm_bindgen]
pub fn rule(name: &str, input_json: &str, args_json: &str) -> Result<String, JsError> {
    core::rule(name, input_json, args_json).map_err(|e| thrown(&e))
}

/// What the as-you-type formatter shows for `text` typed in `region` (`""`: none), and the
/// number's E.164 form when valid: `{formatted, e164}` as JSON. Stateless: the package's
/// `AsYouType` class passes the whole text so far.
#[must_use]
#[wasm_bindgen(js_name = asYouType)]
pub fn as_you_type(text: &str, region: &str) -> String {
    core::as_you_type(text, region)
}

/// A phone text written in `style` (`national`, `international`, `e164`), read in `region`
/// (`""`: none) when it has no `+`: a JSON string, or `null` when not a valid number.
///
/// # Errors
/// `options.invalid` (an unknown style).
#[wasm_bindgen(js_name = formatPhone)]
pub fn format_phone(text: &str, style: &str, region: &str) -> Result<String, JsError> {
    core::format_phone(text, style, region).map_err(|e| thrown(&e))
}

/// libphonenumber's example number of a region and type, in E.164, as JSON (`null` when none).
///
/// # Errors
/// `options.invalid` (an unknown number type).
#[wasm_bindgen(js_name = exampleNumber)]
pub fn example_number(region: &str, number_type: &str) -> Result<String, JsError> {
    core::example_number(region, number_type).map_err(|e| thrown(&e))
}

/// The JSON Schema (draft 2020-12) of a provider's input record, as JSON text.
///
/// # Errors
/// `provider.unknown`.
#[wasm_bindgen(js_name = jsonSchema)]
pub fn json_schema(provider: &str) -> Result<String, JsError> {
    core::json_schema(provider).map_err(|e| thrown(&e))
}
