//! A JSON Schema (draft 2020-12) of each profile's input record, generated from
//! [`crate::catalog`]: the same field list `intake providers` prints and the npm
//! package's TypeScript types are generated from, so the three cannot drift.
//!
//! The schema describes the record as the provider documents it: JSON types,
//! required members, identifier shapes and enumerations (in any case, with the
//! white space intake trims), and the rest in `description`s. It never rejects a
//! record intake accepts for a reason it can see, with one documented exception:
//! Paydock disregards an optional field with a wrong format, and intake drops it
//! with a `field.ignored` warning, so such a record is valid for intake yet breaks
//! the documented format the schema states. (Every normalized payload fits the
//! schema.) What the schema cannot express, and intake still checks:
//!
//! - cross-field rules: "email or phone" (Atoa), Paydock's flows, Stax's "one of
//!   firstname, lastname, email, company", a phone read in the record's country,
//!   a VAT number only for a business;
//! - checksums and registries: Luhn, GB VAT check digits, libphonenumber's
//!   metadata, ISO 3166-1 assignments, card expiry against today;
//! - lengths: intake trims, folds and NFC-normalizes text before counting its
//!   length, so the string as sent may be longer (white space, a decomposed `é`) or
//!   even shorter (NFC expands a few characters) than what is counted: a
//!   `maxLength` would reject valid records, so the limits are in the
//!   `description`s (and in `intake providers`), and a required text only has
//!   `minLength: 1` (an empty one is missing). `format` (`email`) is an annotation,
//!   as draft 2020-12 makes it by default.
//!
//! Members the profile does not document are allowed (intake drops them with a
//! `field.unknown` warning), and `null` is allowed for every optional member
//! (SPEC: null means absent).

use std::fmt::{self, Write as _};

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use crate::catalog::{self, FieldInfo, Kind};
use crate::Provider;

/// The `$schema` of every generated schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A generated JSON Schema document. Its members keep the order they are written in
/// (`$schema` first, properties in the catalog's order, as form generators show them),
/// whatever `serde_json`'s features: it serializes itself, and [`JsonSchema::to_value`]
/// gives a `serde_json::Value` to inspect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonSchema(Node);

impl JsonSchema {
    /// The schema as a `serde_json::Value` (its member order is `serde_json`'s).
    #[must_use]
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The schema as compact JSON text, members in order.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The schema as indented JSON text, members in order.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Serialize for JsonSchema {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl fmt::Display for JsonSchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

/// A JSON value whose objects keep their members' order.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Str(String),
    Num(usize),
    Arr(Vec<Node>),
    Obj(Vec<(String, Node)>),
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Str(text) => s.serialize_str(text),
            Node::Num(n) => s.serialize_u64(*n as u64),
            Node::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Obj(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

fn text(s: impl Into<String>) -> Node {
    Node::Str(s.into())
}

/// An object's members, in order.
type Members = Vec<(String, Node)>;

fn put(members: &mut Members, key: &str, value: Node) {
    match members.iter_mut().find(|(k, _)| k == key) {
        Some(member) => member.1 = value,
        None => members.push((key.to_owned(), value)),
    }
}

fn get<'m>(members: &'m Members, key: &str) -> Option<&'m Node> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// The JSON Schema (draft 2020-12) of a provider's input record.
///
/// # Example
/// ```
/// let schema = intake::json_schema::input_schema(intake::Provider::Atoa);
/// assert!(schema.to_json().starts_with(r#"{"$schema":"https://json-schema.org/draft/2020-12/schema""#));
/// let value = schema.to_value();
/// assert_eq!(value["required"][0], "fullName");
/// assert_eq!(value["properties"]["fullName"]["type"], "string");
/// ```
#[must_use]
pub fn input_schema(provider: Provider) -> JsonSchema {
    let profile = catalog::profile(provider);
    let mut schema = Members::new();
    put(&mut schema, "$schema", text(DIALECT));
    put(&mut schema, "title", text(format!("{} create customer request", profile.name)));
    put(
        &mut schema,
        "description",
        text(format!(
            "The body of {} {} as intake accepts it (profile `{}`). Generated from intake's catalog; \
             cross-field rules, checksums and registries (phone metadata, ISO 3166-1, Luhn, VAT check \
             digits) are checked by intake, not by this schema.",
            profile.name, profile.endpoint, profile.id
        )),
    );
    object_schema(profile.fields, "", &mut schema);
    JsonSchema(Node::Obj(schema))
}

/// Fills `type`, `properties` and `required` of the object at `prefix` (`""`: the record).
fn object_schema(fields: &'static [FieldInfo], prefix: &str, out: &mut Members) {
    let mut properties = Members::new();
    let mut required = Vec::new();
    for f in fields {
        let Some(name) = child_name(f.path, prefix) else { continue };
        let needed = f.required == "yes";
        if needed {
            required.push(text(name));
        }
        put(&mut properties, name, Node::Obj(field_schema(fields, f, needed)));
    }
    put(out, "type", text("object"));
    put(out, "properties", Node::Obj(properties));
    if !required.is_empty() {
        put(out, "required", Node::Arr(required));
    }
}

/// The schema of one field; an optional one also takes `null`.
fn field_schema(fields: &'static [FieldInfo], f: &FieldInfo, needed: bool) -> Members {
    let mut s = Members::new();
    put(&mut s, "description", text(describe(f)));
    match f.kind {
        Kind::Object if has_children(fields, f.path) => object_schema(fields, f.path, &mut s),
        Kind::List(item) => {
            put(&mut s, "type", text("array"));
            let item_path = format!("{}/0", f.path);
            let mut items = kind_schema(item, true);
            if has_children(fields, &item_path) {
                // An item is a bare value, or an object of its documented members.
                let mut object = Members::new();
                object_schema(fields, &item_path, &mut object);
                items = vec![("anyOf".to_owned(), Node::Arr(vec![Node::Obj(items), Node::Obj(object)]))];
            }
            put(&mut s, "items", Node::Obj(items));
        }
        kind => s.extend(kind_schema(&kind, needed)),
    }
    if !needed {
        if let Some(Node::Str(t)) = get(&s, "type").cloned() {
            put(&mut s, "type", Node::Arr(vec![text(t), text("null")]));
        }
    }
    s
}

/// The field's description, with its length limits and its requirement when it is a condition.
fn describe(f: &FieldInfo) -> String {
    let mut out = f.description.trim_end_matches('.').to_owned();
    if let Kind::Text(rule) = f.kind {
        let _ = write!(
            out,
            ". {} to {} characters once trimmed and NFC-normalized (intake checks the lengths)",
            rule.min, rule.max
        );
    }
    match f.required {
        "yes" | "no" => format!("{out}."),
        other => match other.strip_prefix("no ") {
            Some(note) => format!("{out}. Optional {note}."),
            None => format!("{out}. Required: {other}."),
        },
    }
}

/// The schema of a value of `kind`. `needed`: the field is required, so an empty text is
/// an error rather than an absent field (only then does `minLength` hold).
fn kind_schema(kind: &Kind, needed: bool) -> Members {
    let string = |extra: Members| {
        let mut s = vec![("type".to_owned(), text("string"))];
        s.extend(extra);
        s
    };
    match kind {
        // Lengths count the normalized text, not the string sent: see the module docs.
        Kind::Text(rule) if needed && rule.min > 0 => string(vec![("minLength".to_owned(), Node::Num(1))]),
        Kind::Email | Kind::EmailLower => string(vec![("format".to_owned(), text("email"))]),
        // intake trims before matching; the patterns allow the white space it trims.
        Kind::Uuid => string(vec![(
            "pattern".to_owned(),
            text(r"^\s*[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\s*$"),
        )]),
        Kind::Hex24 => string(vec![("pattern".to_owned(), text(r"^\s*[0-9A-Fa-f]{24}\s*$"))]),
        // Matched case-insensitively after trimming: every spelling of the documented values.
        Kind::Enum(values) => string(vec![
            ("pattern".to_owned(), text(enum_pattern(values))),
            ("examples".to_owned(), Node::Arr(values.iter().map(|v| text(*v)).collect())),
        ]),
        Kind::Boolean => vec![("type".to_owned(), text("boolean"))],
        Kind::Object => vec![("type".to_owned(), text("object"))],
        Kind::List(item) => {
            vec![("type".to_owned(), text("array")), ("items".to_owned(), Node::Obj(kind_schema(item, true)))]
        }
        // Other texts, phones, postcodes, VAT numbers, countries, cards, Authvia addresses:
        // strings whose rules (lengths, metadata, checksums, registries) are intake's.
        _ => string(Vec::new()),
    }
}

/// An ECMA-262 pattern matching any value `enumeration::parse` accepts: one of `values`
/// in any ASCII case, with surrounding white space.
fn enum_pattern(values: &[&str]) -> String {
    let alternatives: Vec<String> = values
        .iter()
        .map(|v| {
            v.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                    } else if r"^$\.*+?()[]{}|/".contains(c) {
                        format!("\\{c}")
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        })
        .collect();
    format!(r"^\s*(?:{})\s*$", alternatives.join("|"))
}

/// The last segment of `path` when it is a direct member of `prefix`.
fn child_name<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    path.strip_prefix(prefix)?.strip_prefix('/').filter(|rest| !rest.contains('/'))
}

fn has_children(fields: &[FieldInfo], prefix: &str) -> bool {
    fields.iter().any(|f| f.path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_documented_field_is_in_the_schema() {
        for &p in Provider::ALL {
            let schema = input_schema(p).to_value();
            for f in catalog::profile(p).fields {
                // `/addresses/0/value` lives in the items of `/addresses`.
                let mut node = &schema;
                let segments: Vec<&str> = f.path.split('/').skip(1).collect();
                for seg in &segments {
                    node = if *seg == "0" { &node["items"]["anyOf"][1] } else { &node["properties"][*seg] };
                }
                assert!(node.is_object(), "{}: {} is not in the schema", p.id(), f.path);
                assert!(node["description"].is_string(), "{}: {} has no description", p.id(), f.path);
            }
        }
    }

    #[test]
    fn required_fields_follow_the_catalog() {
        let schema = input_schema(Provider::Juicyway).to_value();
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert_eq!(required, ["first_name", "last_name", "email", "phone", "type", "billing_address"]);
        assert_eq!(schema["properties"]["billing_address"]["required"][0], "line1");
        // An optional member takes null (absent); a required one does not.
        assert_eq!(schema["properties"]["billing_address"]["properties"]["line2"]["type"], json!(["string", "null"]));
        assert_eq!(schema["properties"]["email"]["type"], "string");
    }

    #[test]
    fn members_keep_the_catalog_order() {
        for &p in Provider::ALL {
            let text = input_schema(p).to_json();
            assert!(text.starts_with(r#"{"$schema":"#), "{text}");
            let mut at = 0;
            for f in catalog::profile(p).fields.iter().filter(|f| f.path.matches('/').count() == 1) {
                let key = format!("\"{}\":{{\"description\"", &f.path[1..]);
                let found = text[at..].find(&key).unwrap_or_else(|| panic!("{}: {} out of order", p.id(), f.path));
                at += found + key.len();
            }
        }
    }

    #[test]
    fn enum_patterns_match_any_case() {
        assert_eq!(
            enum_pattern(&["INDIVIDUAL", "BUSINESS"]),
            r"^\s*(?:[Ii][Nn][Dd][Ii][Vv][Ii][Dd][Uu][Aa][Ll]|[Bb][Uu][Ss][Ii][Nn][Ee][Ss][Ss])\s*$"
        );
        assert_eq!(enum_pattern(&["a-b.c"]), r"^\s*(?:[Aa]-[Bb]\.[Cc])\s*$");
    }
}
