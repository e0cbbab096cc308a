//! Reading the fields of one JSON object: presence, JSON type, blank text, and
//! what to do when an optional field's format is wrong.

use serde_json::{Map, Value};

use crate::rules::email::distance_within;
use crate::{Code, Fault, Loc, Parsed, Report};

/// What a profile does with a field whose value breaks its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    /// Missing is an error; a bad value is an error.
    Required,
    /// Missing is fine; a bad value is an error.
    Optional,
    /// Missing is fine; a bad value is dropped with `field.ignored` (Paydock).
    Lenient,
}

/// The value of `key`, with JSON `null` read as absent.
pub(crate) fn get<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

/// Whether `key` holds something: not absent, not null, not a blank string.
pub(crate) fn present(map: &Map<String, Value>, key: &str) -> bool {
    match get(map, key) {
        None => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(_) => true,
    }
}

/// The name of a JSON type, for messages.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cold]
pub(crate) fn required() -> Fault {
    Fault::new(Code::FieldRequired, "is required")
}

#[cold]
pub(crate) fn wrong_type(expected: &'static str, found: &Value) -> Fault {
    Fault::owned(Code::FieldType, format!("must be {expected}, not {}", type_name(found)))
}

/// Reports a bad value as `need` says: an error, or (lenient) a dropped field.
pub(crate) fn reject(report: &mut Report, loc: &Loc<'_>, need: Need, fault: Fault) {
    if need == Need::Lenient {
        report.warn(
            loc,
            Fault::owned(Code::FieldIgnored, format!("was dropped because its format is wrong ({})", fault.message)),
        );
    } else {
        report.error(loc, fault);
    }
}

/// The text of a string field, or `None` (having reported why) when it is
/// absent, blank or not a string.
pub(crate) fn string<'v>(
    report: &mut Report,
    map: &'v Map<String, Value>,
    key: &str,
    loc: &Loc<'_>,
    need: Need,
) -> Option<&'v str> {
    match get(map, key) {
        None => {
            if need == Need::Required {
                report.error(loc, required());
            }
            None
        }
        Some(Value::String(s)) if s.trim().is_empty() => {
            if need == Need::Required {
                report.error(loc, Fault::new(Code::FieldRequired, "is required and must not be blank"));
            } else {
                report.warn(loc, Fault::new(Code::FieldEmpty, "was empty and was dropped"));
            }
            None
        }
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            reject(report, loc, need, wrong_type("a string", other));
            None
        }
    }
}

/// A string field parsed by `rule`, its fault reported as `need` says.
pub(crate) fn field<T>(
    report: &mut Report,
    map: &Map<String, Value>,
    key: &str,
    loc: &Loc<'_>,
    need: Need,
    rule: impl FnOnce(&str) -> Result<Parsed<T>, Fault>,
) -> Option<T> {
    let text = string(report, map, key, loc, need)?;
    match rule(text) {
        Ok(parsed) => Some(report.take(loc, parsed)),
        Err(fault) => {
            reject(report, loc, need, fault);
            None
        }
    }
}

/// A nested object field, or `None` (having reported why).
pub(crate) fn object<'v>(
    report: &mut Report,
    map: &'v Map<String, Value>,
    key: &str,
    loc: &Loc<'_>,
    need: Need,
) -> Option<&'v Map<String, Value>> {
    match get(map, key) {
        None => {
            if need == Need::Required {
                report.error(loc, required());
            }
            None
        }
        Some(Value::Object(m)) => Some(m),
        Some(other) => {
            reject(report, loc, need, wrong_type("an object", other));
            None
        }
    }
}

/// Warns of every member of `map` that the profile does not document; each is
/// dropped from the payload. Where a documented name is close, the warning names it.
pub(crate) fn unknown(report: &mut Report, map: &Map<String, Value>, loc: &Loc<'_>, known: &[&str]) {
    for key in map.keys() {
        if known.contains(&key.as_str()) {
            continue;
        }
        let message = match closest(key, known) {
            Some(k) => format!("is not a documented field and was dropped; did you mean `{k}`?"),
            None => "is not a documented field and was dropped".to_owned(),
        };
        report.warn(&loc.key(key), Fault::owned(Code::FieldUnknown, message));
    }
}

/// The documented name closest to `key`: equal ignoring case and `_`/`-`, or
/// within two edits.
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    if key.len() > 64 {
        return None;
    }
    let fold = |s: &str| -> String {
        s.chars().filter(|c| !matches!(c, '_' | '-' | ' ')).flat_map(char::to_lowercase).collect()
    };
    let k = fold(key);
    known
        .iter()
        .filter_map(|&name| distance_within(&k, &fold(name), if name.len() > 4 { 2 } else { 1 }).map(|d| (d, name)))
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(closest("fullname", &["fullName", "email"]), Some("fullName"));
        assert_eq!(closest("first-name", &["first_name"]), Some("first_name"));
        assert_eq!(closest("emial", &["email", "phone"]), Some("email"));
        assert_eq!(closest("favourite_colour", &["email"]), None);
    }
}
