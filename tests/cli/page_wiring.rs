//! The launcher, badge, click triggers, deferred loading and the logout block, in Chromium.

use crate::browser::{Browser, Network, Page, clean};
use crate::support::*;
use serde_json::{Value, json};

const BUTTONS: &str = r##"<button id="help-btn"><span class="icon">?</span> Help</button>
<span id="help-badge">9</span>
<div id="payment-failed"><a href="#retry">Contact us</a></div>
<button class="close-chat">Close</button>
<a id="logout" href="#bye">Log out</a>"##;

fn profile(loader: &str, extra: &str) -> String {
    format!(
        "[loader]\n{loader}\n{extra}\n[login]\nuser_id = \"b58e64cfxs2ym\"\nuser_name = \"test_yy\"\n\
         [widget]\nhide_icon = true\n\
         [events]\non_unread = \"datalayer\"\n\
         [launcher]\nopen_selector = \"#help-btn\"\nbadge_selector = \"#help-badge\"\n\
         [triggers]\nopen_on_click = [\".contact-support\", \"#payment-failed a\"]\n\
         close_on_click = [\".close-chat\"]\nclear_user_on_click = [\"#logout\"]\n"
    )
}

const FORMS: [(&str, &str); 2] = [
    ("license", "license = \"g1vfb1b\""),
    ("script", "script_url = \"https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js\""),
];

fn commands(report: &Value) -> Vec<String> {
    report["commands"].as_array().unwrap().iter().map(|c| c[0].as_str().unwrap().to_string()).collect()
}

fn launcher_badge_and_triggers_drive_the_widget() {
    let browser = Browser::start();
    for (form, loader) in FORMS {
        let mut page = Page::with(render("p.toml", &profile(loader, "")));
        page.body = BUTTONS.into();
        page.after = r##"
            var n = p.notes, rec = window.__ssqRecord, badge = document.getElementById("help-badge");
            var unread = function (num) { var l = rec.listeners.onUnRead || []; for (var i = 0; i < l.length; i++) { l[i]({ num: num, list: [] }); } };
            n.start = rec.commands.length;
            document.querySelector("#help-btn .icon").click();
            unread(3);
            n.badge3 = { text: badge.textContent, hidden: badge.hasAttribute("hidden") };
            unread(0);
            n.badge0 = { text: badge.textContent, hidden: badge.hasAttribute("hidden") };
            document.querySelector("#payment-failed a").click();
            n.hashAfterOpen = location.hash;
            var late = document.createElement("a");
            late.className = "contact-support";
            late.innerHTML = "<b>added later</b>";
            document.body.appendChild(late);
            late.firstChild.click();
            document.querySelector(".close-chat").click();
            document.getElementById("logout").click();
            n.hashAfterLogout = location.hash;
            document.querySelector("h1, p").click();
            n.clicked = rec.commands.slice(n.start).map(function (c) { return c[0]; });
        "##
        .into();
        let report = browser.load(&format!("wiring-{form}.html"), &page, Network::Normal);
        clean(&report);
        let notes = &report["probe"]["notes"];
        assert_eq!(notes["clicked"], json!(["chatOpen", "chatOpen", "chatOpen", "chatClose", "clearUser"]), "{form}");
        assert_eq!(notes["badge3"], json!({"text": "3", "hidden": false}), "{form}");
        assert_eq!(notes["badge0"], json!({"text": "", "hidden": true}), "{form}");
        // One listener for onUnRead serves both the badge and the datalayer action (the stand-in,
        // like the real widget may, keeps only the last listener per event).
        let unread = report["commands"].as_array().unwrap().iter().filter(|c| c[0] == "onUnRead").count();
        assert_eq!(unread, 1, "{form}: one onUnRead listener");
        assert_eq!(
            report["dataLayer"],
            json!([{"num": 3, "event": "ssq_unread"}, {"num": 0, "event": "ssq_unread"}]),
            "{form}"
        );
        // An open trigger that is a link does not navigate; a logout link does.
        assert_eq!(notes["hashAfterOpen"], "", "{form}");
        assert_eq!(notes["hashAfterLogout"], "#bye", "{form}");
        assert_eq!(report["settingAtStart"], json!({"hideIcon": true}));
    }
}

fn interaction_loading_waits_for_the_visitor_then_delivers_everything() {
    let browser = Browser::start();
    for (form, loader) in FORMS {
        let name = format!("interaction-{form}.html");
        let mut page = Page::with(render("p.toml", &profile(loader, "load = \"interaction\"")));
        page.body = BUTTONS.into();
        // Half a second after parsing: nothing fetched from the vendor, no widget. Then the
        // launcher is clicked, which is the first interaction.
        page.before = r##"
            var vendor = performance.getEntriesByType("resource").filter(function (e) { return e.name.indexOf("plugin-code.salesmartly.com") >= 0; });
            p.notes.vendorRequestsBefore = vendor.length;
            p.notes.widgetBefore = !!window.__ssqRecord;
            document.querySelector("#help-btn").click();
        "##
        .into();
        let report = browser.load(&name, &page, Network::Normal);
        clean(&report);
        assert_eq!(report["probe"]["notes"]["vendorRequestsBefore"], 0, "{form}");
        assert_eq!(report["probe"]["notes"]["widgetBefore"], false, "{form}");
        assert_eq!(report["starts"], 1, "{form}");
        let sent = commands(&report);
        assert_eq!(sent.first().map(String::as_str), Some("setLoginInfo"), "{form}: {sent:?}");
        assert_eq!(
            sent.last().map(String::as_str),
            Some("chatOpen"),
            "{form}: the click that started the load opens the chat"
        );
        assert!(!browser.vendor_requests(&name).is_empty());
    }
    // Any first interaction loads it, not only the launcher.
    let mut page = Page::with(render("p.toml", &profile(FORMS[0].1, "load = \"interaction\"")));
    page.before = "window.dispatchEvent(new Event('keydown'));".into();
    let report = browser.load("interaction-key.html", &page, Network::Normal);
    clean(&report);
    assert_eq!(report["starts"], 1);
    assert_eq!(commands(&report), ["setLoginInfo", "onUnRead", "onReady"], "no click, no chatOpen; the badge listener");
}

fn interaction_loading_ignores_scrolling_the_visitor_did_not_do() {
    let browser = Browser::start();
    for (form, loader) in FORMS {
        let name = format!("scroll-{form}.html");
        let mut page = Page::with(render("p.toml", &profile(loader, "load = \"interaction\"")));
        // Loaded at #footer, the browser scrolls by itself; scripts scroll too.
        page.fragment = "footer".into();
        page.body = "<div style=\"height: 5000px\"></div><div id=\"footer\">footer</div>".into();
        page.before = r##"
            window.scrollTo(0, 100);
            window.dispatchEvent(new Event("scroll"));
            document.dispatchEvent(new Event("scroll"));
        "##
        .into();
        let report = browser.load(&name, &page, Network::Normal);
        clean(&report);
        assert_eq!(report["starts"], 0, "{form}: the widget did not load");
        assert_eq!(browser.vendor_requests(&name), Vec::<String>::new(), "{form}: no request to the vendor");
    }
}

fn idle_loading_loads_without_interaction() {
    let browser = Browser::start();
    for (form, loader) in FORMS {
        let report = browser.load(
            &format!("idle-{form}.html"),
            &Page::with(render("p.toml", &profile(loader, "load = \"idle\""))),
            Network::Normal,
        );
        clean(&report);
        assert_eq!(report["starts"], 1, "{form}");
        assert_eq!(commands(&report)[0], "setLoginInfo", "{form}");
    }
}

fn the_logout_block_forgets_the_visitor() {
    let browser = Browser::start();
    for (form, loader) in FORMS {
        let snippet = render_with("p.toml", &profile(loader, ""), &["--logout"]);
        assert!(!snippet.contains("setLoginInfo"));
        let report = browser.load(&format!("logout-{form}.html"), &Page::with(snippet), Network::Normal);
        clean(&report);
        assert_eq!(commands(&report), ["clearUser", "onUnRead", "onReady"], "{form}");
    }
}

/// With the loader blocked (an ad blocker) or failing (a server error), a trigger link goes where
/// its `href` says, whether it was clicked after the failure or while the loader was on its way; a
/// button does nothing, and nothing throws. With the loader up, the link opens the chat instead.
fn trigger_links_work_when_the_loader_cannot_load() {
    let browser = Browser::start();
    // A link within the page: following it is a navigation the report can see (the fragment), and
    // the page stays to report it.
    let body = r##"<a id="pay" href="#contact">Contact us</a> <button class="contact-support">Chat</button>"##;
    let cases = [
        ("blocked", Network::Blocked, "immediate"),
        ("blocked-first-input", Network::Blocked, "interaction"),
        ("failing-loader", Network::Normal, "immediate"),
        ("failing-loader-first-input", Network::Normal, "interaction"),
    ];
    for (form, loader) in FORMS {
        let profile = |load: &str| {
            format!(
                "[loader]\n{loader}\nload = \"{load}\"\n[triggers]\nopen_on_click = [\"#pay\", \".contact-support\"]\n"
            )
        };
        for (case, network, load) in cases {
            let mut page = Page::with(render("p.toml", &profile(load)));
            page.body = body.into();
            // The button first (nothing happens), then the link.
            page.before =
                "document.querySelector('.contact-support').click(); document.getElementById('pay').click();".into();
            page.after = "p.notes.hash = location.hash;".into();
            let name = format!("links-{form}-{case}.html");
            let report = browser.load(&name, &page, network);
            clean(&report);
            assert_eq!(report["probe"]["notes"]["hash"], "#contact", "{name}: the link did not go where it points");
            assert_eq!(report["starts"], 0, "{name}");
        }
        // The button alone, the loader blocked: nothing, and no error.
        let mut page = Page::with(render("p.toml", &profile("immediate")));
        page.body = body.into();
        page.before = "document.querySelector('.contact-support').click();".into();
        page.after = "p.notes.hash = location.hash;".into();
        let report = browser.load(&format!("links-{form}-button.html"), &page, Network::Blocked);
        assert_eq!(report["probe"]["notes"]["hash"], "", "{form}");
        clean(&report);
        assert_eq!(report["starts"], 0, "{form}");
        // The control: the loader up, the link opens the chat and the page stays.
        let mut page = Page::with(render("p.toml", &profile("immediate")));
        page.body = body.into();
        page.after = "document.getElementById('pay').click(); p.notes.hash = location.hash;".into();
        let report = browser.load(&format!("links-{form}-up.html"), &page, Network::Normal);
        clean(&report);
        assert_eq!(commands(&report).last().map(String::as_str), Some("chatOpen"), "{form}");
        assert_eq!(report["probe"]["notes"]["hash"], "", "{form}: with the widget up, the link opens the chat instead");
    }
}

tests! {
    launcher_badge_and_triggers_drive_the_widget ["chromium", "python3", "openssl"],
    interaction_loading_waits_for_the_visitor_then_delivers_everything ["chromium", "python3", "openssl"],
    interaction_loading_ignores_scrolling_the_visitor_did_not_do ["chromium", "python3", "openssl"],
    idle_loading_loads_without_interaction ["chromium", "python3", "openssl"],
    the_logout_block_forgets_the_visitor ["chromium", "python3", "openssl"],
    trigger_links_work_when_the_loader_cannot_load ["chromium", "python3", "openssl"],
}
