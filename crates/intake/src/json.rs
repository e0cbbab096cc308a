//! The JSON-in, JSON-out surface: every entry point takes and returns JSON text.
//!
//! The WASM binding wraps exactly these functions, and the native fixture tests
//! call them too, so the browser and the server give the same bytes for the same
//! input. A record that is not JSON is an invalid record (status 400), not an
//! [`ApiError`]; an `ApiError` is a caller's mistake (an unknown provider, bad options).

use std::borrow::Cow;
use std::cell::RefCell;

use serde::Deserialize;
use serde_json::Value;

use crate::field::{check_field as check_one, FieldOptions};
use crate::limits::Measured;
use crate::node::{ordered, Node};
use crate::rules::country::Alpha;
use crate::rules::text::TextRule;
use crate::rules::{card, country, email, enumeration, id, phone, postcode, scalar, text, vat};
use crate::{catalog, Batch, Date, Fault, Flow, Limits, Options, Parsed, Provider};

/// A caller's mistake: an unknown provider, field or rule, or options that do not parse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
#[non_exhaustive]
pub struct ApiError {
    /// A stable name: `provider.unknown`, `options.invalid`, `field.unknown`, `rule.unknown`, `input.invalid`.
    pub code: &'static str,
    /// What went wrong.
    pub message: String,
}

#[cold]
fn api(code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError { code, message: message.into() }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawOptions {
    today: Option<Date>,
    flow: Option<Flow>,
    #[serde(default)]
    limits: Limits,
    #[serde(default)]
    partial: bool,
    region: Option<String>,
    record: Option<Value>,
}

fn raw_options(options: &str) -> Result<RawOptions, ApiError> {
    if options.trim().is_empty() {
        return Ok(RawOptions::default());
    }
    serde_json::from_str(options).map_err(|e| api("options.invalid", format!("options: {e}")))
}

fn today(raw: &RawOptions) -> Result<Date, ApiError> {
    match raw.today {
        Some(d) => Ok(d),
        #[cfg(feature = "clock")]
        None => Ok(Date::today_utc()),
        #[cfg(not(feature = "clock"))]
        None => Err(api("options.invalid", "options: today (YYYY-MM-DD) is required")),
    }
}

/// Options from their JSON text: `{"today": "YYYY-MM-DD", "flow": 1..4, "limits": {...}}`.
///
/// # Errors
/// `options.invalid`.
pub fn options(text: &str) -> Result<Options, ApiError> {
    // A caller (the npm package above all) sends the same options with every
    // record: the last text read is kept with its options, and matched before
    // it is parsed again. Only options that name their day: without one, the
    // day is the clock's, which moves.
    thread_local! {
        static LAST: RefCell<Option<(String, Options)>> = const { RefCell::new(None) };
    }
    let hit = LAST.with(|last| last.borrow().as_ref().filter(|(t, _)| t == text).map(|(_, o)| o.clone()));
    if let Some(options) = hit {
        return Ok(options);
    }
    let raw = raw_options(text)?;
    let options = Options { today: today(&raw)?, flow: raw.flow, limits: raw.limits };
    if raw.today.is_some() {
        LAST.with(|last| *last.borrow_mut() = Some((text.to_owned(), options.clone())));
    }
    Ok(options)
}

fn provider(id: &str) -> Result<Provider, ApiError> {
    id.parse().map_err(|e: crate::UnknownProvider| api("provider.unknown", e.to_string()))
}

/// The JSON Schema (draft 2020-12) of a provider's input record, as JSON text (see
/// [`crate::json_schema`] for what it can and cannot express).
///
/// # Errors
/// `provider.unknown`.
///
/// # Example
/// ```
/// let schema = intake::json::json_schema("stax").unwrap();
/// assert!(schema.contains(r#""$schema":"https://json-schema.org/draft/2020-12/schema""#));
/// assert_eq!(intake::json::json_schema("nope").unwrap_err().code, "provider.unknown");
/// ```
pub fn json_schema(provider_id: &str) -> Result<String, ApiError> {
    let p = provider(provider_id)?;
    Ok(crate::json_schema::input_schema(p).to_json())
}

/// Validates one record (JSON text); returns the outcome's JSON, the same line
/// `intake check` prints for it (without `record`).
///
/// # Errors
/// `provider.unknown`, `options.invalid`.
///
/// # Example
/// ```
/// let out = intake::json::validate("atoa", r#"{"fullName":"Ada","email":"ada@example.com"}"#, r#"{"today":"2026-11-22"}"#).unwrap();
/// assert!(out.starts_with(r#"{"valid":true"#));
/// ```
pub fn validate(provider_id: &str, record: &str, options_json: &str) -> Result<String, ApiError> {
    let p = provider(provider_id)?;
    let o = options(options_json)?;
    Ok(crate::validate_json(p, record.as_bytes(), &o).to_json())
}

/// Validates a JSON array of records as one batch; returns a JSON array of outcomes.
///
/// # Errors
/// `provider.unknown`, `options.invalid`, `input.invalid` (not a JSON array).
pub fn validate_batch(provider_id: &str, records: &str, options_json: &str) -> Result<String, ApiError> {
    let p = provider(provider_id)?;
    let o = options(options_json)?;
    let limits = Limits { max_bytes: usize::MAX, ..o.limits };
    let (node, _) = crate::read_node(records.as_bytes(), &limits).map_err(|f| api("input.invalid", f.message))?;
    let Node::Array(items) = node else {
        return Err(api("input.invalid", "records must be a JSON array"));
    };
    let mut batch = Batch::new(p);
    let check = p.profile().check;
    let outcomes: Vec<_> = items
        .iter()
        .map(|record| {
            // The array was measured, not each record: each is walked.
            let mut outcome = check(record, Measured::Unknown, &o);
            batch.apply(&mut outcome);
            outcome
        })
        .collect();
    Ok(serde_json::to_string(&outcomes).unwrap_or_default())
}

/// Checks one field as a person types; returns `{state, normalized, error, warnings}`.
///
/// # Errors
/// `provider.unknown`, `options.invalid`, `field.unknown`, `input.invalid`.
///
/// # Example
/// ```
/// let out = intake::json::check_field("atoa", "/postcode", r#""SW1A""#, r#"{"partial":true,"today":"2026-11-22"}"#).unwrap();
/// assert!(out.contains(r#""state":"incomplete""#));
/// ```
pub fn check_field(provider_id: &str, pointer: &str, value: &str, options_json: &str) -> Result<String, ApiError> {
    let p = provider(provider_id)?;
    let raw = raw_options(options_json)?;
    let text = value;
    let node = Node::from_slice(text.as_bytes()).map_err(|_| api("input.invalid", "the value must be JSON text"))?;
    let value = node.to_value();
    let o = FieldOptions {
        partial: raw.partial,
        today: today(&raw)?,
        region: raw.region.clone(),
        record: raw.record.clone(),
    };
    let checked = check_one(p, pointer, &value, &o).map_err(|e| api("field.unknown", e.to_string()))?;
    // A free-form object passes through unchanged: echo it in its own member
    // order, not in the order of a `Value` (sorted, without `preserve_order`).
    let echoed = match &checked.normalized {
        Some(v @ Value::Object(_)) if *v == value => node,
        Some(v) => Node::from(v.clone()),
        None => Node::Null,
    };
    let issue = |i: &crate::field::FieldIssue| ordered! {"code": i.code.as_str(), "message": i.message.as_str()};
    let state = serde_json::to_value(checked.state).unwrap_or(Value::Null);
    Ok(to_text(&ordered! {
        "state": state,
        "normalized": echoed,
        "error": checked.error.as_ref().map_or(Node::Null, issue),
        "warnings": checked.warnings.iter().map(issue).collect::<Vec<_>>(),
    }))
}

/// Every profile and its fields, as JSON.
#[must_use]
pub fn providers() -> String {
    serde_json::to_string(&catalog::providers()).unwrap_or_default()
}

/// The arguments of a field rule run by name ([`rule`], and a field fixture's
/// `args`): each rule reads the ones it needs.
#[derive(Clone, Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct RuleArgs {
    /// `phone`: the region a national number is read in (ISO alpha-2).
    pub region: Option<String>,
    /// `phone_with_code`: the country calling code.
    pub code: Option<u16>,
    /// `country`: 2 or 3, the alpha form wanted (2 when absent).
    pub alpha: Option<u8>,
    /// `text`: the least number of characters (1 when absent).
    pub min: Option<usize>,
    /// `text`: the most characters (10,000 when absent).
    pub max: Option<usize>,
    /// `text`: whether runs of spaces fold into one.
    pub fold: bool,
    /// `text`: whether line breaks are allowed.
    pub multiline: bool,
    /// `enum`: the allowed values.
    pub values: Vec<String>,
    /// `cvv`: the card's brand, which decides the length.
    pub brand: Option<card::Brand>,
    /// `expiry`: the month.
    pub month: Option<u8>,
    /// `expiry`: the year.
    pub year: Option<u16>,
    /// `expiry`: "today" (2026-01-01 when absent, so fixtures do not age).
    pub today: Option<Date>,
}

#[cfg(feature = "phone")]
/// What libphonenumber's as-you-type formatter shows for `text` typed one
/// character at a time in `region` (ISO alpha-2; empty or unknown: no region,
/// so only numbers that begin with `+` are formatted), with the live state of
/// the number (`valid`; `incomplete` while some continuation can still be valid
/// in the region, by the metadata; else `invalid`) and, once valid, its E.164
/// form and number type:
/// `{"formatted": "07400 123456", "state": "valid", "e164": "+447400123456", "numberType": "mobile"}`.
/// The WASM package's `AsYouType` class calls this with the whole text so far.
///
/// # Example
/// ```
/// let out = intake::json::as_you_type("07400123", "GB");
/// assert_eq!(out, r#"{"formatted":"07400 123","state":"incomplete","e164":null,"numberType":null}"#);
/// ```
#[must_use]
pub fn as_you_type(text: &str, region: &str) -> String {
    let region = phone::Region::parse(region);
    let mut typing = phone::AsYouType::new(region);
    let formatted = typing.input(text);
    let phone = typing.phone();
    let state = match &phone {
        Some(_) => "valid",
        None if phone::could_complete(text, region.as_ref().map(phone::Region::as_str)) => "incomplete",
        None => "invalid",
    };
    to_text(&ordered! {
        "formatted": formatted,
        "state": state,
        "e164": phone.as_ref().map(|p| p.e164()),
        "numberType": phone.as_ref().map(|p| p.number_type().as_str()),
    })
}

#[cfg(feature = "phone")]
/// A phone text written in `style` (`national`, `international` or `e164`),
/// read in `region` when it has no `+` (empty: no region): a JSON string, or
/// `null` when the text is not a valid phone number.
///
/// # Errors
/// `options.invalid` for an unknown style.
///
/// # Example
/// ```
/// assert_eq!(intake::json::format_phone("+447400123456", "national", "").unwrap(), r#""07400 123456""#);
/// assert_eq!(intake::json::format_phone("07400 1234", "e164", "GB").unwrap(), "null");
/// ```
pub fn format_phone(text: &str, style: &str, region: &str) -> Result<String, ApiError> {
    let style: phone::Style = style.parse().map_err(|_| {
        api("options.invalid", format!("`{style}` is not a phone style (national, international or e164)"))
    })?;
    let region = Some(region).filter(|r| !r.trim().is_empty());
    Ok(phone::format_number(text, region, style).map_or(Value::Null, Value::String).to_string())
}

#[cfg(feature = "phone")]
/// libphonenumber's example number of `region` and `number_type` (`mobile`,
/// `fixed_line`, `toll_free`, ...) in E.164, as a JSON string; `null` when the
/// region is unknown or has no number of the type.
///
/// # Errors
/// `options.invalid` for an unknown number type.
///
/// # Example
/// ```
/// assert_eq!(intake::json::example_number("GB", "mobile").unwrap(), r#""+447400123456""#);
/// assert_eq!(intake::json::example_number("XX", "mobile").unwrap(), "null");
/// ```
pub fn example_number(region: &str, number_type: &str) -> Result<String, ApiError> {
    let kind: phone::NumberType = number_type
        .parse()
        .map_err(|_| api("options.invalid", format!("`{number_type}` is not a phone number type")))?;
    let example = phone::Region::parse(region).and_then(|r| phone::example_number(r, kind));
    Ok(example.map_or(Value::Null, Value::String).to_string())
}

/// Runs one field rule by name on a JSON value: the surface the field fixtures
/// drive, natively and in WASM. Returns `{"normalized", "error", "warnings"}`
/// with `error` and each warning as `{"code", "message"}`.
///
/// Rules: `text`, `email`, `phone`, `phone_format` (a phone written nationally
/// and internationally), `phone_as_you_type` (what a formatter shows after
/// each character of the input, typed in `region`), `phone_with_code`, `uk_postcode`,
/// `atoa_postcode`, `gb_vat`, `country`, `card_number`, `expiry_month`,
/// `expiry_year`, `expiry`, `cvv`, `uuid`, `hex24`, `enum`, `date`, `url`,
/// `number`, `boolean`.
///
/// # Errors
/// `rule.unknown`, `options.invalid` (bad arguments), `input.invalid`.
///
/// # Example
/// ```
/// let out = intake::json::rule("gb_vat", r#""GB 980 7806 84""#, "{}").unwrap();
/// assert_eq!(out, r#"{"normalized":"GB980780684","error":null,"warnings":[]}"#);
/// ```
pub fn rule(name: &str, input: &str, args_json: &str) -> Result<String, ApiError> {
    let args: RuleArgs = if args_json.trim().is_empty() {
        RuleArgs::default()
    } else {
        serde_json::from_str(args_json).map_err(|e| api("options.invalid", format!("arguments: {e}")))?
    };
    let value: Value = serde_json::from_str(input).map_err(|_| api("input.invalid", "the input must be JSON text"))?;
    let result = run_rule(name, &value, &args)?;
    let out = match result {
        Ok(parsed) => ordered! {
            "normalized": parsed.value,
            "error": Node::Null,
            "warnings": parsed.warnings.iter().map(fault_json).collect::<Vec<_>>(),
        },
        Err(fault) => ordered! {"normalized": Node::Null, "error": fault_json(&fault), "warnings": Vec::new()},
    };
    Ok(to_text(&out))
}

fn to_text(node: &Node<'_>) -> String {
    serde_json::to_string(node).unwrap_or_default()
}

fn fault_json(f: &Fault) -> Node<'static> {
    ordered! {"code": f.code.as_str(), "message": f.message.as_ref()}
}

type Answer = Node<'static>;

fn run_rule(name: &str, value: &Value, a: &RuleArgs) -> Result<Result<Parsed<Answer>, Fault>, ApiError> {
    let string =
        || -> Result<&str, Fault> { value.as_str().ok_or_else(|| crate::fields::wrong_type("a string", value)) };
    let s = |p: Parsed<Cow<'_, str>>| p.map(|v| Answer::from(v.into_owned()));
    let clean = |r: Result<Cow<'_, str>, Fault>| r.map(|v| Parsed::clean(Answer::from(v.into_owned())));
    let today = a.today.unwrap_or_else(|| Date::new(2026, 1, 1).unwrap_or(Date::from_unix_days(0)));
    let out = match name {
        "text" => string().and_then(|t| {
            let r = TextRule {
                min: a.min.unwrap_or(1),
                max: a.max.unwrap_or(10_000),
                fold: a.fold,
                multiline: a.multiline,
            };
            clean(text::parse(t, &r))
        }),
        "email" => string().and_then(email::parse).map(s),
        "phone" => string().and_then(|t| phone::parse(t, a.region.as_deref())).map(|p| p.map(|p| phone_json(&p))),
        #[cfg(feature = "phone")]
        "phone_format" => string().and_then(|t| phone::parse(t, a.region.as_deref())).map(|p| {
            p.map(|p| {
                ordered! {
                    "national": p.format(phone::Style::National),
                    "international": p.format(phone::Style::International),
                }
            })
        }),
        #[cfg(feature = "phone")]
        "phone_as_you_type" => string().map(|t| {
            let mut typing = phone::AsYouType::new(a.region.as_deref().and_then(phone::Region::parse));
            let mut buf = [0u8; 4];
            let shown: Vec<Answer> = t.chars().map(|c| Answer::from(typing.input(c.encode_utf8(&mut buf)))).collect();
            Parsed::clean(Answer::from(shown))
        }),
        "phone_with_code" => {
            string().and_then(|t| phone::parse_with_code(a.code.unwrap_or(0), t)).map(|p| Parsed::clean(phone_json(&p)))
        }
        "uk_postcode" => string().map(|t| Parsed::clean(Answer::from(postcode::uk(t).map(Cow::into_owned)))),
        "atoa_postcode" => string().and_then(crate::profiles::atoa::parse_postcode).map(s),
        "gb_vat" => string().and_then(vat::parse).map(s),
        "country" => string().and_then(|t| {
            let alpha = if a.alpha == Some(3) { Alpha::Three } else { Alpha::Two };
            country::parse(t, alpha).map(|p| p.map(Answer::from))
        }),
        "card_number" => {
            string()
                .and_then(card::number)
                .map(|c| Parsed::clean(ordered! {"digits": c.expose(), "brand": Answer::from(serde_json::to_value(c.brand()).unwrap_or(Value::Null))}))
        }
        "expiry_month" => string().and_then(card::month).map(|m| Parsed::clean(Answer::from(format!("{m:02}")))),
        "expiry_year" => string().and_then(card::year).map(|y| Parsed::clean(Answer::from(format!("{y:04}")))),
        "expiry" => {
            card::expiry(a.month.unwrap_or(0), a.year.unwrap_or(0), today).map(|()| Parsed::clean(Answer::from(true)))
        }
        "cvv" => {
            string().and_then(|t| card::cvv(t, a.brand)).map(|c| Parsed::clean(Answer::from(c.expose())))
        }
        "uuid" => string().and_then(|t| clean(id::uuid(t))),
        "hex24" => string().and_then(|t| clean(id::hex24(t))),
        "enum" => string().and_then(|t| {
            let values: Vec<&str> = a.values.iter().map(String::as_str).collect();
            enumeration::parse(t, &values).map(|v| Parsed::clean(Answer::from(v)))
        }),
        "date" => string().and_then(|t| clean(scalar::date(t))),
        "url" => string().and_then(|t| clean(scalar::url(t))),
        "number" => scalar::number(value).map(|n| Parsed::clean(Answer::from(n))),
        "boolean" => scalar::boolean(value).map(|b| Parsed::clean(Answer::from(b))),
        _ => return Err(api("rule.unknown", "no rule of that name; see intake::json::rule")),
    };
    Ok(out)
}

fn phone_json(p: &phone::Phone) -> Answer {
    ordered! {
        "e164": p.e164(),
        "countryCode": p.country_code(),
        "national": p.national(),
        "region": p.region().as_ref().map(phone::Region::as_str),
        "type": p.number_type().as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_again_when_their_text_changes() {
        let a = options(r#"{"today":"2026-11-22"}"#).unwrap();
        let b = options(r#"{"today":"2027-01-05","flow":2}"#).unwrap();
        assert_eq!((a.today, a.flow), (Date::new(2026, 11, 22).unwrap(), None));
        assert_eq!((b.today, b.flow), (Date::new(2027, 1, 5).unwrap(), Flow::from_number(2)));
        // The kept text answers again, and a bad text is still an error after a good one.
        assert_eq!(options(r#"{"today":"2027-01-05","flow":2}"#).unwrap().today, b.today);
        assert_eq!(options(r#"{"today":"2027-01-05","flow":9}"#).unwrap_err().code, "options.invalid");
    }
}
