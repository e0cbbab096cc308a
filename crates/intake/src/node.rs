//! A record as read from JSON text, without serde_json's generic tree: strings
//! borrow from the input when they have no escapes, objects keep their members in
//! input order in a plain vector (no map, no hashing, no `preserve_order`).
//!
//! Records are small (tens of members), so finding a member by a linear scan is
//! faster than any map. A repeated member name keeps its first place and its last
//! value, as serde_json's `preserve_order` map did, so outcomes do not change.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Number, Value};

mod reader;

pub(crate) use reader::{plain_run, specials};

/// One JSON value of a record.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Object<'a>),
}

/// A JSON object: its members in input order, each name once.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Object<'a> {
    members: Vec<(Cow<'a, str>, Node<'a>)>,
}

impl<'a> Object<'a> {
    /// The value of member `key`, if any.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.members.iter().find(|(k, _)| same(k, key)).map(|(_, v)| v)
    }

    /// The members, in input order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Node<'a>)> {
        self.members.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// The member names, in input order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(k, _)| k.as_ref())
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// An object of the given members, in this order (names must differ).
    pub fn from_members(members: Vec<(Cow<'a, str>, Node<'a>)>) -> Self {
        Object { members }
    }

    /// Keeps each name once, at its first place, with its last value.
    fn dedup(&mut self) {
        let n = self.members.len();
        let repeated = if n <= 16 {
            (1..n).any(|i| self.members[..i].iter().any(|(k, _)| *k == self.members[i].0))
        } else {
            // Sorted on the stack for a wide object (a flat export's columns).
            let mut on_stack = [""; 64];
            let mut on_heap = Vec::new();
            let names = match on_stack.get_mut(..n) {
                Some(names) => names,
                None => {
                    on_heap.resize(n, "");
                    &mut on_heap[..]
                }
            };
            for (name, (k, _)) in names.iter_mut().zip(&self.members) {
                *name = k.as_ref();
            }
            names.sort_unstable();
            names.windows(2).any(|w| w[0] == w[1])
        };
        if !repeated {
            return;
        }
        let mut kept: Vec<(Cow<'a, str>, Node<'a>)> = Vec::with_capacity(n);
        let mut index: std::collections::HashMap<Cow<'a, str>, usize> = std::collections::HashMap::new();
        for (k, v) in self.members.drain(..) {
            match index.get(&k) {
                Some(&i) => kept[i].1 = v,
                None => {
                    index.insert(k.clone(), kept.len());
                    kept.push((k, v));
                }
            }
        }
        self.members = kept;
    }
}

impl<'a> Node<'a> {
    /// Reads JSON text; strings without escapes borrow from `bytes`. The usual
    /// record takes the hand-written [`reader`]; the rest, errors included,
    /// serde_json.
    pub fn from_slice(bytes: &'a [u8]) -> serde_json::Result<Node<'a>> {
        Self::read(bytes).map(|(node, _)| node)
    }

    /// As [`Node::from_slice`], with how deep the tree's arrays and objects nest
    /// when the hand-written reader read it (serde_json does not say).
    pub fn read(bytes: &'a [u8]) -> serde_json::Result<(Node<'a>, Option<usize>)> {
        match reader::read(bytes) {
            Some((node, deepest)) => Ok((node, Some(deepest))),
            None => serde_json::from_slice(bytes).map(|node| (node, None)),
        }
    }

    /// For the invariants: where the hand-written reader answers, serde_json
    /// accepts the same text and reads the same tree.
    #[cfg(feature = "phone")]
    pub fn reader_agrees(bytes: &[u8]) -> Result<(), &'static str> {
        let Some((fast, _)) = reader::read(bytes) else { return Ok(()) };
        match serde_json::from_slice::<Node<'_>>(bytes) {
            Ok(slow) if slow == fast => Ok(()),
            Ok(_) => Err("the record reader built another tree than serde_json"),
            Err(_) => Err("the record reader took text that serde_json refuses"),
        }
    }

    /// A view of a serde_json value, borrowing its strings.
    pub fn from_value(value: &'a Value) -> Node<'a> {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::String(Cow::Borrowed(s)),
            Value::Array(items) => Node::Array(items.iter().map(Node::from_value).collect()),
            Value::Object(map) => Node::Object(Object {
                members: map.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::from_value(v))).collect(),
            }),
        }
    }

    /// The serde_json value (its objects ordered as serde_json's features say).
    pub fn to_value(&self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => Value::Number(n.clone()),
            Node::String(s) => Value::String(s.as_ref().to_owned()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.to_owned(), v.to_value())).collect()),
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Node::Object(o) => Some(o),
            _ => None,
        }
    }
}

/// `a == b`, without a call to `memcmp` for the short names that records'
/// members and catalogs have (up to 16 bytes): two overlapping 8-byte words,
/// or bytes, compared inline.
pub(crate) fn same(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// [`same`] on bytes.
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word =
        |s: &[u8], at: usize| s.get(at..at + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map(u64::from_le_bytes);
    match n {
        0..=7 => a.iter().zip(b).all(|(x, y)| x == y),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

/// Builds an object node whose members keep the order written, whatever
/// serde_json's features: for the JSON surface's own answers.
macro_rules! ordered {
    ($($key:literal : $value:expr),* $(,)?) => {
        $crate::node::Node::Object($crate::node::Object::from_members(vec![
            $((::std::borrow::Cow::Borrowed($key), $crate::node::Node::from($value))),*
        ]))
    };
}
pub(crate) use ordered;

impl From<Value> for Node<'static> {
    fn from(value: Value) -> Self {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(b),
            Value::Number(n) => Node::Number(n),
            Value::String(s) => Node::String(Cow::Owned(s)),
            Value::Array(items) => Node::Array(items.into_iter().map(Node::from).collect()),
            Value::Object(map) => {
                Node::Object(Object { members: map.into_iter().map(|(k, v)| (Cow::Owned(k), Node::from(v))).collect() })
            }
        }
    }
}

impl From<String> for Node<'static> {
    fn from(s: String) -> Self {
        Node::String(Cow::Owned(s))
    }
}

impl From<&str> for Node<'static> {
    fn from(s: &str) -> Self {
        Node::String(Cow::Owned(s.to_owned()))
    }
}

impl From<bool> for Node<'static> {
    fn from(b: bool) -> Self {
        Node::Bool(b)
    }
}

impl From<u16> for Node<'static> {
    fn from(n: u16) -> Self {
        Node::Number(n.into())
    }
}

impl<'a> From<Vec<Node<'a>>> for Node<'a> {
    fn from(items: Vec<Node<'a>>) -> Self {
        Node::Array(items)
    }
}

impl<T: Into<Node<'static>>> From<Option<T>> for Node<'static> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Node::Null, Into::into)
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Node<'de>, E> {
        Number::from_f64(n).map(Node::Number).ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(key) = map.next_key::<Key<'de>>()? {
            members.push((key.0, map.next_value()?));
        }
        let mut object = Object { members };
        object.dedup();
        Ok(Node::Object(object))
    }
}

/// A member name, borrowed when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => s.serialize_unit(),
            Node::Bool(b) => s.serialize_bool(*b),
            Node::Number(n) => n.serialize(s),
            Node::String(t) => s.serialize_str(t),
            Node::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Object(o) => o.serialize(s),
        }
    }
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.members.len()))?;
        for (k, v) in &self.members {
            map.serialize_entry(k.as_ref(), v)?;
        }
        map.end()
    }
}

/// A JSON object a provider takes as it is (Authvia's `metadata`, Stax's
/// `options`), kept as its JSON text so that its members stay in input order
/// whatever serde_json features the application turns on.
///
/// # Example
/// ```
/// let record = br#"{"ref": "r1", "addresses": ["+14155552671"], "metadata": {"tier": "gold", "age": 3}}"#;
/// let customer = intake::profiles::authvia::check_json(record, &intake::Options::default()).into_result().unwrap();
/// let metadata = customer.metadata.as_ref().unwrap();
/// assert_eq!(metadata.get(), r#"{"tier":"gold","age":3}"#);
/// assert_eq!(metadata.to_value()["tier"], "gold");
/// ```
#[derive(Clone, Debug, serde::Serialize)]
#[serde(transparent)]
pub struct JsonObject(Box<serde_json::value::RawValue>);

impl<'de> Deserialize<'de> for JsonObject {
    /// Read through intake's own tree, so that it works wherever serde buffers
    /// (an untagged enum, a flattened struct) and keeps the members' order.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Node::deserialize(d)? {
            Node::Object(object) => {
                JsonObject::of(&object).ok_or_else(|| de::Error::custom("an object that cannot be written as JSON"))
            }
            _ => Err(de::Error::custom("expected a JSON object")),
        }
    }
}

impl JsonObject {
    /// The object's JSON text, compact.
    #[must_use]
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The object as a `serde_json::Value`.
    #[must_use]
    pub fn to_value(&self) -> Value {
        serde_json::from_str(self.0.get()).unwrap_or(Value::Null)
    }

    /// The compact JSON text of a checked object (cannot fail: every node is JSON).
    /// Decision: serde_json's buffer, boxed (two allocations for a small object);
    /// sizing the text first would need `RawValue::from_string`, which parses it
    /// again, and measured slower.
    pub(crate) fn of(object: &Object<'_>) -> Option<JsonObject> {
        serde_json::value::to_raw_value(object).ok().map(JsonObject)
    }

    /// As [`JsonObject::of`], with member `key`'s value replaced by `value` in
    /// its place: the rest is written from the record, not copied first.
    pub(crate) fn with_member(object: &Object<'_>, key: &str, value: &impl Serialize) -> Option<JsonObject> {
        struct With<'o, 'a, V> {
            object: &'o Object<'a>,
            key: &'o str,
            value: &'o V,
        }
        impl<V: Serialize> Serialize for With<'_, '_, V> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.object.len()))?;
                for (k, v) in self.object.iter() {
                    if k == self.key {
                        map.serialize_entry(k, self.value)?;
                    } else {
                        map.serialize_entry(k, v)?;
                    }
                }
                map.end()
            }
        }
        serde_json::value::to_raw_value(&With { object, key, value }).ok().map(JsonObject)
    }
}

/// Any JSON value.
#[cfg(feature = "ts")]
#[derive(ts_rs::TS)]
#[ts(rename = "JsonValue", untagged)]
#[allow(dead_code)] // A shape for ts-rs, never built.
pub enum JsonValue {
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// `true` or `false`.
    Boolean(bool),
    /// An array.
    Array(Vec<JsonValue>),
    /// An object.
    Object(std::collections::HashMap<String, JsonValue>),
    /// `null`.
    Null(()),
}

/// A JSON object, the TypeScript shape of a [`JsonObject`].
#[cfg(feature = "ts")]
pub type JsonMap = std::collections::HashMap<String, JsonValue>;

impl PartialEq for JsonObject {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for JsonObject {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_is_string_equality() {
        let words = [
            "",
            "a",
            "ab",
            "email",
            "phone",
            "line1",
            "line2",
            "zip_code",
            "zip_codf",
            "billing_address",
            "billing_addresz",
        ];
        let long = ["a".repeat(17), "a".repeat(16) + "b", "b".to_owned() + &"a".repeat(16)];
        let all: Vec<&str> = words.iter().copied().chain(long.iter().map(String::as_str)).collect();
        for a in &all {
            for b in &all {
                assert_eq!(same(a, b), a == b, "{a} {b}");
            }
        }
    }

    #[test]
    fn borrows_plain_strings_and_keeps_order() {
        let text = br#"{"b": "plain", "a": "esc\"aped", "c": [1, 2.5, null, true]}"#;
        let node = Node::from_slice(text).unwrap();
        let o = node.as_object().unwrap();
        assert_eq!(o.keys().collect::<Vec<_>>(), ["b", "a", "c"]);
        assert!(matches!(o.get("b"), Some(Node::String(Cow::Borrowed("plain")))));
        assert!(matches!(o.get("a"), Some(Node::String(Cow::Owned(s))) if s == "esc\"aped"));
        assert_eq!(serde_json::to_string(&node).unwrap(), r#"{"b":"plain","a":"esc\"aped","c":[1,2.5,null,true]}"#);
    }

    #[test]
    fn a_repeated_name_keeps_its_first_place_and_last_value() {
        let node = Node::from_slice(br#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(serde_json::to_string(&node).unwrap(), r#"{"a":3,"b":2}"#);
        let many: String = (0..40).map(|i| format!(r#""k{}": {i},"#, i % 20)).collect();
        let text = format!("{{{many}\"end\": 0}}");
        let node = Node::from_slice(text.as_bytes()).unwrap();
        let o = node.as_object().unwrap();
        assert_eq!(o.len(), 21);
        assert_eq!(o.get("k0"), Some(&Node::Number(20.into())));
    }

    #[test]
    fn round_trips_through_serde_json_values() {
        let value: Value = serde_json::from_str(r#"{"x": {"y": [1, "two", {"z": false}]}, "n": -3}"#).unwrap();
        assert_eq!(Node::from_value(&value).to_value(), value);
    }
}
