//! The profile's shape: every section and key, its type and its documentation. The parser's
//! unknown-key and type checks, the did-you-mean suggestions and the README's profile reference all
//! read this one table.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text: control characters are refused.
    Text,
    /// Free text: line breaks and tabs allowed, other control characters refused.
    MultilineText,
    Bool,
    TextList,
    /// A CSS selector (one line of text, checked against the selector grammar).
    Selector,
    SelectorList,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// Some of a fixed set of words, each once, in the profile's order.
    ChoiceList(&'static [&'static str]),
    /// `true`, `false`, or one of a fixed set of words.
    BoolOrChoice(&'static [&'static str]),
    /// A whole or fractional number of seconds, from `min` to `max`.
    Seconds {
        min: u32,
        max: u32,
    },
    /// An event's actions: one word, a list of words (each once, in order), or a table
    /// `{actions = [...], once = true}` (the first time on the page only).
    Actions(&'static [&'static str]),
    /// A table from CSS selectors to free texts (line breaks allowed), each at most `max_chars`
    /// characters long.
    SelectorTexts {
        max_chars: usize,
    },
    /// Whole numbers from `min` to `max`, each once (TCF purpose ids).
    Numbers {
        min: u32,
        max: u32,
    },
    /// Codes of rules that can be ignored (warnings), each once.
    RuleCodes,
    /// URL path patterns: `/checkout/**`, `/help/*`.
    PathPatterns,
    /// A table from custom-field id to a string, a number, or an array of strings (select-type
    /// fields): `setLoginInfo`'s `custom_fields_ext`.
    CustomFields,
}

impl Kind {
    pub fn expected(&self) -> &'static str {
        match self {
            Kind::Text | Kind::MultilineText | Kind::Choice(_) => "a string",
            Kind::Selector => "a string (a CSS selector)",
            Kind::Bool => "a boolean (true or false)",
            Kind::TextList => "an array of strings",
            Kind::SelectorList => "an array of strings (CSS selectors)",
            Kind::CustomFields => "a table of strings, numbers and arrays of strings",
            Kind::ChoiceList(_) => "an array of strings",
            Kind::Actions(_) => "an action, an array of actions, or a table with `actions` and `once`",
            Kind::Seconds { .. } => "a number of seconds",
            Kind::Numbers { .. } => "an array of whole numbers",
            Kind::BoolOrChoice(_) => "a boolean (true or false) or a string",
            Kind::SelectorTexts { .. } => "a table from CSS selectors to strings",
            Kind::RuleCodes => "an array of strings (rule codes)",
            Kind::PathPatterns => "an array of strings (URL path patterns)",
        }
    }
}

/// An example value, for the starter profile and the JSON Schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// A value each site must replace with its own (a project, a visitor): `init` writes it and
    /// rule SSQ009 warns when it is left in.
    Placeholder(&'static str),
    Text(&'static str),
    Bool(bool),
    List(&'static [&'static str]),
    /// Any other value, as JSON text.
    Json(&'static str),
}

impl Example {
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Example::Placeholder(text) | Example::Text(text) => text.into(),
            Example::Bool(b) => b.into(),
            Example::List(items) => items.iter().copied().collect(),
            Example::Json(text) => serde_json::from_str(text).expect("schema examples are JSON (checked by tests)"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub doc: &'static str,
    pub example: Example,
    /// Whether `ssq-gen init` writes the key active (or as a comment to uncomment).
    pub in_starter: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Section {
    pub name: &'static str,
    pub doc: &'static str,
    pub keys: &'static [&'static Key],
}

impl Section {
    pub fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().copied().find(|key| key.name == name)
    }
}

impl Key {
    pub(crate) const fn new(
        name: &'static str,
        kind: Kind,
        doc: &'static str,
        example: Example,
        in_starter: bool,
    ) -> Key {
        Key { name, kind, doc, example, in_starter }
    }

    /// The section the key belongs to.
    pub fn section(&'static self) -> &'static Section {
        SECTIONS
            .iter()
            .find(|section| section.keys.iter().any(|key| std::ptr::eq(*key, self)))
            .expect("every key is in a section")
    }

    /// `login.user_id`.
    pub fn path(&'static self) -> String {
        format!("{}.{}", self.section().name, self.name)
    }
}

/// The keys of an event's table form: `on_send_message = { actions = ["gtag"], once = true }`.
pub const ACTIONS_KEY: &str = "actions";
pub const ONCE_KEY: &str = "once";

/// A JSON profile may name its JSON Schema for editors; the key is accepted and ignored.
pub const SCHEMA_KEY: &str = "$schema";

/// Every key, by name: rules name the keys they read as `key::PHONE`, so a typo does not compile.
pub mod key {
    use super::Example::{Bool, Json, List, Placeholder, Text};
    use super::*;
    use crate::sdk::{Action, Cmp, IconDevices, Load, PhoneFormat, Upload, Word};

    pub static SCRIPT_URL: Key = Key::new(
        "script_url",
        Kind::Text,
        "The project script's URL, `https://plugin-code.salesmartly.com/js/project_<project>_<channel>_<timestamp>.js`. It is inserted asynchronously.",
        Placeholder("https://plugin-code.salesmartly.com/js/project_000000_000000_0000000000.js"),
        true,
    );
    pub static LICENSE: Key = Key::new(
        "license",
        Kind::Text,
        "The inline install code's license key (4–32 letters and digits, e.g. `g1vfb1b`). The snippet then carries the install code itself.",
        Placeholder("0000000"),
        false,
    );
    pub static LOAD: Key = Key::new(
        "load",
        Kind::Choice(Load::WORDS),
        "When the widget loads: `immediate` (default), `idle` (when the browser is idle), or `interaction` (no request to SaleSmartly until the visitor first clicks, types, touches or turns the mouse wheel; scrolling alone does not count, since pages scroll by themselves).",
        Text("immediate"),
        false,
    );
    pub static FROM_PAGE: Key = Key::new(
        "from_page",
        Kind::Bool,
        "`true`: each visitor's values come from the page, written by the site's own templates with the fragment `ssq-gen login-data ENGINE` prints. The block is then the same for every visitor. `user_id` and `user_name` then come from the page: remove them here. The other keys set here are defaults that the page's values replace.",
        Bool(true),
        false,
    );
    pub static TRUSTED_TYPES_DEFAULT: Key = Key::new(
        "trusted_types_default",
        Kind::Bool,
        "For pages whose CSP has `require-trusted-types-for 'script'`. `true`: the block creates the page's `default` Trusted Types policy, unless the page has one, accepting script URLs on SaleSmartly's hosts and nothing else, so that the vendor's own scripts, which assign URLs as strings, can load theirs. The page's CSP then lists it: `trusted-types ssq-gen default` (`ssq-gen csp --trusted-types PROFILE`).",
        Bool(true),
        false,
    );
    pub static USER_ID: Key = Key::new(
        "user_id",
        Kind::Text,
        "Required (unless `from_page`). The site's encrypted or hashed user id, never a raw email, phone number or database id.",
        Placeholder("replace-with-the-hashed-user-id"),
        false,
    );
    pub static USER_NAME: Key = Key::new(
        "user_name",
        Kind::Text,
        "Required (unless `from_page`). The name agents see.",
        Placeholder("Replace Me"),
        false,
    );
    pub static LANGUAGE: Key = Key::new(
        "language",
        Kind::Text,
        "The plugin's language, a BCP 47 tag such as `ru-RU`. Tags outside the widget's list fall back to English.",
        Text("en-US"),
        false,
    );
    pub static PHONE: Key = Key::new(
        "phone",
        Kind::Text,
        "Phone number with its country calling code, e.g. `+86 159 2014 1234`. Sent in E.164 form (`+8615920141234`).",
        Placeholder("+44 20 7946 0000"),
        false,
    );
    pub static EMAIL: Key = Key::new("email", Kind::Text, "Email address.", Placeholder("visitor@example.com"), false);
    pub static DESCRIPTION: Key = Key::new(
        "description",
        Kind::MultilineText,
        "Free text for agents; line breaks are kept.",
        Text("Plan B\nDesktop client"),
        false,
    );
    pub static LABEL_NAMES: Key = Key::new(
        "label_names",
        Kind::TextList,
        "Tags that already exist in the SaleSmartly project; they replace the visitor's tags.",
        List(&["vip", "trial"]),
        false,
    );
    pub static CUSTOM_FIELDS_EXT: Key = Key::new(
        "custom_fields_ext",
        Kind::CustomFields,
        "The project's custom fields, by custom-field id: a string, a number (one a JavaScript double holds exactly; write a longer one as a string), or an array of strings for a select-type field. With `from_page`, the page's fields are added to these, and replace those of the same id.",
        Json(r#"{"10001": "gold", "10002": 12, "10003": ["shoes", "bags"]}"#),
        false,
    );
    pub static PHONE_REGION: Key = Key::new(
        "phone_region",
        Kind::Text,
        "ISO 3166 alpha-2 region (e.g. `GB`) used to read a `phone` written without its calling code. Not sent.",
        Text("GB"),
        false,
    );
    pub static PHONE_FORMAT: Key = Key::new(
        "phone_format",
        Kind::Choice(PhoneFormat::WORDS),
        "`e164` (default, `+8615920141234`) or `digits` (`8615920141234`, the vendor page's own example form); also applied to a phone from the page. Not sent.",
        Text("e164"),
        false,
    );
    pub static HIDE_ICON: Key = Key::new(
        "hide_icon",
        Kind::BoolOrChoice(IconDevices::WORDS),
        "Sets `window.__ssc.setting.hideIcon` before the widget starts: `true` hides the vendor's launcher icon, `\"mobile\"` hides it where `(max-width: 767px)` matches when the block starts (phones), `\"desktop\"` everywhere else. The widget reads it once, at start: rotating a tablet afterwards changes nothing.",
        Bool(false),
        true,
    );
    pub static OPEN_ON_LOAD: Key = Key::new(
        "open_on_load",
        Kind::Bool,
        "`true` opens the chat window once the widget is set up (`ssq.push('chatOpen')`).",
        Bool(false),
        true,
    );
    pub static FORWARD_CONTENT: Key = Key::new(
        "forward_content",
        Kind::Bool,
        "`true` sends the message and window events' whole payload to `datalayer` and `gtag`, the text of visitors' messages and the unread list included. By default they get only the unread count and the message type: chat content holds names, emails and order numbers, and Google's terms forbid personal data in Analytics and Tag Manager. `console` always logs the whole payload (it stays in the browser).",
        Bool(false),
        false,
    );
    pub static HIDE_UPLOAD: Key = Key::new(
        "hide_upload",
        Kind::ChoiceList(Upload::WORDS),
        "Upload buttons to hide in the chat window: any of `img`, `video` and `document`, each once (`ssq.push('hideUpload', [...])`, in this order).",
        List(&["img", "video"]),
        false,
    );
    pub static HIDE_CLOSE_ICON: Key = Key::new(
        "hide_close_icon",
        Kind::Bool,
        "`true` hides the close button of the chat window (`ssq.push('hideCloseIcon')`). With `hide_icon`, keep a launcher or a trigger that opens the chat.",
        Bool(true),
        false,
    );
    pub static OPEN_SELECTOR: Key = Key::new(
        "open_selector",
        Kind::Selector,
        "Clicking an element matching this CSS selector opens the chat (`chatOpen`), loading the widget first if it is deferred.",
        Text("#help-btn"),
        false,
    );
    pub static PAGE_EVENTS: Key = Key::new(
        "page_events",
        Kind::Bool,
        "The page's own code opens, closes and sends as a click would (consent, `[pages]` and `load` apply): `ssq:open`, `ssq:close`, and `ssq:send` with `detail.text`, dispatched on `document`. For single-page apps (React, Vue); `--format next` turns it on for its helpers.",
        Bool(true),
        false,
    );
    pub static BADGE_SELECTOR: Key = Key::new(
        "badge_selector",
        Kind::Selector,
        "The element matching this selector shows the unread count (`onUnRead`'s `num`); at 0 it is emptied and gets the `hidden` attribute.",
        Text("#help-badge"),
        false,
    );
    pub static OPEN_ON_CLICK: Key = Key::new(
        "open_on_click",
        Kind::SelectorList,
        "Selectors whose click opens the chat (`chatOpen`), e.g. a \"contact support\" link after a failed payment.",
        List(&[".contact-support", "#payment-failed a"]),
        false,
    );
    pub static CLOSE_ON_CLICK: Key = Key::new(
        "close_on_click",
        Kind::SelectorList,
        "Selectors whose click closes the chat (`chatClose`).",
        List(&[".close-chat"]),
        false,
    );
    pub static SEND_ON_CLICK: Key = Key::new(
        "send_on_click",
        Kind::SelectorTexts { max_chars: 1000 },
        "A click on an element matching the selector opens the chat and, once its window is open, sends the text as the visitor (`sendTextMessage`). A text is at most 1,000 characters; line breaks are kept.",
        Json(r##"{"#ask-size": "Which size fits me?", ".ask-shipping": "When will my order arrive?"}"##),
        false,
    );
    pub static SKIP: Key = Key::new(
        "skip",
        Kind::PathPatterns,
        "Paths where nothing runs: no request to SaleSmartly, no listener, no click handling (checkout, admin). A pattern is a URL path: it starts with `/`, `*` matches within one segment, `**` any run of segments (none too: `/admin/**` covers `/admin`); the query and fragment are ignored. A single-page app arriving here closes the chat and makes the launcher and triggers inert.",
        List(&["/checkout/**", "/admin/**"]),
        false,
    );
    pub static OPEN: Key = Key::new(
        "open",
        Kind::PathPatterns,
        "Paths where arriving opens the chat (`chatOpen` once the widget is up), in every `load` mode (with `interaction`, the widget loads at once there); single-page-app route changes count, once per arrival.",
        List(&["/pricing", "/help/*"]),
        false,
    );
    pub static CMP: Key = Key::new(
        "cmp",
        Kind::Choice(Cmp::WORDS),
        "Whose consent the block waits for: `event` (the site's own `ssq:consent` / `ssq:consent-withdrawn` events on `document`, or `window.ssqConsent = true`), `cookieconsent` (vanilla-cookieconsent v3), `klaro`, `cookiebot`, `onetrust`, `consent-mode` (Google Consent Mode v2, read from `window.dataLayer`), `cookieyes`, `complianz`, `wp-consent-api` (WordPress's Consent API), `tcf` (an IAB TCF v2.2 CMP, by `purposes`), `didomi`, `shopify` (its Customer Privacy API), `usercentrics` (v3 or v2) or `iubenda`. Until consent: no request to SaleSmartly, no cookie or storage written, and a launcher or trigger click dispatches `ssq:consent-needed` on `document`.",
        Text("cookieconsent"),
        false,
    );
    pub static CATEGORY: Key = Key::new(
        "category",
        Kind::Text,
        "The consent manager's category, service or group the widget belongs to: a vanilla-cookieconsent category, a Klaro service name, a Cookiebot category (`preferences`, `statistics`, `marketing`), a OneTrust group id (`C0003`), a CookieYes category (`functional`), a Complianz or WP Consent API category (`preferences`), a Didomi vendor id (`c:salesmartly`) or purpose id, Shopify's `preferences` (the default), `analytics` or `marketing`, a Usercentrics service's name or id, an iubenda purpose id (`3`, the default for `iubenda`), a Consent Mode v2 type (`functionality_storage`, the default for `consent-mode`; `personalization_storage`, `analytics_storage`, `ad_storage`, `ad_user_data`, `ad_personalization`, `security_storage`). Required for every other `cmp` but `event`, `tcf`, `shopify` and `iubenda`.",
        Text("functionality"),
        false,
    );
    pub static PURPOSES: Key = Key::new(
        "purposes",
        Kind::Numbers { min: 1, max: 11 },
        "For `cmp = \"tcf\"`: the IAB TCF purpose ids that must all have the visitor's consent, from 1 to 11; default `[1]`, \"Store and/or access information on a device\". SaleSmartly is not a registered TCF vendor, so consent is by purpose.",
        Json("[1]"),
        false,
    );
    pub static IGNORE: Key = Key::new(
        "ignore",
        Kind::RuleCodes,
        "Warnings not to report for this profile, by code or name (`SSQ104` or `script-url-shape` for a self-hosted `script_url`): they are then not shown and do not fail `--deny-warnings`. Errors cannot be ignored. Nothing of `[lint]` reaches the page.",
        List(&["SSQ104"]),
        false,
    );
    pub static FALLBACK_SELECTOR: Key = Key::new(
        "selector",
        Kind::Selector,
        "The site's own way to reach it (an email link, a phone number), revealed (its `hidden` attribute removed) when the chat cannot load.",
        Text("#chat-fallback"),
        false,
    );
    pub static FALLBACK_TIMEOUT: Key = Key::new(
        "timeout",
        Kind::Seconds { min: 1, max: 120 },
        "Seconds from the start of loading to the widget's `onReady` before the chat counts as unavailable (`timeout`); 1 to 120, default 10. A widget ready later still works.",
        Json("10"),
        false,
    );
    pub static FALLBACK_ACTION: Key = Key::new(
        "action",
        Kind::Choice(Action::WORDS),
        "Also report it: `console`, `datalayer` or `gtag` get the event `ssq_unavailable` with `{reason}`.",
        Text("datalayer"),
        false,
    );
    pub static CLEAR_USER_ON_CLICK: Key = Key::new(
        "clear_user_on_click",
        Kind::SelectorList,
        "Selectors whose click forgets the visitor (`clearUser`): logout without a page load.",
        List(&["#logout"]),
        false,
    );
}

/// `[events]`' listener keys, one per SDK event, in [`Event::ALL`](crate::sdk::Event::ALL)'s order,
/// built from the SDK's own table ([`crate::sdk::EVENT_DOCS`]).
pub static EVENT_KEYS: [Key; crate::sdk::Event::ALL.len()] = {
    use crate::sdk::{Action, EVENT_DOCS, Word};
    let mut keys = [Key::new("", Kind::Bool, "", Example::Bool(false), false); EVENT_DOCS.len()];
    let mut i = 0;
    while i < EVENT_DOCS.len() {
        let event = EVENT_DOCS[i];
        keys[i] = Key::new(
            event.key,
            Kind::Actions(Action::WORDS),
            event.doc,
            Example::Json(event.example),
            event.in_starter,
        );
        i += 1;
    }
    keys
};

/// The `[events]` key of `event`'s listener.
pub fn event_key(event: crate::sdk::Event) -> &'static Key {
    &EVENT_KEYS[event as usize]
}

/// Keys of which a section takes one at most (`[loader]`'s two install forms, SSQ101).
pub static ONE_OF: &[[&Key; 2]] = &[[&key::SCRIPT_URL, &key::LICENSE]];

/// The key that excludes `key` when it is set, if any.
pub fn excluded_by(key: &Key) -> Option<&'static Key> {
    ONE_OF.iter().find_map(|[a, b]| match (std::ptr::eq(*a, key), std::ptr::eq(*b, key)) {
        (true, _) => Some(*b),
        (_, true) => Some(*a),
        _ => None,
    })
}

/// Every section, by name.
pub mod section {
    use super::*;
    use crate::sdk::Event;

    pub static LOADER: Section = Section {
        name: "loader",
        doc: "How the plugin is loaded: exactly one of the two install forms the SaleSmartly dashboard hands out.",
        keys: &[&key::SCRIPT_URL, &key::LICENSE, &key::LOAD, &key::TRUSTED_TYPES_DEFAULT],
    };
    pub static LOGIN: Section = Section {
        name: "login",
        doc: "Optional: identifies a signed-in visitor through `ssq.push('setLoginInfo', {...})`. Leave it out for anonymous visitors; on a site with accounts, set `from_page = true`.",
        keys: &[
            &key::FROM_PAGE,
            &key::USER_ID,
            &key::USER_NAME,
            &key::LANGUAGE,
            &key::PHONE,
            &key::EMAIL,
            &key::DESCRIPTION,
            &key::LABEL_NAMES,
            &key::CUSTOM_FIELDS_EXT,
            &key::PHONE_REGION,
            &key::PHONE_FORMAT,
        ],
    };
    pub static WIDGET: Section = Section {
        name: "widget",
        doc: "Widget settings.",
        keys: &[&key::HIDE_ICON, &key::OPEN_ON_LOAD, &key::HIDE_UPLOAD, &key::HIDE_CLOSE_ICON],
    };
    pub static EVENTS: Section = Section {
        name: "events",
        doc: "Listeners to register. Each value is an action (`on_unread = \"datalayer\"`), several in the order they run (`[\"datalayer\", \"console\"]`), or a table whose `once = true` runs them the first time the event fires on the page only (`{ actions = [\"gtag\"], once = true }`; a single-page app's route change is not a new page). `console` logs the event with its payload, `datalayer` pushes `{event: \"ssq_<name>\", …}` onto `window.dataLayer`, `gtag` calls `gtag('event', 'ssq_<name>', {…})` when gtag is on the page. What analytics get is each key's own: for messages `num` and `message_type`, for lead forms `form_type`, for the rest `{}`. They get no chat content unless `forward_content = true`, and never what a visitor typed into a lead form.",
        keys: &EVENTS_KEYS,
    };
    /// A listener key per SDK event ([`super::EVENT_KEYS`]), then `forward_content`.
    static EVENTS_KEYS: [&Key; Event::ALL.len() + 1] = {
        let mut keys = [&key::FORWARD_CONTENT; Event::ALL.len() + 1];
        let mut i = 0;
        while i < Event::ALL.len() {
            keys[i] = &EVENT_KEYS[i];
            i += 1;
        }
        keys
    };
    pub static LAUNCHER: Section = Section {
        name: "launcher",
        doc: "The site's own chat button, replacing the vendor's icon (set `widget.hide_icon = true`).",
        keys: &[&key::OPEN_SELECTOR, &key::BADGE_SELECTOR, &key::PAGE_EVENTS],
    };
    pub static TRIGGERS: Section = Section {
        name: "triggers",
        doc: "Elements that drive the chat when clicked; elements added later count, and so do clicks inside them.",
        keys: &[&key::OPEN_ON_CLICK, &key::CLOSE_ON_CLICK, &key::SEND_ON_CLICK, &key::CLEAR_USER_ON_CLICK],
    };
    pub static PAGES: Section = Section {
        name: "pages",
        doc: "Which pages run the widget: paths where nothing loads, and paths where arriving opens the chat, single-page-app routes included.",
        keys: &[&key::SKIP, &key::OPEN],
    };
    pub static CONSENT: Section = Section {
        name: "consent",
        doc: "Nothing before the visitor's consent: no request to SaleSmartly and no cookie or storage until the consent manager says yes; withdrawal closes the chat and forgets the visitor.",
        keys: &[&key::CMP, &key::CATEGORY, &key::PURPOSES],
    };
    pub static FALLBACK: Section = Section {
        name: "fallback",
        doc: "When the chat cannot load (a content blocker, a network or server error, a widget that never reports ready), the block dispatches `ssq:unavailable` on `document` with `detail.reason` (`error`, `incomplete` or `timeout`), once per page, whether or not this section is set. Here: an element to reveal, the timeout, and an analytics action.",
        keys: &[&key::FALLBACK_SELECTOR, &key::FALLBACK_TIMEOUT, &key::FALLBACK_ACTION],
    };
    pub static LINT: Section = Section {
        name: "lint",
        doc: "How `ssq-gen lint` and `snippet` treat this profile's findings.",
        keys: &[&key::IGNORE],
    };
}

/// The sections in profile order.
pub static SECTIONS: &[&Section] = &[
    &section::LOADER,
    &section::LOGIN,
    &section::WIDGET,
    &section::EVENTS,
    &section::LAUNCHER,
    &section::TRIGGERS,
    &section::PAGES,
    &section::CONSENT,
    &section::FALLBACK,
    &section::LINT,
];

pub fn section(name: &str) -> Option<&'static Section> {
    SECTIONS.iter().copied().find(|section| section.name == name)
}

/// The profile's JSON Schema (draft 2020-12), from [`SECTIONS`]: what editors use to complete and
/// check profiles. Rules beyond types (phone validity, languages, …) are ssq-gen's alone.
pub fn json_schema() -> serde_json::Value {
    use crate::sdk::{Cmp, Word};
    use serde_json::{Map, Value, json};
    let key_schema = |key: &Key| {
        let mut schema = match key.kind {
            Kind::Text | Kind::MultilineText | Kind::Selector => json!({"type": "string"}),
            Kind::Bool => json!({"type": "boolean"}),
            Kind::TextList | Kind::SelectorList => json!({"type": "array", "items": {"type": "string"}}),
            Kind::Choice(words) => json!({"type": "string", "enum": words}),
            Kind::Seconds { min, max } => json!({"type": "number", "minimum": min, "maximum": max}),
            Kind::Numbers { min, max } => json!({
                "type": "array", "items": {"type": "integer", "minimum": min, "maximum": max}, "uniqueItems": true,
            }),
            Kind::BoolOrChoice(words) => json!({"anyOf": [{"type": "boolean"}, {"type": "string", "enum": words}]}),
            Kind::Actions(words) => {
                let list = json!({"type": "array", "items": {"type": "string", "enum": words}, "minItems": 1, "uniqueItems": true});
                json!({"anyOf": [
                    {"type": "string", "enum": words},
                    list,
                    {"type": "object", "properties": {
                        ACTIONS_KEY: {"anyOf": [{"type": "string", "enum": words}, list]},
                        ONCE_KEY: {"type": "boolean", "description": "`true`: only the first time the event fires on the page (a page load; a single-page app's route change is not one)."},
                    }, "required": [ACTIONS_KEY], "additionalProperties": false},
                ]})
            }
            Kind::ChoiceList(words) => {
                json!({"type": "array", "items": {"type": "string", "enum": words}, "uniqueItems": true})
            }
            Kind::SelectorTexts { max_chars } => json!({"type": "object", "additionalProperties": {
                "type": "string", "minLength": 1, "maxLength": max_chars,
            }}),
            Kind::PathPatterns => json!({"type": "array", "items": {"type": "string", "pattern": "^/[^?#]*$"}}),
            Kind::RuleCodes => {
                // A warning by its code or its name (ssq-gen also takes a code in any case).
                let warnings = crate::diagnostics::registry::RULES
                    .iter()
                    .filter(|rule| rule.severity == crate::diagnostics::Severity::Warning);
                let words: Vec<_> = warnings.flat_map(|rule| [rule.code, rule.name]).collect();
                json!({"type": "array", "items": {"type": "string", "enum": words}, "uniqueItems": true})
            }
            Kind::CustomFields => json!({"type": "object", "additionalProperties": {"anyOf": [
                {"type": "string"},
                {"type": "number"},
                {"type": "array", "items": {"type": "string"}},
            ]}}),
        };
        schema["description"] = key.doc.into();
        schema["examples"] = json!([key.example.to_json()]);
        schema
    };
    let mut properties = Map::new();
    properties.insert(SCHEMA_KEY.into(), json!({"type": "string", "description": "The JSON Schema this profile follows (for editors; ignored by ssq-gen)."}));
    for section in SECTIONS {
        let keys: Map<String, Value> = section.keys.iter().map(|key| (key.name.to_string(), key_schema(key))).collect();
        let mut schema =
            json!({"type": "object", "description": section.doc, "properties": keys, "additionalProperties": false});
        if std::ptr::eq(*section, &section::LOADER) {
            schema["oneOf"] = json!([{"required": [key::SCRIPT_URL.name]}, {"required": [key::LICENSE.name]}]);
        } else if std::ptr::eq(*section, &section::LOGIN) {
            // `from_page`: the visitor comes from the page, and may not be fixed here.
            let identity = json!([key::USER_ID.name, key::USER_NAME.name]);
            schema["if"] =
                json!({"properties": {key::FROM_PAGE.name: {"const": true}}, "required": [key::FROM_PAGE.name]});
            schema["then"] = json!({"not": {"anyOf": [{"required": [identity[0]]}, {"required": [identity[1]]}]}});
            schema["else"] = json!({"required": identity});
        } else if std::ptr::eq(*section, &section::CONSENT) {
            // A manager with a closed set of categories (Consent Mode's types, Shopify's answers):
            // an editor completes and checks `category` against it.
            let closed = Cmp::ALL.iter().filter_map(|cmp| {
                let (known, default) = cmp.categories()?;
                Some(json!({
                    "if": {"properties": {key::CMP.name: {"const": cmp.word()}}, "required": [key::CMP.name]},
                    "then": {"properties": {key::CATEGORY.name: {"enum": known, "default": default}}},
                }))
            });
            schema["allOf"] = Value::Array(closed.collect());
        }
        properties.insert(section.name.to_string(), schema);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://raw.githubusercontent.com/ssq-gen/ssq-gen/main/ssq-gen.schema.json",
        "title": "ssq-gen profile",
        "description": "A SaleSmartly chat plugin profile for ssq-gen.",
        "type": "object",
        "properties": properties,
        "required": ["loader"],
        "additionalProperties": false,
    })
}
