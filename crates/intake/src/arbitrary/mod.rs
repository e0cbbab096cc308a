//! Structure-aware generators for fuzzing intake and the services built on it
//! (the `arbitrary` feature).
//!
//! A fuzzer that mutates JSON text breaks the syntax far more often than it
//! reaches a profile's deep rules. These generators spend the fuzzer's bytes on
//! choices instead: which fields, which Paydock flow, and for each value a
//! [`Class`] (valid example, boundary length, wrong JSON type, Unicode edge,
//! near miss, absent, `null`, blank, raw bytes). Valid examples come from the
//! project's fixtures (a curated set compiled in) and from the phone tables'
//! example numbers ([`crate::rules::phone::example_number`]). Once the bytes run
//! out every choice is the first one, so a short input gives a valid record.
//!
//! Card expiries meant to be valid are in 2027 to 2045: valid for a "today"
//! between December 2026 and 2045.
//!
//! # Example: fuzzing a handler on stable, without libFuzzer
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use intake::arbitrary::StaxRecord;
//!
//! let options = intake::Options::new("2026-11-22".parse().unwrap());
//! let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
//! let mut u = Unstructured::new(&bytes);
//! while let Ok(record) = StaxRecord::arbitrary(&mut u) {
//!     let outcome = intake::validate(intake::Provider::Stax, record.value(), &options);
//!     assert_eq!(outcome.valid, outcome.errors.is_empty());
//!     if u.is_empty() {
//!         break;
//!     }
//! }
//! ```

mod build;
mod examples;
mod phones;
mod profiles;
mod value;

use ::arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::Value;

pub use phones::REGIONS;
use value::one_in;
pub use value::{field_value, Class};

use crate::catalog::{self, FieldInfo};
use crate::Provider;

macro_rules! record_type {
    ($(#[$doc:meta])* $name:ident, $provider:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name(Value);

        impl $name {
            /// The provider whose records this type generates.
            pub const PROVIDER: Provider = $provider;

            /// The record.
            #[must_use]
            pub fn value(&self) -> &Value {
                &self.0
            }

            /// The record, owned.
            #[must_use]
            pub fn into_value(self) -> Value {
                self.0
            }

            /// The record's JSON text, as a client would send it.
            #[must_use]
            pub fn to_json(&self) -> String {
                self.0.to_string()
            }
        }

        impl<'a> Arbitrary<'a> for $name {
            fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
                profiles::record(u, $provider).map($name)
            }
        }
    };
}

record_type!(
    /// An Atoa record: the phone as two fields, a whole number to split, or one
    /// without the other; type, postcode, VAT number by class.
    ///
    /// # Example
    /// ```
    /// use arbitrary::{Arbitrary, Unstructured};
    /// let record = intake::arbitrary::AtoaRecord::arbitrary(&mut Unstructured::new(&[7; 64])).unwrap();
    /// assert!(record.to_json().starts_with('{'));
    /// ```
    AtoaRecord,
    Provider::Atoa
);
record_type!(
    /// A Paydock record in one of the four flows (or a mix, or none).
    PaydockRecord,
    Provider::Paydock
);
record_type!(
    /// An Authvia record: a `ref` and a list of addresses, repeats included.
    AuthviaRecord,
    Provider::Authvia
);
record_type!(
    /// A Stax record, with typed custom fields under `options`.
    StaxRecord,
    Provider::Stax
);
record_type!(
    /// A Juicyway record, its phone sometimes national to its billing country.
    JuicywayRecord,
    Provider::Juicyway
);

/// A record for any profile: the provider is the first choice.
///
/// # Example
/// ```
/// use arbitrary::{Arbitrary, Unstructured};
/// let any = intake::arbitrary::AnyRecord::arbitrary(&mut Unstructured::new(&[3, 1, 4, 1, 5])).unwrap();
/// let _ = intake::validate(any.provider, &any.record, &intake::Options::default());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct AnyRecord {
    /// The profile the record is for.
    pub provider: Provider,
    /// The record.
    pub record: Value,
}

impl<'a> Arbitrary<'a> for AnyRecord {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let provider = *u.choose(&Provider::ALL)?;
        Ok(AnyRecord { provider, record: profiles::record(u, provider)? })
    }
}

/// A batch of records for one profile, in which later records often repeat an
/// earlier one's batch key (Authvia's `ref`, Stax's and Juicyway's email,
/// sometimes in other case), to reach the batch rules.
///
/// # Example
/// ```
/// use arbitrary::{Arbitrary, Unstructured};
/// let batch = intake::arbitrary::RecordBatch::arbitrary(&mut Unstructured::new(&[2, 3, 0, 0])).unwrap();
/// let outcomes = intake::validate_batch(batch.provider, &batch.records, &intake::Options::default());
/// assert_eq!(outcomes.len(), batch.records.len());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RecordBatch {
    /// The profile of every record.
    pub provider: Provider,
    /// The records, in order (1 to 6).
    pub records: Vec<Value>,
}

impl<'a> Arbitrary<'a> for RecordBatch {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let provider = *u.choose(&Provider::ALL)?;
        let n = u.int_in_range(1usize..=6)?;
        let mut records: Vec<Value> = Vec::with_capacity(n);
        for _ in 0..n {
            let mut record = profiles::record(u, provider)?;
            if !records.is_empty() && one_in(u, 2)? {
                let earlier = &records[u.choose_index(records.len())?];
                for key in ["ref", "email"] {
                    if let (Some(v), Some(obj)) = (earlier.get(key).cloned(), record.as_object_mut()) {
                        let v = match v {
                            Value::String(s) if u.arbitrary()? => Value::String(s.to_uppercase()),
                            other => other,
                        };
                        obj.insert(key.to_owned(), v);
                    }
                }
            }
            records.push(record);
        }
        Ok(RecordBatch { provider, records })
    }
}

/// One field of one profile and a value for it, by class: what a form sends
/// to a single-field check.
///
/// # Example
/// ```
/// use arbitrary::{Arbitrary, Unstructured};
/// use intake::field::{check_field, FieldOptions};
/// let sample = intake::arbitrary::FieldSample::arbitrary(&mut Unstructured::new(&[0, 5, 0])).unwrap();
/// let options = FieldOptions { partial: false, today: "2026-11-22".parse().unwrap(), region: None, record: None };
/// assert!(check_field(sample.provider, sample.field.path, &sample.value, &options).is_ok());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FieldSample {
    /// The profile.
    pub provider: Provider,
    /// The field, from the profile's catalog.
    pub field: &'static FieldInfo,
    /// The class of the value.
    pub class: Class,
    /// The value (`null` when the class is [`Class::Absent`]).
    pub value: Value,
}

impl<'a> Arbitrary<'a> for FieldSample {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let provider = *u.choose(&Provider::ALL)?;
        let fields = catalog::profile(provider).fields;
        let field = u.choose(fields)?;
        let class = u.arbitrary()?;
        let value = field_value(u, &field.kind, class)?.unwrap_or(Value::Null);
        Ok(FieldSample { provider, field, class, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With no bytes every choice is the first one: a valid value, so each
    /// profile's generator must give a valid record (except where the first
    /// choice leaves out what a profile requires).
    #[test]
    fn exhausted_bytes_give_valid_records() {
        let options = crate::Options::new(crate::Date::new(2026, 11, 22).unwrap_or(crate::Date::from_unix_days(0)));
        for provider in Provider::ALL {
            let record = profiles::record(&mut Unstructured::new(&[]), provider).unwrap();
            let outcome = crate::validate(provider, &record, &options);
            assert!(outcome.valid, "{provider}: {:?}", outcome.errors.iter().map(|e| e.code).collect::<Vec<_>>());
        }
    }
}
