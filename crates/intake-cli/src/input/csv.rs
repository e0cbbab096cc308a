//! CSV rows, numbered as a spreadsheet numbers them, and the delimiter guessed.
//!
//! The csv crate's own line numbers are not a spreadsheet's: with `\r\n` endings
//! they run one behind, and blank lines, which it skips, are not counted. So rows
//! are split at `\n` alone (a `\r` left at the end of a row's last cell is
//! dropped), and each row's number is worked out from how many lines its read
//! consumed: the blank lines before it, the line breaks inside its quoted cells
//! (a spreadsheet keeps those in one row), and its own end.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::table::Row;

/// The rows of a CSV input.
pub(crate) struct CsvRows<R> {
    reader: csv::Reader<R>,
    /// The spreadsheet row of the last row read.
    row: u64,
    /// Blank lines skipped, added to the empty rows told at the end.
    blank: Arc<AtomicU64>,
    /// The row being read, reused: each row handed on is a clone of it, three
    /// exact-size allocations rather than a record grown cell by cell (the worker
    /// that frees it is another thread, where every allocation costs more).
    buf: csv::ByteRecord,
    /// The last cell without its `\r`, reused.
    scratch: Vec<u8>,
}

impl<R: Read> CsvRows<R> {
    /// Reads `src`, cells separated by `delimiter`.
    pub(crate) fn new(src: R, delimiter: u8, blank: Arc<AtomicU64>) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(src);
        CsvRows { reader, row: 0, blank, buf: csv::ByteRecord::new(), scratch: Vec::new() }
    }
}

impl<R: Read> Iterator for CsvRows<R> {
    type Item = io::Result<Row>;

    fn next(&mut self) -> Option<io::Result<Row>> {
        let before = self.reader.position().line();
        let read = self.reader.read_byte_record(&mut self.buf);
        let consumed = self.reader.position().line().saturating_sub(before);
        let inner = memchr::memchr_iter(b'\n', self.buf.as_slice()).count() as u64;
        // Lines consumed = blank lines + breaks inside cells + the row's own end.
        let blank = consumed.saturating_sub(inner + 1);
        self.blank.fetch_add(blank, Ordering::Relaxed);
        self.row += blank + 1;
        match read {
            Ok(false) => None,
            Ok(true) => {
                strip_cr(&mut self.buf, &mut self.scratch);
                Some(Ok(Row::Cells(self.row, self.buf.clone())))
            }
            Err(e) => match e.into_kind() {
                csv::ErrorKind::Io(e) => Some(Err(e)),
                _ => Some(Ok(Row::Broken(self.row, format!("row {} cannot be read as CSV", self.row)))),
            },
        }
    }
}

/// Drops the `\r` of a `\r\n` ending from the row's last cell (`scratch` holds it
/// while the record is shortened).
fn strip_cr(cells: &mut csv::ByteRecord, scratch: &mut Vec<u8>) {
    let n = cells.len();
    let Some(last) = cells.get(n.wrapping_sub(1)) else { return };
    if let Some(kept) = last.strip_suffix(b"\r") {
        scratch.clear();
        scratch.extend_from_slice(kept);
        cells.truncate(n - 1);
        cells.push_field(scratch);
    }
}

/// The delimiter of a CSV whose text starts with `head`: the one of `,`, `;` and
/// tab that occurs most in the first line outside quotes (a comma on a tie, or
/// when there is none).
pub(crate) fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], usize::from(i == 0))).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(u64, Vec<String>)> {
        CsvRows::new(text.as_bytes(), b',', Arc::default())
            .map(|r| match r.unwrap() {
                Row::Cells(n, cells) => (n, cells.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect()),
                Row::Broken(n, m) => (n, vec![m]),
            })
            .collect()
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_numbers_them() {
        let lf = numbers("h1,h2\na,b\n\n\nc,\"x\ny\"\ne,f\n");
        let crlf = numbers("h1,h2\r\na,b\r\n\r\n\r\nc,\"x\r\ny\"\r\ne,f\r\n");
        let rows =
            |got: &[(u64, Vec<String>)]| got.iter().filter(|(_, c)| c.len() == 2).map(|(n, _)| *n).collect::<Vec<_>>();
        assert_eq!(rows(&lf), [1, 2, 5, 6]);
        assert_eq!(rows(&crlf), [1, 2, 5, 6]);
        assert_eq!(crlf.last().unwrap().1, ["e", "f"], "no \\r left in the last cell");
        assert_eq!(numbers("a,b\nc,d").last().unwrap().0, 2, "no newline at the end");
    }

    #[test]
    fn the_delimiter_is_guessed_from_the_first_line() {
        assert_eq!(sniff_delimiter(b"a;b;c\n1,5;2;3"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter(b"\"x;y\",b\n"), b',');
        assert_eq!(sniff_delimiter(b"email\n"), b',');
    }
}
