//! One module per provider, each reading like its provider's document: its
//! fields (the catalog, written once), their rules, its cross-field rules, its
//! statuses, its batch rule and its payload. Each module ends in one
//! `PROFILE` value, which `Provider::profile` (crate-private) registers.

/// A profile module's two public entry points over its `check_node`: `check`
/// (a `serde_json::Value`, documented by the doc comment given) and
/// `check_json` (JSON text, read straight into the profile).
macro_rules! entry_points {
    ($(#[$doc:meta])*) => {
        $(#[$doc])*
        #[must_use]
        pub fn check<'a>(record: &'a serde_json::Value, options: &Options) -> Outcome<Valid<Customer<'a>>> {
            check_node(&Node::from_value(record), Measured::Unknown, options)
        }

        /// Checks one record given as JSON text (see [`crate::validate_json`]).
        #[must_use]
        pub fn check_json<'a>(bytes: &'a [u8], options: &Options) -> Outcome<Valid<Customer<'a>>> {
            crate::profiles::from_bytes(bytes, options, check_node)
        }
    };
}

/// `IntoOwned` for a payload type: the fields named first are converted (text,
/// lists and nested payloads), those after `;` moved as they are.
macro_rules! into_owned {
    ($ty:ident { $($own:ident),* $(,)? ; $($keep:ident),* $(,)? }) => {
        impl crate::IntoOwned for $ty<'_> {
            type Owned = $ty<'static>;

            fn into_owned(self) -> $ty<'static> {
                $ty { $($own: crate::profiles::Own::own(self.$own),)* $($keep: self.$keep,)* }
            }
        }

        impl crate::profiles::Own for $ty<'_> {
            type Owned = $ty<'static>;

            fn own(self) -> $ty<'static> {
                crate::IntoOwned::into_owned(self)
            }

            fn is_borrowed(&self) -> bool {
                true $(&& crate::profiles::Own::is_borrowed(&self.$own))*
            }
        }
    };
}

pub mod atoa;
pub mod authvia;
pub mod juicyway;
pub mod paydock;
pub mod stax;

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use crate::catalog::FieldInfo;
use crate::limits::Measured;
use crate::node::{Node, Object};
use crate::{Code, Diagnostic, Fault, IntoOwned, Loc, Options, Outcome, Provider, Report, Severity, Valid};

/// The payload of any profile, as [`validate`](crate::validate) gives it;
/// serializes as the provider's request body.
///
/// # Example
/// ```
/// use serde_json::json;
/// let record = json!({"fullName": "Ada", "email": "ada@example.com"});
/// let outcome = intake::validate(intake::Provider::Atoa, &record, &intake::Options::default());
/// let payload = outcome.into_result().unwrap();
/// let intake::Payload::Atoa(customer) = payload.into_inner() else { unreachable!() };
/// assert_eq!(customer.full_name, "Ada");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Payload<'a> {
    /// An Atoa customer.
    Atoa(atoa::Customer<'a>),
    /// A Paydock customer.
    Paydock(paydock::Customer<'a>),
    /// An Authvia customer.
    Authvia(authvia::Customer<'a>),
    /// A Stax customer.
    Stax(stax::Customer<'a>),
    /// A Juicyway customer.
    Juicyway(juicyway::Customer<'a>),
}

impl Payload<'_> {
    /// The payload as a `serde_json::Value` (whose objects are ordered as the
    /// application's serde_json features say; [`Outcome::to_json`] keeps the
    /// provider's order).
    #[must_use]
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Whether all its text is borrowed from the record (see [`Own::is_borrowed`]).
    #[cfg_attr(not(feature = "phone"), allow(dead_code))] // The invariants need `phone`.
    pub(crate) fn is_borrowed(&self) -> bool {
        match self {
            Payload::Atoa(c) => c.is_borrowed(),
            Payload::Paydock(c) => c.is_borrowed(),
            Payload::Authvia(c) => c.is_borrowed(),
            Payload::Stax(c) => c.is_borrowed(),
            Payload::Juicyway(c) => c.is_borrowed(),
        }
    }
}

impl IntoOwned for Payload<'_> {
    type Owned = Payload<'static>;

    fn into_owned(self) -> Payload<'static> {
        match self {
            Payload::Atoa(c) => Payload::Atoa(c.into_owned()),
            Payload::Paydock(c) => Payload::Paydock(c.into_owned()),
            Payload::Authvia(c) => Payload::Authvia(c.into_owned()),
            Payload::Stax(c) => Payload::Stax(c.into_owned()),
            Payload::Juicyway(c) => Payload::Juicyway(c.into_owned()),
        }
    }
}

/// [`IntoOwned`] for the parts of a payload, so that `into_owned!` can name
/// every converted field alike: its text, its lists, its nested payloads.
pub(crate) trait Own {
    type Owned;
    fn own(self) -> Self::Owned;
    /// Whether all its text is borrowed (for the invariants: a payload that
    /// needs no change copies nothing).
    #[cfg_attr(not(feature = "phone"), allow(dead_code))]
    fn is_borrowed(&self) -> bool;
}

impl Own for Cow<'_, str> {
    type Owned = Cow<'static, str>;

    fn own(self) -> Cow<'static, str> {
        Cow::Owned(self.into_owned())
    }

    fn is_borrowed(&self) -> bool {
        matches!(self, Cow::Borrowed(_))
    }
}

impl<T: Own> Own for Option<T> {
    type Owned = Option<T::Owned>;

    fn own(self) -> Option<T::Owned> {
        self.map(Own::own)
    }

    fn is_borrowed(&self) -> bool {
        self.as_ref().is_none_or(Own::is_borrowed)
    }
}

impl<T: Own> Own for Vec<T> {
    type Owned = Vec<T::Owned>;

    fn own(self) -> Vec<T::Owned> {
        self.into_iter().map(Own::own).collect()
    }

    fn is_borrowed(&self) -> bool {
        self.iter().all(Own::is_borrowed)
    }
}

/// What a provider's module registers: its names, its catalog, how to check a
/// record, its statuses and its batch rule.
#[derive(Clone, Copy)]
pub(crate) struct Profile {
    pub id: &'static str,
    pub name: &'static str,
    pub endpoint: &'static str,
    pub fields: &'static [FieldInfo],
    /// Checks a record; `Measured` says whether reading it showed it within the limits.
    pub check: for<'a> fn(&Node<'a>, Measured, &Options) -> Outcome<Valid<Payload<'a>>>,
    /// The status of an invalid record, from its errors.
    pub status: fn(&[Diagnostic]) -> u16,
    pub batch: Option<BatchRule>,
}

/// A rule across the records of one batch: a repeated key is reported at `path`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BatchRule {
    pub path: &'static str,
    pub code: Code,
    pub message: &'static str,
    pub severity: Severity,
}

/// What a profile's body hands back: the payload (used only when no error was
/// reported) and the key its batch rule compares.
pub(crate) struct Body<T> {
    pub customer: Option<T>,
    pub batch_key: Option<u128>,
}

/// Runs a profile body on a record: limits first, then the object check, then the
/// body; the status comes from the profile's own table.
pub(crate) fn run<'a, T>(
    record: &Node<'a>,
    measured: Measured,
    options: &Options,
    status: fn(&[Diagnostic]) -> u16,
    body: impl FnOnce(&Object<'a>, &mut Report) -> Body<T>,
) -> Outcome<Valid<T>> {
    let mut report = Report::default();
    let mut out = Body { customer: None, batch_key: None };
    if options.limits.check(record, measured, &mut report) {
        match record {
            Node::Object(map) => out = body(map, &mut report),
            _ => report.error(&Loc::ROOT, Fault::new(Code::RecordNotObject, "the record must be a JSON object")),
        }
    }
    let status = if report.is_clean() { 400 } else { status(&report.errors) };
    Outcome::from_parts(out.customer.map(Valid::new), status, report.errors, report.warnings, out.batch_key)
}

/// Reads a record's JSON text and runs `check` on it; unreadable text is an
/// invalid record (status 400).
pub(crate) fn from_bytes<'a, T>(
    bytes: &'a [u8],
    options: &Options,
    check: impl FnOnce(&Node<'a>, Measured, &Options) -> Outcome<T>,
) -> Outcome<T> {
    match crate::read_node(bytes, &options.limits) {
        Ok((node, measured)) => check(&node, measured, options),
        Err(fault) => Outcome::unreadable(fault),
    }
}

/// The status of every profile that documents one status for every invalid record.
pub(crate) fn bad_request(_: &[Diagnostic]) -> u16 {
    400
}

impl Provider {
    /// The one place a provider's module is registered.
    pub(crate) const fn profile(self) -> &'static Profile {
        match self {
            Provider::Atoa => &atoa::PROFILE,
            Provider::Paydock => &paydock::PROFILE,
            Provider::Authvia => &authvia::PROFILE,
            Provider::Stax => &stax::PROFILE,
            Provider::Juicyway => &juicyway::PROFILE,
        }
    }
}
