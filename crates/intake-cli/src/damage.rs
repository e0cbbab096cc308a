//! Warnings for data a spreadsheet or an encoding damaged, found in the cells of
//! a record as read (after the profile's rules, which see only the field values):
//!
//! - `cell.formula`: a cell that starts like a formula (`=`, `@`, or `+`/`-`
//!   before text): once the provider exports it, a spreadsheet may run it.
//!   `+44 7911 123456` and `-5` are numbers, not formulas, and pass.
//! - `cell.scientific`: `4.47911E+11`, what a spreadsheet writes for a long
//!   number it holds as a float; the digits it dropped are gone.
//! - `text.encoding`: U+FFFD, mojibake (UTF-8 read as Windows-1252: `JosÃ©`), or a
//!   `?` where a letter was (`Garc?a`), the marks of a lossy conversion.
//! - `phone.plus_missing`: a phone that failed its rule but is a valid number
//!   once a `+` is put before it (`447911123456`).
//!
//! Messages say what happened and how to fix it, never the value. Plain ASCII
//! cells, the common case, cost a few byte comparisons.

use intake::catalog::{self, Kind};
use intake::{Code, Diagnostic, Fault, PathSegment, Provider, Record, Severity};
use serde_json::Value;

use crate::Outcome;

/// Adds the damage warnings of `record`'s cells to `outcome`.
pub fn check(provider: Provider, record: &Value, outcome: &mut Outcome<'_>) {
    let mut path = Vec::new();
    walk(provider, record, &mut path, outcome);
}

/// As [`check`], over a record read once by the core ([`Record`]) from `text`,
/// which the profile validated from the same reading.
pub fn check_record(provider: Provider, record: &Record<'_>, text: &[u8], outcome: &mut Outcome<'_>) {
    // Text that is ASCII with no `?` and no escape holds only such strings: one
    // look at the whole record spares each cell its own.
    let ascii = ascii_without_question(text);
    record.visit_strings(&mut |path, s| {
        if !(ascii && plain_ascii(s, outcome)) {
            cell(provider, s, path, outcome);
        }
    });
}

/// Whether `text` has no byte above 127, no `?` and no `\`, eight bytes at a time.
fn ascii_without_question(text: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = ONES << 7;
    // A byte of `x` is zero where `(x - ONES) & !x` has its high bit set (exact
    // for whether any is, the one thing asked here).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let mut words = text.chunks_exact(8);
    let mut seen = 0;
    for w in &mut words {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        seen |= w | zero(w ^ (ONES * u64::from(b'?'))) | zero(w ^ (ONES * u64::from(b'\\')));
    }
    seen & HIGHS == 0 && words.remainder().iter().all(|&c| c < 0x80 && c != b'?' && c != b'\\')
}

/// One step of the path to a cell, kept on a stack: the pointer is only made
/// when a cell needs it, so a clean record allocates nothing here.
type Step<'a> = PathSegment<'a>;

fn pointer(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

fn walk<'a>(provider: Provider, value: &'a Value, path: &mut Vec<Step<'a>>, outcome: &mut Outcome<'_>) {
    match value {
        Value::String(s) => cell(provider, s, path, outcome),
        Value::Object(map) => {
            for (key, item) in map {
                path.push(Step::Key(key));
                walk(provider, item, path, outcome);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(provider, item, path, outcome);
                path.pop();
            }
        }
        _ => {}
    }
}

fn warn(outcome: &mut Outcome<'_>, path: &[Step<'_>], code: Code, message: &'static str) {
    outcome.warnings.push(Diagnostic::new(pointer(path), Fault::new(code, message), Severity::Warning));
}

fn cell(provider: Provider, text: &str, path: &[Step<'_>], outcome: &mut Outcome<'_>) {
    if plain(text, outcome) {
        return;
    }
    let s = text.trim();
    if looks_like_formula(s) {
        warn(
            outcome,
            path,
            Code::CellFormula,
            "starts like a spreadsheet formula (=, @, or + or - before text): a spreadsheet that opens the \
             provider's export could run it; remove the leading character",
        );
    }
    if is_scientific(s) {
        warn(
            outcome,
            path,
            Code::CellScientific,
            "is a number in scientific notation: a spreadsheet replaced its digits, and the ones it dropped are \
             lost; format the column as text in the source and export again",
        );
    } else if let Some(message) = encoding_damage(s, path) {
        warn(outcome, path, Code::TextEncoding, message);
    } else if plus_missing(provider, s, path, outcome) {
        warn(
            outcome,
            path,
            Code::PhonePlusMissing,
            "begins with a country calling code but has no leading +: write the number with + before it",
        );
    }
}

/// Whether no check below can fire on `text`, told from one look at its bytes
/// (most cells): ASCII without `?` (no encoding damage), then [`plain_ascii`].
fn plain(text: &str, outcome: &Outcome<'_>) -> bool {
    let b = text.as_bytes();
    // One branch-free pass (it vectorizes): a byte above 127 or a `?` sets a bit.
    b.iter().fold(0u8, |seen, &c| seen | (c & 0x80) | u8::from(c == b'?')) == 0 && plain_ascii(text, outcome)
}

/// [`plain`] for text known to be ASCII without `?`, by its first non-blank
/// byte: `=` or `@` may be a formula; `+` or `-` only before letters or
/// `= | ! "`; a digit may be scientific notation (with an `E`) or a phone
/// without its `+` (only when the record has errors).
fn plain_ascii(text: &str, outcome: &Outcome<'_>) -> bool {
    let b = text.as_bytes();
    match b.iter().find(|c| !matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')) {
        Some(b'=' | b'@') => false,
        Some(b'+' | b'-') => !b.iter().any(|&c| c.is_ascii_alphabetic() || matches!(c, b'=' | b'|' | b'!' | b'"')),
        Some(b'0'..=b'9') => outcome.errors.is_empty() && !b.iter().any(|&c| c == b'E' || c == b'e'),
        _ => true,
    }
}

/// `=` or `@` first, or `+`/`-` first with text after it (a number or a phone is not a formula).
fn looks_like_formula(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b'=' | b'@') => s.len() > 1,
        Some(b'+' | b'-') => s.chars().any(|c| c.is_alphabetic() || matches!(c, '=' | '|' | '!' | '"')),
        _ => false,
    }
}

/// `4.47911E+11`, `4,47911E+11` (a European locale), `1E+15`.
fn is_scientific(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() > 24 || !b.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let Some(e) = b.iter().position(|&c| c == b'E' || c == b'e') else { return false };
    let (mantissa, exponent) = (&b[..e], &b[e + 1..]);
    let exponent = exponent.strip_prefix(b"+").unwrap_or(exponent);
    let mut seps = 0;
    mantissa.iter().all(|&c| {
        seps += usize::from(c == b'.' || c == b',');
        c.is_ascii_digit() || c == b'.' || c == b','
    }) && seps <= 1
        && !exponent.is_empty()
        && exponent.iter().all(u8::is_ascii_digit)
}

/// Why `s` looks damaged by an encoding, if it does.
fn encoding_damage(s: &str, path: &[Step<'_>]) -> Option<&'static str> {
    if s.is_ascii() {
        return question_marks(s, path).then_some(
            "has ? where a letter should be: the text went through an encoding that could not hold its accented \
             letters; export it from the source as UTF-8",
        );
    }
    if s.contains('\u{fffd}') {
        return Some(
            "contains U+FFFD, the mark of characters that could not be decoded: read the file with its own \
             encoding (--encoding cp1252, for one)",
        );
    }
    // UTF-8 read as Windows-1252 turns `é` (C3 A9) into `Ã©`: encoding back gives valid UTF-8.
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(s);
    if !unmappable && std::str::from_utf8(&bytes).is_ok_and(|t| !t.is_ascii()) {
        return Some(
            "looks like UTF-8 text that was read as Windows-1252 or Latin-1 (mojibake such as Ã©): read the \
             file as UTF-8, or fix the text at its source",
        );
    }
    None
}

/// A `?` between two letters (`Garc?a`), or after a letter at a word's end in a
/// name (`Jos? Garc?a`); not in URLs and queries.
fn question_marks(s: &str, path: &[Step<'_>]) -> bool {
    if !s.contains('?') || s.contains("://") || s.contains('=') {
        return false;
    }
    let name = matches!(path.last(), Some(Step::Key(k)) if k.to_ascii_lowercase().contains("name"));
    let b = s.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'?'
            && i > 0
            && b[i - 1].is_ascii_alphabetic()
            && match b.get(i + 1) {
                Some(c) if c.is_ascii_alphabetic() => true,
                None | Some(b' ') => name,
                _ => false,
            }
    })
}

/// Whether the phone at `path` failed and is valid with a `+` in front.
fn plus_missing(provider: Provider, s: &str, path: &[Step<'_>], outcome: &Outcome<'_>) -> bool {
    // Cheap refusals first: most cells are not a failed phone of bare digits.
    let separator = |b: u8| matches!(b, b' ' | b'-' | b'.' | b'(' | b')');
    if outcome.errors.is_empty()
        || !s.bytes().next().is_some_and(|b| b.is_ascii_digit() && b != b'0')
        || !s.bytes().all(|b| b.is_ascii_digit() || separator(b))
    {
        return false;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if !(10..=15).contains(&digits.len()) {
        return false;
    }
    let path = pointer(path);
    let path = path.as_str();
    let phone_like = catalog::field(provider, path).is_some_and(|f| {
        matches!(f.kind, Kind::Phone | Kind::PhoneIn(_) | Kind::StaxPhone | Kind::NationalNumber | Kind::AuthviaAddress)
            || matches!(f.kind, Kind::List(k) if matches!(k, Kind::Phone | Kind::PhoneIn(_) | Kind::StaxPhone))
    });
    let failed = outcome.errors.iter().any(|d| {
        d.path == path || matches!(d.code, Code::PhoneCountryCodeMissing | Code::PhoneInvalid | Code::FieldRequired)
    });
    phone_like && failed && intake::rules::phone::parse(&format!("+{digits}"), None).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_plain_without_a_high_byte_question_mark_or_escape() {
        for len in 0..20 {
            let text = "a".repeat(len);
            assert!(ascii_without_question(text.as_bytes()));
            for at in 0..len {
                for odd in ["?", "\\", "é"] {
                    let mut t = text.clone();
                    t.replace_range(at..=at, odd);
                    assert!(!ascii_without_question(t.as_bytes()), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn plain_cells_are_the_ones_no_check_flags() {
        let failed = Outcome::unreadable(Fault::new(Code::PhoneInvalid, "is not a phone"));
        let mut clean = Outcome::unreadable(Fault::new(Code::PhoneInvalid, "is not a phone"));
        clean.errors.clear();
        let cells = [
            "Ada",
            " Ada ",
            "",
            " ",
            "\u{b}=x",
            "12 Elm St",
            "ada@example.com",
            "Jos? Garc?a",
            "=1",
            "@a",
            "+cmd",
            "-x",
            "4.4E+11",
            "447911123456",
            "447911 123456",
            "+44 7911 123456",
            "-5",
            "JosÃ©",
            "Zoë",
            "\tx?y",
            "+1|2",
            "-2+3",
        ];
        for outcome in [&failed, &clean] {
            for s in cells {
                let at = [Step::Key("phone")];
                let t = s.trim();
                let flagged = looks_like_formula(t)
                    || is_scientific(t)
                    || encoding_damage(t, &at).is_some()
                    || plus_missing(Provider::Juicyway, t, &at, outcome);
                assert!(!(plain(s, outcome) && flagged), "{s:?}");
            }
        }
        assert!(plain("Ada Lovelace", &clean) && plain("+44 7911 123456", &clean) && plain("100001", &clean));
        assert!(!plain("447911123456", &failed) && !plain("+cmd", &clean));
    }

    #[test]
    fn formulas_are_told_from_numbers() {
        for s in ["=HYPERLINK(\"x\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3+cmd"] {
            assert!(looks_like_formula(s), "{s}");
        }
        for s in ["+44 7911 123456", "-5", "+1 (415) 555-2671", "ada@example.com", "", "="] {
            assert!(!looks_like_formula(s), "{s}");
        }
    }

    #[test]
    fn scientific_notation_is_found() {
        for s in ["4.47911E+11", "4,47911E+11", "1E+15", "2.3e10"] {
            assert!(is_scientific(s), "{s}");
        }
        for s in ["447911123456", "E+11", "4.4.7E+11", "Ex", "4E", "12 Elm St"] {
            assert!(!is_scientific(s), "{s}");
        }
    }

    #[test]
    fn encoding_damage_is_found() {
        let at = |key| [Step::Key(key)];
        assert!(encoding_damage("Jos\u{fffd} Garc\u{fffd}a", &at("first_name")).is_some());
        assert!(encoding_damage("JosÃ© GarcÃ\u{ad}a", &at("first_name")).is_some());
        assert!(encoding_damage("Jos? Garc?a", &at("fullName")).is_some());
        assert!(encoding_damage("Jos?", &at("fullName")).is_some());
        assert!(encoding_damage("Why? Because", &at("notes")).is_none());
        assert!(encoding_damage("José García", &at("first_name")).is_none());
        assert!(encoding_damage("Zoë Łukasz Ørsted", &at("first_name")).is_none());
        assert!(encoding_damage("https://x.io/?a", &at("url")).is_none());
        assert_eq!(pointer(&[Step::Key("a/b"), Step::Index(2)]), "/a~1b/2");
    }
}
