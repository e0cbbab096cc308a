//! Text that is not UTF-8: UTF-16 (found by its byte order mark, or by the zero
//! bytes of mostly-ASCII text without one) and whatever `--encoding` names
//! (`cp1252`, `latin1`, any WHATWG label), decoded to UTF-8 as it streams.
//!
//! UTF-8 input is not decoded at all: it goes to the readers as it is, so the
//! common case costs nothing. (`latin1` and `iso-8859-1` are Windows-1252 in the
//! WHATWG standard encoding_rs follows: the same for every printable character.)

use std::io::Read;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use encoding_rs_io::DecodeReaderBytesBuilder;

/// An encoding to decode from, and how it was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Chosen {
    /// The encoding.
    pub encoding: &'static Encoding,
    /// How: `--encoding`, a byte order mark, or zero bytes.
    pub why: &'static str,
}

impl Chosen {
    /// The note told on stderr.
    pub(crate) fn note(&self) -> String {
        format!("read the text as {} ({})", self.encoding.name(), self.why)
    }
}

/// The encoding to decode the input from, or `None` for UTF-8 as it is. `head` is
/// the input's first bytes; `given` is `--encoding`.
pub(crate) fn choose(head: &[u8], given: Option<&'static Encoding>) -> Option<Chosen> {
    let bom = if head.starts_with(&[0xFF, 0xFE]) {
        Some(UTF_16LE)
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some(UTF_16BE)
    } else {
        None
    };
    if let Some(encoding) = bom {
        // A byte order mark is certain; it wins over --encoding, as in browsers.
        return Some(Chosen { encoding, why: "its byte order mark" });
    }
    match given {
        Some(e) if e == UTF_8 => None,
        Some(encoding) => Some(Chosen { encoding, why: "--encoding" }),
        None => {
            // ASCII text in UTF-16 without a mark: every other byte is zero.
            let pairs = head.len() / 2;
            let zeros_at = |odd: usize| head.iter().skip(odd).step_by(2).filter(|&&b| b == 0).count();
            if pairs >= 4 && zeros_at(1) * 4 >= pairs * 3 && zeros_at(0) == 0 {
                Some(Chosen { encoding: UTF_16LE, why: "zero bytes in every other place; --encoding sets it" })
            } else if pairs >= 4 && zeros_at(0) * 4 >= pairs * 3 && zeros_at(1) == 0 {
                Some(Chosen { encoding: UTF_16BE, why: "zero bytes in every other place; --encoding sets it" })
            } else {
                None
            }
        }
    }
}

/// `src` decoded from `encoding` to UTF-8, its byte order mark dropped.
pub(crate) fn reader(src: impl Read + Send + 'static, encoding: &'static Encoding) -> Box<dyn Read + Send> {
    Box::new(DecodeReaderBytesBuilder::new().encoding(Some(encoding)).bom_override(true).strip_bom(true).build(src))
}

/// Parses `--encoding`: a WHATWG label such as `utf-8`, `utf-16le`, `cp1252`, `latin1`.
///
/// # Errors
/// A message when the label names no encoding.
pub fn parse_label(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding {label:?}; try utf-8, utf-16le, utf-16be, cp1252 or latin1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_found_by_its_mark_or_its_zeros() {
        assert_eq!(choose(b"\xFF\xFEa\0b\0", None).unwrap().encoding, UTF_16LE);
        assert_eq!(choose(b"\xFE\xFF\0a\0b", Some(UTF_8)).unwrap().encoding, UTF_16BE);
        assert_eq!(choose(b"e\0m\0a\0i\0l\0", None).unwrap().encoding, UTF_16LE);
        assert_eq!(choose(b"\0e\0m\0a\0i\0l", None).unwrap().encoding, UTF_16BE);
        assert_eq!(choose(b"email,phone\n", None), None);
        assert_eq!(choose(b"email", Some(parse_label("latin1").unwrap())).unwrap().encoding.name(), "windows-1252");
        assert!(parse_label("klingon").is_err());
    }

    #[test]
    fn text_is_decoded() {
        let mut out = String::new();
        reader(&b"\xFF\xFEJ\0o\0s\0\xE9\0"[..], UTF_16LE).read_to_string(&mut out).unwrap();
        assert_eq!(out, "Jos\u{e9}");
        let mut out = String::new();
        reader(&b"Jos\xE9"[..], parse_label("cp1252").unwrap()).read_to_string(&mut out).unwrap();
        assert_eq!(out, "Jos\u{e9}");
    }
}
