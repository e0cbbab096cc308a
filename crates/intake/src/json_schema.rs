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

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use crate::catalog::{self, FieldInfo, Kind};
use crate::Provider;

/// The `$schema` of every generated schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema (draft 2020-12) of a provider's input record.
///
/// # Example
/// ```
/// let schema = intake::json_schema::input_schema(intake::Provider::Atoa);
/// assert_eq!(schema["$schema"], intake::json_schema::DIALECT);
/// assert_eq!(schema["required"][0], "fullName");
/// assert_eq!(schema["properties"]["fullName"]["type"], "string");
/// ```
#[must_use]
pub fn input_schema(provider: Provider) -> Value {
    let profile = catalog::profile(provider);
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(DIALECT));
    schema.insert("title".into(), json!(format!("{} create customer request", profile.name)));
    schema.insert(
        "description".into(),
        json!(format!(
            "The body of {} {} as intake accepts it (profile `{}`). Generated from intake's catalog; \
             cross-field rules, checksums and registries (phone metadata, ISO 3166-1, Luhn, VAT check \
             digits) are checked by intake, not by this schema.",
            profile.name, profile.endpoint, profile.id
        )),
    );
    object_schema(profile.fields, "", &mut schema);
    Value::Object(schema)
}

/// Fills `type`, `properties` and `required` of the object at `prefix` (`""`: the record).
fn object_schema(fields: &'static [FieldInfo], prefix: &str, out: &mut Map<String, Value>) {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for f in fields {
        let Some(name) = child_name(f.path, prefix) else { continue };
        let needed = f.required == "yes";
        if needed {
            required.push(json!(name));
        }
        properties.insert(name.to_owned(), Value::Object(field_schema(fields, f, needed)));
    }
    out.insert("type".into(), json!("object"));
    out.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        out.insert("required".into(), Value::Array(required));
    }
}

/// The schema of one field; an optional one also takes `null`.
fn field_schema(fields: &'static [FieldInfo], f: &FieldInfo, needed: bool) -> Map<String, Value> {
    let mut s = Map::new();
    s.insert("description".into(), json!(describe(f)));
    match f.kind {
        Kind::Object if has_children(fields, f.path) => object_schema(fields, f.path, &mut s),
        Kind::List(item) => {
            s.insert("type".into(), json!("array"));
            let item_path = format!("{}/0", f.path);
            let mut items = kind_schema(item, true);
            if has_children(fields, &item_path) {
                // An item is a bare value, or an object of its documented members.
                let mut object = Map::new();
                object_schema(fields, &item_path, &mut object);
                items = json!({ "anyOf": [items, object] });
            }
            s.insert("items".into(), items);
        }
        kind => {
            if let Value::Object(m) = kind_schema(&kind, needed) {
                s.extend(m);
            }
        }
    }
    if !needed {
        let ty = s.get("type").cloned().unwrap_or(Value::Null);
        if let Value::String(t) = ty {
            s.insert("type".into(), json!([t, "null"]));
        }
    }
    s
}

/// The field's description, with its requirement when it is a condition.
fn describe(f: &FieldInfo) -> String {
    let mut text = f.description.trim_end_matches('.').to_owned();
    if let Kind::Text(rule) = f.kind {
        let _ = write!(
            text,
            ". {} to {} characters once trimmed and NFC-normalized (intake checks the lengths)",
            rule.min, rule.max
        );
    }
    match f.required {
        "yes" | "no" => format!("{text}."),
        other => match other.strip_prefix("no ") {
            Some(note) => format!("{text}. Optional {note}."),
            None => format!("{text}. Required: {other}."),
        },
    }
}

/// The schema of a value of `kind`. `needed`: the field is required, so an empty text is
/// an error rather than an absent field (only then does `minLength` hold).
fn kind_schema(kind: &Kind, needed: bool) -> Value {
    match kind {
        Kind::Text(rule) => {
            // Lengths count the normalized text, not the string sent: see the module docs.
            let mut s = json!({ "type": "string" });
            if needed && rule.min > 0 {
                s["minLength"] = json!(1);
            }
            s
        }
        Kind::Email | Kind::EmailLower => json!({ "type": "string", "format": "email" }),
        // intake trims before matching; the patterns allow the white space it trims.
        Kind::Uuid => json!({
            "type": "string",
            "pattern": r"^\s*[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\s*$"
        }),
        Kind::Hex24 => json!({ "type": "string", "pattern": r"^\s*[0-9A-Fa-f]{24}\s*$" }),
        // Matched case-insensitively after trimming: every spelling of the documented values.
        Kind::Enum(values) => json!({
            "type": "string",
            "pattern": enum_pattern(values),
            "examples": values,
        }),
        Kind::Boolean => json!({ "type": "boolean" }),
        Kind::Object => json!({ "type": "object" }),
        Kind::List(item) => json!({ "type": "array", "items": kind_schema(item, true) }),
        // Phones, postcodes, VAT numbers, countries, cards, Authvia addresses: strings whose
        // rules (metadata, checksums, registries) are intake's.
        _ => json!({ "type": "string" }),
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

    #[test]
    fn every_documented_field_is_in_the_schema() {
        for p in Provider::ALL {
            let schema = input_schema(p);
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
        let schema = input_schema(Provider::Juicyway);
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert_eq!(required, ["first_name", "last_name", "email", "phone", "type", "billing_address"]);
        assert_eq!(schema["properties"]["billing_address"]["required"][0], "line1");
        // An optional member takes null (absent); a required one does not.
        assert_eq!(schema["properties"]["billing_address"]["properties"]["line2"]["type"], json!(["string", "null"]));
        assert_eq!(schema["properties"]["email"]["type"], "string");
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
