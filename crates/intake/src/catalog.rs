//! What each profile takes, field by field: the list `intake providers` and the
//! npm package's `providers()` print, and the table single-field checks use.

use serde::Serialize;

use crate::rules::country::Alpha;
use crate::rules::text::TextRule;
use crate::Provider;

/// The rule one field follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// Free text.
    Text(TextRule),
    /// An email address.
    Email,
    /// An email address, lower-cased entirely (Authvia).
    EmailLower,
    /// A phone number with its country code, normalized to E.164.
    Phone,
    /// A phone number; a national one is read in the given region.
    PhoneIn(&'static str),
    /// Stax: at least 10 characters, national numbers read in the US.
    StaxPhone,
    /// Atoa's `phoneCountryCode`: a country calling code.
    CallingCode,
    /// Atoa's `phoneNumber`: a national significant number.
    NationalNumber,
    /// Atoa's postcode rule.
    AtoaPostcode,
    /// A GB VAT number.
    GbVat,
    /// An ISO 3166-1 code of this kind.
    Country(Alpha),
    /// An ISO 3166-1 code of either kind.
    CountryAny,
    /// One of these values.
    Enum(&'static [&'static str]),
    /// A UUID.
    Uuid,
    /// A 24-hex object id.
    Hex24,
    /// A card number.
    CardNumber,
    /// A card expiry month.
    ExpiryMonth,
    /// A card expiry year.
    ExpiryYear,
    /// A card CVV.
    Cvv,
    /// A JSON boolean.
    Boolean,
    /// A JSON object.
    Object,
    /// A JSON array of items of the given kind.
    List(&'static Kind),
    /// Authvia's address: an E.164 phone or an email.
    AuthviaAddress,
}

impl Kind {
    /// The kind's name, as `providers()` lists it.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            Kind::Text(_) => "text",
            Kind::Email | Kind::EmailLower => "email",
            Kind::Phone | Kind::PhoneIn(_) | Kind::StaxPhone => "phone",
            Kind::CallingCode => "calling_code",
            Kind::NationalNumber => "national_number",
            Kind::AtoaPostcode => "postcode",
            Kind::GbVat => "gb_vat",
            Kind::Country(Alpha::Two) => "country_alpha2",
            Kind::Country(Alpha::Three) => "country_alpha3",
            Kind::CountryAny => "country",
            Kind::Enum(_) => "enum",
            Kind::Uuid => "uuid",
            Kind::Hex24 => "hex24",
            Kind::CardNumber => "card_number",
            Kind::ExpiryMonth => "expiry_month",
            Kind::ExpiryYear => "expiry_year",
            Kind::Cvv => "cvv",
            Kind::Boolean => "boolean",
            Kind::Object => "object",
            Kind::List(_) => "array",
            Kind::AuthviaAddress => "address",
        }
    }
}

/// One field of a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldInfo {
    /// JSON Pointer of the field, e.g. `/billing_address/city`.
    pub path: &'static str,
    /// Its rule.
    pub kind: Kind,
    /// When it is required: `"yes"`, `"no"`, or a condition such as `"flow 1"`.
    pub required: &'static str,
    /// What it holds.
    pub description: &'static str,
}

impl Serialize for FieldInfo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("path", self.path)?;
        m.serialize_entry("type", self.kind.name())?;
        m.serialize_entry("required", self.required)?;
        m.serialize_entry("description", self.description)?;
        match self.kind {
            Kind::Text(rule) => {
                m.serialize_entry("minLength", &rule.min)?;
                m.serialize_entry("maxLength", &rule.max)?;
            }
            Kind::Enum(values) => m.serialize_entry("values", values)?,
            Kind::List(item) => m.serialize_entry("items", item.name())?,
            _ => {}
        }
        m.end()
    }
}

/// One profile: its provider and fields.
#[derive(Clone, Copy, Debug, Serialize)]
#[non_exhaustive]
pub struct ProfileInfo {
    /// The profile id (`atoa`).
    pub id: &'static str,
    /// The provider's name.
    pub name: &'static str,
    /// The endpoint the payload is sent to.
    pub endpoint: &'static str,
    /// Every documented field.
    pub fields: &'static [FieldInfo],
}

/// A catalog entry; the profile modules list their fields with it.
pub(crate) const fn f(path: &'static str, kind: Kind, required: &'static str, description: &'static str) -> FieldInfo {
    FieldInfo { path, kind, required, description }
}

/// The profile of a provider.
///
/// # Example
/// ```
/// let atoa = intake::catalog::profile(intake::Provider::Atoa);
/// assert_eq!(atoa.fields[0].path, "/fullName");
/// ```
#[must_use]
pub const fn profile(provider: Provider) -> ProfileInfo {
    let p = provider.profile();
    ProfileInfo { id: p.id, name: p.name, endpoint: p.endpoint, fields: p.fields }
}

/// Every profile.
#[must_use]
pub fn providers() -> Vec<ProfileInfo> {
    Provider::ALL.iter().map(|&p| profile(p)).collect()
}

/// The field at `pointer` in a provider's profile. Array indices match any
/// index (`/addresses/3/value` finds `/addresses/0/value`).
#[must_use]
pub fn field(provider: Provider, pointer: &str) -> Option<&'static FieldInfo> {
    let fields = profile(provider).fields;
    fields.iter().find(|f| f.path == pointer).or_else(|| {
        let generic = generic_indices(pointer);
        fields.iter().find(|f| f.path == generic)
    })
}

fn generic_indices(pointer: &str) -> String {
    pointer
        .split('/')
        .map(|seg| if !seg.is_empty() && seg.bytes().all(|c| c.is_ascii_digit()) { "0" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}
