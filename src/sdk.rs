//! The SaleSmartly SDK's vocabulary, each word declared once: the events a listener hears, the
//! commands ssq-gen pushes, the settings it writes, and the profile's own choices (actions, load
//! modes, phone formats). The profile schema's keys and word lists, the parser, the renderer's
//! context and the tests' lists are all read from here.
//!
//! Adding an SDK event is one row in [`events!`]'s table below, with its documentation.
//!
//! A leaf: it imports nothing of the crate. The profile's schema builds its keys from these words.

/// A closed set of words: one Rust value per word, and back.
pub trait Word: Copy + Eq + 'static {
    const ALL: &'static [Self];
    /// The words, in declaration order: what the schema accepts and the README lists.
    const WORDS: &'static [&'static str];
    fn word(self) -> &'static str;
    fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.word() == word)
    }
}

/// Declares an enum whose variants are words, with [`Word`] and a `Serialize` that writes the word.
macro_rules! words {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl Word for $name {
            const ALL: &'static [$name] = &[$($name::$variant,)+];
            const WORDS: &'static [&'static str] = &[$($word,)+];
            fn word(self) -> &'static str {
                match self { $($name::$variant => $word,)+ }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.word())
            }
        }
    };
}

/// One value of a [`Word`] set, as a template sees it: `{word: true}` for the value and `false`
/// for every other word, so that `{% if load.idle %}` is checked (a misspelt word is an undefined
/// name, which the renderer refuses) instead of compared as a string.
#[derive(Clone, Copy, Debug)]
pub struct Is<T>(pub T);

impl<T: Word> serde::Serialize for Is<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(T::ALL.len()))?;
        for &value in T::ALL {
            map.serialize_entry(value.word(), &(value == self.0))?;
        }
        map.end()
    }
}

/// A subset of a [`Word`] set, as a template sees it: `{word: bool}` for every word.
#[derive(Clone, Debug)]
pub struct Used<T>(pub Vec<T>);

impl<T: Word> Used<T> {
    pub fn has(&self, value: T) -> bool {
        self.0.contains(&value)
    }
}

impl<T> Default for Used<T> {
    fn default() -> Self {
        Used(Vec::new())
    }
}

impl<T: Word> serde::Serialize for Used<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(T::ALL.len()))?;
        for &value in T::ALL {
            map.serialize_entry(value.word(), &self.has(value))?;
        }
        map.end()
    }
}

words! {
    /// What a listener does with its event (`[events]`).
    pub enum Action {
        /// `console.log("ssq_<name>", payload)`.
        Console = "console",
        /// `window.dataLayer.push({event: "ssq_<name>", …})`.
        DataLayer = "datalayer",
        /// `gtag("event", "ssq_<name>", …)`, when gtag is on the page.
        Gtag = "gtag",
    }
}

impl Action {
    /// The block's function that performs the action: `handler(name, payload)`.
    pub fn handler(self) -> &'static str {
        match self {
            Action::Console => "toConsole",
            Action::DataLayer => "toDataLayer",
            Action::Gtag => "toGtag",
        }
    }

    /// Whether analytics (not the visitor's own console) get the payload.
    pub fn is_analytics(self) -> bool {
        self != Action::Console
    }
}

words! {
    /// When the widget's loader starts (`loader.load`).
    #[derive(Default)]
    pub enum Load {
        #[default]
        Immediate = "immediate",
        /// When the browser is idle (`requestIdleCallback`, or a timeout where it is missing).
        Idle = "idle",
        /// At the visitor's first pointer, key, touch or wheel input, or a launcher or trigger click.
        Interaction = "interaction",
    }
}

words! {
    /// How `setLoginInfo`'s phone is written (`login.phone_format`).
    #[derive(Default)]
    pub enum PhoneFormat {
        /// `+8615920141234`.
        #[default]
        E164 = "e164",
        /// `8615920141234`, the vendor page's own example form.
        Digits = "digits",
    }
}

words! {
    /// The SDK commands ssq-gen pushes: `ssq.push(command, …)`.
    pub enum Command {
        /// Identifies the visitor (section 2.1 of the vendor's page).
        SetLoginInfo = "setLoginInfo",
        /// Opens the chat window (2.3).
        ChatOpen = "chatOpen",
        /// Closes the chat window (2.4).
        ChatClose = "chatClose",
        /// Forgets the visitor (2.6).
        ClearUser = "clearUser",
        /// Hides upload buttons: `ssq.push("hideUpload", ["img", …])` (the vendor's demo
        /// `关闭上传.html`).
        HideUpload = "hideUpload",
        /// No close button in the chat window (the vendor's demo `隐藏聊天窗内关闭按钮.html`).
        HideCloseIcon = "hideCloseIcon",
        /// Sends a text as the visitor, once the chat window is open (the vendor's demo
        /// `index.html`).
        SendTextMessage = "sendTextMessage",
    }
}

words! {
    /// The chat window's upload buttons `hideUpload` can hide (`widget.hide_upload`).
    pub enum Upload {
        /// Images.
        Img = "img",
        Video = "video",
        /// Attachments.
        Document = "document",
    }
}

words! {
    /// The consent managers whose answer the block waits for (`consent.cmp`). Not the SDK's words,
    /// but the block's: each is read as its vendor documents it.
    pub enum Cmp {
        /// The site's own code: `ssq:consent` and `ssq:consent-withdrawn` events on `document`,
        /// or `window.ssqConsent = true` set before the block.
        Event = "event",
        /// orestbida's vanilla-cookieconsent v3.
        CookieConsent = "cookieconsent",
        Klaro = "klaro",
        Cookiebot = "cookiebot",
        OneTrust = "onetrust",
        /// Google Consent Mode v2: the `gtag('consent', 'default' | 'update', …)` calls the page's
        /// manager pushes onto `window.dataLayer`.
        ConsentMode = "consent-mode",
        /// CookieYes: `getCkyConsent()`.
        CookieYes = "cookieyes",
        /// Complianz (WordPress): `cmplz_has_consent()`.
        Complianz = "complianz",
        /// WordPress's Consent API: `wp_has_consent()`, which consent plugins answer.
        WpConsentApi = "wp-consent-api",
        /// An IAB TCF v2.2 CMP: `__tcfapi('addEventListener', 2, …)`, by purpose.
        Tcf = "tcf",
        /// Didomi's web SDK: a vendor id or a purpose id, in `getCurrentUserStatus()`.
        Didomi = "didomi",
        /// Shopify's Customer Privacy API, after `Shopify.loadFeatures`.
        Shopify = "shopify",
        /// Usercentrics (v3's `__ucCmp`, v2's `UC_UI`): a service, by name or id.
        Usercentrics = "usercentrics",
        /// iubenda's Cookie Solution: a purpose id, in `_iub.cs.api.getPreferences()`.
        Iubenda = "iubenda",
    }
}

impl Cmp {
    /// The categories the manager grants whatever the visitor chooses ("necessary"): a gate on
    /// one never waits. Each as its vendor documents it.
    pub fn always_granted(self) -> &'static [&'static str] {
        match self {
            Cmp::Cookiebot | Cmp::CookieYes => &["necessary"],
            // OneTrust's default id for its "Strictly Necessary Cookies" group.
            Cmp::OneTrust => &["C0001"],
            Cmp::Complianz | Cmp::WpConsentApi => &["functional"],
            // The site's own configuration says which are required.
            Cmp::Event | Cmp::CookieConsent | Cmp::Klaro | Cmp::ConsentMode | Cmp::Tcf | Cmp::Didomi => &[],
            // iubenda's purpose 1, "Strictly necessary".
            Cmp::Iubenda => &["1"],
            // Shopify's three answers can each be refused; a Usercentrics service is essential
            // or not by the site's own settings.
            Cmp::Shopify | Cmp::Usercentrics => &[],
        }
    }

    /// The only categories the manager knows, where it has a closed set, and the one a profile
    /// that names none gets.
    pub fn categories(self) -> Option<(&'static [&'static str], &'static str)> {
        match self {
            Cmp::ConsentMode => Some((ConsentType::WORDS, "functionality_storage")),
            // `customerPrivacy`'s `…ProcessingAllowed()` / `marketingAllowed()` answers.
            Cmp::Shopify => Some((&["preferences", "analytics", "marketing"], "preferences")),
            // iubenda's five purposes; a chat is "Experience" (3).
            Cmp::Iubenda => Some((&["1", "2", "3", "4", "5"], "3")),
            _ => None,
        }
    }
}

words! {
    /// Google Consent Mode v2's consent types, `category` for `cmp = "consent-mode"`
    /// (support.google.com/tagmanager/answer/13802165).
    pub enum ConsentType {
        AdStorage = "ad_storage",
        AdUserData = "ad_user_data",
        AdPersonalization = "ad_personalization",
        AnalyticsStorage = "analytics_storage",
        /// Storage for the site's functions, such as a chat: the default.
        FunctionalityStorage = "functionality_storage",
        PersonalizationStorage = "personalization_storage",
        SecurityStorage = "security_storage",
    }
}

words! {
    /// Where `widget.hide_icon` hides the vendor's icon, besides `true` (everywhere) and `false`.
    pub enum IconDevices {
        /// Phones: where `(max-width: 767px)` matches when the block starts.
        Mobile = "mobile",
        /// Everywhere else.
        Desktop = "desktop",
    }
}

words! {
    /// The widget's settings, `window.__ssc.setting.<word>`, read when it starts.
    pub enum Setting {
        /// `true` hides the vendor's launcher icon (2.2).
        HideIcon = "hideIcon",
    }
}

/// What an event's payload holds, which decides what each action gets of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payload {
    /// Messages and the unread count: analytics get `num` and the message `type`, or everything
    /// with `forward_content`; the console gets everything.
    Message,
    /// Nothing worth sending (`onReady`, a channel clicked): analytics get `{}`.
    Nothing,
    /// A lead form opened: `type` is `offline` or `survey`, sent as `form_type`.
    FormType,
    /// What a visitor typed into a lead form: personal data. Analytics get `form_type` at most,
    /// whatever `forward_content` says; the console gets the fields only with `forward_content`.
    PersonalData,
}

/// What the profile says of an event's listener: its key under `[events]` (`on_<name>`), its
/// documentation, and the starter profile's example action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventDoc {
    pub key: &'static str,
    pub doc: &'static str,
    /// The starter profile's example value, as JSON text: an action, a list, or a table.
    pub example: &'static str,
    /// Whether `ssq-gen init` writes the key active.
    pub in_starter: bool,
}

/// Declares the SDK's events: the [`Event`] enum, each event's SDK name, the name analytics see
/// (`ssq_<name>`) and its [`EventDoc`]. The key is `on_<name>`.
macro_rules! events {
    ($($variant:ident: $sdk:literal, $name:literal, $payload:ident, starter: $starter:literal, example: $example:literal, $doc:literal;)+) => {
        /// The SDK's listeners: sections 2.5 and 2.7–2.10 of the vendor's page, and those its web
        /// demos register.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Event { $($variant,)+ }

        impl Event {
            pub const ALL: &'static [Event] = &[$(Event::$variant,)+];

            /// The SDK's event name: `ssq.push("onUnRead", fn)`.
            pub fn sdk_name(self) -> &'static str {
                match self { $(Event::$variant => $sdk,)+ }
            }

            /// The name analytics see, after `ssq_`.
            pub fn name(self) -> &'static str {
                match self { $(Event::$variant => $name,)+ }
            }

            /// What its payload holds.
            pub fn payload(self) -> Payload {
                match self { $(Event::$variant => Payload::$payload,)+ }
            }

            /// What the profile says of its listener.
            pub const fn doc(self) -> &'static EventDoc {
                &EVENT_DOCS[self as usize]
            }
        }

        /// Each event's [`EventDoc`], in [`Event::ALL`]'s order.
        pub const EVENT_DOCS: [EventDoc; Event::ALL.len()] = [$(
            EventDoc { key: concat!("on_", $name), doc: $doc, example: $example, in_starter: $starter },
        )+];
    };
}

events! {
    Unread: "onUnRead", "unread", Message, starter: true, example: r#""datalayer""#,
        "`onUnRead`: unread messages changed; the payload has `num` and `list`.";
    SendMessage: "onSendMessage", "send_message", Message, starter: false, example: r#"{"actions": ["gtag"], "once": true}"#,
        "`onSendMessage`: the visitor sent a message.";
    ReceiveMessage: "onReceiveMessage", "receive_message", Message, starter: false, example: r#"["datalayer", "console"]"#,
        "`onReceiveMessage`: the visitor received a message.";
    OpenChat: "onOpenChat", "open_chat", Message, starter: true, example: r#""datalayer""#,
        "`onOpenChat`: the chat window opened.";
    CloseChat: "onCloseChat", "close_chat", Message, starter: false, example: r#""console""#,
        "`onCloseChat`: the chat window closed.";
    Ready: "onReady", "ready", Nothing, starter: false, example: r#""datalayer""#,
        "`onReady`: the widget's resources have loaded (the vendor's demo `监听插件资源加载完成.html`). It carries no payload, so analytics get `{}`.";
    OpenCollection: "onOpenCollection", "open_collection", FormType, starter: false, example: r#""datalayer""#,
        "`onOpenCollection`: a lead form opened, the offline message form or the pre-chat survey (the vendor's demo `index.html`). Analytics get `{form_type: \"offline\"}` or `{form_type: \"survey\"}`, and `{}` for any other type.";
    CollectionInfo: "onCollectionInfo", "collection_info", PersonalData, starter: false, example: r#""datalayer""#,
        "`onCollectionInfo`: the visitor submitted a lead form. What they typed is personal data: analytics get `form_type` at most, whatever `forward_content` says, and `console` logs the fields only with `forward_content = true`.";
    OpenWhatsapp: "onOpenWhatsapp", "open_whatsapp", Nothing, starter: false, example: r#""datalayer""#,
        "`onOpenWhatsapp`: the visitor chose WhatsApp instead of the chat. Analytics get `{}`.";
    OpenTelegram: "onOpenTelegram", "open_telegram", Nothing, starter: false, example: r#""datalayer""#,
        "`onOpenTelegram`: the visitor chose Telegram instead of the chat. Analytics get `{}`.";
    OpenLine: "onOpenLine", "open_line", Nothing, starter: false, example: r#""datalayer""#,
        "`onOpenLine`: the visitor chose LINE instead of the chat. Analytics get `{}`.";
    OpenMessenger: "onOpenMessenger", "open_messenger", Nothing, starter: false, example: r#""datalayer""#,
        "`onOpenMessenger`: the visitor chose Messenger instead of the chat. Analytics get `{}`.";
    OpenEmail: "onOpenEmail", "open_email", Nothing, starter: false, example: r#""datalayer""#,
        "`onOpenEmail`: the visitor chose email instead of the chat. Analytics get `{}`.";
    OpenWeixin: "onOpenWeixin", "open_weixin", Nothing, starter: false, example: r#""datalayer""#,
        "`onOpenWeixin`: the visitor chose WeChat instead of the chat. Analytics get `{}`.";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distinct(words: &[&str]) -> bool {
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        sorted.len() == words.len()
    }

    #[test]
    fn words_are_distinct_and_read_back() {
        fn check<T: Word + std::fmt::Debug>() {
            assert!(distinct(T::WORDS), "{:?}", T::WORDS);
            for &value in T::ALL {
                assert_eq!(T::from_word(value.word()), Some(value));
            }
            assert_eq!(T::from_word("no such word"), None);
        }
        check::<Action>();
        check::<Load>();
        check::<PhoneFormat>();
        check::<Command>();
        check::<Setting>();
        check::<Upload>();
        check::<IconDevices>();
    }

    #[test]
    fn events_have_distinct_names_and_their_own_keys() {
        let names: Vec<_> = Event::ALL.iter().map(|e| e.name()).collect();
        let sdk: Vec<_> = Event::ALL.iter().map(|e| e.sdk_name()).collect();
        assert!(distinct(&names) && distinct(&sdk));
        for &event in Event::ALL {
            assert_eq!(event.doc().key, format!("on_{}", event.name()));
            assert!(event.doc().doc.starts_with(&format!("`{}`", event.sdk_name())), "{}", event.doc().doc);
        }
    }

    #[test]
    fn a_template_sees_one_word_set() {
        let is = serde_json::to_value(Is(Load::Idle)).unwrap();
        assert_eq!(is, serde_json::json!({"immediate": false, "idle": true, "interaction": false}));
        let used = serde_json::to_value(Used(vec![Action::Gtag])).unwrap();
        assert_eq!(used, serde_json::json!({"console": false, "datalayer": false, "gtag": true}));
        assert_eq!(serde_json::to_value(Command::ClearUser).unwrap(), "clearUser");
    }
}
