//! Rendering a [`ValidProfile`] through the embedded minijinja templates.
//!
//! Every `{{ … }}` must go through an escaping filter: the formatter refuses to print a value that
//! no filter marked safe, so a template cannot leak a raw profile value into the page even by mistake.

use crate::escape;
use crate::profile::{Action, ClickTrigger, Loader, ValidProfile};
use minijinja::value::{Serde, Value};
use minijinja::{Environment, Error, ErrorKind, Output, State};
use serde::Serialize;
use serde_json::json;
use std::sync::OnceLock;

/// The inline install code's script, as the vendor's own install code loads it.
pub const INSTALL_JS_URL: &str = "https://plugin-code.salesmartly.com/chat/widget-v2/code/install.js";

const SNIPPET_TEMPLATE: &str = "snippet.html.j2";
const STARTER_TEMPLATE: &str = "init.toml.j2";
const TEMPLATES: &[(&str, &str)] = &[
    (SNIPPET_TEMPLATE, include_str!("../templates/snippet.html.j2")),
    (STARTER_TEMPLATE, include_str!("../templates/init.toml.j2")),
];

#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions<'a> {
    /// Shown in the snippet's opening comment.
    pub profile_name: &'a str,
    /// CSP nonce for the `<script>` element; scripts inserted at run time copy the element's nonce.
    /// Check it with [`check_nonce`] first.
    pub nonce: Option<&'a str>,
    /// The block for the page a visitor lands on after logging out: no `setLoginInfo`, and a
    /// `clearUser` first, so that the widget forgets the previous visitor.
    pub logout: bool,
}

/// A CSP nonce is base64 (or base64url): anything else is refused rather than escaped, since a
/// nonce that needs escaping is a mistake (`'nonce-…'` in the policy must match it byte for byte).
pub fn check_nonce(nonce: &str) -> Result<(), String> {
    if nonce.is_empty() || nonce.len() > 256 {
        return Err("a nonce has 1 to 256 characters".to_string());
    }
    match nonce.chars().find(|c| !(c.is_ascii_alphanumeric() || "+/=_-".contains(*c))) {
        Some(c) => Err(format!("`{c}` cannot be in a nonce: use base64 characters (A-Z a-z 0-9 + / = _ -)")),
        None => Ok(()),
    }
}

/// The rendered snippet's Content-Security-Policy needs: the `script-src` sources that allow its
/// inline script (by hash) and the scripts it loads (by origin).
pub fn csp_sources(profile: &ValidProfile, snippet: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut sources: Vec<String> = inline_scripts(snippet)
        .map(|script| {
            let digest = sha2::Sha256::digest(script.as_bytes());
            format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
        })
        .collect();
    let vendor = origin(INSTALL_JS_URL).to_string();
    if let Loader::ScriptUrl(url) = profile.loader() {
        let script_origin = origin(url);
        if !script_origin.eq_ignore_ascii_case(&vendor) {
            sources.push(script_origin.to_string());
        }
    }
    sources.push(vendor);
    sources.join(" ")
}

/// The contents of each `<script …>…</script>` element, exactly as a browser hashes them.
fn inline_scripts(snippet: &str) -> impl Iterator<Item = &str> {
    snippet.split("<script").skip(1).filter_map(|rest| {
        let body = &rest[rest.find('>')? + 1..];
        Some(&body[..body.find("</script>")?])
    })
}

/// `https://host[:port]` of an absolute URL that the rules accepted.
fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |i| after_scheme + i);
    &url[..end]
}

pub fn render(profile: &ValidProfile, options: &RenderOptions<'_>) -> Result<String, Error> {
    let template = environment().get_template(SNIPPET_TEMPLATE)?;
    let mut text = template.render(Value::from(Serde(Context::new(profile, options))))?;
    text.push('\n');
    Ok(text)
}

/// A commented TOML starter profile that explains every key and validates as written.
pub fn starter_toml(file_name: &str) -> Result<String, Error> {
    use crate::schema::{Example, SECTIONS};
    let sections: Vec<_> = SECTIONS
        .iter()
        .map(|section| {
            let keys: Vec<_> = section
                .keys
                .iter()
                .map(|key| {
                    serde_json::json!({
                        "name": key.name,
                        "doc": key.doc,
                        "example": key.example.to_json(),
                        "in_starter": key.in_starter,
                        // Values a site must replace, as opposed to settings that are fine as they are.
                        "marked": matches!(key.example, Example::Text(_) | Example::List(_)) && section.name != "events",
                    })
                })
                .collect();
            let active = section.keys.iter().any(|key| key.in_starter);
            serde_json::json!({"name": section.name, "doc": section.doc, "keys": keys, "active": active})
        })
        .collect();
    let context = serde_json::json!({"file": file_name, "sections": sections});
    environment().get_template(STARTER_TEMPLATE)?.render(Value::from(Serde(context)))
}

/// The JSON starter profile: the same keys as [`starter_toml`] writes active. JSON has no comments;
/// the schema (`ssq-gen schema`) carries the explanations.
pub fn starter_json() -> String {
    use crate::schema::{SCHEMA_KEY, SECTIONS};
    let mut profile = serde_json::Map::new();
    profile.insert(SCHEMA_KEY.into(), "./ssq-gen.schema.json".into());
    for section in SECTIONS.iter().filter(|section| section.keys.iter().any(|key| key.in_starter)) {
        let keys: serde_json::Map<_, _> = section
            .keys
            .iter()
            .filter(|key| key.in_starter)
            .map(|key| (key.name.to_string(), key.example.to_json()))
            .collect();
        profile.insert(section.name.to_string(), keys.into());
    }
    let mut text = serde_json::to_string_pretty(&profile).expect("a JSON object serializes");
    text.push('\n');
    text
}

fn environment() -> &'static Environment<'static> {
    static ENVIRONMENT: OnceLock<Environment<'static>> = OnceLock::new();
    ENVIRONMENT.get_or_init(|| {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        env.set_formatter(only_escaped_values);
        env.add_filter("js", |value: Value| serialized(escape::script_literal(&value)));
        env.add_filter("comment", |text: &str| Value::from_safe_string(escape::html_comment(text)));
        env.add_filter("attr", |text: &str| Value::from_safe_string(escape::html_attribute(text)));
        // For the TOML starter profile, whose text is ours (schema docs and examples), not a
        // profile's: a JSON string, boolean or array of strings is also a TOML value.
        env.add_filter("toml", |value: Value| serialized(serde_json::to_string(&value)));
        env.add_filter("toml_comment", |text: &str| Value::from_safe_string(text.replace('\n', "\n# ")));
        env.add_filter("ident", |name: &str| match escape::identifier(name) {
            Some(name) => Ok(Value::from_safe_string(name.to_string())),
            None => Err(Error::new(ErrorKind::InvalidOperation, format!("`{name}` is not a JavaScript identifier"))),
        });
        for (name, source) in TEMPLATES {
            env.add_template(name, source).expect("embedded templates parse (checked by tests)");
        }
        env
    })
}

fn serialized(result: Result<String, serde_json::Error>) -> Result<Value, Error> {
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

/// What the template sees: everything decided here, so the template only lays it out.
#[derive(Serialize)]
struct Context<'a> {
    version: &'static str,
    profile: &'a str,
    nonce: Option<&'a str>,
    logout: bool,
    load: &'static str,
    clicks: Vec<ClickTrigger>,
    badge: Option<&'a str>,
    settings: Vec<Setting>,
    loader: LoaderContext<'a>,
    /// `ssq.push(...)` argument lists, before the listeners.
    commands: Vec<Vec<serde_json::Value>>,
    listeners: Vec<Listener>,
    /// Commands after the listeners are in place.
    final_commands: Vec<Vec<serde_json::Value>>,
    helpers: Helpers,
}

#[derive(Serialize)]
struct Setting {
    key: &'static str,
    value: serde_json::Value,
}

#[derive(Serialize)]
struct LoaderContext<'a> {
    license: Option<&'a str>,
    script_url: Option<&'a str>,
    install_url: &'static str,
}

#[derive(Serialize)]
struct Listener {
    sdk_event: &'static str,
    name: &'static str,
    handler: &'static str,
}

#[derive(Serialize, Default)]
struct Helpers {
    copy: bool,
    console: bool,
    datalayer: bool,
    gtag: bool,
}

impl<'a> Context<'a> {
    fn new(profile: &'a ValidProfile, options: &RenderOptions<'a>) -> Context<'a> {
        let settings =
            profile.hide_icon().map(|hide| Setting { key: "hideIcon", value: json!(hide) }).into_iter().collect();
        let (license, script_url) = match profile.loader() {
            Loader::License(license) => (Some(license.as_str()), None),
            Loader::ScriptUrl(url) => (None, Some(url.as_str())),
        };
        let commands = match options.logout {
            true => vec![vec![json!("clearUser")]],
            false => profile.login().map(|login| vec![json!("setLoginInfo"), json!(login)]).into_iter().collect(),
        };
        let mut helpers = Helpers::default();
        let listeners = profile
            .listeners()
            .iter()
            .map(|&(event, action)| {
                let handler = match action {
                    Action::Console => {
                        helpers.console = true;
                        "toConsole"
                    }
                    Action::DataLayer => {
                        helpers.datalayer = true;
                        helpers.copy = true;
                        "toDataLayer"
                    }
                    Action::Gtag => {
                        helpers.gtag = true;
                        helpers.copy = true;
                        "toGtag"
                    }
                };
                Listener { sdk_event: event.sdk_name(), name: event.name(), handler }
            })
            .chain(profile.badge_selector().map(|_| Listener {
                sdk_event: "onUnRead",
                name: "unread",
                handler: "showUnread",
            }))
            .collect();
        let final_commands = profile.open_on_load().then(|| vec![json!("chatOpen")]).into_iter().collect();
        Context {
            version: env!("CARGO_PKG_VERSION"),
            profile: options.profile_name,
            nonce: options.nonce,
            logout: options.logout,
            load: profile.load().word(),
            clicks: profile.clicks().to_vec(),
            badge: profile.badge_selector(),
            settings,
            loader: LoaderContext { license, script_url, install_url: INSTALL_JS_URL },
            commands,
            listeners,
            final_commands,
            helpers,
        }
    }
}
