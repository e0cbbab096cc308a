//! The invariants every outcome satisfies, whatever the input. The fuzz targets
//! (`fuzz/`) assert them on generated input, and the ordinary test run replays the
//! committed seeds and regressions through the same functions, on stable Rust.
//!
//! Each function returns `Err(description)` on a broken invariant; the description
//! never contains the input.

mod structured;

use std::borrow::Cow;

use serde_json::Value;

use crate::catalog;
use crate::field::{check_field, FieldOptions, FieldState};
use crate::rules::country::Alpha;
use crate::rules::{card, country, email, id, phone, postcode, scalar, text, vat};
use crate::{pointer_tokens, validate, validate_json, Code, Fault, Options, Outcome, Parsed, Payload, Provider, Valid};

/// What validation gives for a record that lives `'a`.
pub type Checked<'a> = Outcome<Valid<Payload<'a>>>;
#[cfg(feature = "arbitrary")]
pub use structured::run_structured_target;
pub use structured::{batch, value_record, STRUCTURED_TARGETS};

/// Validates `bytes` as one record and checks every invariant of its outcome
/// (and, first, that intake's own JSON reader reads it as serde_json does):
/// `valid` exactly when there are no errors; a status exactly when invalid; a payload
/// exactly when valid; every path a JSON Pointer into the input (or naming a missing
/// member of an object in it); no run of 12 or more digits of the input (a card
/// number) in any message; the outcome line byte for byte what serde_json
/// writes for the outcome; a record the reading measured within the limits
/// (and so not walked for them) within them; and normalizing the payload again changes nothing and
/// raises no change warning.
///
/// # Errors
/// A description of the first broken invariant.
///
/// # Example
/// ```
/// let options = intake::Options::new("2026-11-22".parse().unwrap());
/// assert!(intake::invariants::record(intake::Provider::Atoa, br#"{"fullName":"Ada","email":"a@b.co"}"#, &options).is_ok());
/// ```
pub fn record<'a>(provider: Provider, bytes: &'a [u8], options: &Options) -> Result<Checked<'a>, String> {
    crate::node::Node::reader_agrees(bytes)?;
    let outcome = validate_json(provider, bytes, options);
    // The input as intake reads it: serde_json's `Value` would read the member
    // name `$serde_json::private::RawValue` as its raw-value marker, not a name.
    let input: Option<Value> = crate::node::Node::from_slice(bytes).ok().map(|node| node.to_value());
    shape(&outcome)?;
    if Some(outcome.to_json()) != serde_json::to_string(&outcome).ok() {
        return Err("the outcome line differs from what serde_json writes".to_owned());
    }
    if let Ok((node, crate::limits::Measured::Within)) = crate::read_node(bytes, &options.limits) {
        if !options.limits.within(&node, 0) {
            return Err("the reading took a record for within the limits that breaks one".to_owned());
        }
    }
    let digit_runs = input.as_ref().map(long_digit_runs).unwrap_or_default();
    for d in outcome.errors.iter().chain(&outcome.warnings) {
        let tokens = pointer_tokens(&d.path).ok_or_else(|| format!("{}: path is not a JSON Pointer", d.code))?;
        if let Some(input) = &input {
            if !tokens_into(input, &tokens) {
                return Err(format!("{}: path does not point into the input", d.code));
            }
        }
        if digit_runs.iter().any(|run| d.message.contains(run.as_str())) {
            return Err(format!("{}: the message repeats digits of the input", d.code));
        }
    }
    if let Some(normalized) = &outcome.normalized {
        let normalized = normalized.to_value();
        let again = validate(provider, &normalized, options);
        if !again.valid || again.normalized.as_ref().map(|p| p.to_value()).as_ref() != Some(&normalized) {
            return Err("normalizing the payload again changed it or made it invalid".to_owned());
        }
        if again.normalized.as_ref().is_some_and(|p| !p.is_borrowed()) {
            return Err("a payload that needs no change copied a value instead of borrowing it".to_owned());
        }
        if let Some(w) = again.warnings.iter().find(|w| w.code.is_change()) {
            return Err(format!("normalizing the payload again raised the change warning {}", w.code));
        }
    }
    Ok(outcome)
}

fn shape(o: &Checked<'_>) -> Result<(), String> {
    if o.valid != o.errors.is_empty() {
        return Err("valid is not exactly 'no errors'".to_owned());
    }
    if o.valid != o.status.is_none() || o.valid != o.normalized.is_some() {
        return Err("status and normalized must be present exactly when invalid and valid".to_owned());
    }
    Ok(())
}

/// Whether the JSON Pointer `path` names a place in `input`, or a missing member of
/// an object in it (where a required field should be).
#[must_use]
pub fn points_into(input: &Value, path: &str) -> bool {
    pointer_tokens(path).is_some_and(|tokens| tokens_into(input, &tokens))
}

fn tokens_into(input: &Value, tokens: &[String]) -> bool {
    let mut at = input;
    for (i, t) in tokens.iter().enumerate() {
        let next = match at {
            Value::Object(m) => m.get(t),
            Value::Array(a) => t.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        };
        match next {
            Some(v) => at = v,
            None => return i + 1 == tokens.len() && at.is_object(),
        }
    }
    true
}

/// Runs of 12 or more digits (card numbers) in the strings of a JSON value.
fn long_digit_runs(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => digit_runs(s, 12),
        Value::Array(a) => a.iter().flat_map(long_digit_runs).collect(),
        Value::Object(m) => m.values().flat_map(long_digit_runs).collect(),
        _ => Vec::new(),
    }
}

/// The runs of at least `min` ASCII digits in `s`.
fn digit_runs(s: &str, min: usize) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_digit()).filter(|run| run.len() >= min).map(str::to_owned).collect()
}

/// A family of field rules, one fuzz target each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// Free text and names.
    Text,
    /// Email addresses.
    Email,
    /// Phone numbers, with and without a region.
    Phone,
    /// UK postcodes (and Atoa's rule) and country codes.
    Postal,
    /// GB VAT numbers.
    Vat,
    /// Card numbers, expiry months and years, CVVs.
    Card,
    /// UUIDs, 24-hex ids, dates and URLs.
    Ids,
}

impl Family {
    /// Every family.
    pub const ALL: [Family; 7] =
        [Family::Text, Family::Email, Family::Phone, Family::Postal, Family::Vat, Family::Card, Family::Ids];
}

/// Runs every rule of every family on `input` (see [`family`]).
///
/// # Errors
/// A description of the first broken invariant.
///
/// # Example
/// ```
/// assert!(intake::invariants::rules("+44 (0)7911 123456").is_ok());
/// ```
pub fn rules(input: &str) -> Result<(), String> {
    Family::ALL.into_iter().try_for_each(|f| family(f, input))
}

/// Runs the rules of one family on `input` and checks that each accepted value is
/// stable (the rule run on its own output gives the same value and no change
/// warning) and that no fault message repeats the input.
///
/// # Errors
/// A description of the first broken invariant.
pub fn family(family: Family, input: &str) -> Result<(), String> {
    match family {
        Family::Text => {
            stable_text("name", input, |t| text::parse(t, &text::TextRule::name(1, 100)).map(Parsed::clean))?;
            stable_text("notes", input, |t| text::parse(t, &text::TextRule::multiline(1000)).map(Parsed::clean))
        }
        Family::Email => {
            stable_text("email", input, email::parse)?;
            stable_text("authvia address", input, crate::profiles::authvia::address)
        }
        Family::Phone => {
            stable("phone", input, |t| phone::parse(t, None).map(|p| p.map(|p| p.e164().to_owned())))?;
            stable("phone in GB", input, |t| phone::parse(t, Some("GB")).map(|p| p.map(|p| p.e164().to_owned())))?;
            stable("phone in US", input, |t| phone::parse(t, Some("US")).map(|p| p.map(|p| p.e164().to_owned())))?;
            stable_text("stax phone", input, |t| crate::profiles::stax::phone_at_least_10(t, "US"))?;
            // Atoa sends the code and the national number apart: they must read back.
            for code in [1, 7, 44, 92, 234, 992] {
                if let Ok(first) = phone::parse_with_code(code, input) {
                    let again = phone::parse_with_code(first.country_code(), first.national()).map_err(|f| {
                        format!("phone with code {code}: its own national number fails with {}", f.code)
                    })?;
                    if again != first {
                        return Err(format!("phone with code {code}: reading its national number again changed it"));
                    }
                }
            }
            for region in [None, Some("GB"), Some("US"), Some("NG")] {
                if let Ok(parsed) = phone::parse(input, region) {
                    phone_answer(&parsed.value)?;
                }
            }
            let _ = phone::could_complete(input, Some("NG"));
            for region in [None, phone::Region::parse("GB"), phone::Region::parse("US"), phone::Region::parse("AR")] {
                as_you_type(input, region)?;
            }
            Ok(())
        }
        Family::Postal => {
            stable_text("atoa postcode", input, crate::profiles::atoa::parse_postcode)?;
            stable_text("uk postcode", input, |t| {
                postcode::uk(t).map(Parsed::clean).ok_or(Fault::new(Code::PostcodeNotUk, "not UK-shaped"))
            })?;
            stable("country2", input, |t| country::parse(t, Alpha::Two).map(|p| p.map(str::to_owned)))?;
            stable("country3", input, |t| country::parse(t, Alpha::Three).map(|p| p.map(str::to_owned)))
        }
        Family::Vat => stable_text("vat", input, vat::parse),
        Family::Card => {
            stable("card", input, |t| card::number(t).map(|c| Parsed::clean(c.expose().to_owned())))?;
            stable("month", input, |t| card::month(t).map(|m| Parsed::clean(format!("{m:02}"))))?;
            stable("year", input, |t| card::year(t).map(|y| Parsed::clean(format!("{y:04}"))))?;
            stable("cvv", input, |t| card::cvv(t, None).map(|c| Parsed::clean(c.expose().to_owned())))
        }
        Family::Ids => {
            stable_text("uuid", input, |t| id::uuid(t).map(Parsed::clean))?;
            stable_text("hex24", input, |t| id::hex24(t).map(Parsed::clean))?;
            stable_text("date", input, |t| scalar::date(t).map(Parsed::clean))?;
            stable_text("url", input, |t| scalar::url(t).map(Parsed::clean))
        }
    }
}

/// [`stable`], for a rule whose answer borrows its text when that needs no
/// change: its own output, which needs none, must come back borrowed (a
/// payload then allocates nothing for it).
fn stable_text(
    name: &str,
    input: &str,
    parse: impl for<'r> Fn(&'r str) -> Result<Parsed<Cow<'r, str>>, Fault>,
) -> Result<(), String> {
    stable(name, input, |t| parse(t).map(|p| p.map(Cow::into_owned)))?;
    if let Ok(first) = parse(input) {
        if let Ok(Parsed { value: Cow::Owned(_), .. }) = parse(&first.value) {
            return Err(format!("{name}: its own output was copied, not borrowed"));
        }
    }
    Ok(())
}

fn stable(name: &str, input: &str, parse: impl Fn(&str) -> Result<Parsed<String>, Fault>) -> Result<(), String> {
    match parse(input) {
        Ok(first) => {
            let again = parse(&first.value).map_err(|f| format!("{name}: its own output fails with {}", f.code))?;
            if again.value != first.value {
                return Err(format!("{name}: normalizing twice changed the value"));
            }
            if let Some(w) = again.warnings.iter().find(|w| w.code.is_change()) {
                return Err(format!("{name}: its own output raised the change warning {}", w.code));
            }
            Ok(())
        }
        // Messages are fixed text plus limits; what a person could not have typed
        // into them is a run of their own digits (a card or phone number).
        Err(f) if digit_runs(input, 6).iter().any(|run| f.message.contains(run.as_str())) => {
            Err(format!("{name}: the message of {} repeats digits of the input", f.code))
        }
        Err(_) => Ok(()),
    }
}

/// Checks every field of every profile with `value`, partial and not: no panic,
/// and the result is coherent (valid has no error, incomplete and invalid have one;
/// a complete check is never incomplete).
///
/// # Errors
/// A description of the first broken invariant.
pub fn fields(value: &Value, options: &Options) -> Result<(), String> {
    for provider in Provider::ALL.iter().copied() {
        for info in catalog::profile(provider).fields {
            for partial in [false, true] {
                let o = FieldOptions { partial, today: options.today, region: None, record: None };
                let Ok(check) = check_field(provider, info.path, value, &o) else {
                    return Err(format!("{provider}{}: the catalog's own pointer is unknown", info.path));
                };
                let coherent = match check.state {
                    FieldState::Valid => check.error.is_none(),
                    FieldState::Incomplete => partial && check.error.is_some() && check.normalized.is_none(),
                    FieldState::Invalid => check.error.is_some() && check.normalized.is_none(),
                };
                if !coherent {
                    return Err(format!("{provider}{}: incoherent field check (partial: {partial})", info.path));
                }
            }
        }
    }
    Ok(())
}

/// The fuzz targets, by name: `rule_<family>`, `profile_<id>`, `field_check`.
pub const TARGETS: &[&str] = &[
    "rule_text",
    "rule_email",
    "rule_phone",
    "rule_postal",
    "rule_vat",
    "rule_card",
    "rule_ids",
    "profile_atoa",
    "profile_paydock",
    "profile_authvia",
    "profile_stax",
    "profile_juicyway",
    "field_check",
];

/// Runs one fuzz target's checks on `data`: what `cargo fuzz run <name>` runs, and
/// what the ordinary test run replays for every committed seed and regression.
///
/// # Errors
/// A description of the first broken invariant, or of an unknown target.
///
/// # Example
/// ```
/// assert!(intake::invariants::run_target("profile_stax", br#"{"company":"Acme"}"#).is_ok());
/// ```
pub fn run_target(name: &str, data: &[u8]) -> Result<(), String> {
    let options = fuzz_options();
    let text = String::from_utf8_lossy(data);
    let fam = |f: Family| family(f, &text);
    match name {
        "rule_text" => fam(Family::Text),
        "rule_email" => fam(Family::Email),
        "rule_phone" => fam(Family::Phone),
        "rule_postal" => fam(Family::Postal),
        "rule_vat" => fam(Family::Vat),
        "rule_card" => fam(Family::Card),
        "rule_ids" => fam(Family::Ids),
        "field_check" => fields(&Value::String(text.into_owned()), &options),
        "profile_paydock" => {
            record(Provider::Paydock, data, &options)?;
            // Also every forced flow: detection must not be what keeps a record safe.
            for n in 1..=4 {
                let forced = options.clone().with_flow(crate::Flow::from_number(n).unwrap_or(crate::Flow::Card));
                record(Provider::Paydock, data, &forced)?;
            }
            Ok(())
        }
        _ => match name.strip_prefix("profile_").and_then(|id| id.parse::<Provider>().ok()) {
            Some(provider) => record(provider, data, &options).map(|_| ()),
            None => Err(format!("no fuzz target named {name}")),
        },
    }
}

/// The options every fuzz target validates with: "today" is 2026-11-22.
fn fuzz_options() -> Options {
    Options::new(crate::Date::new(2026, 11, 22).unwrap_or(crate::Date::from_unix_days(0)))
}

/// A valid phone answer: E.164 of at most 15 digits, of a known type, that
/// reads back to the same number, region and type (from its E.164 and its
/// international forms), and whose every prefix a form would show as still
/// completable.
fn phone_answer(p: &phone::Phone) -> Result<(), String> {
    let digits = p.e164().strip_prefix('+').unwrap_or_default();
    if digits.is_empty() || digits.len() > phone::MAX_DIGITS || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("phone: the answer is not E.164 (+ and 1 to 15 digits)".to_owned());
    }
    if p.number_type() == phone::NumberType::Unknown {
        return Err("phone: a valid answer has no number type".to_owned());
    }
    match phone::parse(p.e164(), None) {
        Ok(again) if again.value == *p && again.warnings.is_empty() => {}
        Ok(_) => return Err("phone: the E.164 answer reads back to another number or with a warning".to_owned()),
        Err(f) => return Err(format!("phone: the E.164 answer fails with {}", f.code)),
    }
    if let Some(cut) = (1..p.e164().len()).find(|&i| !phone::could_complete(&p.e164()[..i], None)) {
        return Err(format!("phone: the first {cut} characters of a valid answer are not completable"));
    }
    // Written for people with its calling code, it is still the same number. (Its national
    // form need not be: libphonenumber itself reads Argentina's `011 1554-1115`, the
    // national form of +54 11 1554 1115, as another number, and Gabon's 7-digit numbers
    // as 8-digit ones; intake agrees with it, on the corpus.)
    let international = p.format(phone::Style::International);
    if !phone::parse(&international, None).is_ok_and(|again| again.value.e164() == p.e164()) {
        return Err("phone: its international form does not read back to the same number".to_owned());
    }
    Ok(())
}

/// The as-you-type formatter on `input`: typed a character at a time it shows
/// what typing it at once shows, and an E.164 value it gives is valid. (It does
/// not always show every digit typed: libphonenumber's own formatter drops some
/// in Argentina, `0111511151181881009` → `01115 11 8188-1009`, and intake agrees.)
fn as_you_type(input: &str, region: Option<phone::Region>) -> Result<(), String> {
    let whole = phone::AsYouType::new(region).input(input);
    let mut typing = phone::AsYouType::new(region);
    let mut last = String::new();
    for c in input.chars() {
        last = typing.input(c.encode_utf8(&mut [0; 4]));
    }
    if !input.is_empty() && last != whole {
        return Err("as you type: typing a character at a time shows other text than typing it at once".to_owned());
    }
    if let Some(e164) = typing.e164() {
        if phone::parse(&e164, None).is_err() {
            return Err("as you type: the E.164 value given is not a valid number".to_owned());
        }
    }
    Ok(())
}
