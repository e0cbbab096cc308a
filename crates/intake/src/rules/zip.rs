//! US ZIP codes, checked where a profile sends a US address. Advisory only: no
//! provider documents the shape, so a ZIP that is not one is a warning, and the
//! value is kept as typed (trimmed by the text rule).

use crate::{Code, Fault};

/// Advice on a US ZIP code: `None` for 5 digits or ZIP+4 (`12345-6789`).
///
/// A ZIP of 4 digits (or 8, as ZIP+4) is the mark of a spreadsheet that read the
/// column as numbers and dropped the leading zero (New England, New Jersey and
/// Puerto Rico ZIPs start with 0): `zip.leading_zero`. Anything else is `zip.not_us`.
///
/// # Example
/// ```
/// use intake::rules::zip::check_us;
/// assert!(check_us("07030").is_none());
/// assert!(check_us("07030-1234").is_none());
/// assert_eq!(check_us("7030").unwrap().code, intake::Code::ZipLeadingZero);
/// assert_eq!(check_us("SW1A 1AA").unwrap().code, intake::Code::ZipNotUs);
/// ```
#[must_use]
pub fn check_us(input: &str) -> Option<Fault> {
    let s = super::trim(input);
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (five, plus4) = match s.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let plus4_ok = plus4.is_none_or(|p| p.len() == 4 && digits(p));
    if digits(five) && plus4_ok {
        match five.len() {
            5 => return None,
            4 => {
                return Some(Fault::new(
                    Code::ZipLeadingZero,
                    "has 4 digits: a US ZIP code has 5, so a spreadsheet probably dropped its leading 0; \
                     format the column as text and restore it",
                ))
            }
            9 if plus4.is_none() => return None,
            8 if plus4.is_none() => {
                return Some(Fault::new(
                    Code::ZipLeadingZero,
                    "has 8 digits: a ZIP+4 code has 9, so a spreadsheet probably dropped its leading 0; \
                     format the column as text and restore it",
                ))
            }
            _ => {}
        }
    }
    Some(Fault::new(Code::ZipNotUs, "is not a US ZIP code (5 digits, or ZIP+4 such as 12345-6789) for a US address"))
}
