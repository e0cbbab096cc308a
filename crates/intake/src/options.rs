//! What a caller tells a validation: the date, a forced Paydock flow, limits.

use serde::{Deserialize, Serialize};

use crate::{Date, Limits};

/// Options of one validation, built with [`Options::new`] and the `with_`
/// methods (more options may come: the fields are read-only from outside).
///
/// # Example
/// ```
/// use intake::{Flow, Limits, Options};
/// let options = Options::new("2026-11-22".parse().unwrap())
///     .with_flow(Flow::Card)
///     .with_limits(Limits::default().with_max_depth(4));
/// assert_eq!(options.flow, Some(Flow::Card));
/// assert_eq!(options.limits.max_depth, 4);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// "Today", for the rules that need a date (card expiry). Deterministic output
    /// needs it from the caller; [`Options::default`] (the `clock` feature) takes
    /// the system clock, UTC.
    pub today: Date,
    /// A Paydock flow to use instead of detecting one from the record.
    pub flow: Option<Flow>,
    /// Bounds on record size, depth, array and string lengths.
    pub limits: Limits,
}

impl Options {
    /// Options with the given "today", no forced flow and default limits.
    #[must_use]
    pub fn new(today: Date) -> Self {
        Options { today, flow: None, limits: Limits::default() }
    }

    /// The same options with a forced Paydock flow.
    #[must_use]
    pub fn with_flow(mut self, flow: Flow) -> Self {
        self.flow = Some(flow);
        self
    }

    /// The same options with other limits.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}

#[cfg(feature = "clock")]
impl Default for Options {
    /// Today from the system clock (UTC), no forced flow, default limits.
    fn default() -> Self {
        Options::new(Date::today_utc())
    }
}

/// A Paydock customer-creation flow, from Paydock's `required[flow]` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flow {
    /// 1: with a credit card payment source.
    Card = 1,
    /// 2: with a one-time token.
    OneTimeToken = 2,
    /// 3: with a vault token and a gateway id.
    VaultToken = 3,
    /// 4: with a vault token and no gateway id.
    VaultTokenWithoutGateway = 4,
}

impl Flow {
    /// The flow numbered `n` (1 to 4).
    #[must_use]
    pub const fn from_number(n: u64) -> Option<Flow> {
        match n {
            1 => Some(Flow::Card),
            2 => Some(Flow::OneTimeToken),
            3 => Some(Flow::VaultToken),
            4 => Some(Flow::VaultTokenWithoutGateway),
            _ => None,
        }
    }

    /// The flow's number.
    #[must_use]
    pub const fn number(self) -> u8 {
        self as u8
    }
}

impl Serialize for Flow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl<'de> Deserialize<'de> for Flow {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Flow, D::Error> {
        let n = u64::deserialize(d)?;
        Flow::from_number(n).ok_or_else(|| serde::de::Error::custom("flow must be 1, 2, 3 or 4"))
    }
}
