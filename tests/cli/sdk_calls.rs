//! The calls the vendor's own demos show beyond its SDK page (onReady, hideUpload, hideCloseIcon,
//! sendTextMessage), proven in Chromium against the stand-ins (tests/stand-ins/), which record
//! every command they receive, known or not, and answer `chatOpen` by opening the chat window
//! when a page asks them to (`window.__standInOpensChat`).

use crate::browser::{Batch, Browser, Network, Page, clean};
use crate::support::*;
use serde_json::{Value, json};
use ssq_gen::sdk::{Load, Word};

/// The SDK commands of a report, in order, with their arguments.
fn commands(report: &Value) -> &Vec<Value> {
    report["commands"].as_array().unwrap()
}

fn set_up_commands_in_both_forms_every_load_mode_and_the_logout_block() {
    let browser = Browser::start();
    let mut batch = Batch::default();
    for (form, loader) in install_forms() {
        for load in Load::WORDS {
            for logout in [false, true] {
                let profile = format!(
                    "[loader]\n{loader}\nload = \"{load}\"\n[widget]\nhide_upload = [\"video\", \"img\"]\nhide_close_icon = true\n[events]\non_ready = \"datalayer\"\n"
                );
                let args: &[&str] = if logout { &["--logout"] } else { &[] };
                let mut page = Page::with(render_with("p.toml", &profile, args));
                // The visitor's first input, which `interaction` waits for; nothing for the others.
                page.before = "window.dispatchEvent(new Event('keydown'));".into();
                page.fire = json!({"onReady": null});
                let name = format!("setup-{form}-{load}-{logout}.html");
                batch.add(&name.clone(), page, Network::Normal, move |report| {
                    clean(&report);
                    assert_eq!(report["starts"], 1, "{name}");
                    let mut expected = Vec::new();
                    if logout {
                        expected.push(json!(["clearUser"]));
                    }
                    expected.extend([
                        json!(["hideUpload", ["video", "img"]]),
                        json!(["hideCloseIcon"]),
                        json!(["onReady", "<function>"]),
                    ]);
                    assert_eq!(commands(&report), &expected, "{name}");
                    // onReady carries nothing: analytics get the event's name alone.
                    assert_eq!(report["dataLayer"], json!([{"event": "ssq_ready"}]), "{name}");
                });
            }
        }
    }
    batch.run(&browser);
}

fn on_ready_runs_every_action_with_no_chat_content() {
    let browser = Browser::start();
    let mut batch = Batch::default();
    for (action, forward) in [("console", false), ("gtag", false), ("datalayer", true), ("gtag", true)] {
        let profile = format!(
            "[loader]\nlicense = \"g1vfb1b\"\n[events]\non_ready = \"{action}\"\nforward_content = {forward}\n"
        );
        let mut page = Page::with(render("p.toml", &profile));
        page.fire = json!({"onReady": null});
        let name = format!("ready-{action}-{forward}.html");
        batch.add(&name.clone(), page, Network::Normal, move |report| {
            clean(&report);
            assert_eq!(commands(&report), &vec![json!(["onReady", "<function>"])], "{name}");
            match action {
                "console" => assert_eq!(report["probe"]["console"], json!([["ssq_ready", null]]), "{name}"),
                "gtag" => assert_eq!(report["probe"]["gtag"], json!([["event", "ssq_ready", {}]]), "{name}"),
                _ => assert_eq!(report["dataLayer"], json!([{"event": "ssq_ready"}]), "{name}"),
            }
        });
    }
    batch.run(&browser);
}

const SEND_PROFILE: &str = "[triggers.send_on_click]\n\"#ask-size\" = \"Which size fits me?\"\n\".ask-shipping\" = \"When will my order arrive?\"\n";

/// The size link clicked twice before the widget is up; once the chat is open, the shipping button.
fn send_page(snippet: String) -> Page {
    let mut page = Page::with(snippet);
    page.body = "<a id=\"ask-size\" href=\"/elsewhere.html\">Which size?</a><button class=\"ask-shipping\"><span>Shipping?</span></button>".into();
    page.before = r#"
        window.__standInOpensChat = 50;
        var size = document.getElementById("ask-size");
        size.click();
        size.click();
    "#
    .into();
    page.after = r#"
        p.notes.openedBeforeSecondAsk = window.__ssqRecord.openedAfter !== undefined;
        document.querySelector(".ask-shipping span").click();
        p.notes.path = location.pathname;
    "#
    .into();
    page
}

fn send_on_click_sends_once_the_chat_window_is_open() {
    let browser = Browser::start();
    let cases = [("slow", "immediate", Network::SlowLoader), ("first-input", "interaction", Network::Normal)];
    let mut batch = Batch::default();
    for (form, loader) in install_forms() {
        for (case, load, network) in cases {
            let profile = format!("[loader]\n{loader}\nload = \"{load}\"\n{SEND_PROFILE}");
            let name = format!("send-{form}-{case}.html");
            batch.add(&name.clone(), send_page(render("p.toml", &profile)), network, move |report| {
                clean(&report);
                let sent = commands(&report);
                let expected = [
                    json!(["onReady", "<function>"]),
                    json!(["onOpenChat", "<function>"]),
                    json!(["onCloseChat", "<function>"]),
                    json!(["chatOpen"]),
                    json!(["sendTextMessage", "Which size fits me?"]),
                    json!(["sendTextMessage", "When will my order arrive?"]),
                ];
                // Two clicks before the window opened: one chatOpen, one text. The click once it was
                // open: its text at once, no second chatOpen.
                assert_eq!(sent, &expected.to_vec(), "{name}");
                // The first text went after the widget opened the window, not on a timer.
                assert_eq!(report["openedAfter"], 4, "{name}: the window opened after chatOpen, before any text");
                assert_eq!(report["probe"]["notes"]["openedBeforeSecondAsk"], true, "{name}");
                assert!(
                    report["probe"]["notes"]["path"].as_str().unwrap().ends_with(&name),
                    "{name}: the link navigated"
                );
            });
        }
    }
    batch.run(&browser);
}

/// The Big List of Naughty Strings as texts to send: every one the rules accept arrives byte for
/// byte, and none runs as code.
fn naughty_strings_are_sent_byte_for_byte() {
    let strings: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/blns.json")).unwrap(),
    )
    .unwrap();
    let sendable = |s: &&String| !s.trim().is_empty() && !s.chars().any(|c| c.is_control() && c != '\n' && c != '\r');
    let texts: Vec<&String> = strings.iter().filter(sendable).collect();
    assert!(texts.len() > 400, "{}", texts.len());
    let table: serde_json::Map<String, Value> =
        texts.iter().enumerate().map(|(i, text)| (format!("[data-i=\"{i}\"]"), json!(text))).collect();
    let profile = json!({"loader": {"license": "g1vfb1b"}, "triggers": {"send_on_click": table}});
    let mut page = Page::with(render_with("p.json", &profile.to_string(), &["-q"]));
    page.body = (0..texts.len()).map(|i| format!("<button data-i=\"{i}\">ask</button>")).collect();
    // The first opens the chat; the others are clicked once it is open.
    page.before = "window.__standInOpensChat = 50; document.querySelector('[data-i=\"0\"]').click();".into();
    page.after =
        "var all = document.querySelectorAll('[data-i]'); for (var i = 1; i < all.length; i++) { all[i].click(); }"
            .into();
    let report = Browser::start().load("send-naughty.html", &page, Network::Normal);
    clean(&report);
    let sent: Vec<&Value> = commands(&report).iter().filter(|c| c[0] == "sendTextMessage").map(|c| &c[1]).collect();
    let expected: Vec<Value> = texts.iter().map(|text| json!(text)).collect();
    assert_eq!(sent, expected.iter().collect::<Vec<_>>());
}

/// The vendor demo's lead-form and channel events, fired by the stand-in with the payloads the demo
/// shows, in both install forms: each action gets exactly its documented payload, and a lead
/// form's fields reach neither `dataLayer` nor `gtag`. The stand-in fires listeners by the exact
/// SDK name, so a misspelt name leaves its action silent and fails here.
fn lead_forms_and_channels_reach_each_action_as_documented() {
    let browser = Browser::start();
    let lead = json!({"type": "survey", "name": "Zoë", "email": "zoe@example.com", "phone": "+44 20 7946 0000"});
    let fire = json!({
        "onOpenCollection": {"type": "offline"},
        "onCollectionInfo": lead,
        "onOpenWhatsapp": null, "onOpenTelegram": null, "onOpenLine": null,
        "onOpenMessenger": null, "onOpenEmail": null, "onOpenWeixin": null,
    });
    let events = "on_open_collection = \"ACTION\"\non_collection_info = \"ACTION\"\non_open_whatsapp = \"ACTION\"\non_open_telegram = \"ACTION\"\non_open_line = \"ACTION\"\non_open_messenger = \"ACTION\"\non_open_email = \"ACTION\"\non_open_weixin = \"ACTION\"\n";
    let channels = ["whatsapp", "telegram", "line", "messenger", "email", "weixin"];
    let lead = &lead;
    let mut batch = Batch::default();
    for (form, loader) in install_forms() {
        for action in ["datalayer", "gtag", "console"] {
            for forward in [false, true] {
                let profile = format!(
                    "[loader]\n{loader}\n[events]\n{}forward_content = {forward}\n",
                    events.replace("ACTION", action)
                );
                let mut page = Page::with(render("p.toml", &profile));
                page.fire = fire.clone();
                let name = format!("leads-{form}-{action}-{forward}.html");
                batch.add(&name.clone(), page, Network::Normal, move |report| {
                    clean(&report);
                    let mut sent = vec![("ssq_open_collection".to_string(), json!({"form_type": "offline"}))];
                    let lead_sent = match (action, forward) {
                        ("console", true) => lead.clone(),
                        _ => json!({"form_type": "survey"}),
                    };
                    sent.push(("ssq_collection_info".to_string(), lead_sent));
                    for channel in channels {
                        // The console logs what the widget passed (nothing); analytics get `{}`.
                        let payload = if action == "console" { Value::Null } else { json!({}) };
                        sent.push((format!("ssq_open_{channel}"), payload));
                    }
                    if action == "console" {
                        // The first payload is what the widget passed, as it passed it.
                        sent[0].1 = json!({"type": "offline"});
                    }
                    let expected: Vec<Value> = sent
                        .into_iter()
                        .map(|(event, payload)| match action {
                            "datalayer" => {
                                let mut entry = payload;
                                entry["event"] = json!(event);
                                entry
                            }
                            "gtag" => json!(["event", event, payload]),
                            _ => json!([event, payload]),
                        })
                        .collect();
                    let got = match action {
                        "datalayer" => &report["dataLayer"],
                        "gtag" => &report["probe"]["gtag"],
                        _ => &report["probe"]["console"],
                    };
                    assert_eq!(got, &Value::Array(expected), "{name}");
                    if action != "console" {
                        assert!(!got.to_string().contains("zoe@example.com"), "{name}: personal data in analytics");
                    }
                });
            }
        }
    }
    batch.run(&browser);
}

/// `hide_icon = "mobile"` hides the vendor's icon where `(max-width: 767px)` matches when the
/// block starts, `"desktop"` elsewhere; `true` and `false` everywhere: at a phone's and a
/// desktop's width, in both install forms. Each width is an iframe of that width (a headless
/// window is at least 500 px wide), whose media queries are its own.
fn the_icon_is_hidden_on_the_devices_the_profile_names() {
    let browser = Browser::start();
    let mut batch = Batch::default();
    for (form, loader) in install_forms() {
        for (hide, at_375, at_1280) in
            [("\"mobile\"", true, false), ("\"desktop\"", false, true), ("true", true, true), ("false", false, false)]
        {
            let profile =
                format!("[loader]\n{loader}\n[widget]\nhide_icon = {hide}\n[launcher]\nopen_selector = \"#help\"\n");
            let block = render("p.toml", &profile);
            let case = format!("icon-{form}-{}", hide.trim_matches('"'));
            let mut frames = String::new();
            for width in [375, 1280] {
                let frame = format!(
                    "<!doctype html><html><head><meta charset=\"utf-8\"><script>window.onerror = function (m) {{ (parent.__errors = parent.__errors || []).push(String(m)); }};</script>{block}</head><body>\
                     <script>setTimeout(function () {{ var r = window.__ssqRecord || {{}}; parent.__frames[\"{width}\"] = {{width: window.innerWidth, setting: r.settingAtStart}}; }}, 1500);</script></body></html>"
                );
                browser.serve(&format!("{case}-{width}.html"), &frame);
                frames.push_str(&format!(
                    "<iframe src=\"{case}-{width}.html\" style=\"width: {width}px; height: 200px; border: 0\"></iframe>"
                ));
            }
            let mut page = Page::with(String::new());
            page.snippets = vec!["<script>window.__frames = {};</script>".into()];
            page.body = frames;
            page.after = "window.__probe.notes.errors = window.__errors || [];".into();
            page.settle_ms = 2000;
            batch.add(&format!("{case}.html"), page, Network::Normal, move |report| {
                clean(&report);
                assert_eq!(report["probe"]["notes"]["errors"], json!([]), "{case}");
                for (width, hidden) in [(375, at_375), (1280, at_1280)] {
                    let frame = &report["frames"][width.to_string()];
                    assert_eq!(frame["width"], width, "{case}: the frame's width");
                    assert_eq!(frame["setting"], json!({"hideIcon": hidden}), "{case} at {width} px");
                }
            });
        }
    }
    batch.run(&browser);
}

/// The rules about a visitor with no way to open the chat count the device forms: hiding the icon
/// on phones leaves phones needing a launcher, and a launcher then makes no second button.
fn the_rules_count_the_device_forms() {
    let lint = |widget: &str, rest: &str| {
        let text = format!("[loader]\nlicense = \"g1vfb1b\"\n[widget]\n{widget}\n{rest}");
        lint_findings("p.ssq.toml", &text)
            .iter()
            .map(|d| (d["code"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string()))
            .collect::<Vec<_>>()
    };
    let found = lint("hide_icon = \"mobile\"", "");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "SSQ011");
    assert!(found[0].1.ends_with("nothing else opens the chat: on phones, visitors cannot start one"), "{found:?}");
    let found = lint("hide_icon = \"desktop\"\nhide_close_icon = true", "");
    assert_eq!(found[0].0, "SSQ303", "{found:?}");
    assert!(found[0].1.contains("on desktops, a visitor can neither"), "{found:?}");
    assert_eq!(lint("hide_icon = \"mobile\"", "[launcher]\nopen_selector = \"#help\"\n"), vec![]);
    let found = lint("hide_icon = \"phone\"", "");
    assert_eq!(found[0].0, "SSQ006", "{found:?}");
    let found = lint("hide_icon = \"true\"", "");
    assert_eq!(
        found[0],
        ("SSQ004".to_string(), "`widget.hide_icon` must be a boolean (true or false), found a string".to_string())
    );
}

tests! {
    the_rules_count_the_device_forms,
    the_icon_is_hidden_on_the_devices_the_profile_names ["chromium", "python3", "openssl"],
    lead_forms_and_channels_reach_each_action_as_documented ["chromium", "python3", "openssl"],
    set_up_commands_in_both_forms_every_load_mode_and_the_logout_block ["chromium", "python3", "openssl"],
    on_ready_runs_every_action_with_no_chat_content ["chromium", "python3", "openssl"],
    send_on_click_sends_once_the_chat_window_is_open ["chromium", "python3", "openssl"],
    naughty_strings_are_sent_byte_for_byte ["chromium", "python3", "openssl"],
}
