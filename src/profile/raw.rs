//! [`RawProfile`]: the fields as written, each as far as it has the schema's type, with spans. Reading
//! reports what is wrong with the file's structure: encoding, size, syntax, types, unknown keys.

use super::schema::{self, Key, Kind, Section};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::fix::{self, Edit, Fix};
use crate::diagnostics::registry as rule;
use crate::input::document::{self, Entry, Node, Value};
use crate::input::source::{self, Content, Format, Source, Span};
use crate::sdk::Word;
use std::collections::HashSet;

/// One key as written, after its type was checked against the schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub section: &'static Section,
    pub key: &'static Key,
    pub key_span: Span,
    pub span: Span,
    pub value: FieldValue,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    Bool(bool),
    List(Vec<Element>),
    CustomFields(Vec<CustomField>),
    /// `triggers.send_on_click`: selector → text, in the profile's order.
    TextTable(Vec<TextEntry>),
    /// A number in range (`Kind::Seconds`).
    Number(f64),
    /// An event's actions, in order, and whether only its first time on the page counts;
    /// `in_table` when written as `{actions = [...], once = …}`.
    Actions {
        actions: Vec<Element>,
        once: bool,
        in_table: bool,
    },
}

/// One entry of a table of texts: its key (a selector) and its text, each with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct TextEntry {
    pub key: String,
    pub key_span: Span,
    pub text: String,
    pub span: Span,
}

impl TextEntry {
    /// `triggers.send_on_click["#ask-size"]`.
    pub fn path(&self, field: &Field) -> String {
        format!("{}[{}]", field.path(), serde_json::Value::from(self.key.as_str()))
    }
}

/// A string in a list, with its place in the list as written: a wrong-typed element before it is
/// left out of the list but still counts, so that `[2]` names the third element written.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub text: String,
    pub span: Span,
    pub at: usize,
}

impl Element {
    /// `login.label_names[2]`, for the list at `list`.
    pub fn path(&self, list: &str) -> String {
        format!("{list}[{}]", self.at)
    }
}

/// One entry of `custom_fields_ext`.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomField {
    pub id: String,
    pub id_span: Span,
    pub value: CustomValue,
    pub span: Span,
}

/// A custom field's value, as the SDK takes it.
#[derive(Clone, Debug, PartialEq)]
pub enum CustomValue {
    Text(String),
    Number(serde_json::Number),
    /// A select-type field's options.
    List(Vec<Element>),
}

impl Field {
    pub fn path(&self) -> String {
        format!("{}.{}", self.section.name, self.key.name)
    }

    /// The field's text values with the path and span of each: one for a string, one per entry
    /// for a list (`login.label_names[1]`), one per text of a custom field
    /// (`login.custom_fields_ext.10001`), none for a boolean.
    pub fn texts(&self) -> Vec<(String, &str, Span)> {
        fn list(path: String, items: &[Element]) -> Vec<(String, &str, Span)> {
            items.iter().map(|item| (item.path(&path), item.text.as_str(), item.span.clone())).collect()
        }
        match &self.value {
            FieldValue::Text(text) => vec![(self.path(), text.as_str(), self.span.clone())],
            FieldValue::List(items) => list(self.path(), items),
            FieldValue::CustomFields(fields) => fields
                .iter()
                .flat_map(|field| {
                    let path = format!("{}.{}", self.path(), field.id);
                    match &field.value {
                        CustomValue::Text(text) => vec![(path, text.as_str(), field.span.clone())],
                        CustomValue::List(items) => list(path, items),
                        CustomValue::Number(_) => Vec::new(),
                    }
                })
                .collect(),
            FieldValue::TextTable(entries) => {
                entries.iter().map(|entry| (entry.path(self), entry.text.as_str(), entry.span.clone())).collect()
            }
            FieldValue::Bool(_) | FieldValue::Number(_) | FieldValue::Actions { .. } => Vec::new(),
        }
    }

    /// The field's selectors with the path and span of each: its texts for a selector kind, the
    /// keys of a table of texts.
    pub fn selectors(&self) -> Vec<(String, &str, Span)> {
        match (&self.value, self.key.kind) {
            (_, Kind::Selector | Kind::SelectorList) => self.texts(),
            (FieldValue::TextTable(entries), _) => {
                entries.iter().map(|entry| (entry.path(self), entry.key.as_str(), entry.key_span.clone())).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// The profile's fields as written, each of the type the schema wants.
#[derive(Debug, Default)]
pub struct RawProfile {
    /// Sections present, with the span of their name.
    pub sections: Vec<(&'static Section, Span)>,
    /// The fields, each as far as it has the schema's type: a list keeps its well-typed elements.
    pub fields: Vec<Field>,
    /// Keys that were present but rejected, in whole or in part (a wrong type, an unknown choice),
    /// so that no rule also reports them as missing or as doing nothing.
    pub rejected: Vec<&'static Key>,
    /// Keys an unknown key was taken for (`usr_name` for `user_name`): its did-you-mean stands for
    /// them, so no rule reports them as missing too.
    pub misspelled: Vec<&'static Key>,
    /// Sections written, but not as tables (`loader = "g1vfb1b"`): their type error stands for
    /// them, so no rule reports them as missing too.
    pub rejected_sections: Vec<&'static Section>,
}

impl RawProfile {
    pub fn field(&self, key: &'static Key) -> Option<&Field> {
        self.fields.iter().find(|f| std::ptr::eq(f.key, key))
    }

    pub fn text(&self, key: &'static Key) -> Option<(&Field, &str)> {
        self.field(key).and_then(|field| match &field.value {
            FieldValue::Text(text) => Some((field, text.as_str())),
            _ => None,
        })
    }

    /// An event's actions, in order, and whether only the first time counts.
    pub fn actions<T: Word>(&self, key: &'static Key) -> Option<(&Field, Vec<T>, bool)> {
        let field = self.field(key)?;
        match &field.value {
            FieldValue::Actions { actions, once, .. } => {
                Some((field, actions.iter().filter_map(|a| T::from_word(&a.text)).collect(), *once))
            }
            _ => None,
        }
    }

    /// A choice key's word, as its [`Word`] value: the parser accepted only the set's words.
    pub fn choice<T: Word>(&self, key: &'static Key) -> Option<(&Field, T)> {
        self.text(key).and_then(|(field, word)| Some((field, T::from_word(word)?)))
    }

    pub fn number(&self, key: &'static Key) -> Option<f64> {
        match self.field(key)?.value {
            FieldValue::Number(value) => Some(value),
            _ => None,
        }
    }

    pub fn bool(&self, key: &'static Key) -> Option<bool> {
        match self.field(key)?.value {
            FieldValue::Bool(value) => Some(value),
            _ => None,
        }
    }

    /// A list's entries; empty when the key is absent.
    pub fn list(&self, key: &'static Key) -> &[Element] {
        match self.field(key).map(|f| &f.value) {
            Some(FieldValue::List(items)) => items,
            _ => &[],
        }
    }

    /// The warnings `[lint] ignore` names; the rules report its other entries.
    pub fn ignored(&self) -> crate::diagnostics::RuleSet {
        let codes = self.list(&schema::key::IGNORE).iter();
        codes.filter_map(|code| crate::diagnostics::ignorable(&code.text).ok()).collect()
    }

    /// Whether the key, or one of its elements, had a wrong type or an unknown choice.
    pub fn is_rejected(&self, key: &'static Key) -> bool {
        self.rejected.iter().any(|k| std::ptr::eq(*k, key))
    }

    /// Whether the key was written at all, valid or not, or misspelled.
    pub fn is_present(&self, key: &'static Key) -> bool {
        self.field(key).is_some() || self.rejected.iter().chain(&self.misspelled).any(|k| std::ptr::eq(*k, key))
    }

    pub fn section_span(&self, section: &'static Section) -> Option<Span> {
        self.sections.iter().find(|(s, _)| std::ptr::eq(*s, section)).map(|(_, span)| span.clone())
    }

    /// Reads the profile's structure, reporting what is wrong with it; `None` when there is no
    /// document to run the rules on (unreadable, not UTF-8, too large, bad syntax).
    pub fn read(source: &Source, diagnostics: &mut Vec<Diagnostic>) -> Option<RawProfile> {
        match &source.content {
            Content::Unread => None,
            Content::TooLarge => {
                let message = format!("the profile is larger than {} bytes", source::MAX_PROFILE_BYTES);
                let help = "a profile is a few hundred bytes: check that this is the right file";
                diagnostics.push(Diagnostic::new(&rule::TOO_LARGE, 0..0, message, help));
                None
            }
            Content::NotUtf8 { text, at } => {
                // UTF-16 (PowerShell 5's `>` writes it): a byte-order mark, or every other byte zero.
                let utf16 = (*at == 0 && text.starts_with("\u{FFFD}\u{FFFD}"))
                    || text.chars().take(64).filter(|c| *c == '\0').count() >= 8;
                let (message, help) = match utf16 {
                    true => (
                        "the profile is UTF-16 text, not UTF-8".to_string(),
                        "save it as UTF-8: in PowerShell 5, `> file` writes UTF-16; use `| Out-File -Encoding utf8 file` (or PowerShell 7, whose `>` writes UTF-8)",
                    ),
                    false => (
                        format!("the profile is not UTF-8 text (invalid byte at offset {at})"),
                        "save the file as UTF-8",
                    ),
                };
                diagnostics.push(Diagnostic::new(&rule::ENCODING, *at..*at, message, help));
                None
            }
            Content::Text(text) => match document::parse(text, source.format) {
                // TOML refuses a duplicate key as a syntax error; it is the same mistake as JSON's.
                Err(err) if err.message.starts_with("duplicate key") => {
                    let key = text.get(err.span.clone()).unwrap_or_default();
                    let message = format!("`{key}` is defined more than once in its table");
                    let help = "keep one: TOML refuses a key defined twice";
                    diagnostics.push(Diagnostic::new(&rule::DUPLICATE_KEY, err.span, message, help).on(key));
                    None
                }
                Err(err) => {
                    let at = text.get(err.span.start..).unwrap_or_default();
                    let (message, help) = match source.format {
                        Format::Json if at.starts_with("//") || at.starts_with("/*") => (
                            "invalid JSON: JSON has no comments".to_string(),
                            "remove the comment, or write the profile in TOML, which has them (`# …`)".to_string(),
                        ),
                        Format::Toml if looks_like_yaml(text) => (
                            format!("invalid TOML: {}; this looks like YAML, which ssq-gen does not read", err.message),
                            "write it as TOML (`[loader]`, then `license = \"…\"` on the next line) or JSON; `ssq-gen init` writes a starter".to_string(),
                        ),
                        _ => (
                            format!("invalid {}: {}", source.format.name(), err.message),
                            "fix the syntax at the marked position".to_string(),
                        ),
                    };
                    diagnostics.push(Diagnostic::new(&rule::SYNTAX, err.span, message, help));
                    None
                }
                Ok(root) => Some(RawProfile::from_document(root, text, diagnostics)),
            },
        }
    }

    /// Reads the document tree of `text` against [`schema::SECTIONS`], reporting wrong types,
    /// unknown keys, unknown choices and duplicate keys. A field of the wrong type is left out; a list
    /// or table keeps its well-typed elements.
    pub fn from_document(root: Node, text: &str, diagnostics: &mut Vec<Diagnostic>) -> RawProfile {
        let mut raw = RawProfile::default();
        let entries = match root.value {
            Value::Table(entries) => entries,
            other => {
                diagnostics.push(type_error("", root.span, &other, "a table (an object)"));
                return raw;
            }
        };
        report_duplicates(&entries, "", diagnostics);
        let layout = Layout::of(text, &entries);
        for entry in entries {
            if entry.key == schema::SCHEMA_KEY {
                if !matches!(entry.node.value, Value::String(_)) {
                    diagnostics.push(type_error(&entry.key, entry.node.span, &entry.node.value, "a string (a URL)"));
                }
                continue;
            }
            let Some(section) = schema::section(&entry.key) else {
                let known = schema::SECTIONS.iter().map(|s| s.name);
                let shown = match layout.toml {
                    true => format!("[{}]", entry.key),
                    false => serde_json::Value::from(entry.key.as_str()).to_string(),
                };
                let (diagnostic, guess) = unknown_key(&entry, "section", &shown, known);
                // Renamed only into a section not written yet: two tables of one name do not parse.
                let fix = guess.filter(|name| !layout.has_section(name)).map(|name| {
                    let edit = fix::rename_key(text, &entry.key_span, name);
                    Fix::unsafe_(format!("rename the section to `[{name}]`"), vec![edit])
                });
                diagnostics.push(diagnostic.with_fix(fix));
                continue;
            };
            let keys = match entry.node.value {
                Value::Table(keys) => keys,
                other => {
                    diagnostics.push(type_error(section.name, entry.node.span, &other, "a table (an object)"));
                    raw.rejected_sections.push(section);
                    continue;
                }
            };
            raw.sections.push((section, entry.key_span));
            report_duplicates(&keys, section.name, diagnostics);
            layout.unknown_keys(text, section, &keys, &mut raw, diagnostics);
            for item in keys {
                let path = || format!("{}.{}", section.name, item.key);
                let Some(key) = section.key(&item.key) else { continue };
                let span = item.node.span.clone();
                let (value, rejections) = field_value(key.kind, item.node, text, path);
                if !rejections.is_empty() {
                    raw.rejected.push(key);
                    diagnostics.extend(rejections);
                }
                if let Some(value) = value {
                    raw.fields.push(Field { section, key, key_span: item.key_span, span, value });
                }
            }
        }
        raw
    }
}

/// Every element in error, not only the first: one run reports them all.
type Rejections = Vec<Diagnostic>;

/// A field read as far as its elements' types allow: the well-typed elements (so that the rules
/// check them in the same run, not after every type error is fixed) and every element in error.
/// A field with any rejection never reaches a snippet: its diagnostics are errors.
type Read = (Option<FieldValue>, Rejections);

/// The `Ok`s, and every `Err`.
fn all<T>(results: impl IntoIterator<Item = Result<T, Rejections>>) -> (Vec<T>, Rejections) {
    let (mut ok, mut errors) = (Vec::new(), Vec::new());
    for result in results {
        match result {
            Ok(value) => ok.push(value),
            Err(rejections) => errors.extend(rejections),
        }
    }
    (ok, errors)
}

/// The field's value as far as it has the kind's type; `path` names it in a diagnostic.
fn field_value(kind: Kind, node: Node, text: &str, path: impl Fn() -> String) -> Read {
    let Node { value, span } = node;
    let whole = |value| (Some(value), Vec::new());
    match (kind, value) {
        (Kind::MultilineText, Value::String(s)) => whole(FieldValue::Text(file_line_breaks(text, &span, s))),
        (Kind::Text | Kind::Selector, Value::String(s)) => whole(FieldValue::Text(s)),
        (Kind::Bool | Kind::BoolOrChoice(_), Value::Bool(b)) => whole(FieldValue::Bool(b)),
        (Kind::BoolOrChoice(choices), Value::String(s)) if choices.contains(&s.as_str()) => whole(FieldValue::Text(s)),
        // A quoted boolean is a boolean written as a string: `"false"` is truthy in JavaScript.
        (Kind::BoolOrChoice(_), Value::String(s)) if s == "true" || s == "false" => {
            (None, vec![type_error(&path(), span, &Value::String(s), Kind::Bool.expected())])
        }
        (Kind::BoolOrChoice(choices), Value::String(s)) => (None, vec![unknown_word(&path(), &s, span, choices, text)]),
        (Kind::Choice(choices), Value::String(s)) if choices.contains(&s.as_str()) => whole(FieldValue::Text(s)),
        (Kind::Choice(choices), Value::String(s)) => (None, vec![unknown_word(&path(), &s, span, choices, text)]),
        (Kind::TextList | Kind::SelectorList | Kind::RuleCodes | Kind::PathPatterns, Value::Array(items)) => {
            let (items, rejections) = strings(items, &path());
            (Some(FieldValue::List(items)), rejections)
        }
        (Kind::ChoiceList(choices), Value::Array(items)) => {
            let path = path();
            let (words, rejections) = all(items.into_iter().enumerate().map(|(i, item)| {
                let word = string(&path, i, item)?;
                match choices.contains(&word.text.as_str()) {
                    true => Ok(word),
                    false => Err(vec![unknown_word(&word.path(&path), &word.text, word.span, choices, text)]),
                }
            }));
            (Some(FieldValue::List(words)), rejections)
        }
        (Kind::Actions(choices), value) => actions(choices, Node { value, span }, text, &path()),
        (Kind::Numbers { min, max }, Value::Array(items)) => {
            let path = path();
            let (numbers, rejections) = all(items.into_iter().enumerate().map(|(i, item)| {
                let at = format!("{path}[{i}]");
                match item.value {
                    Value::Integer(n) if n >= i64::from(min) && n <= i64::from(max) => {
                        Ok(Element { text: n.to_string(), span: item.span, at: i })
                    }
                    Value::Integer(n) => {
                        let message = format!("`{at}` is {n}: it must be from {min} to {max}");
                        let help = format!("write a whole number from {min} to {max}");
                        Err(vec![Diagnostic::new(&rule::WRONG_TYPE, item.span, message, help).on(&at)])
                    }
                    other => Err(vec![type_error(&at, item.span, &other, "a whole number")]),
                }
            }));
            (Some(FieldValue::List(numbers)), rejections)
        }
        (Kind::Seconds { min, max }, Value::Integer(int)) => seconds(int as f64, min, max, span, &path()),
        (Kind::Seconds { min, max }, Value::Float(float)) => seconds(float, min, max, span, &path()),
        (Kind::SelectorTexts { .. }, Value::Table(entries)) => {
            let (entries, rejections) =
                all(entries.into_iter().map(|Entry { key, key_span, node }| match node.value {
                    Value::String(value) => {
                        let text = file_line_breaks(text, &node.span, value);
                        Ok(TextEntry { key, key_span, text, span: node.span })
                    }
                    other => {
                        let path = format!("{}[{}]", path(), serde_json::Value::from(key.as_str()));
                        Err(vec![type_error(&path, node.span, &other, "a string")])
                    }
                }));
            (Some(FieldValue::TextTable(entries)), rejections)
        }
        (Kind::CustomFields, Value::Table(entries)) => {
            let (mut fields, mut rejections) = (Vec::new(), Vec::new());
            for Entry { key: id, key_span: id_span, node } in entries {
                let path = format!("{}.{id}", path());
                let value = match node.value {
                    Value::String(text) => CustomValue::Text(text),
                    Value::Integer(int) => CustomValue::Number(int.into()),
                    Value::Float(float) => match serde_json::Number::from_f64(float) {
                        Some(number) => CustomValue::Number(number),
                        None => {
                            rejections.push(type_error(&path, node.span, &Value::Float(float), "a finite number"));
                            continue;
                        }
                    },
                    // A select-type field keeps its well-typed options, so a blank one is
                    // reported in the same run as a wrong-typed one.
                    Value::Array(items) => {
                        let (options, wrong) = strings(items, &path);
                        rejections.extend(wrong);
                        CustomValue::List(options)
                    }
                    other => {
                        let expected = "a string, a number or an array of strings";
                        rejections.push(type_error(&path, node.span, &other, expected));
                        continue;
                    }
                };
                fields.push(CustomField { id, id_span, value, span: node.span });
            }
            (Some(FieldValue::CustomFields(fields)), rejections)
        }
        (kind, other) => (None, vec![type_error(&path(), span, &other, kind.expected())]),
    }
}

/// Whether `text` reads as YAML rather than TOML: `key:` lines and no `key =` or `[section]` line.
fn looks_like_yaml(text: &str) -> bool {
    let lines: Vec<&str> =
        text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect();
    let yaml = |line: &&str| {
        line.starts_with("- ")
            || line.starts_with("---")
            || line.split_once(':').is_some_and(|(key, _)| {
                !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            })
    };
    let toml = |line: &&str| line.starts_with('[') || line.contains('=');
    !lines.is_empty() && lines.iter().any(yaml) && !lines.iter().any(toml)
}

/// A number of seconds, when it is from `min` to `max`.
fn seconds(value: f64, min: u32, max: u32, span: Span, path: &str) -> Read {
    match value >= f64::from(min) && value <= f64::from(max) {
        true => (Some(FieldValue::Number(value)), Vec::new()),
        false => {
            let message = format!("`{path}` is {value} seconds: it must be from {min} to {max}");
            let help = format!("write a number of seconds from {min} to {max}");
            (None, vec![Diagnostic::new(&rule::WRONG_TYPE, span, message, help).on(path)])
        }
    }
}

/// An event's actions: a word, a non-empty list of words, or a table with `actions` (either of
/// those) and `once`. Each word is checked here; a repeated one is the rules' (SSQ010).
fn actions(choices: &[&str], node: Node, text: &str, path: &str) -> Read {
    let word = |element: Element, path: &str| match choices.contains(&element.text.as_str()) {
        true => Ok(element),
        false => Err(vec![unknown_word(path, &element.text, element.span, choices, text)]),
    };
    let list = |node: Node, path: &str| -> (Option<Vec<Element>>, Rejections) {
        match node.value {
            Value::String(s) => match word(Element { text: s, span: node.span, at: 0 }, path) {
                Ok(element) => (Some(vec![element]), Vec::new()),
                Err(rejections) => (None, rejections),
            },
            Value::Array(items) if items.is_empty() => {
                let message = format!("`{path}` is an empty list: it would do nothing");
                let help = format!("name one or more of: {}, or remove the key", choices.join(", "));
                (None, vec![Diagnostic::new(&rule::WRONG_TYPE, node.span, message, help).on(path)])
            }
            Value::Array(items) => {
                let (words, rejections) = all(items.into_iter().enumerate().map(|(i, item)| {
                    let element = string(path, i, item)?;
                    let element_path = element.path(path);
                    word(element, &element_path)
                }));
                (Some(words), rejections)
            }
            other => (None, vec![type_error(path, node.span, &other, "an action or an array of actions")]),
        }
    };
    match node.value {
        Value::Table(entries) => {
            let (mut found, mut once, mut rejections) = (None, false, Vec::new());
            for entry in entries {
                let entry_path = format!("{path}.{}", entry.key);
                match entry.key.as_str() {
                    schema::ACTIONS_KEY => {
                        let (words, wrong) = list(entry.node, &entry_path);
                        rejections.extend(wrong);
                        found = Some(words);
                    }
                    schema::ONCE_KEY => match entry.node.value {
                        Value::Bool(value) => once = value,
                        other => rejections.push(type_error(
                            &entry_path,
                            entry.node.span,
                            &other,
                            "a boolean (true or false)",
                        )),
                    },
                    _ => {
                        let known = [schema::ACTIONS_KEY, schema::ONCE_KEY];
                        let (diagnostic, _) = unknown_key(&entry, "key", &entry_path, known.into_iter());
                        rejections.push(diagnostic.on(&entry_path));
                    }
                }
            }
            match found {
                Some(Some(actions)) => (Some(FieldValue::Actions { actions, once, in_table: true }), rejections),
                Some(None) => (None, rejections),
                None => {
                    let message = format!("`{path}` has no `{}`: say which actions run", schema::ACTIONS_KEY);
                    let help =
                        format!("add `{} = [\"datalayer\"]` (any of: {})", schema::ACTIONS_KEY, choices.join(", "));
                    rejections.push(Diagnostic::new(&rule::WRONG_TYPE, node.span, message, help).on(path));
                    (None, rejections)
                }
            }
        }
        value => {
            let (words, rejections) = list(Node { value, span: node.span }, path);
            (words.map(|actions| FieldValue::Actions { actions, once: false, in_table: false }), rejections)
        }
    }
}

/// A TOML multi-line string's line breaks are the file's: a checkout with CRLF line endings must
/// give the block (and its CSP hash) that LF gives, so they are read as `\n`. TOML lets parsers
/// normalize them; a `\r\n` written as escapes in the same string is read as `\n` too.
fn file_line_breaks(text: &str, span: &Span, value: String) -> String {
    match text.get(span.clone()).is_some_and(|written| written.contains("\r\n")) {
        true => value.replace("\r\n", "\n"),
        false => value,
    }
}

/// `word` at `path` is none of `choices`: SSQ006, with the closest choice.
/// The closest word is a guess, so its fix is unsafe; a word that differs only in case is not.
fn unknown_word(path: &str, word: &str, span: Span, choices: &[&str], text: &str) -> Diagnostic {
    let best = crate::suggest::did_you_mean(word, choices.iter().copied());
    let help = match best {
        Some(best) => format!("did you mean `{best}`? Choose one of: {}", choices.join(", ")),
        None => format!("choose one of: {}", choices.join(", ")),
    };
    let fix = best.map(|best| {
        let edit = fix::replace_string(text, &span, best);
        match best.eq_ignore_ascii_case(word.trim()) {
            true => Fix::safe(format!("write `{best}`"), vec![edit]),
            false => Fix::unsafe_(format!("write `{best}`"), vec![edit]),
        }
    });
    Diagnostic::new(&rule::UNKNOWN_VALUE, span, format!("`{path}` cannot be `{word}`"), help).on(path).with_fix(fix)
}

/// An array's entries that are strings, and one rejection for each that is not; `path` names the
/// array in a diagnostic.
fn strings(items: Vec<Node>, path: &str) -> (Vec<Element>, Rejections) {
    all(items.into_iter().enumerate().map(|(i, item)| string(path, i, item)))
}

/// Element `at` of the list named `list`, when it is a string. Its path is formatted only for a
/// diagnostic: every profile's every list element passes here.
fn string(list: &str, at: usize, node: Node) -> Result<Element, Rejections> {
    match node.value {
        Value::String(text) => Ok(Element { text, span: node.span, at }),
        other => Err(vec![type_error(&format!("{list}[{at}]"), node.span, &other, "a string")]),
    }
}

fn type_error(path: &str, span: Span, found: &Value, expected: &str) -> Diagnostic {
    let what = if path.is_empty() { "the profile".to_string() } else { format!("`{path}`") };
    let message = format!("{what} must be {expected}, found {}", found.type_name());
    Diagnostic::new(&rule::WRONG_TYPE, span, message, format!("write {expected} here")).on(path)
}

/// An unknown section or key (`what`), shown as `shown`; with the known name it was likely meant as.
fn unknown_key<'a>(
    entry: &Entry,
    what: &str,
    shown: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> (Diagnostic, Option<&'a str>) {
    let guess = crate::suggest::did_you_mean(&entry.key, known.clone());
    let help = match guess {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("known {what}s here: {}", known.collect::<Vec<_>>().join(", ")),
    };
    let message = format!("unknown {what} `{shown}`");
    (Diagnostic::new(&rule::UNKNOWN_KEY, entry.key_span.clone(), message, help).on(entry.key.as_str()), guess)
}

/// The one other section that has a key named `name`, when it is unknown in `section`.
fn misplaced(section: &Section, name: &str) -> Option<&'static Section> {
    let others = schema::SECTIONS.iter().copied().filter(|other| !std::ptr::eq(*other, section));
    let mut homes = others.filter(|other| other.key(name).is_some());
    match (homes.next(), homes.next()) {
        (Some(home), None) => Some(home),
        _ => None,
    }
}

/// Where the document's sections are written: what renaming or moving a key edits.
struct Layout {
    /// Each section as written: its name, the span of its value, the spans of its entries.
    sections: Vec<(String, Span, Vec<Span>)>,
    toml: bool,
}

impl Layout {
    fn of(text: &str, entries: &[Entry]) -> Layout {
        let sections = entries
            .iter()
            .map(|entry| {
                let items = match &entry.node.value {
                    Value::Table(items) => items.iter().map(|item| item.key_span.start..item.node.span.end).collect(),
                    _ => Vec::new(),
                };
                (entry.key.clone(), entry.node.span.clone(), items)
            })
            .collect();
        Layout { sections, toml: !text.trim_start_matches('\u{feff}').trim_start().starts_with('{') }
    }

    fn has_section(&self, name: &str) -> bool {
        self.sections.iter().any(|(written, _, _)| written == name)
    }

    /// SSQ005 for each of `keys` that `section` does not have: a key of exactly one other section
    /// is misplaced (a fix moves it), else the closest key of this one is meant (a fix renames it,
    /// unless that key is written too).
    fn unknown_keys(
        &self,
        text: &str,
        section: &'static Section,
        keys: &[Entry],
        raw: &mut RawProfile,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for item in keys.iter().filter(|item| section.key(&item.key).is_none()) {
            let path = format!("{}.{}", section.name, item.key);
            if let Some(home) = misplaced(section, &item.key) {
                raw.misspelled.extend(home.key(&item.key));
                // The section as the format writes it: `[widget]` in TOML, the `widget` object in JSON.
                let home_written = match self.toml {
                    true => format!("`[{}]`", home.name),
                    false => format!("the `\"{}\"` object", home.name),
                };
                let message = format!("unknown key `{path}`: `{}` belongs in {home_written}", item.key);
                let fix = self
                    .move_entry(text, section, item, home)
                    .map(|edits| Fix::unsafe_(format!("move `{}` to {home_written}", item.key), edits));
                let help = format!("move it to {home_written}");
                let diagnostic = Diagnostic::new(&rule::UNKNOWN_KEY, item.key_span.clone(), message, help);
                diagnostics.push(diagnostic.on(path).with_fix(fix));
                continue;
            }
            let (diagnostic, guess) = unknown_key(item, "key", &path, section.keys.iter().map(|k| k.name));
            raw.misspelled.extend(guess.and_then(|name| section.key(name)));
            let fix = guess.filter(|name| !keys.iter().any(|other| other.key == *name)).map(|name| {
                let edit = fix::rename_key(text, &item.key_span, name);
                Fix::unsafe_(format!("rename the key to `{name}`"), vec![edit])
            });
            diagnostics.push(diagnostic.on(path).with_fix(fix));
        }
    }

    /// The edits that move `item` from `from` to `to`: in TOML, its line under `to`'s header (a
    /// new `[to]` at the end when there is none); in JSON, the member into `to`'s object. `None`
    /// when the entry does not stand on lines of its own under a `[from]` header, or the target
    /// cannot take it without rewriting more than the entry.
    fn move_entry(&self, text: &str, from: &Section, item: &Entry, to: &Section) -> Option<Vec<Edit>> {
        let (_, _, items) = self.sections.iter().find(|(name, _, _)| name == from.name)?;
        let at = items.iter().position(|span| span.start == item.key_span.start)?;
        if !self.toml {
            let remove = fix::remove_item(text, items, at)?;
            let written = &text[items[at].clone()];
            let Some((_, object, members)) = self.sections.iter().find(|(name, _, _)| name == to.name) else {
                // No such object yet: a new member after the one the key leaves.
                let (_, from_object, _) = self.sections.iter().find(|(name, _, _)| name == from.name)?;
                let key = serde_json::Value::from(to.name);
                let insert =
                    Edit { span: from_object.end..from_object.end, content: format!(", {key}: {{{written}}}") };
                return Some(vec![remove, insert]);
            };
            let insert = match members.first() {
                Some(first) => {
                    let gap = &text[object.start + 1..first.start];
                    Edit { span: first.start..first.start, content: format!("{written},{gap}") }
                }
                None => Edit { span: object.start + 1..object.start + 1, content: written.to_string() },
            };
            return Some(vec![remove, insert]);
        }
        let line = whole_lines(text, &items[at])?;
        if header_before(text, line.start)? != from.name {
            return None;
        }
        let moved = format!("{}\n", text[line.clone()].trim_end_matches(['\n', '\r']));
        let insert = match header_line_end(text, to.name) {
            Some(end) if end == text.len() && !text.ends_with('\n') => {
                Edit { span: end..end, content: format!("\n{moved}") }
            }
            Some(end) => Edit { span: end..end, content: moved },
            None => {
                let gap = if text.ends_with('\n') { "\n" } else { "\n\n" };
                Edit { span: text.len()..text.len(), content: format!("{gap}[{}]\n{moved}", to.name) }
            }
        };
        Some(vec![Edit { span: line, content: String::new() }, insert])
    }
}

/// The lines `span` stands on, when nothing but blanks and a comment share them.
fn whole_lines(text: &str, span: &Span) -> Option<Span> {
    let start = text[..span.start].rfind('\n').map_or(0, |n| n + 1);
    let end = text[span.end..].find('\n').map_or(text.len(), |n| span.end + n + 1);
    let before = text[start..span.start].trim();
    let after = text[span.end..end].trim();
    (before.is_empty() && (after.is_empty() || after.starts_with('#'))).then_some(start..end)
}

/// The name in the last TOML table header before `offset`.
fn header_before(text: &str, offset: usize) -> Option<&str> {
    text[..offset].lines().rev().find_map(document::toml_header_name)
}

/// The end of the line `[name]` (after its line break), when the TOML document has one.
fn header_line_end(text: &str, name: &str) -> Option<usize> {
    let mut end = 0;
    text.split_inclusive('\n').find_map(|line| {
        end += line.len();
        (document::toml_header_name(line) == Some(name)).then_some(end)
    })
}

/// TOML refuses duplicate keys itself; JSON allows them and silently keeps the last, which hides
/// mistakes.
fn report_duplicates(entries: &[Entry], parent: &str, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::with_capacity(entries.len());
    for entry in entries {
        if !seen.insert(entry.key.as_str()) {
            let path = if parent.is_empty() { entry.key.clone() } else { format!("{parent}.{}", entry.key) };
            let message = format!("`{path}` is defined more than once");
            let help = "keep one: JSON readers disagree about which one wins";
            diagnostics.push(Diagnostic::new(&rule::DUPLICATE_KEY, entry.key_span.clone(), message, help).on(path));
        }
    }
}
