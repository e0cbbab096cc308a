//! A libphonenumber pattern compiled into a minimal deterministic automaton over
//! the ten ASCII digits, the form intake's runtime walks without a regex engine.
//!
//! `regex-automata` builds an anchored dense DFA over bytes; this module keeps the
//! states reachable on digits, sends every state that can no longer reach a match
//! to one dead state, and merges equivalent states (Moore's partition refinement),
//! since on ten symbols many byte-level states become the same.

use regex_automata::dfa::{dense, Automaton, StartKind};
use regex_automata::util::{start, syntax};
use regex_automata::{Anchored, MatchKind};

/// Where a transition leads when no digit sequence from there can match.
pub const DEAD: u32 = u32::MAX;

/// How a pattern is matched at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Semantics {
    /// Every match end counts: a whole-number match (`matches()`), a prefix test
    /// (`lookingAt()` as a yes/no), and "can this prefix still become valid".
    All,
    /// The end of the leftmost-first match (Java's and Python's backtracking
    /// preference), for the prefixes that are stripped: `lookingAt().end()`.
    LeftmostFirst,
}

/// A minimal digit automaton: `next[s][d]` is the state after digit `d` from
/// state `s` (or [`DEAD`]); states `accept_from..` accept (the digits read so far
/// end a match), and `labels[s]` says what they accept as (1 for a plain
/// pattern; a number type for a [`classifier`]; 0 for a state that does not accept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigitDfa {
    /// Per state, what it accepts as (0: nothing).
    pub labels: Vec<u8>,
    /// Per state, the state after each digit.
    pub next: Vec<[u32; 10]>,
    /// The state before any digit.
    pub start: u32,
    /// The first accepting state.
    pub accept_from: u32,
}

/// Compiles `pattern` (anchored at the start; no `^`, `$` or look-around).
///
/// # Errors
/// A message when the pattern does not compile, uses an assertion, or matches
/// nothing at all.
pub fn compile(pattern: &str, semantics: Semantics) -> Result<DigitDfa, String> {
    if pattern.contains(['^', '$']) {
        return Err(format!("pattern {pattern:?} has an assertion; split it before compiling"));
    }
    let kind = match semantics {
        Semantics::All => MatchKind::All,
        Semantics::LeftmostFirst => MatchKind::LeftmostFirst,
    };
    let dfa = dense::Builder::new()
        .configure(dense::Config::new().match_kind(kind).start_kind(StartKind::Anchored).minimize(true))
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .build(pattern)
        .map_err(|e| format!("pattern {pattern:?}: {e}"))?;
    let start = dfa
        .start_state(&start::Config::new().anchored(Anchored::Yes))
        .map_err(|e| format!("pattern {pattern:?}: {e}"))?;

    // The byte-level states reachable on digits, breadth first.
    let mut ids = vec![start];
    let mut index = std::collections::HashMap::from([(start, 0u32)]);
    let mut next: Vec<[u32; 10]> = Vec::new();
    let mut accept = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let s = ids[i];
        // A match is reported one step late; at the end of input it is whether
        // the digits read so far match.
        accept.push(u8::from(dfa.is_match_state(dfa.next_eoi_state(s))));
        let mut row = [DEAD; 10];
        for (d, slot) in row.iter_mut().enumerate() {
            let t = dfa.next_state(s, b'0' + d as u8);
            if dfa.is_dead_state(t) || dfa.is_quit_state(t) {
                continue;
            }
            let len = ids.len() as u32;
            *slot = *index.entry(t).or_insert_with(|| {
                ids.push(t);
                len
            });
        }
        next.push(row);
        i += 1;
    }
    minimize(&next, &accept, 0).ok_or_else(|| format!("pattern {pattern:?} matches no digit string"))
}

/// Sends states that cannot reach an accepting state (a non-zero label) to
/// [`DEAD`], merges equivalent states (same label, equivalent successors) and
/// numbers them so the accepting ones come last.
fn minimize(next: &[[u32; 10]], label: &[u8], start: u32) -> Option<DigitDfa> {
    let n = next.len();
    let accept: Vec<bool> = label.iter().map(|&l| l != 0).collect();
    // Live: can reach an accepting state (fixed point over the reversed edges).
    let mut live: Vec<bool> = accept.clone();
    loop {
        let mut changed = false;
        for s in 0..n {
            if !live[s] && next[s].iter().any(|&t| t != DEAD && live[t as usize]) {
                live[s] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    if !live[start as usize] {
        return None;
    }
    let target = |t: u32| if t != DEAD && live[t as usize] { t } else { DEAD };

    // Moore refinement: start from {accepting, not}, split by the classes of
    // the ten successors until stable.
    let mut class: Vec<u32> = (0..n).map(|s| u32::from(label[s])).collect();
    let mut classes = (0..n).filter(|&s| live[s]).map(|s| label[s]).collect::<std::collections::HashSet<_>>().len();
    loop {
        let mut signatures = std::collections::HashMap::new();
        let mut refined = vec![0u32; n];
        for s in (0..n).filter(|&s| live[s]) {
            let mut sig = [0u32; 11];
            sig[0] = class[s];
            for d in 0..10 {
                let t = target(next[s][d]);
                sig[d + 1] = if t == DEAD { u32::MAX } else { class[t as usize] };
            }
            let len = signatures.len() as u32;
            refined[s] = *signatures.entry(sig).or_insert(len);
        }
        class = refined;
        // Refinement only splits classes: the same count means nothing split.
        if signatures.len() == classes {
            break;
        }
        classes = signatures.len();
    }

    // Number the classes: breadth first from the start, then the accepting ones last.
    let mut order = vec![class[start as usize]];
    let mut seen = std::collections::HashSet::from([class[start as usize]]);
    let mut rep = std::collections::HashMap::new();
    for s in (0..n).filter(|&s| live[s]) {
        rep.entry(class[s]).or_insert(s);
    }
    let mut i = 0;
    while i < order.len() {
        let s = rep[&order[i]];
        for &t in &next[s] {
            let t = target(t);
            if t != DEAD && seen.insert(class[t as usize]) {
                order.push(class[t as usize]);
            }
        }
        i += 1;
    }
    order.sort_by_key(|c| accept[rep[c]]); // stable: breadth-first order within each group
    let number: std::collections::HashMap<u32, u32> = order.iter().enumerate().map(|(i, &c)| (c, i as u32)).collect();
    let accept_from = order.iter().position(|c| accept[rep[c]]).unwrap_or(order.len()) as u32;
    let next = order
        .iter()
        .map(|c| {
            let s = rep[c];
            next[s].map(|t| match target(t) {
                DEAD => DEAD,
                t => number[&class[t as usize]],
            })
        })
        .collect();
    let labels = order.iter().map(|c| label[rep[c]]).collect();
    Some(DigitDfa { labels, next, start: number[&class[start as usize]], accept_from })
}

/// The number types of [`classifier`]'s labels, in libphonenumber's order of
/// precedence (`getNumberTypeHelper`), with the metadata's index of each.
pub const TYPE_PRECEDENCE: [(usize, u8); 8] = [(3, 5), (2, 4), (4, 6), (6, 7), (5, 8), (7, 9), (8, 10), (9, 11)];
/// Labels: 1 fixed line, 2 mobile, 3 fixed line or mobile, 4 toll free, 5
/// premium rate, 6 shared cost, 7 VoIP, 8 personal number, 9 pager, 10 UAN, 11 voicemail.
const FIXED_LINE: u8 = 1;
const MOBILE: u8 = 2;
const FIXED_LINE_OR_MOBILE: u8 = 3;
/// libphonenumber's longest national significant number.
const MAX_LENGTH: u8 = 17;

/// A pattern with its set of possible lengths (bit `n` for length `n`).
pub type Described<'a> = (&'a DigitDfa, u32);

/// One automaton that answers `getNumberTypeHelper` for a territory in a single
/// walk: the product of the general description and the ten type descriptions
/// (each with its possible lengths), every state labelled with the type the
/// digits read so far are, and pruned to the states from which some number of
/// some type can still be reached.
///
/// # Errors
/// A message when no number of any type exists.
pub fn classifier(
    general: Described,
    types: &[Option<Described>; 10],
    same_mobile_fixed: bool,
) -> Result<DigitDfa, String> {
    type State = (u32, [u32; 10], u8);
    let component = |d: &DigitDfa, s: u32, digit: usize| if s == DEAD { DEAD } else { d.next[s as usize][digit] };
    let accepts =
        |(d, lengths): Described, s: u32, len: u8| s != DEAD && s >= d.accept_from && lengths & (1 << len) != 0;
    let label = |(g, t, len): &State| -> u8 {
        if !accepts(general, *g, *len) {
            return 0;
        }
        let is = |i: usize| types[i].is_some_and(|desc| accepts(desc, t[i], *len));
        if let Some(&(_, l)) = TYPE_PRECEDENCE.iter().find(|(i, _)| is(*i)) {
            return l;
        }
        match (is(0), is(1)) {
            (true, _) if same_mobile_fixed => FIXED_LINE_OR_MOBILE,
            (true, true) => FIXED_LINE_OR_MOBILE,
            (true, false) => FIXED_LINE,
            (false, true) if !same_mobile_fixed => MOBILE,
            _ => 0,
        }
    };
    let start: State = (general.0.start, std::array::from_fn(|i| types[i].map_or(DEAD, |(d, _)| d.start)), 0);
    let mut ids = vec![start];
    let mut index = std::collections::HashMap::from([(start, 0u32)]);
    let (mut next, mut labels) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < ids.len() {
        let state = ids[i];
        labels.push(label(&state));
        let mut row = [DEAD; 10];
        for (digit, slot) in row.iter_mut().enumerate() {
            let (g, t, len) = state;
            let g = component(general.0, g, digit);
            let t: [u32; 10] = std::array::from_fn(|k| types[k].map_or(DEAD, |(d, _)| component(d, t[k], digit)));
            if g == DEAD || len == MAX_LENGTH || t.iter().all(|&s| s == DEAD) {
                continue;
            }
            let successor = (g, t, len + 1);
            let n = ids.len() as u32;
            *slot = *index.entry(successor).or_insert_with(|| {
                ids.push(successor);
                n
            });
        }
        next.push(row);
        i += 1;
        if ids.len() > 200_000 {
            return Err("the type classifier grew past 200,000 product states".to_owned());
        }
    }
    minimize(&next, &labels, 0).ok_or_else(|| "no number of any type".to_owned())
}

impl DigitDfa {
    /// Runs the automaton over `digits` as the runtime does: every accepting
    /// position, in order (for tests of the generator itself).
    #[must_use]
    pub fn match_ends(&self, digits: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut s = self.start;
        for (i, b) in digits.bytes().enumerate() {
            if s >= self.accept_from {
                out.push(i);
            }
            s = self.next[s as usize][usize::from(b - b'0')];
            if s == DEAD {
                return out;
            }
        }
        if s >= self.accept_from {
            out.push(digits.len());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_and_prefix_matches() {
        let dfa = compile(r"7\d{3}|80", Semantics::All).unwrap();
        assert_eq!(dfa.match_ends("7123"), vec![4]);
        assert_eq!(dfa.match_ends("80"), vec![2]);
        assert!(dfa.match_ends("71234").contains(&4));
        assert!(dfa.match_ends("9").is_empty());
    }

    #[test]
    fn leftmost_first_end_follows_alternation_order() {
        // Belarus: `0|80?` strips `80` from `80152…`, `8` from `8152…`.
        let dfa = compile(r"0|80?", Semantics::LeftmostFirst).unwrap();
        assert_eq!(dfa.match_ends("801524509").last(), Some(&2));
        assert_eq!(dfa.match_ends("81524509").last(), Some(&1));
        // `1|12`: the first alternative wins though the second is longer.
        let dfa = compile(r"1|12", Semantics::LeftmostFirst).unwrap();
        assert_eq!(dfa.match_ends("123").last(), Some(&1));
    }

    #[test]
    fn equivalent_states_are_merged() {
        // [0-9] spelled two ways is one state per position.
        let dfa = compile(r"(?:[0-4]|[5-9])\d", Semantics::All).unwrap();
        assert_eq!(dfa.next.len(), 3);
    }

    #[test]
    fn refuses_assertions_and_empty_languages() {
        assert!(compile(r"(\d{6})$", Semantics::All).is_err());
        assert!(compile(r"a", Semantics::All).is_err());
    }
}
