//! Phone numbers: parsing, validation and E.164 normalization over the phonenumber crate, loading
//! only the metadata of the calling code a number needs (see `build.rs`).

use phonenumber::metadata::{Database, loader};
use phonenumber::{NationalNumber, PhoneNumber, country};
use regex::Regex;
use std::collections::HashMap;
use std::io::Cursor;
use std::ops::Range;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};

/// One territory of libphonenumber's metadata.
struct Territory {
    id: &'static str,
    code: u16,
    /// The main territory of a shared calling code (`US` for +1), which the crate tries first.
    main: bool,
    /// For calling codes shared by several territories: the national numbers that belong here.
    leading_digits: Option<&'static str>,
    /// Its `<territory>` element in [`TERRITORIES_XML`].
    xml: Range<usize>,
}

static TERRITORIES: &[Territory] = include!(concat!(env!("OUT_DIR"), "/territories.rs"));
static TERRITORIES_XML: &str = include_str!(concat!(env!("OUT_DIR"), "/territories.xml"));

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
        let code = calling_code(&digits).ok_or(PhoneError::UnknownCallingCode)?;
        return validate_in(code, None, written, Reading::International);
    }
    if let Some(region) = region {
        let code = TERRITORIES.iter().find(|t| t.id == region).map(|t| t.code);
        let id = country::Id::from_str(region).ok();
        return match (code, id) {
            (Some(code), Some(id)) => validate_in(code, Some(id), written, Reading::National),
            _ => Err(PhoneError::NoCountryCode),
        };
    }
    let code = calling_code(&digits).ok_or(PhoneError::NoCountryCode)?;
    validate_in(code, None, &format!("+{digits}"), Reading::DigitsAsInternational).map_err(|err| match err {
        PhoneError::Invalid { .. } => PhoneError::NoCountryCode,
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

fn validate_in(code: u16, region: Option<country::Id>, text: &str, reading: Reading) -> Result<Phone, PhoneError> {
    let members = territories_of(code);
    if members.is_empty() {
        return Err(PhoneError::UnknownCallingCode);
    }
    if reading != Reading::National
        && let Some(number) = international_number(code, text)
        && let Some(territory) = valid_territory(&members, &number)
    {
        return Ok(Phone { e164: e164(&number), country: describe(code, Some(territory.id)), reading });
    }
    // The crate's own parser also strips national prefixes (`+44 (0)20 …`) and reads national
    // numbers; it costs ~1.3 ms of regex compilation once per process, so it is the second choice.
    let database = database(&members).ok_or(PhoneError::UnknownCallingCode)?;
    let number = phonenumber::parse_with(&database, region, text)
        .map_err(|_| PhoneError::Invalid { country: describe(code, None) })?;
    let country = describe(code, number.metadata(&database).map(|meta| meta.id()));
    if !phonenumber::is_valid_with(&database, &number) {
        return Err(PhoneError::Invalid { country });
    }
    Ok(Phone { e164: e164(&number), country, reading })
}

/// What the crate's E.164 formatter writes, without the regex work its formatter does first for
/// the other modes (~58 ms for a Chinese number).
fn e164(number: &PhoneNumber) -> String {
    format!("+{}{}", number.code().value(), number.national())
}

fn describe(code: u16, region: Option<&str>) -> String {
    match region {
        Some(id) if id != "001" => format!("+{code} ({id})"),
        _ => format!("+{code}"),
    }
}

/// The territories of a calling code in the order the crate tries them: the main one first.
fn territories_of(code: u16) -> Vec<usize> {
    let mut members: Vec<usize> = (0..TERRITORIES.len()).filter(|&i| TERRITORIES[i].code == code).collect();
    members.sort_by_key(|&i| !TERRITORIES[i].main);
    members
}

/// The territory the crate would assign `number` to, if the number is valid there. This is the
/// crate's `source_for` followed by its type check, run against one territory's metadata at a
/// time, so that each territory's patterns are compiled once per process however the territories
/// of a shared code (+1 has 25) combine in the numbers seen.
fn valid_territory(members: &[usize], number: &PhoneNumber) -> Option<&'static Territory> {
    let valid_in =
        |index: usize| database(&[index]).is_some_and(|database| phonenumber::is_valid_with(&database, number));
    if let [only] = members {
        return valid_in(*only).then_some(&TERRITORIES[*only]);
    }
    let national = number.national().to_string();
    for &index in members {
        let found = match TERRITORIES[index].leading_digits {
            // A territory whose leading digits match is the crate's answer, valid or not.
            Some(_) if leading_digits_match(index, &national) => return valid_in(index).then_some(&TERRITORIES[index]),
            Some(_) => false,
            None => valid_in(index),
        };
        if found {
            return Some(&TERRITORIES[index]);
        }
    }
    None
}

/// A `+<code><digits>` number built directly from its parts, for the common case where the digits
/// after the calling code are already the national significant number. The crate has no
/// constructor, so this goes through its serde form (checked by the agreement test below).
fn international_number(code: u16, text: &str) -> Option<PhoneNumber> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = digits.strip_prefix(&code.to_string())?;
    let zeros = national.bytes().take_while(|&b| b == b'0').count();
    // `NationalNumber` keeps the count of leading zeros (Italian numbers) in its top byte.
    let value: u64 = NationalNumber::new(national.parse().ok()?, u8::try_from(zeros).ok()?).ok()?.into();
    serde_json::from_str(&format!(
        r#"{{"code":{{"value":{code},"source":"plus"}},"national":{{"value":{value}}},"extension":null,"carrier":null}}"#
    ))
    .ok()
}

/// The calling code a string of international digits starts with. Calling codes are prefix-free,
/// so at most one of the 1-, 2- and 3-digit prefixes is assigned.
fn calling_code(digits: &str) -> Option<u16> {
    (1..=3.min(digits.len()))
        .filter_map(|len| digits[..len].parse::<u16>().ok())
        .find(|code| TERRITORIES.iter().any(|t| t.code == *code))
}

/// The metadata of the territories `members` (indexes into [`TERRITORIES`]), parsed once per
/// process and set of territories.
fn database(members: &[usize]) -> Option<Arc<Database>> {
    static CACHE: OnceLock<Mutex<HashMap<Vec<usize>, Arc<Database>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(database) = cache.lock().ok()?.get(members) {
        return Some(database.clone());
    }
    let mut xml = String::from("<phoneNumberMetadata><territories>");
    for &i in members {
        xml.push_str(&TERRITORIES_XML[TERRITORIES[i].xml.clone()]);
    }
    xml.push_str("</territories></phoneNumberMetadata>");
    let metadata = loader::load(Cursor::new(xml)).ok()?;
    let database = Arc::new(Database::from(metadata).ok()?);
    cache.lock().ok()?.insert(members.to_vec(), database.clone());
    Some(database)
}

/// Whether territory `index`'s leading-digits pattern matches the start of `national`; patterns
/// are compiled once per process, on first use. An invalid pattern matches (the territory stays in).
fn leading_digits_match(index: usize, national: &str) -> bool {
    static PATTERNS: OnceLock<Mutex<HashMap<usize, Option<Regex>>>> = OnceLock::new();
    let Ok(mut patterns) = PATTERNS.get_or_init(Default::default).lock() else { return true };
    let pattern = patterns
        .entry(index)
        .or_insert_with(|| TERRITORIES[index].leading_digits.and_then(|p| Regex::new(&format!("^(?:{p})")).ok()));
    pattern.as_ref().is_none_or(|re| re.is_match(national))
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

    /// Our shortcuts (trimmed metadata, numbers built from their parts, our own E.164 formatting)
    /// must agree with the phonenumber crate's full database and parser on every example number
    /// of every territory the metadata has.
    #[test]
    fn agrees_with_the_crate_on_every_example_number() {
        let full = &*phonenumber::metadata::DATABASE;
        let xml = include_str!("phone/PhoneNumberMetadata.xml");
        let mut checked = 0;
        for example in xml.split("<exampleNumber>").skip(1) {
            let national = &example[..example.find('<').unwrap()];
            let territory_start = xml[..xml.len() - example.len()].rfind("countryCode=\"").unwrap();
            let code = &xml[territory_start + 13..];
            let code = &code[..code.find('"').unwrap()];
            for text in [format!("+{code}{national}"), format!("+{code} 0{national}")] {
                let reference = phonenumber::parse_with(full, None, &text)
                    .ok()
                    .filter(|n| phonenumber::is_valid_with(full, n))
                    .map(|n| n.format_with(full).mode(phonenumber::Mode::E164).to_string());
                let ours = parse(&text, None).ok().map(|p| p.e164);
                assert_eq!(ours, reference, "{text}");
                checked += 1;
            }
        }
        assert!(checked > 2000, "only {checked} examples");
    }

    #[test]
    fn regions() {
        assert!(is_known_region("GB"));
        assert!(!is_known_region("UK"));
        assert!(!is_known_region("001"));
    }
}
