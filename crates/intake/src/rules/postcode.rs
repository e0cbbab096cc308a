//! UK postcodes: the BS 7666 shapes, `GIR 0AA`, BFPO numbers and the overseas
//! territories' codes, normalized to upper case with one space before the inward code.
//!
//! Decision: BS 7666's shapes and its letter rules (no Q, V or X first; no I, J
//! or Z second; only `ABCDEFGHJKPSTUW` third in A9A, `ABEHMNPRVWXY` fourth in
//! AA9A; no C, I, K, M, O or V in the inward code). These have held since the
//! codes were designed and no area breaks them; which districts are in use
//! changes as Royal Mail adds them, and is not checked: a well-formed postcode is
//! normalized whether or not it is in use. A text that breaks a letter rule is
//! not UK-shaped (for Atoa, the `postcode.not_uk` warning).

use std::borrow::Cow;

use super::is_space;

/// The overseas territories' codes (Gibraltar's `GX11 1AA` is BS 7666-shaped).
const TERRITORIES: &[&str] =
    &["ASCN1ZZ", "STHL1ZZ", "TDCU1ZZ", "BBND1ZZ", "BIQQ1ZZ", "FIQQ1ZZ", "PCRN1ZZ", "SIQQ1ZZ", "TKCA1ZZ"];

/// The canonical form of a UK postcode, or `None` if the text is not UK-shaped;
/// borrowed when the text is written in that form already.
///
/// # Example
/// ```
/// use intake::rules::postcode::uk;
/// assert_eq!(uk("sw1a1aa").as_deref(), Some("SW1A 1AA"));
/// assert_eq!(uk(" bfpo  57 ").as_deref(), Some("BFPO 57"));
/// assert_eq!(uk("10115"), None);
/// ```
#[must_use]
pub fn uk(input: &str) -> Option<Cow<'_, str>> {
    // Bounded work, measured after trimming: padding must not change the answer.
    let input = super::trim(input);
    if input.len() > 32 {
        return None;
    }
    // Inner spaces of any width go; a tab or line break inside is a control
    // character, not a separator, and leaves the text unshaped. Compacted on
    // the stack: only the answer is allocated.
    let mut buf = [0u8; 32];
    let mut len = 0;
    for c in input.chars().filter(|&c| !is_space(c)) {
        if !c.is_ascii() {
            return None;
        }
        buf[len] = (c as u8).to_ascii_uppercase();
        len += 1;
    }
    let compact = std::str::from_utf8(&buf[..len]).ok()?;
    if let Some(number) = compact.strip_prefix("BFPO") {
        let ok = (1..=4).contains(&number.len()) && number.bytes().all(|c| c.is_ascii_digit());
        return ok.then(|| spaced(input, "BFPO", number));
    }
    if compact.len() < 5 {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let special = compact == "GIR0AA" || TERRITORIES.contains(&compact);
    let shaped = inward_ok && (special || (is_outward(outward) && letters_ok(outward, inward)));
    shaped.then(|| spaced(input, outward, inward))
}

/// `outward`, a space and `inward`: `input` itself when it is written so already.
fn spaced<'a>(input: &'a str, outward: &str, inward: &str) -> Cow<'a, str> {
    let written = input.len() == outward.len() + 1 + inward.len()
        && input.starts_with(outward)
        && input.ends_with(inward)
        && input.as_bytes()[outward.len()] == b' ';
    if written {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(outward.len() + 1 + inward.len());
    out.push_str(outward);
    out.push(' ');
    out.push_str(inward);
    Cow::Owned(out)
}

/// Whether `outward` is one of A9, A99, A9A, AA9, AA99, AA9A.
fn is_outward(outward: &str) -> bool {
    shape(outward).is_some_and(|(b, n)| matches!(&b[..n], b"A9" | b"A99" | b"A9A" | b"AA9" | b"AA99" | b"AA9A"))
}

/// Whether the letters of a UK-shaped outward and inward code are where BS 7666
/// allows them.
fn letters_ok(outward: &str, inward: &str) -> bool {
    let o = outward.as_bytes();
    let in_set = |c: u8, set: &[u8]| set.contains(&c);
    let first = !in_set(o[0], b"QVX");
    let (b, n) = shape(outward).unwrap_or(([b'?'; 8], 0));
    let rest = match &b[..n] {
        b"AA9" | b"AA99" => !in_set(o[1], b"IJZ"),
        b"A9A" => in_set(o[2], b"ABCDEFGHJKPSTUW"),
        b"AA9A" => !in_set(o[1], b"IJZ") && in_set(o[3], b"ABEHMNPRVWXY"),
        _ => true,
    };
    let inward = inward.bytes().skip(1).all(|c| !in_set(c, b"CIKMOV"));
    first && rest && inward
}

/// The shape of a text of at most 8 bytes, and its length: `9` for a digit,
/// `A` for a letter, `?` for anything else. `None` for a longer text, which has
/// no postcode shape.
fn shape(s: &str) -> Option<([u8; 8], usize)> {
    let mut out = [b'?'; 8];
    if s.len() > out.len() {
        return None;
    }
    for (o, c) in out.iter_mut().zip(s.bytes()) {
        *o = match c {
            b'0'..=b'9' => b'9',
            c if c.is_ascii_alphabetic() => b'A',
            _ => b'?',
        };
    }
    Some((out, s.len()))
}

/// Whether `input` is the start of a UK postcode, not yet a whole one (`SW1A`,
/// `BFPO`): for forms checking a postcode as it is typed.
///
/// # Example
/// ```
/// use intake::rules::postcode::could_complete;
/// assert!(could_complete("SW1A"));
/// assert!(could_complete("bfpo"));
/// assert!(!could_complete("SW1A 1AA"));
/// assert!(!could_complete("1234"));
/// ```
#[must_use]
pub fn could_complete(input: &str) -> bool {
    const SHAPES: &[&str] = &["A99AA", "A999AA", "A9A9AA", "AA99AA", "AA999AA", "AA9A9AA"];
    let compact: String = input.chars().filter(|&c| !super::is_space(c)).collect::<String>().to_ascii_uppercase();
    if compact.is_empty() || compact.len() >= 7 || !compact.is_ascii() {
        return false;
    }
    let Some((b, n)) = shape(&compact) else { return false };
    let special = TERRITORIES.iter().chain(&["GIR0AA", "BFPO1"]);
    SHAPES.iter().any(|p| p.len() > n && p.as_bytes().starts_with(&b[..n]))
        || special.into_iter().any(|p| p.len() > compact.len() && p.starts_with(&compact))
}
