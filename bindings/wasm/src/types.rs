//! The TypeScript types of the npm package, generated from Rust (`bindings/npm/types/*.d.ts`).
//!
//! - The payloads (`AtoaCustomer`, ...) and `JsonValue` are the core's own types,
//!   whose TypeScript ts-rs derives under the core's `ts` feature: nothing to keep
//!   in step by hand.
//! - The names that cannot drift are read from the core: every [`intake::Code`]
//!   (`Code::ALL`), every provider (`Provider::ALL`), and each profile's input type
//!   (its fields, kinds and requirements, from `intake::catalog`).
//! - The wire shapes that Rust's structs do not spell (an outcome as the union of a
//!   valid and an invalid one, a field check by state, the options as the JS passes
//!   them) are declared here, and tests hold them to the core in both directions:
//!   `core_output_fits_the_types` (real output of every `intake::json` entry point,
//!   over every fixture and records of its own, deserializes into them with
//!   `deny_unknown_fields`) and `options_are_accepted` (these option types, fully
//!   populated, are accepted by the core).
//! - `typescript_is_current`: the committed `.d.ts` files equal freshly generated
//!   ones (`INTAKE_WRITE_TYPES=1` rewrites them; `npm run build` does that).

// The declared shapes' fields are there to be deserialized (checked) and described, never read.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use intake::catalog::{self, FieldInfo as CoreField, Kind};
use intake::Provider;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::{Config, TypeVisitor, TS};

// ---------------------------------------------------------------------------
// Types whose TypeScript is computed from the core, not derived.

/// A JSDoc comment of `text` (lines kept).
fn jsdoc(text: &str, indent: &str) -> String {
    let mut out = format!("{indent}/**\n");
    for line in text.lines() {
        let _ = writeln!(out, "{indent} * {line}");
    }
    let _ = writeln!(out, "{indent} */");
    out.replace(" * \n", " *\n")
}

/// `impl TS` for a named type whose declaration is computed by `$body(cfg)`.
macro_rules! computed_ts {
    ($ty:ident, $docs:expr, $body:expr, |$v:ident| $deps:block) => {
        impl TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                Some(jsdoc($docs, ""))
            }
            fn name(_: &Config) -> String {
                stringify!($ty).to_owned()
            }
            fn inline(cfg: &Config) -> String {
                let body: fn(&Config) -> String = $body;
                body(cfg)
            }
            fn decl(cfg: &Config) -> String {
                format!("type {} = {};", stringify!($ty), Self::inline(cfg))
            }
            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
            fn visit_dependencies($v: &mut impl TypeVisitor)
            where
                Self: 'static,
            {
                $deps
            }
            fn output_path() -> Option<PathBuf> {
                Some(PathBuf::from(concat!(stringify!($ty), ".ts")))
            }
        }
    };
}

/// Any JSON value: the core's declaration (`intake::JsonValue`, feature `ts`),
/// read here as a `serde_json::Value`.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct JsonValue(Value);

impl TS for JsonValue {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(cfg: &Config) -> String {
        intake::JsonValue::name(cfg)
    }
    fn decl(cfg: &Config) -> String {
        intake::JsonValue::decl(cfg)
    }
    fn decl_concrete(cfg: &Config) -> String {
        intake::JsonValue::decl_concrete(cfg)
    }
    fn inline(cfg: &Config) -> String {
        intake::JsonValue::inline(cfg)
    }
    fn docs() -> Option<String> {
        intake::JsonValue::docs()
    }
    fn output_path() -> Option<std::path::PathBuf> {
        intake::JsonValue::output_path()
    }
}

/// A stable error or warning code: one of `intake::Code::ALL`.
#[derive(Debug, Deserialize)]
#[serde(try_from = "String")]
pub struct Code(intake::Code);

impl TryFrom<String> for Code {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse().map(Code).map_err(|_| format!("`{s}` is not one of intake::Code::ALL"))
    }
}

computed_ts!(
    Code,
    "A stable, machine-readable name for one kind of problem, such as `phone.invalid`.\n\
     A code never changes meaning once released (see docs/CODES.md).",
    |_| {
        let mut out = String::new();
        for code in intake::Code::ALL {
            let _ = write!(out, "\n  /** {} */\n  | \"{}\"", code.meaning(), code.as_str());
        }
        out
    },
    |_v| {}
);

/// A profile id.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct ProviderId(Provider);

computed_ts!(
    ProviderId,
    "A profile id: one provider's \"create customer\" request.",
    |_| Provider::ALL.iter().map(|p| format!("\"{}\"", p.id())).collect::<Vec<_>>().join(" | "),
    |_v| {}
);

/// `true` or `false` as a type of its own (the discriminant of a union).
#[derive(Debug)]
pub struct Flag<const B: bool>;

impl<'de, const B: bool> Deserialize<'de> for Flag<B> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if bool::deserialize(d)? == B {
            Ok(Flag)
        } else {
            Err(de::Error::custom(format!("expected {B}")))
        }
    }
}

impl<const B: bool> TS for Flag<B> {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &Config) -> String {
        B.to_string()
    }
    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
}

// ---------------------------------------------------------------------------
// The outcome of one record.

/// One error or warning, placed in the input by an RFC 6901 JSON Pointer.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// JSON Pointer into the input record; `""` is the record as a whole.
    path: String,
    /// The stable code.
    code: Code,
    /// English, for a person; never repeats the input value.
    message: String,
}

/// The outcome of validating one record: `valid` tells the two kinds apart.
/// It is the JSON a line of `intake check` prints for the record, without `record`.
#[derive(Debug, Deserialize, TS)]
#[serde(untagged)]
pub enum Outcome<P = CustomerPayload> {
    /// The record is valid: here is the payload to send.
    Valid(ValidOutcome<P>),
    /// The record is invalid: here is why, and the status the provider would answer.
    Invalid(InvalidOutcome),
}

/// A valid record's outcome.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ValidOutcome<P> {
    /// True exactly when there are no errors.
    valid: Flag<true>,
    /// No errors.
    errors: [Diagnostic; 0],
    /// What the provider would accept but is probably wrong, or what was changed.
    warnings: Vec<Diagnostic>,
    /// The provider-ready payload: exactly the documented fields, in canonical form, defaults filled in.
    normalized: P,
}

/// An invalid record's outcome.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct InvalidOutcome {
    /// False: there is at least one error.
    valid: Flag<false>,
    /// The HTTP status the provider documents for this record (400; Juicyway also 409 and 422, Authvia 409).
    status: u16,
    /// Every problem that makes the provider reject the record.
    errors: Vec<Diagnostic>,
    /// What the provider would accept but is probably wrong, or what was changed.
    warnings: Vec<Diagnostic>,
}

// ---------------------------------------------------------------------------
// Checking one field as a person types.

/// The state of one field.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FieldState {
    /// The value is valid as it stands.
    Valid,
    /// Not valid yet, but it could become valid as the person goes on typing (`+44 79`, `SW1A`).
    Incomplete,
    /// Not valid, and more typing will not make it so.
    Invalid,
}

/// A coded problem of one field (no path: the caller named the field).
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FieldIssue {
    /// The stable code.
    code: Code,
    /// English, for a person; never repeats the value.
    message: String,
}

/// The result of checking one field: `state` tells the two kinds apart.
#[derive(Debug, Deserialize, TS)]
#[serde(untagged)]
pub enum FieldCheck {
    /// The value is valid.
    Valid(ValidFieldCheck),
    /// The value is incomplete or invalid.
    NotValid(NotValidFieldCheck),
}

#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
enum ValidState {
    Valid,
}

#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
enum NotValidState {
    Incomplete,
    Invalid,
}

/// A field whose value is valid.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ValidFieldCheck {
    /// Valid as it stands.
    #[ts(inline)]
    state: ValidState,
    /// The normalized value (`null` for an empty optional field).
    normalized: Option<JsonValue>,
    /// No error.
    error: (),
    /// Warnings on the value (a likely email typo, a converted country code).
    warnings: Vec<FieldIssue>,
}

/// A field whose value is not valid (yet).
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NotValidFieldCheck {
    /// `incomplete`: it could still become valid as the person types; `invalid`: it cannot.
    #[ts(inline)]
    state: NotValidState,
    /// No value.
    normalized: (),
    /// What is wrong (when incomplete: what is still missing).
    error: FieldIssue,
    /// None.
    warnings: [FieldIssue; 0],
}

/// How a phone number is written (`formatPhone`): one of `intake::rules::phone::Style::ALL`.
#[derive(Debug, Deserialize)]
#[serde(try_from = "String")]
pub struct PhoneStyle(intake::rules::phone::Style);

impl TryFrom<String> for PhoneStyle {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse().map(PhoneStyle).map_err(|e| format!("{e}"))
    }
}

computed_ts!(
    PhoneStyle,
    "How a phone number is written: `national` (`07400 123456`), `international`\n\
     (`+44 7400 123456`) or `e164` (`+447400123456`).",
    |_| intake::rules::phone::Style::ALL.iter().map(|s| format!("\"{}\"", s.as_str())).collect::<Vec<_>>().join(" | "),
    |_v| {}
);

/// A kind of phone line (`exampleNumber`, `AsYouType`): a `NumberType::VALID` or `fixed_line_or_mobile`.
#[derive(Debug, Deserialize)]
#[serde(try_from = "String")]
pub struct PhoneNumberType(intake::rules::phone::NumberType);

impl TryFrom<String> for PhoneNumberType {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse().map(PhoneNumberType).map_err(|e| format!("{e}"))
    }
}

computed_ts!(
    PhoneNumberType,
    "A kind of phone line, as libphonenumber's metadata describes numbers (`exampleNumber`, `AsYouType`);\n\
     `fixed_line_or_mobile` where the two cannot be told apart (it has no example number of its own).",
    |_| intake::rules::phone::NumberType::VALID
        .iter()
        .chain([&intake::rules::phone::NumberType::FixedLineOrMobile])
        .map(|t| format!("\"{}\"", t.as_str()))
        .collect::<Vec<_>>()
        .join(" | "),
    |_v| {}
);

/// What the as-you-type formatter shows for a text (the WASM export behind `AsYouType`).
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
pub struct PhoneTyping {
    /// The text as the formatter shows it: `07400 123`.
    formatted: String,
    /// `valid`; `incomplete` while some continuation can still be a valid number of the region
    /// (by the metadata's patterns and lengths); else `invalid`.
    state: FieldState,
    /// The number's E.164 form once it is a valid number, else `null`.
    e164: Option<String>,
    /// The number's type once it is a valid number, else `null`.
    number_type: Option<PhoneNumberType>,
}

/// What one field rule gives (`rule()`, the low-level surface the field fixtures drive).
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RuleResult {
    /// The normalized value, or `null` when the rule rejected the input.
    normalized: Option<JsonValue>,
    /// Why the rule rejected the input, or `null`.
    error: Option<FieldIssue>,
    /// Warnings on an accepted value.
    warnings: Vec<FieldIssue>,
}

// ---------------------------------------------------------------------------
// The catalog: providers() .

/// One profile: its provider and every documented field.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ProviderInfo {
    /// The profile id.
    id: ProviderId,
    /// The provider's name.
    name: String,
    /// The endpoint the normalized payload is sent to, e.g. `POST /api/customers`.
    endpoint: String,
    /// Every documented field.
    fields: Vec<FieldInfo>,
}

/// One field of a profile.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct FieldInfo {
    /// JSON Pointer of the field, e.g. `/billing_address/city` (`/addresses/0/value`: any index).
    path: String,
    /// The rule the field follows.
    #[serde(rename = "type")]
    kind: FieldType,
    /// When it is required: `"yes"`, `"no"`, or a condition such as `"flow 1"` or `"email or phone"`.
    required: String,
    /// What it holds.
    description: String,
    /// Text: fewest characters.
    min_length: Option<u32>,
    /// Text: most characters.
    max_length: Option<u32>,
    /// Enumeration: the documented spellings (matched case-insensitively).
    values: Option<Vec<String>>,
    /// Array: the rule of each item.
    items: Option<FieldType>,
}

/// The rule a field follows, as `providers()` names it.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Text,
    Email,
    Phone,
    CallingCode,
    NationalNumber,
    Postcode,
    GbVat,
    CountryAlpha2,
    CountryAlpha3,
    Country,
    Enum,
    Uuid,
    Hex24,
    CardNumber,
    ExpiryMonth,
    ExpiryYear,
    Cvv,
    Boolean,
    Object,
    Array,
    Address,
}

// ---------------------------------------------------------------------------
// Options (accepted by the core, so checked the other way round).

/// Options of `validate()` and `validateBatch()`.
#[derive(Debug, Serialize, TS)]
#[ts(optional_fields)]
pub struct ValidateOptions {
    /// "Today" as `YYYY-MM-DD`, for the rules that need a date (card expiry); defaults to today's UTC date.
    today: Option<String>,
    /// Paydock: the flow to use instead of detecting it from the record
    /// (1 card, 2 one-time token, 3 vault token, 4 vault token without gateway id).
    #[ts(optional, type = "1 | 2 | 3 | 4")]
    flow: Option<u8>,
    /// Bounds on record size, depth, array and string lengths (each defaults to the documented limit).
    limits: Option<Limits>,
}

/// Bounds on what one record may hold; each past its limit is a coded error.
#[derive(Debug, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Limits {
    /// Largest record, in bytes of JSON (default 1 MiB).
    max_bytes: Option<u32>,
    /// Deepest nesting of arrays and objects (default 16).
    max_depth: Option<u32>,
    /// Most items in one array, or members in one object (default 1,000).
    max_items: Option<u32>,
    /// Longest string, in bytes (default 10,000).
    max_string: Option<u32>,
}

/// Options of `checkField()`.
#[derive(Debug, Serialize, TS)]
#[ts(optional_fields)]
pub struct CheckFieldOptions {
    /// The person is still typing: a value that could still become valid is `incomplete`, not `invalid`.
    partial: Option<bool>,
    /// "Today" as `YYYY-MM-DD` (card expiry); defaults to today's UTC date.
    today: Option<String>,
    /// Where a national phone number is read (ISO alpha-2, e.g. the billing country); wins over `record`.
    region: Option<String>,
    /// The rest of the record, for a field whose rule depends on another: Atoa's `phoneNumber` is read with
    /// `phoneCountryCode`, Juicyway's `phone` in `billing_address.country`, Stax's `phone` and `cc_sms` in
    /// `address_country`. Without it such a national number is not reported valid.
    #[ts(optional, type = "Record<string, unknown>")]
    record: Option<serde_json::Value>,
}

// ---------------------------------------------------------------------------
// The normalized payloads, one per profile: the core's own types, whose
// TypeScript ts-rs derives under the core's `ts` feature (no mirror to keep).
use intake::profiles::atoa::{Customer as AtoaCustomer, CustomerType as AtoaCustomerType};
use intake::profiles::authvia::{Address as AuthviaAddress, Customer as AuthviaCustomer};
use intake::profiles::juicyway::{
    BillingAddress as JuicywayBillingAddress, Customer as JuicywayCustomer, CustomerType as JuicywayCustomerType,
};
use intake::profiles::paydock::{Customer as PaydockCustomer, PaymentSource as PaydockPaymentSource};
use intake::profiles::stax::Customer as StaxCustomer;

/// The name of the payload type of a provider (exhaustive: a new provider must be given one).
fn payload_name(p: Provider, cfg: &Config) -> String {
    match p {
        Provider::Atoa => AtoaCustomer::name(cfg),
        Provider::Paydock => PaydockCustomer::name(cfg),
        Provider::Authvia => AuthviaCustomer::name(cfg),
        Provider::Stax => StaxCustomer::name(cfg),
        Provider::Juicyway => JuicywayCustomer::name(cfg),
        other => unreachable!("{other} has no payload type yet: add one here"),
    }
}

/// Any provider's payload.
pub struct CustomerPayload;

computed_ts!(
    CustomerPayload,
    "Any profile's normalized payload.",
    |cfg| Provider::ALL.iter().map(|p| payload_name(*p, cfg)).collect::<Vec<_>>().join(" | "),
    |v| {
        v.visit::<AtoaCustomer>();
        v.visit::<PaydockCustomer>();
        v.visit::<AuthviaCustomer>();
        v.visit::<StaxCustomer>();
        v.visit::<JuicywayCustomer>();
    }
);

/// The payload type of each profile, by id.
pub struct CustomerPayloads;

computed_ts!(
    CustomerPayloads,
    "The normalized payload of each profile, by profile id.",
    |cfg| profile_map(|p| payload_name(p, cfg)),
    |v| {
        v.visit::<AtoaCustomer>();
        v.visit::<PaydockCustomer>();
        v.visit::<AuthviaCustomer>();
        v.visit::<StaxCustomer>();
        v.visit::<JuicywayCustomer>();
    }
);

fn profile_map(name: impl Fn(Provider) -> String) -> String {
    let mut out = String::from("{\n");
    for p in Provider::ALL.iter().copied() {
        let _ = writeln!(out, "  {}: {},", p.id(), name(p));
    }
    out.push('}');
    out
}

/// The fields `checkField` takes, by profile id.
pub struct FieldPointers;

computed_ts!(
    FieldPointers,
    "The JSON Pointer of every field `checkField` takes, by profile id (from the catalog;\n\
     an array index matches any index).",
    |_| {
        let mut out = String::from("{\n");
        for p in Provider::ALL.iter().copied() {
            let paths: Vec<String> = catalog::profile(p).fields.iter().map(|f| pointer_type(f.path)).collect();
            let _ = writeln!(out, "  {}:\n    | {},", p.id(), paths.join("\n    | "));
        }
        out.push('}');
        out
    },
    |_v| {}
);

/// A catalog path as a TypeScript literal type: `/addresses/0/value` matches any index.
fn pointer_type(path: &str) -> String {
    if path.split('/').any(|seg| seg == "0") {
        let generic: Vec<&str> = path.split('/').map(|seg| if seg == "0" { "${number}" } else { seg }).collect();
        format!("`{}`", generic.join("/"))
    } else {
        format!("\"{path}\"")
    }
}

// ---------------------------------------------------------------------------
// Input records, one per profile, generated from the catalog.

/// The name of a profile's input type: `AtoaCustomerInput`.
fn input_name(p: Provider) -> String {
    let id = p.id();
    format!("{}{}CustomerInput", id[..1].to_ascii_uppercase(), &id[1..])
}

/// A profile's input record as TypeScript, from `intake::catalog`: every documented field
/// with its JSON type; only fields required in every case are required.
fn input_body(p: Provider) -> String {
    object_body(catalog::profile(p).fields, "", 1)
}

/// The members of the object at `prefix` (`""` is the record).
fn object_body(fields: &'static [CoreField], prefix: &str, depth: usize) -> String {
    let pad = "  ".repeat(depth);
    let mut out = String::from("{\n");
    for f in fields.iter().filter(|f| child_name(f.path, prefix).is_some()) {
        let name = child_name(f.path, prefix).unwrap_or_default();
        let required = f.required == "yes";
        let mut doc = format!("{}.", f.description.trim_end_matches('.'));
        match f.required {
            "yes" | "no" => {}
            other => match other.strip_prefix("no ") {
                Some(note) => {
                    let _ = write!(doc, "\nOptional {note}.");
                }
                None => {
                    let _ = write!(doc, "\nRequired: {other}.");
                }
            },
        }
        out.push_str(&jsdoc(&doc, &pad));
        let key = if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            name.to_owned()
        } else {
            format!("\"{name}\"")
        };
        let ty = field_type(fields, f, depth);
        let _ = if required {
            writeln!(out, "{pad}{key}: {ty};")
        } else {
            // JSON null for an optional field means absent.
            writeln!(out, "{pad}{key}?: {ty} | null;")
        };
    }
    out.push_str(&"  ".repeat(depth - 1));
    out.push('}');
    out
}

/// The last segment of `path` when it is a direct member of `prefix`.
fn child_name<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    path.strip_prefix(prefix)?.strip_prefix('/').filter(|rest| !rest.contains('/'))
}

fn has_children(fields: &[CoreField], prefix: &str) -> bool {
    fields.iter().any(|f| f.path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/')))
}

fn field_type(fields: &'static [CoreField], f: &CoreField, depth: usize) -> String {
    match f.kind {
        Kind::Object if has_children(fields, f.path) => object_body(fields, f.path, depth + 1),
        Kind::List(item) => {
            let item_path = format!("{}/0", f.path);
            let item_ty = kind_type(item);
            if has_children(fields, &item_path) {
                // An item is a bare value, or an object of its documented members.
                format!("Array<{item_ty} | {}>", object_body(fields, &item_path, depth + 1))
            } else {
                format!("Array<{item_ty}>")
            }
        }
        kind => kind_type(&kind),
    }
}

fn kind_type(kind: &Kind) -> String {
    match kind {
        Kind::Text(_)
        | Kind::Email
        | Kind::EmailLower
        | Kind::Phone
        | Kind::PhoneIn(_)
        | Kind::StaxPhone
        | Kind::CallingCode
        | Kind::NationalNumber
        | Kind::AtoaPostcode
        | Kind::GbVat
        | Kind::Country(_)
        | Kind::CountryAny
        | Kind::Uuid
        | Kind::Hex24
        | Kind::CardNumber
        | Kind::ExpiryMonth
        | Kind::ExpiryYear
        | Kind::Cvv
        | Kind::AuthviaAddress => "string".to_owned(),
        // Matched case-insensitively: the documented spellings, and any other string.
        Kind::Enum(values) => {
            let mut names: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
            names.push("(string & {})".to_owned());
            names.join(" | ")
        }
        Kind::Boolean => "boolean".to_owned(),
        Kind::Object => "{ [key in string]?: JsonValue }".to_owned(),
        Kind::List(item) => format!("Array<{}>", kind_type(item)),
        other => panic!("catalog kind `{}` has no TypeScript type: add it to bindings/wasm/src/types.rs", other.name()),
    }
}

fn inputs_use_json(p: Provider) -> bool {
    input_body(p).contains("JsonValue")
}

macro_rules! input_types {
    ($($ty:ident = $p:expr;)*) => {
        $(
            #[doc = concat!("The input record of a profile, generated from `intake::catalog`.")]
            pub struct $ty;
            computed_ts!(
                $ty,
                &format!(
                    "A \"create customer\" record for {}, as a person or a form gives it: the input of\n\
                     `validate` (generated from the profile's catalog; values are checked and normalized there).",
                    $p.name()
                ),
                |_| input_body($p),
                |v| {
                    if inputs_use_json($p) {
                        v.visit::<JsonValue>();
                    }
                }
            );
        )*

        /// The input type of each profile, by id.
        pub struct CustomerInputs;
        computed_ts!(
            CustomerInputs,
            "The input record of each profile, by profile id.",
            |_| profile_map(input_name),
            |v| { $( v.visit::<$ty>(); )* }
        );

        #[test]
        fn input_type_names_follow_the_providers() {
            let cfg = Config::new();
            let names: Vec<String> = vec![$($ty::name(&cfg)),*];
            let expected: Vec<String> = Provider::ALL.iter().map(|p| input_name(*p)).collect();
            assert_eq!(names, expected);
        }
    };
}

input_types! {
    AtoaCustomerInput = Provider::Atoa;
    PaydockCustomerInput = Provider::Paydock;
    AuthviaCustomerInput = Provider::Authvia;
    StaxCustomerInput = Provider::Stax;
    JuicywayCustomerInput = Provider::Juicyway;
}

// ---------------------------------------------------------------------------
// Generation.

/// The `.d.ts` files, by file name: one per type, and `index.d.ts` re-exporting them all.
fn generate() -> BTreeMap<String, String> {
    let cfg = Config::new().with_import_extension(Some("js"));
    let mut files = BTreeMap::new();
    let mut add = |name: String, text: Result<String, ts_rs::ExportError>, deps: Vec<ts_rs::Dependency>| {
        let text = text.unwrap_or_else(|e| panic!("{name}: {e}"));
        files.insert(name, (text, deps));
    };
    macro_rules! export {
        ($($ty:ty),* $(,)?) => {$(
            add(
                format!("{}.d.ts", <$ty>::ident(&cfg)),
                <$ty>::export_to_string(&cfg),
                <$ty>::dependencies(&cfg),
            );
        )*};
    }
    export!(
        JsonValue,
        Code,
        ProviderId,
        Diagnostic,
        Outcome,
        ValidOutcome<JsonValue>,
        InvalidOutcome,
        FieldState,
        FieldIssue,
        FieldCheck,
        ValidFieldCheck,
        NotValidFieldCheck,
        RuleResult,
        PhoneStyle,
        PhoneNumberType,
        PhoneTyping,
        ProviderInfo,
        FieldInfo,
        FieldType,
        ValidateOptions,
        Limits,
        CheckFieldOptions,
        AtoaCustomer,
        AtoaCustomerType,
        PaydockCustomer,
        PaydockPaymentSource,
        AuthviaCustomer,
        AuthviaAddress,
        StaxCustomer,
        JuicywayCustomer,
        JuicywayCustomerType,
        JuicywayBillingAddress,
        CustomerPayload,
        CustomerPayloads,
        AtoaCustomerInput,
        PaydockCustomerInput,
        AuthviaCustomerInput,
        StaxCustomerInput,
        JuicywayCustomerInput,
        CustomerInputs,
        FieldPointers,
    );
    // Every type a file imports is generated too.
    for (name, (_, deps)) in &files {
        for dep in deps {
            let file = dep.output_path.with_extension("d.ts").display().to_string();
            assert!(files.contains_key(&file), "{name} imports {} ({file}), which is not generated", dep.ts_name);
        }
    }
    let mut out: BTreeMap<String, String> = files.into_iter().map(|(k, (text, _))| (k, text)).collect();
    let mut index =
        String::from("// Generated by bindings/wasm/src/types.rs (`npm run build`). Do not edit this file manually.\n");
    for name in out.keys() {
        let stem = name.trim_end_matches(".d.ts");
        let _ = writeln!(index, "export type {{ {stem} }} from \"./{stem}.js\";");
    }
    out.insert("index.d.ts".to_owned(), index);
    out
}

fn types_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../npm/types")
}

#[test]
fn typescript_is_current() {
    let files = generate();
    let dir = types_dir();
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.ends_with(".d.ts")).collect()
        })
        .unwrap_or_default();
    if std::env::var_os("INTAKE_WRITE_TYPES").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(&dir).unwrap();
        for stale in on_disk.iter().filter(|n| !files.contains_key(*n)) {
            std::fs::remove_file(dir.join(stale)).unwrap();
        }
        for (name, text) in &files {
            let path = dir.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                std::fs::write(&path, text).unwrap();
            }
        }
        return;
    }
    let mut drift = Vec::new();
    for (name, text) in &files {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(committed) if committed == *text => {}
            Ok(_) => drift.push(format!("{name} differs")),
            Err(_) => drift.push(format!("{name} is missing")),
        }
    }
    drift.extend(on_disk.iter().filter(|n| !files.contains_key(*n)).map(|n| format!("{n} is not generated")));
    assert!(
        drift.is_empty(),
        "bindings/npm/types is out of date ({}); regenerate with `npm run build` in bindings/npm, or \
         `INTAKE_WRITE_TYPES=1 cargo test -p intake-wasm`",
        drift.join(", ")
    );
}

// ---------------------------------------------------------------------------
// The core's real output fits the types.

const TODAY: &str = r#"{"today":"2026-11-22"}"#;

fn fits<'de, T: Deserialize<'de>>(what: &str, json: &'de str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{what}: the core's JSON does not fit the types: {e}\n{json}"))
}

/// Checks one outcome's JSON against `Outcome<payload of p>`.
fn outcome_fits(p: Provider, what: &str, json: &str) {
    let raw: Value = fits(what, json);
    let valid = raw["valid"] == json!(true);
    let matched_valid = match p {
        Provider::Atoa => matches!(fits::<Outcome<AtoaCustomer>>(what, json), Outcome::Valid(_)),
        Provider::Paydock => matches!(fits::<Outcome<PaydockCustomer>>(what, json), Outcome::Valid(_)),
        Provider::Authvia => matches!(fits::<Outcome<AuthviaCustomer>>(what, json), Outcome::Valid(_)),
        Provider::Stax => matches!(fits::<Outcome<StaxCustomer>>(what, json), Outcome::Valid(_)),
        Provider::Juicyway => matches!(fits::<Outcome<JuicywayCustomer>>(what, json), Outcome::Valid(_)),
        other => unreachable!("{other} has no payload type yet: add one here"),
    };
    assert_eq!(valid, matched_valid, "{what}: `valid` does not agree with the outcome's shape\n{json}");
}

fn field_check_fits(what: &str, json: &str) {
    let raw: Value = fits(what, json);
    let matched_valid = matches!(fits::<FieldCheck>(what, json), FieldCheck::Valid(_));
    assert_eq!(raw["state"] == json!("valid"), matched_valid, "{what}: `state` does not agree\n{json}");
}

/// Records of every profile, valid and not, beyond what the fixtures hold.
fn sample_records() -> Vec<(Provider, Value)> {
    vec![
        (
            Provider::Atoa,
            json!({"fullName": "Ada Lovelace", "email": "ada@gmial.com", "type": "business",
            "phoneCountryCode": "+44", "phoneNumber": "07911 123456", "address": "1 High St", "city": "London",
            "postcode": "sw1a1aa", "vatNumber": "GB 980 7806 84", "extra": 1}),
        ),
        (Provider::Atoa, json!({"fullName": "A", "phoneNumber": "12"})),
        (
            Provider::Paydock,
            json!({"payment_source": {"type": "card", "gateway_id": "5F0C1B2A3D4E5F60718293A4",
            "card_name": "Ada Lovelace", "card_number": "4111 1111 1111 1111", "expire_month": "1",
            "expire_year": "31", "card_ccv": "737", "address_line1": "1 High St", "address_line2": "Flat 2",
            "address_state": "NSW", "address_country": "au", "address_city": "Sydney", "address_postcode": "2000"},
            "reference": "r", "description": "d", "company_name": "c", "first_name": "Ada", "last_name": "L",
            "email": "ada@example.com", "phone": "+61 2 9876 5432", "default_source": "5f0c1b2a3d4e5f60718293a4"}),
        ),
        (Provider::Paydock, json!({"token": "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "phone": "bad"})),
        (Provider::Paydock, json!({"payment_source": {"vault_token": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}})),
        (Provider::Paydock, json!({"token": "x", "payment_source": {"type": "card"}})),
        (
            Provider::Authvia,
            json!({"ref": "c-1", "addresses": ["Ada@Example.com", {"value": "+1 (415) 555-2671"},
            "ada@example.com"], "metadata": {"a": [1, {"b": null}]}, "appdata": {}}),
        ),
        (Provider::Authvia, json!({"addresses": ["nope"]})),
        (
            Provider::Stax,
            json!({"firstname": "Ada", "lastname": "L", "company": "Acme", "email": "ada@example.com",
            "cc_emails": ["b@example.com"], "cc_sms": ["+1 415 555 2671"], "phone": "(415) 555-2671",
            "address_1": "1 Main St", "address_2": "Apt 2", "address_city": "SF", "address_state": "CA",
            "address_zip": "94105", "address_country": "us", "notes": "n\nm", "reference": "r",
            "allow_invoice_credit_card_payments": true, "options": {"custom_fields": [
                {"name": "seats", "type": "number", "value": 42}, {"name": "vip", "type": "boolean", "value": true}]}}),
        ),
        (Provider::Stax, json!({})),
        (
            Provider::Juicyway,
            json!({"first_name": "Ada", "last_name": "Obi", "email": "ada@example.com",
            "phone": "0801 234 5678", "type": "Individual", "billing_address": {"line1": "1 Marina",
            "line2": "Suite 2", "city": "Lagos", "state": "Lagos", "zip_code": "101001", "country": "ng"}}),
        ),
        (Provider::Juicyway, json!({"first_name": 1, "email": "x"})),
    ]
}

/// The fixture files of a kind, parsed.
fn fixture_files(dir: &str) -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let v = serde_json::from_str(&std::fs::read_to_string(&p).ok()?).ok()?;
            Some((p.display().to_string(), v))
        })
        .collect()
}

fn options_of(file: &Value, case: &Value) -> String {
    let mut o = file.get("options").and_then(Value::as_object).cloned().unwrap_or_default();
    if let Some(c) = case.get("options").and_then(Value::as_object) {
        o.extend(c.clone());
    }
    o.entry("today").or_insert_with(|| json!("2026-11-22"));
    Value::Object(o).to_string()
}

#[test]
fn core_output_fits_the_types() {
    use intake::json as api;
    let mut checked = 0;

    let providers: Vec<ProviderInfo> = fits("providers()", &api::providers());
    assert_eq!(providers.len(), Provider::ALL.len());
    checked += 1;

    // The phone helpers: typing, formatting, examples.
    for (text, region) in [("07400123456", "GB"), ("0740", "GB"), ("+1650", ""), ("x", "ZZ"), ("", "")] {
        let _: PhoneTyping = fits("asYouType()", &api::as_you_type(text, region));
        checked += 1;
    }
    for style in intake::rules::phone::Style::ALL {
        let _: PhoneStyle = fits("a style", &format!("\"{}\"", style.as_str()));
        for text in ["+447400123456", "nope"] {
            let _: Option<String> = fits("formatPhone()", &api::format_phone(text, style.as_str(), "").unwrap());
        }
        checked += 2;
    }
    for kind in intake::rules::phone::NumberType::VALID {
        let _: PhoneNumberType = fits("a number type", &format!("\"{}\"", kind.as_str()));
        let _: Option<String> = fits("exampleNumber()", &api::example_number("GB", kind.as_str()).unwrap());
        checked += 1;
    }

    // Whole records: our samples, then every profile and batch fixture.
    for (p, record) in sample_records() {
        outcome_fits(p, &record.to_string(), &api::validate(p.id(), &record.to_string(), TODAY).unwrap());
        checked += 1;
    }
    for p in Provider::ALL.iter().copied() {
        outcome_fits(p, "not JSON", &api::validate(p.id(), "{oops", TODAY).unwrap());
        let batch =
            api::validate_batch(p.id(), r#"[{}, {"email": "a@example.com"}, {"email": "a@example.com"}]"#, TODAY);
        for outcome in serde_json::from_str::<Vec<Value>>(&batch.unwrap()).unwrap() {
            outcome_fits(p, "batch", &outcome.to_string());
        }
        checked += 4;
    }
    for (name, file) in fixture_files("profiles") {
        let Some(p) = file["provider"].as_str().and_then(|id| id.parse::<Provider>().ok()) else { continue };
        for (i, case) in file["cases"].as_array().into_iter().flatten().enumerate() {
            let text =
                case.get("raw").and_then(Value::as_str).map_or_else(|| case["record"].to_string(), str::to_owned);
            if let Ok(out) = api::validate(p.id(), &text, &options_of(&file, case)) {
                outcome_fits(p, &format!("{name} case {i}"), &out);
                checked += 1;
            }
        }
    }
    for (name, file) in fixture_files("batches") {
        let Some(p) = file["provider"].as_str().and_then(|id| id.parse::<Provider>().ok()) else { continue };
        if let Ok(out) = api::validate_batch(p.id(), &file["records"].to_string(), &options_of(&file, &Value::Null)) {
            for outcome in serde_json::from_str::<Vec<Value>>(&out).unwrap() {
                outcome_fits(p, &name, &outcome.to_string());
                checked += 1;
            }
        }
    }

    // Single fields: every field of every profile, typing and done, with values of every kind.
    let values = [
        json!(""),
        json!("x"),
        json!("SW1A"),
        json!("SW1A 1AA"),
        json!("+44 79"),
        json!("+44 7911 123456"),
        json!("ada@gmial.com"),
        json!("4111 1111"),
        json!("1"),
        json!("GB980780684"),
        json!("gb"),
        json!(true),
        json!(42),
        json!({"a": 1}),
        json!(["+14155552671"]),
        json!(null),
    ];
    for info in &providers {
        for field in &info.fields {
            for value in &values {
                for partial in [true, false] {
                    let opts = json!({"partial": partial, "today": "2026-11-22", "region": "GB"}).to_string();
                    let pointer = &field.path;
                    let out = api::check_field(&provider_id(info), pointer, &value.to_string(), &opts).unwrap();
                    field_check_fits(&format!("{} {pointer} {value}", provider_id(info)), &out);
                    checked += 1;
                }
            }
        }
    }
    for (name, file) in fixture_files("field_checks") {
        for (i, case) in file["cases"].as_array().into_iter().flatten().enumerate() {
            let provider = case.get("provider").or(file.get("provider")).and_then(Value::as_str).unwrap_or("");
            let pointer = case["pointer"].as_str().unwrap_or("");
            let out = api::check_field(provider, pointer, &case["value"].to_string(), &options_of(&file, case));
            if let Ok(out) = out {
                field_check_fits(&format!("{name} case {i}"), &out);
                checked += 1;
            }
        }
    }

    // Field rules.
    let rules = [
        ("gb_vat", json!("GB 980 7806 84"), json!({})),
        ("gb_vat", json!("12"), json!({})),
        ("email", json!("ada@gmial.com"), json!({})),
        ("phone", json!("07911 123456"), json!({"region": "GB"})),
        ("card_number", json!("4111111111111111"), json!({})),
        ("country", json!("gb"), json!({"alpha": 3})),
        ("expiry", json!(null), json!({"month": 1, "year": 2020, "today": "2026-11-22"})),
    ];
    for (rule, input, args) in rules {
        fits::<RuleResult>(rule, &api::rule(rule, &input.to_string(), &args.to_string()).unwrap());
        checked += 1;
    }
    for (name, file) in fixture_files("fields") {
        for (i, case) in file["cases"].as_array().into_iter().flatten().enumerate() {
            let rule = case.get("rule").or(file.get("rule")).and_then(Value::as_str).unwrap_or("");
            let args = case.get("args").map(Value::to_string).unwrap_or_default();
            if let Ok(out) = api::rule(rule, &case["input"].to_string(), &args) {
                fits::<RuleResult>(&format!("{name} case {i}"), &out);
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} outputs checked");
}

fn provider_id(info: &ProviderInfo) -> String {
    info.id.0.id().to_owned()
}

/// The option types, every field given, are accepted by the core; the core's `Limits` fits ours.
#[test]
fn options_are_accepted() {
    use intake::json as api;
    let limits =
        Limits { max_bytes: Some(1 << 20), max_depth: Some(16), max_items: Some(1000), max_string: Some(10_000) };
    let validate = ValidateOptions { today: Some("2026-11-22".into()), flow: Some(2), limits: Some(limits) };
    let text = serde_json::to_string(&validate).unwrap();
    api::validate("paydock", "{}", &text).unwrap_or_else(|e| panic!("ValidateOptions {text}: {e}"));
    api::validate_batch("stax", "[]", &text).unwrap_or_else(|e| panic!("ValidateOptions {text}: {e}"));

    let check = CheckFieldOptions {
        partial: Some(true),
        today: Some("2026-11-22".into()),
        region: Some("NG".into()),
        record: Some(serde_json::json!({"billing_address": {"country": "NG"}})),
    };
    let text = serde_json::to_string(&check).unwrap();
    api::check_field("juicyway", "/phone", "\"0801\"", &text)
        .unwrap_or_else(|e| panic!("CheckFieldOptions {text}: {e}"));

    // Every limit the core has is one of ours, by name.
    let core = serde_json::to_string(&intake::Limits::default()).unwrap();
    let ours: Limits = fits("intake::Limits", &core);
    assert!(
        ours.max_bytes.is_some() && ours.max_depth.is_some() && ours.max_items.is_some() && ours.max_string.is_some()
    );

    // And the flows are the core's.
    for n in 1..=4 {
        assert!(intake::Flow::from_number(n).is_some());
    }
    assert!(intake::Flow::from_number(5).is_none());
}
