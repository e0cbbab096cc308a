//! End-to-end tests of `intake check` on files as spreadsheets and CRMs export
//! them: every file is generated here (CRLF, blank rows, `;` and tab, UTF-16 with
//! a byte order mark, Windows-1252, an .xlsx workbook, CRM headers, Excel's empty
//! trailing columns), and each test drives the binary as an operations user would.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const TODAY: &str = "2026-11-22";

/// `intake check --provider <p> --today 2026-11-22`.
fn check(provider: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_intake"));
    cmd.args(["check", "--provider", provider, "--today", TODAY]);
    cmd
}

/// Writes `contents` to `name` in this test run's scratch directory.
fn scratch(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("intake-cli-spreadsheets");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn path_in_scratch(name: &str) -> PathBuf {
    scratch(name, "")
}

/// Runs `cmd`: the exit status, the NDJSON lines of stdout, stderr.
fn run(cmd: &mut Command) -> (i32, Vec<Value>, String) {
    let out = cmd.output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (out.status.code().unwrap_or(-1), lines, String::from_utf8(out.stderr).unwrap())
}

/// `(path, code)` of every warning, or error, of a result line.
fn found(line: &Value, list: &str) -> Vec<(String, String)> {
    line[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap().to_owned(), d["code"].as_str().unwrap().to_owned()))
        .collect()
}

fn has(line: &Value, list: &str, path: &str, code: &str) -> bool {
    found(line, list).contains(&(path.to_owned(), code.to_owned()))
}

/// The same three Stax customers in every format below: rows 2, 4 and 5 of a
/// spreadsheet whose row 3 is empty.
const STAX_HEADER: [&str; 4] = ["firstname", "lastname", "email", "address_country"];
const STAX_ROWS: [[&str; 4]; 3] = [
    ["José", "García", "jose@example.com", "ESP"],
    ["Ada", "Lovelace", "not an email", "GBR"],
    ["Grace", "Hopper", "grace@example.com", "USA"],
];

/// The Stax table as text: `sep` between cells, `eol` after each row, an empty row 3.
fn stax_table(sep: &str, eol: &str) -> String {
    let mut text = STAX_HEADER.join(sep) + eol;
    for (i, row) in STAX_ROWS.iter().enumerate() {
        if i == 1 {
            text.push_str(eol); // a blank row 3
        }
        text.push_str(&row.join(sep));
        text.push_str(eol);
    }
    text
}

/// Checks the Stax table's results: three records, at rows 2, 4, 5; the second invalid.
fn assert_stax_rows(path: &Path, extra: &[&str]) -> String {
    let errors = path_in_scratch(&format!("{}.errors.csv", path.file_name().unwrap().to_str().unwrap()));
    let (code, out, stderr) = run(check("stax").args(extra).arg("--errors").arg(&errors).arg(path));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(out.len(), 3, "{stderr}");
    assert_eq!(out[0]["normalized"]["firstname"], "José", "{stderr}");
    assert_eq!(out[1]["valid"], false);
    assert_eq!(out[2]["normalized"]["address_country"], "USA");
    let errors = std::fs::read_to_string(&errors).unwrap();
    assert!(errors.starts_with("row,column,severity,code,message\n"), "{errors}");
    assert!(errors.contains("\n4,email,error,email.invalid,"), "the invalid email is on row 4: {errors}");
    stderr
}

// ---- rows --------------------------------------------------------------------------

#[test]
fn crlf_and_blank_rows_keep_spreadsheet_row_numbers() {
    let stderr = assert_stax_rows(&scratch("crlf.csv", stax_table(",", "\r\n")), &[]);
    assert!(stderr.contains("skipped 1 empty row"), "{stderr}");
    assert_stax_rows(&scratch("lf.csv", stax_table(",", "\n")), &[]);
    // A broken row names its spreadsheet row too, with CRLF endings.
    let text = "firstname,email\r\nAda,ada@example.com\r\n\r\nOnly one cell\r\n";
    let (_, out, _) = run(check("stax").arg(scratch("short.csv", text)));
    assert_eq!(out[1]["errors"][0]["message"], "row 4 has 1 cell; the header has 2");
}

#[test]
fn pretty_report_names_rows_and_only_invalid_hides_the_rest() {
    let path = scratch("pretty.csv", stax_table(",", "\r\n"));
    let out = check("stax").args(["--output", "pretty", "--only-invalid"]).arg(&path).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.starts_with("record 1 (row 4): INVALID (400)\n  error    /email  email.invalid"), "{stdout}");
    assert!(!stdout.contains("VALID\n"), "no valid record is shown: {stdout}");
    let out = check("stax").args(["--output", "pretty"]).arg(&path).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("record 0 (row 2): VALID\n"));
}

// ---- delimiters and encodings -------------------------------------------------------

#[test]
fn semicolon_and_tab_files_are_detected_and_told_once() {
    let stderr = assert_stax_rows(&scratch("excel-eu.csv", stax_table(";", "\r\n")), &[]);
    assert_eq!(stderr.matches("separated by ;").count(), 1, "{stderr}");
    let stderr = assert_stax_rows(&scratch("sheets.tsv", stax_table("\t", "\n")), &[]);
    assert!(stderr.contains("separated by tab"), "{stderr}");
    // Given with -d, nothing is guessed or told.
    let stderr = assert_stax_rows(&scratch("given.csv", stax_table("|", "\n")), &["-d", "|"]);
    assert!(!stderr.contains("separated by"), "{stderr}");
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let stderr = assert_stax_rows(&scratch("utf16le.csv", utf16(&stax_table("\t", "\r\n"), false)), &[]);
    assert!(stderr.contains("read the text as UTF-16LE (its byte order mark)"), "{stderr}");
    assert!(stderr.contains("separated by tab"), "Excel's 'Unicode text' is UTF-16 and tabs: {stderr}");
    let stderr = assert_stax_rows(&scratch("utf16be.csv", utf16(&stax_table(",", "\n"), true)), &[]);
    assert!(stderr.contains("UTF-16BE"), "{stderr}");
}

#[test]
fn windows_1252_needs_encoding_and_then_reads() {
    let text = stax_table(",", "\r\n");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let path = scratch("cp1252.csv", &*bytes);
    // Without --encoding: the row with é is unreadable, and the message says what to do.
    let (code, out, _) = run(check("stax").arg(&path));
    assert_eq!(code, 1);
    let message = out[0]["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("row 2 has a cell in column 1 that is not UTF-8"), "{message}");
    assert!(message.contains("--encoding cp1252"), "{message}");
    for label in ["cp1252", "latin1", "windows-1252"] {
        assert_stax_rows(&path, &["--encoding", label]);
    }
    check("stax").args(["--encoding", "klingon"]).arg(&path).assert().code(2);
}

// ---- workbooks --------------------------------------------------------------------

#[test]
fn xlsx_is_read_directly_with_its_row_numbers() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in STAX_HEADER.iter().chain(["address_zip", "phone"].iter()).enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    for (r, row) in [1u32, 3, 4].into_iter().zip(STAX_ROWS) {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r, c as u16, *cell).unwrap();
        }
    }
    // Numbers, as a spreadsheet holds them: a ZIP that lost its zero, a phone.
    sheet.write_number(4, 4, 7030.0).unwrap();
    sheet.write_number(4, 5, 14155552671.0).unwrap();
    book.add_worksheet().write_string(0, 0, "another sheet").unwrap();
    let path = path_in_scratch("customers.xlsx");
    book.save(&path).unwrap();
    let stderr = assert_stax_rows(&path, &[]);
    assert!(stderr.contains("read the first sheet, \"Sheet1\", of 2"), "{stderr}");
    let (_, out, _) = run(check("stax").arg(&path));
    assert!(has(&out[2], "warnings", "/address_zip", "zip.leading_zero"), "{}", out[2]);
    assert_eq!(out[2]["normalized"]["phone"], "+14155552671", "a whole number keeps its digits");
    // Found by content too, whatever the name.
    let bytes = std::fs::read(&path).unwrap();
    let (code, out, _) = run(check("stax").arg(scratch("export.bin", bytes)));
    assert_eq!((code, out.len()), (1, 3));
    // Something that is not a workbook is refused with a clear message.
    check("stax")
        .arg(scratch("broken.xlsx", "PK\x03\x04 not really a zip"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be read as a spreadsheet workbook"));
}

// ---- headers and mapping -------------------------------------------------------------

/// A CRM export: people's headers, an id column, a column no profile has, and
/// Excel's empty trailing columns.
const CRM: &str = "Contact ID,First Name,Last Name,Email,Phone,Postal Code,Country,Tags,,\r\n\
                   C-1,Adaeze,Okafor,ada@example.com,+2348031234567,106104,NG,vip,,\r\n\
                   C-2,Bola,Ade,bola@example.com,+2348031234568,106104,NG,,,\r\n";

#[test]
fn crm_headers_are_matched_and_unknown_columns_told_once() {
    let text = CRM.to_owned() + &"C-9,Chi,Eze,chi@example.com,+2348031234569,106104,NG,,,\r\n".repeat(50);
    let (code, out, stderr) = run(check("juicyway")
        .args(["--map", "Tags=billing_address.line1", "--map", "Country=billing_address.country"])
        .arg(scratch("crm.csv", text)));
    assert_eq!(out.len(), 52);
    assert_eq!(code, 1, "state and city are missing: {stderr}");
    assert!(has(&out[0], "errors", "/billing_address/city", "field.required"), "{}", out[0]);
    assert_eq!(out[0]["normalized"], Value::Null);
    assert!(stderr.contains("\"First Name\" as first_name"), "{stderr}");
    assert!(stderr.contains("\"Postal Code\" as billing_address.zip_code"), "{stderr}");
    assert_eq!(stderr.matches("Contact ID").count(), 1, "told once per file: {stderr}");
    assert!(stderr.contains("ignored 2 columns without a header"), "{stderr}");
    assert!(out.iter().all(|l| !found(l, "warnings").iter().any(|(_, c)| c == "field.unknown")), "no per-row hint");
}

#[test]
fn a_map_joins_first_and_last_name() {
    let text = "First Name,Last Name,E-mail\nAda,Lovelace,ada@example.com\n";
    let (code, out, _) =
        run(check("atoa").args(["--map", "first name+LAST NAME=fullName"]).arg(scratch("join.csv", text)));
    assert_eq!(code, 0);
    assert_eq!(out[0]["normalized"]["fullName"], "Ada Lovelace");
    assert_eq!(out[0]["normalized"]["email"], "ada@example.com");
    check("atoa")
        .args(["--map", "Surname=fullName"])
        .arg(scratch("join.csv", text))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--map: the header has no column \"Surname\""));
}

#[test]
fn a_header_that_names_no_field_is_exit_2() {
    check("stax")
        .arg(scratch("nofield.csv", "Tags,Segment\nvip,smb\n"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("the header row names no stax field"));
    // A file without a header: its first row's data is not echoed.
    let assert = check("stax").arg(scratch("headerless.csv", "ada@example.com,07911123456\n")).assert().code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(!stderr.contains("ada@example.com") && !stderr.contains("07911123456"), "{stderr}");
}

// ---- results for a spreadsheet -------------------------------------------------------

#[test]
fn errors_and_valid_files_carry_rows_and_ids() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("intake-cli-spreadsheets");
    let (errors, valid_csv, valid_ndjson) =
        (dir.join("crm.errors.csv"), dir.join("crm.valid.csv"), dir.join("crm.valid.ndjson"));
    let text = CRM.to_owned() + "=HYPERLINK(\"x\"),Chi,Eze,bad,,,,,,\r\n";
    let path = scratch("crm-results.csv", text);
    let mut cmd = check("stax");
    cmd.args(["--id-column", "contact id", "--errors"]).arg(&errors).arg("--valid").arg(&valid_csv).arg(&path);
    let (code, out, _) = run(&mut cmd);
    assert_eq!(code, 1);
    assert_eq!(out[0]["id"], "C-1", "the id is in the NDJSON line: {}", out[0]);
    assert_eq!(out[0]["record"], 0);
    let errors = std::fs::read_to_string(&errors).unwrap();
    let mut lines = errors.lines();
    assert_eq!(lines.next(), Some("row,contact id,column,severity,code,message"));
    assert!(errors.contains("\n4,\"'=HYPERLINK(\"\"x\"\")\",Email,error,email.invalid,"), "{errors}");
    assert!(errors.contains("\n2,C-1,Country,warning,country.converted,"), "{errors}");
    let valid = std::fs::read_to_string(&valid_csv).unwrap();
    let mut rows = valid.lines();
    assert!(rows.next().unwrap().starts_with("row,contact id,firstname,lastname,company,email,"), "{valid}");
    assert!(rows.next().unwrap().starts_with("2,C-1,Adaeze,Okafor,,ada@example.com,,,+2348031234567,"), "{valid}");
    assert_eq!(valid.lines().count(), 3, "the header and the two valid records: {valid}");

    let mut cmd = check("stax");
    cmd.args(["--id-column", "Contact ID", "--valid"]).arg(&valid_ndjson).arg(&path);
    cmd.output().unwrap();
    let first: Value =
        serde_json::from_str(std::fs::read_to_string(&valid_ndjson).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["row"], 2);
    assert_eq!(first["id"], "C-1");
    assert_eq!(first["normalized"]["address_country"], "NGA");
    // An id column the header lacks is a usage error.
    check("stax").args(["--id-column", "Customer"]).arg(&path).assert().code(2);
    // So is an output file that is the input: creating it would erase the input.
    check("stax")
        .arg("--errors")
        .arg(&path)
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is the input file"));
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("Contact ID,"), "the input is intact");
}

#[test]
fn json_records_carry_their_id_member() {
    let text = "{\"ref\":\"r1\",\"addresses\":[\"a@example.com\"],\"crm\":7}\n{\"ref\":\"r1\",\"addresses\":[\"b@example.com\"]}\n";
    let (code, out, _) = run(check("authvia").args(["--id-column", "crm", "-"]).write_stdin(text));
    assert_eq!(code, 1);
    assert_eq!(out[0]["id"], "7");
    assert_eq!(out[1]["id"], Value::Null);
    assert_eq!(out[1]["errors"][0]["message"], "repeats the ref of line 1; refs are unique per account");
}

// ---- damaged data ----------------------------------------------------------------------

#[test]
fn damaged_cells_are_warned_about_without_repeating_them() {
    let rows = [
        ("4.47911E+11", "Ada", "USA", "07030"),    // row 2: a phone in scientific notation
        ("447911123456", "Grace", "USA", "07030"), // row 3: no + before the calling code
        ("+1 415 555 2671", "Jos? Garc?a", "USA", "07030"), // row 4: ? for letters
        ("+1 415 555 2671", "Jos\u{fffd}", "USA", "07030"), // row 5: U+FFFD
        ("+1 415 555 2671", "JosÃ© GarcÃ\u{ad}a", "USA", "07030"), // row 6: mojibake
        ("+1 415 555 2671", "=HYPERLINK(\"http://x\")", "USA", "07030"), // row 7: a formula
        ("+1 415 555 2671", "@SUM(A1)", "USA", "7030"), // row 8: a formula, a ZIP without its 0
        ("+1 415 555 2671", "Ada", "Nigeria", "07030"), // row 9: a country's name
        ("+1 415 555 2671", "Ada", "USA", "SW1A 1AA"), // row 10: not a US ZIP
        ("+1 415 555 2671", "Ada", "USA", "07030"), // row 11: clean
    ];
    let mut text = String::from("phone,firstname,address_country,address_zip\r\n");
    for (phone, name, country, zip) in rows {
        text.push_str(&format!("\"{}\",\"{}\",{country},{zip}\r\n", phone, name.replace('"', "\"\"")));
    }
    let (code, out, stderr) = run(check("stax").arg(scratch("damaged.csv", text)));
    assert_eq!(code, 1);
    let expect = [
        (0, "/phone", "cell.scientific"),
        (1, "/phone", "phone.plus_missing"),
        (2, "/firstname", "text.encoding"),
        (3, "/firstname", "text.encoding"),
        (4, "/firstname", "text.encoding"),
        (5, "/firstname", "cell.formula"),
        (6, "/firstname", "cell.formula"),
        (6, "/address_zip", "zip.leading_zero"),
        (8, "/address_zip", "zip.not_us"),
    ];
    for (i, path, code) in expect {
        assert!(has(&out[i], "warnings", path, code), "record {i}: {code} at {path}: {}", out[i]);
    }
    assert!(out[9]["warnings"].as_array().unwrap().is_empty(), "{}", out[9]);
    assert!(out[0]["errors"].as_array().unwrap().iter().any(|e| e["path"] == "/phone"), "still an error: {}", out[0]);
    let country = &out[7]["errors"][0];
    assert_eq!(
        (country["path"].as_str(), country["code"].as_str()),
        (Some("/address_country"), Some("country.invalid"))
    );
    assert!(country["message"].as_str().unwrap().ends_with("its code is NGA"), "{country}");
    for line in &out {
        let text = line.to_string();
        let messages: String = ["errors", "warnings"]
            .iter()
            .flat_map(|l| line[l].as_array().unwrap())
            .map(|d| d["message"].to_string())
            .collect();
        for secret in ["4.47911E", "447911123456", "Jos", "HYPERLINK", "SUM(A1)", "Nigeria", "SW1A", "7030"] {
            assert!(!messages.contains(secret), "{secret} in {text}");
        }
    }
    assert!(stderr.contains("intake: top warnings: "), "{stderr}");
    assert!(stderr.contains("text.encoding (3)"), "{stderr}");
}

#[test]
fn a_repeated_email_names_the_row_it_repeats() {
    let text = "email,firstname\r\nada@example.com,Ada\r\n\r\nbob@example.com,Bob\r\nADA@example.com,Ada\r\n";
    let (_, out, _) = run(check("stax").arg(scratch("dup.csv", text)));
    assert_eq!(
        out[2]["warnings"][0]["message"],
        "repeats the email of row 2; Stax will create a second customer, not merge them"
    );
}

#[test]
fn a_us_zip_without_its_leading_zero_is_warned_about_for_juicyway_too() {
    let text = "first_name,last_name,email,phone,type,billing_address.line1,billing_address.city,\
                billing_address.state,billing_address.zip_code,billing_address.country\n\
                Ada,Lovelace,ada@example.com,+1 201 555 0123,individual,1 Main St,Hoboken,NJ,7030,US\n\
                Bola,Ade,bola@example.com,+2348031234567,individual,12 Way,Lekki,Lagos,106104,NG\n";
    let (code, out, _) = run(check("juicyway").arg(scratch("juicyway-us.csv", text)));
    assert_eq!(code, 0, "a warning, not an error");
    assert!(has(&out[0], "warnings", "/billing_address/zip_code", "zip.leading_zero"), "{}", out[0]);
    assert!(out[1]["warnings"].as_array().unwrap().is_empty(), "a Nigerian postcode is not checked as a ZIP");
}
