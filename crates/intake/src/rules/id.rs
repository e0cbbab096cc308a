//! Identifiers: UUIDs (8-4-4-4-12 hexadecimal) and 24-hex object ids, lower-cased.

use std::borrow::Cow;

use crate::{Code, Fault};

/// A UUID in its canonical lower-case form.
///
/// # Errors
/// `id.uuid_invalid`.
///
/// # Example
/// ```
/// assert_eq!(
///     intake::rules::id::uuid("550E8400-E29B-41D4-A716-446655440000").unwrap(),
///     "550e8400-e29b-41d4-a716-446655440000"
/// );
/// ```
pub fn uuid(input: &str) -> Result<Cow<'_, str>, Fault> {
    let s = super::trim(input);
    let b = s.as_bytes();
    let shaped = b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        });
    if shaped {
        Ok(super::ascii_lowercase(Cow::Borrowed(s)))
    } else {
        Err(Fault::new(Code::UuidInvalid, "must be a UUID: 8-4-4-4-12 hexadecimal digits"))
    }
}

/// A 24-hexadecimal-character object id, lower-cased.
///
/// # Errors
/// `id.hex24_invalid`.
///
/// # Example
/// ```
/// assert!(intake::rules::id::hex24("5F0C1B2A3D4E5F60718293A4").is_ok());
/// assert!(intake::rules::id::hex24("xyz").is_err());
/// ```
pub fn hex24(input: &str) -> Result<Cow<'_, str>, Fault> {
    let s = super::trim(input);
    if s.len() == 24 && s.bytes().all(|c| c.is_ascii_hexdigit()) {
        Ok(super::ascii_lowercase(Cow::Borrowed(s)))
    } else {
        Err(Fault::new(Code::HexIdInvalid, "must be 24 hexadecimal characters"))
    }
}
