//! End-to-end tests of the `intake` binary.
//!
//! The example files under `examples/` are checked against committed expected
//! output in `tests/expected/` (`<name>.ndjson` and `<name>.pretty.txt`). After a
//! deliberate change, regenerate them and review the diff:
//!
//! ```sh
//! UPDATE_EXPECTED=1 cargo test -p intake-cli --test cli examples
//! ```

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{json, Value};

const TODAY: &str = "2026-11-22";

fn intake() -> Command {
    Command::new(env!("CARGO_BIN_EXE_intake"))
}

/// `intake check --provider <p> --today 2026-11-22`.
fn check(provider: &str) -> Command {
    let mut cmd = intake();
    cmd.args(["check", "--provider", provider, "--today", TODAY]);
    cmd
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

/// Writes `contents` to a file named `name` in this test run's scratch directory.
fn scratch(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("intake-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// The NDJSON lines of `stdout`, parsed.
fn lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn run(cmd: &mut Command) -> (i32, Vec<Value>, String) {
    let out = cmd.output().unwrap();
    (out.status.code().unwrap_or(-1), lines(&out.stdout), String::from_utf8(out.stderr).unwrap())
}

fn codes(line: &Value, list: &str) -> Vec<String> {
    line[list].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_owned()).collect()
}

/// A valid Juicyway record with a unique email.
fn juicyway(i: usize) -> Value {
    json!({
        "first_name": "Adaeze", "last_name": "Okafor", "email": format!("customer{i}@example.com"),
        "phone": "+2348031234567", "type": "individual",
        "billing_address": {"line1": "12 Admiralty Way", "city": "Lekki", "state": "Lagos", "zip_code": "106104", "country": "NG"}
    })
}

fn ndjson(records: impl IntoIterator<Item = Value>) -> String {
    records.into_iter().map(|r| format!("{r}\n")).collect()
}

const VALID_ATOA: &str = r#"{"fullName":"Ada Lovelace","email":"ada@example.com"}"#;

// ---- input formats -------------------------------------------------------

#[test]
fn one_json_object() {
    let path = scratch(
        "one.json",
        "{\n  \"fullName\": \"John  Doe\",\n  \"postcode\": \"sw1a1aa\", \"email\": \"j@example.com\"\n}\n",
    );
    let (code, out, _) = run(check("atoa").arg(&path));
    assert_eq!(code, 0);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["record"], 0);
    assert_eq!(out[0]["normalized"]["fullName"], "John Doe");
    assert_eq!(out[0]["normalized"]["postcode"], "SW1A 1AA");
}

#[test]
fn json_array_streamed_in_order() {
    let records: Vec<Value> = (0..5).map(juicyway).collect();
    let path = scratch("array.json", serde_json::to_string_pretty(&records).unwrap());
    let (code, out, _) = run(check("juicyway").arg(&path));
    assert_eq!(code, 0);
    let emails: Vec<_> = out.iter().map(|l| l["normalized"]["email"].as_str().unwrap().to_owned()).collect();
    assert_eq!(emails, (0..5).map(|i| format!("customer{i}@example.com")).collect::<Vec<_>>());
}

#[test]
fn json_array_with_a_broken_element_goes_on() {
    let text = format!("[{VALID_ATOA},\n {{\"fullName\": \"Bob\" \"email\": 1}},\n {VALID_ATOA}]");
    let (code, out, _) = run(check("atoa").arg(scratch("broken-array.json", text)));
    assert_eq!(code, 1);
    assert_eq!(out.len(), 3);
    assert_eq!(codes(&out[1], "errors"), ["record.malformed"]);
    assert_eq!(out[1]["errors"][0]["message"], "is not valid JSON (syntax error at line 2, column 21)");
    assert_eq!((out[0]["valid"].clone(), out[2]["valid"].clone()), (json!(true), json!(true)));
}

#[test]
fn truncated_json_array_is_reported() {
    let text = format!("[{VALID_ATOA}, {VALID_ATOA}");
    let (code, out, _) = run(check("atoa").arg(scratch("truncated.json", text)));
    assert_eq!(code, 1);
    assert_eq!(out.len(), 3, "two records, then the missing `]`");
    assert!(out[1]["valid"].as_bool().unwrap());
    assert!(out[2]["errors"][0]["message"].as_str().unwrap().contains("before the JSON array is closed"));
}

#[test]
fn ndjson_with_a_broken_line_and_blank_lines() {
    let text = format!("{VALID_ATOA}\n\n{{\"fullName\": \"Ada\", \n   \r\n{VALID_ATOA}\r\n");
    let (code, out, _) = run(check("atoa").arg(scratch("broken.ndjson", text)));
    assert_eq!(code, 1);
    assert_eq!(out.len(), 3, "blank lines are not records");
    assert_eq!(out[1]["record"], 1);
    assert_eq!(out[1]["status"], 400);
    assert_eq!(out[1]["errors"][0]["path"], "");
    assert_eq!(out[1]["errors"][0]["code"], "record.malformed");
    let message = out[1]["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("line 3"), "{message}");
    assert!(!message.contains("Ada"), "the message never quotes the line");
    assert_eq!(out[2]["valid"], true);
}

#[test]
fn csv_with_dotted_and_indexed_headers() {
    let text = "ref,addresses.0.value,addresses.1.value,metadata.plan\n\
                cust-1,ada@example.com,+1 415 555 2671,gold\n\
                cust-2,,grace@example.com,\n";
    let (code, out, _) = run(check("authvia").arg(scratch("addresses.csv", text)));
    assert_eq!(code, 0);
    assert_eq!(
        out[0]["normalized"],
        json!({"ref": "cust-1", "addresses": [{"value": "ada@example.com"}, {"value": "+14155552671"}], "metadata": {"plan": "gold"}})
    );
    // An empty cell is absent; present items close up.
    assert_eq!(out[1]["normalized"]["addresses"], json!([{"value": "grace@example.com"}]));
}

#[test]
fn csv_nested_objects_and_boolean_columns() {
    let text = "first_name,last_name,email,phone,type,billing_address.line1,billing_address.city,billing_address.state,billing_address.zip_code,billing_address.country\n\
                Ada,Okafor,ada@example.com,0803 123 4567,individual,12 Admiralty Way,Lekki,Lagos,106104,NG\n";
    let (code, out, _) = run(check("juicyway").arg(scratch("nested.csv", text)));
    assert_eq!(code, 0);
    assert_eq!(out[0]["normalized"]["billing_address"]["country"], "NG");
    assert_eq!(out[0]["normalized"]["phone"], "+2348031234567");

    let text = "company,allow_invoice_credit_card_payments\nAcme,TRUE\nGlobex,yes\n";
    let (_, out, _) = run(check("stax").arg(scratch("booleans.csv", text)));
    assert_eq!(out[0]["normalized"]["allow_invoice_credit_card_payments"], true);
    assert_eq!(codes(&out[1], "errors"), ["field.type"], "a boolean column's other text stays a string");
}

#[test]
fn csv_broken_row_is_its_own_record() {
    let text =
        "\u{feff}fullName,email\nAda Lovelace,ada@example.com\nOnly One Cell\n\"Grace Hopper\",grace@example.com\n";
    let (code, out, _) = run(check("atoa").arg(scratch("broken.csv", text)));
    assert_eq!(code, 1);
    assert_eq!(out.len(), 3);
    assert_eq!(out[1]["errors"][0]["code"], "record.malformed");
    assert_eq!(out[1]["errors"][0]["message"], "row 3 has 1 cell; the header has 2");
    assert_eq!(out[2]["normalized"]["fullName"], "Grace Hopper");
}

#[test]
fn csv_header_that_cannot_be_used_is_exit_2() {
    intake()
        .args(["check", "--provider", "atoa", "--input-format", "csv", "-"])
        .write_stdin("fullName,fullName\nA,B\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("which an earlier column already fills"));
}

#[test]
fn an_oversized_record_is_reported_and_reading_goes_on() {
    let big = format!("{{\"fullName\": \"{}\"}}", "x".repeat(1 << 20));
    let text = format!("{big}\n{VALID_ATOA}\n");
    let (code, out, _) = run(check("atoa").arg(scratch("big.ndjson", text)));
    assert_eq!(code, 1);
    assert_eq!(codes(&out[0], "errors"), ["limit.size"]);
    assert_eq!(out[1]["valid"], true);
}

/// An empty input used to pass with "0 records" and status 0: nothing was checked,
/// so it is now a clear message and status 2, in every format.
#[test]
fn empty_input_is_exit_2() {
    for (format, text) in [("auto", ""), ("csv", "\n\n"), ("ndjson", "  \n"), ("json", "")] {
        check("atoa")
            .args(["--input-format", format, "-"])
            .write_stdin(text)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("is empty: there are no records to check"));
    }
    check("atoa")
        .arg(scratch("empty-array.json", "[]"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the input holds no records"));
    check("atoa")
        .arg(scratch("header-only.csv", "fullName,email\r\n"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the input holds no records"));
}

// ---- format detection and stdin ------------------------------------------

#[test]
fn extension_decides_the_format() {
    let two = format!("{VALID_ATOA}\n{VALID_ATOA}\n");
    let (_, out, _) = run(check("atoa").arg(scratch("two.jsonl", &two)));
    assert_eq!(out.len(), 2, ".jsonl is NDJSON");
    // The same text named .json is one JSON value, and not a valid one.
    let (code, out, _) = run(check("atoa").arg(scratch("two.json", &two)));
    assert_eq!((code, out.len()), (1, 1));
    assert_eq!(out[0]["errors"][0]["code"], "record.malformed");
    let (_, out, _) = run(check("atoa").arg(scratch("people.CSV", "fullName,email\nAda Lovelace,ada@example.com\n")));
    assert_eq!(out[0]["valid"], true);
}

#[test]
fn content_decides_the_format_without_an_extension() {
    let cases = [
        (format!("  [{VALID_ATOA}, {VALID_ATOA}]"), 2),
        ("{\n \"fullName\": \"Ada Lovelace\",\n \"email\": \"ada@example.com\"\n}\n".to_owned(), 1),
        (format!("{VALID_ATOA}\n{VALID_ATOA}\n{VALID_ATOA}\n"), 3),
        ("fullName,email\nAda Lovelace,ada@example.com\nGrace Hopper,grace@example.com\n".to_owned(), 2),
    ];
    for (i, (text, records)) in cases.into_iter().enumerate() {
        let (code, out, _) = run(check("atoa").arg(scratch(&format!("noext-{i}"), &text)));
        assert_eq!((code, out.len()), (0, records), "{text}");
        let (code, out, _) = run(check("atoa").write_stdin(text.clone()));
        assert_eq!((code, out.len()), (0, records), "stdin, no FILE: {text}");
    }
}

#[test]
fn input_format_overrides_detection() {
    let text = "{\"fullName\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}";
    let (_, out, _) = run(check("atoa").args(["--input-format", "ndjson", "-"]).write_stdin(text));
    assert_eq!(out[0]["valid"], true);
    let (_, out, _) = run(check("atoa").args(["--input-format", "csv", "-"]).write_stdin(text));
    assert!(out.is_empty(), "read as a CSV header row with no rows");
}

// ---- output ---------------------------------------------------------------

#[test]
fn ndjson_line_is_the_record_number_then_the_library_outcome() {
    let record = json!({"fullName": "J", "email": "j@gmial.com", "extra": 1});
    let out = check("atoa").arg("-").write_stdin(record.to_string()).output().unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    let options = intake::Options::new(TODAY.parse().unwrap());
    let outcome = intake::validate(intake::Provider::Atoa, &record, &options).to_json();
    assert_eq!(line, format!("{{\"record\":0,{}\n", &outcome[1..]));
}

#[test]
fn pretty_output_reports_each_record() {
    check("juicyway")
        .args(["--output", "pretty"])
        .arg(repo("examples/juicyway.ndjson"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("record 0 (line 1): VALID\n"))
        .stdout(predicate::str::contains(
            "record 5 (line 7): INVALID (409)\n  error    /email  batch.email_duplicate  ",
        ))
        .stdout(predicate::str::contains("\"normalized\"").not());
}

#[test]
fn pretty_output_never_prints_card_data() {
    let record = json!({
        "first_name": "Ada",
        "4111111111111111": "a card number as a key",
        "payment_source": {"type": "card", "gateway_id": "5f0c1b2a3d4e5f60718293a4", "card_name": "Ada Lovelace",
                           "card_number": "5555555555554444", "expire_month": "12", "expire_year": "2031", "card_ccv": "987"}
    });
    let text = format!("{record}\n");
    let assert = check("paydock").args(["--output", "pretty", "-"]).write_stdin(text).assert().code(0);
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("field.unknown"), "{stdout}");
    for secret in ["4111", "5555555555554444", "4444", "987"] {
        assert!(!stdout.contains(secret), "{secret} in {stdout}");
    }
    let assert = check("paydock").args(["--output", "pretty"]).arg(repo("examples/paydock.json")).assert();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(!stdout.chars().collect::<Vec<_>>().windows(12).any(|w| w.iter().all(char::is_ascii_digit)), "{stdout}");
}

#[test]
fn summary_goes_to_stderr() {
    let (code, out, stderr) = run(check("stax").arg(repo("examples/stax.json")));
    assert_eq!((code, out.len()), (1, 9));
    assert!(stderr.starts_with("intake: 9 records: 4 valid, 5 invalid; 6 warnings\n"), "{stderr}");
    assert!(stderr.contains("intake: top errors: "), "{stderr}");
    assert!(stderr.contains(" records/s"), "{stderr}");
}

#[test]
fn providers_prints_the_catalog() {
    let out = intake().arg("providers").output().unwrap();
    assert!(out.status.success());
    let catalog: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<_> = catalog.as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["atoa", "paydock", "authvia", "stax", "juicyway"]);
    assert_eq!(catalog[0]["fields"][0]["path"], "/fullName");
}

#[test]
fn schema_prints_a_profiles_json_schema() {
    for id in ["atoa", "paydock", "authvia", "stax", "juicyway"] {
        let out = intake().args(["schema", "--provider", id]).output().unwrap();
        assert!(out.status.success(), "{id}");
        let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{id}");
        assert_eq!(schema["type"], "object", "{id}");
        // The very schema the library generates (and the npm package's `jsonSchema`).
        let library: Value = serde_json::from_str(&intake::json::json_schema(id).unwrap()).unwrap();
        assert_eq!(schema, library, "{id}");
        // Every top-level field of the catalog is a property.
        let catalog = intake::catalog::profile(id.parse().unwrap());
        for f in catalog.fields.iter().filter(|f| f.path.matches('/').count() == 1) {
            assert!(schema["properties"][&f.path[1..]].is_object(), "{id}: {} missing", f.path);
        }
    }
    let atoa: Value =
        serde_json::from_slice(&intake().args(["schema", "--provider", "atoa"]).output().unwrap().stdout).unwrap();
    assert_eq!(atoa["required"], json!(["fullName"]));
    assert_eq!(atoa["properties"]["city"]["type"], json!(["string", "null"]));
}

#[test]
fn schema_needs_a_known_provider() {
    intake()
        .args(["schema", "--provider", "nope"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--provider"));
    intake().arg("schema").assert().code(2).stderr(predicate::str::contains("--provider"));
}

// ---- exit status ------------------------------------------------------------

#[test]
fn exit_0_when_every_record_is_valid() {
    check("atoa").arg("-").write_stdin(format!("{VALID_ATOA}\n{VALID_ATOA}")).assert().code(0);
}

#[test]
fn exit_1_when_any_record_is_invalid() {
    check("atoa").arg("-").write_stdin(format!("{VALID_ATOA}\n{{}}")).assert().code(1);
}

#[test]
fn exit_2_for_usage_errors() {
    let cases: &[&[&str]] = &[
        &["check"],
        &["check", "--provider", "acme"],
        &["check", "--provider", "atoa", "--today", "2026-02-30"],
        &["check", "--provider", "paydock", "--flow", "5"],
        &["check", "--provider", "atoa", "--flow", "1"],
        &["check", "--provider", "atoa", "--output", "xml"],
        &["check", "--provider", "atoa", "--jobs", "0"],
        &["check", "--provider", "atoa", "--jobs", "257"],
        &["frobnicate"],
    ];
    for args in cases {
        intake().args(*args).write_stdin("").assert().code(2).stdout("").stderr(predicate::str::is_empty().not());
    }
    intake()
        .args(["check", "--provider", "acme"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected one of: atoa, paydock, authvia, stax, juicyway"));
}

#[test]
fn exit_2_for_an_input_that_cannot_be_opened() {
    check("atoa")
        .arg("/nonexistent/customers.csv")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("cannot open /nonexistent/customers.csv"));
    check("atoa").arg(env!("CARGO_MANIFEST_DIR")).assert().code(2).stderr(predicate::str::contains("cannot read"));
}

#[test]
fn flow_is_forced_for_paydock() {
    let record = json!({"token": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"});
    let (_, out, _) = run(check("paydock").args(["--flow", "2", "-"]).write_stdin(record.to_string()));
    assert_eq!(out[0]["valid"], true);
    let (code, out, _) = run(check("paydock").args(["--flow", "1", "-"]).write_stdin(record.to_string()));
    assert_eq!(code, 1);
    assert!(codes(&out[0], "errors").contains(&"flow.mixed".to_owned()), "{}", out[0]);
}

#[test]
fn today_decides_card_expiry() {
    let record = json!({"payment_source": {"type": "card", "gateway_id": "5f0c1b2a3d4e5f60718293a4", "card_name": "Ada",
        "card_number": "4111111111111111", "expire_month": "11", "expire_year": "2026"}});
    let run_on = |today: &str| {
        let mut cmd = intake();
        cmd.args(["check", "--provider", "paydock", "--today", today, "-"]).write_stdin(record.to_string());
        cmd.output().unwrap().status.code()
    };
    assert_eq!(run_on("2026-11-30"), Some(0), "good through the last day of its month");
    assert_eq!(run_on("2026-12-01"), Some(1));
}

// ---- parallel chunks ------------------------------------------------------------

#[test]
fn order_and_batch_rules_hold_across_parallel_chunks() {
    let records = (0..2000).map(|i| {
        let reference = if i == 1500 { "ref-0".to_owned() } else { format!("ref-{i}") };
        json!({"ref": reference, "addresses": [format!("+1415555{:04}", i % 10_000)]})
    });
    let path = scratch("authvia-2000.ndjson", ndjson(records));
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "4"] {
        let out = check("authvia").args(["--jobs", jobs]).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let parsed = lines(&out.stdout);
        assert_eq!(parsed.len(), 2000);
        for (i, line) in parsed.iter().enumerate() {
            assert_eq!(line["record"], i);
            assert_eq!(line["valid"], i != 1500, "record {i}");
        }
        assert_eq!(codes(&parsed[1500], "errors"), ["batch.ref_duplicate"]);
        assert_eq!(parsed[1500]["status"], 409);
        outputs.push(out.stdout);
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]), "the output does not depend on --jobs");
}

#[test]
fn the_same_records_as_ndjson_json_array_and_csv_give_the_same_output() {
    let mut records: Vec<Value> = (0..1500).map(juicyway).collect();
    records[7]["phone"] = json!("08031234567"); // national: a warning
    records[900]["email"] = json!("customer3@example.com"); // repeated: 409
    records[1400]["billing_address"]["country"] = json!("Nigeria"); // invalid
    let header = "first_name,last_name,email,phone,type,billing_address.line1,billing_address.city,\
                  billing_address.state,billing_address.zip_code,billing_address.country\n";
    let csv: String = std::iter::once(header.to_owned())
        .chain(records.iter().map(|r| {
            let a = &r["billing_address"];
            [&r["first_name"], &r["last_name"], &r["email"], &r["phone"], &r["type"]]
                .into_iter()
                .chain(["line1", "city", "state", "zip_code", "country"].map(|k| &a[k]))
                .map(|v| v.as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
                .join(",")
                + "\n"
        }))
        .collect();
    let inputs = [
        scratch("same.ndjson", ndjson(records.clone())),
        scratch("same.json", serde_json::to_string(&records).unwrap()),
        scratch("same.csv", csv),
    ];
    let outputs: Vec<Vec<u8>> = inputs
        .iter()
        .map(|path| {
            let out = check("juicyway").args(["--jobs", "2"]).arg(path).output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{}", path.display());
            out.stdout
        })
        .collect();
    let first = lines(&outputs[0]);
    assert_eq!(first.len(), 1500);
    assert_eq!(codes(&first[7], "warnings"), ["phone.national"]);
    assert_eq!(first[900]["status"], 409);
    assert_eq!(first[1400]["valid"], false);
    // The repeated email's message names the earlier record as each input places it:
    // its line, its record number, its spreadsheet row. Otherwise the outputs are equal.
    let placed = ["repeats the email of line 4;", "repeats the email of record 3;", "repeats the email of row 5;"];
    let same: Vec<String> = outputs
        .iter()
        .zip(placed)
        .map(|(out, place)| {
            let text = String::from_utf8(out.clone()).unwrap();
            assert!(text.lines().nth(900).unwrap().contains(place), "{place}");
            text.replace(place, "repeats the email of (place);")
        })
        .collect();
    assert_eq!(same[0], same[1], "NDJSON and JSON array differ");
    assert_eq!(same[0], same[2], "NDJSON and CSV differ");
}

#[test]
fn juicyway_repeated_email_across_chunks_is_409() {
    let mut records: Vec<Value> = (0..1200).map(juicyway).collect();
    records[1100]["email"] = json!("CUSTOMER3@example.com");
    let records: Vec<Value> = records;
    let path = scratch("juicyway-array.json", serde_json::to_string(&records).unwrap());
    let (code, out, stderr) = run(check("juicyway").arg(&path));
    assert_eq!((code, out.len()), (1, 1200));
    assert_eq!(out[1100]["status"], 409);
    assert!(out[1100].get("normalized").is_none());
    assert!(stderr.starts_with("intake: 1200 records: 1199 valid, 1 invalid"), "{stderr}");
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let path = scratch("long.ndjson", ndjson((0..20_000).map(juicyway)));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["check", "--provider", "juicyway", "--today", TODAY])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with("{\"record\":0,"));
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "no panic, no summary");
}

// ---- the example files ----------------------------------------------------------

/// Each example file, its provider, and its records: valid and invalid mixed.
const EXAMPLES: &[(&str, &str)] = &[
    ("atoa.csv", "atoa"),
    ("juicyway.ndjson", "juicyway"),
    ("stax.json", "stax"),
    ("authvia.ndjson", "authvia"),
    ("paydock.json", "paydock"),
];

#[test]
fn examples_match_their_expected_output() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut stale = Vec::new();
    for (file, provider) in EXAMPLES {
        let stem = file.split('.').next().unwrap();
        for (output, suffix) in [("ndjson", "ndjson"), ("pretty", "pretty.txt")] {
            let out =
                check(provider).args(["--output", output]).arg(repo(&format!("examples/{file}"))).output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{file}: every example has invalid records");
            let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/expected/{stem}.{suffix}"));
            if update {
                std::fs::write(&expected, &out.stdout).unwrap();
            } else if std::fs::read(&expected).ok().as_deref() != Some(&out.stdout[..]) {
                stale.push(format!("{}:\n{}", expected.display(), String::from_utf8_lossy(&out.stdout)));
            }
        }
    }
    assert!(stale.is_empty(), "output differs from (run with UPDATE_EXPECTED=1 to rewrite):\n{}", stale.join("\n"));
}

#[test]
fn examples_mix_valid_and_invalid_records() {
    for (file, provider) in EXAMPLES {
        let (_, out, _) = run(check(provider).arg(repo(&format!("examples/{file}"))));
        let valid = out.iter().filter(|l| l["valid"] == true).count();
        assert!((6..=12).contains(&out.len()), "{file}: {} records", out.len());
        assert!(valid > 0 && valid < out.len(), "{file}: {valid} valid of {}", out.len());
        assert!(out.iter().any(|l| !codes(l, "warnings").is_empty()), "{file}: no warnings");
    }
}

/// The limit flags reach the library: a record past a lowered limit is its own
/// invalid record with the limit's code, and the file goes on.
#[test]
fn limit_flags_are_applied() {
    let input = "{\"fullName\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}\n{\"fullName\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"address\":\"a very long address line\"}\n";
    let out = Command::cargo_bin("intake")
        .unwrap()
        .args([
            "check",
            "--provider",
            "atoa",
            "--today",
            "2026-11-22",
            "--input-format",
            "ndjson",
            "--max-string",
            "16",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["errors"][0]["code"], "limit.string");
    assert_eq!(lines[1]["errors"][0]["path"], "/address");
}
