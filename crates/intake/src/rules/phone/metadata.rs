//! The shapes of the generated tables (`tables.rs`, `tables.bin`, written by the
//! `intake-phonegen` crate from libphonenumber's metadata) and the walk of a
//! digit automaton. Everything here is static data: nothing is parsed, compiled
//! or locked at run time.

use super::tables::{AUTOMATA, CALLING_CODES, REGIONS, TERRITORIES};
use super::{NumberType, Region};

/// A minimal automaton over the digits 0–9, laid out in [`AUTOMATA`] at `at`:
/// ten transitions per state, one byte each (`0xFF` dead) or, when `wide`, two
/// little-endian bytes (`0xFFFF` dead). States `accept_from..` accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dfa {
    at: u32,
    start: u16,
    accept_from: u16,
    wide: bool,
}

/// The generated tables' constructor for a [`Dfa`].
pub(crate) const fn dfa(at: u32, start: u16, accept_from: u16, wide: bool) -> Dfa {
    Dfa { at, start, accept_from, wide }
}

impl Dfa {
    /// The state after `digit` (an ASCII digit) from `state`, if any.
    #[inline]
    fn step(self, state: u16, digit: u8) -> Option<u16> {
        let d = digit.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        let entry = usize::from(state) * 10 + usize::from(d);
        if self.wide {
            let i = self.at as usize + entry * 2;
            let next = u16::from_le_bytes([*AUTOMATA.get(i)?, *AUTOMATA.get(i + 1)?]);
            (next != u16::MAX).then_some(next)
        } else {
            let next = *AUTOMATA.get(self.at as usize + entry)?;
            (next != u8::MAX).then_some(u16::from(next))
        }
    }

    /// The state after all of `digits`, or `None` once no continuation can match.
    #[inline]
    fn run(self, digits: &[u8]) -> Option<u16> {
        if self.wide {
            return digits.iter().try_fold(self.start, |s, &d| self.step(s, d));
        }
        // The hot path: one byte per transition, no width test per step.
        let table = AUTOMATA.get(self.at as usize..)?;
        let mut state = usize::from(self.start);
        for &digit in digits {
            let d = digit.wrapping_sub(b'0');
            if d > 9 {
                return None;
            }
            match *table.get(state * 10 + usize::from(d))? {
                u8::MAX => return None,
                next => state = usize::from(next),
            }
        }
        Some(state as u16)
    }

    /// Whether the whole of `digits` matches (libphonenumber's `matches()`).
    #[inline]
    pub(crate) fn matches(self, digits: &[u8]) -> bool {
        self.run(digits).is_some_and(|s| s >= self.accept_from)
    }

    /// Whether some prefix of `digits` matches (`lookingAt()` as a yes/no).
    pub(crate) fn matches_prefix(self, digits: &[u8]) -> bool {
        self.match_end(digits).is_some()
    }

    /// The end of the match at the start of `digits`: for an automaton built
    /// leftmost-first, the end `lookingAt()` reports.
    pub(crate) fn match_end(self, digits: &[u8]) -> Option<usize> {
        let mut state = self.start;
        let mut end = None;
        for (i, &d) in digits.iter().enumerate() {
            if state >= self.accept_from {
                end = Some(i);
            }
            match self.step(state, d) {
                Some(s) => state = s,
                None => return end,
            }
        }
        if state >= self.accept_from {
            end = Some(digits.len());
        }
        end
    }

    /// Whether some continuation of `digits` (possibly none) matches: the
    /// automaton is still in a live state.
    pub(crate) fn is_live(self, digits: &[u8]) -> bool {
        self.run(digits).is_some()
    }
}

/// The territory's number types in one automaton (the generator's
/// `classifier`): its states carry the type the digits read so far are, as
/// libphonenumber's `getNumberTypeHelper` would answer with every description
/// and possible length; a dead walk means no number of any type begins so.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Classifier {
    dfa: Dfa,
    /// Where the label byte of each state begins in [`AUTOMATA`].
    labels: u32,
}

/// The generated tables' constructor for a [`Classifier`].
pub(crate) const fn classifier(dfa: Dfa, labels: u32) -> Classifier {
    Classifier { dfa, labels }
}

impl Classifier {
    /// The type of a whole national significant number.
    #[inline]
    pub(crate) fn number_type(self, nsn: &[u8]) -> NumberType {
        let label = self.dfa.run(nsn).and_then(|s| AUTOMATA.get(self.labels as usize + usize::from(s)));
        match label {
            Some(1) => NumberType::FixedLine,
            Some(2) => NumberType::Mobile,
            Some(3) => NumberType::FixedLineOrMobile,
            Some(4) => NumberType::TollFree,
            Some(5) => NumberType::PremiumRate,
            Some(6) => NumberType::SharedCost,
            Some(7) => NumberType::Voip,
            Some(8) => NumberType::PersonalNumber,
            Some(9) => NumberType::Pager,
            Some(10) => NumberType::Uan,
            Some(11) => NumberType::Voicemail,
            _ => NumberType::Unknown,
        }
    }

    /// Whether some valid number of the territory begins with `digits`.
    pub(crate) fn is_live(self, digits: &[u8]) -> bool {
        self.dfa.is_live(digits)
    }
}

/// How a region rewrites a national number after its national prefix matched
/// (`nationalPrefixTransformRule`); see the generator's `prefix` module.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Transform {
    /// Strip up to the end of the match.
    None,
    /// A whole number matching `dfa` gets `prepend` in front (`(X)$` with `K$1`);
    /// otherwise the national prefix pattern, if any, is stripped.
    Whole { dfa: Dfa, prepend: &'static str },
    /// Drop this many leading digits when the pattern matches (`L(G)` with `$1`).
    DropPrefix(u8),
    /// `0?(?:(G)15)?` with `9$1`: `0 G 15 rest` becomes `9 G rest`.
    Argentina,
    /// `(?:0|90)(?:(C)(\d{10,11}))?` with `$2`: the prefix and carrier code `C` go.
    Brazil,
}

/// One territory of the metadata: a region, or a non-geographic calling code.
#[derive(Debug)]
pub(crate) struct Territory {
    pub(crate) region: Option<Region>,
    pub(crate) code: u16,
    pub(crate) international_prefix: Option<Dfa>,
    pub(crate) national_prefix: &'static str,
    pub(crate) national_prefix_for_parsing: Option<Dfa>,
    pub(crate) transform: Transform,
    pub(crate) leading_digits: Option<Dfa>,
    pub(crate) general: Dfa,
    /// The general description's lengths: every type's (libphonenumber's build).
    pub(crate) lengths: u32,
    pub(crate) local_lengths: u32,
    /// Every number type's description, in one automaton.
    pub(crate) types: Classifier,
    /// The example number of each type (fixed line, mobile, toll free, premium
    /// rate, shared cost, personal number, VoIP, pager, UAN, voicemail); empty
    /// where the type has none.
    pub(crate) examples: [&'static str; 10],
    /// The `availableFormats`, in order.
    pub(crate) formats: &'static [Format],
    /// Whether some format has its own international form (libphonenumber then
    /// formats internationally by those only).
    pub(crate) explicit_intl: bool,
}

/// One `numberFormat` of the metadata: numbers whose national significant
/// number begins as `leading` says (its last, most detailed pattern) and
/// matches `groups` end to end are written by `national` (`$1 $2`).
#[derive(Debug)]
pub(crate) struct Format {
    pub(crate) groups: &'static [Dfa],
    pub(crate) leading: &'static [Dfa],
    pub(crate) national: &'static str,
    pub(crate) intl: Intl,
    /// How the national prefix goes with the first group (`0$FG`, `($FG)`), or "".
    pub(crate) national_prefix_rule: &'static str,
    /// Whether a national number may be written without its prefix (read by
    /// the as-you-type formatter, not by `format_number`).
    pub(crate) national_prefix_optional: bool,
    /// Whether the format has a carrier code formatting rule (the as-you-type
    /// formatter keeps it after a national prefix, which may be a carrier code).
    pub(crate) carrier_rule: bool,
}

/// A format's international form.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Intl {
    /// As the national one.
    Same,
    /// Not used internationally (`NA` in the metadata).
    None,
    /// Its own.
    Text(&'static str),
}

/// Whether `len` is in the length set `mask`.
#[inline]
pub(crate) fn has_length(mask: u32, len: usize) -> bool {
    len < 32 && mask & (1 << len) != 0
}

/// The territory of a region (`GB`), if the metadata has one.
pub(crate) fn territory(region: Region) -> Option<&'static Territory> {
    let [a, b] = region.0;
    let slot = usize::from(a.checked_sub(b'A')?) * 26 + usize::from(b.checked_sub(b'A')?);
    TERRITORIES.get(usize::from(*REGION_INDEX.get(slot)?))
}

/// The territories of a calling code, the main one first.
pub(crate) fn territories(code: u16) -> Option<impl Iterator<Item = &'static Territory> + Clone> {
    let (_, list) = CALLING_CODES.get(usize::from(*CODE_INDEX.get(usize::from(code))?))?;
    Some(list.iter().filter_map(|&t| TERRITORIES.get(usize::from(t))))
}

/// Whether a calling code is in use.
#[inline]
pub(crate) fn is_calling_code(code: u16) -> bool {
    CODE_INDEX.get(usize::from(code)).is_some_and(|&i| i != NONE)
}

/// An index table's empty slot.
const NONE: u8 = u8::MAX;

/// For each region `XY`, at `(X - 'A') * 26 + (Y - 'A')`, its place in
/// [`TERRITORIES`] ([`NONE`] if none): every lookup of a region, one load.
static REGION_INDEX: [u8; 26 * 26] = {
    let mut out = [NONE; 26 * 26];
    let mut i = 0;
    while i < REGIONS.len() {
        let (Region([a, b]), t) = REGIONS[i];
        assert!(a.is_ascii_uppercase() && b.is_ascii_uppercase() && t < NONE as u16);
        out[(a - b'A') as usize * 26 + (b - b'A') as usize] = t as u8;
        i += 1;
    }
    out
};

/// For each calling code (they have at most three digits), its place in
/// [`CALLING_CODES`] ([`NONE`] if none).
static CODE_INDEX: [u8; 1000] = {
    let mut out = [NONE; 1000];
    let mut i = 0;
    while i < CALLING_CODES.len() {
        assert!(i < NONE as usize);
        out[CALLING_CODES[i].0 as usize] = i as u8;
        i += 1;
    }
    out
};

/// The main territory of a calling code (`44` → GB; a non-geographic code's own).
pub(crate) fn main_territory(code: u16) -> Option<&'static Territory> {
    territories(code)?.next()
}

/// Every calling code in use, ascending.
pub(crate) fn calling_codes() -> impl Iterator<Item = u16> {
    CALLING_CODES.iter().map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_tables_find_what_the_lists_hold() {
        for &(region, t) in &REGIONS {
            assert!(std::ptr::eq(territory(region).unwrap(), &TERRITORIES[usize::from(t)]), "{region:?}");
        }
        let regions = (b'A'..=b'Z').flat_map(|a| (b'A'..=b'Z').map(move |b| Region([a, b])));
        assert_eq!(regions.filter(|&r| territory(r).is_some()).count(), REGIONS.len());
        assert!(territory(Region(*b"a1")).is_none());
        for code in 0..=1000u16 {
            let listed = CALLING_CODES.iter().find(|(c, _)| *c == code);
            assert_eq!(is_calling_code(code), listed.is_some(), "{code}");
            let found: Option<Vec<_>> = territories(code).map(|t| t.map(|t| t as *const Territory).collect());
            let expected: Option<Vec<_>> = listed
                .map(|(_, list)| list.iter().map(|&t| &TERRITORIES[usize::from(t)] as *const Territory).collect());
            assert_eq!(found, expected, "{code}");
        }
    }
}
