//! The plugin language: BCP 47 well-formedness (icu_locale_core), then what the widget will do
//! with the tag.

use icu_locale_core::Locale;

/// The widget's own languages; `en-US` is its fallback.
pub const PLUGIN_LANGUAGES: &[&str] = &[
    "zh-CN", "en-US", "ru-RU", "zh-HK", "th-TH", "mn", "vi-VN", "ja-JP", "fr", "pt", "ar", "es", "de", "ro", "pl",
    "id", "ko", "nl", "da", "it", "tr", "bn",
];

/// Tags the widget maps to one of its languages.
const ALIASES: &[(&str, &str)] = &[
    ("zh-TW", "zh-HK"),
    ("zh", "zh-CN"),
    ("ru", "ru-RU"),
    ("ja", "ja-JP"),
    ("ko-KR", "ko"),
    ("nl-NL", "nl"),
    ("nl-BE", "nl"),
    ("da-DK", "da"),
    ("it-IT", "it"),
    ("it-CH", "it"),
    ("tr-TR", "tr"),
];

pub const FALLBACK: &str = "en-US";

#[derive(Debug, PartialEq, Eq)]
pub enum Support {
    /// In the widget's list, or an alias or language-prefix match of an entry; the widget shows it.
    Shown(&'static str),
    /// Well-formed, but written in another case than the widget's list (`zh-cn` for `zh-CN`).
    /// The widget's matching is not documented as case-insensitive.
    OtherCase(&'static str),
    /// Well-formed, but the widget falls back to [`FALLBACK`].
    Unsupported,
}

/// `Err` with the parser's reason when `tag` is not well-formed BCP 47, or when its language
/// subtag has 5 to 8 letters: well-formed, reserved for registration, and in practice always a
/// language's name (`english`) where its code was meant.
pub fn classify(tag: &str) -> Result<Support, String> {
    if tag.trim().is_empty() {
        return Err("it is empty".to_string());
    }
    let locale = Locale::try_from_str(tag).map_err(|_| {
        match () {
            _ if tag.contains('_') => "BCP 47 separates subtags with `-`, not `_`",
            _ if tag.contains(char::is_whitespace) => "a tag has no spaces",
            _ if tag.split('-').any(|subtag| subtag.is_empty()) => "a subtag is empty",
            _ => "its subtags are not in BCP 47's order (language, script, region, variants)",
        }
        .to_string()
    })?;
    if locale.id.language.as_str().len() > 3 {
        return Err("a language subtag has 2 or 3 letters".to_string());
    }
    // ICU4C, and so every Chromium `Intl` call, reads a private-use `lvariant` as its legacy way of
    // writing variants, and refuses most tags that have one.
    if tag
        .split(['-', '_'])
        .skip_while(|subtag| !subtag.eq_ignore_ascii_case("x"))
        .any(|s| s.eq_ignore_ascii_case("lvariant"))
    {
        return Err("the private-use subtag `lvariant` is ICU's legacy form, which browsers refuse".to_string());
    }
    if let Some(shown) = lookup(tag) {
        return Ok(Support::Shown(shown));
    }
    let canonical = locale.to_string();
    if let Some(shown) = lookup(&canonical) {
        return Ok(Support::OtherCase(shown));
    }
    let language = locale.id.language.as_str();
    if let Some(shown) = PLUGIN_LANGUAGES.iter().find(|entry| entry.split('-').next() == Some(language)) {
        return Ok(if tag.starts_with(language) { Support::Shown(shown) } else { Support::OtherCase(shown) });
    }
    Ok(Support::Unsupported)
}

/// English names of the widget's languages, for the did-you-mean of a name written as a tag.
const NAMES: &[(&str, &str)] = &[
    ("arabic", "ar"),
    ("bengali", "bn"),
    ("chinese", "zh"),
    ("danish", "da"),
    ("dutch", "nl"),
    ("english", "en"),
    ("french", "fr"),
    ("german", "de"),
    ("indonesian", "id"),
    ("italian", "it"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("mongolian", "mn"),
    ("polish", "pl"),
    ("portuguese", "pt"),
    ("romanian", "ro"),
    ("russian", "ru"),
    ("spanish", "es"),
    ("thai", "th"),
    ("turkish", "tr"),
    ("vietnamese", "vi"),
];

/// The tag a refused `tag` most likely meant: `en_US` is `en-US`, `English` is `en`.
pub fn did_you_mean(tag: &str) -> Option<String> {
    let lower = tag.trim().to_ascii_lowercase();
    if let Some((_, code)) = NAMES.iter().find(|(name, _)| lower == *name) {
        return Some(code.to_string());
    }
    let hyphenated = tag.trim().replace('_', "-");
    (hyphenated != tag && Locale::try_from_str(&hyphenated).is_ok())
        .then(|| Locale::try_from_str(&hyphenated).map(|locale| locale.to_string()).unwrap_or(hyphenated))
}

fn lookup(tag: &str) -> Option<&'static str> {
    PLUGIN_LANGUAGES
        .iter()
        .copied()
        .find(|entry| *entry == tag)
        .or_else(|| ALIASES.iter().find(|(alias, _)| *alias == tag).map(|(_, to)| *to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_underscores_get_a_did_you_mean() {
        assert!(classify("english").is_err(), "a 5-8-letter language subtag is refused");
        assert_eq!(did_you_mean("english").as_deref(), Some("en"));
        assert_eq!(did_you_mean("English").as_deref(), Some("en"));
        assert_eq!(did_you_mean("en_US").as_deref(), Some("en-US"));
        assert_eq!(did_you_mean("zh_hk").as_deref(), Some("zh-HK"));
        assert_eq!(did_you_mean("en_US!"), None);
    }

    #[test]
    fn listed_aliased_and_prefixed_tags_are_shown() {
        assert_eq!(classify("ru-RU"), Ok(Support::Shown("ru-RU")));
        assert_eq!(classify("zh-TW"), Ok(Support::Shown("zh-HK")));
        assert_eq!(classify("th-XX"), Ok(Support::Shown("th-TH")));
        assert_eq!(classify("fr-CA"), Ok(Support::Shown("fr")));
    }

    #[test]
    fn case_and_unsupported_languages_are_told_apart() {
        assert_eq!(classify("zh-cn"), Ok(Support::OtherCase("zh-CN")));
        assert_eq!(classify("sw-KE"), Ok(Support::Unsupported));
        assert_eq!(classify("en-GB"), Ok(Support::Shown("en-US")));
    }

    #[test]
    fn malformed_tags_are_errors() {
        assert!(classify("english please").is_err());
        assert!(classify("").is_err());
        assert!(classify("ru_RU").is_err());
    }
}
