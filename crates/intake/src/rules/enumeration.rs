//! Enumerations: matched case-insensitively, normalized to the documented spelling.

use crate::{Code, Fault};

/// Finds `input` among `allowed`, ignoring case and surrounding white space.
///
/// # Errors
/// `enum.invalid`, with a message that lists the documented values.
///
/// # Example
/// ```
/// use intake::rules::enumeration::parse;
/// assert_eq!(parse(" business ", &["INDIVIDUAL", "BUSINESS"]), Ok("BUSINESS"));
/// assert!(parse("company", &["INDIVIDUAL", "BUSINESS"]).is_err());
/// ```
pub fn parse<'a>(input: &str, allowed: &[&'a str]) -> Result<&'a str, Fault> {
    let input = super::trim(input);
    allowed
        .iter()
        .copied()
        .find(|a| a.eq_ignore_ascii_case(input))
        .ok_or_else(|| Fault::owned(Code::EnumInvalid, format!("must be one of: {}", allowed.join(", "))))
}
