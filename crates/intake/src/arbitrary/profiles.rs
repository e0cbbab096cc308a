//! One record generator per profile: the catalog's fields by class, plus what
//! each profile's document makes special (Atoa's phone split, Paydock's flows,
//! Authvia's address list, Stax's typed custom fields, Juicyway's billing region).

use ::arbitrary::{Result, Unstructured};
use serde_json::{json, Map, Value};

use super::build::Builder;
use super::examples;
use super::phones;
use super::value::{field_value, one_in, pick, raw_text, small_object, valid, Class};
use crate::catalog::Kind;
use crate::profiles::{juicyway, stax};
use crate::rules::text::TextRule;
use crate::Provider;

/// A record for `provider`, built from the fuzzer's bytes.
pub(crate) fn record(u: &mut Unstructured<'_>, provider: Provider) -> Result<Value> {
    let mut b = Builder::new(u)?;
    match provider {
        Provider::Atoa => atoa(u, &mut b)?,
        Provider::Paydock => paydock(u, &mut b)?,
        Provider::Authvia => authvia(u, &mut b)?,
        Provider::Stax => stax_record(u, &mut b)?,
        Provider::Juicyway => juicyway_record(u, &mut b)?,
    }
    b.unknown_members(u, provider)?;
    // Last, so the choices above keep their meaning in a corpus grown before.
    if one_in(u, 8)? {
        b.over_template(u, templates(provider))?;
    }
    b.finish(u)
}

/// The valid records of the provider's profile fixtures.
fn templates(provider: Provider) -> &'static [&'static str] {
    match provider {
        Provider::Atoa => examples::RECORDS_ATOA,
        Provider::Paydock => examples::RECORDS_PAYDOCK,
        Provider::Authvia => examples::RECORDS_AUTHVIA,
        Provider::Stax => examples::RECORDS_STAX,
        Provider::Juicyway => examples::RECORDS_JUICYWAY,
    }
}

/// Atoa: the phone is two fields that go together, or a whole international
/// number in `phoneNumber` alone (split by intake), or one without the other.
fn atoa(u: &mut Unstructured<'_>, b: &mut Builder) -> Result<()> {
    b.catalog_fields(u, Provider::Atoa, |f| !matches!(f.kind, Kind::CallingCode | Kind::NationalNumber))?;
    match u.int_in_range(0u8..=9)? {
        0..=4 => {
            let (code, national) = phones::split(u)?;
            let class = b.required_class(u)?;
            b.set("/phoneCountryCode", Some(Value::String(code)));
            b.set(
                "/phoneNumber",
                field_value(u, &Kind::Text(TextRule::line(40)), class)?.map(|v| match (class, v) {
                    (Class::Valid, _) => Value::String(national.clone()),
                    (_, other) => other,
                }),
            );
        }
        5 | 6 => b.set("/phoneNumber", Some(Value::String(phones::international(u)?))),
        7 => b.set("/phoneCountryCode", Some(Value::String(phones::calling_code(u)?))),
        8 => {
            let class = b.class(u)?;
            b.set("/phoneCountryCode", field_value(u, &Kind::CallingCode, class)?);
            let class = b.class(u)?;
            b.set("/phoneNumber", field_value(u, &Kind::NationalNumber, class)?);
        }
        _ => {}
    }
    Ok(())
}

/// Paydock: one of the four flows (or a mix of two, or none), then the fields
/// that flow needs, each by class; the optional fields by class.
fn paydock(u: &mut Unstructured<'_>, b: &mut Builder) -> Result<()> {
    const SOURCE_SHARED: &[&str] = &[
        "/payment_source/address_line1",
        "/payment_source/address_line2",
        "/payment_source/address_state",
        "/payment_source/address_country",
        "/payment_source/address_city",
        "/payment_source/address_postcode",
    ];
    b.catalog_fields(u, Provider::Paydock, |f| !f.path.starts_with("/payment_source") && f.path != "/token")?;
    // 1 to 4 a flow, 5 a mix of two, 0 none; the card flow first, for exhausted bytes.
    let flow = (u.int_in_range(0u8..=5)? + 1) % 6;
    let card = flow == 1 || flow == 5;
    let token = flow == 2 || (flow == 5 && u.arbitrary()?);
    let vault = flow == 3 || flow == 4 || (flow == 5 && !token);
    let gateway = card || flow == 3 || (flow == 5 && u.arbitrary()?);
    // The fields the flow requires: present in a clean record.
    let field = |u: &mut Unstructured<'_>, b: &mut Builder, path: &str, kind: &Kind| -> Result<()> {
        let class = b.required_class(u)?;
        b.set(path, field_value(u, kind, class)?);
        Ok(())
    };
    if token {
        field(u, b, "/token", &Kind::Uuid)?;
    }
    if vault {
        field(u, b, "/payment_source/vault_token", &Kind::Uuid)?;
    }
    if gateway {
        field(u, b, "/payment_source/gateway_id", &Kind::Hex24)?;
    }
    if card || vault || one_in(u, 4)? {
        let class = b.required_class(u)?;
        let kind = Kind::Enum(crate::profiles::paydock::SOURCE_TYPES);
        let value = match class {
            Class::Valid if card => Some(json!(if u.arbitrary()? { "card" } else { "CARD" })),
            _ => field_value(u, &kind, class)?,
        };
        b.set("/payment_source/type", value);
    }
    if card {
        field(u, b, "/payment_source/card_name", &Kind::Text(crate::profiles::paydock::NAME))?;
        card_fields(u, b)?;
    }
    if card || vault {
        for path in SOURCE_SHARED {
            if one_in(u, 3)? {
                let kind = if path.ends_with("country") { Kind::CountryAny } else { Kind::Text(TextRule::line(255)) };
                field(u, b, path, &kind)?;
            }
        }
    }
    Ok(())
}

/// A card number, expiry and CVV that agree when valid: an Amex number takes a
/// 4-digit CVV, and the expiry is after the fuzz targets' today (2026-11-22)
/// and within twenty years of it.
fn card_fields(u: &mut Unstructured<'_>, b: &mut Builder) -> Result<()> {
    let class = b.required_class(u)?;
    let number = field_value(u, &Kind::CardNumber, class)?;
    let amex = number.as_ref().and_then(Value::as_str).is_some_and(|n| n.starts_with("34") || n.starts_with("37"));
    b.set("/payment_source/card_number", number);
    let class = b.required_class(u)?;
    let month = match class {
        Class::Valid => Some(json!(format!("{:02}", u.int_in_range(1u8..=12)?))),
        other => field_value(u, &Kind::ExpiryMonth, other)?,
    };
    b.set("/payment_source/expire_month", month);
    let class = b.required_class(u)?;
    let year = match class {
        Class::Valid => Some(json!(u.int_in_range(2027u16..=2045)?.to_string())),
        other => field_value(u, &Kind::ExpiryYear, other)?,
    };
    b.set("/payment_source/expire_year", year);
    let class = b.class(u)?;
    let cvv = match class {
        Class::Valid => Some(json!(if amex { "1234" } else { "123" })),
        other => field_value(u, &Kind::Cvv, other)?,
    };
    b.set("/payment_source/card_ccv", cvv);
    Ok(())
}

/// Authvia: a `ref`, and a list of addresses (bare strings or `{value}`
/// objects, emails and phones, repeats among them), free-form objects.
fn authvia(u: &mut Unstructured<'_>, b: &mut Builder) -> Result<()> {
    b.catalog_fields(u, Provider::Authvia, |f| f.path == "/ref")?;
    let class = b.required_class(u)?;
    let addresses = match class {
        Class::Valid | Class::NearMiss | Class::Unicode => {
            let n = u.int_in_range(1usize..=4)?;
            let mut items: Vec<Value> = Vec::with_capacity(n);
            for _ in 0..n {
                let item = match u.int_in_range(0u8..=9)? {
                    // A repeat of an earlier address, maybe written otherwise.
                    0 if !items.is_empty() => {
                        let earlier = items[u.choose_index(items.len())?].clone();
                        match earlier {
                            Value::String(s) if u.arbitrary()? => Value::String(s.to_uppercase()),
                            other => other,
                        }
                    }
                    1 => {
                        let class = b.class(u)?;
                        field_value(u, &Kind::AuthviaAddress, class)?.unwrap_or(Value::Null)
                    }
                    2 => json!({ "value": pick(u, examples::EMAIL.invalid)?, "label": "x" }),
                    _ => valid(u, &Kind::AuthviaAddress)?,
                };
                items.push(item);
            }
            Some(Value::Array(items))
        }
        other => field_value(u, &Kind::List(&Kind::AuthviaAddress), other)?,
    };
    b.set("/addresses", addresses);
    for path in ["/metadata", "/appdata"] {
        let class = b.class(u)?;
        let value = match class {
            Class::Valid => Some(small_object(u, 0)?),
            // Past the 16 KiB limit, in strings within the record's own string limit.
            Class::Boundary if u.arbitrary()? => Some(json!({ "blob": "x".repeat(9000), "more": "y".repeat(9000) })),
            other => field_value(u, &Kind::Object, other)?,
        };
        b.set(path, value);
    }
    Ok(())
}

/// Stax: the catalog's fields, then `options.custom_fields` of every type
/// (values by type and class, repeated names, items that are not objects).
fn stax_record(u: &mut Unstructured<'_>, b: &mut Builder) -> Result<()> {
    b.catalog_fields(u, Provider::Stax, |_| true)?;
    custom_fields(u, b)?;
    if one_in(u, 4)? {
        b.set("/address_country", Some(json!(if u.arbitrary()? { "USA" } else { "us" })));
        b.set("/address_zip", Some(us_zip(u)?));
    }
    // Last, so the choices above keep their meaning in a corpus grown before.
    if one_in(u, 8)? {
        broken_custom_fields(u, b)?;
    }
    Ok(())
}

/// `custom_fields` that is not an array, or an item whose name is not a valid one.
fn broken_custom_fields(u: &mut Unstructured<'_>, b: &mut Builder) -> Result<()> {
    let class = u.arbitrary()?;
    let odd = field_value(u, &Kind::Text(stax::OTHER), class)?;
    let Some(Value::Object(options)) = b.map.get_mut("options") else { return Ok(()) };
    match options.get_mut("custom_fields") {
        Some(Value::Array(items)) if !items.is_empty() && u.arbitrary()? => {
            let at = u.choose_index(items.len())?;
            if let Some(Value::Object(item)) = items.get_mut(at) {
                match odd {
                    Some(v) => item.insert("name".to_owned(), v),
                    None => item.remove("name"),
                };
            }
        }
        _ => {
            options.insert("custom_fields".to_owned(), odd.unwrap_or(json!({ "name": "seats" })));
        }
    }
    Ok(())
}

/// `options.custom_fields`, half the time.
fn custom_fields(u: &mut Unstructured<'_>, b: &mut Builder) -> Result<()> {
    if !one_in(u, 2)? {
        return Ok(());
    }
    let mut fields = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for _ in 0..u.int_in_range(0usize..=4)? {
        if one_in(u, 16)? {
            fields.push(json!(raw_text(u)?));
            continue;
        }
        let kind = *u.choose(stax::CUSTOM_TYPES)?;
        let name = if !names.is_empty() && one_in(u, 6)? {
            names[u.choose_index(names.len())?].clone()
        } else {
            let n = (*u.choose(&["seats", "tier", "Start date", "vip", "contact", "site", "count"])?).to_owned();
            format!("{n}{}", names.len())
        };
        names.push(name.clone());
        let class = b.required_class(u)?;
        let value = custom_value(u, kind, class)?;
        let mut item = Map::new();
        item.insert("name".to_owned(), json!(name));
        let kind_class = b.class(u)?;
        let typed = match kind_class {
            Class::Valid | Class::Absent => {
                Some(json!(if u.arbitrary()? { kind.to_owned() } else { kind.to_uppercase() }))
            }
            other => field_value(u, &Kind::Enum(stax::CUSTOM_TYPES), other)?,
        };
        if let Some(t) = typed {
            item.insert("type".to_owned(), t);
        }
        if let Some(v) = value {
            item.insert("value".to_owned(), v);
        }
        if one_in(u, 16)? {
            item.insert("label".to_owned(), json!("x"));
        }
        fields.push(Value::Object(item));
    }
    let mut options = match b.map.remove("options") {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    options.insert("custom_fields".to_owned(), Value::Array(fields));
    b.map.insert("options".to_owned(), Value::Object(options));
    Ok(())
}

/// A custom field's value of `kind` (`text`, `number`, ...), by class.
fn custom_value(u: &mut Unstructured<'_>, kind: &str, class: Class) -> Result<Option<Value>> {
    let rule = match kind {
        "number" => return number_value(u, class),
        "date" => {
            return Ok(Some(match class {
                Class::Valid => pick(u, examples::DATE.valid)?,
                Class::Absent | Class::Null => return field_value(u, &Kind::Uuid, class),
                _ => pick(u, examples::DATE.invalid)?,
            }))
        }
        "url" => {
            return Ok(Some(match class {
                Class::Valid => pick(u, examples::URL.valid)?,
                Class::Absent | Class::Null => return field_value(u, &Kind::Uuid, class),
                _ => pick(u, examples::URL.invalid)?,
            }))
        }
        "boolean" => Kind::Boolean,
        "email" => Kind::Email,
        "phone" => Kind::StaxPhone,
        _ => Kind::Text(stax::OTHER),
    };
    field_value(u, &rule, class)
}

fn number_value(u: &mut Unstructured<'_>, class: Class) -> Result<Option<Value>> {
    Ok(Some(match class {
        Class::Valid => match u.int_in_range(0u8..=2)? {
            0 => json!(u.arbitrary::<i64>()?),
            1 => json!(f64::from(u.arbitrary::<i32>()?) / 4.0),
            _ => pick(u, examples::NUMBER.valid)?,
        },
        Class::Boundary => json!(*u.choose(&[1e300, -0.0, 1e-300, 9_007_199_254_740_993.0])?),
        Class::Absent => return Ok(None),
        Class::Null => Value::Null,
        _ => pick(u, examples::NUMBER.invalid)?,
    }))
}

/// Juicyway: every field; the phone sometimes national, read in the billing
/// country, or of another country than the billing one.
fn juicyway_record(u: &mut Unstructured<'_>, b: &mut Builder) -> Result<()> {
    b.catalog_fields(u, Provider::Juicyway, |_| true)?;
    if one_in(u, 3)? {
        let region = *u.choose(phones::REGIONS)?;
        b.set("/billing_address/country", Some(json!(region)));
        b.set("/phone", Some(json!(phones::in_region(u, region)?)));
    }
    if one_in(u, 16)? {
        let class = b.class(u)?;
        b.set("/billing_address", field_value(u, &Kind::Text(juicyway::LINE), class)?);
    }
    if one_in(u, 4)? {
        b.set("/billing_address/country", Some(json!("US")));
        b.set("/billing_address/zip_code", Some(us_zip(u)?));
    }
    Ok(())
}

/// A US ZIP code as spreadsheets leave them: 5 digits, ZIP+4 with and without
/// its dash, and each with the leading zero dropped, or not a ZIP at all.
fn us_zip(u: &mut Unstructured<'_>) -> Result<Value> {
    const ZIPS: &[&str] =
        &["94105", "07030", "7030", "94105-1234", "070301234", "70301234", "9410-1234", "94105-12", "SW1A 1AA", "-"];
    Ok(json!(*u.choose(ZIPS)?))
}
