//! Writing one record's result: an NDJSON line, or a report for people, on
//! stdout; and, through [`Sink`], the `--errors` and `--valid` files (see `files`).

use std::fmt::Write as _;
use std::io;

use intake::{Diagnostic, Outcome};
use serde::Serialize;

use crate::args::OutputFormat;
use crate::input::Unit;
use crate::Kept;

/// One record checked: its number in the output (from 0), its row or line, its
/// `--id-column` value, its outcome, and the text that goes to stdout.
#[derive(Debug)]
pub struct Checked {
    /// The record's number, from 0.
    pub n: u64,
    /// Its spreadsheet row or line (see [`Unit`]).
    pub row: u64,
    /// The `--id-column` value.
    pub id: Option<String>,
    /// The outcome, batch rules applied (see [`Kept`] for its payload).
    pub outcome: Kept,
    /// What goes to stdout (empty for a valid record under `--only-invalid`):
    /// UTF-8, kept as bytes so that it is never checked again.
    pub text: Vec<u8>,
    /// Its lines of the `--errors` file (empty without one).
    pub errors: String,
    /// Its line of the `--valid` file (empty without one, or when invalid).
    pub valid: String,
}

/// Where checked records go, in input order.
pub trait Sink {
    /// Writes one record's results.
    ///
    /// # Errors
    /// The writer's.
    fn write(&mut self, checked: &Checked) -> io::Result<()>;

    /// Flushes what was written so far.
    ///
    /// # Errors
    /// The writer's.
    fn flush(&mut self) -> io::Result<()>;
}

/// Where a record is: how the input places it, its row or line, its id.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// Rows, lines or record numbers.
    pub unit: Unit,
    /// The row or line.
    pub row: u64,
    /// The `--id-column` value.
    pub id: Option<&'a str>,
    /// Whether `--id-column` was given (the NDJSON line then has `"id"`, null when absent).
    pub with_id: bool,
}

/// Renders record `n`'s outcome as the text to write, ending with a newline.
pub fn render<T: Serialize>(format: OutputFormat, n: u64, place: &Place<'_>, outcome: &Outcome<T>) -> Vec<u8> {
    match format {
        OutputFormat::Ndjson => ndjson(n, place, outcome),
        OutputFormat::Pretty => pretty(n, place, outcome).into_bytes(),
    }
}

/// `{"record":N,` (and `"id":...,` with `--id-column`) then the outcome's own
/// object, so the keys keep the outcome's order and the rest of the line is byte
/// for byte what the library and the npm package give for the record.
fn ndjson<T: Serialize>(n: u64, place: &Place<'_>, outcome: &Outcome<T>) -> Vec<u8> {
    // One buffer: the prefix, then the outcome written straight after it.
    let mut line = Vec::with_capacity(512);
    line.extend_from_slice(b"{\"record\":");
    line.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    if place.with_id {
        line.extend_from_slice(b",\"id\":");
        let _ = serde_json::to_writer(&mut line, &place.id);
    }
    let start = line.len();
    outcome.write_json(&mut line);
    // The outcome's object opens with `{`: it becomes the separator after the prefix.
    if line.get(start) == Some(&b'{') {
        if line.get(start + 1) == Some(&b'}') {
            line.truncate(start);
            line.push(b'}');
        } else {
            line[start] = b',';
        }
    }
    line.push(b'\n');
    line
}

/// A header line, then one line per error and warning. The normalized payload is
/// never printed here: it holds card numbers and CVVs, and a terminal is a log.
fn pretty<T>(n: u64, place: &Place<'_>, outcome: &Outcome<T>) -> String {
    let mut at = match place.unit {
        Unit::Record => String::new(),
        unit => format!("{} {}", unit.word(), place.row),
    };
    if let Some(id) = place.id {
        let sep = if at.is_empty() { "" } else { ", " };
        at = format!("{at}{sep}id {}", mask(id));
    }
    let at = if at.is_empty() { at } else { format!(" ({at})") };
    let mut out = match outcome.status {
        _ if outcome.valid => format!("record {n}{at}: VALID\n"),
        Some(status) => format!("record {n}{at}: INVALID ({status})\n"),
        None => format!("record {n}{at}: INVALID\n"),
    };
    let rows: Vec<(&str, String, &Diagnostic)> = outcome
        .errors
        .iter()
        .map(|d| ("error", d))
        .chain(outcome.warnings.iter().map(|d| ("warning", d)))
        // A path is made of the input's own keys, so it could hold card digits.
        .map(|(severity, d)| (severity, mask(if d.path.is_empty() { "(record)" } else { &d.path }), d))
        .collect();
    // Columns aligned within the record, so a long report scans down.
    let path_width = rows.iter().map(|(_, path, _)| path.chars().count()).max().unwrap_or(0);
    let code_width = rows.iter().map(|(_, _, d)| d.code.as_str().len()).max().unwrap_or(0);
    for (severity, path, d) in &rows {
        let code = d.code.as_str();
        let _ = writeln!(out, "  {severity:<7}  {path:<path_width$}  {code:<code_width$}  {}", mask(&d.message));
    }
    out
}

/// The text with every run of 12 or more digits (the shortest card number)
/// replaced by `*`s.
pub(crate) fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |out: &mut String, digits: &mut String| {
        if digits.len() >= 12 {
            out.extend(std::iter::repeat_n('*', digits.len()));
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut out, &mut digits);
            out.push(c);
        }
    }
    flush(&mut out, &mut digits);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_digit_runs_are_masked() {
        assert_eq!(mask("/4111111111111111/x 12345"), "/****************/x 12345");
    }

    #[test]
    fn ndjson_starts_with_the_record_number() {
        let options = intake::Options::new("2026-11-22".parse().unwrap());
        let record = serde_json::json!({"company": "Acme"});
        let outcome = intake::validate(intake::Provider::Stax, &record, &options);
        let place = Place { unit: Unit::Line, row: 9, id: Some("C-1"), with_id: true };
        let line = String::from_utf8(render(OutputFormat::Ndjson, 7, &place, &outcome)).unwrap();
        assert!(line.starts_with(r#"{"record":7,"id":"C-1","valid":true,"errors":[]"#), "{line}");
        let place = Place { unit: Unit::Line, row: 9, id: None, with_id: false };
        let line = String::from_utf8(render(OutputFormat::Ndjson, 7, &place, &outcome)).unwrap();
        assert!(line.starts_with(r#"{"record":7,"valid":true,"errors":[]"#), "{line}");
        assert!(line.ends_with("}\n"));
    }
}
