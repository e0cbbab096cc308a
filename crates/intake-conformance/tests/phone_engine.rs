//! The phone engine against libphonenumber itself: every case of
//! `fixtures/reference/phone.json` (libphonenumber's verdicts, written by
//! `scripts/phone-reference/generate.py`) through the engine's parse and its
//! validity, region, type and possibility calls, compared field by field. No
//! difference is allowed here; intake's own decisions live a layer up and are
//! checked by `phone_reference.rs`.

use intake::rules::phone::reference::engine_verdict;
use serde_json::Value;

#[test]
fn engine_agrees_with_libphonenumber_on_every_corpus_case() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/reference/phone.json");
    let corpus: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the phone corpus")).unwrap();
    let cases = corpus["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in cases {
        let text = case["input"].as_str().unwrap();
        let region = case["args"]["region"].as_str();
        for (key, read_as) in [("expect", None), ("expect_plus", Some(()))] {
            let Some(want) = case.get(key) else { continue };
            let got = match read_as {
                None => engine_verdict(text, region),
                Some(()) => {
                    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                    engine_verdict(&format!("+{}", &digits[2..]), None)
                }
            };
            compared += 1;
            if &got != want {
                failures.push(format!(
                    "{text:?} in {region:?} ({key}):\n  libphonenumber: {want}\n  intake:         {got}"
                ));
            }
        }
    }
    assert!(compared > 20_000, "only {compared} verdicts compared");
    assert!(
        failures.is_empty(),
        "{} of {compared} verdicts differ:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
