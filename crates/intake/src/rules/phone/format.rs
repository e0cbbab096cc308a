//! libphonenumber's `format_number` in its national and international styles:
//! the first of the code's main territory's formats whose leading digits (the
//! most detailed pattern) and groups match the whole national significant
//! number writes it, with the national prefix where the format says.

use super::metadata::{main_territory, Dfa, Intl, Territory};

/// Most groups a format of the metadata has.
const MAX_GROUPS: usize = 8;

/// The national significant number `nsn` of calling code `code`, written
/// nationally (`07400 123456`) or, when `international`, after `+code `
/// (`+44 7400 123456`). Without a matching format the digits stay as they are.
pub(crate) fn format(code: u16, nsn: &str, international: bool) -> String {
    let grouped = main_territory(code).and_then(|t| grouped(nsn.as_bytes(), t, international));
    let body = grouped.unwrap_or_else(|| nsn.to_owned());
    if international {
        format!("+{code} {body}")
    } else {
        body
    }
}

fn grouped(nsn: &[u8], t: &Territory, international: bool) -> Option<String> {
    let separate_intl = international && t.explicit_intl;
    t.formats.iter().find_map(|f| {
        let text = match (separate_intl, f.intl) {
            (true, Intl::None) => return None,
            (true, Intl::Text(text)) => text,
            _ => f.national,
        };
        if f.leading.last().is_some_and(|leading| !leading.matches_prefix(nsn)) {
            return None;
        }
        let ends = split(nsn, f.groups)?;
        let rule = if international { "" } else { f.national_prefix_rule };
        Some(expand(text, rule, nsn, &ends[..f.groups.len()]))
    })
}

/// Where each group ends when `nsn` matches `groups` end to end, the earlier
/// groups taking as many digits as they can (a backtracking regex's greedy
/// choice; the metadata's groups are digit classes with counted repeats).
pub(crate) fn split(nsn: &[u8], groups: &[Dfa]) -> Option<[usize; MAX_GROUPS]> {
    fn go(nsn: &[u8], groups: &[Dfa], at: usize, ends: &mut [usize; MAX_GROUPS], k: usize) -> bool {
        let Some((first, rest)) = groups.split_first() else { return at == nsn.len() };
        (at + 1..=nsn.len()).rev().any(|end| {
            ends[k] = end;
            first.matches(&nsn[at..end]) && go(nsn, rest, end, ends, k + 1)
        })
    }
    let mut ends = [0; MAX_GROUPS];
    (groups.len() <= MAX_GROUPS && go(nsn, groups, 0, &mut ends, 0)).then_some(ends)
}

/// Writes `$n` of `text` as the n-th group; the first `$n` is wrapped in the
/// national prefix `rule` (`0$FG` → `0` and the group) when there is one.
pub(crate) fn expand(text: &str, rule: &str, nsn: &[u8], ends: &[usize]) -> String {
    let group = |n: usize| -> &str {
        let start = if n == 0 { 0 } else { ends[n - 1] };
        std::str::from_utf8(&nsn[start..ends[n]]).unwrap_or("")
    };
    let mut out = String::with_capacity(text.len() + nsn.len() + rule.len());
    let mut first = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let index = chars.peek().and_then(|d| d.to_digit(10)).filter(|_| c == '$');
        let Some(n) = index.and_then(|n| usize::try_from(n).ok()).filter(|&n| n >= 1 && n <= ends.len()) else {
            out.push(c);
            continue;
        };
        chars.next();
        if first && !rule.is_empty() {
            out.push_str(&rule.replacen("$FG", group(n - 1), 1));
        } else {
            out.push_str(group(n - 1));
        }
        first = false;
    }
    out
}
