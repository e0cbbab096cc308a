//! Phone numbers, normalized to E.164.
//!
//! With the `phone` feature (on by default), numbers are valid for their region
//! as libphonenumber judges them, with its metadata compiled into static tables
//! (the `intake-phonegen` crate writes `tables.rs` and `tables.bin`), read in a
//! region when written nationally, formatted, and formatted as typed.
//!
//! Without it, the rule checks E.164's structure only: a `+` (or `00`), a
//! country calling code in use, and a length E.164 allows; a number written
//! nationally is refused (`phone.country_code_missing`), since reading it takes
//! the region's metadata. The same functions answer; formatting, as-you-type and
//! example numbers need the feature.

#[cfg(not(feature = "phone"))]
mod basic;
#[cfg(feature = "phone")]
mod full;

#[cfg(not(feature = "phone"))]
pub use basic::*;
#[cfg(feature = "phone")]
pub use full::*;

use std::borrow::Cow;

use super::is_space;
use crate::{Code, Fault};

/// [`parse`]'s number as E.164 text: `input` itself (trimmed) when it is
/// written so already, so that a phone that needs no change is not copied.
pub(crate) fn e164_text<'a>(input: &'a str, region: Option<&str>) -> Result<crate::Parsed<Cow<'a, str>>, Fault> {
    parse(input, region).map(|p| p.map(|phone| super::as_written(input, phone.e164())))
}

/// E.164: at most 15 digits, country code included.
pub const MAX_DIGITS: usize = 15;
/// Longest text looked at; anything longer is not a phone number someone typed.
const MAX_TEXT: usize = 40;

/// The digits of a phone text and how it began.
struct Screened {
    digits: [u8; MAX_TEXT],
    len: usize,
    /// Written with a leading `+`.
    plus: bool,
    /// Digits only, no separators.
    bare: bool,
}

impl Screened {
    fn digits(&self) -> &[u8] {
        &self.digits[..self.len]
    }
}

/// Keeps the digits; refuses characters a phone number is not written with.
fn screen(input: &str) -> Result<Screened, Fault> {
    let s = crate::rules::trim(input);
    if s.is_empty() || s.len() > MAX_TEXT {
        return Err(Fault::new(Code::PhoneInvalid, "is not a phone number"));
    }
    let (plus, body) = match s.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut screened = Screened { digits: [0; MAX_TEXT], len: 0, plus, bare: !plus };
    for c in body.chars() {
        match c {
            '0'..='9' => {
                // At most MAX_TEXT bytes, so at most MAX_TEXT digits.
                screened.digits[screened.len] = c as u8;
                screened.len += 1;
            }
            '-' | '.' | '(' | ')' => screened.bare = false,
            c if is_space(c) => screened.bare = false,
            _ => {
                return Err(Fault::new(
                    Code::PhoneInvalid,
                    "may contain only digits, spaces, dashes, dots, parentheses and a leading +",
                ))
            }
        }
    }
    if screened.len == 0 {
        return Err(Fault::new(Code::PhoneInvalid, "is not a phone number"));
    }
    Ok(screened)
}
