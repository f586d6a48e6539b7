//! The snippet, executed: Node runs it against stand-ins of the vendor's scripts (tests/js/harness.js,
//! tests/stand-ins/) and reports what the widget received. Each run also parses every inline script
//! as ES5. The browser suite proves the same in Chromium.

use crate::support::*;
use serde_json::{Value, json};
use ssq_gen::sdk::{Action, Event, Payload, Word};

/// Every SDK event: its `[events]` key, SDK name and analytics name.
fn all_events() -> Vec<(&'static str, &'static str, &'static str)> {
    Event::ALL
        .iter()
        .map(|event| (ssq_gen::profile::schema::event_key(*event).name, event.sdk_name(), event.name()))
        .collect()
}

fn example() -> String {
    std::fs::read_to_string(fixture("script-url.toml")).unwrap()
}

fn script_url_form_delivers_exactly_the_profile() {
    let snippet = render("p.toml", &example());
    let report = harness(&snippet, json!({}));
    assert_eq!(
        report["requests"],
        json!([
            {"src": SCRIPT_URL, "async": true, "id": null, "nonce": null},
            {"src": INSTALL_URL, "async": true, "id": "ss-chat", "nonce": null},
        ]),
        "the project script, then the install.js it inserts, both asynchronous"
    );
    assert_eq!(report["starts"], 1);
    assert_eq!(report["license"], "standin1", "the project script ran its install code: ssq was not defined first");
    assert_eq!(report["settingAtStart"], json!({"hideIcon": true}));
    let expected_login = json!({
        "user_id": "b58e64cfxs2ym",
        "user_name": "test_yy",
        "language": "ru-RU",
        "phone": "+8615920141234",
        "email": "test@example.com",
        "description": "Plan B\nDesktop client",
        "label_names": ["vip", "trial"],
    });
    let mut expected = vec![json!(["setLoginInfo", expected_login])];
    // The listeners of the events the fixture sets, in the SDK table's order.
    let fixture_text = example();
    let set = all_events().into_iter().filter(|(key, _, _)| fixture_text.contains(&format!("\n{key} = ")));
    expected.extend(set.map(|(_, sdk, _)| json!([sdk, "<function>"])));
    assert!(expected.len() > 5, "the fixture sets most events");
    // Every block listens for onReady, to tell a widget that never comes ([fallback] timeout).
    let ready = json!(["onReady", "<function>"]);
    if !expected.contains(&ready) {
        expected.push(ready);
    }
    assert_eq!(report["commands"], Value::Array(expected));
}

fn license_form_carries_the_install_code() {
    let snippet = render("p.json", &std::fs::read_to_string(fixture("license.json")).unwrap());
    let report = harness(&snippet, json!({"fire": {"onUnRead": {"num": 2}}}));
    assert_eq!(report["requests"], json!([{"src": INSTALL_URL, "async": true, "id": "ss-chat", "nonce": null}]));
    assert_eq!(report["projectRuns"], 0);
    assert_eq!(report["license"], "g1vfb1b");
    assert_eq!(report["settingAtStart"], json!({"hideIcon": true}));
    let commands = report["commands"].as_array().unwrap();
    assert_eq!(commands[0][0], "setLoginInfo");
    assert_eq!(commands[0][1]["phone"], "8615920141234", "phone_format = digits");
    assert!(commands[0][1].get("phone_format").is_none(), "generator-only keys are not sent");
    assert_eq!(commands[1], json!(["onUnRead", "<function>"]));
    assert_eq!(commands[2], json!(["onOpenChat", "<function>"]));
    assert_eq!(commands.last().unwrap(), &json!(["chatOpen"]), "open_on_load comes after the listeners");
    assert_eq!(report["dataLayer"], json!([{"num": 2, "event": "ssq_unread"}]));
}

fn all_events_with(action: &str, form: &str) -> String {
    let events: String = all_events().iter().map(|(key, _, _)| format!("{key} = \"{action}\"\n")).collect();
    format!("[loader]\n{form}\n[events]\n{events}")
}

/// What each action gets of `payload`, event by event, as the profile reference documents it.
fn expected_payload(event: Event, action: Action, forward_content: bool, payload: &Value) -> Value {
    let form_type = match payload["type"].as_str() {
        Some(kind @ ("offline" | "survey")) => json!({"form_type": kind}),
        _ => json!({}),
    };
    match (event.payload(), action) {
        // Personal data: the fields reach the console only when asked for, and analytics never.
        (Payload::PersonalData, Action::Console) if forward_content => payload.clone(),
        (Payload::PersonalData, _) => form_type,
        (_, Action::Console) => payload.clone(),
        (Payload::Message, _) if forward_content => payload.clone(),
        (Payload::Message, _) => {
            let mut summary = json!({"num": payload["num"]});
            if let Some(kind) = payload["type"].as_str() {
                summary["message_type"] = json!(kind);
            }
            summary
        }
        (Payload::Nothing, _) => json!({}),
        (Payload::FormType, _) => form_type,
    }
}

fn every_event_and_action_has_its_effect() {
    for payload in [
        json!({"num": 3, "list": ["hello"], "type": "text", "content": "my card is 4242"}),
        json!({"num": 1, "type": "offline", "name": "Ann", "email": "ann@example.com"}),
        json!({"num": 0, "type": "survey", "phone": "+44 20 7946 0000"}),
    ] {
        let fire: serde_json::Map<String, Value> =
            all_events().iter().map(|(_, sdk, _)| (sdk.to_string(), payload.clone())).collect();
        for form in ["license = \"g1vfb1b\"", &format!("script_url = \"{SCRIPT_URL}\"")] {
            for &action in Action::ALL {
                for forward in [false, true] {
                    let profile = format!("{}forward_content = {forward}\n", all_events_with(action.word(), form));
                    let report = harness(&render("p.toml", &profile), json!({"gtag": true, "fire": fire}));
                    let listeners: Vec<_> =
                        report["commands"].as_array().unwrap().iter().map(|c| c[0].clone()).collect();
                    let sdk_names: Vec<_> = all_events().iter().map(|(_, sdk, _)| json!(sdk)).collect();
                    assert_eq!(listeners, sdk_names, "{action:?}");
                    let expected: Vec<Value> = Event::ALL
                        .iter()
                        .map(|&event| {
                            let name = format!("ssq_{}", event.name());
                            let got = expected_payload(event, action, forward, &payload);
                            match action {
                                Action::Console => json!([name, got]),
                                Action::DataLayer => {
                                    let mut entry = got;
                                    entry["event"] = json!(name);
                                    entry
                                }
                                Action::Gtag => json!(["event", name, got]),
                            }
                        })
                        .collect();
                    let channel = match action {
                        Action::Console => "console",
                        Action::DataLayer => "dataLayer",
                        Action::Gtag => "gtag",
                    };
                    let how = format!("{action:?}, forward_content = {forward}, {form}, {payload}");
                    assert_eq!(report[channel], Value::Array(expected), "{how}");
                    for other in ["console", "gtag"].iter().filter(|c| **c != channel) {
                        assert_eq!(report[*other], json!([]), "{action:?} must not reach {other}");
                    }
                    // A lead form's fields never reach analytics, whatever forward_content says.
                    if action.is_analytics() {
                        let lead = Event::ALL.iter().position(|&e| e.payload() == Payload::PersonalData).unwrap();
                        let sent = report[channel][lead].to_string();
                        assert!(sent.contains("ssq_collection_info"), "{sent}");
                        assert!(!sent.contains("ann@example.com") && !sent.contains("7946"), "{how}: {sent}");
                    }
                }
            }
        }
    }
}

fn gtag_action_is_silent_without_gtag() {
    let snippet = render("p.toml", &all_events_with("gtag", "license = \"g1vfb1b\""));
    let report = harness(&snippet, json!({"fire": {"onOpenChat": null}}));
    assert_eq!(report["gtag"], json!([]));
}

fn a_blocked_loader_throws_nothing() {
    for profile in [example(), std::fs::read_to_string(fixture("license.json")).unwrap()] {
        let file = if profile.starts_with('{') { "p.json" } else { "p.toml" };
        let snippet = render(file, &profile);
        // `harness` fails the test on any JavaScript error.
        let report = harness(&snippet, json!({"loader": "blocked"}));
        assert_eq!(report["starts"], 0);
    }
}

fn included_twice_loads_once_and_registers_once() {
    for profile in [example(), std::fs::read_to_string(fixture("license.json")).unwrap()] {
        let file = if profile.starts_with('{') { "p.json" } else { "p.toml" };
        let snippet = render(file, &profile);
        let once = harness(&snippet, json!({}));
        let twice = harness(&snippet, json!({"copies": 2}));
        assert_eq!(twice["requests"], once["requests"]);
        assert_eq!(twice["commands"], once["commands"]);
        assert_eq!(twice["starts"], 1);
    }
}

fn existing_settings_are_merged_not_replaced() {
    let snippet = render("p.toml", &example());
    let before = "window.__ssc = {setting: {mode: 'float', hideIcon: false}, other: 1};";
    let report = harness(&snippet, json!({"before": before}));
    assert_eq!(report["settingAtStart"], json!({"mode": "float", "hideIcon": true}));
}

fn a_vendor_tag_already_on_the_page_is_reused() {
    // The page has the dashboard's blocking tag before the snippet: ssq exists, so the snippet
    // pushes straight away and does not insert the project script again.
    let snippet = render("p.toml", &example());
    let project =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/preview/project.js")).unwrap();
    let report = harness(&snippet, json!({"before": project}));
    let requests: Vec<_> = report["requests"].as_array().unwrap().iter().map(|r| r["src"].clone()).collect();
    assert_eq!(requests, [json!(INSTALL_URL)]);
    assert_eq!(report["commands"][0][0], "setLoginInfo");
}

/// Strings that break naive snippet generators, in every text field; each must reach setLoginInfo
/// exactly as written.
fn hostile_strings_arrive_byte_for_byte() {
    let hostile = [
        "</script><script>alert(1)</script>",
        "<!--<script>",
        "bob'@\"example\".com",
        "back\\slash\\\\ and \\u2028 escape-lookalikes \\x3c",
        "line\u{2028}separator\u{2029}paragraph",
        "emoji 👩‍💻🚀 and astral 𝒳",
        "\u{202e}RTL override\u{202c} and \u{200f}marks\u{200e}",
        "${alert(1)}`template`",
        "]]> ?> %> }}{{ {% %}",
        "&lt; &amp; &#x3c;",
        "\u{feff}bom and nbsp\u{a0}",
    ];
    harness(&render("p.toml", "[loader]\nlicense = \"g1vfb1b\"\n"), json!({}));
    for text in hostile {
        let login = json!({
            "user_id": format!("id {text}"),
            "user_name": text,
            "description": format!("{text}\nsecond line"),
            "label_names": [text, format!("{text}!")],
        });
        let profile = json!({"loader": {"license": "g1vfb1b"}, "login": login});
        let snippet = render("p.json", &profile.to_string());
        let script = &snippet[snippet.find("<script>").unwrap() + 8..snippet.rfind("</script>").unwrap()];
        assert!(!script.to_ascii_lowercase().contains("</script"), "{text}");
        assert!(!script.contains("<!--") && !script.contains('\u{2028}'), "{text}");
        let report = harness(&snippet, json!({}));
        assert_eq!(report["commands"][0], json!(["setLoginInfo", login]), "{text}");
    }
}

/// Fields that rules constrain still admit quotes, ampersands and braces; they must survive too.
fn constrained_fields_keep_their_special_characters() {
    let email = "o'neil&{x}|y~z@example.com";
    let url = "https://plugin-code.salesmartly.com/js/project_1_2_3.js?a=1&b='x'&c=%3C/script%3E";
    let profile = json!({
        "loader": {"script_url": url},
        "login": {"user_id": "u1x", "user_name": "n", "email": email},
    });
    let snippet = render_with("p.json", &profile.to_string(), &["-q"]);
    let report = harness(&snippet, json!({}));
    assert_eq!(report["requests"][0]["src"], url);
    assert_eq!(report["commands"][0][1]["email"], email);
}

tests! {
    script_url_form_delivers_exactly_the_profile ["node"],
    license_form_carries_the_install_code ["node"],
    every_event_and_action_has_its_effect ["node"],
    gtag_action_is_silent_without_gtag ["node"],
    a_blocked_loader_throws_nothing ["node"],
    included_twice_loads_once_and_registers_once ["node"],
    existing_settings_are_merged_not_replaced ["node"],
    a_vendor_tag_already_on_the_page_is_reused ["node"],
    hostile_strings_arrive_byte_for_byte ["node"],
    constrained_fields_keep_their_special_characters ["node"],
}
