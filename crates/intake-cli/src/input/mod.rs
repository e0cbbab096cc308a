//! Reading records: opening the input, deciding its format, and streaming it.
//!
//! Every format yields [`Raw`] records one at a time, so memory stays flat
//! whatever the input's length: NDJSON line by line, CSV row by row, and a JSON
//! array element by element. JSON text is not parsed here but in the worker
//! threads (see `check`), so parsing runs on every core.

mod csv;
mod json;
mod ndjson;

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

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
    /// A record already built (a CSV row).
    Value(Value),
    /// A record that could not be read; its fault names where, never what.
    Unreadable(Fault),
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
    pub records: Box<dyn Iterator<Item = io::Result<Raw>> + Send>,
    /// The input's size in bytes, when it is a file.
    pub len: Option<u64>,
    /// Bytes read so far (for the progress bar).
    pub read: Arc<AtomicU64>,
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
/// A message for a person: the file cannot be opened or read, or its CSV header
/// cannot be used. The run stops with exit status 2.
pub fn open(path: Option<&Path>, format: InputFormat, provider: Provider, max_bytes: usize) -> Result<Input, String> {
    let name = path.map_or_else(|| "standard input".to_owned(), |p| p.display().to_string());
    let (source, len): (Box<dyn Read + Send>, _) = match path {
        Some(p) => {
            let file = File::open(p).map_err(|e| format!("cannot open {name}: {e}"))?;
            let len = file.metadata().ok().filter(std::fs::Metadata::is_file).map(|m| m.len());
            (Box::new(file), len)
        }
        None => (Box::new(io::stdin()), None),
    };
    from_source(source, len, path, &name, format, provider, max_bytes)
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
    format: InputFormat,
    provider: Provider,
    max_bytes: usize,
) -> Result<Input, String> {
    let read = Arc::new(AtomicU64::new(0));
    let mut head = Head::new(Counting { inner: source, read: Arc::clone(&read) });
    let cannot_read = |e: io::Error| format!("cannot read {name}: {e}");
    head.skip_bom().map_err(cannot_read)?;
    let layout = layout(format, path, &mut head, max_bytes).map_err(cannot_read)?;
    let src = head.into_reader();
    let records: Box<dyn Iterator<Item = io::Result<Raw>> + Send> = match layout {
        Layout::JsonValue => Box::new(json::single(src, max_bytes).transpose().into_iter()),
        Layout::JsonArray => Box::new(json::ArrayRecords::new(BufReader::with_capacity(BUFFER, src), max_bytes)),
        Layout::Ndjson => Box::new(ndjson::NdjsonRecords::new(BufReader::with_capacity(BUFFER, src), max_bytes)),
        Layout::Csv => Box::new(csv::CsvRecords::new(src, provider, max_bytes).map_err(|e| format!("{name}: {e}"))?),
    };
    Ok(Input { records, len, read })
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
            "csv" => Some(InputFormat::Csv),
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
        (InputFormat::Csv, _) => Layout::Csv,
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
