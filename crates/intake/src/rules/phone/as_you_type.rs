//! libphonenumber's `AsYouTypeFormatter`, step for step, over the static tables:
//! the same state (the typed text, the digits, the prefix before the national
//! number, the possible formats and the template being filled) and the same
//! decisions in the same order, so that after every character it shows what
//! Google's formatter shows (`fixtures/reference/phone_as_you_type.json`).
//!
//! Where libphonenumber matches a format's pattern against `999999999999999`
//! to build a template, the format's group automata are walked over nines,
//! each group taking as many as it can (a backtracking regex's greedy choice);
//! leading digits and whole-number matches are the formats' automata. Nothing
//! is compiled at run time.
//!
//! Decisions (docs/RULES.md): only ASCII digits are digits and only `+` is a
//! plus sign (libphonenumber also takes other scripts' digits and `＋`); any
//! other character stops the formatting and the text is shown as typed, as
//! libphonenumber does for punctuation. Past [`MAX_INPUT`] characters the text
//! is shown as typed.

use super::format::{expand, split};
use super::metadata::{main_territory, territory, Format, Intl, Territory, Transform};
use super::number::leading_code;
use super::{parse, Phone, Region};

/// The character a template holds where a digit will go (U+2008, punctuation space).
const PLACEHOLDER: char = '\u{2008}';
/// Digits of national number needed before a format is looked for.
const MIN_LEADING_DIGITS: usize = 3;
/// What a template is cut from: libphonenumber's longest number.
const NINES: &[u8] = b"999999999999999";
/// Most characters formatted; past them the text is shown as typed.
///
/// # Example
/// ```
/// use intake::rules::phone::{AsYouType, MAX_INPUT};
/// let long = "1".repeat(MAX_INPUT + 1);
/// assert_eq!(AsYouType::new(None).input(&long), long);
/// ```
pub const MAX_INPUT: usize = 100;

/// One format as the formatter sees it: from the national list, or the
/// international one (whose formats have no national prefix rule).
#[derive(Clone, Copy)]
struct Candidate {
    format: &'static Format,
    text: &'static str,
    rule: &'static str,
}

/// Formats a phone number as a person types it, as libphonenumber's
/// `AsYouTypeFormatter` (and libphonenumber-js's `AsYouType`) does: each
/// call to [`input`](AsYouType::input) appends text and answers with the whole
/// text so far, formatted.
///
/// # Example
/// ```
/// use intake::rules::phone::{AsYouType, Region};
/// let mut typing = AsYouType::new(Region::parse("GB"));
/// assert_eq!(typing.input("0"), "0");
/// assert_eq!(typing.input("7400"), "07400");
/// assert_eq!(typing.input("12"), "07400 12");
/// assert_eq!(typing.input("3456"), "07400 123456");
/// assert_eq!(typing.e164().as_deref(), Some("+447400123456"));
/// typing.reset();
/// assert_eq!(typing.input("+12015550123"), "+1 201-555-0123");
/// ```
#[derive(Clone)]
pub struct AsYouType {
    region: Option<Region>,
    /// The metadata in use: at first that of the main region of the region's
    /// calling code (none without a region), then of the calling code typed.
    current: Option<&'static Territory>,
    /// The formatted text; `None` when it is the text as typed.
    output: Option<String>,
    accrued: String,
    accrued_chars: usize,
    /// Digits and a leading `+`.
    accrued_digits: String,
    template: Vec<char>,
    last_match: usize,
    current_pattern: Option<&'static [super::metadata::Dfa]>,
    prefix: String,
    space_after_national_prefix: bool,
    extracted_national_prefix: String,
    national: String,
    able_to_format: bool,
    has_formatting: bool,
    complete: bool,
    expecting_code: bool,
    possible: Vec<Candidate>,
}

impl std::fmt::Debug for AsYouType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsYouType").field("region", &self.region).field("text", &self.formatted()).finish()
    }
}

impl AsYouType {
    /// A formatter for numbers typed in `region` (national numbers, its
    /// international prefix, or `+`); with `None`, only numbers that begin
    /// with `+` are formatted.
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::AsYouType;
    /// assert_eq!(AsYouType::new(None).input("+447400123456"), "+44 7400 123456");
    /// assert_eq!(AsYouType::new(None).input("07400123456"), "07400123456");
    /// ```
    #[must_use]
    pub fn new(region: Option<Region>) -> AsYouType {
        let default = region.and_then(territory).and_then(|t| main_territory(t.code));
        AsYouType {
            region,
            current: default,
            output: None,
            accrued: String::new(),
            accrued_chars: 0,
            accrued_digits: String::new(),
            template: Vec::new(),
            last_match: 0,
            current_pattern: None,
            prefix: String::new(),
            space_after_national_prefix: false,
            extracted_national_prefix: String::new(),
            national: String::new(),
            able_to_format: true,
            has_formatting: false,
            complete: false,
            expecting_code: false,
            possible: Vec::new(),
        }
    }

    /// Appends `text` (typed one character at a time) and returns the whole
    /// text so far as the formatter shows it.
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::{AsYouType, Region};
    /// let mut typing = AsYouType::new(Region::parse("US"));
    /// assert_eq!(typing.input("650253"), "650-253");
    /// assert_eq!(typing.input("0000"), "(650) 253-0000");
    /// ```
    pub fn input(&mut self, text: &str) -> String {
        for c in text.chars() {
            self.input_char(c);
        }
        self.formatted().to_owned()
    }

    /// The text so far, formatted (the last answer of [`input`](AsYouType::input)).
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::AsYouType;
    /// let mut typing = AsYouType::new(None);
    /// typing.input("+4420");
    /// assert_eq!(typing.formatted(), "+44 20");
    /// ```
    #[must_use]
    pub fn formatted(&self) -> &str {
        self.output.as_deref().unwrap_or(&self.accrued)
    }

    /// Forgets the text typed, to begin another number in the same region.
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::{AsYouType, Region};
    /// let mut typing = AsYouType::new(Region::parse("GB"));
    /// typing.input("+1 650");
    /// typing.reset();
    /// assert_eq!(typing.input("07400123456"), "07400 123456");
    /// ```
    pub fn reset(&mut self) {
        *self = AsYouType::new(self.region);
    }

    /// The number typed so far when it is a valid phone number, as
    /// [`parse`](super::parse) reads it in the formatter's region.
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::{AsYouType, NumberType, Region};
    /// let mut typing = AsYouType::new(Region::parse("GB"));
    /// typing.input("0740012345");
    /// assert!(typing.phone().is_none());
    /// typing.input("6");
    /// assert_eq!(typing.phone().unwrap().number_type(), NumberType::Mobile);
    /// ```
    #[must_use]
    pub fn phone(&self) -> Option<Phone> {
        parse(&self.accrued, self.region.as_ref().map(Region::as_str)).ok().map(|p| p.value)
    }

    /// The E.164 form of the number typed so far, when it is valid.
    ///
    /// # Example
    /// ```
    /// use intake::rules::phone::AsYouType;
    /// let mut typing = AsYouType::new(None);
    /// assert_eq!(typing.input("+1 201 555"), "+1 201 555");
    /// assert_eq!(typing.e164(), None);
    /// typing.input(" 0123");
    /// assert_eq!(typing.e164().as_deref(), Some("+12015550123"));
    /// ```
    #[must_use]
    pub fn e164(&self) -> Option<String> {
        self.phone().map(|p| p.e164().to_owned())
    }

    /// `inputDigit`: one more character.
    fn input_char(&mut self, c: char) {
        self.accrued.push(c);
        self.accrued_chars += 1;
        let plus = c == '+' && self.accrued_chars == 1;
        if !(c.is_ascii_digit() || plus) || self.accrued_chars > MAX_INPUT {
            self.able_to_format = false;
            self.has_formatting = true;
        } else if plus {
            self.accrued_digits.push(c);
        } else {
            self.accrued_digits.push(c);
            self.national.push(c);
        }
        let out = self.next_output(c);
        self.output = out;
    }

    /// The formatter's answer after `c`; `None` for the text as typed.
    fn next_output(&mut self, c: char) -> Option<String> {
        if !self.able_to_format {
            // Formatting stopped for another reason than punctuation: a long
            // international or national prefix may be taken off and formatting resumed.
            if self.has_formatting {
                return None;
            } else if self.extract_idd() {
                if self.extract_code() {
                    return self.choose_with_prefix_extracted();
                }
            } else if self.extract_longer_national_prefix() {
                self.prefix.push(' ');
                return self.choose_with_prefix_extracted();
            }
            return None;
        }
        match self.accrued_digits.len() {
            0..=2 => return None,
            3 => {
                if self.extract_idd() {
                    self.expecting_code = true;
                } else {
                    self.extracted_national_prefix = self.remove_national_prefix();
                    return self.choose_format();
                }
            }
            _ => {}
        }
        if self.expecting_code {
            if self.extract_code() {
                self.expecting_code = false;
            }
            return Some(format!("{}{}", self.prefix, self.national));
        }
        if self.possible.is_empty() {
            return self.choose_format();
        }
        let helped = self.input_digit_helper(c);
        if let Some(whole) = self.format_accrued_digits() {
            return Some(whole);
        }
        let national = self.national.clone();
        self.narrow_formats(&national);
        if self.new_template() {
            return self.input_accrued_national();
        }
        if self.able_to_format {
            Some(self.append_national(&helped))
        } else {
            None
        }
    }

    /// `attemptToChoosePatternWithPrefixExtracted`.
    fn choose_with_prefix_extracted(&mut self) -> Option<String> {
        self.able_to_format = true;
        self.expecting_code = false;
        self.possible.clear();
        self.last_match = 0;
        self.template.clear();
        self.current_pattern = None;
        self.choose_format()
    }

    /// `attemptToChooseFormattingPattern`: once three digits of national
    /// number are in, the formats they may take.
    fn choose_format(&mut self) -> Option<String> {
        if self.national.len() < MIN_LEADING_DIGITS {
            return Some(self.append_national(&self.national.clone()));
        }
        let national = self.national.clone();
        self.available_formats(&national);
        if let Some(whole) = self.format_accrued_digits() {
            return Some(whole);
        }
        if self.new_template() {
            self.input_accrued_national()
        } else {
            None
        }
    }

    /// `getAvailableFormats`: the formats that fit how the number was begun.
    fn available_formats(&mut self, leading: &str) {
        if let Some(t) = self.current {
            let international = self.complete && self.extracted_national_prefix.is_empty();
            let np = !self.extracted_national_prefix.is_empty();
            for f in t.formats {
                let candidate = if international && t.explicit_intl {
                    match f.intl {
                        Intl::None => continue,
                        Intl::Same => Candidate { format: f, text: f.national, rule: "" },
                        Intl::Text(text) => Candidate { format: f, text, rule: "" },
                    }
                } else {
                    Candidate { format: f, text: f.national, rule: f.national_prefix_rule }
                };
                let first_group_only = first_group_only(candidate.rule);
                if np && first_group_only && !f.national_prefix_optional && !f.carrier_rule {
                    // Written with a national prefix: formats that never show one are out
                    // (unless the prefix may have been a carrier code).
                    continue;
                }
                if !np && !self.complete && !first_group_only && !f.national_prefix_optional {
                    // Written without the national prefix this format requires.
                    continue;
                }
                if eligible(candidate.text) {
                    self.possible.push(candidate);
                }
            }
        }
        self.narrow_formats(leading);
    }

    /// `narrowDownPossibleFormats`: the formats whose leading digits (the
    /// pattern for this many digits) the number begins with.
    fn narrow_formats(&mut self, leading: &str) {
        let index = leading.len() as isize - MIN_LEADING_DIGITS as isize;
        self.possible.retain(|c| {
            let patterns = c.format.leading;
            if patterns.is_empty() {
                return true;
            }
            let n = patterns.len() as isize;
            let mut k = index.min(n - 1);
            if k < 0 {
                // Python's negative index counts from the end.
                k += n;
            }
            usize::try_from(k).ok().and_then(|k| patterns.get(k)).is_some_and(|p| p.matches_prefix(leading.as_bytes()))
        });
    }

    /// `maybeCreateNewTemplate`: a template from the first possible format that
    /// gives one; `false` when the current one stays (or there is none).
    fn new_template(&mut self) -> bool {
        let i = 0;
        while let Some(&candidate) = self.possible.get(i) {
            let groups = candidate.format.groups;
            if self.current_pattern == Some(groups) {
                return false;
            }
            if let Some(template) = self.template_for(candidate) {
                self.template = template;
                self.current_pattern = Some(groups);
                self.space_after_national_prefix = separates(candidate.rule);
                self.last_match = 0;
                return true;
            }
            self.possible.remove(i);
        }
        self.able_to_format = false;
        false
    }

    /// `getFormattingTemplate`: the format applied to the longest run of nines
    /// the pattern takes, each digit a placeholder; `None` when the digits typed
    /// are already more than the format holds.
    fn template_for(&self, candidate: Candidate) -> Option<Vec<char>> {
        let mut lengths = [0usize; 8];
        let groups = candidate.format.groups;
        if groups.len() > lengths.len() || !greedy_nines(groups, NINES.len(), &mut lengths) {
            return None;
        }
        let lengths = &lengths[..groups.len()];
        if lengths.iter().sum::<usize>() < self.national.len() {
            return None;
        }
        let mut ends = [0usize; 8];
        let mut at = 0;
        for (end, len) in ends.iter_mut().zip(lengths) {
            at += len;
            *end = at;
        }
        let nines = &NINES[..at];
        let text = expand(candidate.text, "", nines, &ends[..groups.len()]);
        Some(text.chars().map(|c| if c == '9' { PLACEHOLDER } else { c }).collect())
    }

    /// `attemptToFormatAccruedDigits`: a format that matches the whole
    /// national number and writes every digit typed.
    fn format_accrued_digits(&mut self) -> Option<String> {
        for i in 0..self.possible.len() {
            let candidate = self.possible[i];
            let groups = candidate.format.groups;
            let Some(ends) = split(self.national.as_bytes(), groups) else { continue };
            self.space_after_national_prefix = separates(candidate.rule);
            let formatted = expand(candidate.text, "", self.national.as_bytes(), &ends[..groups.len()]);
            let whole = self.append_national(&formatted);
            let digits: String = whole.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
            if digits == self.accrued_digits {
                return Some(whole);
            }
        }
        None
    }

    /// `inputAccruedNationalNumber`: the national number through the template again.
    fn input_accrued_national(&mut self) -> Option<String> {
        if self.national.is_empty() {
            return Some(self.prefix.clone());
        }
        let national = self.national.clone();
        let mut helped = String::new();
        for c in national.chars() {
            helped = self.input_digit_helper(c);
        }
        if self.able_to_format {
            Some(self.append_national(&helped))
        } else {
            None
        }
    }

    /// `inputDigitHelper`: the next placeholder of the template takes `c`;
    /// the filled template so far, or the text as typed when it is full.
    fn input_digit_helper(&mut self, c: char) -> String {
        let free = self.template.get(self.last_match..).is_some_and(|rest| rest.contains(&PLACEHOLDER));
        if free {
            if let Some(at) = self.template.iter().position(|&t| t == PLACEHOLDER) {
                self.template[at] = c;
                self.last_match = at;
                return self.template[..=at].iter().collect();
            }
        }
        if self.possible.len() == 1 {
            // More digits than the only format holds.
            self.able_to_format = false;
        }
        self.current_pattern = None;
        self.accrued.clone()
    }

    /// `appendNationalNumber`: the prefix typed (with a space where the
    /// national prefix rule has one) and the national number.
    fn append_national(&self, national: &str) -> String {
        if self.space_after_national_prefix && !self.prefix.is_empty() && !self.prefix.ends_with(' ') {
            format!("{} {national}", self.prefix)
        } else {
            format!("{}{national}", self.prefix)
        }
    }

    /// `removeNationalPrefixFromNationalNumber`: the national (trunk) prefix
    /// typed, moved to the prefix; `1` before an area code in the NANP.
    fn remove_national_prefix(&mut self) -> String {
        let bytes = self.national.as_bytes();
        let mut start = 0;
        let nanp = self.current.is_some_and(|t| t.code == 1)
            && bytes.first() == Some(&b'1')
            && bytes.get(1).is_some_and(|&d| d != b'0' && d != b'1');
        if nanp {
            start = 1;
            self.prefix.push_str("1 ");
            self.complete = true;
        } else if let Some(end) = self.current.and_then(|t| national_prefix_end(bytes, t)) {
            if end > 0 {
                self.complete = true;
                start = end;
                self.prefix.push_str(&self.national[..end]);
            }
        }
        let prefix = self.national[..start].to_owned();
        self.national.drain(..start);
        prefix
    }

    /// `ableToExtractLongerNdd`: the national prefix taken off again, in case
    /// a longer one fits.
    fn extract_longer_national_prefix(&mut self) -> bool {
        if !self.extracted_national_prefix.is_empty() {
            self.national.insert_str(0, &self.extracted_national_prefix);
            match self.prefix.rfind(&self.extracted_national_prefix) {
                Some(at) => self.prefix.truncate(at),
                None => {
                    self.prefix.pop();
                }
            }
        }
        let removed = self.remove_national_prefix();
        self.extracted_national_prefix != removed
    }

    /// `attemptToExtractIdd`: a `+` or the region's international prefix.
    fn extract_idd(&mut self) -> bool {
        let digits = self.accrued_digits.as_bytes();
        let end = if digits.first() == Some(&b'+') {
            Some(1)
        } else {
            match self.current {
                // No region: libphonenumber's empty metadata dials out with `+` only.
                None => None,
                // A territory without an international prefix: its empty pattern matches.
                Some(t) => t.international_prefix.map_or(Some(0), |idd| idd.match_end(digits)),
            }
        };
        let Some(end) = end else { return false };
        self.complete = true;
        self.national = self.accrued_digits[end..].to_owned();
        self.prefix = self.accrued_digits[..end].to_owned();
        if digits.first() != Some(&b'+') {
            self.prefix.push(' ');
        }
        true
    }

    /// `attemptToExtractCountryCallingCode`: the calling code after `+` or the
    /// international prefix; the formats are then the code's.
    fn extract_code(&mut self) -> bool {
        let Some((code, rest)) = leading_code(self.national.as_bytes()) else { return false };
        let rest = std::str::from_utf8(rest).unwrap_or("").to_owned();
        self.national = rest;
        self.current = main_territory(code);
        self.prefix.push_str(&code.to_string());
        self.prefix.push(' ');
        self.extracted_national_prefix.clear();
        true
    }
}

/// Where the national prefix for parsing (and a whole-number transform
/// pattern, its first alternative) ends at the start of `national`.
fn national_prefix_end(national: &[u8], t: &Territory) -> Option<usize> {
    if let Transform::Whole { dfa, .. } = t.transform {
        if dfa.matches(national) {
            return Some(national.len());
        }
    }
    t.national_prefix_for_parsing?.match_end(national)
}

/// The groups' lengths when they match a run of nines at its start, each
/// group as long as it can be (a regex's search over `999999999999999`).
fn greedy_nines(groups: &[super::metadata::Dfa], available: usize, lengths: &mut [usize]) -> bool {
    let Some((first, rest)) = groups.split_first() else { return true };
    (0..=available).rev().any(|len| {
        lengths[0] = len;
        first.matches(&NINES[..len]) && greedy_nines(rest, available - len, &mut lengths[1..])
    })
}

/// Whether a national prefix rule writes the first group alone (`$FG`,
/// `($FG)`): libphonenumber's `formattingRuleHasFirstGroupOnly`.
fn first_group_only(rule: &str) -> bool {
    let rule = rule.strip_prefix('(').unwrap_or(rule);
    let rule = rule.strip_suffix(')').unwrap_or(rule);
    matches!(rule, "" | "$FG")
}

/// Whether the national prefix rule separates the prefix from the number.
fn separates(rule: &str) -> bool {
    rule.contains([' ', '-'])
}

/// libphonenumber's valid punctuation (`VALID_PUNCTUATION`).
fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '-' | 'x'
            | '\u{2010}'..='\u{2015}'
            | '\u{2212}'
            | '\u{30FC}'
            | '\u{FF0D}'..='\u{FF0F}'
            | ' '
            | '\u{00A0}'
            | '\u{00AD}'
            | '\u{200B}'
            | '\u{2060}'
            | '\u{3000}'
            | '('
            | ')'
            | '\u{FF08}'
            | '\u{FF09}'
            | '\u{FF3B}'
            | '\u{FF3D}'
            | '.'
            | '['
            | ']'
            | '/'
            | '~'
            | '\u{2053}'
            | '\u{223C}'
            | '\u{FF5E}'
    )
}

/// `ELIGIBLE_FORMAT_PATTERN`: groups and punctuation only, the first group
/// first, so no digit typed is lost and no other character shown.
fn eligible(text: &str) -> bool {
    let mut rest = text.trim_start_matches(is_punctuation);
    let Some(after) = rest.strip_prefix("$1") else { return false };
    rest = after;
    loop {
        rest = rest.trim_start_matches(is_punctuation);
        if rest.is_empty() {
            return true;
        }
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some('$'), Some(d)) if d.is_ascii_digit() => rest = chars.as_str(),
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eligible_formats() {
        assert!(eligible("$1 $2"));
        assert!(eligible("($1) $2-$3"));
        assert!(!eligible("$2 $1"));
        assert!(!eligible("*$1"));
        assert!(!eligible("$1 8 $2"));
    }

    /// The decisions of docs/RULES.md: other scripts' digits and `＋` are not
    /// taken (the text is shown as typed); nor is anything past `MAX_INPUT`.
    #[test]
    fn characters_not_taken_show_the_text_as_typed() {
        let gb = Region::parse("GB");
        assert_eq!(AsYouType::new(gb).input("０７４００１２３４５６"), "０７４００１２３４５６");
        assert_eq!(AsYouType::new(gb).input("＋４４"), "＋４４");
        assert_eq!(AsYouType::new(gb).input("07400 1"), "07400 1");
        let long = "1".repeat(MAX_INPUT + 5);
        let mut typing = AsYouType::new(gb);
        assert_eq!(typing.input(&long), long);
        assert_eq!(typing.e164(), None);
        // Past the limit nothing is formatted, even a fresh start after reset is.
        typing.reset();
        assert_eq!(typing.input("+447400123456"), "+44 7400 123456");
    }

    #[test]
    fn templates_come_from_the_group_automata() {
        let mut typing = AsYouType::new(Region::parse("US"));
        let shown: Vec<String> = "6502530000".chars().map(|c| typing.input(&c.to_string())).collect();
        assert_eq!(shown[2], "650");
        assert_eq!(shown[3], "650-2");
        assert_eq!(shown[6], "650-2530");
        // Ten digits: a format now matches the whole number.
        assert_eq!(shown[9], "(650) 253-0000");
        // Typed past what any format holds, the digits are shown as typed.
        assert_eq!(typing.input("1"), "65025300001");
    }

    #[test]
    fn first_group_rules() {
        assert!(first_group_only(""));
        assert!(first_group_only("$FG"));
        assert!(first_group_only("($FG)"));
        assert!(!first_group_only("0$FG"));
        assert!(!first_group_only("8 ($FG)"));
    }
}
