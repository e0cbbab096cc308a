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
    /// Every provider, in the order of SPEC.md.
    pub const ALL: [Provider; 5] =
        [Provider::Atoa, Provider::Paydock, Provider::Authvia, Provider::Stax, Provider::Juicyway];

    /// The profile id used on the command line and in the npm package.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Provider::Atoa => "atoa",
            Provider::Paydock => "paydock",
            Provider::Authvia => "authvia",
            Provider::Stax => "stax",
            Provider::Juicyway => "juicyway",
        }
    }

    /// The provider's name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Provider::Atoa => "Atoa",
            Provider::Paydock => "Paydock (CommBank PowerBoard)",
            Provider::Authvia => "Authvia",
            Provider::Stax => "Stax Payments",
            Provider::Juicyway => "Juicyway Wallet-as-a-Service",
        }
    }

    /// The endpoint the normalized payload is sent to.
    #[must_use]
    pub const fn endpoint(self) -> &'static str {
        match self {
            Provider::Atoa => "POST /api/customers",
            Provider::Paydock => "POST /v1/customers",
            Provider::Authvia => "POST /v3/accounts/{AVID}/customers",
            Provider::Stax => "POST /customer",
            Provider::Juicyway => "POST /customers",
        }
    }
}

/// The error of parsing a provider id that is not one of the five.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownProvider;

impl fmt::Display for UnknownProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown provider; expected one of: atoa, paydock, authvia, stax, juicyway")
    }
}

impl std::error::Error for UnknownProvider {}

impl FromStr for Provider {
    type Err = UnknownProvider;

    fn from_str(s: &str) -> Result<Self, UnknownProvider> {
        Provider::ALL.into_iter().find(|p| p.id().eq_ignore_ascii_case(s.trim())).ok_or(UnknownProvider)
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
