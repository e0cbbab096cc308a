//! The five providers intake has profiles for.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A payment provider whose "create customer" request intake checks.
///
/// # Example
/// ```
/// let p: intake::Provider = "juicyway".parse().unwrap();
/// assert_eq!(p.id(), "juicyway");
/// assert!("acme".parse::<intake::Provider>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Provider {
    /// Atoa (UK open banking), `POST /api/customers`.
    Atoa,
    /// Paydock (CommBank PowerBoard), `POST /v1/customers`.
    Paydock,
    /// Authvia, `POST /v3/accounts/{AVID}/customers`.
    Authvia,
    /// Stax Payments (formerly Fattmerchant), `POST /customer`.
    Stax,
    /// Juicyway Wallet-as-a-Service, `POST /customers`.
    Juicyway,
}

impl Provider {
    /// Every provider, in intake's documentation order (more may come: a slice, not an array).
    pub const ALL: &'static [Provider] =
        &[Provider::Atoa, Provider::Paydock, Provider::Authvia, Provider::Stax, Provider::Juicyway];

    /// The profile id used on the command line and in the npm package.
    #[must_use]
    pub const fn id(self) -> &'static str {
        self.profile().id
    }

    /// The provider's name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.profile().name
    }

    /// The endpoint the normalized payload is sent to.
    #[must_use]
    pub const fn endpoint(self) -> &'static str {
        self.profile().endpoint
    }
}

/// The error of parsing a provider id that is not one of the five.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider; expected one of: atoa, paydock, authvia, stax, juicyway")]
pub struct UnknownProvider;

impl FromStr for Provider {
    type Err = UnknownProvider;

    fn from_str(s: &str) -> Result<Self, UnknownProvider> {
        Provider::ALL.iter().copied().find(|p| p.id().eq_ignore_ascii_case(s.trim())).ok_or(UnknownProvider)
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
