//! The files a spreadsheet user works from: `--errors FILE`, one CSV row per
//! error and warning (the record's row, its id, the header's column name, the
//! severity, the code, the message); and `--valid FILE`, the normalized payloads
//! of the valid records, as NDJSON or, for a name ending in `.csv`, as CSV.
//!
//! A record's lines for both files are rendered by the worker that checked it
//! ([`Layouts`]), like its stdout line, so the ordered writer only copies bytes.
//!
//! Cells that come from the input (a column name, an id) and start like a
//! formula get a leading `'`, as OWASP advises, so opening the errors file in a
//! spreadsheet runs nothing. The payloads are written as they will be sent:
//! a phone's `+` is data.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use intake::catalog::{self, Kind};
use intake::{Outcome, Payload, Provider};
use serde_json::Value;

use crate::input::Unit;
use crate::output::{Checked, Sink};
use crate::HasPayload;

/// Everything a run writes, in input order: stdout and the optional files.
pub struct Sinks<W> {
    stdout: W,
    errors: Option<BufWriter<File>>,
    valid: Option<BufWriter<File>>,
}

impl<W: Write> Sinks<W> {
    /// Stdout alone.
    pub fn new(stdout: W) -> Self {
        Sinks { stdout, errors: None, valid: None }
    }

    /// Creates the `--errors` and `--valid` files that `layouts` asks for, at
    /// `errors` and `valid`, and writes their header rows.
    ///
    /// # Errors
    /// The path of a file that cannot be created or written, and why.
    pub fn with_files<'p>(
        mut self,
        layouts: &Layouts,
        errors: Option<&'p Path>,
        valid: Option<&'p Path>,
    ) -> Result<Self, (&'p Path, io::Error)> {
        let create = |path: &'p Path, header: String| {
            let mut out = BufWriter::new(File::create(path).map_err(|e| (path, e))?);
            out.write_all(header.as_bytes()).map_err(|e| (path, e))?;
            Ok::<_, (&'p Path, io::Error)>(out)
        };
        if let Some(path) = errors {
            self.errors = Some(create(path, layouts.errors_header())?);
        }
        if let Some(path) = valid {
            self.valid = Some(create(path, layouts.valid_header())?);
        }
        Ok(self)
    }

    /// The stdout writer back.
    pub fn into_stdout(self) -> W {
        self.stdout
    }
}

impl<W: Write> Sink for Sinks<W> {
    fn write(&mut self, checked: &Checked) -> io::Result<()> {
        self.stdout.write_all(&checked.text)?;
        if let Some(errors) = &mut self.errors {
            errors.write_all(checked.errors.as_bytes())?;
        }
        if let Some(valid) = &mut self.valid {
            valid.write_all(checked.valid.as_bytes())?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stdout.flush()?;
        for file in [&mut self.errors, &mut self.valid].into_iter().flatten() {
            file.flush()?;
        }
        Ok(())
    }
}

/// How a record's lines of the `--errors` and `--valid` files are made.
#[derive(Debug, Default)]
pub struct Layouts {
    /// Rows, lines or records.
    unit: Option<Unit>,
    /// The `--id-column` name, when given.
    id: Option<String>,
    /// Each field's pointer and the header it was read from (tables only).
    sources: HashMap<String, String>,
    /// Whether there is an `--errors` file.
    errors: bool,
    /// The `--valid` file's format, when there is one.
    valid: Option<ValidFormat>,
}

/// The `--valid` file's format.
#[derive(Debug)]
enum ValidFormat {
    /// `{"row":R,"id":...,"normalized":{...}}` per line.
    Ndjson,
    /// A header of the profile's fields (dotted), one row per record.
    Csv(Vec<&'static str>),
}

impl Layouts {
    /// The layouts for an input placed by `unit`, with the `--id-column` name and
    /// the table's header `sources`; `errors` when there is an `--errors` file,
    /// `valid` the `--valid` file's path (CSV when it ends in `.csv`).
    pub fn new(
        provider: Provider,
        unit: Unit,
        id: Option<String>,
        sources: HashMap<String, String>,
        errors: bool,
        valid: Option<&Path>,
    ) -> Self {
        let valid = valid.map(|path| {
            let is_csv = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            if is_csv {
                ValidFormat::Csv(csv_fields(provider))
            } else {
                ValidFormat::Ndjson
            }
        });
        Layouts { unit: Some(unit), id, sources, errors, valid }
    }

    fn unit(&self) -> Unit {
        self.unit.unwrap_or(Unit::Record)
    }

    /// The errors file's header row.
    fn errors_header(&self) -> String {
        let mut header = vec![self.unit().word().to_owned()];
        header.extend(self.id.as_deref().map(safe));
        header.extend(["column", "severity", "code", "message"].map(str::to_owned));
        csv_line(&header)
    }

    /// The valid file's header row (nothing for NDJSON).
    fn valid_header(&self) -> String {
        let Some(ValidFormat::Csv(fields)) = &self.valid else { return String::new() };
        let mut header = vec![self.unit().word().to_owned()];
        header.extend(self.id.as_deref().map(safe));
        header.extend(fields.iter().map(|p| p.trim_start_matches('/').replace('/', ".")));
        csv_line(&header)
    }

    /// Record `n`'s lines: `(errors, valid)`, empty when the file is not asked for
    /// (or, for `valid`, when the record is not valid).
    pub fn render<T: HasPayload>(&self, n: u64, row: u64, id: Option<&str>, outcome: &Outcome<T>) -> (String, String) {
        if !self.errors && self.valid.is_none() {
            return (String::new(), String::new());
        }
        let number = self.unit().number(n, row).to_string();
        let errors = if self.errors { self.errors_lines(&number, id, outcome) } else { String::new() };
        let payload = outcome.normalized.as_ref().and_then(HasPayload::payload).filter(|_| outcome.valid);
        let valid = match (&self.valid, payload) {
            (Some(format), Some(payload)) => self.valid_line(format, &number, id, payload),
            _ => String::new(),
        };
        (errors, valid)
    }

    fn errors_lines<T>(&self, number: &str, id: Option<&str>, outcome: &Outcome<T>) -> String {
        let id = id.map(safe).unwrap_or_default();
        let all = outcome.errors.iter().map(|d| ("error", d)).chain(outcome.warnings.iter().map(|d| ("warning", d)));
        let mut out = String::new();
        for (severity, d) in all {
            let column = safe(&self.column(&d.path));
            let mut row: Vec<&str> = vec![number];
            if self.id.is_some() {
                row.push(&id);
            }
            row.extend([column.as_str(), severity, d.code.as_str(), &d.message]);
            out.push_str(&csv_line(&row));
        }
        out
    }

    fn valid_line(&self, format: &ValidFormat, number: &str, id: Option<&str>, payload: &Payload<'_>) -> String {
        match format {
            ValidFormat::Ndjson => {
                use std::fmt::Write as _;
                let mut line = String::with_capacity(512);
                let _ = write!(line, "{{\"{}\":{number}", self.unit().word());
                if self.id.is_some() {
                    let _ = write!(line, ",\"id\":{}", id.map_or(Value::Null, |s| Value::String(s.to_owned())));
                }
                line.push_str(",\"normalized\":");
                line.push_str(&serde_json::to_string(payload).unwrap_or_default());
                line.push_str("}\n");
                line
            }
            ValidFormat::Csv(fields) => {
                let mut row = vec![number.to_owned()];
                if self.id.is_some() {
                    row.push(id.map(safe).unwrap_or_default());
                }
                let payload = payload.to_value();
                row.extend(fields.iter().map(|p| match payload.pointer(p) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                }));
                csv_line(&row)
            }
        }
    }

    /// The header a diagnostic's path came from: the field's own column, or its
    /// nearest enclosing one; else the field's path, dotted (`billing_address.city`,
    /// a field the table has no column for).
    fn column(&self, path: &str) -> String {
        let mut p = path;
        loop {
            if let Some(header) = self.sources.get(p) {
                return header.clone();
            }
            match p.rsplit_once('/') {
                Some((head, _)) if !head.is_empty() => p = head,
                _ => break,
            }
        }
        path.trim_start_matches('/').replace('/', ".")
    }
}

/// One CSV line: RFC 4180 quoting (a cell with a comma, a quote or a line break is
/// quoted, its quotes doubled), `\n` ending. By hand: a csv::Writer per line would
/// allocate its 8 KiB buffer for every record.
fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.as_ref();
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
    out
}

/// The profile's fields that are one CSV column each: the leaves, and the
/// free-form objects and arrays (`metadata`, `addresses`, `cc_emails`) as
/// compact JSON; not the members of those, nor the objects that only group
/// leaves (`billing_address`).
fn csv_fields(provider: Provider) -> Vec<&'static str> {
    let fields = catalog::profile(provider).fields;
    let under = |path: &str, parent: &str| {
        path.len() > parent.len() && path.starts_with(parent) && path.as_bytes()[parent.len()] == b'/'
    };
    let mut out: Vec<&'static str> = Vec::new();
    for f in fields {
        let group = matches!(f.kind, Kind::Object) && fields.iter().any(|g| under(g.path, f.path));
        if group {
            continue; // Such as billing_address: its leaves are the columns.
        }
        if !out.iter().any(|p| under(f.path, p)) && !out.contains(&f.path) {
            out.push(f.path);
        }
    }
    out
}

/// A cell from the input, made safe to open in a spreadsheet.
fn safe(text: &str) -> String {
    match text.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns_are_leaves_and_free_form_fields() {
        let juicyway = csv_fields(Provider::Juicyway);
        assert!(juicyway.contains(&"/billing_address/city") && !juicyway.contains(&"/billing_address"));
        let authvia = csv_fields(Provider::Authvia);
        assert!(authvia.contains(&"/addresses") && !authvia.contains(&"/addresses/0/value"), "{authvia:?}");
        assert!(authvia.contains(&"/metadata"));
    }

    #[test]
    fn diagnostics_name_their_column() {
        let sources = [("/email".to_owned(), "E-Mail".to_owned())].into_iter().collect();
        let layouts = Layouts::new(Provider::Stax, Unit::Row, None, sources, true, None);
        assert_eq!(layouts.column("/email"), "E-Mail");
        assert_eq!(layouts.column("/billing_address/city"), "billing_address.city");
        assert_eq!(layouts.column(""), "");
        assert_eq!(safe("=HYPERLINK()"), "'=HYPERLINK()");
        assert_eq!(csv_line(&["a", "b,c", "d\"e"]), "a,\"b,c\",\"d\"\"e\"\n");
    }
}
