//! Card numbers and CVVs never appear in a message, a `Debug` or a `Display`
//! output: this test feeds card data, valid and broken, through every path of the
//! core that can print, and looks for the digits.

use intake::field::{check_field, FieldOptions};
use intake::{json as api, Flow, Options, Provider};
use serde_json::{json, Value};

const NUMBERS: &[&str] = &["4111111111111111", "4111111111111112", "378282246310005", "411111111111111199999"];
const CVVS: &[&str] = &["7373", "737", "73x"];

fn records() -> Vec<Value> {
    let mut out = Vec::new();
    for number in NUMBERS {
        for cvv in CVVS {
            for (month, year) in [("01", "2031"), ("10", "2026"), ("13", "1999")] {
                out.push(json!({"first_name": "Ada", "payment_source": {"type": "card",
                    "gateway_id": "5f0c1b2a3d4e5f60718293a4", "card_name": "Ada Lovelace",
                    "card_number": number, "expire_month": month, "expire_year": year, "card_ccv": cvv}}));
            }
        }
    }
    out
}

fn assert_clean(what: &str, text: &str) {
    for secret in NUMBERS.iter().chain(CVVS) {
        // Compare on digits only, so "4111 1111 ..." spacing would be caught too.
        let digits: String = secret.chars().filter(char::is_ascii_digit).collect();
        let shown: String = text.chars().filter(char::is_ascii_digit).collect();
        assert!(!shown.contains(&digits), "{what} shows card data: {text}");
    }
}

#[test]
fn no_card_data_in_messages_debug_or_display() {
    let options = Options::new("2026-11-22".parse().unwrap()).with_flow(Flow::Card);
    let mut valid = 0;
    for record in records() {
        let outcome = intake::validate(Provider::Paydock, &record, &options);
        valid += usize::from(outcome.valid);
        assert_clean("Outcome Debug", &format!("{outcome:?} {outcome:#?}"));
        for d in outcome.errors.iter().chain(&outcome.warnings) {
            assert_clean("a diagnostic", &format!("{d:?} {} {}", d.message, d.path));
        }
        let checked = intake::profiles::paydock::check(&record, &options);
        assert_clean("typed Outcome Debug", &format!("{checked:?}"));
        if let Some(source) = checked.normalized.and_then(|c| c.into_inner().payment_source) {
            if let Some(n) = &source.card_number {
                assert_clean("CardNumber Display", &format!("{n} {n:?}"));
            }
            if let Some(c) = &source.card_ccv {
                assert_clean("Cvv Display", &format!("{c} {c:?}"));
            }
        }
        // The JSON surface prints the payload (it is what gets sent), but no message may hold card data.
        let out: Value = serde_json::from_str(
            &api::validate("paydock", &record.to_string(), r#"{"today":"2026-11-22","flow":1}"#).unwrap(),
        )
        .unwrap();
        for list in ["errors", "warnings"] {
            assert_clean("a JSON message", &out[list].to_string());
        }
    }
    assert!(valid > 0, "some records must be valid, or the payload path is not exercised");
}

#[test]
fn no_card_data_in_rule_faults_or_field_checks() {
    let today = "2026-11-22".parse().unwrap();
    for input in NUMBERS.iter().chain(CVVS) {
        for f in [intake::rules::card::number(input).err(), intake::rules::card::cvv(input, None).err()]
            .into_iter()
            .flatten()
        {
            assert_clean("a Fault", &format!("{f} {f:?}"));
        }
        for pointer in ["/payment_source/card_number", "/payment_source/card_ccv"] {
            for partial in [false, true] {
                let check = check_field(
                    Provider::Paydock,
                    pointer,
                    &json!(input),
                    &FieldOptions { partial, today, region: None, record: None },
                )
                .unwrap();
                assert_clean("a field check's error", &format!("{:?}", check.error));
            }
        }
    }
}
