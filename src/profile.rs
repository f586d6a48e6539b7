//! The profile in its two states: [`RawProfile`], the fields as written (typed, with spans), and
//! [`ValidProfile`], which only [`crate::rules::validate`] can build and the renderer requires.

use crate::diagnostic::Diagnostic;
use crate::doc::{Entry, Node, Value};
use crate::rules;
use crate::schema::{self, Key, Kind, Section};
use crate::source::Span;

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
    List(Vec<(String, Span)>),
}

impl Field {
    pub fn path(&self) -> String {
        format!("{}.{}", self.section.name, self.key.name)
    }

    /// The field's text values with their list index and span: one for a string, one per entry
    /// for a list, none for a boolean. [`Field::item_path`] names one.
    pub fn texts(&self) -> Vec<(Option<usize>, &str, Span)> {
        match &self.value {
            FieldValue::Text(text) => vec![(None, text.as_str(), self.span.clone())],
            FieldValue::List(items) => {
                items.iter().enumerate().map(|(i, (text, span))| (Some(i), text.as_str(), span.clone())).collect()
            }
            FieldValue::Bool(_) => Vec::new(),
        }
    }

    /// `login.user_name`, or `login.label_names[1]` for an entry of a list.
    pub fn item_path(&self, index: Option<usize>) -> String {
        match index {
            Some(i) => format!("{}[{i}]", self.path()),
            None => self.path(),
        }
    }
}

/// The profile's fields as written, each of the type the schema wants.
#[derive(Debug, Default)]
pub struct RawProfile {
    /// Sections present, with the span of their name.
    pub sections: Vec<(&'static Section, Span)>,
    pub fields: Vec<Field>,
    /// Keys that were present but rejected (wrong type, unknown choice), so that no rule also
    /// reports them as missing.
    pub rejected: Vec<String>,
}

impl RawProfile {
    pub fn field(&self, section: &str, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.section.name == section && f.key.name == key)
    }

    pub fn text(&self, section: &str, key: &str) -> Option<(&Field, &str)> {
        self.field(section, key).and_then(|field| match &field.value {
            FieldValue::Text(text) => Some((field, text.as_str())),
            _ => None,
        })
    }

    pub fn bool(&self, section: &str, key: &str) -> Option<bool> {
        match self.field(section, key)?.value {
            FieldValue::Bool(value) => Some(value),
            _ => None,
        }
    }

    /// Whether the key was written at all, valid or not.
    pub fn is_present(&self, section: &str, key: &str) -> bool {
        self.field(section, key).is_some() || self.rejected.iter().any(|p| *p == format!("{section}.{key}"))
    }

    pub fn section_span(&self, name: &str) -> Option<Span> {
        self.sections.iter().find(|(s, _)| s.name == name).map(|(_, span)| span.clone())
    }

    /// Reads the document tree against [`schema::SECTIONS`], reporting wrong types, unknown keys,
    /// unknown choices and duplicate keys. Fields in error are left out.
    pub fn from_document(root: Node, diagnostics: &mut Vec<Diagnostic>) -> RawProfile {
        let mut raw = RawProfile::default();
        let entries = match root.value {
            Value::Table(entries) => entries,
            other => {
                diagnostics.push(type_error("", root.span, &other, "a table (an object)"));
                return raw;
            }
        };
        report_duplicates(&entries, "", diagnostics);
        for entry in entries {
            if entry.key == schema::SCHEMA_KEY {
                continue;
            }
            let Some(section) = schema::section(&entry.key) else {
                let known = schema::SECTIONS.iter().map(|s| s.name);
                diagnostics.push(unknown_key(&entry, &entry.key, known));
                continue;
            };
            let keys = match entry.node.value {
                Value::Table(keys) => keys,
                other => {
                    diagnostics.push(type_error(section.name, entry.node.span, &other, "a table (an object)"));
                    continue;
                }
            };
            raw.sections.push((section, entry.key_span));
            report_duplicates(&keys, section.name, diagnostics);
            for item in keys {
                let path = || format!("{}.{}", section.name, item.key);
                let Some(key) = section.key(&item.key) else {
                    diagnostics.push(unknown_key(&item, &path(), section.keys.iter().map(|k| k.name)));
                    continue;
                };
                let span = item.node.span.clone();
                match field_value(key.kind, item.node, path) {
                    Ok(value) => raw.fields.push(Field { section, key, key_span: item.key_span, span, value }),
                    Err(diagnostic) => {
                        raw.rejected.push(format!("{}.{}", section.name, item.key));
                        diagnostics.push(diagnostic);
                    }
                }
            }
        }
        raw
    }
}

/// The field's value if it has the kind's type; `path` names it in a diagnostic.
fn field_value(kind: Kind, node: Node, path: impl Fn() -> String) -> Result<FieldValue, Diagnostic> {
    let Node { value, span } = node;
    match (kind, value) {
        (Kind::Text | Kind::MultilineText | Kind::Selector, Value::String(s)) => Ok(FieldValue::Text(s)),
        (Kind::Bool, Value::Bool(b)) => Ok(FieldValue::Bool(b)),
        (Kind::Choice(choices), Value::String(s)) if choices.contains(&s.as_str()) => Ok(FieldValue::Text(s)),
        (Kind::Choice(choices), Value::String(s)) => {
            let help = match schema::did_you_mean(&s, choices.iter().copied()) {
                Some(best) => format!("did you mean `{best}`? Choose one of: {}", choices.join(", ")),
                None => format!("choose one of: {}", choices.join(", ")),
            };
            let path = path();
            Err(Diagnostic {
                rule: &rules::UNKNOWN_VALUE,
                span,
                message: format!("`{path}` cannot be `{s}`"),
                field: path,
                help,
            })
        }
        (Kind::TextList | Kind::SelectorList, Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| match item.value {
                Value::String(s) => Ok((s, item.span)),
                other => Err(type_error(&format!("{}[{i}]", path()), item.span, &other, "a string")),
            })
            .collect::<Result<_, _>>()
            .map(FieldValue::List),
        (kind, other) => Err(type_error(&path(), span, &other, kind.expected())),
    }
}

fn type_error(path: &str, span: Span, found: &Value, expected: &str) -> Diagnostic {
    let what = if path.is_empty() { "the profile".to_string() } else { format!("`{path}`") };
    Diagnostic {
        rule: &rules::WRONG_TYPE,
        span,
        field: path.to_string(),
        message: format!("{what} must be {expected}, found {}", found.type_name()),
        help: format!("write {expected} here"),
    }
}

fn unknown_key<'a>(entry: &Entry, path: &str, known: impl Iterator<Item = &'a str> + Clone) -> Diagnostic {
    let list = known.clone().collect::<Vec<_>>().join(", ");
    let help = match schema::did_you_mean(&entry.key, known) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("known keys here: {list}"),
    };
    Diagnostic {
        rule: &rules::UNKNOWN_KEY,
        span: entry.key_span.clone(),
        field: path.to_string(),
        message: format!("unknown key `{path}`"),
        help,
    }
}

/// TOML refuses duplicate keys itself; JSON allows them and silently keeps the last, which hides
/// mistakes.
fn report_duplicates(entries: &[Entry], parent: &str, diagnostics: &mut Vec<Diagnostic>) {
    for (i, entry) in entries.iter().enumerate() {
        if entries[..i].iter().any(|e| e.key == entry.key) {
            let path = if parent.is_empty() { entry.key.clone() } else { format!("{parent}.{}", entry.key) };
            diagnostics.push(Diagnostic {
                rule: &rules::DUPLICATE_KEY,
                span: entry.key_span.clone(),
                field: path.clone(),
                message: format!("`{path}` is defined more than once"),
                help: "keep one: JSON readers disagree about which one wins".to_string(),
            });
        }
    }
}

/// The five listeners of the SDK (sections 2.5, 2.7–2.10 of the vendor's page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    Unread,
    SendMessage,
    ReceiveMessage,
    OpenChat,
    CloseChat,
}

impl Event {
    pub const ALL: [Event; 5] =
        [Event::Unread, Event::SendMessage, Event::ReceiveMessage, Event::OpenChat, Event::CloseChat];

    /// The profile key under `[events]`.
    pub fn key(self) -> &'static str {
        match self {
            Event::Unread => "on_unread",
            Event::SendMessage => "on_send_message",
            Event::ReceiveMessage => "on_receive_message",
            Event::OpenChat => "on_open_chat",
            Event::CloseChat => "on_close_chat",
        }
    }

    /// The SDK's event name.
    pub fn sdk_name(self) -> &'static str {
        match self {
            Event::Unread => "onUnRead",
            Event::SendMessage => "onSendMessage",
            Event::ReceiveMessage => "onReceiveMessage",
            Event::OpenChat => "onOpenChat",
            Event::CloseChat => "onCloseChat",
        }
    }

    /// The name analytics see, after `ssq_`.
    pub fn name(self) -> &'static str {
        &self.key()[3..]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Console,
    DataLayer,
    Gtag,
}

impl Action {
    pub fn from_word(word: &str) -> Option<Action> {
        match word {
            "console" => Some(Action::Console),
            "datalayer" => Some(Action::DataLayer),
            "gtag" => Some(Action::Gtag),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loader {
    /// The dashboard's project script, `https://plugin-code.salesmartly.com/js/project_….js`.
    ScriptUrl(String),
    /// The inline install code's license key.
    License(String),
}

/// The `setLoginInfo` payload, in the SDK's key order. Absent keys are not sent.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LoginInfo {
    pub user_id: String,
    pub user_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Normalized: E.164, or its digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_names: Option<Vec<String>>,
}

/// When the widget's loader starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Load {
    #[default]
    Immediate,
    /// When the browser is idle (`requestIdleCallback`, or a timeout where it is missing).
    Idle,
    /// At the visitor's first pointer, key, scroll or touch, or a launcher or trigger click.
    Interaction,
}

impl Load {
    pub fn from_word(word: &str) -> Option<Load> {
        match word {
            "immediate" => Some(Load::Immediate),
            "idle" => Some(Load::Idle),
            "interaction" => Some(Load::Interaction),
            _ => None,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Load::Immediate => "immediate",
            Load::Idle => "idle",
            Load::Interaction => "interaction",
        }
    }
}

/// A page element whose click sends an SDK command.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ClickTrigger {
    pub selector: String,
    /// `chatOpen`, `chatClose` or `clearUser`.
    pub command: &'static str,
}

/// A profile every rule has passed. Its fields are private to this crate: only
/// [`crate::rules::validate`] builds one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidProfile {
    pub(crate) loader: Loader,
    pub(crate) login: Option<LoginInfo>,
    pub(crate) hide_icon: Option<bool>,
    pub(crate) open_on_load: bool,
    pub(crate) listeners: Vec<(Event, Action)>,
    pub(crate) load: Load,
    /// Launcher and trigger clicks, in profile order (launcher first).
    pub(crate) clicks: Vec<ClickTrigger>,
    pub(crate) badge_selector: Option<String>,
}

impl ValidProfile {
    pub fn loader(&self) -> &Loader {
        &self.loader
    }
    pub fn login(&self) -> Option<&LoginInfo> {
        self.login.as_ref()
    }
    pub fn hide_icon(&self) -> Option<bool> {
        self.hide_icon
    }
    pub fn open_on_load(&self) -> bool {
        self.open_on_load
    }
    pub fn listeners(&self) -> &[(Event, Action)] {
        &self.listeners
    }
    pub fn load(&self) -> Load {
        self.load
    }
    pub fn clicks(&self) -> &[ClickTrigger] {
        &self.clicks
    }
    pub fn badge_selector(&self) -> Option<&str> {
        self.badge_selector.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_match_the_schema() {
        let keys: Vec<_> = schema::section("events").unwrap().keys.iter().map(|k| k.name).collect();
        let events: Vec<_> = Event::ALL.iter().map(|e| e.key()).collect();
        assert_eq!(keys, events);
        assert_eq!(Event::SendMessage.name(), "send_message");
    }

    #[test]
    fn actions_match_the_schema() {
        for word in schema::ACTIONS {
            assert!(Action::from_word(word).is_some(), "{word}");
        }
    }
}
