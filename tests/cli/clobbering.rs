//! A page's elements named like the block's globals. Browsers make an element's `id`, and a
//! form's `name`, a property of `window`: the block must neither throw nor stand down because of
//! one, in either install form, in Chromium against the stand-ins.

use crate::browser::{Batch, Browser, Network, Page, clean};
use crate::support::*;
use serde_json::json;

const ELEMENTS: &[&str] = &[
    "<div id=\"ssq\"></div>",
    "<form name=\"ssq\"></form>",
    "<div id=\"__ssqGen\"></div>",
    "<div id=\"__ssc\"></div>",
    "<div id=\"dataLayer\"></div>",
    "<div id=\"ss-chat\"></div>",
];

/// Warnings (the probe records the console's `log` only) and `ssq:unavailable`, recorded from
/// before the block runs.
const WARNINGS: &str = "<script>window.__warns = []; console.warn = function (m) { window.__warns.push(String(m)); }; window.__unavailable = []; document.addEventListener('ssq:unavailable', function (e) { window.__unavailable.push(e.detail.reason); });</script>";

fn elements_named_like_globals_neither_throw_nor_stop_the_chat() {
    let browser = Browser::start();
    for (form, loader) in install_forms() {
        let profile = format!(
            "[loader]\n{loader}\n[widget]\nhide_icon = true\n[launcher]\nopen_selector = \"#help\"\n[events]\non_unread = \"datalayer\"\n"
        );
        let block = render("p.toml", &profile);
        for (i, element) in ELEMENTS.iter().enumerate() {
            let mut page = Page::with(block.clone());
            page.snippets.insert(0, format!("{WARNINGS}{element}"));
            page.body = "<button id=\"help\">Help</button>".into();
            page.fire = json!({"onUnRead": {"num": 2}});
            page.after = "window.__probe.notes.warns = window.__warns; window.__probe.notes.unavailable = window.__unavailable; document.getElementById('help').click();".into();
            let name = format!("clobber-{form}-{i}.html");
            let report = browser.load(&name, &page, Network::Normal);
            clean(&report);
            let warns = &report["probe"]["notes"]["warns"];
            if form == "script" && element.contains("ss-chat") {
                // Only the vendor's own project script is in the way: it gives up; the block says why.
                assert_eq!(report["starts"], 0, "{name}: {element}");
                assert_eq!(warns.as_array().unwrap().len(), 1, "{name}: {warns}");
                let warning = warns[0].as_str().unwrap();
                assert!(warning.contains("id \"ss-chat\" (<div>)"), "{name}: {warning}");
                assert_eq!(report["probe"]["notes"]["unavailable"], json!(["incomplete"]), "{name}");
                continue;
            }
            assert_eq!(report["starts"], 1, "{name}: {element}: the widget starts");
            assert_eq!(warns, &json!([]), "{name}");
            assert_eq!(report["probe"]["notes"]["unavailable"], json!([]), "{name}");
            let commands: Vec<_> = report["commands"].as_array().unwrap().iter().map(|c| c[0].clone()).collect();
            assert_eq!(commands, vec![json!("onUnRead"), json!("onReady"), json!("chatOpen")], "{name}: {element}");
            assert_eq!(report["settingAtStart"], json!({"hideIcon": true}), "{name}: {element}");
            assert_eq!(report["dataLayer"], json!([{"num": 2, "event": "ssq_unread"}]), "{name}: {element}");
            if form == "license" {
                assert_eq!(report["license"], "g1vfb1b", "{name}: {element}");
            }
        }
    }
}

/// Prototype.js and MooTools extend `Object.prototype` and `Array.prototype` with enumerable
/// functions: none of them reaches `setLoginInfo`, in either install form.
fn extended_prototypes_send_nothing_inherited() {
    let browser = Browser::start();
    let extend = "<script>Object.prototype.extend = function () {}; Array.prototype.each = function () {};</script>";
    for (form, loader) in install_forms() {
        let profile = format!(
            "[loader]\n{loader}\n[login]\nfrom_page = true\nlabel_names = [\"vip\"]\ncustom_fields_ext = {{ \"10001\" = \"gold\" }}\n"
        );
        let mut page = Page::with(render("p.toml", &profile));
        page.snippets.insert(0, extend.to_string());
        page.after = "document.dispatchEvent(new CustomEvent('ssq:login', { detail: { user_id: 'u1', user_name: 'Ann', label_names: ['new'], custom_fields_ext: { '10002': ['a', 'b'] } } }));".into();
        let name = format!("prototypes-{form}.html");
        let report = browser.load(&name, &page, Network::Normal);
        clean(&report);
        let expected = json!([["onReady", "<function>"], ["setLoginInfo", {
            "user_id": "u1", "user_name": "Ann", "label_names": ["new"],
            "custom_fields_ext": {"10002": ["a", "b"], "10001": "gold"},
        }]]);
        assert_eq!(report["commands"], expected, "{name}");
    }
}

/// Named elements are properties of `document` that shadow its own methods and getters: every
/// member the block uses, shadowed at once, with a profile that uses them all (the visitor from
/// the page, consent by event, a launcher, a badge and a fallback). In the license form the
/// install code is the block's own, and the chat starts; in the script form the vendor's project
/// script calls `document.createElement` and `getElementById` itself, so with those shadowed only
/// the vendor's code throws (a cross-origin "Script error."), and with the others the chat starts.
fn elements_named_like_document_methods_neither_throw_nor_stop_the_chat() {
    let browser = Browser::start();
    let members = [
        "createElement",
        "createEvent",
        "dispatchEvent",
        "querySelector",
        "addEventListener",
        "getElementById",
        "readyState",
        "baseURI",
        "currentScript",
    ];
    let named: String = members.iter().map(|name| format!("<img name=\"{name}\" alt=\"\">")).collect();
    // What the vendor's project script calls on `document` itself.
    let vendors = ["createElement", "getElementById"];
    let ours: String = members
        .iter()
        .filter(|name| !vendors.contains(name))
        .map(|name| format!("<img name=\"{name}\" alt=\"\">"))
        .collect();
    let mut batch = Batch::default();
    for (form, loader) in install_forms() {
        let profile = format!(
            "[loader]\n{loader}\n[login]\nfrom_page = true\n[widget]\nhide_icon = true\n[launcher]\nopen_selector = \"#help\"\nbadge_selector = \"#badge\"\n[consent]\ncmp = \"event\"\n[fallback]\nselector = \"#fallback\"\n"
        );
        let block = render("p.toml", &profile);
        let cases = match form {
            "license" => vec![("all", named.clone())],
            _ => vec![("all", named.clone()), ("ours", ours.clone())],
        };
        for (case, elements) in cases {
            let mut page = Page::with(block.clone());
            let data = "<script type=\"application/json\" id=\"ssq-login\">{\"user_id\": \"u1\", \"user_name\": \"Ann\"}</script>";
            page.snippets.insert(0, format!("{WARNINGS}{elements}{data}<script>window.ssqConsent = true;</script>"));
            page.body =
                "<button id=\"help\">Help</button><span id=\"badge\"></span><p id=\"fallback\" hidden>Mail us</p>"
                    .into();
            page.after = "window.__probe.notes.warns = window.__warns; Document.prototype.getElementById.call(document, 'help').click();".into();
            let name = format!("clobber-document-{form}-{case}.html");
            let vendor_throws = form == "script" && case == "all";
            batch.add(&name.clone(), page, Network::Normal, move |report| {
                let errors = &report["probe"]["errors"];
                if vendor_throws {
                    assert_eq!(errors, &json!(["Script error."]), "{name}: only the vendor's script throws");
                    assert_eq!(report["starts"], 0, "{name}");
                    return;
                }
                assert_eq!(errors, &json!([]), "{name}");
                clean(&report);
                assert_eq!(report["starts"], 1, "{name}: the widget starts");
                assert_eq!(report["probe"]["notes"]["warns"], json!([]), "{name}");
                let commands = report["commands"].as_array().unwrap();
                let login = json!(["setLoginInfo", {"user_id": "u1", "user_name": "Ann"}]);
                assert!(commands.contains(&login), "{name}: the visitor from the page: {commands:?}");
                assert_eq!(commands.last(), Some(&json!(["chatOpen"])), "{name}: the launcher: {commands:?}");
            });
        }
    }
    batch.run(&browser);
}

tests! {
    elements_named_like_globals_neither_throw_nor_stop_the_chat ["chromium", "python3", "openssl"],
    extended_prototypes_send_nothing_inherited ["chromium", "python3", "openssl"],
    elements_named_like_document_methods_neither_throw_nor_stop_the_chat ["chromium", "python3", "openssl"],
}
