//! Email addresses: one dot-atom address, ASCII only, domain lower-cased, and
//! warnings for a likely typo of a common mailbox domain and for a special-use
//! domain that never receives mail.
//!
//! The local part is RFC 5322's dot-atom (its quoted strings are refused here),
//! checked in one pass and tested against the `email_address` crate for every
//! string of up to 5 characters over the bytes that matter. That crate's domain
//! grammar is looser than the contract's, so the domain is intake's own: letters, digits and
//! hyphens, two or more labels, a top-level label of letters (or `xn--`), 254
//! characters in all. Domain labels are checked as IDNA by the `idna` crate (UTS 46 with
//! CheckHyphens and STD3 rules): an `xn--` label must decode to a valid
//! international label, and no other label has `--` in its third and fourth
//! places (RFC 5891 section 4.2.3.1 reserves those).
//!
//! Decision: non-ASCII addresses (SMTPUTF8 local parts, Unicode domains) are
//! refused with `email.non_ascii`. None of the five providers documents support
//! for them, and a Unicode domain can always be written in its punycode
//! (`xn--`) form, which is accepted.

use std::borrow::Cow;

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

use crate::{Code, Fault, Parsed};

const MAX_LEN: usize = 254;
const MAX_LOCAL: usize = 64;
const MAX_LABEL: usize = 63;

/// Domains people mean when they mistype; a domain in this list is never a typo.
const COMMON: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.co.uk",
    "hotmail.com",
    "hotmail.co.uk",
    "outlook.com",
    "live.com",
    "live.co.uk",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "protonmail.com",
    "proton.me",
    "gmx.com",
    "gmx.de",
    "mail.com",
    "email.com",
    "yandex.com",
    "zoho.com",
    "comcast.net",
    "verizon.net",
    "att.net",
    "ymail.com",
    "rocketmail.com",
    "qq.com",
    "163.com",
    "web.de",
    "orange.fr",
];

/// Special-use top-level names that never receive mail: RFC 2606 and 6761
/// (`test`, `example`, `invalid`, `localhost`), RFC 6762 (`local`), RFC 7686
/// (`onion`) and `arpa` (infrastructure, and RFC 8375's `home.arpa`). The
/// second-level `example.com`, `.net` and `.org` are not here: RFC 6761 asks
/// applications not to treat them specially, and they exist in the DNS.
/// (Matched as literals, which compile to a few integer comparisons.)
fn is_reserved(tld: &str) -> bool {
    matches!(tld, "test" | "example" | "invalid" | "localhost" | "local" | "onion" | "arpa")
}

/// Top-level domains that are always typos of `com`.
fn is_com_typo(tld: &str) -> bool {
    matches!(tld, "con" | "cmo" | "ocm" | "comm" | "coom" | "cpm" | "vom" | "xom" | "cim" | "clm")
}

/// Parses one address: trimmed, local part kept as typed, domain lower-cased.
/// An address that needs no change is answered by borrowing it.
///
/// # Errors
/// `email.invalid`, `email.too_long`, `email.non_ascii`.
///
/// # Example
/// ```
/// let ok = intake::rules::email::parse(" Ada.Lovelace@Example.COM ").unwrap();
/// assert_eq!(ok.value, "Ada.Lovelace@example.com");
/// let typo = intake::rules::email::parse("ada@gmial.com").unwrap();
/// assert_eq!(typo.warnings[0].code, intake::Code::EmailTypo);
/// assert!(intake::rules::email::parse("\"ada\"@example.com").is_err());
/// ```
pub fn parse(input: &str) -> Result<Parsed<Cow<'_, str>>, Fault> {
    let s = super::trim(input);
    if !s.is_ascii() {
        return Err(Fault::new(
            Code::EmailNonAscii,
            "must use ASCII characters only (write an international domain in its xn-- form)",
        ));
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(Fault::new(Code::EmailInvalid, "must be an email address with one @"));
    };
    if domain.contains('@') {
        return Err(Fault::new(Code::EmailInvalid, "must be one email address with one @"));
    }
    if s.len() > MAX_LEN {
        return Err(Fault::new(Code::EmailTooLong, "must be at most 254 characters"));
    }
    if local.len() > MAX_LOCAL {
        return Err(Fault::new(Code::EmailTooLong, "must have at most 64 characters before the @"));
    }
    // RFC 5322's local part is a dot-atom or a quoted string; the contract takes
    // the dot-atom only.
    if !is_dot_atom(local.as_bytes()) {
        return Err(Fault::new(
            Code::EmailInvalid,
            "has an invalid part before the @ (no spaces, quotes or double dots)",
        ));
    }
    let Some(shape) = domain_shape(domain.as_bytes()) else {
        return Err(Fault::new(
            Code::EmailInvalid,
            "has an invalid domain (two or more labels of letters, digits and hyphens)",
        ));
    };
    // `domain_to_ascii_strict` with a borrowed answer: no allocation for the
    // usual lower-case ASCII domain. `domain_shape` has already held every label to
    // letters, digits and inner hyphens of at most 63 bytes, and the address to
    // 254 bytes: what UTS 46 can still refuse is a label with `--` in its third
    // and fourth places (`xn--` among them), so only such a domain goes through it.
    if shape.double_hyphen
        && Uts46::new().to_ascii(domain.as_bytes(), AsciiDenyList::STD3, Hyphens::Check, DnsLength::Verify).is_err()
    {
        return Err(Fault::new(
            Code::EmailInvalid,
            "has an invalid domain label (a malformed xn-- label, or -- in its third and fourth places)",
        ));
    }
    // The address as written when its domain is lower case already (the usual
    // one); else the one allocation, with the domain lower-cased in place.
    let at = local.len() + 1;
    let normalized = if domain.bytes().any(|b| b.is_ascii_uppercase()) {
        let mut lowered = String::with_capacity(s.len());
        lowered.push_str(s);
        lowered[at..].make_ascii_lowercase();
        Cow::Owned(lowered)
    } else {
        Cow::Borrowed(s)
    };
    let domain = &normalized[at..];
    let tld = &domain[shape.tld..];
    if is_reserved(tld) {
        return Ok(Parsed::warned(
            normalized,
            Fault::new(Code::EmailReserved, "the domain is a special-use name that never receives mail"),
        ));
    }
    Ok(match typo_of(domain, tld) {
        Some(suggestion) => Parsed::warned(
            normalized,
            Fault::owned(Code::EmailTypo, format!("the domain looks like a typo: did you mean {suggestion}?")),
        ),
        None => Parsed::clean(normalized),
    })
}

/// [`CLASS`] bits: RFC 5322's atext (letters, digits and ``!#$%&'*+-/=?^_`{|}~``).
const ATEXT: u8 = 1;
/// [`CLASS`] bits: a domain label's letters, digits and hyphen.
const LDH: u8 = 2;

/// Each byte's classes, looked up: one load a byte in the address's two loops.
const CLASS: [u8; 256] = {
    let mut out = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            out[b] = ATEXT | LDH;
        }
        b += 1;
    }
    let symbols = b"!#$%&'*+-/=?^_`{|}~";
    let mut i = 0;
    while i < symbols.len() {
        out[symbols[i] as usize] |= ATEXT;
        i += 1;
    }
    out[b'-' as usize] |= LDH;
    out
};

/// RFC 5322's dot-atom (ASCII): atoms of letters, digits and ``!#$%&'*+-/=?^_`{|}~``,
/// joined by single dots.
fn is_dot_atom(local: &[u8]) -> bool {
    // Starts as if after a dot: a leading dot, or an empty part, is refused.
    let mut after_dot = true;
    for &c in local {
        if c == b'.' {
            if after_dot {
                return false;
            }
            after_dot = true;
        } else if CLASS[usize::from(c)] & ATEXT != 0 {
            after_dot = false;
        } else {
            return false;
        }
    }
    !after_dot
}

/// What [`domain_shape`] tells of a domain.
struct DomainShape {
    /// A label has `--` in its third and fourth places.
    double_hyphen: bool,
    /// Where the top-level label starts.
    tld: usize,
}

/// Checks a domain in one pass: two or more labels of letters, digits and
/// inner hyphens, 1 to 63 bytes each, the last one letters or an `xn--` label.
/// `None` when it is not such a domain; else whether a label has `--` in its
/// third and fourth places (the one thing UTS 46 checks beyond this), and
/// where the last label starts.
fn domain_shape(domain: &[u8]) -> Option<DomainShape> {
    let mut labels = 0;
    let mut double_hyphen = false;
    let (mut start, mut last) = (0, 0);
    // Each label is checked at the dot after it; the end counts as one.
    for i in 0..=domain.len() {
        let c = domain.get(i).copied().unwrap_or(b'.');
        if c != b'.' {
            if CLASS[usize::from(c)] & LDH == 0 {
                return None;
            }
            continue;
        }
        let label = &domain[start..i];
        let (&first, &end) = (label.first()?, label.last()?);
        if label.len() > MAX_LABEL || first == b'-' || end == b'-' {
            return None;
        }
        double_hyphen |= label.get(2..4) == Some(b"--");
        labels += 1;
        (last, start) = (start, i + 1);
    }
    // A top-level label is letters, or an international one in its xn-- form:
    // ICANN delegates no other kind (RFC 3696 section 2 has them never all-numeric).
    // This also refuses a bare IPv4 address, the unbracketed form of an IP literal.
    let tld = &domain[last..];
    let tld_ok =
        tld.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--")) || tld.iter().all(u8::is_ascii_alphabetic);
    (labels >= 2 && tld_ok).then_some(DomainShape { double_hyphen, tld: last })
}

/// The common domain this one is probably a typo of.
///
/// Short common domains (`me.com`, `gmx.com`, `aol.com`: at most 7 characters)
/// are never suggested by edit distance: one edit away from them lie real
/// domains people do use (`ge.com`, `gm.com`, `aon.com`). A domain that differs
/// from a common one only in a two-letter country code (`yahoo.co.jp` against
/// `yahoo.co.uk`) is that country's own service, not a typo.
fn typo_of(domain: &str, tld: &str) -> Option<String> {
    let n = domain.len();
    let mask = letters(domain);
    if near(n, 0).iter().any(|c| c.letters == mask && c.name == domain) {
        return None;
    }
    // Lower bounds of the distance, cheapest first: lengths (the table is sorted
    // by them), the sets of characters, then their counts; the distance table
    // only after all three.
    let mut have = None;
    let mut best: Option<(usize, &Common)> = None;
    for c in near(n, 2) {
        let k = usize::from(c.allowed);
        // A short common domain is never suggested (see `Common::allowed`).
        if k == 0 || n.abs_diff(c.name.len()) > k || !sets_within(mask, c.letters, k) {
            continue;
        }
        let have = have.get_or_insert_with(|| counts(domain));
        if excess(have, &c.counts) > k || excess(&c.counts, have) > k {
            continue;
        }
        match distance_within(domain, c.name, k) {
            // Equally near: the one listed first in COMMON.
            Some(d)
                if d > 0 && !other_country(domain, c.name) && best.is_none_or(|(b, e)| (d, c.rank) < (b, e.rank)) =>
            {
                best = Some((d, c));
            }
            _ => {}
        }
    }
    if let Some((_, c)) = best {
        return Some(c.name.to_owned());
    }
    // Only the ending is suggested: the rest of the domain is the person's own data.
    is_com_typo(tld).then(|| "a domain ending in .com".to_owned())
}

/// One of [`COMMON`] with what the typo search compares.
struct Common {
    name: &'static str,
    /// Its place in [`COMMON`], which breaks ties.
    rank: u8,
    /// The largest distance suggested: none for a short domain (one edit from
    /// `me.com` is a real `ge.com`), one up to 9 characters, then two.
    allowed: u8,
    letters: u64,
    counts: [u8; SLOTS],
}

const LONGEST: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < COMMON.len() {
        if COMMON[i].len() > longest {
            longest = COMMON[i].len();
        }
        i += 1;
    }
    longest
};

/// [`COMMON`] sorted by length (stable), with each one's shape.
const BY_LENGTH: [Common; COMMON.len()] = {
    let mut order = [0usize; COMMON.len()];
    let mut placed = 0;
    let mut len = 0;
    while len <= LONGEST {
        let mut i = 0;
        while i < COMMON.len() {
            if COMMON[i].len() == len {
                order[placed] = i;
                placed += 1;
            }
            i += 1;
        }
        len += 1;
    }
    let mut out = [const { Common { name: "", rank: 0, allowed: 0, letters: 0, counts: [0; SLOTS] } }; COMMON.len()];
    let mut at = 0;
    while at < COMMON.len() {
        let name = COMMON[order[at]];
        let allowed = match name.len() {
            0..=7 => 0,
            8..=9 => 1,
            _ => 2,
        };
        out[at] = Common { name, rank: order[at] as u8, allowed, letters: letters(name), counts: counts(name) };
        at += 1;
    }
    out
};

/// `FROM_LENGTH[n]`: where the names of `n` or more bytes start in [`BY_LENGTH`].
const FROM_LENGTH: [usize; LONGEST + 2] = {
    let mut out = [COMMON.len(); LONGEST + 2];
    let mut n = LONGEST + 1;
    while n > 0 {
        n -= 1;
        out[n] = out[n + 1];
        let mut at = out[n];
        while at > 0 && BY_LENGTH[at - 1].name.len() >= n {
            at -= 1;
        }
        out[n] = at;
    }
    out
};

/// The common domains whose length is within `k` of `n`.
fn near(n: usize, k: usize) -> &'static [Common] {
    let from = |len: usize| FROM_LENGTH[len.min(LONGEST + 1)];
    &BY_LENGTH[from(n.saturating_sub(k))..from(n.saturating_add(k + 1))]
}

/// Whether strings with the sets of bytes `a` and `b` (see [`letters`]) can be
/// within `k` edits: an edit adds at most one byte the other lacks, or takes one away.
pub(crate) fn sets_within(a: u64, b: u64, k: usize) -> bool {
    at_most(a & !b, k) && at_most(b & !a, k)
}

/// The set of [`slot`]s of the bytes in `s`: every byte but a lower-case
/// letter, a digit, `.` and `-` shares one (fewer distinct characters can only
/// lower the count in [`sets_within`], which stays a lower bound).
pub(crate) const fn letters(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut set = 0;
    let mut i = 0;
    while i < b.len() {
        set |= 1 << slot(b[i]);
        i += 1;
    }
    set
}

/// Whether `set` has at most `k` bits set: `count_ones` without a popcount
/// instruction (not in the x86-64 baseline) costs more than clearing k bits.
fn at_most(mut set: u64, k: usize) -> bool {
    for _ in 0..k {
        set &= set.wrapping_sub(1);
    }
    set == 0
}

/// How many of each character `s` has, by [`slot`]: every edit (a deletion,
/// insertion or substitution; a transposition changes no count) takes at most one
/// character of surplus away, so `excess(a, b)` and `excess(b, a)` are lower bounds
/// of the distance that spare the distance table for nearly every common domain.
const fn counts(s: &str) -> [u8; SLOTS] {
    let b = s.as_bytes();
    let mut out = [0u8; SLOTS];
    let mut i = 0;
    while i < b.len() {
        let at = slot(b[i]);
        out[at] = out[at].saturating_add(1);
        i += 1;
    }
    out
}

/// Letters, digits, `.`, `-` (what a checked domain has), then one slot for the rest.
const SLOTS: usize = 39;

const fn slot(b: u8) -> usize {
    SLOT[b as usize] as usize
}

/// [`slot`] of every byte, looked up: a chain of comparisons cost more.
const SLOT: [u8; 256] = {
    let mut out = [38; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        out[b] = match c {
            b'a'..=b'z' => c - b'a',
            b'0'..=b'9' => 26 + (c - b'0'),
            b'.' => 36,
            b'-' => 37,
            _ => 38,
        };
        b += 1;
    }
    out
};

/// The characters of `a` that `b` lacks, counted with repetition.
fn excess(a: &[u8; SLOTS], b: &[u8; SLOTS]) -> usize {
    a.iter().zip(b).map(|(x, y)| usize::from(x.saturating_sub(*y))).sum()
}

/// Whether `a` and `b` differ only in a final two-letter (country code) label.
fn other_country(a: &str, b: &str) -> bool {
    let country = |s: &str| s.len() == 2 && s.bytes().all(|c| c.is_ascii_alphabetic());
    match (a.rsplit_once('.'), b.rsplit_once('.')) {
        (Some((a_rest, a_tld)), Some((b_rest, b_tld))) => a_rest == b_rest && country(a_tld) && country(b_tld),
        _ => false,
    }
}

/// The optimal string alignment distance (edits and adjacent transpositions)
/// of `a` and `b`, on bytes, if it is at most `k`.
///
/// This runs for every address against every common domain (and for every
/// unknown field against the known ones), and only small distances matter: only
/// the cells within `k` of the diagonal are computed, three rolling rows of bytes
/// live on the stack, and it stops once two rows in a row exceed `k` (a
/// transposition can skip one row, not two).
pub(crate) fn distance_within(a: &str, b: &str, k: usize) -> Option<usize> {
    const MAX: usize = 70;
    const FAR: u8 = u8::MAX / 2;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (n, m) = (a.len(), b.len());
    if n > MAX || m > MAX || k > MAX || n.abs_diff(m) > k {
        return None;
    }
    // k <= MAX < FAR. A cell outside the band reads as FAR; row i lives at i % 3.
    let k8 = k as u8;
    let mut rows = [[FAR; MAX + 2]; 3];
    for (j, cell) in rows[0].iter_mut().take(m.min(k) + 1).enumerate() {
        *cell = j as u8;
    }
    let mut prev_min = 0;
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let (lo, hi) = (i.saturating_sub(k), m.min(i + k));
        // Whatever row i - 3 left in this slot, outside row i's band.
        if lo > 0 {
            rows[cur][lo - 1] = FAR;
        }
        rows[cur][hi + 1] = FAR;
        let mut row_min = FAR;
        for j in lo..=hi {
            let best = if j == 0 {
                i as u8 // i <= k here
            } else {
                let cost = u8::from(a[i - 1] != b[j - 1]);
                let mut best = (rows[prev][j] + 1).min(rows[cur][j - 1] + 1).min(rows[prev][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(rows[prev2][j - 2] + 1);
                }
                best.min(FAR)
            };
            rows[cur][j] = best;
            row_min = row_min.min(best);
        }
        if row_min > k8 && prev_min > k8 {
            return None;
        }
        prev_min = row_min;
    }
    let d = rows[n % 3][m];
    (d <= k8).then_some(usize::from(d))
}

#[cfg(test)]
mod tests {
    use email_address::EmailAddress;

    use super::*;

    fn is_domain(domain: &str) -> bool {
        domain_shape(domain.as_bytes()).is_some()
    }

    fn may_fail_uts46(domain: &str) -> bool {
        domain_shape(domain.as_bytes()).is_some_and(|shape| shape.double_hyphen)
    }

    /// The typo search on any text, its last label taken as `parse` takes it.
    fn typo(domain: &str) -> Option<String> {
        typo_of(domain, domain.rsplit_once('.').map_or("", |(_, tld)| tld))
    }

    /// Every string of up to 5 bytes over letters, a digit, a dot, `@`, a
    /// quote, a space and every printable ASCII symbol: the dot-atom check
    /// agrees with the `email_address` crate's unquoted local part.
    #[test]
    fn the_local_part_is_the_email_address_crates_dot_atom() {
        let alphabet: Vec<u8> =
            b"aZ7. @\"\\\x7f\x01".iter().copied().chain((b'!'..=b'~').filter(|c| !c.is_ascii_alphanumeric())).collect();
        let mut checked = 0;
        for len in 0..=5u32 {
            let count = alphabet.len().pow(len);
            // Every string of up to 3 bytes; a stride through the longer ones.
            let step = [1, 1, 1, 1, 7, 397][len as usize];
            for mut code in (0..count).step_by(step) {
                let mut local = Vec::new();
                for _ in 0..len {
                    local.push(alphabet[code % alphabet.len()]);
                    code /= alphabet.len();
                }
                let text = String::from_utf8(local).unwrap();
                let theirs = !text.starts_with('"') && EmailAddress::is_valid_local_part(&text);
                assert_eq!(is_dot_atom(text.as_bytes()), theirs, "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    /// Every domain `domain_shape` takes and UTS 46 refuses is one `parse` sends
    /// to UTS 46: all domains of up to 7 characters over letters, a digit, `-`
    /// and `.`, and the longest labels and domains.
    #[test]
    fn only_double_hyphen_labels_can_fail_uts46() {
        let strict = |d: &str| {
            Uts46::new().to_ascii(d.as_bytes(), AsciiDenyList::STD3, Hyphens::Check, DnsLength::Verify).is_ok()
        };
        let alphabet = b"aXn1-.";
        let mut checked = 0;
        for len in 1..=7u32 {
            for mut code in 0..alphabet.len().pow(len) {
                let mut d = String::new();
                for _ in 0..len {
                    d.push(char::from(alphabet[code % alphabet.len()]));
                    code /= alphabet.len();
                }
                if is_domain(&d) {
                    assert!(may_fail_uts46(&d) || strict(&d), "{d}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000);
        let label = "a".repeat(63);
        let long = [label.as_str(); 4].join(".");
        let longest = &long[..252];
        assert!(is_domain(longest) && strict(longest));
        assert!(may_fail_uts46("xn--a.com") && !strict("xn--a.com"));
        assert!(may_fail_uts46("ab--c.com") && !strict("ab--c.com"));
    }

    #[test]
    fn distances() {
        assert_eq!(distance_within("gmial.com", "gmail.com", 2), Some(1));
        assert_eq!(distance_within("gmail.co", "gmail.com", 2), Some(1));
        assert_eq!(distance_within("", "abc", 3), Some(3));
        assert_eq!(distance_within("", "abc", 2), None);
        assert_eq!(distance_within("example.com", "gmail.com", 2), None);
    }

    /// The textbook full-table OSA distance, to check the banded one against.
    fn reference(a: &[u8], b: &[u8]) -> usize {
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    /// Every common domain, its one- and two-edit variants (deletions, swaps,
    /// substitutions, insertions), and a few short words.
    fn variants() -> Vec<String> {
        let mut words: Vec<String> = COMMON.iter().map(|s| (*s).to_owned()).collect();
        for w in COMMON {
            let b = w.as_bytes();
            for i in 0..b.len() {
                let mut del = b.to_vec();
                del.remove(i);
                let mut sub = b.to_vec();
                sub[i] = b'x';
                let mut ins = b.to_vec();
                ins.insert(i, b'q');
                let mut two = sub.clone();
                two.remove(0);
                for v in [del, sub, ins, two] {
                    words.push(String::from_utf8(v).unwrap());
                }
                if i + 1 < b.len() {
                    let mut swap = b.to_vec();
                    swap.swap(i, i + 1);
                    words.push(String::from_utf8(swap).unwrap());
                }
            }
        }
        words.extend(["", "a", "ab", "ba", "abc", "ca"].map(str::to_owned));
        words
    }

    #[test]
    fn banded_distance_agrees_with_the_full_table() {
        for a in &variants() {
            for b in COMMON.iter().copied().chain(["", "a", "ab", "ba", "abc", "ca"]) {
                let full = reference(a.as_bytes(), b.as_bytes());
                // The counting bound `typo_of` filters with never exceeds the distance.
                let (ca, cb) = (counts(a), counts(b));
                assert!(excess(&ca, &cb).max(excess(&cb, &ca)) <= full, "{a:?} {b:?}");
                for k in 0..=3 {
                    let expected = (full <= k).then_some(full);
                    assert_eq!(distance_within(a, b, k), expected, "{a:?} {b:?} k={k}");
                }
            }
        }
    }

    /// The typo search with none of its shortcuts: every common domain, in
    /// order, by the full distance table.
    fn plain_typo_of(domain: &str) -> Option<String> {
        if COMMON.contains(&domain) {
            return None;
        }
        let mut best: Option<(usize, &str)> = None;
        for c in COMMON {
            let k = match c.len() {
                0..=7 => 0,
                8..=9 => 1,
                _ => 2,
            };
            let d = reference(domain.as_bytes(), c.as_bytes());
            if d > 0 && d <= k && !other_country(domain, c) && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, c));
            }
        }
        match best {
            Some((_, c)) => Some(c.to_owned()),
            None => domain
                .rsplit_once('.')
                .and_then(|(_, tld)| is_com_typo(tld).then(|| "a domain ending in .com".to_owned())),
        }
    }

    #[test]
    fn the_typo_search_agrees_with_the_plain_one() {
        let mut words = variants();
        words.extend(["yahoo.co.jp", "hotmail.de", "gmail.co", "example.con", "outlok.co.uk"].map(str::to_owned));
        let mut suggested = 0;
        for w in &words {
            let found = typo(w);
            assert_eq!(found, plain_typo_of(w), "{w:?}");
            suggested += usize::from(found.is_some());
        }
        assert!(suggested > 500, "{suggested}");
    }

    #[test]
    fn typos() {
        assert_eq!(typo("gmial.com").as_deref(), Some("gmail.com"));
        assert_eq!(typo("example.con").as_deref(), Some("a domain ending in .com"));
        assert_eq!(typo("mail.com"), None);
        assert_eq!(typo("example.com"), None);
        assert_eq!(typo("yahoo.co.jp"), None);
        assert_eq!(typo("ge.com"), None);
        assert_eq!(typo("hotmail.co").as_deref(), Some("hotmail.com"));
    }

    #[test]
    fn idna_labels() {
        for bad in ["a@xn--zz.com", "a@xn--a.com", "a@ab--cd.com", "a@example.xn--zz"] {
            assert_eq!(parse(bad).unwrap_err().code, Code::EmailInvalid, "{bad}");
        }
        // A real international domain in its punycode form (bücher.example).
        assert!(parse("a@xn--bcher-kva.ch").unwrap().warnings.is_empty());
    }

    #[test]
    fn reserved_names() {
        for d in ["shop.test", "x.example", "a.invalid", "box.localhost", "printer.local", "abc.onion", "home.arpa"] {
            let address = format!("ada@{d}");
            let got = parse(&address).unwrap();
            assert_eq!(got.warnings[0].code, Code::EmailReserved, "{d}");
        }
        assert!(parse("ada@example.com").unwrap().warnings.is_empty());
        assert!(parse("ada@test.com").unwrap().warnings.is_empty());
    }

    #[test]
    fn the_shape_places_the_top_level_label() {
        for (domain, tld) in [("example.com", "com"), ("a.b.co.uk", "uk"), ("x.xn--p1ai", "xn--p1ai")] {
            assert_eq!(&domain[domain_shape(domain.as_bytes()).unwrap().tld..], tld);
        }
    }

    #[test]
    fn top_level_labels() {
        assert!(!is_domain("192.168.0.1"));
        assert!(!is_domain("example.123"));
        assert!(!is_domain("example.co1"));
        assert!(!is_domain("example.1co"));
        assert!(is_domain("example.xn--p1ai"));
        assert!(is_domain("123.example"));
    }
}
