//! [`ValidProfile`]: a profile every rule has passed, in the terms the renderer needs. Only
//! [`crate::rules::validate`] can build one, and the renderer accepts nothing else.

use super::schema::key;
use super::{FieldValue, RawProfile};
use crate::sdk::{Action, Cmp, Command, Event, IconDevices, Load, PhoneFormat, Upload, Word};

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
    /// Not sent, but a phone from the page is written this way too.
    #[serde(skip)]
    pub phone_format: PhoneFormat,
}

/// A page element whose click sends an SDK command.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ClickTrigger {
    pub selector: String,
    pub command: Command,
    /// `sendTextMessage`'s text: the chat is opened first, and the text sent once it is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// An `[events]` key: what runs when the SDK fires the event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listener {
    pub event: Event,
    /// Each once, in the profile's order.
    pub actions: Vec<Action>,
    /// Only the first time the event fires on the page.
    pub once: bool,
}

/// A profile every rule has passed. Its fields are private to this crate: only
/// [`crate::rules::validate`] builds one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidProfile {
    pub(crate) loader: Loader,
    pub(crate) login: Option<Login>,
    pub(crate) hide_icon: Option<HideIcon>,
    /// `hideUpload`'s list, in the profile's order; empty: not pushed.
    pub(crate) hide_upload: Vec<Upload>,
    pub(crate) hide_close_icon: bool,
    /// `loader.trusted_types_default`.
    pub(crate) trusted_types_default: bool,
    pub(crate) open_on_load: bool,
    pub(crate) listeners: Vec<Listener>,
    /// Analytics get the whole payload, chat content included (`[events] forward_content`).
    pub(crate) forward_content: bool,
    pub(crate) load: Load,
    /// Launcher and trigger clicks, in profile order (launcher first, then open, close, send and
    /// clear-user triggers).
    pub(crate) clicks: Vec<ClickTrigger>,
    pub(crate) badge_selector: Option<String>,
    pub(crate) page_events: bool,
    pub(crate) pages: Pages,
    pub(crate) consent: Option<Consent>,
    pub(crate) fallback: Fallback,
}

/// `[pages]`: each pattern as the regular expression over `location.pathname` it compiles to.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Pages {
    pub skip: Vec<String>,
    pub open: Vec<String>,
}

/// `widget.hide_icon`: everywhere (`true`), nowhere (`false`), or on some devices only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HideIcon {
    Everywhere(bool),
    On(IconDevices),
}

/// `[fallback]`: what the block does when the chat cannot load, besides `ssq:unavailable`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fallback {
    /// The element whose `hidden` attribute is removed.
    pub selector: Option<String>,
    /// How long the widget has, from the start of loading, to report `onReady`.
    pub timeout_ms: u64,
    pub action: Option<Action>,
}

/// `[fallback] timeout`'s default, in seconds.
const FALLBACK_TIMEOUT_DEFAULT: f64 = 10.0;

/// `[consent]`: whose consent the block waits for.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Consent {
    pub cmp: Cmp,
    /// `None` for `event` and `tcf`, which need none.
    pub category: Option<String>,
    /// `tcf`'s purpose ids, every one of which needs consent; empty for the other managers.
    pub purposes: Vec<u8>,
}

impl ValidProfile {
    /// Whether each page view's visitor comes from the page (`from_page`).
    pub fn login_from_page(&self) -> bool {
        matches!(self.login, Some(Login::FromPage(_)))
    }

    /// The page elements the profile's selectors name, each with what a click on it sends (the
    /// SDK command, `sendTextMessage` for a text to send) or `badge`: what a page that shows
    /// them (`ssq-gen preview`) builds.
    pub fn page_elements(&self) -> Vec<(&'static str, &str)> {
        let clicks = self.clicks.iter().map(|click| match click.text {
            Some(_) => (Command::SendTextMessage.word(), click.selector.as_str()),
            None => (click.command.word(), click.selector.as_str()),
        });
        clicks.chain(self.badge_selector.as_deref().map(|badge| ("badge", badge))).collect()
    }

    /// The profile the rules accepted: `loader` and `login` as they checked them, and the parts no
    /// rule needs to change (settings, listeners, clicks) read from `raw` as written.
    pub(crate) fn assemble(
        raw: &RawProfile,
        loader: Loader,
        login: Option<Login>,
        pages: Pages,
        consent: Option<Consent>,
    ) -> ValidProfile {
        let listeners = Event::ALL
            .iter()
            .filter_map(|&event| {
                let (_, actions, once) = raw.actions::<Action>(crate::profile::schema::event_key(event))?;
                Some(Listener { event, actions, once })
            })
            .collect();
        let text = |key| raw.text(key).map(|(_, text)| text.to_string());
        let triggers = |key, command| {
            raw.list(key).iter().map(move |selector| ClickTrigger {
                selector: selector.text.clone(),
                command,
                text: None,
            })
        };
        let sends = match raw.field(&key::SEND_ON_CLICK).map(|field| &field.value) {
            Some(FieldValue::TextTable(entries)) => entries.as_slice(),
            _ => &[],
        };
        let clicks = text(&key::OPEN_SELECTOR)
            .map(|selector| ClickTrigger { selector, command: Command::ChatOpen, text: None })
            .into_iter()
            .chain(triggers(&key::OPEN_ON_CLICK, Command::ChatOpen))
            .chain(triggers(&key::CLOSE_ON_CLICK, Command::ChatClose))
            .chain(sends.iter().map(|entry| ClickTrigger {
                selector: entry.key.clone(),
                command: Command::SendTextMessage,
                text: Some(entry.text.clone()),
            }))
            .chain(triggers(&key::CLEAR_USER_ON_CLICK, Command::ClearUser))
            .collect();
        let hide_upload = raw.list(&key::HIDE_UPLOAD).iter().filter_map(|word| Upload::from_word(&word.text)).collect();
        ValidProfile {
            loader,
            login,
            hide_icon: raw
                .bool(&key::HIDE_ICON)
                .map(HideIcon::Everywhere)
                .or_else(|| raw.choice(&key::HIDE_ICON).map(|(_, devices)| HideIcon::On(devices))),
            hide_upload,
            hide_close_icon: raw.bool(&key::HIDE_CLOSE_ICON).unwrap_or(false),
            trusted_types_default: raw.bool(&key::TRUSTED_TYPES_DEFAULT).unwrap_or(false),
            open_on_load: raw.bool(&key::OPEN_ON_LOAD).unwrap_or(false),
            listeners,
            forward_content: raw.bool(&key::FORWARD_CONTENT).unwrap_or(false),
            load: raw.choice(&key::LOAD).map(|(_, load)| load).unwrap_or_default(),
            clicks,
            badge_selector: text(&key::BADGE_SELECTOR),
            page_events: raw.bool(&key::PAGE_EVENTS).unwrap_or(false),
            pages,
            consent,
            fallback: Fallback {
                selector: text(&key::FALLBACK_SELECTOR),
                timeout_ms: (raw.number(&key::FALLBACK_TIMEOUT).unwrap_or(FALLBACK_TIMEOUT_DEFAULT) * 1000.0).round()
                    as u64,
                action: raw.choice(&key::FALLBACK_ACTION).map(|(_, action)| action),
            },
        }
    }

    pub fn fallback(&self) -> &Fallback {
        &self.fallback
    }

    pub fn loader(&self) -> &Loader {
        &self.loader
    }
    pub fn login(&self) -> Option<&Login> {
        self.login.as_ref()
    }
    pub fn hide_icon(&self) -> Option<HideIcon> {
        self.hide_icon
    }
    pub fn hide_upload(&self) -> &[Upload] {
        &self.hide_upload
    }
    pub fn trusted_types_default(&self) -> bool {
        self.trusted_types_default
    }
    pub fn hide_close_icon(&self) -> bool {
        self.hide_close_icon
    }
    pub fn open_on_load(&self) -> bool {
        self.open_on_load
    }
    pub fn listeners(&self) -> &[Listener] {
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
    /// `launcher.page_events`: `ssq:open`, `ssq:close` and `ssq:send` from the page's code.
    pub fn page_events(&self) -> bool {
        self.page_events
    }
    pub fn badge_selector(&self) -> Option<&str> {
        self.badge_selector.as_deref()
    }

    pub fn pages(&self) -> &Pages {
        &self.pages
    }

    pub fn consent(&self) -> Option<&Consent> {
        self.consent.as_ref()
    }
}
