//! [`ValidProfile`]: a profile every rule has passed, in the terms the renderer needs. Only
//! [`crate::rules::validate`] can build one, and the renderer accepts nothing else.

use super::RawProfile;
use super::schema::{Key, key};

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
    pub fn key(self) -> &'static Key {
        match self {
            Event::Unread => &key::ON_UNREAD,
            Event::SendMessage => &key::ON_SEND_MESSAGE,
            Event::ReceiveMessage => &key::ON_RECEIVE_MESSAGE,
            Event::OpenChat => &key::ON_OPEN_CHAT,
            Event::CloseChat => &key::ON_CLOSE_CHAT,
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
        match self {
            Event::Unread => "unread",
            Event::SendMessage => "send_message",
            Event::ReceiveMessage => "receive_message",
            Event::OpenChat => "open_chat",
            Event::CloseChat => "close_chat",
        }
    }
}

/// What a listener does with its event. The schema's word list is [`schema::ACTIONS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Console,
    DataLayer,
    Gtag,
}

impl Action {
    pub const ALL: [Action; 3] = [Action::Console, Action::DataLayer, Action::Gtag];

    pub fn word(self) -> &'static str {
        match self {
            Action::Console => "console",
            Action::DataLayer => "datalayer",
            Action::Gtag => "gtag",
        }
    }

    pub fn from_word(word: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|action| action.word() == word)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loader {
    /// The dashboard's project script, `https://plugin-code.salesmartly.com/js/project_….js`.
    ScriptUrl(String),
    /// The inline install code's license key.
    License(String),
}

/// Who the visitor is: fixed in the profile, or written into each page by the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Login {
    /// One visitor, the same on every page view.
    Fixed(LoginInfo),
    /// `from_page`: each page view's visitor, read from the page at run time over these defaults.
    FromPage(LoginFields),
}

/// The `setLoginInfo` payload, in the SDK's key order. Absent keys are not sent.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LoginInfo {
    pub user_id: String,
    pub user_name: String,
    #[serde(flatten)]
    pub fields: LoginFields,
}

/// `setLoginInfo`'s fields besides the visitor's identity.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct LoginFields {
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
    /// By custom-field id: a string, a number, or an array of strings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_fields_ext: Option<serde_json::Map<String, serde_json::Value>>,
    /// `phone_format = "digits"`: not sent, but a phone from the page is written this way too.
    #[serde(skip)]
    pub phone_digits: bool,
}

/// When the widget's loader starts. The schema's word list is [`schema::LOAD_MODES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Load {
    #[default]
    Immediate,
    /// When the browser is idle (`requestIdleCallback`, or a timeout where it is missing).
    Idle,
    /// At the visitor's first pointer, key, touch or wheel input, or a launcher or trigger click.
    Interaction,
}

impl Load {
    pub const ALL: [Load; 3] = [Load::Immediate, Load::Idle, Load::Interaction];

    pub fn from_word(word: &str) -> Option<Load> {
        Load::ALL.into_iter().find(|load| load.word() == word)
    }

    pub fn word(self) -> &'static str {
        match self {
            Load::Immediate => "immediate",
            Load::Idle => "idle",
            Load::Interaction => "interaction",
        }
    }
}

/// An SDK command a click sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Command {
    #[serde(rename = "chatOpen")]
    ChatOpen,
    #[serde(rename = "chatClose")]
    ChatClose,
    #[serde(rename = "clearUser")]
    ClearUser,
}

/// A page element whose click sends an SDK command.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ClickTrigger {
    pub selector: String,
    pub command: Command,
}

/// A profile every rule has passed. Its fields are private to this crate: only
/// [`crate::rules::validate`] builds one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidProfile {
    pub(crate) loader: Loader,
    pub(crate) login: Option<Login>,
    pub(crate) hide_icon: Option<bool>,
    pub(crate) open_on_load: bool,
    pub(crate) listeners: Vec<(Event, Action)>,
    /// Analytics get the whole payload, chat content included (`[events] forward_content`).
    pub(crate) forward_content: bool,
    pub(crate) load: Load,
    /// Launcher and trigger clicks, in profile order (launcher first).
    pub(crate) clicks: Vec<ClickTrigger>,
    pub(crate) badge_selector: Option<String>,
}

impl ValidProfile {
    /// The profile the rules accepted: `loader` and `login` as they checked them, and the parts no
    /// rule needs to change (settings, listeners, clicks) read from `raw` as written.
    pub(crate) fn assemble(raw: &RawProfile, loader: Loader, login: Option<Login>) -> ValidProfile {
        let listeners = Event::ALL
            .into_iter()
            .filter_map(|event| Some((event, Action::from_word(raw.text(event.key())?.1)?)))
            .collect();
        let text = |key| raw.text(key).map(|(_, text)| text.to_string());
        let triggers = |key, command| {
            raw.list(key).iter().map(move |(selector, _)| ClickTrigger { selector: selector.clone(), command })
        };
        let clicks = text(&key::OPEN_SELECTOR)
            .map(|selector| ClickTrigger { selector, command: Command::ChatOpen })
            .into_iter()
            .chain(triggers(&key::OPEN_ON_CLICK, Command::ChatOpen))
            .chain(triggers(&key::CLOSE_ON_CLICK, Command::ChatClose))
            .chain(triggers(&key::CLEAR_USER_ON_CLICK, Command::ClearUser))
            .collect();
        ValidProfile {
            loader,
            login,
            hide_icon: raw.bool(&key::HIDE_ICON),
            open_on_load: raw.bool(&key::OPEN_ON_LOAD).unwrap_or(false),
            listeners,
            forward_content: raw.bool(&key::FORWARD_CONTENT).unwrap_or(false),
            load: raw.text(&key::LOAD).and_then(|(_, word)| Load::from_word(word)).unwrap_or_default(),
            clicks,
            badge_selector: text(&key::BADGE_SELECTOR),
        }
    }

    pub fn loader(&self) -> &Loader {
        &self.loader
    }
    pub fn login(&self) -> Option<&Login> {
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
    pub fn forward_content(&self) -> bool {
        self.forward_content
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
    use crate::profile::schema::{self, Kind, section};

    #[test]
    fn events_match_the_schema() {
        let keys: Vec<_> =
            section::EVENTS.keys.iter().filter(|k| matches!(k.kind, Kind::Choice(_))).map(|k| k.name).collect();
        let events: Vec<_> = Event::ALL.iter().map(|e| e.key().name).collect();
        assert_eq!(keys, events);
        for event in Event::ALL {
            assert_eq!(event.key().name, format!("on_{}", event.name()));
        }
    }

    #[test]
    fn word_lists_match_the_enums() {
        assert_eq!(schema::ACTIONS, Action::ALL.map(Action::word));
        assert_eq!(schema::LOAD_MODES, Load::ALL.map(Load::word));
    }
}
