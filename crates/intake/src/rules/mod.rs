//! One module per field rule, each with the same small shape: parse a `&str`
//! into a normalized value (with any warnings) or a coded [`Fault`](crate::Fault).
//!
//! Rules know nothing of records or paths; the profiles place their faults.

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
