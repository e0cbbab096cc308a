//! libphonenumber's `parse`, `isValidNumber`, `getNumberType`,
//! `getRegionCodeForNumber` and `isPossibleNumberWithReason`, step for step, over
//! the static tables: calling-code extraction (a `+`, the region's international
//! prefix, or the region's own code written without `+`), the national prefix
//! with its transform rules, region choice among the regions of a shared code,
//! and whole-number pattern matching.
//!
//! It works on digits already screened by the rule (`super::screen`): no
//! allocation, no lock, no regex.

use super::metadata::{has_length, is_calling_code, main_territory, territories, territory, Territory, Transform};
use super::{NumberType, Region};

/// libphonenumber's shortest and longest national significant numbers.
const MIN_NSN: usize = 2;
const MAX_NSN: usize = 17;
/// Room for any digits the rule lets through (it screens texts to 40 characters)
/// plus the longest transform prefix.
const CAPACITY: usize = 48;

/// A short run of ASCII digits, on the stack.
#[derive(Clone, Copy)]
pub(crate) struct Digits {
    buf: [u8; CAPACITY],
    len: u8,
}

impl Digits {
    /// `parts` end to end; `None` when they do not fit.
    pub(crate) fn concat(parts: &[&[u8]]) -> Option<Digits> {
        let mut d = Digits { buf: [0; CAPACITY], len: 0 };
        for part in parts {
            let at = usize::from(d.len);
            d.buf.get_mut(at..at + part.len())?.copy_from_slice(part);
            d.len += part.len() as u8;
        }
        Some(d)
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }
}

impl std::fmt::Debug for Digits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why libphonenumber's `parse` refuses a text (`NumberParseException`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParseError {
    InvalidCountryCode,
    NotANumber,
    TooShortAfterIdd,
    TooShortNsn,
    TooLong,
}

/// How the calling code was found (`CountryCodeSource`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Plus,
    Idd,
    /// The region's own code, written without `+` (`447911123456` read in GB).
    WithoutPlus,
    /// None was written: the region's.
    Region,
}

/// A parsed number: its calling code and national significant number.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Number {
    pub(crate) code: u16,
    pub(crate) nsn: Digits,
    pub(crate) source: Source,
}

/// `testNumberLength`'s answer (`ValidationResult`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Possibility {
    Possible,
    LocalOnly,
    TooShort,
    TooLong,
    InvalidLength,
    InvalidCountryCode,
}

/// libphonenumber's `parse(text, region)` for a text whose digits are `digits`,
/// written with a leading `+` when `plus`; `bare` when the text was digits only
/// (two digits alone are a number, two with punctuation are not).
pub(crate) fn parse(plus: bool, digits: &[u8], bare: bool, region: Option<Region>) -> Result<Number, ParseError> {
    if digits.len() < MIN_NSN || digits.len() == MIN_NSN && (plus || !bare) {
        return Err(ParseError::NotANumber);
    }
    let home = region.and_then(territory);
    if !plus && home.is_none() {
        return Err(ParseError::InvalidCountryCode);
    }
    let extracted = match extract_code(plus, digits, home) {
        // `+` then no code: libphonenumber tries again as if the `+` were not there.
        Err(ParseError::InvalidCountryCode) if plus => match extract_code(false, digits, home)? {
            None => return Err(ParseError::InvalidCountryCode),
            some => some,
        },
        other => other?,
    };
    let (code, national, source, meta) = match extracted {
        Some((code, national, source)) => (code, national, source, main_territory(code)),
        None => {
            let home = home.ok_or(ParseError::InvalidCountryCode)?;
            let national = Digits::concat(&[digits]).ok_or(ParseError::TooLong)?;
            (home.code, national, Source::Region, Some(home))
        }
    };
    if national.as_bytes().len() < MIN_NSN {
        return Err(ParseError::TooShortNsn);
    }
    let mut nsn = national;
    if let Some(meta) = meta {
        let stripped = strip_national_prefix(national.as_bytes(), meta);
        let kept = !matches!(
            test_length(stripped.as_bytes(), meta),
            Possibility::TooShort | Possibility::LocalOnly | Possibility::InvalidLength
        );
        if kept {
            nsn = stripped;
        }
    }
    match nsn.as_bytes().len() {
        n if n < MIN_NSN => Err(ParseError::TooShortNsn),
        n if n > MAX_NSN => Err(ParseError::TooLong),
        _ => Ok(Number { code, nsn, source }),
    }
}

/// `maybeExtractCountryCode`: the code, the rest and where the code came from;
/// `None` when the number has none (it is the region's).
fn extract_code(
    plus: bool,
    digits: &[u8],
    home: Option<&'static Territory>,
) -> Result<Option<(u16, Digits, Source)>, ParseError> {
    let (source, full) = if plus {
        (Source::Plus, digits)
    } else {
        match home.and_then(|t| t.international_prefix).and_then(|idd| idd.match_end(digits)) {
            // A calling code never starts with 0: then it was no international prefix.
            Some(end) if digits.get(end) != Some(&b'0') => (Source::Idd, &digits[end..]),
            _ => (Source::Region, digits),
        }
    };
    if source != Source::Region {
        if full.len() <= MIN_NSN {
            return Err(ParseError::TooShortAfterIdd);
        }
        let (code, rest) = leading_code(full).ok_or(ParseError::InvalidCountryCode)?;
        let rest = Digits::concat(&[rest]).ok_or(ParseError::TooLong)?;
        return Ok(Some((code, rest, source)));
    }
    let Some(home) = home else { return Ok(None) };
    // The region's own code written without `+`: taken as such when the number
    // is not valid-shaped as it stands but is without it, or is too long as is.
    let mut buf = [0u8; 3];
    let own = code_digits(home.code, &mut buf);
    if let Some(rest) = digits.strip_prefix(own) {
        let national = strip_national_prefix(rest, home);
        let better = !home.general.matches(digits) && home.general.matches(national.as_bytes());
        if better || test_length(digits, home) == Possibility::TooLong {
            return Ok(Some((home.code, national, Source::WithoutPlus)));
        }
    }
    Ok(None)
}

/// The calling code `digits` start with (codes are prefix-free; none starts with 0).
pub(crate) fn leading_code(digits: &[u8]) -> Option<(u16, &[u8])> {
    if digits.first() == Some(&b'0') {
        return None;
    }
    let mut code = 0u16;
    for (n, &d) in digits.iter().enumerate().take(3) {
        code = code * 10 + u16::from(d.wrapping_sub(b'0'));
        if is_calling_code(code) {
            return Some((code, &digits[n + 1..]));
        }
    }
    None
}

/// A calling code's decimal digits.
pub(crate) fn code_digits(code: u16, buf: &mut [u8; 3]) -> &[u8] {
    let n = if code >= 100 {
        3
    } else if code >= 10 {
        2
    } else {
        1
    };
    let mut c = code;
    for slot in buf[..n].iter_mut().rev() {
        *slot = b'0' + (c % 10) as u8;
        c /= 10;
    }
    &buf[..n]
}

/// `maybeStripNationalPrefixAndCarrierCode`: the number without its national
/// prefix (and carrier code), or rewritten by the region's transform rule; as it
/// was when nothing matches, or when stripping would turn a number of valid
/// shape into one that is not.
pub(crate) fn strip_national_prefix(number: &[u8], t: &Territory) -> Digits {
    let unchanged = Digits::concat(&[number]).unwrap_or(Digits { buf: [0; CAPACITY], len: 0 });
    if number.is_empty() {
        return unchanged;
    }
    let viable = t.general.matches(number);
    let keep_viable = |candidate: Option<Digits>| match candidate {
        Some(c) if !viable || t.general.matches(c.as_bytes()) => c,
        _ => unchanged,
    };
    if let Transform::Whole { dfa, prepend } = t.transform {
        if dfa.matches(number) {
            return keep_viable(Digits::concat(&[prepend.as_bytes(), number]));
        }
    }
    let Some(end) = t.national_prefix_for_parsing.and_then(|p| p.match_end(number)) else { return unchanged };
    let rewritten = match t.transform {
        Transform::None | Transform::Whole { .. } => Digits::concat(&[&number[end..]]),
        Transform::DropPrefix(n) => number.get(usize::from(n)..).and_then(|rest| Digits::concat(&[rest])),
        Transform::Argentina => {
            let zero = usize::from(number[0] == b'0');
            if end > zero + 2 {
                Digits::concat(&[b"9", &number[zero..end - 2], &number[end..]])
            } else {
                Digits::concat(&[&number[end..]])
            }
        }
        Transform::Brazil => {
            let prefix = if number[0] == b'0' { 1 } else { 2 };
            if end > prefix {
                number.get(prefix + 2..).and_then(|rest| Digits::concat(&[rest]))
            } else {
                Digits::concat(&[&number[end..]])
            }
        }
    };
    keep_viable(rewritten)
}

/// `testNumberLength` against the general description.
pub(crate) fn test_length(nsn: &[u8], t: &Territory) -> Possibility {
    let len = nsn.len();
    if has_length(t.local_lengths, len) {
        return Possibility::LocalOnly;
    }
    let min = t.lengths.trailing_zeros() as usize;
    let max = 31 - t.lengths.leading_zeros() as usize;
    if len == min {
        Possibility::Possible
    } else if len < min {
        Possibility::TooShort
    } else if len > max {
        Possibility::TooLong
    } else if has_length(t.lengths, len) {
        Possibility::Possible
    } else {
        Possibility::InvalidLength
    }
}

impl Number {
    /// `isPossibleNumberWithReason`: the lengths of the code's main territory.
    pub(crate) fn possibility(&self) -> Possibility {
        main_territory(self.code).map_or(Possibility::InvalidCountryCode, |t| test_length(self.nsn.as_bytes(), t))
    }

    /// `getRegionCodeForNumber`'s territory and `getNumberType`'s answer, found
    /// together: a code's only territory, or else the first whose leading digits
    /// match or, without leading digits, whose types do ([`NumberType::Unknown`]
    /// for an invalid number).
    pub(crate) fn classify(&self) -> (Option<&'static Territory>, NumberType) {
        let Some(mut list) = territories(self.code) else { return (None, NumberType::Unknown) };
        let nsn = self.nsn.as_bytes();
        if list.clone().nth(1).is_none() {
            let only = list.next();
            return (only, only.map_or(NumberType::Unknown, |t| number_type(nsn, t)));
        }
        for t in list {
            match t.leading_digits {
                Some(leading) if leading.matches_prefix(nsn) => return (Some(t), number_type(nsn, t)),
                Some(_) => {}
                None => match number_type(nsn, t) {
                    NumberType::Unknown => {}
                    kind => return (Some(t), kind),
                },
            }
        }
        (None, NumberType::Unknown)
    }

    /// `getRegionCodeForNumber`'s territory.
    // For the engine verdicts the conformance tests compare (reference.rs).
    pub(crate) fn territory(&self) -> Option<&'static Territory> {
        self.classify().0
    }

    /// `getNumberType`: [`NumberType::Unknown`] for an invalid number.
    // As `territory`.
    pub(crate) fn number_type(&self) -> NumberType {
        self.classify().1
    }
}

/// `getNumberTypeHelper`: the type of `nsn` by `t`'s descriptions, in
/// libphonenumber's order of precedence, in one walk of the territory's
/// type classifier.
#[inline]
pub(crate) fn number_type(nsn: &[u8], t: &Territory) -> NumberType {
    t.types.number_type(nsn)
}
