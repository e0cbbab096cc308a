//! What each profile takes, field by field: the list `intake providers` and the
//! npm package's `providers()` print, and the table single-field checks use.

use serde::Serialize;

use crate::profiles::{atoa, juicyway, paydock, stax};
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

const fn f(path: &'static str, kind: Kind, required: &'static str, description: &'static str) -> FieldInfo {
    FieldInfo { path, kind, required, description }
}

const ATOA: &[FieldInfo] = &[
    f("/fullName", Kind::Text(atoa::FULL_NAME), "yes", "Customer's full name, 2 to 30 characters"),
    f("/email", Kind::Email, "email or phone", "Email address"),
    f("/type", Kind::Enum(&["INDIVIDUAL", "BUSINESS"]), "no (default INDIVIDUAL)", "Customer type"),
    f("/phoneCountryCode", Kind::CallingCode, "with phoneNumber", "Country calling code, digits only"),
    f("/phoneNumber", Kind::NationalNumber, "email or phone", "National number without country code, digits only"),
    f("/address", Kind::Text(atoa::ADDRESS), "no", "Address, at most 100 characters"),
    f("/city", Kind::Text(atoa::CITY), "no", "City, at most 30 characters"),
    f("/postcode", Kind::AtoaPostcode, "no", "Postcode, 4 to 8 letters, digits and spaces"),
    f("/vatNumber", Kind::GbVat, "no", "GB VAT number (business customers)"),
];

const PAYDOCK: &[FieldInfo] = &[
    f("/token", Kind::Uuid, "flow 2", "One-time token with the payment source information"),
    f("/reference", Kind::Text(paydock::TEXT), "no", "Reference for the customer in payment systems"),
    f("/description", Kind::Text(paydock::DESCRIPTION), "no", "Internal description"),
    f("/company_name", Kind::Text(paydock::TEXT), "no", "Company name"),
    f("/first_name", Kind::Text(paydock::NAME), "no", "First name"),
    f("/last_name", Kind::Text(paydock::NAME), "no", "Last name"),
    f("/email", Kind::Email, "no", "Email"),
    f("/phone", Kind::Phone, "no", "Phone in E.164"),
    f("/default_source", Kind::Hex24, "no", "Payment source used by default (24 hex)"),
    f("/payment_source", Kind::Object, "flows 1, 3, 4", "Payment information"),
    f("/payment_source/gateway_id", Kind::Hex24, "flows 1, 3", "Gateway id (24 hex); not in flow 4"),
    f("/payment_source/vault_token", Kind::Uuid, "flows 3, 4", "Vault token"),
    f("/payment_source/type", Kind::Enum(paydock::SOURCE_TYPES), "flows 1, 3, 4", "Payment type: card in flow 1"),
    f("/payment_source/card_name", Kind::Text(paydock::NAME), "flow 1", "Cardholder name"),
    f("/payment_source/card_number", Kind::CardNumber, "flow 1", "Card number"),
    f("/payment_source/expire_month", Kind::ExpiryMonth, "flow 1", "Expiry month, mm"),
    f("/payment_source/expire_year", Kind::ExpiryYear, "flow 1", "Expiry year, yyyy"),
    f("/payment_source/card_ccv", Kind::Cvv, "no", "Card CCV"),
    f("/payment_source/address_line1", Kind::Text(paydock::TEXT), "no", "Address line 1"),
    f("/payment_source/address_line2", Kind::Text(paydock::TEXT), "no", "Address line 2"),
    f("/payment_source/address_state", Kind::Text(paydock::TEXT), "no", "State"),
    f("/payment_source/address_country", Kind::CountryAny, "no", "Country code"),
    f("/payment_source/address_city", Kind::Text(paydock::TEXT), "no", "City"),
    f("/payment_source/address_postcode", Kind::Text(paydock::TEXT), "no", "Postcode"),
];

const AUTHVIA: &[FieldInfo] = &[
    f("/ref", Kind::Text(crate::profiles::authvia::REF), "yes", "Reference, unique within the account"),
    f("/addresses", Kind::List(&Kind::AuthviaAddress), "yes", "Phones (E.164) and emails; the first is the default"),
    f("/addresses/0/value", Kind::AuthviaAddress, "yes", "An address: E.164 phone or email"),
    f("/metadata", Kind::Object, "no", "Free-form customer data"),
    f("/appdata", Kind::Object, "no", "Private merchant data"),
];

const STAX: &[FieldInfo] = &[
    f("/firstname", Kind::Text(stax::NAME), "one of firstname, lastname, email, company", "First name"),
    f("/lastname", Kind::Text(stax::NAME), "one of firstname, lastname, email, company", "Last name"),
    f("/company", Kind::Text(stax::OTHER), "one of firstname, lastname, email, company", "Company"),
    f("/email", Kind::Email, "one of firstname, lastname, email, company", "Email"),
    f("/cc_emails", Kind::List(&Kind::Email), "no", "Emails copied on receipts"),
    f("/cc_sms", Kind::List(&Kind::StaxPhone), "no", "Phones copied by text message"),
    f("/phone", Kind::StaxPhone, "no", "Phone, at least 10 characters"),
    f("/address_1", Kind::Text(stax::LINE), "no", "Address line 1"),
    f("/address_2", Kind::Text(stax::LINE), "no", "Address line 2"),
    f("/address_city", Kind::Text(stax::LINE), "no", "City"),
    f("/address_state", Kind::Text(stax::STATE), "no", "State, at most 2 characters"),
    f("/address_zip", Kind::Text(stax::ZIP), "no", "Zip code"),
    f("/address_country", Kind::Country(Alpha::Three), "no", "ISO 3166-1 alpha-3 country code"),
    f("/notes", Kind::Text(stax::NOTES), "no", "Notes"),
    f("/reference", Kind::Text(stax::OTHER), "no", "Reference"),
    f("/options", Kind::Object, "no", "Options, with custom_fields"),
    f("/allow_invoice_credit_card_payments", Kind::Boolean, "no", "Allow card payments on invoices"),
];

const JUICYWAY: &[FieldInfo] = &[
    f("/first_name", Kind::Text(juicyway::NAME), "yes", "First name"),
    f("/last_name", Kind::Text(juicyway::NAME), "yes", "Last name"),
    f("/email", Kind::Email, "yes", "Email"),
    f("/phone", Kind::Phone, "yes", "Phone with country code"),
    f("/type", Kind::Enum(&["individual", "business"]), "yes", "individual or business"),
    f("/billing_address", Kind::Object, "yes", "Billing address"),
    f("/billing_address/line1", Kind::Text(juicyway::LINE), "yes", "Street address line 1"),
    f("/billing_address/line2", Kind::Text(juicyway::LINE), "no", "Street address line 2"),
    f("/billing_address/city", Kind::Text(juicyway::LINE), "yes", "City"),
    f("/billing_address/state", Kind::Text(juicyway::LINE), "yes", "State or region"),
    f("/billing_address/zip_code", Kind::Text(juicyway::LINE), "yes", "Postal code"),
    f("/billing_address/country", Kind::Country(Alpha::Two), "yes", "ISO 3166-1 alpha-2 country code"),
];

/// The profile of a provider.
///
/// # Example
/// ```
/// let atoa = intake::catalog::profile(intake::Provider::Atoa);
/// assert_eq!(atoa.fields[0].path, "/fullName");
/// ```
#[must_use]
pub const fn profile(provider: Provider) -> ProfileInfo {
    let fields = match provider {
        Provider::Atoa => ATOA,
        Provider::Paydock => PAYDOCK,
        Provider::Authvia => AUTHVIA,
        Provider::Stax => STAX,
        Provider::Juicyway => JUICYWAY,
    };
    ProfileInfo { id: provider.id(), name: provider.name(), endpoint: provider.endpoint(), fields }
}

/// Every profile.
#[must_use]
pub fn providers() -> Vec<ProfileInfo> {
    Provider::ALL.into_iter().map(profile).collect()
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
