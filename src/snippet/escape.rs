//! Escaping, one function per output context. Templates reach these only through the filters of
//! [`crate::snippet::render`]'s environment, and the renderer refuses to print anything that did not pass through one.

use serde::Serialize;

/// A value as a JavaScript literal (JSON, which ES5 accepts) that is safe inside an HTML `<script>`
/// element: `<`, `>` and `&` become `\u003c` and friends, so no `</script`, `<!--` or `<script` can
/// appear; U+2028 and U+2029, which end a line in ES5 string literals, are escaped too. Quotes,
/// backslashes and control characters are escaped by JSON itself.
///
/// The block is also pasted into server templates, so no value may open a template tag there:
/// inside strings, `{`, `}` and `@` become `\u007b`, `\u007d` and `\u0040` too, so no `{{`, `{%`,
/// `{#` (Jinja2, Django, Twig, Liquid, Handlebars, Go, Blade) or `@directive` (Blade) can come
/// from a value; `<%` and `<?` (ERB, EJS, PHP) are already gone with `<`.
///
/// Post-processing serde_json's output is sound: `<`, `>`, `&`, U+2028, U+2029 and `@` can only
/// occur inside its string literals, and braces are escaped only there, where the `\uXXXX` form
/// means the same character. After a backslash, serde_json writes only `"\/bfnrtu`.
pub fn script_literal(value: &impl Serialize) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(value)?;
    let mut out = String::with_capacity(json.len() + 16);
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            '@' => out.push_str("\\u0040"),
            '{' if in_string => out.push_str("\\u007b"),
            '}' if in_string => out.push_str("\\u007d"),
            c => out.push(c),
        }
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            _ => {}
        }
    }
    Ok(out)
}

/// Text inside an HTML comment (`<!-- … -->`): `<`, `>` and `&` as character references, and `-`
/// too when it follows another, so that neither `--` nor `-->` nor `<!--` can occur; `{`, `}` and
/// `@` too, so that no server template tag can open (see [`script_literal`]). Comments show text,
/// so the references are only for readers and nothing decodes them.
pub fn html_comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '-' if out.ends_with('-') => out.push_str("&#45;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '@' => out.push_str("&#64;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text inside a JavaScript comment (`/* … */`): as in an HTML comment ([`html_comment`]), since
/// the script may itself be inlined in a `<script>` element, and with no `*/`.
pub fn js_comment(text: &str) -> String {
    html_comment(text).replace("*/", "*&#47;")
}

/// A PHP single-quoted string literal, whose only escapes are `\\` and `\'`: every other
/// character, `?>` and `$` included, stands for itself there.
pub fn php_single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A double-quoted HTML attribute value.
pub fn html_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A JavaScript identifier that the generator itself chose; anything else is a bug, not data.
pub fn identifier(name: &str) -> Option<&str> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$');
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_literal_neutralizes_html_and_line_terminators() {
        let out = script_literal(&"</script><!--'\"\\\u{2028}\u{2029}&\n").unwrap();
        assert_eq!(out, r#""\u003c/script\u003e\u003c!--'\"\\\u2028\u2029\u0026\n""#);
    }

    #[test]
    fn script_literal_opens_no_server_template_tag() {
        let out =
            script_literal(&serde_json::json!({"a": ["{{ 7*7 }} {% x %} {# c @php }}"], "b": {"c": "@"}})).unwrap();
        assert_eq!(
            out,
            r#"{"a":["\u007b\u007b 7*7 \u007d\u007d \u007b% x %\u007d \u007b# c \u0040php \u007d\u007d"],"b":{"c":"\u0040"}}"#
        );
        // A quote or backslash inside a string does not end it early.
        let out = script_literal(&"\\\"{").unwrap();
        assert_eq!(out, r#""\\\"\u007b""#);
    }

    #[test]
    fn html_comment_cannot_close_the_comment() {
        assert_eq!(html_comment("a-->b<!--c---d"), "a-&#45;&gt;b&lt;!-&#45;c-&#45;-d");
        assert_eq!(html_comment("my-profile.toml"), "my-profile.toml");
    }

    #[test]
    fn php_single_quoted_escapes_only_what_ends_it() {
        assert_eq!(php_single_quoted("a'b\\c ?> $x \\'"), "'a\\'b\\\\c ?> $x \\\\\\''");
    }

    #[test]
    fn js_comment_cannot_close_the_comment_or_the_script_element() {
        assert_eq!(js_comment("a*/b</script>c"), "a*&#47;b&lt;/script&gt;c");
        assert_eq!(js_comment("my-profile.toml"), "my-profile.toml");
    }

    #[test]
    fn attribute_values_cannot_end_the_attribute() {
        assert_eq!(html_attribute("a\"b'c<d>&"), "a&quot;b&#39;c&lt;d&gt;&amp;");
    }

    #[test]
    fn identifiers() {
        assert_eq!(identifier("toDataLayer"), Some("toDataLayer"));
        assert_eq!(identifier("x();alert(1)"), None);
        assert_eq!(identifier("1a"), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Arbitrary Unicode, with the characters that matter here made common, so that sequences
    /// such as `</script` and `<!--` actually occur.
    fn hostile_text() -> impl Strategy<Value = String> {
        let dangerous = prop_oneof![
            Just('<'),
            Just('>'),
            Just('/'),
            Just('!'),
            Just('-'),
            Just('"'),
            Just('\''),
            Just('\\'),
            Just('&'),
            Just('\u{2028}'),
            Just('\u{2029}'),
            Just('\n'),
            Just('\0'),
            Just('s'),
            Just('S'),
            Just('c'),
            Just('r'),
            Just('i'),
            Just('p'),
            Just('t'),
            Just('{'),
            Just('}'),
            Just('@'),
            Just('%'),
            Just('#'),
        ];
        proptest::collection::vec(prop_oneof![any::<char>(), dangerous], 0..48).prop_map(String::from_iter)
    }

    fn decode_entities(text: &str) -> String {
        text.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn script_literals_cannot_leave_their_context_and_round_trip(text in hostile_text()) {
            let literal = script_literal(&text).unwrap();
            prop_assert!(!literal.to_ascii_lowercase().contains("</script"));
            prop_assert!(!literal.contains("<!--"));
            let has_line_terminator = literal.contains(['\u{2028}', '\u{2029}']);
            prop_assert!(!has_line_terminator);
            // One double-quoted string: every inner quote is escaped, so it cannot end early.
            let inner = &literal[1..literal.len() - 1];
            prop_assert!(literal.starts_with('"') && literal.ends_with('"'));
            let mut escaped = false;
            for c in inner.chars() {
                prop_assert!(escaped || c != '"', "unescaped quote in {}", literal);
                escaped = !escaped && c == '\\';
            }
            let opens_a_tag = literal.contains(['{', '}', '@']);
            prop_assert!(!opens_a_tag, "a template tag could open in {}", literal);
            prop_assert_eq!(serde_json::from_str::<String>(&literal).unwrap(), text);
        }

        /// Structures too: braces inside strings are escaped, the object's own stay, and it reads
        /// back the same.
        #[test]
        fn structured_literals_open_no_template_tag_and_round_trip(
            entries in proptest::collection::vec((hostile_text(), proptest::collection::vec(hostile_text(), 0..3)), 0..4)
        ) {
            let value: serde_json::Map<String, serde_json::Value> =
                entries.into_iter().map(|(key, items)| (key, serde_json::json!([{"text": items}]))).collect();
            let literal = script_literal(&value).unwrap();
            for tag in ["{{", "{%", "{#", "@", "<%", "<?"] {
                prop_assert!(!literal.contains(tag), "{} in {}", tag, literal);
            }
            prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&literal).unwrap(), serde_json::Value::Object(value));
        }

        #[test]
        fn comments_cannot_be_closed(text in hostile_text()) {
            let comment = html_comment(&text);
            prop_assert!(!comment.contains("--") && !comment.contains('<') && !comment.contains('>'));
            let opens_a_tag = comment.contains(['{', '}', '@']);
            prop_assert!(!opens_a_tag);
            let comment = js_comment(&text);
            let closes = comment.contains("*/") || comment.contains('<');
            let opens_a_tag = comment.contains(['{', '}', '@']);
            prop_assert!(!closes && !opens_a_tag, "{}", comment);
        }

        #[test]
        fn attributes_cannot_be_left_and_round_trip(text in hostile_text()) {
            let value = html_attribute(&text);
            prop_assert!(!value.contains('"') && !value.contains('\'') && !value.contains('<') && !value.contains('>'));
            prop_assert_eq!(decode_entities(&value), text);
        }
    }
}
