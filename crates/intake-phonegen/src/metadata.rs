//! Reads the parts of libphonenumber's `PhoneNumberMetadata.xml` that intake's
//! phone rule needs, as plain values: patterns (white space removed, as
//! libphonenumber's build does), possible lengths, example numbers.

use std::collections::BTreeSet;

/// The number types, in the order intake's runtime stores them.
pub const TYPES: [&str; 10] = [
    "fixedLine",
    "mobile",
    "tollFree",
    "premiumRate",
    "sharedCost",
    "personalNumber",
    "voip",
    "pager",
    "uan",
    "voicemail",
];

/// One `<territory>`: a region, or a non-geographic entity (`001`).
#[derive(Debug)]
pub struct Territory {
    /// `GB`, or `001` for a non-geographic calling code.
    pub id: String,
    /// The country calling code.
    pub code: u16,
    /// The main region of a calling code several share (`mainCountryForCode`).
    pub main_for_code: bool,
    /// The pattern of the prefix that dials out of the region (`00`, `011`, ...).
    pub international_prefix: Option<String>,
    /// The trunk prefix written before national numbers (`0`, `1`, `8`, ...).
    pub national_prefix: Option<String>,
    /// The attribute, or else the national prefix (libphonenumber's build does the same).
    pub national_prefix_for_parsing: Option<String>,
    /// How a matched national prefix rewrites the number (`$1` names groups).
    pub national_prefix_transform_rule: Option<String>,
    /// The digits that pick this region among those sharing its calling code.
    pub leading_digits: Option<String>,
    /// The pattern every valid national number of the territory matches.
    pub general: String,
    /// Per entry of [`TYPES`].
    pub types: Vec<Option<Desc>>,
    /// Every possible length of the types but `noInternationalDialling`, as
    /// libphonenumber's build computes the general description's.
    pub lengths: BTreeSet<u8>,
    /// Lengths of local numbers dialled without an area code.
    pub local_lengths: BTreeSet<u8>,
    /// The `availableFormats`, in order.
    pub formats: Vec<NumberFormat>,
    /// Whether some format has an explicit `intlFormat` (libphonenumber then
    /// keeps a list of international formats apart).
    pub explicit_intl: bool,
}

/// One `numberFormat`: how numbers it matches are grouped.
#[derive(Debug, Clone)]
pub struct NumberFormat {
    /// The pattern's capture groups, in order (the metadata's patterns are
    /// groups end to end and nothing else).
    pub groups: Vec<String>,
    /// The national format, e.g. `$1 $2`.
    pub format: String,
    /// The international format: `None` when the same as the national one,
    /// `Some("NA")` when the format is not used internationally.
    pub intl: Option<String>,
    /// Leading-digits patterns, from the least to the most detailed.
    pub leading: Vec<String>,
    /// The national prefix formatting rule, `$NP` filled in, `$FG` kept.
    pub national_prefix_rule: String,
    /// Whether a national number may be written without its prefix.
    pub national_prefix_optional: bool,
    /// Whether the format (or its territory) has a carrier code formatting
    /// rule (the as-you-type formatter keeps such formats after a national
    /// prefix, which might be a carrier code).
    pub carrier_rule: bool,
}

/// A number type's description.
#[derive(Debug, Clone)]
pub struct Desc {
    /// The whole-number pattern.
    pub pattern: String,
    /// The lengths numbers of this type have.
    pub lengths: BTreeSet<u8>,
    /// Lengths of local numbers of this type dialled without an area code.
    pub local_lengths: BTreeSet<u8>,
    /// The metadata's example number (a national significant number).
    pub example: String,
}

/// Every territory of the file, in its order.
///
/// # Errors
/// A message naming what is missing or malformed.
pub fn read(xml: &str) -> Result<Vec<Territory>, String> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let doc = roxmltree::Document::parse_with_options(xml, options).map_err(|e| e.to_string())?;
    doc.descendants().filter(|n| n.has_tag_name("territory")).map(territory).collect()
}

fn territory(node: roxmltree::Node) -> Result<Territory, String> {
    let id = node.attribute("id").ok_or("a territory has no id")?.to_owned();
    let at = |what: &str| format!("{id}: {what}");
    let code = node.attribute("countryCode").and_then(|c| c.parse().ok()).ok_or_else(|| at("no countryCode"))?;
    let attr = |name: &str| node.attribute(name).map(clean);
    let national_prefix = attr("nationalPrefix");
    let general = child(node, "generalDesc").and_then(|g| pattern(g)).ok_or_else(|| at("no generalDesc pattern"))?;
    let mut types = Vec::new();
    let (mut lengths, mut local_lengths) = (BTreeSet::new(), BTreeSet::new());
    for name in TYPES {
        let desc = match child(node, name) {
            Some(d) => Some(desc(d).map_err(|e| at(&format!("{name}: {e}")))?),
            None => None,
        };
        if let Some(d) = &desc {
            lengths.extend(&d.lengths);
            local_lengths.extend(&d.local_lengths);
        }
        types.push(desc);
    }
    // libphonenumber keeps a length out of the local-only set once it is a full one.
    local_lengths.retain(|l| !lengths.contains(l));
    if lengths.is_empty() {
        return Err(at("no possible lengths"));
    }
    let np = national_prefix.clone().unwrap_or_default();
    let mut formats = Vec::new();
    let mut explicit_intl = false;
    for f in node.descendants().filter(|n| n.has_tag_name("numberFormat")) {
        let pattern = f.attribute("pattern").map(clean).ok_or_else(|| at("a numberFormat has no pattern"))?;
        let groups =
            groups(&pattern).ok_or_else(|| at(&format!("format pattern {pattern:?} is not groups end to end")))?;
        let text = |name: &str| child(f, name).and_then(|n| n.text()).map(str::trim).map(str::to_owned);
        let intl = text("intlFormat");
        explicit_intl |= intl.is_some();
        formats.push(NumberFormat {
            groups,
            format: text("format").ok_or_else(|| at("a numberFormat has no format"))?,
            intl,
            leading: f
                .children()
                .filter(|c| c.has_tag_name("leadingDigits"))
                .filter_map(|c| c.text())
                .map(clean)
                .collect(),
            national_prefix_rule: f
                .attribute("nationalPrefixFormattingRule")
                .or(node.attribute("nationalPrefixFormattingRule"))
                .map(|r| r.replacen("$NP", &np, 1))
                .unwrap_or_default(),
            national_prefix_optional: f.attribute("nationalPrefixOptionalWhenFormatting") == Some("true")
                || node.attribute("nationalPrefixOptionalWhenFormatting") == Some("true"),
            carrier_rule: f
                .attribute("carrierCodeFormattingRule")
                .or(node.attribute("carrierCodeFormattingRule"))
                .is_some(),
        });
    }
    Ok(Territory {
        code,
        main_for_code: node.attribute("mainCountryForCode") == Some("true"),
        international_prefix: attr("internationalPrefix"),
        national_prefix_for_parsing: attr("nationalPrefixForParsing").or_else(|| national_prefix.clone()),
        national_prefix,
        national_prefix_transform_rule: attr("nationalPrefixTransformRule"),
        leading_digits: attr("leadingDigits"),
        general,
        types,
        lengths,
        local_lengths,
        formats,
        explicit_intl,
        id,
    })
}

fn desc(node: roxmltree::Node) -> Result<Desc, String> {
    let lengths = child(node, "possibleLengths").ok_or("no possibleLengths")?;
    Ok(Desc {
        pattern: pattern(node).ok_or("no nationalNumberPattern")?,
        lengths: length_set(lengths.attribute("national").ok_or("no national lengths")?)?,
        local_lengths: lengths.attribute("localOnly").map(length_set).transpose()?.unwrap_or_default(),
        example: child(node, "exampleNumber").and_then(|e| e.text()).map(clean).unwrap_or_default(),
    })
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name(name))
}

fn pattern(node: roxmltree::Node) -> Option<String> {
    child(node, "nationalNumberPattern").and_then(|p| p.text()).map(clean)
}

/// Patterns and values are laid out over several indented lines in the file.
fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `"[7-9],11"` → {7, 8, 9, 11}.
fn length_set(text: &str) -> Result<BTreeSet<u8>, String> {
    let mut out = BTreeSet::new();
    for part in text.split(',') {
        let bad = || format!("bad possible length {part:?}");
        if let Some(range) = part.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
            let (a, b) = range.split_once('-').ok_or_else(bad)?;
            let (a, b): (u8, u8) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
            out.extend(a..=b);
        } else {
            out.insert(part.parse().map_err(|_| bad())?);
        }
    }
    if out.iter().any(|&l| l == 0 || l > 17) {
        return Err(format!("possible length out of range in {text:?}"));
    }
    Ok(out)
}

/// The top-level capture groups of a format pattern, when the pattern is
/// nothing but groups end to end without nested captures.
fn groups(pattern: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let (mut depth, mut current, mut escaped) = (0usize, String::new(), false);
    for c in pattern.chars() {
        if escaped {
            current.push(c);
            escaped = false;
            continue;
        }
        match c {
            '\\' if depth > 0 => {
                current.push(c);
                escaped = true;
            }
            '(' if depth == 0 => depth = 1,
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' if depth == 1 => {
                depth = 0;
                out.push(std::mem::take(&mut current));
            }
            ')' => {
                depth -= 1;
                current.push(c);
            }
            _ if depth == 0 => return None,
            _ => current.push(c),
        }
    }
    let nested = out.iter().any(|g| g.match_indices('(').any(|(i, _)| !g[i + 1..].starts_with('?')));
    (depth == 0 && !out.is_empty() && !nested).then_some(out)
}
