//! Rules that look across the records of one batch: Authvia's repeated `ref`
//! (an error), Juicyway's repeated email (an error, 409) and Stax's repeated
//! email (a warning: Stax creates a second customer).
//!
//! Decision: a later record is flagged whether or not the earlier one is valid,
//! because fixing the earlier one will make the later one collide. Only a 128-bit
//! hash of each distinct key (a `ref`, a lower-cased email) is kept, with the
//! number of the first record that had it: 24 bytes a key, so a million distinct
//! emails cost about 50 MB with the map's free slots, and a collision (two
//! different keys taken for one) is about as likely as 1 in 10^26.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

use serde_json::Value;

use crate::{validate, Diagnostic, Options, Outcome, Payload, Provider, Severity, Valid};

/// The state of a batch being validated record by record, in order.
///
/// # Example
/// ```
/// use serde_json::json;
/// let mut batch = intake::Batch::new(intake::Provider::Authvia);
/// let options = intake::Options::default();
/// let (a, b) = (json!({"ref": "a", "addresses": ["+14155552671"]}), json!({"ref": "a", "addresses": ["+14155552672"]}));
/// let first = batch.check(&a, &options);
/// let second = batch.check(&b, &options);
/// assert!(first.valid);
/// assert!(second.has_error(intake::Code::RefDuplicate));
/// ```
#[derive(Debug)]
pub struct Batch {
    provider: Provider,
    /// Each key's fingerprint, and the number its first record was given (see
    /// [`Batch::apply_numbered`]; 0 when applied without one).
    seen: HashMap<Fingerprint, u64, BuildHasherDefault<Prehashed>>,
}

/// A key's fingerprint in two halves: aligned to 8 bytes, not 16 as a `u128`
/// is, so an entry of the map takes 24 bytes instead of 32 (a million distinct
/// emails are a map of 48 MB, not 64).
#[derive(Debug, PartialEq, Eq)]
struct Fingerprint([u64; 2]);

impl Hash for Fingerprint {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0[1]);
    }
}

/// The hasher of the fingerprint map: a fingerprint is a hash already, so its low
/// 64 bits serve as is (hashing it again with SipHash cost the command line's
/// writing thread more than its output did).
#[derive(Debug, Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is called; any other key is folded in, not dropped.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

impl Batch {
    /// An empty batch for `provider`.
    #[must_use]
    pub fn new(provider: Provider) -> Self {
        Batch { provider, seen: HashMap::default() }
    }

    /// Makes room for `additional` more distinct keys, for a caller that knows
    /// about how many records the batch holds: the map then does not grow (and
    /// copy itself) as they come. Does nothing for a provider without batch rules.
    ///
    /// # Example
    /// ```
    /// use serde_json::json;
    /// let mut batch = intake::Batch::new(intake::Provider::Stax);
    /// batch.reserve(100_000);
    /// let record = json!({"company": "Acme", "email": "ops@acme.test"});
    /// let options = intake::Options::default();
    /// assert!(!batch.check(&record, &options).has_warning(intake::Code::EmailDuplicate));
    /// assert!(batch.check(&record, &options).has_warning(intake::Code::EmailDuplicate));
    /// ```
    pub fn reserve(&mut self, additional: usize) {
        if self.provider.profile().batch.is_some() {
            self.seen.reserve(additional);
        }
    }

    /// Whether a repeat these rules find leaves its record valid: Stax's
    /// repeated email is a warning, Authvia's `ref` and Juicyway's email are
    /// errors (which drop the payload). A caller that renders a record before
    /// applying the rules needs its payload again only then.
    ///
    /// # Example
    /// ```
    /// assert!(intake::Batch::new(intake::Provider::Stax).keeps_valid());
    /// assert!(!intake::Batch::new(intake::Provider::Juicyway).keeps_valid());
    /// assert!(!intake::Batch::new(intake::Provider::Atoa).keeps_valid()); // no batch rule
    /// ```
    #[must_use]
    pub fn keeps_valid(&self) -> bool {
        self.provider.profile().batch.is_some_and(|rule| rule.severity == Severity::Warning)
    }

    /// Validates the next record and applies the batch rules to it.
    pub fn check<'a>(&mut self, record: &'a Value, options: &Options) -> Outcome<Valid<Payload<'a>>> {
        let mut outcome = validate(self.provider, record, options);
        self.apply(&mut outcome);
        outcome
    }

    /// Applies the batch rules to the outcome of the next record, in input order.
    /// (Records may be validated in parallel; this step must see them in order.)
    pub fn apply<T>(&mut self, outcome: &mut Outcome<T>) {
        self.apply_at(outcome, None);
    }

    /// As [`Batch::apply`], for a caller that numbers its records (a spreadsheet's
    /// rows, a file's lines): a repeated key's message names the first record that
    /// had it, as `{unit} {number}`, so the person fixing it can find both.
    ///
    /// # Example
    /// ```
    /// use serde_json::json;
    /// let options = intake::Options::default();
    /// let mut batch = intake::Batch::new(intake::Provider::Stax);
    /// let record = json!({"email": "a@example.com"});
    /// for row in [2, 3] {
    ///     let mut outcome = intake::validate(intake::Provider::Stax, &record, &options);
    ///     batch.apply_numbered(&mut outcome, row, "row");
    ///     if row == 3 {
    ///         assert!(outcome.warnings[0].message.starts_with("repeats the email of row 2;"));
    ///     }
    /// }
    /// ```
    pub fn apply_numbered<T>(&mut self, outcome: &mut Outcome<T>, number: u64, unit: &'static str) {
        self.apply_at(outcome, Some((number, unit)));
    }

    fn apply_at<T>(&mut self, outcome: &mut Outcome<T>, here: Option<(u64, &'static str)>) {
        let Some(key) = outcome.batch_key.take() else { return };
        let key = Fingerprint([(key >> 64) as u64, key as u64]);
        let first = match self.seen.entry(key) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(here.map_or(0, |(n, _)| n));
                return;
            }
            std::collections::hash_map::Entry::Occupied(o) => *o.get(),
        };
        let profile = self.provider.profile();
        let Some(rule) = profile.batch else { return };
        let message = rule.message;
        let message = match here {
            // The earlier record's number is the caller's, never the input's value.
            Some((_, unit)) => message.replacen("an earlier record", &format!("{unit} {first}"), 1).into(),
            None => message.into(),
        };
        let diagnostic = Diagnostic { path: rule.path.to_owned(), code: rule.code, message, severity: rule.severity };
        if rule.severity == Severity::Warning {
            outcome.warnings.push(diagnostic);
            return;
        }
        outcome.errors.push(diagnostic);
        outcome.valid = false;
        outcome.normalized = None;
        outcome.status = Some((profile.status)(&outcome.errors));
    }
}

/// Validates records as one batch, in order.
///
/// # Example
/// ```
/// use serde_json::json;
/// let records = [
///     json!({"company": "Acme", "email": "ops@acme.test"}),
///     json!({"company": "Acme 2", "email": "OPS@acme.test"}),
/// ];
/// let outcomes = intake::validate_batch(intake::Provider::Stax, &records, &intake::Options::default());
/// assert!(outcomes[1].valid);
/// assert!(outcomes[1].has_warning(intake::Code::EmailDuplicate));
/// ```
#[must_use]
pub fn validate_batch<'a>(
    provider: Provider,
    records: &'a [Value],
    options: &Options,
) -> Vec<Outcome<Valid<Payload<'a>>>> {
    let mut batch = Batch::new(provider);
    records.iter().map(|r| batch.check(r, options)).collect()
}

/// A key's 128-bit fingerprint, `lower` folding case: two SipHash runs with
/// distinct prefixes, the same on every platform and every run
/// (DefaultHasher::new uses fixed keys). Nothing is allocated.
pub(crate) fn fingerprint(key: &str, lower: bool) -> u128 {
    // An ASCII key (every email intake accepts) is folded on the stack and
    // hashed in one write; others fold character by character.
    let mut buf = [0u8; 256];
    let ascii = lower && key.is_ascii() && key.len() <= buf.len();
    if ascii {
        buf[..key.len()].copy_from_slice(key.as_bytes());
        buf[..key.len()].make_ascii_lowercase();
    }
    let half = |salt: u8| {
        let mut h = DefaultHasher::new();
        salt.hash(&mut h);
        if ascii {
            h.write(&buf[..key.len()]);
        } else if lower {
            key.chars().flat_map(char::to_lowercase).for_each(|c| c.hash(&mut h));
        } else {
            h.write(key.as_bytes());
        }
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}
