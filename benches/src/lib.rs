//! The shared side of intake's benchmarks: the fixtures every bench reads
//! (`fixtures/fields/*.json`, `fixtures/profiles/*.json`, the same files the tests
//! run), the field rules called directly, and the peers: the same profiles written
//! with the `validator` and `garde` crates, as a Rust server would without intake.
//!
//! The peers validate; they do not normalize (no trimming, NFC, E.164, case
//! folding, defaults, or a provider-ready payload) and they produce no warnings.
//! intake does all of that in the time it is measured for.

use std::path::{Path, PathBuf};

use intake::json::RuleArgs;
use intake::rules::card;
use intake::rules::country::{self, Alpha};
use intake::rules::text::{self, TextRule};
use intake::rules::{email, enumeration, id, phone, postcode, scalar, vat};
use intake::{Date, Options, Provider};
use serde_json::Value;

pub mod garde_peers;
pub mod validator_peers;

/// The repository's `fixtures/` directory.
#[must_use]
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("fixtures")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One valid case of a field-rule fixture.
#[derive(Clone, Debug)]
pub struct RuleCase {
    /// The case's name.
    pub name: String,
    /// The input value.
    pub input: Value,
    /// The rule's arguments (an object, maybe empty).
    pub args: Value,
}

/// Every field-rule fixture file but the reference corpora, `(rule, valid
/// cases)`, sorted by rule name.
/// A valid case is one that expects a `normalized` value other than `null`
/// (`uk_postcode` answers `null` for a text that is not UK-shaped).
#[must_use]
pub fn rule_fixtures() -> Vec<(String, Vec<RuleCase>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures_dir().join("fields"))
        .expect("fixtures/fields")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| read_json(path))
        // The reference corpora (docs/RULES.md) test agreement, not speed.
        .filter(|file| file.get("reference").is_none())
        .map(|file| {
            let rule = file["rule"].as_str().expect("rule").to_owned();
            let cases = file["cases"]
                .as_array()
                .expect("cases")
                .iter()
                .filter(|c| c.get("normalized").is_some_and(|n| !n.is_null()) && c.get("error").is_none())
                .map(|c| RuleCase {
                    name: c["name"].as_str().unwrap_or_default().to_owned(),
                    input: c["input"].clone(),
                    args: c.get("args").cloned().unwrap_or_else(|| Value::Object(serde_json::Map::new())),
                })
                .collect();
            (rule, cases)
        })
        .collect()
}

/// A field rule bound to its arguments: returns whether the value passed.
pub type BoundRule = Box<dyn Fn(&Value) -> bool>;

/// Binds the rule `name` (a fixture file's `rule`) to `args`, calling
/// `intake::rules::*` directly (the mapping of `intake::json::rule`, without its
/// JSON in and out). `None` for an unknown rule.
///
/// # Panics
/// When `args` do not parse (a broken fixture).
#[must_use]
pub fn bind_rule(name: &str, args: &Value) -> Option<BoundRule> {
    let a: RuleArgs = serde_json::from_value(args.clone()).expect("rule arguments");
    let bound: BoundRule = match name {
        "text" => {
            let r = TextRule {
                min: a.min.unwrap_or(1),
                max: a.max.unwrap_or(10_000),
                fold: a.fold,
                multiline: a.multiline,
            };
            Box::new(move |v| v.as_str().is_some_and(|s| text::parse(s, &r).is_ok()))
        }
        "email" => Box::new(|v| v.as_str().is_some_and(|s| email::parse(s).is_ok())),
        "phone" => {
            let region = a.region;
            Box::new(move |v| v.as_str().is_some_and(|s| phone::parse(s, region.as_deref()).is_ok()))
        }
        "phone_with_code" => {
            let code = a.code.unwrap_or(0);
            Box::new(move |v| v.as_str().is_some_and(|s| phone::parse_with_code(code, s).is_ok()))
        }
        "uk_postcode" => Box::new(|v| v.as_str().is_some_and(|s| postcode::uk(s).is_some())),
        "atoa_postcode" => Box::new(|v| v.as_str().is_some_and(|s| intake::profiles::atoa::parse_postcode(s).is_ok())),
        "gb_vat" => Box::new(|v| v.as_str().is_some_and(|s| vat::parse(s).is_ok())),
        "country" => {
            let alpha = if a.alpha == Some(3) { Alpha::Three } else { Alpha::Two };
            Box::new(move |v| v.as_str().is_some_and(|s| country::parse(s, alpha).is_ok()))
        }
        "card_number" => Box::new(|v| v.as_str().is_some_and(|s| card::number(s).is_ok())),
        "expiry_month" => Box::new(|v| v.as_str().is_some_and(|s| card::month(s).is_ok())),
        "expiry_year" => Box::new(|v| v.as_str().is_some_and(|s| card::year(s).is_ok())),
        "expiry" => {
            let (month, year) = (a.month.unwrap_or(0), a.year.unwrap_or(0));
            let today = a.today.unwrap_or(Date::new(2026, 1, 1).expect("a date"));
            Box::new(move |_| card::expiry(month, year, today).is_ok())
        }
        "cvv" => {
            let brand = a.brand;
            Box::new(move |v| v.as_str().is_some_and(|s| card::cvv(s, brand).is_ok()))
        }
        "uuid" => Box::new(|v| v.as_str().is_some_and(|s| id::uuid(s).is_ok())),
        "hex24" => Box::new(|v| v.as_str().is_some_and(|s| id::hex24(s).is_ok())),
        "enum" => {
            // Built once, not per call: the bench measures the rule, not a Vec. Leaked
            // to give `&'static str`s, once per fixture case bound.
            let allowed: Vec<&'static str> = a.values.into_iter().map(|s| &*Box::leak(s.into_boxed_str())).collect();
            Box::new(move |v| v.as_str().is_some_and(|s| enumeration::parse(s, &allowed).is_ok()))
        }
        "date" => Box::new(|v| v.as_str().is_some_and(|s| scalar::date(s).is_ok())),
        "url" => Box::new(|v| v.as_str().is_some_and(|s| scalar::url(s).is_ok())),
        "number" => Box::new(|v| scalar::number(v).is_ok()),
        "boolean" => Box::new(|v| scalar::boolean(v).is_ok()),
        _ => return None,
    };
    Some(bound)
}

/// One valid record of a profile fixture, as the JSON bytes a server receives.
#[derive(Clone, Debug)]
pub struct RecordCase {
    /// The case's name.
    pub name: String,
    /// The record's JSON text (the case's `raw`, or its `record` serialized).
    pub bytes: Vec<u8>,
    /// The file's options merged with the case's.
    pub options: Options,
}

/// The valid cases of `fixtures/profiles/{provider}.json` (the seed's example
/// record is the first case of each file).
///
/// # Panics
/// On a missing or broken fixture file.
#[must_use]
pub fn record_fixtures(provider: Provider) -> Vec<RecordCase> {
    let file = read_json(&fixtures_dir().join("profiles").join(format!("{}.json", provider.id())));
    let base = file.get("options").cloned().unwrap_or(Value::Null);
    file["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|c| c["valid"].as_bool() == Some(true))
        .map(|c| {
            let mut options = base.as_object().cloned().unwrap_or_default();
            if let Some(own) = c.get("options").and_then(Value::as_object) {
                options.extend(own.clone());
            }
            let options = intake::json::options(&Value::Object(options).to_string()).expect("fixture options");
            let bytes = match c.get("raw").and_then(Value::as_str) {
                Some(raw) => raw.as_bytes().to_vec(),
                None => serde_json::to_vec(&c["record"]).expect("record"),
            };
            RecordCase { name: c["name"].as_str().unwrap_or_default().to_owned(), bytes, options }
        })
        .collect()
}

/// The Paydock records the peers can be compared on: flow 1 (card), no forced
/// flow, and no optional field of a wrong format (which Paydock disregards and
/// intake drops with `field.ignored`; the peers have no such notion).
#[must_use]
pub fn paydock_card_records() -> Vec<RecordCase> {
    let file = read_json(&fixtures_dir().join("profiles").join("paydock.json"));
    let ignored: Vec<&str> = file["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|c| c["warnings"].as_array().is_some_and(|w| w.iter().any(|w| w["code"] == "field.ignored")))
        .filter_map(|c| c["name"].as_str())
        .collect();
    record_fixtures(Provider::Paydock)
        .into_iter()
        .filter(|r| r.options.flow.is_none())
        .filter(|r| !ignored.contains(&r.name.as_str()))
        .filter(|r| {
            let v: Value = serde_json::from_slice(&r.bytes).unwrap_or(Value::Null);
            v.pointer("/payment_source/card_number").is_some()
        })
        .collect()
}

// ---- rule helpers shared by the peers -------------------------------------

/// A phone number valid by libphonenumber's metadata (the `phonenumber` crate),
/// read in `region` when it has no country code.
///
/// The crate's process-wide regex cache is sized once to 1,024 patterns, its
/// best use: with its default of 100, numbers of a dozen regions in turn
/// recompile patterns on every call (about 1.4 ms a number). The `validator` and
/// `garde` peers share that cache.
#[must_use]
pub fn phone_ok(text: &str, region: Option<&str>) -> bool {
    static SIZED: std::sync::Once = std::sync::Once::new();
    SIZED.call_once(|| {
        if let Ok(mut cache) = phonenumber::metadata::DATABASE.cache().lock() {
            cache.set_capacity(1024);
        }
    });
    let id = region.and_then(|r| r.to_ascii_uppercase().parse::<phonenumber::country::Id>().ok());
    phonenumber::parse(id, text).is_ok_and(|n| n.is_valid())
}

/// Atoa's two phone fields: a calling code (digits, at most 5, `+` allowed) and
/// a national number, or a full international number alone in `number`.
#[must_use]
pub fn atoa_phone_ok(code: Option<&str>, number: Option<&str>) -> bool {
    match (code, number) {
        (None, None) => true,
        (Some(code), Some(number)) => {
            let code = code.strip_prefix('+').unwrap_or(code);
            !code.is_empty()
                && code.len() <= 5
                && code.bytes().all(|b| b.is_ascii_digit())
                && phone_ok(&format!("+{code} {number}"), None)
        }
        (None, Some(number)) => {
            let n = number.trim_start();
            (n.starts_with('+') || n.starts_with("00")) && phone_ok(number, None)
        }
        (Some(_), None) => false,
    }
}

/// Atoa's documented postcode rule: 4 to 8 letters, digits and spaces.
#[must_use]
pub fn atoa_postcode_ok(s: &str) -> bool {
    let n = s.chars().count();
    (4..=8).contains(&n) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
}

/// A GB VAT number: spaces, dots and dashes allowed, `GB` optional, 9 digits.
#[must_use]
pub fn gb_vat_ok(s: &str) -> bool {
    let mut digits = 0;
    let mut rest = s.trim();
    if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case("gb") {
        rest = &rest[2..];
    }
    for b in rest.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b' ' | b'.' | b'-' => {}
            _ => return false,
        }
    }
    digits == 9
}

/// An enumeration matched case-insensitively (surrounding spaces allowed).
#[must_use]
pub fn one_of(s: &str, allowed: &[&str]) -> bool {
    let s = s.trim();
    allowed.iter().any(|a| a.eq_ignore_ascii_case(s))
}

/// An officially assigned ISO 3166-1 code, alpha-2 or alpha-3, any case.
#[must_use]
pub fn country_ok(s: &str) -> bool {
    let s = s.trim();
    match s.len() {
        2 => isocountry::CountryCode::for_alpha2_caseless(s).is_ok(),
        3 => isocountry::CountryCode::for_alpha3_caseless(s).is_ok(),
        _ => false,
    }
}

/// Not empty once trimmed.
#[must_use]
pub fn not_blank(s: &str) -> bool {
    !s.trim().is_empty()
}

/// 24 hexadecimal characters.
#[must_use]
pub fn hex24_ok(s: &str) -> bool {
    s.len() == 24 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Card expiry: month 1..12, year of 2 or 4 digits, not before the month of
/// `today`, at most 20 years ahead.
#[must_use]
pub fn expiry_ok(month: &str, year: &str, today: Date) -> bool {
    let (Ok(m), Ok(y)) = (month.trim().parse::<u32>(), year.trim().parse::<u32>()) else {
        return false;
    };
    let y = match year.trim().len() {
        2 => 2000 + y,
        4 => y,
        _ => return false,
    };
    let (ty, tm) = (u32::from(today.year()), u32::from(today.month()));
    (1..=12).contains(&m) && (y, m) >= (ty, tm) && (y, m) <= (ty + 20, tm)
}

/// A CVV: 3 or 4 digits.
#[must_use]
pub fn cvv_ok(s: &str) -> bool {
    (3..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// The date the fixtures are checked on.
#[must_use]
pub fn fixture_today() -> Date {
    Date::new(2026, 11, 22).expect("a date")
}

/// Every valid number of libphonenumber's reference corpus
/// (`fixtures/reference/phone.json`), in E.164, once each: the phone benches'
/// realistic mix of every region.
#[must_use]
pub fn valid_phone_corpus() -> Vec<String> {
    let corpus = read_json(&fixtures_dir().join("reference/phone.json"));
    let mut numbers: Vec<String> = corpus["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["expect"]["valid"] == true)
        .filter_map(|c| c["expect"]["e164"].as_str().map(str::to_owned))
        .filter(|e164| e164.len() <= 16)
        .collect();
    numbers.sort();
    numbers.dedup();
    numbers
}
