//! Runs every profile and batch fixture (`fixtures/profiles/*.json`,
//! `fixtures/batches/*.json`) through the library, and checks the properties that
//! hold for every record: `valid` exactly when `errors` is empty, normalizing a
//! normalized payload changes nothing and warns of nothing, error paths point
//! into the input, and no message repeats an input value.

use std::fs;
use std::path::{Path, PathBuf};

use intake::{json as api, Code, Flow, Options, Provider};
use serde_json::{json, Map, Value};

mod support {
    pub mod raw_records;
}
use support::raw_records::raw_records;

/// A fixture file: its path, its parsed value, and its records' exact texts.
type Fixture = (PathBuf, Value, (Vec<Option<String>>, Option<String>));

fn fixtures(dir: &str) -> Vec<Fixture> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(dir);
    let mut files: Vec<_> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", root.display());
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, v, raw_records(&text))
        })
        .collect()
}

/// Profile options merged with a case's own (the case wins).
fn merged_options(file: &Value, case: &Value) -> String {
    let mut o: Map<String, Value> = file.get("options").and_then(Value::as_object).cloned().unwrap_or_default();
    if let Some(c) = case.get("options").and_then(Value::as_object) {
        o.extend(c.clone());
    }
    Value::Object(o).to_string()
}

fn pairs(list: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| (d["path"].as_str().unwrap_or("?").to_owned(), d["code"].as_str().unwrap_or("?").to_owned()))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Compares an outcome (as JSON) with a case's expectations; returns the mismatches.
fn compare(expected: &Value, got: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if expected["valid"] != got["valid"] {
        out.push(format!("valid: expected {} got {}", expected["valid"], got["valid"]));
    }
    let status = |v: &Value| v.get("status").cloned().unwrap_or(Value::Null);
    if status(expected) != status(got) {
        out.push(format!("status: expected {} got {}", status(expected), status(got)));
    }
    for key in ["errors", "warnings"] {
        let (e, g) = (pairs(&expected[key]), pairs(&got[key]));
        if e != g {
            out.push(format!("{key}: expected {e:?} got {g:?}"));
        }
    }
    if let Some(n) = expected.get("normalized") {
        if got.get("normalized") != Some(n) {
            out.push(format!("normalized: expected {n} got {}", got.get("normalized").unwrap_or(&Value::Null)));
        }
    }
    out
}

/// Properties every outcome has, whatever the record.
fn properties(record: Option<&Value>, outcome: &Value, options: &str, provider: &str) -> Vec<String> {
    let mut out = Vec::new();
    let errors = outcome["errors"].as_array().map_or(0, Vec::len);
    if outcome["valid"].as_bool() != Some(errors == 0) {
        out.push("valid is not exactly 'no errors'".to_owned());
    }
    if outcome["valid"] == json!(true) && (outcome.get("normalized").is_none() || outcome.get("status").is_some()) {
        out.push("a valid outcome needs normalized and no status".to_owned());
    }
    if outcome["valid"] == json!(false) && (outcome.get("normalized").is_some() || outcome.get("status").is_none()) {
        out.push("an invalid outcome needs a status and no normalized".to_owned());
    }
    if let Some(record) = record {
        for d in outcome["errors"].as_array().into_iter().chain(outcome["warnings"].as_array()).flatten() {
            let path = d["path"].as_str().unwrap_or("");
            if !intake::invariants::points_into(record, path) {
                out.push(format!("path {path} does not point into the input"));
            }
            let message = d["message"].as_str().unwrap_or("");
            for value in leaves(record) {
                // Words of the contract itself ("card", "boolean") may appear in a
                // message; what the caller typed (names, emails, numbers) may not.
                let vocabulary =
                    ["card", "number", "boolean", "email", "phone", "date", "text", "url", "individual", "business"];
                if value.chars().count() > 3
                    && !vocabulary.contains(&value.as_str())
                    && message.contains(value.as_str())
                {
                    out.push(format!("message of {path} repeats an input value"));
                }
            }
        }
    }
    // Idempotence: the normalized payload is valid and unchanged, and raises no
    // change warning; advisory warnings (a bad VAT check digit) recur, the same ones.
    if let Some(normalized) = outcome.get("normalized") {
        let again: Value =
            serde_json::from_str(&api::validate(provider, &normalized.to_string(), options).unwrap()).unwrap();
        // Codes only: normalization may restructure (a bare string becomes {"value"}).
        let codes = |list: &Value| -> Vec<String> { pairs(list).into_iter().map(|(_, c)| c).collect() };
        let advisory: Vec<String> =
            codes(&outcome["warnings"]).into_iter().filter(|c| !c.parse::<Code>().is_ok_and(Code::is_change)).collect();
        if again["valid"] != json!(true)
            || codes(&again["warnings"]) != advisory
            || again.get("normalized") != Some(normalized)
        {
            out.push(format!("not idempotent: normalizing the payload again gave {again}"));
        }
    }
    out
}

fn leaves(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.trim().to_owned()],
        Value::Array(a) => a.iter().flat_map(leaves).collect(),
        Value::Object(m) => m.values().flat_map(leaves).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn profile_fixtures() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (path, file, (raw, _)) in fixtures("profiles") {
        let provider = file["provider"].as_str().expect("provider");
        for (i, case) in file["cases"].as_array().expect("cases").iter().enumerate() {
            count += 1;
            let name = case["name"].as_str().unwrap_or("?");
            let options = merged_options(&file, case);
            let (record, text) = match case.get("raw") {
                Some(raw) => (None, raw.as_str().expect("raw is a string").to_owned()),
                None => (Some(&case["record"]), raw[i].clone().unwrap_or_else(|| case["record"].to_string())),
            };
            let got: Value = serde_json::from_str(&api::validate(provider, &text, &options).unwrap()).unwrap();
            let mut problems = compare(case, &got);
            problems.extend(properties(record, &got, &options, provider));
            if !problems.is_empty() {
                failures.push(format!("{} / {name}:\n    {}", path.display(), problems.join("\n    ")));
            }
        }
    }
    assert!(count > 0);
    assert!(failures.is_empty(), "{} of {count} profile cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn batch_fixtures() {
    let mut failures = Vec::new();
    for (path, file, (_, records)) in fixtures("batches") {
        let provider = file["provider"].as_str().expect("provider");
        let options = merged_options(&file, &Value::Null);
        let records = records.expect("records");
        let got: Value = serde_json::from_str(&api::validate_batch(provider, &records, &options).unwrap()).unwrap();
        let expected = file["expect"].as_array().expect("expect");
        let got = got.as_array().expect("array");
        assert_eq!(expected.len(), got.len(), "{}: one outcome per record", path.display());
        for (i, (e, g)) in expected.iter().zip(got).enumerate() {
            let problems = compare(e, g);
            if !problems.is_empty() {
                failures.push(format!("{} / record {i}:\n    {}", path.display(), problems.join("\n    ")));
            }
        }
    }
    assert!(failures.is_empty(), "batch cases failed:\n{}", failures.join("\n"));
}

/// The typed API and the untyped one agree, and card data never shows in `Debug`.
#[test]
fn typed_payload_matches_outcome() {
    let record = json!({"payment_source": {"type": "card", "gateway_id": "5f0c1b2a3d4e5f60718293a4",
        "card_name": "Ada Lovelace", "card_number": "4111111111111111", "expire_month": "1", "expire_year": "2031",
        "card_ccv": "737"}});
    let options = Options::new("2026-11-22".parse().unwrap()).with_flow(Flow::Card);
    let checked = intake::profiles::paydock::check(&record, &options);
    let debug = format!("{checked:?}");
    assert!(!debug.contains("4111111111111111") && !debug.contains("737"), "card data in Debug: {debug}");
    assert_eq!(checked.to_json(), intake::validate(Provider::Paydock, &record, &options).to_json());
    let typed = checked.map(|c| c.into_inner());
    let direct = intake::validate(Provider::Paydock, &record, &options);
    let direct = direct.map(|p| p.to_value());
    assert_eq!(direct.normalized.as_ref().unwrap()["payment_source"]["card_number"], "4111111111111111");
    assert_eq!(serde_json::to_value(typed.normalized.unwrap()).unwrap(), direct.normalized.unwrap());
}

/// Every code is documented in docs/CODES.md, and the doc lists no code that does not exist.
#[test]
fn codes_are_documented() {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/CODES.md")).unwrap();
    for code in Code::ALL {
        assert!(doc.contains(&format!("`{}`", code.as_str())), "{code} is not in docs/CODES.md");
    }
    let listed = doc.lines().filter(|l| l.starts_with("| `")).count();
    assert_eq!(listed, Code::ALL.len(), "docs/CODES.md lists {listed} codes, the code has {}", Code::ALL.len());
}
