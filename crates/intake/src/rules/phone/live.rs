//! Whether the digits typed so far can still become a valid number: the
//! territory's type classifier is still in a live state, which it is exactly
//! when some number of some type, of a possible length, begins with them. This
//! is what a form shows as `incomplete` rather than `invalid`.

use super::metadata::{calling_codes, territories, Territory};
use super::{number, MAX_DIGITS};

/// Digits typed after `+`.
pub(super) fn international(digits: &[u8]) -> bool {
    if digits.len() > MAX_DIGITS {
        return false;
    }
    match number::leading_code(digits) {
        Some((code, rest)) => territories(code).is_some_and(|mut list| list.any(|t| after_code(rest, t))),
        // No code yet: fine while some code in use begins with these digits.
        None => {
            digits.len() < 3
                && digits.first() != Some(&b'0')
                && calling_codes().any(|c| number::code_digits(c, &mut [0; 3]).starts_with(digits))
        }
    }
}

/// Digits typed without `+` in the territory `home`: a national number (with
/// or without its trunk prefix), or the region's international prefix and then
/// an international number.
pub(super) fn national(digits: &[u8], home: &Territory) -> bool {
    if let Some(idd) = home.international_prefix {
        if idd.is_live(digits) && !idd.matches(digits) || digits.is_empty() {
            return true;
        }
        if let Some(end) = idd.match_end(digits) {
            if international(&digits[end..]) {
                return true;
            }
        }
    }
    territories(home.code).is_some_and(|mut list| list.any(|t| after_code(digits, t)))
}

/// The digits after the calling code, a trunk prefix allowed in front.
fn after_code(digits: &[u8], t: &Territory) -> bool {
    let prefix = t.national_prefix.as_bytes();
    if !prefix.is_empty() && prefix.starts_with(digits) {
        return true;
    }
    nsn(digits, t) || digits.strip_prefix(prefix).is_some_and(|rest| !prefix.is_empty() && nsn(rest, t))
}

/// A national significant number some valid number of `t` still begins with.
fn nsn(digits: &[u8], t: &Territory) -> bool {
    digits.is_empty() || t.types.is_live(digits)
}
