//! `ssq-gen import`: the profile that reproduces what a page's hand-written install does, read the
//! way `audit` reads it. What has a profile key becomes it; what does not is never dropped
//! silently: it is named in a comment in the profile and in an SSQ510 finding, with its line.

use super::script::Arg;
use super::{Read, mask::Masked};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::registry as rule;
use crate::input::source::{Format, Span};
use crate::profile::schema::{self, Key};
use crate::sdk::{Command, Event, Word};
use serde_json::{Map, Value, json};

/// A profile in the making: its sections' keys in the order they are found, and what the site must
/// still do by hand.
#[derive(Default)]
pub struct Profile {
    sections: Vec<(&'static str, Map<String, Value>)>,
    /// Comments for the TOML text, each under its section.
    notes: Vec<(&'static str, String)>,
    pub untranslated: Vec<Diagnostic>,
    origin: Origin,
}

/// What the profile was imported from.
#[derive(Default)]
enum Origin {
    #[default]
    HandWritten,
    /// ssq-gen's own block, which the profile gives back byte for byte; `logout`: the block for
    /// the page after logout (`snippet --logout`).
    Block { logout: bool },
}

impl Profile {
    /// `key`'s value, if set.
    pub(super) fn get(&self, key: &'static Key) -> Option<&Value> {
        let section = self.sections.iter().find(|(name, _)| *name == key.section().name)?;
        section.1.get(key.name)
    }

    /// Sets `key` to `value`, replacing what it had; `None` removes it (and its section, emptied).
    pub(super) fn put(&mut self, key: &'static Key, value: Option<Value>) {
        match value {
            Some(value) => _ = self.keys_of(key).insert(key.name.to_string(), value),
            None => {
                self.keys_of(key).remove(key.name);
                self.sections.retain(|(_, keys)| !keys.is_empty());
            }
        }
    }

    /// Sets `key` to `value` unless it has one already: the first install on a page wins.
    fn set(&mut self, key: &'static Key, value: Value) {
        self.keys_of(key).entry(key.name.to_string()).or_insert(value);
    }

    /// The keys of `key`'s section, which is added (after the others) if it is not there yet.
    fn keys_of(&mut self, key: &'static Key) -> &mut Map<String, Value> {
        let section = key.section().name;
        let at = match self.sections.iter().position(|(name, _)| *name == section) {
            Some(at) => at,
            None => {
                self.sections.push((section, Map::new()));
                self.sections.len() - 1
            }
        };
        &mut self.sections[at].1
    }

    /// The profile gives back the page's ssq-gen block exactly (`logout`: with `snippet --logout`).
    pub(super) fn gives_back_the_block(&mut self, logout: bool) {
        self.origin = Origin::Block { logout };
    }

    fn note(&mut self, section: &'static str, note: String) {
        self.notes.push((section, note));
    }

    pub(super) fn not_translated(&mut self, span: Span, what: &str) {
        let message = format!("{what}: not translated into the profile");
        let help = "keep it in the page beside the block, or do it with the profile's keys (`ssq-gen init` lists them)";
        self.untranslated.push(Diagnostic::new(&rule::NOT_TRANSLATED, span, message, help));
    }

    /// Whether the page had anything of SaleSmartly's to import.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// The profile as TOML (with its notes as comments) or JSON.
    pub fn text(&self, format: Format, lines: impl Fn(&Span) -> usize) -> String {
        match format {
            Format::Json => {
                let map: Map<String, Value> =
                    self.sections.iter().map(|(name, keys)| (name.to_string(), Value::Object(keys.clone()))).collect();
                format!("{:#}\n", Value::Object(map))
            }
            Format::Toml => {
                let mut out = String::from(match self.origin {
                    Origin::HandWritten => {
                        "# Imported by ssq-gen from a hand-written install; check it with `ssq-gen lint`.\n"
                    }
                    Origin::Block { logout: false } => {
                        "# Imported by ssq-gen from the block it wrote: `ssq-gen snippet` gives that block back.\n"
                    }
                    Origin::Block { logout: true } => {
                        "# Imported by ssq-gen from the block it wrote for the page after logout: `ssq-gen snippet --logout` gives it back.\n"
                    }
                });
                for finding in &self.untranslated {
                    out.push_str(&format!("# line {}: {}\n", lines(&finding.span), finding.message));
                }
                for (name, keys) in &self.sections {
                    out.push_str(&format!("\n[{name}]\n"));
                    for (section, note) in &self.notes {
                        if section == name {
                            out.push_str(&format!("# {}\n", note.replace('\n', " ")));
                        }
                    }
                    for (key, value) in keys {
                        out.push_str(&format!("{key} = {}\n", crate::snippet::starter::toml_value(value)));
                    }
                }
                out
            }
        }
    }
}

/// The value of a template tag inside `span`, if one writes there.
fn tag_in<'t>(tags: &'t [Masked], span: &Span) -> Option<&'t Masked> {
    tags.iter().find(|tag| tag.outputs && span.start <= tag.span.start && tag.span.end <= span.end)
}

/// The profile of `reads` (a page, in order); `text` is the page as written, `tags` its template
/// tags.
pub(super) fn profile(reads: &[Read], text: &str, tags: &[Masked]) -> Profile {
    let mut profile = Profile::default();
    for read in reads {
        loader(read, &mut profile);
    }
    for read in reads {
        // ssq-gen's block: its settings, commands and listeners are its template's, and its
        // profile is found by rendering (`generated.rs`); its fixed visitor and set-up commands
        // are read as any page's.
        let generated = read.facts.generated;
        for (setting, value) in &read.facts.setting_values {
            match (setting.as_str(), value) {
                ("hideIcon", Arg::Bool(hide)) => profile.set(&schema::key::HIDE_ICON, json!(hide)),
                _ if generated => {}
                _ => profile.not_translated(read.body().clone(), &format!("the setting `{setting}`")),
            }
        }
        for push in &read.facts.pushes {
            let set_up = [Command::SetLoginInfo, Command::HideUpload, Command::HideCloseIcon];
            if generated && !push.command.as_ref().is_some_and(|(c, _)| set_up.iter().any(|s| s.word() == c)) {
                continue;
            }
            let Some((command, _)) = &push.command else {
                profile.not_translated(push.span.clone(), "an `ssq.push` whose command is built at run time");
                continue;
            };
            translate(read, push, command, text, tags, &mut profile);
        }
        if generated {
            super::generated::import(text, read.body(), &mut profile);
        }
    }
    profile
}

fn loader(read: &Read, profile: &mut Profile) {
    let src = match &read.code {
        super::page::Code::Script { src: Some((src, _)), .. } => Some(src.as_str()),
        _ => None,
    };
    let urls = src.into_iter().chain(read.facts.loader_urls.iter().map(|(url, _)| url.as_str()));
    for url in urls {
        if url.contains("/js/project_") {
            let url = if url.starts_with("//") { format!("https:{url}") } else { url.to_string() };
            profile.set(&schema::key::SCRIPT_URL, json!(url));
        }
    }
    if let Some((license, _)) = &read.facts.license
        && !profile.sections.iter().any(|(_, keys)| keys.contains_key("script_url"))
    {
        profile.set(&schema::key::LICENSE, json!(license));
    }
}

/// One push, into the profile.
fn translate(
    read: &Read,
    push: &super::script::Push,
    command: &str,
    text: &str,
    tags: &[Masked],
    profile: &mut Profile,
) {
    let span = push.span.clone();
    let shown = text.get(span.clone()).unwrap_or_default().lines().next().unwrap_or_default().to_string();
    if let Some(event) = Event::ALL.iter().find(|event| event.sdk_name() == command) {
        match push.args.first() {
            Some(Arg::Listener { actions, badge }) if badge.is_none() || *event == Event::Unread => {
                if let Some(selector) = badge {
                    profile.set(&schema::key::BADGE_SELECTOR, json!(selector));
                }
                if !actions.is_empty() {
                    profile.set(schema::event_key(*event), event_value(actions, false));
                }
            }
            _ => profile.not_translated(span, &format!("the `{command}` listener `{}`", shown)),
        }
        return;
    }
    match command {
        _ if command == Command::SetLoginInfo.word() => login(push, text, tags, profile),
        _ if command == Command::HideUpload.word() => match push.args.first() {
            Some(Arg::List(items)) if items.iter().all(|item| matches!(item, Arg::Str(..))) => {
                let words: Vec<Value> = items
                    .iter()
                    .filter_map(|item| if let Arg::Str(word, _) = item { Some(json!(word)) } else { None })
                    .collect();
                profile.set(&schema::key::HIDE_UPLOAD, Value::Array(words));
            }
            _ => profile.not_translated(span, "`hideUpload` with a list built at run time"),
        },
        _ if command == Command::HideCloseIcon.word() => profile.set(&schema::key::HIDE_CLOSE_ICON, json!(true)),
        _ if [Command::ChatOpen, Command::ChatClose, Command::ClearUser].iter().any(|c| c.word() == command) => {
            click(read, push, command, profile);
        }
        _ if command == Command::SendTextMessage.word() => {
            // Sent from a click that opened the chat: `send_on_click`.
            match (clicked(read, push), push.args.first()) {
                (Some(selector), Some(Arg::Str(message, _))) => {
                    let mut texts = Map::new();
                    texts.insert(selector, json!(message));
                    profile.set(&schema::key::SEND_ON_CLICK, Value::Object(texts));
                }
                _ => profile.not_translated(span, &format!("`{}`", shown)),
            }
        }
        _ => profile.not_translated(span, &format!("`{}`", shown)),
    }
}

/// An event's actions as its `events.on_…` value: one word, a list, or with `once` a table.
pub(super) fn event_value(actions: &[crate::sdk::Action], once: bool) -> Value {
    let words: Vec<Value> = actions.iter().map(|action| json!(action.word())).collect();
    match (words.as_slice(), once) {
        ([one], false) => one.clone(),
        (_, false) => Value::Array(words),
        (_, true) => json!({"actions": words, "once": true}),
    }
}

/// The element whose click runs `push`: an `onclick` attribute's element with an id, or a click
/// listener's target.
fn clicked(read: &Read, push: &super::script::Push) -> Option<String> {
    match &read.code {
        super::page::Code::Handler { click: true, selector: Some(selector), .. } => Some(selector.clone()),
        _ => push.clicked.clone(),
    }
}

/// `chatOpen` or `chatClose` from an element's click handler: a trigger.
fn click(read: &Read, push: &super::script::Push, command: &str, profile: &mut Profile) {
    let Some(selector) = clicked(read, push) else {
        profile.not_translated(push.span.clone(), &format!("`{command}` outside a click on an element with an id"));
        return;
    };
    // A click that also sends a text is `send_on_click`, which opens the chat itself.
    let sends = read.facts.pushes.iter().any(|other| {
        clicked(read, other).as_deref() == Some(selector.as_str())
            && other.command.as_ref().is_some_and(|(c, _)| c == Command::SendTextMessage.word())
    });
    if sends && command == Command::ChatOpen.word() {
        return;
    }
    let key = match command {
        _ if command == Command::ChatOpen.word() => &schema::key::OPEN_ON_CLICK,
        _ if command == Command::ChatClose.word() => &schema::key::CLOSE_ON_CLICK,
        _ => &schema::key::CLEAR_USER_ON_CLICK,
    };
    profile.set(key, json!([selector]));
}

/// `setLoginInfo`: literal values become `[login]`; a value the page writes (a template tag, a
/// variable) makes the profile `from_page`, with a note on which engine's fragment to add.
fn login(push: &super::script::Push, text: &str, tags: &[Masked], profile: &mut Profile) {
    let Some(Arg::Object(fields)) = push.args.first() else {
        profile.not_translated(push.span.clone(), "`setLoginInfo` with an object built at run time");
        return;
    };
    let login_keys = crate::snippet::LOGIN_KEYS;
    let mut from_page = Vec::new();
    let mut fixed = Vec::new();
    for (name, value) in fields {
        // A field the SDK drops under a name with a certain meaning (`name`) is imported under the
        // SDK's name, which is what the page meant (SSQ504 says so too).
        let name = super::login_alias(name).unwrap_or(name);
        let Some(key) = login_keys.iter().find(|key| key.name == name) else {
            profile.not_translated(push.span.clone(), &format!("the `setLoginInfo` field `{name}` (SSQ504)"));
            continue;
        };
        match value {
            Arg::Str(literal, span) => match tag_in(tags, span) {
                Some(tag) => from_page.push((
                    key.name,
                    text.get(tag.span.clone()).unwrap_or_default().to_string(),
                    Some(tag.engine),
                )),
                None => fixed.push((*key, json!(literal))),
            },
            Arg::List(items) if items.iter().all(|item| matches!(item, Arg::Str(..))) => {
                let words: Vec<Value> =
                    items.iter().filter_map(|i| if let Arg::Str(w, _) = i { Some(json!(w)) } else { None }).collect();
                fixed.push((*key, Value::Array(words)));
            }
            Arg::Other(span) => {
                let written = text.get(span.clone()).unwrap_or_default().to_string();
                from_page.push((key.name, written, tag_in(tags, span).map(|tag| tag.engine)));
            }
            _ => profile.not_translated(push.span.clone(), &format!("the `setLoginInfo` field `{name}`")),
        }
    }
    if from_page.is_empty() {
        for (key, value) in fixed {
            profile.set(key, value);
        }
        return;
    }
    profile.set(&schema::key::FROM_PAGE, json!(true));
    // The visitor's identity comes from each page; the other literals stay as defaults.
    for (key, value) in fixed.into_iter().filter(|(key, _)| key.name != "user_id" && key.name != "user_name") {
        profile.set(key, value);
    }
    let engine = from_page.iter().find_map(|(_, _, engine)| engine.and_then(|e| e.login_data()));
    let fragment = match engine {
        Some(engine) => format!("`ssq-gen login-data {engine}`"),
        None => "`ssq-gen login-data ENGINE` for the site's template engine".to_string(),
    };
    profile.note("login", format!("from_page: add {fragment} to the layout; it writes each page's visitor as `ssq_login`, whose keys the page filled so:"));
    for (key, written, _) in from_page {
        profile.note("login", format!("  {key} <- {written}"));
    }
}
