//! Phone numbers: validation and E.164 normalization with libphonenumber's own rules, over its
//! metadata, which `build.rs` compiles into the binary (read with the phonenumber crate's loader;
//! the national number patterns as [`pattern`] bytecode).
//!
//! The phonenumber crate's own validator is not used: it accepts a number when a pattern matches
//! its *start* (libphonenumber requires the whole number), and its national-prefix stripping reads
//! `8 (800) 123-45-67` in Russia as `001234567`. What follows is libphonenumber's `parse` and
//! `isValidNumber` (PhoneNumberUtil.java), step for step, and a test compares it with the Python
//! port at the same metadata version over more than 10,000 numbers (tests/cli/phone_agreement.rs).

mod pattern;

/// One territory of libphonenumber's metadata, as `build.rs` writes it.
struct Territory {
    id: &'static str,
    code: u16,
    /// The main territory of a shared calling code (`US` for +1), tried first.
    main: bool,
    /// `None` for a territory without a general description: no number is valid there.
    plan: Option<Plan>,
}

static TERRITORIES: &[Territory] = include!(concat!(env!("OUT_DIR"), "/territories.rs"));

/// libphonenumber's bounds on a national significant number.
const MIN_NSN: usize = 2;
const MAX_NSN: usize = 17;

/// How the number was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Written with `+` and its calling code.
    International,
    /// Written as digits without `+`, and valid once read as international.
    DigitsAsInternational,
    /// A national number of `phone_region`.
    National,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// `+8615920141234`.
    pub e164: String,
    /// Where the number belongs: `+86 (CN)`.
    pub country: String,
    pub reading: Reading,
}

impl Phone {
    /// The E.164 form without its `+`, as the vendor's English page writes numbers.
    pub fn digits(&self) -> &str {
        &self.e164[1..]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// The phonenumber crate would map these to keypad digits (`1-800-FLOWERS`); we refuse them.
    Letters,
    /// An extension (`ext 5`, `x5`, `#5`, `;ext=5`): not part of the number the SDK takes.
    Extension(String),
    Character(char),
    /// No `+`, no `phone_region`, and the digits make no valid international number.
    NoCountryCode,
    UnknownCallingCode,
    /// Parsed, but not a valid number there.
    Invalid {
        country: String,
    },
}

/// Whether `id` is a region the metadata knows (`GB`, not `UK`).
pub fn is_known_region(id: &str) -> bool {
    id != "001" && TERRITORIES.iter().any(|t| t.id == id)
}

pub fn parse(raw: &str, region: Option<&str>) -> Result<Phone, PhoneError> {
    let written = raw.trim();
    let (plus, rest) = match written.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, written),
    };
    if let Some(extension) = extension(rest) {
        return Err(PhoneError::Extension(extension.to_string()));
    }
    if let Some(c) = rest.chars().find(|c| !matches!(c, '0'..='9' | ' ' | '-' | '.' | '(' | ')')) {
        return Err(if c.is_alphabetic() { PhoneError::Letters } else { PhoneError::Character(c) });
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if plus {
        return international(&digits, Reading::International);
    }
    if let Some(region) = region {
        let index = TERRITORIES.iter().position(|t| t.id == region).ok_or(PhoneError::NoCountryCode)?;
        return national(&digits, index);
    }
    international(&digits, Reading::DigitsAsInternational).map_err(|err| match err {
        PhoneError::Invalid { .. } | PhoneError::UnknownCallingCode => PhoneError::NoCountryCode,
        other => other,
    })
}

/// The extension written after a number, as libphonenumber recognizes the common forms: `ext`,
/// `ext.`, `x`, `#` or `;ext=`, then digits.
fn extension(number: &str) -> Option<&str> {
    let lower = number.to_ascii_lowercase();
    ["ext.", "ext", ";ext=", "x", "#"].iter().find_map(|marker| {
        let at = lower.rfind(marker)?;
        let digits = number[at + marker.len()..].trim();
        let before = number[..at].trim_end();
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && before.chars().any(|c| c.is_ascii_digit()))
            .then(|| number[at..].trim())
    })
}

/// `+<digits>`: the calling code, then the national number, with a national prefix written after
/// the calling code stripped (`+44 (0)20 …`) as libphonenumber does.
fn international(digits: &str, reading: Reading) -> Result<Phone, PhoneError> {
    let code = calling_code(digits).ok_or(PhoneError::UnknownCallingCode)?;
    let main = *territories_of(code).first().ok_or(PhoneError::UnknownCallingCode)?;
    let plan = plan(main).ok_or(PhoneError::UnknownCallingCode)?;
    let national = plan.strip_national_prefix_if_possible(&digits[code.to_string().len()..]);
    validate(code, &national, reading)
}

/// A number without `+`, read as libphonenumber reads it for region `index`: an international
/// prefix (`00`, `810`) with a calling code after it, or the region's own calling code written in
/// front, or a national number with or without its national prefix.
fn national(digits: &str, index: usize) -> Result<Phone, PhoneError> {
    let region = plan(index).ok_or(PhoneError::NoCountryCode)?;
    let invalid = || PhoneError::Invalid { country: describe(region.code, Some(TERRITORIES[index].id)) };
    // After an international prefix comes a calling code, which never starts with 0.
    if let Some(idd) = region.international_prefix
        && let Some((end, _)) = pattern::captures(idd, digits.as_bytes())
        && !digits[end..].starts_with('0')
    {
        let rest = &digits[end..];
        let code = calling_code(rest).ok_or_else(invalid)?;
        let main = *territories_of(code).first().ok_or_else(invalid)?;
        let national =
            plan(main).ok_or_else(invalid)?.strip_national_prefix_if_possible(&rest[code.to_string().len()..]);
        return validate(code, &national, Reading::National);
    }
    // The region's own calling code in front, when the rest makes a better national number.
    if let Some(rest) = digits.strip_prefix(&region.code.to_string()) {
        let potential = region.strip_national_prefix(rest).unwrap_or_else(|| rest.to_string());
        let general = &region.general;
        if (!general.pattern_matches(digits) && general.pattern_matches(&potential))
            || region.length(digits) == Length::TooLong
        {
            return validate(region.code, &potential, Reading::National);
        }
    }
    let national = region.strip_national_prefix_if_possible(digits);
    validate(region.code, &national, Reading::National)
}

/// libphonenumber's `isValidNumber`: the territory the number belongs to, and a number type of
/// that territory matching it whole.
fn validate(code: u16, national: &str, reading: Reading) -> Result<Phone, PhoneError> {
    let members = territories_of(code);
    let invalid = |region: Option<&str>| PhoneError::Invalid { country: describe(code, region) };
    if !(MIN_NSN..=MAX_NSN).contains(&national.len()) {
        return Err(invalid(None));
    }
    let territory = region_for_number(&members, national).ok_or_else(|| invalid(None))?;
    let plan = plan(territory).ok_or_else(|| invalid(None))?;
    if !plan.has_type(national) {
        return Err(invalid(Some(TERRITORIES[territory].id)));
    }
    Ok(Phone { e164: format!("+{code}{national}"), country: describe(code, Some(TERRITORIES[territory].id)), reading })
}

/// libphonenumber's `getRegionCodeForNumberFromRegionList`: the first territory whose leading
/// digits match, or, for one without, whose number types match.
fn region_for_number(members: &[usize], national: &str) -> Option<usize> {
    if let [only] = members {
        return Some(*only);
    }
    members.iter().copied().find(|&index| {
        plan(index).is_some_and(|plan| match plan.leading_digits {
            Some(leading) => pattern::matches_start(leading, national.as_bytes()),
            None => plan.has_type(national),
        })
    })
}

fn describe(code: u16, region: Option<&str>) -> String {
    match region {
        Some(id) if id != "001" => format!("+{code} ({id})"),
        _ => format!("+{code}"),
    }
}

/// The territories of a calling code, the main one first, as libphonenumber lists them.
fn territories_of(code: u16) -> Vec<usize> {
    let mut members: Vec<usize> = (0..TERRITORIES.len()).filter(|&i| TERRITORIES[i].code == code).collect();
    members.sort_by_key(|&i| !TERRITORIES[i].main);
    members
}

/// The calling code a string of international digits starts with. Calling codes are prefix-free,
/// so at most one of the 1-, 2- and 3-digit prefixes is assigned; none starts with 0.
fn calling_code(digits: &str) -> Option<u16> {
    if digits.starts_with('0') {
        return None;
    }
    (1..=3.min(digits.len()))
        .filter_map(|len| digits[..len].parse::<u16>().ok())
        .find(|code| TERRITORIES.iter().any(|t| t.code == *code))
}

/// What libphonenumber's `testNumberLength` says of a number's length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Length {
    Possible,
    PossibleLocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

/// A number type's description: its lengths, and a pattern the whole number must match.
struct Desc {
    /// [`pattern`] bytecode.
    pattern: &'static [u8],
    lengths: &'static [u16],
}

impl Desc {
    /// libphonenumber's `matchNationalNumber`: the pattern alone, matching the whole number.
    fn pattern_matches(&self, national: &str) -> bool {
        pattern::matches(self.pattern, national.as_bytes())
    }

    /// libphonenumber's `isNumberMatchingDesc`: a possible length, then the pattern.
    fn matches(&self, national: &str) -> bool {
        u16::try_from(national.len()).is_ok_and(|len| self.lengths.is_empty() || self.lengths.contains(&len))
            && self.pattern_matches(national)
    }
}

/// What validation reads of one territory's metadata, finished by `build.rs`.
struct Plan {
    code: u16,
    /// Its lengths are the union of the types', which libphonenumber computes when it builds its
    /// metadata (the XML leaves them out).
    general: Desc,
    /// Lengths only a local number has (dialled without the area code).
    local_lengths: &'static [u16],
    /// A valid number matches one: fixed line, mobile, toll free, premium rate, shared cost,
    /// personal, VoIP, pager, UAN, voicemail, those the territory has.
    types: &'static [Desc],
    /// `00`, `810`: dialled before a calling code abroad.
    international_prefix: Option<&'static [u8]>,
    /// What `parse` strips from the start of a national number (libphonenumber's national prefix
    /// for parsing, else the national prefix).
    national_prefix: Option<&'static [u8]>,
    /// What replaces the stripped national prefix, with `$1` for its last group (`9$1`).
    national_prefix_transform_rule: Option<&'static str>,
    /// For calling codes shared by several territories: the start of the national numbers that
    /// belong here.
    leading_digits: Option<&'static [u8]>,
}

impl Plan {
    /// libphonenumber's `getNumberTypeHelper(…) != UNKNOWN`.
    fn has_type(&self, national: &str) -> bool {
        self.general.matches(national) && self.types.iter().any(|desc| desc.matches(national))
    }

    /// libphonenumber's `testNumberLength` for any type.
    fn length(&self, national: &str) -> Length {
        let lengths = &self.general.lengths;
        let Ok(actual) = u16::try_from(national.len()) else { return Length::TooLong };
        match (lengths.first(), lengths.last()) {
            _ if self.local_lengths.contains(&actual) => Length::PossibleLocalOnly,
            (Some(&min), _) if actual < min => Length::TooShort,
            (_, Some(&max)) if actual > max => Length::TooLong,
            _ if lengths.contains(&actual) => Length::Possible,
            _ => Length::Invalid,
        }
    }

    /// libphonenumber's `maybeStripNationalPrefixAndCarrierCode`: the number without its national
    /// prefix (transformed where the territory says so), or `None` when nothing is to be stripped.
    fn strip_national_prefix(&self, number: &str) -> Option<String> {
        let prefix = self.national_prefix?;
        if number.is_empty() {
            return None;
        }
        let (end, groups) = pattern::captures(prefix, number.as_bytes())?;
        let viable = self.general.pattern_matches(number);
        let stripped = match (self.national_prefix_transform_rule, groups.last()) {
            // Java's `replaceFirst`: the rule, its `$n` the groups, in place of the match.
            (Some(rule), Some(Some(_))) => {
                let mut transformed = String::new();
                let mut chars = rule.chars().peekable();
                while let Some(c) = chars.next() {
                    match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                        ('$', Some(group)) => {
                            chars.next();
                            let span = groups.get((group as usize).wrapping_sub(1)).cloned().flatten();
                            transformed.push_str(span.map_or("", |span| &number[span]));
                        }
                        _ => transformed.push(c),
                    }
                }
                transformed.push_str(&number[end..]);
                transformed
            }
            _ => number[end..].to_string(),
        };
        // Stripping must not turn a number that matched into one that does not.
        (!viable || self.general.pattern_matches(&stripped)).then_some(stripped)
    }

    /// The national prefix stripped, as `parse` does it: only when what is left has a length the
    /// territory's numbers can have.
    fn strip_national_prefix_if_possible(&self, number: &str) -> String {
        match self.strip_national_prefix(number) {
            Some(stripped) if matches!(self.length(&stripped), Length::Possible | Length::TooLong) => stripped,
            _ => number.to_string(),
        }
    }
}

/// Territory `index`'s plan.
fn plan(index: usize) -> Option<&'static Plan> {
    TERRITORIES[index].plan.as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn international_numbers_normalize_to_e164() {
        let phone = parse("+86 159 2014 1234", None).unwrap();
        assert_eq!(phone.e164, "+8615920141234");
        assert_eq!(phone.digits(), "8615920141234");
        assert_eq!(phone.country, "+86 (CN)");
        assert_eq!(parse("+44 (0)20 7946 0958", None).map(|p| p.e164), Ok("+442079460958".into()));
        assert_eq!(parse("+1 212-555-0123", None).map(|p| p.country), Ok("+1 (US)".into()));
    }

    #[test]
    fn digits_without_plus_are_read_as_international() {
        let phone = parse("8615920141234", None).unwrap();
        assert_eq!((phone.e164.as_str(), phone.reading), ("+8615920141234", Reading::DigitsAsInternational));
    }

    #[test]
    fn national_numbers_need_a_region() {
        assert_eq!(parse("020 7946 0958", None), Err(PhoneError::NoCountryCode));
        let phone = parse("020 7946 0958", Some("GB")).unwrap();
        assert_eq!((phone.e164.as_str(), phone.reading), ("+442079460958", Reading::National));
    }

    #[test]
    fn refuses_letters_other_characters_and_invalid_numbers() {
        assert_eq!(parse("+1-800-FLOWERS", None), Err(PhoneError::Letters));
        assert_eq!(parse("+86 159;2014", None), Err(PhoneError::Character(';')));
        assert_eq!(parse("+86 1", None), Err(PhoneError::Invalid { country: "+86".into() }));
        assert!(matches!(parse("+86 159 2014 12345678", None), Err(PhoneError::Invalid { .. })));
        assert_eq!(parse("+999 1234", None), Err(PhoneError::UnknownCallingCode));
    }

    /// The examples: a pattern must match the whole number, and national prefixes are
    /// stripped as libphonenumber strips them. tests/cli/phone_agreement.rs has the full corpus.
    #[test]
    fn whole_numbers_and_national_prefixes() {
        for too_long in ["+387611234567", "+880271112345", "+243222123456", "+37580112345678"] {
            assert!(matches!(parse(too_long, None), Err(PhoneError::Invalid { .. })), "{too_long}");
        }
        assert!(parse("061 123 4567", Some("BA")).is_err());
        assert_eq!(parse("8 (800) 123-45-67", Some("RU")).map(|p| p.e164), Ok("+78001234567".into()));
        assert_eq!(parse("8 (800) 123-45-67", Some("KZ")).map(|p| p.e164), Ok("+78001234567".into()));
        assert_eq!(parse("8 801 123 4567", Some("BY")).map(|p| p.e164), Ok("+3758011234567".into()));
        assert!(parse("0800 735 456", Some("JE")).is_err());
    }

    #[test]
    fn national_prefix_transform_rules() {
        // Argentina's mobile numbers: `0` and `15` go, and `9` goes in front (`9$1`).
        for (written, e164) in [("011 15-2345-6789", "+5491123456789"), ("0343 15-555-1212", "+5493435551212")] {
            assert_eq!(parse(written, Some("AR")).unwrap().e164, e164, "{written}");
        }
    }

    #[test]
    fn regions() {
        assert!(is_known_region("GB"));
        assert!(!is_known_region("UK"));
        assert!(!is_known_region("001"));
    }
}
