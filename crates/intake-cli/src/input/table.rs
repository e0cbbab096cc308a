//! Tables (CSV files and spreadsheets): a header row, then one record per row.
//!
//! A field path has `.` between segments: `billing_address.city` is
//! `{"billing_address": {"city": ...}}`, and a segment of digits is an array index,
//! so `addresses.0.value` and `addresses.1.value` make an array of two objects. The
//! header row is compiled once into a tree (see `columns` for which column fills
//! which field), and each row is built by walking it.
//!
//! - An empty cell is absent: it adds nothing, and an object or array whose cells
//!   are all empty is absent too. Array items that are present keep their index
//!   order, with no gaps (`addresses.1` alone becomes the first item).
//! - A cell is a JSON string, except in a column whose field is a boolean in the
//!   provider's catalog (Stax's `allow_invoice_credit_card_payments`), where
//!   `true` or `false` in any case is a JSON boolean.
//! - Columns joined by `--map 'A+B=field'` fill the field with their non-empty
//!   cells, separated by one space.
//! - A row whose cells are all empty (Excel's trailing rows, `,,,,`, a blank line)
//!   is not a record; the rows are counted and told once at the end.
//! - A row that cannot be read (fewer cells than the header's named columns, a value
//!   past the header's last column, text that is not UTF-8, a row larger than the
//!   record limit) is an invalid record naming its row; the rows after it are read.
//! - A header that cannot be compiled (two columns for one field, `a` and `a.b`
//!   both, a `--map` of a column it does not have, no column for any field) stops
//!   the run: no row could be read as meant.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use intake::catalog::{self, Kind};
use intake::{Code, Fault, Provider};

use super::columns::{self, Mapping, Match};
use super::{Raw, Record};

/// One row of a table, numbered as a spreadsheet numbers it (from 1, the header's
/// row included).
#[derive(Debug)]
pub(crate) enum Row {
    /// The row's cells.
    Cells(u64, csv::ByteRecord),
    /// A row the reader could not split into cells, and why (never quoting it).
    Broken(u64, String),
}

/// How a table's header is read: the provider, the `--map` entries, `--id-column`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct HeaderRules<'a> {
    pub provider: Provider,
    pub maps: &'a [Mapping],
    pub id_column: Option<&'a str>,
}

/// One step of a header path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// The header compiled: where each cell goes.
#[derive(Debug)]
enum Node {
    /// A field filled by these columns (joined with a space); `boolean` when the
    /// catalog says the field is a boolean.
    Leaf { columns: Vec<usize>, boolean: bool },
    /// An object (children by key) or an array (children by index, sorted).
    Branch { array: bool, children: Vec<(Seg, Node)> },
}

/// The compiled header.
#[derive(Debug)]
pub(crate) struct Table {
    root: Vec<(Seg, Node)>,
    /// The `--id-column`'s column.
    id: Option<usize>,
    /// A row needs at least this many cells: up to the last column read.
    named: usize,
    /// The header's columns, up to its last named one (Excel's empty trailing ones left out).
    width: usize,
    /// Each field's pointer, and the header (or headers, joined by `+`) it came from.
    pub(crate) sources: HashMap<String, String>,
    /// What the compiler decided, for stderr: columns read loosely, columns ignored.
    pub(crate) notes: Vec<String>,
}

impl Table {
    /// Compiles the header row `names` (trimmed) for `rules`.
    ///
    /// # Errors
    /// A message saying why the header cannot be used.
    pub(crate) fn compile(names: &[String], rules: HeaderRules<'_>) -> Result<Table, String> {
        let provider = rules.provider;
        let find = |wanted: &str| -> Result<usize, String> {
            names.iter().position(|n| n == wanted).map_or_else(
                || {
                    let loose: Vec<usize> =
                        (0..names.len()).filter(|&i| names[i].eq_ignore_ascii_case(wanted)).collect();
                    match loose[..] {
                        [i] => Ok(i),
                        [] => Err(format!("the header has no column {wanted:?}")),
                        _ => Err(format!("the header has several columns {wanted:?} (in different cases)")),
                    }
                },
                Ok,
            )
        };
        let id = rules.id_column.map(|name| find(name).map_err(|e| format!("--id-column: {e}"))).transpose()?;
        let mut targets: Vec<(Vec<usize>, String)> = Vec::new();
        let mut claimed = vec![false; names.len()];
        for map in rules.maps {
            let cols = map
                .sources
                .iter()
                .map(|s| find(s))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("--map: {e}"))?;
            for &c in &cols {
                claimed[c] = true;
            }
            targets.push((cols, map.target.clone()));
        }
        let (mut loose, mut ignored, mut ambiguous, mut nameless) = (Vec::new(), Vec::new(), Vec::new(), 0);
        for (i, name) in names.iter().enumerate() {
            if claimed[i] {
                continue;
            }
            if name.is_empty() {
                nameless += 1;
                continue;
            }
            let exact = parse_path(name).filter(|segs| columns::is_known(provider, &pointer(segs)));
            let found = match exact {
                Some(_) => Match::Exact(name.clone()),
                None => columns::loose(provider, name),
            };
            match found {
                Match::Exact(path) => targets.push((vec![i], path)),
                Match::Loose(path) => {
                    loose.push(format!("{} as {path}", columns::shown(name, i + 1)));
                    targets.push((vec![i], path));
                }
                Match::Ambiguous(paths) if Some(i) != id => {
                    ambiguous.push(format!("{} (could be {})", columns::shown(name, i + 1), paths.join(" or ")));
                }
                _ if Some(i) == id => {}
                _ => ignored.push(columns::shown(name, i + 1)),
            }
        }
        if targets.is_empty() {
            return Err(format!(
                "the header row names no {} field{}; name columns as `intake providers` lists the fields \
                 (billing_address.city), or map them with --map 'Header=field'",
                provider.id(),
                if names.iter().all(String::is_empty) { " (it is empty)" } else { "" },
            ));
        }
        let mut root = Vec::new();
        let mut sources = HashMap::new();
        let mut named = 0;
        for (cols, path) in targets {
            let segs = parse_path(&path)
                .ok_or_else(|| format!("{path:?} is not a field path such as `billing_address.city`"))?;
            let ptr = pointer(&segs);
            let boolean = catalog::field(provider, &ptr).is_some_and(|f| matches!(f.kind, Kind::Boolean));
            let label = cols.iter().map(|&c| names[c].as_str()).collect::<Vec<_>>().join("+");
            named = named.max(cols.iter().max().map_or(0, |c| c + 1));
            let what = columns::shown(&label, cols[0] + 1);
            insert(&mut root, &segs, Node::Leaf { columns: cols, boolean })
                .map_err(|()| format!("{what} fills {path}, which an earlier column already fills or contradicts"))?;
            sources.insert(ptr, label);
        }
        if let Some(i) = id {
            named = named.max(i + 1);
        }
        sort_arrays(&mut root);
        let mut notes = Vec::new();
        if !loose.is_empty() {
            notes.push(format!("read column {}", loose.join(", ")));
        }
        if !ambiguous.is_empty() {
            notes.push(format!("ignored column {}: name the field with --map 'Header=field'", ambiguous.join(", ")));
        }
        if !ignored.is_empty() {
            notes.push(format!(
                "ignored {} that {} no {} field: {} (map one with --map 'Header=field')",
                plural(ignored.len(), "column", "columns"),
                if ignored.len() == 1 { "names" } else { "name" },
                provider.id(),
                ignored.join(", ")
            ));
        }
        if nameless > 0 {
            notes.push(format!(
                "ignored {} without a header (Excel's empty trailing columns)",
                plural(nameless, "column", "columns")
            ));
        }
        let width = names.iter().rposition(|n| !n.is_empty()).map_or(0, |i| i + 1);
        Ok(Table { root, id, named, width, sources, notes })
    }

    /// The record of one row's cells as JSON text, or why the row cannot be read.
    fn record(&self, number: u64, cells: &csv::ByteRecord) -> Result<(Vec<u8>, Option<String>), String> {
        if cells.len() < self.named {
            return Err(format!(
                "row {number} has {}; the header has {}",
                plural(cells.len(), "cell", "cells"),
                self.width
            ));
        }
        let mut record = Vec::with_capacity(2 * cells.as_slice().len() + 256);
        match members(false, &self.root, cells, &mut record) {
            // A record whose cells are all empty is still an object.
            Ok(false) => record.extend_from_slice(b"{}"),
            Ok(true) => {}
            Err(column) => {
                return Err(format!(
                    "row {number} has a cell in column {column} that is not UTF-8 \
                     (if the file is Windows-1252 or Latin-1, pass --encoding cp1252)"
                ))
            }
        }
        let id = self.id.and_then(|i| cells.get(i)).and_then(|c| std::str::from_utf8(c).ok()).map(str::trim);
        Ok((record, id.filter(|s| !s.is_empty()).map(str::to_owned)))
    }
}

/// "1 cell", "2 cells".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A table's row, with the header that builds it into a record.
#[derive(Debug)]
pub struct Cells {
    number: u64,
    cells: csv::ByteRecord,
    table: Arc<Table>,
}

impl Cells {
    /// The row's record, as JSON text, and its `--id-column` value; or why the
    /// row cannot be read, as an unreadable record's fault.
    ///
    /// # Errors
    /// A `record.malformed` fault naming the row.
    pub fn build(&self) -> Result<(Vec<u8>, Option<String>), Fault> {
        self.table.record(self.number, &self.cells).map_err(|message| Fault::owned(Code::RecordMalformed, message))
    }
}

/// The records of a table's rows.
pub(crate) struct TableRecords<I> {
    rows: I,
    table: Arc<Table>,
    max_bytes: usize,
    empty_rows: Arc<AtomicU64>,
}

impl<I> TableRecords<I> {
    /// Reads `rows` (the header already compiled into `table`), counting the empty
    /// rows skipped into `empty_rows`.
    pub(crate) fn new(rows: I, table: Table, max_bytes: usize, empty_rows: Arc<AtomicU64>) -> Self {
        TableRecords { rows, table: Arc::new(table), max_bytes, empty_rows }
    }
}

impl<I: Iterator<Item = io::Result<Row>>> Iterator for TableRecords<I> {
    type Item = io::Result<Record>;

    fn next(&mut self) -> Option<io::Result<Record>> {
        loop {
            let (number, cells) = match self.rows.next()? {
                Err(e) => return Some(Err(e)),
                Ok(Row::Broken(number, message)) => {
                    let fault = Fault::owned(Code::RecordMalformed, message);
                    return Some(Ok(Record { raw: Raw::Unreadable(fault), row: number, id: None }));
                }
                Ok(Row::Cells(number, cells)) => (number, cells),
            };
            if cells.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
                self.empty_rows.fetch_add(1, Ordering::Relaxed);
                continue;
            }
            if cells.as_slice().len() > self.max_bytes {
                let what = format!("row {number}");
                let fault = super::json::too_large(&what, self.max_bytes);
                return Some(Ok(Record { raw: Raw::Unreadable(fault), row: number, id: None }));
            }
            let raw = Raw::Cells(Cells { number, cells, table: Arc::clone(&self.table) });
            return Some(Ok(Record { raw, row: number, id: None }));
        }
    }
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

/// Writes the value of `node` in `row` as JSON text to `out`, and answers
/// whether it wrote one: nothing when every cell under it is empty. The error is
/// the 1-based column of a cell that is not UTF-8.
fn write(node: &Node, row: &csv::ByteRecord, out: &mut Vec<u8>) -> Result<bool, usize> {
    match node {
        Node::Leaf { columns, boolean } => {
            let text = match columns[..] {
                [column] => {
                    let cell = row.get(column).unwrap_or_default();
                    if cell.is_empty() {
                        return Ok(false);
                    }
                    Cow::Borrowed(std::str::from_utf8(cell).map_err(|_| column + 1)?)
                }
                _ => {
                    let mut joined = String::new();
                    for &column in columns {
                        let cell = std::str::from_utf8(row.get(column).unwrap_or_default()).map_err(|_| column + 1)?;
                        let cell = cell.trim();
                        if !cell.is_empty() {
                            if !joined.is_empty() {
                                joined.push(' ');
                            }
                            joined.push_str(cell);
                        }
                    }
                    if joined.is_empty() {
                        return Ok(false);
                    }
                    Cow::Owned(joined)
                }
            };
            match &*text {
                t if *boolean && t.eq_ignore_ascii_case("true") => out.extend_from_slice(b"true"),
                t if *boolean && t.eq_ignore_ascii_case("false") => out.extend_from_slice(b"false"),
                t => string(out, t),
            }
            Ok(true)
        }
        Node::Branch { array, children } => members(*array, children, row, out),
    }
}

/// Writes an array (of `children`'s values) or an object (of their keys and
/// values) to `out`, leaving out the absent ones; nothing, and `false`, when all are.
fn members(array: bool, children: &[(Seg, Node)], row: &csv::ByteRecord, out: &mut Vec<u8>) -> Result<bool, usize> {
    let start = out.len();
    out.push(if array { b'[' } else { b'{' });
    let mut any = false;
    for (seg, child) in children {
        let mark = out.len();
        if any {
            out.push(b',');
        }
        if let (false, Seg::Key(key)) = (array, seg) {
            string(out, key);
            out.push(b':');
        }
        if write(child, row, out)? {
            any = true;
        } else {
            out.truncate(mark);
        }
    }
    if any {
        out.push(if array { b']' } else { b'}' });
    } else {
        out.truncate(start);
    }
    Ok(any)
}

/// `s` as a JSON string: as it is between quotes when nothing in it needs an
/// escape (most cells), else as serde_json escapes it.
fn string(out: &mut Vec<u8>, s: &str) {
    // One branch-free pass, as `damage` scans cells.
    if s.bytes().fold(false, |seen, b| seen | (b == b'"') | (b == b'\\') | (b < 0x20)) {
        // Writing to a `Vec` cannot fail.
        let _ = serde_json::to_writer(out, s);
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(provider: Provider) -> HeaderRules<'static> {
        HeaderRules { provider, maps: &[], id_column: None }
    }

    fn names(header: &str) -> Vec<String> {
        header.split(',').map(|s| s.trim().to_owned()).collect()
    }

    fn rows(provider: Provider, header: &str, lines: &[&str]) -> Vec<String> {
        let table = Table::compile(&names(header), rules(provider)).unwrap();
        let rows = lines
            .iter()
            .enumerate()
            .map(|(i, line)| Ok(Row::Cells(i as u64 + 2, csv::ByteRecord::from(line.split(',').collect::<Vec<_>>()))));
        TableRecords::new(rows, table, 1000, Arc::default())
            .map(|r| match r.unwrap().raw {
                Raw::Cells(cells) => match cells.build() {
                    Ok((text, _)) => String::from_utf8(text).unwrap(),
                    Err(f) => format!("! {}", f.message),
                },
                Raw::Unreadable(f) => format!("! {}", f.message),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn dotted_headers_nest_and_empty_cells_are_absent() {
        let got = rows(
            Provider::Authvia,
            "ref,addresses.1.value,addresses.0.value,metadata.a",
            &["r1,b@x.io,+441,", "r2,,,x"],
        );
        assert_eq!(got[0], r#"{"ref":"r1","addresses":[{"value":"+441"},{"value":"b@x.io"}]}"#);
        assert_eq!(got[1], r#"{"ref":"r2","metadata":{"a":"x"}}"#);
    }

    #[test]
    fn boolean_columns_read_booleans() {
        let got = rows(Provider::Stax, "firstname,allow_invoice_credit_card_payments", &["TRUE,TRUE", "A,no"]);
        assert_eq!(
            got,
            [
                r#"{"firstname":"TRUE","allow_invoice_credit_card_payments":true}"#,
                r#"{"firstname":"A","allow_invoice_credit_card_payments":"no"}"#
            ]
        );
    }

    #[test]
    fn a_short_row_is_reported_and_empty_rows_are_skipped() {
        let got = rows(Provider::Stax, "firstname,lastname", &["A,B", "C", ",", "D,E"]);
        assert_eq!(got[1], "! row 3 has 1 cell; the header has 2");
        assert_eq!(got[2], r#"{"firstname":"D","lastname":"E"}"#);
    }

    #[test]
    fn conflicting_headers_are_refused() {
        for header in ["email,email", "email,Email", "metadata,metadata.a", "addresses.0,addresses.a", "Tags,Notes", ""]
        {
            assert!(Table::compile(&names(header), rules(Provider::Authvia)).is_err(), "{header}");
        }
        assert_eq!(pointer(&parse_path("a/b.0").unwrap()), "/a~1b/0");
    }

    #[test]
    fn maps_join_columns_and_unknown_columns_are_told_once() {
        let maps = Mapping::parse_list("First+Last=fullName").unwrap();
        let header = names("First,Last,E-Mail,Tags,,");
        let table =
            Table::compile(&header, HeaderRules { provider: Provider::Atoa, maps: &maps, id_column: None }).unwrap();
        assert_eq!(table.sources["/fullName"], "First+Last");
        assert_eq!(table.sources["/email"], "E-Mail");
        let notes = table.notes.join("\n");
        assert!(notes.contains("\"E-Mail\" as email"), "{notes}");
        assert!(notes.contains("ignored 1 column that names no atoa field: \"Tags\""), "{notes}");
        assert!(notes.contains("ignored 2 columns without a header"), "{notes}");
        let row = csv::ByteRecord::from(vec!["Ada", " Lovelace", "a@x.io", "x", "", ""]);
        let (text, _) = table.record(2, &row).unwrap();
        assert_eq!(String::from_utf8(text).unwrap(), r#"{"fullName":"Ada Lovelace","email":"a@x.io"}"#);
    }
}
