//! The phone rule's vocabulary: a valid [`Phone`], its [`Region`], its
//! [`NumberType`], and the [`Style`]s it is written in.

#[cfg(feature = "phone")]
use super::format;

/// A valid phone number. Its digits live inline (E.164 has at most 15), so
/// making one allocates nothing.
///
/// # Example
/// ```
/// use intake::rules::phone::{parse, NumberType};
/// let phone = parse("+44 7400 123456", None).unwrap().value;
/// assert_eq!(phone.e164(), "+447400123456");
/// assert_eq!((phone.country_code(), phone.national()), (44, "7400123456"));
/// assert_eq!(phone.region(), intake::rules::phone::Region::parse("GB"));
/// assert_eq!(phone.number_type(), NumberType::Mobile);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Phone {
    /// `+` and up to 15 digits.
    text: [u8; 16],
    len: u8,
    /// Where the national significant number starts in `text`.
    national_at: u8,
    country_code: u16,
    region: Option<Region>,
    number_type: NumberType,
}

impl Phone {
    /// A phone from its calling code's digits and national significant number
    /// (together at most 15 digits, checked by the caller).
    pub(crate) fn new(code: &[u8], national: &str, region: Option<Region>, number_type: NumberType) -> Phone {
        let mut text = [0u8; 16];
        text[0] = b'+';
        let mut len = 1;
        for &d in code.iter().chain(national.as_bytes()).take(text.len() - 1) {
            text[len] = d;
            len += 1;
        }
        let national_at = (1 + code.len()).min(len);
        let country_code = code.iter().fold(0u16, |n, &d| n * 10 + u16::from(d.wrapping_sub(b'0')));
        // `len` and `national_at` are at most 16.
        Phone { text, len: len as u8, national_at: national_at as u8, country_code, region, number_type }
    }

    /// `+` then the digits, e.g. `+447911123456`.
    #[must_use]
    pub fn e164(&self) -> &str {
        // Only ASCII digits and `+` are ever written here.
        std::str::from_utf8(&self.text[..usize::from(self.len)]).unwrap_or("")
    }

    /// The national significant number, e.g. `7911123456` (no trunk prefix).
    #[must_use]
    pub fn national(&self) -> &str {
        &self.e164()[usize::from(self.national_at)..]
    }

    /// The country calling code, e.g. `44`.
    #[must_use]
    pub const fn country_code(&self) -> u16 {
        self.country_code
    }

    /// The region (ISO 3166-1 alpha-2, or a CLDR code such as `AC`) the number
    /// belongs to; `None` for a non-geographic code such as +800.
    #[must_use]
    pub const fn region(&self) -> Option<Region> {
        self.region
    }

    /// What kind of line the metadata says it is.
    #[must_use]
    pub const fn number_type(&self) -> NumberType {
        self.number_type
    }

    /// The number as libphonenumber writes it: `+44 7400 123456`
    /// internationally, `07400 123456` nationally, `+447400123456` in E.164.
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::{parse, Style};
    /// let phone = parse("+44 7400123456", None).unwrap().value;
    /// assert_eq!(phone.format(Style::National), "07400 123456");
    /// assert_eq!(phone.format(Style::International), "+44 7400 123456");
    /// ```
    #[cfg(feature = "phone")]
    #[must_use]
    pub fn format(&self, style: Style) -> String {
        match style {
            Style::E164 => self.e164().to_owned(),
            Style::National => format::format(self.country_code, self.national(), false),
            Style::International => format::format(self.country_code, self.national(), true),
        }
    }
}

impl std::fmt::Debug for Phone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Phone")
            .field("e164", &self.e164())
            .field("country_code", &self.country_code)
            .field("region", &self.region)
            .field("number_type", &self.number_type)
            .finish()
    }
}

/// How a phone number is written for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Style {
    /// As dialled within its country: `07400 123456`, `(201) 555-0123`.
    National,
    /// With its calling code: `+44 7400 123456`.
    International,
    /// `+` and the digits: `+447400123456`.
    E164,
}

impl Style {
    /// Every style.
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::Style;
    /// let names: Vec<&str> = Style::ALL.iter().map(|s| s.as_str()).collect();
    /// assert_eq!(names, ["national", "international", "e164"]);
    /// ```
    pub const ALL: [Style; 3] = [Style::National, Style::International, Style::E164];

    /// The name, e.g. `"national"`.
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::Style;
    /// assert_eq!(Style::E164.as_str(), "e164");
    /// assert_eq!("international".parse::<Style>(), Ok(Style::International));
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Style::National => "national",
            Style::International => "international",
            Style::E164 => "e164",
        }
    }
}

impl std::str::FromStr for Style {
    type Err = UnknownStyle;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Style::ALL.into_iter().find(|style| style.as_str() == s).ok_or(UnknownStyle)
    }
}

/// The error of parsing a [`Style`] from a name it does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownStyle;

impl std::fmt::Display for UnknownStyle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a phone style (national, international or e164)")
    }
}

impl std::error::Error for UnknownStyle {}

/// A two-letter region code, stored inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region(pub(super) [u8; 2]);

impl Region {
    /// A region the metadata knows, any case (`"gb"` → `GB`).
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::Region;
    /// assert_eq!(Region::parse("gb").unwrap().as_str(), "GB");
    /// assert!(Region::parse("XX").is_none());
    /// ```
    #[must_use]
    pub fn parse(code: &str) -> Option<Region> {
        match code.trim().as_bytes() {
            &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                let region = Region([a.to_ascii_uppercase(), b.to_ascii_uppercase()]);
                super::known_region(region).then_some(region)
            }
            _ => None,
        }
    }

    /// The code, e.g. `"GB"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// The kind of line a number is, as libphonenumber's metadata classifies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberType {
    /// A geographic fixed line.
    FixedLine,
    /// A mobile number.
    Mobile,
    /// Where fixed-line and mobile numbers cannot be told apart (the US, ...).
    FixedLineOrMobile,
    /// Free to the caller.
    TollFree,
    /// Charged above the normal rate.
    PremiumRate,
    /// Cost shared between caller and recipient.
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number, routed to wherever its owner is.
    PersonalNumber,
    /// A pager.
    Pager,
    /// A company's universal access number.
    Uan,
    /// Voicemail access.
    Voicemail,
    /// None of the above: not a valid number.
    Unknown,
}

impl NumberType {
    /// Every type a number can be valid as, in the order of the metadata.
    pub const VALID: [NumberType; 10] = [
        NumberType::FixedLine,
        NumberType::Mobile,
        NumberType::TollFree,
        NumberType::PremiumRate,
        NumberType::SharedCost,
        NumberType::PersonalNumber,
        NumberType::Voip,
        NumberType::Pager,
        NumberType::Uan,
        NumberType::Voicemail,
    ];

    /// The snake-case name, e.g. `"fixed_line_or_mobile"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            NumberType::FixedLine => "fixed_line",
            NumberType::Mobile => "mobile",
            NumberType::FixedLineOrMobile => "fixed_line_or_mobile",
            NumberType::TollFree => "toll_free",
            NumberType::PremiumRate => "premium_rate",
            NumberType::SharedCost => "shared_cost",
            NumberType::Voip => "voip",
            NumberType::PersonalNumber => "personal_number",
            NumberType::Pager => "pager",
            NumberType::Uan => "uan",
            NumberType::Voicemail => "voicemail",
            NumberType::Unknown => "unknown",
        }
    }

    #[cfg(feature = "phone")]
    /// The index of the metadata's description of this type.
    pub(super) fn desc_index(self) -> Option<usize> {
        NumberType::VALID.iter().position(|&t| t == self)
    }
}

impl std::str::FromStr for NumberType {
    type Err = UnknownNumberType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NumberType::VALID
            .into_iter()
            .chain([NumberType::FixedLineOrMobile, NumberType::Unknown])
            .find(|t| t.as_str() == s)
            .ok_or(UnknownNumberType)
    }
}

/// The error of parsing a [`NumberType`] from a name it does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownNumberType;

impl std::fmt::Display for UnknownNumberType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a phone number type (fixed_line, mobile, toll_free, ...)")
    }
}

impl std::error::Error for UnknownNumberType {}
