//! The record reader's fast path: JSON text to a [`Node`] tree in one pass over
//! the bytes, for the records intake sees every time (objects of short strings).
//!
//! It answers `None` for anything it does not take on: a syntax error, a lone
//! surrogate escape, a number other than a small non-negative integer, nesting
//! past 100. [`Node::from_slice`] then reads the text again with serde_json,
//! which gives the error or the tree, so the two readers can never disagree on
//! what is accepted: where this one answers, its tree is serde_json's (the
//! `json_reader` fuzz target and the tests below compare them).

use std::borrow::Cow;

use super::{Node, Object};

/// Deeper than any record; serde_json's own limit (128) stays the one that fails.
const MAX_DEPTH: usize = 100;

/// Room for the widest documented record (Stax's 17 fields) in 1,008 bytes.
const FIRST_MEMBERS: usize = 18;

/// The tree of `bytes` and how deep its arrays and objects nest (0 for none),
/// or `None` to leave them to serde_json.
pub(super) fn read(bytes: &[u8]) -> Option<(Node<'_>, usize)> {
    // One UTF-8 check for the whole text: every string then slices it as `str`.
    let text = std::str::from_utf8(bytes).ok()?;
    // Within glibc's per-thread cache (1,032 bytes), which a larger first block
    // misses: it then costs more than growing later (measured).
    let members = Vec::with_capacity(FIRST_MEMBERS);
    let mut reader = Reader { text, bytes, pos: 0, depth: 0, deepest: 0, members };
    reader.skip_space();
    let node = reader.value()?;
    reader.skip_space();
    (reader.pos == bytes.len()).then_some((node, reader.deepest))
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// The largest `depth` seen: the limits need no walk of the tree when it is small.
    deepest: usize,
    /// Members of the objects and items of the arrays being read, innermost
    /// last (an item with an empty name): each nested object or array moves its
    /// own out into an exactly sized vector when it closes.
    members: Vec<(Cow<'a, str>, Node<'a>)>,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Option<Node<'a>> {
        match self.peek()? {
            b'"' => self.string().map(Node::String),
            b'{' => self.object(),
            b'[' => self.array(),
            b't' => self.literal("true", Node::Bool(true)),
            b'f' => self.literal("false", Node::Bool(false)),
            b'n' => self.literal("null", Node::Null),
            b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &str, node: Node<'a>) -> Option<Node<'a>> {
        let end = self.pos + word.len();
        (self.bytes.get(self.pos..end)? == word.as_bytes()).then(|| {
            self.pos = end;
            node
        })
    }

    /// A non-negative integer of at most 19 digits (always a `u64`, as serde_json
    /// reads it); any other number is left to serde_json.
    fn number(&mut self) -> Option<Node<'a>> {
        let start = self.pos;
        let digits = self.bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
        let end = start + digits;
        let leading_zero = digits > 1 && self.bytes[start] == b'0';
        if digits > 19 || leading_zero || matches!(self.bytes.get(end), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        let n = self.bytes[start..end].iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        self.pos = end;
        Some(Node::Number(n.into()))
    }

    /// A string at `"`: borrowed from the text unless it has escapes. Inlined:
    /// as a call, its answer went through memory and stalled the caller.
    #[inline(always)]
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.pos + 1;
        self.pos = plain_run(self.bytes, start);
        match *self.bytes.get(self.pos)? {
            b'"' => {
                let s = &self.text[start..self.pos];
                self.pos += 1;
                Some(Cow::Borrowed(s))
            }
            b'\\' => self.escaped(start).map(Cow::Owned),
            _ => None, // a control character
        }
    }

    /// The rest of a string from its first `\`, `start` being its first byte.
    fn escaped(&mut self, start: usize) -> Option<String> {
        let mut out = String::with_capacity(self.pos - start + 16);
        let mut run = start;
        loop {
            match *self.bytes.get(self.pos)? {
                b'"' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.pos]);
                    let c = match *self.bytes.get(self.pos + 1)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex = self.bytes.get(self.pos + 2..self.pos + 6)?;
                            let unit = hex.iter().try_fold(0u32, |n, &h| Some(n * 16 + (h as char).to_digit(16)?))?;
                            self.pos += 4;
                            // A surrogate (paired or not) is serde_json's to read.
                            char::from_u32(unit)?
                        }
                        _ => return None,
                    };
                    out.push(c);
                    self.pos += 2;
                    run = self.pos;
                }
                0..=0x1f => return None,
                _ => self.pos += 1,
            }
        }
    }

    fn object(&mut self) -> Option<Node<'a>> {
        let first = self.members.len();
        if self.open(b'}')? {
            loop {
                if self.peek()? != b'"' {
                    return None;
                }
                let key = self.string()?;
                self.skip_space();
                if self.peek()? != b':' {
                    return None;
                }
                self.pos += 1;
                self.skip_space();
                // Most values are strings: read in place, not through `value`.
                let value = if self.peek()? == b'"' { Node::String(self.string()?) } else { self.value()? };
                self.members.push((key, value));
                if !self.after_item(b'}')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        // The outermost object keeps the working vector itself.
        let members = if self.depth == 0 { std::mem::take(&mut self.members) } else { self.members.split_off(first) };
        let mut object = Object::from_members(members);
        object.dedup();
        Some(Node::Object(object))
    }

    fn array(&mut self) -> Option<Node<'a>> {
        let first = self.members.len();
        if self.open(b']')? {
            loop {
                let item = self.value()?;
                self.members.push((Cow::Borrowed(""), item));
                if !self.after_item(b']')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        let items: Vec<Node<'a>> = self.members.drain(first..).map(|(_, item)| item).collect();
        Some(Node::Array(items))
    }

    /// At `{` or `[`: enters it, and answers whether it has items before `close`.
    fn open(&mut self, close: u8) -> Option<bool> {
        self.enter()?;
        self.pos += 1;
        self.skip_space();
        if self.peek()? == close {
            self.pos += 1;
            return Some(false);
        }
        Some(true)
    }

    /// After an item: `true` at `,` (another item follows), `false` at `close`.
    fn after_item(&mut self, close: u8) -> Option<bool> {
        self.skip_space();
        let more = match self.peek()? {
            b',' => true,
            c if c == close => false,
            _ => return None,
        };
        self.pos += 1;
        self.skip_space();
        Some(more)
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        self.deepest = self.deepest.max(self.depth);
        (self.depth <= MAX_DEPTH).then_some(())
    }
}

/// The index of the first `"`, `\` or control character at or after `i`
/// (`bytes.len()` if none), eight bytes at a time: strings are mostly plain.
pub(crate) fn plain_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let hits = specials(u64::from_le_bytes(chunk));
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'"' | b'\\' | 0..=0x1f) {
        i += 1;
    }
    i
}

/// The high bit of the lowest byte of `w` (eight bytes, little-endian) that is a
/// `"`, `\` or control character, or 0 if none is; higher bits may be wrong.
pub(crate) const fn specials(w: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    // A byte of `x` is zero where `(x - ONES) & !x` has its high bit set.
    const fn zero(x: u64) -> u64 {
        x.wrapping_sub(ONES) & !x
    }
    (zero(w ^ (ONES * b'"' as u64)) | zero(w ^ (ONES * b'\\' as u64)) | (w.wrapping_sub(ONES * 0x20) & !w))
        & (ONES << 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_first_working_vector_fits_the_allocators_cache() {
        assert!(FIRST_MEMBERS * std::mem::size_of::<(Cow<'_, str>, Node<'_>)>() <= 1032);
    }

    /// Where the fast path answers, serde_json gives the same tree.
    fn agrees(text: &str) -> bool {
        match read(text.as_bytes()) {
            Some((fast, _)) => {
                let slow: Node<'_> =
                    serde_json::from_slice(text.as_bytes()).expect("serde_json reads what the fast path read");
                assert_eq!(fast, slow, "{text}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn reads_records_as_serde_json_does() {
        for text in [
            r#"{"first_name": "James", "email": "james@example.com", "billing_address": {"line1": "1 Lane", "country": "NG"}}"#,
            r#" { "a" : [ 1 , 20 , 0 , true , false , null , [ ] , { } ] } "#,
            "{\"tab\\tquote\\\"slash\\/back\\\\\": \"\\u00e9t\\u00C9 \\b\\f\\n\\r\"}",
            r#"{"é": "naïve ✓ 😀", "k": "", "": "empty name"}"#,
            r#"{"a": 1, "b": {"a": 2}, "a": 3}"#,
            r#"{"n": 9999999999999999999}"#,
            r#""just a string""#,
            "[]",
            "{}",
        ] {
            assert!(agrees(text), "the fast path should take {text}");
        }
    }

    #[test]
    fn leaves_the_rest_to_serde_json() {
        for text in [
            "",
            " ",
            "{",
            r#"{"a": 1,}"#,
            r#"{"a" 1}"#,
            r#"{"a": 01}"#,
            r#"{"a": -1}"#,
            r#"{"a": 1.5}"#,
            r#"{"a": 1e3}"#,
            r#"{"a": 12345678901234567890}"#,
            r#"{"a": "\ud83d\ude00"}"#,
            r#"{"a": "\ud800"}"#,
            r#"{"a": "\x"}"#,
            "{\"a\": \"line\nbreak\"}",
            r#"{"a": tru}"#,
            r#"{"a": 1} x"#,
            r#"{a: 1}"#,
        ] {
            assert!(!agrees(text), "the fast path should leave {text:?} to serde_json");
        }
        assert!(read(b"{\"a\": \"\xff\"}").is_none());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(!agrees(&deep));
        let deep_enough = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(agrees(&deep_enough));
    }

    #[test]
    fn finds_the_first_special_byte_in_any_place() {
        for len in 0..20 {
            for at in 0..=len {
                for special in [b'"', b'\\', 0, 0x1f] {
                    let mut bytes = vec![b'a'; len];
                    // Bytes that sit next to the specials' values, and a multi-byte character.
                    for (i, b) in bytes.iter_mut().enumerate() {
                        *b = [b'a', b'!', b'#', b'[', b']', b' ', 0xc3, 0xa9][i % 8];
                    }
                    if at < len {
                        bytes[at] = special;
                    }
                    assert_eq!(plain_run(&bytes, 0), at, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn borrows_strings_without_escapes() {
        let (node, _) = read(br#"{"plain": "text", "esc": "a\nb"}"#).unwrap();
        let o = node.as_object().unwrap();
        assert!(matches!(o.get("plain"), Some(Node::String(Cow::Borrowed("text")))));
        assert!(matches!(o.get("esc"), Some(Node::String(Cow::Owned(s))) if s == "a\nb"));
    }
}
