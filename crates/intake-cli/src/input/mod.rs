//! Reading records: opening the input, deciding its format, and streaming it.
//!
//! Every format yields [`Record`]s one at a time, so memory stays flat whatever
//! the input's length: NDJSON line by line, CSV row by row, and a JSON array
//! element by element (a workbook is the exception: calamine reads its sheet
//! whole). Neither JSON text nor a table's row is made into a record here: that
//! happens in the worker threads (see `check`), so it runs on every core.
//!
//! Before the layout is decided, the text is decoded when it is not UTF-8
//! (`decode`), and a workbook is recognized by its name or its first bytes
//! (`xlsx`). Tables (`csv`, `xlsx`) share one header compiler (`table`, with
//! `columns` matching header names to the profile's fields) and number their
//! rows as a spreadsheet does.

mod columns;
mod csv;
mod decode;
mod json;
mod ndjson;
mod table;
mod xlsx;

pub use columns::Mapping;
pub use decode::parse_label as parse_encoding;
pub use table::Cells;

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::Encoding;
use intake::{Fault, Provider};
use serde_json::Value;

use crate::args::InputFormat;

/// Read buffer size: large enough that a read call carries many records.
const BUFFER: usize = 256 * 1024;

/// One record as read, before validation.
#[derive(Debug)]
pub enum Raw {
    /// The JSON text of one record, and where it starts in the input.
    Json {
        /// The text, at most the record limit.
        text: Vec<u8>,
        /// Its first byte's position.
        at: Pos,
    },
    /// A record already built.
    Value(Value),
    /// A table's row, built into a record by the worker that validates it (so
    /// that building runs on every core, as JSON parsing does).
    Cells(table::Cells),
    /// A record that could not be read; its fault names where, never what.
    Unreadable(Fault),
}

/// One record and where it is in the input.
#[derive(Debug)]
pub struct Record {
    /// The record.
    pub raw: Raw,
    /// Its spreadsheet row (tables) or first line (NDJSON), from 1; unused for JSON,
    /// whose records are named by their number (see [`Unit`]).
    pub row: u64,
    /// The `--id-column`'s value, when a table's reader has it (JSON records get
    /// theirs once parsed).
    pub id: Option<String>,
}

/// How the records of an input are placed, in messages and reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A table's row, as a spreadsheet numbers it (the header is row 1).
    Row,
    /// An NDJSON line.
    Line,
    /// A JSON record, by its number in the output (from 0).
    Record,
}

impl Unit {
    /// The word for it: `row`, `line`, `record`.
    pub const fn word(self) -> &'static str {
        match self {
            Unit::Row => "row",
            Unit::Line => "line",
            Unit::Record => "record",
        }
    }

    /// The number that places record `n` read at `row`.
    pub const fn number(self, n: u64, row: u64) -> u64 {
        match self {
            Unit::Row | Unit::Line => row,
            Unit::Record => n,
        }
    }
}

/// A 1-based line and byte column in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    /// The line.
    pub line: u64,
    /// The byte in the line.
    pub column: u64,
}

impl Pos {
    /// The first byte of the input.
    pub const START: Pos = Pos { line: 1, column: 1 };

    /// The position after `b`.
    fn advance(&mut self, b: u8) {
        if b == b'\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
    }
}

/// The records of an input, and how far it has been read.
pub struct Input {
    /// The records, in input order; an error is an I/O failure that ends the input.
    pub records: Box<dyn Iterator<Item = io::Result<Record>> + Send>,
    /// The input's size in bytes, when it is a file.
    pub len: Option<u64>,
    /// Bytes read so far (for the progress bar).
    pub read: Arc<AtomicU64>,
    /// How records are placed.
    pub unit: Unit,
    /// What was decided about the input, told once on stderr before the run
    /// (an encoding, a delimiter, columns read loosely or ignored).
    pub notes: Vec<String>,
    /// A table's empty rows skipped so far, told once after the run.
    pub empty_rows: Arc<AtomicU64>,
    /// For a table: each field's pointer and the header it came from.
    pub sources: HashMap<String, String>,
}

/// How to read an input: the flags of `intake check` that concern it.
#[derive(Clone, Copy, Debug)]
pub struct Settings<'a> {
    /// The layout, or `auto`.
    pub format: InputFormat,
    /// The profile (a table's header is matched to its fields).
    pub provider: Provider,
    /// The record size limit.
    pub max_bytes: usize,
    /// A table's delimiter; guessed from the header row when `None`.
    pub delimiter: Option<u8>,
    /// The text's encoding; UTF-8, or UTF-16 by its byte order mark, when `None`.
    pub encoding: Option<&'static Encoding>,
    /// `--map` entries.
    pub maps: &'a [Mapping],
    /// `--id-column`.
    pub id_column: Option<&'a str>,
}

/// How the records are laid out, once decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    JsonValue,
    JsonArray,
    Ndjson,
    Csv,
}

/// Opens `path` (standard input when `None`) and decides its layout.
///
/// # Errors
/// A message for a person: the file cannot be opened or read, it is empty, or its
/// header cannot be used. The run stops with exit status 2.
pub fn open(path: Option<&Path>, settings: &Settings<'_>) -> Result<Input, String> {
    let name = path.map_or_else(|| "standard input".to_owned(), |p| p.display().to_string());
    let (source, len): (Box<dyn Read + Send>, _) = match path {
        Some(p) => {
            let file = File::open(p).map_err(|e| format!("cannot open {name}: {e}"))?;
            let len = file.metadata().ok().filter(std::fs::Metadata::is_file).map(|m| m.len());
            (Box::new(file), len)
        }
        None => (Box::new(io::stdin()), None),
    };
    from_source(source, len, path, &name, settings)
}

/// Reads the records of any source (`open` gives it a file or standard input; the
/// fuzz target, bytes in memory). `path` is only looked at for its extension.
///
/// # Errors
/// As [`open`].
pub fn from_source(
    source: Box<dyn Read + Send>,
    len: Option<u64>,
    path: Option<&Path>,
    name: &str,
    settings: &Settings<'_>,
) -> Result<Input, String> {
    let read = Arc::new(AtomicU64::new(0));
    let mut head = Head::new(Box::new(Counting { inner: source, read: Arc::clone(&read) }) as Box<dyn Read + Send>);
    let cannot_read = |e: io::Error| format!("cannot read {name}: {e}");
    let mut notes = Vec::new();
    let empty_rows = Arc::new(AtomicU64::new(0));
    head.get(7).map_err(cannot_read)?;
    let ext = path.and_then(Path::extension).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let workbook_ext = matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods"));
    if settings.format == InputFormat::Xlsx
        || (settings.format == InputFormat::Auto && (workbook_ext || xlsx::is_workbook(&head.buf)))
    {
        let (rows, note) = xlsx::rows(head.into_reader()).map_err(|e| format!("{name}: {e}"))?;
        notes.extend(note);
        let mut rows = xlsx::iter(rows);
        let (records, sources) = table_records(&mut rows, name, settings, &mut notes, &empty_rows)?;
        let records = Box::new(records.chain_rows(rows));
        return Ok(Input { records, len, read, unit: Unit::Row, notes, empty_rows, sources });
    }
    let encoding = decode::choose(&head.buf, settings.encoding);
    let mut head = match encoding {
        Some(chosen) => {
            notes.push(chosen.note());
            Head::new(decode::reader(head.into_reader(), chosen.encoding))
        }
        None => {
            head.skip_bom().map_err(cannot_read)?;
            head
        }
    };
    if head.first_non_space().map_err(cannot_read)?.is_none() {
        return Err(format!("{name} is empty: there are no records to check"));
    }
    let layout = layout(settings.format, path, &mut head, settings.max_bytes).map_err(cannot_read)?;
    let max_bytes = settings.max_bytes;
    let (records, unit, sources): (Box<dyn Iterator<Item = io::Result<Record>> + Send>, _, _) = match layout {
        Layout::JsonValue => {
            let src = head.into_reader();
            let one = json::single(src, max_bytes).transpose().map(|r| r.map(|raw| Record { raw, row: 1, id: None }));
            (Box::new(one.into_iter()), Unit::Record, HashMap::new())
        }
        Layout::JsonArray => {
            let src = BufReader::with_capacity(BUFFER, head.into_reader());
            (Box::new(json::ArrayRecords::new(src, max_bytes).map(line_record)), Unit::Record, HashMap::new())
        }
        Layout::Ndjson => {
            let src = BufReader::with_capacity(BUFFER, head.into_reader());
            (Box::new(ndjson::NdjsonRecords::new(src, max_bytes).map(line_record)), Unit::Line, HashMap::new())
        }
        Layout::Csv => {
            let delimiter = match settings.delimiter {
                Some(d) => d,
                None => {
                    head.first_line().map_err(cannot_read)?;
                    let d = csv::sniff_delimiter(&head.buf);
                    if d != b',' {
                        let shown = if d == b'\t' { "tab" } else { ";" };
                        notes
                            .push(format!("read cells separated by {shown} (guessed from the header row; -d sets it)"));
                    }
                    d
                }
            };
            let mut rows = csv::CsvRows::new(head.into_reader(), delimiter, Arc::clone(&empty_rows));
            let (records, sources) = table_records(&mut rows, name, settings, &mut notes, &empty_rows)?;
            (Box::new(records.chain_rows(rows)), Unit::Row, sources)
        }
    };
    Ok(Input { records, len, read, unit, notes, empty_rows, sources })
}

/// A JSON record's line number.
fn line_record(raw: io::Result<Raw>) -> io::Result<Record> {
    raw.map(|raw| {
        let row = match &raw {
            Raw::Json { at, .. } => at.line,
            _ => 0,
        };
        Record { raw, row, id: None }
    })
}

/// A table's header, read from `rows` and compiled.
struct Header {
    table: table::Table,
    max_bytes: usize,
    empty_rows: Arc<AtomicU64>,
}

impl Header {
    /// The records of the rows after the header.
    fn chain_rows<I: Iterator<Item = io::Result<table::Row>>>(self, rows: I) -> table::TableRecords<I> {
        table::TableRecords::new(rows, self.table, self.max_bytes, self.empty_rows)
    }
}

/// Reads the header row (the first row that is not empty) of a table and compiles
/// it, adding what it decided to `notes`.
fn table_records(
    rows: &mut impl Iterator<Item = io::Result<table::Row>>,
    name: &str,
    settings: &Settings<'_>,
    notes: &mut Vec<String>,
    empty_rows: &Arc<AtomicU64>,
) -> Result<(Header, HashMap<String, String>), String> {
    let header = loop {
        match rows.next() {
            None => return Err(format!("{name} is empty: there are no records to check")),
            Some(Err(e)) => return Err(format!("cannot read {name}: {e}")),
            Some(Ok(table::Row::Broken(n, _))) => {
                return Err(format!("{name}: the header row (row {n}) cannot be read"))
            }
            Some(Ok(table::Row::Cells(_, cells))) => {
                if cells.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
                    continue;
                }
                break cells;
            }
        }
    };
    // Blank rows above the header are not data rows: do not report them.
    empty_rows.store(0, Ordering::Relaxed);
    let names = header
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            std::str::from_utf8(cell).map(|s| s.trim().to_owned()).map_err(|_| {
                format!(
                    "{name}: the header's column {} is not UTF-8 text (if the file is Windows-1252 or Latin-1, \
                     pass --encoding cp1252)",
                    i + 1
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let rules = table::HeaderRules { provider: settings.provider, maps: settings.maps, id_column: settings.id_column };
    let compiled = table::Table::compile(&names, rules).map_err(|e| format!("{name}: {e}"))?;
    notes.extend(compiled.notes.iter().cloned());
    let sources = compiled.sources.clone();
    Ok((Header { table: compiled, max_bytes: settings.max_bytes, empty_rows: Arc::clone(empty_rows) }, sources))
}

/// The layout: `auto` goes by extension, then by content (`[` is an array; `{`
/// is one JSON value if nothing but white space follows it, else NDJSON; anything
/// else, an empty input included, is CSV).
fn layout<R: Read>(format: InputFormat, path: Option<&Path>, head: &mut Head<R>, max: usize) -> io::Result<Layout> {
    let by_extension = || {
        let ext = path?.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(InputFormat::Json),
            "ndjson" | "jsonl" => Some(InputFormat::Ndjson),
            "csv" | "tsv" | "txt" => Some(InputFormat::Csv),
            _ => None,
        }
    };
    let format = match format {
        InputFormat::Auto => by_extension().unwrap_or(InputFormat::Auto),
        f => f,
    };
    let first = head.first_non_space()?;
    Ok(match (format, first) {
        (InputFormat::Ndjson, _) => Layout::Ndjson,
        (InputFormat::Csv | InputFormat::Xlsx, _) => Layout::Csv,
        (InputFormat::Json | InputFormat::Auto, Some((_, b'['))) => Layout::JsonArray,
        (InputFormat::Json, _) => Layout::JsonValue,
        (InputFormat::Auto, Some((at, b'{'))) => {
            if head.one_value_from(at, max)? {
                Layout::JsonValue
            } else {
                Layout::Ndjson
            }
        }
        (InputFormat::Auto, _) => Layout::Csv,
    })
}

/// The start of the input, read ahead to decide its layout and then replayed.
struct Head<R> {
    buf: Vec<u8>,
    inner: R,
    eof: bool,
}

impl<R: Read> Head<R> {
    fn new(inner: R) -> Self {
        Head { buf: Vec::new(), inner, eof: false }
    }

    /// The byte at `i`, reading more as needed; `None` past the end of input.
    fn get(&mut self, i: usize) -> io::Result<Option<u8>> {
        let mut chunk = [0; 8192];
        while i >= self.buf.len() && !self.eof {
            // One read call at a time: a pipe that trickles still gets decided early.
            match self.inner.read(&mut chunk) {
                Ok(0) => self.eof = true,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(self.buf.get(i).copied())
    }

    /// Reads ahead to the end of the first line (at most 64 KiB of it).
    fn first_line(&mut self) -> io::Result<()> {
        let mut i = 0;
        while i < 64 * 1024 {
            match self.get(i)? {
                None | Some(b'\n') => break,
                Some(_) => i += 1,
            }
        }
        Ok(())
    }

    /// Drops a UTF-8 byte order mark (spreadsheets write one before CSV).
    fn skip_bom(&mut self) -> io::Result<()> {
        self.get(2)?;
        if self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf.drain(..3);
        }
        Ok(())
    }

    /// The first byte that is not white space, and where it is.
    fn first_non_space(&mut self) -> io::Result<Option<(usize, u8)>> {
        let mut i = 0;
        while let Some(b) = self.get(i)? {
            if !b.is_ascii_whitespace() {
                return Ok(Some((i, b)));
            }
            i += 1;
        }
        Ok(None)
    }

    /// Whether the JSON value starting at `start` is all the input holds. A value
    /// that does not end (broken, or larger than `max`) counts as all of it: it
    /// is then one invalid record.
    fn one_value_from(&mut self, start: usize, max: usize) -> io::Result<bool> {
        let mut lexer = json::Lexer::default();
        let mut i = start;
        loop {
            let Some(b) = self.get(i)? else { return Ok(true) };
            lexer.step(b);
            i += 1;
            if lexer.at_top() {
                break;
            }
            if i - start > max {
                return Ok(true);
            }
        }
        while let Some(b) = self.get(i)? {
            if !b.is_ascii_whitespace() {
                return Ok(false);
            }
            i += 1;
        }
        Ok(true)
    }

    /// The whole input: what was read ahead, then the rest.
    fn into_reader(self) -> io::Chain<Cursor<Vec<u8>>, R> {
        Cursor::new(self.buf).chain(self.inner)
    }
}

/// A reader that counts the bytes it reads, for the progress bar.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff(text: &str) -> Layout {
        layout(InputFormat::Auto, None, &mut Head::new(text.as_bytes()), 1000).unwrap()
    }

    #[test]
    fn content_decides_the_layout() {
        assert_eq!(sniff(" [{}]"), Layout::JsonArray);
        assert_eq!(sniff("{\n \"a\": \"}{\"\n}\n"), Layout::JsonValue);
        assert_eq!(sniff("{\"a\":1}\n{\"a\":2}\n"), Layout::Ndjson);
        assert_eq!(sniff("{\"a\":"), Layout::JsonValue);
        assert_eq!(sniff("email,phone\n"), Layout::Csv);
        assert_eq!(sniff(""), Layout::Csv);
    }

    #[test]
    fn the_extension_wins_over_content() {
        let mut head = Head::new(&b"{\"a\":1}\n{\"a\":2}\n"[..]);
        assert_eq!(layout(InputFormat::Auto, Some(Path::new("x.JSON")), &mut head, 1000).unwrap(), Layout::JsonValue);
        let mut head = Head::new(&b"[1]"[..]);
        assert_eq!(layout(InputFormat::Auto, Some(Path::new("x.jsonl")), &mut head, 1000).unwrap(), Layout::Ndjson);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let mut head = Head::new(&b"\xEF\xBB\xBF[1]"[..]);
        head.skip_bom().unwrap();
        let mut text = String::new();
        head.into_reader().read_to_string(&mut text).unwrap();
        assert_eq!(text, "[1]");
    }
}
