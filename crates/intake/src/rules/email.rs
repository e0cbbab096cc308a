//! Email addresses: one dot-atom address, ASCII only, domain lower-cased, and a
//! warning for a likely typo of a common mailbox domain.
//!
//! Decision: non-ASCII addresses (SMTPUTF8 local parts, Unicode domains) are
//! refused with `email.non_ascii`. None of the five providers documents support
//! for them, and a Unicode domain can always be written in its punycode
//! (`xn--`) form, which is accepted.

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

/// Top-level domains that are always typos of `com`.
const COM_TYPOS: &[&str] = &["con", "cmo", "ocm", "comm", "coom", "cpm", "vom", "xom", "cim", "clm"];

/// Parses one address: trimmed, local part kept as typed, domain lower-cased.
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
pub fn parse(input: &str) -> Result<Parsed<String>, Fault> {
    let s = input.trim();
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
    if !is_dot_atom(local) {
        return Err(Fault::new(
            Code::EmailInvalid,
            "has an invalid part before the @ (no spaces, quotes or double dots)",
        ));
    }
    if !is_domain(domain) {
        return Err(Fault::new(
            Code::EmailInvalid,
            "has an invalid domain (two or more labels of letters, digits and hyphens)",
        ));
    }
    let domain = domain.to_ascii_lowercase();
    let normalized = format!("{local}@{domain}");
    Ok(match typo_of(&domain) {
        Some(suggestion) => Parsed::warned(
            normalized,
            Fault::owned(Code::EmailTypo, format!("the domain looks like a typo: did you mean {suggestion}?")),
        ),
        None => Parsed::clean(normalized),
    })
}

fn is_atext(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&c)
}

fn is_dot_atom(local: &str) -> bool {
    !local.is_empty() && local.split('.').all(|atom| !atom.is_empty() && atom.bytes().all(is_atext))
}

fn is_domain(domain: &str) -> bool {
    // An all-numeric top-level label is no domain name (RFC 3696 section 2): this
    // also refuses a bare IPv4 address, the unbracketed form of an IP literal.
    if domain.rsplit('.').next().is_some_and(|tld| tld.bytes().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let mut labels = 0;
    for label in domain.split('.') {
        let b = label.as_bytes();
        let ok = !b.is_empty()
            && b.len() <= MAX_LABEL
            && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-')
            && b[0] != b'-'
            && b[b.len() - 1] != b'-';
        if !ok {
            return false;
        }
        labels += 1;
    }
    labels >= 2
}

/// The common domain this one is probably a typo of.
///
/// Short common domains (`me.com`, `gmx.com`, `aol.com`: at most 7 characters)
/// are never suggested by edit distance: one edit away from them lie real
/// domains people do use (`ge.com`, `gm.com`, `aon.com`). A domain that differs
/// from a common one only in a two-letter country code (`yahoo.co.jp` against
/// `yahoo.co.uk`) is that country's own service, not a typo.
fn typo_of(domain: &str) -> Option<String> {
    if COMMON.contains(&domain) {
        return None;
    }
    let allowed = |c: &str| match c.len() {
        0..=7 => 0,
        8..=9 => 1,
        _ => 2,
    };
    let best = COMMON
        .iter()
        .filter(|c| c.len().abs_diff(domain.len()) <= allowed(c))
        .map(|c| (distance(domain, c), *c))
        .filter(|&(d, c)| d > 0 && d <= allowed(c) && !other_country(domain, c))
        .min_by_key(|&(d, _)| d);
    if let Some((_, c)) = best {
        return Some(c.to_owned());
    }
    // Only the ending is suggested: the rest of the domain is the person's own data.
    let (_, tld) = domain.rsplit_once('.')?;
    COM_TYPOS.contains(&tld).then(|| "a domain ending in .com".to_owned())
}

/// Whether `a` and `b` differ only in a final two-letter (country code) label.
fn other_country(a: &str, b: &str) -> bool {
    let country = |s: &str| s.len() == 2 && s.bytes().all(|c| c.is_ascii_alphabetic());
    match (a.rsplit_once('.'), b.rsplit_once('.')) {
        (Some((a_rest, a_tld)), Some((b_rest, b_tld))) => a_rest == b_rest && country(a_tld) && country(b_tld),
        _ => false,
    }
}

/// Optimal string alignment distance (edits and adjacent transpositions), on
/// bytes: both sides are ASCII here. Bounded: domains are at most 254 bytes.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    const MAX: usize = 70;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > MAX || b.len() > MAX {
        return usize::MAX;
    }
    // Three rolling rows on the stack (row i lives at i % 3): this runs for every
    // email against every common domain, so it must not allocate.
    let mut rows = [[0usize; MAX + 1]; 3];
    for (j, cell) in rows[0].iter_mut().take(b.len() + 1).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[prev][j] + 1).min(rows[cur][j - 1] + 1).min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = best;
        }
    }
    rows[a.len() % 3][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("gmial.com", "gmail.com"), 1);
        assert_eq!(distance("gmail.co", "gmail.com"), 1);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn typos() {
        assert_eq!(typo_of("gmial.com").as_deref(), Some("gmail.com"));
        assert_eq!(typo_of("example.con").as_deref(), Some("a domain ending in .com"));
        assert_eq!(typo_of("mail.com"), None);
        assert_eq!(typo_of("example.com"), None);
        assert_eq!(typo_of("yahoo.co.jp"), None);
        assert_eq!(typo_of("ge.com"), None);
        assert_eq!(typo_of("hotmail.co").as_deref(), Some("hotmail.com"));
    }

    #[test]
    fn numeric_top_level_labels() {
        assert!(!is_domain("192.168.0.1"));
        assert!(!is_domain("example.123"));
        assert!(is_domain("123.example"));
    }
}
