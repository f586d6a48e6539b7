//! What an editor asks of a profile, answered from the same rules, schema and fixes that `lint`
//! uses: findings as LSP diagnostics, hover text, completions and quick fixes. Pure functions
//! over a document's text; `ssq-gen lsp` (the binary's `lsp.rs`) speaks the protocol around them.
//! Positions are LSP's: 0-based lines, and characters counted in the negotiated encoding.

use crate::diagnostics::explain::explain;
use crate::diagnostics::fix::Applicability;
use crate::diagnostics::{Diagnostic, Severity};
use crate::input::document::{self, Node, Value as Tree};
use crate::input::source::{Format, Source, Span};
use crate::profile::schema::{self, Key, Kind, Section};
use serde_json::{Value, json};

/// How a position's character counts: the protocol's default UTF-16 code units, or UTF-8 bytes
/// when the client offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
        }
    }
}

/// Byte offsets and LSP positions of one text, both ways.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Lines<'a> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts, encoding }
    }

    /// The position of a byte offset (clamped to the text, and to a character's start).
    pub fn position(&self, offset: usize) -> Value {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let character = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        json!({"line": line, "character": character})
    }

    pub fn range(&self, span: &Span) -> Value {
        json!({"start": self.position(span.start), "end": self.position(span.end.max(span.start))})
    }

    /// The byte offset of a position: past the line's end is its end (the protocol says so), and
    /// a character inside a UTF-16 pair or a UTF-8 sequence is the character's start.
    pub fn offset(&self, position: &Value) -> Option<usize> {
        let line = usize::try_from(position.get("line")?.as_u64()?).ok()?;
        let character = usize::try_from(position.get("character")?.as_u64()?).ok()?;
        let Some(&start) = self.starts.get(line) else { return Some(self.text.len()) };
        let end = self.starts.get(line + 1).map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[start..end].ends_with('\r') { end - 1 } else { end };
        let mut counted = 0;
        for (i, c) in self.text[start..end].char_indices() {
            counted += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if counted > character {
                return Some(start + i);
            }
        }
        Some(end)
    }
}

/// Whether an editor's document is a profile: its name says so (`*.ssq.toml`, `*.ssq.json`), or it
/// is TOML or JSON (by language or extension) with a `[loader]` section.
pub fn is_profile(uri: &str, language: Option<&str>, text: &str) -> bool {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    if path.ends_with(".ssq.toml") || path.ends_with(".ssq.json") {
        return true;
    }
    let Some(format) = format_of(uri, language) else { return false };
    match document::parse(text, format) {
        Ok(Node { value: Tree::Table(entries), .. }) => entries.iter().any(|entry| entry.key == "loader"),
        // Half-typed: a profile being written still gets its syntax error.
        _ => match format {
            Format::Toml => text.lines().any(|line| line.trim_start().starts_with("[loader]")),
            Format::Json => text.contains("\"loader\""),
        },
    }
}

/// The format a document is in, from its language id or name; `None` for anything else.
pub fn format_of(uri: &str, language: Option<&str>) -> Option<Format> {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    match language {
        Some("toml") => Some(Format::Toml),
        Some("json" | "jsonc") => Some(Format::Json),
        _ if path.ends_with(".toml") => Some(Format::Toml),
        _ if path.ends_with(".json") => Some(Format::Json),
        _ => None,
    }
}

/// A document checked with every rule, as `lint` checks the same text: what hover, completion,
/// code actions and diagnostics all read.
pub struct Analysis {
    pub checked: crate::Checked,
}

impl Analysis {
    pub fn new(name: &str, text: &str, format: Format) -> Analysis {
        let source = Source::from_bytes(name.to_string(), text.as_bytes().to_vec(), Some(format));
        Analysis { checked: crate::check(source) }
    }

    fn text(&self) -> &str {
        self.checked.source.text()
    }

    /// The findings as LSP diagnostics: `lint`'s code, severity, message and help, and a link to
    /// the rule.
    pub fn diagnostics(&self, encoding: Encoding) -> Vec<Value> {
        let lines = Lines::new(self.text(), encoding);
        self.checked.diagnostics.iter().map(|d| diagnostic(&lines, d)).collect()
    }

    /// The explanation of the finding under `position`, else the reference of the key or section
    /// under it, as Markdown.
    pub fn hover(&self, position: &Value, encoding: Encoding) -> Option<Value> {
        let lines = Lines::new(self.text(), encoding);
        let offset = lines.offset(position)?;
        let covers = |span: &Span| span.start <= offset && offset <= span.end.max(span.start + 1);
        if let Some(finding) = self.checked.diagnostics.iter().find(|d| covers(&d.span)) {
            let rule = explain(finding.rule);
            let text = format!(
                "**{}** `{}` ({})\n\n{}\n\n**Why:** {}\n\n**How to fix it:** {}\n\nIgnorable: {}\n\n[The rule]({})",
                finding.rule.code,
                finding.rule.name,
                finding.rule.severity,
                finding.rule.summary,
                rule.why,
                rule.fix,
                rule.ignoring(),
                finding.rule.help_uri()
            );
            return Some(hover(text, lines.range(&finding.span)));
        }
        let (section, key, span) = self.key_at(offset)?;
        let text = match key {
            Some(key) => format!(
                "**`{}.{}`**: {}\n\n{}\n\nExample: `{}`",
                section.name,
                key.name,
                key.kind.expected(),
                key.doc,
                key.example.to_json()
            ),
            None => format!("**`[{}]`**\n\n{}", section.name, section.doc),
        };
        Some(hover(text, lines.range(&span)))
    }

    /// The section and key whose name is written at `offset`.
    fn key_at(&self, offset: usize) -> Option<(&'static Section, Option<&'static Key>, Span)> {
        let root = document::parse(self.text(), self.checked.source.format).ok()?;
        let Tree::Table(sections) = root.value else { return None };
        let inside = |span: &Span| span.start <= offset && offset <= span.end;
        for entry in &sections {
            let Some(section) = schema::section(&entry.key) else { continue };
            if inside(&entry.key_span) {
                return Some((section, None, entry.key_span.clone()));
            }
            if let Tree::Table(keys) = &entry.node.value
                && let Some(item) = keys.iter().find(|item| inside(&item.key_span))
            {
                return Some((section, Some(section.key(&item.key)?), item.key_span.clone()));
            }
        }
        None
    }

    /// Quick fixes for the findings whose range meets `range`: each fix's exact edits.
    pub fn code_actions(&self, uri: &str, range: &Value, encoding: Encoding) -> Vec<Value> {
        let lines = Lines::new(self.text(), encoding);
        let (Some(start), Some(end)) = (lines.offset(&range["start"]), lines.offset(&range["end"])) else {
            return Vec::new();
        };
        self.checked
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= end && start <= d.span.end)
            .filter_map(|d| {
                let fix = d.fix.as_deref()?;
                let edits: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|edit| json!({"range": lines.range(&edit.span), "newText": edit.content}))
                    .collect();
                Some(json!({
                    "title": fix.title.clone(),
                    "kind": "quickfix",
                    "diagnostics": [diagnostic(&lines, d)],
                    "isPreferred": fix.applicability == Applicability::Safe,
                    "edit": {"changes": {uri: edits}},
                }))
            })
            .collect()
    }

    /// What can be typed at `position`: section names at a line's start, the current section's
    /// keys not yet set, and a key's fixed words after its `=` (or `:`).
    pub fn completion(&self, position: &Value, encoding: Encoding) -> Vec<Value> {
        let text = self.text();
        let lines = Lines::new(text, encoding);
        let Some(offset) = lines.offset(position) else { return Vec::new() };
        let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
        let typed = &text[line_start..offset];
        match self.checked.source.format {
            Format::Toml => toml_completion(text, offset, typed),
            Format::Json => json_completion(text, offset),
        }
    }
}

fn hover(markdown: String, range: Value) -> Value {
    json!({"contents": {"kind": "markdown", "value": markdown}, "range": range})
}

fn diagnostic(lines: &Lines, d: &Diagnostic) -> Value {
    json!({
        "range": lines.range(&d.span),
        "severity": match d.severity() { Severity::Error => 1, Severity::Warning => 2 },
        "code": d.rule.code,
        "codeDescription": {"href": d.rule.help_uri()},
        "source": "ssq-gen",
        "message": format!("{}\nhelp: {}", d.message, d.help),
    })
}

/// A section-name item; in TOML, what is inserted is the whole header.
fn section_item(section: &Section, insert: String) -> Value {
    json!({"label": section.name, "kind": 9, "detail": "section", "documentation": section.doc, "insertText": insert})
}

fn key_item(section: &Section, key: &Key, insert: String) -> Value {
    json!({
        "label": key.name,
        "kind": 10,
        "detail": format!("{}.{}: {}", section.name, key.name, key.kind.expected()),
        "documentation": {"kind": "markdown", "value": key.doc},
        "insertText": insert,
    })
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

fn word_items(kind: Kind, quoted: bool) -> Vec<Value> {
    words(kind)
        .into_iter()
        .map(|word| {
            let bare = matches!(word, "true" | "false") && matches!(kind, Kind::Bool | Kind::BoolOrChoice(_));
            let insert = if bare || quoted { word.to_string() } else { format!("\"{word}\"") };
            json!({"label": word, "kind": 12, "insertText": insert})
        })
        .collect()
}

fn toml_completion(text: &str, offset: usize, typed: &str) -> Vec<Value> {
    let trimmed = typed.trim_start();
    let present = |name: &str| text.lines().any(|line| document::toml_header_name(line) == Some(name));
    if trimmed.is_empty() || trimmed.starts_with('[') {
        let bracketed = trimmed.starts_with('[');
        let mut items: Vec<Value> = schema::SECTIONS
            .iter()
            .filter(|section| !present(section.name))
            .map(|section| {
                let insert = if bracketed { format!("{}]", section.name) } else { format!("[{}]", section.name) };
                section_item(section, insert)
            })
            .collect();
        if !bracketed && let Some(section) = current_section(text, offset) {
            items.extend(
                unset_keys(text, offset, section).map(|key| key_item(section, key, format!("{} = ", key.name))),
            );
        }
        return items;
    }
    let Some(section) = current_section(text, offset) else { return Vec::new() };
    match trimmed.split_once('=') {
        None => {
            unset_keys(text, offset, section).map(|key| key_item(section, key, format!("{} = ", key.name))).collect()
        }
        Some((key, value)) => {
            let Some(key) = section.key(key.trim().trim_matches('"')) else { return Vec::new() };
            let quoted = value.matches('"').count() % 2 == 1;
            word_items(key.kind, quoted)
        }
    }
}

/// The section whose header is the last before `offset`.
fn current_section(text: &str, offset: usize) -> Option<&'static Section> {
    let name = text[..offset].lines().rev().find_map(document::toml_header_name)?;
    schema::section(name.split('.').next().unwrap_or(name))
}

/// The keys of `section` not yet written in its table (the lines from its header to the next).
fn unset_keys<'a>(text: &'a str, offset: usize, section: &'static Section) -> impl Iterator<Item = &'static Key> + 'a {
    let header = text[..offset].rfind(&format!("[{}]", section.name)).unwrap_or(0);
    let table: Vec<&str> =
        text[header..].lines().skip(1).take_while(|line| document::toml_header_name(line).is_none()).collect();
    let set = move |name: &str| {
        table.iter().any(|line| line.split('=').next().is_some_and(|key| key.trim().trim_matches('"') == name))
    };
    // A key another set key excludes (`script_url` beside `license`) would be SSQ101.
    section
        .keys
        .iter()
        .copied()
        .filter(move |key| !set(key.name) && !schema::excluded_by(key).is_some_and(|other| set(other.name)))
}

/// JSON: where the cursor is, by the keys that open the objects and arrays around it: section
/// names at the top level, a section's unset keys in it, a key's words in its value or its list.
fn json_completion(text: &str, offset: usize) -> Vec<Value> {
    let before = &text[..offset];
    let in_string = json_in_string(before);
    // What precedes the word being typed: a `:` means a value, a `[` or `,` in a list an item.
    let head = match in_string {
        true => &before[..before.rfind('"').unwrap_or(0)],
        false => before.trim_end_matches(|c: char| c.is_alphanumeric() || c == '_'),
    };
    let value = head.trim_end().ends_with(':');
    let quote = |name: &str| if in_string { name.to_string() } else { format!("\"{name}\"") };
    match json_path(before).as_slice() {
        [] => schema::SECTIONS
            .iter()
            .filter(|section| !text.contains(&format!("\"{}\"", section.name)))
            .map(|section| section_item(section, quote(section.name)))
            .collect(),
        [(name, false)] => {
            let Some(section) = schema::section(name) else { return Vec::new() };
            if value {
                return last_key(head)
                    .and_then(|key| section.key(&key))
                    .map_or(Vec::new(), |key| word_items(key.kind, in_string));
            }
            let object_start = before.rfind('{').unwrap_or(0);
            let object_end = text[offset..].find('}').map_or(text.len(), |n| offset + n);
            let object = &text[object_start..object_end];
            let set = |key: &Key| object.contains(&format!("\"{}\"", key.name));
            section
                .keys
                .iter()
                .filter(|key| !set(key) && !schema::excluded_by(key).is_some_and(set))
                .map(|key| key_item(section, key, quote(key.name)))
                .collect()
        }
        [(name, false), (key, true)] => match schema::section(name).and_then(|section| section.key(key)) {
            Some(key) => word_items(key.kind, in_string),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Whether the end of `before` is inside a JSON string.
fn json_in_string(before: &str) -> bool {
    let mut inside = false;
    let mut chars = before.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if inside => {
                chars.next();
            }
            '"' => inside = !inside,
            _ => {}
        }
    }
    inside
}

/// The objects and arrays open at the end of `before`, outermost first, each with the key that
/// opened it and whether it is an array (the root object is left out).
fn json_path(before: &str) -> Vec<(String, bool)> {
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut last_string = String::new();
    let mut chars = before.chars();
    let mut string = None::<String>;
    while let Some(c) = chars.next() {
        match (&mut string, c) {
            (Some(s), '\\') => {
                s.push(c);
                chars.next();
            }
            (Some(_), '"') => last_string = string.take().unwrap_or_default(),
            (Some(s), c) => s.push(c),
            (None, '"') => string = Some(String::new()),
            (None, '{') => stack.push((std::mem::take(&mut last_string), false)),
            (None, '[') => stack.push((std::mem::take(&mut last_string), true)),
            (None, '}' | ']') => {
                stack.pop();
            }
            (None, ',') if !stack.last().is_some_and(|(_, array)| *array) => last_string.clear(),
            _ => {}
        }
    }
    stack.into_iter().skip(1).collect()
}

/// The last key written before the cursor in JSON (`"load": "` gives `load`).
fn last_key(before: &str) -> Option<String> {
    let colon = before.rfind(':')?;
    let key = before[..colon].trim_end().strip_suffix('"')?;
    let start = key.rfind('"')?;
    Some(key[start + 1..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[loader]` takes one install form: with one set, the other is not offered (SSQ101).
    #[test]
    fn completion_leaves_out_the_other_install_form() {
        let labels =
            |items: Vec<Value>| items.iter().map(|i| i["label"].as_str().unwrap().to_string()).collect::<Vec<_>>();
        let toml = "[loader]\nlicense = \"g1vfb1b\"\n";
        let offered = labels(toml_completion(toml, toml.len(), ""));
        assert!(offered.contains(&"load".to_string()) && !offered.contains(&"script_url".to_string()), "{offered:?}");
        let toml = "[loader]\n";
        let offered = labels(toml_completion(toml, toml.len(), ""));
        assert!(offered.contains(&"script_url".to_string()) && offered.contains(&"license".to_string()), "{offered:?}");
        let json = "{\"loader\": {\"script_url\": \"https://x\", }}";
        let at = json.find(", }").unwrap() + 2;
        let offered = labels(json_completion(json, at));
        assert!(offered.contains(&"\"load\"".to_string()) || offered.contains(&"load".to_string()), "{offered:?}");
        assert!(!offered.iter().any(|label| label.contains("license")), "{offered:?}");
    }

    #[test]
    fn positions_count_utf16_units_or_bytes() {
        let text = "a = \"Zo\u{eb} \u{1f600}\"\nb\tc";
        let utf16 = Lines::new(text, Encoding::Utf16);
        let after_emoji = text.find('\u{1f600}').unwrap() + 4;
        assert_eq!(utf16.position(after_emoji), json!({"line": 0, "character": 11}));
        let utf8 = Lines::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(after_emoji), json!({"line": 0, "character": after_emoji}));
        assert_eq!(utf16.offset(&json!({"line": 0, "character": 11})), Some(after_emoji));
        assert_eq!(utf16.offset(&json!({"line": 1, "character": 2})), Some(text.len() - 1), "a tab is one unit");
        assert_eq!(utf16.offset(&json!({"line": 1, "character": 99})), Some(text.len()), "past the end: the end");
        assert_eq!(utf16.offset(&json!({"line": 9, "character": 0})), Some(text.len()));
    }

    #[test]
    fn json_paths_follow_the_open_objects() {
        assert_eq!(json_path("{\"login\": {\"user_id\": \"a{\", "), vec![("login".to_string(), false)]);
        assert_eq!(json_path("{\"login\": {}, "), Vec::<(String, bool)>::new());
        let list = "{\"widget\": {\"hide_upload\": [\"img\", \"";
        assert_eq!(json_path(list), vec![("widget".to_string(), false), ("hide_upload".to_string(), true)]);
        assert!(json_in_string(list));
        assert_eq!(last_key("{\"loader\": {\"load\": \""), Some("load".to_string()));
    }
}
