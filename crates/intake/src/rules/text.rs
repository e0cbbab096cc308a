//! Free text: trimmed, NFC, control characters refused, lengths in Unicode
//! scalar values, and (for names) inner runs of white space folded to one space.

use std::borrow::Cow;

use unicode_normalization::{is_nfc, is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::{Code, Fault};

/// How one text field is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRule {
    /// Fewest characters, after normalization.
    pub min: usize,
    /// Most characters, after normalization.
    pub max: usize,
    /// Fold inner runs of white space to one space (names).
    pub fold: bool,
    /// Allow line breaks and tabs (notes, descriptions).
    pub multiline: bool,
}

impl TextRule {
    /// A single-line text of at most `max` characters, inner spacing kept.
    #[must_use]
    pub const fn line(max: usize) -> Self {
        TextRule { min: 1, max, fold: false, multiline: false }
    }

    /// A name: single-line, inner white space folded.
    #[must_use]
    pub const fn name(min: usize, max: usize) -> Self {
        TextRule { min, max, fold: true, multiline: false }
    }

    /// A multi-line text of at most `max` characters.
    #[must_use]
    pub const fn multiline(max: usize) -> Self {
        TextRule { min: 1, max, fold: false, multiline: true }
    }
}

/// Whether a text is empty once trimmed: a required one is then missing.
#[must_use]
pub fn is_blank(input: &str) -> bool {
    super::trim(input).is_empty()
}

/// Normalizes and checks a text. A text already in its normalized form (the
/// usual one) is answered by borrowing it, trimmed: nothing is allocated.
///
/// # Errors
/// `text.control`, `text.too_short`, `text.too_long`. A blank text is the caller's
/// business (see [`is_blank`]); here it fails `min` like any short text.
///
/// # Example
/// ```
/// use intake::rules::text::{parse, TextRule};
/// assert_eq!(parse("  Ada \t Lovelace ", &TextRule::name(2, 30)).unwrap_err().code, intake::Code::TextControl);
/// assert_eq!(parse("  Ada   Lovelace ", &TextRule::name(2, 30)).unwrap(), "Ada Lovelace");
/// assert_eq!(parse("e\u{301}", &TextRule::line(1)).unwrap(), "\u{e9}");
/// ```
pub fn parse<'a>(input: &'a str, rule: &TextRule) -> Result<Cow<'a, str>, Fault> {
    let trimmed = super::trim(input);
    // Printable ASCII with single spaces, the usual text, is its own answer.
    if is_plain_line(trimmed.as_bytes(), rule.fold) {
        return if trimmed.len() < rule.min || trimmed.len() > rule.max {
            Err(length_fault(trimmed.len(), rule))
        } else {
            Ok(Cow::Borrowed(trimmed))
        };
    }
    if let Some(fault) = control_fault(trimmed, rule.multiline) {
        return Err(fault);
    }
    // At most one allocation: the text is normalized and folded on its way
    // into the answer. ASCII text (most names and addresses) is NFC already,
    // and its length in characters is its length in bytes.
    let ascii = trimmed.is_ascii();
    // The quick check's `Maybe` is settled by the full one, so that a text in
    // NFC already is always kept as it is.
    let nfc = ascii
        || match is_nfc_quick(trimmed.chars()) {
            IsNormalized::Yes => true,
            IsNormalized::No => false,
            IsNormalized::Maybe => is_nfc(trimmed),
        };
    let text = match (nfc, rule.fold) {
        (true, false) => Cow::Borrowed(trimmed),
        (true, true) if is_folded(trimmed) => Cow::Borrowed(trimmed),
        (true, true) => Cow::Owned(fold_spaces(trimmed.chars(), trimmed.len())),
        (false, false) => {
            let mut out = String::with_capacity(trimmed.len());
            out.extend(trimmed.nfc());
            Cow::Owned(out)
        }
        (false, true) => Cow::Owned(fold_spaces(trimmed.nfc(), trimmed.len())),
    };
    let len = if ascii { text.len() } else { text.chars().count() };
    if len < rule.min || len > rule.max {
        return Err(length_fault(len, rule));
    }
    Ok(text)
}

/// Whether `text` is printable ASCII and, when `fold`ed, has no two spaces in a
/// row: then it is its own normalized form. One pass (a substring search for
/// the two spaces cost more than the rest of the rule).
fn is_plain_line(text: &[u8], fold: bool) -> bool {
    let mut space = false;
    for &b in text {
        if !(b' '..0x7f).contains(&b) || (fold && space && b == b' ') {
            return false;
        }
        space = b == b' ';
    }
    true
}

/// The fault of a text `len` characters long, outside `rule`'s bounds.
#[cold]
fn length_fault(len: usize, rule: &TextRule) -> Fault {
    if len < rule.min {
        Fault::owned(Code::TextTooShort, format!("must be at least {} characters", rule.min))
    } else {
        Fault::owned(Code::TextTooLong, format!("must be at most {} characters", rule.max))
    }
}

fn control_fault(text: &str, multiline: bool) -> Option<Fault> {
    let bad = |c: char| {
        let allowed = multiline && matches!(c, '\n' | '\r' | '\t');
        !allowed && (c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    };
    // Every control character and line separator but the C0 controls and DEL is
    // outside ASCII: a text without those bytes needs no character walk.
    let found = if text.bytes().all(|b| b >= 0x20 && b != 0x7f && b < 0x80) { false } else { text.chars().any(bad) };
    found.then(|| {
        Fault::new(
            Code::TextControl,
            if multiline {
                "must not contain control characters other than line breaks and tabs"
            } else {
                "must be a single line without control characters"
            },
        )
    })
}

/// Whether [`fold_spaces`] leaves a trimmed text as it is: its only white
/// space is single ASCII spaces.
fn is_folded(text: &str) -> bool {
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && (space || c != ' ') {
            return false;
        }
        space = c == ' ';
    }
    true
}

fn fold_spaces(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut in_space = false;
    for c in chars {
        if c.is_whitespace() {
            in_space = true;
        } else {
            if in_space && !out.is_empty() {
                out.push(' ');
            }
            in_space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_are_their_own_answer() {
        for (text, fold, plain) in [
            ("Ada Lovelace", true, true),
            ("Ada  Lovelace", true, false),
            ("Ada  Lovelace", false, true),
            ("Ada\tLovelace", false, false),
            ("Adé", false, false),
            ("~", true, true),
            ("\u{7f}", true, false),
            ("", true, true),
        ] {
            assert_eq!(is_plain_line(text.as_bytes(), fold), plain, "{text:?}");
        }
    }

    #[test]
    fn a_text_in_its_normal_form_is_borrowed() {
        let borrowed = |s: &str, rule: &TextRule| matches!(parse(s, rule), Ok(Cow::Borrowed(_)));
        for (text, rule) in [
            (" Ada Lovelace ", TextRule::name(1, 30)),
            ("José Ñúñez", TextRule::name(1, 30)),
            ("a  b", TextRule::line(9)),
            ("a\nb", TextRule::multiline(9)),
        ] {
            assert!(borrowed(text, &rule), "{text:?}");
        }
        for (text, rule) in [
            ("José  Ñúñez", TextRule::name(1, 30)),
            ("a\u{a0}b", TextRule::name(1, 30)),
            ("e\u{301}", TextRule::line(9)),
        ] {
            assert!(!borrowed(text, &rule), "{text:?}");
        }
        for text in ["José Ñúñez", "a b", "ü x y", "é\u{3000}x", "a\u{2002}\u{2002}b", "x  y"] {
            assert_eq!(is_folded(text), fold_spaces(text.chars(), text.len()) == text, "{text:?}");
        }
    }

    #[test]
    fn folds_only_when_asked() {
        assert_eq!(parse("a  b", &TextRule::line(9)).unwrap(), "a  b");
        assert_eq!(parse("a \u{a0} b", &TextRule::name(1, 9)).unwrap(), "a b");
    }

    #[test]
    fn multiline_allows_breaks() {
        assert_eq!(parse("a\nb", &TextRule::multiline(9)).unwrap(), "a\nb");
        assert_eq!(parse("a\nb", &TextRule::line(9)).unwrap_err().code, Code::TextControl);
        assert_eq!(parse("a\u{0}b", &TextRule::multiline(9)).unwrap_err().code, Code::TextControl);
    }
}
