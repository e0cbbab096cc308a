//! One field's value, by the rule it follows ([`Kind`]) and a class of value
//! ([`Class`]) chosen by the fuzzer's bytes.

use ::arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::{json, Map, Value};

use super::examples::{self, Pool};
use super::phones;
use crate::catalog::Kind;
use crate::rules::text::TextRule;

/// The class of a generated value: the fuzzer's bytes pick one per field, and the
/// generator then spends a few more on which value of that class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// A value the rule accepts: a fixture's example, or a phone table's example number.
    Valid,
    /// A value at a documented limit, or one past it (lengths, digit counts, years).
    Boundary,
    /// A JSON value of the wrong type (a number for a text, an object for a string).
    WrongType,
    /// A valid value with a Unicode edge added (no-break or zero-width space,
    /// decomposed accents, full-width digits, a control or bidi mark).
    Unicode,
    /// A value a fixture refuses, or a valid one with one character changed.
    NearMiss,
    /// No member at all.
    Absent,
    /// JSON `null` (absent, for an optional field).
    Null,
    /// An empty or white-space string.
    Blank,
    /// A short string of the fuzzer's own bytes.
    Raw,
}

impl Class {
    /// Every class.
    pub const ALL: [Class; 9] = [
        Class::Valid,
        Class::Boundary,
        Class::WrongType,
        Class::Unicode,
        Class::NearMiss,
        Class::Absent,
        Class::Null,
        Class::Blank,
        Class::Raw,
    ];
}

impl<'a> Arbitrary<'a> for Class {
    /// Weighted so that most fields are valid (deep paths need every other field
    /// right) and, once the bytes run out, every field is valid.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=99)? {
            0..=54 => Class::Valid,
            55..=64 => Class::Absent,
            65..=72 => Class::NearMiss,
            73..=79 => Class::Boundary,
            80..=86 => Class::Unicode,
            87..=90 => Class::WrongType,
            91..=93 => Class::Null,
            94..=96 => Class::Blank,
            _ => Class::Raw,
        })
    }

    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (1, Some(1))
    }
}

/// A value for a field that follows `kind`, of the class the bytes pick;
/// `None` is an absent member.
///
/// # Errors
/// Only what [`Unstructured`] reports (never when the bytes run out: it then
/// gives the first choice, a valid value).
///
/// # Example
/// ```
/// use arbitrary::Unstructured;
/// use intake::arbitrary::{field_value, Class};
/// use intake::catalog::Kind;
/// let mut u = Unstructured::new(&[]);
/// let value = field_value(&mut u, &Kind::Email, Class::Valid).unwrap().unwrap();
/// assert!(intake::rules::email::parse(value.as_str().unwrap()).is_ok());
/// ```
pub fn field_value(u: &mut Unstructured<'_>, kind: &Kind, class: Class) -> Result<Option<Value>> {
    Ok(Some(match class {
        Class::Absent => return Ok(None),
        Class::Null => Value::Null,
        Class::Blank => Value::String(u.choose(&["", " ", "\t\n", "\u{a0}", "\u{3000}"])?.to_string()),
        Class::Raw => Value::String(raw_text(u)?),
        Class::Valid => valid(u, kind)?,
        Class::Boundary => boundary(u, kind)?,
        Class::WrongType => wrong_type(u, kind)?,
        Class::Unicode => match valid(u, kind)? {
            Value::String(s) => Value::String(unicode_edge(u, &s)?),
            other => other,
        },
        Class::NearMiss => near_miss(u, kind)?,
    }))
}

/// True one time in `n`, and false once the bytes run out (unlike
/// [`Unstructured::ratio`], which is then true).
pub(crate) fn one_in(u: &mut Unstructured<'_>, n: u8) -> Result<bool> {
    Ok(u.int_in_range(1..=n.max(1))? == n && n > 1)
}

/// A short string of the fuzzer's bytes (lossy UTF-8, at most 64 bytes).
pub(crate) fn raw_text(u: &mut Unstructured<'_>) -> Result<String> {
    let len = u.int_in_range(0usize..=64)?;
    let bytes = u.bytes(len.min(u.len()))?;
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// One entry of a pool, parsed from its JSON text.
pub(crate) fn pick(u: &mut Unstructured<'_>, entries: &'static [&'static str]) -> Result<Value> {
    let text = if entries.is_empty() { "\"\"" } else { *u.choose(entries)? };
    Ok(serde_json::from_str(text).unwrap_or(Value::Null))
}

fn pool(kind: &Kind) -> Option<&'static Pool> {
    Some(match kind {
        Kind::Email | Kind::EmailLower => &examples::EMAIL,
        Kind::AtoaPostcode => &examples::ATOA_POSTCODE,
        Kind::GbVat => &examples::GB_VAT,
        Kind::Country(_) | Kind::CountryAny => &examples::COUNTRY,
        Kind::Uuid => &examples::UUID,
        Kind::Hex24 => &examples::HEX24,
        Kind::CardNumber => &examples::CARD_NUMBER,
        Kind::ExpiryMonth => &examples::EXPIRY_MONTH,
        Kind::ExpiryYear => &examples::EXPIRY_YEAR,
        Kind::Cvv => &examples::CVV,
        Kind::Boolean => &examples::BOOLEAN,
        Kind::Text(_) => &examples::TEXT,
        Kind::Phone | Kind::PhoneIn(_) | Kind::StaxPhone | Kind::AuthviaAddress => &examples::PHONE,
        Kind::NationalNumber => &examples::PHONE_WITH_CODE,
        _ => return None,
    })
}

/// A value the rule of `kind` accepts.
pub(crate) fn valid(u: &mut Unstructured<'_>, kind: &Kind) -> Result<Value> {
    Ok(match kind {
        Kind::Text(rule) => Value::String(text_within(u, rule)?),
        Kind::Enum(values) => {
            let v = if values.is_empty() { "" } else { *u.choose(values)? };
            Value::String(if u.arbitrary()? { v.to_owned() } else { v.to_lowercase() })
        }
        Kind::Phone => Value::String(phones::international(u)?),
        Kind::PhoneIn(region) => Value::String(phones::in_region(u, region)?),
        Kind::StaxPhone => Value::String(phones::in_region(u, "US")?),
        Kind::CallingCode => Value::String(phones::calling_code(u)?),
        Kind::NationalNumber => {
            let (_, national) = phones::split(u)?;
            Value::String(national)
        }
        Kind::AuthviaAddress => {
            let value = if u.arbitrary()? { pick(u, examples::EMAIL.valid)? } else { json!(phones::e164(u)?) };
            if u.arbitrary()? {
                json!({ "value": value })
            } else {
                value
            }
        }
        Kind::Object => small_object(u, 0)?,
        // JSON booleans; the strings the boolean rule also reads are near misses for Stax.
        Kind::Boolean => Value::Bool(u.arbitrary()?),
        Kind::List(item) => {
            let n = u.int_in_range(0usize..=3)?;
            Value::Array((0..n).map(|_| valid(u, item)).collect::<Result<_>>()?)
        }
        // Postcode, VAT, country, ids, card fields, booleans: the fixtures' own.
        other => match pool(other) {
            Some(p) => pick(u, p.valid)?,
            None => Value::Null,
        },
    })
}

/// A text within the rule's lengths: a fixture's name, cut or padded.
fn text_within(u: &mut Unstructured<'_>, rule: &TextRule) -> Result<String> {
    let sample = match pick(u, examples::TEXT.valid)? {
        Value::String(s) if !s.contains(['\n', '\r']) || rule.multiline => s,
        _ => "Ada Lovelace".to_owned(),
    };
    let mut words: Vec<char> = sample.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
    words.truncate(rule.max.max(1));
    while words.len() < rule.min {
        words.push('a');
    }
    let text: String = words.into_iter().collect();
    Ok(if text.trim().is_empty() { "a".repeat(rule.min.max(1)) } else { text.trim().to_owned() })
}

/// A value at a limit of the rule, or one step past it.
fn boundary(u: &mut Unstructured<'_>, kind: &Kind) -> Result<Value> {
    // A character of each width: one byte, two, three, four, and one NFC composes.
    let unit = *u.choose(&["a", "é", "漢", "😀", "e\u{301}"])?;
    let repeat = |n: usize| Value::String(unit.repeat(n));
    Ok(match kind {
        Kind::Text(rule) => {
            let n = *u.choose(&[rule.min.saturating_sub(1), rule.min, rule.max, rule.max + 1])?;
            repeat(n.min(20_000))
        }
        Kind::Phone | Kind::PhoneIn(_) | Kind::StaxPhone | Kind::AuthviaAddress => {
            let digits = u.int_in_range(2usize..=17)?;
            Value::String(format!("+{}", "4".repeat(digits)))
        }
        Kind::NationalNumber => Value::String("7".repeat(u.int_in_range(1usize..=17)?)),
        Kind::CallingCode => json!(*u.choose(&["0", "1", "999", "99999", "999999", "+", "+1", "00044"])?),
        Kind::CardNumber => {
            let n = *u.choose(&[11usize, 12, 19, 20])?;
            Value::String(luhn_digits(n))
        }
        Kind::ExpiryMonth => json!(*u.choose(&["0", "1", "12", "13", "00", "012"])?),
        Kind::ExpiryYear => json!(*u.choose(&["2026", "2025", "2046", "2047", "26", "25", "46", "47", "9999"])?),
        Kind::Cvv => json!(*u.choose(&["12", "123", "1234", "12345"])?),
        Kind::Email | Kind::EmailLower => {
            let local = "a".repeat(*u.choose(&[64usize, 65])?);
            let label = "b".repeat(*u.choose(&[63usize, 64, 180, 190])?);
            Value::String(format!("{local}@{label}.co"))
        }
        Kind::AtoaPostcode => json!(*u.choose(&["ABC", "ABCD", "ABCDEFGH", "ABCDEFGHI", "GIR 0AA", "BFPO 1234"])?),
        Kind::GbVat => json!(*u.choose(&["GB12345678", "GB1234567890", "GB 123 4567 89", "GB999999973"])?),
        Kind::Country(_) | Kind::CountryAny => json!(*u.choose(&["G", "GB", "GBR", "GBRR", "XK", "AA", "ZZZ"])?),
        Kind::Uuid => json!(*u.choose(&["550e8400-e29b-41d4-a716-44665544000", "550e8400e29b41d4a716446655440000"])?),
        Kind::Hex24 => json!(*u.choose(&["5f0c1b2a3d4e5f60718293a", "5f0c1b2a3d4e5f60718293a4f"])?),
        Kind::List(item) => {
            let n = *u.choose(&[0usize, 1, 50, 101])?;
            Value::Array((0..n).map(|_| valid(u, item)).collect::<Result<_>>()?)
        }
        Kind::Object => deep_object(u.int_in_range(1usize..=12)?),
        _ => valid(u, kind)?,
    })
}

/// A JSON value of another type than the rule takes.
fn wrong_type(u: &mut Unstructured<'_>, kind: &Kind) -> Result<Value> {
    let inner = valid(u, kind)?;
    Ok(match u.int_in_range(0u8..=5)? {
        0 => json!(u.arbitrary::<i64>()?),
        1 => json!(u.arbitrary::<f64>()?),
        2 => json!(u.arbitrary::<bool>()?),
        3 => json!([inner]),
        4 => json!({ "value": inner }),
        _ => match inner {
            // A string where another type is documented (booleans, objects, lists).
            Value::String(_) => json!(7),
            other => Value::String(other.to_string()),
        },
    })
}

/// A value a fixture refuses, or a valid value with one character changed.
fn near_miss(u: &mut Unstructured<'_>, kind: &Kind) -> Result<Value> {
    if let Some(p) = pool(kind) {
        if u.arbitrary()? {
            return pick(u, p.invalid);
        }
    }
    match valid(u, kind)? {
        Value::String(s) => Ok(Value::String(mutate(u, &s)?)),
        other => Ok(other),
    }
}

/// One edit: delete, duplicate, swap, change case, or replace a character.
pub(crate) fn mutate(u: &mut Unstructured<'_>, s: &str) -> Result<String> {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return Ok("x".to_owned());
    }
    let at = u.choose_index(chars.len())?;
    match u.int_in_range(0u8..=4)? {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        2 if at + 1 < chars.len() => chars.swap(at, at + 1),
        3 => {
            let c = chars[at];
            chars[at] = if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
        }
        _ => chars[at] = *u.choose(&['0', '9', 'O', 'l', '-', '@', '.', ' ', '+', 'x'])?,
    }
    Ok(chars.into_iter().collect())
}

/// A Unicode edge added to a valid text.
pub(crate) fn unicode_edge(u: &mut Unstructured<'_>, s: &str) -> Result<String> {
    const MARKS: &[&str] = &[
        "\u{a0}", "\u{200b}", "\u{feff}", "\u{200f}", "\u{202e}", "\u{2028}", "\u{301}", "\u{0}", "\u{7}", "\u{3000}",
        "😀", "\u{fffd}",
    ];
    // The dashes libphonenumber reads as punctuation, besides `-`.
    const DASHES: &[&str] = &["\u{2010}", "\u{2013}", "\u{2015}", "\u{2212}", "\u{30fc}", "\u{ff0d}", "\u{ff0f}"];
    Ok(match u.int_in_range(0u8..=5)? {
        5 => s.replace(['-', ' '], u.choose(DASHES)?),
        0 => format!("{}{s}", u.choose(MARKS)?),
        1 => format!("{s}{}", u.choose(MARKS)?),
        2 => {
            // Inside, at a character boundary.
            let cut = s.char_indices().map(|(i, _)| i).nth(u.int_in_range(0usize..=s.chars().count())?);
            let cut = cut.unwrap_or(s.len());
            format!("{}{}{}", &s[..cut], u.choose(MARKS)?, &s[cut..])
        }
        // Full-width, then Arabic-Indic digits: digits that are not ASCII.
        3 => s.chars().map(|c| c.to_digit(10).and_then(|d| char::from_u32(0xFF10 + d)).unwrap_or(c)).collect(),
        _ => s
            .chars()
            .flat_map(|c| match c {
                'é' => vec!['e', '\u{301}'],
                'a' => vec!['\u{430}'],
                d if d.is_ascii_digit() => vec![char::from_u32(0x660 + d.to_digit(10).unwrap_or(0)).unwrap_or(d)],
                c => vec![c],
            })
            .collect(),
    })
}

/// `n` digits that pass the Luhn check.
fn luhn_digits(n: usize) -> String {
    let mut digits = vec![4u32; n.max(1)];
    let body = &digits[..digits.len() - 1];
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| if i % 2 == 0 { (d * 2) % 9 + u32::from(d == 9) * 9 } else { d })
        .sum();
    let last = digits.len() - 1;
    digits[last] = (10 - sum % 10) % 10;
    digits.iter().filter_map(|d| char::from_digit(*d, 10)).collect()
}

/// A small JSON object of scalars and one level of nesting.
pub(crate) fn small_object(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let mut map = Map::new();
    for _ in 0..u.int_in_range(0usize..=3)? {
        let key = (*u.choose(&["tier", "note", "id", "", "a/b", "~0", "ünï"])?).to_owned();
        let value = match u.int_in_range(0u8..=4)? {
            0 => json!(u.arbitrary::<i32>()?),
            1 => json!(u.arbitrary::<bool>()?),
            2 if depth < 2 => small_object(u, depth + 1)?,
            3 => json!([raw_text(u)?]),
            _ => Value::String(raw_text(u)?),
        };
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

/// An object nested `depth` levels deep (limits on depth).
fn deep_object(depth: usize) -> Value {
    (0..depth).fold(json!("x"), |inner, _| json!({ "k": inner }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_digits_pass_the_card_rule() {
        for n in [12, 16, 19] {
            assert!(crate::rules::card::number(&luhn_digits(n)).is_ok(), "{n} digits");
        }
    }
}
