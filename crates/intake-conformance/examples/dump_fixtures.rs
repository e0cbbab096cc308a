//! Prints what the native `intake::json` surface returns for every fixture case, one
//! JSON line per case, so that another build of the same core (the npm package's
//! WASM, in its parity test) can be compared with it byte for byte.
//!
//! ```text
//! cargo run -q -p intake --example dump_fixtures [-- ROOT...]
//! ```
//!
//! Each ROOT (default: the repository's `fixtures/`) may hold `fields/`,
//! `reference/`, `field_checks/`, `profiles/` and `batches/`, each of `*.json`
//! files, walked in that order and by file name. A line is
//! `{"file", "case", "input", "options", "output"}`: `file` is `ROOT/dir/name.json`
//! (ROOT made absolute), `case` the index in the file's `cases` (0 for a batch file),
//! `input` and `options` the exact texts handed to the core (the record, value or
//! records; the options, or a rule's arguments) and `output` the exact string it returned. A call that returned an `ApiError` has `"error"` (its
//! `Display`) instead of `"output"`; a file that cannot be read or has no cases
//! gives one line with `"fault"`.
//!
//! The calls, per directory (options: the file's `options` merged with the case's,
//! the case winning, serialized in that key order):
//! - `fields` and `reference` (corpora of a reference implementation's verdicts,
//!   whose expectations `tests/*_reference.rs` check): `json::rule(case.rule ??
//!   file.rule, case.input, case.args ?? "")`;
//! - `field_checks`: `json::check_field(case.provider ?? file.provider, case.pointer, case.value, options)`;
//! - `profiles`: `json::validate(file.provider, case.raw ?? case.record, options)`, `raw` being
//!   record text that is passed as it is (it need not be JSON);
//! - `batches`: `json::validate_batch(file.provider, file.records, file.options)`.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use intake::json::{self as api, ApiError};
use serde_json::{json, Map, Value};

#[path = "../tests/support/raw_records.rs"]
mod raw_records;

const DIRS: [&str; 5] = ["fields", "reference", "field_checks", "profiles", "batches"];

fn main() -> io::Result<()> {
    let mut roots: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if roots.is_empty() {
        roots.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures"));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for root in &roots {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        for dir in DIRS {
            for path in json_files(&root.join(dir))? {
                for line in dump_file(dir, &path) {
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    out.flush()
}

/// The `*.json` files of a directory, sorted by name; none when it does not exist.
fn json_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn dump_file(dir: &str, path: &Path) -> Vec<Value> {
    let name = path.display().to_string();
    let fault = |why: String| vec![json!({"file": name, "fault": why})];
    let (file, (raw, raw_batch)): (Value, _) =
        match std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|text| {
            Ok((serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?, raw_records::raw_records(&text)))
        }) {
            Ok(v) => v,
            Err(why) => return fault(why),
        };
    let text = |v: Option<&Value>, key: &str| -> Result<String, String> {
        v.and_then(Value::as_str).map(str::to_owned).ok_or_else(|| format!("no string \"{key}\""))
    };
    if dir == "batches" {
        let call = text(file.get("provider"), "provider").and_then(|provider| {
            file.get("records").filter(|r| r.is_array()).ok_or("no array \"records\"")?;
            let (input, options) = (raw_batch.clone().unwrap_or_default(), merged(&file, &Value::Null));
            let result = api::validate_batch(&provider, &input, &options);
            Ok((input, options, result))
        });
        return match call {
            Ok((input, options, result)) => vec![line(&name, 0, &input, &options, result)],
            Err(why) => fault(why),
        };
    }
    let Some(cases) = file.get("cases").and_then(Value::as_array).filter(|c| !c.is_empty()) else {
        return fault("no cases".to_owned());
    };
    let mut lines = Vec::with_capacity(cases.len());
    for (i, case) in cases.iter().enumerate() {
        let call = match dir {
            "fields" | "reference" => text(case.get("rule").or(file.get("rule")), "rule").and_then(|rule| {
                let input = case.get("input").ok_or("no \"input\"")?.to_string();
                let args = case.get("args").map(Value::to_string).unwrap_or_default();
                let result = api::rule(&rule, &input, &args);
                Ok((input, args, result))
            }),
            "field_checks" => text(case.get("provider").or(file.get("provider")), "provider").and_then(|provider| {
                let pointer = text(case.get("pointer"), "pointer")?;
                let value = case.get("value").ok_or("no \"value\"")?;
                let input = raw.get(i).cloned().flatten().unwrap_or_else(|| value.to_string());
                let options = merged(&file, case);
                let result = api::check_field(&provider, &pointer, &input, &options);
                Ok((input, options, result))
            }),
            _ => text(file.get("provider"), "provider").and_then(|provider| {
                let input = match (case.get("raw"), case.get("record")) {
                    (Some(raw), _) => text(Some(raw), "raw")?,
                    (None, Some(record)) => raw.get(i).cloned().flatten().unwrap_or_else(|| record.to_string()),
                    (None, None) => return Err("no \"record\" or \"raw\"".to_owned()),
                };
                let options = merged(&file, case);
                let result = api::validate(&provider, &input, &options);
                Ok((input, options, result))
            }),
        };
        lines.push(match call {
            Ok((input, options, result)) => line(&name, i, &input, &options, result),
            Err(why) => json!({"file": name, "case": i, "fault": why}),
        });
    }
    lines
}

fn line(file: &str, case: usize, input: &str, options: &str, result: Result<String, ApiError>) -> Value {
    match result {
        Ok(output) => json!({"file": file, "case": case, "input": input, "options": options, "output": output}),
        Err(e) => json!({"file": file, "case": case, "input": input, "options": options, "error": e.to_string()}),
    }
}

/// The file's `options` merged with the case's own (the case wins), as JSON text.
fn merged(file: &Value, case: &Value) -> String {
    let mut options: Map<String, Value> = file.get("options").and_then(Value::as_object).cloned().unwrap_or_default();
    if let Some(own) = case.get("options").and_then(Value::as_object) {
        options.extend(own.clone());
    }
    Value::Object(options).to_string()
}
