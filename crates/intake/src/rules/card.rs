//! Payment cards: the number (Luhn, brand), the expiry and the CVV.
//!
//! [`CardNumber`] and [`Cvv`] hold card data: their `Debug` and `Display` never
//! show the digits, and no message built here contains them. Only `Serialize`
//! writes the digits, because the normalized payload is what goes to the provider.

use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

use super::is_space;
use crate::{Code, Date, Fault};

/// A card brand, detected from the number's leading digits (IIN ranges) and its
/// length: a number whose length its brand never issues is of no known brand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Brand {
    /// Visa (4).
    Visa,
    /// Mastercard (51–55, 2221–2720).
    Mastercard,
    /// American Express (34, 37; 15 digits).
    Amex,
    /// Discover (6011, 644–649, 65).
    Discover,
    /// Diners Club (300–305, 36, 38, 39).
    Diners,
    /// JCB (3528–3589; 2131 and 1800, the older 15-digit ranges).
    Jcb,
    /// UnionPay (62).
    UnionPay,
    /// Maestro (50, 56–58, 6).
    Maestro,
    /// Mir (2200–2204).
    Mir,
    /// RuPay (508, 606985–607984, 817200–820199; the ranges it shares with
    /// Discover and JCB are left to them).
    #[serde(rename = "rupay")]
    RuPay,
    /// Any other range.
    Unknown,
}

impl Brand {
    /// The brand whose IIN range a string of digits starts in, whatever its
    /// length (for a number still being typed).
    #[must_use]
    pub fn of(digits: &str) -> Brand {
        let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok()).unwrap_or(0);
        match (prefix(1), prefix(2), prefix(3), prefix(4), prefix(6)) {
            (4, ..) => Brand::Visa,
            (_, 34 | 37, ..) => Brand::Amex,
            (_, _, _, 2200..=2204, _) => Brand::Mir,
            (_, 51..=55, ..) | (_, _, _, 2221..=2720, _) => Brand::Mastercard,
            (_, _, _, 6011, _) | (_, _, 644..=649, ..) | (_, 65, ..) => Brand::Discover,
            (_, _, _, _, 622_126..=622_925) => Brand::Discover,
            (_, _, _, 3528..=3589 | 2131 | 1800, _) => Brand::Jcb,
            (_, 36 | 38 | 39, ..) | (_, _, 300..=305, ..) => Brand::Diners,
            (_, 62, ..) => Brand::UnionPay,
            (_, _, 508, ..) | (_, _, _, _, 606_985..=607_984 | 817_200..=820_199) => Brand::RuPay,
            (_, 50 | 56..=58, ..) | (6, ..) => Brand::Maestro,
            _ => Brand::Unknown,
        }
    }

    /// The brand of a whole card number: its IIN range's brand when that brand
    /// issues numbers of its length, else [`Brand::Unknown`] (a 16-digit number
    /// starting 34 is no American Express card, which has 15).
    #[must_use]
    pub fn of_number(digits: &str) -> Brand {
        let brand = Brand::of(digits);
        let len = digits.len();
        let fits = match brand {
            Brand::Amex => len == 15,
            Brand::Visa => (13..=19).contains(&len),
            Brand::Mastercard | Brand::RuPay => len == 16,
            Brand::Jcb if digits.starts_with("2131") || digits.starts_with("1800") => len == 15,
            Brand::Diners => (14..=19).contains(&len),
            Brand::Discover | Brand::Jcb | Brand::UnionPay | Brand::Mir => (16..=19).contains(&len),
            Brand::Maestro | Brand::Unknown => true,
        };
        if fits {
            brand
        } else {
            Brand::Unknown
        }
    }

    /// The usual length of this brand's CVV: 4 for American Express, else 3 (an
    /// unknown brand's CVV may also have 4: see [`Brand::cvv_lens`]).
    #[must_use]
    pub const fn cvv_len(self) -> usize {
        self.cvv_lens().0
    }

    /// The shortest and longest CVV of this brand: 4 for American Express, 3 for the other
    /// known brands, 3 or 4 when the brand is not known.
    #[must_use]
    pub const fn cvv_lens(self) -> (usize, usize) {
        match self {
            Brand::Amex => (4, 4),
            Brand::Unknown => (3, 4),
            _ => (3, 3),
        }
    }
}

/// A card number that passed the Luhn check. Its digits never show in `Debug`
/// or `Display`.
///
/// # Example
/// ```
/// let card = intake::rules::card::number("4111 1111-1111 1111").unwrap();
/// assert_eq!(card.brand(), intake::rules::card::Brand::Visa);
/// assert!(!format!("{card:?} {card}").contains("1111"));
/// assert_eq!(serde_json::to_string(&card).unwrap(), "\"4111111111111111\"");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CardNumber {
    /// 12 to 19 ASCII digits, then zeros: held inline, so a card number is
    /// never copied to the heap.
    digits: [u8; 19],
    len: u8,
    brand: Brand,
}

impl CardNumber {
    /// The brand.
    #[must_use]
    pub const fn brand(&self) -> Brand {
        self.brand
    }

    /// The digits, for the payload. Do not log them.
    #[must_use]
    pub fn expose(&self) -> &str {
        digits(&self.digits[..usize::from(self.len)])
    }
}

/// ASCII digits as text (`""` for anything else, which the types never hold).
fn digits(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber({:?}, {} digits, redacted)", self.brand, self.len)
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[card number redacted]")
    }
}

impl Serialize for CardNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.expose())
    }
}

impl<'de> Deserialize<'de> for CardNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        number(&s).map_err(|f| serde::de::Error::custom(f.message))
    }
}

/// A CVV of the right length for its brand. Its digits never show in `Debug`
/// or `Display`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Cvv {
    /// 3 or 4 ASCII digits, then zeros, inline.
    digits: [u8; 4],
    len: u8,
}

impl Cvv {
    /// The digits, for the payload. Do not log them.
    #[must_use]
    pub fn expose(&self) -> &str {
        digits(&self.digits[..usize::from(self.len)])
    }
}

impl fmt::Debug for Cvv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cvv(redacted)")
    }
}

impl fmt::Display for Cvv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[cvv redacted]")
    }
}

impl Serialize for Cvv {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.expose())
    }
}

impl<'de> Deserialize<'de> for Cvv {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        cvv(&s, None).map_err(|f| serde::de::Error::custom(f.message))
    }
}

/// Parses a card number: spaces and dashes removed, 12 to 19 digits, Luhn.
///
/// # Errors
/// `card.invalid`, `card.luhn`.
pub fn number(input: &str) -> Result<CardNumber, Fault> {
    let s = super::trim(input);
    if s.len() > 40 {
        return Err(Fault::new(Code::CardInvalid, "must be 12 to 19 digits"));
    }
    let mut buf = [0u8; 19];
    let mut len = 0;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                // Counted past 19 (too long), kept up to 19.
                if let Some(d) = buf.get_mut(len) {
                    *d = c as u8;
                }
                len += 1;
            }
            '-' => {}
            c if is_space(c) => {}
            _ => return Err(Fault::new(Code::CardInvalid, "may contain only digits, spaces and dashes")),
        }
    }
    if !(12..=19).contains(&len) {
        return Err(Fault::new(Code::CardInvalid, "must be 12 to 19 digits"));
    }
    let number = digits(&buf[..len]);
    if !luhn(number) {
        return Err(Fault::new(Code::CardLuhn, "is not a valid card number (check digit)"));
    }
    let brand = Brand::of_number(number);
    // `len` is at most 19.
    Ok(CardNumber { digits: buf, len: len as u8, brand })
}

/// The Luhn (mod 10) check over ASCII digits.
#[must_use]
pub fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = u32::from(c.wrapping_sub(b'0'));
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 {
                    d2 - 9
                } else {
                    d2
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// Parses an expiry month, 1 to 12, into two digits (`"1"` → `"01"`).
///
/// # Errors
/// `card.expiry_month`.
///
/// # Example
/// ```
/// assert_eq!(intake::rules::card::month("1").unwrap(), 1);
/// assert!(intake::rules::card::month("13").is_err());
/// ```
pub fn month(input: &str) -> Result<u8, Fault> {
    let s = super::trim(input);
    let value = (1..=2).contains(&s.len()).then(|| s.parse::<u8>().ok()).flatten();
    match value {
        Some(m @ 1..=12) if s.bytes().all(|c| c.is_ascii_digit()) => Ok(m),
        _ => Err(Fault::new(Code::CardExpiryMonth, "must be a month from 1 to 12")),
    }
}

/// Parses an expiry year: four digits, or two read as 20YY.
///
/// # Errors
/// `card.expiry_year`.
///
/// # Example
/// ```
/// assert_eq!(intake::rules::card::year("29").unwrap(), 2029);
/// assert_eq!(intake::rules::card::year("2029").unwrap(), 2029);
/// assert!(intake::rules::card::year("229").is_err());
/// ```
pub fn year(input: &str) -> Result<u16, Fault> {
    let s = super::trim(input);
    let digits = s.bytes().all(|c| c.is_ascii_digit());
    match (s.len(), digits) {
        (2, true) => s.parse::<u16>().map(|y| 2000 + y).map_err(|_| bad_year()),
        (4, true) => s.parse::<u16>().map_err(|_| bad_year()),
        _ => Err(bad_year()),
    }
}

#[cold]
fn bad_year() -> Fault {
    Fault::new(Code::CardExpiryYear, "must be a year of four digits (or two, read as 20YY)")
}

/// Checks that a card expiring at the end of `month`/`year` is good today and not
/// more than 20 years ahead.
///
/// # Errors
/// `card.expiry_month` for a month outside 1 to 12, `card.expired`,
/// `card.expiry_too_far`.
///
/// # Example
/// ```
/// let today: intake::Date = "2026-11-22".parse().unwrap();
/// assert!(intake::rules::card::expiry(11, 2026, today).is_ok());
/// assert_eq!(intake::rules::card::expiry(10, 2026, today).unwrap_err().code, intake::Code::CardExpired);
/// ```
pub fn expiry(month: u8, year: u16, today: Date) -> Result<(), Fault> {
    if !(1..=12).contains(&month) {
        return Err(Fault::new(Code::CardExpiryMonth, "must be a month from 1 to 12"));
    }
    let given = u32::from(year) * 12 + u32::from(month);
    let now = u32::from(today.year()) * 12 + u32::from(today.month());
    if given < now {
        Err(Fault::new(Code::CardExpired, "the card has expired"))
    } else if given > now + 20 * 12 {
        Err(Fault::new(Code::CardExpiryTooFar, "the expiry date is more than 20 years ahead"))
    } else {
        Ok(())
    }
}

/// Parses a CVV: digits only, 4 for American Express, 3 otherwise; 3 or 4 when
/// the brand is not known.
///
/// # Errors
/// `card.cvv_invalid`.
///
/// # Example
/// ```
/// use intake::rules::card::{cvv, Brand};
/// assert!(cvv("1234", Some(Brand::Amex)).is_ok());
/// assert!(cvv("123", Some(Brand::Amex)).is_err());
/// assert!(cvv("123", Some(Brand::Visa)).is_ok());
/// assert!(cvv("1234", Some(Brand::Unknown)).is_ok());
/// ```
pub fn cvv(input: &str, brand: Option<Brand>) -> Result<Cvv, Fault> {
    let s = super::trim(input);
    let (min, max) = brand.unwrap_or(Brand::Unknown).cvv_lens();
    let all_digits = !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    if all_digits && (min..=max).contains(&s.len()) {
        let mut cvv = Cvv { digits: [0; 4], len: 0 };
        // At most 4 digits: `cvv_lens` allows no more.
        for (d, c) in cvv.digits.iter_mut().zip(s.bytes()) {
            *d = c;
            cvv.len += 1;
        }
        Ok(cvv)
    } else {
        Err(match (min, max) {
            (4, _) => Fault::new(Code::CvvInvalid, "must be 4 digits for American Express"),
            (3, 3) => Fault::new(Code::CvvInvalid, "must be 3 digits"),
            _ => Fault::new(Code::CvvInvalid, "must be 3 or 4 digits"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands() {
        for (n, b) in [
            ("4111111111111111", Brand::Visa),
            ("5555555555554444", Brand::Mastercard),
            ("2223003122003222", Brand::Mastercard),
            ("378282246310005", Brand::Amex),
            ("6011111111111117", Brand::Discover),
            ("3566002020360505", Brand::Jcb),
            ("30569309025904", Brand::Diners),
            ("6200000000000005", Brand::UnionPay),
            ("6759649826438453", Brand::Maestro),
            ("2200000000000004", Brand::Mir),
            ("8172000000000005", Brand::RuPay),
            ("213100000000001", Brand::Jcb),
            ("180000000000002", Brand::Jcb),
            ("3782822463100052", Brand::Unknown),
        ] {
            assert_eq!(Brand::of_number(n), b, "{n}");
            assert!(luhn(n));
        }
    }
}
