//! A region's `nationalPrefixForParsing` and `nationalPrefixTransformRule`, made
//! into what digit automata can do.
//!
//! Without a transform rule the prefix is stripped up to the end of the
//! leftmost-first match (its capture groups are carrier codes, which E.164
//! drops). With one, libphonenumber replaces the match with the rule, whose `$n`
//! name capture groups, which automata cannot capture. The metadata uses four
//! shapes of them, each recognised here exactly and refused otherwise:
//! - `(X)$|P` with `K$1` (the NANP islands, GG, JE, IM, JP, …): a whole number
//!   matching `X` gets `K` in front; else `P` is stripped;
//! - `L(G)` with `$1`, `L` literal digits (GA): `L` is dropped when the whole matches;
//! - Argentina's `0?(?:(G)15)?` with `9$1` and Brazil's carrier-code rule, each
//!   with its own small rule in the runtime (their shapes are checked here).

use crate::metadata::Territory;

/// What the runtime does with a match of the national prefix pattern.
pub enum Transform {
    None,
    Whole { pattern: String, prepend: String },
    DropPrefix(u8),
    Argentina,
    Brazil,
}

/// Brazil's pattern: `0` or `90`, then an optional two-digit carrier code and
/// the 10 or 11 digits of the number, kept by `$2`.
const BRAZIL: &str = r"(?:0|90)(?:(1[245]|2[1-35]|31|4[13]|[56]5|99)(\d{10,11}))?";

/// The pattern to strip by (leftmost-first), and the transform.
pub fn national_prefix_rule(t: &Territory) -> Result<(Option<String>, Transform), String> {
    let Some(pattern) = t.national_prefix_for_parsing.clone() else { return Ok((None, Transform::None)) };
    let Some(rule) = t.national_prefix_transform_rule.as_deref() else {
        return Ok((Some(pattern), Transform::None));
    };
    let unknown = || format!("national prefix rule {pattern:?} → {rule:?} has a shape the runtime does not know");
    if let Some((whole, rest)) = split_whole(&pattern) {
        let prepend = rule.strip_suffix("$1").filter(|k| k.bytes().all(|b| b.is_ascii_digit())).ok_or_else(unknown)?;
        let transform = Transform::Whole { pattern: whole.to_owned(), prepend: prepend.to_owned() };
        return Ok((rest.map(str::to_owned), transform));
    }
    if t.id == "AR" && rule == "9$1" && pattern.starts_with("0?(?:(") && pattern.ends_with(")15)?") {
        let inner = &pattern["0?(?:(".len()..pattern.len() - ")15)?".len()];
        if !balanced(inner) || has_capture(inner) || inner.contains('$') {
            return Err(unknown());
        }
        return Ok((Some(pattern), Transform::Argentina));
    }
    if t.id == "BR" && rule == "$2" && pattern == BRAZIL {
        return Ok((Some(pattern), Transform::Brazil));
    }
    if rule == "$1" {
        let literal = pattern.bytes().take_while(u8::is_ascii_digit).count();
        let group = &pattern[literal..];
        if literal > 0 && group.starts_with('(') && !group.starts_with("(?") && group.ends_with(')') {
            let inner = &group[1..group.len() - 1];
            if balanced(inner) && !has_capture(inner) && !inner.contains('$') {
                return Ok((Some(pattern.clone()), Transform::DropPrefix(literal as u8)));
            }
        }
    }
    Err(unknown())
}

/// `(X)$` or `(X)$|P`, `X` one group spanning up to the `$`: (X, P).
fn split_whole(pattern: &str) -> Option<(&str, Option<&str>)> {
    let rest = pattern.strip_prefix('(').filter(|r| !r.starts_with('?'))?;
    let close = closing(rest)?;
    let (inner, after) = (&rest[..close], &rest[close + 1..]);
    let after = after.strip_prefix('$')?;
    if has_capture(inner) {
        return None;
    }
    match after {
        "" => Some((inner, None)),
        _ => after.strip_prefix('|').filter(|p| !has_capture(p) && !p.contains('$')).map(|p| (inner, Some(p))),
    }
}

/// The index of the `)` that closes an already opened group.
fn closing(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'(' => depth += 1,
            b')' if depth == 0 => return Some(i),
            b')' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for b in text.bytes() {
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// Whether `text` opens a capture group (`(` not followed by `?`).
fn has_capture(text: &str) -> bool {
    text.match_indices('(').any(|(i, _)| !text[i + 1..].starts_with('?'))
}
