//! UK postcodes: the BS 7666 shapes, `GIR 0AA`, BFPO numbers and the overseas
//! territories' codes, normalized to upper case with one space before the inward code.
//!
//! Decision: shapes only. The letters each position may hold (no Q, V, X first,
//! and so on) change as Royal Mail adds areas and are not checked; a postcode
//! that is UK-shaped is normalized, whether or not it is in use.

use super::is_space;

/// The overseas territories' codes (Gibraltar's `GX11 1AA` is BS 7666-shaped).
const TERRITORIES: &[&str] =
    &["ASCN1ZZ", "STHL1ZZ", "TDCU1ZZ", "BBND1ZZ", "BIQQ1ZZ", "FIQQ1ZZ", "PCRN1ZZ", "SIQQ1ZZ", "TKCA1ZZ"];

/// The canonical form of a UK postcode, or `None` if the text is not UK-shaped.
///
/// # Example
/// ```
/// use intake::rules::postcode::uk;
/// assert_eq!(uk("sw1a1aa").as_deref(), Some("SW1A 1AA"));
/// assert_eq!(uk(" bfpo  57 ").as_deref(), Some("BFPO 57"));
/// assert_eq!(uk("10115"), None);
/// ```
#[must_use]
pub fn uk(input: &str) -> Option<String> {
    // Bounded work, measured after trimming: padding must not change the answer.
    let input = input.trim();
    if input.len() > 32 {
        return None;
    }
    // Inner spaces of any width go; a tab or line break inside is a control
    // character, not a separator, and leaves the text unshaped.
    let compact: String = input.chars().filter(|&c| !is_space(c)).collect::<String>().to_ascii_uppercase();
    if !compact.is_ascii() {
        return None;
    }
    if let Some(number) = compact.strip_prefix("BFPO") {
        let ok = (1..=4).contains(&number.len()) && number.bytes().all(|c| c.is_ascii_digit());
        return ok.then(|| format!("BFPO {number}"));
    }
    if compact.len() < 5 {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let shaped = inward_ok && (is_outward(outward) || compact == "GIR0AA" || TERRITORIES.contains(&compact.as_str()));
    shaped.then(|| format!("{outward} {inward}"))
}

/// Whether `outward` is one of A9, A99, A9A, AA9, AA99, AA9A.
fn is_outward(outward: &str) -> bool {
    let shape: String = outward
        .bytes()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_ascii_alphabetic() {
                'A'
            } else {
                '?'
            }
        })
        .collect();
    matches!(shape.as_str(), "A9" | "A99" | "A9A" | "AA9" | "AA99" | "AA9A")
}
