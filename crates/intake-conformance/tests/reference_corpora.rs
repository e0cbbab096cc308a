//! Replays the reference corpora: `fixtures/fields/<rule>.<reference>.json`, each
//! made by a script under `scripts/reference/` from an independent implementation
//! of the rule (python-stdnum, pycountry, email-validator, creditcard-identifier,
//! uk-postcode-utils, Python's `uuid` and `datetime`), with the verdicts that
//! implementation gave.
//!
//! Every case must agree with the reference, or carry a `differs` mark whose `id`
//! is explained in docs/RULES.md and whose `intake` verdict (the documented rule's
//! answer, written by the script, never taken from running intake) is what intake
//! gives. Any other disagreement fails, and so does a stale mark. The format is
//! described in `fixtures/fields/README.md`. The npm parity test replays the same
//! files through the WASM build.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use email_address::{EmailAddress, Options};
use intake::json as api;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The corpora: the field fixtures that name a `reference`.
fn corpora() -> Vec<(String, Value)> {
    let dir = root().join("fixtures/fields");
    let mut out: Vec<(String, Value)> = fs::read_dir(&dir)
        .expect("fixtures/fields")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| {
            let text = fs::read_to_string(&p).expect("a fixture file");
            let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_owned();
            v.get("reference").is_some().then_some((name, v))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Intake's verdict on one output of `json::rule`, in the file's terms.
fn verdict(mode: &str, advisory: &[&str], out: &Value) -> Value {
    if !out["error"].is_null() {
        return match mode {
            "normalized" => Value::Null,
            _ => Value::from("invalid"),
        };
    }
    match mode {
        "brand" => out["normalized"]["brand"].clone(),
        "normalized" => out["normalized"].clone(),
        _ => {
            let warnings: Vec<&str> = out["warnings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|w| w["code"].as_str())
                .filter(|c| !advisory.contains(c))
                .collect();
            Value::from(if warnings.is_empty() { "valid".to_owned() } else { warnings.join("+") })
        }
    }
}

#[test]
fn reference_corpora_agree_or_differ_as_documented() {
    let rules_doc = fs::read_to_string(root().join("docs/RULES.md")).expect("docs/RULES.md");
    let corpora = corpora();
    assert!(corpora.len() >= 9, "only {} reference corpora", corpora.len());
    let mut failures = Vec::new();
    for (name, file) in &corpora {
        let rule = file["rule"].as_str().expect("a corpus names its rule");
        assert!(name.starts_with(&format!("{rule}.")), "{name}: a corpus is named <rule>.<reference>.json");
        let generator = file["generator"].as_str().expect("a corpus names its generator");
        assert!(root().join(generator).is_file(), "{name}: no generator {generator}");
        let mode = file.get("verdict").and_then(Value::as_str).unwrap_or("outcome");
        let advisory: Vec<&str> =
            file.get("advisory").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let cases = file["cases"].as_array().expect("cases");
        let (mut agreed, mut differs) = (0usize, BTreeMap::<String, usize>::new());
        for case in cases {
            let case_name = case["name"].as_str().unwrap_or("?");
            let input = case["input"].to_string();
            let args = case.get("args").map(Value::to_string).unwrap_or_default();
            let out: Value = match api::rule(rule, &input, &args) {
                Ok(text) => serde_json::from_str(&text).expect("rule answers JSON"),
                Err(e) => {
                    failures.push(format!("{name} / {case_name}: the call failed: {e}"));
                    continue;
                }
            };
            // No message repeats what was typed (card data, personal data).
            let typed = case["input"].as_str().map(str::trim).unwrap_or("");
            let messages = out["error"]["message"]
                .as_str()
                .into_iter()
                .chain(out["warnings"].as_array().into_iter().flatten().filter_map(|w| w["message"].as_str()));
            for m in messages.filter(|m| typed.chars().count() > 3 && m.contains(typed)) {
                failures.push(format!("{name} / {case_name}: message {m:?} repeats the input"));
            }
            let got = verdict(mode, &advisory, &out);
            let reference = &case["expect"];
            let want = match case.get("differs") {
                Some(d) => {
                    let id = d["id"].as_str().expect("a difference has an id");
                    if !rules_doc.contains(&format!("`{id}`")) {
                        failures.push(format!("{name} / {case_name}: difference `{id}` is not in docs/RULES.md"));
                    }
                    if &d["intake"] == reference {
                        failures.push(format!("{name} / {case_name}: marked as a difference, but says no difference"));
                    }
                    *differs.entry(id.to_owned()).or_default() += 1;
                    &d["intake"]
                }
                None => {
                    agreed += 1;
                    reference
                }
            };
            if &got != want {
                failures.push(format!(
                    "{name} / {case_name}: intake {got}, expected {want} (reference {reference}): {out}"
                ));
            } else if let Some(n) = case.get("normalized").filter(|_| got != "invalid") {
                if &out["normalized"] != n {
                    failures.push(format!("{name} / {case_name}: normalized {}, reference {n}", out["normalized"]));
                }
            }
        }
        eprintln!(
            "{name}: {} cases, {agreed} agree with the reference, documented differences {differs:?}",
            cases.len()
        );
    }
    assert!(failures.is_empty(), "{} corpus cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// intake's email rule is stricter than the `email_address` crate's RFC 5322
/// addr-spec (with a required top-level domain, no domain literal, no display
/// name): whatever intake accepts, the crate accepts too. Run on every address
/// of the email corpus.
#[test]
fn email_is_no_looser_than_email_address() {
    let options = Options::default().with_required_tld().without_domain_literal().without_display_text();
    let (mut both, mut crate_only, mut neither) = (0, 0, 0);
    let mut failures = Vec::new();
    for (name, file) in corpora().iter().filter(|(_, f)| f["rule"] == "email") {
        for case in file["cases"].as_array().expect("cases") {
            let Some(text) = case["input"].as_str() else { continue };
            let ours = intake::rules::email::parse(text).is_ok();
            let theirs = EmailAddress::parse_with_options(text.trim(), options).is_ok();
            match (ours, theirs) {
                (true, true) => both += 1,
                (false, true) => crate_only += 1,
                (false, false) => neither += 1,
                (true, false) => {
                    failures.push(format!("{name} / {}: intake accepts, email_address refuses", case["name"]))
                }
            }
        }
    }
    eprintln!("email_address: {both} accepted by both, {crate_only} by the crate only, {neither} by neither");
    assert!(both + crate_only + neither > 1000, "too few addresses compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
