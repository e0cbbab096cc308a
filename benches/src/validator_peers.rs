//! The profiles written with the `validator` crate (0.21, derive): typed structs
//! deserialized with serde_json, then `Validate::validate`. Built-in `email`,
//! `length` and `credit_card` rules; custom functions for the phone (the
//! `phonenumber` crate, as intake), the postcode, the VAT number and the enums.

use serde::Deserialize;
use validator::{Validate, ValidationError};

use crate::{atoa_phone_ok, atoa_postcode_ok, country_ok, cvv_ok, expiry_ok, fixture_today, gb_vat_ok, hex24_ok};
use crate::{not_blank, one_of, phone_ok};

fn check(ok: bool, code: &'static str) -> Result<(), ValidationError> {
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new(code))
    }
}

fn blank(s: &str) -> Result<(), ValidationError> {
    check(not_blank(s), "blank")
}

fn atoa_type(s: &str) -> Result<(), ValidationError> {
    check(one_of(s, &["INDIVIDUAL", "BUSINESS"]), "type")
}

fn atoa_postcode(s: &str) -> Result<(), ValidationError> {
    check(atoa_postcode_ok(s), "postcode")
}

fn gb_vat(s: &str) -> Result<(), ValidationError> {
    check(gb_vat_ok(s), "vat")
}

fn atoa_record(r: &Atoa) -> Result<(), ValidationError> {
    check(r.email.is_some() || r.phone_number.is_some() || r.phone_country_code.is_some(), "email_or_phone")?;
    check(atoa_phone_ok(r.phone_country_code.as_deref(), r.phone_number.as_deref()), "phone")
}

/// Atoa `POST /api/customers`.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(schema(function = "atoa_record"))]
pub struct Atoa {
    #[validate(length(min = 2, max = 30), custom(function = "blank"))]
    full_name: String,
    #[validate(email)]
    email: Option<String>,
    #[serde(rename = "type")]
    #[validate(custom(function = "atoa_type"))]
    kind: Option<String>,
    phone_country_code: Option<String>,
    phone_number: Option<String>,
    #[validate(length(max = 100))]
    address: Option<String>,
    #[validate(length(max = 30))]
    city: Option<String>,
    #[validate(custom(function = "atoa_postcode"))]
    postcode: Option<String>,
    #[validate(custom(function = "gb_vat"))]
    vat_number: Option<String>,
}

fn juicyway_type(s: &str) -> Result<(), ValidationError> {
    check(one_of(s, &["individual", "business"]), "type")
}

fn iso_country(s: &str) -> Result<(), ValidationError> {
    check(country_ok(s), "country")
}

fn juicyway_record(r: &Juicyway) -> Result<(), ValidationError> {
    check(phone_ok(&r.phone, Some(r.billing_address.country.trim())), "phone")
}

/// Juicyway `POST /customers`.
#[derive(Debug, Deserialize, Validate)]
#[validate(schema(function = "juicyway_record"))]
pub struct Juicyway {
    #[validate(length(min = 1, max = 255), custom(function = "blank"))]
    first_name: String,
    #[validate(length(min = 1, max = 255), custom(function = "blank"))]
    last_name: String,
    #[validate(email)]
    email: String,
    phone: String,
    #[serde(rename = "type")]
    #[validate(custom(function = "juicyway_type"))]
    kind: String,
    #[validate(nested)]
    billing_address: JuicywayAddress,
}

/// Juicyway's `billing_address`.
#[derive(Debug, Deserialize, Validate)]
pub struct JuicywayAddress {
    #[validate(length(min = 1, max = 255), custom(function = "blank"))]
    line1: String,
    #[validate(length(max = 255))]
    line2: Option<String>,
    #[validate(length(min = 1, max = 255), custom(function = "blank"))]
    city: String,
    #[validate(length(min = 1, max = 255), custom(function = "blank"))]
    state: String,
    #[validate(length(min = 1, max = 255), custom(function = "blank"))]
    zip_code: String,
    #[validate(custom(function = "iso_country"))]
    country: String,
}

fn card_type(s: &str) -> Result<(), ValidationError> {
    check(one_of(s, &["card"]), "type")
}

fn hex24(s: &str) -> Result<(), ValidationError> {
    check(hex24_ok(s), "hex24")
}

fn cvv(s: &str) -> Result<(), ValidationError> {
    check(cvv_ok(s), "cvv")
}

fn card_source(s: &PaydockCardSource) -> Result<(), ValidationError> {
    check(expiry_ok(&s.expire_month, &s.expire_year, fixture_today()), "expiry")
}

fn e164(s: &str) -> Result<(), ValidationError> {
    check(phone_ok(s, None), "phone")
}

/// Paydock `POST /v1/customers`, flow 1 (card).
#[derive(Debug, Deserialize, Validate)]
pub struct PaydockCard {
    #[validate(length(max = 255))]
    reference: Option<String>,
    #[validate(length(max = 10000))]
    description: Option<String>,
    #[validate(length(max = 255))]
    company_name: Option<String>,
    #[validate(length(min = 1, max = 255))]
    first_name: Option<String>,
    #[validate(length(min = 1, max = 255))]
    last_name: Option<String>,
    #[validate(email)]
    email: Option<String>,
    #[validate(custom(function = "e164"))]
    phone: Option<String>,
    #[validate(custom(function = "hex24"))]
    default_source: Option<String>,
    #[validate(nested)]
    payment_source: PaydockCardSource,
}

/// Paydock's `payment_source` for a card.
#[derive(Debug, Deserialize, Validate)]
#[validate(schema(function = "card_source"))]
pub struct PaydockCardSource {
    #[serde(rename = "type")]
    #[validate(custom(function = "card_type"))]
    kind: String,
    #[validate(custom(function = "hex24"))]
    gateway_id: String,
    #[validate(length(min = 1, max = 255), custom(function = "blank"))]
    card_name: String,
    #[validate(credit_card)]
    card_number: String,
    expire_month: String,
    expire_year: String,
    #[validate(custom(function = "cvv"))]
    card_ccv: Option<String>,
    #[validate(length(max = 255))]
    address_line1: Option<String>,
    #[validate(length(max = 255))]
    address_line2: Option<String>,
    #[validate(length(max = 255))]
    address_city: Option<String>,
    #[validate(length(max = 255))]
    address_state: Option<String>,
    #[validate(length(max = 255))]
    address_postcode: Option<String>,
    #[validate(custom(function = "iso_country"))]
    address_country: Option<String>,
}

/// Deserializes `bytes` as `T` and validates it: whether both succeed.
#[must_use]
pub fn run<T: for<'de> Deserialize<'de> + Validate>(bytes: &[u8]) -> bool {
    serde_json::from_slice::<T>(bytes).is_ok_and(|r| r.validate().is_ok())
}
