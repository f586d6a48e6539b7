//! `[events]` values in their three forms: one action, several in order, and `{actions, once}`.
//! The profile's mistakes through the binary (codes, paths, did-you-mean), and the block in
//! Chromium against the stand-ins: several actions in the listed order, and `once` reporting once
//! across several messages and a single-page route change, in both install forms.

use crate::browser::{Browser, Network, Page, clean};
use crate::support::*;
use serde_json::{Value, json};

/// `lint --format json` over one profile: its findings as `(code, field, message, help)`.
fn findings(name: &str, text: &str) -> Vec<(String, String, String, String)> {
    lint_findings(name, text)
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
            (text("code"), text("field"), text("message"), text("help"))
        })
        .collect()
}

fn the_three_forms_are_accepted_in_toml_and_json() {
    let toml = "[loader]\nlicense = \"g1vfb1b\"\n[events]\non_unread = \"datalayer\"\non_receive_message = [\"datalayer\", \"console\"]\non_send_message = { actions = [\"gtag\"], once = true }\non_ready = { actions = \"console\" }\n";
    assert_eq!(findings("p.ssq.toml", toml), vec![]);
    let json = r#"{"loader": {"license": "g1vfb1b"}, "events": {"on_unread": "datalayer", "on_receive_message": ["datalayer", "console"], "on_send_message": {"actions": ["gtag"], "once": true}}}"#;
    assert_eq!(findings("p.ssq.json", json), vec![]);
}

fn mistakes_in_each_form_are_named_with_their_path() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "on_unread = [\"datalayer\", \"console\", \"datalayer\"]",
            "SSQ010",
            "events.on_unread[2]",
            "repeats `datalayer`",
        ),
        ("on_unread = []", "SSQ004", "events.on_unread", "empty list"),
        ("on_unread = { once = true }", "SSQ004", "events.on_unread", "has no `actions`"),
        ("on_unread = { actions = [\"gtag\", \"gtag\"] }", "SSQ010", "events.on_unread.actions[1]", "repeats `gtag`"),
        ("on_unread = { actions = [\"gtag\"], onse = true }", "SSQ005", "events.on_unread.onse", "unknown key"),
        (
            "on_unread = { actions = [\"gtag\"], once = \"yes\" }",
            "SSQ004",
            "events.on_unread.once",
            "must be a boolean",
        ),
        ("on_unread = [\"datalayr\"]", "SSQ006", "events.on_unread[0]", "cannot be `datalayr`"),
        ("on_unread = 3", "SSQ004", "events.on_unread", "must be an action"),
    ];
    for (line, code, field, message) in cases {
        let found = findings("p.ssq.toml", &format!("[loader]\nlicense = \"g1vfb1b\"\n[events]\n{line}\n"));
        assert_eq!(found.len(), 1, "{line}: {found:?}");
        let (got_code, got_field, got_message, help) = &found[0];
        assert_eq!((got_code.as_str(), got_field.as_str()), (*code, *field), "{line}: {found:?}");
        assert!(got_message.contains(message), "{line}: {got_message}");
        if *code == "SSQ006" {
            assert!(help.contains("did you mean `datalayer`?"), "{help}");
        }
        if *code == "SSQ005" {
            assert!(help.contains("did you mean `once`?"), "{help}");
        }
    }
}

/// Several actions run in the listed order; `once` reports the first message only, across three
/// messages and a route change; the other events' actions are not affected by it.
fn several_actions_in_order_and_once_per_page_in_chromium() {
    let browser = Browser::start();
    for (form, loader) in install_forms() {
        let profile = format!(
            "[loader]\n{loader}\n[events]\non_receive_message = [\"gtag\", \"console\", \"datalayer\"]\non_send_message = {{ actions = [\"datalayer\", \"gtag\"], once = true }}\n"
        );
        let mut page = Page::with(render("p.toml", &profile));
        // gtag and console both log into the probe, which keeps their order; dataLayer's pushes
        // are marked there too.
        page.before = "window.dataLayer = []; var push = window.dataLayer.push; window.dataLayer.push = function (e) { window.__probe.console.push(['dataLayer', e.event]); return push.apply(this, arguments); }; var gtag = window.gtag; window.gtag = function (a, b) { window.__probe.console.push(['gtag', b]); return gtag.apply(this, arguments); };".into();
        page.after = "var l = window.__ssqRecord.listeners; l.onReceiveMessage[0]({type: 'text'}); l.onSendMessage[0]({type: 'text'}); history.pushState({}, '', '#/cart'); history.pushState({}, '', 'route-' + Math.random()); l.onSendMessage[0]({type: 'text'}); l.onSendMessage[0]({type: 'image'});".into();
        let name = format!("actions-{form}.html");
        let report = browser.load(&name, &page, Network::Normal);
        clean(&report);
        let order: Vec<Value> =
            report["probe"]["console"].as_array().unwrap().iter().map(|entry| json!([entry[0], entry[1]])).collect();
        assert_eq!(
            order,
            vec![
                json!(["gtag", "ssq_receive_message"]),
                json!(["ssq_receive_message", {"type": "text"}]),
                json!(["dataLayer", "ssq_receive_message"]),
                json!(["dataLayer", "ssq_send_message"]),
                json!(["gtag", "ssq_send_message"]),
            ],
            "{name}: {}",
            report["probe"]["console"]
        );
        assert_eq!(
            report["dataLayer"],
            json!([{"message_type": "text", "event": "ssq_receive_message"}, {"message_type": "text", "event": "ssq_send_message"}]),
            "{name}"
        );
    }
}

tests! {
    the_three_forms_are_accepted_in_toml_and_json,
    mistakes_in_each_form_are_named_with_their_path,
    several_actions_in_order_and_once_per_page_in_chromium ["chromium", "python3", "openssl"],
}
