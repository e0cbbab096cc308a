//! NDJSON input: one record per line, read with a bounded buffer.
//!
//! A line longer than the record limit is skipped up to its newline, never held,
//! so one huge line cannot exhaust memory. Lines holding only white space are
//! skipped (they are not records), but still counted for line numbers.

use std::io::{self, BufRead};

use super::json::too_large;
use super::{Pos, Raw};

/// The lines of an NDJSON input, one record each.
pub(crate) struct NdjsonRecords<R> {
    src: R,
    line: u64,
    max_bytes: usize,
}

impl<R: BufRead> NdjsonRecords<R> {
    /// Reads `src` line by line.
    pub(crate) fn new(src: R, max_bytes: usize) -> Self {
        NdjsonRecords { src, line: 0, max_bytes }
    }

    /// Reads the next line into `text` (without its `\n`); false at the end of input.
    /// Sets `oversize` (and stops filling `text`) past the limit.
    fn read_line(&mut self, text: &mut Vec<u8>, oversize: &mut bool) -> io::Result<bool> {
        let mut any = false;
        loop {
            let chunk = match self.src.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any);
            }
            any = true;
            let (part, used, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (&chunk[..i], i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            if !*oversize && text.len() + part.len() > self.max_bytes {
                *oversize = true;
                *text = Vec::new();
            }
            if !*oversize {
                text.extend_from_slice(part);
            }
            self.src.consume(used);
            if done {
                return Ok(true);
            }
        }
    }
}

impl<R: BufRead> Iterator for NdjsonRecords<R> {
    type Item = io::Result<Raw>;

    fn next(&mut self) -> Option<io::Result<Raw>> {
        loop {
            let mut text = Vec::new();
            let mut oversize = false;
            match self.read_line(&mut text, &mut oversize) {
                Ok(true) => {}
                Ok(false) => return None,
                Err(e) => return Some(Err(e)),
            }
            self.line += 1;
            if oversize {
                let what = format!("line {}", self.line);
                return Some(Ok(Raw::Unreadable(too_large(&what, self.max_bytes))));
            }
            if !text.iter().all(u8::is_ascii_whitespace) {
                return Some(Ok(Raw::Json { text, at: Pos { line: self.line, column: 1 } }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_records_and_blank_lines_are_skipped() {
        let input = b"{\"a\":1}\r\n\n  \n{\"b\":\n" as &[u8];
        let got: Vec<_> = NdjsonRecords::new(input, 100).map(Result::unwrap).collect();
        assert_eq!(got.len(), 2);
        assert!(matches!(&got[1], Raw::Json { text, at } if text == b"{\"b\":" && at.line == 4));
    }

    #[test]
    fn a_long_line_is_skipped_and_reading_goes_on() {
        let input = format!("{}\n{{}}", "x".repeat(50));
        let mut records = NdjsonRecords::new(std::io::BufReader::with_capacity(8, input.as_bytes()), 10);
        assert!(
            matches!(records.next(), Some(Ok(Raw::Unreadable(f))) if f.message == "line 1 is larger than the limit of 10 bytes")
        );
        assert!(matches!(records.next(), Some(Ok(Raw::Json { at, .. })) if at.line == 2));
        assert!(records.next().is_none());
    }
}
