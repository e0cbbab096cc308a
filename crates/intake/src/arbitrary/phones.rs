//! Phone numbers from the phone tables' own example numbers
//! ([`phone::example_number`]), written the ways people write them.

use ::arbitrary::{Result, Unstructured};

use super::examples;
use super::value::{one_in, pick};
use crate::rules::phone::{self, NumberType, Region, Style};

/// Regions whose numbering plans exercise different paths: trunk prefixes
/// (GB 0, RU 8, AR 0 and 15), national numbers that begin with `00` (TJ) or with
/// the calling code (PK), shared codes (US/CA, RU/KZ), short plans (GA), the
/// profiles' own regions (GB, US, NG).
pub const REGIONS: &[&str] = &[
    "GB", "US", "NG", "CA", "AR", "RU", "KZ", "PK", "TJ", "DE", "FR", "IN", "BR", "JP", "CN", "AU", "MX", "IT", "IM",
    "JE", "GG", "SE", "GA", "CI", "SG", "HK", "AE", "ZA", "KE", "EG", "VA", "NZ", "IE",
];

/// GB mobile: what a region missing from the tables would fall back to.
const FALLBACK: &str = "+447400123456";

/// A valid number in E.164, from a region's examples (mobile and fixed line
/// most often, then any other type the region has).
pub(crate) fn e164(u: &mut Unstructured<'_>) -> Result<String> {
    match Region::parse(u.choose(REGIONS)?) {
        Some(r) => e164_in(u, r),
        None => Ok(FALLBACK.to_owned()),
    }
}

fn e164_in(u: &mut Unstructured<'_>, r: Region) -> Result<String> {
    let kind = match u.int_in_range(0u8..=3)? {
        0 | 1 => NumberType::Mobile,
        2 => NumberType::FixedLine,
        _ => *u.choose(&NumberType::VALID)?,
    };
    Ok(phone::example_number(r, kind)
        .or_else(|| phone::example_number(r, NumberType::FixedLine))
        .unwrap_or_else(|| FALLBACK.to_owned()))
}

/// A valid international number, as people write it: E.164, the international
/// format, a `00` prefix, or one of the phone fixture's accepted inputs.
pub(crate) fn international(u: &mut Unstructured<'_>) -> Result<String> {
    let e164 = e164(u)?;
    written(u, &e164, true)
}

/// A number read in `region`: international as above, or the national form of
/// one of the region's example numbers.
pub(crate) fn in_region(u: &mut Unstructured<'_>, region: &str) -> Result<String> {
    match Region::parse(region) {
        Some(r) if u.arbitrary()? => {
            let e164 = e164_in(u, r)?;
            written(u, &e164, false)
        }
        _ => international(u),
    }
}

fn written(u: &mut Unstructured<'_>, e164: &str, international_only: bool) -> Result<String> {
    let Ok(parsed) = phone::parse(e164, None) else { return Ok(e164.to_owned()) };
    let p = parsed.value;
    Ok(match u.int_in_range(0u8..=4)? {
        0 => p.e164().to_owned(),
        1 => p.format(Style::International),
        2 => format!("00{}", &p.e164()[1..]),
        3 if !international_only => p.format(Style::National),
        _ => match pick(u, examples::PHONE.valid)? {
            serde_json::Value::String(s) => s,
            _ => p.e164().to_owned(),
        },
    })
}

/// A country calling code as Atoa takes it: digits, sometimes with a `+`.
pub(crate) fn calling_code(u: &mut Unstructured<'_>) -> Result<String> {
    let (code, _) = split(u)?;
    Ok(code)
}

/// Atoa's two phone fields: a calling code and a national number that go
/// together (an example's national significant number, or its national form
/// with the trunk prefix, or a pair from the fixtures).
pub(crate) fn split(u: &mut Unstructured<'_>) -> Result<(String, String)> {
    if one_in(u, 4)? {
        if let serde_json::Value::Array(pair) = pick(u, examples::PHONE_WITH_CODE.valid)? {
            if let [code, serde_json::Value::String(national)] = pair.as_slice() {
                return Ok((code.to_string(), national.clone()));
            }
        }
    }
    let e164 = e164(u)?;
    let Ok(parsed) = phone::parse(&e164, None) else { return Ok(("44".to_owned(), "7400123456".to_owned())) };
    let p = parsed.value;
    let code = if one_in(u, 5)? { format!("+{}", p.country_code()) } else { p.country_code().to_string() };
    let national = if one_in(u, 3)? { p.format(Style::National) } else { p.national().to_owned() };
    Ok((code, national))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_is_known_and_has_an_example() {
        for r in REGIONS {
            let region = Region::parse(r).unwrap_or_else(|| panic!("{r} is not in the phone tables"));
            let e164 = phone::example_number(region, NumberType::FixedLine).expect("a fixed-line example");
            assert!(phone::parse(&e164, None).is_ok(), "{r}'s example is not valid");
        }
    }
}
