//! Small typed values, written as strings: dates, URLs, decimal numbers and
//! booleans (Stax's custom fields store every value as a string).

use std::borrow::Cow;

use serde_json::Value;

use crate::{Code, Date, Fault};

/// A calendar date written `YYYY-MM-DD`.
///
/// # Errors
/// `date.invalid`.
///
/// # Example
/// ```
/// assert_eq!(intake::rules::scalar::date("2026-01-31").unwrap(), "2026-01-31");
/// assert!(intake::rules::scalar::date("2026-02-30").is_err());
/// ```
pub fn date(input: &str) -> Result<Cow<'_, str>, Fault> {
    // `Date` reads only `YYYY-MM-DD`, which is how it writes itself: the text is its own answer.
    let s = input.trim();
    match s.parse::<Date>() {
        Ok(_) => Ok(Cow::Borrowed(s)),
        Err(_) => Err(Fault::new(Code::DateInvalid, "must be a calendar date written YYYY-MM-DD")),
    }
}

/// An absolute `http` or `https` URL with a host, no white space or control characters.
///
/// Decision: a small hand check, not a full WHATWG parser: the value is stored
/// as a string by the provider, so the check only stops what is plainly not a link.
///
/// # Errors
/// `url.invalid`.
///
/// # Example
/// ```
/// assert!(intake::rules::scalar::url("https://example.com/a?b=c").is_ok());
/// assert!(intake::rules::scalar::url("example.com").is_err());
/// ```
pub fn url(input: &str) -> Result<Cow<'_, str>, Fault> {
    let s = super::trim(input);
    let bad = || Fault::new(Code::UrlInvalid, "must be an absolute http or https URL");
    let (scheme, rest) = s.split_once("://").ok_or_else(bad)?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return Err(bad());
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'[' | b']'))
        || !host.is_ascii() && !host.chars().any(char::is_whitespace);
    if !host_ok || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    Ok(if scheme.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(format!("{}://{rest}", scheme.to_ascii_lowercase()))
    } else {
        Cow::Borrowed(s)
    })
}

/// A finite decimal number, from a JSON number or a numeric string, as a string.
///
/// # Errors
/// `number.invalid`.
///
/// # Example
/// ```
/// use serde_json::json;
/// assert_eq!(intake::rules::scalar::number(&json!(42)).unwrap(), "42");
/// assert_eq!(intake::rules::scalar::number(&json!(" -1.5e3 ")).unwrap(), "-1.5e3");
/// assert!(intake::rules::scalar::number(&json!("12abc")).is_err());
/// ```
pub fn number(value: &Value) -> Result<String, Fault> {
    let bad = || Fault::new(Code::NumberInvalid, "must be a decimal number");
    match value {
        Value::Number(n) => Ok(n.to_string()),
        Value::String(s) => decimal(s).map(str::to_owned),
        _ => Err(bad()),
    }
}

/// [`number`] of a string: the number as written, trimmed.
pub(crate) fn decimal(input: &str) -> Result<&str, Fault> {
    let s = input.trim();
    if is_decimal(s) {
        Ok(s)
    } else {
        Err(Fault::new(Code::NumberInvalid, "must be a decimal number"))
    }
}

fn is_decimal(s: &str) -> bool {
    let b = s.strip_prefix(['-', '+']).unwrap_or(s).as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let int = digits(&mut i);
    let mut frac = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac = digits(&mut i);
    }
    if int + frac == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len() && s.len() <= 64
}

/// A boolean, from a JSON boolean or the strings `true` / `false` (any case), as a string.
///
/// # Errors
/// `boolean.invalid`.
///
/// # Example
/// ```
/// use serde_json::json;
/// assert_eq!(intake::rules::scalar::boolean(&json!(true)).unwrap(), "true");
/// assert_eq!(intake::rules::scalar::boolean(&json!("FALSE")).unwrap(), "false");
/// ```
pub fn boolean(value: &Value) -> Result<&'static str, Fault> {
    match value {
        Value::Bool(true) => Ok("true"),
        Value::Bool(false) => Ok("false"),
        Value::String(s) => boolean_text(s),
        _ => Err(Fault::new(Code::BooleanInvalid, "must be true or false")),
    }
}

/// [`boolean`] of a string.
pub(crate) fn boolean_text(input: &str) -> Result<&'static str, Fault> {
    match input.trim() {
        s if s.eq_ignore_ascii_case("true") => Ok("true"),
        s if s.eq_ignore_ascii_case("false") => Ok("false"),
        _ => Err(Fault::new(Code::BooleanInvalid, "must be true or false")),
    }
}
