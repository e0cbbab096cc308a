//! Writing one record's result: an NDJSON line, or a report for people.

use std::fmt::Write as _;

use intake::{Diagnostic, Outcome};

use crate::args::OutputFormat;

/// Renders record `n`'s outcome as the text to write, ending with a newline.
pub fn render(format: OutputFormat, n: u64, outcome: &Outcome) -> String {
    match format {
        OutputFormat::Ndjson => ndjson(n, outcome),
        OutputFormat::Pretty => pretty(n, outcome),
    }
}

/// `{"record":N,` then the outcome's own object, so the keys keep the outcome's
/// order and the rest of the line is byte for byte what the library and the npm
/// package give for the record.
fn ndjson(n: u64, outcome: &Outcome) -> String {
    let body = outcome.to_json();
    match body.strip_prefix('{') {
        Some(rest) if rest != "}" => format!("{{\"record\":{n},{rest}\n"),
        _ => format!("{{\"record\":{n}}}\n"),
    }
}

/// A header line, then one line per error and warning. The normalized payload is
/// never printed here: it holds card numbers and CVVs, and a terminal is a log.
fn pretty(n: u64, outcome: &Outcome) -> String {
    let mut out = match outcome.status {
        _ if outcome.valid => format!("record {n}: VALID\n"),
        Some(status) => format!("record {n}: INVALID ({status})\n"),
        None => format!("record {n}: INVALID\n"),
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
fn mask(text: &str) -> String {
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
        let outcome = intake::validate(intake::Provider::Stax, &serde_json::json!({"company": "Acme"}), &options);
        let line = render(OutputFormat::Ndjson, 7, &outcome);
        assert!(line.starts_with(r#"{"record":7,"valid":true,"errors":[]"#), "{line}");
        assert!(line.ends_with("}\n"));
    }
}
