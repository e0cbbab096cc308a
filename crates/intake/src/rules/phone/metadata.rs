//! The shapes of the generated tables (`tables.rs`, `tables.bin`, written by the
//! `intake-phonegen` crate from libphonenumber's metadata) and the walk of a
//! digit automaton. Everything here is static data: nothing is parsed, compiled
//! or locked at run time.

use super::tables::{AUTOMATA, CALLING_CODES, REGIONS, TERRITORIES};
use super::Region;

/// A minimal automaton over the digits 0–9, laid out in [`AUTOMATA`] at `at`:
/// ten transitions per state, one byte each (`0xFF` dead) or, when `wide`, two
/// little-endian bytes (`0xFFFF` dead). States `accept_from..` accept.
#[derive(Clone, Copy, Debug)]
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

/// A number type's description: its pattern, possible lengths (bit `n` for
/// length `n`) and example number.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Desc {
    pub(crate) dfa: Dfa,
    pub(crate) lengths: u32,
    pub(crate) example: &'static str,
}

impl Desc {
    /// libphonenumber's `isNumberMatchingDesc`: a possible length, then the pattern.
    #[inline]
    pub(crate) fn matches(&self, nsn: &[u8]) -> bool {
        has_length(self.lengths, nsn.len()) && self.dfa.matches(nsn)
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
    /// Fixed line, mobile, toll free, premium rate, shared cost, personal
    /// number, VoIP, pager, UAN, voicemail.
    pub(crate) types: [Option<Desc>; 10],
    pub(crate) same_mobile_and_fixed_line: bool,
}

impl Territory {
    /// libphonenumber's general description match (possible lengths, then the pattern).
    #[inline]
    pub(crate) fn matches_general(&self, nsn: &[u8]) -> bool {
        has_length(self.lengths, nsn.len()) && self.general.matches(nsn)
    }
}

/// Whether `len` is in the length set `mask`.
#[inline]
pub(crate) fn has_length(mask: u32, len: usize) -> bool {
    len < 32 && mask & (1 << len) != 0
}

/// The territory of a region (`GB`), if the metadata has one.
pub(crate) fn territory(region: Region) -> Option<&'static Territory> {
    let i = REGIONS.binary_search_by(|(r, _)| r.0.cmp(&region.0)).ok()?;
    TERRITORIES.get(usize::from(REGIONS[i].1))
}

/// The territories of a calling code, the main one first.
pub(crate) fn territories(code: u16) -> Option<impl Iterator<Item = &'static Territory> + Clone> {
    let i = CALLING_CODES.binary_search_by_key(&code, |(c, _)| *c).ok()?;
    Some(CALLING_CODES[i].1.iter().filter_map(|&t| TERRITORIES.get(usize::from(t))))
}

/// Whether a calling code is in use.
#[inline]
pub(crate) fn is_calling_code(code: u16) -> bool {
    CALLING_CODES.binary_search_by_key(&code, |(c, _)| *c).is_ok()
}

/// The main territory of a calling code (`44` → GB; a non-geographic code's own).
pub(crate) fn main_territory(code: u16) -> Option<&'static Territory> {
    territories(code)?.next()
}

/// Every calling code in use, ascending.
pub(crate) fn calling_codes() -> impl Iterator<Item = u16> {
    CALLING_CODES.iter().map(|(c, _)| *c)
}
