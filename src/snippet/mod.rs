//! Rendering a [`ValidProfile`] through the embedded minijinja templates: the snippet, its [`csp`]
//! needs, and the [`starter`] profiles of `init`.
//!
//! Every `{{ … }}` must go through an escaping filter ([`escape`], one function per output context):
//! the formatter refuses to print a value that no filter marked safe, so a template cannot leak a raw
//! profile value into the page even by mistake.

pub mod csp;
pub mod drift;
pub mod escape;
pub mod login_data;
pub mod preview;
pub mod starter;

use crate::profile::schema::key;
use crate::profile::valid::Pages;
use crate::profile::{HideIcon, Loader, Login, LoginFields, ValidProfile};
use crate::sdk::{Action, Cmp, Command, Event, IconDevices, Is, Load, Payload, PhoneFormat, Setting, Used, Word};
use minijinja::value::{Serde, Value};
use minijinja::{Environment, Error, ErrorKind, Output, State};
use serde::Serialize;
use serde_json::json;
use std::sync::OnceLock;

/// The inline install code's script, as the vendor's own install code loads it.
pub const INSTALL_JS_URL: &str = "https://plugin-code.salesmartly.com/chat/widget-v2/code/install.js";

const SNIPPET_TEMPLATE: &str = "snippet.html.j2";
const SCRIPT_TEMPLATE: &str = "snippet.js.j2";
const STARTER_TEMPLATE: &str = "init.toml.j2";
/// `(name, text)` for each template under `templates/`, embedded at build time.
macro_rules! embedded {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name))),)+]
    };
}

/// Embedded, and parsed only when a render needs them (a process renders once): the `from_page`
/// run-time, `login.js.j2`, is included only by blocks that have it.
const TEMPLATES: &[(&str, &str)] = embedded![
    "snippet.html.j2",
    "snippet.js.j2",
    "login.js.j2",
    "gate.js.j2",
    "load/immediate.js.j2",
    "load/idle.js.j2",
    "load/interaction.js.j2",
    "loader/license.js.j2",
    "loader/script_url.js.j2",
    "consent/event.js.j2",
    "consent/cookieconsent.js.j2",
    "consent/klaro.js.j2",
    "consent/cookiebot.js.j2",
    "consent/onetrust.js.j2",
    "init.toml.j2",
    "preview/page.html.j2",
];

#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions<'a> {
    /// Shown in the snippet's opening comment.
    pub profile_name: &'a str,
    /// CSP nonce for the `<script>` element; scripts inserted at run time copy the element's nonce.
    pub nonce: Option<&'a csp::Nonce>,
    /// The block for the page a visitor lands on after logging out: no `setLoginInfo`, and a
    /// `clearUser` first, so that the widget forgets the previous visitor.
    pub logout: bool,
}

/// A rendered snippet: the block to paste, and its inline script as browsers hash it for CSP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub html: String,
    /// The `<script>` element's content, byte for byte.
    pub script: String,
}

pub fn render(profile: &ValidProfile, options: &RenderOptions<'_>) -> Result<Snippet, Error> {
    let env = environment();
    let body = env.get_template(SCRIPT_TEMPLATE)?.render(Value::from(Serde(Context::new(profile, options))))?;
    let script = format!("\n{body}\n");
    let mut html = env.get_template(SNIPPET_TEMPLATE)?.render(minijinja::context! {
        version => env!("CARGO_PKG_VERSION"),
        profile => options.profile_name,
        // Safe as it is: see `csp::Nonce`.
        nonce => options.nonce.map(|nonce| Value::from_safe_string(nonce.as_str().to_string())),
        logout => options.logout,
        // Our own template's output, every value in it already escaped for the script.
        script => Value::from_safe_string(script.clone()),
    })?;
    html.push('\n');
    Ok(Snippet { html, script })
}

pub(crate) fn environment() -> &'static Environment<'static> {
    static ENVIRONMENT: OnceLock<Environment<'static>> = OnceLock::new();
    ENVIRONMENT.get_or_init(|| {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        // A name the context does not define is a template bug, never a silent `false`.
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_formatter(only_escaped_values);
        env.add_filter("js", |value: Value| serialized(escape::script_literal(&value)));
        // A macro's output: the template's own text, whose values went through their own filters.
        env.add_filter("code", |text: &str| Value::from_safe_string(text.to_string()));
        env.add_filter("comment", |text: &str| Value::from_safe_string(escape::html_comment(text)));
        env.add_filter("attr", |text: &str| Value::from_safe_string(escape::html_attribute(text)));
        // For the TOML starter profile, whose text is ours (schema docs and examples), not a
        // profile's: a JSON string, boolean or array of strings is also a TOML value.
        env.add_filter("toml", |value: Value| {
            serialized(serde_json::to_value(&value).map(|value| starter::toml_value(&value)))
        });
        env.add_filter("toml_comment", |text: &str| Value::from_safe_string(text.replace('\n', "\n# ")));
        env.add_filter("ident", |name: &str| match escape::identifier(name) {
            Some(name) => Ok(Value::from_safe_string(name.to_string())),
            None => Err(Error::new(ErrorKind::InvalidOperation, format!("`{name}` is not a JavaScript identifier"))),
        });
        env.set_loader(|name| Ok(TEMPLATES.iter().find(|(known, _)| *known == name).map(|(_, source)| *source)));
        env
    })
}

pub(crate) fn serialized(result: Result<String, serde_json::Error>) -> Result<Value, Error> {
    result.map(Value::from_safe_string).map_err(|err| Error::new(ErrorKind::BadSerialization, err.to_string()))
}

fn only_escaped_values(out: &mut Output<'_>, _: &mut State<'_, '_>, value: &Value) -> Result<(), Error> {
    if !value.is_safe() {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            "a template printed a value without an escaping filter (js, comment, attr, ident, toml, toml_comment)",
        ));
    }
    out.write_str(&value.to_string()).map_err(|_| Error::new(ErrorKind::WriteFailure, "could not write the snippet"))
}

/// What the template sees: everything decided here, so the template only lays it out and holds
/// only what this profile uses.
#[derive(Serialize)]
struct Context<'a> {
    version: &'static str,
    /// What the console is told when a page's Trusted Types refuse the loader.
    tt_warning: String,
    /// The SDK's command words ([`sdk_words`]).
    sdk: serde_json::Map<String, serde_json::Value>,
    load: LoadContext,
    clicks: Vec<Click<'a>>,
    /// `from_page`: the visitor is read from the page, and from `ssq:login` events.
    from_page: Option<FromPage<'a>>,
    /// Whether commands are sent after set-up (clicks, the page's visitor) through `send`.
    sends: bool,
    /// Those commands may come before the project script has defined `ssq` (the `script_url`
    /// form): they wait in a queue, and `load` runs once however often it is called.
    queue_commands: bool,
    badge: Option<&'a str>,
    /// Whether `window.__ssc` is touched: for settings, or the license.
    uses_ssc: bool,
    settings: Vec<SettingValue>,
    /// Whether a setting depends on a media query (`matchesMedia`).
    media: bool,
    loader: LoaderContext<'a>,
    /// `ssq.push(...)` argument lists, before the listeners.
    commands: Vec<Vec<serde_json::Value>>,
    /// One per SDK event: the SDK is not documented to keep more than one listener per event.
    listeners: Vec<Listener>,
    /// Commands after the listeners are in place.
    final_commands: Vec<Vec<serde_json::Value>>,
    sends_text: Option<SendsText>,
    helpers: Helpers,
    /// `[pages]` and `[consent]`: what must hold before anything starts.
    gate: Option<Gate<'a>>,
    fallback: FallbackContext<'a>,
}

/// What the block does when the chat cannot load (`ssq:unavailable`, always), and `[fallback]`.
#[derive(Serialize)]
struct FallbackContext<'a> {
    selector: Option<&'a str>,
    /// The action's handler ([`Action::handler`]).
    action: Option<&'static str>,
    timeout_ms: u64,
    /// The `onReady` handler that stops the timeout, a function of the template's.
    ready: &'static str,
}

#[derive(Serialize)]
struct LoadContext {
    /// `templates/load/`'s partial for the profile's `load`.
    partial: &'static str,
}

#[derive(Serialize)]
struct Gate<'a> {
    /// `None` without `[pages]`.
    pages: Option<&'a Pages>,
    consent: Option<ConsentContext<'a>>,
}

#[derive(Serialize)]
struct ConsentContext<'a> {
    /// The manager's partial: `consentNow()`, and what calls `grant`, `withdraw` or `ask` when
    /// the manager says consent changed.
    partial: &'static str,
    /// Whether the partial calls `ask()`, which reads `consentNow()` again.
    asks: bool,
    category: Option<&'a str>,
}

/// A consent manager, as the block reads it.
struct ConsentManager {
    cmp: Cmp,
    partial: &'static str,
    /// Whether its events only say "something changed", so the block asks again (`ask`), rather
    /// than saying which way.
    asks: bool,
}

/// Every consent manager: adding one is a word in [`Cmp`], a row here and its partial in
/// `templates/consent/` (also listed in [`TEMPLATES`]).
const CONSENT_MANAGERS: &[ConsentManager] = &[
    ConsentManager { cmp: Cmp::Event, partial: "consent/event.js.j2", asks: false },
    ConsentManager { cmp: Cmp::CookieConsent, partial: "consent/cookieconsent.js.j2", asks: true },
    ConsentManager { cmp: Cmp::Klaro, partial: "consent/klaro.js.j2", asks: true },
    ConsentManager { cmp: Cmp::Cookiebot, partial: "consent/cookiebot.js.j2", asks: true },
    ConsentManager { cmp: Cmp::OneTrust, partial: "consent/onetrust.js.j2", asks: true },
];

/// `load`'s partials, in `templates/load/`.
fn load_partial(load: Load) -> &'static str {
    match load {
        Load::Immediate => "load/immediate.js.j2",
        Load::Idle => "load/idle.js.j2",
        Load::Interaction => "load/interaction.js.j2",
    }
}

/// Every SDK command's word, by itself: `{{ sdk.chatOpen|js }}` in a template is then checked (a
/// misspelt word is an undefined name, which the renderer refuses), and declared once, in
/// [`crate::sdk`].
fn sdk_words() -> serde_json::Map<String, serde_json::Value> {
    Command::WORDS.iter().map(|word| (word.to_string(), json!(word))).collect()
}

#[derive(Serialize)]
struct Click<'a> {
    selector: &'a str,
    command: Command,
    /// Keep a link from navigating away: open, close and send do; a logout link must still log out.
    prevent: bool,
    /// `sendTextMessage`'s text, sent once the chat window is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// `send_on_click`'s texts wait for the chat window to open, which the block learns from the
/// widget's `onOpenChat`.
#[derive(Serialize)]
struct SendsText {
    open: Command,
    send: Command,
    /// The `onOpenChat` and `onCloseChat` handlers, functions of the template's.
    opened: &'static str,
    closed: &'static str,
}

#[derive(Serialize)]
struct FromPage<'a> {
    /// The profile's fixed `[login]` fields, which the page's values replace.
    defaults: &'a LoginFields,
    phone_format: Is<PhoneFormat>,
    /// `setLoginInfo`'s keys, in its order; the first [`TEXT_KEYS`] are strings.
    keys: [&'static str; LOGIN_KEYS.len()],
    text_keys: usize,
}

/// `setLoginInfo`'s keys, in [`crate::profile::LoginInfo`]'s order: strings, then the label list
/// and the custom fields.
const LOGIN_KEYS: [&crate::profile::schema::Key; 8] = [
    &key::USER_ID,
    &key::USER_NAME,
    &key::LANGUAGE,
    &key::PHONE,
    &key::EMAIL,
    &key::DESCRIPTION,
    &key::LABEL_NAMES,
    &key::CUSTOM_FIELDS_EXT,
];
const TEXT_KEYS: usize = 6;

/// A setting and its value; with `on`, the value where the media query holds when the block
/// starts, and its opposite elsewhere.
#[derive(Serialize)]
struct SettingValue {
    key: Setting,
    value: serde_json::Value,
    on: Option<Media>,
}

/// A media query, and whether the setting's value goes with its matching (`phones`) or not.
#[derive(Serialize)]
struct Media {
    query: &'static str,
    phones: bool,
}

/// Phones, for `hide_icon = "mobile"` / `"desktop"`: the widths public integrations use.
const PHONES: &str = "(max-width: 767px)";

#[derive(Serialize)]
struct LoaderContext<'a> {
    /// `templates/loader/license.js.j2` or `script_url.js.j2`.
    partial: &'static str,
    /// The one script URL the block inserts, the only one its Trusted Types policy accepts.
    src: &'a str,
    /// That policy's name.
    policy: &'static str,
    license: Option<&'a str>,
    script_url: Option<&'a str>,
    install_url: &'static str,
    /// `loader.trusted_types_default`: the page's `default` policy, created before the loader.
    default_policy: Option<DefaultPolicy>,
}

#[derive(Serialize)]
struct DefaultPolicy {
    name: &'static str,
    /// The origins it accepts script URLs from, lower-case as `URL.origin` gives them.
    origins: Vec<String>,
    /// Said once where the page's CSP does not allow it.
    warning: String,
}

/// One function per SDK event (the SDK is not documented to keep more than one), holding every
/// call the profile makes on it.
#[derive(Serialize)]
struct Listener {
    sdk_event: &'static str,
    groups: Vec<CallGroup>,
}

/// Calls that run together: every time, or, with `once` (the event's analytics name), only the
/// first time the event fires on the page.
#[derive(Serialize)]
struct CallGroup {
    once: Option<&'static str>,
    calls: Vec<Call>,
}

/// `handler(name, shape(obj))`; without a name, `handler(obj)`; without a shape, `obj` as the
/// widget passed it.
#[derive(Serialize)]
struct Call {
    handler: &'static str,
    name: Option<&'static str>,
    shape: Option<&'static str>,
}

/// What an action gets of an event's payload: a helper of the template's, by name, or the payload
/// itself (`None`).
fn shape(payload: Payload, action: Action, forward_content: bool) -> Option<&'static str> {
    match (payload, action.is_analytics()) {
        (Payload::PersonalData, false) if forward_content => None,
        (Payload::PersonalData, _) => Some(FORM_TYPE),
        // The console logs what the widget passed: it stays in the visitor's browser.
        (_, false) => None,
        (Payload::Message, true) if forward_content => Some(COPY),
        (Payload::Message, true) => Some(SUMMARY),
        (Payload::Nothing, true) => Some(NOTHING),
        (Payload::FormType, true) => Some(FORM_TYPE),
    }
}

/// The payload helpers ([`shape`]), functions of the template's.
const COPY: &str = "copy";
const SUMMARY: &str = "summary";
const NOTHING: &str = "nothing";
const FORM_TYPE: &str = "formType";

/// The helper functions the listeners call, and their names ([`Action::handler`]).
#[derive(Serialize)]
struct Helpers {
    actions: Used<Action>,
    handlers: serde_json::Map<String, serde_json::Value>,
    /// The badge's handler.
    show_unread: &'static str,
    /// The payload helpers the calls use, by name: `{copy: true, summary: false, …}`.
    shapes: serde_json::Map<String, serde_json::Value>,
    /// Whether a call group runs once per page (`firstTime`).
    once: bool,
}

/// The badge's `onUnRead` handler, a function of the template's.
const SHOW_UNREAD: &str = "showUnread";
const WIDGET_READY: &str = "widgetReady";
const CHAT_OPENED: &str = "chatOpened";
const CHAT_CLOSED: &str = "chatClosed";

impl<'a> Context<'a> {
    fn new(profile: &'a ValidProfile, options: &RenderOptions<'a>) -> Context<'a> {
        let settings: Vec<_> = profile
            .hide_icon()
            .map(|hide| match hide {
                HideIcon::Everywhere(hide) => SettingValue { key: Setting::HideIcon, value: json!(hide), on: None },
                HideIcon::On(devices) => SettingValue {
                    key: Setting::HideIcon,
                    value: json!(true),
                    on: Some(Media { query: PHONES, phones: devices == IconDevices::Mobile }),
                },
            })
            .into_iter()
            .collect();
        let (license, script_url) = match profile.loader() {
            Loader::License(license) => (Some(license.as_str()), None),
            Loader::ScriptUrl(url) => (None, Some(url.as_str())),
        };
        let mut commands: Vec<_> = match options.logout {
            true => vec![vec![json!(Command::ClearUser)]],
            false => match profile.login() {
                Some(Login::Fixed(info)) => vec![vec![json!(Command::SetLoginInfo), json!(info)]],
                Some(Login::FromPage(_)) | None => Vec::new(),
            },
        };
        if !profile.hide_upload().is_empty() {
            commands.push(vec![json!(Command::HideUpload), json!(profile.hide_upload())]);
        }
        if profile.hide_close_icon() {
            commands.push(vec![json!(Command::HideCloseIcon)]);
        }
        let from_page = match profile.login() {
            Some(Login::FromPage(defaults)) => Some(FromPage {
                defaults,
                phone_format: Is(defaults.phone_format),
                keys: LOGIN_KEYS.map(|key| key.name),
                text_keys: TEXT_KEYS,
            }),
            _ => None,
        };
        let mut actions = Used::default();
        let mut listeners: Vec<Listener> = Vec::new();
        let mut listen = |sdk_event: &'static str, once: Option<&'static str>, call: Call| {
            let listener = match listeners.iter().position(|l| l.sdk_event == sdk_event) {
                Some(at) => &mut listeners[at],
                None => {
                    listeners.push(Listener { sdk_event, groups: Vec::new() });
                    listeners.last_mut().expect("just pushed")
                }
            };
            match listener.groups.last_mut() {
                Some(group) if group.once == once => group.calls.push(call),
                _ => listener.groups.push(CallGroup { once, calls: vec![call] }),
            }
        };
        let mut shapes: serde_json::Map<String, serde_json::Value> =
            [COPY, SUMMARY, NOTHING, FORM_TYPE].iter().map(|name| (name.to_string(), json!(false))).collect();
        let mut once_used = false;
        for listener in profile.listeners() {
            let event = listener.event;
            let once = listener.once.then_some(event.name());
            once_used |= listener.once;
            for &action in &listener.actions {
                if !actions.has(action) {
                    actions.0.push(action);
                }
                let shape = shape(event.payload(), action, profile.forward_content());
                if let Some(shape) = shape {
                    shapes.insert(shape.to_string(), json!(true));
                }
                listen(event.sdk_name(), once, Call { handler: action.handler(), name: Some(event.name()), shape });
            }
        }
        if profile.badge_selector().is_some() {
            listen(Event::Unread.sdk_name(), None, Call { handler: SHOW_UNREAD, name: None, shape: None });
        }
        // Every block learns when the widget is ready, to tell a widget that never comes.
        listen(Event::Ready.sdk_name(), None, Call { handler: WIDGET_READY, name: None, shape: None });
        let fallback = profile.fallback();
        if let Some(action) = fallback.action
            && !actions.has(action)
        {
            actions.0.push(action);
        }
        let sends_text = profile.clicks().iter().any(|click| click.command == Command::SendTextMessage).then(|| {
            listen(Event::OpenChat.sdk_name(), None, Call { handler: CHAT_OPENED, name: None, shape: None });
            listen(Event::CloseChat.sdk_name(), None, Call { handler: CHAT_CLOSED, name: None, shape: None });
            SendsText {
                open: Command::ChatOpen,
                send: Command::SendTextMessage,
                opened: CHAT_OPENED,
                closed: CHAT_CLOSED,
            }
        });
        let helpers = Helpers {
            once: once_used,
            actions,
            handlers: Action::ALL.iter().map(|action| (action.word().to_string(), json!(action.handler()))).collect(),
            show_unread: SHOW_UNREAD,
            shapes,
        };
        let final_commands: Vec<_> =
            profile.open_on_load().then(|| vec![json!(Command::ChatOpen)]).into_iter().collect();
        let clicks: Vec<_> = profile
            .clicks()
            .iter()
            .map(|click| Click {
                selector: &click.selector,
                command: click.command,
                prevent: click.command != Command::ClearUser,
                text: click.text.as_deref(),
            })
            .collect();
        let pages = profile.pages();
        let pages = (!pages.skip.is_empty() || !pages.open.is_empty()).then_some(pages);
        let consent = profile.consent().map(|consent| {
            let manager = CONSENT_MANAGERS.iter().find(|m| m.cmp == consent.cmp).expect("every manager has a row");
            ConsentContext { partial: manager.partial, asks: manager.asks, category: consent.category.as_deref() }
        });
        let gate = (pages.is_some() || consent.is_some()).then_some(Gate { pages, consent });
        // Opening an `open` path, and withdrawal's chatClose and clearUser, are sent too.
        let sends = !clicks.is_empty() || from_page.is_some() || gate.is_some();
        let queue_commands = script_url.is_some() && sends;
        Context {
            version: env!("CARGO_PKG_VERSION"),
            tt_warning: format!(
                "ssq-gen: this page requires Trusted Types and its policy does not allow the chat's loader: add `{}` to its Content-Security-Policy (`ssq-gen csp --trusted-types{}`)",
                csp::trusted_types_directive(Some(profile)),
                if profile.trusted_types_default() { " PROFILE" } else { "" }
            ),
            sdk: sdk_words(),
            load: LoadContext { partial: load_partial(profile.load()) },
            sends,
            queue_commands,
            clicks,
            from_page,
            badge: profile.badge_selector(),
            uses_ssc: license.is_some() || !settings.is_empty(),
            media: settings.iter().any(|setting| setting.on.is_some()),
            settings,
            loader: LoaderContext {
                partial: if license.is_some() { "loader/license.js.j2" } else { "loader/script_url.js.j2" },
                src: script_url.unwrap_or(INSTALL_JS_URL),
                policy: csp::TRUSTED_TYPES_POLICY,
                license,
                script_url,
                install_url: INSTALL_JS_URL,
                default_policy: profile.trusted_types_default().then(|| DefaultPolicy {
                    name: csp::DEFAULT_POLICY,
                    origins: csp::vendor_origins(profile).iter().map(|origin| origin.to_ascii_lowercase()).collect(),
                    warning: format!(
                        "ssq-gen: this page's Content-Security-Policy does not allow a `default` Trusted Types policy, which the chat's own scripts need: add `{}` to it (`ssq-gen csp --trusted-types PROFILE`)",
                        csp::trusted_types_directive(Some(profile))
                    ),
                }),
            },
            commands,
            listeners,
            final_commands,
            sends_text,
            helpers,
            gate,
            fallback: FallbackContext {
                selector: fallback.selector.as_deref(),
                action: fallback.action.map(Action::handler),
                timeout_ms: fallback.timeout_ms,
                ready: WIDGET_READY,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_keys_are_set_login_infos_in_its_order() {
        use crate::profile::{LoginFields, LoginInfo};
        let fields = LoginFields {
            language: Some(String::new()),
            phone: Some(String::new()),
            email: Some(String::new()),
            description: Some(String::new()),
            label_names: Some(Vec::new()),
            custom_fields_ext: Some(serde_json::Map::new()),
            phone_format: PhoneFormat::E164,
        };
        let info = LoginInfo { user_id: String::new(), user_name: String::new(), fields };
        let serialized = serde_json::to_value(info).unwrap();
        let names: Vec<_> = serialized.as_object().unwrap().keys().cloned().collect();
        assert_eq!(names, LOGIN_KEYS.map(|key| key.name));
        for (i, key) in LOGIN_KEYS.iter().enumerate() {
            let is_text =
                matches!(key.kind, crate::profile::schema::Kind::Text | crate::profile::schema::Kind::MultilineText);
            assert_eq!(is_text, i < TEXT_KEYS, "{}", key.name);
        }
    }

    #[test]
    fn every_consent_manager_has_one_row_and_an_embedded_partial() {
        for &cmp in Cmp::ALL {
            let rows: Vec<_> = CONSENT_MANAGERS.iter().filter(|m| m.cmp == cmp).collect();
            assert_eq!(rows.len(), 1, "{cmp:?}");
            assert!(TEMPLATES.iter().any(|(name, _)| *name == rows[0].partial), "{cmp:?}'s partial is not embedded");
        }
        for &load in Load::ALL {
            assert!(TEMPLATES.iter().any(|(name, _)| *name == load_partial(load)), "{load:?}");
        }
    }

    #[test]
    fn every_embedded_template_parses() {
        for (name, _) in TEMPLATES {
            if let Err(err) = environment().get_template(name) {
                panic!("{name}: {err:#}");
            }
        }
    }
}
