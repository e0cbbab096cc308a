//! GB VAT numbers: `GB` and 9 digits, or 9 digits; spaces, dots and dashes removed.
//!
//! The check digits (mod 97, or the 9755 series) are a separate signal: a
//! failure is a `vat.checksum` warning, because the providers document only the
//! format.
//!
//! HMRC's rule: S = 8d1+7d2+6d3+5d4+4d5+3d6+2d7+10d8+d9 (the weighted first seven
//! digits plus the two check digits as a number). The original series has S mod 97
//! = 0; the 9755 series, issued from November 2009 and starting again at
//! 100 000 000, adds 55 first, so S mod 97 = 42. A number below 100 000 000 is of
//! the original series only. The repository's docs/RULES.md says where python-stdnum differs.

use std::borrow::Cow;

use super::is_space;
use crate::{Code, Fault, Parsed};

/// Parses a GB VAT number into its canonical `GB123456789` form.
///
/// # Errors
/// `vat.invalid`. A number whose check digits fail succeeds with a
/// `vat.checksum` warning.
///
/// # Example
/// ```
/// use intake::rules::vat::parse;
/// let ok = parse("gb 980 7806 84").unwrap();
/// assert_eq!(ok.value, "GB980780684");
/// assert!(ok.warnings.is_empty());
/// assert_eq!(parse("123456789").unwrap().warnings[0].code, intake::Code::VatChecksum);
/// ```
pub fn parse(input: &str) -> Result<Parsed<Cow<'_, str>>, Fault> {
    // Bounded work, measured after trimming: padding must not change the answer.
    let input = super::trim(input);
    if input.len() > 40 {
        return Err(invalid());
    }
    // Written as sent already (`GB` and 9 digits): borrowed, nothing taken out.
    if input.len() == 11 && input.starts_with("GB") && input.bytes().skip(2).all(|c| c.is_ascii_digit()) {
        return Ok(with_checksum(Cow::Borrowed(input)));
    }
    // Spaces (of any width), dots and dashes go; a tab or line break inside is a
    // control character and stays, so the number fails the format.
    let compact: String =
        input.chars().filter(|&c| !is_space(c) && !matches!(c, '.' | '-')).collect::<String>().to_ascii_uppercase();
    let digits = compact.strip_prefix("GB").unwrap_or(&compact);
    if digits.len() != 9 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(invalid());
    }
    Ok(with_checksum(Cow::Owned(format!("GB{digits}"))))
}

/// A canonical number (`GB` and 9 digits), warned about when its check digits fail.
fn with_checksum(normalized: Cow<'_, str>) -> Parsed<Cow<'_, str>> {
    if checksum_ok(&normalized.as_bytes()[2..]) {
        Parsed::clean(normalized)
    } else {
        Parsed::warned(
            normalized,
            Fault::new(Code::VatChecksum, "the check digits do not match; HMRC would not recognise this number"),
        )
    }
}

/// Whether nine ASCII digits pass the mod-97 check: remainder 0, or 42 (the 9755
/// series) for a number from 100 000 000.
///
/// # Example
/// ```
/// use intake::rules::vat::checksum_ok;
/// assert!(checksum_ok(b"980780684")); // mod 97
/// assert!(checksum_ok(b"100000132")); // 9755
/// assert!(!checksum_ok(b"000000042")); // 9755 does not reach below 100 000 000
/// ```
#[must_use]
pub fn checksum_ok(digits: &[u8]) -> bool {
    const WEIGHTS: [u32; 9] = [8, 7, 6, 5, 4, 3, 2, 10, 1];
    if digits.len() != 9 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    match sum % 97 {
        0 => true,
        42 => digits[0] != b'0',
        _ => false,
    }
}

#[cold]
fn invalid() -> Fault {
    Fault::new(Code::VatInvalid, "must be 9 digits, optionally prefixed with GB")
}
