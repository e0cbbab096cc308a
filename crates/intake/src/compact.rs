//! Compact JSON output, byte for byte what `serde_json::to_writer` writes, for
//! the outcome line every record ends as (the command line's NDJSON, the npm
//! package's string).
//!
//! serde_json escapes strings a byte at a time, member names included, and that
//! was a tenth of `intake check`'s time. This writer scans eight bytes at a time
//! and writes straight into the `Vec`. It takes only the shapes intake's outcomes
//! are made of: structs, sequences, maps with string keys, strings, booleans,
//! unsigned integers, options, unit variants and raw JSON text
//! (`serde_json::value::RawValue`). Anything else is refused, and
//! [`write`] then starts again with serde_json: the output is the same either way.

use serde::ser::{self, Impossible, Serialize};

use crate::node::{plain_run, specials};

type Error = serde_json::Error;

/// Appends `value` as compact JSON to `out`.
///
/// # Errors
/// serde_json's, when the value cannot be written as JSON at all (`out` then
/// holds what was written before the error, as serde_json leaves it).
pub(crate) fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    let start = out.len();
    if value.serialize(&mut Writer { out: &mut *out }).is_ok() {
        return Ok(());
    }
    out.truncate(start);
    serde_json::to_writer(out, value)
}

/// Why the fast writer stopped: a shape it leaves to serde_json.
fn unsupported() -> Error {
    ser::Error::custom("left to serde_json")
}

/// `"` + `s` escaped as serde_json escapes it + `"`.
fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    if is_plain(b) {
        out.extend_from_slice(b);
        out.push(b'"');
        return;
    }
    let mut from = 0;
    loop {
        let at = plain_run(b, from);
        out.extend_from_slice(&b[from..at]);
        let Some(&c) = b.get(at) else { break };
        escape(out, c);
        from = at + 1;
    }
    out.push(b'"');
}

/// Whether `b` has no byte to escape: words of eight bytes, the last one
/// overlapping the one before; a shorter string is read as one word.
fn is_plain(b: &[u8]) -> bool {
    let word = |at: usize| b.get(at..at + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()).map(u64::from_le_bytes);
    let half = |at: usize| b.get(at..at + 4).and_then(|c| <[u8; 4]>::try_from(c).ok()).map(u32::from_le_bytes);
    let n = b.len();
    let tail = match n {
        8.. => word(n - 8),
        // Two halves that may overlap: a byte read twice is tested twice.
        4..=7 => half(0).zip(half(n - 4)).map(|(lo, hi)| u64::from(lo) | u64::from(hi) << 32),
        // Spaces (which need no escape) around the bytes there are.
        1..=3 => Some(u64::from_le_bytes([b[0], b[n / 2], b[n - 1], b' ', b' ', b' ', b' ', b' '])),
        0 => return true,
    };
    let mut seen = tail.map_or(1, specials);
    let mut at = 0;
    while at + 8 < n {
        seen |= word(at).map_or(1, specials);
        at += 8;
    }
    seen == 0
}

/// serde_json's escape of a `"`, `\` or control byte.
#[cold]
#[inline(never)]
fn escape(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match c {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        _ => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]]),
    }
}

/// The serializer: appends compact JSON to `out`.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

/// An open array or object: whether an item was written yet (a comma goes before the next).
struct Compound<'w, 'a> {
    writer: &'w mut Writer<'a>,
    first: bool,
}

impl Compound<'_, '_> {
    fn separate(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.writer.out.push(b',');
        }
    }
}

/// Refuses every method it is given; the listed ones return `unsupported()`.
macro_rules! refuse {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<Self::Ok, Error> { Err(unsupported()) })*
    };
}

/// Refuses the shapes no outcome has, in both serializers: enum variants with
/// data, and tuples.
macro_rules! refuse_variants_and_tuples {
    () => {
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Error> {
            Err(unsupported())
        }

        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
            Err(unsupported())
        }

        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
            Err(unsupported())
        }

        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Error> {
            Err(unsupported())
        }

        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Error> {
            Err(unsupported())
        }
    };
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Struct<'w, 'a>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.out, v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'[');
        Ok(Compound { writer: self, first: true })
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'{');
        Ok(Compound { writer: self, first: true })
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Struct<'w, 'a>, Error> {
        // serde_json's own token for a `RawValue`: its one field is JSON text, written as is.
        if name == RAW_VALUE {
            return Ok(Struct::Raw(self));
        }
        self.out.push(b'{');
        Ok(Struct::Object(Compound { writer: self, first: true }))
    }

    refuse!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    refuse_variants_and_tuples!();
}

/// The name serde_json gives the struct a `RawValue` serializes as.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        self.writer.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        key.serialize(Text { out: self.writer.out, raw: false })?;
        self.writer.out.push(b':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        self.writer.out.push(b'}');
        Ok(())
    }
}

/// A struct: an object of its fields, or a `RawValue`'s text.
enum Struct<'w, 'a> {
    Object(Compound<'w, 'a>),
    Raw(&'w mut Writer<'a>),
}

impl ser::SerializeStruct for Struct<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        match self {
            Struct::Object(object) => {
                object.separate();
                string(object.writer.out, key);
                object.writer.out.push(b':');
                value.serialize(&mut *object.writer)
            }
            Struct::Raw(writer) => value.serialize(Text { out: writer.out, raw: true }),
        }
    }

    fn end(self) -> Result<(), Error> {
        if let Struct::Object(object) = self {
            object.writer.out.push(b'}');
        }
        Ok(())
    }
}

/// Takes a string and nothing else: a map's key (quoted and escaped), or a
/// `RawValue`'s JSON text (`raw`, written as it is).
struct Text<'a> {
    out: &'a mut Vec<u8>,
    raw: bool,
}

impl ser::Serializer for Text<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        if self.raw {
            self.out.extend_from_slice(v.as_bytes());
        } else {
            string(self.out, v);
        }
        Ok(())
    }

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    refuse_variants_and_tuples!();

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(unsupported())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<(), Error> {
        Err(unsupported())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unsupported())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(unsupported())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;

    fn same<T: Serialize + ?Sized>(value: &T) {
        let mut fast = Vec::new();
        assert!(value.serialize(&mut Writer { out: &mut fast }).is_ok(), "left to serde_json");
        assert_eq!(String::from_utf8(fast).unwrap(), serde_json::to_string(value).unwrap());
    }

    #[test]
    fn escapes_every_byte_as_serde_json_does() {
        let all: String = (0..=0x7fu8).map(char::from).chain("é€😀\u{2028}".chars()).collect();
        same(&all);
        for c in 0..0x20u8 {
            same(&format!("ab{}cdefghij\"k\\", char::from(c)));
        }
        same("");
        same("plain text longer than eight bytes");
    }

    #[test]
    fn finds_a_byte_to_escape_in_any_place_of_any_length() {
        for len in 0..=20 {
            let plain: String = "aé\u{7f}~ bcdefghijklmnopqrstu".chars().take(len).collect();
            assert!(is_plain(plain.as_bytes()), "{plain:?}");
            same(&plain);
            for at in 0..len {
                for special in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                    let mut text: Vec<char> = "abcdefghijklmnopqrstuvwxyz".chars().take(len).collect();
                    text[at] = special;
                    let text: String = text.into_iter().collect();
                    assert!(!is_plain(text.as_bytes()), "{text:?}");
                    same(&text);
                }
            }
        }
    }

    #[test]
    fn writes_values_and_raw_text_as_serde_json_does() {
        same(
            &json!({"a": [true, false, null, "x"], "b": {}, "c": [], "d": {"e": "f\n"}, "n": 18446744073709551615u64}),
        );
        let raw = serde_json::value::RawValue::from_string(r#"{"k": [1, 2.5]}"#.to_owned()).unwrap();
        same(&raw);
        same(&Some(42u16));
        same(&None::<String>);
    }

    #[test]
    fn leaves_other_shapes_to_serde_json() {
        for value in [json!(-1), json!(1.5), json!({"a": [0, -2]})] {
            let mut out = b"[".to_vec();
            write(&mut out, &value).unwrap();
            assert_eq!(out, [b"[".as_slice(), serde_json::to_string(&value).unwrap().as_bytes()].concat());
        }
        let mut out = Vec::new();
        assert!(Value::from(-1).serialize(&mut Writer { out: &mut out }).is_err());
    }
}
