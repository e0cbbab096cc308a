//! JSON input: one value, or an array streamed element by element.
//!
//! The array is split by hand rather than deserialized: a small lexer tracks
//! strings, escapes and bracket depth, and cuts the text at each top-level `,`.
//! Each element's text then goes to a worker thread, so parsing runs on every
//! core; an element larger than the record limit is skipped, not buffered, so
//! memory stays flat; and an element that is not valid JSON is its own invalid
//! record while the elements after it are still read (as long as its brackets
//! and quotes balance).

use std::io::{self, BufRead, Read};

use intake::{Code, Fault};

use super::{Pos, Raw};

/// Where a byte of JSON text sits: inside a string or not, and how deep in brackets.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lexer {
    depth: usize,
    in_string: bool,
    escaped: bool,
}

impl Lexer {
    /// Steps over one byte.
    pub(crate) fn step(&mut self, b: u8) {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
            }
            return;
        }
        match b {
            b'"' => self.in_string = true,
            b'{' | b'[' => self.depth += 1,
            // Unbalanced closers are left for serde_json to report.
            b'}' | b']' => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
    }

    /// Whether the next byte is outside every string and bracket.
    pub(crate) const fn at_top(&self) -> bool {
        self.depth == 0 && !self.in_string
    }
}

/// Reads the whole input as one record (bounded by the record limit).
pub(crate) fn single(mut src: impl Read, max_bytes: usize) -> io::Result<Option<Raw>> {
    let mut text = Vec::new();
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    src.by_ref().take(limit).read_to_end(&mut text)?;
    if text.len() > max_bytes {
        return Ok(Some(Raw::Unreadable(too_large("the input", max_bytes))));
    }
    if text.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    Ok(Some(Raw::Json { text, at: Pos::START }))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before the opening `[`.
    Open,
    /// Before an element; `first` when none has been read yet.
    Before { first: bool },
    /// Inside an element.
    Element,
    /// The input ended inside the array.
    Unclosed,
    /// After the closing `]`.
    Closed,
    /// Nothing more will be read.
    Done,
}

/// The elements of a JSON array, one record each.
pub(crate) struct ArrayRecords<R> {
    src: R,
    split: Splitter,
}

impl<R: BufRead> ArrayRecords<R> {
    /// Reads `src`, whose first non-space byte is `[`.
    pub(crate) fn new(src: R, max_bytes: usize) -> Self {
        let split = Splitter {
            state: State::Open,
            lexer: Lexer::default(),
            text: Vec::new(),
            oversize: false,
            start: Pos::START,
            pos: Pos::START,
            max_bytes,
        };
        ArrayRecords { src, split }
    }
}

impl<R: BufRead> Iterator for ArrayRecords<R> {
    type Item = io::Result<Raw>;

    fn next(&mut self) -> Option<io::Result<Raw>> {
        while self.split.state != State::Done {
            let chunk = match self.src.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            if chunk.is_empty() {
                return self.split.end().map(Ok);
            }
            let mut used = 0;
            let mut found = None;
            for &b in chunk {
                used += 1;
                found = self.split.byte(b);
                if found.is_some() {
                    break;
                }
            }
            self.src.consume(used);
            if found.is_some() {
                return found.map(Ok);
            }
        }
        None
    }
}

/// The state of splitting an array, fed one byte at a time.
struct Splitter {
    state: State,
    lexer: Lexer,
    text: Vec<u8>,
    oversize: bool,
    /// Where the current element starts.
    start: Pos,
    /// Where the next byte sits.
    pos: Pos,
    max_bytes: usize,
}

impl Splitter {
    /// Takes the next byte; returns a record when one ends here.
    fn byte(&mut self, b: u8) -> Option<Raw> {
        let at = self.pos;
        self.pos.advance(b);
        match self.state {
            State::Element if self.lexer.at_top() && (b == b',' || b == b']') => {
                self.state = if b == b',' { State::Before { first: false } } else { State::Closed };
                Some(self.element())
            }
            State::Element => {
                self.push(b);
                None
            }
            _ if b.is_ascii_whitespace() => None,
            State::Open if b == b'[' => {
                self.state = State::Before { first: true };
                None
            }
            State::Open | State::Closed => {
                self.state = State::Done;
                Some(malformed(format!("has unexpected text outside the JSON array at line {}", at.line)))
            }
            State::Before { first } if b == b']' => {
                self.state = State::Closed;
                (!first).then(|| malformed(format!("has a trailing comma before `]` at line {}", at.line)))
            }
            State::Before { .. } if b == b',' => {
                Some(malformed(format!("has an empty array element at line {}, column {}", at.line, at.column)))
            }
            State::Before { .. } => {
                self.state = State::Element;
                self.start = at;
                self.text = Vec::new();
                self.oversize = false;
                self.push(b);
                None
            }
            State::Unclosed | State::Done => None,
        }
    }

    fn push(&mut self, b: u8) {
        self.lexer.step(b);
        if self.oversize {
            return;
        }
        if self.text.len() == self.max_bytes {
            // Keep scanning to find the element's end, but stop holding it.
            self.oversize = true;
            self.text = Vec::new();
            return;
        }
        self.text.push(b);
    }

    fn element(&mut self) -> Raw {
        if self.oversize {
            let what = format!("the record starting at line {}", self.start.line);
            return Raw::Unreadable(too_large(&what, self.max_bytes));
        }
        Raw::Json { text: std::mem::take(&mut self.text), at: self.start }
    }

    /// What the end of the input means in the current state.
    fn end(&mut self) -> Option<Raw> {
        match self.state {
            State::Element => {
                // The element may be whole; the missing `]` is reported next.
                self.state = State::Unclosed;
                Some(self.element())
            }
            State::Before { .. } | State::Unclosed => {
                self.state = State::Done;
                Some(malformed("ends before the JSON array is closed with `]`".to_owned()))
            }
            State::Open | State::Closed | State::Done => None,
        }
    }
}

/// An unreadable record: the input's framing is broken here.
fn malformed(what: String) -> Raw {
    Raw::Unreadable(Fault::owned(Code::RecordMalformed, format!("the input {what}")))
}

/// An unreadable record: `what` is larger than the record limit.
pub(crate) fn too_large(what: &str, max_bytes: usize) -> Fault {
    Fault::owned(Code::LimitSize, format!("{what} is larger than the limit of {max_bytes} bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        ArrayRecords::new(text.as_bytes(), 64)
            .map(|r| match r.unwrap() {
                Raw::Json { text, at } => {
                    format!("{}:{} {}", at.line, at.column, String::from_utf8(text).unwrap().trim())
                }
                Raw::Unreadable(f) => format!("! {} {}", f.code, f.message),
                Raw::Value(_) | Raw::Cells(_) => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn splits_at_top_level_commas_only() {
        let got = split("[{\"a\":\"x,]\\\"\"}, {\"b\":[1,2]},\n 3]");
        assert_eq!(got, ["1:2 {\"a\":\"x,]\\\"\"}", "1:17 {\"b\":[1,2]}", "2:2 3"]);
    }

    #[test]
    fn empty_array_has_no_records() {
        assert!(split(" [ ] \n").is_empty());
    }

    #[test]
    fn broken_framing_is_reported_as_records() {
        assert_eq!(split("[1,,2]")[1], "! record.malformed the input has an empty array element at line 1, column 4");
        assert!(split("[1,]")[1].contains("trailing comma"));
        let unclosed = split("[{\"a\":1}");
        assert_eq!(unclosed[0], "1:2 {\"a\":1}");
        assert!(unclosed[1].contains("before the JSON array is closed"));
        assert!(split("[1] x")[1].contains("outside the JSON array"));
    }

    #[test]
    fn an_oversized_element_is_skipped_and_the_next_read() {
        let big = format!("[\"{}\", 2]", "x".repeat(100));
        let got = split(&big);
        assert!(got[0].starts_with("! limit.size the record starting at line 1"), "{got:?}");
        assert_eq!(got[1], "1:106 2");
    }
}
