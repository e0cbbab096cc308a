//! One module per field rule, each with the same small shape: parse a `&str`
//! into a normalized value (with any warnings) or a coded [`Fault`](crate::Fault).
//!
//! Rules know nothing of records or paths; the profiles place their faults.

pub mod card;
pub mod country;
pub mod email;
pub mod enumeration;
pub mod id;
pub mod phone;
pub mod postcode;
pub mod scalar;
pub mod text;
pub mod vat;
