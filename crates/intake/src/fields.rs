//! Reading the fields of one JSON object: presence, JSON type, blank text, and
//! what to do when an optional field's format is wrong.

use std::borrow::Cow;

use crate::catalog::FieldInfo;
use crate::node::{same_bytes, Node, Object};
use crate::rules::email::{distance_within, letters, sets_within};
use crate::rules::text::is_blank;
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
pub(crate) fn get<'v, 'a>(map: &'v Object<'a>, key: &str) -> Option<&'v Node<'a>> {
    map.get(key).filter(|v| !v.is_null())
}

/// Whether `key` holds something: not absent, not null, not a blank string.
pub(crate) fn present(map: &Object<'_>, key: &str) -> bool {
    match get(map, key) {
        None => false,
        Some(Node::String(s)) => !is_blank(s),
        Some(_) => true,
    }
}

/// A JSON value whose type can be named in a message: the profiles' [`Node`]
/// and the single-field checks' `serde_json::Value`.
pub(crate) trait JsonType {
    /// The name of the JSON type, for messages.
    fn type_name(&self) -> &'static str;
}

impl JsonType for Node<'_> {
    fn type_name(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }
}

impl JsonType for serde_json::Value {
    fn type_name(&self) -> &'static str {
        use serde_json::Value;
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

#[cold]
pub(crate) fn required() -> Fault {
    Fault::new(Code::FieldRequired, "is required")
}

#[cold]
pub(crate) fn wrong_type(expected: &'static str, found: &impl JsonType) -> Fault {
    Fault::owned(Code::FieldType, format!("must be {expected}, not {}", found.type_name()))
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
    map: &'v Object<'_>,
    key: &str,
    loc: &Loc<'_>,
    need: Need,
) -> Option<&'v str> {
    source(report, map, key, loc, need).map(|t| &**t)
}

/// As [`string`], the text as the tree holds it: borrowed from the record's
/// input, or unescaped while reading. A payload's text kept from it with
/// [`kept`] lives as long as the input, not the tree.
pub(crate) fn source<'v, 'a>(
    report: &mut Report,
    map: &'v Object<'a>,
    key: &str,
    loc: &Loc<'_>,
    need: Need,
) -> Option<&'v Cow<'a, str>> {
    match get(map, key) {
        None => {
            if need == Need::Required {
                report.error(loc, required());
            }
            None
        }
        Some(Node::String(s)) if is_blank(s) => {
            if need == Need::Required {
                report.error(loc, Fault::new(Code::FieldRequired, "is required and must not be blank"));
            } else {
                report.warn(loc, Fault::new(Code::FieldEmpty, "was empty and was dropped"));
            }
            None
        }
        Some(Node::String(s)) => Some(s),
        Some(other) => {
            reject(report, loc, need, wrong_type("a string", other));
            None
        }
    }
}

/// `f`'s answer for `text`, as long-lived as the record's input: an answer that
/// borrows the text it was given (a value that needs no change) borrows the
/// input itself, not the tree, so the payload allocates nothing for it.
pub(crate) fn kept<'a>(text: &Cow<'a, str>, f: impl for<'r> FnOnce(&'r str) -> Cow<'r, str>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(s) => f(s),
        Cow::Owned(s) => Cow::Owned(f(s).into_owned()),
    }
}

/// [`kept`] for a rule that can fail or warn.
pub(crate) fn kept_parsed<'a>(
    text: &Cow<'a, str>,
    rule: impl for<'r> FnOnce(&'r str) -> Result<Parsed<Cow<'r, str>>, Fault>,
) -> Result<Parsed<Cow<'a, str>>, Fault> {
    match text {
        Cow::Borrowed(s) => rule(s),
        Cow::Owned(s) => rule(s).map(|p| p.map(|v| Cow::Owned(v.into_owned()))),
    }
}

/// A string field parsed by `rule`, its fault reported as `need` says.
pub(crate) fn field<T>(
    report: &mut Report,
    map: &Object<'_>,
    key: &str,
    loc: &Loc<'_>,
    need: Need,
    rule: impl FnOnce(&str) -> Result<Parsed<T>, Fault>,
) -> Option<T> {
    let text = string(report, map, key, loc, need)?;
    settle(report, loc, need, rule(text))
}

/// As [`field`], for a rule whose answer is text: borrowed from the record's
/// input when the value needs no change (see [`kept`]).
pub(crate) fn text_field<'a>(
    report: &mut Report,
    map: &Object<'a>,
    key: &str,
    loc: &Loc<'_>,
    need: Need,
    rule: impl for<'r> FnOnce(&'r str) -> Result<Parsed<Cow<'r, str>>, Fault>,
) -> Option<Cow<'a, str>> {
    let text = source(report, map, key, loc, need)?;
    settle(report, loc, need, kept_parsed(text, rule))
}

/// A rule's answer taken into the report: its value, or its fault reported as `need` says.
fn settle<T>(report: &mut Report, loc: &Loc<'_>, need: Need, result: Result<Parsed<T>, Fault>) -> Option<T> {
    match result {
        Ok(parsed) => Some(report.take(loc, parsed)),
        Err(fault) => {
            reject(report, loc, need, fault);
            None
        }
    }
}

/// A nested object field, or `None` (having reported why).
pub(crate) fn object<'v, 'a>(
    report: &mut Report,
    map: &'v Object<'a>,
    key: &str,
    loc: &Loc<'_>,
    need: Need,
) -> Option<&'v Object<'a>> {
    match get(map, key) {
        None => {
            if need == Need::Required {
                report.error(loc, required());
            }
            None
        }
        Some(Node::Object(m)) => Some(m),
        Some(other) => {
            reject(report, loc, need, wrong_type("an object", other));
            None
        }
    }
}

/// The catalog entries documented directly under one object (`parent`, a JSON
/// Pointer with array indices as `0`), found at compile time: each profile writes
/// `&const { Children::of(FIELDS, "/billing_address") }`, and the catalog stays
/// the one list of names.
pub(crate) struct Children {
    names: [&'static [u8]; Children::MAX],
    len: usize,
}

impl Children {
    /// More than any object of a catalog has; more fails the build.
    const MAX: usize = 32;

    pub(crate) const fn of(fields: &'static [FieldInfo], parent: &str) -> Children {
        let parent = parent.as_bytes();
        let mut children = Children { names: [b""; Children::MAX], len: 0 };
        let mut i = 0;
        while i < fields.len() {
            let path = fields[i].path.as_bytes();
            let mut under = path.len() > parent.len() && path[parent.len()] == b'/';
            let mut j = 0;
            while under && j < path.len() {
                under = if j < parent.len() { path[j] == parent[j] } else { j == parent.len() || path[j] != b'/' };
                j += 1;
            }
            if under {
                assert!(children.len < Children::MAX, "too many fields for Children");
                children.names[children.len] = path.split_at(parent.len() + 1).1;
                children.len += 1;
            }
            i += 1;
        }
        children
    }

    /// Whether `key` is one of the names.
    fn has(&self, key: &str) -> bool {
        self.names[..self.len].iter().any(|name| same_bytes(name, key.as_bytes()))
    }

    /// The names, in catalog order.
    fn names(&self) -> Vec<&'static str> {
        self.names[..self.len].iter().filter_map(|name| std::str::from_utf8(name).ok()).collect()
    }
}

/// Warns of every member of `map` that `children` do not name; each is dropped
/// from the payload.
pub(crate) fn undocumented(report: &mut Report, map: &Object<'_>, loc: &Loc<'_>, children: &Children) {
    for key in map.keys() {
        if !children.has(key) {
            warn_unknown(report, loc, key, &children.names());
        }
    }
}

/// Warns of every member of `map` not in `known`; each is dropped from the payload.
pub(crate) fn unknown(report: &mut Report, map: &Object<'_>, loc: &Loc<'_>, known: &[&str]) {
    for key in map.keys() {
        if !known.contains(&key) {
            warn_unknown(report, loc, key, known);
        }
    }
}

/// The warning for one undocumented member; where a documented name is close,
/// it names it.
#[cold]
fn warn_unknown(report: &mut Report, loc: &Loc<'_>, key: &str, known: &[&str]) {
    let message = match closest(key, known) {
        Some(k) => format!("is not a documented field and was dropped; did you mean `{k}`?"),
        None => "is not a documented field and was dropped".to_owned(),
    };
    report.warn(&loc.key(key), Fault::owned(Code::FieldUnknown, message));
}

/// The documented name closest to `key`: equal ignoring case and `_`/`-`, or
/// within two edits.
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let mut k = Folded::default();
    if !k.fold(key) {
        return None;
    }
    let mut n = Folded::default();
    let mask = letters(k.as_str());
    known
        .iter()
        .filter_map(|&name| {
            n.fold(name).then_some(())?;
            let limit = if name.len() > 4 { 2 } else { 1 };
            // Lower bounds of the distance first: lengths, then sets of characters.
            if k.len.abs_diff(n.len) > limit || !sets_within(mask, letters(n.as_str()), limit) {
                return None;
            }
            distance_within(k.as_str(), n.as_str(), limit).map(|d| (d, name))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

/// A member name lower-cased without `_`, `-` and spaces, on the stack: the
/// names compared are short, and a long or non-ASCII one is no near-miss of a
/// documented (ASCII) name.
struct Folded {
    bytes: [u8; 64],
    len: usize,
}

impl Default for Folded {
    fn default() -> Self {
        Folded { bytes: [0; 64], len: 0 }
    }
}

impl Folded {
    /// Folds `s` in; false when it does not fit or is not ASCII.
    fn fold(&mut self, s: &str) -> bool {
        self.len = 0;
        for b in s.bytes().filter(|b| !matches!(b, b'_' | b'-' | b' ')) {
            if !b.is_ascii() || self.len == self.bytes.len() {
                return false;
            }
            self.bytes[self.len] = b.to_ascii_lowercase();
            self.len += 1;
        }
        true
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_are_the_direct_members_of_their_object() {
        let fields = crate::profiles::juicyway::FIELDS;
        let top = Children::of(fields, "").names();
        assert_eq!(top, ["first_name", "last_name", "email", "phone", "type", "billing_address"]);
        let address = Children::of(fields, "/billing_address").names();
        assert_eq!(address, ["line1", "line2", "city", "state", "zip_code", "country"]);
        assert!(Children::of(fields, "/billing").names().is_empty());
        assert!(Children::of(fields, "/email").names().is_empty());
        assert!(Children::of(fields, "/billing_address").has("zip_code"));
        assert!(!Children::of(fields, "/billing_address").has("email"));
    }

    #[test]
    fn suggests_close_names() {
        assert_eq!(closest("fullname", &["fullName", "email"]), Some("fullName"));
        assert_eq!(closest("first-name", &["first_name"]), Some("first_name"));
        assert_eq!(closest("emial", &["email", "phone"]), Some("email"));
        assert_eq!(closest("favourite_colour", &["email"]), None);
    }
}
