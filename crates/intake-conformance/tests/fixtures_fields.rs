//! Runs every field-rule fixture (`fixtures/fields/<rule>.json`, through
//! `intake::json::rule`) and every single-field check fixture
//! (`fixtures/field_checks/<provider>.json`, through `intake::json::check_field`),
//! collecting every mismatch into one failure.
//!
//! Beyond each case's own expectations it checks, for every case:
//! - no error or warning message repeats the input (when it is longer than 3
//!   characters): messages never leak what was typed;
//! - idempotence: a valid value run again through its rule (or field) gives the
//!   same normalized value and no warning except the intrinsic ones below.
//!
//! The format of the files is described in `fixtures/fields/README.md`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use intake::json as api;
use serde_json::{Map, Value};

/// Every rule `intake::json::rule` runs; each has its fixture file.
const RULES: &[&str] = &[
    "text",
    "email",
    "phone",
    "phone_with_code",
    "uk_postcode",
    "atoa_postcode",
    "gb_vat",
    "country",
    "card_number",
    "expiry_month",
    "expiry_year",
    "expiry",
    "cvv",
    "uuid",
    "hex24",
    "enum",
    "date",
    "url",
    "number",
    "boolean",
];

const PROVIDERS: &[&str] = &["atoa", "paydock", "authvia", "stax", "juicyway"];

/// Warnings about the value itself, which stay with it: normalizing it again
/// raises them again. A GB VAT number whose check digits fail still fails them; a
/// postcode that is not UK-shaped is still not; a domain that looks like a typo
/// of a common one still does, and a special-use one still is.
const INTRINSIC: &[&str] = &["vat.checksum", "postcode.not_uk", "email.typo", "email.reserved"];

/// Warnings about a change intake made, which the normalized value no longer
/// calls for: a national phone number is now in E.164, a country code is now the
/// documented kind (the rule is run again with the same arguments, so the
/// converted code is the kind it wants), a repeated address is gone.
const CHANGE: &[&str] = &["phone.national", "phone.plus_missing", "country.converted", "address.duplicate"];

fn files(dir: &str) -> Vec<(PathBuf, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(dir);
    let mut paths: Vec<_> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, v)
        })
        .collect()
}

fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_owned()
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| a.iter().map(|w| w.get("code").and_then(Value::as_str).unwrap_or("?").to_owned()).collect())
        .unwrap_or_default()
}

fn expected_codes(case: &Value) -> Vec<String> {
    case.get("warnings")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|c| c.as_str().expect("warning codes are strings").to_owned()).collect())
        .unwrap_or_default()
}

/// Every message of an outcome: the error's and each warning's.
fn messages(got: &Value) -> Vec<String> {
    let error = got.get("error").filter(|e| !e.is_null()).into_iter();
    let warnings = got.get("warnings").and_then(Value::as_array).into_iter().flatten();
    error.chain(warnings).map(|d| d.get("message").and_then(Value::as_str).unwrap_or("").to_owned()).collect()
}

/// The input as a person typed it: a string trimmed, a number as written.
/// `null`, booleans, arrays and objects are named by their type in a message
/// ("not null"), which is the contract's word, not what was typed.
fn typed(input: &Value) -> String {
    match input {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Problems with the messages of `got`: empty, or repeating the input. The
/// documented values an enumeration's message lists are the contract's words,
/// not the input's, and are taken out first.
fn message_problems(got: &Value, input: &Value, listed: &[String]) -> Vec<String> {
    let typed = typed(input);
    let mut out = Vec::new();
    for message in messages(got) {
        if message.trim().is_empty() {
            out.push("a message is empty".to_owned());
            continue;
        }
        let mut rest = message.clone();
        for value in listed {
            rest = rest.replace(value.as_str(), "");
        }
        if typed.chars().count() > 3 && rest.contains(&typed) {
            out.push(format!("message {message:?} repeats the input"));
        }
    }
    out
}

/// Checks `message_includes`: some message contains the text.
fn includes_problem(case: &Value, got: &Value) -> Option<String> {
    let want = case.get("message_includes")?.as_str().expect("message_includes is a string");
    (!messages(got).iter().any(|m| m.contains(want))).then(|| format!("no message includes {want:?}: {got}"))
}

/// The warning codes a valid value may raise again when run through its rule once more.
fn intrinsic(codes: &[String]) -> Vec<String> {
    codes.iter().filter(|c| INTRINSIC.contains(&c.as_str())).cloned().collect()
}

fn unclassified(codes: &[String]) -> Vec<String> {
    codes.iter().filter(|c| !INTRINSIC.contains(&c.as_str()) && !CHANGE.contains(&c.as_str())).cloned().collect()
}

/// What a rule's normalized value is fed back as, to check idempotence; `None`
/// where that makes no sense (`expiry` answers `true`; `uk_postcode` answers
/// `null` for a text that is not UK-shaped).
fn re_input(rule: &str, normalized: &Value) -> Option<Value> {
    match (rule, normalized) {
        ("expiry", _) | (_, Value::Null) => None,
        ("phone", n) => n.get("e164").cloned(),
        ("phone_with_code", n) => n.get("national").cloned(),
        ("card_number", n) => n.get("digits").cloned(),
        (_, n @ Value::String(_)) => Some(n.clone()),
        _ => None,
    }
}

fn run_rule(rule: &str, input: &Value, args: &str) -> Result<Value, String> {
    api::rule(rule, &input.to_string(), args)
        .map(|out| serde_json::from_str(&out).expect("rule answers JSON"))
        .map_err(|e| format!("the rule call failed: {e}"))
}

/// Compares one field-rule case; returns its problems.
fn field_case(rule: &str, case: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let input = case.get("input").expect("a case has an input");
    let args = case.get("args").cloned().unwrap_or(Value::Object(Map::new()));
    assert!(args.is_object(), "args must be an object");
    let args_text = args.to_string();
    let got = match run_rule(rule, input, &args_text) {
        Ok(v) => v,
        Err(e) => return vec![e],
    };
    let got_error = got.get("error").filter(|e| !e.is_null()).and_then(|e| e.get("code")).and_then(Value::as_str);
    let got_warnings = codes(&got["warnings"]);
    match (case.get("error"), case.get("normalized")) {
        (Some(code), None) => {
            let code = code.as_str().expect("error is a code");
            if got_error != Some(code) {
                out.push(format!("expected error {code}, got {got}"));
            } else if !got["normalized"].is_null() || !got_warnings.is_empty() {
                out.push(format!("an error comes with no normalized value and no warnings: {got}"));
            }
        }
        (None, Some(normalized)) => {
            if got_error.is_some() || &got["normalized"] != normalized {
                out.push(format!("expected normalized {normalized}, got {got}"));
            }
            let want = expected_codes(case);
            if got_error.is_none() && got_warnings != want {
                out.push(format!("expected warnings {want:?}, got {got_warnings:?}"));
            }
        }
        _ => out.push("a case has exactly one of error and normalized".to_owned()),
    }
    let listed: Vec<String> = if rule == "enum" {
        args["values"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    out.extend(message_problems(&got, input, &listed));
    out.extend(includes_problem(case, &got));
    // Idempotence of what the rule accepted (whether or not it was expected to).
    if got_error.is_none() {
        let odd = unclassified(&got_warnings);
        if !odd.is_empty() {
            out.push(format!("warnings {odd:?} are neither intrinsic nor a change: classify them in this test"));
        }
        if let Some(again_input) = re_input(rule, &got["normalized"]) {
            match run_rule(rule, &again_input, &args_text) {
                Ok(again) => {
                    let want = intrinsic(&got_warnings);
                    if again["normalized"] != got["normalized"] || !again["error"].is_null() {
                        out.push(format!("not idempotent: {again_input} gave {again}"));
                    } else if codes(&again["warnings"]) != want {
                        out.push(format!(
                            "not idempotent: {again_input} warned {:?}, expected only {want:?}",
                            codes(&again["warnings"])
                        ));
                    }
                }
                Err(e) => out.push(e),
            }
        }
    }
    out
}

#[test]
fn field_rule_fixtures() {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut seen = BTreeSet::new();
    for (path, file) in files("fields") {
        // Reference corpora have their own format and test (tests/reference_corpora.rs).
        if file.get("reference").is_some() {
            continue;
        }
        let rule = file["rule"].as_str().expect("a file names its rule");
        assert_eq!(rule, stem(&path), "{}: the file is named after its rule", path.display());
        seen.insert(rule.to_owned());
        let mut names = BTreeSet::new();
        for case in file["cases"].as_array().expect("cases") {
            count += 1;
            let name = case["name"].as_str().expect("a case has a name");
            assert!(names.insert(name), "{}: the case name {name:?} is repeated", path.display());
            let problems = field_case(rule, case);
            if !problems.is_empty() {
                failures.push(format!("{} / {name}:\n    {}", path.display(), problems.join("\n    ")));
            }
        }
    }
    let missing: Vec<_> = RULES.iter().filter(|r| !seen.contains(**r)).collect();
    assert!(missing.is_empty(), "no fixture file for the rules {missing:?}");
    assert!(count >= 400, "only {count} field-rule cases");
    assert!(failures.is_empty(), "{} of {count} field-rule cases failed:\n{}", failures.len(), failures.join("\n"));
}

fn check(provider: &str, pointer: &str, value: &Value, options: &str) -> Result<Value, api::ApiError> {
    api::check_field(provider, pointer, &value.to_string(), options)
        .map(|out| serde_json::from_str(&out).expect("check_field answers JSON"))
}

/// The documented values of an enumeration field, as `providers()` lists them:
/// its messages may name them.
fn listed_values(catalog: &Value, provider: &str, pointer: &str) -> Vec<String> {
    let generic: Vec<&str> = pointer
        .split('/')
        .map(|s| if !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()) { "0" } else { s })
        .collect();
    let generic = generic.join("/");
    catalog
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["id"] == provider)
        .flat_map(|p| p["fields"].as_array().into_iter().flatten())
        .filter(|f| f["path"] == generic.as_str())
        .flat_map(|f| f["values"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// Compares one single-field check case; returns its problems.
fn check_case(catalog: &Value, provider: &str, file_options: &Map<String, Value>, case: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let pointer = case["pointer"].as_str().expect("a case has a pointer");
    let value = case.get("value").expect("a case has a value");
    let mut o = file_options.clone();
    if let Some(c) = case.get("options").and_then(Value::as_object) {
        o.extend(c.clone());
    }
    let partial = o.get("partial").and_then(Value::as_bool).unwrap_or(false);
    let options = Value::Object(o.clone()).to_string();
    let got = match (check(provider, pointer, value, &options), case.get("api_error")) {
        (Err(e), Some(code)) if Some(e.code) == code.as_str() => return out,
        (Ok(got), Some(code)) => return vec![format!("expected the call to fail with {code}, got {got}")],
        (Err(e), _) => return vec![format!("the call failed: {e}")],
        (Ok(got), None) => got,
    };
    let state = got["state"].as_str().unwrap_or("?");
    let want_state = case["state"].as_str().expect("a case has a state");
    if state != want_state {
        out.push(format!("expected state {want_state}, got {got}"));
    }
    if let Some(n) = case.get("normalized") {
        if &got["normalized"] != n {
            out.push(format!("expected normalized {n}, got {}", got["normalized"]));
        }
    }
    let got_error = got["error"].get("code").and_then(Value::as_str);
    if let Some(code) = case.get("error") {
        if got_error != code.as_str() {
            out.push(format!("expected error {code}, got {}", got["error"]));
        }
    }
    let got_warnings = codes(&got["warnings"]);
    let want = expected_codes(case);
    if got_warnings != want {
        out.push(format!("expected warnings {want:?}, got {got_warnings:?}"));
    }
    // Coherence of the answer, whatever was expected.
    let coherent = match state {
        "valid" => got["error"].is_null(),
        "incomplete" => partial && !got["error"].is_null() && got["normalized"].is_null() && got_warnings.is_empty(),
        "invalid" => !got["error"].is_null() && got["normalized"].is_null() && got_warnings.is_empty(),
        _ => false,
    };
    if !coherent {
        out.push(format!("incoherent answer (partial: {partial}): {got}"));
    }
    out.extend(message_problems(&got, value, &listed_values(catalog, provider, pointer)));
    // Idempotence: the normalized value, checked again as a finished value.
    if state == "valid" && !got["normalized"].is_null() {
        let odd = unclassified(&got_warnings);
        if !odd.is_empty() {
            out.push(format!("warnings {odd:?} are neither intrinsic nor a change: classify them in this test"));
        }
        o.insert("partial".to_owned(), Value::Bool(false));
        match check(provider, pointer, &got["normalized"], &Value::Object(o).to_string()) {
            Ok(again) => {
                let want = intrinsic(&got_warnings);
                if again["state"] != "valid" || again["normalized"] != got["normalized"] {
                    out.push(format!("not idempotent: {} gave {again}", got["normalized"]));
                } else if codes(&again["warnings"]) != want {
                    out.push(format!(
                        "not idempotent: {} warned {:?}, expected only {want:?}",
                        got["normalized"],
                        codes(&again["warnings"])
                    ));
                }
            }
            Err(e) => out.push(format!("checking the normalized value failed: {e}")),
        }
    }
    out
}

#[test]
fn field_check_fixtures() {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut seen = BTreeSet::new();
    let catalog: Value = serde_json::from_str(&api::providers()).expect("providers() answers JSON");
    for (path, file) in files("field_checks") {
        let provider = file["provider"].as_str().expect("a file names its provider");
        assert_eq!(provider, stem(&path), "{}: the file is named after its provider", path.display());
        seen.insert(provider.to_owned());
        let file_options = file.get("options").and_then(Value::as_object).cloned().unwrap_or_default();
        let mut names = BTreeSet::new();
        for case in file["cases"].as_array().expect("cases") {
            count += 1;
            let name = case["name"].as_str().expect("a case has a name");
            assert!(names.insert(name), "{}: the case name {name:?} is repeated", path.display());
            let problems = check_case(&catalog, provider, &file_options, case);
            if !problems.is_empty() {
                failures.push(format!("{} / {name}:\n    {}", path.display(), problems.join("\n    ")));
            }
        }
    }
    let missing: Vec<_> = PROVIDERS.iter().filter(|p| !seen.contains(**p)).collect();
    assert!(missing.is_empty(), "no field-check fixture file for {missing:?}");
    assert!(count >= 100, "only {count} field-check cases");
    assert!(failures.is_empty(), "{} of {count} field-check cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// Every string a fixture feeds a rule also holds the invariants the fuzz targets
/// check (stable under normalization, no message repeating digits of the input),
/// for every rule family, not only the one its file is about.
#[test]
fn fixture_inputs_hold_the_fuzz_invariants() {
    let mut failures = Vec::new();
    for (path, file) in files("fields").into_iter().chain(files("field_checks")) {
        for case in file["cases"].as_array().expect("cases") {
            let input = case.get("input").or_else(|| case.get("value")).unwrap_or(&Value::Null);
            if let Some(text) = input.as_str() {
                if let Err(e) = intake::invariants::rules(text) {
                    failures.push(format!("{} / {}: {e}", path.display(), case["name"]));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} fixture inputs break an invariant:\n{}", failures.len(), failures.join("\n"));
}
