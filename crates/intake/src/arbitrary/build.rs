//! Assembling a record: members set at JSON Pointer paths, unknown members and
//! near-miss names added, the catalog's fields filled in by class.

use ::arbitrary::{Result, Unstructured};
use serde_json::{Map, Value};

use super::value::{field_value, mutate, one_in, pick, Class};
use crate::catalog::{self, FieldInfo, Kind};
use crate::Provider;

/// A record under construction.
pub(crate) struct Builder {
    pub map: Map<String, Value>,
    /// How many of the fields, in quarters, take any class rather than a
    /// valid value or none: 0 makes clean records (the deep paths, and the
    /// payload's properties, need every field right), 4 makes every field a
    /// free choice.
    mess: u8,
}

impl Builder {
    /// A record of a level of mess the bytes pick (0, clean, once they run out).
    pub fn new(u: &mut Unstructured<'_>) -> Result<Self> {
        let mess = match u.int_in_range(0u8..=9)? {
            0..=3 => 0,
            4 | 5 => 1,
            6 | 7 => 2,
            8 => 3,
            _ => 4,
        };
        Ok(Builder { map: Map::new(), mess })
    }

    /// The class of the next optional value: any class for a share of the
    /// fields, as messy as the record is; otherwise valid, or absent one time in four.
    pub fn class(&self, u: &mut Unstructured<'_>) -> Result<Class> {
        if self.mess > 0 && u.int_in_range(1u8..=4)? <= self.mess {
            return u.arbitrary();
        }
        Ok(if one_in(u, 4)? { Class::Absent } else { Class::Valid })
    }

    /// The class of the next required value: as [`Builder::class`], but never
    /// absent unless the bytes chose any class.
    pub fn required_class(&self, u: &mut Unstructured<'_>) -> Result<Class> {
        if self.mess > 0 && u.int_in_range(1u8..=4)? <= self.mess {
            return u.arbitrary();
        }
        Ok(Class::Valid)
    }

    /// Sets the member at a pointer of plain keys (`/payment_source/type`),
    /// making the objects on the way; a non-object on the way is left alone.
    pub fn set(&mut self, path: &str, value: Option<Value>) {
        let Some(value) = value else { return };
        let keys: Vec<&str> = path.split('/').skip(1).collect();
        let Some((last, parents)) = keys.split_last() else { return };
        let mut at = &mut self.map;
        for key in parents {
            let slot = at.entry((*key).to_owned()).or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(next) = slot else { return };
            at = next;
        }
        at.insert((*last).to_owned(), value);
    }

    /// Fills every catalog field of `provider` whose path `keep` accepts, each
    /// of a class the bytes pick (absent more often when `optional` says so).
    pub fn catalog_fields(
        &mut self,
        u: &mut Unstructured<'_>,
        provider: Provider,
        keep: impl Fn(&FieldInfo) -> bool,
    ) -> Result<()> {
        for info in catalog::profile(provider).fields {
            // Objects and array items are built by the profiles themselves.
            if matches!(info.kind, Kind::Object) || info.path.contains("/0/") || !keep(info) {
                continue;
            }
            let class = if info.required == "yes" { self.required_class(u)? } else { self.class(u)? };
            let value = field_value(u, &info.kind, class)?;
            self.set(info.path, value);
        }
        Ok(())
    }

    /// Sometimes adds a member no profile documents, or one whose name is a
    /// near miss of a documented one (case, an edit), to reach `field.unknown`.
    pub fn unknown_members(&mut self, u: &mut Unstructured<'_>, provider: Provider) -> Result<()> {
        if !one_in(u, 8)? {
            return Ok(());
        }
        let fields = catalog::profile(provider).fields;
        let name = match fields.get(u.choose_index(fields.len().max(1))?) {
            Some(info) if u.arbitrary()? => {
                let key = info.path.rsplit('/').next().unwrap_or_default();
                mutate(u, key)?
            }
            _ => (*u.choose(&["nickname", "PHONE", "", "~1", "fullname", "e-mail"])?).to_owned(),
        };
        let class = self.class(u)?;
        let value = field_value(u, &Kind::Email, class)?.unwrap_or(Value::Null);
        self.map.insert(name, value);
        Ok(())
    }

    /// Starts again from a fixture's valid record, with up to two of the
    /// generated members laid over it: a record one or two changes away from
    /// one a person wrote down.
    pub fn over_template(&mut self, u: &mut Unstructured<'_>, templates: &'static [&'static str]) -> Result<()> {
        let Value::Object(mut record) = pick(u, templates)? else { return Ok(()) };
        for _ in 0..u.int_in_range(0u8..=2)? {
            if self.map.is_empty() {
                break;
            }
            let at = u.choose_index(self.map.len())?;
            if let Some((key, value)) = self.map.iter().nth(at) {
                record.insert(key.clone(), value.clone());
            }
        }
        self.map = record;
        Ok(())
    }

    /// The record; now and then not an object at all.
    pub fn finish(self, u: &mut Unstructured<'_>) -> Result<Value> {
        Ok(if one_in(u, 64)? {
            match u.int_in_range(0u8..=2)? {
                0 => Value::Array(vec![Value::Object(self.map)]),
                1 => Value::Null,
                _ => Value::String("{}".to_owned()),
            }
        } else {
            Value::Object(self.map)
        })
    }
}
