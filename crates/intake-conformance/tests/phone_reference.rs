//! The phone rule against libphonenumber: every case of
//! `fixtures/reference/phone.json` (libphonenumber 9.0.33's verdicts, written by
//! `scripts/phone-reference/generate.py`) through `intake::json::rule("phone", …)`,
//! the surface the CLI and the npm package share.
//!
//! intake must give libphonenumber's answer (the E.164 form, region and type of
//! a valid number; for an invalid one the code of libphonenumber's reason),
//! except where docs/RULES.md writes a decision down. Each decision is applied
//! here by name and counted, so a decision that no case exercises fails too:
//! - `00`: a text that begins with `00` is read in its region first, and when
//!   that gives no valid number `00` dials out, as `+` would (libphonenumber
//!   reads `00` only as the region's own international prefix);
//! - E.164: more than 15 digits is `phone.too_long`, though libphonenumber
//!   accepts a few longer numbers (Germany's 14-digit national numbers).

use std::collections::BTreeMap;

use serde_json::Value;

/// What intake should answer, from libphonenumber's verdict.
fn expected(case: &Value, decisions: &mut BTreeMap<&'static str, usize>) -> Value {
    let text = case["input"].as_str().unwrap();
    let mut verdict = &case["expect"];
    if let Some(plus) = case.get("expect_plus") {
        if verdict["valid"] != true {
            if *plus != *verdict {
                *decisions.entry("00 dials out").or_default() += 1;
            }
            verdict = plus;
        }
    }
    let plus_written = text.trim_start().starts_with('+') || case.get("expect_plus").is_some();
    let code = |c: &str| serde_json::json!({"error": c});
    if let Some(error) = verdict["error"].as_str() {
        return match error {
            "invalid_country_code" if plus_written => code("phone.country_code_invalid"),
            "invalid_country_code" => code("phone.country_code_missing"),
            "not_a_number" => code("phone.invalid"),
            "too_short_nsn" | "too_short_after_idd" => code("phone.too_short"),
            "too_long" => code("phone.too_long"),
            other => panic!("unknown parse error {other}"),
        };
    }
    let e164 = verdict["e164"].as_str().unwrap();
    if verdict["valid"] == true {
        if e164.len() - 1 > 15 {
            *decisions.entry("E.164 at most 15 digits").or_default() += 1;
            return code("phone.too_long");
        }
        let region = verdict["region"].as_str().filter(|r| *r != "001");
        return serde_json::json!({"e164": e164, "region": region, "type": verdict["type"]});
    }
    match verdict["possible"].as_str().unwrap() {
        "possible" => code("phone.invalid"),
        "local_only" => code("phone.local_only"),
        "too_short" => code("phone.too_short"),
        "too_long" => code("phone.too_long"),
        "invalid_length" => code("phone.invalid_length"),
        other => panic!("unknown possibility {other}"),
    }
}

/// intake's answer, in the same shape.
fn answer(case: &Value) -> Value {
    let input = case["input"].to_string();
    let args = case.get("args").map(Value::to_string).unwrap_or_default();
    let out: Value = serde_json::from_str(&intake::json::rule("phone", &input, &args).unwrap()).unwrap();
    match out["normalized"].as_object() {
        Some(n) => serde_json::json!({"e164": n["e164"], "region": n["region"], "type": n["type"]}),
        None => serde_json::json!({"error": out["error"]["code"]}),
    }
}

/// A corpus of `fixtures/reference/`, parsed.
fn corpus(name: &str) -> Value {
    let path = format!("{}/../../fixtures/reference/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap()
}

/// Fails with the first differences, if there are any.
fn assert_no_difference(failures: &[String], total: usize) {
    assert!(
        failures.is_empty(),
        "{} of {total} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

#[test]
fn phone_rule_agrees_with_libphonenumber_but_for_written_decisions() {
    let corpus = corpus("phone.json");
    let cases = corpus["cases"].as_array().unwrap();
    let mut decisions = BTreeMap::new();
    let mut failures = Vec::new();
    let mut valid = 0;
    for case in cases {
        let want = expected(case, &mut decisions);
        let got = answer(case);
        valid += usize::from(want.get("e164").is_some());
        if got != want {
            failures.push(format!("{} in {}:\n  expected {want}\n  intake   {got}", case["input"], case["args"]));
        }
    }
    eprintln!("{} cases ({valid} valid); decisions applied: {decisions:?}", cases.len());
    assert!(cases.len() > 20_000 && valid > 8_000, "{} cases, {valid} valid", cases.len());
    for decision in ["00 dials out", "E.164 at most 15 digits"] {
        assert!(decisions.get(decision).is_some_and(|&n| n > 0), "no case exercises the decision {decision:?}");
    }
    assert_no_difference(&failures, cases.len());
}

/// Every valid number's E.164 form, and its national and international forms,
/// read back to itself, and each of its prefixes could still become a valid number.
#[test]
fn valid_numbers_read_back_to_themselves() {
    let corpus = corpus("phone.json");
    let mut checked = 0;
    for case in corpus["cases"].as_array().unwrap() {
        let Ok(first) = intake::rules::phone::parse(case["input"].as_str().unwrap(), case["args"]["region"].as_str())
        else {
            continue;
        };
        let e164 = &first.value.e164;
        let again = intake::rules::phone::parse(e164, None).expect("an E.164 answer parses");
        assert_eq!(again.value, first.value, "{}", case["input"]);
        assert!(again.warnings.is_empty());
        // Written for people, nationally (read in its region) and internationally, it reads back.
        let phone = &first.value;
        let international = phone.format(intake::rules::phone::Style::International);
        assert_eq!(intake::rules::phone::parse(&international, None).unwrap().value.e164, *e164, "{international}");
        if let Some(region) = phone.region {
            let national = phone.format(intake::rules::phone::Style::National);
            let again = intake::rules::phone::parse(&national, Some(region.as_str())).map(|p| p.value.e164);
            // libphonenumber's own quirk: Gabon's 7-digit numbers are written `0` and the number,
            // which reads as a valid 8-digit number (`+241 6039480` → `06 03 94 80` → `+241 06039480`).
            let gabon = region.as_str() == "GA" && again.as_deref() == Ok(&format!("+2410{}", phone.national)[..]);
            assert!(again.as_ref() == Ok(e164) || gabon, "{national} in {}: {again:?}", region.as_str());
        }
        // Typed digit by digit, a valid number is never shown as invalid on the way.
        for end in 1..e164.len() {
            assert!(intake::rules::phone::could_complete(&e164[..end], None), "{} cut at {end}", case["input"]);
        }
        checked += 1;
    }
    assert!(checked > 8_000, "{checked}");
}

/// Every valid number of the corpus is written as libphonenumber writes it,
/// nationally and internationally (`fixtures/reference/phone_format.json`).
#[test]
fn phone_format_agrees_with_libphonenumber() {
    let corpus = corpus("phone_format.json");
    let cases = corpus["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    let mut longer_than_e164 = 0;
    for case in cases {
        let out = intake::json::rule("phone_format", &case["input"].to_string(), "").unwrap();
        let out: Value = serde_json::from_str(&out).unwrap();
        // The decision "E.164 has at most 15 digits": intake refuses these.
        if case["input"].as_str().unwrap().len() > 16 {
            longer_than_e164 += 1;
            if out["error"]["code"] != "phone.too_long" {
                failures.push(format!("{}: more than 15 digits, intake {}", case["input"], out));
            }
            continue;
        }
        if out["normalized"] != case["expect"] {
            failures.push(format!("{}: expected {}, intake {}", case["input"], case["expect"], out["normalized"]));
        }
    }
    assert!(cases.len() > 2_000, "{} cases", cases.len());
    assert!(longer_than_e164 > 0, "no case exercises the 15-digit decision");
    assert_no_difference(&failures, cases.len());
}

/// libphonenumber's `AsYouTypeFormatter`, after every character of every
/// sequence of `fixtures/reference/phone_as_you_type.json`, through
/// `intake::json::rule("phone_as_you_type", …)`: the decisions of docs/RULES.md
/// (characters it does not take) are counted by name.
#[test]
fn phone_as_you_type_agrees_with_libphonenumber() {
    let corpus = corpus("phone_as_you_type.json");
    let cases = corpus["cases"].as_array().unwrap();
    let (mut characters, mut failures) = (0, Vec::new());
    for case in cases {
        let args = case.get("args").map(Value::to_string).unwrap_or_default();
        let out = intake::json::rule("phone_as_you_type", &case["input"].to_string(), &args).unwrap();
        let out: Value = serde_json::from_str(&out).unwrap();
        let (want, got) = (case["expect"].as_array().unwrap(), out["normalized"].as_array().unwrap());
        characters += want.len();
        if let Some(at) = (0..want.len()).find(|&i| want.get(i) != got.get(i)) {
            failures.push(format!(
                "{} in {}: after {} characters expected {}, intake {}",
                case["input"],
                case["args"],
                at + 1,
                want[at],
                got.get(at).unwrap_or(&Value::Null)
            ));
        }
    }
    eprintln!("{} sequences, {characters} characters", cases.len());
    assert!(cases.len() > 3_000, "{} sequences", cases.len());
    assert_no_difference(&failures, cases.len());
}
