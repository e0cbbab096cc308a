//! One module per field rule, each with the same small shape: parse a `&str`
//! into a normalized value (with any warnings) or a coded [`Fault`](crate::Fault).
//! A rule whose answer is text answers a `Cow<'_, str>`: the input itself
//! (trimmed) when it is normalized already, so a good value costs no allocation.
//!
//! Rules know nothing of records or paths; the profiles place their faults.

use std::borrow::Cow;

pub mod card;
pub mod country;
pub mod email;
pub mod enumeration;
pub mod id;
pub mod phone;
pub mod postcode;
pub mod scalar;
pub mod text;
pub mod vat;
pub mod zip;

/// A space separator inside a value (Unicode `Zs`: the ASCII space, the no-break
/// spaces, thin and narrow spaces...), as people paste numbers and codes with
/// them. Tabs and line breaks are control characters, not spaces, here.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

/// `normalized`, as `input` has it: `input` itself (trimmed) when it is written
/// so already, so that a value that needs no change is not copied.
pub(crate) fn as_written<'a>(input: &'a str, normalized: &str) -> Cow<'a, str> {
    let trimmed = trim(input);
    if trimmed == normalized {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(normalized.to_owned())
    }
}

/// `text` in ASCII lower case: as it is when it is already, lowered in place
/// when it is owned, copied only when it is borrowed and must change.
pub(crate) fn ascii_lowercase(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return text;
    }
    let mut lowered = text.into_owned();
    lowered.make_ascii_lowercase();
    Cow::Owned(lowered)
}

/// `s.trim()`, answered at once when both ends are visible ASCII characters
/// (nearly every value): `str::trim` decodes a character at each end.
pub(crate) fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn trim_is_str_trim() {
        for s in ["", " ", "a", " a", "a ", "\u{b}a\u{c}", "\u{a0}a", "a\u{3000}", "é", "\u{7f}", "a b", "\u{85}x"] {
            assert_eq!(super::trim(s), s.trim(), "{s:?}");
        }
        for b in 0..=127u8 {
            let s = format!("{}x{}", char::from(b), char::from(b));
            assert_eq!(super::trim(&s), s.trim(), "{b}");
        }
    }
}
