//! Rules that look across the records of one batch: Authvia's repeated `ref`
//! (an error), Juicyway's repeated email (an error, 409) and Stax's repeated
//! email (a warning: Stax creates a second customer).
//!
//! Decision: a later record is flagged whether or not the earlier one is valid,
//! because fixing the earlier one will make the later one collide. Only a 128-bit
//! hash of each distinct key (a `ref`, a lower-cased email) is kept: 16 bytes a key,
//! so a million distinct emails cost about 32 MB with the set's overhead, and a
//! collision (two different keys taken for one) is about as likely as 1 in 10^26.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde_json::Value;

use crate::{validate, Code, Diagnostic, Options, Outcome, Provider, Severity};

/// The state of a batch being validated record by record, in order.
///
/// # Example
/// ```
/// use serde_json::json;
/// let mut batch = intake::Batch::new(intake::Provider::Authvia);
/// let options = intake::Options::default();
/// let first = batch.check(&json!({"ref": "a", "addresses": ["+14155552671"]}), &options);
/// let second = batch.check(&json!({"ref": "a", "addresses": ["+14155552672"]}), &options);
/// assert!(first.valid);
/// assert!(second.has_error(intake::Code::RefDuplicate));
/// ```
#[derive(Debug)]
pub struct Batch {
    provider: Provider,
    seen: HashSet<u128>,
}

impl Batch {
    /// An empty batch for `provider`.
    #[must_use]
    pub fn new(provider: Provider) -> Self {
        Batch { provider, seen: HashSet::new() }
    }

    /// Validates the next record and applies the batch rules to it.
    pub fn check(&mut self, record: &Value, options: &Options) -> Outcome {
        let mut outcome = validate(self.provider, record, options);
        self.apply(&mut outcome);
        outcome
    }

    /// Applies the batch rules to the outcome of the next record, in input order.
    /// (Records may be validated in parallel; this step must see them in order.)
    pub fn apply(&mut self, outcome: &mut Outcome) {
        let Some(key) = outcome.batch_key.take() else { return };
        let fresh = self.seen.insert(fingerprint(&key));
        if fresh {
            return;
        }
        let (path, code, message, severity) = match self.provider {
            Provider::Authvia => (
                "/ref",
                Code::RefDuplicate,
                "repeats the ref of an earlier record; refs are unique per account",
                Severity::Error,
            ),
            Provider::Juicyway => (
                "/email",
                Code::EmailDuplicate,
                "repeats the email of an earlier record; the customer already exists",
                Severity::Error,
            ),
            Provider::Stax => (
                "/email",
                Code::EmailDuplicate,
                "repeats the email of an earlier record; Stax will create a second customer, not merge them",
                Severity::Warning,
            ),
            Provider::Atoa | Provider::Paydock => return,
        };
        let diagnostic = Diagnostic { path: path.to_owned(), code, message: message.into(), severity };
        if severity == Severity::Warning {
            outcome.warnings.push(diagnostic);
            return;
        }
        outcome.errors.push(diagnostic);
        outcome.valid = false;
        outcome.normalized = None;
        outcome.status = Some(match self.provider {
            Provider::Juicyway => crate::profiles::juicyway::status(&outcome.errors),
            Provider::Authvia => crate::profiles::authvia::status(&outcome.errors),
            _ => 400,
        });
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
pub fn validate_batch(provider: Provider, records: &[Value], options: &Options) -> Vec<Outcome> {
    let mut batch = Batch::new(provider);
    records.iter().map(|r| batch.check(r, options)).collect()
}

/// Two SipHash runs with distinct prefixes: a 128-bit fingerprint, the same on
/// every platform and every run (DefaultHasher::new uses fixed keys).
fn fingerprint(key: &str) -> u128 {
    let half = |salt: u8| {
        let mut h = DefaultHasher::new();
        salt.hash(&mut h);
        key.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}
