//! The records of a fixture file as the file writes them: member order kept
//! whatever serde_json's features (a `Value` sorts its members without
//! `preserve_order`, which intake does not impose), whitespace removed.

use serde::Deserialize;
use serde_json::value::RawValue;

#[derive(Deserialize)]
struct File<'a> {
    #[serde(default, borrow)]
    cases: Vec<Case<'a>>,
    #[serde(default, borrow)]
    records: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Case<'a> {
    #[serde(default, borrow)]
    record: Option<&'a RawValue>,
    #[serde(default, borrow)]
    value: Option<&'a RawValue>,
}

/// Each case's `record` text, or else its `value` (a field check's), when it
/// is an object or an array (where order can differ; `None` otherwise, and the
/// caller writes the parsed value); and a batch file's `records` text.
pub fn raw_records(file_text: &str) -> (Vec<Option<String>>, Option<String>) {
    let Ok(file) = serde_json::from_str::<File<'_>>(file_text) else {
        return (Vec::new(), None);
    };
    let structured = |r: &&RawValue| r.get().starts_with(['{', '[']);
    let cases = file.cases.iter().map(|c| c.record.or(c.value).filter(structured).map(|r| compact(r.get()))).collect();
    (cases, file.records.map(|r| compact(r.get())))
}

/// JSON text without the whitespace between tokens.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
