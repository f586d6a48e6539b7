//! Every rule: its stable code and severity, and the checks that turn a [`RawProfile`] into a
//! [`ValidProfile`]. `snippet`, `lint` and the README's rule list all come from here.

use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::email::{self, EmailProblem};
use crate::language::{self, Support};
use crate::phone::{self, PhoneError, Reading};
use crate::profile::{
    Action, ClickTrigger, Event, Field, FieldValue, Load, Loader, LoginInfo, RawProfile, ValidProfile,
};
use crate::schema::Kind;
use crate::selector;
use crate::source::Span;

const fn rule(code: &'static str, name: &'static str, severity: Severity, summary: &'static str) -> Rule {
    Rule { code, name, severity, summary }
}
use Severity::{Error, Warning};

// The file as a whole.
pub static UNREADABLE: Rule =
    rule("SSQ000", "unreadable", Error, "Every path named or found can be read (`lint` reports it, then exits 2).");
pub static SYNTAX: Rule = rule("SSQ001", "syntax", Error, "The profile is valid TOML or JSON.");
pub static ENCODING: Rule = rule("SSQ002", "encoding", Error, "The profile is UTF-8 text.");
pub static TOO_LARGE: Rule = rule("SSQ003", "too-large", Error, "The profile is at most 1 MiB.");
pub static WRONG_TYPE: Rule = rule("SSQ004", "wrong-type", Error, "Each key has the type the profile reference gives.");
pub static UNKNOWN_KEY: Rule =
    rule("SSQ005", "unknown-key", Error, "Every section and key is one ssq-gen knows (with a did-you-mean).");
pub static UNKNOWN_VALUE: Rule = rule(
    "SSQ006",
    "unknown-value",
    Error,
    "Keys with a fixed set of words (event actions, `phone_format`) use one of them.",
);
pub static DUPLICATE_KEY: Rule =
    rule("SSQ007", "duplicate-key", Error, "No key is defined twice (JSON allows it and silently keeps one).");
pub static CONTROL_CHARACTER: Rule = rule(
    "SSQ008",
    "control-character",
    Error,
    "Text fields hold no control characters (`description` may hold line breaks and tabs).",
);
// [loader]
pub static LOADER_CHOICE: Rule =
    rule("SSQ101", "loader-choice", Error, "`[loader]` has exactly one of `script_url` and `license`.");
pub static SCRIPT_URL: Rule = rule("SSQ102", "script-url", Error, "`script_url` is an absolute `https://` URL.");
pub static LICENSE: Rule = rule("SSQ103", "license", Error, "`license` is 4–32 ASCII letters and digits.");
pub static SCRIPT_URL_SHAPE: Rule = rule(
    "SSQ104",
    "script-url-shape",
    Warning,
    "`script_url` has the vendor's shape, `https://plugin-code.salesmartly.com/js/project_<digits>_<digits>_<digits>.js`.",
);
// [login]
pub static LOGIN_REQUIRED: Rule =
    rule("SSQ201", "login-required", Error, "`[login]` has a non-blank `user_id` and `user_name`.");
pub static LANGUAGE: Rule = rule("SSQ202", "language", Error, "`language` is a well-formed BCP 47 tag.");
pub static LANGUAGE_UNSUPPORTED: Rule = rule(
    "SSQ203",
    "language-unsupported",
    Warning,
    "`language` is one the widget shows, as its list writes it; otherwise it falls back to English.",
);
pub static PHONE: Rule =
    rule("SSQ204", "phone", Error, "`phone` is a valid number for its country, with digits only (no letters).");
pub static PHONE_COUNTRY: Rule = rule(
    "SSQ205",
    "phone-country",
    Error,
    "`phone` carries its country calling code, or `phone_region` says which country it belongs to.",
);
pub static PHONE_WITHOUT_PLUS: Rule = rule(
    "SSQ206",
    "phone-without-plus",
    Warning,
    "`phone` written as digits without `+` was read as an international number.",
);
pub static PHONE_REGION: Rule =
    rule("SSQ207", "phone-region", Error, "`phone_region` is an ISO 3166 alpha-2 region with a phone numbering plan.");
pub static EMAIL: Rule =
    rule("SSQ208", "email", Error, "`email` is a valid address (the rule browsers apply to `<input type=email>`).");
pub static EMAIL_DOTLESS: Rule = rule(
    "SSQ209",
    "email-dotless-domain",
    Warning,
    "`email`'s domain has a dot (`user@localhost` is not deliverable).",
);
pub static USER_ID_PERSONAL: Rule = rule(
    "SSQ210",
    "user-id-personal-data",
    Warning,
    "`user_id` does not look like raw personal data (an email, a phone number, all digits): the SDK wants an encrypted id.",
);
pub static LABEL_BLANK: Rule = rule("SSQ211", "label-blank", Error, "No entry of `label_names` is blank.");
pub static LABEL_DUPLICATE: Rule =
    rule("SSQ212", "label-duplicate", Warning, "No entry of `label_names` appears twice.");
// [launcher], [triggers]
pub static SELECTOR: Rule = rule(
    "SSQ301",
    "selector",
    Error,
    "Launcher and trigger selectors are valid CSS selectors (as `querySelector` accepts them).",
);
pub static TWO_LAUNCHERS: Rule = rule(
    "SSQ302",
    "two-launchers",
    Warning,
    "`[launcher]` comes with `widget.hide_icon = true`, or the page shows two chat buttons.",
);

/// All rules, in code order.
pub static RULES: &[&Rule] = &[
    &UNREADABLE,
    &SYNTAX,
    &ENCODING,
    &TOO_LARGE,
    &WRONG_TYPE,
    &UNKNOWN_KEY,
    &UNKNOWN_VALUE,
    &DUPLICATE_KEY,
    &CONTROL_CHARACTER,
    &LOADER_CHOICE,
    &SCRIPT_URL,
    &LICENSE,
    &SCRIPT_URL_SHAPE,
    &LOGIN_REQUIRED,
    &LANGUAGE,
    &LANGUAGE_UNSUPPORTED,
    &PHONE,
    &PHONE_COUNTRY,
    &PHONE_WITHOUT_PLUS,
    &PHONE_REGION,
    &EMAIL,
    &EMAIL_DOTLESS,
    &USER_ID_PERSONAL,
    &LABEL_BLANK,
    &LABEL_DUPLICATE,
    &SELECTOR,
    &TWO_LAUNCHERS,
];

pub const VENDOR_HOST: &str = "plugin-code.salesmartly.com";

/// Runs every rule over `raw`, adding to the findings of parsing. Returns the valid profile when
/// there is no error among all of them.
pub fn validate(raw: &RawProfile, diagnostics: &mut Vec<Diagnostic>) -> Option<ValidProfile> {
    let mut checker = Checker { diagnostics };
    checker.control_characters(raw);
    let loader = checker.loader(raw);
    let login = checker.login(raw);
    let listeners = Event::ALL
        .iter()
        .filter_map(|&event| {
            let (_, word) = raw.text("events", event.key())?;
            Some((event, Action::from_word(word)?))
        })
        .collect();
    let selectors_ok = checker.selectors(raw);
    checker.launcher_and_icon(raw);
    let text = |section, key| raw.text(section, key).map(|(_, text)| text.to_string());
    let list = |key| match raw.field("triggers", key).map(|f| &f.value) {
        Some(FieldValue::List(items)) => items.iter().map(|(s, _)| s.clone()).collect(),
        _ => Vec::new(),
    };
    let clicks = text("launcher", "open_selector")
        .into_iter()
        .map(|selector| ClickTrigger { selector, command: "chatOpen" })
        .chain(list("open_on_click").into_iter().map(|selector| ClickTrigger { selector, command: "chatOpen" }))
        .chain(list("close_on_click").into_iter().map(|selector| ClickTrigger { selector, command: "chatClose" }))
        .chain(list("clear_user_on_click").into_iter().map(|selector| ClickTrigger { selector, command: "clearUser" }))
        .collect();
    selectors_ok.then_some(())?;
    let profile = ValidProfile {
        loader: loader?,
        login: login?,
        hide_icon: raw.bool("widget", "hide_icon"),
        open_on_load: raw.bool("widget", "open_on_load").unwrap_or(false),
        listeners,
        load: raw.text("loader", "load").and_then(|(_, word)| Load::from_word(word)).unwrap_or_default(),
        clicks,
        badge_selector: text("launcher", "badge_selector"),
    };
    let any_error = checker.diagnostics.iter().any(|d| d.severity() == Severity::Error);
    (!any_error).then_some(profile)
}

struct Checker<'a> {
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, rule: &'static Rule, field: &str, span: Span, message: String, help: impl Into<String>) {
        self.diagnostics.push(Diagnostic { rule, span, field: field.to_string(), message, help: help.into() });
    }

    fn on(&mut self, rule: &'static Rule, field: &Field, message: String, help: impl Into<String>) {
        self.report(rule, &field.path(), field.span.clone(), message, help);
    }

    /// Every selector field; `false` if any is invalid.
    fn selectors(&mut self, raw: &RawProfile) -> bool {
        let mut ok = true;
        for field in raw.fields.iter().filter(|f| matches!(f.key.kind, Kind::Selector | Kind::SelectorList)) {
            for (index, text, span) in field.texts() {
                if let Err(err) = selector::check(text) {
                    let path = field.item_path(index);
                    let message =
                        format!("`{path}` is not a valid CSS selector: {} (at character {})", err.reason, err.at + 1);
                    self.report(
                        &SELECTOR,
                        &path,
                        span,
                        message,
                        "write a selector as for `document.querySelector`, e.g. `#help-btn` or `.contact-support a`",
                    );
                    ok = false;
                }
            }
        }
        ok
    }

    fn launcher_and_icon(&mut self, raw: &RawProfile) {
        if let Some(span) = raw.section_span("launcher")
            && raw.bool("widget", "hide_icon") != Some(true)
        {
            let message =
                "`[launcher]` is set but the vendor's icon is not hidden: the page shows two chat buttons".to_string();
            self.report(&TWO_LAUNCHERS, "launcher", span, message, "add `hide_icon = true` under `[widget]`");
        }
    }

    fn control_characters(&mut self, raw: &RawProfile) {
        for field in &raw.fields {
            let multiline = field.key.kind == Kind::MultilineText;
            let allowed = |c: char| multiline && matches!(c, '\n' | '\r' | '\t');
            for (index, text, span) in field.texts() {
                if let Some((at, c)) = text.chars().enumerate().find(|&(_, c)| c.is_control() && !allowed(c)) {
                    let path = field.item_path(index);
                    let message =
                        format!("`{path}` contains the control character U+{:04X} at character {}", c as u32, at + 1);
                    let help = if multiline {
                        "remove it; line breaks and tabs are the only control characters allowed here"
                    } else {
                        "remove it; this field is one line of plain text"
                    };
                    self.report(&CONTROL_CHARACTER, &path, span, message, help);
                }
            }
        }
    }

    fn loader(&mut self, raw: &RawProfile) -> Option<Loader> {
        let url = raw.text("loader", "script_url");
        let license = raw.text("loader", "license");
        let choose = "use `script_url` for the dashboard's project script, or `license` for its inline install code";
        match (url, license) {
            (Some(_), Some((field, _))) => {
                let message = "`[loader]` has both `script_url` and `license`".to_string();
                self.report(&LOADER_CHOICE, "loader", field.key_span.clone(), message, format!("keep one: {choose}"));
                None
            }
            (None, None) => {
                let span = raw.section_span("loader").unwrap_or(0..0);
                let message = match raw.section_span("loader") {
                    Some(_) => "`[loader]` has neither `script_url` nor `license`",
                    None => "the profile has no `[loader]` section",
                };
                self.report(&LOADER_CHOICE, "loader", span, message.to_string(), choose);
                None
            }
            (Some((field, url)), None) => self.script_url(field, url).map(|()| Loader::ScriptUrl(url.to_string())),
            (None, Some((field, license))) => {
                let ok = (4..=32).contains(&license.len()) && license.chars().all(|c| c.is_ascii_alphanumeric());
                if !ok {
                    let message = format!("`loader.license` `{license}` is not 4–32 ASCII letters and digits");
                    self.on(
                        &LICENSE,
                        field,
                        message,
                        "copy the license key from the dashboard's install code, e.g. `g1vfb1b`",
                    );
                    return None;
                }
                Some(Loader::License(license.to_string()))
            }
        }
    }

    fn script_url(&mut self, field: &Field, url: &str) -> Option<()> {
        if let Err(reason) = check_https_url(url) {
            let message = format!("`loader.script_url` is not an absolute https URL: {reason}");
            self.on(&SCRIPT_URL, field, message, "copy the script's `src` from the dashboard, e.g. `https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js`");
            return None;
        }
        if !is_vendor_project_script(url) {
            let message = "`loader.script_url` is not a SaleSmartly project script URL".to_string();
            let help = format!(
                "the dashboard's project scripts look like `https://{VENDOR_HOST}/js/project_<project>_<channel>_<timestamp>.js`; check for a copy-paste slip"
            );
            self.on(&SCRIPT_URL_SHAPE, field, message, help);
        }
        Some(())
    }

    fn login(&mut self, raw: &RawProfile) -> Option<Option<LoginInfo>> {
        let Some(section_span) = raw.section_span("login") else {
            return Some(None);
        };
        let user_id = self.required(raw, "user_id", &section_span);
        let user_name = self.required(raw, "user_name", &section_span);
        if let Some((field, id)) = raw.text("login", "user_id") {
            self.user_id_personal_data(field, id);
        }
        let language = raw.text("login", "language").and_then(|(field, tag)| self.language(field, tag));
        let phone = self.phone(raw);
        let email = raw.text("login", "email").and_then(|(field, address)| self.email(field, address));
        let label_names = raw.field("login", "label_names").and_then(|field| self.labels(field));
        let description = raw.text("login", "description").map(|(_, text)| text.to_string());
        Some(Some(LoginInfo {
            user_id: user_id?,
            user_name: user_name?,
            language,
            phone: phone?,
            email,
            description,
            label_names,
        }))
    }

    fn required(&mut self, raw: &RawProfile, key: &str, section_span: &Span) -> Option<String> {
        let path = format!("login.{key}");
        match raw.text("login", key) {
            Some((field, value)) if value.trim().is_empty() => {
                self.on(
                    &LOGIN_REQUIRED,
                    field,
                    format!("`{path}` is blank"),
                    "the SDK requires it; leave `[login]` out for anonymous visitors",
                );
                None
            }
            Some((_, value)) => Some(value.to_string()),
            // A value of the wrong type was already reported.
            None if raw.is_present("login", key) => None,
            None => {
                let message = format!("`[login]` has no `{key}`");
                self.report(
                    &LOGIN_REQUIRED,
                    &path,
                    section_span.clone(),
                    message,
                    format!("add `{key}`: setLoginInfo requires it; leave `[login]` out for anonymous visitors"),
                );
                None
            }
        }
    }

    fn user_id_personal_data(&mut self, field: &Field, id: &str) {
        let looks_like = if matches!(email::check(id), Ok(()) | Err(EmailProblem::DotlessDomain)) {
            Some("an email address")
        } else if !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()) {
            Some("a raw numeric id (or a phone number)")
        } else if id.starts_with('+') && phone::parse(id, None).is_ok() {
            Some("a phone number")
        } else {
            None
        };
        if let Some(what) = looks_like {
            let message = format!("`login.user_id` looks like {what}");
            self.on(
                &USER_ID_PERSONAL,
                field,
                message,
                "the SDK wants the site's encrypted or hashed user id; send personal data in `email`/`phone` instead",
            );
        }
    }

    fn language(&mut self, field: &Field, tag: &str) -> Option<String> {
        match language::check(tag) {
            Err(reason) => {
                let message = format!("`login.language` `{tag}` is not a BCP 47 language tag ({reason})");
                self.on(&LANGUAGE, field, message, "write a tag such as `en-US`, `ru-RU` or `fr`");
                None
            }
            Ok(Support::Shown(_)) => Some(tag.to_string()),
            Ok(Support::OtherCase(listed)) => {
                let message = format!("`login.language` `{tag}` is written differently from the widget's `{listed}`");
                self.on(&LANGUAGE_UNSUPPORTED, field, message, format!("write `{listed}` so the widget recognizes it"));
                Some(tag.to_string())
            }
            Ok(Support::Unsupported) => {
                let message = format!("the widget has no `{tag}`: it will show English (`{}`)", language::FALLBACK);
                let help = format!("the widget's languages: {}", language::PLUGIN_LANGUAGES.join(", "));
                self.on(&LANGUAGE_UNSUPPORTED, field, message, help);
                Some(tag.to_string())
            }
        }
    }

    /// `Some(None)`: no phone; `None`: the phone is in error.
    fn phone(&mut self, raw: &RawProfile) -> Option<Option<String>> {
        let region = match raw.text("login", "phone_region") {
            Some((field, region)) if !phone::is_known_region(region) => {
                let message = format!("`login.phone_region` `{region}` is not a region with a phone numbering plan");
                let help = "use an ISO 3166 alpha-2 code in capitals, e.g. `GB` (not `UK`), `US`, `CN`";
                self.on(&PHONE_REGION, field, message, help);
                return None;
            }
            Some((_, region)) => Some(region),
            None => None,
        };
        let Some((field, number)) = raw.text("login", "phone") else {
            return Some(None);
        };
        let digits_only = raw.text("login", "phone_format").is_some_and(|(_, f)| f == "digits");
        match phone::parse(number, region) {
            Ok(phone) => {
                if phone.reading == Reading::DigitsAsInternational {
                    let message = format!(
                        "`login.phone` has no `+`; it was read as {}, a number of {}",
                        phone.e164, phone.country
                    );
                    self.on(
                        &PHONE_WITHOUT_PLUS,
                        field,
                        message,
                        format!(
                            "write `{}` if that is right, or set `phone_region` if it is a national number",
                            phone.e164
                        ),
                    );
                }
                Some(Some(if digits_only { phone.digits().to_string() } else { phone.e164 }))
            }
            Err(err) => {
                let (rule, message, help) = match err {
                    PhoneError::Letters => (
                        &PHONE,
                        "`login.phone` contains letters".to_string(),
                        "write the digits: letters would be silently turned into keypad digits".to_string(),
                    ),
                    PhoneError::Character(c) => (
                        &PHONE,
                        format!("`login.phone` contains `{c}`"),
                        "use digits, spaces, `-`, `.`, `(`, `)` and a leading `+` only".to_string(),
                    ),
                    PhoneError::NoCountryCode => (
                        &PHONE_COUNTRY,
                        format!("`login.phone` `{number}` has no country calling code"),
                        "write it with `+` and the calling code (`+44 20 7946 0958`), or set `phone_region` (`GB`)"
                            .to_string(),
                    ),
                    PhoneError::UnknownCallingCode => (
                        &PHONE,
                        format!("`login.phone` `{number}` starts with no known country calling code"),
                        "check the digits after `+`".to_string(),
                    ),
                    PhoneError::Invalid { country } => (
                        &PHONE,
                        format!("`login.phone` `{number}` is not a valid number for {country}"),
                        "check the number of digits and the area or mobile prefix".to_string(),
                    ),
                };
                self.on(rule, field, message, help);
                None
            }
        }
    }

    fn email(&mut self, field: &Field, address: &str) -> Option<String> {
        match email::check(address) {
            Ok(()) => Some(address.to_string()),
            Err(EmailProblem::DotlessDomain) => {
                let message = format!("`login.email` `{address}` has a domain without a dot");
                self.on(&EMAIL_DOTLESS, field, message, "addresses on the internet look like `name@example.com`");
                Some(address.to_string())
            }
            Err(EmailProblem::Invalid(reason)) => {
                self.on(
                    &EMAIL,
                    field,
                    format!("`login.email` is not a valid address: {reason}"),
                    "write an address such as `name@example.com`",
                );
                None
            }
        }
    }

    fn labels(&mut self, field: &Field) -> Option<Vec<String>> {
        let FieldValue::List(items) = &field.value else {
            return None;
        };
        let mut ok = true;
        for (i, (label, span)) in items.iter().enumerate() {
            let path = format!("login.label_names[{i}]");
            if label.trim().is_empty() {
                self.report(
                    &LABEL_BLANK,
                    &path,
                    span.clone(),
                    format!("`{path}` is blank"),
                    "remove it, or name a tag of the SaleSmartly project",
                );
                ok = false;
            } else if items[..i].iter().any(|(earlier, _)| earlier == label) {
                self.report(
                    &LABEL_DUPLICATE,
                    &path,
                    span.clone(),
                    format!("the label `{label}` is listed twice"),
                    "remove the second one",
                );
            }
        }
        ok.then(|| items.iter().map(|(label, _)| label.clone()).collect())
    }
}

/// An absolute `https://` URL with a plausible host and no characters that URLs cannot hold.
fn check_https_url(url: &str) -> Result<(), &'static str> {
    let rest = match url.get(..8) {
        Some(scheme) if scheme.eq_ignore_ascii_case("https://") => &url[8..],
        _ if url.starts_with("http://") => {
            return Err("it must use https, or browsers block it on https pages");
        }
        _ if url.starts_with("//") || url.starts_with('/') => {
            return Err("it is relative; write it in full, from `https://`");
        }
        _ => return Err("it must start with `https://`"),
    };
    if let Some(c) = url.chars().find(|c| c.is_whitespace() || c.is_control() || "<>\"\\^`{|}".contains(*c)) {
        return Err(if c.is_whitespace() {
            "it contains white space"
        } else {
            "it contains a character URLs cannot hold"
        });
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err("it contains credentials (`user@`)");
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => host,
        Some(_) => return Err("its port is not a number"),
        None => authority,
    };
    let label_ok = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if host.is_empty() || !host.split('.').all(label_ok) {
        return Err("it has no valid host name");
    }
    Ok(())
}

fn is_vendor_project_script(url: &str) -> bool {
    let Some(file) = url
        .strip_prefix("https://")
        .and_then(|rest| rest.strip_prefix(VENDOR_HOST))
        .and_then(|path| path.strip_prefix("/js/project_"))
    else {
        return false;
    };
    let Some(ids) = file.strip_suffix(".js") else {
        return false;
    };
    let groups: Vec<&str> = ids.split('_').collect();
    groups.len() == 3 && groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_ordered() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn https_urls() {
        assert_eq!(check_https_url("https://plugin-code.salesmartly.com/js/project_1_2_3.js"), Ok(()));
        assert_eq!(check_https_url("HTTPS://cdn.example.com:8443/x.js?v=1"), Ok(()));
        for bad in [
            "http://a.com/x.js",
            "//a.com/x.js",
            "/x.js",
            "https://",
            "https://a b.com/",
            "https://u:p@a.com/",
            "https://a.com:x/",
            "https://a.com/\"x",
            "javascript:alert(1)",
        ] {
            assert!(check_https_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn vendor_shape() {
        assert!(is_vendor_project_script("https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"));
        assert!(!is_vendor_project_script("https://plugin-code.salesmartly.com/js/project_817643_847406.js"));
        assert!(!is_vendor_project_script("https://cdn.example.com/js/project_1_2_3.js"));
        assert!(!is_vendor_project_script("https://plugin-code.salesmartly.com/js/project_1_2_3.js?x"));
    }
}
