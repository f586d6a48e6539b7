//! Completion, from the document tree that `lint` reads. A half-typed document seldom parses, so
//! the word being typed is replaced by a marker, in each shape that can stand at a cursor (a key, a
//! value, the rest of an open string or list), and the first text that parses says where the cursor
//! is: a section's name, a key in a section, or a key's value.

use super::protocol::{CompletionItem, CompletionItemKind, MarkupContent};
use crate::input::document::{self, Entry, Node, Value};
use crate::input::source::Format;
use crate::profile::schema::{self, Key, Kind, Section};

/// Stands for the word being typed: a bare key in TOML, and no section's, key's or word's name.
const MARKER: &str = "ssqGenCursor";

/// What may stand at the cursor (`@` is the marker), in the order tried. Shapes that open with a
/// quote are for a cursor outside a string; the others continue a string the text opened.
/// TOML's inline tables (an event's `{ actions = [...] }`) close on the line, so their shapes do too.
const TOML_SHAPES: &[&str] =
    &["@ = 0", "@]", "@", "\"@\"", "@\"", "\"@\"]", "@\"]", "\"@\" }", "@\" }", "\"@\"] }", "@\"] }"];
const JSON_SHAPES: &[&str] = &["\"@\": 0", "\"@\": 0,", "@\": 0", "@\": 0,", "\"@\"", "\"@\",", "@\"", "@\","];

/// Where the marker landed.
enum Place<'t> {
    /// A top-level name: a section to add.
    Section,
    /// A key's name in `section`, whose table (marker included) is `table`.
    Key { section: &'static Section, table: &'t [Entry] },
    /// In the value of `key`: the value itself, an item of its list, or its table's.
    Value { key: &'static Key },
}

/// The completions at byte `offset` of `text`.
pub(super) fn complete(text: &str, offset: usize, format: Format) -> Vec<CompletionItem> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let word_start = text[..offset].trim_end_matches(is_word).len();
    let word_end = offset + (text[offset..].len() - text[offset..].trim_start_matches(is_word).len());
    let (before, after) = (&text[..word_start], &text[word_end..]);
    let Some((root, shape)) = probe(before, after, format) else { return Vec::new() };
    let Value::Table(sections) = &root.value else { return Vec::new() };
    let Some(place) = locate(sections) else { return Vec::new() };
    // A shape that does not open a string continues one the text opened.
    let in_string = !shape.starts_with('"');
    let line = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
    let absent = sections.iter().filter(|entry| !entry.key.contains(MARKER)).map(|entry| entry.key.as_str());
    let absent: Vec<&str> = absent.collect();
    let sections = || schema::SECTIONS.iter().filter(|section| !absent.contains(&section.name));
    let name = |name: &str| match (format, in_string) {
        (Format::Json, false) => format!("\"{name}\""),
        _ => name.to_string(),
    };
    match place {
        Place::Section => sections()
            .map(|section| {
                let insert = match format {
                    Format::Toml if line.trim_end().ends_with('[') && !after.starts_with(']') => {
                        format!("{}]", section.name)
                    }
                    Format::Toml if line.trim_end().ends_with('[') => section.name.to_string(),
                    Format::Toml => format!("[{}]", section.name),
                    Format::Json => name(section.name),
                };
                section_item(section, insert)
            })
            .collect(),
        Place::Key { section, table } => {
            let set = |key: &Key| table.iter().any(|entry| entry.key == key.name);
            let keys = section.keys.iter().filter(|key| !set(key) && !schema::excluded_by(key).is_some_and(set));
            let insert = |key: &Key| match format {
                Format::Toml => format!("{} = ", key.name),
                Format::Json => name(key.name),
            };
            let keys = keys.map(|key| key_item(section, key, insert(key)));
            // On a blank TOML line, a new section may start as well.
            let blank = format == Format::Toml && line.trim().is_empty() && word_start == offset;
            let headers = sections().filter(|_| blank).map(|s| section_item(s, format!("[{}]", s.name)));
            headers.chain(keys).collect()
        }
        Place::Value { key } => word_items(key.kind, in_string),
    }
}

/// The document with the marker in the first shape that makes it parse, and that shape. The text
/// after the cursor is tried whole, then cut at the line's end (when it has mistakes of its own);
/// JSON's open objects and lists are closed as serde_json asks.
fn probe(before: &str, after: &str, format: Format) -> Option<(Node, &'static str)> {
    let shapes = match format {
        Format::Toml => TOML_SHAPES,
        Format::Json => JSON_SHAPES,
    };
    let line_rest = &after[..after.find('\n').unwrap_or(after.len())];
    for rest in [after, line_rest] {
        for shape in shapes {
            let mut candidate = format!("{before}{}{rest}", shape.replace('@', MARKER));
            // Each round closes one open object or list: at most the nesting limit of 128.
            for _ in 0..=128 {
                match document::parse(&candidate, format) {
                    Ok(root) => return Some((root, shape)),
                    Err(err) if format == Format::Json && err.message.starts_with("EOF while parsing an object") => {
                        candidate.push('}')
                    }
                    Err(err) if format == Format::Json && err.message.starts_with("EOF while parsing a list") => {
                        candidate.push(']')
                    }
                    Err(_) => break,
                }
            }
        }
    }
    None
}

fn locate(sections: &[Entry]) -> Option<Place<'_>> {
    for entry in sections {
        if entry.key.contains(MARKER) {
            return Some(Place::Section);
        }
        let (Some(section), Value::Table(table)) = (schema::section(&entry.key), &entry.node.value) else { continue };
        for item in table {
            if item.key.contains(MARKER) {
                return Some(Place::Key { section, table });
            }
            if holds_marker(&item.node) {
                return section.key(&item.key).map(|key| Place::Value { key });
            }
        }
    }
    None
}

fn holds_marker(node: &Node) -> bool {
    match &node.value {
        Value::String(text) => text.contains(MARKER),
        Value::Array(items) => items.iter().any(holds_marker),
        Value::Table(entries) => entries.iter().any(|entry| holds_marker(&entry.node)),
        _ => false,
    }
}

/// A section-name item; in TOML, what is inserted is the whole header.
fn section_item(section: &Section, insert: String) -> CompletionItem {
    CompletionItem {
        label: section.name.to_string(),
        kind: CompletionItemKind::Module,
        detail: Some("section".to_string()),
        documentation: Some(MarkupContent::markdown(section.doc.to_string())),
        insert_text: insert,
    }
}

fn key_item(section: &Section, key: &Key, insert: String) -> CompletionItem {
    CompletionItem {
        label: key.name.to_string(),
        kind: CompletionItemKind::Property,
        detail: Some(format!("{}.{}: {}", section.name, key.name, key.kind.expected())),
        documentation: Some(MarkupContent::markdown(key.doc.to_string())),
        insert_text: insert,
    }
}

/// The fixed words a key's value takes, if it has a fixed set.
fn words(kind: Kind) -> Vec<&'static str> {
    match kind {
        Kind::Choice(words) | Kind::ChoiceList(words) | Kind::Actions(words) => words.to_vec(),
        Kind::RuleCodes => crate::diagnostics::ignorable_codes().collect(),
        Kind::Bool => vec!["true", "false"],
        Kind::BoolOrChoice(words) => ["true", "false"].into_iter().chain(words.iter().copied()).collect(),
        _ => Vec::new(),
    }
}

/// A key's words; a string's quotes are written unless the text opened the string already.
fn word_items(kind: Kind, in_string: bool) -> Vec<CompletionItem> {
    words(kind)
        .into_iter()
        .map(|word| {
            let bare = matches!(word, "true" | "false") && matches!(kind, Kind::Bool | Kind::BoolOrChoice(_));
            let insert = if bare || in_string { word.to_string() } else { format!("\"{word}\"") };
            CompletionItem {
                label: word.to_string(),
                kind: CompletionItemKind::Value,
                detail: None,
                documentation: None,
                insert_text: insert,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels offered just after the first `at` in `text`, or at its end when `at` is empty.
    fn labels(text: &str, at: &str, format: Format) -> Vec<String> {
        let offset = if at.is_empty() { text.len() } else { text.find(at).unwrap() + at.len() };
        complete(text, offset, format).into_iter().map(|item| item.label).collect()
    }

    fn inserts(text: &str, format: Format) -> Vec<String> {
        complete(text, text.len(), format).into_iter().map(|item| item.insert_text).collect()
    }

    /// `[loader]` takes one install form: with one set, the other is not offered (SSQ101).
    #[test]
    fn completion_leaves_out_the_other_install_form() {
        let offered = labels("[loader]\nlicense = \"g1vfb1b\"\n", "", Format::Toml);
        assert!(offered.contains(&"load".to_string()) && !offered.contains(&"script_url".to_string()), "{offered:?}");
        let offered = labels("[loader]\n", "", Format::Toml);
        assert!(offered.contains(&"script_url".to_string()) && offered.contains(&"license".to_string()), "{offered:?}");
        let offered = labels("{\"loader\": {\"script_url\": \"https://x\", }}", "\", ", Format::Json);
        assert!(offered.contains(&"load".to_string()), "{offered:?}");
        assert!(!offered.iter().any(|label| label.contains("license")), "{offered:?}");
    }

    /// A key set after the cursor counts, and the section under the cursor is the one whose table
    /// holds it, not the last header above it by text.
    #[test]
    fn the_tree_decides_the_section_and_what_is_set() {
        let text = "[loader]\n\nload = \"idle\"\n[login]\nuser_id = \"x\"\n";
        let offered = labels(text, "[loader]\n", Format::Toml);
        assert!(offered.contains(&"license".to_string()) && !offered.contains(&"load".to_string()), "{offered:?}");
        assert!(offered.contains(&"widget".to_string()) && !offered.contains(&"login".to_string()), "{offered:?}");
        // The cursor in a string that holds a `[`: still `login`'s value, not a header.
        let text = "[loader]\nlicense = \"g1\"\n[login]\nphone_format = \"[e";
        assert_eq!(labels(text, "", Format::Toml), ["e164", "digits"]);
        // An array of tables' worth of nesting: an event's `actions` table.
        let text = "[loader]\nlicense = \"g1\"\n[events]\non_unread = { actions = [\"c";
        assert_eq!(labels(text, "", Format::Toml), ["console", "datalayer", "gtag"]);
        // A JSON string holding braces and an escaped quote does not open anything.
        let text = "{\"loader\": {\"license\": \"g{1\\\"[\"}, \"login\": {\"phone_format\": \"";
        assert_eq!(labels(text, "", Format::Json), ["e164", "digits"]);
    }

    /// What is inserted: a header's brackets, a key's `=`, quotes unless the text opened them.
    #[test]
    fn inserts_fit_what_was_typed() {
        assert!(inserts("[loader]\nlicense = \"g1\"\n[wid", Format::Toml).contains(&"widget]".to_string()));
        let blank = inserts("[loader]\nlicense = \"g1\"\n", Format::Toml);
        assert!(blank.contains(&"[widget]".to_string()) && blank.contains(&"load = ".to_string()), "{blank:?}");
        assert_eq!(inserts("[loader]\nlicense = \"g1\"\nload = ", Format::Toml)[0], "\"immediate\"");
        assert_eq!(inserts("[loader]\nlicense = \"g1\"\nload = \"im", Format::Toml)[0], "immediate");
        assert_eq!(inserts("{\"loader\": {\"license\": \"g1\", \"load\": ", Format::Json)[0], "\"immediate\"");
        assert!(inserts("{\"loader\": {\"license\": \"g1\"}, \"", Format::Json).contains(&"widget".to_string()));
        assert!(inserts("{\"loader\": {\"license\": \"g1\"}, ", Format::Json).contains(&"\"widget\"".to_string()));
    }

    /// Nothing that parses, nothing offered; and never a panic, at any offset of any text.
    #[test]
    fn any_offset_is_safe() {
        assert!(labels("[loader\nlicense = = =", "", Format::Toml).is_empty());
        for text in ["[loader]\nlicense = \"é😀\"\n[login]\nus", "{\"loader\": {\"load\": [\"é😀\", {"] {
            for offset in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                complete(text, offset, Format::Toml);
                complete(text, offset, Format::Json);
            }
        }
    }
}
