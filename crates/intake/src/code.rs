//! The stable, machine-readable codes of every error and warning intake reports.
//!
//! A code never changes meaning once released; callers key translations and
//! automation on it. The table is generated from this one list, so the docs
//! (`docs/CODES.md`, checked by a test) cannot drift from the code.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, $meaning:literal; )*) => {
        /// A stable name for one kind of problem, such as `phone.invalid`.
        ///
        /// Serialized as its dotted string. Every code is listed, with its meaning,
        /// in `docs/CODES.md`.
        ///
        /// # Example
        /// ```
        /// assert_eq!(intake::Code::PhoneInvalid.as_str(), "phone.invalid");
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* #[doc = $meaning] $variant, )*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The dotted name, e.g. `"postcode.invalid"`.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            /// Whether this warning reports a change intake made to the input (a
            /// conversion, a dropped field), as opposed to advice about a value that
            /// was kept as it is. A normalized payload never raises a change warning
            /// again; advisory ones (`vat.checksum`, `postcode.not_uk`, ...) recur,
            /// because the value they advise on is still there.
            ///
            /// ```
            /// assert!(intake::Code::CountryConverted.is_change());
            /// assert!(!intake::Code::VatChecksum.is_change());
            /// ```
            #[must_use]
            pub const fn is_change(self) -> bool {
                matches!(
                    self,
                    Code::FieldUnknown
                        | Code::FieldIgnored
                        | Code::FieldEmpty
                        | Code::PhoneNational
                        | Code::PhonePlusMissing
                        | Code::PhoneSplit
                        | Code::CountryConverted
                        | Code::AddressDuplicate
                )
            }

            /// One English sentence saying what the code means.
            #[must_use]
            pub const fn meaning(self) -> &'static str {
                match self { $(Code::$variant => $meaning,)* }
            }
        }
    };
}

codes! {
    // The record as a whole, and the input it came from.
    RecordNotObject = "record.not_object", "The record is not a JSON object.";
    RecordMalformed = "record.malformed", "The record could not be read: it is not valid JSON, or a CSV row or NDJSON line is broken.";
    RecordOneOfRequired = "record.one_of_required", "None of a group of fields of which at least one is required was given.";
    LimitSize = "limit.size", "The record is larger than the configured size limit.";
    LimitDepth = "limit.depth", "The record is nested deeper than the configured depth limit.";
    LimitArray = "limit.array", "An array has more items than the configured limit.";
    LimitString = "limit.string", "A string is longer than the configured limit.";
    // Fields in general.
    FieldRequired = "field.required", "A required field is missing, null or blank.";
    FieldType = "field.type", "A field has the wrong JSON type (for example a number where a string is documented).";
    FieldUnknown = "field.unknown", "A field the provider does not document was dropped from the payload.";
    FieldIgnored = "field.ignored", "An optional field with a wrong format was dropped, as the provider itself disregards it.";
    FieldEmpty = "field.empty", "An optional text field was empty or only white space and was dropped.";
    FieldNotAllowed = "field.not_allowed", "A field that the detected flow or type does not take was given.";
    // Text.
    TextTooShort = "text.too_short", "A text is shorter than its minimum length (in Unicode scalar values).";
    TextTooLong = "text.too_long", "A text is longer than its maximum length (in Unicode scalar values).";
    TextControl = "text.control", "A single-line text contains a control character.";
    TextCharset = "text.charset", "A text contains characters the provider does not allow for it.";
    // Email.
    EmailInvalid = "email.invalid", "Not a single valid email address (dot-atom local part, a domain of two or more labels).";
    EmailTooLong = "email.too_long", "The address is longer than 254 characters, or its local part longer than 64.";
    EmailNonAscii = "email.non_ascii", "The address has non-ASCII characters, which intake does not accept (use the punycode form of a domain).";
    EmailTypo = "email.typo", "The domain looks like a typo of a common email domain; the message names the suggestion.";
    EmailReserved = "email.reserved", "The domain is under a special-use name that never receives mail (.test, .example, .invalid, .localhost, .local, .onion, .arpa).";
    // Phone.
    PhoneInvalid = "phone.invalid", "Not a valid phone number for its region by libphonenumber's metadata.";
    PhoneTooShort = "phone.too_short", "The phone number has fewer digits than any number of its country (libphonenumber's TOO_SHORT).";
    PhoneTooLong = "phone.too_long", "The phone number has more digits than any number of its country, or than E.164's 15 (libphonenumber's TOO_LONG).";
    PhoneInvalidLength = "phone.invalid_length", "The phone number's length lies between its country's shortest and longest but no number has it (libphonenumber's INVALID_LENGTH).";
    PhoneLocalOnly = "phone.local_only", "The phone number is a local number, dialled without its area code (libphonenumber's IS_POSSIBLE_LOCAL_ONLY).";
    PhoneCountryCodeMissing = "phone.country_code_missing", "A national phone number was given where no region is known to read it in.";
    PhoneNational = "phone.national", "A national phone number was read in the region the profile knows and converted to E.164.";
    PhonePlusMissing = "phone.plus_missing", "A phone number began with a country calling code but no + (nor 00): read as international where it is the region's own code (the phone rule), pointed out where it was not valid as written (the command line).";
    PhoneCountryCodeInvalid = "phone.country_code_invalid", "Not a country calling code in use.";
    PhoneRegionMismatch = "phone.region_mismatch", "The phone's country differs from the record's country.";
    PhoneSplit = "phone.split", "A full international number was split into country code and national number.";
    // Postal.
    PostcodeInvalid = "postcode.invalid", "The postcode breaks the provider's documented format.";
    PostcodeNotUk = "postcode.not_uk", "The postcode is accepted by the provider but is not shaped like a UK postcode.";
    ZipNotUs = "zip.not_us", "A US address's ZIP code is not 5 digits or ZIP+4 (5 digits, a dash, 4 digits).";
    ZipLeadingZero = "zip.leading_zero", "A US address's ZIP code has 4 digits (or 8 for ZIP+4): a spreadsheet probably dropped its leading zero.";
    CountryInvalid = "country.invalid", "Not an officially assigned ISO 3166-1 country code of the documented kind.";
    CountryConverted = "country.converted", "An ISO 3166-1 code of the other kind (alpha-2 / alpha-3) was converted to the documented one.";
    // Tax.
    VatInvalid = "vat.invalid", "Not a GB VAT number: 9 digits, optionally prefixed with GB.";
    VatChecksum = "vat.checksum", "The GB VAT number's check digits do not match (mod 97, or the 9755 series).";
    VatIndividual = "vat.individual", "A VAT number was given for an individual (not business) customer.";
    // Cards.
    CardInvalid = "card.invalid", "The card number is not 12 to 19 digits (spaces and dashes allowed).";
    CardLuhn = "card.luhn", "The card number fails the Luhn check.";
    CardExpiryMonth = "card.expiry_month", "The expiry month is not 1 to 12.";
    CardExpiryYear = "card.expiry_year", "The expiry year is not two or four digits.";
    CardExpired = "card.expired", "The card expired before the current month.";
    CardExpiryTooFar = "card.expiry_too_far", "The expiry date is more than 20 years ahead.";
    CvvInvalid = "card.cvv_invalid", "The CVV is not digits of the length the card brand uses (4 for American Express, 3 for the other known brands, 3 or 4 when the brand is unknown).";
    // Identifiers and enumerations.
    UuidInvalid = "id.uuid_invalid", "Not a UUID (8-4-4-4-12 hexadecimal digits).";
    HexIdInvalid = "id.hex24_invalid", "Not an object id of 24 hexadecimal characters.";
    EnumInvalid = "enum.invalid", "Not one of the documented values; the message lists them.";
    // Profile rules.
    FlowMixed = "flow.mixed", "The record carries the fields of more than one Paydock flow.";
    FlowUndetermined = "flow.undetermined", "No Paydock flow could be detected from the record.";
    AddressInvalid = "address.invalid", "An Authvia address is neither an E.164 phone number nor an email address.";
    AddressDuplicate = "address.duplicate", "An address repeats an earlier one in the same record and was dropped.";
    CustomFieldInvalid = "custom_field.invalid", "A Stax custom field's value does not match its type.";
    CustomFieldDuplicate = "custom_field.duplicate", "A Stax custom field name repeats an earlier one.";
    UrlInvalid = "url.invalid", "Not an absolute http or https URL.";
    DateInvalid = "date.invalid", "Not a calendar date written YYYY-MM-DD.";
    NumberInvalid = "number.invalid", "Not a finite decimal number.";
    BooleanInvalid = "boolean.invalid", "Not a boolean (true or false).";
    JsonTooLarge = "json.too_large", "A free-form JSON object is larger or deeper than its documented limit.";
    // Damage from spreadsheets and encodings (raised by the `intake` command line).
    CellFormula = "cell.formula", "A cell starts like a spreadsheet formula (=, +, - or @ before text): a spreadsheet that opens an export holding it may run it (CSV injection).";
    CellScientific = "cell.scientific", "A cell holds a number in scientific notation (such as 4.47911E+11): a spreadsheet replaced its digits, and the lost ones cannot be recovered.";
    TextEncoding = "text.encoding", "A text shows encoding damage: U+FFFD, mojibake (UTF-8 read as Windows-1252, such as JosÃ©) or ? in place of a letter.";
    // Batches.
    RefDuplicate = "batch.ref_duplicate", "The reference repeats one from an earlier record of the batch.";
    EmailDuplicate = "batch.email_duplicate", "The email repeats one from an earlier record of the batch.";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    /// The code named by its dotted string.
    ///
    /// ```
    /// assert_eq!("phone.invalid".parse(), Ok(intake::Code::PhoneInvalid));
    /// assert!("phone.nope".parse::<intake::Code>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, UnknownCode> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s).ok_or(UnknownCode)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The error of parsing a string that is not one of intake's codes (a code of a
/// later version, say).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a code of this version of intake (see `Code::ALL`)")]
pub struct UnknownCode;
