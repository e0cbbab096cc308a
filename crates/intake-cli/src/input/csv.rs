//! CSV input: a header row of field paths, then one record per row.
//!
//! A header is a path with `.` between segments: `billing_address.city` is
//! `{"billing_address": {"city": ...}}`, and a segment of digits is an array index,
//! so `addresses.0.value` and `addresses.1.value` make an array of two objects. The
//! header row is compiled once into a tree, and each row is built by walking it.
//!
//! - An empty cell is absent: it adds nothing, and an object or array whose cells
//!   are all empty is absent too. Array items that are present keep their index
//!   order, with no gaps (`addresses.1` alone becomes the first item).
//! - A cell is a JSON string, except in a column whose field is a boolean in the
//!   provider's catalog (Stax's `allow_invoice_credit_card_payments`), where
//!   `true` or `false` in any case is a JSON boolean.
//! - A row that cannot be read (a different number of cells from the header, text
//!   that is not UTF-8, a row larger than the record limit) is an invalid record
//!   naming its line; the rows after it are still read. The csv crate holds one
//!   row in memory at a time, so a row's size is checked after it is read.
//! - A header that cannot be compiled (an empty name, a repeated column, `a` and
//!   `a.b` both, a path starting with an index) stops the run: no row could be
//!   read as meant.

use std::io::{self, Read};

use intake::catalog::{self, Kind};
use intake::{Code, Fault, Provider};
use serde_json::{Map, Value};

use super::Raw;

/// One step of a header path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// The header compiled: where each cell goes.
#[derive(Debug)]
enum Node {
    /// A cell, by column; `boolean` when the catalog says the field is a boolean.
    Leaf { column: usize, boolean: bool },
    /// An object (children by key) or an array (children by index, sorted).
    Branch { array: bool, children: Vec<(Seg, Node)> },
}

/// The rows of a CSV input, one record each.
pub(crate) struct CsvRecords<R> {
    reader: csv::Reader<R>,
    root: Vec<(Seg, Node)>,
    row: csv::ByteRecord,
    max_bytes: usize,
}

impl<R: Read> CsvRecords<R> {
    /// Reads the header row of `src` and compiles it for `provider`.
    ///
    /// # Errors
    /// A message saying why the header cannot be used.
    pub(crate) fn new(src: R, provider: Provider, max_bytes: usize) -> Result<Self, String> {
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::Headers).from_reader(src);
        let headers = reader.byte_headers().map_err(|e| format!("cannot read the CSV header row: {e}"))?.clone();
        let mut root = Vec::new();
        for (column, name) in headers.iter().enumerate() {
            let name = std::str::from_utf8(name)
                .map_err(|_| format!("CSV header: column {} is not valid UTF-8", column + 1))?;
            let segs = parse_path(name).ok_or_else(|| {
                format!(
                    "CSV header: column {} ({name:?}) is not a field path such as `billing_address.city`",
                    column + 1
                )
            })?;
            let boolean = catalog::field(provider, &pointer(&segs)).is_some_and(|f| matches!(f.kind, Kind::Boolean));
            insert(&mut root, &segs, Node::Leaf { column, boolean }).map_err(|()| {
                format!("CSV header: column {} ({name:?}) conflicts with an earlier column", column + 1)
            })?;
        }
        sort_arrays(&mut root);
        Ok(CsvRecords { reader, root, row: csv::ByteRecord::new(), max_bytes })
    }
}

impl<R: Read> Iterator for CsvRecords<R> {
    type Item = io::Result<Raw>;

    fn next(&mut self) -> Option<io::Result<Raw>> {
        let line = match self.reader.read_byte_record(&mut self.row) {
            Ok(false) => return None,
            Ok(true) => self.row.position().map_or(0, csv::Position::line),
            Err(e) => return unreadable_row(e).map(|r| r.map(Raw::Unreadable)),
        };
        if self.row.as_slice().len() > self.max_bytes {
            let what = format!("the row at line {line}");
            return Some(Ok(Raw::Unreadable(super::json::too_large(&what, self.max_bytes))));
        }
        let mut record = Map::new();
        for (seg, node) in &self.root {
            match build(node, &self.row) {
                Ok(Some(value)) => {
                    if let Seg::Key(key) = seg {
                        record.insert(key.clone(), value);
                    }
                }
                Ok(None) => {}
                Err(column) => {
                    let message = format!("the row at line {line} has a cell in column {column} that is not UTF-8");
                    return Some(Ok(Raw::Unreadable(Fault::owned(Code::RecordMalformed, message))));
                }
            }
        }
        Some(Ok(Raw::Value(Value::Object(record))))
    }
}

/// A row the csv crate could not read: an invalid record, or an I/O error.
fn unreadable_row(e: csv::Error) -> Option<io::Result<Fault>> {
    let line = e.position().map_or(0, csv::Position::line);
    let message = match e.into_kind() {
        csv::ErrorKind::Io(e) => return Some(Err(e)),
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("the row at line {line} has {len} cells; the header has {expected_len}")
        }
        _ => format!("the row at line {line} cannot be read as CSV"),
    };
    Some(Ok(Fault::owned(Code::RecordMalformed, message)))
}

/// The segments of a header path, or `None` when it is not one.
fn parse_path(name: &str) -> Option<Vec<Seg>> {
    let segs = name
        .split('.')
        .map(|s| match s {
            "" => None,
            _ if s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok().map(Seg::Index),
            _ => Some(Seg::Key(s.to_owned())),
        })
        .collect::<Option<Vec<_>>>()?;
    matches!(segs.first(), Some(Seg::Key(_))).then_some(segs)
}

/// The RFC 6901 pointer of a path, as the catalog names fields.
fn pointer(segs: &[Seg]) -> String {
    segs.iter().fold(String::new(), |mut p, seg| {
        p.push('/');
        match seg {
            Seg::Key(k) => p.push_str(&k.replace('~', "~0").replace('/', "~1")),
            Seg::Index(i) => p.push_str(&i.to_string()),
        }
        p
    })
}

/// Places `leaf` at `segs` under `children`; fails when a column is already there,
/// or the path goes through a value of the other kind (a cell, an object, an array).
fn insert(children: &mut Vec<(Seg, Node)>, segs: &[Seg], leaf: Node) -> Result<(), ()> {
    let (seg, rest) = segs.split_first().ok_or(())?;
    let found = children.iter().position(|(s, _)| s == seg);
    let Some(next) = rest.first() else {
        return match found {
            Some(_) => Err(()),
            None => {
                children.push((seg.clone(), leaf));
                Ok(())
            }
        };
    };
    let array = matches!(next, Seg::Index(_));
    let i = found.unwrap_or_else(|| {
        children.push((seg.clone(), Node::Branch { array, children: Vec::new() }));
        children.len() - 1
    });
    match &mut children[i].1 {
        Node::Branch { array: a, children } if *a == array => insert(children, rest, leaf),
        _ => Err(()),
    }
}

fn sort_arrays(children: &mut [(Seg, Node)]) {
    for (_, node) in children {
        if let Node::Branch { array, children } = node {
            if *array {
                children.sort_by_key(|(seg, _)| match seg {
                    Seg::Index(i) => *i,
                    Seg::Key(_) => usize::MAX,
                });
            }
            sort_arrays(children);
        }
    }
}

/// The value of `node` in `row`: `None` when every cell under it is empty; the
/// 1-based column of a cell that is not UTF-8 as the error.
fn build(node: &Node, row: &csv::ByteRecord) -> Result<Option<Value>, usize> {
    match node {
        Node::Leaf { column, boolean } => {
            let cell = row.get(*column).unwrap_or_default();
            if cell.is_empty() {
                return Ok(None);
            }
            let text = std::str::from_utf8(cell).map_err(|_| column + 1)?;
            Ok(Some(match text {
                _ if *boolean && text.eq_ignore_ascii_case("true") => Value::Bool(true),
                _ if *boolean && text.eq_ignore_ascii_case("false") => Value::Bool(false),
                _ => Value::String(text.to_owned()),
            }))
        }
        Node::Branch { array: true, children } => {
            let mut items = Vec::new();
            for (_, child) in children {
                items.extend(build(child, row)?);
            }
            Ok((!items.is_empty()).then_some(Value::Array(items)))
        }
        Node::Branch { array: false, children } => {
            let mut map = Map::new();
            for (seg, child) in children {
                if let (Seg::Key(key), Some(value)) = (seg, build(child, row)?) {
                    map.insert(key.clone(), value);
                }
            }
            Ok((!map.is_empty()).then_some(Value::Object(map)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(provider: Provider, text: &str) -> Vec<String> {
        CsvRecords::new(text.as_bytes(), provider, 1000)
            .unwrap()
            .map(|r| match r.unwrap() {
                Raw::Value(v) => v.to_string(),
                Raw::Unreadable(f) => format!("! {}", f.message),
                Raw::Json { .. } => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn dotted_headers_nest_and_empty_cells_are_absent() {
        let got =
            rows(Provider::Authvia, "ref,addresses.1.value,addresses.0.value,metadata.a\nr1,b@x.io,+441,\nr2,,,\n");
        assert_eq!(got[0], r#"{"ref":"r1","addresses":[{"value":"+441"},{"value":"b@x.io"}]}"#);
        assert_eq!(got[1], r#"{"ref":"r2"}"#);
    }

    #[test]
    fn boolean_columns_read_booleans() {
        let got = rows(Provider::Stax, "firstname,allow_invoice_credit_card_payments\nTRUE,TRUE\nA,no\n");
        assert_eq!(
            got,
            [
                r#"{"firstname":"TRUE","allow_invoice_credit_card_payments":true}"#,
                r#"{"firstname":"A","allow_invoice_credit_card_payments":"no"}"#
            ]
        );
    }

    #[test]
    fn a_short_row_is_reported_and_reading_goes_on() {
        let got = rows(Provider::Stax, "firstname,lastname\nA,B\nC\nD,E\n");
        assert_eq!(got[1], "! the row at line 3 has 1 cells; the header has 2");
        assert_eq!(got[2], r#"{"firstname":"D","lastname":"E"}"#);
    }

    #[test]
    fn conflicting_headers_are_refused() {
        for header in ["a,a", "a,a.b", "a.b,a", "a.0,a.b", "0.a", "a..b", ""] {
            assert!(CsvRecords::new(format!("{header}\n1,2\n").as_bytes(), Provider::Stax, 100).is_err(), "{header}");
        }
        assert_eq!(pointer(&parse_path("a/b.0").unwrap()), "/a~1b/0");
    }
}
