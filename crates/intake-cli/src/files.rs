//! The files a spreadsheet user works from: `--errors FILE`, one CSV row per
//! error and warning (the record's row, its id, the header's column name, the
//! code, the message); and `--valid FILE`, the normalized payloads of the valid
//! records, as NDJSON or, for a name ending in `.csv`, as CSV.
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
use intake::Provider;
use serde_json::Value;

use crate::input::Unit;
use crate::output::{Checked, Sink};

/// Everything a run writes, in input order: stdout and the optional files.
pub struct Sinks<W> {
    stdout: W,
    errors: Option<ErrorsFile>,
    valid: Option<ValidFile>,
}

impl<W: Write> Sinks<W> {
    /// Stdout, and the files when given.
    pub fn new(stdout: W, errors: Option<ErrorsFile>, valid: Option<ValidFile>) -> Self {
        Sinks { stdout, errors, valid }
    }

    /// The stdout writer back.
    pub fn into_stdout(self) -> W {
        self.stdout
    }
}

impl<W: Write> Sink for Sinks<W> {
    fn write(&mut self, checked: &Checked) -> io::Result<()> {
        if !checked.text.is_empty() {
            self.stdout.write_all(checked.text.as_bytes())?;
        }
        if let Some(errors) = &mut self.errors {
            errors.write(checked)?;
        }
        if let Some(valid) = &mut self.valid {
            valid.write(checked)?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stdout.flush()?;
        if let Some(errors) = &mut self.errors {
            errors.out.flush()?;
        }
        if let Some(valid) = &mut self.valid {
            valid.flush()?;
        }
        Ok(())
    }
}

/// What the files need to know about the input.
#[derive(Clone, Debug)]
pub struct Columns {
    /// Rows, lines or records.
    pub unit: Unit,
    /// The `--id-column` header, when given.
    pub id: Option<String>,
    /// Each field's pointer and the header it was read from (tables only).
    pub sources: HashMap<String, String>,
}

impl Columns {
    /// The record's number as the unit counts it.
    fn number(&self, checked: &Checked) -> u64 {
        self.unit.number(checked.n, checked.row)
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

/// `--errors FILE`.
pub struct ErrorsFile {
    out: csv::Writer<BufWriter<File>>,
    columns: Columns,
}

impl ErrorsFile {
    /// Creates `path` and writes its header row.
    ///
    /// # Errors
    /// The file cannot be created or written.
    pub fn create(path: &Path, columns: Columns) -> io::Result<Self> {
        let mut out = csv::Writer::from_writer(BufWriter::new(File::create(path)?));
        let mut header = vec![columns.unit.word().to_owned()];
        header.extend(columns.id.as_deref().map(safe));
        header.extend(["column", "severity", "code", "message"].map(str::to_owned));
        out.write_record(&header)?;
        Ok(ErrorsFile { out, columns })
    }

    fn write(&mut self, checked: &Checked) -> io::Result<()> {
        let number = self.columns.number(checked).to_string();
        let id = checked.id.as_deref().map(safe).unwrap_or_default();
        let outcome = &checked.outcome;
        let all = outcome.errors.iter().map(|d| ("error", d)).chain(outcome.warnings.iter().map(|d| ("warning", d)));
        for (severity, d) in all {
            let column = safe(&self.columns.column(&d.path));
            let mut row: Vec<&str> = vec![&number];
            if self.columns.id.is_some() {
                row.push(&id);
            }
            row.extend([column.as_str(), severity, d.code.as_str(), &d.message]);
            self.out.write_record(&row)?;
        }
        Ok(())
    }
}

/// `--valid FILE`.
pub struct ValidFile(Valid);

enum Valid {
    /// One JSON object per valid record: `{"row":R,"id":...,"normalized":{...}}`.
    Ndjson { out: BufWriter<File>, columns: Columns },
    /// A header of the profile's fields (dotted), one row per valid record.
    Csv { out: Box<csv::Writer<BufWriter<File>>>, columns: Columns, fields: Vec<&'static str> },
}

impl ValidFile {
    /// Creates `path`: CSV when its name ends in `.csv`, else NDJSON.
    ///
    /// # Errors
    /// The file cannot be created or written.
    pub fn create(path: &Path, provider: Provider, columns: Columns) -> io::Result<Self> {
        let file = BufWriter::new(File::create(path)?);
        let is_csv = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if !is_csv {
            return Ok(ValidFile(Valid::Ndjson { out: file, columns }));
        }
        let fields = csv_fields(provider);
        let mut out = csv::Writer::from_writer(file);
        let mut header = vec![columns.unit.word().to_owned()];
        header.extend(columns.id.as_deref().map(safe));
        header.extend(fields.iter().map(|p| p.trim_start_matches('/').replace('/', ".")));
        out.write_record(&header)?;
        Ok(ValidFile(Valid::Csv { out: Box::new(out), columns, fields }))
    }

    fn write(&mut self, checked: &Checked) -> io::Result<()> {
        let Some(payload) = checked.outcome.normalized.as_ref().filter(|_| checked.outcome.valid) else {
            return Ok(());
        };
        match &mut self.0 {
            Valid::Ndjson { out, columns } => {
                let mut line = format!("{{\"{}\":{}", columns.unit.word(), columns.number(checked));
                if columns.id.is_some() {
                    line.push_str(",\"id\":");
                    line.push_str(&serde_json::to_string(&checked.id).unwrap_or_else(|_| "null".to_owned()));
                }
                line.push_str(",\"normalized\":");
                line.push_str(&payload.to_string());
                line.push_str("}\n");
                out.write_all(line.as_bytes())
            }
            Valid::Csv { out, columns, fields } => {
                let mut row = vec![columns.number(checked).to_string()];
                if columns.id.is_some() {
                    row.push(checked.id.as_deref().map(safe).unwrap_or_default());
                }
                row.extend(fields.iter().map(|p| match payload.pointer(p) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                }));
                out.write_record(&row).map_err(io::Error::from)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Valid::Ndjson { out, .. } => out.flush(),
            Valid::Csv { out, .. } => out.flush(),
        }
    }
}

/// The profile's fields that are one CSV column each: the leaves, and the
/// free-form objects and arrays (`metadata`, `addresses`, `cc_emails`) as
/// compact JSON; not the members of those, nor the objects that only group
/// leaves (`billing_address`).
fn csv_fields(provider: Provider) -> Vec<&'static str> {
    let fields = catalog::profile(provider).fields;
    let has_children = |p: &str| {
        fields.iter().any(|f| f.path.len() > p.len() && f.path.starts_with(p) && f.path.as_bytes()[p.len()] == b'/')
    };
    let mut out: Vec<&'static str> = Vec::new();
    for f in fields {
        let free_form = matches!(f.kind, Kind::Object | Kind::List(_));
        if free_form && has_children(f.path) && matches!(f.kind, Kind::Object) {
            continue; // A group such as billing_address: its leaves are columns.
        }
        let under_free_form =
            out.iter().any(|p| f.path.starts_with(p) && f.path.as_bytes().get(p.len()) == Some(&b'/'));
        if !under_free_form && !out.contains(&f.path) {
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
        let columns = Columns {
            unit: Unit::Row,
            id: None,
            sources: [("/email".to_owned(), "E-Mail".to_owned())].into_iter().collect(),
        };
        assert_eq!(columns.column("/email"), "E-Mail");
        assert_eq!(columns.column("/billing_address/city"), "billing_address.city");
        assert_eq!(columns.column(""), "");
        assert_eq!(safe("=HYPERLINK()"), "'=HYPERLINK()");
    }
}
