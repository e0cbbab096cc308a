//! The profiles written with the `garde` crate (0.23: derive, email,
//! phone-number, credit-card, length, pattern): typed structs deserialized with
//! serde_json, then `Validate::validate`. Built-in `email`, `length(chars)`,
//! `pattern`, `phone_number` and `credit_card` rules; custom functions where a
//! rule needs another field (Atoa's two phone fields, Juicyway's billing
//! country, a card's expiry) or a table (country codes).

use garde::Validate;
use serde::Deserialize;

use crate::{atoa_phone_ok, country_ok, expiry_ok, fixture_today, gb_vat_ok, one_of, phone_ok};

fn check(ok: bool, message: &'static str) -> garde::Result {
    if ok {
        Ok(())
    } else {
        Err(garde::Error::new(message))
    }
}

fn not_blank(s: &str, _: &()) -> garde::Result {
    check(crate::not_blank(s), "blank")
}

fn atoa_type(s: &Option<String>, _: &()) -> garde::Result {
    check(s.as_deref().is_none_or(|s| one_of(s, &["INDIVIDUAL", "BUSINESS"])), "type")
}

fn gb_vat(s: &Option<String>, _: &()) -> garde::Result {
    check(s.as_deref().is_none_or(gb_vat_ok), "vat")
}

fn atoa_phone<'a>(
    code: &'a Option<String>,
    email: &'a Option<String>,
) -> impl FnOnce(&Option<String>, &()) -> garde::Result + 'a {
    move |number, _| {
        check(email.is_some() || number.is_some() || code.is_some(), "email or phone required")?;
        check(atoa_phone_ok(code.as_deref(), number.as_deref()), "phone")
    }
}

/// Atoa `POST /api/customers`.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Atoa {
    #[garde(length(chars, min = 2, max = 30), custom(not_blank))]
    full_name: String,
    #[garde(email)]
    email: Option<String>,
    #[serde(rename = "type")]
    #[garde(custom(atoa_type))]
    kind: Option<String>,
    #[garde(skip)]
    phone_country_code: Option<String>,
    #[garde(custom(atoa_phone(&self.phone_country_code, &self.email)))]
    phone_number: Option<String>,
    #[garde(length(chars, max = 100))]
    address: Option<String>,
    #[garde(length(chars, max = 30))]
    city: Option<String>,
    #[garde(pattern(r"^[A-Za-z0-9 ]{4,8}$"))]
    postcode: Option<String>,
    #[garde(custom(gb_vat))]
    vat_number: Option<String>,
}

fn juicyway_type(s: &str, _: &()) -> garde::Result {
    check(one_of(s, &["individual", "business"]), "type")
}

fn iso_country(s: &str, _: &()) -> garde::Result {
    check(country_ok(s), "country")
}

fn phone_in(country: &str) -> impl FnOnce(&str, &()) -> garde::Result + '_ {
    move |phone, _| check(phone_ok(phone, Some(country.trim())), "phone")
}

/// Juicyway `POST /customers`.
#[derive(Debug, Deserialize, Validate)]
pub struct Juicyway {
    #[garde(length(chars, min = 1, max = 255), custom(not_blank))]
    first_name: String,
    #[garde(length(chars, min = 1, max = 255), custom(not_blank))]
    last_name: String,
    #[garde(email)]
    email: String,
    #[garde(custom(phone_in(&self.billing_address.country)))]
    phone: String,
    #[serde(rename = "type")]
    #[garde(custom(juicyway_type))]
    kind: String,
    #[garde(dive)]
    billing_address: JuicywayAddress,
}

/// Juicyway's `billing_address`.
#[derive(Debug, Deserialize, Validate)]
pub struct JuicywayAddress {
    #[garde(length(chars, min = 1, max = 255), custom(not_blank))]
    line1: String,
    #[garde(length(chars, max = 255))]
    line2: Option<String>,
    #[garde(length(chars, min = 1, max = 255), custom(not_blank))]
    city: String,
    #[garde(length(chars, min = 1, max = 255), custom(not_blank))]
    state: String,
    #[garde(length(chars, min = 1, max = 255), custom(not_blank))]
    zip_code: String,
    #[garde(custom(iso_country))]
    country: String,
}

fn card_type(s: &str, _: &()) -> garde::Result {
    check(one_of(s, &["card"]), "type")
}

fn opt_country(s: &Option<String>, _: &()) -> garde::Result {
    check(s.as_deref().is_none_or(country_ok), "country")
}

fn expiry(year: &str) -> impl FnOnce(&str, &()) -> garde::Result + '_ {
    move |month, _| check(expiry_ok(month, year, fixture_today()), "expiry")
}

/// Paydock `POST /v1/customers`, flow 1 (card).
#[derive(Debug, Deserialize, Validate)]
pub struct PaydockCard {
    #[garde(length(chars, max = 255))]
    reference: Option<String>,
    #[garde(length(chars, max = 10000))]
    description: Option<String>,
    #[garde(length(chars, max = 255))]
    company_name: Option<String>,
    #[garde(length(chars, min = 1, max = 255))]
    first_name: Option<String>,
    #[garde(length(chars, min = 1, max = 255))]
    last_name: Option<String>,
    #[garde(email)]
    email: Option<String>,
    #[garde(phone_number)]
    phone: Option<String>,
    #[garde(pattern(r"^[0-9a-fA-F]{24}$"))]
    default_source: Option<String>,
    #[garde(dive)]
    payment_source: PaydockCardSource,
}

/// Paydock's `payment_source` for a card.
#[derive(Debug, Deserialize, Validate)]
pub struct PaydockCardSource {
    #[serde(rename = "type")]
    #[garde(custom(card_type))]
    kind: String,
    #[garde(pattern(r"^[0-9a-fA-F]{24}$"))]
    gateway_id: String,
    #[garde(length(chars, min = 1, max = 255), custom(not_blank))]
    card_name: String,
    #[garde(credit_card)]
    card_number: String,
    #[garde(custom(expiry(&self.expire_year)))]
    expire_month: String,
    #[garde(pattern(r"^([0-9]{2}|[0-9]{4})$"))]
    expire_year: String,
    #[garde(pattern(r"^[0-9]{3,4}$"))]
    card_ccv: Option<String>,
    #[garde(length(chars, max = 255))]
    address_line1: Option<String>,
    #[garde(length(chars, max = 255))]
    address_line2: Option<String>,
    #[garde(length(chars, max = 255))]
    address_city: Option<String>,
    #[garde(length(chars, max = 255))]
    address_state: Option<String>,
    #[garde(length(chars, max = 255))]
    address_postcode: Option<String>,
    #[garde(custom(opt_country))]
    address_country: Option<String>,
}

/// Deserializes `bytes` as `T` and validates it: whether both succeed.
#[must_use]
pub fn run<T: for<'de> Deserialize<'de> + Validate<Context = ()>>(bytes: &[u8]) -> bool {
    serde_json::from_slice::<T>(bytes).is_ok_and(|r| r.validate().is_ok())
}
