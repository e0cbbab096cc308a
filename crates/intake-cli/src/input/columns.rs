//! Which field each column of a table (CSV or spreadsheet) fills.
//!
//! In order: a `--map` names the column; else a header that is a field path of
//! the profile (`billing_address.city`, or a path under a free-form object or
//! array such as `metadata.plan`, `addresses.0.value`) is that field; else a
//! header that names exactly one field once case, spaces and punctuation are set
//! aside (`First Name` is `first_name` or `firstname`), or through a common
//! synonym (`Postal Code`, `ZIP` for the profile's postcode field), is that
//! field; else the column is ignored. Each of those decisions is told once per
//! file, not once per row.

use intake::catalog::{self, Kind};
use intake::Provider;

/// One `--map` entry: the header names whose cells fill `target` (several are
/// joined with a space: `First Name+Last Name=fullName`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// Header names, matched exactly, else case-insensitively.
    pub sources: Vec<String>,
    /// The field's dotted path, as a header would name it.
    pub target: String,
}

impl Mapping {
    /// Parses `Header=field,Other Header=other.field,First+Last=name`.
    ///
    /// # Errors
    /// A message naming the entry that is not `HEADER=FIELD`.
    pub fn parse_list(spec: &str) -> Result<Vec<Mapping>, String> {
        spec.split(',')
            .filter(|entry| !entry.trim().is_empty())
            .map(|entry| {
                let (sources, target) = entry
                    .split_once('=')
                    .ok_or_else(|| format!("`{entry}` is not HEADER=FIELD (join headers with +)"))?;
                let sources: Vec<String> = sources.split('+').map(|s| s.trim().to_owned()).collect();
                let target = target.trim().to_owned();
                if target.is_empty() || sources.iter().any(String::is_empty) {
                    return Err(format!("`{entry}` is not HEADER=FIELD (join headers with +)"));
                }
                Ok(Mapping { sources, target })
            })
            .collect()
    }
}

/// What a column was matched to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Match {
    /// The header is the field's path.
    Exact(String),
    /// The header names one field loosely (case, spacing, a synonym).
    Loose(String),
    /// The header names several fields loosely: not guessed.
    Ambiguous(Vec<String>),
    /// No field.
    None,
}

/// Groups of header spellings, and the last segment of the fields they mean.
/// Keys are lower case, letters and digits only.
const SYNONYMS: &[(&[&str], &[&str])] = &[
    (
        &["postalcode", "postcode", "zip", "zipcode", "zippostalcode", "postal"],
        &["postcode", "addresspostcode", "addresszip", "zipcode"],
    ),
    (
        &["phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "mobilenumber", "cellphone"],
        &["phone", "phonenumber"],
    ),
    (&["email", "emailaddress", "mail"], &["email"]),
    (&["firstname", "givenname", "forename"], &["firstname"]),
    (&["lastname", "surname", "familyname"], &["lastname"]),
    (
        &["company", "companyname", "organization", "organisation", "business", "businessname", "accountname"],
        &["company", "companyname"],
    ),
    (&["city", "town"], &["city", "addresscity"]),
    (&["state", "province", "stateprovince", "region"], &["state", "addressstate"]),
    (&["country", "countrycode"], &["country", "addresscountry"]),
    (
        &["address", "address1", "addressline1", "street", "streetaddress", "line1"],
        &["address", "address1", "addressline1", "line1"],
    ),
    (&["address2", "addressline2", "line2"], &["address2", "addressline2", "line2"]),
    (&["name", "fullname", "customername", "contactname"], &["fullname"]),
];

/// Lower case, letters and digits only: `First Name` and `first_name` are `firstname`.
pub(crate) fn loose_key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The dotted path of a catalog pointer (`/billing_address/city` → `billing_address.city`).
fn dotted(pointer: &str) -> String {
    pointer.trim_start_matches('/').replace('/', ".")
}

/// Whether `pointer` is a field of the profile, or lies under a free-form object
/// or an array field (whose members the profile checks itself).
pub(crate) fn is_known(provider: Provider, pointer: &str) -> bool {
    if catalog::field(provider, pointer).is_some() {
        return true;
    }
    let mut prefix = pointer;
    while let Some((head, _)) = prefix.rsplit_once('/') {
        if head.is_empty() {
            break;
        }
        if catalog::field(provider, head).is_some_and(|f| matches!(f.kind, Kind::Object | Kind::List(_))) {
            return true;
        }
        prefix = head;
    }
    false
}

/// The field a header names loosely, if exactly one does.
pub(crate) fn loose(provider: Provider, header: &str) -> Match {
    let key = loose_key(header);
    if key.is_empty() {
        return Match::None;
    }
    // Leaf fields that a cell can fill: not the objects and arrays themselves.
    let leaves = catalog::profile(provider).fields.iter().filter(|f| !matches!(f.kind, Kind::Object | Kind::List(_)));
    let wanted: Vec<&str> = SYNONYMS
        .iter()
        .find(|(spellings, _)| spellings.contains(&key.as_str()))
        .map_or(Vec::new(), |(_, m)| m.to_vec());
    let mut found: Vec<String> = Vec::new();
    for f in leaves {
        let last = loose_key(f.path.rsplit('/').next().unwrap_or(f.path));
        let whole = loose_key(f.path);
        if whole == key || last == key || wanted.contains(&last.as_str()) {
            let path = dotted(f.path);
            if !found.contains(&path) {
                found.push(path);
            }
        }
    }
    // A whole-path match wins over the last-segment ones (`billing_address.city`).
    if found.len() > 1 {
        let exact: Vec<String> = found.iter().filter(|p| loose_key(p) == key).cloned().collect();
        if exact.len() == 1 {
            return Match::Loose(exact[0].clone());
        }
    }
    match found.len() {
        0 => Match::None,
        1 => Match::Loose(found.remove(0)),
        _ => Match::Ambiguous(found),
    }
}

/// A header name as it may be shown on stderr: a header row can be a first row of
/// data in a file without one, so a name that looks like personal data (an `@`, a
/// run of digits, a long text) is shown by its column number only.
pub(crate) fn shown(name: &str, column: usize) -> String {
    let digits = name.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    if name.is_empty() || name.contains('@') || digits || name.chars().count() > 40 {
        format!("column {column}")
    } else {
        format!("{name:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crm_headers_name_one_field() {
        assert_eq!(loose(Provider::Juicyway, "First Name"), Match::Loose("first_name".into()));
        assert_eq!(loose(Provider::Stax, "First Name"), Match::Loose("firstname".into()));
        assert_eq!(loose(Provider::Stax, "Postal Code"), Match::Loose("address_zip".into()));
        assert_eq!(loose(Provider::Juicyway, "ZIP"), Match::Loose("billing_address.zip_code".into()));
        assert_eq!(loose(Provider::Atoa, "E-mail"), Match::Loose("email".into()));
        assert_eq!(loose(Provider::Stax, "Tags"), Match::None);
        assert!(matches!(loose(Provider::Paydock, "Address"), Match::Loose(_) | Match::Ambiguous(_)));
    }

    #[test]
    fn maps_parse() {
        let maps = Mapping::parse_list("First Name+Last Name=fullName, Email=email").unwrap();
        assert_eq!(maps[0].sources, ["First Name", "Last Name"]);
        assert_eq!(maps[1].target, "email");
        assert!(Mapping::parse_list("Email").is_err());
        assert!(Mapping::parse_list("=email").is_err());
    }

    #[test]
    fn names_that_look_like_data_are_not_shown() {
        assert_eq!(shown("First Name", 1), "\"First Name\"");
        assert_eq!(shown("ada@example.com", 2), "column 2");
        assert_eq!(shown("07911123456", 3), "column 3");
    }

    #[test]
    fn paths_under_free_form_fields_are_known() {
        assert!(is_known(Provider::Authvia, "/metadata/plan"));
        assert!(is_known(Provider::Authvia, "/addresses/1/value"));
        assert!(!is_known(Provider::Stax, "/tags"));
        assert!(!is_known(Provider::Stax, "/email/x"));
    }
}
