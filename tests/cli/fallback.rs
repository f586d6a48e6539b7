//! When the chat cannot load: `ssq:unavailable` on `document`, once, with the reason, and the
//! `[fallback]` element revealed and its action reported, in both install forms, in Chromium
//! against the stand-ins. Never on a skipped path or before consent, and nothing thrown.

use crate::browser::{Browser, Network, Page, clean};
use crate::support::*;
use serde_json::{Value, json};

/// Records every `ssq:unavailable` from before the block runs, and the fallback element.
const WATCH: &str = "<script>window.__unavailable = []; document.addEventListener('ssq:unavailable', function (e) { window.__unavailable.push(e.detail); });</script><p id=\"chat-fallback\" hidden>Write to help@example.com</p>";

const FALLBACK: &str = "[fallback]\nselector = \"#chat-fallback\"\ntimeout = 1\naction = \"datalayer\"\n";

fn page(loader: &str, extra: &str) -> Page {
    let profile =
        format!("[loader]\n{loader}\n[widget]\nhide_icon = true\n[launcher]\nopen_selector = \"#help\"\n{extra}");
    let mut page = Page::with(render("p.toml", &profile));
    page.snippets.insert(0, WATCH.to_string());
    page.body = "<button id=\"help\">Help</button>".into();
    // The element's state just before the report, by when the 1 s timeout has passed.
    page.after = format!("window.__probe.notes.events = window.__unavailable; {HIDDEN_LATER}");
    page.settle_ms = 1500;
    page
}

const HIDDEN_LATER: &str =
    "setTimeout(function () { window.__probe.notes.hidden = document.getElementById('chat-fallback').hidden; }, 1400);";

/// `(events, revealed, dataLayer)` of a report: the reasons dispatched, whether the fallback
/// element lost its `hidden`, and what analytics got.
fn outcome(browser: &Browser, name: &str, page: Page, network: Network) -> (Value, bool, Value) {
    let report = browser.load(name, &page, network);
    clean(&report);
    let notes = &report["probe"]["notes"];
    (notes["events"].clone(), notes["hidden"] == false, report["dataLayer"].clone())
}

fn the_chat_cannot_load_for_each_reason_and_says_so_once() {
    let browser = Browser::start();
    for (form, loader) in install_forms() {
        // (page name, network, the reason)
        let cases = [
            ("blocked", Network::Blocked, "error"),
            ("failing-loader", Network::Normal, "error"),
            // The script form's project script runs and defines no ssq; the license form's
            // install.js runs and no widget ever reports ready.
            ("neutered-loader", Network::Normal, if form == "script" { "incomplete" } else { "timeout" }),
            ("never-ready", Network::Normal, "timeout"),
        ];
        for (case, network, reason) in cases {
            let name = format!("{case}-{form}.html");
            let (events, revealed, data_layer) = outcome(&browser, &name, page(&loader, FALLBACK), network);
            assert_eq!(events, json!([{"reason": reason}]), "{name}: once, with the reason");
            assert!(revealed, "{name}");
            assert_eq!(data_layer, json!([{"reason": reason, "event": "ssq_unavailable"}]), "{name}");
        }
    }
}

/// A widget ready in time reveals nothing and dispatches nothing; one ready late still works,
/// and the fallback stays visible.
fn a_ready_widget_reveals_nothing_and_a_late_one_still_works() {
    let browser = Browser::start();
    for (form, loader) in install_forms() {
        // onReady at once, the timeout 1 s, the report 1.8 s later.
        let mut ready = page(&loader, FALLBACK);
        ready.after = format!(
            "window.__ssqRecord.listeners.onReady[0](); {HIDDEN_LATER} window.__probe.notes.events = window.__unavailable; document.getElementById('help').click();"
        );
        let (events, revealed, data_layer) = outcome(&browser, &format!("ready-{form}.html"), ready, Network::Normal);
        assert_eq!((events, revealed, data_layer), (json!([]), false, Value::Null), "{form}");

        let mut late = page(&loader, FALLBACK);
        late.after.push_str(
            " setTimeout(function () { window.__ssqRecord.listeners.onReady[0](); document.getElementById('help').click(); }, 1200);",
        );
        let name = format!("late-{form}.html");
        let report = browser.load(&name, &late, Network::Normal);
        clean(&report);
        assert_eq!(report["probe"]["notes"]["events"], json!([{"reason": "timeout"}]), "{name}");
        assert_eq!(report["probe"]["notes"]["hidden"], false, "{name}: the fallback stays visible");
        let last = report["commands"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last, json!(["chatOpen"]), "{name}: the widget still works");
    }
}

/// Without `[fallback]` the event still fires (default timeout 10 s); on a skipped path and
/// before consent the block never tried to load, so it never fires.
fn no_fallback_section_still_tells_and_a_block_that_never_loaded_never_does() {
    let browser = Browser::start();
    for (form, loader) in install_forms() {
        let (events, _, data_layer) =
            outcome(&browser, &format!("plain-{form}.html"), page(&loader, ""), Network::Blocked);
        assert_eq!(events, json!([{"reason": "error"}]), "{form}");
        assert_eq!(data_layer, Value::Null, "{form}: no action without [fallback] action");
        for (case, extra) in [
            ("skipped", format!("[pages]\nskip = [\"/**\"]\n{FALLBACK}")),
            ("no-consent", format!("[consent]\ncmp = \"event\"\n{FALLBACK}")),
        ] {
            let name = format!("{case}-{form}.html");
            let (events, revealed, _) = outcome(&browser, &name, page(&loader, &extra), Network::Blocked);
            assert_eq!(events, json!([]), "{name}");
            assert!(!revealed, "{name}");
        }
    }
}

/// `[fallback]`'s values are checked like the rest: the timeout's range, the selector's grammar,
/// the action's word.
fn fallback_values_are_checked() {
    let cases = [
        ("timeout = 0", "SSQ004", "`fallback.timeout` is 0 seconds: it must be from 1 to 120"),
        ("timeout = 120.5", "SSQ004", "`fallback.timeout` is 120.5 seconds: it must be from 1 to 120"),
        ("timeout = \"10\"", "SSQ004", "`fallback.timeout` must be a number of seconds, found a string"),
        ("selector = \"#a[\"", "SSQ301", "`fallback.selector` is not a valid CSS selector"),
        ("action = \"datalayr\"", "SSQ006", "`fallback.action` cannot be `datalayr`"),
    ];
    for (line, code, message) in cases {
        let findings = lint_findings("p.ssq.toml", &format!("[loader]\nlicense = \"g1vfb1b\"\n[fallback]\n{line}\n"));
        assert_eq!(findings.len(), 1, "{line}: {findings:?}");
        let found = &findings[0];
        assert_eq!(found["code"], code, "{line}: {found}");
        assert!(found["message"].as_str().unwrap().starts_with(message), "{line}: {found}");
    }
    let good = "[loader]\nlicense = \"g1vfb1b\"\n[fallback]\nselector = \"#chat-fallback\"\ntimeout = 2.5\naction = \"gtag\"\n";
    let profile = temp_profile("p.ssq.toml", good);
    let output = ssq_gen().arg("snippet").arg(&profile.path).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("}, 2500);"), "2.5 s is 2500 ms");
}

tests! {
    fallback_values_are_checked,
    the_chat_cannot_load_for_each_reason_and_says_so_once ["chromium", "python3", "openssl"],
    a_ready_widget_reveals_nothing_and_a_late_one_still_works ["chromium", "python3", "openssl"],
    no_fallback_section_still_tells_and_a_block_that_never_loaded_never_does ["chromium", "python3", "openssl"],
}
